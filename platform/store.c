/*
 * store.c: the anonymous usage log, in SQLite (implements platform/store.h).
 *
 * This file is the only place that knows the usage log is SQLite. It keeps
 * one table, `sessions`, whose every column is a number or a word from a
 * closed set; the CHECK constraints and STRICT typing make that a property of
 * the file itself, not of this code, so a bug elsewhere (or a curious person
 * with the sqlite3 shell) cannot put a name or a note into it.
 *
 * Invariants:
 *   - The schema version is PRAGMA user_version. Version N is reached from
 *     N-1 by migrations[N-1], in one BEGIN IMMEDIATE transaction together with
 *     the user_version bump, so a crash leaves the file at N-1 or at N, never
 *     in between. Adding version 2 means one more entry in migrations[] and
 *     UK_STORE_SCHEMA_VERSION 2 in store.h; old entries are never edited.
 *   - A database newer than this build is refused untouched: the version is
 *     read before any pragma that could write to the file.
 *   - The database runs in WAL mode with synchronous=FULL: a committed row
 *     survives a power cut, which on a kiosk is how it is switched off.
 *   - Every statement the kiosk runs after start-up is prepared once at open
 *     and kept in the struct; every write is BEGIN IMMEDIATE, so a second
 *     writer makes us wait (busy timeout) at BEGIN instead of failing halfway.
 *
 * It must not: abort the process, log by itself (callers decide where an
 * error goes; we only keep the message), or store anything not in
 * uk_session_row.
 */
#include "platform/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

/*
 * How long a write waits for another connection's lock. Long enough for an
 * analyst's copy or checkpoint to finish, short enough that a kiosk whose
 * log is stuck shows its fault banner instead of freezing.
 */
#define STORE_BUSY_TIMEOUT_MS 2000

#define STORE_ERROR_MAX 1024

/* What an operator can do about a file we could not open. */
#define HINT_ACCESS                                                                                \
    "check that the folder exists and the kiosk's user may write to it and to the file, or pass "  \
    "--db PATH"
#define HINT_MOVE_ASIDE "move the file aside or pass --db PATH"

struct uk_store {
    sqlite3 *db;                  /* the connection */
    sqlite3_stmt *begin;          /* BEGIN IMMEDIATE */
    sqlite3_stmt *commit;         /* COMMIT */
    sqlite3_stmt *rollback;       /* ROLLBACK */
    sqlite3_stmt *insert_session; /* INSERT INTO sessions ... ?1..?8 */
    char *path;                   /* as given to uk_store_open */
    char error[STORE_ERROR_MAX];  /* last error, "" if none */
};

/* ---- schema ------------------------------------------------------------------------------- */

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
};

_Static_assert(sizeof migrations / sizeof migrations[0] == UK_STORE_SCHEMA_VERSION,
               "one migration per schema version");

static const char insert_session_sql[] =
    "INSERT INTO sessions (routine, lang, start_hour, duration_s, steps_done, steps_total, "
    "outcome, input) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/* ---- errors ------------------------------------------------------------------------------- */

static void set_error(uk_store *store, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(store->error, sizeof store->error, fmt, ap);
    va_end(ap);
}

/* "cannot open PATH: SQLite's words (what to do)", chosen by SQLite's result code. */
static void set_open_error(uk_store *store, int code)
{
    const char *message = sqlite3_errmsg(store->db);
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        set_error(store, "cannot open %s: %s (it is not an unknot usage log; " HINT_MOVE_ASIDE ")",
                  store->path, message);
        break;
    case SQLITE_CORRUPT:
        set_error(store, "cannot open %s: %s (the file is damaged; " HINT_MOVE_ASIDE ")",
                  store->path, message);
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        set_error(store,
                  "cannot open %s: %s (another program holds it locked; close it, or pass --db "
                  "PATH)",
                  store->path, message);
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_IOERR:
        set_error(store, "cannot open %s: %s (" HINT_ACCESS ")", store->path, message);
        break;
    default:
        set_error(store, "cannot open %s: %s", store->path, message);
        break;
    }
}

/* ---- open --------------------------------------------------------------------------------- */

/* Runs `sql`, which returns at most one row whose first column is an integer. */
static int query_int(uk_store *store, const char *sql, int *value)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int(stmt, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *value = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int set_journal_mode_wal(uk_store *store)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        goto err_open;
    rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW)
        goto err_finalize;
    const unsigned char *mode = sqlite3_column_text(stmt, 0);
    if (mode == NULL || strcmp((const char *)mode, "wal") != 0) {
        /* SQLite keeps the old mode when WAL is impossible, e.g. on a file system without
         * shared memory (some network mounts) or for an in-memory database. */
        set_error(store,
                  "cannot open %s: journal_mode=WAL answered \"%s\" (put the database on a local "
                  "disk, or pass --db PATH)",
                  store->path, mode != NULL ? (const char *)mode : "");
        sqlite3_finalize(stmt);
        return -1;
    }
    sqlite3_finalize(stmt);
    return 0;

err_finalize:
    sqlite3_finalize(stmt);
err_open:
    set_open_error(store, rc);
    return -1;
}

/*
 * Brings the schema from whatever version it has to UK_STORE_SCHEMA_VERSION,
 * one version per transaction. The version is read again inside each
 * transaction: two kiosk processes started at once must not both migrate.
 */
static int migrate(uk_store *store)
{
    int rc;
    for (;;) {
        rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            set_open_error(store, rc);
            return -1;
        }
        int version = 0;
        rc = query_int(store, "PRAGMA user_version", &version);
        if (rc != SQLITE_OK)
            goto err_rollback;
        if (version == UK_STORE_SCHEMA_VERSION)
            break;
        if (version < 0 || version > UK_STORE_SCHEMA_VERSION) {
            /* Another process replaced the file between our first look and now. */
            set_error(store,
                      "cannot open %s: its schema version is %d but this unknot knows only up to "
                      "%d (upgrade unknot, or move the file aside)",
                      store->path, version, UK_STORE_SCHEMA_VERSION);
            sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        char *errmsg = NULL;
        rc = sqlite3_exec(store->db, migrations[version], NULL, NULL, &errmsg);
        if (rc == SQLITE_OK) {
            char bump[48];
            snprintf(bump, sizeof bump, "PRAGMA user_version = %d", version + 1);
            rc = sqlite3_exec(store->db, bump, NULL, NULL, &errmsg);
        }
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, &errmsg);
        if (rc != SQLITE_OK) {
            set_error(
                store,
                "cannot open %s: migrate schema from version %d to %d: %s (" HINT_MOVE_ASIDE ")",
                store->path, version, version + 1, errmsg != NULL ? errmsg : sqlite3_errstr(rc));
            sqlite3_free(errmsg);
            if (!sqlite3_get_autocommit(store->db))
                sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    }
    /* Up to date: end the transaction we opened to look. */
    rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        goto err_rollback;
    return 0;

err_rollback:
    set_open_error(store, rc);
    if (!sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

static int prepare(uk_store *store, const char *sql, sqlite3_stmt **stmt)
{
    int rc = sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
    if (rc != SQLITE_OK) {
        set_error(store, "cannot open %s: prepare \"%s\": %s", store->path, sql,
                  sqlite3_errmsg(store->db));
        return -1;
    }
    return 0;
}

/*
 * Start-up order:
 *   1. open the file (created if missing; the folder must exist)
 *   2. busy timeout, so a briefly locked file is waited for, not reported
 *   3. read user_version and refuse a newer schema before writing anything;
 *      this first read is also where "file is not a database" shows up
 *   4. refuse a file we can only read, rather than fail every append later
 *   5. journal_mode=WAL (checked), synchronous=FULL, foreign_keys=ON
 *   6. migrate one version at a time
 *   7. prepare the statements used after start-up
 */
uk_store *uk_store_open(const char *path, char *error, size_t error_len)
{
    if (error != NULL && error_len > 0)
        error[0] = '\0';
    if (path == NULL || path[0] == '\0') {
        if (error != NULL && error_len > 0)
            snprintf(error, error_len, "cannot open the usage log: no path given (pass --db PATH)");
        errno = EINVAL;
        return NULL;
    }

    uk_store *store = calloc(1, sizeof *store);
    if (store == NULL)
        goto err_no_store;
    store->path = strdup(path);
    if (store->path == NULL)
        goto err_free_store;

    int rc = sqlite3_open_v2(
        path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        if (store->db == NULL) /* SQLite could not even allocate the handle */
            set_error(store, "cannot open %s: %s", path, sqlite3_errstr(rc));
        else
            set_open_error(store, rc);
        goto err_close;
    }
    sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);

    int version = 0;
    rc = query_int(store, "PRAGMA user_version", &version);
    if (rc != SQLITE_OK) {
        set_open_error(store, rc);
        goto err_close;
    }
    if (version < 0 || version > UK_STORE_SCHEMA_VERSION) {
        set_error(store,
                  "cannot open %s: its schema version is %d but this unknot knows only up to %d "
                  "(upgrade unknot, or move the file aside)",
                  path, version, UK_STORE_SCHEMA_VERSION);
        goto err_close;
    }

    /* SQLite opens a write-protected file read-only without saying so. */
    if (sqlite3_db_readonly(store->db, "main") == 1) {
        set_error(store, "cannot open %s: the file is read-only (" HINT_ACCESS ")", path);
        goto err_close;
    }

    if (set_journal_mode_wal(store) != 0)
        goto err_close;
    rc = sqlite3_exec(store->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", NULL, NULL,
                      NULL);
    if (rc != SQLITE_OK) {
        set_open_error(store, rc);
        goto err_close;
    }

    if (version < UK_STORE_SCHEMA_VERSION && migrate(store) != 0)
        goto err_close;

    if (prepare(store, "BEGIN IMMEDIATE", &store->begin) != 0 ||
        prepare(store, "COMMIT", &store->commit) != 0 ||
        prepare(store, "ROLLBACK", &store->rollback) != 0 ||
        prepare(store, insert_session_sql, &store->insert_session) != 0)
        goto err_close;

    return store;

err_close:
    if (error != NULL && error_len > 0)
        snprintf(error, error_len, "%s", store->error);
    uk_store_close(store); /* finalizes what was prepared, closes, frees */
    errno = EIO;
    return NULL;
err_free_store:
    free(store);
err_no_store:
    if (error != NULL && error_len > 0)
        snprintf(error, error_len, "cannot open %s: out of memory", path);
    errno = ENOMEM;
    return NULL;
}

void uk_store_close(uk_store *store)
{
    if (store == NULL)
        return;
    sqlite3_finalize(store->insert_session);
    sqlite3_finalize(store->rollback);
    sqlite3_finalize(store->commit);
    sqlite3_finalize(store->begin);
    /* Every statement is finalized, so this closes (and checkpoints) now. */
    sqlite3_close(store->db);
    free(store->path);
    free(store);
}

/* ---- writing ------------------------------------------------------------------------------ */

/* Steps a statement that returns no rows; leaves it reset. */
static int step_done(sqlite3_stmt *stmt)
{
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int uk_store_append_session(uk_store *store, const uk_session_row *row)
{
    if (store == NULL) {
        errno = EINVAL;
        return -1;
    }
    if (row == NULL) {
        set_error(store, "%s: insert session: no row", store->path);
        errno = EINVAL;
        return -1;
    }
    /* uk_outcome_name and uk_input_kind_name answer a default word for an unknown value;
     * recording a wrong word would be worse than recording nothing. */
    if ((unsigned)row->outcome >= UK_OUTCOME_COUNT) {
        set_error(store, "%s: insert session: unknown outcome %d", store->path, (int)row->outcome);
        errno = EINVAL;
        return -1;
    }
    if ((unsigned)row->input >= UK_INPUT_KIND_COUNT) {
        set_error(store, "%s: insert session: unknown input kind %d", store->path, (int)row->input);
        errno = EINVAL;
        return -1;
    }

    int rc = step_done(store->begin);
    if (rc != SQLITE_OK) {
        set_error(store, "%s: insert session: begin: %s", store->path, sqlite3_errmsg(store->db));
        errno = EIO;
        return -1;
    }

    /* The length stops at the array's end, so a missing NUL is bound as 32 bytes and then
     * refused by the CHECK instead of read past. SQLITE_STATIC: the row outlives the step and
     * the bindings are cleared before returning. */
    sqlite3_stmt *insert = store->insert_session;
    const char *outcome = uk_outcome_name(row->outcome);
    const char *input = uk_input_kind_name(row->input);
    rc = sqlite3_bind_text(insert, 1, row->routine, (int)strnlen(row->routine, sizeof row->routine),
                           SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(insert, 2, row->lang, (int)strnlen(row->lang, sizeof row->lang),
                               SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(insert, 3, row->start_hour);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(insert, 4, row->duration_s);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(insert, 5, row->steps_done);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(insert, 6, row->steps_total);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(insert, 7, outcome, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(insert, 8, input, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = step_done(insert);
    sqlite3_clear_bindings(insert);
    if (rc != SQLITE_OK) {
        set_error(store, "%s: insert session: %s", store->path, sqlite3_errmsg(store->db));
        goto err_rollback;
    }

    rc = step_done(store->commit);
    if (rc != SQLITE_OK) {
        set_error(store, "%s: insert session: commit: %s", store->path, sqlite3_errmsg(store->db));
        goto err_rollback;
    }
    return 0;

err_rollback:
    /* Some errors (I/O, full disk) have already rolled the transaction back. */
    if (!sqlite3_get_autocommit(store->db))
        step_done(store->rollback);
    errno = EIO;
    return -1;
}

/* ---- accessors ---------------------------------------------------------------------------- */

const char *uk_store_error(const uk_store *store)
{
    return store != NULL ? store->error : "";
}

const char *uk_store_path(const uk_store *store)
{
    return store != NULL ? store->path : "";
}
