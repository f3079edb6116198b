/*
 * usage_db.h: the usage log's SQLite file, one connection, no threads.
 *
 * platform/usage/store.c is the only user in the kiosk: its writer thread
 * owns one uk_usage_db and nothing else touches it. This layer knows SQL;
 * the store knows queues, retries and threads. Every function that can fail
 * follows platform/system/error.h: NULL or -1, a sentence in the caller's
 * `error`, and errno the kind of failure (platform/usage/usage_error.h),
 * because the store's reaction depends on it: wait for a read-only or full
 * disk, replace a damaged file, give up on a file from a newer unknot.
 *
 * The tables, their version and their migrations are in
 * platform/usage/usage_schema.h.
 */
#ifndef UK_PLATFORM_USAGE_USAGE_DB_H
#define UK_PLATFORM_USAGE_USAGE_DB_H

#include <stddef.h>
#include <stdint.h>

#include "app/model/session.h"
#include "app/model/stats.h"

#define UK_USAGE_DB_SCREEN_WORD_MAX 16 /* screen words: 1..15 of [a-z-], plus NUL */

typedef enum uk_usage_db_item_kind {
    UK_USAGE_DB_ITEM_SESSION = 0, /* a finished session: one row */
    UK_USAGE_DB_ITEM_VIEW         /* one view of a screen: a counter goes up by one */
} uk_usage_db_item_kind;

/* One thing to write, as the store queues it. */
typedef struct uk_usage_db_item {
    uint64_t seq; /* the store's number for it, 1, 2, ... in queue order */
    uk_usage_db_item_kind kind;
    union {
        uk_session_row session;
        struct {
            char screen[UK_USAGE_DB_SCREEN_WORD_MAX];
            int64_t hour; /* Unix s, a whole hour */
        } view;
    };
} uk_usage_db_item;

typedef struct uk_usage_db uk_usage_db;

/*
 * Opens the file at `path` for writing, creating it if missing (its folder
 * must exist): refuses a newer schema before writing anything, switches to
 * WAL with synchronous=FULL, runs PRAGMA quick_check, migrates one version
 * at a time, and prepares the statements. On failure returns NULL with a
 * sentence naming the file and what to do in `error`, and errno the kind
 * (usage_error.h). The caller owns the result and closes it with
 * uk_usage_db_close.
 */
uk_usage_db *uk_usage_db_open(const char *path, char *error, size_t error_len);

/* Closes the connection and frees `db`. Accepts NULL. */
void uk_usage_db_close(uk_usage_db *db);

/*
 * Writes `items` in one BEGIN IMMEDIATE transaction, synced before it
 * returns. An item the schema refuses (a CHECK constraint) is left out and
 * counted in `*refused`, with the last refusal's reason in `error`; the
 * others are still written. Returns 0 once committed; otherwise -1 with
 * errno the kind, why in `error`, and nothing of the batch written. The
 * items stay the caller's.
 */
int uk_usage_db_write(uk_usage_db *db, const uk_usage_db_item *items, size_t count, size_t *refused,
                      char *error, size_t error_len);

/*
 * Deletes sessions that started, and counters for hours, before `cutoff_s`
 * (Unix s), in one transaction. `*deleted` gets the number of rows removed.
 * 0, or -1 with errno the kind and why in `error`.
 */
int uk_usage_db_delete_before(uk_usage_db *db, int64_t cutoff_s, int64_t *deleted, char *error,
                              size_t error_len);

/*
 * Fills the caller's `out` with the admin screen's numbers as of `now_s`
 * (local time decides what a day and an hour are); leaves `generation` and
 * `health` alone. 0, or -1 with errno the kind and why in `error`.
 */
int uk_usage_db_stats(uk_usage_db *db, int64_t now_s, uk_stats *out, char *error, size_t error_len);

/*
 * Renames the file at `path`, and its -wal, -shm and -journal if present, to
 * PATH.corrupt-YYYYMMDDTHHMMSS (UTC time `now_s`; -2, -3... if taken) with the
 * same suffixes, so the damaged data stays available to inspect. The file
 * must not be open. Returns 0 with the new name in the caller's `moved_to`,
 * or -1 with errno set and why in `error`.
 */
int uk_usage_db_move_aside(const char *path, int64_t now_s, char *moved_to, size_t moved_to_len,
                           char *error, size_t error_len);

/* Bytes on disk for the database and its write-ahead log; -1 if the file is missing. */
int64_t uk_usage_db_bytes(const char *path);

#endif
