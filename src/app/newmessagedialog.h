#pragma once

#include "model/person.h"

#include <QDialog>
#include <QList>

class MessageTextEdit;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;

// New message (Ctrl+N): find a person by name or address as you type, then open the
// one-to-one space with them, or, when there is none yet, write the first message that starts
// it. The dialog only shows and asks: DirectMessagesController searches (debounced, one request
// in flight) and sends. Keyboard: type, Down into the results, Enter chooses; in the message,
// Enter sends, Escape goes back to the search.
class NewMessageDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewMessageDialog(QWidget *parent = nullptr);

    // The people found for `text` (ignored when the field says something else by now).
    void showPeople(const QString &text, const QList<Person> &people);
    // A line under the field: searching, nothing found, or why the search failed.
    void setStatus(const QString &sentence);
    // The person has no space with `person` yet: the first message is written here.
    void askForFirstMessage(const Person &person);
    // Sending the first message failed: the text stays, `sentence` says why.
    void showSendProblem(const QString &sentence);
    void setSending(bool sending);

    [[nodiscard]] QString searchText() const;
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QListView *results() const { return m_results; }
    [[nodiscard]] MessageTextEdit *messageField() const { return m_message; }
    [[nodiscard]] QString status() const;
    [[nodiscard]] bool isWritingFirstMessage() const;

signals:
    void searchTextChanged(const QString &text);
    void personChosen(const Person &person);
    void firstMessageWritten(const Person &person, const QString &markdown);

private:
    void choose(const QModelIndex &index);
    void sendFirstMessage();
    void backToSearch();

    QStackedWidget *m_pages;
    QLineEdit *m_search;
    QListView *m_results;
    QStandardItemModel *m_people;
    QLabel *m_status;
    QLabel *m_to;
    MessageTextEdit *m_message;
    QPushButton *m_send;
    QList<Person> m_found;
    Person m_recipient;
};
