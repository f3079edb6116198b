/*
 * fonts.c: locating DejaVu Sans, with a message that says what to install.
 *
 * It only checks that each file can be read, at start-up, so a missing
 * package is named before any window opens; opening the files as fonts is
 * platform/output/typeset.c's, and fails there with its own message if a
 * file is not a font.
 */
#include "platform/output/fonts.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "platform/system/error.h"

static int find_one(const char *dir, const char *name, char *out, size_t len, char *error,
                    size_t error_len)
{
    int n = snprintf(out, len, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= len)
        return uk_error_set(error, error_len, ENAMETOOLONG,
                            "font folder %s: path too long; pass a shorter --font-dir", dir);
    if (access(out, R_OK) != 0) {
        int err = errno;
        return uk_error_set(error, error_len, err,
                            "cannot read font %s: %s (install it with: sudo apt-get install "
                            "fonts-dejavu-core; or pass --font-dir DIR with %s and %s in it)",
                            out, strerror(err), UK_FONTS_REGULAR, UK_FONTS_BOLD);
    }
    return 0;
}

int uk_fonts_find(const char *dir, char *regular, char *bold, size_t len, char *error,
                  size_t error_len)
{
    if (dir == NULL || dir[0] == '\0')
        dir = UK_FONTS_DIR_DEFAULT;
    if (find_one(dir, UK_FONTS_REGULAR, regular, len, error, error_len) != 0)
        return -1;
    return find_one(dir, UK_FONTS_BOLD, bold, len, error, error_len);
}
