// A whole list answer ({"items": [...]}) as WebexClient reads one (rooms, teams, people,
// messages): ListBody, the very reading WebexClient runs on every page; then what the app's item
// models make of the rooms and messages in it: every row, every role, as the views and the
// accessibility tree read them.
//
// What must hold: ListBody keeps exactly the entries T::fromJson accepts, in order, and accounts
// for every other one (skipped, with a reason, or left out for invalid UTF-8); what is not
// {"items": [...]} is no list, with the parser's message when it is not JSON.

#include "jsonmodel.h"

#include "api/listbody.h"
#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonParseError>

#include <algorithm>

namespace {

template <typename T> QStringList idsOf(const QList<T> &values)
{
    QStringList ids;
    for (const T &value : values)
        ids.append(value.id);
    return ids;
}

// A list read through JsonBody's repair, against the body as Qt reads it once every invalid
// sequence is U+FFFD: the same entries, less those left out for the invalid text (at most
// leftOutForInvalidUtf8: that also counts entries of inner lists), in the same order. Not "at
// least one left out": text in a value a later duplicate key replaces is never read.
template <typename T>
void checkAgainstLossyReading(const ListBody<T> &list, const QByteArray &body, const QString &shown)
{
    const QJsonDocument lossy = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8());
    const QJsonValue items = lossy.object().value(QLatin1String("items"));
    FUZZ_CHECK(lossy.isObject() && items.isArray(), shown);
    const QJsonArray array = items.toArray();
    const qsizetype leftOut = array.size() - list.items().size() - list.skippedCount();
    FUZZ_CHECK(leftOut >= 0 && leftOut <= list.leftOutForInvalidUtf8(), shown);
    qsizetype next = 0; // the kept items are in the lossy list, in order
    for (const QJsonValue &value : array) {
        if (next < list.items().size() && value.isObject() &&
            value.toObject().value(QLatin1String("id")).toString() == list.items().at(next).id)
            ++next;
    }
    FUZZ_CHECK(next == list.items().size(), shown);
}

// ListBody<T> of the body, checked against Qt's own reading where Qt can read it (valid UTF-8)
// and against T::fromJson entry by entry (whose promises jsonmodel.h checks).
template <typename T> QList<T> checkedList(const QByteArray &body)
{
    const ListBody<T> list = ListBody<T>::read(body);
    const QString shown = QString::fromUtf8(body.left(200).toBase64());

    // What is kept: objects with an id, and the reasons kept for what is not, in order, bounded.
    for (const T &item : list.items())
        FUZZ_CHECK(!item.id.isEmpty(), shown);
    FUZZ_CHECK(list.firstSkipped().size() == std::min(list.skippedCount(), ListBody<T>::KeptSkips),
               shown);
    qsizetype previous = -1;
    for (const typename ListBody<T>::Skipped &skipped : list.firstSkipped()) {
        FUZZ_CHECK(skipped.index > previous && !skipped.reason.isEmpty(), shown);
        previous = skipped.index;
    }
    if (!list.isList()) {
        FUZZ_CHECK(list.items().isEmpty() && list.skippedCount() == 0, shown);
        FUZZ_CHECK(list.leftOutForInvalidUtf8() == 0, shown);
    }

    QJsonParseError plainError{};
    const QJsonDocument plain = QJsonDocument::fromJson(body, &plainError);
    if (plainError.error == QJsonParseError::IllegalUTF8String) {
        if (list.isList())
            checkAgainstLossyReading(list, body, shown);
        return list.items();
    }
    if (plainError.error != QJsonParseError::NoError) {
        FUZZ_CHECK(!list.isList() && !list.jsonError().isEmpty(), shown); // the call fails
        return list.items();
    }

    // Valid JSON: nothing left out for UTF-8, and the list is what Qt reads, entry by entry.
    FUZZ_CHECK(list.leftOutForInvalidUtf8() == 0 && list.jsonError().isEmpty(), shown);
    const QJsonValue items = plain.object().value(QLatin1String("items"));
    FUZZ_CHECK(list.isList() == (plain.isObject() && items.isArray()), shown);
    if (!list.isList())
        return list.items(); // the call fails with "The list of ... is not {"items": [...]}"
    const QJsonArray array = items.toArray();
    QStringList accepted;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            continue;
        if (const std::optional<T> item = Fuzz::checkedFromJson<T>(value.toObject()))
            accepted.append(item->id);
    }
    FUZZ_CHECK(idsOf(list.items()) == accepted, shown);
    FUZZ_CHECK(list.items().size() + list.skippedCount() == array.size(), shown);
    return list.items();
}

// Every role of every row, as a view and a screen reader ask for them.
void readEveryRole(const QAbstractItemModel &model)
{
    QList<int> roles = model.roleNames().keys();
    roles << Qt::DisplayRole << Qt::ToolTipRole << Qt::AccessibleTextRole
          << Qt::AccessibleDescriptionRole;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        for (int role : std::as_const(roles))
            (void)model.data(index, role);
    }
}

// MessageListModel sanitises a page off this thread and merges it in the event loop: wait for
// it (pageAdded), so every row is there to be read. The event loop needs an application,
// made once for the whole run.
void addPageAndWait(MessageListModel &model, const QList<Message> &messages)
{
    static int argc = 1;
    static char name[] = "fuzz_json_list";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        static QCoreApplication application(argc, argv);
    QEventLoop loop;
    QObject::connect(&model, &MessageListModel::pageAdded, &loop, &QEventLoop::quit);
    model.addPage(messages, true);
    loop.exec();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    const QList<Room> rooms = checkedList<Room>(body);
    const QList<Team> teams = checkedList<Team>(body);
    const QList<Person> people = checkedList<Person>(body);
    const QList<Message> messages = checkedList<Message>(body);
    Q_UNUSED(teams)

    RoomListModel roomModel;
    roomModel.appendRooms(rooms);
    FUZZ_CHECK(roomModel.rowCount() <= rooms.size(), QString::number(roomModel.rowCount()));
    readEveryRole(roomModel);

    MessageListModel messageModel;
    messageModel.setRoom(messages.isEmpty() ? QString() : messages.constFirst().roomId);
    addPageAndWait(messageModel, messages);
    messageModel.setSenders(people);
    FUZZ_CHECK(messageModel.rowCount() <= messages.size(),
               QString::number(messageModel.rowCount()));
    // A message of this space with an id becomes a row: none is lost between the threads.
    const QString room = messages.isEmpty() ? QString() : messages.constFirst().roomId;
    const auto rowsDue =
        std::count_if(messages.cbegin(), messages.cend(), [&room](const Message &message) {
            return !message.id.isEmpty() &&
                   (room.isEmpty() || message.roomId.isEmpty() || message.roomId == room);
        });
    FUZZ_CHECK(rowsDue == 0 || messageModel.rowCount() > 0, QString::number(rowsDue));
    readEveryRole(messageModel);
    return 0;
}
