#include "messagetextedit.h"

#include <QMimeData>
#include <QUrl>

#include <QFontMetrics>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QTextCharFormat>

#include <algorithm>

namespace {
constexpr int VisibleLines = 3;

// A marked mention's character format carries what it is sent as and the text it shows; the
// number keeps two mentions side by side apart (the document merges equal formats into one).
constexpr int MentionTag = QTextFormat::UserProperty + 1;   // <@personEmail:…|…> or <@all>
constexpr int MentionShown = QTextFormat::UserProperty + 2; // "@Name"
constexpr int MentionNumber = QTextFormat::UserProperty + 3;

const QString EveryoneTag = QStringLiteral("<@all>");

// The tags setMarkdown() marks again: those insertPersonMention() and insertEveryoneMention()
// write.
const QRegularExpression &mentionTags()
{
    static const QRegularExpression tags(
        QStringLiteral(R"(<@personEmail:([^\s|<>]+)\|([^|<>\r\n\x{2028}\x{2029}]+)>|<@all>)"));
    return tags;
}

bool breaksTag(QChar c)
{
    return c == QLatin1Char('|') || c == QLatin1Char('<') || c == QLatin1Char('>') ||
           c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::LineSeparator ||
           c == QChar::ParagraphSeparator;
}

struct MarkedMention
{
    int position = 0;
    int length = 0;
    QString tag;
};

// Each marked stretch of text, and where in it its mention still stands whole (-1: nowhere,
// it was edited). Text typed right before or after a mention takes its format, so a stretch
// can be longer than its mention.
template <typename Visit> void forEachMarkedStretch(const QTextDocument *document, Visit visit)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment stretch = it.fragment();
            const QTextCharFormat format = stretch.charFormat();
            if (!format.hasProperty(MentionTag))
                continue;
            const QString shown = format.stringProperty(MentionShown);
            visit(stretch, int(stretch.text().indexOf(shown)), shown,
                  format.stringProperty(MentionTag));
        }
    }
}

// The mentions that are sent as tags, in the order they stand.
QList<MarkedMention> wholeMentions(const QTextDocument *document)
{
    QList<MarkedMention> mentions;
    forEachMarkedStretch(document, [&mentions](const QTextFragment &stretch, int at,
                                               const QString &shown, const QString &tag) {
        if (at >= 0)
            mentions.append({stretch.position() + at, int(shown.size()), tag});
    });
    return mentions;
}
} // namespace

MessageTextEdit::MessageTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true); // Tab leaves the field, as in every other control
    const QFontMetrics metrics(font());
    setFixedHeight(metrics.lineSpacing() * VisibleLines + 2 * frameWidth() +
                   int(document()->documentMargin() * 2));
    connect(document(), &QTextDocument::contentsChanged, this, &MessageTextEdit::keepMentionsWhole);
}

void MessageTextEdit::insertPersonMention(int from, const QString &email, const QString &name)
{
    QString safeName = name.trimmed().isEmpty() ? email : name;
    std::replace_if(safeName.begin(), safeName.end(), breaksTag, QLatin1Char(' '));
    const bool emailFits =
        !email.isEmpty() && std::none_of(email.cbegin(), email.cend(),
                                         [](QChar c) { return breaksTag(c) || c.isSpace(); });
    const QString shown = QLatin1Char('@') + safeName;
    if (!emailFits) { // no tag can carry it: the name goes in as text
        QTextCursor cursor = textCursor();
        cursor.setPosition(from, QTextCursor::KeepAnchor);
        cursor.insertText(shown + QLatin1Char(' '));
        setTextCursor(cursor);
        return;
    }
    insertMention(from, shown, QStringLiteral("<@personEmail:%1|%2>").arg(email, safeName));
}

void MessageTextEdit::insertEveryoneMention(int from)
{
    insertMention(from, QStringLiteral("@all"), EveryoneTag);
}

void MessageTextEdit::insertMention(int from, const QString &shown, const QString &tag)
{
    QTextCursor cursor = textCursor();
    const int to = cursor.position();
    cursor.beginEditBlock();
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    cursor.insertText(shown, mentionFormat(shown, tag));
    // One space after it: the text typed next is plain then, not part of the mention.
    if (document()->characterAt(cursor.position()) == QLatin1Char(' '))
        cursor.movePosition(QTextCursor::NextCharacter);
    else
        cursor.insertText(QStringLiteral(" "), QTextCharFormat());
    cursor.endEditBlock();
    setTextCursor(cursor);
}

QTextCharFormat MessageTextEdit::mentionFormat(const QString &shown, const QString &tag)
{
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    format.setForeground(palette().color(QPalette::Link));
    format.setProperty(MentionTag, tag);
    format.setProperty(MentionShown, shown);
    format.setProperty(MentionNumber, ++m_mentionCount);
    return format;
}

QString MessageTextEdit::markdown() const
{
    // toPlainText() has one character for each of the document's positions.
    QString text = toPlainText();
    const QList<MarkedMention> mentions = wholeMentions(document());
    for (auto it = mentions.crbegin(); it != mentions.crend(); ++it)
        text.replace(it->position, it->length, it->tag);
    return text;
}

void MessageTextEdit::setMarkdown(const QString &markdown)
{
    // One position per line break, as toPlainText() gives them back ("\r\n" would be one).
    QString source = markdown;
    source.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    source.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString shownText;
    QList<MarkedMention> mentions;
    QStringList shownMentions;
    qsizetype done = 0;
    for (auto it = mentionTags().globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        shownText += QStringView(source).mid(done, match.capturedStart() - done);
        const QString shown = match.captured() == EveryoneTag
                                  ? QStringLiteral("@all")
                                  : QLatin1Char('@') + match.captured(2);
        mentions.append({int(shownText.size()), int(shown.size()), match.captured()});
        shownMentions.append(shown);
        shownText += shown;
        done = match.capturedEnd();
    }
    shownText += QStringView(source).mid(done);
    setPlainText(shownText);
    if (!mentions.isEmpty()) {
        QTextCursor cursor(document());
        cursor.beginEditBlock();
        for (qsizetype i = 0; i < mentions.size(); ++i) {
            cursor.setPosition(mentions[i].position);
            cursor.setPosition(mentions[i].position + mentions[i].length, QTextCursor::KeepAnchor);
            cursor.setCharFormat(mentionFormat(shownMentions[i], mentions[i].tag));
        }
        cursor.endEditBlock();
        document()->clearUndoRedoStacks(); // undo does not take the marks off again
    }
    moveCursor(QTextCursor::End);
}

bool MessageTextEdit::isMentionAt(int position) const
{
    const QTextBlock block = document()->findBlock(position);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().contains(position))
            return it.fragment().charFormat().hasProperty(MentionTag);
    }
    return false;
}

void MessageTextEdit::keepMentionsWhole()
{
    if (m_keepingMentionsWhole)
        return;
    struct Stretch
    {
        int position;
        int length;
    };
    QList<Stretch> unmark;
    forEachMarkedStretch(document(), [&unmark](const QTextFragment &stretch, int at,
                                               const QString &shown, const QString &) {
        const int length = stretch.length();
        if (at < 0) {
            unmark.append({stretch.position(), length});
            return;
        }
        if (at > 0)
            unmark.append({stretch.position(), at});
        if (const int after = at + int(shown.size()); after < length)
            unmark.append({stretch.position() + after, length - after});
    });
    if (unmark.isEmpty())
        return;
    const QScopedValueRollback busy(m_keepingMentionsWhole, true);
    QTextCursor cursor(document());
    cursor.joinPreviousEditBlock(); // one undo step with the edit that broke the mention
    for (const Stretch &stretch : std::as_const(unmark)) {
        cursor.setPosition(stretch.position);
        cursor.setPosition(stretch.position + stretch.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(QTextCharFormat());
    }
    cursor.endEditBlock();
}

QString MessageTextEdit::tooLongText(const QString &markdown)
{
    const qsizetype bytes = markdown.toUtf8().size();
    if (bytes <= MaxBytes)
        return {};
    // Said here rather than by Webex's 400: the text stays and the person can shorten it.
    return tr("This message is too long for Webex. Shorten it by about %n character(s).", nullptr,
              int(bytes - MaxBytes));
}

void MessageTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_takesEscape) {
        emit escaped();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier &&
        document()->isEmpty() && takeKey(event, &MessageTextEdit::upWhenEmpty))
        return;
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (event->modifiers() & Qt::ShiftModifier) {
            insertPlainText(QStringLiteral("\n"));
            event->accept();
            return;
        }
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            emit submitted();
            event->accept();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MessageTextEdit::takeKey(QKeyEvent *event, void (MessageTextEdit::*signal)())
{
    if (!isSignalConnected(QMetaMethod::fromSignal(signal)))
        return false;
    emit(this->*signal)();
    event->accept();
    return true;
}

namespace {
// The local files a drop or a paste carries, or none when it carries anything else too.
QStringList localFilesOf(const QMimeData *source)
{
    QStringList paths;
    if (!source->hasUrls())
        return paths;
    const QList<QUrl> urls = source->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}
} // namespace

bool MessageTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    if (m_takesFiles && (source->hasImage() || !localFilesOf(source).isEmpty()))
        return true;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void MessageTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (m_takesFiles) {
        if (const QStringList files = localFilesOf(source); !files.isEmpty()) {
            emit filesDropped(files);
            return;
        }
        // A screenshot: a picture without text. Text that comes with a picture (a rich copy
        // from a web page) is pasted as text.
        if (source->hasImage() && !source->hasText()) {
            const QImage image = qvariant_cast<QImage>(source->imageData());
            if (!image.isNull()) {
                emit imagePasted(image);
                return;
            }
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}
