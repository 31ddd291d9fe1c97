#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// What a pane says while it has nothing (or not everything) to show: loading (with a busy
// bar), waiting before Webex is asked again (with "Retry now"), empty, a notice about what is
// shown (a list that is not whole), or an error with a Retry button that asks to run the failed
// request again. Hidden when the content is there. One widget for the profile, the spaces and
// the messages, so they all look and read (and are tested) alike. Both buttons are one, and
// emit retryRequested: the controller knows whether that means "again" or "now".
class StateBanner : public QWidget
{
    Q_OBJECT

public:
    enum class State { Hidden, Loading, Waiting, Empty, Notice, Error };
    Q_ENUM(State)

    // A wait shorter than this is not worth a sentence: the place keeps saying "Loading".
    static constexpr int ShortestWaitSaidMs = 3000;

    explicit StateBanner(QWidget *parent = nullptr);

    void showLoading(const QString &text);
    // A call waits for its next attempt (ApiError::waitSentence); the button says Retry now,
    // or what setWaitingAction gave.
    void showWaiting(const QString &text);
    // What the button says while waiting where "Retry now" is not the word (the composer's
    // "Send now"): its text, with a mnemonic, and its accessible name.
    void setWaitingAction(const QString &text, const QString &accessibleName);
    void showEmpty(const QString &text);
    void showNotice(const QString &text);
    void showError(const QString &text);
    void clear();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }

signals:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(State state, const QString &text);
    void updateIcon();

    QLabel *m_icon;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_retry;
    State m_state = State::Hidden;
    QString m_waitingActionText;
    QString m_waitingActionName;
};
