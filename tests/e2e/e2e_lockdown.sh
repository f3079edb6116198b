#!/usr/bin/env bash
# Kiosk mode: no key combination and no close request ends the kiosk; only
# a stop signal or the admin screen do. The same script without lockdown
# shows the close request would otherwise have ended it.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

run_script lockdown.txt --kiosk-lockdown on 2>"$WORK/err"
[ -f "$WORK/after.png" ] || fail "the locked-down kiosk did not run to the end of the script"
grep -q "request to close the window was ignored: the kiosk is locked down" "$WORK/err" ||
    fail "no word about the ignored close request: $(cat "$WORK/err")"
# Escape was BACK, and "Stop now" answered: the routine it left is recorded as stopped.
expect_eq "stopped" "$(db 'SELECT outcome FROM sessions')" "the session Escape ended"

rm -f "$WORK/after.png" "$DB"
run_script lockdown.txt --kiosk-lockdown off 2>"$WORK/err"
[ ! -f "$WORK/after.png" ] || fail "without lockdown the close request was not obeyed"
grep -q "lockdown.txt:14: the kiosk was asked to close" "$WORK/err" ||
    fail "close message: $(cat "$WORK/err")"
pass
