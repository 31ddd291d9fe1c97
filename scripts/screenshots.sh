#!/usr/bin/env bash
# Makes the README's screenshots: runs `webex-desk --demo` on a virtual display, takes the
# sign-in page, gives consent with a real mouse click, takes the main window, opens a space
# with the keyboard (Ctrl+K, "cafe", Down, Enter) and takes it with its messages, then searches
# the messages shown so far (Ctrl+Shift+F, "the"); then the same in German.
# Needs xvfb, xdotool and imagemagick; run after scripts/build.sh (or set BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
out="docs/screenshots"
build="${BUILD_DIR:-build}"
mkdir -p "$out"
if [ -z "${WEBEXDESK_SCREENSHOT_INNER:-}" ]; then
    export WEBEXDESK_SCREENSHOT_INNER=1
    exec xvfb-run -a -s "-screen 0 1024x720x24" "$0" "$@"
fi

[ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
# A throwaway cache and settings: the shots must not depend on earlier runs. A runtime folder
# of its own too, or a Webex Desk you have open would be raised instead of a new one started.
export XDG_CACHE_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)" XDG_RUNTIME_DIR="$(mktemp -d)"

# run <suffix> [take-sign-in]: one demo session, its screenshots named *<suffix>.png.
run() {
    local suffix="$1" signinshot="${2:-}"
    "$build/src/app/webex-desk" --demo --demo-rooms 10000 >"/tmp/webex-desk-screenshots$suffix.log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null || true' EXIT

    # By class, not title: the title is in the language of the system.
    signin=$(timeout 30 xdotool search --sync --class "webex-desk-signin" | head -n1)
    sleep 3 # the page renders after the window maps
    [ -n "$signinshot" ] && import -window root "$out/sign-in.png"

    # The sign-in window opens centred over the main window; Accept is the blue button at the
    # bottom right of the emulator's consent card, found from the window's own position.
    eval "$(xdotool getwindowgeometry --shell "$signin")"
    xdotool mousemove --sync $((X + 424)) $((Y + 449)) click 1

    # Signed in, the title is "<name> — Webex Desk" (the dash differs by language).
    main=$(timeout 30 xdotool search --sync --name ". Webex Desk$" | head -n1)
    sleep 2 # the avatar and the last pages arrive
    xdotool windowsize "$main" 1024 720
    sleep 1
    import -window root "$out/main-window$suffix.png"

    # Find a space by keyboard and open it; its messages and senders' pictures load.
    xdotool windowfocus --sync "$main" || true
    xdotool key --window "$main" ctrl+k
    sleep 0.5
    xdotool type --window "$main" --delay 80 "cafe"
    xdotool key --window "$main" Down Return
    sleep 3
    import -window root "$out/space$suffix.png"

    # Search what the demo has shown so far (Ctrl+Shift+F): the results take the spaces' place.
    xdotool key --window "$main" ctrl+shift+f
    sleep 0.5
    xdotool type --window "$main" --delay 80 "the"
    sleep 2
    import -window root "$out/search$suffix.png"

    kill $app 2>/dev/null || true
    wait $app 2>/dev/null || true
    trap - EXIT
}

run "" sign-in
LANGUAGE=de LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 run "-de"
echo "wrote $out/sign-in.png, main-window.png, space.png, search.png and the same in German (-de)"
