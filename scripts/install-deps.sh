#!/usr/bin/env bash
# Installs the Debian 12 packages Webex Desk needs to build, run and test, skipping the
# ones already there (so a ready machine needs neither network nor root).
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config libgl-dev
    qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-webengine-dev-tools qt6-websockets-dev
    libqt6webenginecore6-bin qt6-networkauth-dev qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev
    # the local store (src/core/store): Qt's SQLite driver
    libqt6sql6-sqlite
    # message markup (src/core/model/safehtml): libxml2's HTML parser and md4c for markdown
    libxml2-dev libmd4c-dev
    # run: the X11/Wayland platform plugins and a font
    qt6-qpa-plugins qt6-wayland libqt6svg6 fonts-dejavu-core
    # test: a private D-Bus session with a real Secret Service (gnome-keyring), a virtual
    # display for screenshots, openssl for the tests' self-signed certificates, xdotool for
    # the screenshot script's click
    dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth imagemagick openssl xdotool
    # packages (packaging/, scripts/test-package.sh): the icon renderer's QtSvg, help2man for
    # the man page, rpmbuild for the .rpm, and the checkers of the .desktop file, the
    # AppStream metainfo and the .deb
    qt6-svg-dev help2man rpm desktop-file-utils appstream lintian
    # clang: the sanitizer and libFuzzer builds (test-sanitizers.sh, fuzz.sh); lld links those
    # and, where it is installed, the default build (a fifth of GNU ld's time)
    clang libclang-rt-14-dev lld
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
