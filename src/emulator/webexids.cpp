#include "webexids.h"

#include <QDateTime>
#include <QRandomGenerator>

QString WebexIds::encode(const QString &kind, const QString &uuid)
{
    const QString plain = QStringLiteral("ciscospark://us/%1/%2").arg(kind, uuid);
    return QString::fromLatin1(plain.toUtf8().toBase64(QByteArray::OmitTrailingEquals));
}

QString WebexIds::decode(const QString &kind, const QString &id)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        id.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto decodedUrlSafe = QByteArray::fromBase64Encoding(
        id.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray plain = decoded ? *decoded : decodedUrlSafe ? *decodedUrlSafe : QByteArray();
    // ciscospark://<cluster>/<KIND>/<uuid>: five parts split on '/'.
    const QList<QByteArray> parts = plain.split('/');
    if (parts.size() != 5 || parts.at(0) != "ciscospark:" || !parts.at(1).isEmpty() ||
        parts.at(3) != kind.toLatin1() || parts.at(4).isEmpty())
        return {};
    return QString::fromLatin1(parts.at(4));
}

QString WebexIds::uuid(QRandomGenerator &rng)
{
    quint32 words[4];
    rng.fillRange(words);
    words[1] = (words[1] & 0xffff0fffu) | 0x00004000u; // version 4
    words[2] = (words[2] & 0x3fffffffu) | 0x80000000u; // RFC 4122 variant
    const auto hex = [](quint32 value, int digits) {
        return QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
    };
    return hex(words[0], 8) + QLatin1Char('-') + hex(words[1] >> 16, 4) + QLatin1Char('-') +
           hex(words[1] & 0xffffu, 4) + QLatin1Char('-') + hex(words[2] >> 16, 4) +
           QLatin1Char('-') + hex(words[2] & 0xffffu, 4) + hex(words[3], 8);
}

QString WebexIds::trackingId()
{
    return QStringLiteral("ROUTER_") + uuid(*QRandomGenerator::global()).toUpper();
}

QString WebexIds::randomToken(int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString token;
    token.reserve(length);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        token.append(QLatin1Char(alphabet[rng->bounded(64)]));
    return token;
}

QString WebexIds::timestamp(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}
