/*
 * usage_db.c: the usage log's SQLite file (implements platform/usage/usage_db.h).
 *
 * The kiosk's connection to the usage log: opening it (the tables and their
 * migrations are platform/usage/usage_schema.c's), writing rows, deleting
 * old ones, and the admin screen's numbers. Only the usage_*.c files here
 * and platform/usage/report.c know that the usage log is SQLite.
 *
 * Invariants:
 *   - A database newer than this build is refused untouched: the version is
 *     read before any pragma that could write to the file.
 *   - WAL with synchronous=FULL: a committed row survives a power cut, which
 *     on a kiosk is how it is switched off.
 *   - Statements used after open are prepared once and kept; every write is
 *     BEGIN IMMEDIATE, so a second writer makes us wait (busy timeout) at
 *     BEGIN instead of failing halfway.
 *
 * It must not: log, sleep, retry or touch threads (the store decides all
 * that from the errno it gets back), or store anything not in a
 * uk_usage_db_item.
 */
#include "platform/usage/usage_db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "platform/system/error.h"
#include "platform/usage/usage_error.h"
#include "platform/usage/usage_schema.h"

/*
 * How long a write waits for another connection's lock. Long enough for an
 * analyst's copy or checkpoint to finish; after it the store keeps the rows
 * in memory and retries.
 */
#define BUSY_TIMEOUT_MS 2000

struct uk_usage_db {
    sqlite3 *db;                  /* the connection */
    sqlite3_stmt *begin;          /* BEGIN IMMEDIATE */
    sqlite3_stmt *commit;         /* COMMIT */
    sqlite3_stmt *rollback;       /* ROLLBACK */
    sqlite3_stmt *insert_session; /* INSERT INTO sessions ... ?1..?8 */
    sqlite3_stmt *count_view;     /* INSERT INTO screen_views ... ON CONFLICT add one */
    sqlite3_stmt *delete_sessions;
    sqlite3_stmt *delete_views;
    sqlite3_stmt *begin_read;   /* BEGIN: the statistics' one snapshot */
    sqlite3_stmt *stats_window; /* the admin screen's numbers, see stats_*_sql */
    sqlite3_stmt *stats_days;
    sqlite3_stmt *stats_routines;
    sqlite3_stmt *stats_hours;
    sqlite3_stmt *stats_doctor;
    char *path; /* as given to uk_usage_db_open */
};

/* ---- statements --------------------------------------------------------------------------- */

static const char insert_session_sql[] =
    "INSERT INTO sessions (routine, lang, start_hour, duration_s, steps_done, steps_total, "
    "outcome, input) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char count_view_sql[] =
    "INSERT INTO screen_views (screen, hour, views) VALUES (?1, ?2, 1) "
    "ON CONFLICT (screen, hour) DO UPDATE SET views = views + 1";

/*
 * The admin screen's numbers (uk_usage_db_stats). ?1 is now (Unix s), ?2
 * the window's start. Days are local; the window starts at local midnight
 * 29 days ago.
 */
static const char stats_window_sql[] =
    "SELECT CAST(strftime('%s', date(?1, 'unixepoch', 'localtime', '-29 days'), 'utc') AS "
    "INTEGER)";
static const char stats_days_sql[] =
    "WITH RECURSIVE days(i, d) AS (\n"
    "    SELECT 0, date(?1, 'unixepoch', 'localtime', '-29 days')\n"
    "    UNION ALL SELECT i + 1, date(d, '+1 day') FROM days WHERE i < 29),\n"
    "counts(d, starts, completions) AS (\n"
    "    SELECT date(start_hour, 'unixepoch', 'localtime'), count(*), sum(outcome = "
    "'completed')\n"
    "    FROM sessions WHERE start_hour BETWEEN ?2 AND ?1 GROUP BY 1)\n"
    "SELECT days.d, CAST(strftime('%w', days.d) AS INTEGER), coalesce(starts, 0),\n"
    "    coalesce(completions, 0)\n"
    "FROM days LEFT JOIN counts USING (d) ORDER BY days.i";
static const char stats_routines_sql[] =
    "SELECT routine, count(*), sum(outcome = 'completed') FROM sessions WHERE start_hour BETWEEN "
    "?2 AND ?1 "
    "GROUP BY routine ORDER BY count(*) DESC, routine LIMIT 32";
static const char stats_hours_sql[] =
    "SELECT CAST(strftime('%H', start_hour, 'unixepoch', 'localtime') AS INTEGER), count(*), "
    "sum(outcome = 'completed') FROM sessions WHERE start_hour BETWEEN ?2 AND ?1 GROUP BY 1";
static const char stats_doctor_sql[] = "SELECT coalesce(sum(views), 0) FROM screen_views WHERE "
                                       "screen = 'doctor' AND hour BETWEEN ?2 AND ?1";

_Static_assert(UK_STATS_DAYS == 30 && UK_STATS_ROUTINES == 32,
               "the statistics queries above spell out these numbers");

/* Every statement used after open: prepared once there, kept until close. */
static const struct {
    size_t offset; /* of its sqlite3_stmt * in uk_usage_db */
    const char *sql;
} statements[] = {
    {offsetof(uk_usage_db, begin), "BEGIN IMMEDIATE"},
    {offsetof(uk_usage_db, commit), "COMMIT"},
    {offsetof(uk_usage_db, rollback), "ROLLBACK"},
    {offsetof(uk_usage_db, insert_session), insert_session_sql},
    {offsetof(uk_usage_db, count_view), count_view_sql},
    {offsetof(uk_usage_db, delete_sessions), "DELETE FROM sessions WHERE start_hour < ?1"},
    {offsetof(uk_usage_db, delete_views), "DELETE FROM screen_views WHERE hour < ?1"},
    {offsetof(uk_usage_db, begin_read), "BEGIN"},
    {offsetof(uk_usage_db, stats_window), stats_window_sql},
    {offsetof(uk_usage_db, stats_days), stats_days_sql},
    {offsetof(uk_usage_db, stats_routines), stats_routines_sql},
    {offsetof(uk_usage_db, stats_hours), stats_hours_sql},
    {offsetof(uk_usage_db, stats_doctor), stats_doctor_sql},
};

static sqlite3_stmt **statement(uk_usage_db *db, size_t i)
{
    return (sqlite3_stmt **)((char *)db + statements[i].offset);
}

/* ---- open --------------------------------------------------------------------------------- */

/* Runs `sql`, whose first row's first column is text, and compares it with `want`. */
static int query_is(sqlite3 *conn, const char *sql, const char *want, char *got, size_t got_len)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(conn, sql, -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    got[0] = '\0';
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(stmt, 0);
        snprintf(got, got_len, "%s", text != NULL ? (const char *)text : "");
        rc = strcmp(got, want) == 0 ? SQLITE_OK : SQLITE_MISMATCH;
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int prepare(uk_usage_db *db, const char *sql, sqlite3_stmt **stmt, char *error,
                   size_t error_len)
{
    int rc = sqlite3_prepare_v3(db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
    if (rc != SQLITE_OK)
        return uk_error_set(error, error_len, uk_usage_error_kind(db->db, rc),
                            "cannot open %s: prepare \"%s\": %s", db->path, sql,
                            sqlite3_errmsg(db->db));
    return 0;
}

/* True if the folder that would hold `path` exists. */
static int parent_exists(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL)
        return 1; /* the working directory */
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Start-up order:
 *   1. open the file (created if missing; the folder must exist)
 *   2. busy timeout, so a briefly locked file is waited for, not reported
 *   3. read user_version and refuse a newer schema before writing anything;
 *      this first read is also where "file is not a database" shows up
 *   4. refuse a file we can only read, rather than fail every write later
 *   5. journal_mode=WAL (checked), synchronous=FULL
 *   6. quick_check: damage found now is a replaced file, not a lost row later
 *   7. migrate one version at a time
 *   8. prepare the statements used after start-up
 */
uk_usage_db *uk_usage_db_open(const char *path, char *error, size_t error_len)
{
    if (error != NULL && error_len > 0)
        error[0] = '\0';
    if (path == NULL || path[0] == '\0') {
        uk_error_set(error, error_len, EINVAL,
                     "cannot open the usage log: no path given (pass --db PATH)");
        return NULL;
    }

    uk_usage_db *db = calloc(1, sizeof *db);
    if (db == NULL)
        goto err_no_db;
    db->path = strdup(path);
    if (db->path == NULL)
        goto err_free_db;

    if (!parent_exists(path)) {
        uk_usage_error_open(path, "the folder does not exist", ENOENT, error, error_len);
        goto err_close;
    }
    int rc = sqlite3_open_v2(
        path, &db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        uk_usage_error_open_call(db->db, rc, path, error, error_len);
        goto err_close;
    }
    sqlite3_busy_timeout(db->db, BUSY_TIMEOUT_MS);

    int version = 0;
    if (uk_usage_schema_check(db->db, path, &version, error, error_len) != 0)
        goto err_close;

    /* SQLite opens a write-protected file read-only without saying so. */
    if (sqlite3_db_readonly(db->db, "main") == 1) {
        uk_usage_error_open(path, "the file is read-only", EROFS, error, error_len);
        goto err_close;
    }

    char answer[64];
    rc = query_is(db->db, "PRAGMA journal_mode=WAL", "wal", answer, sizeof answer);
    if (rc == SQLITE_MISMATCH) {
        /* SQLite keeps the old mode when WAL is impossible, e.g. on a file system without
         * shared memory (some network mounts). */
        uk_error_set(error, error_len, UK_USAGE_ERROR_HOPELESS,
                     "cannot open %s: journal_mode=WAL answered \"%s\" (put the database on a "
                     "local disk, or pass --db PATH)",
                     path, answer);
        goto err_close;
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        uk_usage_error_open_call(db->db, rc, path, error, error_len);
        goto err_close;
    }

    rc = query_is(db->db, "PRAGMA quick_check", "ok", answer, sizeof answer);
    if (rc == SQLITE_MISMATCH) {
        uk_error_set(error, error_len, UK_USAGE_ERROR_DAMAGED,
                     "cannot open %s: quick_check found damage: %s", path, answer);
        goto err_close;
    }
    if (rc != SQLITE_OK) {
        uk_usage_error_open_call(db->db, rc, path, error, error_len);
        goto err_close;
    }

    if (version < UK_USAGE_SCHEMA_VERSION &&
        uk_usage_schema_migrate(db->db, path, error, error_len) != 0)
        goto err_close;

    for (size_t i = 0; i < sizeof statements / sizeof statements[0]; i++)
        if (prepare(db, statements[i].sql, statement(db, i), error, error_len) != 0)
            goto err_close;
    return db;

err_close:;
    int kind = errno; /* closing may call into the file system */
    uk_usage_db_close(db);
    errno = kind;
    return NULL;
err_free_db:
    free(db);
err_no_db:
    uk_error_set(error, error_len, ENOMEM, "cannot open %s: out of memory", path);
    return NULL;
}

void uk_usage_db_close(uk_usage_db *db)
{
    if (db == NULL)
        return;
    for (size_t i = 0; i < sizeof statements / sizeof statements[0]; i++)
        sqlite3_finalize(*statement(db, i));
    sqlite3_close(db->db);
    free(db->path);
    free(db);
}

/* ---- writing ------------------------------------------------------------------------------ */

/* Steps a statement that returns no rows; leaves it reset. */
static int step_done(sqlite3_stmt *stmt)
{
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Ends a failed transaction, which some errors (I/O, full disk) have already
 * rolled back; -1 with errno the kind and "PATH: what: SQLite's words" in `error`.
 */
static int fail_transaction(uk_usage_db *db, const char *what, int rc, char *error,
                            size_t error_len)
{
    int kind = uk_usage_error_kind(db->db, rc);
    uk_error_set(error, error_len, kind, "%s: %s: %s", db->path, what, sqlite3_errmsg(db->db));
    if (!sqlite3_get_autocommit(db->db))
        step_done(db->rollback);
    errno = kind;
    return -1;
}

/*
 * Binds a session row. The length stops at the array's end, so a missing NUL
 * is bound as 32 bytes and then refused by the CHECK instead of read past.
 * SQLITE_STATIC: the row outlives the step and the bindings are cleared after.
 */
static int bind_session(sqlite3_stmt *insert, const uk_session_row *row)
{
    /* uk_session_outcome_name and uk_input_kind_name answer a default word for an unknown value;
     * binding NULL instead makes the schema refuse it. */
    const char *outcome =
        (unsigned)row->outcome < UK_OUTCOME_COUNT ? uk_session_outcome_name(row->outcome) : NULL;
    const char *input =
        (unsigned)row->input < UK_INPUT_KIND_COUNT ? uk_input_kind_name(row->input) : NULL;
    int rc = sqlite3_bind_text(insert, 1, row->routine,
                               (int)strnlen(row->routine, sizeof row->routine), SQLITE_STATIC);
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
    return rc;
}

int uk_usage_db_write(uk_usage_db *db, const uk_usage_db_item *items, size_t count, size_t *refused,
                      char *error, size_t error_len)
{
    *refused = 0;
    int rc = step_done(db->begin);
    if (rc != SQLITE_OK)
        return fail_transaction(db, "write usage: begin", rc, error, error_len);

    for (size_t i = 0; i < count; i++) {
        const uk_usage_db_item *item = &items[i];
        sqlite3_stmt *stmt;
        const char *what;
        if (item->kind == UK_USAGE_DB_ITEM_SESSION) {
            stmt = db->insert_session;
            what = "insert session";
            rc = bind_session(stmt, &item->session);
        } else {
            stmt = db->count_view;
            what = "count screen view";
            rc = sqlite3_bind_text(stmt, 1, item->view.screen,
                                   (int)strnlen(item->view.screen, sizeof item->view.screen),
                                   SQLITE_STATIC);
            if (rc == SQLITE_OK)
                rc = sqlite3_bind_int64(stmt, 2, item->view.hour);
        }
        if (rc == SQLITE_OK)
            rc = step_done(stmt);
        sqlite3_clear_bindings(stmt);
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            /* Only this statement was undone; the transaction and the other rows go on. */
            if (error != NULL && error_len > 0)
                snprintf(error, error_len, "%s: %s: %s (row left out)", db->path, what,
                         sqlite3_errmsg(db->db));
            (*refused)++;
            continue;
        }
        if (rc != SQLITE_OK)
            return fail_transaction(db, what, rc, error, error_len);
    }

    rc = step_done(db->commit);
    if (rc != SQLITE_OK)
        return fail_transaction(db, "write usage: commit", rc, error, error_len);
    return 0;
}

int uk_usage_db_delete_before(uk_usage_db *db, int64_t cutoff_s, int64_t *deleted, char *error,
                              size_t error_len)
{
    *deleted = 0;
    int rc = step_done(db->begin);
    if (rc != SQLITE_OK)
        return fail_transaction(db, "delete old usage: begin", rc, error, error_len);
    sqlite3_stmt *deletes[] = {db->delete_sessions, db->delete_views};
    for (size_t i = 0; i < sizeof deletes / sizeof deletes[0]; i++) {
        rc = sqlite3_bind_int64(deletes[i], 1, cutoff_s);
        if (rc == SQLITE_OK)
            rc = step_done(deletes[i]);
        if (rc != SQLITE_OK)
            return fail_transaction(db, "delete old usage", rc, error, error_len);
        *deleted += sqlite3_changes64(db->db);
    }
    rc = step_done(db->commit);
    if (rc != SQLITE_OK)
        return fail_transaction(db, "delete old usage: commit", rc, error, error_len);
    return 0;
}

/* ---- the admin screen's numbers ----------------------------------------------------------- */

/* Resets a statistics query and binds ?1 = now_s and ?2 = window_s where it has them. */
static int bind_stats(sqlite3_stmt *stmt, int64_t now_s, int64_t window_s)
{
    sqlite3_reset(stmt);
    int params = sqlite3_bind_parameter_count(stmt);
    int rc = SQLITE_OK;
    if (params >= 1)
        rc = sqlite3_bind_int64(stmt, 1, now_s);
    if (rc == SQLITE_OK && params >= 2)
        rc = sqlite3_bind_int64(stmt, 2, window_s);
    return rc;
}

static uint32_t column_u32(sqlite3_stmt *stmt, int col)
{
    sqlite3_int64 value = sqlite3_column_int64(stmt, col);
    return value < 0 ? 0 : value > UINT32_MAX ? UINT32_MAX : (uint32_t)value;
}

int uk_usage_db_stats(uk_usage_db *db, int64_t now_s, uk_stats *out, char *error, size_t error_len)
{
    sqlite3_stmt *stmt;
    int64_t window_s = 0;
    /* One read transaction: every number comes from the same moment. */
    int rc = step_done(db->begin_read);
    if (rc != SQLITE_OK)
        goto err;
    stmt = db->stats_window;
    rc = bind_stats(stmt, now_s, 0);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        window_s = sqlite3_column_int64(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_OK)
        goto err;

    out->as_of_s = now_s;
    memset(out->days, 0, sizeof out->days);
    stmt = db->stats_days;
    rc = bind_stats(stmt, now_s, window_s);
    for (int i = 0; rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW; rc = SQLITE_OK) {
        if (i >= UK_STATS_DAYS)
            continue;
        uk_stats_day *day = &out->days[i++];
        const unsigned char *date = sqlite3_column_text(stmt, 0);
        snprintf(day->date, sizeof day->date, "%s", date != NULL ? (const char *)date : "");
        day->weekday = (uint8_t)sqlite3_column_int(stmt, 1);
        day->starts = column_u32(stmt, 2);
        day->completions = column_u32(stmt, 3);
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        goto err;

    out->routine_count = 0;
    memset(out->routines, 0, sizeof out->routines);
    stmt = db->stats_routines;
    rc = bind_stats(stmt, now_s, window_s);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        if (out->routine_count >= UK_STATS_ROUTINES)
            continue;
        uk_stats_routine *routine = &out->routines[out->routine_count++];
        const unsigned char *name = sqlite3_column_text(stmt, 0);
        snprintf(routine->routine, sizeof routine->routine, "%s",
                 name != NULL ? (const char *)name : "");
        routine->starts = column_u32(stmt, 1);
        routine->completions = column_u32(stmt, 2);
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        goto err;

    memset(out->starts_by_hour, 0, sizeof out->starts_by_hour);
    memset(out->completions_by_hour, 0, sizeof out->completions_by_hour);
    stmt = db->stats_hours;
    rc = bind_stats(stmt, now_s, window_s);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int hour = sqlite3_column_int(stmt, 0);
        if (hour < 0 || hour >= UK_STATS_HOURS)
            continue;
        out->starts_by_hour[hour] = column_u32(stmt, 1);
        out->completions_by_hour[hour] = column_u32(stmt, 2);
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        goto err;

    stmt = db->stats_doctor;
    rc = bind_stats(stmt, now_s, window_s);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        out->doctor_views = column_u32(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_OK)
        goto err;
    step_done(db->commit); /* a read transaction: nothing to lose if this fails */
    return 0;

err:
    return fail_transaction(db, "read usage statistics", rc, error, error_len);
}

/* ---- files -------------------------------------------------------------------------------- */

/* -1 with errno kept and "cannot move PATH aside: ..." in `error`. */
static int move_aside_error(const char *path, char *error, size_t error_len)
{
    int err = errno;
    return uk_error_set(error, error_len, err, "cannot move %s aside: %s (move it away by hand)",
                        path, strerror(err));
}

int uk_usage_db_move_aside(const char *path, int64_t now_s, char *moved_to, size_t moved_to_len,
                           char *error, size_t error_len)
{
    static const char *const companions[] = {"-wal", "-shm", "-journal"};
    time_t t = (time_t)now_s;
    struct tm tm;
    char stamp[32];
    if (gmtime_r(&t, &tm) == NULL || strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm) == 0)
        snprintf(stamp, sizeof stamp, "%lld", (long long)now_s);

    char target[4096];
    struct stat st;
    for (int n = 1;; n++) {
        if (n == 1)
            snprintf(target, sizeof target, "%s.corrupt-%s", path, stamp);
        else
            snprintf(target, sizeof target, "%s.corrupt-%s-%d", path, stamp, n);
        if (lstat(target, &st) != 0)
            break;
        if (n >= 100) {
            errno = EEXIST;
            return move_aside_error(path, error, error_len);
        }
    }
    if (rename(path, target) != 0)
        return move_aside_error(path, error, error_len);
    for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
        char from[4200], to[4200];
        snprintf(from, sizeof from, "%s%s", path, companions[i]);
        snprintf(to, sizeof to, "%s%s", target, companions[i]);
        /* A -wal left behind would be replayed into the fresh file: it must go with it. */
        if (rename(from, to) != 0 && errno != ENOENT && unlink(from) != 0 && errno != ENOENT)
            return move_aside_error(from, error, error_len);
    }
    snprintf(moved_to, moved_to_len, "%s", target);
    return 0;
}

int64_t uk_usage_db_bytes(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    int64_t bytes = st.st_size;
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &st) == 0)
        bytes += st.st_size;
    return bytes;
}
