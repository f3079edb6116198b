/*
 * store.h: the anonymous usage log, written off the UI thread.
 *
 * The kiosk hands finished sessions and screen views to the store, which
 * queues them in memory and returns at once; a writer thread that owns the
 * SQLite connection writes them in batches, each one BEGIN IMMEDIATE and
 * synced (WAL, synchronous=FULL). The UI thread never waits for the disk:
 * when the queue is full the row is dropped and counted, never waited for.
 *
 * When the disk misbehaves the kiosk keeps running:
 *   - read-only or full: rows wait in memory (at most queue_capacity),
 *     the writer retries with a growing delay, and the status says so;
 *   - damaged file: it is moved aside as usage.db.corrupt-YYYYMMDDTHHMMSS
 *     (UTC) and a fresh one is started, with a message in the log;
 *   - a file from a newer unknot is refused untouched: uk_store_open fails.
 * Every row numbered up to uk_stats_health.committed_seq is settled: on disk
 * and synced, or refused by the schema (then counted in rows_lost and
 * logged); none of them waits in memory any more.
 *
 * Rows older than retention_days are deleted at open and then about once a
 * day. What the file holds is in docs/privacy.md; the schema and its CHECK
 * constraints are in platform/usage/usage_schema.c.
 *
 * Threads: every function may be called from one thread (the UI thread)
 * while the writer runs; uk_store_get_status and uk_store_get_stats from
 * any thread. None of them touches the disk; only open and close wait for it.
 */
#ifndef UK_PLATFORM_USAGE_STORE_H
#define UK_PLATFORM_USAGE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "app/model/session.h"
#include "app/model/stats.h"

typedef struct uk_store uk_store;

/*
 * Settings; uk_store_options_defaults fills every field. The config file's
 * [usage] database and retention_days become path and retention_days
 * (platform/main.c); the others are for tests and keep their defaults.
 */
typedef struct uk_store_options {
    const char *path;          /* the database file; its folder must exist. Copied by open */
    int retention_days;        /* rows older than this are deleted (1..3650; default 90) */
    size_t queue_capacity;     /* rows that may wait in memory, in normal operation and
                                  while the disk refuses writes (default 1024) */
    uint32_t retry_initial_ms; /* first retry after a failed write (default 1000) ... */
    uint32_t retry_max_ms;     /* ... doubling up to this (default 60000) */
    uint32_t close_timeout_ms; /* how long close may wait to write what is queued (5000) */
    /* Where messages go (any thread; must not block long). NULL: stderr, "unknot: ...". */
    void (*log)(void *ctx, const char *message);
    /* Called on the writer thread after the status or the statistics changed (main.c pushes
     * an SDL event, so the admin screen redraws). NULL: nobody is told. */
    void (*notify)(void *ctx);
    /* The wall clock in Unix seconds. NULL: the real one. Tests set it. */
    int64_t (*clock_s)(void *ctx);
    void *ctx; /* given to log, notify and clock_s */
} uk_store_options;

/* Fills `options` with the defaults above and path NULL. */
void uk_store_options_defaults(uk_store_options *options);

/*
 * Opens the usage log and starts its writer thread. Waits for the disk only
 * here: opening, quick_check, migrations and the first retention run.
 *
 * Returns NULL, with a message naming the file and what to do in `error`,
 * only when retrying cannot help: no path, a folder that does not exist, a
 * database from a newer unknot (left untouched), a failed migration, no
 * memory or no thread. A read-only or full disk, or a file locked by
 * another program, gives a working store whose status says it is retrying
 * (rows wait in memory); a damaged file is replaced. The caller owns the
 * store and closes it with uk_store_close.
 */
uk_store *uk_store_open_with(const uk_store_options *options, char *error, size_t error_len);

/* uk_store_open_with the defaults and `path`. */
uk_store *uk_store_open(const char *path, char *error, size_t error_len);

/*
 * Writes what is queued, waiting at most close_timeout_ms (a SIGTERM'd
 * kiosk must still stop promptly), stops the writer and frees the store.
 * Rows still waiting after that are counted lost and reported through log.
 * Accepts NULL.
 */
void uk_store_close(uk_store *store);

/*
 * Queues one finished session; returns at once. 0 when queued; -1 with
 * errno EINVAL (NULL, or an outcome or input kind out of range), EAGAIN
 * (the queue is full: the row is dropped, counted in rows_lost, and the
 * first drop of a run is logged) or EPIPE (uk_store_close has begun: a call
 * from the log or notify callback while the store closes; the row is not
 * counted). The row is copied.
 */
int uk_store_append_session(uk_store *store, const uk_session_row *row);

/*
 * Counts one view of `screen` (a word such as "doctor": 1..15 of [a-z-])
 * in the hour that holds `when_s` (Unix s; rounded down to the hour here).
 * Returns like uk_store_append_session.
 */
int uk_store_count_view(uk_store *store, const char *screen, int64_t when_s);

/*
 * Waits up to `timeout_ms` until every row queued before the call is
 * committed (or refused by the schema). 0 when done, -1 with errno
 * ETIMEDOUT otherwise. For tests and shutdown paths, not for the UI thread.
 */
int uk_store_flush(uk_store *store, uint32_t timeout_ms);

/*
 * Copies the current health into `out`: state, rows pending, committed and
 * lost, database size, last write and last error. Never waits for the disk.
 * A NULL store reads as closed with "no usage log".
 */
void uk_store_get_status(uk_store *store, uk_stats_health *out);

/*
 * Copies the latest statistics snapshot for the admin screen into `out`
 * (generation 0: none computed yet) with the current health. Never waits
 * for the disk: the writer computes a snapshot only when asked with
 * uk_store_refresh_stats, after the rows queued before the call. A NULL
 * store gives zeros and a closed health.
 */
void uk_store_get_stats(uk_store *store, uk_stats *out);

/*
 * Asks the writer for a fresh snapshot (e.g. when the admin screen opens);
 * returns at once. Its notify says when the snapshot is there.
 */
void uk_store_refresh_stats(uk_store *store);

/* The path the store was opened with. Owned by the store; "" for NULL. */
const char *uk_store_path(const uk_store *store);

#endif
