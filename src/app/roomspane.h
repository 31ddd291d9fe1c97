#pragma once

#include "searchfield.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QModelIndex;
class QTimer;
class RoomFilterProxyModel;
class RoomListModel;
class RoomPresentationModel;
class StateBanner;
class Team;

// The spaces pane: a filter field (Ctrl+K), All / Direct / Spaces, a team choice, and the
// list, most recent activity first. Opening a space is a click or Enter, never a mere move
// of the selection: arrowing through the list must not fire a request per row.
class RoomsPane : public QWidget
{
    Q_OBJECT

public:
    explicit RoomsPane(QWidget *parent = nullptr);
    ~RoomsPane() override;

    void setModel(RoomListModel *rooms);
    void setTeams(const QList<Team> &teams);

    void showLoading(int loadedSoFar);
    // The loading waits before Webex is asked again; `sentence` says until when.
    void showWaiting(const QString &sentence);
    void showLoaded(int total);
    // Nothing could be loaded.
    void showProblem(const QString &message);
    // Some spaces are listed, not all: `sentence` says how many and why; with Retry when
    // trying again may bring the rest.
    void showIncomplete(const QString &sentence, bool retryable);

    void focusFilter();
    // Opens the listed space with that id (selected, roomOpened), as a click would; false when
    // it is not listed, or the filter hides it.
    bool openRoomById(const QString &roomId);
    // Selects the space and opens it, as a click would (a notification was clicked). A filter
    // that hides it is cleared first. False when the space is not listed.
    bool openRoom(const QString &roomId);
    // The menu of a space's row (right click, the Menu key), kept for the tests.
    [[nodiscard]] class QMenu *rowMenu() const { return m_rowMenu; }
    // How often relative times are redrawn; a minute by default.
    void setClockInterval(int milliseconds);

    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] SearchField *filterEdit() const { return m_filter; }
    [[nodiscard]] RoomFilterProxyModel *filterModel() const { return m_filterModel; }
    [[nodiscard]] StateBanner *banner() const { return m_banner; }

signals:
    void roomOpened(const QString &roomId, const QString &title);
    void retryRequested();
    // From a row's menu: mute or unmute the space's notifications; mark it read.
    void muteRequested(const QString &roomId, bool muted);
    void markReadRequested(const QString &roomId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open(const QModelIndex &index);
    void applyKind(int comboIndex);
    void applyTeam(int comboIndex);
    void updateNoMatch();
    // "5 spaces", or "2 of 5 spaces" while a filter hides some.
    void updateCount();
    void showRowMenu(const QModelIndex &index, const QPoint &globalPos);

    SearchField *m_filter;
    QComboBox *m_kind;
    QComboBox *m_team;
    QListView *m_view;
    StateBanner *m_banner;
    QLabel *m_count;
    QTimer *m_clock;
    RoomFilterProxyModel *m_filterModel;
    RoomPresentationModel *m_presentation;
    RoomListModel *m_rooms = nullptr;
    bool m_loading = false;
    bool m_failed = false; // nothing could be loaded: the count label says so
    class QMenu *m_rowMenu = nullptr;
    bool m_paintedSpacesSaid = false; // the first paint with spaces was logged (bench/startup)
};
