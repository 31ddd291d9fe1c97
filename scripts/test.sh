#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole Qt Test suite with CTest inside a
# private D-Bus session that has a real, unlocked Secret Service (gnome-keyring).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-deps.sh"
bash "$here/build.sh"
cd "$here/.."
exec bash "$here/ctest-in-session.sh" "$@"
