#pragma once

// What the emulator tests send over real HTTP and read back: one reply type and one way to wait
// for it, shared by tst_emulator, tst_emulator_live, tst_emulator_files and
// tst_emulator_conversations (each asks its own endpoints with these).

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QString>
#include <QUrl>

namespace EmulatorReply {

// Generous: only a broken emulator takes this long; a working one answers in milliseconds.
constexpr int WaitMs = 15000;

// An answer as the test saw it: status, body, headers under lower-case names.
struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The "items" of a list answer (rooms, messages, people, teams, memberships).
    [[nodiscard]] QJsonArray items() const
    {
        return json().value(QLatin1String("items")).toArray();
    }
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        return headers.value(name.toLower());
    }
    [[nodiscard]] QUrl location() const { return QUrl::fromEncoded(header("Location")); }
    // The next page named by RFC 5988's Link header, as Webex pages its lists.
    [[nodiscard]] QUrl nextLink() const
    {
        static const QRegularExpression re(QStringLiteral("<([^>]+)>;\\s*rel=\"next\""));
        const auto match = re.match(QString::fromLatin1(header("Link")));
        return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }
};

// Waits for the reply (at most WaitMs), reads it whole and deletes it.
inline Reply finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(WaitMs);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return result;
}

// A request with the access token as Webex wants it (none when empty). Redirects are not
// followed: a test sees the wire as the emulator wrote it.
inline QNetworkRequest bearer(const QUrl &url, const QString &token = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return request;
}

// Sends `verb` with `body` (and `contentType`, when given) and waits for the answer.
inline Reply send(QNetworkAccessManager &nam, QNetworkRequest request, const QByteArray &verb,
                  const QByteArray &body = {}, const QByteArray &contentType = {})
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    return finish(nam.sendCustomRequest(request, verb, body));
}

inline const QByteArray JsonType = QByteArrayLiteral("application/json");

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace EmulatorReply
