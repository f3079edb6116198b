/*
 * texts.h: the words in a routine file, checked and kept.
 *
 * Every text of a routine is given in every language, as an object:
 *   "title": {"en": "Neck and shoulders", "es": "Cuello y hombros"}
 * and must be well-formed UTF-8, not blank, and at most a given number of
 * bytes (what fits the screens at their smallest). An accepted text is
 * copied once into the loader's arena, where it stays, never moved, until
 * the content is freed; the routines in every language point into it.
 */
#ifndef UK_PLATFORM_CONTENT_TEXTS_H
#define UK_PLATFORM_CONTENT_TEXTS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "platform/content/loader.h"

/* Blocks of accepted texts; the loader fills ld->arena, the content frees it. */
typedef struct uk_texts_arena uk_texts_arena;

/* Frees every block of `arena`. Accepts NULL. */
void uk_texts_free_arena(uk_texts_arena *arena);

/*
 * Is `item` usable text of at most `max_bytes` bytes? Reports why not,
 * about `field`. Copies nothing.
 */
bool uk_texts_ok(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes);

/*
 * Usable text of at most `max_bytes` bytes, copied into ld->arena (which
 * owns the copy); NULL after reporting why not.
 */
const char *uk_texts_check(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes);

/*
 * A text in every language the catalog has so far: {"en": "...", "es":
 * "..."}. Fills out[] (one per language, pointing into ld->arena) for every
 * language. A language without its text gets the first language's and is
 * reported (the routine still loads: counted in ld->fallbacks). A language
 * whose lang/ file was left out is checked but not kept. Returns false,
 * reported, when there is no usable text in the first language; any other
 * wrong text is reported and counted, which leaves the routine out.
 */
bool uk_texts_check_langs(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes,
                          const char **out);

#endif
