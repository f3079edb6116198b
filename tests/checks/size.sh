#!/usr/bin/env bash
# No source file grows past the size a reader takes in whole (LIMIT lines)
# unless its file-top essay says why, in a paragraph that begins " * Size: ".
# Split a file by job before it gets there; where a split would hurt (one
# table, one algorithm), write down why instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
LIMIT=700
status=0
checked=0
while IFS= read -r file; do
    checked=$((checked + 1))
    lines=$(wc -l <"$file")
    [ "$lines" -le "$LIMIT" ] && continue
    # The essay: the first comment block of the file.
    if ! awk 'NR == 1 && !/^\/\*/ { exit 1 } /\*\// { exit } /^ \* Size: ./ { found = 1 } END { exit !found }' "$file"; then
        echo "FAIL: $file has $lines lines (over $LIMIT) and its essay gives no ' * Size: ' reason; split it by job, or say why not" >&2
        status=1
    fi
done < <(find app platform tests tools bench -name '*.[ch]' -not -path '*/build*' | sort)
[ $checked -gt 0 ] || { echo "FAIL: no source files found under $root" >&2; exit 1; }
[ $status -eq 0 ] && echo "PASS: $checked files, none over $LIMIT lines without a reason"
exit $status
