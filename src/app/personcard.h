#pragma once

#include "model/person.h"

#include <QDialog>
#include <QPixmap>

class QLabel;
class QPushButton;

// Who wrote a message (a click on a sender, or the message's Show Profile): their picture, name,
// address and status, and Message, which opens the one-to-one space with them. Escape closes it.
// Everything in it is the person's own text: plain, selectable.
class PersonCard : public QDialog
{
    Q_OBJECT

public:
    PersonCard(const Person &person, const QPixmap &picture, QWidget *parent = nullptr);

    [[nodiscard]] Person person() const { return m_person; }
    [[nodiscard]] QPushButton *messageButton() const { return m_message; }
    [[nodiscard]] QString statusText() const;
    // "Available", "In a meeting", ... for Webex's status words; empty for none or unknown.
    [[nodiscard]] static QString statusSentence(const QString &status);

signals:
    void messageRequested(const Person &person);

private:
    Person m_person;
    QLabel *m_status;
    QPushButton *m_message;
};
