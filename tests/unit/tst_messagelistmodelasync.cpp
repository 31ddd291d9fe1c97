// MessageListModel sanitises each page off the UI thread (MessageSanitiser). What must hold
// whatever order the work finishes in: pages appear in the order they were added, a page of the
// space shown before never appears in the next, the model may go while work is in flight, rows
// being sent keep working meanwhile, and the event loop runs while a hostile page is sanitised.
//
// The work is held back with a gate: messages whose text contains "slow" wait until the test
// opens it. Each test has a pool of its own with enough threads for the other work to go on.
#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/messagesanitiser.h"
#include "model/person.h"
#include "model/safehtml.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

#include <atomic>
#include <memory>

namespace {

constexpr int WaitMs = 60000; // a hostile page in a sanitizer build takes seconds, not minutes

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), QTimeZone(0));

// Message n was sent n minutes after the epoch.
Message message(int n, const QString &roomId = QStringLiteral("R1"),
                const QString &text = QString())
{
    Message m;
    m.id = QStringLiteral("M%1").arg(n);
    m.roomId = roomId;
    m.text = text.isEmpty() ? QStringLiteral("text %1 in %2").arg(n).arg(roomId) : text;
    m.personId = QStringLiteral("P%1").arg(n % 3);
    m.created = epoch.addSecs(n * 60);
    return m;
}

// Messages last..first, newest first, as Webex sends a page; `slow` is held at the gate.
QList<Message> page(int first, int last, int slow = 0, const QString &roomId = QStringLiteral("R1"))
{
    QList<Message> out;
    for (int n = last; n >= first; --n)
        out.append(message(n, roomId, n == slow ? QStringLiteral("slow %1").arg(n) : QString()));
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

// The real sanitising, held at the gate for "slow" messages and counted. Opened when it goes,
// so a failed check cannot leave the pool's threads waiting for ever.
class Gate
{
public:
    Gate() = default;
    Q_DISABLE_COPY_MOVE(Gate)
    ~Gate() { open(); }

    void open() { m_open.release(1000000); }

    MessageSanitiser::Work work()
    {
        return [this](const Message &m) {
            ++m_started;
            if (m.text.contains(QLatin1String("slow"))) {
                m_open.acquire();
                m_open.release(); // the next slow one passes too
            }
            SanitisedMessage out = SanitisedMessage::of(m);
            ++m_finished;
            return out;
        };
    }

    [[nodiscard]] int started() const { return m_started; }
    [[nodiscard]] int finished() const { return m_finished; }

private:
    QSemaphore m_open;
    std::atomic<int> m_started{0};
    std::atomic<int> m_finished{0};
};

} // namespace

class TestMessageListModelAsync : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(4);
        m_gate = std::make_unique<Gate>();
        m_sanitiser = new MessageSanitiser(m_gate->work(), m_pool.get());
        m_model = std::make_unique<MessageListModel>(m_sanitiser);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setRoom(QStringLiteral("R1"));
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_gate->open();
        m_pool->waitForDone();
        m_gate.reset();
        m_pool.reset();
    }

    void pagesAppearInTheOrderAddedWhenALaterOneFinishesFirst()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        // The newest page, held at M5; then the older page, which is sanitised at once.
        m_model->addPage(page(4, 6, 5), true);
        m_model->addPage(page(1, 3), false);
        QCOMPARE(m_model->pagesInFlight(), 2);

        // The older page is done and waits for the first: nothing is shown yet. (How many of
        // the newest page's messages finished depends on how QtConcurrent splits it between
        // threads: those after M5 in its block wait for it. An ASan run saw 4 of 5.)
        QTRY_COMPARE_WITH_TIMEOUT(m_sanitiser->batchesHeldBack(), 1, WaitMs);
        QVERIFY(m_gate->finished() >= 3);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(added.size(), 0);
        QCOMPARE(m_model->pagesInFlight(), 2);

        m_gate->open();
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, WaitMs);
        QCOMPARE(m_model->pagesInFlight(), 0);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "M4", "M5", "M6"}));
        // The first page first (rows 0..2), then the older one on top of it, each in one piece.
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(2).toInt(), 2);
        // The older page reached the beginning, and it came last.
        QVERIFY(!m_model->hasOlder());
        QCOMPARE(m_model->index(4).data(MessageListModel::SafeHtmlRole).toString(),
                 SafeHtml::forMessage(message(5, QStringLiteral("R1"), QStringLiteral("slow 5"))));
    }

    void anEditOfAMessageStillBeingSanitisedIsKept()
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        // M2 is on its way in a page held at the gate when its edit comes (a live edit, fetched
        // while the catch-up's page is still being sanitised); M9 is in no page at all.
        m_model->addPage(page(1, 3, 2), false);
        QTRY_VERIFY_WITH_TIMEOUT(m_gate->started() >= 1, WaitMs);
        Message edited = message(2);
        edited.text = QStringLiteral("edited 2");
        m_model->updateMessage(edited);
        Message elsewhere = message(9);
        elsewhere.text = QStringLiteral("edited 9");
        m_model->updateMessage(elsewhere);
        QCOMPARE(m_model->rowCount(), 0);

        m_gate->open();
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, WaitMs);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3"}));
        // The page brought the old text; the edit came after it and wins, markup included.
        const QModelIndex row = m_model->index(1);
        QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("edited 2"));
        QTRY_COMPARE_WITH_TIMEOUT(row.data(MessageListModel::SafeHtmlRole).toString(),
                                  SafeHtml::forMessage(edited), WaitMs);
        // The edit of a message no page held changed nothing, and a later page of M9 brings
        // what Webex says then.
        m_model->addPage({message(9)}, false);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, WaitMs);
        QCOMPARE(m_model->index(m_model->rowOf(QStringLiteral("M9")))
                     .data(MessageListModel::TextRole)
                     .toString(),
                 message(9).text);
    }

    void setRoomDropsPagesStillBeingSanitised()
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->addPage(page(1, 3, 2), true); // held at M2
        QTRY_VERIFY_WITH_TIMEOUT(m_gate->started() >= 1, WaitMs);
        m_model->setRoom(QStringLiteral("R2"));
        QCOMPARE(m_model->pagesInFlight(), 0);
        QCOMPARE(m_sanitiser->batchesInFlight(), 0);

        // The other space's page comes while the first space's work is still held: it is not
        // held up by it, and the same ids are new here.
        m_model->addPage(page(1, 2, 0, QStringLiteral("R2")), false);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, WaitMs);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2"}));

        // The first space's work ends; nothing of it arrives, ever.
        m_gate->open();
        m_pool->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(added.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2"}));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString text = m_model->index(row).data(MessageListModel::TextRole).toString();
            QVERIFY2(text.endsWith(QLatin1String("in R2")), qPrintable(text));
        }
        QVERIFY(!m_model->hasOlder()); // R1's page said there was more
    }

    void destroyedWhileSanitisingCrashesNothingAndStopsTheWork()
    {
        // Twenty messages held at the gate, more than the pool has threads; and a confirmed
        // message whose server copy is on its way too.
        QList<Message> held;
        for (int n = 20; n >= 1; --n)
            held.append(message(n, QStringLiteral("R1"), QStringLiteral("slow %1").arg(n)));
        m_model->addPage(held, true);
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("hi"), QStringLiteral("ME"));
        m_model->confirmPending(QStringLiteral("t1"),
                                message(30, QStringLiteral("R1"), QStringLiteral("slow")));
        QTRY_VERIFY_WITH_TIMEOUT(m_gate->started() >= 1, WaitMs);

        const QPointer<MessageSanitiser> sanitiser(m_sanitiser);
        m_tester.reset();
        m_model.reset();
        QVERIFY(sanitiser.isNull());

        // The held work finishes after the model is gone: nothing reaches it (under the
        // sanitizers a dangling pointer would stop the test here), and what had not started is
        // not done at all.
        m_gate->open();
        m_pool->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY2(m_gate->finished() < 21, qPrintable(QString::number(m_gate->finished())));
    }

    void rowsBeingSentKeepWorkingWhileAPageIsSanitised()
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        m_model->addPage(page(1, 3, 2), true); // held at M2

        // Sent, shown at once, confirmed, named: all while the page is held.
        m_model->addPending(QStringLiteral("t1"), QStringLiteral("**hi**"), QStringLiteral("ME"));
        QCOMPARE(rows(*m_model), QStringList({"tag:t1"}));
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><b>hi</b></p>"));
        Message server = message(10);
        server.personId = QStringLiteral("ME");
        m_model->confirmPending(QStringLiteral("t1"), server);
        QCOMPARE(rows(*m_model), QStringList({"M10"}));
        QVERIFY(!m_model->index(0).data(MessageListModel::PendingRole).toBool());
        Person me;
        me.id = QStringLiteral("ME");
        me.displayName = QStringLiteral("Grace");
        Person p2;
        p2.id = QStringLiteral("P2");
        p2.displayName = QStringLiteral("Ada"); // sent M2, not shown yet
        m_model->setSenders({me, p2});
        QCOMPARE(m_model->index(0).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Grace"));
        QCOMPARE(added.size(), 0);

        m_gate->open();
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, WaitMs);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2", "M3", "M10"}));
        QCOMPARE(m_model->index(1).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Ada"));
        // The confirmed row now shows Webex's copy.
        QTRY_COMPARE(m_model->index(3).data(MessageListModel::SafeHtmlRole).toString(),
                     SafeHtml::forMessage(server));
        QVERIFY(m_model->hasOlder());
    }

    // Fifty messages of the slowest shape the sanitiser knows (about 20 ms each), sanitised
    // for real. A timer on the UI thread ticks while the work is under way: impossible if the
    // work ran on the UI thread, since then no tick could come between its first message and
    // its last.
    void aHostilePageLeavesTheEventLoopRunning()
    {
        constexpr int Count = 50;
        const QString hostile = QStringLiteral("<b>").repeated(253) +
                                QStringLiteral("</i>").repeated(SafeHtml::MaxHtmlInputBytes / 4);
        QList<Message> newestFirst;
        for (int n = Count; n >= 1; --n) {
            Message m = message(n);
            m.html = hostile;
            newestFirst.append(m);
        }

        // Shared with the work, which may outlive this function if a check fails.
        struct Progress
        {
            std::atomic<int> started{0};
            std::atomic<int> finished{0};
            std::atomic<bool> onUiThread{false};
        };
        const auto progress = std::make_shared<Progress>();
        QThread *const uiThread = QThread::currentThread();
        auto *sanitiser = new MessageSanitiser(
            [progress, uiThread](const Message &m) {
                ++progress->started;
                if (QThread::currentThread() == uiThread)
                    progress->onUiThread = true;
                SanitisedMessage out = SanitisedMessage::of(m);
                ++progress->finished;
                return out;
            },
            QThreadPool::globalInstance());
        MessageListModel model(sanitiser);
        model.setRoom(QStringLiteral("R1"));
        QSignalSpy added(&model, &MessageListModel::pageAdded);

        int ticksWhileSanitising = 0;
        QTimer tick;
        tick.setInterval(1);
        connect(&tick, &QTimer::timeout, this, [&] {
            if (progress->started > 0 && progress->finished < Count)
                ++ticksWhileSanitising;
        });
        tick.start();
        model.addPage(newestFirst, false);
        QVERIFY(added.wait(WaitMs));
        tick.stop();

        QCOMPARE(int(progress->finished), Count);
        QVERIFY(!progress->onUiThread);
        QVERIFY2(ticksWhileSanitising > 0,
                 "the UI thread did not run while the page was sanitised");
        QCOMPARE(model.rowCount(), Count);
        // What the rows hold is the sanitiser's answer: cut, with its note.
        const QString shown = model.index(0).data(MessageListModel::SafeHtmlRole).toString();
        QCOMPARE(shown, SafeHtml::forMessage(newestFirst.constLast()));
        QVERIFY(shown.size() <= SafeHtml::MaxOutputLength + 1024);
    }

    void anEmptyPageIsAddedLaterAndInItsTurn()
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        m_model->addPage(page(1, 2, 1), true); // held at M1
        m_model->addPage({}, false);
        QCOMPARE(added.size(), 0); // never from inside addPage
        QTRY_COMPARE_WITH_TIMEOUT(m_sanitiser->batchesHeldBack(), 1, WaitMs);
        QCOMPARE(added.size(), 0); // the empty page waits for the first one too
        m_gate->open();
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, WaitMs);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2"}));
        QVERIFY(!m_model->hasOlder()); // the empty page came second: nothing older
    }

    // A deletion while the page that holds the message is still being sanitised: the page
    // comes without it.
    void aDeletionKeepsItOutOfAPageInFlight()
    {
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_model->addPage(page(1, 4, 2), true); // held at M2
        QTRY_VERIFY(m_gate->started() >= 1);
        m_model->removeMessage(QStringLiteral("M2")); // the one held
        m_model->removeMessage(QStringLiteral("M4"));
        QCOMPARE(removed.size(), 0); // nothing was shown
        QCOMPARE(m_model->pagesInFlight(), 1);

        m_gate->open();
        QTRY_COMPARE(added.size(), 1);
        QCOMPARE(rows(*m_model), QStringList({"M1", "M3"}));
        QCOMPARE(removed.size(), 0);
        QVERIFY(m_model->hasOlder());
    }

    // Two edits in a row, the first one's markup still being sanitised when the second comes:
    // the text is the second's at once, and the markup ends as the second's, whichever
    // sanitising finishes first.
    void theLastEditWinsWhateverFinishesFirst()
    {
        m_model->addPage(page(1, 2), false);
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        QTRY_COMPARE(added.size(), 1);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        Message first = message(1, QStringLiteral("R1"), QStringLiteral("slow first"));
        first.html = QStringLiteral("<p>slow first</p>");
        Message second = message(1, QStringLiteral("R1"), QStringLiteral("second"));
        second.html = QStringLiteral("<p><i>second</i></p>");
        const int startedBefore = m_gate->started();
        m_model->updateMessage(first);
        QTRY_VERIFY(m_gate->started() > startedBefore); // the first is at the gate
        m_model->updateMessage(second);
        QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("second"));
        QCOMPARE(changed.size(), 2); // the two texts
        // The second is done, but waits for the first: the old markup is still shown.
        QTRY_COMPARE(m_sanitiser->batchesHeldBack(), 1);
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 SafeHtml::forMessage(message(1)));

        m_gate->open();
        QTRY_COMPARE(m_sanitiser->batchesInFlight(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 QStringLiteral("<p><i>second</i></p>"));
        QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("second"));
        QCOMPARE(rows(*m_model), QStringList({"M1", "M2"}));
    }

    // An edit whose markup is being sanitised when its message is deleted: the markup reaches
    // no row (the model tester fails on a dataChanged of a row that is not there), nor the row
    // that took its place.
    void anEditInFlightOutlivesItsDeletedRowHarmlessly()
    {
        m_model->addPage(page(1, 2), false);
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        QTRY_COMPARE(added.size(), 1);

        const int startedBefore = m_gate->started();
        Message edited = message(1, QStringLiteral("R1"), QStringLiteral("slow edit"));
        edited.html = QStringLiteral("<p>edited M1</p>");
        m_model->updateMessage(edited);
        QTRY_VERIFY(m_gate->started() > startedBefore);
        m_model->removeMessage(QStringLiteral("M1"));
        QCOMPARE(rows(*m_model), QStringList({"M2"}));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        m_gate->open();
        QTRY_COMPARE(m_sanitiser->batchesInFlight(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 0);
        QCOMPARE(rows(*m_model), QStringList({"M2"}));
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 SafeHtml::forMessage(message(2)));
    }

    // An edit whose markup is being sanitised when another space is opened: nothing of it
    // reaches the next space, not even a message there with the same id.
    void anEditInFlightStaysInItsSpace()
    {
        m_model->addPage(page(1, 2), false);
        QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
        QTRY_COMPARE(added.size(), 1);

        const int startedBefore = m_gate->started();
        Message edited = message(2, QStringLiteral("R1"), QStringLiteral("slow edit of M2"));
        edited.html = QStringLiteral("<p>edited in R1</p>");
        m_model->updateMessage(edited);
        QTRY_VERIFY(m_gate->started() > startedBefore);

        m_model->setRoom(QStringLiteral("R2"));
        m_model->addPage(page(2, 2, 0, QStringLiteral("R2")), false); // M2 again, elsewhere
        QTRY_COMPARE(added.size(), 2);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        m_gate->open();
        m_pool->waitForDone();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(changed.size(), 0);
        QCOMPARE(rows(*m_model), QStringList({"M2"}));
        QCOMPARE(m_model->index(0).data(MessageListModel::SafeHtmlRole).toString(),
                 SafeHtml::forMessage(message(2, QStringLiteral("R2"))));
    }

private:
    std::unique_ptr<QThreadPool> m_pool;
    std::unique_ptr<Gate> m_gate;
    MessageSanitiser *m_sanitiser = nullptr; // owned by m_model
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestMessageListModelAsync)
#include "tst_messagelistmodelasync.moc"
