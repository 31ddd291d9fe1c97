#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/person.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), QTimeZone(0));

// Message n was sent n minutes after the epoch, by person P<n % 3>.
Message message(int n, const QString &roomId = QStringLiteral("R1"))
{
    Message m;
    m.id = QStringLiteral("M%1").arg(n);
    m.roomId = roomId;
    m.text = QStringLiteral("text %1").arg(n);
    m.personId = QStringLiteral("P%1").arg(n % 3);
    m.personEmail = QStringLiteral("p%1@example.com").arg(n % 3);
    m.created = epoch.addSecs(n * 60);
    return m;
}

// Messages last..first, newest first, as Webex sends a page.
QList<Message> page(int first, int last)
{
    QList<Message> out;
    for (int n = last; n >= first; --n)
        out.append(message(n));
    return out;
}

QStringList rows(const MessageListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        const QString id = index.data(MessageListModel::IdRole).toString();
        ids.append(id.isEmpty() ? QStringLiteral("tag:") +
                                      index.data(MessageListModel::ClientTagRole).toString()
                                : id);
    }
    return ids;
}

QStringList ids(int first, int last)
{
    QStringList out;
    for (int n = first; n <= last; ++n)
        out.append(QStringLiteral("M%1").arg(n));
    return out;
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // Adds a page and waits until the model has merged it (it is sanitised off this thread):
    // exactly one pageAdded, and not from inside addPage.
    [[nodiscard]] bool addPage(const QList<Message> &newestFirst, bool hasOlder)
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        m_model->addPage(newestFirst, hasOlder);
        if (!added.isEmpty())
            return false;
        return added.wait(10000) && added.size() == 1 && m_model->pagesInFlight() == 0;
    }

private slots:
    void init()
    {
        m_model = std::make_unique<MessageListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setRoom(QStringLiteral("R1"));
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void olderPagesGoOnTop()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QVERIFY(addPage(page(101, 150), true));
        QCOMPARE(rows(*m_model), ids(101, 150));
        QVERIFY(m_model->hasOlder());
        QCOMPARE(m_model->oldestMessageId(), QStringLiteral("M101"));

        QVERIFY(addPage(page(51, 100), true));
        QCOMPARE(rows(*m_model), ids(51, 150));
        QVERIFY(addPage(page(1, 50), false));
        QCOMPARE(rows(*m_model), ids(1, 150));
        QVERIFY(!m_model->hasOlder());
        QCOMPARE(m_model->oldestMessageId(), QStringLiteral("M1"));

        // One insert per page, the older ones at row 0.
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(2).toInt(), 49);
        QCOMPARE(inserted.at(2).at(1).toInt(), 0);
    }

    void newerPagesGoAtTheBottomAndKeepHasOlder()
    {
        QVERIFY(addPage(page(51, 100), true));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        // A refresh of the newest 50: overlaps 30, adds 20, says "more" -- about its own end.
        QVERIFY(addPage(page(71, 120), true));
        QCOMPARE(rows(*m_model), ids(51, 120));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 50);
        QVERIFY(m_model->hasOlder());
        // A refresh that says "no more" does not change what is known of the far end either.
        QVERIFY(addPage(page(101, 121), false));
        QVERIFY(m_model->hasOlder());
        QCOMPARE(rows(*m_model), ids(51, 121));
    }

    void duplicatesIgnored()
    {
        QVERIFY(addPage(page(1, 10), false));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QVERIFY(addPage(page(1, 10), false));
        QVERIFY((addPage({message(3), message(3)}, false)));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(rows(*m_model), ids(1, 10));
    }

    void gapIsFilledInOrder()
    {
        QVERIFY((addPage({message(10), message(1)}, true)));
        QVERIFY(addPage(page(4, 6), true));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M4", "M5", "M6", "M10"}));
    }

    void otherRoomsMessagesIgnored()
    {
        QVERIFY(addPage({message(1, QStringLiteral("OTHER"))}, false));
        QCOMPARE(m_model->rowCount(), 0);
    }

    void setRoomClears()
    {
        QVERIFY(addPage(page(1, 5), true));
        m_model->setRoom(QStringLiteral("R2"));
        QCOMPARE(m_model->roomId(), QStringLiteral("R2"));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->hasOlder());
        QVERIFY(m_model->oldestMessageId().isEmpty());
        QVERIFY(addPage({message(1, QStringLiteral("R2"))}, false));
        QCOMPARE(m_model->rowCount(), 1); // the same id is new in another room
    }

    void emptyFirstPage()
    {
        QVERIFY(addPage({}, false));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->hasOlder());
    }

    void pendingThenConfirmed()
    {
        QVERIFY(addPage(page(1, 3), false));
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("**hi**"), QStringLiteral("ME"));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "tag:t1"}));
        const QModelIndex pending = m_model->index(3);
        QVERIFY(pending.data(MessageListModel::PendingRole).toBool());
        QCOMPARE(pending.data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><b>hi</b></p>"));
        QCOMPARE(pending.data(MessageListModel::SenderIdRole).toString(), QStringLiteral("ME"));

        // A page that arrives meanwhile goes above the pending row.
        QVERIFY(addPage({message(4)}, false));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "M4", "tag:t1"}));

        Message server = message(5);
        server.personId = QStringLiteral("ME");
        server.html = QStringLiteral("<p><b>hi</b> <a href=\"https://w.example/\">w</a></p>");
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->confirmPending(QStringLiteral("t1"), server);
        QCOMPARE(rows(*m_model), ids(1, 5));
        QCOMPARE(changed.size(), 1);
        const QModelIndex confirmed = m_model->index(4);
        QVERIFY(!confirmed.data(MessageListModel::PendingRole).toBool());
        QCOMPARE(confirmed.data(MessageListModel::ClientTagRole).toString(), QStringLiteral("t1"));
        // What was written stays until Webex's copy is sanitised off this thread; then that.
        QCOMPARE(confirmed.data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><b>hi</b></p>"));
        QVERIFY(confirmed.data(MessageListModel::LinksRole).value<QList<QUrl>>().isEmpty());
        QTRY_COMPARE(changed.size(), 2);
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(MessageListModel::SafeHtmlRole));
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 4);
        QCOMPARE(confirmed.data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><b>hi</b> <a href=\"https://w.example/\">w</a></p>"));
        QCOMPARE(confirmed.data(MessageListModel::LinksRole).value<QList<QUrl>>(),
                 QList<QUrl>{QUrl(QStringLiteral("https://w.example/"))});

        // The same message in a later page is not shown twice.
        QVERIFY(addPage(page(1, 5), false));
        QCOMPARE(rows(*m_model), ids(1, 5));
    }

    void confirmedAfterARefreshBroughtItIsNotDuplicated()
    {
        QVERIFY(addPage(page(1, 2), false));
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("hi"), QStringLiteral("ME"));
        QVERIFY(addPage({message(3)}, false)); // this is the pending message, already stored
        m_model->confirmPending(QStringLiteral("t1"), message(3));
        QCOMPARE(rows(*m_model), ids(1, 3));
    }

    void twoPendingConfirmedOutOfOrder()
    {
        QVERIFY(addPage(page(1, 2), false));
        m_model->addPending(QStringLiteral("a"), QStringLiteral("first"), QStringLiteral("ME"));
        m_model->addPending(QStringLiteral("b"), QStringLiteral("second"), QStringLiteral("ME"));
        m_model->confirmPending(QStringLiteral("b"), message(4));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M4", "tag:a"}));
        m_model->confirmPending(QStringLiteral("a"), message(3));
        QCOMPARE(rows(*m_model), ids(1, 4));
    }

    void failedSendStaysWithItsError()
    {
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("hello"), QStringLiteral("ME"));
        m_model->failPending(QStringLiteral("t1"), QStringLiteral("Only moderators can post."));
        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex row = m_model->index(0);
        QVERIFY(!row.data(MessageListModel::PendingRole).toBool());
        QCOMPARE(row.data(MessageListModel::SendErrorRole).toString(),
                 QStringLiteral("Only moderators can post."));
        QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("hello"));
        m_model->removePending(QStringLiteral("t1"));
        QCOMPARE(m_model->rowCount(), 0);
        m_model->failPending(QStringLiteral("unknown"), QStringLiteral("x")); // ignored
        m_model->confirmPending(QStringLiteral("unknown"), message(1));       // ignored
        QCOMPARE(m_model->rowCount(), 0);
    }

    void senderNameFromSetSendersElseEmail()
    {
        QVERIFY(addPage({message(1)}, false)); // sent by P1
        const QModelIndex row = m_model->index(0);
        QCOMPARE(row.data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("p1@example.com"));
        // The sender isolated (FSI...PDI) inside "%1: %2".
        QCOMPARE(row.data(Qt::DisplayRole).toString(),
                 QStringLiteral("\u2068p1@example.com\u2069: text 1"));
        QVERIFY(row.data(MessageListModel::SenderAvatarRole).toUrl().isEmpty());

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Person p;
        p.id = QStringLiteral("P1");
        p.displayName = QStringLiteral("Ada Lovelace");
        p.avatar = QUrl(QStringLiteral("https://avatars.example/ada"));
        m_model->setSenders({p});
        QCOMPARE(changed.size(), 1);
        QVERIFY(
            changed.first().at(2).value<QList<int>>().contains(MessageListModel::SenderNameRole));
        QCOMPARE(row.data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Ada Lovelace"));
        QCOMPARE(row.data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("\u2068Ada Lovelace\u2069: text 1"));
        QCOMPARE(row.data(MessageListModel::SenderAvatarRole).toUrl(),
                 QUrl(QStringLiteral("https://avatars.example/ada")));

        Person other;
        other.id = QStringLiteral("NOBODY-HERE");
        m_model->setSenders({other});
        QCOMPARE(changed.size(), 1); // no row of theirs: no signal
    }

    void unknownSendersAreWantedOncePerPage()
    {
        QSignalSpy wanted(m_model.get(), &MessageListModel::sendersWanted);
        // Messages 1..7 are sent by P1, P2, P0, P1, ...: three people, each asked for once.
        QVERIFY(addPage(page(1, 7), true));
        QCOMPARE(wanted.size(), 1);
        QStringList asked = wanted.first().first().toStringList();
        asked.sort();
        QCOMPARE(asked, QStringList({"P0", "P1", "P2"}));

        // Known senders are not asked for again; the others still are (nobody answered).
        Person p1;
        p1.id = QStringLiteral("P1");
        p1.displayName = QStringLiteral("Ada");
        m_model->setSenders({p1});
        wanted.clear();
        QVERIFY(addPage(page(8, 10), true)); // P2, P0, P1
        QCOMPARE(wanted.size(), 1);
        asked = wanted.first().first().toStringList();
        asked.sort();
        QCOMPARE(asked, QStringList({"P0", "P2"}));

        // A page of known senders only, or of duplicates, asks for nobody.
        Person p0;
        p0.id = QStringLiteral("P0");
        Person p2;
        p2.id = QStringLiteral("P2");
        m_model->setSenders({p0, p2});
        wanted.clear();
        QVERIFY(addPage(page(11, 13), true));
        QVERIFY(addPage(page(11, 13), true));
        QCOMPARE(wanted.size(), 0);
    }

    void pendingMessageOfAnUnknownSenderIsWanted()
    {
        QSignalSpy wanted(m_model.get(), &MessageListModel::sendersWanted);
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("hi"), QStringLiteral("ME"));
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(wanted.first().first().toStringList(), QStringList({"ME"}));

        Person me;
        me.id = QStringLiteral("ME");
        me.displayName = QStringLiteral("Grace");
        m_model->setSenders({me});
        QCOMPARE(m_model->index(0).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Grace"));
        m_model->addPending(QStringLiteral("t2"), QStringLiteral("again"), QStringLiteral("ME"));
        QCOMPARE(wanted.size(), 1);
    }

    void setSendersChangesOnlyTheirRowsAndSurvivesSetRoom()
    {
        // P1 sent rows 0 and 3 (messages 1 and 4); rows 1 and 2 are P2's and P0's.
        QVERIFY(addPage(page(1, 4), false));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Person p1;
        p1.id = QStringLiteral("P1");
        p1.displayName = QStringLiteral("Ada");
        p1.avatar = QUrl(QStringLiteral("https://avatars.example/ada"));
        m_model->setSenders({p1});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 3);
        const QList<int> roles = changed.first().at(2).value<QList<int>>();
        for (int role :
             {int(Qt::DisplayRole), int(Qt::AccessibleTextRole),
              int(MessageListModel::SenderNameRole), int(MessageListModel::SenderAvatarRole)})
            QVERIFY2(roles.contains(role), qPrintable(QString::number(role)));
        QCOMPARE(m_model->index(1).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("p2@example.com"));

        // Another space: P1 is still known, so their message there shows the name at once and
        // nobody is asked for.
        m_model->setRoom(QStringLiteral("R2"));
        QSignalSpy wanted(m_model.get(), &MessageListModel::sendersWanted);
        QVERIFY(addPage({message(7, QStringLiteral("R2"))}, false)); // P1
        QCOMPARE(wanted.size(), 0);
        QCOMPARE(m_model->index(0).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(m_model->index(0).data(MessageListModel::SenderAvatarRole).toUrl(),
                 QUrl(QStringLiteral("https://avatars.example/ada")));
    }

    void safeHtmlIsSanitised()
    {
        Message m = message(1);
        m.html = QStringLiteral("<p onclick=x>hi<img src=https://t/x.png></p>");
        QVERIFY(addPage({m}, false));
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p>hi</p>"));
        QCOMPARE(m_model->index(0).data(MessageListModel::CreatedRole).toDateTime(), m.created);
    }

    // An edit: the row stays where it is, its text changes at once, its markup once the new
    // copy is sanitised off this thread.
    void anEditKeepsItsRowAndChangesTheText()
    {
        QVERIFY(addPage(page(1, 3), false));
        const QString oldHtml = m_model->index(1).data(MessageListModel::SafeHtmlRole).toString();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        Message edited = message(2);
        edited.text = QStringLiteral("edited w");
        edited.html = QStringLiteral("<p><b>edited</b> <a href=\"https://w.example/\">w</a></p>");
        edited.created = QDateTime(); // an edit may come without its time of writing
        edited.updated = epoch.addSecs(3600);
        m_model->updateMessage(edited);

        QCOMPARE(rows(*m_model), ids(1, 3));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
        const QModelIndex row = m_model->index(1);
        QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("edited w"));
        QVERIFY(row.data(Qt::DisplayRole).toString().endsWith(QLatin1String("edited w")));
        QCOMPARE(row.data(MessageListModel::CreatedRole).toDateTime(), message(2).created);
        // The old markup until the new one is ready: never the unsanitised html.
        QCOMPARE(row.data(MessageListModel::SafeHtmlRole).toString(), oldHtml);

        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(MessageListModel::SafeHtmlRole));
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(MessageListModel::LinksRole));
        QCOMPARE(row.data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><b>edited</b> <a href=\"https://w.example/\">w</a></p>"));
        QCOMPARE(row.data(MessageListModel::LinksRole).value<QList<QUrl>>(),
                 QList<QUrl>{QUrl(QStringLiteral("https://w.example/"))});
        QCOMPARE(inserted.size() + removed.size() + moved.size() + layout.size(), 0);

        // The other rows are untouched, and a later page does not undo the edit.
        QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("text 1"));
        QVERIFY(addPage(page(1, 4), false));
        QCOMPARE(rows(*m_model), ids(1, 4));
        QCOMPARE(m_model->index(1).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("edited w"));
    }

    // What the list offers to edit and delete: confirmed messages of the person signed in.
    void ownMessagesAreThoseOfMeOnceConfirmed()
    {
        QVERIFY(addPage(page(1, 6), false)); // senders P1, P2, P0, P1, P2, P0
        for (int row = 0; row < m_model->rowCount(); ++row)
            QVERIFY(!m_model->index(row).data(MessageListModel::OwnRole).toBool());
        QCOMPARE(m_model->lastOwnRow(), -1); // nobody signed in yet

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setMyPersonId(QStringLiteral("P1"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(MessageListModel::OwnRole));
        QList<bool> own;
        for (int row = 0; row < m_model->rowCount(); ++row)
            own << m_model->index(row).data(MessageListModel::OwnRole).toBool();
        QCOMPARE(own, QList<bool>({true, false, false, true, false, false}));
        QCOMPARE(m_model->lastOwnRow(), 3);
        m_model->setMyPersonId(QStringLiteral("P1"));
        QCOMPARE(changed.size(), 1); // the same person: nothing changes

        // A message being sent is not yet one Webex has: not editable until confirmed.
        m_model->addPending(QStringLiteral("tag"), QStringLiteral("draft"), QStringLiteral("P1"));
        const int pending = m_model->rowCount() - 1;
        QVERIFY(!m_model->index(pending).data(MessageListModel::OwnRole).toBool());
        QCOMPARE(m_model->lastOwnRow(), 3);
        Message sent = message(7);
        sent.personId = QStringLiteral("P1");
        m_model->confirmPending(QStringLiteral("tag"), sent);
        QVERIFY(m_model->index(m_model->rowOf(sent.id)).data(MessageListModel::OwnRole).toBool());
        QCOMPARE(m_model->lastOwnRow(), m_model->rowOf(sent.id));

        // Deleted, the last own message is the one before.
        m_model->removeMessage(sent.id);
        QCOMPARE(m_model->lastOwnRow(), 3);
    }

    void anEditedMessageSaysSo()
    {
        QVERIFY(addPage(page(1, 2), false));
        const QModelIndex row = m_model->index(1);
        QVERIFY(!row.data(MessageListModel::EditedRole).toBool());
        QVERIFY(
            !row.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("Edited")));
        Message edited = message(2);
        edited.text = QStringLiteral("better");
        edited.updated = epoch.addSecs(7200);
        m_model->updateMessage(edited);
        QVERIFY(row.data(MessageListModel::EditedRole).toBool());
        QVERIFY2(
            row.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("Edited")),
            qPrintable(row.data(Qt::AccessibleDescriptionRole).toString()));
        QVERIFY(!m_model->index(0).data(MessageListModel::EditedRole).toBool());
    }

    // Hostile markup in an edit is sanitised like any message's.
    void anEditIsSanitised()
    {
        QVERIFY(addPage(page(1, 2), false));
        Message edited = message(1);
        edited.html =
            QStringLiteral("<p onclick=x>hi<img src=https://t/x.png><script>x</script></p>");
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->updateMessage(edited);
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p>hi</p>"));
    }

    void anEditOfAMessageNotShownDoesNothing()
    {
        QVERIFY(addPage(page(1, 2), false));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        Message unknown = message(9);
        unknown.text = QStringLiteral("edited");
        m_model->updateMessage(unknown);
        // The same id in another space: not this row.
        Message elsewhere = message(1, QStringLiteral("R2"));
        elsewhere.text = QStringLiteral("edited elsewhere");
        m_model->updateMessage(elsewhere);
        m_model->updateMessage(Message());
        // Sanitising would have been asked for; give it every chance to arrive.
        QVERIFY(addPage({}, false));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(rows(*m_model), ids(1, 2));
        QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("text 1"));
    }

    void aDeletionRemovesItsRow_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QStringList>("left");
        QTest::newRow("oldest") << 1 << QStringList({"M2", "M3"});
        QTest::newRow("middle") << 2 << QStringList({"M1", "M3"});
        QTest::newRow("newest") << 3 << QStringList({"M1", "M2"});
    }

    void aDeletionRemovesItsRow()
    {
        QFETCH(int, n);
        QFETCH(QStringList, left);
        QVERIFY(addPage(page(1, 3), true));
        const QString id = QStringLiteral("M%1").arg(n);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->removeMessage(id);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), n - 1);
        QCOMPARE(removed.first().at(2).toInt(), n - 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(rows(*m_model), left);
        QCOMPARE(m_model->rowOf(id), -1);
        QCOMPARE(m_model->oldestMessageId(), left.first());

        // A refresh that still holds it does not bring it back; the rest of it comes.
        QVERIFY(addPage(page(1, 4), false));
        QCOMPARE(rows(*m_model), left + QStringList({"M4"}));
        QCOMPARE(m_model->rowOf(id), -1);
        m_model->removeMessage(id); // deleted again: nothing
        QCOMPARE(removed.size(), 1);

        // Until the space is opened anew (setRoom): then Webex's word is all there is.
        m_model->setRoom(QStringLiteral("R1"));
        QVERIFY(addPage(page(1, 4), false));
        QCOMPARE(rows(*m_model), ids(1, 4));
    }

    // The deletion event can come before the page that holds the message: it stays out too.
    void aDeletionBeforeThePageKeepsItOut()
    {
        QVERIFY(addPage(page(1, 2), true));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->removeMessage(QStringLiteral("M4"));
        m_model->removeMessage(QString());
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(rows(*m_model), ids(1, 2));
        QVERIFY(addPage(page(1, 5), false));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "M5"}));
    }

    // Our own message, deleted from another device after Webex confirmed it.
    void aConfirmedMessageOfOursCanBeDeleted()
    {
        QVERIFY(addPage(page(1, 2), false));
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("mine"), QStringLiteral("ME"));
        m_model->confirmPending(QStringLiteral("t1"), message(3));
        QCOMPARE(rows(*m_model), ids(1, 3));
        m_model->removeMessage(QStringLiteral("M3"));
        QCOMPARE(rows(*m_model), ids(1, 2));
        QCOMPARE(m_model->rowOfClientTag(QStringLiteral("t1")), -1);
        QVERIFY(addPage(page(1, 3), false));
        QCOMPARE(rows(*m_model), ids(1, 2));
    }

    void aDeletionBeforeTheConfirmationKeepsItOut_data()
    {
        QTest::addColumn<bool>("shownFirst");
        QTest::newRow("deleted before any copy came") << false;
        QTest::newRow("shown by a page, then deleted") << true;
    }

    // A message of ours deleted (from another device, by a moderator) before Webex's answer to
    // our POST came: the confirmation does not bring it back either; the sending row goes.
    void aDeletionBeforeTheConfirmationKeepsItOut()
    {
        QFETCH(bool, shownFirst);
        QVERIFY(addPage(page(1, 2), false));
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("mine"), QStringLiteral("ME"));
        if (shownFirst) {
            QVERIFY(addPage({message(3)}, false)); // the live event's copy
            QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "tag:t1"}));
        }
        m_model->removeMessage(QStringLiteral("M3"));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "tag:t1"}));
        m_model->confirmPending(QStringLiteral("t1"), message(3));
        QCOMPARE(rows(*m_model), ids(1, 2));
        QCOMPARE(m_model->rowOfClientTag(QStringLiteral("t1")), -1);
    }

    void roleNamesAreUnique()
    {
        const QHash<int, QByteArray> names = m_model->roleNames();
        QCOMPARE(names.value(MessageListModel::SafeHtmlRole), QByteArray("safeHtml"));
        QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size());
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
