#!/usr/bin/env bash
# A person starts a routine by touch and walks away: "Still there?" goes
# unanswered and the session is recorded as timed out, where it stopped.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

run_script walk-away.txt
rows=$(db "SELECT routine, outcome, input, steps_done, steps_total FROM sessions")
# Idle from 90 s; the question comes when the step under way ends: the calf
# stretch, at 105 s (ready 5 + march 30 + ready 5 + calf 30 + switch 5 + calf 30).
expect_eq "calves-hamstrings|timed_out|touch|2|5" "$rows" "the session row"
expect_eq "105" "$(db 'SELECT duration_s FROM sessions')" "duration up to the question"
pass
