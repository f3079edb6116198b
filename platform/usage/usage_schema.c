/*
 * usage_schema.c: the usage log's tables and their migrations (implements
 * platform/usage/usage_schema.h).
 *
 * Invariants:
 *   - The schema version is PRAGMA user_version. Version N is reached from
 *     N-1 by migrations[N-1], in one BEGIN IMMEDIATE transaction together with
 *     the user_version bump. Old entries of migrations[] are never edited.
 *   - The version is read again inside each transaction: two kiosk processes
 *     started at once must not both migrate.
 *   - The tables hold numbers and words from closed sets only; the CHECK
 *     constraints and STRICT typing make that a property of the file itself,
 *     so a bug elsewhere (or a curious person with the sqlite3 shell) cannot
 *     put a name or a note into it.
 *
 * It must not: open or close connections, set pragmas other than
 * user_version, or write rows.
 */
#include "platform/usage/usage_schema.h"

#include <errno.h>
#include <stdio.h>

#include <sqlite3.h>

#include "platform/system/error.h"
#include "platform/usage/usage_error.h"

#define HINT_MOVE_ASIDE "move the file aside or pass --db PATH"

/*
 * migrations[n] takes a database from version n to n+1. Never edit an entry
 * that has shipped: add a new one.
 *
 * Text columns also require their byte length to equal their character
 * length: SQLite's length() and GLOB stop at the first NUL, so without that
 * check 'en' || char(0) || 'John Smith' would pass as the word "en".
 */
static const char *const migrations[] = {
    /* 0 -> 1: the sessions table. */
    "CREATE TABLE sessions (\n"
    "    routine TEXT NOT NULL CHECK (length(routine) BETWEEN 1 AND 31\n"
    "        AND length(CAST(routine AS BLOB)) = length(routine)\n"
    "        AND routine NOT GLOB '*[^a-z0-9-]*' AND routine NOT GLOB '-*'),\n"
    "    lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 7\n"
    "        AND length(CAST(lang AS BLOB)) = length(lang)\n"
    "        AND lang NOT GLOB '*[^a-z-]*'),\n"
    "    start_hour INTEGER NOT NULL CHECK (start_hour >= 0 AND start_hour % 3600 = 0),\n"
    "    duration_s INTEGER NOT NULL CHECK (duration_s BETWEEN 0 AND 86400),\n"
    "    steps_done INTEGER NOT NULL CHECK (steps_done >= 0 AND steps_done <= steps_total),\n"
    "    steps_total INTEGER NOT NULL CHECK (steps_total BETWEEN 1 AND 255),\n"
    "    outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'stopped', 'timed_out', "
    "'doctor')),\n"
    "    input TEXT NOT NULL CHECK (input IN ('touch', 'button', 'keyboard'))\n"
    ") STRICT;\n"
    "CREATE INDEX sessions_start_hour ON sessions (start_hour);\n",

    /* 1 -> 2: screen views, counted per screen and whole hour, never per person. */
    "CREATE TABLE screen_views (\n"
    "    screen TEXT NOT NULL CHECK (length(screen) BETWEEN 1 AND 15\n"
    "        AND length(CAST(screen AS BLOB)) = length(screen)\n"
    "        AND screen NOT GLOB '*[^a-z-]*' AND screen NOT GLOB '-*'),\n"
    "    hour INTEGER NOT NULL CHECK (hour >= 0 AND hour % 3600 = 0),\n"
    "    views INTEGER NOT NULL CHECK (views BETWEEN 1 AND 1000000),\n"
    "    PRIMARY KEY (screen, hour)\n"
    ") STRICT, WITHOUT ROWID;\n"
    "CREATE INDEX screen_views_hour ON screen_views (hour);\n",
};

_Static_assert(sizeof migrations / sizeof migrations[0] == UK_USAGE_SCHEMA_VERSION,
               "one migration per schema version");

int uk_usage_schema_read_version(sqlite3 *conn, int *version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(conn, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        *version = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK) {
        errno = uk_usage_error_kind(conn, rc);
        return -1;
    }
    return 0;
}

static int unknown_version(const char *path, int version, char *error, size_t error_len)
{
    return uk_error_set(error, error_len, UK_USAGE_ERROR_HOPELESS,
                        "cannot open %s: its schema version is %d but this unknot knows only up "
                        "to %d (upgrade unknot, or move the file aside)",
                        path, version, UK_USAGE_SCHEMA_VERSION);
}

int uk_usage_schema_check(sqlite3 *conn, const char *path, int *version, char *error,
                          size_t error_len)
{
    if (uk_usage_schema_read_version(conn, version) != 0) {
        int kind = errno;
        return uk_usage_error_open(path, sqlite3_errmsg(conn), kind, error, error_len);
    }
    if (*version < 0 || *version > UK_USAGE_SCHEMA_VERSION)
        return unknown_version(path, *version, error, error_len);
    return 0;
}

/* Ends the transaction a failure interrupted, keeping errno. */
static void roll_back(sqlite3 *conn)
{
    int kind = errno;
    if (!sqlite3_get_autocommit(conn))
        sqlite3_exec(conn, "ROLLBACK", NULL, NULL, NULL);
    errno = kind;
}

int uk_usage_schema_migrate(sqlite3 *conn, const char *path, char *error, size_t error_len)
{
    for (;;) {
        int rc = sqlite3_exec(conn, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return uk_usage_error_open_call(conn, rc, path, error, error_len);
        int version = 0;
        if (uk_usage_schema_check(conn, path, &version, error, error_len) != 0) {
            /* Unreadable now, or another process replaced the file since our first look. */
            roll_back(conn);
            return -1;
        }
        if (version == UK_USAGE_SCHEMA_VERSION)
            break;
        char *errmsg = NULL;
        rc = sqlite3_exec(conn, migrations[version], NULL, NULL, &errmsg);
        if (rc == SQLITE_OK) {
            char bump[48];
            snprintf(bump, sizeof bump, "PRAGMA user_version = %d", version + 1);
            rc = sqlite3_exec(conn, bump, NULL, NULL, &errmsg);
        }
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(conn, "COMMIT", NULL, NULL, &errmsg);
        if (rc != SQLITE_OK) {
            uk_error_set(error, error_len, uk_usage_error_kind(conn, rc),
                         "cannot open %s: migrate schema from version %d to %d: %s "
                         "(" HINT_MOVE_ASIDE ")",
                         path, version, version + 1, errmsg != NULL ? errmsg : sqlite3_errstr(rc));
            sqlite3_free(errmsg);
            roll_back(conn);
            return -1;
        }
    }
    /* Up to date: end the transaction we opened to look. */
    int rc = sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        uk_usage_error_open_call(conn, rc, path, error, error_len);
        roll_back(conn);
        return -1;
    }
    return 0;
}
