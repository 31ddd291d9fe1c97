#pragma once

#include <QPlainTextEdit>

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

signals:
    void submitted();   ///< Enter (or the keypad's), without modifiers.
    void escaped();     ///< Escape.
    void upWhenEmpty(); ///< Up with nothing written (the composer: edit your last message).

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Emits `signal` and accepts the key when something is connected to it.
    bool takeKey(QKeyEvent *event, void (MessageTextEdit::*signal)());

    bool m_takesEscape = false;
};
