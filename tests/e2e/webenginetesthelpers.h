#pragma once

#include <QEventLoop>
#include <QTimer>
#include <QVariant>
#include <QWebEnginePage>

// Runs `script` in `page` and waits for its result (QVariant() after `timeoutMs`).
inline QVariant runJavaScript(QWebEnginePage *page, const QString &script, int timeoutMs = 5000)
{
    QVariant result;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    page->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        loop.quit();
    });
    loop.exec();
    return result;
}

// True once the page shows an element with this id (the emulator's consent buttons).
inline bool pageHasElement(QWebEnginePage *page, const QString &id)
{
    return runJavaScript(page, QStringLiteral("document.getElementById('%1') !== null").arg(id))
        .toBool();
}
