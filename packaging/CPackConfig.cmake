# Installer packages (CPack), one per OS, all made from the same install rules:
#   Linux    .deb and .rpm       `cmake --build build --target package` (cpack -G "DEB;RPM")
#   Windows  NSIS .exe installer  packaging/windows/Installer.cmake
#   macOS    DragNDrop .dmg       packaging/macos/Installer.cmake
# Included from packaging/CMakeLists.txt.

set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_VENDOR "Webex Desk")
set(CPACK_PACKAGE_CONTACT "${WEBEXDESK_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# PROJECT_DESCRIPTION without its article: package synopses start with a noun (lintian).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Native desktop client for Cisco Webex")
set(CPACK_PACKAGE_DESCRIPTION
    "Webex Desk is a native desktop client for Cisco Webex, written with Qt. Sign in with your "
    "Webex account inside the app and see who you are and every space you are in. The session "
    "is kept in the system keychain. A demo (--demo) needs no Webex account.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_SOURCE_DIR}/LICENSE.txt")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Webex Desk")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
# Only what ships (see packaging/CMakeLists.txt): not the tests.
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};webex-desk;/")
# Per generator settings, read by cpack for each generator it runs.
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake")
configure_file(CPackProjectConfig.cmake.in "${CPACK_PROJECT_CONFIG_FILE}" @ONLY)

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    include(linux/Packages.cmake)
elseif(WIN32)
    include(windows/Installer.cmake)
elseif(APPLE)
    include(macos/Installer.cmake)
endif()

include(CPack)
