/*
 * test_usage_db.c: the usage log's file says what kind of failure it met.
 *
 * The store's writer decides by errno alone whether to wait and retry, move
 * a damaged file aside, or give up (platform/usage/usage_error.h), so each
 * kind is checked here at its source: platform/usage/usage_db.h driven
 * directly, with the faults of tests/fixtures/fault_vfs.h and files made as
 * they are with tests/fixtures/raw_db.h. Every failure must also leave one
 * sentence naming the file in the caller's buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "app/model/session.h"
#include "platform/usage/usage_db.h"
#include "platform/usage/usage_error.h"
#include "tests/fixtures/fault_vfs.h"
#include "tests/fixtures/raw_db.h"
#include "tests/fixtures/store_fixture.h"

/* Opens f->db and expects it to work. */
static uk_usage_db *open_ok(store_fixture *f)
{
    char error[512] = "";
    uk_usage_db *db = uk_usage_db_open(f->db, error, sizeof error);
    if (db == NULL)
        print_error("uk_usage_db_open: %s\n", error);
    assert_non_null(db);
    return db;
}

/* Expects uk_usage_db_open(path) to fail with errno `kind` and a sentence naming `path`. */
static void expect_open_fails(const char *path, int kind, const char *words)
{
    char error[512] = "";
    errno = 0;
    uk_usage_db *db = uk_usage_db_open(path, error, sizeof error);
    int err = errno;
    uk_usage_db_close(db);
    assert_null(db);
    if (err != kind)
        print_error("errno %d (%s), want %d (%s): %s\n", err, strerror(err), kind, strerror(kind),
                    error);
    assert_int_equal(err, kind);
    store_fixture_assert_contains(error, path);
    store_fixture_assert_contains(error, words);
}

/* One session row queued as the store queues it. */
static uk_usage_db_item session_item(uint64_t seq)
{
    uk_usage_db_item item = {.seq = seq, .kind = UK_USAGE_DB_ITEM_SESSION};
    item.session = store_fixture_row();
    return item;
}

/* ---- opening ------------------------------------------------------------------------------- */

static void test_open_creates_the_current_schema(void **state)
{
    store_fixture *f = *state;
    uk_usage_db_close(open_ok(f));
    raw_db_assert_schema_current(f->db);
}

static void test_no_path_or_folder_cannot_be_retried(void **state)
{
    store_fixture *f = *state;
    char path[400], error[512] = "";
    snprintf(path, sizeof path, "%s/no-such-folder/usage.db", f->dir);
    expect_open_fails(path, ENOENT, "folder does not exist");

    errno = 0;
    assert_null(uk_usage_db_open("", error, sizeof error));
    assert_int_equal(errno, EINVAL);
    store_fixture_assert_contains(error, "--db PATH");
    assert_null(uk_usage_db_open(NULL, NULL, 0));
    assert_int_equal(errno, EINVAL);
}

static void test_newer_schema_cannot_be_retried(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "PRAGMA user_version = 99;");
    sqlite3_close(db);
    expect_open_fails(f->db, UK_USAGE_ERROR_HOPELESS, "upgrade unknot");
    assert_int_equal(raw_db_file_int(f->db, "PRAGMA user_version"), 99);
}

static void test_failed_migration_cannot_be_retried(void **state)
{
    store_fixture *f = *state;
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "CREATE TABLE sessions (name TEXT);");
    sqlite3_close(db);
    expect_open_fails(f->db, UK_USAGE_ERROR_HOPELESS, "migrate schema from version 0 to 1");
    assert_int_equal(raw_db_file_int(f->db, "PRAGMA user_version"), 0);
}

static void test_not_a_database_is_damaged(void **state)
{
    store_fixture *f = *state;
    static const char content[] = "Appointments\nJohn Smith, Tuesday 10:00\n";
    store_fixture_write_file(f->db, content, strlen(content));
    expect_open_fails(f->db, UK_USAGE_ERROR_DAMAGED, "not a database");
}

static void test_read_only_disk_at_open(void **state)
{
    store_fixture *f = *state;
    fault_vfs_set_mode(f->vfs, FAULT_READONLY);
    expect_open_fails(f->db, EROFS, "--db PATH");
}

/* ---- writing ------------------------------------------------------------------------------- */

/* The disk fills under an open file: the batch fails whole, as ENOSPC, worth waiting for. */
static void test_full_disk_fails_the_batch(void **state)
{
    store_fixture *f = *state;
    uk_usage_db_item items[] = {session_item(1), session_item(2)};
    uk_usage_db *db = open_ok(f);
    fault_vfs_set_mode(f->vfs, FAULT_FULL);
    char error[512] = "";
    size_t refused = 0;
    errno = 0;
    assert_int_equal(uk_usage_db_write(db, items, 2, &refused, error, sizeof error), -1);
    assert_int_equal(errno, ENOSPC);
    store_fixture_assert_contains(error, f->db);
    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    uk_usage_db_close(db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 0);
}

/* Another program holds the write lock past the busy timeout: EBUSY, worth waiting for. */
static void test_locked_file_is_busy(void **state)
{
    store_fixture *f = *state;
    uk_usage_db *db = open_ok(f);
    sqlite3 *other = raw_db_open(f->db);
    raw_db_exec(other, "BEGIN IMMEDIATE");
    uk_usage_db_item item = session_item(1);
    char error[512] = "";
    size_t refused = 0;
    errno = 0;
    assert_int_equal(uk_usage_db_write(db, &item, 1, &refused, error, sizeof error), -1);
    assert_int_equal(errno, EBUSY);
    store_fixture_assert_contains(error, "locked");
    raw_db_exec(other, "ROLLBACK");
    sqlite3_close(other);

    assert_int_equal(uk_usage_db_write(db, &item, 1, &refused, error, sizeof error), 0);
    uk_usage_db_close(db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* A row the schema refuses is no failure: the others are written, the reason is given. */
static void test_refused_row_is_counted_with_its_reason(void **state)
{
    store_fixture *f = *state;
    uk_usage_db *db = open_ok(f);
    uk_usage_db_item items[] = {session_item(1), session_item(2), session_item(3)};
    snprintf(items[1].session.routine, sizeof items[1].session.routine, "%s", "John Smith");
    char error[512] = "";
    size_t refused = 0;
    assert_int_equal(uk_usage_db_write(db, items, 3, &refused, error, sizeof error), 0);
    assert_int_equal(refused, 1);
    store_fixture_assert_contains(error, "CHECK constraint failed");
    store_fixture_assert_contains(error, "row left out");
    uk_usage_db_close(db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 2);
}

/* ---- files --------------------------------------------------------------------------------- */

static void test_move_aside_says_why_not(void **state)
{
    store_fixture *f = *state;
    char moved[400] = "", error[512] = "";
    errno = 0;
    assert_int_equal(uk_usage_db_move_aside(f->db, STORE_FIXTURE_NOW_S, moved, sizeof moved, error,
                                            sizeof error),
                     -1);
    assert_int_equal(errno, ENOENT);
    store_fixture_assert_contains(error, f->db);
    store_fixture_assert_contains(error, "by hand");
    assert_string_equal(moved, "");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, store_fixture_setup, store_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(test_open_creates_the_current_schema),
        T(test_no_path_or_folder_cannot_be_retried),
        T(test_newer_schema_cannot_be_retried),
        T(test_failed_migration_cannot_be_retried),
        T(test_not_a_database_is_damaged),
        T(test_read_only_disk_at_open),
        T(test_full_disk_fails_the_batch),
        T(test_locked_file_is_busy),
        T(test_refused_row_is_counted_with_its_reason),
        T(test_move_aside_says_why_not),
    };
#undef T
    return cmocka_run_group_tests_name("usage_db", tests, NULL, NULL);
}
