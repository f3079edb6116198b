/*
 * catalog.h: everything the kiosk can show, in every language it speaks.
 *
 * The platform loads the content once and describes it here; the core
 * borrows it for as long as the kiosk runs. Each language has its own
 * sentences and its own copy of the routines, with the same routines in the
 * same order in every language (only the words differ), so switching
 * language never changes what is on the list or where the highlight is.
 * Adding a language is a matter of data: a lang/<code>.json file and the
 * words in each routine file.
 */
#ifndef UK_APP_MODEL_CATALOG_H
#define UK_APP_MODEL_CATALOG_H

#include <stddef.h>

#include "app/model/motion.h"
#include "app/model/routine.h"
#include "app/model/strings.h"

#define UK_MAX_LANGS 8

typedef struct uk_language {
    char code[UK_LANG_MAX];     /* "en", "es" */
    const uk_strings *strings;  /* the kiosk's own sentences; "lang.name" names the language */
    const uk_routine *routines; /* routine_count of them, in home-screen order */
} uk_language;

typedef struct uk_catalog {
    size_t lang_count; /* 1..UK_MAX_LANGS; langs[0] is the fallback for missing words */
    uk_language langs[UK_MAX_LANGS];
    size_t routine_count;
    const uk_motion *motions;
    size_t motion_count;
} uk_catalog;

/* Index of the language `code` in `catalog`, or -1. */
int uk_catalog_find_lang(const uk_catalog *catalog, const char *code);

#endif
