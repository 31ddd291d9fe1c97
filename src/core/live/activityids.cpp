#include "live/activityids.h"

#include <QByteArray>
#include <QStringList>
#include <QUuid>

namespace ActivityIds {

namespace {

const QLatin1String Scheme("ciscospark://");

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

bool isTypeName(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'))
            return false;
    }
    return true;
}

// The bytes of base64 in either alphabet, with or without padding; nullopt for anything else
// (a character of neither alphabet, padding in the middle, an impossible length).
std::optional<QByteArray> fromEitherBase64(const QString &text)
{
    QByteArray standard = text.toLatin1();
    qsizetype end = standard.size();
    int padding = 0;
    while (end > 0 && standard.at(end - 1) == '=' && padding < 2) {
        --end;
        ++padding;
    }
    standard.truncate(end);
    for (char &c : standard) {
        if (c == '-')
            c = '+';
        else if (c == '_')
            c = '/';
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '+' || c == '/'))
            return std::nullopt; // also a "=" left in the middle
    }
    if (standard.isEmpty() || standard.size() % 4 == 1)
        return std::nullopt;
    // Padding, if given, must be what the length needs.
    if (padding > 0 && (standard.size() + padding) % 4 != 0)
        return std::nullopt;
    while (standard.size() % 4 != 0)
        standard.append('=');
    const QByteArray::FromBase64Result result =
        QByteArray::fromBase64Encoding(standard, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return result.decoded;
}

} // namespace

QString typeName(Type type)
{
    switch (type) {
    case Type::Message:
        return QStringLiteral("MESSAGE");
    case Type::Room:
        return QStringLiteral("ROOM");
    case Type::People:
        return QStringLiteral("PEOPLE");
    case Type::Organization:
        return QStringLiteral("ORGANIZATION");
    case Type::Membership:
        return QStringLiteral("MEMBERSHIP");
    case Type::Content:
        return QStringLiteral("CONTENT");
    }
    return {};
}

QString encode(Type type, const QString &uuid, const QString &cluster)
{
    // Section 5.2: "Cluster is always "us" for people and orgs".
    const QString where = (type == Type::People || type == Type::Organization || cluster.isEmpty())
                              ? DefaultCluster
                              : cluster;
    const int slashesAllowed = type == Type::Content ? 1 : 0;
    if (uuid.isEmpty() || !isPrintableAscii(uuid) || !isPrintableAscii(where) ||
        where.contains(QLatin1Char('/')) || uuid.count(QLatin1Char('/')) > slashesAllowed ||
        uuid.startsWith(QLatin1Char('/')) || uuid.endsWith(QLatin1Char('/')))
        return {};
    const QString plain =
        Scheme + where + QLatin1Char('/') + typeName(type) + QLatin1Char('/') + uuid;
    return QString::fromLatin1(
        plain.toLatin1().toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

std::optional<Decoded> decode(const QString &restId)
{
    if (restId.isEmpty() || restId.size() > MaxRestIdLength)
        return std::nullopt;
    const std::optional<QByteArray> bytes = fromEitherBase64(restId);
    if (!bytes)
        return std::nullopt;
    const QString plain = QString::fromLatin1(*bytes);
    if (!plain.startsWith(Scheme) || !isPrintableAscii(plain))
        return std::nullopt;
    // "ciscospark:", "", cluster, TYPE, uuid (membership uuids hold ":", so "/" only).
    const QStringList parts = plain.split(QLatin1Char('/'));
    if (parts.size() < 5)
        return std::nullopt;
    Decoded decoded;
    decoded.cluster = parts.at(2);
    decoded.type = parts.at(3);
    const qsizetype expected = decoded.type == typeName(Type::Content) ? 6 : 5;
    if (parts.size() != expected || !isTypeName(decoded.type) || decoded.cluster.isEmpty())
        return std::nullopt;
    decoded.uuid = parts.mid(4).join(QLatin1Char('/'));
    for (qsizetype i = 4; i < parts.size(); ++i) {
        if (parts.at(i).isEmpty())
            return std::nullopt;
    }
    return decoded;
}

bool isUuid(const QString &text)
{
    // By hand: QUuid::fromString is lenient with what follows 36 characters.
    QStringView digits(text);
    if (digits.size() == 38 && digits.front() == QLatin1Char('{') &&
        digits.back() == QLatin1Char('}'))
        digits = digits.mid(1, 36);
    if (digits.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = digits.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex)
            return false;
    }
    return !QUuid::fromString(digits).isNull();
}

QString uuidOf(const QString &uuidOrRestId)
{
    if (isUuid(uuidOrRestId))
        return QUuid::fromString(uuidOrRestId).toString(QUuid::WithoutBraces);
    const std::optional<Decoded> decoded = decode(uuidOrRestId);
    if (!decoded)
        return {};
    return isUuid(decoded->uuid) ? QUuid::fromString(decoded->uuid).toString(QUuid::WithoutBraces)
                                 : decoded->uuid;
}

QString clusterOf(const QString &spaceGlobalId, const QString &spaceUuid,
                  const QString &knownRoomId)
{
    const QString space = uuidOf(spaceUuid);
    if (space.isEmpty())
        return DefaultCluster;
    for (const QString &candidate : {spaceGlobalId, knownRoomId}) {
        const std::optional<Decoded> decoded = decode(candidate);
        if (decoded && decoded->type == typeName(Type::Room) &&
            uuidOf(decoded->uuid).compare(space, Qt::CaseInsensitive) == 0)
            return decoded->cluster;
    }
    return DefaultCluster;
}

QString toRestId(Type type, const QString &uuidOrRestId, const QString &cluster)
{
    if (isUuid(uuidOrRestId))
        return encode(type, QUuid::fromString(uuidOrRestId).toString(QUuid::WithoutBraces),
                      cluster);
    if (decode(uuidOrRestId))
        return uuidOrRestId;
    // The two compound forms: "<person>:<space>" and "<activity>/<file index>".
    if (type == Type::Membership) {
        const QStringList halves = uuidOrRestId.split(QLatin1Char(':'));
        if (halves.size() == 2 && isUuid(halves.at(0)) && isUuid(halves.at(1)))
            return encode(type, uuidOrRestId.toLower(), cluster);
    }
    if (type == Type::Content) {
        const QStringList halves = uuidOrRestId.split(QLatin1Char('/'));
        bool isIndex = false;
        if (halves.size() == 2 && isUuid(halves.at(0)) && halves.at(1).toUInt(&isIndex) < 10000 &&
            isIndex)
            return encode(type, uuidOrRestId.toLower(), cluster);
    }
    return {};
}

} // namespace ActivityIds
