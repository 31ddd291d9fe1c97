#pragma once

#include "mentioncandidate.h"
#include "messagetextedit.h" // MaxBytes

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <memory>

class MentionCompleter;
class QLabel;
class QPushButton;
class QTemporaryDir;
class QToolButton;
class StateBanner;

// Writing a message: Enter sends, Shift+Enter starts a new line, markdown is sent as written.
// The text leaves the field when sent (the message shows in the list at once); if sending
// fails, restoreDraft() puts it back and says why, so nothing typed is lost. While a message
// sent waits for Webex (a rate limit), showSendWaiting() says until when, with Send now.
//
// One file goes with a message, as Webex takes it: chosen with Attach (Ctrl+Shift+A), dropped
// on the space or the field, or a picture pasted (saved as a PNG in a folder of the composer's
// own, removed when the app ends). It shows above the field with Remove until it is sent; a
// file over Webex's limit is refused when it is attached, before anything is sent.
//
// '@' completes the space's members (MentionCompleter); a mention shows as "@Name" in the field
// and is sent as <@personEmail:EMAIL|NAME> (text() and setText() speak the sent form).
class Composer : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    // Whom the message goes to, for the placeholder and the accessible description.
    void setRoomTitle(const QString &title);
    // Puts a failed message back (unless something new was typed meanwhile: then the failed
    // text goes after it, so neither is lost) and shows why it failed.
    void restoreDraft(const QString &text, const QString &reason);
    void showProblem(const QString &reason);
    void clearProblem();
    // A message sent from here waits before it is sent again: `sentence` says until when
    // ("Webex asks us to wait; sending at 14:05."), above the field, with Send now
    // (sendNowRequested); empty: nothing waits. Screen readers hear it: the line's accessible
    // name is the sentence, as every StateBanner's, and the field's description carries it.
    void showSendWaiting(const QString &sentence);
    [[nodiscard]] QString sendWaiting() const;
    [[nodiscard]] StateBanner *sendWaitingBanner() const { return m_waiting; }

    // What is sent next answers thread `threadId` (its first message's id): `sentence` says to
    // whom ("Replying to Ana: Can we…") above the field, with Cancel (or Escape). Sending, or
    // clearReply(), ends it.
    void setReplyTo(const QString &threadId, const QString &sentence);
    void clearReply();
    [[nodiscard]] QString replyTo() const { return m_replyTo; }
    [[nodiscard]] QString replySentence() const;

    // The file sent with the next message; false (and a problem shown) when it cannot be sent:
    // not a readable file, empty, or over WebexClient::MaxUploadBytes.
    bool setAttachment(const QString &path);
    void clearAttachment();
    [[nodiscard]] QString attachment() const { return m_attachment; }
    // A pasted picture becomes the attachment, as "Pasted picture <time>.png".
    bool attachImage(const QImage &image);
    [[nodiscard]] QToolButton *attachButton() const { return m_attach; }
    [[nodiscard]] QPushButton *removeAttachmentButton() const { return m_removeAttachment; }
    [[nodiscard]] QString attachmentText() const;
    // Attach's file dialog, open while the person chooses (null otherwise).
    [[nodiscard]] QWidget *fileDialog() const;

    // The open space's members whom '@' completes (the signed-in person left out by the
    // caller); `groupSpace` offers @all ("Everyone in this space") first. Empty: nothing to
    // complete, and '@' is plain text.
    void setMentionCandidates(const QList<MentionCandidate> &members, bool groupSpace);
    [[nodiscard]] MentionCompleter *mentionCompleter() const { return m_mentions; }

    // What is sent: the markdown, mentions as <@personEmail:EMAIL|NAME> and <@all>. setText()
    // shows such mentions marked again, so text() gives back what it was given.
    [[nodiscard]] QString text() const;
    void setText(const QString &text);
    [[nodiscard]] MessageTextEdit *editor() const { return m_edit; }
    [[nodiscard]] QString problem() const;

    // Webex refuses longer messages; counted in UTF-8 bytes as Webex counts them.
    static constexpr int MaxBytes = MessageTextEdit::MaxBytes;

signals:
    // `parentId`: the thread it answers (setReplyTo), or empty; `filePath`: the file that goes
    // with it, or empty.
    void sendRequested(const QString &markdown, const QString &parentId, const QString &filePath);
    // Send now: the waiting message goes at once.
    void sendNowRequested();
    // Up in the empty field: the person wants to edit their last message.
    void editLastRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void tintIcons();
    void send();
    void chooseFile();
    void updateSendEnabled();
    void updateDescription();

    MessageTextEdit *m_edit;
    MentionCompleter *m_mentions;
    QPushButton *m_send;
    QLabel *m_problem;
    StateBanner *m_waiting;
    QWidget *m_replyBar;
    QLabel *m_replyLabel;
    QString m_replyTo;
    QToolButton *m_attach;
    QWidget *m_attachmentBar;
    QLabel *m_attachmentLabel;
    QPushButton *m_removeAttachment;
    QString m_attachment;
    std::unique_ptr<QTemporaryDir> m_pasted; // pasted pictures, made at the first paste
    QPointer<QWidget> m_fileDialog;
};
