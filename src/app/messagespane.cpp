#include "messagespane.h"

#include "avatarcache.h"
#include "composer.h"
#include "filepreviews.h"
#include "messageeditbox.h"
#include "messageitemdelegate.h"
#include "messagelistview.h"
#include "model/displaytext.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "statebanner.h"
#include "transfersbar.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int MinuteMs = 60 * 1000;
}

MessagesPane::MessagesPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_postingNote(new QLabel(this)),
      m_olderLabel(new QLabel(tr("Loading older messages…"), this)),
      m_view(new MessageListView(this)), m_banner(new StateBanner(this)),
      m_transfers(new TransfersBar(this)), m_composer(new Composer(this)),
      m_editBox(new MessageEditBox(this)), m_clock(new QTimer(this)),
      m_threads(new MessageThreadsModel(this))
{
    m_title->setObjectName(QStringLiteral("roomTitle"));
    m_title->setTextFormat(Qt::PlainText); // titles are chosen by other people
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_postingNote->setObjectName(QStringLiteral("postingNote"));
    m_postingNote->setWordWrap(true);
    m_olderLabel->setObjectName(QStringLiteral("olderLabel"));
    m_olderLabel->setAlignment(Qt::AlignCenter);
    m_olderLabel->setVisible(false);

    m_view->setObjectName(QStringLiteral("messageList"));
    m_view->setAccessibleName(tr("Messages"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Rows are as tall as their text; a new width lays them out again.
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWordWrap(true);

    m_banner->setObjectName(QStringLiteral("messagesBanner"));
    m_composer->setObjectName(QStringLiteral("composer"));
    m_editBox->setObjectName(QStringLiteral("editBox"));
    m_editBox->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_postingNote);
    layout->addWidget(m_banner);
    layout->addWidget(m_olderLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_transfers);
    layout->addWidget(m_composer);
    setAcceptDrops(true);
    layout->addWidget(m_editBox);
    connect(m_composer, &Composer::sendRequested, this, &MessagesPane::sendRequested);
    connect(m_composer, &Composer::sendNowRequested, this, &MessagesPane::sendNowRequested);

    connect(m_banner, &StateBanner::retryRequested, this, &MessagesPane::retryRequested);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MessagesPane::onScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &MessagesPane::onRangeChanged);
    connect(m_view, &MessageListView::olderWanted, this, &MessagesPane::requestOlder);
    connect(m_view, &MessageListView::fileOpenRequested, this, &MessagesPane::fileOpenRequested);
    connect(m_view, &MessageListView::senderCardRequested, this,
            &MessagesPane::senderCardRequested);
    connect(m_view, &MessageListView::fileDownloadRequested, this,
            &MessagesPane::fileDownloadRequested);
    connect(m_view, &MessageListView::viewportResized, this, &MessagesPane::scheduleFillCheck);
    m_clock->setInterval(MinuteMs);
    connect(m_clock, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_clock->start();
    showNoRoom();
}

void MessagesPane::setAvatarCache(AvatarCache *avatars)
{
    auto *delegate = new MessageItemDelegate(avatars, m_view);
    m_view->setItemDelegate(delegate);
    connect(delegate, &MessageItemDelegate::senderActivated, this,
            &MessagesPane::senderCardRequested);
    // A picture arrived: the rows showing initials for it repaint (sizes do not change).
    connect(avatars, &AvatarCache::avatarChanged, m_view->viewport(),
            qOverload<>(&QWidget::update));
}

void MessagesPane::setFilePreviews(FilePreviews *previews)
{
    auto *delegate = qobject_cast<MessageItemDelegate *>(m_view->itemDelegate());
    if (!delegate || !previews)
        return;
    delegate->setFilePreviews(previews);
    connect(delegate, &MessageItemDelegate::fileActivated, this, &MessagesPane::fileOpenRequested);
    // A file's name and type came: its row may now show a picture, so rows are laid out again;
    // screen readers hear its name in the row's description. A space with many files gets
    // their answers in a burst: the rows are laid out once for all that came in one turn of
    // the event loop, not once per file.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, delegate,
            [delegate] { emit delegate->sizeHintChanged(QModelIndex()); });
    connect(previews, &FilePreviews::changed, this,
            [this, delegate, previews, relayout](const QUrl &url) {
                if (m_messages) {
                    const FileInfo info = previews->info(url);
                    m_messages->setFileLabel(url, info.name.isEmpty() ? QString()
                                                                      : delegate->fileText(url));
                }
                relayout->start();
            });
    connect(previews, &FilePreviews::thumbnailReady, m_view->viewport(),
            qOverload<>(&QWidget::update));
}

void MessagesPane::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (m_composer->isVisible() && mime->hasUrls() && !mime->urls().isEmpty() &&
        mime->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MessagesPane::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!m_composer->isVisible() || urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    if (m_composer->setAttachment(urls.constFirst().toLocalFile()) && urls.size() > 1)
        m_composer->showProblem(tr("Webex takes one file per message; %1 is attached.")
                                    .arg(urls.constFirst().fileName()));
    m_composer->editor()->setFocus();
}

void MessagesPane::setMyPersonId(const QString &personId)
{
    if (auto *delegate = qobject_cast<MessageItemDelegate *>(m_view->itemDelegate())) {
        delegate->setMyPersonId(personId);
        m_view->viewport()->update();
    }
}

void MessagesPane::setModel(MessageListModel *messages)
{
    if (m_messages)
        disconnect(m_threads, nullptr, this, nullptr);
    m_messages = messages;
    m_threads->setSourceModel(messages);
    m_view->setModel(messages ? m_threads : nullptr);
    if (!messages)
        return;
    // The rows as the view has them: a thread opened inserts its replies under it.
    connect(m_threads, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &MessagesPane::onRowsAboutToBeInserted);
    connect(m_threads, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmpty();
        scheduleFillCheck();
    });
    connect(m_threads, &QAbstractItemModel::rowsRemoved, this, &MessagesPane::updateEmpty);
    connect(m_threads, &QAbstractItemModel::modelReset, this, [this] {
        m_keepFromBottom = -1;
        m_atBottom = true;
        m_olderAskedBefore.clear();
        updateEmpty();
    });
}

void MessagesPane::beginEdit(const QString &messageId, const QString &markdown)
{
    m_composer->setVisible(false);
    m_editBox->setVisible(true);
    m_editBox->begin(messageId, markdown);
}

void MessagesPane::endEdit()
{
    if (m_editBox->isHidden())
        return;
    m_editBox->setVisible(false);
    m_composer->setVisible(true);
    m_composer->editor()->setFocus();
}

bool MessagesPane::isEditing() const
{
    return !m_editBox->isHidden();
}

void MessagesPane::showNoRoom()
{
    m_editBox->setVisible(false);
    m_editBox->cancel();
    m_loaded = false;
    m_title->setText(tr("No space open"));
    m_postingNote->setVisible(false);
    m_composer->setVisible(false);
    // The (empty) list stays: it holds the pane's space, so the hint sits at the top.
    m_banner->showEmpty(tr("Choose a space on the left to read its messages."));
}

void MessagesPane::showRoom(const QString &title, const QString &postingNote)
{
    m_editBox->setVisible(false);
    m_editBox->cancel(); // an edit belongs to the space it was begun in
    m_loaded = false;
    m_loadingOlder = false;
    m_olderLabel->setVisible(false);
    // The rooms list gives the title cleaned already; cleaned again (cheap, and the same) for
    // any other caller, and isolated inside our sentences.
    const QString shown = DisplayText::singleLine(title, tr("Untitled space"));
    m_title->setText(shown);
    m_title->setAccessibleName(tr("Open space: %1").arg(DisplayText::isolated(shown)));
    m_postingNote->setText(postingNote);
    m_postingNote->setVisible(!postingNote.isEmpty());
    m_composer->setVisible(true);
    m_composer->setRoomTitle(shown);
    m_composer->clearProblem();
    m_composer->clearReply();        // a reply belongs to its space's thread
    m_composer->showSendWaiting({}); // another space's messages: the controller says its own
    m_keepFromBottom = -1;
    m_atBottom = true;
    m_olderAskedBefore.clear();
}

void MessagesPane::showLoading()
{
    m_banner->showLoading(tr("Loading messages…"));
}

void MessagesPane::showWaiting(const QString &sentence)
{
    m_banner->showWaiting(sentence);
}

void MessagesPane::showLoaded()
{
    m_loaded = true;
    m_banner->clear();
    updateEmpty();
    scheduleFillCheck();
}

void MessagesPane::showProblem(const QString &message)
{
    setLoadingOlder(false);
    m_banner->showError(tr("The messages could not be loaded. %1").arg(message));
}

void MessagesPane::showIncomplete(const QString &sentence)
{
    setLoadingOlder(false);
    m_banner->showError(sentence);
}

void MessagesPane::setLoadingOlder(bool loading)
{
    m_loadingOlder = loading;
    m_olderLabel->setVisible(loading);
    if (!loading)
        scheduleFillCheck();
}

void MessagesPane::setClockInterval(int milliseconds)
{
    m_clock->setInterval(milliseconds);
}

void MessagesPane::updateEmpty()
{
    const StateBanner::State state = m_banner->state();
    if (!m_loaded || !m_messages ||
        (state != StateBanner::State::Hidden && state != StateBanner::State::Empty))
        return;
    if (m_messages->rowCount() == 0)
        m_banner->showEmpty(tr("No messages here yet. Write the first one below."));
    else if (m_banner->state() == StateBanner::State::Empty)
        m_banner->clear();
}

void MessagesPane::onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    Q_UNUSED(parent)
    Q_UNUSED(last)
    const QScrollBar *bar = m_view->verticalScrollBar();
    // Older messages go in at the top: remember the distance from the bottom, which the
    // insert does not change, and restore it when the range grows.
    if (first == 0 && m_messages && m_messages->rowCount() > 0)
        m_keepFromBottom = bar->maximum() - bar->value();
    else
        m_keepFromBottom = -1;
}

void MessagesPane::onRangeChanged(int min, int max)
{
    Q_UNUSED(min)
    QScrollBar *bar = m_view->verticalScrollBar();
    if (m_keepFromBottom >= 0) {
        bar->setValue(max - m_keepFromBottom);
        m_keepFromBottom = -1;
    } else if (m_atBottom) {
        bar->setValue(max); // the newest message stays in view as messages arrive
    }
    if (max <= min)
        scheduleFillCheck(); // e.g. the view grew taller than its rows
}

void MessagesPane::onScrolled(int value)
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    m_atBottom = value >= bar->maximum();
    if (value == bar->minimum() && bar->maximum() > bar->minimum() && m_keepFromBottom < 0)
        requestOlder();
}

bool MessagesPane::mayAskForOlder() const
{
    return m_loaded && !m_loadingOlder && m_messages && m_messages->hasOlder() &&
           !m_messages->oldestMessageId().isEmpty();
}

void MessagesPane::requestOlder()
{
    if (!mayAskForOlder())
        return;
    m_olderAskedBefore = m_messages->oldestMessageId();
    emit olderRequested();
}

void MessagesPane::scheduleFillCheck()
{
    if (m_fillCheckPending)
        return;
    m_fillCheckPending = true;
    QMetaObject::invokeMethod(this, &MessagesPane::fillIfNotScrollable, Qt::QueuedConnection);
}

void MessagesPane::fillIfNotScrollable()
{
    m_fillCheckPending = false;
    // Hidden or squeezed to nothing, the view's size says nothing about what fits.
    if (!m_view->isVisible() || m_view->viewport()->height() <= 0 || !m_messages ||
        m_messages->rowCount() == 0)
        return;
    // Once per oldest message: a page that brought nothing older, or one that failed, is not
    // asked for again and again by itself (Retry, scrolling and the keys still ask).
    if (!m_view->canScroll() && mayAskForOlder() &&
        m_messages->oldestMessageId() != m_olderAskedBefore)
        requestOlder();
}

bool MessagesPane::scrollToMessage(const QString &messageId)
{
    // A reply in a closed thread: the thread opens.
    const QModelIndex index = m_messages ? m_threads->revealMessage(messageId) : QModelIndex();
    if (!index.isValid())
        return false;
    m_keepFromBottom = -1;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_atBottom = false; // new messages must not pull the view away from it
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void MessagesPane::showSent(const QString &clientTag)
{
    const int row = m_messages ? m_messages->rowOfClientTag(clientTag) : -1;
    const QModelIndex shown =
        row < 0 ? QModelIndex() : m_threads->mapFromSource(m_messages->index(row));
    if (shown.isValid())
        m_view->scrollTo(shown, QAbstractItemView::EnsureVisible);
}

void MessagesPane::focusComposer()
{
    m_composer->editor()->setFocus();
}

void MessagesPane::restoreDraft(const QString &text, const QString &reason)
{
    m_composer->restoreDraft(text, reason);
}

void MessagesPane::showSendWaiting(const QString &sentence)
{
    m_composer->showSendWaiting(sentence);
}

void MessagesPane::setRowSendWaiting(const QString &clientTag, const QString &sentence)
{
    auto *delegate = qobject_cast<MessageItemDelegate *>(m_view->itemDelegate());
    if (!delegate)
        return; // no avatar cache given, so no message delegate: rows say nothing of sending
    delegate->setSendWaiting(clientTag, sentence);
    m_view->viewport()->update();
}
