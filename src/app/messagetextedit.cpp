#include "messagetextedit.h"

#include <QMimeData>
#include <QUrl>

#include <QFontMetrics>
#include <QKeyEvent>
#include <QMetaMethod>

namespace {
constexpr int VisibleLines = 3;
}

MessageTextEdit::MessageTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true); // Tab leaves the field, as in every other control
    const QFontMetrics metrics(font());
    setFixedHeight(metrics.lineSpacing() * VisibleLines + 2 * frameWidth() +
                   int(document()->documentMargin() * 2));
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
