/*
 * input.h: from SDL events to the five actions.
 *
 * Keys are a table (see input.c), touches and clicks are resolved against
 * the hit regions of the frame the person was looking at. The mouse counts
 * as touch: on a kiosk it only exists in desktop emulation, where it stands
 * in for a finger. Touch events that SDL also reports as mouse events are
 * taken once, as touch.
 *
 * Staff ways in: F12, or a press held on the top-left corner, opens the
 * admin screen's PIN pad; on the pad, digit keys, Backspace and Enter type.
 */
#ifndef UK_PLATFORM_INPUT_INPUT_H
#define UK_PLATFORM_INPUT_INPUT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/core/app.h"
#include "app/view/scene.h"

/* The action a key stands for, or UK_ACTION_NONE. */
uk_action uk_input_key_action(SDL_Keycode key);

/*
 * A tap at (x, y) in frame pixels on `scene` (the frame last shown): chooses
 * the item or posts the action of the hit region there. Returns true if
 * something was hit.
 */
bool uk_input_tap(uk_app *app, const uk_scene *scene, float x, float y, uk_input_kind kind,
                  uint64_t now_ms);

/*
 * Feeds one SDL event to the app. For a click or a touch, (x, y) is where
 * it landed in frame pixels (uk_display_event_point); other events ignore
 * them. Returns true if the event was input for the app.
 */
bool uk_input_event(uk_app *app, const uk_scene *scene, const SDL_Event *event, float x, float y,
                    uint64_t now_ms);

#endif
