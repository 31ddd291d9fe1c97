# The macOS disk image: a DragNDrop .dmg with Webex Desk.app and a link to /Applications to drag
# it onto. Included from packaging/CPackConfig.cmake on macOS only; the bundle itself is made
# in packaging/macos/App.cmake. Not notarised: see README.

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "${PROJECT_NAME}-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_DMG_VOLUME_NAME "Webex Desk ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
