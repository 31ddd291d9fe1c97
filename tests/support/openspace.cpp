#include "openspace.h"

#include "appcontroller.h"
#include "conversationcontroller.h"
#include "mainwindow.h"
#include "model/roomlistmodel.h"
#include "roomspane.h"

#include <QListView>
#include <QSignalSpy>
#include <QTest>

bool openSpaceByClick(AppController &app, const QString &roomId, int waitMs)
{
    QListView *list = app.mainWindow()->roomsPane()->view();
    QModelIndex index;
    for (int row = 0; row < list->model()->rowCount() && !index.isValid(); ++row) {
        if (list->model()->index(row, 0).data(RoomListModel::IdRole).toString() == roomId)
            index = list->model()->index(row, 0);
    }
    if (!index.isValid())
        return false;
    QSignalSpy shown(app.conversation(), &ConversationController::messagesShown);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    return QTest::qWaitFor([&shown] { return !shown.isEmpty(); }, waitMs);
}
