// A whole list answer ({"items": [...]}) as WebexClient reads one (rooms, teams, people,
// messages), and what the app's item models make of the rooms and messages in it: every row,
// every role, as the views and the accessibility tree read them.
//
// The reading is written out here as webexclient.cpp does it (its helpers are private to that
// file): the document, its items array, each object through T::fromJson, a bad one skipped.
// Once WebexClient reads bodies through a class of its own, call that instead.

#include "jsonmodel.h"

#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"

#include <QJsonArray>

namespace {

template <typename T> QList<T> itemsOf(const QJsonArray &array)
{
    QList<T> out;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            continue;
        if (std::optional<T> item = Fuzz::checkedFromJson<T>(value.toObject()))
            out.append(*item);
    }
    return out;
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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    const QJsonValue items = document.object().value(QLatin1String("items"));
    if (!document.isObject() || !items.isArray())
        return 0; // the call fails with "The list of ... is not {"items": [...]}"
    const QJsonArray array = items.toArray();

    const QList<Room> rooms = itemsOf<Room>(array);
    const QList<Team> teams = itemsOf<Team>(array);
    const QList<Person> people = itemsOf<Person>(array);
    const QList<Message> messages = itemsOf<Message>(array);
    Q_UNUSED(teams)

    RoomListModel roomModel;
    roomModel.appendRooms(rooms);
    FUZZ_CHECK(roomModel.rowCount() <= rooms.size(), QString::number(roomModel.rowCount()));
    readEveryRole(roomModel);

    MessageListModel messageModel;
    messageModel.setRoom(messages.isEmpty() ? QString() : messages.constFirst().roomId);
    messageModel.addPage(messages, true);
    messageModel.setSenders(people);
    FUZZ_CHECK(messageModel.rowCount() <= messages.size(),
               QString::number(messageModel.rowCount()));
    readEveryRole(messageModel);
    return 0;
}
