#include "statebanner.h"

#include "themedicons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int IconSize = 20;
}

StateBanner::StateBanner(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_busy(new QProgressBar(this)), m_retry(new QPushButton(tr("&Retry"), this))
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    m_icon->setFixedSize(IconSize, IconSize);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText); // error texts carry server words: never markup
    m_text->setObjectName(QStringLiteral("stateText"));
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_retry, 0, Qt::AlignTop);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry"));

    // A busy bar, not a percentage: Webex does not say how many pages there are.
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Loading"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(row);
    layout->addWidget(m_busy);

    connect(m_retry, &QPushButton::clicked, this, &StateBanner::retryRequested);
    setVisible(false);
}

void StateBanner::showLoading(const QString &text)
{
    show(State::Loading, text);
}

void StateBanner::showWaiting(const QString &text)
{
    show(State::Waiting, text);
}

void StateBanner::setWaitingAction(const QString &text, const QString &accessibleName)
{
    m_waitingActionText = text;
    m_waitingActionName = accessibleName;
    if (m_state == State::Waiting)
        show(m_state, m_text->text());
}

void StateBanner::showNotice(const QString &text)
{
    show(State::Notice, text);
}

void StateBanner::showEmpty(const QString &text)
{
    show(State::Empty, text);
}

void StateBanner::showError(const QString &text)
{
    show(State::Error, text);
}

void StateBanner::clear()
{
    show(State::Hidden, {});
}

QString StateBanner::text() const
{
    return m_text->text();
}

void StateBanner::show(State state, const QString &text)
{
    m_state = state;
    m_text->setText(text);
    // Screen readers read the banner as one thing: what is going on, and that Retry exists.
    // The setter tells them it changed (QAccessible::NameChanged), so a new sentence is heard
    // without the focus moving to it.
    setAccessibleName(text);
    m_busy->setVisible(state == State::Loading);
    m_retry->setVisible(state == State::Error || state == State::Waiting);
    if (state == State::Waiting) {
        m_retry->setText(m_waitingActionText.isEmpty() ? tr("Retry &now") : m_waitingActionText);
        m_retry->setAccessibleName(m_waitingActionName.isEmpty() ? tr("Retry now")
                                                                 : m_waitingActionName);
    } else {
        m_retry->setText(tr("&Retry"));
        m_retry->setAccessibleName(tr("Retry"));
    }
    updateIcon();
    setVisible(state != State::Hidden);
}

void StateBanner::updateIcon()
{
    m_icon->setVisible(m_state == State::Error);
    if (m_state == State::Error)
        m_icon->setPixmap(ThemedIcons::pixmap(QStringLiteral("warning"), IconSize,
                                              palette().color(QPalette::WindowText),
                                              devicePixelRatioF()));
}

void StateBanner::changeEvent(QEvent *event)
{
    // A switch between light and dark themes: redraw the icon in the new text colour.
    if (event->type() == QEvent::PaletteChange)
        updateIcon();
    QWidget::changeEvent(event);
}
