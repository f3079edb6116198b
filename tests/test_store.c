/*
 * test_store.c: the usage log against real SQLite on real files.
 *
 * Each test gets its own folder from mkdtemp (WAL needs a file; :memory:
 * cannot do it) and removes it afterwards. The store is driven through
 * platform/store.h; what ends up in the file is checked with plain sqlite3
 * calls here, so the tests see the file as an analyst with the sqlite3 shell
 * would, not as the store believes it wrote it.
 *
 * What is covered: creating a fresh file, migrating every older version
 * (there is only 0 so far), refusing a newer one untouched, reopening, a row
 * round trip, the schema's refusal of free text (the privacy promise: the
 * file cannot hold a name even if a bug tried), the exact column list, and
 * the messages for files that cannot be used. Permission tests skip when run
 * as root, who ignores permissions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app/session.h"
#include "platform/store.h"

/* ---- fixture: a fresh folder per test ------------------------------------------------------ */

typedef struct fixture {
    char dir[256]; /* the mkdtemp folder */
    char db[320];  /* dir/usage.db, not created */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/unknot-store-XXXXXX",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (mkdtemp(f->dir) == NULL) {
        free(f);
        return -1;
    }
    snprintf(f->db, sizeof f->db, "%s/usage.db", f->dir);
    *state = f;
    return 0;
}

/* The folder is flat (the database, its -wal and -shm, files the tests wrote). */
static int teardown(void **state)
{
    fixture *f = *state;
    chmod(f->dir, 0700);
    DIR *dir = opendir(f->dir);
    if (dir != NULL) {
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            char path[600];
            snprintf(path, sizeof path, "%s/%s", f->dir, entry->d_name);
            unlink(path);
        }
        closedir(dir);
    }
    rmdir(f->dir);
    free(f);
    return 0;
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

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
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

static void write_file(const char *path, const char *content)
{
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(content, 1, strlen(content), file), strlen(content));
    assert_int_equal(fclose(file), 0);
}

static uk_store *open_ok(const char *path)
{
    char error[512] = "untouched";
    uk_store *store = uk_store_open(path, error, sizeof error);
    if (store == NULL)
        print_error("uk_store_open: %s\n", error);
    assert_non_null(store);
    assert_string_equal(error, "");
    assert_string_equal(uk_store_error(store), "");
    return store;
}

static uk_session_row sample_row(void)
{
    uk_session_row row = {
        .routine = "neck-and-shoulders",
        .lang = "en",
        .start_hour = 1700000000 - 1700000000 % 3600,
        .duration_s = 312,
        .steps_done = 5,
        .steps_total = 7,
        .outcome = UK_OUTCOME_STOPPED,
        .input = UK_INPUT_BUTTON,
    };
    return row;
}

/* Checks what a freshly created or migrated file must have. */
static void assert_schema_v1(const char *path)
{
    char buf[64];
    sqlite3 *db = raw_open(path);
    assert_int_equal(raw_int(db, "PRAGMA user_version"), 1);
    assert_string_equal(raw_text(db, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    assert_int_equal(
        raw_int(db,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sessions'"),
        1);
    assert_int_equal(raw_int(db, "SELECT strict FROM pragma_table_list WHERE name = 'sessions'"),
                     1);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                 "tbl_name = 'sessions' AND sql LIKE '%(start_hour)%'"),
                     1);
    sqlite3_close(db);
}

/* ---- creating and migrating --------------------------------------------------------------- */

static void test_fresh_create(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f->db);
    assert_string_equal(uk_store_path(store), f->db);
    uk_store_close(store);

    assert_schema_v1(f->db);
    /* Nothing but the one table and its index: no side table for identifiers either. */
    sqlite3 *db = raw_open(f->db);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE "
                                 "'sqlite_%'"),
                     2);
    assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 0);
    sqlite3_close(db);
}

/* The columns, exactly: adding one (an identifier, a note) must change this test. */
static void test_columns_are_exactly_these(void **state)
{
    static const struct {
        const char *name;
        const char *type;
    } expected[] = {
        {"routine", "TEXT"},       {"lang", "TEXT"},          {"start_hour", "INTEGER"},
        {"duration_s", "INTEGER"}, {"steps_done", "INTEGER"}, {"steps_total", "INTEGER"},
        {"outcome", "TEXT"},       {"input", "TEXT"},
    };
    const int count = (int)(sizeof expected / sizeof expected[0]);
    fixture *f = *state;
    uk_store_close(open_ok(f->db));

    sqlite3 *db = raw_open(f->db);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name, type, \"notnull\", pk, dflt_value FROM "
                                        "pragma_table_info('sessions') ORDER BY cid",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    int i = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        assert_true(i < count);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 0), expected[i].name);
        assert_string_equal((const char *)sqlite3_column_text(stmt, 1), expected[i].type);
        assert_int_equal(sqlite3_column_int(stmt, 2), 1);            /* NOT NULL */
        assert_int_equal(sqlite3_column_int(stmt, 3), 0);            /* no primary key column */
        assert_int_equal(sqlite3_column_type(stmt, 4), SQLITE_NULL); /* no default */
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
    write_file(f->db, "");
    uk_store_close(open_ok(f->db));
    assert_schema_v1(f->db);
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

    uk_store_close(open_ok(f->db));
    assert_schema_v1(f->db);
}

/* Version 0 holding something else: the migration adds to it and leaves it alone. */
static void test_migrate_keeps_unrelated_table(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE settings (key TEXT PRIMARY KEY, value INTEGER);"
                 "INSERT INTO settings VALUES ('brightness', 80);");
    sqlite3_close(db);

    uk_store *store = open_ok(f->db);
    uk_session_row row = sample_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    assert_schema_v1(f->db);
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

    uk_store *store = open_ok(f->db);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = open_ok(f->db);
    row.outcome = UK_OUTCOME_COMPLETED;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);

    store = open_ok(f->db);
    uk_store_close(store);

    assert_schema_v1(f->db);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 3);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions WHERE outcome = 'stopped'"), 2);
}

/* A newer file is refused, with both versions named, and is not touched. */
static void test_refuses_newer_version(void **state)
{
    fixture *f = *state;
    sqlite3 *db = raw_open(f->db);
    raw_exec(db, "CREATE TABLE sessions (future_column INTEGER); PRAGMA user_version = 99;");
    sqlite3_close(db);

    char error[512] = "";
    errno = 0;
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_int_not_equal(errno, 0);
    assert_contains(error, f->db);
    assert_true(contains_number(error, 99));
    assert_true(contains_number(error, UK_STORE_SCHEMA_VERSION));
    assert_contains(error, "upgrade unknot");
    assert_contains(error, "move the file aside");

    char buf[64];
    db = raw_open(f->db);
    assert_int_equal(raw_int(db, "PRAGMA user_version"), 99);
    assert_string_equal(raw_text(db, "PRAGMA journal_mode", buf, sizeof buf), "delete");
    sqlite3_close(db);
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

/* ---- rows --------------------------------------------------------------------------------- */

/* Every outcome and input kind, through uk_session_to_row, back out column by column. */
static void test_round_trip(void **state)
{
    fixture *f = *state;
    const int64_t wall_ms_at_zero = INT64_C(1700000123456); /* 2023-11-14 22:15:23.456 UTC */
    uk_session_row rows[UK_OUTCOME_COUNT * UK_INPUT_KIND_COUNT];
    int count = 0;

    uk_store *store = open_ok(f->db);
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

/* A row the schema refuses: -1, a message, nothing written, and the store still works. */
static void test_append_refuses_bad_rows(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f->db);
    uk_session_row good = sample_row();
    uk_session_row row;

    row = good;
    row.start_hour += 60; /* not a whole hour */
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_contains(uk_store_error(store), f->db);
    assert_contains(uk_store_error(store), "insert session");
    assert_contains(uk_store_error(store), "CHECK constraint failed");

    row = good;
    snprintf(row.routine, sizeof row.routine, "%s", "John Smith");
    assert_int_equal(uk_store_append_session(store, &row), -1);

    row = good;
    snprintf(row.lang, sizeof row.lang, "%s", "EN");
    assert_int_equal(uk_store_append_session(store, &row), -1);

    row = good;
    memset(row.routine, 'a', sizeof row.routine); /* no NUL: bound as 32 bytes, refused */
    assert_int_equal(uk_store_append_session(store, &row), -1);

    row = good;
    row.steps_done = 8; /* more than steps_total */
    assert_int_equal(uk_store_append_session(store, &row), -1);

    row = good;
    row.steps_total = 0;
    row.steps_done = 0;
    assert_int_equal(uk_store_append_session(store, &row), -1);

    row = good;
    row.duration_s = 86401;
    assert_int_equal(uk_store_append_session(store, &row), -1);

    /* An out-of-range enum would otherwise be stored as the names' fallback word. */
    row = good;
    row.outcome = (uk_outcome)UK_OUTCOME_COUNT;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_contains(uk_store_error(store), "outcome");
    row = good;
    row.input = (uk_input_kind)7;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_contains(uk_store_error(store), "input");

    assert_int_equal(uk_store_append_session(store, NULL), -1);
    assert_int_equal(uk_store_append_session(NULL, &good), -1);

    /* Each failure was rolled back: a good row still goes in, alone. */
    assert_int_equal(uk_store_append_session(store, &good), 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* Another writer holds the lock past the busy timeout: -1 and a message, then it recovers. */
static void test_append_fails_while_locked(void **state)
{
    fixture *f = *state;
    uk_store *store = open_ok(f->db);
    uk_session_row row = sample_row();

    sqlite3 *other = raw_open(f->db);
    raw_exec(other, "BEGIN IMMEDIATE");
    errno = 0;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_int_not_equal(errno, 0);
    assert_contains(uk_store_error(store), f->db);
    assert_contains(uk_store_error(store), "insert session");
    assert_contains(uk_store_error(store), "locked");
    raw_exec(other, "ROLLBACK");
    sqlite3_close(other);

    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);
    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* ---- the schema refuses free text --------------------------------------------------------- */

/*
 * Raw INSERTs as a buggy or curious writer would do them, bypassing the
 * store. Each case replaces one column of a valid row with an SQL expression
 * and must fail with a constraint error.
 */
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
    uk_store_close(open_ok(f->db));
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
    sqlite3_close(db);
}

/* ---- files that cannot be used ------------------------------------------------------------ */

static void test_not_a_database(void **state)
{
    fixture *f = *state;
    static const char content[] = "Appointments\nJohn Smith, Tuesday 10:00, call 555-0123\n";
    write_file(f->db, content);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_contains(error, f->db);
    assert_contains(error, "not a database");
    assert_contains(error, "move the file aside");

    /* Left as it was. */
    char buf[sizeof content + 16] = "";
    FILE *file = fopen(f->db, "rb");
    assert_non_null(file);
    size_t len = fread(buf, 1, sizeof buf - 1, file);
    fclose(file);
    assert_int_equal(len, strlen(content));
    assert_string_equal(buf, content);
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
    assert_contains(error, "folder exists");
    assert_contains(error, "--db PATH");

    /* A NULL or empty error buffer is allowed. */
    assert_null(uk_store_open(path, NULL, 0));
    assert_null(uk_store_open(NULL, error, sizeof error));
    assert_contains(error, "--db PATH");
}

/*
 * The folder becomes read-only while the kiosk runs. In WAL mode the store
 * writes only to files it already holds open (the database, -wal, -shm), so
 * appends go on working: the kiosk keeps its log until it restarts, and the
 * restart is where the problem is reported (next test).
 */
static void test_read_only_folder_while_open(void **state)
{
    if (geteuid() == 0)
        skip(); /* root ignores permissions */
    fixture *f = *state;
    uk_store *store = open_ok(f->db);
    uk_session_row row = sample_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);

    assert_int_equal(chmod(f->dir, 0555), 0);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    assert_string_equal(uk_store_error(store), "");
    uk_store_close(store);
    assert_int_equal(chmod(f->dir, 0700), 0);

    assert_int_equal(file_int(f->db, "SELECT count(*) FROM sessions"), 2);
}

/* Restarting with a read-only folder: SQLite cannot make its -wal and -shm files. */
static void test_read_only_folder_at_open(void **state)
{
    if (geteuid() == 0)
        skip();
    fixture *f = *state;
    uk_store_close(open_ok(f->db)); /* a clean close removes -wal and -shm */
    assert_int_equal(chmod(f->dir, 0555), 0);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_contains(error, f->db);
    assert_contains(error, "may write to it");
}

/* A write-protected file: SQLite would open it read-only and fail every append later. */
static void test_read_only_file_at_open(void **state)
{
    if (geteuid() == 0)
        skip();
    fixture *f = *state;
    uk_store_close(open_ok(f->db));
    assert_int_equal(chmod(f->db, 0444), 0);

    char error[512] = "";
    assert_null(uk_store_open(f->db, error, sizeof error));
    assert_contains(error, f->db);
    assert_contains(error, "read-only");
}

static void test_close_accepts_null(void **state)
{
    (void)state;
    uk_store_close(NULL);
    assert_string_equal(uk_store_error(NULL), "");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_fresh_create),
        T(test_columns_are_exactly_these),
        T(test_migrate_from_empty_file),
        T(test_migrate_from_empty_database),
        T(test_migrate_keeps_unrelated_table),
        T(test_failed_migration_rolls_back),
        T(test_reopen_keeps_rows),
        T(test_refuses_newer_version),
        T(test_refuses_negative_version),
        T(test_round_trip),
        T(test_append_refuses_bad_rows),
        T(test_append_fails_while_locked),
        T(test_no_column_holds_free_text),
        T(test_not_a_database),
        T(test_missing_folder),
        T(test_read_only_folder_while_open),
        T(test_read_only_folder_at_open),
        T(test_read_only_file_at_open),
        cmocka_unit_test(test_close_accepts_null),
    };
#undef T
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
