#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// What a pane says while it has nothing to show: loading (with a busy bar), empty, or an error
// with a Retry button that asks to run the failed request again. Hidden when the content is
// there. One widget for the profile, the spaces and the messages, so they all look and read
// (and are tested) alike.
class StateBanner : public QWidget
{
    Q_OBJECT

public:
    enum class State { Hidden, Loading, Empty, Error };
    Q_ENUM(State)

    explicit StateBanner(QWidget *parent = nullptr);

    void showLoading(const QString &text);
    void showEmpty(const QString &text);
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
};
