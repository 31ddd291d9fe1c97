#pragma once

#include <QImage>
#include <QPlainTextEdit>
#include <QStringList>

// The field a message is written in (the composer's, and the one that edits a message): three
// lines high, Tab leaves it, Enter submits, Shift+Enter starts a new line ("\n", which markdown
// needs, not the line separator QPlainTextEdit would insert). Up in an empty field is taken only
// where something listens to it, Escape only while setTakesEscape(true); otherwise both go on to
// the parent as before (a dialog's Escape still closes it).
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
    // Emits `signal` and accepts the key when something is connected to it.
    bool takeKey(QKeyEvent *event, void (MessageTextEdit::*signal)());

    bool m_takesEscape = false;
    bool m_takesFiles = false;
};
