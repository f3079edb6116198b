#!/usr/bin/env bash
# A headless scripted run completes a routine; the database then holds exactly
# the one row that run should leave, and nothing that could identify anyone.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

run_script complete-neck.txt
rows=$(db "SELECT routine, lang, duration_s, steps_done, steps_total, outcome, input,
                  start_hour % 3600 FROM sessions")
expect_eq "neck-shoulders|en|209|6|6|completed|keyboard|0" "$rows" "the session row"

# The start hour is the current hour (the run took well under a second).
now=$(date +%s)
start=$(db "SELECT start_hour FROM sessions")
[ $((now - start)) -ge 0 ] && [ $((now - start)) -lt 3700 ] || fail "start_hour $start is not this hour"
expect_eq "wal" "$(db 'PRAGMA journal_mode')" "journal mode"
expect_eq "2" "$(db 'PRAGMA user_version')" "schema version"
pass
