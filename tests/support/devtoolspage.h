#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariant>

class QNetworkAccessManager;
class QWebSocket;

// A page shown by QtWebEngine in ANOTHER process (the sign-in helper), driven over Chromium's
// DevTools protocol, so a test can click in it without loading QtWebEngine itself.
//
// Before the other process starts, set QTWEBENGINE_REMOTE_DEBUGGING=127.0.0.1:<port> in its
// environment (freePort() finds a port); QtWebEngine then serves DevTools on that port.
// DevToolsPage polls http://127.0.0.1:<port>/json/list for a target of type "page" and talks
// to it over its WebSocket. Every call waits in a local event loop, with a limit.
//
//     qputenv("QTWEBENGINE_REMOTE_DEBUGGING", "127.0.0.1:" + QByteArray::number(port));
//     ... start the helper ...
//     DevToolsPage page(port);
//     QVERIFY2(page.waitForElement(QStringLiteral("accept"), 30000), qPrintable(page.lastError()));
//     page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
class DevToolsPage : public QObject
{
    Q_OBJECT

public:
    explicit DevToolsPage(quint16 port, QObject *parent = nullptr);
    ~DevToolsPage() override;

    // A TCP port on 127.0.0.1 that nobody listened on a moment ago.
    [[nodiscard]] static quint16 freePort();

    // Waits until the other process serves a page target and connects to it. The calls below
    // connect on their own; this is for a test that wants the wait on its own line.
    bool connectToPage(int timeoutMs = 30000);
    [[nodiscard]] bool isConnected() const;

    // Runtime.evaluate with returnByValue: the expression's value as JSON turns it into a
    // QVariant. An invalid QVariant if it threw, the page is gone or `timeoutMs` passed
    // (lastError() says which). Promises are awaited.
    QVariant evaluate(const QString &expression, int timeoutMs = 10000);
    // True once the page has an element with this id. Polls, so it survives navigations.
    bool waitForElement(const QString &id, int timeoutMs = 30000);
    // location.href of the page, or an empty URL if it cannot be read.
    [[nodiscard]] QUrl currentUrl(int timeoutMs = 10000);

    // Any DevTools method, e.g. call("Page.reload"). The reply's "result", or an empty
    // object with lastError() set.
    QJsonObject call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 10000);

    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    QUrl findPageTarget(int timeoutMs);
    void onTextMessage(const QString &message);

    quint16 m_port;
    QNetworkAccessManager *m_network;
    QWebSocket *m_socket;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_replies;
    QString m_lastError;
};
