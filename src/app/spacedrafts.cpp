#include "spacedrafts.h"

#include "composer.h"
#include "store/localstore.h"

#include <QPlainTextEdit>

SpaceDrafts::SpaceDrafts(Composer *composer, QObject *parent)
    : QObject(parent), m_composer(composer)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &SpaceDrafts::keep);
    connect(m_composer->editor(), &QPlainTextEdit::textChanged, this, [this] {
        if (m_filling || m_roomId.isEmpty())
            return;
        m_drafts.insert(m_roomId, m_composer->text());
        m_saveTimer.start();
    });
}

SpaceDrafts::~SpaceDrafts()
{
    if (m_saveTimer.isActive())
        keep();
}

void SpaceDrafts::setStore(LocalStore *store)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (store)
        connect(store, &LocalStore::draftRead, this, &SpaceDrafts::onDraftRead);
}

void SpaceDrafts::keep()
{
    m_saveTimer.stop();
    if (m_roomId.isEmpty() || !m_store)
        return;
    const QString text = m_drafts.value(m_roomId);
    m_store->saveDraft(m_roomId, text.size() > MaxStoredLength ? QString() : text);
}

void SpaceDrafts::switchTo(const QString &roomId)
{
    if (roomId == m_roomId)
        return;
    if (m_saveTimer.isActive())
        keep(); // the space left's draft, as it is now
    m_roomId = roomId;
    m_filling = true;
    const auto known = m_drafts.constFind(roomId);
    m_composer->setText(known == m_drafts.constEnd() ? QString() : *known);
    m_filling = false;
    if (known == m_drafts.constEnd() && !roomId.isEmpty() && m_store)
        m_store->readDraft(roomId);
}

void SpaceDrafts::onDraftRead(const QString &roomId, const QString &text)
{
    // Only into an untouched composer of that space: nothing typed meanwhile is replaced.
    if (roomId != m_roomId || text.isEmpty() || m_drafts.contains(roomId) ||
        !m_composer->text().isEmpty())
        return;
    m_filling = true;
    m_composer->setText(text);
    m_filling = false;
    m_drafts.insert(roomId, text);
}

void SpaceDrafts::restoreUnsent(const QString &roomId, const QString &text)
{
    const auto known = m_drafts.find(roomId);
    if (known != m_drafts.end()) {
        *known = known->isEmpty() ? text : *known + QLatin1Char('\n') + text;
        if (m_store)
            m_store->saveDraft(roomId, *known);
    } else if (m_store) {
        m_store->appendToDraft(roomId, text); // after the draft kept there, if any
    } else {
        m_drafts.insert(roomId, text);
    }
}

void SpaceDrafts::end()
{
    if (m_saveTimer.isActive())
        keep();
    m_roomId.clear();
    m_drafts.clear();
    m_filling = true;
    m_composer->setText(QString());
    m_filling = false;
}
