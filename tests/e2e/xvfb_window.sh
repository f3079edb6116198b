#!/usr/bin/env bash
# A real X11 window under Xvfb renders the player screen. The test checks the
# pixels the window holds: the background, the figure, the running countdown
# ring and the text are all there. Skips (77) only where Xvfb is not installed.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

command -v Xvfb >/dev/null || { echo "SKIP: Xvfb is not installed (apt-get install xvfb)"; exit 77; }

# Let Xvfb pick a free display number and write it to a file.
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
    [ -s "$WORK/display" ] && break
    sleep 0.1
done
display=$(cat "$WORK/display")
[ -n "$display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"

DISPLAY=":$display" SDL_VIDEODRIVER=x11 "$UNKNOT_BIN" --windowed --software --size 800x480 \
    --content "$UNKNOT_ASSETS" --db "$DB" --shots "$WORK" \
    --script "$SCRIPTS/player-shot.txt" || fail "unknot exited with $?"

# The whole frame: mostly background, with light text. The figure's panel (the
# left third, between header and buttons): skin and shirt. The words' column
# (top of the right part): the running countdown ring in sky blue.
"$UNKNOT_PNGCHECK" "$WORK/player.png" --size 800x480 --has 121e27:300 --has f5f1e8:5 \
    --colors 200 --in 0.03,0.22,0.34,0.78 --has f0d9c0:8 --has 3fa58c:8 \
    --in 0.36,0.2,0.5,0.4 --has 56b4e9:40 || fail "the player screen is not as expected"
pass
