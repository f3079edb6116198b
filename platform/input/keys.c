/*
 * keys.c: key bindings, and a key event as an input (see keys.h).
 */
#include "platform/input/keys.h"

/* The bindings: data only. */
static const struct {
    SDL_Keycode key;
    uk_action action;
} bindings[] = {
    {SDLK_UP, UK_ACTION_UP},         {SDLK_LEFT, UK_ACTION_UP},
    {SDLK_PAGEUP, UK_ACTION_UP},     {SDLK_DOWN, UK_ACTION_DOWN},
    {SDLK_RIGHT, UK_ACTION_DOWN},    {SDLK_PAGEDOWN, UK_ACTION_DOWN},
    {SDLK_RETURN, UK_ACTION_SELECT}, {SDLK_KP_ENTER, UK_ACTION_SELECT},
    {SDLK_SPACE, UK_ACTION_SELECT},  {SDLK_BACKSPACE, UK_ACTION_BACK},
    {SDLK_ESCAPE, UK_ACTION_BACK},   {SDLK_h, UK_ACTION_HELP},
    {SDLK_F1, UK_ACTION_HELP},       {SDLK_HELP, UK_ACTION_HELP},
};

/* The staff's key for the admin screen. */
#define ADMIN_KEY SDLK_F12

uk_action uk_keys_action(SDL_Keycode key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return UK_ACTION_NONE;
}

/* The digit, '\b' or '\n' a key types on the PIN pad, or 0. */
static char typed(SDL_Keycode key)
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

bool uk_keys_read(const SDL_Event *event, uint64_t now_ms, uk_input *out)
{
    if (event->type != SDL_KEYDOWN)
        return false;
    SDL_Keycode key = event->key.keysym.sym;
    bool repeat = event->key.repeat != 0;
    *out = (uk_input){.kind = UK_INPUT_KEYBOARD, .at_ms = now_ms};
    if (key == ADMIN_KEY) {
        out->type = UK_INPUT_ADMIN;
        return !repeat;
    }
    out->type = UK_INPUT_PRESS;
    out->action = uk_keys_action(key);
    /* Held arrows repeat; nothing else does, and a held key types once. */
    if (repeat)
        return out->action == UK_ACTION_UP || out->action == UK_ACTION_DOWN;
    out->key = typed(key);
    return out->action != UK_ACTION_NONE || out->key != 0;
}
