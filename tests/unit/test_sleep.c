/*
 * test_sleep.c: how long the loop sleeps. An idle kiosk sleeps until its
 * next deadline or an input, never past the watchdog's ping or a change of
 * the opening hours; while the figure moves it runs at the display's
 * refresh, and a late frame waits for nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "platform/loop/sleep.h"

/* A kiosk at 10 s with nothing to wait for and nobody to ping. */
static uk_sleep_state idle(void)
{
    return (uk_sleep_state){.now_ms = 10000,
                            .frame_ms = 16,
                            .deadline_ms = UINT64_MAX,
                            .watchdog_ms = UINT32_MAX,
                            .hours_change_ms = INT64_MAX};
}

static void nothing_to_wait_for_sleeps_until_an_input(void **state)
{
    (void)state;
    uk_sleep_state s = idle();
    assert_int_equal(uk_sleep_timeout(&s), -1);
}

static void a_deadline_is_slept_to_and_never_past(void **state)
{
    (void)state;
    uk_sleep_state s = idle();
    s.deadline_ms = 10750; /* the next second of a countdown */
    assert_int_equal(uk_sleep_timeout(&s), 750);
    s.deadline_ms = 9000; /* already due: only look at the events */
    assert_int_equal(uk_sleep_timeout(&s), 0);
    s.deadline_ms = 10000ull + 30ull * 24 * 3600 * 1000 * 1000; /* far away: capped */
    assert_int_equal(uk_sleep_timeout(&s), INT_MAX);
}

static void the_watchdog_and_the_opening_hours_wake_it(void **state)
{
    (void)state;
    uk_sleep_state s = idle();
    s.watchdog_ms = 15000; /* half a 30 s watchdog */
    assert_int_equal(uk_sleep_timeout(&s), 15000);
    s.deadline_ms = 12000;
    assert_int_equal(uk_sleep_timeout(&s), 2000); /* the deadline comes first */
    s.hours_change_ms = 500;                      /* the kiosk opens in half a second */
    assert_int_equal(uk_sleep_timeout(&s), 500);
    s.hours_change_ms = -20; /* a change already due */
    assert_int_equal(uk_sleep_timeout(&s), 0);
}

static void a_moving_figure_runs_at_the_refresh(void **state)
{
    (void)state;
    uk_sleep_state s = idle();
    s.animating = true;
    s.deadline_ms = 60000;
    s.vsync = true; /* the present already waited for the screen */
    assert_int_equal(uk_sleep_timeout(&s), 0);
    s.vsync = false;
    s.last_frame_ms = 9990; /* the next frame is due at 10006 */
    assert_int_equal(uk_sleep_timeout(&s), 6);
    s.last_frame_ms = 9900; /* late: no waiting */
    assert_int_equal(uk_sleep_timeout(&s), 0);
    s.last_frame_ms = 10000;
    s.watchdog_ms = 5; /* the watchdog still wins */
    assert_int_equal(uk_sleep_timeout(&s), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_to_wait_for_sleeps_until_an_input),
        cmocka_unit_test(a_deadline_is_slept_to_and_never_past),
        cmocka_unit_test(the_watchdog_and_the_opening_hours_wake_it),
        cmocka_unit_test(a_moving_figure_runs_at_the_refresh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
