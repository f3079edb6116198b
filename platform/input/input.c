/*
 * input.c: key bindings and touch resolution.
 */
#include "platform/input/input.h"

/* Key bindings. Several keys per action, so a USB keypad or a presenter remote works too. */
static const struct {
    SDL_Keycode key;
    uk_action action;
} key_bindings[] = {
    {SDLK_UP, UK_ACTION_UP},         {SDLK_LEFT, UK_ACTION_UP},
    {SDLK_PAGEUP, UK_ACTION_UP},     {SDLK_DOWN, UK_ACTION_DOWN},
    {SDLK_RIGHT, UK_ACTION_DOWN},    {SDLK_PAGEDOWN, UK_ACTION_DOWN},
    {SDLK_RETURN, UK_ACTION_SELECT}, {SDLK_KP_ENTER, UK_ACTION_SELECT},
    {SDLK_SPACE, UK_ACTION_SELECT},  {SDLK_BACKSPACE, UK_ACTION_BACK},
    {SDLK_ESCAPE, UK_ACTION_BACK},   {SDLK_h, UK_ACTION_HELP},
    {SDLK_F1, UK_ACTION_HELP},       {SDLK_HELP, UK_ACTION_HELP},
};

uk_action uk_input_key_action(SDL_Keycode key)
{
    for (size_t i = 0; i < sizeof key_bindings / sizeof key_bindings[0]; i++)
        if (key_bindings[i].key == key)
            return key_bindings[i].action;
    return UK_ACTION_NONE;
}

bool uk_input_tap(uk_app *app, const uk_scene *scene, float x, float y, uk_input_kind kind,
                  uint64_t now_ms)
{
    const uk_hit *hit = uk_scene_hit_test(scene, x, y);
    if (!hit)
        return false;
    if (hit->item >= 0)
        uk_app_choose(app, hit->item, kind, now_ms);
    else
        uk_app_handle(app, hit->action, kind, now_ms);
    return true;
}

/* The digit, '\b' or '\n' a key types on the PIN pad, or 0. */
static char pin_key(SDL_Keycode key)
{
    if (key >= SDLK_0 && key <= SDLK_9)
        return (char)('0' + (key - SDLK_0));
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return (char)('1' + (key - SDLK_KP_1));
    if (key == SDLK_KP_0)
        return '0';
    if (key == SDLK_BACKSPACE)
        return '\b';
    if (key == SDLK_RETURN || key == SDLK_KP_ENTER)
        return '\n';
    return 0;
}

/* A press at (x, y) frame px is on the top-left corner that staff hold for the admin screen. */
static bool on_corner(const uk_scene *scene, float x, float y)
{
    float side = 0.12f * (float)(scene->w < scene->h ? scene->w : scene->h);
    return x < side && y < side;
}

bool uk_input_event(uk_app *app, const uk_scene *scene, const SDL_Event *event, float x, float y,
                    uint64_t now_ms)
{
    switch (event->type) {
    case SDL_KEYDOWN: {
        SDL_Keycode key = event->key.keysym.sym;
        if (key == SDLK_F12 && !event->key.repeat) {
            uk_app_admin_request(app, UK_INPUT_KEYBOARD, now_ms);
            return true;
        }
        if (app->screen == UK_SCREEN_ADMIN_PIN && pin_key(key) && !event->key.repeat) {
            uk_app_type(app, pin_key(key), UK_INPUT_KEYBOARD, now_ms);
            return true;
        }
        uk_action action = uk_input_key_action(key);
        /* Held arrows repeat; held Enter or Back must not fire twice. */
        if (action == UK_ACTION_NONE ||
            (event->key.repeat && action != UK_ACTION_UP && action != UK_ACTION_DOWN))
            return false;
        uk_app_handle(app, action, UK_INPUT_KEYBOARD, now_ms);
        return true;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_FINGERDOWN:
        if (event->type == SDL_MOUSEBUTTONDOWN &&
            (event->button.which == SDL_TOUCH_MOUSEID || event->button.button != SDL_BUTTON_LEFT))
            return false;
        if (on_corner(scene, x, y))
            uk_app_corner(app, true, now_ms);
        uk_input_tap(app, scene, x, y, UK_INPUT_TOUCH, now_ms);
        return true;
    case SDL_MOUSEBUTTONUP:
    case SDL_FINGERUP:
        if (app->corner_since)
            uk_app_corner(app, false, now_ms);
        return false;
    default:
        return false;
    }
}
