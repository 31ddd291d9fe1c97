#include "searchpane.h"

#include "model/searchresultlistmodel.h"
#include "roomspane.h"
#include "searchresultdelegate.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

SearchPane::SearchPane(RoomsPane *rooms, QWidget *parent)
    : QWidget(parent), m_rooms(rooms), m_field(new SearchField(this)),
      m_pages(new QStackedWidget(this)), m_resultsPage(new QWidget(this)),
      m_count(new QLabel(this)), m_results(new QListView(this))
{
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search messages (Ctrl+Shift+F)"));
    m_field->setAccessibleName(tr("Search messages"));
    m_field->setAccessibleDescription(
        tr("Searches every message kept on this computer; Down moves to the results."));
    m_field->installEventFilter(this);

    m_count->setObjectName(QStringLiteral("searchCount"));
    m_count->setWordWrap(true);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Messages found"));
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_results->setUniformItemSizes(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->installEventFilter(this);
    connect(m_results, &QListView::activated, this, &SearchPane::openResult);
    connect(m_results, &QListView::clicked, this, &SearchPane::openResult);

    auto *resultsLayout = new QVBoxLayout(m_resultsPage);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_count);
    resultsLayout->addWidget(m_results, 1);
    m_pages->addWidget(rooms);
    m_pages->addWidget(m_resultsPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_pages, 1);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(TypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, [this] { emit searchRequested(query()); });
    connect(m_field, &QLineEdit::textChanged, this, &SearchPane::onTextEdited);
}

void SearchPane::setModel(SearchResultListModel *results)
{
    m_results->setModel(results);
}

QString SearchPane::query() const
{
    return m_field->text().trimmed();
}

bool SearchPane::showsResults() const
{
    return m_pages->currentWidget() == m_resultsPage;
}

void SearchPane::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPane::onTextEdited()
{
    if (query().isEmpty()) {
        m_typingPause.stop();
        m_pages->setCurrentWidget(m_rooms);
        emit searchRequested(QString());
        return;
    }
    m_typingPause.start();
}

void SearchPane::showResults(const QString &query, int count, bool capped, const QString &note)
{
    if (query != this->query() || query.isEmpty())
        return; // typed on meanwhile: the next answer is the one to show
    QString sentence = count == 0 ? tr("No messages found.")
                       : capped
                           ? tr("More than %L1 messages found; the newest are listed.").arg(count)
                           : tr("%Ln message(s) found.", nullptr, count);
    if (!note.isEmpty())
        sentence += QLatin1Char(' ') + note;
    m_count->setText(sentence);
    // What a screen reader says on the label and when focus reaches the list.
    m_count->setAccessibleName(sentence);
    m_results->setAccessibleDescription(sentence);
    m_pages->setCurrentWidget(m_resultsPage);
    if (m_results->model() && m_results->model()->rowCount() > 0)
        m_results->setCurrentIndex(m_results->model()->index(0, 0));
}

void SearchPane::clear()
{
    m_typingPause.stop();
    m_field->clear();
    m_pages->setCurrentWidget(m_rooms);
}

void SearchPane::openResult(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit resultOpened(index.data(SearchResultListModel::RoomIdRole).toString(),
                      index.data(SearchResultListModel::MessageIdRole).toString(),
                      index.data(SearchResultListModel::RoomTitleRole).toString());
}

bool SearchPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_field) {
        if (key->key() == Qt::Key_Down && showsResults() && m_results->model() &&
            m_results->model()->rowCount() > 0) {
            m_results->setFocus(Qt::TabFocusReason);
            if (!m_results->currentIndex().isValid())
                m_results->setCurrentIndex(m_results->model()->index(0, 0));
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && showsResults()) {
            m_typingPause.stop();
            openResult(m_results->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_field->text().isEmpty()) {
            clear();
            m_rooms->focusFilter();
            return true;
        }
    } else if (watched == m_results && key->key() == Qt::Key_Escape) {
        focusField();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
