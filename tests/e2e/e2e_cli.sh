#!/usr/bin/env bash
# The command line a clinic's staff or an integrator meets: help, version,
# content checks, and clear messages for a missing font or a bad option.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

# --help lists every option the binary accepts.
help=$("$UNKNOT_BIN" --help)
for option in --fullscreen --windowed --size --headless --software --content --lang \
    --idle-seconds --font-dir --db --check-content --script --shots --help --version; do
    grep -q -- "$option" <<<"$help" || fail "--help does not mention $option"
done
"$UNKNOT_BIN" --version | grep -Eq '^unknot [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"

# The shipped content is valid.
out=$("$UNKNOT_BIN" --check-content "$UNKNOT_ASSETS") || fail "shipped content has problems: $out"
grep -q "no problems" <<<"$out" || fail "check-content summary: $out"

# A broken routine file: exit 1, and the message names the file, routine and field. Two
# routines are copied, the first is broken: one is left.
mkdir -p "$WORK/content/routines"
cp -r "$UNKNOT_ASSETS/lang" "$UNKNOT_ASSETS/motions.json" "$WORK/content/"
cp "$UNKNOT_ASSETS"/routines/{10-neck-shoulders,30-calves-hamstrings}.json "$WORK/content/routines/"
sed -i 's/"seconds": 20/"seconds": 2000/' "$WORK/content/routines/10-neck-shoulders.json"
if "$UNKNOT_BIN" --check-content "$WORK/content" >"$WORK/out" 2>"$WORK/err"; then
    fail "--check-content passed a broken routine"
fi
grep -q "10-neck-shoulders.json: routine 'neck-shoulders': steps\[1\].seconds: must be a whole number from 3 to 600 (found 2000)" "$WORK/err" ||
    fail "unexpected message: $(cat "$WORK/err")"

# The kiosk still starts with the routine that is valid, and says what it left out.
cat >"$WORK/only-home.txt" <<'SCRIPT'
expect screen home
press back
wait 0.5
press select
expect screen player
SCRIPT
"$UNKNOT_BIN" --headless --content "$WORK/content" --db "$DB" --script "$WORK/only-home.txt" \
    2>"$WORK/err" || fail "the kiosk did not start with the valid routine"
grep -q "starting with the 1 routine that loaded" "$WORK/err" || fail "no summary: $(cat "$WORK/err")"
expect_eq "calves-hamstrings" "$(db 'SELECT routine FROM sessions')" "the one routine left"

# A missing font stops the start with a message saying what to install.
if "$UNKNOT_BIN" --headless --font-dir "$WORK/no-fonts" --script "$WORK/only-home.txt" \
    --content "$UNKNOT_ASSETS" --db "$DB" 2>"$WORK/err"; then
    fail "started without a font"
fi
grep -q "$WORK/no-fonts/DejaVuSans.ttf" "$WORK/err" || fail "font message: $(cat "$WORK/err")"
grep -q "apt-get install fonts-dejavu-core" "$WORK/err" || fail "font message: $(cat "$WORK/err")"

# A database that cannot be opened: the kiosk runs on without recording.
"$UNKNOT_BIN" --headless --content "$UNKNOT_ASSETS" --db "$WORK/missing/dir/usage.db" \
    --script "$WORK/only-home.txt" 2>"$WORK/err" || fail "did not run without a database"
grep -q "$WORK/missing/dir/usage.db" "$WORK/err" || fail "db message: $(cat "$WORK/err")"
grep -q "without recording usage" "$WORK/err" || fail "db message: $(cat "$WORK/err")"

# No screen to draw on: SDL would fall back to drawing off screen and leave an
# invisible kiosk running; unknot stops instead and says what to check.
set +e
env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11,offscreen "$UNKNOT_BIN" --fullscreen \
    --content "$UNKNOT_ASSETS" --db "$DB" --no-gpio 2>"$WORK/err"
expect_eq 1 $? "exit code without a screen"
set -e
grep -q "no screen found to draw on" "$WORK/err" || fail "no-screen message: $(cat "$WORK/err")"
grep -q "vc4-kms-v3d" "$WORK/err" || fail "no-screen message: $(cat "$WORK/err")"

# Bad command lines exit 2 with a message.
set +e
"$UNKNOT_BIN" --size 800 2>"$WORK/err"
expect_eq 2 $? "exit code for --size 800"
"$UNKNOT_BIN" --frobnicate 2>"$WORK/err"
expect_eq 2 $? "exit code for an unknown option"
grep -q -- "--frobnicate" "$WORK/err" || fail "unknown option message: $(cat "$WORK/err")"
set -e

# A failed expectation in a script is reported with its line and exit code 3.
printf 'press back\nwait 0.5\npress select\nexpect screen done\n' >"$WORK/wrong.txt"
set +e
"$UNKNOT_BIN" --headless --content "$UNKNOT_ASSETS" --db "$DB" --script "$WORK/wrong.txt" \
    2>"$WORK/err"
expect_eq 3 $? "exit code for a failed expect"
set -e
grep -q "wrong.txt:4: expected screen 'done', but 'player' is showing" "$WORK/err" ||
    fail "expect message: $(cat "$WORK/err")"

# A screen name the kiosk does not have is a mistake in the script: it stops the run before
# anything happens, on its own line, with the names there are (exit code 2).
printf 'press back\nexpect screen playr\n' >"$WORK/typo.txt"
set +e
"$UNKNOT_BIN" --headless --content "$UNKNOT_ASSETS" --db "$DB" --script "$WORK/typo.txt" \
    2>"$WORK/err"
expect_eq 2 $? "exit code for a script naming no screen"
set -e
grep -q "typo.txt:2: no screen is called 'playr' (screens: home, player, heat-cold, .*, asleep)" \
    "$WORK/err" || fail "unknown screen message: $(cat "$WORK/err")"

# --check-config: a clean file passes; a mistake is named with file and line, exit 1.
"$UNKNOT_BIN" --config "$UNKNOT_TESTS/../systemd/unknot.conf.example" --check-config \
    >"$WORK/out" 2>"$WORK/err" || fail "the example configuration has problems: $(cat "$WORK/err")"
grep -q "unknot.conf.example: no problems" "$WORK/out" || fail "check-config: $(cat "$WORK/out")"
printf '[display]\nrotation = 45\n' >"$WORK/bad.conf"
set +e
"$UNKNOT_BIN" --config "$WORK/bad.conf" --check-config >"$WORK/out" 2>"$WORK/err"
expect_eq 1 $? "exit code of --check-config with a mistake"
set -e
grep -q "bad.conf:2: \[display\] rotation = 45: must be 0, 90, 180 or 270; using 0" "$WORK/err" ||
    fail "check-config message: $(cat "$WORK/err")"
grep -q "^rotation = 0$" "$WORK/out" || fail "check-config does not show the setting in effect"
pass
