#include "workspacepanes.h"

#include "avatarcache.h"
#include "conversationcontroller.h"
#include "mainwindow.h"
#include "spacescontroller.h"

#include <QSettings>
#include <QStandardPaths>

WorkspacePanes::WorkspacePanes()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_avatars = std::make_unique<AvatarCache>();
    m_window->setAvatarCache(m_avatars.get());
    m_spaces = std::make_unique<SpacesController>(m_window->roomsPane());
    m_conversation = std::make_unique<ConversationController>(
        m_window->messagesPane(), m_spaces->roomModel(), m_avatars.get());
    m_window->resize(1000, 700);
    m_window->show();
    m_window->showWorkspace();
}

WorkspacePanes::~WorkspacePanes()
{
    m_conversation.reset();
    m_window.reset();
    m_spaces.reset();
    m_avatars.reset();
}
