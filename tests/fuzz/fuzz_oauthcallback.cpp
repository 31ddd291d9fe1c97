// The browser's request to the sign-in callback on 127.0.0.1:5000 (anyone on this computer can
// send one): CallbackGate::isCallbackRequest on the request head, then what is read from an
// accepted one as Qt 6.4's QOAuthHttpServerReplyHandler and SignInFlow read it (the query's
// items; `state` decoded once more; `error` and `error_description` made into a sentence by
// OAuthErrorText). The steps inside Qt's listener and flow are private to Qt; what they hand on
// is rebuilt here with the same Qt calls.

#include "fuzzcheck.h"

#include "auth/callbackgate.h"
#include "auth/oautherrortext.h"

#include <QUrl>
#include <QUrlQuery>
#include <QVariantMap>

namespace {
const QString CallbackPath = QStringLiteral("/auth/cisco/callback");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray head = Fuzz::bytes(data, size);
    if (!CallbackGate::isCallbackRequest(head, CallbackPath))
        return 0;

    // Accepted: a GET whose path, decoded, is the callback's.
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArray requestLine = head.left(lineEnd);
    FUZZ_CHECK(requestLine.startsWith("GET "), QString::fromLatin1(requestLine));
    const QByteArray target = requestLine.split(' ').value(1);
    const qsizetype queryStart = target.indexOf('?');
    const QByteArray path = queryStart < 0 ? target : target.first(queryStart);
    FUZZ_CHECK(QUrl::fromPercentEncoding(path) == CallbackPath, QString::fromLatin1(target));

    const QUrl url = QUrl::fromEncoded(target);
    const QUrlQuery query(url.query());
    QVariantMap values;
    const auto items = query.queryItems();
    for (const auto &item : items)
        values.insert(item.first, item.second);

    // SignInFlow::onCallback compares this with the attempt's own state.
    const QString state =
        QUrl::fromPercentEncoding(values.value(QStringLiteral("state")).toString().toUtf8());
    Q_UNUSED(state)

    const QString error = values.value(QStringLiteral("error")).toString();
    const QString description = values.value(QStringLiteral("error_description")).toString();
    if (!error.isEmpty()) {
        const QString sentence = OAuthErrorText::forAuthorizationError(error, description);
        FUZZ_CHECK(!sentence.isEmpty(), error);
    }
    return 0;
}
