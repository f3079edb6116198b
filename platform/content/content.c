/*
 * content.c: reads the kiosk's content (routines, motions, sentences) from
 * JSON files with cJSON, and checks every value before the core sees it.
 *
 * The files are written by hand, by clinic staff as often as by us, so the
 * loader's real product is its messages. Each problem is one line that names
 * the file, the routine or motion when its id is known, the field as a path
 * ("steps[2].seconds", indexes counted from 0 as in the file), what the field
 * must be, and what was found:
 *
 *   assets/routines/10-neck.json: routine 'neck-shoulders': steps[2].seconds:
 *   must be a whole number from 3 to 600 (found 0)
 *
 * Nothing is silently ignored or guessed: an unknown field is an error (so a
 * typo like "secnds" is caught, with a "did you mean" when one is close), a
 * field given twice is an error, numbers must be whole where the core counts
 * in whole units, and every text must fit its fixed-size buffer in
 * app/model/routine.h, counted in bytes. A file keeps being checked after its first
 * problem so one run of `unknot --check-content` lists them all.
 *
 * What is left out: a routine with any problem (the others still load); a
 * motion with any problem, and then every routine with a step or a preview
 * that uses it; a sentence whose text is wrong, which falls back to English;
 * a language file that cannot be read at all, and with it that language's
 * words in the routine files (they are still checked, and the routines load
 * in the other languages). A text missing in one language is a problem too,
 * but the only one that keeps its routine: English shows there instead.
 *
 * Order matters, and is: 1. the languages (en.json, then every other
 * lang/ *.json on top of English, in name order) 2. motions.json
 * 3. routines/ *.json in byte order of their names, because a routine's
 * texts are checked against the languages that loaded and a step is valid
 * only if its motion loaded.
 *
 * Everything allocated here is owned by the uk_content (or freed before
 * returning); cJSON trees and file buffers never outlive the call that read
 * them. There is no state of our own between calls; the report callback runs
 * on the caller's thread, once per problem, before the call returns.
 *
 * This file is the public API and the storage the catalog points into. The
 * work is done by one file per job, sharing one uk_loader (loader.h) for
 * the length of a load:
 *   languages.c  lang/ *.json         motions.c  motions.json
 *   routines.c   routines/ *.json     texts.c    a text in every language
 *   field.c      checking one field   files.c    finding and parsing files
 *   loader.c     reporting, id lists  words.c    small text tools
 */
#include "platform/content/content.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/content/languages.h"
#include "platform/content/loader.h"
#include "platform/content/motions.h"
#include "platform/content/routines.h"
#include "platform/content/texts.h"
#include "platform/content/words.h"

/* What was loaded, and the storage its catalog points into. */
struct uk_content {
    uk_catalog catalog;                 /* what the core borrows, in every language */
    int error_count;                    /* problems reported while loading */
    uk_strings strings[UK_MAX_LANGS];   /* per language, English underneath */
    uk_routine *routines[UK_MAX_LANGS]; /* per language, catalog.routine_count each */
    uk_motion *motions;                 /* valid motions, in file order: catalog.motion_count */
    uk_texts_arena *text;               /* every routine text, in every language */
};

/* 0 if `dir` is a folder; else reports what it should be and returns -1. */
static int check_folder(uk_loader *ld, const char *dir)
{
    struct stat st;
    ld->path = dir;
    if (stat(dir, &st) != 0) {
        uk_loader_problem(
            ld, NULL,
            "cannot open the content folder: %s (it should hold routines/, motions.json and "
            "lang/)",
            strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        uk_loader_problem(
            ld, NULL,
            "not a folder (the content folder should hold routines/, motions.json and "
            "lang/)");
        return -1;
    }
    return 0;
}

uk_content *uk_content_load(const char *dir, uk_content_report_fn report, void *ctx)
{
    uk_content *store = calloc(1, sizeof *store);
    if (store == NULL)
        return NULL;
    uk_catalog *catalog = &store->catalog;
    /* English, always: the language every other one falls back on. */
    catalog->lang_count = 1;
    snprintf(catalog->langs[0].code, UK_LANG_MAX, "en");
    uk_strings_init(&store->strings[0], "en");
    catalog->langs[0].strings = &store->strings[0];
    uk_loader ld = {
        .report = report, .ctx = ctx, .path = dir, .catalog = catalog, .strings = store->strings};

    if (check_folder(&ld, dir) == 0) {
        uk_languages_load(&ld, dir);
        uk_motions_load(&ld, dir);
        if (!ld.out_of_memory)
            uk_routines_load(&ld, dir);
    }
    uk_loader_ids_free(&ld.rejected_motions);
    uk_loader_ids_free(&ld.rejected_langs);
    /* What the load filled is the content's now. */
    memcpy(store->routines, ld.routines, sizeof store->routines);
    store->motions = ld.motions;
    store->text = ld.arena;
    store->error_count = ld.errors;
    /* The arrays have stopped moving: point the catalog at them. */
    for (size_t l = 0; l < catalog->lang_count; l++)
        catalog->langs[l].routines = store->routines[l];
    catalog->motions = store->motions;
    if (ld.out_of_memory) {
        uk_content_free(store);
        errno = ENOMEM;
        return NULL;
    }
    return store;
}

void uk_content_free(uk_content *content)
{
    if (content == NULL)
        return;
    for (size_t l = 0; l < UK_MAX_LANGS; l++)
        free(content->routines[l]);
    free(content->motions);
    uk_texts_free_arena(content->text);
    free(content);
}

const uk_catalog *uk_content_catalog(const uk_content *content)
{
    return &content->catalog;
}

int uk_content_problems(const uk_content *content)
{
    return content->error_count;
}

int uk_content_check(const char *dir, uk_content_report_fn report, void *ctx, char *summary,
                     size_t summary_len)
{
    uk_content *content = uk_content_load(dir, report, ctx);
    if (content == NULL) {
        if (report != NULL)
            report(ctx, "out of memory while checking the content");
        if (summary != NULL && summary_len > 0)
            snprintf(summary, summary_len, "not checked");
        return 1;
    }
    if (summary != NULL && summary_len > 0) {
        const uk_catalog *catalog = &content->catalog;
        size_t len = 0;
        summary[0] = '\0';
        uk_words_append(summary, summary_len, &len, "%zu routine%s, %zu motion%s, %zu language%s (",
                        catalog->routine_count, catalog->routine_count == 1 ? "" : "s",
                        catalog->motion_count, catalog->motion_count == 1 ? "" : "s",
                        catalog->lang_count, catalog->lang_count == 1 ? "" : "s");
        for (size_t l = 0; l < catalog->lang_count; l++)
            uk_words_append(summary, summary_len, &len, "%s%s", l ? ", " : "",
                            catalog->langs[l].code);
        uk_words_append(summary, summary_len, &len, ")");
    }
    int errors = content->error_count;
    uk_content_free(content);
    return errors;
}
