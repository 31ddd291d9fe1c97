#include "messageeditbox.h"

#include "messagetextedit.h"

#include <utility>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

MessageEditBox::MessageEditBox(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(tr("Editing your message"), this)),
      m_edit(new MessageTextEdit(this)), m_save(new QPushButton(tr("&Save"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_problem(new QLabel(this))
{
    m_heading->setObjectName(QStringLiteral("editHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);

    m_edit->setObjectName(QStringLiteral("editEdit"));
    m_edit->setAccessibleName(tr("Edit message"));
    m_edit->setAccessibleDescription(tr("Enter saves, Escape cancels, Shift+Enter starts a new "
                                        "line; markdown is allowed"));
    connect(m_edit, &MessageTextEdit::submitted, this, &MessageEditBox::save);
    m_edit->setTakesEscape(true);
    connect(m_edit, &MessageTextEdit::escaped, this, &MessageEditBox::cancel);

    m_save->setObjectName(QStringLiteral("editSaveButton"));
    m_save->setAccessibleName(tr("Save the edited message"));
    m_cancel->setObjectName(QStringLiteral("editCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel editing"));

    m_problem->setObjectName(QStringLiteral("editProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problem->setVisible(false);

    auto *buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_save);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_problem);
    layout->addLayout(row);

    connect(m_save, &QPushButton::clicked, this, &MessageEditBox::save);
    connect(m_cancel, &QPushButton::clicked, this, &MessageEditBox::cancel);
    connect(m_edit, &MessageTextEdit::textChanged, this,
            [this] { m_save->setEnabled(!m_saving && !text().trimmed().isEmpty()); });
}

void MessageEditBox::begin(const QString &messageId, const QString &markdown)
{
    m_messageId = messageId;
    m_original = markdown;
    setSaving(false);
    showProblem({});
    m_edit->setPlainText(markdown);
    m_edit->moveCursor(QTextCursor::End);
    m_edit->setFocus(Qt::OtherFocusReason);
}

QString MessageEditBox::text() const
{
    return m_edit->toPlainText();
}

void MessageEditBox::setSaving(bool saving)
{
    m_saving = saving;
    m_edit->setReadOnly(saving);
    m_save->setEnabled(!saving && !text().trimmed().isEmpty());
    m_heading->setText(saving ? tr("Saving your message…") : tr("Editing your message"));
}

void MessageEditBox::showProblem(const QString &reason)
{
    m_problem->setText(reason);
    m_problem->setAccessibleName(reason);
    m_problem->setVisible(!reason.isEmpty());
}

QString MessageEditBox::problem() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

void MessageEditBox::save()
{
    if (m_saving || m_messageId.isEmpty())
        return;
    const QString markdown = text();
    if (markdown == m_original) {
        cancel(); // nothing changed: no request, no "edited" mark
        return;
    }
    if (markdown.trimmed().isEmpty()) {
        showProblem(tr("A message cannot be empty. To remove it, delete it instead."));
        return;
    }
    if (const QString tooLong = MessageTextEdit::tooLongText(markdown); !tooLong.isEmpty()) {
        showProblem(tooLong);
        return;
    }
    showProblem({});
    emit saveRequested(m_messageId, markdown);
}

void MessageEditBox::cancel()
{
    if (m_messageId.isEmpty())
        return;
    const QString id = std::exchange(m_messageId, QString());
    setSaving(false);
    showProblem({});
    emit cancelled(id);
}
