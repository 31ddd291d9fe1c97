// MessageItemDelegate with long messages: a row lays out only the beginning of a long message
// (SafeHtml::preview) and offers "Show more"; clicking it shows the whole message. Links are
// caught with QDesktopServices::setUrlHandler, so nothing is really opened.

#include "avatarcache.h"
#include "messageitemdelegate.h"
#include "messagelistview.h"
#include "model/messagelistmodel.h"
#include "model/safehtml.h"

#include <QDesktopServices>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>

#include <memory>

namespace {

Message message(const QString &id, const QString &html)
{
    Message m;
    m.id = id;
    m.roomId = QStringLiteral("room");
    m.html = html;
    m.text = QStringLiteral("text");
    m.personId = QStringLiteral("p1");
    m.personEmail = QStringLiteral("ada@example.com");
    m.created = QDateTime::currentDateTimeUtc();
    return m;
}

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

class TestMessageItemDelegate : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<MessageListModel>();
        m_model->setRoom(QStringLiteral("room"));
        m_avatars = std::make_unique<AvatarCache>();
        m_view = std::make_unique<QListView>();
        m_view->setUniformItemSizes(false);
        m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        m_delegate = new MessageItemDelegate(m_avatars.get(), m_view.get());
        m_view->setItemDelegate(m_delegate);
        m_view->setModel(m_model.get());
        m_view->resize(700, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_urls, "open");
    }

    void cleanup()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_urls.opened.clear();
        m_view.reset();
        m_model.reset();
    }

    void shortMessagesAreShownWhole()
    {
        addPage({message(QStringLiteral("m1"), QStringLiteral("<p>hello <b>all</b></p>"))}, false);
        settle();
        QVERIFY(!m_delegate->isShortened(m_model->index(0)));
    }

    // Mentions of the person (and of everyone) are marked apart from mentions of others: all
    // bold, theirs on a tint.
    void mentionsOfMeStandApart()
    {
        addPage({message(QStringLiteral("m1"),
                         QStringLiteral("<p><spark-mention data-object-type=\"person\" "
                                        "data-object-id=\"ME\">Carlos</spark-mention> and "
                                        "<spark-mention data-object-type=\"person\" "
                                        "data-object-id=\"P2\">Bo</spark-mention>, "
                                        "<spark-mention data-object-type=\"groupMention\">"
                                        "All</spark-mention> see</p>"))},
                false);
        settle();
        const auto formatOfIn = [this](int row, const QString &word) {
            QStyleOptionViewItem option;
            option.initFrom(m_view.get());
            option.rect = m_view->visualRect(m_model->index(row));
            QTextDocument *doc = m_delegate->bodyDocument(option, m_model->index(row));
            for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    if (it.fragment().text().contains(word))
                        return it.fragment().charFormat();
                }
            }
            return QTextCharFormat();
        };
        const auto formatOf = [&formatOfIn](const QString &word) { return formatOfIn(0, word); };
        // Nobody signed in yet: every mention bold, only everyone's tinted.
        QCOMPARE(formatOf(QStringLiteral("Carlos")).fontWeight(), int(QFont::Bold));
        QVERIFY(!formatOf(QStringLiteral("Carlos")).hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(formatOf(QStringLiteral("All")).hasProperty(QTextFormat::BackgroundBrush));

        m_delegate->setMyPersonId(QStringLiteral("ME"));
        QVERIFY(formatOf(QStringLiteral("Carlos")).hasProperty(QTextFormat::BackgroundBrush));
        QCOMPARE(formatOf(QStringLiteral("Bo")).fontWeight(), int(QFont::Bold));
        QVERIFY(!formatOf(QStringLiteral("Bo")).hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(!formatOf(QStringLiteral("see")).hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(formatOf(QStringLiteral("see")).fontWeight() != int(QFont::Bold));

        // Webex may name the person by the uuid inside their REST id.
        const QString uuid = QStringLiteral("2e2e27fa-ac85-4350-9740-231c07f20272");
        m_delegate->setMyPersonId(QString::fromLatin1(
            QByteArray("ciscospark://us/PEOPLE/" + uuid.toLatin1())
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        addPage({message(QStringLiteral("m2"),
                         QStringLiteral("<p><spark-mention data-object-type=\"person\" "
                                        "data-object-id=\"%1\">Uma</spark-mention> hi</p>")
                             .arg(uuid))},
                false);
        settle();
        QVERIFY(formatOfIn(1, QStringLiteral("Uma")).hasProperty(QTextFormat::BackgroundBrush));

        // Only a Webex id goes into the style sheet: anything else marks no one.
        m_delegate->setMyPersonId(QStringLiteral("P2\"] { color: red; } span[x=\""));
        QVERIFY(!formatOf(QStringLiteral("Bo")).hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(!formatOf(QStringLiteral("Carlos")).hasProperty(QTextFormat::BackgroundBrush));
    }

    void longMessageShowsItsBeginningThenAllOfIt()
    {
        // 300 lines: more than a preview holds (100 line breaks).
        QString lines;
        for (int i = 0; i < 300; ++i)
            lines += QStringLiteral("line %1<br>").arg(i);
        addPage({message(QStringLiteral("long"), lines)}, false);
        settle();
        const QModelIndex row = m_model->index(0);
        QVERIFY(m_delegate->isShortened(row));
        const int shortHeight = m_view->visualRect(row).height();
        const int lineHeight = m_view->fontMetrics().height();
        QVERIFY2(shortHeight < (SafeHtml::PreviewBlocks + 10) * lineHeight,
                 qPrintable(QString::number(shortHeight)));

        // "Show more" is a link at the end of the row; clicking it opens nothing.
        const QPoint showMore = linkPoint(row, QUrl(QStringLiteral("#webexdesk-show-more")));
        QVERIFY(!showMore.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, showMore);
        settle();
        QVERIFY(m_urls.opened.isEmpty());
        QVERIFY(!m_delegate->isShortened(row));
        QVERIFY2(m_view->visualRect(row).height() > 250 * lineHeight,
                 qPrintable(QString::number(m_view->visualRect(row).height())));
        QVERIFY(linkPoint(row, QUrl(QStringLiteral("#webexdesk-show-more"))).isNull());
    }

    void linksInAPreviewStillOpen()
    {
        QString html = QStringLiteral("<p><a href=\"https://e.example/first\">first</a></p>");
        for (int i = 0; i < 200; ++i)
            html += QStringLiteral("<p>paragraph %1</p>").arg(i);
        addPage({message(QStringLiteral("links"), html)}, false);
        settle();
        const QModelIndex row = m_model->index(0);
        QVERIFY(m_delegate->isShortened(row));
        const QPoint link = linkPoint(row, QUrl(QStringLiteral("https://e.example/first")));
        QVERIFY(!link.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, link);
        QCOMPARE(m_urls.opened, QList<QUrl>{QUrl(QStringLiteral("https://e.example/first"))});
    }

    void theLargestMessageIsShown()
    {
        // The largest SafeHtml returns (cut with its note), shortened and then whole.
        addPage({message(QStringLiteral("huge"), QStringLiteral("<p>x</p>").repeated(100000))},
                false);
        settle();
        const QModelIndex row = m_model->index(0);
        QVERIFY(m_delegate->isShortened(row));
        m_delegate->showWhole(row);
        settle();
        QVERIFY(!m_delegate->isShortened(row));
        QVERIFY(m_view->visualRect(row).height() > 1000 * m_view->fontMetrics().height());
    }

    void theKeyboardShowsTheWholeMessageFromTheContextMenu()
    {
        // The message list as the app has it: the Menu key's context menu offers what the
        // mouse gets from "Show more", and only for a shortened message.
        MessageListView view;
        auto *delegate = new MessageItemDelegate(m_avatars.get(), &view);
        view.setItemDelegate(delegate);
        view.setModel(m_model.get());
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QString lines;
        for (int i = 0; i < 300; ++i)
            lines += QStringLiteral("line %1<br>").arg(i);
        addPage({message(QStringLiteral("short"), QStringLiteral("<p>hi</p>")),
                 message(QStringLiteral("long"), lines)},
                false);
        settle();
        const QString showWhole = QStringLiteral("Show Whole Message");
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = m_model->index(row);
            const bool shortened = delegate->isShortened(index);
            QCOMPARE(shortened,
                     m_model->data(index, MessageListModel::IdRole) == QStringLiteral("long"));
            view.setFocus();
            view.setCurrentIndex(index);
            QTest::keyClick(&view, Qt::Key_Menu);
            QTRY_VERIFY(view.openMenu());
            QMenu *menu = view.openMenu();
            QAction *whole = nullptr;
            for (QAction *a : menu->actions())
                if (a->text() == showWhole)
                    whole = a;
            QCOMPARE(whole != nullptr, shortened);
            if (whole) {
                whole->trigger();
                settle();
                QVERIFY(!delegate->isShortened(index));
            }
            menu->close();
            settle();
        }
    }

private:
    // Adds a page and waits until the model has merged it (it is sanitised off this thread).
    void addPage(const QList<Message> &newestFirst, bool hasOlder)
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        m_model->addPage(newestFirst, hasOlder);
        QVERIFY(added.wait());
    }

    // A point of the viewport over the link to url in row, or a null point.
    QPoint linkPoint(const QModelIndex &row, const QUrl &url) const
    {
        m_view->scrollTo(row, QAbstractItemView::PositionAtTop);
        settle();
        QStyleOptionViewItem option;
        option.initFrom(m_view.get());
        option.rect = m_view->visualRect(row);
        option.widget = m_view.get();
        option.font = m_view->font();
        option.fontMetrics = m_view->fontMetrics();
        const QRect visible = option.rect.intersected(m_view->viewport()->rect());
        for (int y = visible.top(); y <= visible.bottom(); y += 2) {
            for (int x = visible.left(); x <= visible.left() + 200; x += 4) {
                if (m_delegate->linkAt(option, row, QPoint(x, y)) == url)
                    return {x, y};
            }
        }
        // Not in view: scroll the end of the row into view and look again.
        if (option.rect.bottom() > m_view->viewport()->rect().bottom()) {
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() +
                                                  option.rect.bottom() -
                                                  m_view->viewport()->rect().bottom() + 10);
            settle();
            option.rect = m_view->visualRect(row);
            const QRect end = option.rect.intersected(m_view->viewport()->rect());
            for (int y = end.bottom(); y >= end.top(); y -= 2) {
                for (int x = end.left(); x <= end.left() + 200; x += 4) {
                    if (m_delegate->linkAt(option, row, QPoint(x, y)) == url)
                        return {x, y};
                }
            }
        }
        return {};
    }

    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<QListView> m_view;
    MessageItemDelegate *m_delegate = nullptr;
    UrlCatcher m_urls;
};

QTEST_MAIN(TestMessageItemDelegate)
#include "tst_messageitemdelegate.moc"
