#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole Qt Test suite with CTest inside a
# private D-Bus session that has a real, unlocked Secret Service (gnome-keyring).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-deps.sh"
bash "$here/build.sh"
cd "$here/.."
# As many tests at once as there are cores: most of them wait on sockets and timers, and the
# ones that bind port 5000 take turns (RESOURCE_LOCK). Half the time of one at a time here.
exec bash "$here/ctest-in-session.sh" -j"$(nproc)" "$@"
