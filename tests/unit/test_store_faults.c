/*
 * test_store_faults.c: the usage log when the disk misbehaves: locked by
 * another program, read-only or full at start-up or while running, a full
 * disk at shutdown, damaged files, and enqueueing staying fast while every
 * fsync takes 200 ms.
 *
 * The faults come from tests/fixtures/fault_vfs.c, installed as SQLite's
 * default VFS for each test (tests/fixtures/store_fixture.h), under the
 * store's writer thread while the code under test is unchanged.
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

#include <sqlite3.h>

#include "platform/usage/store.h"
#include "tests/fixtures/fault_vfs.h"
#include "tests/fixtures/raw_db.h"
#include "tests/fixtures/store_fixture.h"

/* ---- faults -------------------------------------------------------------------------------- */

/* Another program holds the write lock past the busy timeout: rows wait, then go in. */
static void test_locked_by_another_program(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();

    sqlite3 *other = raw_db_open(f->db);
    raw_db_exec(other, "BEGIN IMMEDIATE");
    assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_stats_health health = store_fixture_wait_for_state(store, UK_STATS_RETRYING_IO);
    assert_int_equal(health.rows_pending, 1);
    store_fixture_assert_contains(health.last_error, f->db);
    store_fixture_assert_contains(health.last_error, "locked");
    raw_db_exec(other, "ROLLBACK");
    sqlite3_close(other);

    store_fixture_flush(store);
    store_fixture_wait_for_state(store, UK_STATS_OK);
    store_fixture_assert_logged(f, "writing usage again");
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* The disk is read-only when the kiosk starts: it starts anyway, and writes once it can. */
static void test_read_only_at_open_then_recovers(void **state)
{
    store_fixture *f = *state;
    fault_vfs_set_mode(f->vfs, FAULT_READONLY);
    uk_store_options options = store_fixture_options(f);
    uk_store *store = store_fixture_open_with(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_RETRYING_READONLY);
    store_fixture_assert_contains(health.last_error, f->db);
    store_fixture_assert_logged(f, "refuses writes");

    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_sleep_ms(100); /* a few retries fail */
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_RETRYING_READONLY);
    assert_int_equal(health.rows_pending, 3);
    assert_int_equal(health.rows_committed, 0);
    assert_int_equal(store_fixture_log_count(f), 1); /* retries are not logged one by one */

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    store_fixture_flush(store);
    health = store_fixture_wait_for_state(store, UK_STATS_OK);
    assert_int_equal(health.rows_committed, 3);
    assert_int_equal(health.rows_lost, 0);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 3);
    raw_db_assert_schema_current(f->db);
}

/*
 * The disk turns read-only or full while the kiosk runs: the kiosk keeps
 * queueing, the status says which, committed rows stay, and the rows that
 * waited are written when the disk recovers.
 */
static void fault_while_running(store_fixture *f, fault_mode mode, uk_stats_state expected)
{
    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 5; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);

    fault_vfs_set_mode(f->vfs, mode);
    for (int i = 0; i < 7; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_stats_health health = store_fixture_wait_for_state(store, expected);
    assert_int_equal(health.rows_committed, 5);
    assert_int_equal(health.committed_seq, 5);
    assert_int_equal(health.rows_pending, 7);
    store_fixture_assert_contains(health.last_error, f->db);
    assert_int_equal(uk_store_flush(store, 50), -1);
    assert_int_equal(errno, ETIMEDOUT);

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    store_fixture_flush(store);
    health = store_fixture_wait_for_state(store, UK_STATS_OK);
    assert_int_equal(health.rows_committed, 12);
    assert_int_equal(health.rows_lost, 0);
    uk_store_close(store);

    sqlite3 *db = raw_db_open(f->db);
    char buf[32];
    assert_string_equal(raw_db_text(db, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sessions"), 12);
    sqlite3_close(db);
}

static void test_read_only_while_running(void **state)
{
    store_fixture *f = *state;
    fault_while_running(f, FAULT_READONLY, UK_STATS_RETRYING_READONLY);
    store_fixture_assert_logged(f, "refuses writes");
    store_fixture_assert_logged(f, "writing usage again");
}

static void test_disk_full_while_running(void **state)
{
    store_fixture *f = *state;
    fault_while_running(f, FAULT_FULL, UK_STATS_RETRYING_FULL);
    store_fixture_assert_logged(f, "disk is full");
}

/* A full disk that stays full: memory holds queue_capacity rows, later ones are counted lost. */
static void test_memory_is_bounded_while_full(void **state)
{
    store_fixture *f = *state;
    uk_store_options options = store_fixture_options(f);
    options.queue_capacity = 8;
    uk_store *store = store_fixture_open_with(&options);
    fault_vfs_set_mode(f->vfs, FAULT_FULL);
    uk_session_row row = store_fixture_row();
    int queued = 0, dropped = 0;
    for (int i = 0; i < 20; i++) {
        if (uk_store_append_session(store, &row) == 0)
            queued++;
        else
            dropped++;
    }
    assert_int_equal(queued, 8);
    assert_int_equal(dropped, 12);
    uk_stats_health health = store_fixture_wait_for_state(store, UK_STATS_RETRYING_FULL);
    assert_int_equal(health.rows_pending, 8);
    assert_int_equal(health.rows_lost, 12);

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    store_fixture_flush(store);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 8);
}

/* Shutdown while the disk is full: close returns within its bound, what waited is reported. */
static void test_close_gives_up_in_time(void **state)
{
    store_fixture *f = *state;
    uk_store_options options = store_fixture_options(f);
    options.close_timeout_ms = 300;
    uk_store *store = store_fixture_open_with(&options);
    uk_session_row row = store_fixture_row();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);
    fault_vfs_set_mode(f->vfs, FAULT_FULL);
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_wait_for_state(store, UK_STATS_RETRYING_FULL);

    double start = store_fixture_mono_ms();
    uk_store_close(store);
    double took = store_fixture_mono_ms() - start;
    assert_true(took < 5000);
    store_fixture_assert_logged(f, "3 row(s) could not be written before shutdown");

    fault_vfs_set_mode(f->vfs, FAULT_NONE);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* ---- damaged files ------------------------------------------------------------------------- */

/* Name of the moved-aside file for STORE_FIXTURE_NOW_S. */
#define CORRUPT_SUFFIX ".corrupt-20261124T101500"

/* A damaged file is moved aside whole (with its -wal), logged, and a fresh one works. */
static void test_corrupt_file_is_moved_aside(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 50; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);
    sqlite3 *db = raw_db_open(f->db);
    raw_db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);

    /* Scribble over the second page: the sessions table's root. */
    size_t len;
    char *bytes = store_fixture_read_file(f->db, &len);
    assert_true(len >= 3 * 4096);
    memset(bytes + 4096 + 100, 0x5a, 3000);
    store_fixture_write_file(f->db, bytes, len);

    uk_store_options options = store_fixture_options(f);
    store = store_fixture_open_with(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    char moved[400];
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX, f->db);
    store_fixture_assert_contains(health.last_error, moved);
    store_fixture_assert_logged(f, moved);
    store_fixture_assert_logged(f, "damaged");

    /* The damaged bytes are kept as they were, for whoever wants to look. */
    size_t moved_len;
    char *kept = store_fixture_read_file(moved, &moved_len);
    assert_int_equal(moved_len, len);
    assert_memory_equal(kept, bytes, len);
    free(kept);
    free(bytes);

    assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    uk_store_close(store);
    raw_db_assert_schema_current(f->db);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
}

/* Not a database at all: moved aside the same way, never overwritten. */
static void test_not_a_database_is_moved_aside(void **state)
{
    store_fixture *f = *state;
    static const char content[] = "Appointments\nJohn Smith, Tuesday 10:00, call 555-0123\n";
    store_fixture_write_file(f->db, content, strlen(content));

    uk_store_options options = store_fixture_options(f);
    uk_store *store = store_fixture_open_with(&options);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_CORRUPT_REPLACED);
    store_fixture_assert_logged(f, "not a database");
    uk_store_close(store);

    char moved[400];
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX, f->db);
    size_t len;
    char *kept = store_fixture_read_file(moved, &len);
    assert_int_equal(len, strlen(content));
    assert_memory_equal(kept, content, len);
    free(kept);
    raw_db_assert_schema_current(f->db);

    /* A second damaged file in the same second gets its own name. */
    store_fixture_write_file(f->db, content, strlen(content));
    uk_store_close(store_fixture_open_with(&options));
    snprintf(moved, sizeof moved, "%s" CORRUPT_SUFFIX "-2", f->db);
    assert_true(store_fixture_exists(moved));
}

/* ---- slow storage -------------------------------------------------------------------------- */

/*
 * Every fsync takes 200 ms, as on a worn SD card: each commit takes at least
 * that long, yet queueing a row from the UI thread stays far below a frame
 * (the bound is generous on purpose; the typical time is microseconds, see
 * the printed numbers).
 */
static void test_slow_fsync_does_not_block_queueing(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    fault_vfs_set_sync_delay_ms(f->vfs, 200);
    uk_session_row row = store_fixture_row();

    double start = store_fixture_mono_ms();
    assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);
    double commit_ms = store_fixture_mono_ms() - start;
    assert_true(commit_ms >= 200);

    double worst = 0, total = 0;
    const int calls = 40;
    for (int i = 0; i < calls; i++) {
        double before = store_fixture_mono_ms();
        assert_int_equal(uk_store_append_session(store, &row), 0);
        assert_int_equal(uk_store_count_view(store, "doctor", STORE_FIXTURE_NOW_S), 0);
        double took = store_fixture_mono_ms() - before;
        worst = took > worst ? took : worst;
        total += took;
        assert_true(took < 20);
        store_fixture_sleep_ms(10); /* a frame or so apart, so queueing meets commits under way */
    }
    long syncs_before_flush = fault_vfs_syncs(f->vfs);
    store_fixture_flush(store);
    printf("slow storage: one commit %.0f ms; queueing a session and a view: worst %.3f ms, "
           "mean %.3f ms over %d calls; %ld fsyncs\n",
           commit_ms, worst, total / calls, calls, syncs_before_flush);
    fault_vfs_set_sync_delay_ms(f->vfs, 0);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), calls + 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, store_fixture_setup, store_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(test_locked_by_another_program),
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
    return cmocka_run_group_tests_name("store_faults", tests, NULL, NULL);
}
