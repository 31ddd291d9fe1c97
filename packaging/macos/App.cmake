# macOS, included from src/app/CMakeLists.txt after webex-desk is installed: "Webex Desk.app".
#  - Info.plist (Info.plist.in) with the bundle id, the version from project(VERSION) and the
#    icon, an .icns drawn from the SVG at build time (webexdesk-rendericons, packaging/icons);
#  - the sign-in helper and the demo's emulator in Contents/Helpers (src/signin and src/emulator
#    put them there, in the build tree as installed), where locateHelperProgram() looks;
#  - Qt's frameworks and plugins deployed into the bundle at install time by macdeployqt, for
#    the app and, with -executable, for the helper (QtWebEngineCore.framework carries
#    QtWebEngineProcess.app), then the bundle signed ad hoc, because macdeployqt rewrote the
#    binaries' library paths and Apple Silicon runs no unsigned code.

set(_icns "${CMAKE_CURRENT_BINARY_DIR}/webex-desk.icns")
set(_svg "${PROJECT_SOURCE_DIR}/resources/icons/webex-desk.svg")
add_custom_command(OUTPUT "${_icns}"
    COMMAND webexdesk-rendericons icns "${_svg}" "${_icns}"
    DEPENDS webexdesk-rendericons "${_svg}"
    COMMENT "Rendering webex-desk.icns"
    VERBATIM)
target_sources(webex-desk PRIVATE "${_icns}")
set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

set_target_properties(webex-desk PROPERTIES
    OUTPUT_NAME "${WEBEXDESK_MACOS_BUNDLE_NAME}"
    MACOSX_BUNDLE_INFO_PLIST "${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${WEBEXDESK_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_NAME "Webex Desk"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "webex-desk.icns"
    MACOSX_BUNDLE_COPYRIGHT "Webex Desk, ${WEBEXDESK_LICENSE} licence")

if(Qt6_VERSION VERSION_LESS 6.5)
    message(WARNING "The macOS bundle needs Qt 6.5 or later to deploy Qt into it "
                    "(qt_generate_deploy_script); it is not self-contained with Qt ${Qt6_VERSION}.")
    return()
endif()
set(_bundle "${WEBEXDESK_MACOS_BUNDLE_NAME}.app")
qt_generate_deploy_script(TARGET webex-desk OUTPUT_SCRIPT _webexdesk_deploy CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${_bundle}\"
    ADDITIONAL_EXECUTABLES \"${_bundle}/Contents/Helpers/$<TARGET_FILE_NAME:webex-desk-signin>\"
        \"${_bundle}/Contents/Helpers/$<TARGET_FILE_NAME:webex-emulator>\")
execute_process(
    COMMAND codesign --force --deep --sign - \"\${QT_DEPLOY_PREFIX}/${_bundle}\"
    COMMAND_ERROR_IS_FATAL ANY)
")
install(SCRIPT "${_webexdesk_deploy}" COMPONENT webex-desk)
