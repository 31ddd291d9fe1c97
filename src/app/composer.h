#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// Writing a message: Enter sends, Shift+Enter starts a new line, markdown is sent as written.
// The text leaves the field when sent (the message shows in the list at once); if sending
// fails, restoreDraft() puts it back and says why, so nothing typed is lost.
class Composer : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    // Whom the message goes to, for the placeholder and the accessible description.
    void setRoomTitle(const QString &title);
    // Puts a failed message back (unless something new was typed meanwhile: then the failed
    // text goes after it, so neither is lost) and shows why it failed.
    void restoreDraft(const QString &text, const QString &reason);
    void showProblem(const QString &reason);
    void clearProblem();

    [[nodiscard]] QString text() const;
    void setText(const QString &text);
    [[nodiscard]] QPlainTextEdit *editor() const { return m_edit; }
    [[nodiscard]] QString problem() const;

    // Webex refuses longer messages; counted in UTF-8 bytes as Webex counts them.
    static constexpr int MaxBytes = 7439;

signals:
    void sendRequested(const QString &markdown);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void tintIcons();
    void send();

    QPlainTextEdit *m_edit;
    QPushButton *m_send;
    QLabel *m_problem;
};
