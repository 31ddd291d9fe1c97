#!/usr/bin/env bash
# Usage: bash scripts/in-keyring-session.sh CMD [ARG...]
# Runs CMD in a private D-Bus session (dbus-run-session) with a throwaway, unlocked
# gnome-keyring, so QtKeychain talks to a real Secret Service and nothing touches the
# caller's own keychain: HOME and the XDG directories are fresh temporary ones, the keyring
# files included. CMD's exit status is the script's.
# Used by scripts/ctest-in-session.sh (the test suite) and scripts/test-package.sh (the
# installed app's sign-in).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 CMD [ARG...]" >&2
    exit 2
fi

# Always a session of our own, even when the caller is in one already (its keyring may be
# the person's real one): the script starts itself again inside dbus-run-session, and the
# marker argument tells that second run where it is.
if [ "$1" != --inside-private-session ]; then
    exec dbus-run-session -- bash "$0" --inside-private-session "$@"
fi
shift

export HOME="$(mktemp -d)"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$HOME/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The password only guards the throwaway keyring in this temporary HOME.
eval "$(printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# The daemon takes the Secret Service's bus name a moment after --unlock returns. A client that
# comes first gets a second daemon started by D-Bus activation, which knows nothing of the
# unlocked keyring and asks for a password on a display there is none of: wait for the name.
secrets_owned() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q true
}
for _ in $(seq 100); do
    secrets_owned && break
    sleep 0.1
done
secrets_owned || echo "in-keyring-session.sh: gnome-keyring has not taken the Secret Service's name" >&2
exec "$@"
