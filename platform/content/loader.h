/*
 * loader.h: the state one load of the content shares between its parts
 * (languages.c, motions.c, routines.c, and the checks they use), and how
 * each problem is reported.
 *
 * A uk_loader lives on uk_content_load's stack for one call. While it
 * runs, `path`, `what` and `id` say what the next message is about; every
 * part sets them before it reads a file and clears `what` and `id` when it
 * is done. What the load fills (the routines per language, the motions,
 * the text arena) is the loader's until uk_content_load hands it to the
 * uk_content. Once `out_of_memory` is set the parts stop, and the load
 * returns NULL.
 *
 * The report callback runs on the caller's thread, once per problem,
 * before the load returns; nothing here keeps the message.
 */
#ifndef UK_PLATFORM_CONTENT_LOADER_H
#define UK_PLATFORM_CONTENT_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "app/model/catalog.h"
#include "platform/content/content.h"

#define UK_LOADER_PATH_MAX 4096 /* a file's path */

/* An id already taken, and where it was taken ("10-neck.json", "motions[0]"), for messages. */
typedef struct uk_loader_id {
    char id[UK_ID_MAX];
    char *where; /* owned */
} uk_loader_id;

typedef struct uk_loader_ids {
    uk_loader_id *items;
    size_t count;
    size_t cap;
} uk_loader_ids;

typedef struct uk_loader {
    uk_content_report_fn report; /* may be NULL */
    void *ctx;
    int errors;         /* problems reported so far */
    int fallbacks;      /* of those, texts missing in one language: shown in English instead */
    bool out_of_memory; /* an allocation failed: give up, return NULL */
    const char *path;   /* the file (or folder) the next message is about */
    const char *what;   /* "routine" or "motion" once its id is known, else NULL */
    const char *id;     /* that id, or NULL */
    char motions_path[UK_LOADER_PATH_MAX];
    uk_loader_ids rejected_motions; /* motions left out for their own errors */
    uk_loader_ids rejected_langs;   /* lang/ files left out: their words in routines are ignored */
    uk_catalog *catalog;            /* being filled; its languages are the ones loaded so far */
    /* What is filled, owned by the loader until uk_content_load takes it. */
    uk_strings *strings;                /* UK_MAX_LANGS of them, English underneath; borrowed */
    uk_routine *routines[UK_MAX_LANGS]; /* per language, catalog->routine_count each */
    uk_motion *motions;                 /* valid motions, in file order: catalog->motion_count */
    struct uk_texts_arena *arena;       /* every routine text, in every language */
} uk_loader;

/*
 * Reports one problem about ld->path as one line, "<path>: <what> '<id>':
 * <field>: <message>" (the parts that are NULL or empty left out, control
 * characters made spaces), and counts it. The message is the loader's
 * buffer, passed to the callback and gone when it returns.
 */
void uk_loader_problem(uk_loader *ld, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports "out of memory" once, and sets ld->out_of_memory so the parts stop. */
void uk_loader_out_of_memory(uk_loader *ld);

/* Where `id` was taken, or NULL if it is not in `list`; the answer is the list's. */
const char *uk_loader_ids_find(const uk_loader_ids *list, const char *id);

/* Adds `id`, taken at `where` (copied); reports running out of memory. */
void uk_loader_ids_add(uk_loader *ld, uk_loader_ids *list, const char *id, const char *where);

/* Frees what the list holds and empties it; it can be used again. */
void uk_loader_ids_free(uk_loader_ids *list);

#endif
