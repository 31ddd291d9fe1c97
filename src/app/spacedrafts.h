#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class Composer;
class LocalStore;

// What the person began writing, per space: switching spaces keeps the text with the space it
// was written for (and the composer shows the new space's own), and the local store keeps it
// across restarts (docs/STORE.md). Saved a moment after typing stops, when the space changes and
// when the session ends; an emptied composer (the message was sent) deletes the draft.
class SpaceDrafts : public QObject
{
    Q_OBJECT

public:
    // How long after the last keystroke the draft is written.
    static constexpr int SaveDelayMs = 1000;
    // Longer drafts are kept in memory only: far beyond what Webex accepts in a message.
    static constexpr int MaxStoredLength = 100000;

    explicit SpaceDrafts(Composer *composer, QObject *parent = nullptr);
    ~SpaceDrafts() override; // writes what is pending

    // The account's store (may be null: drafts then last the session).
    void setStore(LocalStore *store);
    // The composer now writes to `roomId` (empty: none): the draft of the space left is kept,
    // and the new space's is put in the composer (from the store when not known here).
    void switchTo(const QString &roomId);
    // A message to `roomId` was not sent and that space is not open: its text goes after the
    // space's draft, so it is there when the space is opened again.
    void restoreUnsent(const QString &roomId, const QString &text);
    // The session is over: what is pending is written, and nothing is held any more.
    void end();

    [[nodiscard]] QString draftOf(const QString &roomId) const { return m_drafts.value(roomId); }

private:
    void keep();
    void onDraftRead(const QString &roomId, const QString &text);

    Composer *m_composer;
    QPointer<LocalStore> m_store;
    QString m_roomId;
    QHash<QString, QString> m_drafts; // room id -> text, for the spaces written in this session
    QTimer m_saveTimer;
    bool m_filling = false; // the composer's text is being set here, not typed
};
