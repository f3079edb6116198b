/*
 * test_settling.c: no press lands on a screen the person has not seen. For
 * the settle time after what is shown changes, touches, keys and buttons
 * wait; a button's HELP never does. With injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "tests/fixtures/app_fixtures.h"

/* A kiosk woken at 0 ms as a person would: with the default settle time. */
static int setup_settling(void **state)
{
    setup_asleep(state);
    fixture *f = *state;
    f->cfg.settle_ms = 400;
    uk_app_init(&f->app, &f->cfg, &f->content.catalog, 0);
    return 0;
}

static void presses_wait_until_a_new_screen_is_seen(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    /* The very first screen replaces nothing: a press at once wakes it. */
    press(app, UK_ACTION_SELECT, 0);
    assert_false(app->attract);
    /* Woken: what shows changed, so a second press 150 ms later chooses nothing. */
    press(app, UK_ACTION_SELECT, 150);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 300);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->last_input_ms, 0); /* ignored presses are not input */
    /* From 400 ms on it has been seen. */
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 400);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    /* Stop, then a second tap 100 ms later where Stop was: it does not reach home. */
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_TOUCH, 2000); /* pause: the same screen */
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_TOUCH, 2100); /* resume, at once */
    assert_false(app->player.paused);
    /* A button's HELP never waits: the doctor is always one press away. */
    press(app, UK_ACTION_HELP, 3000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    press(app, UK_ACTION_BACK, 3100); /* a key, too soon: still the doctor screen */
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_handle(app, UK_ACTION_HELP, UK_INPUT_BUTTON, 3150); /* already there: nothing */
    press(app, UK_ACTION_BACK, 3500);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    uk_app_handle(app, UK_ACTION_HELP, UK_INPUT_BUTTON, 3550);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
}

/* A screen that changes by itself (the done screen at a routine's end) settles too. */
static void a_screen_that_comes_by_itself_settles(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0); /* wake */
    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 500);
    assert_int_equal(app->screen, UK_SCREEN_CARDS);
    uint64_t t = 1000;
    for (int i = 0; app->screen == UK_SCREEN_CARDS && i < 20; i++, t += 500)
        press(app, UK_ACTION_SELECT, t); /* next, next ... finish */
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    press(app, UK_ACTION_SELECT, t - 500 + 200); /* a tap meant for the last card */
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    press(app, UK_ACTION_SELECT, t - 500 + 400);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(presses_wait_until_a_new_screen_is_seen, setup_settling),
        cmocka_unit_test_setup(a_screen_that_comes_by_itself_settles, setup_settling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
