#include "composer.h"

#include "api/webexclient.h"
#include "mentioncompleter.h"
#include "model/displaytext.h"
#include "statebanner.h"
#include "themedicons.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>

Composer::Composer(QWidget *parent)
    : QWidget(parent), m_edit(new MessageTextEdit(this)), m_mentions(new MentionCompleter(m_edit)),
      m_send(new QPushButton(tr("Se&nd"), this)), m_problem(new QLabel(this)),
      m_waiting(new StateBanner(this)), m_attach(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setAccessibleName(tr("Message"));
    connect(m_edit, &MessageTextEdit::submitted, this, &Composer::send);
    connect(m_edit, &MessageTextEdit::upWhenEmpty, this, &Composer::editLastRequested);
    connect(m_mentions, &MentionCompleter::openChanged, this, &Composer::updateDescription);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send message"));
    tintIcons();
    m_send->setEnabled(false);

    m_problem->setObjectName(QStringLiteral("composerProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problem->setVisible(false);

    m_waiting->setObjectName(QStringLiteral("composerWaiting"));
    // Not "Se&nd"'s N, nor the messages banner's "Retry &now".
    m_waiting->setWaitingAction(tr("Send no&w"), tr("Send now"));
    connect(m_waiting, &StateBanner::retryRequested, this, &Composer::sendNowRequested);

    // Replying: to whom, and the way out.
    m_replyBar = new QWidget(this);
    m_replyBar->setObjectName(QStringLiteral("replyBar"));
    m_replyLabel = new QLabel(m_replyBar);
    m_replyLabel->setObjectName(QStringLiteral("replyLabel"));
    m_replyLabel->setTextFormat(Qt::PlainText); // names and text other people wrote
    m_replyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *cancelReply = new QPushButton(tr("Cancel"), m_replyBar);
    cancelReply->setObjectName(QStringLiteral("cancelReplyButton"));
    cancelReply->setAccessibleName(tr("Cancel the reply"));
    connect(cancelReply, &QPushButton::clicked, this, &Composer::clearReply);
    auto *replyRow = new QHBoxLayout(m_replyBar);
    replyRow->setContentsMargins(0, 0, 0, 0);
    replyRow->addWidget(m_replyLabel, 1);
    replyRow->addWidget(cancelReply);
    m_replyBar->setVisible(false);
    m_edit->setTakesEscape(false);
    connect(m_edit, &MessageTextEdit::escaped, this, &Composer::clearReply);

    // A file to send: Attach, or dropped, or pasted.
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleName(tr("Attach a file"));
    m_attach->setToolTip(tr("Attach a file (Ctrl+Shift+A)"));
    m_attach->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(m_attach, &QToolButton::clicked, this, &Composer::chooseFile);
    m_attachmentBar = new QWidget(this);
    m_attachmentBar->setObjectName(QStringLiteral("attachmentBar"));
    m_attachmentLabel = new QLabel(m_attachmentBar);
    m_attachmentLabel->setObjectName(QStringLiteral("attachmentLabel"));
    m_attachmentLabel->setTextFormat(Qt::PlainText);
    m_removeAttachment = new QPushButton(tr("Remove"), m_attachmentBar);
    m_removeAttachment->setObjectName(QStringLiteral("removeAttachmentButton"));
    connect(m_removeAttachment, &QPushButton::clicked, this, &Composer::clearAttachment);
    auto *attachmentRow = new QHBoxLayout(m_attachmentBar);
    attachmentRow->setContentsMargins(0, 0, 0, 0);
    attachmentRow->addWidget(m_attachmentLabel, 1);
    attachmentRow->addWidget(m_removeAttachment);
    m_attachmentBar->setVisible(false);
    m_edit->setTakesFiles(true);
    connect(m_edit, &MessageTextEdit::imagePasted, this, &Composer::attachImage);
    connect(m_edit, &MessageTextEdit::filesDropped, this, [this](const QStringList &paths) {
        if (paths.size() > 1)
            showProblem(tr("Webex takes one file per message; %1 is attached.")
                            .arg(QFileInfo(paths.constFirst()).fileName()));
        if (setAttachment(paths.constFirst()) && paths.size() == 1)
            clearProblem();
    });

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_attach, 0, Qt::AlignBottom);
    row->addWidget(m_edit, 1);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_waiting);
    layout->addWidget(m_problem);
    layout->addWidget(m_replyBar);
    layout->addWidget(m_attachmentBar);
    layout->addLayout(row);

    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(m_edit, &MessageTextEdit::textChanged, this, &Composer::updateSendEnabled);
    setRoomTitle({});
}

// Out of line: QTemporaryDir is complete here.
Composer::~Composer()
{
    // QWidget's destructor takes the focus from the field, which closes the list: no
    // description is updated on a composer half gone.
    disconnect(m_mentions, nullptr, this, nullptr);
}

void Composer::setRoomTitle(const QString &title)
{
    m_edit->setPlaceholderText(title.isEmpty()
                                   ? tr("Write a message")
                                   : tr("Write a message to %1").arg(DisplayText::isolated(title)));
    updateDescription();
}

void Composer::updateDescription()
{
    const QString keys = tr("Enter sends, Shift+Enter starts a new line; markdown is allowed");
    // Whoever is in the field hears whom a reply answers, and why a message is not sent yet.
    QStringList parts;
    if (m_mentions->isOpen()) // first: what the keys do now
        parts << tr("Up and Down choose a person, Enter inserts.");
    if (!m_replyTo.isEmpty())
        parts << replySentence() << tr("Escape cancels the reply.");
    if (!sendWaiting().isEmpty())
        parts << sendWaiting();
    if (!m_attachment.isEmpty())
        parts << attachmentText();
    parts << keys;
    const QString description = parts.join(QLatin1Char(' '));
    // The setter tells screen readers it changed (QAccessible::DescriptionChanged).
    m_edit->setAccessibleDescription(description);
}

void Composer::setReplyTo(const QString &threadId, const QString &sentence)
{
    m_replyTo = threadId;
    const QFontMetrics metrics(m_replyLabel->font());
    // One line: a long message is shortened; the whole sentence is the accessible name.
    m_replyLabel->setText(metrics.elidedText(sentence, Qt::ElideRight, 600));
    m_replyLabel->setAccessibleName(sentence);
    m_replyBar->setVisible(!threadId.isEmpty());
    m_edit->setTakesEscape(!threadId.isEmpty());
    updateDescription();
    m_edit->setFocus();
}

void Composer::clearReply()
{
    if (m_replyTo.isEmpty())
        return;
    m_replyTo.clear();
    m_replyLabel->clear();
    m_replyLabel->setAccessibleName({});
    m_replyBar->setVisible(false);
    m_edit->setTakesEscape(false);
    updateDescription();
}

QString Composer::replySentence() const
{
    return m_replyTo.isEmpty() ? QString() : m_replyLabel->accessibleName();
}

void Composer::setMentionCandidates(const QList<MentionCandidate> &members, bool groupSpace)
{
    m_mentions->setCandidates(members, groupSpace);
}

QString Composer::text() const
{
    return m_edit->markdown();
}

void Composer::setText(const QString &text)
{
    m_edit->setMarkdown(text); // the cursor at the end, to go on writing
}

QString Composer::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void Composer::restoreDraft(const QString &text, const QString &reason)
{
    const QString typed = this->text();
    setText(typed.trimmed().isEmpty() ? text : typed + QLatin1Char('\n') + text);
    showProblem(reason);
}

void Composer::showProblem(const QString &reason)
{
    m_problem->setText(reason);
    m_problem->setAccessibleName(reason);
    m_problem->setVisible(!reason.isEmpty());
}

void Composer::clearProblem()
{
    showProblem({});
}

void Composer::showSendWaiting(const QString &sentence)
{
    if (sentence == sendWaiting())
        return;
    if (sentence.isEmpty())
        m_waiting->clear();
    else
        m_waiting->showWaiting(sentence); // its accessible name: the sentence
    updateDescription();
}

QString Composer::sendWaiting() const
{
    return m_waiting->state() == StateBanner::State::Waiting ? m_waiting->text() : QString();
}

void Composer::updateSendEnabled()
{
    m_send->setEnabled(!text().trimmed().isEmpty() || !m_attachment.isEmpty());
}

bool Composer::setAttachment(const QString &path)
{
    const QFileInfo file(path);
    QString refused;
    if (!file.isFile() || !file.isReadable())
        refused = tr("%1 cannot be sent: it is not a file that can be read.").arg(file.fileName());
    else if (file.size() == 0)
        refused = tr("%1 is empty; Webex does not accept empty files.").arg(file.fileName());
    else if (file.size() > WebexClient::MaxUploadBytes)
        refused = tr("%1 is too large to send: Webex accepts files of up to 100 MB, this one has "
                     "%2.")
                      .arg(file.fileName(),
                           QLocale().formattedDataSize(file.size(), 1, QLocale::DataSizeSIFormat));
    if (!refused.isEmpty()) {
        showProblem(refused);
        return false;
    }
    m_attachment = file.absoluteFilePath();
    const QString sentence =
        tr("Attached: %1 (%2)")
            .arg(file.fileName(),
                 QLocale().formattedDataSize(file.size(), 1, QLocale::DataSizeSIFormat));
    m_attachmentLabel->setText(sentence);
    m_attachmentLabel->setAccessibleName(sentence);
    m_removeAttachment->setAccessibleName(tr("Remove the attached file %1").arg(file.fileName()));
    m_attachmentBar->setVisible(true);
    updateSendEnabled();
    updateDescription();
    return true;
}

void Composer::clearAttachment()
{
    if (m_attachment.isEmpty())
        return;
    m_attachment.clear();
    m_attachmentLabel->clear();
    m_attachmentLabel->setAccessibleName({});
    m_attachmentBar->setVisible(false);
    updateSendEnabled();
    updateDescription();
    m_edit->setFocus();
}

QString Composer::attachmentText() const
{
    return m_attachment.isEmpty() ? QString() : m_attachmentLabel->text();
}

bool Composer::attachImage(const QImage &image)
{
    if (image.isNull())
        return false;
    if (!m_pasted)
        m_pasted = std::make_unique<QTemporaryDir>();
    if (!m_pasted->isValid()) {
        showProblem(tr("The pasted picture could not be kept for sending: %1")
                        .arg(m_pasted->errorString()));
        return false;
    }
    // A name a person recognises in the space afterwards.
    const QString name =
        tr("Pasted picture %1.png")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH.mm.ss")));
    const QString path = m_pasted->filePath(name);
    if (!image.save(path, "PNG")) {
        showProblem(tr("The pasted picture could not be kept for sending."));
        return false;
    }
    clearProblem();
    return setAttachment(path);
}

void Composer::chooseFile()
{
    if (m_fileDialog) {
        m_fileDialog->raise();
        return;
    }
    auto *dialog = new QFileDialog(window(), tr("Attach a File"));
    dialog->setObjectName(QStringLiteral("attachFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (setAttachment(path))
            clearProblem();
        m_edit->setFocus();
    });
    m_fileDialog = dialog;
    dialog->open();
}

QWidget *Composer::fileDialog() const
{
    return m_fileDialog;
}

void Composer::send()
{
    const QString markdown = text();
    const QString file = m_attachment;
    if (markdown.trimmed().isEmpty() && file.isEmpty())
        return;
    if (const QString tooLong = MessageTextEdit::tooLongText(markdown); !tooLong.isEmpty()) {
        showProblem(tooLong); // the draft stays, and the person can shorten it
        return;
    }
    clearProblem();
    m_edit->clear();
    const QString parentId = m_replyTo;
    clearReply(); // a reply is one message; the next goes to the space again
    clearAttachment();
    emit sendRequested(markdown, parentId, file);
}

void Composer::tintIcons()
{
    m_attach->setIcon(ThemedIcons::icon(QStringLiteral("attach"),
                                        palette().color(QPalette::ButtonText),
                                        palette().color(QPalette::Disabled, QPalette::ButtonText)));
    m_send->setIcon(ThemedIcons::icon(QStringLiteral("send"), palette().color(QPalette::ButtonText),
                                      palette().color(QPalette::Disabled, QPalette::ButtonText)));
}

void Composer::changeEvent(QEvent *event)
{
    // The system switched between light and dark: the icon is drawn in the new colours.
    if (event->type() == QEvent::PaletteChange)
        tintIcons();
    QWidget::changeEvent(event);
}
