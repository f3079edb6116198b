#!/usr/bin/env bash
# The layers, as docs/architecture.md draws them, kept by their includes:
#   - app/ is C11 and libc only: the C library, the POSIX string header and
#     its own headers by root-relative path; nothing of platform/;
#   - app/model includes only app/model; app/core adds app/core; only
#     app/view includes app/view (the core never sees drawing code);
#   - platform/input never includes platform/output (input never paints);
#   - the shell reads the core's state through accessors only: no file of
#     platform/, bench/ or tools/ includes app/core/app_internal.h or names a
#     field of the uk_app (app.x, app->x, kiosk->app.x).
# CMake already gives app/ no third-party include path and links the core
# without the view; this check also names the offending line.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
libc='assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|strings'
status=0

# forbid DIR ALLOWED WHY: every #include in DIR's .c and .h files must match ALLOWED.
forbid() {
    local dir=$1 allowed=$2 why=$3 hit
    [ -d "$dir" ] || { echo "FAIL: $dir is missing" >&2; status=1; return; }
    while IFS= read -r hit; do
        echo "FAIL: $hit: $why" >&2
        status=1
    done < <(grep -rHn --include='*.[ch]' '^#include' "$dir" | grep -Ev "#include ($allowed)" || true)
}

forbid app/model "<($libc)\.h>|\"app/model/[a-z_]+\.h\"" \
    "the model includes only the C library and app/model"
forbid app/core "<($libc)\.h>|\"app/(model|core)/[a-z_]+\.h\"" \
    "the core includes only the C library, app/model and app/core (never the view)"
forbid app/view "<($libc)\.h>|\"app/(model|core|view)/[a-z_]+\.h\"" \
    "the view includes only the C library and app/"
forbid platform/input '<[^>]+>|"(app|platform/(input|system|content|loop|usage))/[a-z_/]+\.h"' \
    "input never includes platform/output: what it reads it does not draw"

# The shell asks the core; it never reads its fields.
while IFS= read -r hit; do
    echo "FAIL: $hit: the shell reads the core's state through accessors (app/core/app.h)" >&2
    status=1
done < <(find platform bench tools -name '*.[ch]' -print0 | xargs -0 perl -ne '
    (my $code = $_) =~ s{\bapp\.h\b}{}g;   # a header named app.h is not a field
    print "$ARGV:$.: $_" if $code =~ m{((->|\.|\b)app(\.|->)[a-z_]+|app/core/app_internal\.h)};
    close ARGV if eof;')

# No file of app/ outside the three layers.
while IFS= read -r stray; do
    echo "FAIL: $stray: app/ files live in app/model, app/core or app/view" >&2
    status=1
done < <(find app -maxdepth 1 -type f -name '*.[ch]')

[ $status -eq 0 ] && echo "PASS: model < core < view < platform; input apart from output; the shell uses accessors"
exit $status
