#!/usr/bin/env bash
# Runs CTest with a real Secret Service: scripts/in-keyring-session.sh gives it a private
# D-Bus session with a throwaway, unlocked gnome-keyring in a temporary HOME. Arguments go to
# ctest (e.g. `-R sessionstore`). It tests ./build (CTest's default preset), or the build
# directory WEBEXDESK_BUILD_DIR names. Calling it inside `dbus-run-session --`, as older
# instructions say, works too: the keyring still gets a session of its own.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${WEBEXDESK_BUILD_DIR:-}" ]; then
    exec bash "$here/in-keyring-session.sh" \
        ctest --test-dir "$WEBEXDESK_BUILD_DIR" --output-on-failure --timeout 600 "$@"
fi
cd "$here/.."
exec bash "$here/in-keyring-session.sh" ctest --preset default --timeout 600 "$@"
