/*
 * test_scan.c: single-switch scanning as a person with one button meets it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/scan.h"

static uk_scan start(int items)
{
    uk_scan_config cfg;
    uk_scan_config_defaults(&cfg); /* 1.5 s a step, 2.5 s on the first, rest after 3 rounds */
    uk_scan scan;
    uk_scan_init(&scan, &cfg, items, 0);
    return scan;
}

static void the_highlight_moves_by_itself_and_wraps(void **state)
{
    (void)state;
    uk_scan scan = start(3);
    assert_int_equal(uk_scan_highlight(&scan), 0);
    assert_int_equal(uk_scan_tick(&scan, 3, 2499), 2500); /* the first item is held longer */
    assert_int_equal(uk_scan_highlight(&scan), 0);
    assert_int_equal(uk_scan_tick(&scan, 3, 2500), 4000);
    assert_int_equal(uk_scan_highlight(&scan), 1);
    uk_scan_tick(&scan, 3, 4000);
    assert_int_equal(uk_scan_highlight(&scan), 2);
    uk_scan_tick(&scan, 3, 5500);
    assert_int_equal(uk_scan_highlight(&scan), 0);
}

static void a_press_chooses_what_is_highlighted(void **state)
{
    (void)state;
    uk_scan scan = start(4);
    uk_scan_tick(&scan, 4, 4100); /* item 2 since 4000 */
    assert_int_equal(uk_scan_press(&scan, 4, 4200), 2);
    /* Same screen: the scan goes on from the chosen item, held a while. */
    assert_int_equal(uk_scan_highlight(&scan), 2);
    assert_int_equal(uk_scan_tick(&scan, 4, 4300), 4200 + 2500);
    uk_scan_tick(&scan, 4, 6700);
    assert_int_equal(uk_scan_highlight(&scan), 3);
}

static void a_new_screen_starts_at_the_top(void **state)
{
    (void)state;
    uk_scan scan = start(4);
    uk_scan_tick(&scan, 4, 4100);
    assert_int_equal(uk_scan_highlight(&scan), 2);
    assert_int_equal(uk_scan_tick(&scan, 2, 4200), 4200 + 2500); /* another screen: 2 items */
    assert_int_equal(uk_scan_highlight(&scan), 0);
}

static void an_empty_room_lets_the_scan_rest(void **state)
{
    (void)state;
    uk_scan scan = start(3);
    /* Three rounds: 2.5 s + 8 steps of 1.5 s later, at 14.5 s, it rests. */
    assert_int_equal(uk_scan_tick(&scan, 3, 14499), 14500);
    assert_int_equal(uk_scan_highlight(&scan), 2);
    assert_int_equal(uk_scan_tick(&scan, 3, 14500), UINT64_MAX);
    assert_int_equal(uk_scan_highlight(&scan), -1);
    assert_true(scan.resting);
    /* The first press only wakes it; nothing is chosen unseen. */
    assert_int_equal(uk_scan_press(&scan, 3, 60000), -1);
    assert_int_equal(uk_scan_highlight(&scan), 0);
    assert_int_equal(uk_scan_press(&scan, 3, 60500), 0);
}

static void a_late_tick_takes_every_missed_step(void **state)
{
    (void)state;
    uk_scan stepped = start(5), jumped = start(5);
    for (uint64_t t = 0; t <= 11000; t += 100)
        uk_scan_tick(&stepped, 5, t);
    uk_scan_tick(&jumped, 5, 11000);
    assert_int_equal(uk_scan_highlight(&stepped), uk_scan_highlight(&jumped));
    assert_int_equal(stepped.next_ms, jumped.next_ms);
    assert_int_equal(uk_scan_highlight(&jumped), 6 % 5); /* 2.5 + 6 x 1.5 = 11.5 > 11 */
}

static void no_items_or_one(void **state)
{
    (void)state;
    uk_scan scan = start(0); /* the player: SELECT is a plain SELECT */
    assert_int_equal(uk_scan_highlight(&scan), -1);
    assert_int_equal(uk_scan_tick(&scan, 0, 5000), UINT64_MAX);
    assert_int_equal(uk_scan_press(&scan, 0, 5000), -1);

    assert_int_equal(uk_scan_tick(&scan, 1, 6000), UINT64_MAX); /* the done screen */
    assert_int_equal(uk_scan_highlight(&scan), 0);
    assert_int_equal(uk_scan_press(&scan, 1, 60000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_highlight_moves_by_itself_and_wraps),
        cmocka_unit_test(a_press_chooses_what_is_highlighted),
        cmocka_unit_test(a_new_screen_starts_at_the_top),
        cmocka_unit_test(an_empty_room_lets_the_scan_rest),
        cmocka_unit_test(a_late_tick_takes_every_missed_step),
        cmocka_unit_test(no_items_or_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
