#!/usr/bin/env bash
# Runs inside `dbus-run-session`: unlocks a throwaway gnome-keyring so QtKeychain talks to
# a real Secret Service, then runs CTest. The keyring lives in a temporary home.
set -euo pipefail
export HOME="$(mktemp -d)"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_RUNTIME_DIR="$HOME/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
ctest --preset default --timeout 600 "$@"
