/*
 * test_store.c: the usage log against real SQLite on real files.
 *
 * Each test gets its own folder from mkdtemp (WAL needs a file; :memory:
 * cannot do it) and removes it afterwards. The store is driven through
 * platform/store.h; what ends up in the file is checked with plain sqlite3
 * calls on the real "unix" VFS, so the tests see the file as an analyst with
 * the sqlite3 shell would, not as the store believes it wrote it.
 *
 * Faults come from tests/fault_vfs.c, a VFS shim installed as SQLite's
 * default for each test: a read-only or full disk and slow fsyncs, injected
 * under the store's writer thread while the code under test is unchanged.
 * The wall clock is injected (options.clock_s) where a test depends on it.
 *
 * What is covered: creating a fresh file, migrating from every older
 * version, refusing a newer one untouched, rows and view counters round
 * trip, the schema's refusal of free text (the privacy promise), the queue
 * (never blocking, dropping and counting when full, draining on close),
 * retention, the statistics snapshot, read-only and full disks, damaged
 * files, and enqueueing staying fast while every fsync takes 200 ms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app/model/session.h"
#include "app/model/strings.h"
#include "platform/usage/store.h"
#include "platform/usage/usage_schema.h"
#include "tests/fixtures/fault_vfs.h"
#include "tests/fixtures/scratch.h"

/* 2026-11-24 10:15:00 UTC, a Tuesday: the injected "now" unless a test moves it. */
#define NOW_S INT64_C(1795515300)

/* ---- fixture: a fresh folder, a fault shim, a log and a clock per test --------------------- */

typedef struct fixture {
    char dir[256]; /* the mkdtemp folder */
    char db[320];  /* dir/usage.db, not created */
    fault_vfs *vfs;
    atomic_llong now_s; /* what the injected clock answers */
    pthread_mutex_t log_lock;
    char log[8192]; /* every message the store logged, one per line */
    int log_count;
    atomic_int notified; /* calls of the store's notify */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    if (scratch_make(f->dir, sizeof f->dir, "store") != 0) {
        free(f);
        return -1;
    }
    snprintf(f->db, sizeof f->db, "%s/usage.db", f->dir);
    f->vfs = fault_vfs_install();
    atomic_store(&f->now_s, NOW_S);
    pthread_mutex_init(&f->log_lock, NULL);
    *state = f;
    return f->vfs != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fault_vfs_uninstall(f->vfs);
    scratch_remove(f->dir);
    pthread_mutex_destroy(&f->log_lock);
    free(f);
    return 0;
}

static void capture_log(void *ctx, const char *message)
{
    fixture *f = ctx;
    pthread_mutex_lock(&f->log_lock);
    size_t used = strlen(f->log);
    snprintf(f->log + used, sizeof f->log - used, "%s\n", message);
    f->log_count++;
    pthread_mutex_unlock(&f->log_lock);
}

static void count_notify(void *ctx)
{
    fixture *f = ctx;
    atomic_fetch_add(&f->notified, 1);
}

static int64_t fixture_clock(void *ctx)
{
    fixture *f = ctx;
    return atomic_load(&f->now_s);
}

/* ---- helpers ------------------------------------------------------------------------------ */

#define assert_contains(haystack, needle) assert_contains_at(haystack, needle, __FILE__, __LINE__)

static void assert_contains_at(const char *haystack, const char *needle, const char *file, int line)
{
    if (haystack == NULL || strstr(haystack, needle) == NULL) {
        print_error("%s:%d: \"%s\" does not contain \"%s\"\n", file, line,
                    haystack != NULL ? haystack : "(null)", needle);
        fail();
    }
}

/* Waits up to 5 s for the store to have logged `needle` (it logs after it signals progress). */
#define assert_logged(f, needle) assert_logged_at(f, needle, __FILE__, __LINE__)

static void assert_logged_at(fixture *f, const char *needle, const char *file, int line)
{
    for (int i = 0; i < 500; i++) {
        pthread_mutex_lock(&f->log_lock);
        int found = strstr(f->log, needle) != NULL;
        pthread_mutex_unlock(&f->log_lock);
        if (found)
            return;
        struct timespec ts = {.tv_sec = 0, .tv_nsec = 10000000};
        nanosleep(&ts, NULL);
    }
    pthread_mutex_lock(&f->log_lock);
    print_error("%s:%d: the log does not contain \"%s\":\n%s\n", file, line, needle, f->log);
    pthread_mutex_unlock(&f->log_lock);
    fail();
}

static int log_count(fixture *f)
{
    pthread_mutex_lock(&f->log_lock);
    int count = f->log_count;
    pthread_mutex_unlock(&f->log_lock);
    return count;
}

/* True if `text` contains the decimal `number` not as part of a longer number. */
static int contains_number(const char *text, long number)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%ld", number);
    size_t len = strlen(digits);
    for (const char *p = strstr(text, digits); p != NULL; p = strstr(p + 1, digits)) {
        int digit_before = p > text && p[-1] >= '0' && p[-1] <= '9';
        int digit_after = p[len] >= '0' && p[len] <= '9';
        if (!digit_before && !digit_after)
            return 1;
    }
    return 0;
}

/* Opens with the real VFS, never the fault shim: the file as it is. */
static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "unix");
    if (rc != SQLITE_OK)
        print_error("raw open %s: %s\n", path, sqlite3_errstr(rc));
    assert_int_equal(rc, SQLITE_OK);
    return db;
}

static void raw_exec(sqlite3 *db, const char *sql)
{
    char *errmsg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &errmsg);
    if (rc != SQLITE_OK)
        print_error("raw exec \"%s\": %s\n", sql, errmsg != NULL ? errmsg : "?");
    sqlite3_free(errmsg);
    assert_int_equal(rc, SQLITE_OK);
}

static int64_t raw_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

/* The first column of the first row as text, in `buf`. */
static const char *raw_text(sqlite3 *db, const char *sql, char *buf, size_t len)
{
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    const unsigned char *text = sqlite3_column_text(stmt, 0);
    snprintf(buf, len, "%s", text != NULL ? (const char *)text : "");
    sqlite3_finalize(stmt);
    return buf;
}

static int64_t file_int(const char *path, const char *sql)
{
    sqlite3 *db = raw_open(path);
    int64_t value = raw_int(db, sql);
    sqlite3_close(db);
    return value;
}

static void write_file(const char *path, const char *content, size_t len)
{
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(content, 1, len, file), len);
    assert_int_equal(fclose(file), 0);
}

/* Reads a whole (small) file; the caller frees it. */
static char *read_file(const char *path, size_t *len)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 20, file);
    fclose(file);
    return buf;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Options for a test: its file, its log, its clock, quick retries. */
static uk_store_options test_options(fixture *f)
{
    uk_store_options options;
    uk_store_options_defaults(&options);
    options.path = f->db;
    options.retry_initial_ms = 20;
    options.retry_max_ms = 100;
    options.log = capture_log;
    options.notify = count_notify;
    options.clock_s = fixture_clock;
    options.ctx = f;
    return options;
}

static uk_store *open_options_ok(const uk_store_options *options)
{
    char error[512] = "untouched";
    uk_store *store = uk_store_open_with(options, error, sizeof error);
    if (store == NULL)
        print_error("uk_store_open_with: %s\n", error);
    assert_non_null(store);
    assert_string_equal(error, "");
    return store;
}

static uk_store *open_ok(fixture *f)
{
    uk_store_options options = test_options(f);
    uk_store *store = open_options_ok(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_OK);
    assert_string_equal(health.last_error, "");
    return store;
}

static void flush_ok(uk_store *store)
{
    if (uk_store_flush(store, 10000) != 0) {
        uk_stats_health health;
        uk_store_get_status(store, &health);
        print_error("flush timed out: state %s, %u pending, last error: %s\n",
                    uk_stats_state_name(health.state), health.rows_pending, health.last_error);
        fail();
    }
}

static void sleep_ms(int ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
}

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Waits up to 10 s for the store to reach `state`; returns its health then. */
static uk_stats_health wait_for_state(uk_store *store, uk_stats_state state)
{
    uk_stats_health health;
    for (int i = 0; i < 1000; i++) {
        uk_store_get_status(store, &health);
        if (health.state == state)
            return health;
        sleep_ms(10);
    }
    print_error("state is %s, want %s (last error: %s)\n", uk_stats_state_name(health.state),
                uk_stats_state_name(state), health.last_error);
    fail();
    return health;
}

static uk_session_row sample_row(void)
{
    uk_session_row row = {
        .routine = "neck-and-shoulders",
        .lang = "en",
        .start_hour = NOW_S - NOW_S % 3600,
        .duration_s = 312,
        .steps_done = 5,
        .steps_total = 7,
        .outcome = UK_OUTCOME_STOPPED,
        .input = UK_INPUT_BUTTON,
    };
    return row;
}

/* Checks what a freshly created or migrated file must have. */
static void assert_schema_current(const char *path)
{
    char buf[64];
    sqlite3 *db = raw_open(path);
    assert_int_equal(raw_int(db, "PRAGMA user_version"), 2);
    assert_int_equal(UK_USAGE_SCHEMA_VERSION, 2);
    assert_string_equal(raw_text(db, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    assert_int_equal(raw_int(db, "SELECT count(*) FROM pragma_table_list WHERE name IN "
                                 "('sessions', 'screen_views') AND strict = 1"),
                     2);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                 "tbl_name = 'sessions' AND sql LIKE '%(start_hour)%'"),
                     1);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                 "tbl_name = 'screen_views' AND sql LIKE '%(hour)%'"),
                     1);
    sqlite3_close(db);
}

/* The version 1 schema exactly as it shipped, to test the migration from it. */
static const char schema_v1[] =
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
    "CREATE INDEX sessions_start_hour ON sessions (start_hour);\n"
    "PRAGMA user_version = 1;\n";

/* ---- creating and migrating --------------------------------------------------------------- */

static void test_fresh_create(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    assert_string_equal(uk_store_path(store), f->db);
    uk_store_close(store);

    assert_schema_current(f->db);
    /* Nothing but the two tables and their indexes: no side table for identifiers either. */
    sqlite3 *db = raw_open(f->db);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE "
                                 "'sqlite_%'"),
                     4);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 0);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM screen_views"), 0);
    sqlite3_close(db);
}

/* The columns, exactly: adding one (an identifier, a note) must change this test. */
static void test_columns_are_exactly_these(void **state)
{
    static const struct {
        const char *table;
        const char *name;
        const char *type;
        int pk;
    } expected[] = {
        {"sessions", "routine", "TEXT", 0},       {"sessions", "lang", "TEXT", 0},
        {"sessions", "start_hour", "INTEGER", 0}, {"sessions", "duration_s", "INTEGER", 0},
        {"sessions", "steps_done", "INTEGER", 0}, {"sessions", "steps_total", "INTEGER", 0},
        {"sessions", "outcome", "TEXT", 0},       {"sessions", "input", "TEXT", 0},
        {"screen_views", "screen", "TEXT", 1},    {"screen_views", "hour", "INTEGER", 2},
        {"screen_views", "views", "INTEGER", 0},
    };
    const int count = (int)(sizeof expected / sizeof expected[0]);
    fixture *f = *state;
    uk_store_close(open_ok(f));

    sqlite3 *db = raw_open(f->db);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(db,
                           "SELECT t.name, c.name, c.type, c.\"notnull\", c.pk, c.dflt_value "
                           "FROM pragma_table_list t, pragma_table_info(t.name) c "
                           "WHERE t.schema = 'main' AND t.name NOT LIKE 'sqlite_%' "
                           "ORDER BY t.name = 'screen_views', c.cid",
                           -1, &stmt, NULL),
        SQLITE_OK);
    int i = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        assert_true(i < count);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 0), expected[i].table);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 1), expected[i].name);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 2), expected[i].type);
        assert_int_equal(sqlite3_column_int(stmt, 3), 1); /* NOT NULL */
        assert_int_equal(sqlite3_column_int(stmt, 4), expected[i].pk);
        assert_int_equal(sqlite3_column_type(stmt, 5), SQLITE_NULL); /* no default */
        i++;
    }
    assert_int_equal(i, count);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

/* Version 0, first form: the file exists but is empty (e.g. made by `touch`). */
static void test_migrate_from_empty_file(void **state)
{
    fixture *f = *state;
    write_file(f->db, "", 0);
    uk_store_close(open_ok(f));
    assert_schema_current(f->db);
}

/* Version 0, second form: a real database file, no tables, user_version 0. */
static void test_migrate_from_empty_database(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE scratch (x); DROP TABLE scratch;");
    assert_int_equal(raw_int(db, "PRAGMA user_version"), 0);
    sqlite3_close(db);
    struct stat st;
    assert_int_equal(stat(f->db, &st), 0);
    assert_true(st.st_size > 0);

    uk_store_close(open_ok(f));
    assert_schema_current(f->db);
}

/* Version 1 as it shipped, with rows: they survive, and the counters table is added. */
static void test_migrate_from_version_1(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, schema_v1);
    raw_exec(db, "PRAGMA journal_mode=WAL");
    raw_exec(db, "INSERT INTO sessions VALUES ('neck', 'en', 1795510800, 60, 1, 3, 'stopped', "
                 "'touch'), ('calves', 'es', 1795514400, 300, 4, 4, 'completed', 'button')");
    sqlite3_close(db);

    uk_store *store = open_ok(f);
    assert_int_equal(uk_store_count_view(store, "doctor", NOW_S), 0);
    uk_store_close(store);

    assert_schema_current(f->db);
    db = raw_open(f->db);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(raw_int(db, "SELECT duration_s FROM sessions WHERE routine = 'calves'"), 300);
    assert_int_equal(raw_int(db, "SELECT views FROM screen_views WHERE screen = 'doctor'"), 1);
    sqlite3_close(db);
}

/* Version 0 holding something else: the migration adds to it and leaves it alone. */
static void test_migrate_keeps_unrelated_table(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE settings (key TEXT PRIMARY KEY, value INTEGER);"
                 "INSERT INTO settings VALUES ('brightness', 80);");
    sqlite3_close(db);

    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    assert_schema_current(f->db);
    assert_int_equal(file_int(f->db, "SELECT value FROM settings WHERE key = 'brightness'"), 80);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* A failed migration leaves the file as it was: the version bump shares the transaction. */
static void test_failed_migration_rolls_back(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE sessions (name TEXT);");
    sqlite3_close(db);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_contains(error, f->db);
    assert_contains(error, "migrate");
    assert_contains(error, "already exists");

    assert_int_equal(file_int(f->db, "PRAGMA user_version"), 0);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM pragma_table_info('sessions')"), 1);
}

static void test_reopen_keeps_rows(void **state)
{
    fixture *f = *state;
    uk_session_row row = sample_row();

    uk_store *store = open_ok(f);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = open_ok(f);
    row.outcome = UK_OUTCOME_COMPLETED;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = open_ok(f);
    uk_store_close(store);

    assert_schema_current(f->db);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 3);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions WHERE outcome = 'stopped'"), 2);
}

/* A newer file is refused, with both versions named, and is not touched: same bytes, no -wal. */
static void test_refuses_newer_version(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE sessions (future_column INTEGER); PRAGMA user_version = 99;");
    sqlite3_close(db);
    size_t before_len, after_len;
    char *before = read_file(f->db, &before_len);

    char error[512] = "";
    errno = 0;
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_int_not_equal(errno, 0);
    assert_contains(error, f->db);
    assert_true(contains_number(error, 99));
    assert_true(contains_number(error, UK_USAGE_SCHEMA_VERSION));
    assert_contains(error, "upgrade unknot");
    assert_contains(error, "move the file aside");

    char *after = read_file(f->db, &after_len);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);
    free(before);
    free(after);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", f->db);
    assert_false(exists(wal));
}

/* user_version is a signed 32-bit number; a negative one was never written by us. */
static void test_refuses_negative_version(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "PRAGMA user_version = -3;");
    sqlite3_close(db);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_contains(error, f->db);
    assert_contains(error, "-3");
}

static void test_bad_options(void **state)
{
    fixture *f = *state;
    uk_store_options options = test_options(f);
    char error[512] = "";

    options.retention_days = 0;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    assert_contains(error, "retention_days");
    options = test_options(f);
    options.queue_capacity = 0;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    assert_contains(error, "queue_capacity");
    options = test_options(f);
    options.path = NULL;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    assert_contains(error, "--db PATH");
    assert_null(uk_store_open_with(NULL, NULL, 0));
    assert_false(exists(f->db));
}

static void test_missing_folder(void **state)
{
    fixture *f = *state;
    char path[400];
    snprintf(path, sizeof path, "%s/no-such-folder/usage.db", f->dir);

    char error[512] = "";
    errno = 0;
    assert_null(uk_store_open(path, error, sizeof error));
    assert_int_not_equal(errno, 0);
    assert_contains(error, path);
    assert_contains(error, "folder");
    assert_contains(error, "--db PATH");

    /* A NULL or empty error buffer is allowed. */
    assert_null(uk_store_open(path, NULL, 0));
    assert_null(uk_store_open(NULL, error, sizeof error));
    assert_contains(error, "--db PATH");
}

static void test_null_is_accepted(void **state)
{
    (void)state;
    uk_store_close(NULL);
    uk_session_row row = sample_row();
    errno = 0;
    assert_int_equal(uk_store_append_session(NULL, &row), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(uk_store_count_view(NULL, "doctor", NOW_S), -1);
    uk_stats_health health;
    uk_store_get_status(NULL, &health);
    assert_int_equal(health.state, UK_STATS_CLOSED);
    uk_stats stats;
    uk_store_get_stats(NULL, &stats);
    assert_int_equal(stats.generation, 0);
    assert_int_equal(stats.health.state, UK_STATS_CLOSED);
    uk_store_refresh_stats(NULL);
    assert_string_equal(uk_store_path(NULL), "");
    assert_string_equal(uk_stats_state_name(UK_STATS_RETRYING_FULL), "retrying-full");
}

/* ---- rows --------------------------------------------------------------------------------- */

/*
 * Every language code the kiosk accepts for a language file or its configured language is
 * one the sessions table takes: a kiosk in Brazilian Portuguese records its sessions.
 */
static void test_every_accepted_language_is_recorded(void **state)
{
    fixture *f = *state;
    static const char *const codes[] = {"en", "es", "fil", "pt-br", "zh-tw", "yue-hkg"};
    const size_t count = sizeof codes / sizeof codes[0];
    uk_store *store = open_ok(f);
    for (size_t i = 0; i < count; i++) {
        assert_true(uk_lang_code_valid(codes[i]));
        uk_session session = {.routine = "neck", .steps_done = 1, .steps_total = 3};
        snprintf(session.lang, sizeof session.lang, "%s", codes[i]);
        uk_session_row row;
        uk_session_to_row(&session, INT64_C(1700000000000), &row);
        assert_int_equal(uk_store_append_session(store, &row), 0);
    }
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(DISTINCT lang) FROM sessions"), (int64_t)count);
}

static void test_round_trip(void **state)
{
    fixture *f = *state;
    const int64_t wall_ms_at_zero = INT64_C(1700000123456); /* 2023-11-14 22:15:23.456 UTC */
    uk_session_row rows[UK_OUTCOME_COUNT * UK_INPUT_KIND_COUNT];
    int count = 0;

    uk_store *store = open_ok(f);
    for (int o = 0; o < UK_OUTCOME_COUNT; o++) {
        for (int in = 0; in < UK_INPUT_KIND_COUNT; in++) {
            uk_session session = {
                .routine = "lower-back",
                .lang = "pt-br",
                .started_ms = (uint64_t)count * 3000000u + 1234u,
                .ended_ms = (uint64_t)count * 3000000u + 1234u + 250600u,
                .steps_done = (uint8_t)count,
                .steps_total = 12,
                .outcome = (uk_outcome)o,
                .input = (uk_input_kind)in,
            };
            uk_session_to_row(&session, wall_ms_at_zero, &rows[count]);
            assert_int_equal(uk_store_append_session(store, &rows[count]), 0);
            count++;
        }
    }
    uk_store_close(store);

    sqlite3 *db = raw_open(f->db);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT routine, lang, start_hour, duration_s, steps_done, "
                                        "steps_total, outcome, input, typeof(start_hour), "
                                        "typeof(duration_s) FROM sessions ORDER BY rowid",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    int i = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        assert_true(i < count);
        const uk_session_row *row = &rows[i];
        assert_string_equal((const char *)sqlite3_column_text(stmt, 0), row->routine);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 1), row->lang);
        int64_t start_hour = sqlite3_column_int64(stmt, 2);
        assert_int_equal(start_hour, row->start_hour);
        assert_int_equal(start_hour % 3600, 0);
        assert_true(start_hour > 1700000000 - 3600 && start_hour < 1700000000 + 86400);
        assert_int_equal(sqlite3_column_int64(stmt, 3), row->duration_s);
        assert_int_equal(sqlite3_column_int64(stmt, 3), 251); /* 250.6 s rounds to 251 */
        assert_int_equal(sqlite3_column_int(stmt, 4), row->steps_done);
        assert_int_equal(sqlite3_column_int(stmt, 5), row->steps_total);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 6),
                            uk_outcome_name(row->outcome));
        assert_string_equal((const char *)sqlite3_column_text(stmt, 7),
                            uk_input_kind_name(row->input));
        assert_string_equal((const char *)sqlite3_column_text(stmt, 8), "integer");
        assert_string_equal((const char *)sqlite3_column_text(stmt, 9), "integer");
        i++;
    }
    assert_int_equal(i, count);
    sqlite3_finalize(stmt);

    /* Every word the core can produce is one the schema accepts. */
    assert_int_equal(raw_int(db, "SELECT count(DISTINCT outcome) FROM sessions"), UK_OUTCOME_COUNT);
    assert_int_equal(raw_int(db, "SELECT count(DISTINCT input) FROM sessions"),
                     UK_INPUT_KIND_COUNT);
    sqlite3_close(db);
}

/* Rows the schema refuses are left out and counted; the others around them are written. */
static void test_refused_rows_are_counted(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    uk_session_row good = sample_row();
    uk_session_row row;
    int refused = 0;

    row = good;
    row.start_hour += 60; /* not a whole hour */
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;
    assert_int_equal(uk_store_append_session(store, &good), 0);

    row = good;
    snprintf(row.routine, sizeof row.routine, "%s", "John Smith");
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;

    row = good;
    snprintf(row.lang, sizeof row.lang, "%s", "EN");
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;

    row = good;
    memset(row.routine, 'a', sizeof row.routine); /* no NUL: bound as 32 bytes, refused */
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;

    row = good;
    row.steps_done = 8; /* more than steps_total */
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;

    row = good;
    row.duration_s = 86401;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    refused++;

    assert_int_equal(uk_store_count_view(store, "Doctor", NOW_S), 0); /* not lower case */
    refused++;

    /* An out-of-range enum would otherwise be stored as the names' fallback word: refused
     * at once, before it is queued. */
    row = good;
    row.outcome = (uk_outcome)UK_OUTCOME_COUNT;
    errno = 0;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_int_equal(errno, EINVAL);
    row = good;
    row.input = (uk_input_kind)7;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_int_equal(uk_store_append_session(store, NULL), -1);
    assert_int_equal(uk_store_count_view(store, "a-very-long-screen-name", NOW_S), -1);
    assert_int_equal(uk_store_count_view(store, "", NOW_S), -1);

    assert_int_equal(uk_store_append_session(store, &good), 0);
    flush_ok(store);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.rows_lost, refused);
    assert_int_equal(health.rows_committed, 2);
    assert_int_equal(health.committed_seq, refused + 2);
    assert_int_equal(health.state, UK_STATS_OK);
    assert_contains(health.last_error, f->db);
    assert_contains(health.last_error, "CHECK constraint failed");
    assert_logged(f, "refused by the schema");
    uk_store_close(store);

    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM screen_views"), 0);
}

/* Views are counted per screen and whole hour; nothing about who looked. */
static void test_counts_views_per_hour(void **state)
{
    fixture *f = *state;
    const int64_t hour = NOW_S - NOW_S % 3600;
    uk_store *store = open_ok(f);
    assert_int_equal(uk_store_count_view(store, "doctor", hour), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 59), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 3599), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 3600), 0);
    assert_int_equal(uk_store_count_view(store, "home", hour + 1800), 0);
    uk_store_close(store);

    sqlite3 *db = raw_open(f->db);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM screen_views"), 3);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'doctor' AND hour = %lld",
             (long long)hour);
    assert_int_equal(raw_int(db, sql), 3);
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'doctor' AND hour = %lld",
             (long long)(hour + 3600));
    assert_int_equal(raw_int(db, sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'home' AND hour = %lld",
             (long long)hour);
    assert_int_equal(raw_int(db, sql), 1);
    sqlite3_close(db);
}

/* The counters a test (or the admin screen) reads: sequence, committed, size, last write. */
static void test_status_after_writes(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();
    for (int i = 0; i < 10; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_OK);
    assert_int_equal(health.committed_seq, 10);
    assert_int_equal(health.rows_committed, 10);
    assert_int_equal(health.rows_pending, 0);
    assert_int_equal(health.rows_lost, 0);
    assert_int_equal(health.last_write_s, NOW_S);
    assert_true(health.db_bytes > 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 10);
}

/*
 * The queue is bounded: while the writer is stuck in a slow fsync, rows fill
 * it, the next one is dropped at once (not waited for), counted, and logged
 * once; what was queued is written when the disk catches up.
 */
static void test_full_queue_drops_and_counts(void **state)
{
    fixture *f = *state;
    uk_store_options options = test_options(f);
    options.queue_capacity = 4;
    uk_store *store = open_options_ok(&options);
    uk_session_row row = sample_row();

    fault_vfs_set_sync_delay_ms(f->vfs, 300);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    while (fault_vfs_syncs_in_progress(f->vfs) == 0)
        sleep_ms(1);
    /* The row being written still takes its place until it is committed. */
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    errno = 0;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_int_equal(errno, EAGAIN);
    assert_int_equal(uk_store_count_view(store, "doctor", NOW_S), -1);

    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.rows_lost, 2);
    assert_int_equal(health.rows_pending, 4);
    assert_contains(health.last_error, "new rows are dropped");
    assert_int_equal(log_count(f), 1); /* one message for the whole run of drops */
    assert_logged(f, "new rows are dropped");

    fault_vfs_set_sync_delay_ms(f->vfs, 0);
    flush_ok(store);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 4);
}

/* Another program holds the write lock past the busy timeout: rows wait, then go in. */
static void test_locked_by_another_program(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();

    sqlite3 *other = raw_open(f->db);
    raw_exec(other, "BEGIN IMMEDIATE");
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_stats_health health = wait_for_state(store, UK_STATS_RETRYING_IO);
    assert_int_equal(health.rows_pending, 1);
    assert_contains(health.last_error, f->db);
    assert_contains(health.last_error, "locked");
    raw_exec(other, "ROLLBACK");
    sqlite3_close(other);

    flush_ok(store);
    wait_for_state(store, UK_STATS_OK);
    assert_logged(f, "writing usage again");
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* Close writes everything that is queued before it returns. */
static void test_close_drains_the_queue(void **state)
{
    fixture *f = *state;
    uk_store_options options = test_options(f);
    options.queue_capacity = 5000;
    uk_store *store = open_options_ok(&options);
    uk_session_row row = sample_row();
    for (int i = 0; i < 3000; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 3000);
    assert_int_equal(log_count(f), 0);
}

/* ---- the schema refuses free text --------------------------------------------------------- */

static void test_no_column_holds_free_text(void **state)
{
    static const char *const columns[] = {"routine",    "lang",        "start_hour", "duration_s",
                                          "steps_done", "steps_total", "outcome",    "input"};
    static const char *const valid[] = {"'neck'", "'en'", "7200",        "60",
                                        "1",      "3",    "'completed'", "'touch'"};
    static const struct {
        const char *column;
        const char *value;
    } cases[] = {
        /* Words: names, numbers, spaces, case, empty, too long, non-ASCII, NUL-hidden text. */
        {"routine", "'John Smith'"},
        {"routine", "'call me at 555'"},
        {"routine", "'a b'"},
        {"routine", "''"},
        {"routine", "'Neck'"},
        {"routine", "'-neck'"},
        {"routine", "'neck' || char(10)"},
        {"routine", "'n' || char(233) || 'ck'"},
        {"routine", "'john.smith@example.org'"},
        {"routine", "'abcdefghijklmnopqrstuvwxyz012345'"}, /* 32 characters */
        {"routine", "'neck' || char(0) || 'John Smith'"},
        {"routine", "X'4a6f686e'"},
        {"routine", "NULL"},
        {"lang", "'John Smith'"},
        {"lang", "'e'"},
        {"lang", "'en gb'"},
        {"lang", "'english'  || '-please'"},
        {"lang", "'EN'"},
        {"lang", "'en1'"},
        {"lang", "''"},
        {"lang", "'en' || char(0) || 'John Smith'"},
        {"lang", "NULL"},
        {"outcome", "'John Smith'"},
        {"outcome", "'Completed'"},
        {"outcome", "'completed '"},
        {"outcome", "'completed' || char(0) || 'John Smith'"},
        {"outcome", "'stopped: called 555-0123'"},
        {"outcome", "''"},
        {"outcome", "NULL"},
        {"input", "'John Smith'"},
        {"input", "'touchscreen'"},
        {"input", "'a b'"},
        {"input", "''"},
        {"input", "NULL"},
        /* Numbers: STRICT refuses text outright; the CHECKs refuse the rest. */
        {"start_hour", "'John Smith'"},
        {"start_hour", "'call me at 555'"},
        {"start_hour", "7201"},
        {"start_hour", "-3600"},
        {"start_hour", "7200.5"},
        {"duration_s", "'a b'"},
        {"duration_s", "''"},
        {"duration_s", "86401"},
        {"duration_s", "-1"},
        {"steps_done", "'John Smith'"},
        {"steps_done", "4"},
        {"steps_total", "'call me at 555'"},
        {"steps_total", "256"},
        {"steps_total", "X'05'"},
    };
    fixture *f = *state;
    uk_store_close(open_ok(f));
    sqlite3 *db = raw_open(f->db);
    const int column_count = (int)(sizeof columns / sizeof columns[0]);

    for (size_t c = 0; c <= sizeof cases / sizeof cases[0]; c++) {
        /* c == count is the control: the valid row itself must go in. */
        int control = c == sizeof cases / sizeof cases[0];
        char sql[1024];
        int len = snprintf(sql, sizeof sql, "INSERT INTO sessions VALUES (");
        for (int i = 0; i < column_count; i++) {
            const char *value = valid[i];
            if (!control && strcmp(columns[i], cases[c].column) == 0)
                value = cases[c].value;
            len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s", i > 0 ? ", " : "", value);
        }
        snprintf(sql + len, sizeof sql - (size_t)len, ")");

        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (control) {
            if (rc != SQLITE_OK)
                print_error("control row refused: %s: %s\n", sql, sqlite3_errmsg(db));
            assert_int_equal(rc, SQLITE_OK);
        } else if (rc != SQLITE_CONSTRAINT) {
            print_error("%s = %s was %s, want a constraint error\n", cases[c].column,
                        cases[c].value, rc == SQLITE_OK ? "stored" : sqlite3_errmsg(db));
            fail();
        }
    }
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 1);

    /* The same holds for changing a row after the fact. */
    assert_int_equal(
        sqlite3_exec(db, "UPDATE sessions SET routine = 'John Smith'", NULL, NULL, NULL),
        SQLITE_CONSTRAINT);
    assert_int_equal(
        sqlite3_exec(db, "UPDATE sessions SET start_hour = 'John Smith'", NULL, NULL, NULL),
        SQLITE_CONSTRAINT);
    assert_int_equal(sqlite3_extended_errcode(db), SQLITE_CONSTRAINT_DATATYPE);

    /* The counters: a screen word, a whole hour, a positive count, nothing else. */
    static const char *const bad_views[] = {
        "('John Smith', 7200, 1)",
        "('doctor' || char(0) || 'John', 7200, 1)",
        "('Doctor', 7200, 1)",
        "('doctor2', 7200, 1)",
        "('', 7200, 1)",
        "('-doctor', 7200, 1)",
        "('abcdefghijklmnop', 7200, 1)", /* 16 letters */
        "('doctor', 7201, 1)",
        "('doctor', 'John Smith', 1)",
        "('doctor', 7200, 0)",
        "('doctor', 7200, 'call me at 555')",
        "(NULL, 7200, 1)",
    };
    for (size_t i = 0; i < sizeof bad_views / sizeof bad_views[0]; i++) {
        char sql[256];
        snprintf(sql, sizeof sql, "INSERT INTO screen_views VALUES %s", bad_views[i]);
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc != SQLITE_CONSTRAINT) {
            print_error("%s was %s, want a constraint error\n", bad_views[i],
                        rc == SQLITE_OK ? "stored" : sqlite3_errmsg(db));
            fail();
        }
    }
    raw_exec(db, "INSERT INTO screen_views VALUES ('doctor', 7200, 1)");
    assert_int_equal(raw_int(db, "SELECT count(*) FROM screen_views"), 1);
    sqlite3_close(db);
}

/* ---- retention ---------------------------------------------------------------------------- */

/* Inserts a session and a view counter at `hour` with the real VFS. */
static void raw_insert_at(sqlite3 *db, int64_t hour)
{
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO sessions VALUES ('neck', 'en', %lld, 60, 1, 3, 'stopped', 'touch');"
             "INSERT INTO screen_views VALUES ('doctor', %lld, 2);",
             (long long)hour, (long long)hour);
    raw_exec(db, sql);
}

/*
 * With retention N days, open deletes exactly what started before now - N
 * days: a row in the hour that holds the cutoff is older, the next hour is
 * not, and a row exactly at the cutoff is kept.
 */
static void test_retention_deletes_exactly_the_old_rows(void **state)
{
    fixture *f = *state;
    uk_store_close(open_ok(f));
    const int64_t cutoff = NOW_S - 90 * 86400; /* 1787739300: 15 minutes past an hour */
    const int64_t cutoff_hour = cutoff - cutoff % 3600;
    assert_int_not_equal(cutoff % 3600, 0);
    sqlite3 *db = raw_open(f->db);
    raw_insert_at(db, 0);                    /* 1970: old */
    raw_insert_at(db, cutoff_hour - 3600);   /* old */
    raw_insert_at(db, cutoff_hour);          /* started before the cutoff: old */
    raw_insert_at(db, cutoff_hour + 3600);   /* after the cutoff: kept */
    raw_insert_at(db, NOW_S - NOW_S % 3600); /* this hour: kept */
    sqlite3_close(db);

    uk_store *store = open_ok(f);
    uk_store_close(store);
    db = raw_open(f->db);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions WHERE start_hour > %lld",
             (long long)cutoff);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(raw_int(db, sql), 2);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM screen_views WHERE hour > %lld",
             (long long)cutoff);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM screen_views"), 2);
    assert_int_equal(raw_int(db, sql), 2);
    sqlite3_close(db);
    assert_logged(f, "deleted 6 row(s) older than 90 days");

    /* A shorter retention, with the cutoff on a whole hour: the row at the cutoff stays. */
    atomic_store(&f->now_s, cutoff_hour + 3600 + 86400);
    uk_store_options options = test_options(f);
    options.retention_days = 1;
    uk_store_close(open_options_ok(&options));
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 2);
    atomic_store(&f->now_s, cutoff_hour + 3600 + 86400 + 1);
    uk_store_close(open_options_ok(&options));
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM screen_views"), 1);
}

/* ---- the admin screen's numbers ----------------------------------------------------------- */

static uk_stats wait_for_stats(uk_store *store, uint64_t after_generation)
{
    uk_stats stats;
    for (int i = 0; i < 1000; i++) {
        uk_store_get_stats(store, &stats);
        if (stats.generation > after_generation)
            return stats;
        sleep_ms(10);
    }
    fail_msg("no statistics snapshot after generation %llu", (unsigned long long)after_generation);
    return stats;
}

static void test_stats_snapshot(void **state)
{
    fixture *f = *state;
    /* Hours and days are local: this test reads them in UTC. */
    setenv("TZ", "UTC", 1);
    tzset();
    uk_store_close(open_ok(f));
    const int64_t today = NOW_S - NOW_S % 86400; /* 2026-11-24 00:00 UTC */
    sqlite3 *db = raw_open(f->db);
    char sql[400];
    /* Today: 3 neck (2 completed) at 10:00, 1 calves at 08:00; 29 days ago: 2 neck at 09:00;
     * 30 days ago (outside the window): 5 neck. */
    static const struct {
        int days_ago, hour, count;
        const char *routine, *outcome;
    } rows[] = {
        {0, 10, 2, "neck", "completed"}, {0, 10, 1, "neck", "stopped"},
        {0, 8, 1, "calves", "doctor"},   {29, 9, 2, "neck", "completed"},
        {30, 9, 5, "neck", "completed"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (int n = 0; n < rows[i].count; n++) {
            snprintf(sql, sizeof sql,
                     "INSERT INTO sessions VALUES ('%s', 'en', %lld, 60, 1, 3, '%s', 'touch')",
                     rows[i].routine,
                     (long long)(today - rows[i].days_ago * 86400 + rows[i].hour * 3600),
                     rows[i].outcome);
            raw_exec(db, sql);
        }
    snprintf(sql, sizeof sql,
             "INSERT INTO screen_views VALUES ('doctor', %lld, 4), ('doctor', %lld, 3), "
             "('home', %lld, 9)",
             (long long)today, (long long)(today - 40 * 86400), (long long)today);
    raw_exec(db, sql);
    sqlite3_close(db);

    uk_store *store = open_ok(f);
    uk_store_refresh_stats(store);
    uk_stats stats = wait_for_stats(store, 0);
    assert_int_equal(stats.as_of_s, NOW_S);
    assert_string_equal(stats.days[29].date, "2026-11-24");
    assert_int_equal(stats.days[29].weekday, 2); /* Tuesday */
    assert_int_equal(stats.days[29].starts, 4);
    assert_int_equal(stats.days[29].completions, 2);
    assert_string_equal(stats.days[0].date, "2026-10-26");
    assert_int_equal(stats.days[0].starts, 2);
    assert_int_equal(stats.days[0].completions, 2);
    uint32_t total = 0;
    for (int i = 0; i < UK_STATS_DAYS; i++)
        total += stats.days[i].starts;
    assert_int_equal(total, 6);

    assert_int_equal(stats.routine_count, 2);
    assert_string_equal(stats.routines[0].routine, "neck");
    assert_int_equal(stats.routines[0].starts, 5);
    assert_int_equal(stats.routines[0].completions, 4);
    assert_string_equal(stats.routines[1].routine, "calves");
    assert_int_equal(stats.routines[1].starts, 1);
    assert_int_equal(stats.starts_by_hour[10], 3);
    assert_int_equal(stats.completions_by_hour[10], 2);
    assert_int_equal(stats.starts_by_hour[9], 2);
    assert_int_equal(stats.starts_by_hour[8], 1);
    assert_int_equal(stats.doctor_views, 4);
    assert_int_equal(stats.health.state, UK_STATS_OK);
    assert_true(stats.health.db_bytes > 0);

    /* A new session shows up in a later snapshot; refresh asks for one at once. */
    uk_session_row row = sample_row();
    row.outcome = UK_OUTCOME_COMPLETED;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);
    uk_store_refresh_stats(store);
    for (int i = 0; i < 1000 && stats.days[29].starts != 5; i++) {
        sleep_ms(10);
        uk_store_get_stats(store, &stats);
    }
    assert_int_equal(stats.days[29].starts, 5);
    assert_int_equal(stats.routines[0].routine[0], 'n');
    assert_int_equal(stats.routine_count, 3);
    uint64_t generation = stats.generation;
    uk_store_refresh_stats(store);
    stats = wait_for_stats(store, generation);
    assert_int_equal(stats.days[29].starts, 5);
    uk_store_close(store);
}

/*
 * Every screen change is a write; the statistics' queries must not follow
 * each one. They run when the admin screen asks, and notify says when the
 * answer is there, so the screen can show it without waiting for a touch.
 */
static void test_stats_only_when_asked(void **state)
{
    fixture *f = *state;
    setenv("TZ", "UTC", 1); /* the day the rows fall on */
    tzset();
    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();
    for (int i = 0; i < 3; i++) {
        assert_int_equal(uk_store_count_view(store, "home", NOW_S), 0);
        assert_int_equal(uk_store_append_session(store, &row), 0);
        flush_ok(store);
    }
    sleep_ms(200); /* room for a snapshot nobody asked for */
    uk_stats stats;
    uk_store_get_stats(store, &stats);
    assert_int_equal(stats.generation, 0);

    int before = atomic_load(&f->notified);
    uk_store_refresh_stats(store);
    stats = wait_for_stats(store, 0);
    assert_int_equal(stats.generation, 1);
    assert_int_equal(stats.days[UK_STATS_DAYS - 1].starts, 3);
    /* notify follows the snapshot's publication: wait for it rather than race it. */
    for (int i = 0; i < 500 && atomic_load(&f->notified) == before; i++)
        sleep_ms(10);
    assert_true(atomic_load(&f->notified) > before);
    uk_store_close(store);
}

/* ---- faults ------------------------------------------------------------------------------- */

/* The disk is read-only when the kiosk starts: it starts anyway, and writes once it can. */
static void test_read_only_at_open_then_recovers(void **state)
{
    fixture *f = *state;
    fault_vfs_set_mode(f->vfs, FAULT_READONLY);
    uk_store_options options = test_options(f);
    uk_store *store = open_options_ok(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_RETRYING_READONLY);
    assert_contains(health.last_error, f->db);
    assert_logged(f, "refuses writes");

    uk_session_row row = sample_row();
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    sleep_ms(100); /* a few retries fail */
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_RETRYING_READONLY);
    assert_int_equal(health.rows_pending, 3);
    assert_int_equal(health.rows_committed, 0);
    assert_int_equal(log_count(f), 1); /* retries are not logged one by one */

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    flush_ok(store);
    health = wait_for_state(store, UK_STATS_OK);
    assert_int_equal(health.rows_committed, 3);
    assert_int_equal(health.rows_lost, 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 3);
    assert_schema_current(f->db);
}

/*
 * The disk turns read-only or full while the kiosk runs: the kiosk keeps
 * queueing, the status says which, committed rows stay, and the rows that
 * waited are written when the disk recovers.
 */
static void fault_while_running(fixture *f, fault_mode mode, uk_stats_state expected)
{
    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();
    for (int i = 0; i < 5; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);

    fault_vfs_set_mode(f->vfs, mode);
    for (int i = 0; i < 7; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_stats_health health = wait_for_state(store, expected);
    assert_int_equal(health.rows_committed, 5);
    assert_int_equal(health.committed_seq, 5);
    assert_int_equal(health.rows_pending, 7);
    assert_contains(health.last_error, f->db);
    assert_int_equal(uk_store_flush(store, 50), -1);
    assert_int_equal(errno, ETIMEDOUT);

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    flush_ok(store);
    health = wait_for_state(store, UK_STATS_OK);
    assert_int_equal(health.rows_committed, 12);
    assert_int_equal(health.rows_lost, 0);
    uk_store_close(store);

    sqlite3 *db = raw_open(f->db);
    char buf[32];
    assert_string_equal(raw_text(db, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 12);
    sqlite3_close(db);
}

static void test_read_only_while_running(void **state)
{
    fixture *f = *state;
    fault_while_running(f, FAULT_READONLY, UK_STATS_RETRYING_READONLY);
    assert_logged(f, "refuses writes");
    assert_logged(f, "writing usage again");
}

static void test_disk_full_while_running(void **state)
{
    fixture *f = *state;
    fault_while_running(f, FAULT_FULL, UK_STATS_RETRYING_FULL);
    assert_logged(f, "disk is full");
}

/* A full disk that stays full: memory holds queue_capacity rows, later ones are counted lost. */
static void test_memory_is_bounded_while_full(void **state)
{
    fixture *f = *state;
    uk_store_options options = test_options(f);
    options.queue_capacity = 8;
    uk_store *store = open_options_ok(&options);
    fault_vfs_set_mode(f->vfs, FAULT_FULL);
    uk_session_row row = sample_row();
    int queued = 0, dropped = 0;
    for (int i = 0; i < 20; i++) {
        if (uk_store_append_session(store, &row) == 0)
            queued++;
        else
            dropped++;
    }
    assert_int_equal(queued, 8);
    assert_int_equal(dropped, 12);
    uk_stats_health health = wait_for_state(store, UK_STATS_RETRYING_FULL);
    assert_int_equal(health.rows_pending, 8);
    assert_int_equal(health.rows_lost, 12);

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    flush_ok(store);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 8);
}

/* Shutdown while the disk is full: close returns within its bound, what waited is reported. */
static void test_close_gives_up_in_time(void **state)
{
    fixture *f = *state;
    uk_store_options options = test_options(f);
    options.close_timeout_ms = 300;
    uk_store *store = open_options_ok(&options);
    uk_session_row row = sample_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);
    fault_vfs_set_mode(f->vfs, FAULT_FULL);
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    wait_for_state(store, UK_STATS_RETRYING_FULL);

    double start = mono_ms();
    uk_store_close(store);
    double took = mono_ms() - start;
    assert_true(took < 5000);
    assert_logged(f, "3 row(s) could not be written before shutdown");

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* Name of the moved-aside file for NOW_S. */
#define CORRUPT_SUFFIX ".corrupt-20261124T101500"

/* A damaged file is moved aside whole (with its -wal), logged, and a fresh one works. */
static void test_corrupt_file_is_moved_aside(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    uk_session_row row = sample_row();
    for (int i = 0; i < 50; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);

    /* Scribble over the second page: the sessions table's root. */
    size_t len;
    char *bytes = read_file(f->db, &len);
    assert_true(len >= 3 * 4096);
    memset(bytes + 4096 + 100, 0x5a, 3000);
    write_file(f->db, bytes, len);

    uk_store_options options = test_options(f);
    store = open_options_ok(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    char moved[400];
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX, f->db);
    assert_contains(health.last_error, moved);
    assert_logged(f, moved);
    assert_logged(f, "damaged");

    /* The damaged bytes are kept as they were, for whoever wants to look. */
    size_t moved_len;
    char *kept = read_file(moved, &moved_len);
    assert_int_equal(moved_len, len);
    assert_memory_equal(kept, bytes, len);
    free(kept);
    free(bytes);

    assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    uk_store_close(store);
    assert_schema_current(f->db);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* Not a database at all: moved aside the same way, never overwritten. */
static void test_not_a_database_is_moved_aside(void **state)
{
    fixture *f = *state;
    static const char content[] = "Appointments\nJohn Smith, Tuesday 10:00, call 555-0123\n";
    write_file(f->db, content, strlen(content));

    uk_store_options options = test_options(f);
    uk_store *store = open_options_ok(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    assert_logged(f, "not a database");
    uk_store_close(store);

    char moved[400];
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX, f->db);
    size_t len;
    char *kept = read_file(moved, &len);
    assert_int_equal(len, strlen(content));
    assert_memory_equal(kept, content, len);
    free(kept);
    assert_schema_current(f->db);

    /* A second damaged file in the same second gets its own name. */
    write_file(f->db, content, strlen(content));
    uk_store_close(open_options_ok(&options));
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX "-2", f->db);
    assert_true(exists(moved));
}

/* ---- slow storage ------------------------------------------------------------------------- */

/*
 * Every fsync takes 200 ms, as on a worn SD card: each commit takes at least
 * that long, yet queueing a row from the UI thread stays far below a frame
 * (the bound is generous on purpose; the typical time is microseconds, see
 * the printed numbers).
 */
static void test_slow_fsync_does_not_block_queueing(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f);
    fault_vfs_set_sync_delay_ms(f->vfs, 200);
    uk_session_row row = sample_row();

    double start = mono_ms();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    flush_ok(store);
    double commit_ms = mono_ms() - start;
    assert_true(commit_ms >= 200);

    double worst = 0, total = 0;
    const int calls = 40;
    for (int i = 0; i < calls; i++) {
        double before = mono_ms();
        assert_int_equal(uk_store_append_session(store, &row), 0);
        assert_int_equal(uk_store_count_view(store, "doctor", NOW_S), 0);
        double took = mono_ms() - before;
        worst = took > worst ? took : worst;
        total += took;
        assert_true(took < 20);
        sleep_ms(10); /* a frame or so apart, so queueing meets commits under way */
    }
    long syncs_before_flush = fault_vfs_syncs(f->vfs);
    flush_ok(store);
    printf("slow storage: one commit %.0f ms; queueing a session and a view: worst %.3f ms, "
           "mean %.3f ms over %d calls; %ld fsyncs\n",
           commit_ms, worst, total / calls, calls, syncs_before_flush);
    fault_vfs_set_sync_delay_ms(f->vfs, 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), calls + 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_fresh_create),
        T(test_columns_are_exactly_these),
        T(test_migrate_from_empty_file),
        T(test_migrate_from_empty_database),
        T(test_migrate_from_version_1),
        T(test_migrate_keeps_unrelated_table),
        T(test_failed_migration_rolls_back),
        T(test_reopen_keeps_rows),
        T(test_refuses_newer_version),
        T(test_refuses_negative_version),
        T(test_bad_options),
        T(test_missing_folder),
        T(test_null_is_accepted),
        T(test_every_accepted_language_is_recorded),
        T(test_round_trip),
        T(test_refused_rows_are_counted),
        T(test_counts_views_per_hour),
        T(test_status_after_writes),
        T(test_full_queue_drops_and_counts),
        T(test_locked_by_another_program),
        T(test_close_drains_the_queue),
        T(test_no_column_holds_free_text),
        T(test_retention_deletes_exactly_the_old_rows),
        T(test_stats_snapshot),
        T(test_stats_only_when_asked),
        T(test_read_only_at_open_then_recovers),
        T(test_read_only_while_running),
        T(test_disk_full_while_running),
        T(test_memory_is_bounded_while_full),
        T(test_close_gives_up_in_time),
        T(test_corrupt_file_is_moved_aside),
        T(test_not_a_database_is_moved_aside),
        T(test_slow_fsync_does_not_block_queueing),
    };
#undef T
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
