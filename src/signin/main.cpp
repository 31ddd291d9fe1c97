// webex-desk-signin: the sign-in browser of Webex Desk, in a process of its own. Only this
// process loads QtWebEngine, so Webex Desk itself starts fast and small, and once the sign-in
// is over no Chromium process is left running. Webex Desk drives it over stdin and stdout;
// the protocol is described in helperchannel.h.

#include "helperchannel.h"
#include "signinwindow.h"
#include "translations.h"
#include "webenginesetup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QRect>
#include <QUrl>
#include <QWindow>

#include <memory>

namespace {

// Makes `window` a transient child of Webex Desk's main window, so the window manager keeps it
// on top of it. Only X11 and Windows can adopt another process's window; on Wayland a client
// cannot name another client's surface, so there this does nothing and the compositor places
// the window (xdg-foreign would be needed, which Qt 6.4 does not offer).
std::unique_ptr<QWindow> attachToParent(QWidget *window, WId parentId)
{
    const QString platform = QGuiApplication::platformName();
    if (parentId == 0 || (platform != QLatin1String("xcb") && platform != QLatin1String("windows")))
        return nullptr;
    std::unique_ptr<QWindow> parent(QWindow::fromWinId(parentId));
    if (!parent)
        return nullptr;
    window->winId(); // creates the native window, hence windowHandle()
    window->windowHandle()->setTransientParent(parent.get());
    return parent;
}

// "x,y,width,height", as SignInBrowserProcess writes it; an empty rectangle otherwise.
QRect parseFrame(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return {};
    int values[4] = {};
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts.at(i).toInt(&ok);
        if (!ok)
            return {};
    }
    return QRect(values[0], values[1], values[2], values[3]);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("webex-desk-signin"));
    // As Webex Desk names itself (src/app/main.cpp): folders without spaces.
    QCoreApplication::setOrganizationName(QStringLiteral("webex-desk"));
    // The reverse-DNS id the .desktop file is named after: docks and Wayland compositors match
    // the windows to it (its name, its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(WEBEXDESK_APP_ID));
    // OpenGL sharing, and the page's content exposed to screen readers.
    WebEngineSetup::beforeApplication();
    QApplication app(argc, argv);
    // The system's language, as Webex Desk chooses it, so the sign-in window speaks the
    // language of the window that opened it. Qt's "qtwebengine" catalogue translates the
    // page's context menu; Chromium's own texts (error pages) follow the locale by themselves.
    Translations::install(&app, QLocale(),
                          {QStringLiteral("qtbase"), QStringLiteral("qtwebengine")});
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/webex-desk.svg")));
    // The helper decides when to quit: after it told Webex Desk why.
    app.setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("SignInHelper", "The sign-in window of Webex Desk. Webex "
                                                    "Desk starts it and talks to it over stdin "
                                                    "and stdout."));
    parser.addHelpOption();
    const QCommandLineOption parentOption(
        QStringLiteral("parent-window"),
        QCoreApplication::translate("SignInHelper",
                                    "Stay on top of the window with this native id."),
        //: The value of --parent-window in the help text: a window's number, e.g. 0x3a00007.
        QCoreApplication::translate("SignInHelper", "id"));
    parser.addOption(parentOption);
    // Where Webex Desk's main window is (x,y,width,height), to centre the window over it. Hidden
    // from --help: only Webex Desk passes it.
    QCommandLineOption parentFrameOption(QStringLiteral("parent-frame"), QString(),
                                         QStringLiteral("x,y,width,height"));
    parentFrameOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(parentFrameOption);
    // parse(), not process(): QtWebEngine's own --webEngineArgs must not stop the helper.
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);

    HelperChannel channel;
    // Destroyed before `app`, and with it the page before the profile.
    auto window = std::make_unique<SignInWindow>();
    const auto parentWindow =
        attachToParent(window.get(), WId(parser.value(parentOption).toULongLong()));
    window->setParentFrame(parseFrame(parser.value(parentFrameOption)));

    QObject::connect(&channel, &HelperChannel::openRequested, window.get(),
                     [&window](const QUrl &url) { window->present(url); });
    QObject::connect(&channel, &HelperChannel::closeRequested, window.get(), [&window] {
        window->finish();
        QCoreApplication::quit();
    });
    // Webex Desk is gone: there is nobody to sign in for. finish() first, because quit()
    // closes the windows, and that would read as the person closing it.
    QObject::connect(&channel, &HelperChannel::inputClosed, window.get(), [&window] {
        window->finish();
        QCoreApplication::quit();
    });

    QObject::connect(window.get(), &SignInWindow::closedByUser, &channel, [&channel] {
        channel.sendClosedByUser();
        QCoreApplication::quit();
    });
    QObject::connect(window.get(), &SignInWindow::pageLoaded, &channel, &HelperChannel::sendLoaded);
    QObject::connect(window.get(), &SignInWindow::loadFailed, &channel,
                     &HelperChannel::sendLoadFailed);
    QObject::connect(window.get(), &SignInWindow::certificateRejected, &channel,
                     &HelperChannel::sendCertificateError);
    QObject::connect(window.get(), &SignInWindow::navigationRefused, &channel,
                     &HelperChannel::sendNavigationRefused);

    channel.start();
    channel.sendReady();
    const int status = app.exec();
    window.reset();
    return status;
}
