#include "pagecursor.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace {
constexpr auto kEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString PageCursor::encode(const QJsonObject &state)
{
    return QString::fromLatin1(
        QJsonDocument(state).toJson(QJsonDocument::Compact).toBase64(kEncoding));
}

bool PageCursor::decode(const QString &cursor, QJsonObject *state)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), kEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *state = document.object();
    return state->contains(QStringLiteral("o"));
}

QByteArray PageCursor::nextLink(const QString &origin, const QString &path, int max,
                                const QJsonObject &state)
{
    QUrl url(origin + path);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("max"), QString::number(max));
    query.addQueryItem(QStringLiteral("cursor"), encode(state));
    url.setQuery(query);
    return '<' + url.toEncoded() + ">; rel=\"next\"";
}
