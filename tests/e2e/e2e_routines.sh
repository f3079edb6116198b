#!/usr/bin/env bash
# Every routine the kiosk offers, run to its end by a script on the virtual
# clock, one after the other into one database: the heat and cold session on
# both of its paths, the move break in Spanish, the self-massage guide by
# touch. Each run must leave exactly the row it should: the routine, the
# language, how long it took, how far it got, how it ended, and the input
# used most.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

run_script complete-neck.txt
run_script complete-upper-back.txt
run_script complete-calves.txt
run_script complete-move-break.txt --lang es
run_script complete-self-massage.txt
run_script heat-cold-new.txt
run_script heat-cold-older.txt
run_script complete-learn.txt

# Steps: the lengths of the steps, with a 5 s get-ready before each (not before a rest)
# and a 5 s switch between the sides of a stretch done on each side. Heat and cold: a new
# injury is heat (15 min) then cold (10 min), begun 8 s and 20 s after the question and
# the heat's end; an older one, heat only. Cards: ten, 6 s each. The scripts press as a
# person would, once what a press lands on has been seen (the kiosk's settle time): the
# self-massage guide's four pauses last half a second each, and the older injury's pack
# goes on half a second later.
expected="neck-shoulders|en|209|6|6|completed|keyboard
upper-back|en|228|6|6|completed|keyboard
calves-hamstrings|en|220|5|5|completed|keyboard
move-break|es|168|6|6|completed|keyboard
self-massage|en|387|5|5|completed|touch
heat-cold|en|1528|2|2|completed|keyboard
heat-cold|en|909|1|1|completed|keyboard
learn|en|60|10|10|completed|keyboard"
rows=$(db "SELECT routine, lang, duration_s, steps_done, steps_total, outcome, input
           FROM sessions ORDER BY rowid")
expect_eq "$expected" "$rows" "the rows of eight runs"

# The move break fits the brief: two to three minutes, get-ready moments included.
move=$(db "SELECT duration_s FROM sessions WHERE routine = 'move-break'")
[ "$move" -ge 120 ] && [ "$move" -le 180 ] || fail "the move break takes $move s"
pass
