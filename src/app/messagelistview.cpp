#include "messagelistview.h"

#include "messageitemdelegate.h"
#include "model/displaytext.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

namespace {
// Longer addresses are shortened in the middle in menus: the host and the end stay readable,
// and a hostile message cannot make a menu wider than the screen.
constexpr int MenuAddressLength = 80;
// A hostile message could list hundreds of files; the menu offers the first ones.
constexpr int MaxFilesInMenu = 10;
} // namespace

MessageListView::MessageListView(QWidget *parent) : QListView(parent)
{
    setContextMenuPolicy(Qt::DefaultContextMenu);
}

bool MessageListView::canScroll()
{
    executeDelayedItemsLayout();
    const QScrollBar *bar = verticalScrollBar();
    return bar->maximum() > bar->minimum();
}

QList<QUrl> MessageListView::linksOf(const QModelIndex &index)
{
    QList<QUrl> links;
    // The model offers only what may be opened; checked again here, as this is where they open.
    const QList<QUrl> offered = index.data(MessageListModel::LinksRole).value<QList<QUrl>>();
    for (const QUrl &url : offered) {
        if (MessageItemDelegate::isOpenableLink(url))
            links.append(url);
    }
    return links;
}

QString MessageListView::menuText(const QUrl &url)
{
    return menuText(url.toDisplayString());
}

QString MessageListView::menuText(const QString &text)
{
    QString address = text;
    if (address.size() > MenuAddressLength) {
        const int tail = MenuAddressLength / 3;
        address = address.left(MenuAddressLength - tail - 1) + QChar(0x2026) + address.right(tail);
    }
    // A menu item's text marks its shortcut letter with '&': an address's own '&' must stay one.
    address.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return address;
}

void MessageListView::openLink(const QUrl &url)
{
    if (MessageItemDelegate::isOpenableLink(url))
        QDesktopServices::openUrl(url);
}

void MessageListView::copyText(const QModelIndex &index)
{
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(MessageListModel::TextRole).toString());
}

QMenu *MessageListView::newMenu(const QString &title)
{
    if (m_menu)
        m_menu->close();
    auto *menu = new QMenu(title, this);
    menu->setObjectName(QStringLiteral("messageMenu"));
    menu->setAccessibleName(title);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_menu = menu;
    return menu;
}

QPoint MessageListView::menuPosition(const QModelIndex &index) const
{
    const QRect row = visualRect(index).intersected(viewport()->rect());
    const QPoint corner = row.isEmpty() ? viewport()->rect().topLeft() : row.topLeft();
    return viewport()->mapToGlobal(corner + QPoint(fontMetrics().height(), fontMetrics().height()));
}

void MessageListView::activateLinks(const QModelIndex &index)
{
    const QList<QUrl> links = linksOf(index);
    if (links.size() == 1) {
        openLink(links.first());
        return;
    }
    if (links.isEmpty())
        return;
    QMenu *menu = newMenu(tr("Links in this message"));
    for (const QUrl &url : links) {
        QAction *open = menu->addAction(menuText(url));
        open->setToolTip(url.toDisplayString());
        connect(open, &QAction::triggered, this, [url] { openLink(url); });
    }
    menu->setActiveAction(menu->actions().constFirst());
    menu->popup(menuPosition(index));
}

void MessageListView::showContextMenu(const QModelIndex &index, const QPoint &viewportPos)
{
    if (!index.isValid())
        return;
    QMenu *menu = newMenu(tr("Message"));
    QAction *copy = menu->addAction(tr("Copy Text"));
    connect(copy, &QAction::triggered, this,
            [index = QPersistentModelIndex(index)] { copyText(index); });
    // The keyboard's way to the row's "Show more" link, which only the mouse can click.
    auto *delegate = qobject_cast<MessageItemDelegate *>(itemDelegateForIndex(index));
    if (delegate && delegate->isShortened(index)) {
        QAction *more = menu->addAction(tr("Show Whole Message"));
        connect(more, &QAction::triggered, this,
                [this, delegate = QPointer<MessageItemDelegate>(delegate),
                 index = QPersistentModelIndex(index)] {
                    if (delegate && index.isValid()) {
                        delegate->showWhole(index);
                        scrollTo(index);
                    }
                });
    }
    // Who wrote it: their card (DirectMessagesController), as a click on the name shows it.
    const QString sender = index.data(MessageListModel::SenderIdRole).toString();
    if (!sender.isEmpty()) {
        QAction *profile =
            menu->addAction(tr("Show Profile of %1")
                                .arg(DisplayText::isolated(menuText(
                                    index.data(MessageListModel::SenderNameRole).toString()))));
        connect(profile, &QAction::triggered, this,
                [this, sender] { emit senderCardRequested(sender); });
    }
    // Threads: open or close this one's replies; answer in the thread (ConversationController).
    const int replies = index.data(MessageThreadsModel::ReplyCountRole).toInt();
    const QString threadId = threadOf(index);
    if (replies > 0 || !threadId.isEmpty())
        menu->addSeparator();
    if (replies > 0) {
        const bool expanded = index.data(MessageThreadsModel::ExpandedRole).toBool();
        QAction *toggle = menu->addAction(expanded ? tr("Hide Replies")
                                                   : tr("Show %n Reply(ies)", nullptr, replies));
        toggle->setShortcut(expanded ? Qt::Key_Left : Qt::Key_Right); // what the keys do here
        connect(toggle, &QAction::triggered, this,
                [this, index = QPersistentModelIndex(index), expanded] {
                    setThreadExpanded(index, !expanded);
                });
    }
    if (!threadId.isEmpty()) {
        QAction *reply = menu->addAction(tr("Reply in Thread"));
        reply->setShortcut(Qt::Key_R);
        connect(reply, &QAction::triggered, this,
                [this, threadId] { emit replyRequested(threadId); });
    }
    // Your own messages, once Webex has them: edit and delete (MessageEditController acts).
    if (index.data(MessageListModel::OwnRole).toBool()) {
        const QString id = index.data(MessageListModel::IdRole).toString();
        menu->addSeparator();
        QAction *edit = menu->addAction(tr("Edit Message"));
        connect(edit, &QAction::triggered, this, [this, id] { emit editRequested(id); });
        QAction *remove = menu->addAction(tr("Delete Message…"));
        remove->setShortcut(QKeySequence::Delete); // shown; the view's Delete key does the same
        connect(remove, &QAction::triggered, this, [this, id] { emit deleteRequested(id); });
    }
    // Files: a picture opens in the viewer, any file can be saved into Downloads.
    const QList<QUrl> files = index.data(MessageListModel::FilesRole).value<QList<QUrl>>();
    for (const QUrl &url : files.mid(0, MaxFilesInMenu)) {
        menu->addSeparator();
        const QString name = delegate ? delegate->fileText(url) : tr("a file");
        QAction *open = menu->addAction(tr("Open %1").arg(DisplayText::isolated(menuText(name))));
        connect(open, &QAction::triggered, this, [this, url] { emit fileOpenRequested(url); });
        QAction *save = menu->addAction(tr("Save to Downloads"));
        save->setToolTip(name);
        connect(save, &QAction::triggered, this, [this, url] { emit fileDownloadRequested(url); });
    }
    for (const QUrl &url : linksOf(index)) {
        menu->addSeparator();
        QAction *open =
            menu->addAction(tr("Open Link %1").arg(DisplayText::isolated(menuText(url))));
        open->setToolTip(url.toDisplayString());
        connect(open, &QAction::triggered, this, [url] { openLink(url); });
        QAction *copyAddress = menu->addAction(tr("Copy Link Address"));
        copyAddress->setToolTip(url.toDisplayString());
        connect(copyAddress, &QAction::triggered, this,
                [url] { QGuiApplication::clipboard()->setText(url.toString()); });
    }
    menu->popup(viewportPos.isNull() ? menuPosition(index) : viewport()->mapToGlobal(viewportPos));
}

void MessageListView::contextMenuEvent(QContextMenuEvent *event)
{
    // The Menu key (and Windows' Shift+F10) arrives here as a keyboard context menu event: it is
    // about the current message, wherever the mouse pointer is.
    if (event->reason() == QContextMenuEvent::Keyboard) {
        showContextMenu(currentIndex());
    } else {
        const QModelIndex index = indexAt(event->pos());
        if (index.isValid())
            setCurrentIndex(index);
        showContextMenu(index, event->pos());
    }
    event->accept();
}

void MessageListView::keyPressEvent(QKeyEvent *event)
{
    // The view may have had the focus before the rows came (a space opened, another one chosen).
    if (ensureCurrent() && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        event->accept(); // the first arrow lands on the newest message in view
        return;
    }
    if (event == QKeySequence::Delete && currentIndex().data(MessageListModel::OwnRole).toBool()) {
        emit deleteRequested(currentIndex().data(MessageListModel::IdRole).toString());
        event->accept();
        return;
    }
    if (event == QKeySequence::Copy && currentIndex().isValid()) {
        copyText(currentIndex()); // the text, not "Sender: text" as the base class would copy
        event->accept();
        return;
    }
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~Qt::KeypadModifier; // Enter on the keypad is Enter too
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (modifiers == Qt::NoModifier && currentIndex().isValid() &&
            !linksOf(currentIndex()).isEmpty()) {
            activateLinks(currentIndex());
            event->accept();
            return;
        }
        // A message that is a file: Enter opens it, as a click does.
        if (modifiers == Qt::NoModifier && currentIndex().isValid()) {
            const QList<QUrl> files =
                currentIndex().data(MessageListModel::FilesRole).value<QList<QUrl>>();
            if (files.size() == 1) {
                emit fileOpenRequested(files.constFirst());
                event->accept();
                return;
            }
            if (files.size() > 1) {
                showContextMenu(currentIndex());
                event->accept();
                return;
            }
        }
        break;
    case Qt::Key_Menu:
    case Qt::Key_F10:
        // Most platforms turn the Menu key into a context menu event too; whichever comes
        // second finds the menu open and goes to it, so one menu shows. Shift+F10 has no
        // meaning on X11 and Wayland, but people who know it from Windows and GNOME expect it.
        if (event->key() == Qt::Key_Menu || modifiers == Qt::ShiftModifier) {
            showContextMenu(currentIndex());
            event->accept();
            return;
        }
        break;
    case Qt::Key_Right:
    case Qt::Key_Left:
        if (modifiers == Qt::NoModifier && currentIndex().isValid() &&
            threadKey(currentIndex(), event->key() == Qt::Key_Right)) {
            event->accept();
            return;
        }
        break;
    case Qt::Key_R:
        if (modifiers == Qt::NoModifier && !threadOf(currentIndex()).isEmpty()) {
            emit replyRequested(threadOf(currentIndex()));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Home:
        QListView::keyPressEvent(event);
        emit olderWanted();
        return;
    case Qt::Key_Up: {
        const bool onFirst = currentIndex().isValid() && currentIndex().row() == 0;
        QListView::keyPressEvent(event);
        if (onFirst)
            emit olderWanted();
        return;
    }
    case Qt::Key_PageUp: {
        const bool atTop = verticalScrollBar()->value() == verticalScrollBar()->minimum();
        QListView::keyPressEvent(event);
        if (atTop)
            emit olderWanted();
        return;
    }
    default:
        break;
    }
    QListView::keyPressEvent(event);
}

QString MessageListView::threadOf(const QModelIndex &index)
{
    // A reply answers its thread; any other message Webex has begins one (one level deep).
    if (!index.isValid() || index.data(MessageListModel::PendingRole).toBool())
        return {};
    const QString parent = index.data(MessageListModel::ParentIdRole).toString();
    return parent.isEmpty() ? index.data(MessageListModel::IdRole).toString() : parent;
}

void MessageListView::setThreadExpanded(const QModelIndex &index, bool expanded)
{
    if (!index.isValid() || !model())
        return;
    model()->setData(index, expanded, MessageThreadsModel::ExpandedRole);
    if (expanded) {
        // The replies in view, as far as they go, the first message staying on screen.
        const int replies = index.data(MessageThreadsModel::ReplyCountRole).toInt();
        const QModelIndex last = model()->index(index.row() + replies, 0, rootIndex());
        if (last.isValid())
            scrollTo(last, QAbstractItemView::EnsureVisible);
        scrollTo(index, QAbstractItemView::EnsureVisible);
    }
}

bool MessageListView::threadKey(const QModelIndex &index, bool right)
{
    // As in a tree: Right opens a thread, Left closes it, and Left on a reply goes to the
    // message that began its thread.
    if (index.data(MessageThreadsModel::ReplyCountRole).toInt() > 0) {
        const bool expanded = index.data(MessageThreadsModel::ExpandedRole).toBool();
        if (right == expanded)
            return false;
        setThreadExpanded(index, right);
        return true;
    }
    if (right || !index.data(MessageThreadsModel::InThreadRole).toBool())
        return false;
    for (int row = index.row() - 1; row >= 0; --row) {
        const QModelIndex above = model()->index(row, 0, rootIndex());
        if (!above.data(MessageThreadsModel::InThreadRole).toBool()) {
            setCurrentIndex(above);
            return true;
        }
    }
    return false;
}

bool MessageListView::ensureCurrent()
{
    if (currentIndex().isValid() || !model() || model()->rowCount(rootIndex()) == 0)
        return false;
    // The base class would make the first (oldest) row current; in a chat the place to start
    // reading from is the newest message in view.
    executeDelayedItemsLayout();
    const QRect area = viewport()->rect();
    QModelIndex start = indexAt(QPoint(area.center().x(), area.bottom() - 1));
    if (!start.isValid())
        start = model()->index(model()->rowCount(rootIndex()) - 1, 0, rootIndex());
    selectionModel()->setCurrentIndex(start, QItemSelectionModel::NoUpdate);
    return true;
}

void MessageListView::focusInEvent(QFocusEvent *event)
{
    ensureCurrent();
    QListView::focusInEvent(event);
}

void MessageListView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    emit viewportResized();
}
