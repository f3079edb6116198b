/*
 * test_store_open.c: opening the usage log: creating a fresh file, migrating
 * from every older version, refusing a newer one untouched, refusing bad
 * options and a missing folder, and the schema's refusal of free text (the
 * privacy promise).
 *
 * Real SQLite on real files (tests/fixtures/store_fixture.h); what ends up
 * in the file is read as it is (tests/fixtures/raw_db.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "platform/usage/store.h"
#include "platform/usage/usage_schema.h"
#include "tests/fixtures/raw_db.h"
#include "tests/fixtures/store_fixture.h"

/* ---- helpers ------------------------------------------------------------------------------- */

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

/* ---- creating and migrating ---------------------------------------------------------------- */

static void test_fresh_create(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    assert_string_equal(uk_store_path(store), f->db);
    uk_store_close(store);

    raw_db_assert_schema_current(f->db);
    /* Nothing but the two tables and their indexes: no side table for identifiers either. */
    sqlite3 *db = raw_db_open(f->db);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE "
                                    "'sqlite_%'"),
                     4);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sessions"), 0);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM screen_views"), 0);
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
    store_fixture *f = *state;
    uk_store_close(store_fixture_open(f));

    sqlite3 *db = raw_db_open(f->db);
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
    store_fixture *f = *state;
    store_fixture_write_file(f->db, "", 0);
    uk_store_close(store_fixture_open(f));
    raw_db_assert_schema_current(f->db);
}

/* Version 0, second form: a real database file, no tables, user_version 0. */
static void test_migrate_from_empty_database(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "CREATE TABLE scratch (x); DROP TABLE scratch;");
    assert_int_equal(raw_db_int(db, "PRAGMA user_version"), 0);
    sqlite3_close(db);
    struct stat st;
    assert_int_equal(stat(f->db, &st), 0);
    assert_true(st.st_size > 0);

    uk_store_close(store_fixture_open(f));
    raw_db_assert_schema_current(f->db);
}

/* Version 1 as it shipped, with rows: they survive, and the counters table is added. */
static void test_migrate_from_version_1(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, schema_v1);
    raw_db_exec(db, "PRAGMA journal_mode=WAL");
    raw_db_exec(db, "INSERT INTO sessions VALUES ('neck', 'en', 1795510800, 60, 1, 3, 'stopped', "
                    "'touch'), ('calves', 'es', 1795514400, 300, 4, 4, 'completed', 'button')");
    sqlite3_close(db);

    uk_store *store = store_fixture_open(f);
    assert_int_equal(uk_store_count_view(store, "doctor", STORE_FIXTURE_NOW_S), 0);
    uk_store_close(store);

    raw_db_assert_schema_current(f->db);
    db = raw_db_open(f->db);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(raw_db_int(db, "SELECT duration_s FROM sessions WHERE routine = 'calves'"),
                     300);
    assert_int_equal(raw_db_int(db, "SELECT views FROM screen_views WHERE screen = 'doctor'"), 1);
    sqlite3_close(db);
}

/* Version 0 holding something else: the migration adds to it and leaves it alone. */
static void test_migrate_keeps_unrelated_table(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "CREATE TABLE settings (key TEXT PRIMARY KEY, value INTEGER);"
                    "INSERT INTO settings VALUES ('brightness', 80);");
    sqlite3_close(db);

    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    raw_db_assert_schema_current(f->db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT value FROM settings WHERE key = 'brightness'"),
                     80);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* A failed migration leaves the file as it was: the version bump shares the transaction. */
static void test_failed_migration_rolls_back(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "CREATE TABLE sessions (name TEXT);");
    sqlite3_close(db);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    store_fixture_assert_contains(error, f->db);
    store_fixture_assert_contains(error, "migrate");
    store_fixture_assert_contains(error, "already exists");

    assert_int_equal(raw_db_file_int(f->db, "PRAGMA user_version"), 0);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM pragma_table_info('sessions')"),
                     1);
}

static void test_reopen_keeps_rows(void **state)
{
    store_fixture *f = *state;
    uk_session_row row = store_fixture_row();

    uk_store *store = store_fixture_open(f);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = store_fixture_open(f);
    row.outcome = UK_OUTCOME_COMPLETED;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = store_fixture_open(f);
    uk_store_close(store);

    raw_db_assert_schema_current(f->db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 3);
    assert_int_equal(
        raw_db_file_int(f->db, "SELECT count(*) FROM sessions WHERE outcome = 'stopped'"), 2);
}

/* ---- refusing ------------------------------------------------------------------------------ */

/* A newer file is refused, with both versions named, and is not touched: same bytes, no -wal. */
static void test_refuses_newer_version(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "CREATE TABLE sessions (future_column INTEGER); PRAGMA user_version = 99;");
    sqlite3_close(db);
    size_t before_len, after_len;
    char *before = store_fixture_read_file(f->db, &before_len);

    char error[512] = "";
    errno = 0;
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_int_not_equal(errno, 0);
    store_fixture_assert_contains(error, f->db);
    assert_true(contains_number(error, 99));
    assert_true(contains_number(error, UK_USAGE_SCHEMA_VERSION));
    store_fixture_assert_contains(error, "upgrade unknot");
    store_fixture_assert_contains(error, "move the file aside");

    char *after = store_fixture_read_file(f->db, &after_len);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);
    free(before);
    free(after);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", f->db);
    assert_false(store_fixture_exists(wal));
}

/* user_version is a signed 32-bit number; a negative one was never written by us. */
static void test_refuses_negative_version(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "PRAGMA user_version = -3;");
    sqlite3_close(db);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    store_fixture_assert_contains(error, f->db);
    store_fixture_assert_contains(error, "-3");
}

static void test_bad_options(void **state)
{
    store_fixture *f = *state;
    uk_store_options options = store_fixture_options(f);
    char error[512] = "";

    options.retention_days = 0;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    store_fixture_assert_contains(error, "retention_days");
    options = store_fixture_options(f);
    options.queue_capacity = 0;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    store_fixture_assert_contains(error, "queue_capacity");
    options = store_fixture_options(f);
    options.path = NULL;
    assert_null(uk_store_open_with(&options, error, sizeof error));
    store_fixture_assert_contains(error, "--db PATH");
    assert_null(uk_store_open_with(NULL, NULL, 0));
    assert_false(store_fixture_exists(f->db));
}

static void test_missing_folder(void **state)
{
    store_fixture *f = *state;
    char path[400];
    snprintf(path, sizeof path, "%s/no-such-folder/usage.db", f->dir);

    char error[512] = "";
    errno = 0;
    assert_null(uk_store_open(path, error, sizeof error));
    assert_int_not_equal(errno, 0);
    store_fixture_assert_contains(error, path);
    store_fixture_assert_contains(error, "folder");
    store_fixture_assert_contains(error, "--db PATH");

    /* A NULL or empty error buffer is allowed. */
    assert_null(uk_store_open(path, NULL, 0));
    assert_null(uk_store_open(NULL, error, sizeof error));
    store_fixture_assert_contains(error, "--db PATH");
}

static void test_null_is_accepted(void **state)
{
    (void)state;
    uk_store_close(NULL);
    uk_session_row row = store_fixture_row();
    errno = 0;
    assert_int_equal(uk_store_append_session(NULL, &row), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(uk_store_count_view(NULL, "doctor", STORE_FIXTURE_NOW_S), -1);
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

/* ---- the schema refuses free text ---------------------------------------------------------- */

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
    store_fixture *f = *state;
    uk_store_close(store_fixture_open(f));
    sqlite3 *db = raw_db_open(f->db);
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
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sessions"), 1);

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
    raw_db_exec(db, "INSERT INTO screen_views VALUES ('doctor', 7200, 1)");
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM screen_views"), 1);
    sqlite3_close(db);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, store_fixture_setup, store_fixture_teardown)
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
        T(test_no_column_holds_free_text),
    };
#undef T
    return cmocka_run_group_tests_name("store_open", tests, NULL, NULL);
}
