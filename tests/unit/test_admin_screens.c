/*
 * test_admin_screens.c: the staff's ways in (the buttons' chord, F12, the
 * held corner), the PIN pad and its lockout, and the admin screen, with
 * injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/admin_pin_screen.h"
#include "app/core/admin_screen.h"
#include "app/core/app.h"
#include "tests/fixtures/app_fixtures.h"

/* ---- admin ------------------------------------------------------------------------ */

/* Types `digits` on the PIN pad with the buttons only: DOWN to each key, SELECT to press it. */
static void type_pin_with_buttons(uk_app *app, const char *digits, uint64_t t)
{
    for (const char *d = digits; *d; d++) {
        int key = *d == '0' ? 9 : *d - '1';
        while (app->focus < key)
            uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_BUTTON, t);
        while (app->focus > key)
            uk_app_handle(app, UK_ACTION_UP, UK_INPUT_BUTTON, t);
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t);
    }
    while (app->focus < UK_ADMIN_PIN_SCREEN_OK)
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_BUTTON, t);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t);
}

static void admin_entry_stops_the_session_and_asks_for_the_pin(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 1000);
    uk_app_admin_request(app, UK_INPUT_BUTTON, 80000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    assert_false(app->in_session);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);

    /* Typed with the buttons; the core hands the PIN over and waits for the verdict. */
    type_pin_with_buttons(app, "2468", 81000);
    char pin[UK_EFFECT_PIN_MAX + 1];
    assert_int_equal(take_pin(app, pin, sizeof pin), 1);
    assert_string_equal(pin, "2468");
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 81500); /* ignored while checked */
    uk_app_pin_checked(app, true, 82000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
    assert_int_equal(app->admin_page, UK_ADMIN_SCREEN_DAYS);
    uk_effect effect; /* opened: the shell is asked for fresh numbers, once */
    assert_true(take_effect(app, UK_EFFECT_REFRESH_STATS, &effect));
    assert_false(take_effect(app, UK_EFFECT_REFRESH_STATS, &effect));
    assert_int_equal(take_pin(app, pin, sizeof pin), 0); /* wiped */
    assert_int_equal(app->pin_len, 0);
}

static void wrong_pins_lock_the_pad(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    char pin[UK_EFFECT_PIN_MAX + 1];
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 1000);
    /* Too short: OK does nothing until four digits. */
    uk_app_type(app, '1', UK_INPUT_KEYBOARD, 1000);
    uk_app_type(app, '\n', UK_INPUT_KEYBOARD, 1000);
    assert_int_equal(take_pin(app, pin, sizeof pin), 0);
    uk_app_type(app, '\b', UK_INPUT_KEYBOARD, 1000);
    assert_int_equal(app->pin_len, 0);
    for (int attempt = 0; attempt < 5; attempt++) {
        const char *digits = "0000\n";
        for (const char *d = digits; *d; d++)
            uk_app_type(app, *d, UK_INPUT_KEYBOARD, 2000);
        assert_int_equal(take_pin(app, pin, sizeof pin), 1);
        uk_app_pin_checked(app, false, 2000);
        assert_true(app->pin_wrong);
        assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    }
    /* Locked for five minutes: typing does nothing, not even with the right PIN. */
    assert_true(uk_pin_lock_locked(&app->pin_lock, 2000));
    uk_app_type(app, '1', UK_INPUT_KEYBOARD, 30000);
    assert_int_equal(app->pin_len, 0);
    assert_int_equal(uk_app_tick(app, 30000), 31000); /* the countdown on screen moves */
    /* The pad closes when left alone; opened again, it is still locked until the time is up. */
    uk_app_tick(app, 200000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 250000);
    assert_true(uk_pin_lock_locked(&app->pin_lock, 250000));
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 303000);
    type_right_pin(app, 303000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);

    /* Without a PIN in the settings, the pad takes nothing and the admin screen stays shut. */
    uk_app_handle(app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, 304000);
    app->cfg.admin_pin_set = false;
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 305000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    assert_int_equal(uk_app_item_count(app), 0);
    for (const char *d = "1234\n"; *d; d++)
        uk_app_type(app, *d, UK_INPUT_KEYBOARD, 306000);
    assert_int_equal(take_pin(app, pin, sizeof pin), 0);
}

static void admin_screen_items(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 1000);
    type_right_pin(app, 1000);
    /* Moving along the pages shows them. */
    for (int i = 1; i < UK_ADMIN_SCREEN_PAGE_COUNT; i++) {
        press(app, UK_ACTION_DOWN, 2000);
        assert_int_equal(app->admin_page, i);
    }
    press(app, UK_ACTION_DOWN, 2000); /* onto the sound switch: the page stays */
    assert_int_equal(app->admin_page, UK_ADMIN_SCREEN_BUTTONS);
    assert_false(app->muted);
    press(app, UK_ACTION_SELECT, 2000);
    assert_true(app->muted);
    uk_effect effect; /* the shell silences what plays */
    assert_true(take_effect(app, UK_EFFECT_SET_MUTE, &effect));
    assert_true(effect.muted);
    /* Stop needs a second press within 5 s. */
    uk_app_choose(app, UK_ADMIN_SCREEN_STOP, UK_INPUT_TOUCH, 3000);
    assert_true(app->stop_armed);
    assert_int_equal(take_quit(app), 0);
    uk_app_tick(app, 8000);
    assert_false(app->stop_armed); /* it waited too long */
    uk_app_choose(app, UK_ADMIN_SCREEN_STOP, UK_INPUT_TOUCH, 9000);
    uk_app_choose(app, UK_ADMIN_SCREEN_STOP, UK_INPUT_TOUCH, 10000);
    assert_int_equal(take_quit(app), UK_EFFECT_QUIT_STOP);
    /* Left open, it closes by itself like any screen. */
    uk_app_tick(app, 10000 + f->cfg.idle_ms);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

static void a_held_corner_opens_the_pin_pad(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_corner(app, true, 1000);
    assert_int_equal(uk_app_tick(app, 2000), 1000 + UK_APP_CORNER_MS);
    uk_app_corner(app, false, 3000); /* let go too soon: nothing */
    uk_app_tick(app, 10000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_corner(app, true, 20000);
    uk_app_tick(app, 20000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    uk_app_corner(app, false, 25000);

    /* Held again on the admin screen (its first tab is in that corner): staff stay there. */
    app->cfg.admin_pin_set = true;
    type_right_pin(app, 26000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
    uk_app_corner(app, true, 27000);
    uk_app_tick(app, 27000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
}

/* A paused routine sleeps for minutes; a held corner still wakes the loop in time. */
static void a_held_corner_on_a_paused_routine(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_SELECT, 2000); /* Pause */
    assert_true(app->player.paused);
    uk_app_corner(app, true, 3000);
    assert_int_equal(uk_app_tick(app, 3000), 3000 + UK_APP_CORNER_MS);
    uk_app_tick(app, 3000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(admin_entry_stops_the_session_and_asks_for_the_pin, setup),
        cmocka_unit_test_setup(wrong_pins_lock_the_pad, setup),
        cmocka_unit_test_setup(admin_screen_items, setup),
        cmocka_unit_test_setup(a_held_corner_opens_the_pin_pad, setup),
        cmocka_unit_test_setup(a_held_corner_on_a_paused_routine, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
