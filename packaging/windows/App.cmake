# Windows, included from src/app/CMakeLists.txt after webex-desk is installed:
#  - the icon and version information of webex-desk.exe (Explorer, taskbar, Start menu),
#    drawn from the SVG at build time (webexdesk-rendericons, packaging/icons);
#  - Qt deployed next to the programs at install time by windeployqt, through Qt's deployment
#    API: the DLLs and plugins the three need (webex-emulator, the demo's Webex, brings
#    QtHttpServer), and for the sign-in helper QtWebEngineProcess.exe, its
#    resources and locales; qt.conf tells both where they are.

set(_ico "${CMAKE_CURRENT_BINARY_DIR}/webex-desk.ico")
set(_svg "${PROJECT_SOURCE_DIR}/resources/icons/webex-desk.svg")
add_custom_command(OUTPUT "${_ico}"
    COMMAND webexdesk-rendericons ico "${_svg}" "${_ico}"
    DEPENDS webexdesk-rendericons "${_svg}"
    COMMENT "Rendering webex-desk.ico"
    VERBATIM)
set(WEBEXDESK_ICO "${_ico}")
configure_file("${PROJECT_SOURCE_DIR}/packaging/windows/webex-desk.rc.in"
               "${CMAKE_CURRENT_BINARY_DIR}/webex-desk.rc" @ONLY)
target_sources(webex-desk PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/webex-desk.rc" "${_ico}")
set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/webex-desk.rc"
    PROPERTIES OBJECT_DEPENDS "${_ico}")

# A QtKeychain built as a DLL is not Qt's, so windeployqt leaves it out; the release workflow
# builds it static, this covers a shared one.
if(TARGET qt6keychain)
    get_target_property(_keychain_type qt6keychain TYPE)
    if(_keychain_type STREQUAL "SHARED_LIBRARY")
        install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT webex-desk)
    endif()
endif()

if(Qt6_VERSION VERSION_LESS 6.5)
    message(WARNING "The Windows installer needs Qt 6.5 or later (qt_generate_deploy_script); "
                    "`cmake --install` and cpack will not deploy Qt with Qt ${Qt6_VERSION}.")
    return()
endif()
qt_generate_deploy_script(TARGET webex-desk OUTPUT_SCRIPT _webexdesk_deploy CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:webex-desk>\"
    ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:webex-desk-signin>\"
        \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:webex-emulator>\"
    GENERATE_QT_CONF)
")
install(SCRIPT "${_webexdesk_deploy}" COMPONENT webex-desk)
