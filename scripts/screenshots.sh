#!/usr/bin/env bash
# Makes the README's screenshots: runs `webex-desk --demo` on a virtual display, takes the
# sign-in page, gives consent with a real mouse click, and takes the main window.
# Needs xvfb, xdotool and imagemagick; run after scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out="docs/screenshots"
mkdir -p "$out"
if [ -z "${WEBEXDESK_SCREENSHOT_INNER:-}" ]; then
    export WEBEXDESK_SCREENSHOT_INNER=1
    exec xvfb-run -a -s "-screen 0 1024x720x24" "$0" "$@"
fi

[ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
build/src/app/webex-desk --demo --demo-rooms 1200 >/tmp/webex-desk-screenshots.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT

signin=$(timeout 30 xdotool search --sync --name "Sign In to Webex" | head -n1)
sleep 3 # the page renders after the window maps
import -window root "$out/sign-in.png"

# Without a window manager the sign-in window sits at the top left; Accept is the blue
# button at the bottom right of the emulator's consent card.
eval "$(xdotool getwindowgeometry --shell "$signin")"
xdotool mousemove --sync $((X + 424)) $((Y + 449)) click 1

main=$(timeout 30 xdotool search --sync --name " — Webex Desk" | head -n1)
sleep 2 # the avatar and the last pages arrive
xdotool windowsize "$main" 1024 720
sleep 1
import -window root "$out/main-window.png"
echo "wrote $out/sign-in.png and $out/main-window.png"
