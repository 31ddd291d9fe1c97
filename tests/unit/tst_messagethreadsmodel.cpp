#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Threads as Webex shows them, over a real MessageListModel: replies under their first message,
// hidden until opened, counted; order untouched without replies; a reply whose first message is
// not loaded on its own until it is.

namespace {

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);

// Message n, sent n minutes after the epoch; a reply to message `parent` when it is not 0.
Message message(int n, int parent = 0)
{
    Message m;
    m.id = QStringLiteral("M%1").arg(n);
    m.roomId = QStringLiteral("R1");
    m.text = QStringLiteral("text %1").arg(n);
    m.personId = QStringLiteral("P1");
    m.created = epoch.addSecs(n * 60);
    if (parent != 0)
        m.parentId = QStringLiteral("M%1").arg(parent);
    return m;
}

} // namespace

class TestMessageThreadsModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<MessageThreadsModel> m_threads;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // A page, newest first as Webex sends it, merged (it is sanitised off this thread first).
    [[nodiscard]] bool add(QList<Message> oldestFirst, bool hasOlder = false)
    {
        std::reverse(oldestFirst.begin(), oldestFirst.end());
        QSignalSpy added(m_messages.get(), &MessageListModel::pageAdded);
        m_messages->addPage(oldestFirst, hasOlder);
        return added.wait(10000);
    }

    // The ids of the rows shown, in order; replies shown under their thread with a "+".
    [[nodiscard]] QStringList shown() const
    {
        QStringList ids;
        for (int row = 0; row < m_threads->rowCount(); ++row) {
            const QModelIndex index = m_threads->index(row, 0);
            ids << (index.data(MessageThreadsModel::InThreadRole).toBool() ? QStringLiteral("+")
                                                                           : QString()) +
                       index.data(MessageListModel::IdRole).toString();
        }
        return ids;
    }

private slots:
    void init()
    {
        m_messages = std::make_unique<MessageListModel>();
        m_messages->setRoom(QStringLiteral("R1"));
        m_threads = std::make_unique<MessageThreadsModel>();
        m_threads->setSourceModel(m_messages.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_threads.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_threads.reset();
        m_messages.reset();
    }

    void withoutRepliesTheOrderIsTheList()
    {
        QVERIFY(add({message(1), message(2), message(3)}));
        QCOMPARE(shown(), QStringList({"M1", "M2", "M3"}));
        QCOMPARE(m_threads->index(1, 0).data(MessageThreadsModel::ReplyCountRole).toInt(), 0);
        QVERIFY(
            m_threads->index(1, 0).data(MessageThreadsModel::ThreadRootRole).toString().isEmpty());
    }

    void repliesAreCountedAndHiddenUntilTheThreadOpens()
    {
        QVERIFY(
            add({message(1), message(2), message(3, 2), message(4), message(5, 2), message(6, 4)}));
        QCOMPARE(shown(), QStringList({"M1", "M2", "M4"}));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M2")), 2);
        QCOMPARE(m_threads->index(1, 0).data(MessageThreadsModel::ReplyCountRole).toInt(), 2);
        QCOMPARE(m_threads->index(2, 0).data(MessageThreadsModel::ReplyCountRole).toInt(), 1);
        QCOMPARE(m_threads->index(1, 0).data(MessageThreadsModel::ThreadRootRole).toString(),
                 QStringLiteral("M2"));

        QSignalSpy inserted(m_threads.get(), &QAbstractItemModel::rowsInserted);
        QVERIFY(
            m_threads->setData(m_threads->index(1, 0), true, MessageThreadsModel::ExpandedRole));
        QCOMPARE(shown(), QStringList({"M1", "M2", "+M3", "+M5", "M4"}));
        QVERIFY(!inserted.isEmpty()); // inserted under it, not a reset
        QVERIFY(m_threads->index(1, 0).data(MessageThreadsModel::ExpandedRole).toBool());
        QCOMPARE(m_threads->index(2, 0).data(MessageThreadsModel::ThreadRootRole).toString(),
                 QStringLiteral("M2"));

        m_threads->setExpanded(QStringLiteral("M4"), true);
        QCOMPARE(shown(), QStringList({"M1", "M2", "+M3", "+M5", "M4", "+M6"}));
        m_threads->setExpanded(QStringLiteral("M2"), false);
        QCOMPARE(shown(), QStringList({"M1", "M2", "M4", "+M6"}));

        // Only a thread's first message opens.
        QVERIFY(
            !m_threads->setData(m_threads->index(0, 0), true, MessageThreadsModel::ExpandedRole));
        QCOMPARE(shown(), QStringList({"M1", "M2", "M4", "+M6"}));
    }

    void aNewReplyIsCountedAndGoesIntoItsOpenThread()
    {
        QVERIFY(add({message(1), message(2), message(3, 2), message(4)}));
        QSignalSpy changed(m_threads.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(add({message(7, 2)}));
        QCOMPARE(shown(), QStringList({"M1", "M2", "M4"}));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M2")), 2);
        bool countAnnounced = false;
        for (const QList<QVariant> &args : changed) {
            countAnnounced |=
                args.at(0).toModelIndex().row() == 1 &&
                args.at(2).value<QList<int>>().contains(MessageThreadsModel::ReplyCountRole);
        }
        QVERIFY(countAnnounced); // "2 replies" is drawn again

        m_threads->setExpanded(QStringLiteral("M2"), true);
        QVERIFY(add({message(8, 2)}));
        QCOMPARE(shown(), QStringList({"M1", "M2", "+M3", "+M7", "+M8", "M4"}));
    }

    void aReplySentShowsInItsThread()
    {
        QVERIFY(add({message(1), message(2), message(3, 2), message(4)}));
        m_threads->setExpanded(QStringLiteral("M2"), true);
        m_messages->addPending(QStringLiteral("tag"), QStringLiteral("me too"),
                               QStringLiteral("P1"), QStringLiteral("M2"));
        QStringList rows = shown();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(3), QStringLiteral("+")); // pending: no id yet, in the thread
        QCOMPARE(rows.last(), QStringLiteral("M4"));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M2")), 2); // counted as it is shown
        Message sent = message(9, 2);
        m_messages->confirmPending(QStringLiteral("tag"), sent);
        QCOMPARE(shown(), QStringList({"M1", "M2", "+M3", "+M9", "M4"}));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M2")), 2);
    }

    void aReplyWithoutItsFirstMessageStandsAloneUntilItComes()
    {
        QVERIFY(add({message(5), message(6, 3), message(7)}, true));
        QCOMPARE(shown(), QStringList({"M5", "M6", "M7"}));
        QVERIFY(!m_threads->index(1, 0).data(MessageThreadsModel::InThreadRole).toBool());
        // The older page brings the thread's first message: the reply goes under it, hidden.
        QVERIFY(add({message(2), message(3), message(4)}));
        QCOMPARE(shown(), QStringList({"M2", "M3", "M4", "M5", "M7"}));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M3")), 1);
        QCOMPARE(m_threads->revealMessage(QStringLiteral("M6")).row(), 2);
        QCOMPARE(shown(), QStringList({"M2", "M3", "+M6", "M4", "M5", "M7"}));
    }

    void deletionsTakeTheirRowsAndCounts()
    {
        QVERIFY(add({message(1), message(2, 1), message(3, 1), message(4)}));
        m_threads->setExpanded(QStringLiteral("M1"), true);
        m_messages->removeMessage(QStringLiteral("M2"));
        QCOMPARE(shown(), QStringList({"M1", "+M3", "M4"}));
        QCOMPARE(m_threads->replyCount(QStringLiteral("M1")), 1);
        // The first message deleted: its reply stays, on its own.
        m_messages->removeMessage(QStringLiteral("M1"));
        QCOMPARE(shown(), QStringList({"M3", "M4"}));
        QVERIFY(!m_threads->index(0, 0).data(MessageThreadsModel::InThreadRole).toBool());
    }

    void anotherSpaceClosesEveryThread()
    {
        QVERIFY(add({message(1), message(2, 1)}));
        m_threads->setExpanded(QStringLiteral("M1"), true);
        m_messages->setRoom(QStringLiteral("R2"));
        QCOMPARE(m_threads->rowCount(), 0);
        QVERIFY(!m_threads->isExpanded(QStringLiteral("M1")));
        QVERIFY(!m_threads->indexOfMessage(QStringLiteral("M1")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestMessageThreadsModel)
#include "tst_messagethreadsmodel.moc"
