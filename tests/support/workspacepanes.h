#pragma once

#include <memory>

class AvatarCache;
class ConversationController;
class MainWindow;
class SpacesController;

// The signed-in workspace as AppController builds it, without a session: the main window
// showing its workspace (1000 x 700, on screen), its avatar cache, and the controllers of the
// spaces and of the open space, each driving its own pane. No client yet: a test begins the
// controllers with the WebexClient it wants (the emulator's, or a ScriptedWebex).
// The spaces' seen times are kept in QSettings: the test's own folder (QStandardPaths' test
// mode), emptied when the panes are made, so no test sees another's.
class WorkspacePanes
{
public:
    WorkspacePanes();
    ~WorkspacePanes(); // the controllers go before the panes they drive

    [[nodiscard]] MainWindow *window() const { return m_window.get(); }
    [[nodiscard]] AvatarCache *avatars() const { return m_avatars.get(); }
    [[nodiscard]] SpacesController *spaces() const { return m_spaces.get(); }
    [[nodiscard]] ConversationController *conversation() const { return m_conversation.get(); }

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<SpacesController> m_spaces;
    std::unique_ptr<ConversationController> m_conversation;
};
