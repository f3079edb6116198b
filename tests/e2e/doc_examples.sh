#!/usr/bin/env bash
# The JSON examples in docs/content-format.md are real content: each one is
# written where its marker says and checked by `unknot --check-content`, so
# the document a clinic copies from can never show a field, a limit or a
# shape the loader refuses.
#
# Every ```json block in the document must follow a line
#   <!-- example: PATH -->            a whole file: PATH under a content folder
#   <!-- example: PATH (excerpt) -->  part of a lang/ file: only its missing
#                                     keys may be reported, nothing else
# (fragments that are not whole files use ```js instead).
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

DOC="$UNKNOT_TESTS/../docs/content-format.md"
CONTENT="$WORK/content"
mkdir -p "$CONTENT/lang" "$CONTENT/routines"

# Writes each example to $CONTENT/PATH and prints "PATH" or "PATH excerpt", one a line.
awk -v out="$CONTENT" '
    function complain(message) {
        printf "%s:%d: %s\n", FILENAME, FNR, message > "/dev/stderr"
        bad = 1
    }
    inblock && /^```$/ { inblock = 0; close(file); next }
    inblock { print > file; next }
    /^<!-- example: .* -->$/ {
        if (pending) complain("an example marker with no ```json block after it")
        path = $0
        sub(/^<!-- example: /, "", path)
        sub(/ -->$/, "", path)
        excerpt = sub(/ \(excerpt\)$/, "", path)
        if (path !~ /^(lang\/[A-Za-z0-9_-]+\.json|motions\.json|routines\/[A-Za-z0-9_.-]+\.json)$/)
            complain("an example marker with a path outside a content folder: " path)
        pending = 1
        next
    }
    /^```json$/ {
        if (!pending) {
            complain("a ```json block without an <!-- example: PATH --> line before it")
            path = "unmarked-" FNR ".json" # written aside, where nothing reads it
        }
        if (path != "" && path in seen) complain("two examples for " path)
        seen[path] = 1
        file = out "/" path
        inblock = 1
        pending = 0
        print path (excerpt ? " excerpt" : "")
        path = ""
        excerpt = 0
        next
    }
    pending && NF { complain("an example marker not followed at once by a ```json block") }
    END {
        if (inblock) complain("a ```json block that never ends")
        exit bad
    }
' "$DOC" >"$WORK/examples" || fail "docs/content-format.md: examples not marked as described above"

routines=$(grep -c '^routines/' "$WORK/examples" || true)
[ "$routines" -ge 3 ] || fail "expected an example routine of each type, found $routines"
grep -qx 'motions.json' "$WORK/examples" || fail "no motions.json example"
grep -q '^lang/en.json' "$WORK/examples" || fail "no lang/en.json example"
for type in '"heat-cold"' '"cards"'; do
    grep -lq "\"type\": $type" "$CONTENT"/routines/*.json || fail "no routine example of type $type"
done
grep -L '"type": "\(heat-cold\|cards\)"' "$CONTENT"/routines/*.json | grep -q . ||
    fail "no routine example of type \"steps\""

# The examples alone are the content folder.
set +e
"$UNKNOT_BIN" --check-content "$CONTENT" >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
[ $rc -le 1 ] || fail "--check-content exited with $rc: $(cat "$WORK/err")"

# An excerpt leaves keys out, and may: those lines, and only those, are expected.
cp "$WORK/err" "$WORK/problems"
while read -r path kind; do
    [ "$kind" = excerpt ] || continue
    grep -Ev "^$CONTENT/$path: [a-z_]+\.[a-z_]+: missing( \(the English text is shown\))?\$" \
        "$WORK/problems" >"$WORK/rest" || true
    mv "$WORK/rest" "$WORK/problems"
done <"$WORK/examples"
if [ -s "$WORK/problems" ]; then
    fail "the examples in docs/content-format.md have problems:
$(sed "s|$CONTENT/||" "$WORK/problems")"
fi

# Each routine example loaded, in both languages of the examples.
grep -Eq "^$CONTENT: $routines routines, [0-9]+ motions?, 2 languages \(en, es\);" "$WORK/out" ||
    fail "unexpected summary: $(cat "$WORK/out")"
pass
