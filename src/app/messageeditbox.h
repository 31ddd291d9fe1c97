#pragma once

#include <QWidget>

class MessageTextEdit;
class QLabel;
class QPushButton;

// Editing one of your own messages, in place of the composer while it lasts: the message's
// text to change, Save (Enter) and Cancel (Esc). The composer and its draft are left alone, so
// what was being written is there again after the edit. While Webex answers, the box says
// "Saving…" and takes no second save; a refused edit keeps the text and says why.
class MessageEditBox : public QWidget
{
    Q_OBJECT

public:
    explicit MessageEditBox(QWidget *parent = nullptr);

    // Shows `markdown` (the message as written) for message `messageId`, focused, cursor at the
    // end; any earlier edit is dropped.
    void begin(const QString &messageId, const QString &markdown);
    [[nodiscard]] QString messageId() const { return m_messageId; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isSaving() const { return m_saving; }
    // The edit was sent: the field and Save wait for Webex's answer.
    void setSaving(bool saving);
    // Why the edit was not saved (Webex refused it, the network failed); the text stays.
    void showProblem(const QString &reason);
    [[nodiscard]] QString problem() const;
    [[nodiscard]] MessageTextEdit *editor() const { return m_edit; }
    // Drops the edit, as Esc does: cancelled(). Nothing when no edit is going on.
    void cancel();

signals:
    // Enter or Save, with the text changed and within the limit.
    void saveRequested(const QString &messageId, const QString &markdown);
    // Esc or Cancel (or Save with the text unchanged): nothing is sent.
    void cancelled(const QString &messageId);

private:
    void save();

    QLabel *m_heading;
    MessageTextEdit *m_edit;
    QPushButton *m_save;
    QPushButton *m_cancel;
    QLabel *m_problem;
    QString m_messageId;
    QString m_original;
    bool m_saving = false;
};
