/*
 * store.h: the anonymous usage log, in SQLite.
 *
 * One table, `sessions`, one row per finished session (see app/session.h).
 * Every column is a number or one of a closed set of words, enforced by
 * CHECK constraints in a STRICT table, so the file cannot hold a name, a
 * note or any other free text even if a bug tried to put one there. The
 * database runs in WAL mode; its schema version is PRAGMA user_version and
 * migrations run one version at a time inside a transaction.
 *
 * Errors: functions return NULL or -1 and leave a message naming the
 * database file, the operation and SQLite's own words in uk_store_error().
 */
#ifndef UK_PLATFORM_STORE_H
#define UK_PLATFORM_STORE_H

#include "app/session.h"

#define UK_STORE_SCHEMA_VERSION 1

typedef struct uk_store uk_store;

/*
 * Opens (creating if needed) the database at `path` and brings its schema up
 * to date. The folder must exist. On failure returns NULL and, when `error`
 * is not NULL, writes a message naming the file and what to do.
 */
uk_store *uk_store_open(const char *path, char *error, size_t error_len);

/* Closes the database. Accepts NULL. */
void uk_store_close(uk_store *store);

/* Appends one row in its own transaction; 0 once committed, -1 on failure. */
int uk_store_append_session(uk_store *store, const uk_session_row *row);

/* The last error message, "" if none. Owned by the store. */
const char *uk_store_error(const uk_store *store);

/* The path the store was opened with. Owned by the store. */
const char *uk_store_path(const uk_store *store);

#endif
