# The Linux packages: a .deb (Debian 12, Ubuntu) and an .rpm (Fedora's package names), from one
# invocation: `cmake --build build --target package`, or `cpack` in the build directory.
# Both install to /usr and depend on the distribution's Qt 6, found from the binaries'
# libraries (dpkg-shlibdeps, rpm's find-requires), plus what no linker sees: plugins and
# QtWebEngine's process. Included from packaging/CPackConfig.cmake.

set(CPACK_GENERATOR "DEB")
find_program(RPMBUILD_EXECUTABLE rpmbuild)
if(RPMBUILD_EXECUTABLE)
    list(APPEND CPACK_GENERATOR "RPM")
else()
    message(STATUS "rpmbuild not found: `package` makes the .deb only (apt-get install rpm)")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # webex-desk_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE "${WEBEXDESK_PACKAGE_RELEASE}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not linked, so not seen by dpkg-shlibdeps, but needed at run time: libqt6svg6, the SVG icon
# engine and image plugin (the window icon). QtWebEngineProcess (libqt6webenginecore6-bin),
# which draws the sign-in page, is only recommended by the library package, but Debian's shlibs
# file of libQt6WebEngineCore names it, so dpkg-shlibdeps adds it; scripts/test-package.sh
# checks that it is in Depends. libqt6sql6-sqlite: QtSql's SQLite driver, a plugin loaded at run
# time for the local store (docs/STORE.md); libqt6sql6, which dpkg-shlibdeps finds, does not pull
# it in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, libqt6sql6-sqlite")
# The long description wrapped for 80 columns (lintian); the synopsis is the summary.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Webex Desk is a native desktop client for Cisco Webex, written with Qt.
Sign in with your Webex account inside the app and see who you are and
every space you are in, most recent activity first.
.
The session is kept in the system keychain (the Secret Service), never in
a file. A demo (webex-desk --demo) needs no Webex account.")
# The Wayland platform plugin, for a Wayland session without XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

# RPM (Fedora's names; openSUSE's differ, see README)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT) # webex-desk-0.1.0-1.x86_64.rpm
set(CPACK_RPM_PACKAGE_RELEASE "${WEBEXDESK_PACKAGE_RELEASE}")
set(CPACK_RPM_PACKAGE_LICENSE "${WEBEXDESK_LICENSE}")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
# It provides no library for others to link.
set(CPACK_RPM_PACKAGE_AUTOPROV OFF)
# QtSql's SQLite driver: Fedora ships it in qt6-qtbase itself, which AUTOREQ pulls in through
# libQt6Sql (unverified here: no Fedora machine; see README).
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg, qt6-qtwebengine")
set(CPACK_RPM_CHANGELOG_FILE "${WEBEXDESK_RPM_CHANGELOG}")
# Directories the system owns (the filesystem and hicolor-icon-theme packages): listing them
# in the package would make rpm report conflicts.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/libexec /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps /usr/share/doc)
foreach(_size 16 22 24 32 48 64 128 256 512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${_size}x${_size} /usr/share/icons/hicolor/${_size}x${_size}/apps)
endforeach()

# The programs that ship (the app, the sign-in helper, the demo's emulator): full RELRO and
# immediate binding (lintian: hardening-no-bindnow), so their GOT is read-only once they run;
# and no RUNPATH when installed (Debian policy 10.2): qt_standard_project_setup() gives them
# $ORIGIN/../lib, but they load only the system's libraries, from the system's paths.
foreach(_program webex-desk webex-desk-signin webex-emulator)
    target_link_options(${_program} PRIVATE "LINKER:-z,relro" "LINKER:-z,now")
    set_target_properties(${_program} PROPERTIES INSTALL_RPATH "")
endforeach()
