#!/usr/bin/env bash
# Golden images: every screen of tests/golden/screens.txt at three sizes (one
# portrait), drawn by the kiosk headless with the software renderer, compared
# with the pictures in tests/golden/SIZE/ with a tolerance (uk-pngcheck --like).
# A failure leaves NAME.png.diff.png beside the new picture to show where.
#
# After an intended change to how screens look, regenerate the references:
#   ./tools/dev golden
# and look at every changed picture before committing it.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

golden="$UNKNOT_TESTS/golden"
sizes=(800x480 1280x800 720x1280)
status=0
for size in "${sizes[@]}"; do
    mkdir -p "$WORK/$size"
    "$UNKNOT_BIN" --headless --size "$size" --content "$UNKNOT_ASSETS" --db "$WORK/$size.db" \
        --shots "$WORK/$size" --script "$golden/screens.txt" ||
        fail "the golden script did not run at $size"
    if [ "${UNKNOT_GOLDEN_UPDATE:-}" = 1 ]; then
        mkdir -p "$golden/$size"
        rm -f "$golden/$size"/*.png
        cp "$WORK/$size"/*.png "$golden/$size/"
        echo "updated $golden/$size"
        continue
    fi
    for shot in "$WORK/$size"/*.png; do
        name=$(basename "$shot")
        if [ ! -f "$golden/$size/$name" ]; then
            echo "FAIL: $size/$name has no reference in $golden/$size (./tools/dev golden)" >&2
            status=1
            continue
        fi
        if ! "$UNKNOT_PNGCHECK" "$shot" --like "$golden/$size/$name"; then
            status=1
            keep="${TMPDIR:-/tmp}/unknot-golden-failures/$size"
            mkdir -p "$keep"
            cp "$shot" "$shot.diff.png" "$keep/" 2>/dev/null || true
            echo "FAIL: $size/$name differs from its reference (new picture and diff in $keep)" >&2
        fi
    done
    for reference in "$golden/$size"/*.png; do
        [ -f "$WORK/$size/$(basename "$reference")" ] ||
            { echo "FAIL: $size/$(basename "$reference") was not drawn" >&2; status=1; }
    done
done
[ $status -eq 0 ] || exit 1
pass
