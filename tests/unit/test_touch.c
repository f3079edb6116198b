/*
 * test_touch.c: touches and clicks as a person makes them: a tap chooses
 * what is under the finger on the frame last shown, a tap beside every
 * button is a press that means nothing, the mouse's other buttons and the
 * mouse events SDL makes from touches are ignored, and the top-left corner
 * held for four seconds opens the admin's PIN pad, whatever the tap also
 * touched. The last tests run real frames of the home screen through the
 * core.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "app/view/ui.h"
#include "platform/input/touch.h"
#include "tests/fixtures/app_fixtures.h"

static uk_scene frame; /* ~50 KB: kept off the stack */

/* An 800x480 frame with one item and one action button. */
static const uk_scene *two_buttons(void)
{
    uk_scene_reset(&frame, 800, 480, (uk_color){0, 0, 0, 255});
    uk_scene_hit(&frame, (uk_rect){100, 100, 200, 80}, UK_ACTION_SELECT, 3);
    uk_scene_hit(&frame, (uk_rect){600, 0, 200, 80}, UK_ACTION_HELP, -1);
    return &frame;
}

static SDL_Event mouse(Uint32 type, Uint8 button, Uint32 which)
{
    SDL_Event event;
    SDL_zero(event);
    event.type = type;
    event.button.button = button;
    event.button.which = which;
    return event;
}

static void a_tap_is_what_it_lands_on(void **state)
{
    (void)state;
    const uk_scene *scene = two_buttons();
    uk_input input;
    assert_true(uk_touch_tap(scene, 150, 120, UK_INPUT_TOUCH, 500, &input));
    assert_int_equal(input.type, UK_INPUT_CHOOSE);
    assert_int_equal(input.item, 3);
    assert_int_equal(input.at_ms, 500);
    assert_true(uk_touch_tap(scene, 700, 40, UK_INPUT_TOUCH, 500, &input));
    assert_int_equal(input.type, UK_INPUT_PRESS);
    assert_int_equal(input.action, UK_ACTION_HELP);
    /* Beside every button: a press that means nothing. */
    assert_false(uk_touch_tap(scene, 400, 400, UK_INPUT_TOUCH, 500, &input));
    assert_int_equal(input.type, UK_INPUT_PRESS);
    assert_int_equal(input.action, UK_ACTION_NONE);
    assert_int_equal(input.kind, UK_INPUT_TOUCH);
}

static void only_the_left_button_and_fingers_press(void **state)
{
    (void)state;
    const uk_scene *scene = two_buttons();
    uk_input inputs[UK_TOUCH_MAX_INPUTS];
    SDL_Event left = mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 0);
    assert_int_equal(uk_touch_read(&left, 150, 120, scene, 0, inputs), 1);
    assert_int_equal(inputs[0].type, UK_INPUT_CHOOSE);
    SDL_Event right = mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, 0);
    assert_int_equal(uk_touch_read(&right, 150, 120, scene, 0, inputs), 0);
    /* A finger's press arrives twice from SDL; the mouse's copy is not taken. */
    SDL_Event copy = mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
    assert_int_equal(uk_touch_read(&copy, 150, 120, scene, 0, inputs), 0);
    SDL_Event finger;
    SDL_zero(finger);
    finger.type = SDL_FINGERDOWN;
    assert_int_equal(uk_touch_read(&finger, 700, 40, scene, 0, inputs), 1);
    assert_int_equal(inputs[0].action, UK_ACTION_HELP);
    /* Neither motion nor keys are touches. */
    SDL_Event motion;
    SDL_zero(motion);
    motion.type = SDL_MOUSEMOTION;
    assert_int_equal(uk_touch_read(&motion, 150, 120, scene, 0, inputs), 0);
}

static void the_corner_starts_a_hold_and_every_release_ends_it(void **state)
{
    (void)state;
    const uk_scene *scene = two_buttons();
    uk_input inputs[UK_TOUCH_MAX_INPUTS];
    SDL_Event down = mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 0);
    /* The corner is 12% of the short side: 57 px of 480. */
    assert_int_equal(uk_touch_read(&down, 50, 50, scene, 7, inputs), 2);
    assert_int_equal(inputs[0].type, UK_INPUT_CORNER);
    assert_true(inputs[0].down);
    assert_int_equal(inputs[1].type, UK_INPUT_PRESS); /* and whatever is there is tapped */
    assert_int_equal(uk_touch_read(&down, 60, 50, scene, 7, inputs), 1);
    SDL_Event up = mouse(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 0);
    assert_int_equal(uk_touch_read(&up, 300, 300, scene, 8, inputs), 1);
    assert_int_equal(inputs[0].type, UK_INPUT_CORNER);
    assert_false(inputs[0].down);
}

/* Hands a touch event at (x, y) on `scene` to the core, as the loop does. */
static void touch(uk_app *app, Uint32 type, float x, float y, const uk_scene *scene, uint64_t at)
{
    SDL_Event event = mouse(type, SDL_BUTTON_LEFT, 0);
    uk_input inputs[UK_TOUCH_MAX_INPUTS];
    size_t n = uk_touch_read(&event, x, y, scene, at, inputs);
    for (size_t i = 0; i < n; i++)
        uk_app_input(app, &inputs[i]);
}

/* The real home screen at 800x480: its doctor button, its first routine, its corner. */
static void taps_on_the_home_screen(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_ui_env env = {0};
    uk_viewport viewport = {800, 480, 0};
    uk_ui_build(&frame, app, &env, viewport, 1000);
    /* The doctor button, top right. */
    touch(app, SDL_MOUSEBUTTONDOWN, 700, 40, &frame, 1000);
    touch(app, SDL_MOUSEBUTTONUP, 700, 40, &frame, 1100);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    press(app, UK_ACTION_BACK, 2000);
    uk_ui_build(&frame, app, &env, viewport, 2000);
    /* Held on the top-left corner for four seconds: the PIN pad, even over the title. */
    touch(app, SDL_MOUSEBUTTONDOWN, 10, 10, &frame, 3000);
    assert_int_equal(uk_app_tick(app, 3000), 3000 + UK_APP_CORNER_MS);
    uk_app_tick(app, 3000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    touch(app, SDL_MOUSEBUTTONUP, 10, 10, &frame, 8000);
    /* Let go too soon, it opens nothing. */
    press(app, UK_ACTION_BACK, 9000);
    uk_ui_build(&frame, app, &env, viewport, 9000);
    touch(app, SDL_MOUSEBUTTONDOWN, 10, 10, &frame, 10000);
    touch(app, SDL_MOUSEBUTTONUP, 10, 10, &frame, 12000);
    uk_app_tick(app, 20000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_tap_is_what_it_lands_on),
        cmocka_unit_test(only_the_left_button_and_fingers_press),
        cmocka_unit_test(the_corner_starts_a_hold_and_every_release_ends_it),
        cmocka_unit_test_setup(taps_on_the_home_screen, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
