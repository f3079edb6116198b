/*
 * test_store_write.c: rows into the usage log: sessions and view counters
 * round trip, rows the schema refuses are counted, the queue never blocks
 * (dropping and counting when full, draining on close), and retention
 * deletes exactly the old rows.
 *
 * Real SQLite on real files (tests/fixtures/store_fixture.h); what ends up
 * in the file is read as it is (tests/fixtures/raw_db.h). The wall clock is
 * injected where a test depends on it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "app/model/session.h"
#include "app/model/strings.h"
#include "platform/usage/store.h"
#include "tests/fixtures/fault_vfs.h"
#include "tests/fixtures/raw_db.h"
#include "tests/fixtures/store_fixture.h"

/* ---- rows ---------------------------------------------------------------------------------- */

/*
 * Every language code the kiosk accepts for a language file or its configured language is
 * one the sessions table takes: a kiosk in Brazilian Portuguese records its sessions.
 */
static void test_every_accepted_language_is_recorded(void **state)
{
    store_fixture *f = *state;
    static const char *const codes[] = {"en", "es", "fil", "pt-br", "zh-tw", "yue-hkg"};
    const size_t count = sizeof codes / sizeof codes[0];
    uk_store *store = store_fixture_open(f);
    for (size_t i = 0; i < count; i++) {
        assert_true(uk_strings_lang_valid(codes[i]));
        uk_session session = {.routine = "neck", .steps_done = 1, .steps_total = 3};
        snprintf(session.lang, sizeof session.lang, "%s", codes[i]);
        uk_session_row row;
        uk_session_to_row(&session, INT64_C(1700000000000), &row);
        assert_int_equal(uk_store_append_session(store, &row), 0);
    }
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(DISTINCT lang) FROM sessions"),
                     (int64_t)count);
}

static void test_round_trip(void **state)
{
    store_fixture *f = *state;
    const int64_t wall_ms_at_zero = INT64_C(1700000123456); /* 2023-11-14 22:15:23.456 UTC */
    uk_session_row rows[UK_OUTCOME_COUNT * UK_INPUT_KIND_COUNT];
    int count = 0;

    uk_store *store = store_fixture_open(f);
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

    sqlite3 *db = raw_db_open(f->db);
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
                            uk_session_outcome_name(row->outcome));
        assert_string_equal((const char *)sqlite3_column_text(stmt, 7),
                            uk_input_kind_name(row->input));
        assert_string_equal((const char *)sqlite3_column_text(stmt, 8), "integer");
        assert_string_equal((const char *)sqlite3_column_text(stmt, 9), "integer");
        i++;
    }
    assert_int_equal(i, count);
    sqlite3_finalize(stmt);

    /* Every word the core can produce is one the schema accepts. */
    assert_int_equal(raw_db_int(db, "SELECT count(DISTINCT outcome) FROM sessions"),
                     UK_OUTCOME_COUNT);
    assert_int_equal(raw_db_int(db, "SELECT count(DISTINCT input) FROM sessions"),
                     UK_INPUT_KIND_COUNT);
    sqlite3_close(db);
}

/* Rows the schema refuses are left out and counted; the others around them are written. */
static void test_refused_rows_are_counted(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    uk_session_row good = store_fixture_row();
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

    assert_int_equal(uk_store_count_view(store, "Doctor", STORE_FIXTURE_NOW_S),
                     0); /* not lower case */
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
    assert_int_equal(uk_store_count_view(store, "a-very-long-screen-name", STORE_FIXTURE_NOW_S),
                     -1);
    assert_int_equal(uk_store_count_view(store, "", STORE_FIXTURE_NOW_S), -1);

    assert_int_equal(uk_store_append_session(store, &good), 0);
    store_fixture_flush(store);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.rows_lost, refused);
    assert_int_equal(health.rows_committed, 2);
    assert_int_equal(health.committed_seq, refused + 2);
    assert_int_equal(health.state, UK_STATS_OK);
    store_fixture_assert_contains(health.last_error, f->db);
    store_fixture_assert_contains(health.last_error, "CHECK constraint failed");
    store_fixture_assert_logged(f, "refused by the schema");
    uk_store_close(store);

    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM screen_views"), 0);
}

/* Views are counted per screen and whole hour; nothing about who looked. */
static void test_counts_views_per_hour(void **state)
{
    store_fixture *f = *state;
    const int64_t hour = STORE_FIXTURE_NOW_S - STORE_FIXTURE_NOW_S % 3600;
    uk_store *store = store_fixture_open(f);
    assert_int_equal(uk_store_count_view(store, "doctor", hour), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 59), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 3599), 0);
    assert_int_equal(uk_store_count_view(store, "doctor", hour + 3600), 0);
    assert_int_equal(uk_store_count_view(store, "home", hour + 1800), 0);
    uk_store_close(store);

    sqlite3 *db = raw_db_open(f->db);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM screen_views"), 3);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'doctor' AND hour = %lld",
             (long long)hour);
    assert_int_equal(raw_db_int(db, sql), 3);
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'doctor' AND hour = %lld",
             (long long)(hour + 3600));
    assert_int_equal(raw_db_int(db, sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT views FROM screen_views WHERE screen = 'home' AND hour = %lld",
             (long long)hour);
    assert_int_equal(raw_db_int(db, sql), 1);
    sqlite3_close(db);
}

/* The counters a test (or the admin screen) reads: sequence, committed, size, last write. */
static void test_status_after_writes(void **state)
{
    store_fixture *f = *state;
    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 10; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);
    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.state, UK_STATS_OK);
    assert_int_equal(health.committed_seq, 10);
    assert_int_equal(health.rows_committed, 10);
    assert_int_equal(health.rows_pending, 0);
    assert_int_equal(health.rows_lost, 0);
    assert_int_equal(health.last_write_s, STORE_FIXTURE_NOW_S);
    assert_true(health.db_bytes > 0);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 10);
}

/* ---- the queue ----------------------------------------------------------------------------- */

/*
 * The queue is bounded: while the writer is stuck in a slow fsync, rows fill
 * it, the next one is dropped at once (not waited for), counted, and logged
 * once; what was queued is written when the disk catches up.
 */
static void test_full_queue_drops_and_counts(void **state)
{
    store_fixture *f = *state;
    uk_store_options options = store_fixture_options(f);
    options.queue_capacity = 4;
    uk_store *store = store_fixture_open_with(&options);
    uk_session_row row = store_fixture_row();

    fault_vfs_set_sync_delay_ms(f->vfs, 300);
    assert_int_equal(uk_store_append_session(store, &row), 0);
    while (fault_vfs_syncs_in_progress(f->vfs) == 0)
        store_fixture_sleep_ms(1);
    /* The row being written still takes its place until it is committed. */
    for (int i = 0; i < 3; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    errno = 0;
    assert_int_equal(uk_store_append_session(store, &row), -1);
    assert_int_equal(errno, EAGAIN);
    assert_int_equal(uk_store_count_view(store, "doctor", STORE_FIXTURE_NOW_S), -1);

    uk_stats_health health;
    uk_store_get_status(store, &health);
    assert_int_equal(health.rows_lost, 2);
    assert_int_equal(health.rows_pending, 4);
    store_fixture_assert_contains(health.last_error, "new rows are dropped");
    assert_int_equal(store_fixture_log_count(f), 1); /* one message for the whole run of drops */
    store_fixture_assert_logged(f, "new rows are dropped");

    fault_vfs_set_sync_delay_ms(f->vfs, 0);
    store_fixture_flush(store);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 4);
}

/* Close writes everything that is queued before it returns. */
static void test_close_drains_the_queue(void **state)
{
    store_fixture *f = *state;
    uk_store_options options = store_fixture_options(f);
    options.queue_capacity = 5000;
    uk_store *store = store_fixture_open_with(&options);
    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 3000; i++)
        assert_int_equal(uk_store_append_session(store, &row), 0);
    uk_store_close(store);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 3000);
    assert_int_equal(store_fixture_log_count(f), 0);
}

/* ---- retention ----------------------------------------------------------------------------- */

/* Inserts a session and a view counter at `hour` with the real VFS. */
static void raw_insert_at(sqlite3 *db, int64_t hour)
{
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO sessions VALUES ('neck', 'en', %lld, 60, 1, 3, 'stopped', 'touch');"
             "INSERT INTO screen_views VALUES ('doctor', %lld, 2);",
             (long long)hour, (long long)hour);
    raw_db_exec(db, sql);
}

/*
 * With retention N days, open deletes exactly what started before now - N
 * days: a row in the hour that holds the cutoff is older, the next hour is
 * not, and a row exactly at the cutoff is kept.
 */
static void test_retention_deletes_exactly_the_old_rows(void **state)
{
    store_fixture *f = *state;
    uk_store_close(store_fixture_open(f));
    /* 1787739300: 15 minutes past an hour */
    const int64_t cutoff = STORE_FIXTURE_NOW_S - 90 * 86400;
    const int64_t cutoff_hour = cutoff - cutoff % 3600;
    assert_int_not_equal(cutoff % 3600, 0);
    sqlite3 *db = raw_db_open(f->db);
    raw_insert_at(db, 0);                  /* 1970: old */
    raw_insert_at(db, cutoff_hour - 3600); /* old */
    raw_insert_at(db, cutoff_hour);        /* started before the cutoff: old */
    raw_insert_at(db, cutoff_hour + 3600); /* after the cutoff: kept */
    raw_insert_at(db, STORE_FIXTURE_NOW_S - STORE_FIXTURE_NOW_S % 3600); /* this hour: kept */
    sqlite3_close(db);

    uk_store *store = store_fixture_open(f);
    uk_store_close(store);
    db = raw_db_open(f->db);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions WHERE start_hour > %lld",
             (long long)cutoff);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM sessions"), 2);
    assert_int_equal(raw_db_int(db, sql), 2);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM screen_views WHERE hour > %lld",
             (long long)cutoff);
    assert_int_equal(raw_db_int(db, "SELECT count(*) FROM screen_views"), 2);
    assert_int_equal(raw_db_int(db, sql), 2);
    sqlite3_close(db);
    store_fixture_assert_logged(f, "deleted 6 row(s) older than 90 days");

    /* A shorter retention, with the cutoff on a whole hour: the row at the cutoff stays. */
    atomic_store(&f->now_s, cutoff_hour + 3600 + 86400);
    uk_store_options options = store_fixture_options(f);
    options.retention_days = 1;
    uk_store_close(store_fixture_open_with(&options));
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 2);
    atomic_store(&f->now_s, cutoff_hour + 3600 + 86400 + 1);
    uk_store_close(store_fixture_open_with(&options));
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM sessions"), 1);
    assert_int_equal(raw_db_file_int(f->db, "SELECT count(*) FROM screen_views"), 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, store_fixture_setup, store_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(test_every_accepted_language_is_recorded),
        T(test_round_trip),
        T(test_refused_rows_are_counted),
        T(test_counts_views_per_hour),
        T(test_status_after_writes),
        T(test_full_queue_drops_and_counts),
        T(test_close_drains_the_queue),
        T(test_retention_deletes_exactly_the_old_rows),
    };
#undef T
    return cmocka_run_group_tests_name("store_write", tests, NULL, NULL);
}
