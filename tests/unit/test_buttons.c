/*
 * test_buttons.c: debounce, repeat, long press and chord, from recorded
 * edge sequences with kernel-style nanosecond timestamps.
 *
 * The bursts below are the shape gpiomon shows for real switches: an
 * arcade microswitch settles in about a millisecond, a tactile switch can
 * chatter for 20 ms with gaps of several, and libgpiod v1 (which reads the
 * level in the kernel's interrupt thread) may report two edges of the same
 * direction in a row. Each must make exactly one press, confirmed at the
 * burst's last edge plus the debounce time, and not a millisecond later.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app/core/buttons.h"

#define MS(x) ((uint64_t)(x)*1000000ull)
#define US(x) ((uint64_t)(x)*1000ull)

typedef struct recorded {
    bool rising;
    uint64_t offset_ns; /* from the first edge of the burst */
} recorded;

typedef struct burst {
    const char *what;
    const recorded *edges;
    size_t count;
} burst;

/* An arcade microswitch: 1.2 ms. */

/* True if any button is pressed, raw or debounced: what the panel would show lit. */
static bool any_down(const uk_buttons *buttons)
{
    for (int action = UK_ACTION_UP; action < UK_ACTION_COUNT; action++) {
        const uk_button_line *line = uk_buttons_line(buttons, (uk_action)action);
        if (line->raw || line->down)
            return true;
    }
    return false;
}

static const recorded micro_press[] = {
    {true, 0}, {false, US(80)}, {true, US(210)}, {false, US(650)}, {true, US(1200)},
};
/* A worn tactile switch: 20 ms of chatter, gaps up to 6 ms. */
static const recorded tactile_press[] = {
    {true, 0},         {false, US(300)},   {true, US(900)},   {false, US(2500)},
    {true, US(3100)},  {false, US(8800)},  {true, US(9400)},  {false, US(14900)},
    {true, US(15300)}, {false, US(19100)}, {true, US(20000)},
};
/* libgpiod v1 on a busy kernel: repeated directions, 6 ms. */
static const recorded v1_press[] = {
    {true, 0}, {true, US(400)}, {false, US(1700)}, {true, US(2300)}, {true, US(6000)},
};
/* A clean edge (the emulated panel). */
static const recorded clean_press[] = {{true, 0}};

static const recorded micro_release[] = {
    {false, 0}, {true, US(150)}, {false, US(900)}, {true, US(1400)}, {false, US(2100)},
};
static const recorded tactile_release[] = {
    {false, 0},         {true, US(700)},   {false, US(4000)},  {true, US(9000)},
    {false, US(12500)}, {true, US(17000)}, {false, US(18500)},
};

#define BURST(name, edges)                                                                         \
    {                                                                                              \
        name, edges, sizeof edges / sizeof edges[0]                                                \
    }

static const burst presses[] = {
    BURST("microswitch 1.2 ms", micro_press),
    BURST("tactile 20 ms", tactile_press),
    BURST("v1 repeated directions 6 ms", v1_press),
    BURST("clean", clean_press),
};
static const burst releases[] = {
    BURST("microswitch release 2.1 ms", micro_release),
    BURST("tactile release 18.5 ms", tactile_release),
};

/* ---- a fake edge source ----------------------------------------------------- */

/*
 * Replays a burst on `button` starting at `start_ns`, ticking the core
 * every `tick_ms` of the way as a loop would (0: never). Returns the time
 * of the burst's last edge.
 */
static uint64_t replay(uk_buttons *buttons, uk_action button, const burst *b, uint64_t start_ns,
                       unsigned tick_ms)
{
    uint64_t next_tick = start_ns / MS(1) + tick_ms;
    uint64_t last = start_ns;
    for (size_t i = 0; i < b->count; i++) {
        last = start_ns + b->edges[i].offset_ns;
        while (tick_ms && MS(next_tick) <= last) {
            uk_buttons_tick(buttons, next_tick);
            next_tick += tick_ms;
        }
        uk_button_edge edge = {button, b->edges[i].rising, last};
        uk_buttons_edge(buttons, &edge);
    }
    return last;
}

static size_t take_all(uk_buttons *buttons, uk_button_event *out, size_t max)
{
    size_t n = 0;
    while (n < max && uk_buttons_take_event(buttons, &out[n]))
        n++;
    return n;
}

static void init(uk_buttons *buttons)
{
    uk_buttons_config cfg;
    uk_buttons_config_defaults(&cfg);
    uk_buttons_init(buttons, &cfg, 0);
}

/* Holds `button` cleanly from `down_ms` to `up_ms`. */
static void hold(uk_buttons *buttons, uk_action button, uint64_t down_ms, uint64_t up_ms)
{
    uk_button_edge down = {button, true, MS(down_ms)};
    uk_buttons_edge(buttons, &down);
    if (up_ms == UINT64_MAX)
        return;
    uk_button_edge up = {button, false, MS(up_ms)};
    uk_buttons_edge(buttons, &up);
}

/* ---- debounce --------------------------------------------------------------- */

static void every_bounce_is_one_press_at_the_confirming_time(void **state)
{
    (void)state;
    for (size_t p = 0; p < sizeof presses / sizeof presses[0]; p++) {
        for (size_t r = 0; r < sizeof releases / sizeof releases[0]; r++) {
            uk_buttons buttons;
            init(&buttons);
            uint64_t start = MS(1000) + US(137); /* kernel stamps are not round */
            uint64_t last = replay(&buttons, UK_ACTION_SELECT, &presses[p], start, 0);

            /* The press is due exactly debounce_ms after the burst's last edge. */
            uint64_t confirm_ns = last + MS(10);
            uint64_t due = uk_buttons_tick(&buttons, last / MS(1));
            assert_int_equal(due, (confirm_ns + MS(1) - 1) / MS(1));
            uk_button_event events[8];
            uk_buttons_tick(&buttons, due - 1);
            assert_int_equal(take_all(&buttons, events, 8), 0);
            uk_buttons_tick(&buttons, due);
            assert_int_equal(take_all(&buttons, events, 8), 1);
            assert_int_equal(events[0].kind, UK_BUTTON_ACTION);
            assert_int_equal(events[0].action, UK_ACTION_SELECT);
            assert_false(events[0].repeat);
            assert_int_equal(events[0].at_ms, confirm_ns / MS(1));
            assert_int_equal(events[0].edge_ns, start); /* the burst's first edge */

            /* Its release chatters too, and makes nothing. */
            replay(&buttons, UK_ACTION_SELECT, &releases[r], MS(1200), 0);
            uk_buttons_tick(&buttons, 5000);
            assert_int_equal(take_all(&buttons, events, 8), 0);
            const uk_button_line *line = uk_buttons_line(&buttons, UK_ACTION_SELECT);
            assert_int_equal(line->presses, 1);
            assert_false(line->down);
            assert_int_equal(line->edges, presses[p].count + releases[r].count);
            print_message("%s + %s: one press at +%.3f ms\n", presses[p].what, releases[r].what,
                          (double)(confirm_ns - start) / 1e6);
        }
    }
}

static void how_often_the_loop_ticks_changes_nothing(void **state)
{
    (void)state;
    unsigned rates[] = {0, 1, 3, 16, 100};
    uk_button_event reference[16];
    size_t reference_count = 0;
    for (size_t k = 0; k < sizeof rates / sizeof rates[0]; k++) {
        uk_buttons buttons;
        init(&buttons);
        replay(&buttons, UK_ACTION_UP, &presses[1], MS(500), rates[k]);
        replay(&buttons, UK_ACTION_UP, &releases[1], MS(1400), rates[k]); /* two repeats */
        replay(&buttons, UK_ACTION_BACK, &presses[0], MS(2000), rates[k]);
        uk_buttons_tick(&buttons, 4500); /* BACK still held: HOME at 4 s */
        uk_button_event events[16];
        size_t n = take_all(&buttons, events, 16);
        if (k == 0) {
            memcpy(reference, events, sizeof events);
            reference_count = n;
            assert_int_equal(n, 5); /* UP, UP repeat x2, BACK, HOME */
            continue;
        }
        assert_int_equal(n, reference_count);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(events[i].kind, reference[i].kind);
            assert_int_equal(events[i].action, reference[i].action);
            assert_int_equal(events[i].at_ms, reference[i].at_ms);
        }
    }
}

static void a_spike_shorter_than_debounce_is_not_a_press(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    uk_button_edge spike[] = {{UK_ACTION_HELP, true, MS(100)},
                              {UK_ACTION_HELP, false, MS(100) + US(400)},
                              {UK_ACTION_HELP, true, MS(104)},
                              {UK_ACTION_HELP, false, MS(109)}};
    for (size_t i = 0; i < 3; i++)
        uk_buttons_edge(&buttons, &spike[i]);
    assert_int_equal(uk_buttons_tick(&buttons, 105), 114); /* would be a press at 114... */
    uk_buttons_edge(&buttons, &spike[3]);                  /* ...but it let go at 109 */
    assert_int_equal(uk_buttons_tick(&buttons, 110), UINT64_MAX);
    uk_buttons_tick(&buttons, 200);
    uk_button_event event;
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);
    assert_int_equal(uk_buttons_line(&buttons, UK_ACTION_HELP)->presses, 0);
    assert_int_equal(uk_buttons_tick(&buttons, 300), UINT64_MAX);
}

static void an_edge_read_late_still_counts_at_its_own_time(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    uk_buttons_tick(&buttons, 50); /* the loop ran on while the reader was behind */
    hold(&buttons, UK_ACTION_DOWN, 45, UINT64_MAX);
    uk_buttons_tick(&buttons, 56);
    uk_button_event event;
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.at_ms, 55);
    uk_button_edge release = {UK_ACTION_DOWN, false, MS(60)};
    uk_buttons_edge(&buttons, &release);

    /* A press and its release read together, after both happened: still a press. */
    uk_buttons_tick(&buttons, 1000);
    hold(&buttons, UK_ACTION_SELECT, 900, 960);
    uk_buttons_tick(&buttons, 1001);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.action, UK_ACTION_SELECT);
    assert_int_equal(event.at_ms, 910);
}

/* ---- repeat, long press, chord ---------------------------------------------- */

static void held_arrows_repeat_and_others_do_not(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    hold(&buttons, UK_ACTION_DOWN, 0, 1600);
    hold(&buttons, UK_ACTION_SELECT, 2000, 3600);
    uk_buttons_tick(&buttons, 5000);
    uk_button_event events[16];
    size_t n = take_all(&buttons, events, 16);
    /* DOWN at 10, repeats at 510, 760, 1010, 1260, 1510; SELECT once at 2010. */
    uint64_t at[] = {10, 510, 760, 1010, 1260, 1510, 2010};
    assert_int_equal(n, 7);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(events[i].at_ms, at[i]);
        assert_int_equal(events[i].action, i < 6 ? UK_ACTION_DOWN : UK_ACTION_SELECT);
        assert_int_equal(events[i].repeat, i > 0 && i < 6);
    }
}

static void holding_back_two_seconds_goes_home_once(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    hold(&buttons, UK_ACTION_BACK, 0, UINT64_MAX);
    assert_int_equal(uk_buttons_tick(&buttons, 10), 2010); /* BACK fired; HOME due */
    uk_button_event event;
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.kind, UK_BUTTON_ACTION);
    assert_int_equal(event.action, UK_ACTION_BACK);
    uk_buttons_tick(&buttons, 2009);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);
    assert_int_equal(uk_buttons_tick(&buttons, 2010), UINT64_MAX); /* nothing more while held */
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.kind, UK_BUTTON_HOME);
    assert_int_equal(event.at_ms, 2010);
    uk_button_edge release = {UK_ACTION_BACK, false, MS(9000)};
    uk_buttons_edge(&buttons, &release);
    uk_buttons_tick(&buttons, 9100);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);

    /* Released at 1.9 s: only BACK. */
    hold(&buttons, UK_ACTION_BACK, 9500, 9500 + 1900);
    uk_buttons_tick(&buttons, 20000);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.kind, UK_BUTTON_ACTION);
    assert_int_equal(event.at_ms, 9510);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);
}

static void up_and_down_held_five_seconds_ask_for_admin(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    hold(&buttons, UK_ACTION_UP, 0, UINT64_MAX);
    hold(&buttons, UK_ACTION_DOWN, 300, UINT64_MAX);
    assert_int_equal(uk_buttons_tick(&buttons, 400), 5310);
    uk_buttons_tick(&buttons, 5309);
    uk_button_event events[8];
    size_t n = take_all(&buttons, events, 8);
    /* UP's own press only: DOWN joined the chord silently and UP stopped repeating. */
    assert_int_equal(n, 1);
    assert_int_equal(events[0].action, UK_ACTION_UP);
    uk_buttons_tick(&buttons, 5310);
    n = take_all(&buttons, events, 8);
    assert_int_equal(n, 1);
    assert_int_equal(events[0].kind, UK_BUTTON_ADMIN);
    assert_int_equal(events[0].at_ms, 5310);

    /* Held on, then let go: nothing more. */
    uk_button_edge up = {UK_ACTION_UP, false, MS(8000)};
    uk_button_edge down = {UK_ACTION_DOWN, false, MS(8500)};
    uk_buttons_edge(&buttons, &up);
    uk_buttons_edge(&buttons, &down);
    uk_buttons_tick(&buttons, 10000);
    assert_int_equal(take_all(&buttons, events, 8), 0);
    assert_false(buttons.chord);
}

static void a_chord_let_go_early_does_nothing(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    hold(&buttons, UK_ACTION_DOWN, 0, UINT64_MAX);
    hold(&buttons, UK_ACTION_UP, 1000, 4000); /* DOWN repeated 510, 760 before UP joined */
    uk_buttons_tick(&buttons, 7000);
    uk_button_event events[8];
    size_t n = take_all(&buttons, events, 8);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(events[i].kind, UK_BUTTON_ACTION);
        assert_int_equal(events[i].action, UK_ACTION_DOWN);
    }
    /* DOWN, still held, stays quiet until it is released and pressed again. */
    uk_button_edge up = {UK_ACTION_DOWN, false, MS(7500)};
    uk_buttons_edge(&buttons, &up);
    hold(&buttons, UK_ACTION_DOWN, 8000, 8100);
    uk_buttons_tick(&buttons, 9000);
    assert_int_equal(take_all(&buttons, events, 8), 1);
    assert_int_equal(events[0].at_ms, 8010);
}

/* ---- levels and the test page ----------------------------------------------- */

static void a_button_found_pressed_stays_quiet_until_released(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    uk_buttons_set_level(&buttons, UK_ACTION_BACK, true, 0); /* stuck, or miswired */
    assert_true(any_down(&buttons));
    assert_int_equal(uk_buttons_tick(&buttons, 10000), UINT64_MAX); /* no HOME either */
    uk_button_event event;
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);

    uk_button_edge release = {UK_ACTION_BACK, false, MS(11000)};
    uk_buttons_edge(&buttons, &release);
    hold(&buttons, UK_ACTION_BACK, 12000, 12100);
    uk_buttons_tick(&buttons, 13000);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.action, UK_ACTION_BACK);

    /* A chip that goes away releases a held button without an event. */
    hold(&buttons, UK_ACTION_UP, 14000, UINT64_MAX);
    uk_buttons_tick(&buttons, 14100);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    uk_buttons_set_level(&buttons, UK_ACTION_UP, false, 14200);
    assert_int_equal(uk_buttons_tick(&buttons, 20000), UINT64_MAX);
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 0);
    assert_false(any_down(&buttons));
}

static void the_test_page_sees_live_levels_and_last_press(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    uk_button_edge down = {UK_ACTION_HELP, true, MS(3000)};
    uk_buttons_edge(&buttons, &down);
    const uk_button_line *line = uk_buttons_line(&buttons, UK_ACTION_HELP);
    assert_true(line->raw);   /* lit at once */
    assert_false(line->down); /* not yet a press */
    uk_buttons_tick(&buttons, 3010);
    assert_true(line->down);
    assert_int_equal(line->last_press_ms, 3010);
    assert_int_equal(line->presses, 1);
    assert_null(uk_buttons_line(&buttons, UK_ACTION_NONE));
    assert_null(uk_buttons_line(&buttons, UK_ACTION_COUNT));

    uk_button_edge unknown = {UK_ACTION_COUNT, true, MS(3100)};
    uk_buttons_edge(&buttons, &unknown); /* ignored */
}

static void nobody_taking_events_loses_the_oldest(void **state)
{
    (void)state;
    uk_buttons buttons;
    init(&buttons);
    for (unsigned i = 0; i < UK_BUTTONS_EVENTS + 5; i++)
        hold(&buttons, UK_ACTION_SELECT, 100 * i, 100 * i + 50);
    uk_buttons_tick(&buttons, 100000);
    assert_int_equal(buttons.events_dropped, 5);
    uk_button_event event;
    assert_int_equal(uk_buttons_take_event(&buttons, &event), 1);
    assert_int_equal(event.at_ms, 510); /* the sixth press */
}

static void hardware_report_names(void **state)
{
    (void)state;
    assert_string_equal(uk_buttons_hw_state_name(UK_BUTTON_HW_OK), "ok");
    assert_string_equal(uk_buttons_hw_state_name(UK_BUTTON_HW_NO_CHIP), "no chip");
    assert_string_equal(uk_buttons_hw_state_name(UK_BUTTON_HW_STATE_COUNT), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_bounce_is_one_press_at_the_confirming_time),
        cmocka_unit_test(how_often_the_loop_ticks_changes_nothing),
        cmocka_unit_test(a_spike_shorter_than_debounce_is_not_a_press),
        cmocka_unit_test(an_edge_read_late_still_counts_at_its_own_time),
        cmocka_unit_test(held_arrows_repeat_and_others_do_not),
        cmocka_unit_test(holding_back_two_seconds_goes_home_once),
        cmocka_unit_test(up_and_down_held_five_seconds_ask_for_admin),
        cmocka_unit_test(a_chord_let_go_early_does_nothing),
        cmocka_unit_test(a_button_found_pressed_stays_quiet_until_released),
        cmocka_unit_test(the_test_page_sees_live_levels_and_last_press),
        cmocka_unit_test(nobody_taking_events_loses_the_oldest),
        cmocka_unit_test(hardware_report_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
