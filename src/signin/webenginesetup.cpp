#include "webenginesetup.h"

#include <QCoreApplication>

void WebEngineSetup::beforeApplication()
{
    // QtWebEngine shares OpenGL contexts with the widgets; it must be said before the
    // application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // Qt 6.4 keeps the page out of the accessibility tree on Linux unless this is set
    // (QTBUG-59922, for speed): a screen reader would find an empty document where the
    // sign-in form is. Newer Qt turns it on by default and reads "0" as off, so "1" means the
    // same everywhere. Someone who set it already (to 0, say) keeps their choice.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY"))
        qputenv("QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY", "1");
}
