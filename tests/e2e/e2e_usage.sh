#!/usr/bin/env bash
# The usage log as a clinic's staff meets it through the real binary: the
# report and the CSV export after a few sessions, the admin PIN's hash, and
# what the kiosk does with a database it cannot use (a newer one is left
# alone, a damaged one is moved aside and a fresh one started).
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

# Five completed sessions: enough for the routine's numbers to be shown.
for _ in 1 2 3 4 5; do
    run_script complete-neck.txt
done
expect_eq "5" "$(db 'SELECT count(*) FROM sessions')" "sessions after five runs"

"$UNKNOT_BIN" report --db "$DB" >"$WORK/report" || fail "report exited with $?"
grep -q "5 sessions" "$WORK/report" || fail "report total: $(cat "$WORK/report")"
grep -Eq '^  neck-shoulders +5 +5 +100% +3:29 +<5 +<5 +<5$' "$WORK/report" ||
    fail "report routine line: $(cat "$WORK/report")"
grep -Eq '^  keyboard +5 +5 +100%$' "$WORK/report" || fail "report input line: $(cat "$WORK/report")"

"$UNKNOT_BIN" export --csv "$WORK/usage.csv" --db "$DB" || fail "export exited with $?"
head -1 "$WORK/usage.csv" | grep -q '^section,group,key,measure,value' || fail "CSV header"
grep -q '^routine,neck-shoulders,,starts,5' "$WORK/usage.csv" || fail "CSV starts"
grep -q '^routine,neck-shoulders,,stopped,<5' "$WORK/usage.csv" || fail "CSV suppression"

# The report reads the same default file as the kiosk.
STATE_DIRECTORY="$WORK" "$UNKNOT_BIN" report | grep -q "5 sessions" || fail "report without --db"

# Bad command lines.
set +e
"$UNKNOT_BIN" report --since 2025-13-01 --db "$DB" 2>/dev/null
expect_eq "2" "$?" "report with a bad date"
"$UNKNOT_BIN" export --db "$DB" 2>/dev/null
expect_eq "2" "$?" "export without --csv"
set -e

# The admin PIN: a yescrypt hash on standard output, never the PIN.
hash=$(echo 2468 | "$UNKNOT_BIN" hash-pin) || fail "hash-pin exited with $?"
[[ "$hash" == \$y\$* ]] || fail "hash-pin printed '$hash'"
[[ "$hash" != *2468* ]] || fail "the hash shows the PIN"
set +e
echo 12 | "$UNKNOT_BIN" hash-pin >/dev/null 2>"$WORK/err"
expect_eq "1" "$?" "hash-pin with a short PIN"
grep -q "4 to 12 digits" "$WORK/err" || fail "hash-pin message: $(cat "$WORK/err")"
"$UNKNOT_BIN" hash-pin extra </dev/null >/dev/null 2>&1
expect_eq "2" "$?" "hash-pin with an argument"
set -e

# A database from a newer unknot: refused untouched, the kiosk runs without recording.
NEWER="$WORK/newer.db"
sqlite3 -batch "$NEWER" "CREATE TABLE sessions (x); PRAGMA user_version = 99;"
before=$(sha256sum <"$NEWER")
"$UNKNOT_BIN" --headless --content "$UNKNOT_ASSETS" --db "$NEWER" \
    --script "$SCRIPTS/complete-neck.txt" 2>"$WORK/err" || fail "the kiosk stopped on a newer db"
grep -q "upgrade unknot" "$WORK/err" || fail "no message for a newer db: $(cat "$WORK/err")"
expect_eq "$before" "$(sha256sum <"$NEWER")" "the newer database's bytes"

# A damaged database: moved aside with a timestamped name, a fresh one records the session.
DAMAGED="$WORK/damaged/usage.db"
mkdir -p "$WORK/damaged"
printf 'Appointments: John Smith, Tuesday\n' >"$DAMAGED"
"$UNKNOT_BIN" --headless --content "$UNKNOT_ASSETS" --db "$DAMAGED" \
    --script "$SCRIPTS/complete-neck.txt" 2>"$WORK/err" || fail "the kiosk stopped on a damaged db"
moved=$(ls "$WORK/damaged" | grep -E '^usage\.db\.corrupt-[0-9]{8}T[0-9]{6}$') ||
    fail "nothing moved aside: $(ls "$WORK/damaged")"
grep -q "moved to $WORK/damaged/$moved" "$WORK/err" || fail "no message: $(cat "$WORK/err")"
grep -q "John Smith" "$WORK/damaged/$moved" || fail "the damaged file's content was not kept"
expect_eq "1" "$(sqlite3 -batch "$DAMAGED" 'SELECT count(*) FROM sessions')" "fresh database rows"
pass
