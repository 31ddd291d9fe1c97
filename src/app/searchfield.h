#pragma once

#include <QLineEdit>

class QAction;

// A line edit to type a search into: a magnifier at its start and a Clear button at its end
// while it holds text, both drawn in the palette's placeholder colour and drawn again when the
// system switches between light and dark.
//
// Not QLineEdit::setClearButtonEnabled(): that one looks its icon up in the desktop's icon
// theme, 11 to 33 ms at the first use, on the way to the first frame (docs/BENCHMARKS.md).
class SearchField : public QLineEdit
{
    Q_OBJECT

public:
    explicit SearchField(QWidget *parent = nullptr);

    [[nodiscard]] QAction *searchIcon() const { return m_searchIcon; }
    // Named "clearButton"; its text "Clear" is what a screen reader says.
    [[nodiscard]] QAction *clearAction() const { return m_clear; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void tintIcons();

    QAction *m_searchIcon;
    QAction *m_clear;
};
