#pragma once

#include <QObject>

#include <memory>

class QUrl;

// The helper's end of the pipe to Webex Desk: commands come in on stdin, events go out on
// stdout. One message per line, UTF-8, the word first:
//
//   app -> helper
//     open <url>                  show the window (if hidden) and load <url>, fully encoded.
//                                 The URL comes this way, not in argv, because argv shows in
//                                 /proc/<pid>/cmdline to every user and the URL holds state.
//     close                       the sign-in went on without the window: close it and exit.
//   helper -> app
//     ready                       the window exists; commands are being read.
//     loaded <ok|failed>          a page finished loading in the main frame.
//     closed-by-user              the person closed the window; the helper exits next.
//     load-failed <reason>        a page could not be loaded (Chromium's words).
//     certificate-error <text>    a page's certificate did not verify. The page stays blocked;
//                                 no load-failed follows for it.
//     navigation-refused <url>    the page wanted a URL the sign-in window does not open
//                                 (shown without query and fragment, which may hold secrets).
//
// End of stdin means Webex Desk is gone; the helper then exits too, so it is never orphaned.
// Unknown commands are ignored, so either side can grow the protocol.
class HelperChannel : public QObject
{
    Q_OBJECT

public:
    explicit HelperChannel(QObject *parent = nullptr);
    ~HelperChannel() override;

    // Starts reading stdin. Call once, after connecting to the signals.
    void start();

    void sendReady();
    void sendLoaded(bool ok);
    void sendClosedByUser();
    void sendLoadFailed(const QString &reason);
    void sendCertificateError(const QString &description);
    void sendNavigationRefused(const QUrl &url);

signals:
    void openRequested(const QUrl &url);
    void closeRequested();
    // stdin reached its end: Webex Desk closed the pipe or died.
    void inputClosed();

private:
    struct Inbox;

    void onLine(const QByteArray &line);
    void onEndOfInput();
    void send(const QByteArray &word, const QString &argument = QString());

    std::shared_ptr<Inbox> m_inbox;
    bool m_started = false;
};
