/*
 * test_store_stats.c: the admin screen's numbers from the usage log: the
 * snapshot's days, routines, hours and doctor views, computed only when
 * asked and announced through notify.
 *
 * Real SQLite on real files (tests/fixtures/store_fixture.h), rows put in
 * as they are (tests/fixtures/raw_db.h); the wall clock is injected and the
 * local time zone set to UTC.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "platform/usage/store.h"
#include "tests/fixtures/raw_db.h"
#include "tests/fixtures/store_fixture.h"

/* ---- the admin screen's numbers ------------------------------------------------------------ */

static uk_stats wait_for_stats(uk_store *store, uint64_t after_generation)
{
    uk_stats stats;
    for (int i = 0; i < 1000; i++) {
        uk_store_get_stats(store, &stats);
        if (stats.generation > after_generation)
            return stats;
        store_fixture_sleep_ms(10);
    }
    fail_msg("no statistics snapshot after generation %llu", (unsigned long long)after_generation);
    return stats;
}

static void test_stats_snapshot(void **state)
{
    store_fixture *f = *state;
    /* Hours and days are local: this test reads them in UTC. */
    setenv("TZ", "UTC", 1);
    tzset();
    uk_store_close(store_fixture_open(f));
    const int64_t today = STORE_FIXTURE_NOW_S - STORE_FIXTURE_NOW_S % 86400; /* 2026-11-24 */
    sqlite3 *db = raw_db_open(f->db);
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
            raw_db_exec(db, sql);
        }
    snprintf(sql, sizeof sql,
             "INSERT INTO screen_views VALUES ('doctor', %lld, 4), ('doctor', %lld, 3), "
             "('home', %lld, 9)",
             (long long)today, (long long)(today - 40 * 86400), (long long)today);
    raw_db_exec(db, sql);
    sqlite3_close(db);

    uk_store *store = store_fixture_open(f);
    uk_store_refresh_stats(store);
    uk_stats stats = wait_for_stats(store, 0);
    assert_int_equal(stats.as_of_s, STORE_FIXTURE_NOW_S);
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
    uk_session_row row = store_fixture_row();
    row.outcome = UK_OUTCOME_COMPLETED;
    assert_int_equal(uk_store_append_session(store, &row), 0);
    store_fixture_flush(store);
    uk_store_refresh_stats(store);
    for (int i = 0; i < 1000 && stats.days[29].starts != 5; i++) {
        store_fixture_sleep_ms(10);
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
    store_fixture *f = *state;
    setenv("TZ", "UTC", 1); /* the day the rows fall on */
    tzset();
    uk_store *store = store_fixture_open(f);
    uk_session_row row = store_fixture_row();
    for (int i = 0; i < 3; i++) {
        assert_int_equal(uk_store_count_view(store, "home", STORE_FIXTURE_NOW_S), 0);
        assert_int_equal(uk_store_append_session(store, &row), 0);
        store_fixture_flush(store);
    }
    store_fixture_sleep_ms(200); /* room for a snapshot nobody asked for */
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
        store_fixture_sleep_ms(10);
    assert_true(atomic_load(&f->notified) > before);
    uk_store_close(store);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, store_fixture_setup, store_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(test_stats_snapshot),
        T(test_stats_only_when_asked),
    };
#undef T
    return cmocka_run_group_tests_name("store_stats", tests, NULL, NULL);
}
