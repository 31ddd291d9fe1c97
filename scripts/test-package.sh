#!/usr/bin/env bash
# The package test, run by .ci/run after the test suite. As root (it installs a package):
#  1. builds the .deb and .rpm (`package` target) and checks `cmake --install` to a prefix;
#  2. validates the .desktop file and the AppStream metainfo, runs lintian (no errors allowed);
#  3. installs the .deb with apt-get, checks what landed, and runs the INSTALLED webex-desk
#     through a sign-in against the emulator (tests/package/tst_installedpackage), headless;
#  4. removes the package and checks its files are gone.
# It binds port 5000 for the sign-in, so it never runs alongside the suite. The build
# directory is ./build (the README's), or WEBEXDESK_BUILD_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
build="${WEBEXDESK_BUILD_DIR:-build}"
app_id="io.github.webexdesk.WebexDesk"

if [ "$(id -u)" -ne 0 ]; then
    echo "test-package.sh installs a package: run it as root (CI does)." >&2
    exit 1
fi
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "Dependencies and build"
bash scripts/install-deps.sh
if [ ! -f "$build/CMakeCache.txt" ]; then
    if [ "$build" = build ]; then
        cmake --preset default
    else
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
fi
rm -f "$build"/webex-desk_*.deb "$build"/webex-desk-*.rpm
# `package` builds everything first, then runs cpack for DEB and RPM in one go.
cmake --build "$build" -j"$(nproc)" --target package tst_installedpackage
deb=$(ls "$build"/webex-desk_*.deb)
rpm_file=$(ls "$build"/webex-desk-*.rpm)
ls -l "$deb" "$rpm_file"

step "cmake --install to a prefix of our own"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/webex-desk" --version
[ -x "$prefix/libexec/webex-desk/webex-desk-signin" ] || fail "no helper under $prefix/libexec"
[ -x "$prefix/libexec/webex-desk/webex-emulator" ] || fail "no demo emulator under $prefix/libexec"

step "Desktop file and AppStream metainfo"
desktop-file-validate "resources/$app_id.desktop"
appstreamcli validate --no-net "$build/packaging/$app_id.metainfo.xml"

step "lintian"
lintian --fail-on error "$deb"
echo "lintian: no errors"
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6svg6 libqt6sql6-sqlite libqt6webenginecore6-bin libqt6keychain1; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done

step "RPM contents"
rpm -qpl "$rpm_file" | tee "$prefix/rpm-files" | grep -c . | sed 's/^/files: /'
grep -qx /usr/bin/webex-desk "$prefix/rpm-files" || fail "the RPM has no /usr/bin/webex-desk"
grep -qx /usr/libexec/webex-desk/webex-desk-signin "$prefix/rpm-files" || fail "no helper in the RPM"
# The demo's Webex is a helper program beside the sign-in helper, never a command on PATH.
grep -qx /usr/libexec/webex-desk/webex-emulator "$prefix/rpm-files" || fail "no demo emulator in the RPM"
! grep -q /usr/bin/webex-emulator "$prefix/rpm-files" || fail "the emulator is on PATH in the RPM"
rpm -qpR "$rpm_file" | grep -q '^libQt6WebEngineCore' || fail "the RPM does not require QtWebEngine"

step "Install the .deb"
if dpkg-query -W -f='${Status}' webex-desk 2>/dev/null | grep -q "install ok installed"; then
    fail "webex-desk is installed already; remove it first (this test removes what it installs)"
fi
trap 'apt-get remove -y webex-desk >/dev/null 2>&1 || true; rm -rf "$prefix"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "./$deb"
dpkg -L webex-desk > "$prefix/deb-files"

step "What landed"
[ -x /usr/bin/webex-desk ] || fail "no /usr/bin/webex-desk"
[ -x /usr/libexec/webex-desk/webex-desk-signin ] || fail "no sign-in helper"
[ -x /usr/libexec/webex-desk/webex-emulator ] || fail "no demo emulator"
! grep -q /usr/bin/webex-emulator "$prefix/deb-files" || fail "the emulator is on PATH in the .deb"
# The shipped app links no test double: neither the emulator's HTTP server nor QtWebEngine.
if ldd /usr/bin/webex-desk | grep -Eq 'libQt6HttpServer|libQt6WebEngine'; then
    fail "webex-desk links QtHttpServer or QtWebEngine"
fi
desktop-file-validate "/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml"
for size in 16 22 24 32 48 64 128 256 512; do
    [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" ] || fail "no ${size}px icon"
done
[ -s "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no SVG icon"
# Docker's Debian images drop /usr/share/man at install (dpkg path-exclude): then check the
# page in the package instead.
if grep -rqs 'path-exclude=*/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
    dpkg-deb -c "$deb" | grep -q 'usr/share/man/man1/webex-desk.1.gz' || fail "no man page"
else
    [ -s /usr/share/man/man1/webex-desk.1.gz ] || fail "no man page"
    # roff escapes the dashes of options: \-\-demo
    zcat /usr/share/man/man1/webex-desk.1.gz | grep -qF '\-\-demo' || fail "man page lacks --demo"
    man -w webex-desk >/dev/null || fail "man does not find webex-desk"
fi
if readelf -d /usr/bin/webex-desk /usr/libexec/webex-desk/webex-desk-signin \
    /usr/libexec/webex-desk/webex-emulator | grep -Eq 'RPATH|RUNPATH'; then
    fail "an installed program has an RPATH/RUNPATH: it must load the system's Qt only"
fi

step "The installed app signs in against the emulator"
# Port 5000 is the sign-in's: give another run that holds it (a test suite) time to finish.
for _ in $(seq 300); do
    (exec 3<>/dev/tcp/127.0.0.1/5000) 2>/dev/null || break
    sleep 1
done
# A private D-Bus session with a throwaway, unlocked gnome-keyring, as the suite uses.
bash scripts/in-keyring-session.sh env \
    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \
    QT_LOGGING_RULES="qt.webenginecontext.debug=false" \
    WEBEXDESK_INSTALLED_APP=/usr/bin/webex-desk \
    timeout 600 "$build/tests/package/tst_installedpackage"

step "Remove the package"
DEBIAN_FRONTEND=noninteractive apt-get remove -y webex-desk
trap 'rm -rf "$prefix"' EXIT
if dpkg-query -W -f='${Status}' webex-desk 2>/dev/null | grep -q "install ok installed"; then
    fail "webex-desk is still installed"
fi
left=0
while read -r path; do
    if [ -f "$path" ] || [ -L "$path" ]; then
        echo "left behind: $path" >&2
        left=1
    fi
done < "$prefix/deb-files"
[ "$left" -eq 0 ] || fail "files of the package are left after removal"
echo
echo "Package test passed: $(basename "$deb"), $(basename "$rpm_file")"
