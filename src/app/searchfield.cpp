#include "searchfield.h"

#include "themedicons.h"

#include <QAction>
#include <QEvent>

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent), m_searchIcon(addAction(QIcon(), QLineEdit::LeadingPosition)),
      m_clear(addAction(QIcon(), QLineEdit::TrailingPosition))
{
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear"));
    m_clear->setVisible(false);
    connect(m_clear, &QAction::triggered, this, &QLineEdit::clear);
    connect(this, &QLineEdit::textChanged, m_clear,
            [this](const QString &text) { m_clear->setVisible(!text.isEmpty()); });
    tintIcons();
}

void SearchField::tintIcons()
{
    const QColor color = palette().color(QPalette::PlaceholderText);
    m_searchIcon->setIcon(ThemedIcons::icon(QStringLiteral("search"), color, color));
    m_clear->setIcon(ThemedIcons::icon(QStringLiteral("clear"), color, color));
}

void SearchField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        tintIcons();
    QLineEdit::changeEvent(event);
}
