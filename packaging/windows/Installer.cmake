# The Windows installer: NSIS (webex-desk-<version>-win64.exe), and a ZIP of the same files for
# those who want no installer. Included from packaging/CPackConfig.cmake on Windows only.
# Per-machine install in Program Files\Webex Desk: bin\ holds both programs with Qt deployed
# beside them (packaging/windows/App.cmake). A Start-menu entry, an entry in Apps & Features
# with the uninstaller, and an older version uninstalled first.

set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_PACKAGE_FILE_NAME "${PROJECT_NAME}-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Webex Desk")
# The Start-menu shortcut: bin\webex-desk.exe, named "Webex Desk".
set(CPACK_PACKAGE_EXECUTABLES "webex-desk" "Webex Desk")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_PACKAGE_NAME "Webex Desk")
set(CPACK_NSIS_DISPLAY_NAME "Webex Desk")
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall Webex Desk")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\webex-desk.exe")
# NSIS wants Windows paths for its own icons.
file(TO_NATIVE_PATH "${PROJECT_BINARY_DIR}/src/app/webex-desk.ico" _nsis_icon)
string(REPLACE "\\" "\\\\" _nsis_icon "${_nsis_icon}")
set(CPACK_NSIS_MUI_ICON "${_nsis_icon}")
set(CPACK_NSIS_MUI_UNIICON "${_nsis_icon}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "webex-desk.exe")
