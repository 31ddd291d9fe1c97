#pragma once

#include <QString>

class MainWindow;
class QLabel;

// What the main window's header shows of who is signed in, as a person reads it.
namespace ShownProfile {

[[nodiscard]] QString name(const MainWindow &window);  // or what stands in its place
[[nodiscard]] QString email(const MainWindow &window); // the primary address
[[nodiscard]] const QLabel *picture(const MainWindow &window);

} // namespace ShownProfile
