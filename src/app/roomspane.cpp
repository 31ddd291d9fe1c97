#include "roomspane.h"

#include "model/displaytext.h"
#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "roomitemdelegate.h"
#include "roompresentationmodel.h"
#include "statebanner.h"

#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

// The start-up's milestones, for bench/startup (as main.cpp's "first window shown").
Q_LOGGING_CATEGORY(lcStartupSpaces, "webexdesk.startup")

namespace {
constexpr int MinuteMs = 60 * 1000;
}

RoomsPane::RoomsPane(QWidget *parent)
    : QWidget(parent), m_filter(new SearchField(this)), m_kind(new QComboBox(this)),
      m_team(new QComboBox(this)), m_view(new QListView(this)), m_banner(new StateBanner(this)),
      m_count(new QLabel(this)), m_clock(new QTimer(this)),
      m_filterModel(new RoomFilterProxyModel(this)), m_presentation(new RoomPresentationModel(this))
{
    m_filter->setObjectName(QStringLiteral("roomFilter"));
    m_filter->setPlaceholderText(tr("Find a space (Ctrl+K)"));
    m_filter->setAccessibleName(tr("Find a space"));
    m_filter->setAccessibleDescription(
        tr("Type part of a space's name; Down moves to the list, Enter opens the first match"));
    m_filter->installEventFilter(this);

    m_kind->setObjectName(QStringLiteral("roomKind"));
    m_kind->addItem(tr("All"), int(RoomFilterProxyModel::Kind::All));
    m_kind->addItem(tr("Direct"), int(RoomFilterProxyModel::Kind::Direct));
    m_kind->addItem(tr("Spaces"), int(RoomFilterProxyModel::Kind::Group));
    m_kind->setAccessibleName(tr("Show all, direct or group spaces"));

    m_team->setObjectName(QStringLiteral("roomTeam"));
    m_team->addItem(tr("All teams"), QString());
    m_team->setAccessibleName(tr("Team"));
    m_team->setVisible(false); // until there are teams to choose from

    m_view->setObjectName(QStringLiteral("roomList"));
    m_view->setAccessibleName(tr("Spaces"));
    m_view->setAccessibleDescription(tr("Your Webex spaces, most recent activity first"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One row height for all: the view lays out 10,000 rows without asking each for its size.
    m_view->setUniformItemSizes(true);
    m_view->setItemDelegate(new RoomItemDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // A row's menu: the mouse's right click on its row, the Menu key on the current row.
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);

    m_banner->setObjectName(QStringLiteral("roomsBanner"));
    m_count->setObjectName(QStringLiteral("roomsStatusLabel"));
    m_count->setWordWrap(true);

    auto *heading = new QLabel(tr("&Spaces"), this);
    heading->setObjectName(QStringLiteral("roomsHeading"));
    heading->setBuddy(m_view);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *choices = new QHBoxLayout;
    choices->addWidget(m_kind, 1);
    choices->addWidget(m_team, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_filter);
    layout->addLayout(choices);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterModel->setFilterText(text);
        updateNoMatch();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        open(current.isValid() ? current : m_presentation->index(0, 0));
    });
    connect(m_kind, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoomsPane::applyKind);
    connect(m_team, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoomsPane::applyTeam);
    // Enter (activated) and a click open a space; arrows only move.
    connect(m_view, &QListView::activated, this, &RoomsPane::open);
    connect(m_view, &QListView::clicked, this, &RoomsPane::open);
    connect(m_banner, &StateBanner::retryRequested, this, &RoomsPane::retryRequested);

    // "5 min ago" must become "6 min ago": repaint (no model change, no request) each minute.
    m_clock->setInterval(MinuteMs);
    connect(m_clock, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_clock->start();
}

RoomsPane::~RoomsPane() = default;

void RoomsPane::setModel(RoomListModel *rooms)
{
    m_rooms = rooms;
    m_filterModel->setSourceModel(rooms);
    m_presentation->setSourceModel(m_filterModel);
    m_view->setModel(m_presentation);
    connect(m_presentation, &QAbstractItemModel::rowsInserted, this, &RoomsPane::updateNoMatch);
    connect(m_presentation, &QAbstractItemModel::rowsRemoved, this, &RoomsPane::updateNoMatch);
    connect(m_presentation, &QAbstractItemModel::modelReset, this, &RoomsPane::updateNoMatch);
}

void RoomsPane::setTeams(const QList<Team> &teams)
{
    const QString chosen = m_team->currentData().toString();
    QSignalBlocker block(m_team);
    m_team->clear();
    m_team->addItem(tr("All teams"), QString());
    for (const Team &team : teams)
        m_team->addItem(team.shownName(), team.id);
    const int again = m_team->findData(chosen);
    m_team->setCurrentIndex(again < 0 ? 0 : again);
    m_team->setVisible(!teams.isEmpty());
    m_presentation->setTeams(teams);
}

void RoomsPane::showLoading(int loadedSoFar)
{
    m_loading = true;
    m_failed = false;
    // Webex does not say how many spaces there are, so the progress counts up.
    const QString text = loadedSoFar == 0
                             ? tr("Loading your spaces…")
                             : tr("Loading your spaces… %n so far", nullptr, loadedSoFar);
    m_banner->showLoading(text);
    m_count->setText(text);
}

void RoomsPane::showWaiting(const QString &sentence)
{
    m_banner->showWaiting(sentence);
}

void RoomsPane::showLoaded(int total)
{
    Q_UNUSED(total); // the model holds them all now: the count is read from it
    m_loading = false;
    m_failed = false;
    m_banner->clear();
    updateNoMatch();
}

void RoomsPane::showProblem(const QString &message)
{
    m_loading = false;
    m_failed = true;
    m_banner->showError(tr("Your spaces could not be loaded. %1").arg(message));
    m_count->setText(tr("Your spaces could not be loaded."));
}

void RoomsPane::showIncomplete(const QString &sentence, bool retryable)
{
    m_loading = false;
    m_failed = false;
    if (retryable)
        m_banner->showError(sentence);
    else
        m_banner->showNotice(sentence);
    updateNoMatch(); // the count of what is listed
}

void RoomsPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void RoomsPane::setClockInterval(int milliseconds)
{
    m_clock->setInterval(milliseconds);
}

void RoomsPane::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    // The title as the row shows it (a placeholder when blank), for the pane's header.
    emit roomOpened(index.data(RoomListModel::IdRole).toString(),
                    index.data(Qt::DisplayRole).toString());
}

bool RoomsPane::openRoomById(const QString &roomId)
{
    auto *rooms = qobject_cast<RoomListModel *>(m_filterModel->sourceModel());
    const int row = rooms ? rooms->rowOf(roomId) : -1;
    if (row < 0)
        return false;
    const QModelIndex filtered = m_filterModel->mapFromSource(rooms->index(row));
    const QModelIndex shown = m_presentation->mapFromSource(filtered);
    if (!shown.isValid())
        return false;
    open(shown);
    m_view->scrollTo(shown);
    return true;
}

void RoomsPane::applyKind(int comboIndex)
{
    m_filterModel->setKind(RoomFilterProxyModel::Kind(m_kind->itemData(comboIndex).toInt()));
    updateNoMatch();
}

void RoomsPane::applyTeam(int comboIndex)
{
    m_filterModel->setTeamId(m_team->itemData(comboIndex).toString());
    updateNoMatch();
}

void RoomsPane::updateCount()
{
    if (!m_rooms || m_loading || m_failed)
        return; // the label says what is going on instead
    const int total = m_rooms->rowCount();
    const int shown = m_presentation->rowCount();
    if (total == 0)
        m_count->setText(tr("You are not in any space yet."));
    else if (shown == total)
        m_count->setText(tr("%n space(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %n space(s)", "spaces the filter shows, of all", total)
                             .arg(QLocale().toString(shown)));
}

void RoomsPane::updateNoMatch()
{
    updateCount();
    // Only "no match" comes and goes with the filter; anything else the banner says stays.
    const StateBanner::State state = m_banner->state();
    if (!m_rooms || (state != StateBanner::State::Hidden && state != StateBanner::State::Empty))
        return;
    const bool filtered = m_rooms->rowCount() > 0 && m_presentation->rowCount() == 0;
    if (filtered)
        m_banner->showEmpty(m_filter->text().isEmpty()
                                ? tr("No space of this kind.")
                                : tr("No space matches “%1”.").arg(m_filter->text()));
    else if (m_banner->state() == StateBanner::State::Empty)
        m_banner->clear();
}

bool RoomsPane::openRoom(const QString &roomId)
{
    if (!m_rooms)
        return false;
    const int row = m_rooms->rowOf(roomId);
    if (row < 0)
        return false;
    const auto shown = [this, row] {
        return m_presentation->mapFromSource(m_filterModel->mapFromSource(m_rooms->index(row)));
    };
    QModelIndex index = shown();
    if (!index.isValid()) {
        // Hidden by the filter, the kind or the team: show everything again.
        m_filter->clear();
        m_kind->setCurrentIndex(0);
        m_team->setCurrentIndex(0);
        index = shown();
    }
    if (!index.isValid())
        return false;
    m_view->scrollTo(index);
    open(index);
    return true;
}

void RoomsPane::showRowMenu(const QModelIndex &index, const QPoint &globalPos)
{
    if (!index.isValid())
        return;
    const QString roomId = index.data(RoomListModel::IdRole).toString();
    if (!m_rowMenu) {
        m_rowMenu = new QMenu(this);
        m_rowMenu->setObjectName(QStringLiteral("roomRowMenu"));
    }
    m_rowMenu->clear();
    // Named after the space, so a screen reader says which one the menu is about.
    m_rowMenu->setAccessibleName(
        tr("Space %1").arg(DisplayText::isolated(index.data(Qt::DisplayRole).toString())));
    QAction *markRead = m_rowMenu->addAction(tr("Mark as &Read"));
    markRead->setObjectName(QStringLiteral("markReadAction"));
    markRead->setEnabled(index.data(RoomListModel::UnreadCountRole).toInt() > 0 ||
                         index.data(RoomListModel::HasNewActivityRole).toBool());
    connect(markRead, &QAction::triggered, this,
            [this, roomId] { emit markReadRequested(roomId); });
    QAction *mute = m_rowMenu->addAction(tr("&Mute Notifications"));
    mute->setObjectName(QStringLiteral("muteAction"));
    mute->setCheckable(true);
    mute->setChecked(index.data(RoomListModel::MutedRole).toBool());
    mute->setToolTip(tr("No notifications from this space, except when you are mentioned"));
    connect(mute, &QAction::triggered, this,
            [this, roomId](bool checked) { emit muteRequested(roomId, checked); });
    // popup(), not exec(): no nested event loop while messages go on arriving.
    m_rowMenu->popup(globalPos);
}

bool RoomsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_paintedSpacesSaid && watched == m_view->viewport() && event->type() == QEvent::Paint &&
        m_presentation->rowCount() > 0) {
        // Once: when the list first paints spaces (from the local store at a restore), with
        // the steady clock, after the paint itself (queued).
        m_paintedSpacesSaid = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                const auto now = std::chrono::steady_clock::now().time_since_epoch();
                qCInfo(lcStartupSpaces, "spaces painted, steady clock %lld, rows %d",
                       static_cast<long long>(std::chrono::nanoseconds(now).count()),
                       m_presentation->rowCount());
            },
            Qt::QueuedConnection);
    }
    if ((watched == m_view->viewport() || watched == m_view) &&
        event->type() == QEvent::ContextMenu) {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        if (menuEvent->reason() == QContextMenuEvent::Mouse) {
            const QPoint pos = m_view->viewport()->mapFromGlobal(menuEvent->globalPos());
            showRowMenu(m_view->indexAt(pos), menuEvent->globalPos());
        } else {
            const QModelIndex current = m_view->currentIndex();
            const QRect rect = m_view->visualRect(current);
            showRowMenu(current, m_view->viewport()->mapToGlobal(rect.center()));
        }
        return true;
    }
    // Down from the filter field goes to the list, so a search ends with arrows and Enter.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) &&
            m_presentation->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_presentation->index(0, 0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
