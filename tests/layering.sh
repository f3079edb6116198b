#!/usr/bin/env bash
# The core (app/) is C11 and libc only: it includes the C standard library,
# the POSIX string header, and its own headers by root-relative path, and
# nothing of platform/. CMake already gives it no third-party include path;
# this test also names the offending line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
allowed='assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|strings'
status=0
while IFS= read -r hit; do
    echo "FAIL: $hit: app/ may include only the C library and app/ headers" >&2
    status=1
done < <(cd "$root" && grep -Hn '^#include' app/*.c app/*.h |
    grep -Ev "#include <($allowed)\.h>|#include \"app/[a-z_]+\.h\"" || true)
[ $status -eq 0 ] && echo "PASS: app/ includes only the C library and itself"
exit $status
