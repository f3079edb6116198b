/*
 * test_schedule.c: opening hours as a clinic writes them, and the minutes
 * until the kiosk next opens or closes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/schedule.h"

enum {
    MON,
    TUE,
    WED,
    THU,
    FRI,
    SAT,
    SUN
};

#define AT(h, m) ((h)*60 + (m))

/* Weekdays 08:00-18:30, Saturday a late shift past midnight, Sunday closed. */
static uk_schedule clinic(void)
{
    uk_schedule s;
    for (int day = MON; day <= FRI; day++)
        assert_int_equal(uk_schedule_parse_day("08:00-18:30", &s.days[day]), 0);
    assert_int_equal(uk_schedule_parse_day("20:00 - 02:00", &s.days[SAT]), 0);
    assert_int_equal(uk_schedule_parse_day("closed", &s.days[SUN]), 0);
    return s;
}

static void parses_what_people_write(void **state)
{
    (void)state;
    uk_schedule_day day;
    char text[32];
    assert_int_equal(uk_schedule_parse_day("always", &day), 0);
    assert_true(day.always);
    assert_int_equal(uk_schedule_parse_day("closed", &day), 0);
    assert_true(day.closed);
    assert_int_equal(uk_schedule_parse_day("07:05-23:59", &day), 0);
    assert_int_equal(day.open_min, AT(7, 5));
    assert_int_equal(day.close_min, AT(23, 59));
    uk_schedule_format_day(&day, text, sizeof text);
    assert_string_equal(text, "07:05-23:59");

    const char *bad[] = {"",
                         "open",
                         "8:00-18:00",
                         "08:00",
                         "08:00-",
                         "24:00-08:00",
                         "08:60-09:00",
                         "08:00-18:00x",
                         "08.00-18.00",
                         "Always"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uk_schedule_day kept = {.open_min = 1, .close_min = 2};
        assert_int_equal(uk_schedule_parse_day(bad[i], &kept), -1);
        assert_int_equal(kept.open_min, 1); /* left unchanged */
    }
}

static void open_during_the_day_closed_at_night(void **state)
{
    (void)state;
    uk_schedule s = clinic();
    assert_false(uk_schedule_is_open(&s, MON, AT(7, 59)));
    assert_true(uk_schedule_is_open(&s, MON, AT(8, 0)));
    assert_true(uk_schedule_is_open(&s, FRI, AT(18, 29)));
    assert_false(uk_schedule_is_open(&s, FRI, AT(18, 30)));
    /* Saturday's late shift runs into Sunday morning, though Sunday is closed. */
    assert_false(uk_schedule_is_open(&s, SAT, AT(19, 59)));
    assert_true(uk_schedule_is_open(&s, SAT, AT(23, 0)));
    assert_true(uk_schedule_is_open(&s, SUN, AT(1, 59)));
    assert_false(uk_schedule_is_open(&s, SUN, AT(2, 0)));
    assert_false(uk_schedule_is_open(&s, SUN, AT(12, 0)));
    assert_false(uk_schedule_always_open(&s));
}

static void minutes_until_the_next_change(void **state)
{
    (void)state;
    uk_schedule s = clinic();
    assert_int_equal(uk_schedule_next_change(&s, MON, AT(7, 0)), 60);
    assert_int_equal(uk_schedule_next_change(&s, MON, AT(8, 0)), AT(10, 30));
    /* Friday evening: closed until Saturday 20:00. */
    assert_int_equal(uk_schedule_next_change(&s, FRI, AT(18, 30)), AT(24 + 1, 30));
    /* Sunday 02:00: closed until Monday 08:00. */
    assert_int_equal(uk_schedule_next_change(&s, SUN, AT(2, 0)), AT(22 + 8, 0));
}

static void always_never_changes(void **state)
{
    (void)state;
    uk_schedule s;
    for (int day = MON; day <= SUN; day++)
        uk_schedule_parse_day("always", &s.days[day]);
    assert_true(uk_schedule_always_open(&s));
    assert_true(uk_schedule_is_open(&s, WED, AT(3, 0)));
    assert_int_equal(uk_schedule_next_change(&s, WED, AT(3, 0)), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_what_people_write),
        cmocka_unit_test(open_during_the_day_closed_at_night),
        cmocka_unit_test(minutes_until_the_next_change),
        cmocka_unit_test(always_never_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
