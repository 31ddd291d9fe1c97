#include "consentbrowser.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

ConsentBrowser::Reply ConsentBrowser::wait(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    if (!reply->isFinished()) {
        result.error = QStringLiteral("no answer within 20 s from %1").arg(reply->url().toString());
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.location = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    if (result.error.isEmpty() && result.status == 0)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

ConsentBrowser::Reply ConsentBrowser::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return wait(m_network.get(request));
}

ConsentBrowser::Reply ConsentBrowser::postForm(const QUrl &url, const QByteArray &form)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    return wait(m_network.post(request, form));
}

QUrl ConsentBrowser::answer(const QUrl &authorizeUrl, Answer answer, QString *problem)
{
    const Reply page = get(authorizeUrl);
    if (page.status != 200) {
        *problem = QStringLiteral("authorize page: HTTP %1 %2").arg(page.status).arg(page.error);
        return {};
    }
    static const QRegularExpression action(
        QStringLiteral("<form method=\"post\" action=\"([^\"]+)\""));
    static const QRegularExpression requestId(
        QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""));
    const auto actionMatch = action.match(QString::fromUtf8(page.body));
    const auto idMatch = requestId.match(QString::fromUtf8(page.body));
    if (!actionMatch.hasMatch() || !idMatch.hasMatch()) {
        *problem = QStringLiteral("no consent form on the authorize page");
        return {};
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("request_id"), idMatch.captured(1));
    form.addQueryItem(QStringLiteral("decision"), answer == Answer::Accept
                                                      ? QStringLiteral("accept")
                                                      : QStringLiteral("decline"));
    const Reply decision = postForm(authorizeUrl.resolved(QUrl(actionMatch.captured(1))),
                                    form.toString(QUrl::FullyEncoded).toUtf8());
    if (decision.status != 302 && decision.status != 303) {
        *problem =
            QStringLiteral("consent answer: HTTP %1 %2").arg(decision.status).arg(decision.error);
        return {};
    }
    // The redirect goes to the app's loopback listener, as a browser would follow it.
    const Reply callback = get(decision.location);
    m_callbackStatus = callback.status;
    m_callbackBody = callback.body;
    if (!callback.error.isEmpty() && callback.status == 0) {
        *problem = QStringLiteral("callback: %1").arg(callback.error);
        return {};
    }
    return decision.location;
}
