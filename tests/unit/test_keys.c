/*
 * test_keys.c: the keyboard as a person uses it: arrows, Enter, Space,
 * Backspace, Escape, H and F1 stand for the five actions; held arrows
 * repeat and nothing else does; digits, Backspace and Enter type on the
 * admin PIN pad; F12 is the staff's way in. The last test types a PIN with
 * real key events through the core.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "platform/input/keys.h"
#include "tests/fixtures/app_fixtures.h"

static SDL_Event key(SDL_Keycode sym, bool repeat)
{
    SDL_Event event;
    SDL_zero(event);
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = sym;
    event.key.repeat = repeat;
    return event;
}

/* The input a key press gives (fails when it gives none). */
static uk_input read_key(SDL_Keycode sym, bool repeat)
{
    SDL_Event event = key(sym, repeat);
    uk_input input;
    if (!uk_keys_read(&event, 1234, &input))
        fail_msg("key %d gave no input", (int)sym);
    return input;
}

/* True if the key press gives an input at all. */
static bool gives_input(SDL_Keycode sym, bool repeat)
{
    SDL_Event event = key(sym, repeat);
    uk_input input;
    return uk_keys_read(&event, 0, &input);
}

static void keys_stand_for_the_five_actions(void **state)
{
    (void)state;
    static const struct {
        SDL_Keycode sym;
        uk_action action;
    } cases[] = {
        {SDLK_UP, UK_ACTION_UP},         {SDLK_LEFT, UK_ACTION_UP},
        {SDLK_PAGEUP, UK_ACTION_UP},     {SDLK_DOWN, UK_ACTION_DOWN},
        {SDLK_RIGHT, UK_ACTION_DOWN},    {SDLK_PAGEDOWN, UK_ACTION_DOWN},
        {SDLK_RETURN, UK_ACTION_SELECT}, {SDLK_KP_ENTER, UK_ACTION_SELECT},
        {SDLK_SPACE, UK_ACTION_SELECT},  {SDLK_BACKSPACE, UK_ACTION_BACK},
        {SDLK_ESCAPE, UK_ACTION_BACK},   {SDLK_h, UK_ACTION_HELP},
        {SDLK_F1, UK_ACTION_HELP},       {SDLK_HELP, UK_ACTION_HELP},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uk_input input = read_key(cases[i].sym, false);
        assert_int_equal(input.type, UK_INPUT_PRESS);
        assert_int_equal(input.action, cases[i].action);
        assert_int_equal(input.kind, UK_INPUT_KEYBOARD);
        assert_int_equal(input.at_ms, 1234);
        assert_int_equal(uk_keys_action(cases[i].sym), cases[i].action);
    }
    /* A key bound to nothing gives nothing; nor does letting a key go. */
    assert_false(gives_input(SDLK_q, false));
    SDL_Event up = key(SDLK_RETURN, false);
    up.type = SDL_KEYUP;
    uk_input input;
    assert_false(uk_keys_read(&up, 0, &input));
}

static void held_arrows_repeat_and_nothing_else(void **state)
{
    (void)state;
    assert_int_equal(read_key(SDLK_DOWN, true).action, UK_ACTION_DOWN);
    assert_int_equal(read_key(SDLK_UP, true).action, UK_ACTION_UP);
    assert_false(gives_input(SDLK_RETURN, true)); /* a held Enter chooses once */
    assert_false(gives_input(SDLK_BACKSPACE, true));
    assert_false(gives_input(SDLK_h, true));
    assert_false(gives_input(SDLK_5, true)); /* a held digit types once */
    assert_false(gives_input(SDLK_F12, true));
}

static void digits_backspace_and_enter_type(void **state)
{
    (void)state;
    for (SDL_Keycode k = SDLK_0; k <= SDLK_9; k++) {
        uk_input input = read_key(k, false);
        assert_int_equal(input.type, UK_INPUT_PRESS);
        assert_int_equal(input.action, UK_ACTION_NONE);
        assert_int_equal(input.key, '0' + (k - SDLK_0));
    }
    assert_int_equal(read_key(SDLK_KP_1, false).key, '1');
    assert_int_equal(read_key(SDLK_KP_9, false).key, '9');
    assert_int_equal(read_key(SDLK_KP_0, false).key, '0');
    uk_input back = read_key(SDLK_BACKSPACE, false);
    assert_int_equal(back.key, '\b');
    assert_int_equal(back.action, UK_ACTION_BACK); /* away from the pad it goes back */
    uk_input enter = read_key(SDLK_KP_ENTER, false);
    assert_int_equal(enter.key, '\n');
    assert_int_equal(enter.action, UK_ACTION_SELECT);
    assert_int_equal(read_key(SDLK_SPACE, false).key, 0);
}

static void f12_asks_for_the_admin_screen(void **state)
{
    (void)state;
    uk_input input = read_key(SDLK_F12, false);
    assert_int_equal(input.type, UK_INPUT_ADMIN);
    assert_int_equal(input.kind, UK_INPUT_KEYBOARD);
}

/* F12, then a PIN typed on a keyboard: the pad takes digits, Backspace and Enter. */
static void a_pin_typed_on_a_keyboard(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    static const SDL_Keycode typing[] = {SDLK_F12, SDLK_1,         SDLK_KP_2, SDLK_3,
                                         SDLK_9,   SDLK_BACKSPACE, SDLK_4,    SDLK_RETURN};
    for (size_t i = 0; i < sizeof typing / sizeof typing[0]; i++) {
        SDL_Event event = key(typing[i], false);
        uk_input input;
        assert_true(uk_keys_read(&event, 1000 + i, &input));
        uk_app_input(app, &input);
        assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN); /* Backspace deleted, not left */
    }
    char pin[UK_EFFECT_PIN_MAX + 1];
    assert_int_equal(take_pin(app, pin, sizeof pin), 1);
    assert_string_equal(pin, "1234");
    uk_app_pin_checked(app, true, 2000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
    /* On the admin screen Escape goes back home. */
    SDL_Event escape = key(SDLK_ESCAPE, false);
    uk_input input;
    assert_true(uk_keys_read(&escape, 3000, &input));
    uk_app_input(app, &input);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_stand_for_the_five_actions),
        cmocka_unit_test(held_arrows_repeat_and_nothing_else),
        cmocka_unit_test(digits_backspace_and_enter_type),
        cmocka_unit_test(f12_asks_for_the_admin_screen),
        cmocka_unit_test_setup(a_pin_typed_on_a_keyboard, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
