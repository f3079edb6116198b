#!/usr/bin/env bash
# unknot-motions draws every motion of the shipped content, both sides, in the
# kiosk's colours (the figure's shirt and skin are on every sheet), and its
# page is the one checked in: docs/motions.md is what a reviewer reads, so it
# must list the motions and steps the kiosk really has.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"
: "${UNKNOT_MOTIONS:?run this through ctest}"

mkdir -p "$WORK/motions"
"$UNKNOT_MOTIONS" "$UNKNOT_ASSETS" "$WORK/motions" "$WORK/motions.md" >/dev/null ||
    fail "unknot-motions exited with $?"

ids=$(sed -n 's/^ *"id": "\([a-z0-9-]*\)",$/\1/p' "$UNKNOT_ASSETS/motions.json")
[ -n "$ids" ] || fail "no motion ids found in motions.json"
for id in $ids; do
    sheet="$WORK/motions/$id.png"
    [ -f "$sheet" ] || fail "no contact sheet for $id"
    # The shirt (3fa58c) and the skin (f0d9c0) of the figure, on both rows.
    for row in 0.1,0.1,1,0.55 0.1,0.55,1,1; do
        "$UNKNOT_PNGCHECK" "$sheet" --in "$row" --has 3fa58c:5 --has f0d9c0:5 >/dev/null ||
            fail "$id: the figure is missing from a row of its sheet"
    done
    grep -q "^## $id\$" "$WORK/motions.md" || fail "$id is not on the page"
done

diff -u "$UNKNOT_TESTS/../docs/motions.md" "$WORK/motions.md" >"$WORK/diff" ||
    fail "docs/motions.md is out of date; run ./tools/dev motions: $(cat "$WORK/diff")"
pass
