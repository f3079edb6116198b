/*
 * usage_schema.h: the usage log's tables, their version, and the way from
 * every older version to this one.
 *
 * The one place that says what the file holds: platform/usage/usage_db.c
 * (the kiosk's writer) and platform/usage/report.c (`unknot report`) both
 * take the version and the tables from here. Versions, as PRAGMA
 * user_version; every table STRICT with CHECK constraints, so the file can
 * hold only numbers and words from closed sets:
 *   1  sessions      one row per finished session (app/model/session.h)
 *   2  screen_views  views per screen word and whole hour (a counter)
 * docs/privacy.md lists every column and why it is there.
 *
 * Failures follow platform/system/error.h, errno being one of the kinds of
 * platform/usage/usage_error.h.
 */
#ifndef UK_PLATFORM_USAGE_USAGE_SCHEMA_H
#define UK_PLATFORM_USAGE_USAGE_SCHEMA_H

#include <stddef.h>

#define UK_USAGE_SCHEMA_VERSION            2 /* the newest version this build knows */
#define UK_USAGE_SCHEMA_SESSIONS_SINCE     1 /* the version that added each table */
#define UK_USAGE_SCHEMA_SCREEN_VIEWS_SINCE 2

struct sqlite3;

/*
 * Reads the version of the file open on `conn` into `*version`. 0, or -1
 * with errno the kind and SQLite's words left on `conn` (sqlite3_errmsg)
 * for the caller's sentence. Only reads; `conn` stays the caller's.
 */
int uk_usage_schema_read_version(struct sqlite3 *conn, int *version);

/*
 * Reads the version like uk_usage_schema_read_version, and refuses one
 * this build does not know (newer, or negative) before anything is
 * written: -1 with errno UK_USAGE_ERROR_HOPELESS and, in `error`, both
 * versions and what to do. A failed read is "cannot open PATH: ...".
 * Writes nothing to the file; `conn` and `path` stay the caller's.
 */
int uk_usage_schema_check(struct sqlite3 *conn, const char *path, int *version, char *error,
                          size_t error_len);

/*
 * Brings the file on `conn` (not in a transaction) to
 * UK_USAGE_SCHEMA_VERSION, one version per BEGIN IMMEDIATE transaction
 * together with its user_version, so a crash leaves it at one version or
 * the next, never in between. 0, or -1 with errno the kind and, in `error`,
 * a sentence naming `path`; a failed step leaves the file as it was before
 * that step. `conn` and `path` stay the caller's.
 */
int uk_usage_schema_migrate(struct sqlite3 *conn, const char *path, char *error, size_t error_len);

#endif
