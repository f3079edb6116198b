# Shared helpers for the shell tests. Sourced, not run.
# Environment (set by CTest): UNKNOT_BIN, UNKNOT_ASSETS, UNKNOT_TESTS, UNKNOT_PNGCHECK.

: "${UNKNOT_BIN:?run this through ctest}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/unknot-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/usage.db"
SCRIPTS="$UNKNOT_TESTS/scripts"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    echo "PASS: $(basename "$0")"
    exit 0
}

expect_eq() { # expected actual what
    [ "$1" = "$2" ] || fail "$3: expected '$1', got '$2'"
}

db() {
    sqlite3 -batch "$DB" "$1"
}

# run_script NAME [extra options...]: runs tests/scripts/NAME headless at 800x480.
run_script() {
    local name=$1
    shift
    "$UNKNOT_BIN" --headless --size 800x480 --content "$UNKNOT_ASSETS" --db "$DB" \
        --shots "$WORK" --script "$SCRIPTS/$name" "$@" ||
        fail "script $name exited with $?"
}
