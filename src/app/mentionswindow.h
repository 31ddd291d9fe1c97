#pragma once

#include <QDialog>

class QLabel;
class QListView;
class QPushButton;
class SearchResultListModel;

// Messages that mention the person, newest first, in a window of its own (View > Mentions,
// Ctrl+Shift+M): where (the space), who, when and what, as search results show them. Enter or a
// double click opens the space at that message (resultOpened); Refresh asks again. What it
// says above the list (how many, from how many spaces, or that it loads) is the list's
// accessible description and the label's accessible name, so screen readers hear it.
class MentionsWindow : public QDialog
{
    Q_OBJECT

public:
    MentionsWindow(SearchResultListModel *mentions, QWidget *parent = nullptr);

    // What the line above the list says (loading, the count, or why some are missing).
    void setStatus(const QString &sentence);
    [[nodiscard]] QString status() const;
    [[nodiscard]] QListView *list() const { return m_list; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }

signals:
    void resultOpened(const QString &roomId, const QString &messageId, const QString &roomTitle);
    void refreshRequested();

private:
    void open(const QModelIndex &index);

    QLabel *m_status;
    QListView *m_list;
    QPushButton *m_refresh;
};
