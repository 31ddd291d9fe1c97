#include "fakereply.h"

#include <QMetaEnum>

#include <cstring>

FakeReply::FakeReply(const QByteArray &input)
{
    qsizetype headEnd = input.indexOf("\n\n");
    const qsizetype crlfEnd = input.indexOf("\r\n\r\n");
    qsizetype separator = 2;
    if (crlfEnd >= 0 && (headEnd < 0 || crlfEnd < headEnd)) {
        headEnd = crlfEnd;
        separator = 4;
    }
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    m_body = headEnd < 0 ? QByteArray() : input.mid(headEnd + separator);

    QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusLine = lines.takeFirst().trimmed().split(' ');
    m_status = qMax(0, statusLine.value(0).toInt()); // no status: 0, as for a network error
    const int networkError = statusLine.value(1).toInt();
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        m_headers.append({name, value});
        setRawHeader(name, value);
    }

    if (m_status > 0)
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_status);
    // Only errors Qt has: any other number in the enum would be undefined behaviour of ours.
    if (networkError != 0 && QMetaEnum::fromType<NetworkError>().valueToKey(networkError))
        setError(static_cast<NetworkError>(networkError),
                 QStringLiteral("network error %1").arg(networkError));
    open(QIODevice::ReadOnly);
    setFinished(true);
}

qint64 FakeReply::bytesAvailable() const
{
    return m_body.size() - m_read + QNetworkReply::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin<qint64>(maxSize, m_body.size() - m_read);
    if (count <= 0)
        return -1;
    std::memcpy(data, m_body.constData() + m_read, size_t(count));
    m_read += count;
    return count;
}
