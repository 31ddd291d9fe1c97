#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

// Files on their way, in and out, above the composer: one line each, with its progress and
// Cancel while it runs; then where it went (Show in Folder) or why it failed, until dismissed.
// Lines are keyed by whoever shows them (a download's URL, an upload's client tag). Every
// control has an accessible name that says which file it is for.
class TransfersBar : public QWidget
{
    Q_OBJECT

public:
    explicit TransfersBar(QWidget *parent = nullptr);

    // A transfer runs: `text` says what ("Downloading report.pdf…"), `percent` how far (-1: not
    // known). Cancel is offered while `cancellable` (not once an upload is all sent: Webex may
    // have the message by then, and Cancel would only hide it).
    void showProgress(const QString &key, const QString &text, int percent,
                      bool cancellable = true);
    // It is done: `text` says so; `path`, when not empty, is offered with Show in Folder.
    void showDone(const QString &key, const QString &text, const QString &path = {});
    void showFailed(const QString &key, const QString &text);
    void remove(const QString &key);

    [[nodiscard]] bool contains(const QString &key) const { return m_lines.contains(key); }
    // The lines shown, oldest first.
    [[nodiscard]] QStringList keys() const { return m_order; }
    [[nodiscard]] QString text(const QString &key) const;
    [[nodiscard]] int percent(const QString &key) const; // -1 when none is shown
    [[nodiscard]] QPushButton *cancelButton(const QString &key) const;
    [[nodiscard]] QPushButton *showInFolderButton(const QString &key) const;

    // Lines kept at most: the oldest finished ones go first.
    static constexpr int MaxLines = 4;

signals:
    void cancelRequested(const QString &key);
    void showInFolderRequested(const QString &path);

private:
    struct Line
    {
        QWidget *row = nullptr;
        QLabel *label = nullptr;
        QProgressBar *progress = nullptr;
        QPushButton *cancel = nullptr;
        QPushButton *showInFolder = nullptr;
        QPushButton *dismiss = nullptr;
        QString path;
        bool running = false;
    };
    Line &line(const QString &key);
    void setText(Line &line, const QString &text);
    void dropOldFinished();

    QVBoxLayout *m_layout;
    QHash<QString, Line> m_lines;
    QStringList m_order; // oldest first
};
