#include "searchcontroller.h"

#include "model/searchresultlistmodel.h"
#include "searchpane.h"
#include "store/localstore.h"
#include "store/messagesearch.h"

SearchController::SearchController(SearchPane *pane, QObject *parent)
    : QObject(parent), m_pane(pane), m_results(new SearchResultListModel(this))
{
    m_pane->setModel(m_results);
    connect(m_pane, &SearchPane::searchRequested, this, &SearchController::onSearchRequested);
    connect(m_pane, &SearchPane::resultOpened, this, &SearchController::resultOpened);
}

SearchController::~SearchController() = default;

void SearchController::setStore(LocalStore *store)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (store)
        connect(store, &LocalStore::searched, this, &SearchController::onSearched);
}

void SearchController::end()
{
    m_pane->clear();
    m_results->clear();
}

void SearchController::messageDeleted(const QString &messageId)
{
    if (m_results->rowOf(messageId) >= 0)
        onSearchRequested(m_pane->query());
}

void SearchController::onSearchRequested(const QString &query)
{
    if (query.isEmpty()) {
        m_results->clear();
        return;
    }
    if (!m_store || !m_store->isUsable()) {
        m_results->clear();
        m_pane->showResults(query, 0, false,
                            tr("No messages are kept on this computer to search."));
        return;
    }
    m_store->search(query, ResultLimit);
}

void SearchController::onSearched(const QString &query, const SearchResult &result)
{
    if (query != m_pane->query())
        return; // typed on meanwhile
    m_results->setHits(result.hits);
    QStringList notes;
    if (!result.problem.isEmpty())
        notes.append(result.problem);
    if (result.recentOnly)
        notes.append(tr("For one or two characters of Chinese, Japanese, Korean or Thai, only "
                        "the most recent messages are searched; type more to search all."));
    if (result.queryShortened)
        notes.append(tr("The search was shortened to its first words."));
    // total counts every match (up to MessageSearch::CandidateLimit), hits only the listed.
    m_pane->showResults(query, result.total, result.totalCapped, notes.join(QLatin1Char(' ')));
}
