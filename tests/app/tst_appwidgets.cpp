// The app's widgets with models filled here: the spaces pane (filter, Ctrl+K, arrows and
// Enter, marks readable by screen readers), the composer's keys, the state banner, the icons.

#include "appstyle.h"
#include "avatarcache.h"
#include "composer.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/person.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "roomitemdelegate.h"
#include "roompresentationmodel.h"
#include "roomspane.h"
#include "statebanner.h"
#include "themedicons.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPalette>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTranslator>

namespace {
Room room(const QString &id, const QString &title, int minutesAgo)
{
    Room r;
    r.id = id;
    r.title = title;
    r.lastActivity = QDateTime::currentDateTimeUtc().addSecs(-60LL * minutesAgo);
    return r;
}

// Whether an image has a fully opaque pixel of exactly this colour.
bool hasOpaquePixel(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255 && QColor(pixel) == color)
                return true;
        }
    }
    return false;
}

// A dark theme as a desktop would hand it over: light text on dark backgrounds.
QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    dark.setColor(QPalette::WindowText, QColor(235, 235, 235));
    dark.setColor(QPalette::Base, QColor(20, 20, 20));
    dark.setColor(QPalette::Text, QColor(240, 240, 240));
    dark.setColor(QPalette::Button, QColor(45, 45, 45));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(110, 110, 110));
    return dark;
}

QList<Room> someRooms()
{
    QList<Room> rooms{room(QStringLiteral("r1"), QStringLiteral("Café Zürich"), 5),
                      room(QStringLiteral("r2"), QStringLiteral("Design Review"), 10),
                      room(QStringLiteral("r3"), QStringLiteral("Ada Lovelace"), 15),
                      room(QStringLiteral("r4"), QStringLiteral("Café Lisboa"), 20),
                      room(QStringLiteral("r5"), QStringLiteral("Announcements"), 30)};
    rooms[2].kind = Room::Kind::Direct;
    rooms[1].isLocked = true;
    rooms[4].isReadOnly = true;
    rooms[4].isAnnouncementOnly = true;
    return rooms;
}
} // namespace

class TestAppWidgets : public QObject
{
    Q_OBJECT

private slots:
    void presentationModelPassesTheTester();
    void marksAreDrawnAndSaid();
    void ctrlKFocusesTheFilterAndCafeFindsCafe();
    void arrowsAndEnterOpenASpace();
    void kindChoiceNarrowsTheList();
    void countSaysHowManyTheFilterShows();
    void clearButtonShowsWithTextAndEmptiesTheFilter();
    void menuBarExtensionIconIsDrawnOnlyWhenAsked();
    void composerEnterSendsShiftEnterBreaksTheLine();
    void composerRestoresAFailedDraft();
    void composerRefusesTooLongMessages();
    void stateBannerRetry();
    void stateBannerWaitingAndNotice();
    void iconsAreEmbeddedAndTinted();
    void aDarkPaletteIsFollowedAtOnce();
    void avatarInitialsUntilThePictureArrives();
    void messagesPaneShowsRowsOfAModel();
    void spacesListShowsAndSaysServerTextAsOneLine();
    void windowTitleAndProfileHeaderShowOneLine();
    void messagesPaneHeaderShowsOneLine();
};

void TestAppWidgets::presentationModelPassesTheTester()
{
    RoomListModel rooms;
    RoomPresentationModel presentation;
    presentation.setSourceModel(&rooms);
    QAbstractItemModelTester tester(&presentation,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    rooms.appendRooms(someRooms());
    Team team;
    team.id = QStringLiteral("t1");
    team.name = QStringLiteral("Platform");
    presentation.setTeams({team});
    rooms.appendRooms({room(QStringLiteral("r6"), QStringLiteral("Zeta"), 1)});
    rooms.clear();
    QCOMPARE(presentation.rowCount(), 0);
}

void TestAppWidgets::marksAreDrawnAndSaid()
{
    RoomListModel rooms;
    RoomPresentationModel presentation;
    presentation.setSourceModel(&rooms);
    rooms.appendRooms(someRooms());
    const auto find = [&](const QString &id) {
        for (int row = 0; row < presentation.rowCount(); ++row) {
            if (presentation.index(row, 0).data(RoomListModel::IdRole).toString() == id)
                return presentation.index(row, 0);
        }
        return QModelIndex();
    };
    const QModelIndex locked = find(QStringLiteral("r2"));
    QCOMPARE(RoomItemDelegate::markIcons(locked), QStringList{QStringLiteral("lock")});
    const QString said = locked.data(Qt::AccessibleDescriptionRole).toString();
    QVERIFY2(said.contains(QStringLiteral("Locked")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("10 min ago")), qPrintable(said));
    const QModelIndex announcements = find(QStringLiteral("r5"));
    QCOMPARE(RoomItemDelegate::markIcons(announcements),
             (QStringList{QStringLiteral("read-only"), QStringLiteral("megaphone")}));
    const QString detail = announcements.data(RoomPresentationModel::DetailTextRole).toString();
    QVERIFY(detail.contains(QStringLiteral("Read-only")));
    QVERIFY(detail.contains(QStringLiteral("Announcements only")));
    QVERIFY(find(QStringLiteral("r3"))
                .data(RoomPresentationModel::DetailTextRole)
                .toString()
                .startsWith(QStringLiteral("Direct")));
    // The accessible name stays the title.
    QCOMPARE(locked.data(Qt::DisplayRole).toString(), QStringLiteral("Design Review"));
}

void TestAppWidgets::ctrlKFocusesTheFilterAndCafeFindsCafe()
{
    RoomListModel rooms;
    MainWindow window;
    window.roomsPane()->setModel(&rooms);
    window.showWorkspace();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    rooms.appendRooms(someRooms());
    window.roomsPane()->showLoaded(rooms.rowCount());
    RoomsPane *pane = window.roomsPane();
    QVERIFY(!pane->filterEdit()->hasFocus());

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(pane->filterEdit()->hasFocus());
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("cafe"));
    QListView *list = pane->view();
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("Café Zürich"));
    QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("Café Lisboa"));

    QTest::keyClicks(pane->filterEdit(), QStringLiteral(" zur"));
    QCOMPARE(list->model()->rowCount(), 1);
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("xyz"));
    QCOMPARE(list->model()->rowCount(), 0);
    QCOMPARE(pane->banner()->state(), StateBanner::State::Empty);
    pane->filterEdit()->clear();
    QCOMPARE(list->model()->rowCount(), 5);
    QCOMPARE(pane->banner()->state(), StateBanner::State::Hidden);
}

void TestAppWidgets::arrowsAndEnterOpenASpace()
{
    RoomListModel rooms;
    RoomsPane pane;
    pane.setModel(&rooms);
    rooms.appendRooms(someRooms());
    pane.show();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    QSignalSpy opened(&pane, &RoomsPane::roomOpened);
    pane.filterEdit()->setFocus();
    QTest::keyClick(pane.filterEdit(), Qt::Key_Down); // into the list, on the first row
    QTRY_VERIFY(pane.view()->hasFocus());
    QTest::keyClick(pane.view(), Qt::Key_Down);
    QTest::keyClick(pane.view(), Qt::Key_Down);
    QCOMPARE(opened.count(), 0); // moving does not open
    QTest::keyClick(pane.view(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toString(), QStringLiteral("r3"));
    QCOMPARE(opened.first().at(1).toString(), QStringLiteral("Ada Lovelace"));

    // Enter in the filter field opens the current (or first) match.
    pane.filterEdit()->setFocus();
    pane.view()->setCurrentIndex({});
    QTest::keyClicks(pane.filterEdit(), QStringLiteral("design"));
    QTest::keyClick(pane.filterEdit(), Qt::Key_Return);
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened.last().at(0).toString(), QStringLiteral("r2"));
}

void TestAppWidgets::kindChoiceNarrowsTheList()
{
    RoomListModel rooms;
    RoomsPane pane;
    pane.setModel(&rooms);
    rooms.appendRooms(someRooms());
    auto *kind = pane.findChild<QComboBox *>(QStringLiteral("roomKind"));
    QVERIFY(kind);
    kind->setCurrentIndex(1); // Direct
    QCOMPARE(pane.view()->model()->rowCount(), 1);
    kind->setCurrentIndex(2); // Spaces
    QCOMPARE(pane.view()->model()->rowCount(), 4);
    kind->setCurrentIndex(0);
    QCOMPARE(pane.view()->model()->rowCount(), 5);
}

void TestAppWidgets::countSaysHowManyTheFilterShows()
{
    // English plural forms ("1 space", "5 spaces") come from the English catalogue.
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    const auto removeTranslators = qScopeGuard([] {
        for (QTranslator *t : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(t);
    });
    RoomListModel rooms;
    RoomsPane pane;
    pane.setModel(&rooms);
    pane.showLoading(0);
    rooms.appendRooms(someRooms());
    pane.showLoaded(rooms.rowCount());
    auto *count = pane.findChild<QLabel *>(QStringLiteral("roomsStatusLabel"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("5 spaces"));
    QTest::keyClicks(pane.filterEdit(), QStringLiteral("cafe"));
    QCOMPARE(count->text(), QStringLiteral("2 of 5 spaces"));
    pane.findChild<QComboBox *>(QStringLiteral("roomKind"))->setCurrentIndex(1); // Direct
    QCOMPARE(count->text(), QStringLiteral("0 of 5 spaces"));
    pane.filterEdit()->clear();
    QCOMPARE(count->text(), QStringLiteral("1 of 5 spaces"));
    pane.findChild<QComboBox *>(QStringLiteral("roomKind"))->setCurrentIndex(0);
    QCOMPARE(count->text(), QStringLiteral("5 spaces"));
    // A refresh that brings a new space counts it.
    rooms.appendRooms({room(QStringLiteral("r6"), QStringLiteral("New Space"), 1)});
    QCOMPARE(count->text(), QStringLiteral("6 spaces"));
}

void TestAppWidgets::clearButtonShowsWithTextAndEmptiesTheFilter()
{
    RoomListModel rooms;
    rooms.appendRooms(someRooms());
    RoomsPane pane;
    pane.setModel(&rooms);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QAction *clear = pane.filterEdit()->clearAction();
    QVERIFY(clear);
    QCOMPARE(clear->text(), QStringLiteral("Clear")); // what a screen reader says
    QVERIFY(!clear->isVisible());
    QTest::keyClicks(pane.filterEdit(), QStringLiteral("zz"));
    QVERIFY(clear->isVisible());
    // Drawn in the palette's colour, at the size asked for, when asked for.
    QVERIFY(!clear->icon().pixmap(QSize(16, 16)).isNull());
    QCOMPARE(clear->icon().pixmap(QSize(16, 16)).size(), QSize(16, 16));
    clear->trigger();
    QVERIFY(pane.filterEdit()->text().isEmpty());
    QVERIFY(!clear->isVisible());
    QCOMPARE(pane.view()->model()->rowCount(), rooms.rowCount());
}

void TestAppWidgets::menuBarExtensionIconIsDrawnOnlyWhenAsked()
{
    AppStyle style(QApplication::style()->name());
    const QIcon icon = style.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
    QVERIFY(!icon.isNull());
    // The icon is an engine that draws on demand, not a list of pictures read in advance.
    QVERIFY(icon.availableSizes().isEmpty());
    const QImage drawn = icon.pixmap(QSize(24, 24)).toImage();
    QCOMPARE(drawn.size(), QSize(24, 24));
    QVERIFY(drawn.pixelColor(12, 12).alpha() > 0 || drawn.pixelColor(8, 12).alpha() > 0);
    // Every other icon is the base style's.
    QVERIFY(!style.standardIcon(QStyle::SP_DialogOkButton).isNull());
}

void TestAppWidgets::composerEnterSendsShiftEnterBreaksTheLine()
{
    Composer composer;
    composer.show();
    QSignalSpy sent(&composer, &Composer::sendRequested);
    QPlainTextEdit *edit = composer.editor();
    QTest::keyClick(edit, Qt::Key_Return); // nothing written: nothing sent
    QCOMPARE(sent.count(), 0);
    QTest::keyClicks(edit, QStringLiteral("first"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(edit, QStringLiteral("- second"));
    QCOMPARE(sent.count(), 0);
    QCOMPARE(composer.text(), QStringLiteral("first\n- second"));
    QTest::keyClick(edit, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.first().first().toString(), QStringLiteral("first\n- second"));
    QVERIFY(composer.text().isEmpty());
}

void TestAppWidgets::composerRestoresAFailedDraft()
{
    Composer composer;
    composer.restoreDraft(QStringLiteral("lost?"), QStringLiteral("Not sent: 403"));
    QCOMPARE(composer.text(), QStringLiteral("lost?"));
    QCOMPARE(composer.problem(), QString()); // not visible while the composer is hidden
    composer.show();
    QCOMPARE(composer.problem(), QStringLiteral("Not sent: 403"));
    // Something new typed meanwhile stays, the failed text follows it.
    composer.setText(QStringLiteral("new"));
    composer.restoreDraft(QStringLiteral("old"), QStringLiteral("again"));
    QCOMPARE(composer.text(), QStringLiteral("new\nold"));
}

void TestAppWidgets::composerRefusesTooLongMessages()
{
    Composer composer;
    composer.show();
    QSignalSpy sent(&composer, &Composer::sendRequested);
    const QString tooLong(Composer::MaxBytes + 3, QLatin1Char('x'));
    composer.setText(tooLong);
    QTest::keyClick(composer.editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(composer.text(), tooLong);
    QVERIFY(composer.problem().contains(QStringLiteral("too long")));
}

void TestAppWidgets::stateBannerRetry()
{
    StateBanner banner;
    QSignalSpy retry(&banner, &StateBanner::retryRequested);
    banner.showLoading(QStringLiteral("Loading"));
    QVERIFY(banner.retryButton()->isHidden());
    banner.showError(QStringLiteral("Broken <b>not markup</b>"));
    QVERIFY(!banner.retryButton()->isHidden());
    QCOMPARE(banner.accessibleName(), QStringLiteral("Broken <b>not markup</b>"));
    banner.retryButton()->click();
    QCOMPARE(retry.count(), 1);
    banner.clear();
    QVERIFY(banner.isHidden());
}

void TestAppWidgets::stateBannerWaitingAndNotice()
{
    StateBanner banner;
    QSignalSpy retry(&banner, &StateBanner::retryRequested);
    auto *busy = banner.findChild<QProgressBar *>();
    QVERIFY(busy);

    // Waiting: nothing moves until the time given, and the one button asks now.
    banner.showWaiting(QStringLiteral("Webex asks us to wait; trying again at 15:05."));
    QCOMPARE(banner.state(), StateBanner::State::Waiting);
    QVERIFY(busy->isHidden());
    QVERIFY(!banner.retryButton()->isHidden());
    QCOMPARE(banner.retryButton()->text(), StateBanner::tr("Retry &now"));
    QCOMPARE(banner.accessibleName(),
             QStringLiteral("Webex asks us to wait; trying again at 15:05."));
    banner.retryButton()->click();
    QCOMPARE(retry.count(), 1);

    // A notice: words only.
    banner.showNotice(QStringLiteral("5,000 spaces loaded; ..."));
    QCOMPARE(banner.state(), StateBanner::State::Notice);
    QVERIFY(banner.retryButton()->isHidden());
    QVERIFY(busy->isHidden());
    QVERIFY(!banner.isHidden());

    // An error after a wait: the button is Retry again.
    banner.showError(QStringLiteral("Broken"));
    QCOMPARE(banner.retryButton()->text(), StateBanner::tr("&Retry"));
    banner.showLoading(QStringLiteral("Loading"));
    QVERIFY(banner.retryButton()->isHidden());
    QVERIFY(!busy->isHidden());
}

void TestAppWidgets::iconsAreEmbeddedAndTinted()
{
    for (const char *name :
         {"lock", "megaphone", "read-only", "new-activity", "search", "send", "warning"}) {
        QVERIFY2(QFile::exists(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))), name);
        // Sharp at 2x: rendered at 48 device pixels, not scaled from 24.
        const QPixmap pixmap =
            ThemedIcons::pixmap(QLatin1String(name), 24, QColor(200, 10, 10), 2.0);
        QCOMPARE(pixmap.width(), 48);
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        QVERIFY2(hasOpaquePixel(pixmap.toImage(), QColor(200, 10, 10)), name);
    }
}

void TestAppWidgets::aDarkPaletteIsFollowedAtOnce()
{
    RoomListModel rooms;
    RoomsPane pane;
    pane.setModel(&rooms);
    rooms.appendRooms(someRooms());
    Composer composer;
    pane.resize(400, 300);
    composer.resize(400, 120);
    const QPalette dark = darkPalette();
    // The system switches to dark while the app runs: no restart, the icons follow.
    pane.setPalette(dark);
    composer.setPalette(dark);
    const QImage search = pane.filterEdit()->searchIcon()->icon().pixmap(24).toImage();
    QVERIFY(hasOpaquePixel(search, dark.color(QPalette::PlaceholderText)));
    auto *send = composer.findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(send);
    const QImage sendIcon = send->icon().pixmap(24, QIcon::Disabled).toImage();
    QVERIFY(hasOpaquePixel(sendIcon, dark.color(QPalette::Disabled, QPalette::ButtonText)));
    // The list is drawn in the palette's colours: its background is the dark base, and the
    // spaces' titles are in the light text colour.
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QImage list = pane.view()->viewport()->grab().toImage();
    QCOMPARE(QColor(list.pixel(list.width() - 2, list.height() - 2)), dark.color(QPalette::Base));
    QVERIFY(hasOpaquePixel(list, dark.color(QPalette::Text)));
}

void TestAppWidgets::avatarInitialsUntilThePictureArrives()
{
    AvatarCache cache;
    QSignalSpy wanted(&cache, &AvatarCache::imageWanted);
    QSignalSpy changed(&cache, &AvatarCache::avatarChanged);
    const QUrl url(QStringLiteral("https://avatars.example/a~1"));
    QCOMPARE(AvatarCache::initials(QStringLiteral("Ada Lovelace")), QStringLiteral("AL"));
    QCOMPARE(AvatarCache::initials(QStringLiteral("ada@example.com")), QStringLiteral("A"));
    const QPixmap placeholder = cache.avatar(url, QStringLiteral("Ada Lovelace"), 32, 1.0, {});
    QCOMPARE(wanted.count(), 1);
    (void)cache.avatar(url, QStringLiteral("Ada Lovelace"), 32, 1.0, {});
    QCOMPARE(wanted.count(), 1); // asked for once

    QImage red(8, 8, QImage::Format_RGB32);
    red.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    red.save(&buffer, "PNG");
    cache.imageArrived(url, png);
    QCOMPARE(changed.count(), 1);
    const QImage shown = cache.avatar(url, QStringLiteral("Ada Lovelace"), 32, 1.0, {}).toImage();
    QCOMPARE(QColor(shown.pixel(16, 16)), QColor(Qt::red));
    QVERIFY(placeholder.toImage().pixel(16, 16) != shown.pixel(16, 16));
}

void TestAppWidgets::messagesPaneShowsRowsOfAModel()
{
    MessageListModel messages;
    AvatarCache avatars;
    MessagesPane pane;
    pane.setAvatarCache(&avatars);
    pane.setModel(&messages);
    pane.resize(500, 400);
    pane.show();
    QCOMPARE(pane.banner()->state(), StateBanner::State::Empty); // no space yet
    messages.setRoom(QStringLiteral("room"));
    pane.showRoom(QStringLiteral("Design"), QString());
    pane.showLoading();
    QCOMPARE(pane.banner()->state(), StateBanner::State::Loading);
    QList<Message> page;
    for (int i = 0; i < 30; ++i) {
        Message m;
        m.id = QStringLiteral("m%1").arg(i);
        m.roomId = QStringLiteral("room");
        m.text = QStringLiteral("Message number %1 <script>alert(1)</script>").arg(i);
        m.html = QStringLiteral("<p>Message <b>%1</b><img src=\"https://tracker.example/x.png\">"
                                "<script>alert(1)</script></p>")
                     .arg(i);
        m.personEmail = QStringLiteral("ada@example.com");
        m.personId = QStringLiteral("p1");
        m.created = QDateTime::currentDateTimeUtc().addSecs(-60LL * i);
        page.append(m);
    }
    QSignalSpy added(&messages, &MessageListModel::pageAdded);
    messages.addPage(page, true);
    QVERIFY(added.wait()); // sanitised off the UI thread, then merged
    pane.showLoaded();
    QCOMPARE(pane.banner()->state(), StateBanner::State::Hidden);
    QCOMPARE(pane.view()->model()->rowCount(), 30);
    // Rows are as tall as their content and all painted without a widget each.
    QVERIFY(pane.view()->visualRect(pane.threads()->mapFromSource(messages.index(29, 0))).height() >
            32);
    QVERIFY(pane.view()->findChildren<QLabel *>().isEmpty());
    const QString html = messages.index(0, 0).data(MessageListModel::SafeHtmlRole).toString();
    QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("script")), qPrintable(html));
    // The newest message (at the bottom) is in view.
    QTRY_VERIFY(pane.view()->viewport()->rect().intersects(
        pane.view()->visualRect(pane.threads()->mapFromSource(messages.index(29, 0)))));
}

// Titles and team names are chosen by other people. In the list they are one line of plain
// text, for the eye and for a screen reader alike (the accessible name stopped at a NUL); the
// team's name inside our sentence is isolated; the tooltip is never read as markup.
void TestAppWidgets::spacesListShowsAndSaysServerTextAsOneLine()
{
    const QChar fsi(0x2068);
    const QChar pdi(0x2069);
    RoomListModel rooms;
    RoomsPane pane;
    pane.setModel(&rooms);
    Room spoof = room(QStringLiteral("r1"), QString::fromUtf16(u"invoice\u202Efdp.exe"), 1);
    spoof.teamId = QStringLiteral("t1");
    Room broken = room(QStringLiteral("r2"), QStringLiteral("Line one\nLine two"), 2);
    broken.title.insert(4, QChar(0));
    broken.teamId = QStringLiteral("t2");
    Room blank = room(QStringLiteral("r3"), QStringLiteral("\t \n"), 3);
    rooms.appendRooms({spoof, broken, blank});
    Team named;
    named.id = QStringLiteral("t1");
    named.name = QString::fromUtf16(u"Ops\u202E\n<img src=\"file:///etc/x.png\">");
    Team unnamed;
    unnamed.id = QStringLiteral("t2");
    pane.setTeams({named, unnamed});
    pane.resize(400, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));

    QAbstractItemModel *shown = pane.view()->model();
    const QModelIndex first = shown->index(0, 0);
    QCOMPARE(first.data().toString(), QStringLiteral("invoicefdp.exe"));
    QCOMPARE(shown->index(1, 0).data().toString(), QStringLiteral("Line one Line two"));
    QCOMPARE(shown->index(2, 0).data().toString(), QStringLiteral("Untitled space"));
    const QString team = fsi + QStringLiteral("Ops <img src=\"file:///etc/x.png\">") + pdi;
    QCOMPARE(first.data(RoomPresentationModel::DetailTextRole).toString(),
             QStringLiteral("Space · ") + team);
    QVERIFY(first.data(Qt::AccessibleDescriptionRole).toString().contains(team));
    const QString tooltip = first.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("&lt;img")) &&
                 !tooltip.contains(QStringLiteral("<img")),
             qPrintable(tooltip));
    QVERIFY(shown->index(1, 0)
                .data(RoomPresentationModel::DetailTextRole)
                .toString()
                .contains(fsi + QStringLiteral("Unnamed team") + pdi));
    auto *teams = pane.findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QVERIFY(teams);
    QCOMPARE(teams->itemText(1), QStringLiteral("Ops <img src=\"file:///etc/x.png\">"));
    QCOMPARE(teams->itemText(2), QStringLiteral("Unnamed team"));

    // What a screen reader is given: the rows' accessible names, NUL and all gone.
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(pane.view());
    QVERIFY(list);
    QStringList names;
    for (int i = 0; i < list->childCount(); ++i)
        names << list->child(i)->text(QAccessible::Name);
    QCOMPARE(names,
             (QStringList{QStringLiteral("invoicefdp.exe"), QStringLiteral("Line one Line two"),
                          QStringLiteral("Untitled space")}));

    // Opening the blank one names it as the row does.
    QSignalSpy opened(&pane, &RoomsPane::roomOpened);
    pane.view()->setFocus();
    pane.view()->setCurrentIndex(shown->index(2, 0));
    QTest::keyClick(pane.view(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(1).toString(), QStringLiteral("Untitled space"));
}

// The person's name goes into the window title and the header: one line, cut to a sane length
// (a name of megabytes took the X11 connection down), isolated inside "%1 — Webex Desk", and
// never read as markup.
void TestAppWidgets::windowTitleAndProfileHeaderShowOneLine()
{
    const QChar fsi(0x2068);
    const QChar pdi(0x2069);
    MainWindow window;
    Person me;
    me.id = QStringLiteral("me");
    me.displayName = QString::fromUtf16(u"<b>Mallory</b>\n\u202Egnp.exe") + QChar(0) +
                     QString(5 * 1024 * 1024, QLatin1Char('M'));
    me.emails = QStringList{QStringLiteral("mallory@example.com\r\nBcc: x")};
    window.showProfile(me);
    const QString title = window.windowTitle();
    QVERIFY2(title.startsWith(fsi + QStringLiteral("<b>Mallory</b> gnp.exeMMM")),
             qPrintable(title));
    QVERIFY(title.endsWith(QString(QChar(0x2026)) + pdi + QStringLiteral(" — Webex Desk")));
    QVERIFY(title.size() <= 200 + 2 + int(QStringLiteral(" — Webex Desk").size()));
    auto *name = window.findChild<QLabel *>(QStringLiteral("nameLabel"));
    auto *email = window.findChild<QLabel *>(QStringLiteral("emailLabel"));
    QCOMPARE(name->text(), title.mid(1, title.indexOf(pdi) - 1));
    QCOMPARE(name->textFormat(), Qt::PlainText);
    QCOMPARE(email->text(), QStringLiteral("mallory@example.com Bcc: x"));
    QCOMPARE(email->textFormat(), Qt::PlainText);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("avatarLabel"))
                ->accessibleName()
                .contains(fsi + name->text() + pdi));

    // An address stands in for a missing name.
    Person quiet;
    quiet.id = QStringLiteral("q");
    quiet.displayName = QStringLiteral(" \u202E ");
    quiet.emails = QStringList{QStringLiteral("quiet@example.com")};
    window.showProfile(quiet);
    QCOMPARE(window.windowTitle(),
             fsi + QStringLiteral("quiet@example.com") + pdi + QStringLiteral(" — Webex Desk"));
}

void TestAppWidgets::messagesPaneHeaderShowsOneLine()
{
    const QChar fsi(0x2068);
    const QChar pdi(0x2069);
    MessagesPane pane;
    pane.showRoom(QString::fromUtf16(u"Design\u202E\nreview"), QString());
    auto *title = pane.findChild<QLabel *>(QStringLiteral("roomTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Design review"));
    QCOMPARE(title->accessibleName(),
             QStringLiteral("Open space: ") + fsi + QStringLiteral("Design review") + pdi);
    auto *editor = pane.findChild<QPlainTextEdit *>();
    QVERIFY(editor);
    QCOMPARE(editor->placeholderText(),
             QStringLiteral("Write a message to ") + fsi + QStringLiteral("Design review") + pdi);

    pane.showRoom(QStringLiteral(" \n "), QString());
    QCOMPARE(title->text(), QStringLiteral("Untitled space"));
}

QTEST_MAIN(TestAppWidgets)
#include "tst_appwidgets.moc"
