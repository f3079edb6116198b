/*
 * usage_error.h: what a failed SQLite call on the usage log means, as the
 * errno that platform/system/error.h asks for.
 *
 * The store's writer decides by the kind alone what to do about a failed
 * disk operation, so every failure of platform/usage/usage_db.h and
 * usage_schema.h sets errno to one of these:
 *   EROFS                    the file, folder or disk refuses writes: wait and retry
 *   ENOSPC                   no space left: wait and retry
 *   EIO, EBUSY               another I/O error, or locked by another program (EBUSY):
 *                            wait and retry
 *   UK_USAGE_ERROR_DAMAGED   not a database, or damaged: move it aside, start a fresh one
 *   UK_USAGE_ERROR_HOPELESS  retrying cannot help: a newer schema, a failed migration,
 *                            a file system without WAL
 * and, before the file is touched, EINVAL (no path), ENOENT (no folder) or
 * ENOMEM, which retrying cannot help either.
 *
 * It must not: decide what to do about a failure, or log.
 */
#ifndef UK_PLATFORM_USAGE_USAGE_ERROR_H
#define UK_PLATFORM_USAGE_USAGE_ERROR_H

#include <errno.h>
#include <stddef.h>

#define UK_USAGE_ERROR_DAMAGED  EBADMSG
#define UK_USAGE_ERROR_HOPELESS ENOTRECOVERABLE

struct sqlite3;

/*
 * The errno for SQLite's result `rc` of a failed call on `conn` (NULL when
 * there is no connection yet): the result code says most; for an I/O error
 * the errno of the failed system call tells a read-only or full disk from
 * the rest. A call that failed without an error code (SQLITE_OK, _ROW or
 * _DONE where a row was due) is EIO. Only reads `conn`.
 */
int uk_usage_error_kind(struct sqlite3 *conn, int rc);

/*
 * Writes "cannot open PATH: WORDS (what to do)" into `error` (may be NULL),
 * the advice chosen by `kind` (an errno as above, or ENOENT for a missing
 * folder), sets errno to `kind` and returns -1. `words` say what went wrong
 * (SQLite's, or the caller's); the caller keeps them and `path`.
 */
int uk_usage_error_open(const char *path, const char *words, int kind, char *error,
                        size_t error_len);

/*
 * uk_usage_error_open for a failed SQLite call while opening `path`: the
 * kind from `rc`, the words from `conn` (or from `rc` when `conn` is NULL).
 * Returns -1. Only reads `conn`.
 */
int uk_usage_error_open_call(struct sqlite3 *conn, int rc, const char *path, char *error,
                             size_t error_len);

#endif
