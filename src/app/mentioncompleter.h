#pragma once

#include "mentioncandidate.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class MessageTextEdit;
class QKeyEvent;
class QListView;
class QStandardItemModel;

// Which of a space's members a typed "@…" means: those whose name, a later word of it, or
// email starts with what follows the '@' (case and accents aside), best first: names that
// start with it, then names with a later word that does, then addresses; alphabetical within
// each. Everyone (@all) comes first where it is offered and "all" starts with what is typed.
// Members without an address a mention can carry are left out.
class MentionMatcher
{
public:
    static constexpr int Everyone = -1; ///< @all's place in matches().

    void setCandidates(const QList<MentionCandidate> &candidates, bool offerEveryone);
    // Indexes for candidate(), at most `limit`; Everyone for @all.
    [[nodiscard]] QList<int> matches(const QString &typed, int limit) const;
    [[nodiscard]] const MentionCandidate &candidate(int index) const;
    // What a candidate is called: the display name, else the address.
    [[nodiscard]] static QString nameOf(const MentionCandidate &candidate);

private:
    struct Entry
    {
        MentionCandidate candidate;
        QString name;          // folded (see fold())
        QList<int> laterWords; // where the name's later words start
        QString email;         // folded
    };
    [[nodiscard]] static QString fold(const QString &text);

    QList<Entry> m_entries; // alphabetical by name, so each kind of match comes out in order
    bool m_offerEveryone = false;
};

// Typing '@' at a word's start in `edit` lists the members it may mean (MentionMatcher), under
// or over the caret in a list that never takes the focus: the field keeps it, and the keys
// below reach the list only while it is open. Up and Down choose, Enter, Tab or a click
// inserts the mention (MessageTextEdit::insertPersonMention), Escape closes the list (and
// goes no further: a reply is not cancelled), typing goes on narrowing it, and it closes when
// nobody matches. Enter never sends while the list is open. Screen readers hear the list's
// name, each row's "Name, email", and the row chosen (a Focus event on it).
class MentionCompleter : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxRows = 8;

    explicit MentionCompleter(MessageTextEdit *edit);
    ~MentionCompleter() override;

    // The open space's members; `groupSpace` offers @all ("Everyone in this space") too.
    void setCandidates(const QList<MentionCandidate> &members, bool groupSpace);
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QListView *popup() const { return m_popup; }
    void close();

signals:
    void openChanged(bool open);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The '@' before the caret that starts a mention, and what is typed after it.
    struct Typed
    {
        int at = -1; // its position in the document; -1: none
        QString prefix;
    };
    [[nodiscard]] Typed typedMention() const;
    // Lists the members the typed mention means; opens the list only when `mayOpen` (the
    // person typed), so moving the caret past an old '@' does not.
    void update(bool mayOpen);
    void fillRows(const QList<int> &matches);
    void place();
    void setCurrentRow(int row);
    void insertCurrent();
    bool handleKey(QKeyEvent *event);

    MessageTextEdit *m_edit;
    QPointer<QListView> m_popup; // a child of the edit's window, which may delete it first
    QStandardItemModel *m_rows;
    MentionMatcher m_matcher;
    QList<int> m_shown;     // the matcher's index of each row
    int m_at = -1;          // the '@' the open list completes
    int m_dismissedAt = -1; // the '@' whose list Escape closed: it stays closed
    int m_editEnd = -1;     // where the last change to the text ended
};
