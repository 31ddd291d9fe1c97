#include "mentioncompleter.h"

#include "messagetextedit.h"

#include <QAccessible>
#include <QCollator>
#include <QKeyEvent>
#include <QListView>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>

#include <algorithm>

namespace {
// How far back from the caret an '@' is looked for: longer than any name typed in full.
constexpr int MaxTyped = 80;
const QString EveryoneKey = QStringLiteral("all");

// An address a tag can carry: <@personEmail:EMAIL|NAME> ends at '|', '<', '>' or a space.
bool fitsInTag(const QString &email)
{
    return !email.isEmpty() && std::none_of(email.cbegin(), email.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('|') || c == QLatin1Char('<') ||
               c == QLatin1Char('>');
    });
}

// An '@' starts a mention at the text's start or after a space or punctuation, not inside a
// word or an address being typed ("a@b").
bool startsMention(QStringView text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return before.isSpace() ||
           (before.isPunct() && before != QLatin1Char('_') && before != QLatin1Char('@'));
}
} // namespace

// MentionMatcher

QString MentionMatcher::fold(const QString &text)
{
    // "Émile" for "emi": accents come apart from their letters (KD) and are dropped.
    QString folded = text.normalized(QString::NormalizationForm_KD);
    folded.removeIf([](QChar c) { return c.category() == QChar::Mark_NonSpacing; });
    return folded.toCaseFolded();
}

QString MentionMatcher::nameOf(const MentionCandidate &candidate)
{
    return candidate.displayName.trimmed().isEmpty() ? candidate.email : candidate.displayName;
}

void MentionMatcher::setCandidates(const QList<MentionCandidate> &candidates, bool offerEveryone)
{
    m_offerEveryone = offerEveryone;
    m_entries.clear();
    m_entries.reserve(candidates.size());
    for (const MentionCandidate &candidate : candidates) {
        if (!fitsInTag(candidate.email))
            continue;
        Entry entry{candidate, fold(nameOf(candidate)), {}, fold(candidate.email)};
        for (qsizetype i = 1; i < entry.name.size(); ++i) {
            if (entry.name.at(i).isLetterOrNumber() && !entry.name.at(i - 1).isLetterOrNumber())
                entry.laterWords.append(int(i));
        }
        m_entries.append(std::move(entry));
    }
    // Sorted once here, so each keystroke only walks the list.
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [&collator](const Entry &a, const Entry &b) {
                         return collator.compare(nameOf(a.candidate), nameOf(b.candidate)) < 0;
                     });
}

QList<int> MentionMatcher::matches(const QString &typed, int limit) const
{
    const QString wanted = fold(typed);
    QList<int> result;
    if (m_offerEveryone && EveryoneKey.startsWith(wanted))
        result.append(Everyone);
    QList<int> laterWords;
    QList<int> emails;
    for (qsizetype i = 0; i < m_entries.size() && result.size() < limit; ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.name.startsWith(wanted)) {
            result.append(int(i));
        } else if (laterWords.size() < limit &&
                   std::any_of(entry.laterWords.cbegin(), entry.laterWords.cend(),
                               [&entry, &wanted](int word) {
                                   return QStringView(entry.name).mid(word).startsWith(wanted);
                               })) {
            laterWords.append(int(i));
        } else if (emails.size() < limit && entry.email.startsWith(wanted)) {
            emails.append(int(i));
        }
    }
    result += laterWords;
    result += emails;
    if (result.size() > limit)
        result.resize(limit);
    return result;
}

const MentionCandidate &MentionMatcher::candidate(int index) const
{
    return m_entries.at(index).candidate;
}

// MentionCompleter

MentionCompleter::MentionCompleter(MessageTextEdit *edit)
    : QObject(edit), m_edit(edit), m_popup(new QListView(edit->window())),
      m_rows(new QStandardItemModel(this))
{
    m_popup->setObjectName(QStringLiteral("mentionList"));
    m_popup->setAccessibleName(tr("Mention someone"));
    m_popup->setModel(m_rows);
    m_popup->setFocusPolicy(Qt::NoFocus); // the field keeps the focus while one types
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setUniformItemSizes(true);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // at most MaxRows rows
    m_popup->setVisible(false);
    connect(m_popup.data(), &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        setCurrentRow(index.row());
        insertCurrent();
    });

    // Only a change ending at the caret is typing; a draft put back is not.
    connect(m_edit->document(), &QTextDocument::contentsChange, this,
            [this](int from, int, int added) { m_editEnd = from + added; });
    connect(m_edit, &QPlainTextEdit::textChanged, this,
            [this] { update(m_edit->textCursor().position() == m_editEnd); });
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (isOpen())
            update(false);
    });
    m_edit->installEventFilter(this);
}

MentionCompleter::~MentionCompleter()
{
    delete m_popup.data(); // the window it lives in may outlive the field
}

void MentionCompleter::setCandidates(const QList<MentionCandidate> &members, bool groupSpace)
{
    m_matcher.setCandidates(members, groupSpace);
    m_dismissedAt = -1;
    if (isOpen())
        update(false);
}

bool MentionCompleter::isOpen() const
{
    return m_popup && m_popup->isVisible();
}

void MentionCompleter::close()
{
    m_at = -1;
    if (!isOpen())
        return;
    m_popup->hide();
    emit openChanged(false);
}

MentionCompleter::Typed MentionCompleter::typedMention() const
{
    const QTextCursor cursor = m_edit->textCursor();
    if (cursor.hasSelection())
        return {};
    const QTextBlock block = cursor.block();
    const QString text = block.text();
    const int end = cursor.positionInBlock();
    for (int i = end - 1; i >= 0 && end - i <= MaxTyped; --i) {
        if (text.at(i) != QLatin1Char('@'))
            continue;
        const int at = block.position() + i;
        if (!startsMention(text, i) || m_edit->isMentionAt(at))
            return {};
        const QString prefix = text.mid(i + 1, end - i - 1);
        if (!prefix.isEmpty() && prefix.front().isSpace())
            return {}; // "@ " is no mention
        return {at, prefix};
    }
    return {};
}

void MentionCompleter::update(bool mayOpen)
{
    const Typed typed = typedMention();
    if (typed.at != m_dismissedAt)
        m_dismissedAt = -1;
    if (!m_popup || typed.at < 0 || typed.at == m_dismissedAt || (!isOpen() && !mayOpen)) {
        close();
        return;
    }
    const QList<int> matches = m_matcher.matches(typed.prefix, MaxRows);
    if (matches.isEmpty()) {
        close();
        return;
    }
    // The person chosen stays chosen while they are still listed.
    const QModelIndex current = m_popup->currentIndex();
    const int chosen = isOpen() && current.isValid() ? m_shown.value(current.row(), -2) : -2;
    fillRows(matches);
    m_at = typed.at;
    const bool wasOpen = isOpen();
    place();
    setCurrentRow(std::max(0, int(m_shown.indexOf(chosen))));
    if (!wasOpen)
        emit openChanged(true);
}

void MentionCompleter::fillRows(const QList<int> &matches)
{
    m_shown = matches;
    m_rows->clear();
    for (const int index : matches) {
        QString name;
        QString address;
        if (index == MentionMatcher::Everyone) {
            name = tr("Everyone in this space");
            address = QStringLiteral("@all");
        } else {
            const MentionCandidate &member = m_matcher.candidate(index);
            name = MentionMatcher::nameOf(member);
            address = member.email;
        }
        auto *row = new QStandardItem(QStringLiteral("%1 (%2)").arg(name, address));
        row->setEditable(false);
        row->setData(QStringLiteral("%1, %2").arg(name, address), Qt::AccessibleTextRole);
        m_rows->appendRow(row);
    }
}

void MentionCompleter::place()
{
    // Over the field's window, which may have changed since (the composer moved into a pane).
    QWidget *window = m_edit->window();
    if (m_popup->parentWidget() != window)
        m_popup->setParent(window);
    const int frame = 2 * m_popup->frameWidth();
    const int height = m_rows->rowCount() * m_popup->sizeHintForRow(0) + frame;
    const int width =
        std::min(std::max(m_popup->sizeHintForColumn(0) + frame + 8, 240), window->width());
    // Over the caret, where the messages are; under it when there is no room above.
    const QRect caret = m_edit->cursorRect();
    QPoint at = m_edit->viewport()->mapTo(window, caret.topLeft());
    at.ry() -= height;
    if (at.y() < 0)
        at.setY(m_edit->viewport()->mapTo(window, caret.bottomLeft()).y());
    at.setX(std::clamp(at.x(), 0, std::max(0, window->width() - width)));
    m_popup->setGeometry(QRect(at, QSize(width, height)));
    m_popup->raise();
    m_popup->show();
}

void MentionCompleter::setCurrentRow(int row)
{
    const QModelIndex index = m_rows->index(row, 0);
    m_popup->setCurrentIndex(index); // selects it too: the list's own accessibility event
    m_popup->scrollTo(index);
    // The list never has the focus, so the view does not say which row is current; this does.
    QAccessibleEvent event(m_popup.data(), QAccessible::Focus);
    event.setChild(row);
    QAccessible::updateAccessibility(&event); // nothing without a screen reader
}

void MentionCompleter::insertCurrent()
{
    const int row = m_popup->currentIndex().row();
    const int at = m_at;
    if (row < 0 || row >= m_shown.size() || at < 0)
        return;
    const int index = m_shown.at(row);
    close();
    if (index == MentionMatcher::Everyone) {
        m_edit->insertEveryoneMention(at);
    } else {
        const MentionCandidate &member = m_matcher.candidate(index);
        m_edit->insertPersonMention(at, member.email, MentionMatcher::nameOf(member));
    }
}

bool MentionCompleter::handleKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers != Qt::NoModifier)
        return false;
    const int rows = m_rows->rowCount();
    const int row = m_popup->currentIndex().row();
    switch (event->key()) {
    case Qt::Key_Up:
        if (event->type() == QEvent::KeyPress)
            setCurrentRow((row - 1 + rows) % rows);
        return true;
    case Qt::Key_Down:
        if (event->type() == QEvent::KeyPress)
            setCurrentRow((row + 1) % rows);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (event->type() == QEvent::KeyPress)
            insertCurrent();
        return true;
    case Qt::Key_Escape:
        if (event->type() == QEvent::KeyPress) {
            m_dismissedAt = m_at;
            close();
        }
        return true;
    default:
        return false;
    }
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return false;
    switch (event->type()) {
    case QEvent::ShortcutOverride: // the list's keys are not shortcuts elsewhere while open
    case QEvent::KeyPress:
        if (isOpen() && handleKey(static_cast<QKeyEvent *>(event))) {
            event->accept();
            return true;
        }
        break;
    case QEvent::FocusOut:
    case QEvent::Hide:
        close();
        break;
    default:
        break;
    }
    return false;
}
