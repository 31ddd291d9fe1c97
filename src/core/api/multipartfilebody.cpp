#include "api/multipartfilebody.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstring>

MultipartFileBody::MultipartFileBody(const QList<Field> &fields, const QByteArray &fileField,
                                     const QString &filePath, const QString &fileName,
                                     const QByteArray &fileType, const QByteArray &boundary)
    : m_boundary(boundary), m_file(filePath)
{
    for (const Field &field : fields) {
        m_head += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + field.first +
                  "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + field.second.toUtf8() +
                  "\r\n";
    }
    m_head += "--" + m_boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField +
              "\"; filename=\"" + quotedFileName(fileName) + "\"\r\nContent-Type: " +
              (fileType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : fileType) +
              "\r\n\r\n";
    m_tail = "\r\n--" + m_boundary + "--\r\n";
}

QByteArray MultipartFileBody::newBoundary()
{
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    return "WebexDesk-" + QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
}

bool MultipartFileBody::openForUpload(qint64 expectedSize, QString *error)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("MultipartFileBody", "%1 cannot be read: %2")
                     .arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_fileSize = m_file.size();
    if (expectedSize >= 0 && m_fileSize != expectedSize) {
        *error =
            QCoreApplication::translate("MultipartFileBody", "%1 changed while it was being sent.")
                .arg(m_file.fileName());
        m_file.close();
        return false;
    }
    // Unbuffered, as QBuffer: readData then reads at pos(), not ahead of it.
    return open(ReadOnly | Unbuffered);
}

QByteArray MultipartFileBody::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

qint64 MultipartFileBody::size() const
{
    return m_head.size() + m_fileSize + m_tail.size();
}

bool MultipartFileBody::seek(qint64 position)
{
    if (position < m_furthest)
        return false; // a rewind: Qt means to send it again
    return QIODevice::seek(position);
}

qint64 MultipartFileBody::readData(char *data, qint64 maxSize)
{
    qint64 position = pos();
    qint64 copied = 0;
    const auto copy = [&](const QByteArray &part, qint64 partStart) {
        if (copied >= maxSize || position < partStart || position >= partStart + part.size())
            return;
        const qint64 count = qMin(maxSize - copied, partStart + part.size() - position);
        std::memcpy(data + copied, part.constData() + (position - partStart), size_t(count));
        copied += count;
        position += count;
    };
    copy(m_head, 0);
    const qint64 fileStart = m_head.size();
    if (copied < maxSize && position >= fileStart && position < fileStart + m_fileSize) {
        if (m_file.pos() != position - fileStart && !m_file.seek(position - fileStart))
            return -1;
        const qint64 want = qMin(maxSize - copied, fileStart + m_fileSize - position);
        const qint64 got = m_file.read(data + copied, want);
        // A file cut short while it is sent would make the body shorter than announced.
        if (got != want) {
            setErrorString(QCoreApplication::translate("MultipartFileBody",
                                                       "%1 changed while it was being sent.")
                               .arg(m_file.fileName()));
            return -1;
        }
        copied += got;
        position += got;
    }
    copy(m_tail, fileStart + m_fileSize);
    if (copied == 0 && position >= size())
        return 0; // the end
    m_furthest = qMax(m_furthest, position);
    return copied;
}

QByteArray MultipartFileBody::quotedFileName(const QString &name)
{
    QByteArray quoted = name.toUtf8();
    for (char &c : quoted) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\' || byte < 0x20 || byte == 0x7f)
            c = '_';
    }
    return quoted;
}
