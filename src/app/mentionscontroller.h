#pragma once

#include "api/apierror.h"
#include "mentionswindow.h" // QPointer in an inline getter needs the complete type
#include "model/message.h"
#include "store/messagesearch.h" // SearchHit

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class PeopleDirectory;
class RoomListModel;
class SearchResultListModel;
class WebexClient;
class QWidget;

// The Mentions view: messages that mention the person, newest first. Webex lists mentions one
// space at a time (GET messages?roomId&mentionedPeople=me; roomId is required), so the view asks
// the SpacesAsked most recently active group spaces, at most MaxInFlight at once (a burst of
// requests earns a rate limit), and says which spaces it covered. Senders are named by the
// session's PeopleDirectory (the cache the open space uses): at once when known, else once their
// names come. Opening one opens its space at that message (resultOpened).
class MentionsController : public QObject
{
    Q_OBJECT

public:
    static constexpr int SpacesAsked = 20;
    static constexpr int MaxInFlight = 3;

    MentionsController(RoomListModel *rooms, QWidget *dialogParent, QObject *parent = nullptr);
    ~MentionsController() override;

    void begin(WebexClient *client, PeopleDirectory *people);
    // Stops asking, closes the window and forgets what was found.
    void end();

    [[nodiscard]] MentionsWindow *window() const { return m_window; }
    [[nodiscard]] SearchResultListModel *model() const { return m_model; }
    [[nodiscard]] bool isLoading() const { return !m_waiting.isEmpty() || !m_asking.isEmpty(); }

public slots:
    // Opens (or raises) the window and asks Webex again.
    void show();
    void refresh();

signals:
    void resultOpened(const QString &roomId, const QString &messageId, const QString &roomTitle);

private:
    void askNext();
    void onMentions(const QString &roomId, const QList<Message> &newestFirst);
    void onFailed(const QString &roomId, const ApiError &error);
    void onPeopleChanged(const QStringList &personIds);
    [[nodiscard]] QString senderName(const QString &personId, const QString &email) const;
    void publish();

    RoomListModel *m_rooms;
    QPointer<QWidget> m_dialogParent;
    QPointer<WebexClient> m_client;
    QPointer<PeopleDirectory> m_people;
    SearchResultListModel *m_model;
    QPointer<MentionsWindow> m_window;
    QStringList m_waiting; // spaces still to ask, most recent first
    QSet<QString> m_asking;
    int m_spaces = 0; // asked in this round
    int m_failed = 0;
    ApiError m_lastError;
    QHash<QString, SearchHit> m_hits; // by message id
};
