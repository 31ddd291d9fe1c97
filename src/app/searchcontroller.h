#pragma once

#include <QObject>
#include <QPointer>

class LocalStore;
class SearchPane;
class SearchResultListModel;
struct SearchResult;

// Searching the messages kept on this computer (docs/STORE.md, search): what the person types in
// the search pane is searched on the local store's thread (LocalStore::search, only the query
// typed last), and the results are listed with how many were found; opening one asks for its
// space to open at that message (resultOpened).
class SearchController : public QObject
{
    Q_OBJECT

public:
    // The most results listed for one query: the newest first.
    static constexpr int ResultLimit = 100;

    explicit SearchController(SearchPane *pane, QObject *parent = nullptr);
    ~SearchController() override;

    // The account's store (may be null: nothing to search).
    void setStore(LocalStore *store);
    // The session is over: the query and its results go.
    void end();
    // A message was deleted (by the person, or live by its author): listed, the search runs
    // again, after the store has removed it (its thread takes both in order), so the list and
    // its count no longer hold it.
    void messageDeleted(const QString &messageId);

    [[nodiscard]] SearchResultListModel *results() const { return m_results; }

signals:
    void resultOpened(const QString &roomId, const QString &messageId, const QString &roomTitle);

private:
    void onSearchRequested(const QString &query);
    void onSearched(const QString &query, const SearchResult &result);

    SearchPane *m_pane;
    SearchResultListModel *m_results;
    QPointer<LocalStore> m_store;
};
