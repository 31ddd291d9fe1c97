#include "mentionswindow.h"

#include "model/searchresultlistmodel.h"
#include "searchresultdelegate.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

MentionsWindow::MentionsWindow(SearchResultListModel *mentions, QWidget *parent)
    : QDialog(parent), m_status(new QLabel(this)), m_list(new QListView(this))
{
    setObjectName(QStringLiteral("mentionsWindow"));
    setWindowTitle(tr("Mentions"));
    m_status->setObjectName(QStringLiteral("mentionsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("mentionsList"));
    m_list->setAccessibleName(tr("Messages that mention you"));
    m_list->setModel(mentions);
    m_list->setItemDelegate(new SearchResultDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(true);
    connect(m_list, &QListView::activated, this, &MentionsWindow::open);
    // Enter opens the message, whatever the style's idea of "activated" (some need a double
    // click).
    auto *enter =
        new QShortcut(QKeySequence(Qt::Key_Return), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enter, &QShortcut::activated, this, [this] { open(m_list->currentIndex()); });
    auto *keypadEnter =
        new QShortcut(QKeySequence(Qt::Key_Enter), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(keypadEnter, &QShortcut::activated, this, [this] { open(m_list->currentIndex()); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("mentionsRefresh"));
    m_refresh->setAccessibleName(tr("Look for mentions again"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the mentions"));
    connect(m_refresh, &QPushButton::clicked, this, &MentionsWindow::refreshRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 560);
}

void MentionsWindow::setStatus(const QString &sentence)
{
    m_status->setText(sentence);
    m_status->setAccessibleName(sentence);
    // Heard with the list, where the keyboard is.
    m_list->setAccessibleDescription(sentence);
}

QString MentionsWindow::status() const
{
    return m_status->text();
}

void MentionsWindow::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit resultOpened(index.data(SearchResultListModel::RoomIdRole).toString(),
                      index.data(SearchResultListModel::MessageIdRole).toString(),
                      index.data(SearchResultListModel::RoomTitleRole).toString());
}
