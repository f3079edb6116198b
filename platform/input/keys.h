/*
 * keys.h: the keyboard as an input source: a key pressed becomes a
 * uk_input, from one table of bindings (keys.c).
 *
 * Several keys per action, so a USB keypad or a presenter remote works too.
 * Held arrows repeat; a held Enter or Back does not fire twice. Digits,
 * Backspace and Enter also carry the character they type on the admin PIN
 * pad; the core decides whether it is showing. F12 is the staff's way to
 * the admin screen. Nothing here reads the core's state.
 */
#ifndef UK_PLATFORM_INPUT_KEYS_H
#define UK_PLATFORM_INPUT_KEYS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/model/input.h"

/* The action a key stands for, or UK_ACTION_NONE. */
uk_action uk_keys_action(SDL_Keycode key);

/*
 * A key event as an input at `now_ms`: true and `out` filled for a key
 * that means something, false for any other event (releases, unbound keys,
 * repeats that must not repeat).
 */
bool uk_keys_read(const SDL_Event *event, uint64_t now_ms, uk_input *out);

#endif
