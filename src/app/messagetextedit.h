#pragma once

#include <QImage>
#include <QPlainTextEdit>
#include <QStringList>

class QTextCharFormat;

// The field a message is written in (the composer's, and the one that edits a message): three
// lines high, Tab leaves it, Enter submits, Shift+Enter starts a new line ("\n", which markdown
// needs, not the line separator QPlainTextEdit would insert). Up in an empty field is taken only
// where something listens to it, Escape only while setTakesEscape(true); otherwise both go on to
// the parent as before (a dialog's Escape still closes it).
//
// Mentions: the field shows "@Name" (bold, in the link colour) where the message sends
// <@personEmail:EMAIL|NAME> or <@all>; markdown() is what is sent, setMarkdown() shows such
// text with its mentions marked again. A mention whose text is edited stops being one at once
// (it is drawn, and sent, as the plain text it now shows).
class MessageTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MessageTextEdit(QWidget *parent = nullptr);

    // Webex refuses longer messages; counted in UTF-8 bytes as Webex counts them.
    static constexpr int MaxBytes = 7439;
    // Why `markdown` is too long for Webex, by about how much; empty when it is not.
    [[nodiscard]] static QString tooLongText(const QString &markdown);

    void setTakesEscape(bool takes) { m_takesEscape = takes; }
    // Pasted pictures and dropped files are offered (imagePasted, filesDropped) instead of
    // going into the text, where something listens to them (the composer; the edit box takes
    // text only).
    void setTakesFiles(bool takes) { m_takesFiles = takes; }

    // Replaces the text from `from` to the cursor with a mention of the person, followed by a
    // space. `name` is shown ("@Name") and sent; '|', '<', '>' and line breaks in it become
    // spaces so it cannot break the tag (an empty name: the email).
    void insertPersonMention(int from, const QString &email, const QString &name);
    // The same for everyone in the space: "@all", sent as <@all>.
    void insertEveryoneMention(int from);
    // The text as it is sent: marked mentions as their tags, everything else as written.
    [[nodiscard]] QString markdown() const;
    // Shows `markdown`, its <@personEmail:EMAIL|NAME> and <@all> as marked mentions, with the
    // cursor at the end and no undo history (a new text, as setPlainText).
    void setMarkdown(const QString &markdown);
    // Whether the character at `position` belongs to a marked mention.
    [[nodiscard]] bool isMentionAt(int position) const;

signals:
    void submitted();   ///< Enter (or the keypad's), without modifiers.
    void escaped();     ///< Escape.
    void upWhenEmpty(); ///< Up with nothing written (the composer: edit your last message).
    void imagePasted(const QImage &image);       ///< A picture pasted (a screenshot).
    void filesDropped(const QStringList &paths); ///< Local files dropped or pasted.

protected:
    void keyPressEvent(QKeyEvent *event) override;
    [[nodiscard]] bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void insertMention(int from, const QString &shown, const QString &tag);
    [[nodiscard]] QTextCharFormat mentionFormat(const QString &shown, const QString &tag);
    // Unmarks what is no longer a whole mention after an edit (see the class comment).
    void keepMentionsWhole();

    // Emits `signal` and accepts the key when something is connected to it.
    bool takeKey(QKeyEvent *event, void (MessageTextEdit::*signal)());

    bool m_takesEscape = false;
    bool m_takesFiles = false;
    int m_mentionCount = 0;              // tells two mentions side by side apart
    bool m_keepingMentionsWhole = false; // its own format changes do not start it again
};
