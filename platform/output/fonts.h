/*
 * fonts.h: finding the kiosk's font on the system at start-up.
 *
 * unknot uses DejaVu Sans (Debian package fonts-dejavu-core), regular and
 * bold: it is on every Raspberry Pi OS and Debian image, covers Latin,
 * Greek and Cyrillic with accents, and stays clear at small sizes. The
 * folder can be overridden (--font-dir, or UNKNOT_FONT_DIR) to use another
 * pair of files with the same names.
 */
#ifndef UK_PLATFORM_OUTPUT_FONTS_H
#define UK_PLATFORM_OUTPUT_FONTS_H

#include <stddef.h>

#define UK_FONTS_DIR_DEFAULT "/usr/share/fonts/truetype/dejavu"
#define UK_FONTS_REGULAR     "DejaVuSans.ttf"
#define UK_FONTS_BOLD        "DejaVuSans-Bold.ttf"

/*
 * Fills the caller's `regular` and `bold` (each `len` bytes) with readable
 * font paths from `dir`, or from the default folder when `dir` is NULL or
 * empty. Returns 0, or -1 with a sentence in `error` (may be NULL) naming
 * the missing file and how to install it, and errno set (ENOENT, EACCES,
 * ENAMETOOLONG, ...).
 */
int uk_fonts_find(const char *dir, char *regular, char *bold, size_t len, char *error,
                  size_t error_len);

#endif
