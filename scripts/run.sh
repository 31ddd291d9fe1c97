#!/usr/bin/env bash
# Installs what is missing, builds, and starts Webex Desk. Arguments go to the app,
# e.g. `bash scripts/run.sh --demo`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-deps.sh"
bash "$here/build.sh"

app="$here/../build/src/app/webex-desk"
# Chromium (inside QtWebEngine) refuses to run as root with its sandbox; as root there is
# no way around turning it off. Ordinary users keep it.
if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting Webex Desk on a virtual display (xvfb-run)." >&2
    exec xvfb-run -a "$app" "$@"
fi
exec "$app" "$@"
