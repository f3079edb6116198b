#!/usr/bin/env bash
# Every C file follows the checked-in .clang-format. To fix a failure, run
#   clang-format -i FILE
# (Debian 12's clang-format 14; other versions may format differently).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v clang-format >/dev/null || { echo "SKIP: clang-format is not installed"; exit 77; }
cd "$root"
mapfile -t files < <(find app platform tests tools bench -name '*.[ch]' -not -path '*/build*' | sort)
[ ${#files[@]} -gt 0 ] || { echo "FAIL: no C files found under $root"; exit 1; }
if ! clang-format --dry-run --Werror "${files[@]}"; then
    echo "FAIL: the files above do not follow .clang-format (clang-format -i FILE fixes them)" >&2
    exit 1
fi
echo "PASS: ${#files[@]} files follow .clang-format"
