/*
 * test_app_effects.c: the core's one road in and one way out: every kind of
 * input as one record, whatever its device; what the shell is asked to do
 * (the brightness, the sounds) as effects; and what the shell may ask, as
 * accessors. With injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "tests/fixtures/app_fixtures.h"

/* The panel's brightness follows the core: full at start, dark asleep, full again awake. */
static void sleeping_dims_and_waking_lights(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_effect effect;
    assert_true(take_effect(app, UK_EFFECT_SET_BRIGHTNESS, &effect)); /* at start: a killed
                                                                         run may have left it
                                                                         dark */
    assert_int_equal(effect.percent, 100);
    app->cfg.asleep_percent = 10; /* "outside = dim" */
    uk_app_set_open(app, false, 1000);
    assert_false(take_effect(app, UK_EFFECT_SET_BRIGHTNESS, &effect)); /* not while awake */
    uk_app_tick(app, 1000 + f->cfg.idle_ms);
    assert_true(uk_app_asleep(app));
    assert_true(take_effect(app, UK_EFFECT_SET_BRIGHTNESS, &effect));
    assert_int_equal(effect.percent, 10);
    uk_app_tick(app, 5000000);
    assert_false(take_effect(app, UK_EFFECT_SET_BRIGHTNESS, &effect)); /* said once */
    press(app, UK_ACTION_SELECT, 5000000);
    assert_true(take_effect(app, UK_EFFECT_SET_BRIGHTNESS, &effect));
    assert_int_equal(effect.percent, 100);
}

/* Muted, the core asks for no sounds at all; turned off from the admin screen, it says so. */
static void a_muted_core_asks_for_no_sounds(void **state)
{
    fixture *f = *state;
    f->cfg.start_muted = true;
    uk_app_init(&f->app, &f->cfg, &f->content.catalog, 0);
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0); /* wakes */
    press(app, UK_ACTION_SELECT, 0); /* a routine: get ready, 3, 2, 1, a step... */
    for (uint64_t t = 0; t < 30000; t = uk_app_tick(app, t))
        ;
    uk_effect_cue cue;
    assert_int_equal(take_cue(app, &cue), 0);
    uk_effect effect;
    assert_false(take_effect(app, UK_EFFECT_SET_MUTE, &effect)); /* nothing changed */
}

/* One input record for every kind of input, whatever its device. */
static void every_input_takes_one_road(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    /* A digit typed away from the PIN pad does nothing, and is not even input. */
    uk_app_input(
        app,
        &(uk_input){.type = UK_INPUT_PRESS, .kind = UK_INPUT_KEYBOARD, .at_ms = 1000, .key = '5'});
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->last_input_ms, 0);
    /* A tap beside every button changes nothing on an awake screen... */
    uk_app_input(app, &(uk_input){.type = UK_INPUT_PRESS, .kind = UK_INPUT_TOUCH, .at_ms = 2000});
    assert_int_equal(app->last_input_ms, 0);
    /* ... a choice chooses, a press presses. */
    uk_app_input(app, &(uk_input){.type = UK_INPUT_CHOOSE,
                                  .kind = UK_INPUT_TOUCH,
                                  .at_ms = 3000,
                                  .item = ITEM_ABOUT});
    assert_int_equal(app->screen, UK_SCREEN_ABOUT);
    uk_app_input(app, &(uk_input){.type = UK_INPUT_PRESS,
                                  .kind = UK_INPUT_KEYBOARD,
                                  .at_ms = 4000,
                                  .action = UK_ACTION_BACK,
                                  .key = '\b'});
    assert_int_equal(app->screen, UK_SCREEN_HOME); /* Backspace is BACK away from the pad */
    /* F12 or the chord, then on the pad Backspace deletes and Enter is OK. */
    uk_app_input(app,
                 &(uk_input){.type = UK_INPUT_ADMIN, .kind = UK_INPUT_KEYBOARD, .at_ms = 5000});
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    const char *keys = "12345\b\n";
    for (const char *k = keys; *k; k++)
        uk_app_input(app, &(uk_input){.type = UK_INPUT_PRESS,
                                      .kind = UK_INPUT_KEYBOARD,
                                      .at_ms = 6000,
                                      .action = *k == '\b'   ? UK_ACTION_BACK
                                                : *k == '\n' ? UK_ACTION_SELECT
                                                             : UK_ACTION_NONE,
                                      .key = *k});
    char pin[UK_EFFECT_PIN_MAX + 1];
    assert_int_equal(take_pin(app, pin, sizeof pin), 1);
    assert_string_equal(pin, "1234");
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    /* The buttons' "go home" leaves even the pad. */
    uk_app_input(app,
                 &(uk_input){.type = UK_INPUT_GO_HOME, .kind = UK_INPUT_BUTTON, .at_ms = 7000});
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    /* The corner, held long enough, through the same road. */
    uk_app_input(
        app,
        &(uk_input){.type = UK_INPUT_CORNER, .kind = UK_INPUT_TOUCH, .at_ms = 8000, .down = true});
    uk_app_tick(app, 8000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
}

/* Asleep, a tap beside every button still wakes the kiosk, and chooses nothing. */
static void a_tap_on_nothing_wakes_a_dark_screen(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_set_open(app, false, 200000);
    assert_true(uk_app_asleep(app));
    /* The corner of a dark screen is not in view: holding it opens nothing. */
    uk_app_input(
        app, &(uk_input){
                 .type = UK_INPUT_CORNER, .kind = UK_INPUT_TOUCH, .at_ms = 300000, .down = true});
    uk_app_input(app, &(uk_input){.type = UK_INPUT_PRESS, .kind = UK_INPUT_TOUCH, .at_ms = 300000});
    assert_false(uk_app_asleep(app));
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_tick(app, 300000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

/* What the shell may ask, it asks of functions; these answer as the state is. */
static void the_shell_asks_accessors(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_int_equal(uk_app_screen(app), UK_SCREEN_HOME);
    assert_null(uk_app_session_routine(app));
    assert_int_equal(uk_app_routine_count(app), FIXTURE_ROUTINES);
    press(app, UK_ACTION_SELECT, 1000);
    assert_int_equal(uk_app_screen(app), UK_SCREEN_PLAYER);
    assert_string_equal(uk_app_session_routine(app), app->routines[0].id);
    assert_int_equal(uk_app_now(app), 1000);
    assert_string_equal(uk_screen_name(uk_app_screen(app)), "player");
    assert_int_equal(uk_screen_from_name("heat-cold"), UK_SCREEN_HEAT_COLD);
    assert_int_equal(uk_screen_from_name("nowhere"), UK_SCREEN_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(sleeping_dims_and_waking_lights, setup_asleep),
        cmocka_unit_test_setup(a_muted_core_asks_for_no_sounds, setup_asleep),
        cmocka_unit_test_setup(every_input_takes_one_road, setup),
        cmocka_unit_test_setup(a_tap_on_nothing_wakes_a_dark_screen, setup),
        cmocka_unit_test_setup(the_shell_asks_accessors, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
