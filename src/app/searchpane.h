#pragma once

#include "searchfield.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;
class RoomsPane;
class SearchResultListModel;

// The left column: a field that searches every message kept on this computer, above the spaces
// list; while it holds a query, the results take the list's place (space, sender, time and the
// matching words in bold), with how many were found above them, which screen readers hear.
// Keyboard: Ctrl+Shift+F (focusField), Down from the field into the results, Enter opens one,
// Escape goes back (from the results to the field, from the field to the spaces).
class SearchPane : public QWidget
{
    Q_OBJECT

public:
    // How long typing must pause before the query is searched.
    static constexpr int TypingPauseMs = 150;

    // `rooms` is shown below the field while no query is typed; it becomes this pane's child.
    SearchPane(RoomsPane *rooms, QWidget *parent = nullptr);

    void setModel(SearchResultListModel *results);
    void focusField();
    // The results of `query` (if it is still the one typed): `count` found, `capped` at least
    // that many; `note` one sentence more (the query was shortened, only recent messages were
    // searched, or why nothing could be searched), may be empty.
    void showResults(const QString &query, int count, bool capped, const QString &note);
    // Back to the spaces, the field emptied.
    void clear();

    [[nodiscard]] SearchField *field() const { return m_field; }
    [[nodiscard]] QListView *resultsView() const { return m_results; }
    [[nodiscard]] QLabel *countLabel() const { return m_count; }
    [[nodiscard]] bool showsResults() const;
    [[nodiscard]] QString query() const;

signals:
    // The person typed a query (after TypingPauseMs); empty: they cleared it.
    void searchRequested(const QString &query);
    void resultOpened(const QString &roomId, const QString &messageId, const QString &roomTitle);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextEdited();
    void openResult(const QModelIndex &index);

    RoomsPane *m_rooms;
    SearchField *m_field;
    QStackedWidget *m_pages;
    QWidget *m_resultsPage;
    QLabel *m_count;
    QListView *m_results;
    QTimer m_typingPause;
};
