#!/usr/bin/env bash
# Display concerns a kiosk has: a panel mounted on its side gets a frame laid
# out for the turned size, and outside opening hours the screen goes dark
# until a touch, which only wakes it.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

# An 800x480 panel turned 90 degrees: the frame (and a screenshot of it) is 480x800.
run_script player-shot.txt --rotation 90
"$UNKNOT_PNGCHECK" "$WORK/player.png" --size 480x800 --has 121e27:300 --colors 200 ||
    fail "the rotated frame is not a portrait player screen"

# Closed: dark (no backlight in a headless run: a black frame), then woken.
rm -f "$DB"
run_script closed-hours.txt
"$UNKNOT_PNGCHECK" "$WORK/dark.png" --size 800x480 --has 000000:999 ||
    fail "the screen is not dark outside opening hours"
# One session: the second touch's, not the first's.
expect_eq "1" "$(db 'SELECT count(*) FROM sessions')" "sessions after waking and choosing"
pass
