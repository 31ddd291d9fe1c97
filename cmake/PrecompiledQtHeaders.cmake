# Precompiled Qt headers: most of a file's compile time here is parsing Qt's headers again
# (docs/BENCHMARKS.md, "Build"). Measured on one test file: 10.8 s at -O2, 5.7 s with Qt's
# headers precompiled; 4.4 s and 2.9 s in the clang sanitizer build.
#
# - webexdesk_precompile_qt_headers(TARGET [WIDGETS]): a target with many files gets a header of
#   its own, compiled once per build with exactly that target's flags. Core's has no widget
#   header (core never includes one); WIDGETS adds QtGui and QtWidgets for the app's layers.
# - webexdesk_reuse_test_headers(TARGET): a test (one or two files) reuses the one compiled
#   for webexdesk-testpch, as compiling a header per test would cost more than it saves. The
#   tests differ in their macros (QT_TESTCASE_BUILDDIR per folder, QT_GUI_LIB, ...), and a
#   precompiled header must see the same macros as the file using it: tests/CMakeLists.txt says
#   how that holds. A test with compile options of its own cannot reuse it.
option(WEBEXDESK_PRECOMPILE_HEADERS "Precompile the Qt headers that most files include" ON)

set(WEBEXDESK_PCH_CORE
    <QtCore/QByteArray> <QtCore/QCoreApplication> <QtCore/QDateTime> <QtCore/QDir>
    <QtCore/QFile> <QtCore/QHash> <QtCore/QJsonArray> <QtCore/QJsonDocument>
    <QtCore/QJsonObject> <QtCore/QJsonValue> <QtCore/QList> <QtCore/QLoggingCategory>
    <QtCore/QMetaType> <QtCore/QObject> <QtCore/QPointer> <QtCore/QRegularExpression>
    <QtCore/QSet> <QtCore/QSettings> <QtCore/QString> <QtCore/QStringList> <QtCore/QTimer>
    <QtCore/QUrl> <QtCore/QUrlQuery> <QtCore/QVariant> <QtCore/QAbstractItemModel>
    <QtNetwork/QNetworkAccessManager> <QtNetwork/QNetworkReply> <QtNetwork/QNetworkRequest>
    <functional> <memory> <optional> <utility> <vector>)
set(WEBEXDESK_PCH_WIDGETS
    <QtGui/QAction> <QtGui/QColor> <QtGui/QFont> <QtGui/QIcon> <QtGui/QPainter> <QtGui/QPixmap>
    <QtWidgets/QApplication> <QtWidgets/QLabel> <QtWidgets/QLineEdit>
    <QtWidgets/QListView> <QtWidgets/QMenu> <QtWidgets/QPushButton> <QtWidgets/QWidget>)

function(webexdesk_precompile_qt_headers target)
    cmake_parse_arguments(PCH "WIDGETS" "" "" ${ARGN})
    if(NOT WEBEXDESK_PRECOMPILE_HEADERS)
        return()
    endif()
    target_precompile_headers(${target} PRIVATE ${WEBEXDESK_PCH_CORE})
    if(PCH_WIDGETS)
        target_precompile_headers(${target} PRIVATE ${WEBEXDESK_PCH_WIDGETS})
    endif()
endfunction()

function(webexdesk_reuse_test_headers target)
    if(TARGET webexdesk-testpch)
        target_precompile_headers(${target} REUSE_FROM webexdesk-testpch)
    endif()
endfunction()
