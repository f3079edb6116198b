/*
 * content.h: loading the kiosk's content from JSON files, with cJSON.
 *
 * A content folder holds:
 *   routines/NAME.json one routine per file; the home screen lists them in
 *                     file-name order, so "10-neck.json" comes before "20-..."
 *   motions.json      the figure's motions, referred to by the steps
 *   lang/<code>.json  the kiosk's own sentences, one file per language
 *
 * Every problem is reported as one line that names the file, the routine
 * (when known), the field and what is wrong, in words a clinic's staff can
 * act on, e.g.
 *   assets/routines/10-neck.json: routine 'neck-shoulders': steps[2].seconds:
 *   must be a whole number from 3 to 600 (found 0)
 * A broken routine is left out and the rest still load; a broken motion is
 * left out, and so is every routine that uses it. Strings fall back to
 * English for keys a language file lacks.
 *
 * Ownership: uk_content_load returns a heap object that uk_content_free
 * releases; nothing in it is shared with the caller's buffers.
 */
#ifndef UK_PLATFORM_CONTENT_H
#define UK_PLATFORM_CONTENT_H

#include <stddef.h>

#include "app/figure.h"
#include "app/routine.h"
#include "app/strings.h"

typedef struct uk_content {
    uk_routine *routines; /* valid routines, in file-name order */
    size_t routine_count;
    uk_motion *motions; /* valid motions, in file order */
    size_t motion_count;
    uk_strings strings; /* English, overlaid by the chosen language */
    int error_count;    /* problems reported while loading */
} uk_content;

/* Called once per problem with a complete one-line message (no trailing newline). */
typedef void (*uk_content_report_fn)(void *ctx, const char *message);

/*
 * Loads everything under `dir` for language `lang` ("en"). Problems go to
 * `report` (may be NULL) and are counted in error_count. Returns NULL only
 * when memory runs out; a folder with nothing valid in it gives an empty,
 * usable uk_content.
 */
uk_content *uk_content_load(const char *dir, const char *lang, uk_content_report_fn report,
                            void *ctx);

/* Frees what uk_content_load returned. Accepts NULL. */
void uk_content_free(uk_content *content);

/*
 * Validates all content under `dir`, every language file included, without
 * keeping it. Reports each problem; returns the number of problems (0: all
 * good). Writes a one-line summary of what was checked to `summary` if not
 * NULL (e.g. "2 routines, 14 motions, 1 language").
 */
int uk_content_check(const char *dir, uk_content_report_fn report, void *ctx, char *summary,
                     size_t summary_len);

#endif
