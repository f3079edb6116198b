/*
 * content.h: loading the kiosk's content from JSON files, with cJSON.
 *
 * A content folder holds:
 *   lang/<code>.json  the kiosk's own sentences, one file per language it
 *                     speaks ("en.json", "es.json"); en.json is required and
 *                     is the fallback for anything a language lacks
 *   routines/NAME.json one routine (or the heat and cold session, or the
 *                     "learn" cards) per file; the home screen lists them in
 *                     file-name order, so "10-neck.json" comes before "20-..."
 *   motions.json      the figure's motions, referred to by the steps
 * Every text in a routine file is given in every language, as an object:
 *   "title": {"en": "Neck and shoulders", "es": "Cuello y hombros"}
 * so adding a language is a lang/ file and one more entry per text: no code.
 *
 * Every problem is reported as one line that names the file, the routine
 * (when known), the field and what is wrong, in words a clinic's staff can
 * act on, e.g.
 *   assets/routines/10-neck.json: routine 'neck-shoulders': steps[2].seconds:
 *   must be a whole number from 3 to 600 (found 0)
 * A broken routine is left out and the rest still load; a broken motion is
 * left out, and so is every routine that uses it. A text missing in one
 * language is reported and shows in English there. A sentence missing from a
 * language file falls back to English. A language file that cannot be read
 * is left out, and its words in the routine files are checked but not kept.
 *
 * Ownership: uk_content_load returns a heap object that uk_content_free
 * releases; the catalog inside it points into storage the object owns, and
 * nothing in it is shared with the caller's buffers.
 */
#ifndef UK_PLATFORM_CONTENT_CONTENT_H
#define UK_PLATFORM_CONTENT_CONTENT_H

#include <stddef.h>

#include "app/model/catalog.h"

/* What was loaded: the catalog, and the storage it points into. */
typedef struct uk_content uk_content;

/*
 * Called once per problem with a complete one-line message (no trailing
 * newline), on the caller's thread, before the load returns. The message is
 * the loader's: copy it to keep it.
 */
typedef void (*uk_content_report_fn)(void *ctx, const char *message);

/*
 * Loads everything under `dir`, in every language it has. Problems go to
 * `report` (may be NULL) and are counted (uk_content_problems): error.h's rule for
 * a loader that can find many problems in one go. Returns NULL, with errno
 * ENOMEM, only when memory runs out; a folder with nothing valid in it
 * gives an empty, usable uk_content with English as its one language. The
 * caller owns the result and frees it with uk_content_free.
 */
uk_content *uk_content_load(const char *dir, uk_content_report_fn report, void *ctx);

/* Frees what uk_content_load returned, and everything its catalog points into. Accepts NULL. */
void uk_content_free(uk_content *content);

/* What the core borrows, in every language. Owned by `content`: valid until it is freed. */
const uk_catalog *uk_content_catalog(const uk_content *content);

/* How many problems the load reported. */
int uk_content_problems(const uk_content *content);

/*
 * Validates all content under `dir` without keeping it. Reports each
 * problem; returns the number of problems (0: all good). Writes a one-line
 * summary of what was checked to `summary` if not NULL (e.g. "7 routines,
 * 24 motions, 2 languages (en, es)"), the caller's buffer of `summary_len`
 * bytes, cut short if it must be.
 */
int uk_content_check(const char *dir, uk_content_report_fn report, void *ctx, char *summary,
                     size_t summary_len);

#endif
