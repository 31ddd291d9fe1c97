#pragma once

#include <QNetworkAccessManager>
#include <QUrl>

// Plays the person's web browser against the emulator without a browser engine: opens the
// authorization URL, answers the consent form, and follows the redirect to the loopback
// callback, exactly the requests a browser would make. For core tests of the sign-in flow.
class ConsentBrowser
{
public:
    enum class Answer { Accept, Decline };

    // Returns the redirect URL it followed (with code or error), or an empty URL with
    // `problem` set when a step failed.
    QUrl answer(const QUrl &authorizeUrl, Answer answer, QString *problem);

    // The last HTTP status and body the callback listener sent back.
    [[nodiscard]] int callbackStatus() const { return m_callbackStatus; }
    [[nodiscard]] QByteArray callbackBody() const { return m_callbackBody; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QUrl location;
        QString error;
    };
    Reply get(const QUrl &url);
    Reply postForm(const QUrl &url, const QByteArray &form);
    Reply wait(class QNetworkReply *reply);

    QNetworkAccessManager m_network;
    int m_callbackStatus = 0;
    QByteArray m_callbackBody;
};
