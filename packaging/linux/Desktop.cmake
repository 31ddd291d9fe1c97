# Linux desktop integration (freedesktop.org): the .desktop file, the AppStream metainfo, the
# icon in the hicolor theme (SVG plus PNGs rendered at build time), the man page made from
# --help at build time, and the Debian documentation files. Included from packaging/.

set(_id "${WEBEXDESK_APP_ID}")
set(_doc "${CMAKE_INSTALL_DATADIR}/doc/${PROJECT_NAME}")

install(FILES "${PROJECT_SOURCE_DIR}/resources/${_id}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT webex-desk)

# The screenshots as the repository serves them at the release's tag, which the release
# workflow creates (v<version>): software centres show what this version looks like.
set(WEBEXDESK_SCREENSHOT_BASE
    "https://raw.githubusercontent.com/webex-desk/webex-desk/v${PROJECT_VERSION}/docs/screenshots")
configure_file("${PROJECT_SOURCE_DIR}/resources/${_id}.metainfo.xml.in"
               "${CMAKE_CURRENT_BINARY_DIR}/${_id}.metainfo.xml" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/${_id}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT webex-desk)

# Icons. The SVG serves every size; the PNGs are for what does not draw SVG (some docks,
# notification daemons, older software centres), in the sizes the hicolor theme lists.
set(_icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/webex-desk.svg")
install(FILES "${_icon_svg}" RENAME "${_id}.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT webex-desk)
set(_pngs "")
foreach(_size 16 22 24 32 48 64 128 256 512)
    set(_png "${CMAKE_CURRENT_BINARY_DIR}/icons/${_size}x${_size}/${_id}.png")
    add_custom_command(OUTPUT "${_png}"
        COMMAND webexdesk-rendericons png "${_icon_svg}" ${_size} "${_png}"
        DEPENDS webexdesk-rendericons "${_icon_svg}"
        COMMENT "Rendering the ${_size}x${_size} app icon"
        VERBATIM)
    list(APPEND _pngs "${_png}")
    install(FILES "${_png}"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps"
            COMPONENT webex-desk)
endforeach()

# The man page, from the real --help and --version, so it cannot drift from the program.
# help2man (Debian's package of that name) formats it; --help runs without a display. Off for
# builds that need no man page and lack help2man (the Flatpak).
option(WEBEXDESK_MAN_PAGE "Generate the man page from --help with help2man" ON)
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(_man_outputs "")
if(WEBEXDESK_MAN_PAGE)
    find_program(HELP2MAN_EXECUTABLE help2man)
    if(NOT HELP2MAN_EXECUTABLE)
        message(FATAL_ERROR "The man page needs help2man (bash scripts/install-deps.sh installs "
                            "it), or configure with -DWEBEXDESK_MAN_PAGE=OFF.")
    endif()
    set(_man "${CMAKE_CURRENT_BINARY_DIR}/man/webex-desk.1")
    add_custom_command(OUTPUT "${_man}.gz"
        # SOURCE_DATE_EPOCH: the page is dated with the release, not with the build.
        COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${WEBEXDESK_RELEASE_EPOCH}
                "${HELP2MAN_EXECUTABLE}" --no-info --section=1
                "--name=${PROJECT_DESCRIPTION}"
                "--include=${CMAKE_CURRENT_SOURCE_DIR}/linux/webex-desk.h2m"
                "--output=${_man}" "$<TARGET_FILE:webex-desk>"
        # Debian policy: man pages compressed with gzip -9, without a time stamp (-n).
        COMMAND "${GZIP_EXECUTABLE}" -9 -n -f "${_man}"
        DEPENDS webex-desk "${CMAKE_CURRENT_SOURCE_DIR}/linux/webex-desk.h2m"
        COMMENT "Generating the man page webex-desk.1 from --help"
        VERBATIM)
    list(APPEND _man_outputs "${_man}.gz")
    install(FILES "${_man}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT webex-desk)
endif()

# Documentation every package carries: the licence and copyright (Debian policy 12.5) and the
# upstream changelog.
install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/linux/copyright"
        DESTINATION "${_doc}" COMPONENT webex-desk)
set(_upstream_changelog "${CMAKE_CURRENT_BINARY_DIR}/doc/changelog")
configure_file("${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${_upstream_changelog}" COPYONLY)

# The Debian changelog, in the format dpkg-parsechangelog reads, made from CHANGELOG.md's
# section of this version. Only the .deb carries it (component "debian", see CPackConfig).
function(_webexdesk_wrap out text)
    # Debian changelog lines stay within 80 columns: "  * " or "    " and 76 more.
    string(REGEX MATCHALL "[^ ]+" _words "${text}")
    set(_lines "")
    set(_line "")
    foreach(_word IN LISTS _words)
        string(LENGTH "${_line} ${_word}" _length)
        if(_line STREQUAL "")
            set(_line "${_word}")
        elseif(_length GREATER 76)
            string(APPEND _lines "${_line}\n    ")
            set(_line "${_word}")
        else()
            string(APPEND _line " ${_word}")
        endif()
    endforeach()
    set(${out} "${_lines}${_line}" PARENT_SCOPE)
endfunction()
set(_debian_entries "")
foreach(_note IN LISTS WEBEXDESK_RELEASE_NOTES)
    string(REPLACE "`" "" _note "${_note}")
    _webexdesk_wrap(_wrapped "${_note}")
    string(APPEND _debian_entries "  * ${_wrapped}\n")
endforeach()
set(_debian_changelog "${CMAKE_CURRENT_BINARY_DIR}/doc/changelog.Debian")
file(WRITE "${_debian_changelog}.in"
     "${PROJECT_NAME} (${PROJECT_VERSION}-${WEBEXDESK_PACKAGE_RELEASE}) unstable; urgency=medium\n\n"
     "${_debian_entries}\n"
     " -- ${WEBEXDESK_MAINTAINER}  ${WEBEXDESK_RELEASE_RFC2822}\n")
configure_file("${_debian_changelog}.in" "${_debian_changelog}" COPYONLY)
# The RPM's %changelog, from the same notes.
set(_rpm_entries "")
foreach(_note IN LISTS WEBEXDESK_RELEASE_NOTES)
    string(REPLACE "`" "" _note "${_note}")
    string(APPEND _rpm_entries "- ${_note}\n")
endforeach()
string(REGEX REPLACE "^([A-Za-z]+), ([0-9]+) ([A-Za-z]+) ([0-9]+).*$" "\\1 \\3 \\2 \\4"
       _rpm_date "${WEBEXDESK_RELEASE_RFC2822}")
set(WEBEXDESK_RPM_CHANGELOG "${CMAKE_CURRENT_BINARY_DIR}/doc/rpm-changelog")
file(WRITE "${WEBEXDESK_RPM_CHANGELOG}.in"
     "* ${_rpm_date} ${WEBEXDESK_MAINTAINER} - ${PROJECT_VERSION}-${WEBEXDESK_PACKAGE_RELEASE}\n"
     "${_rpm_entries}")
configure_file("${WEBEXDESK_RPM_CHANGELOG}.in" "${WEBEXDESK_RPM_CHANGELOG}" COPYONLY)

add_custom_command(OUTPUT "${_upstream_changelog}.gz" "${_debian_changelog}.gz"
    COMMAND "${GZIP_EXECUTABLE}" -9 -n -k -f "${_upstream_changelog}" "${_debian_changelog}"
    DEPENDS "${_upstream_changelog}" "${_debian_changelog}"
    COMMENT "Compressing the changelogs"
    VERBATIM)
install(FILES "${_upstream_changelog}.gz" DESTINATION "${_doc}" COMPONENT webex-desk)
install(FILES "${_debian_changelog}.gz" DESTINATION "${_doc}" COMPONENT debian EXCLUDE_FROM_ALL)
# Lintian wants a first Debian revision to close an ITP bug; this package is not for the
# Debian archive, so there is none.
install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/linux/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME "${PROJECT_NAME}"
        COMPONENT debian EXCLUDE_FROM_ALL)

add_custom_target(webexdesk-desktop-files ALL
    DEPENDS ${_pngs} ${_man_outputs} "${_upstream_changelog}.gz" "${_debian_changelog}.gz")
