/*
 * touch.h: touches and clicks as inputs, resolved against the frame the
 * person was looking at.
 *
 * A press lands on a hit region of the scene last shown (app/view/scene.h):
 * a button's action, or an item to choose. A press beside every button
 * still counts as a press that means nothing, which wakes a dark screen. A
 * press on the top-left corner also starts the staff's hold for the admin
 * screen, and every release ends it. The mouse counts as touch: on a kiosk
 * it only exists in desktop emulation, where it stands in for a finger;
 * touches SDL also reports as mouse events are taken once, as touch.
 * Nothing here reads the core's state.
 */
#ifndef UK_PLATFORM_INPUT_TOUCH_H
#define UK_PLATFORM_INPUT_TOUCH_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/model/input.h"
#include "app/view/scene.h"

/* The side of the top-left square staff hold, as a fraction of the frame's short side. */
#define UK_TOUCH_CORNER 0.12f

/*
 * A tap at (x, y) frame px on `scene` at `now_ms`, as one input of `kind`:
 * choosing an item or pressing a button's action. Returns false when it
 * hit no region (`out` is then a press of UK_ACTION_NONE).
 */
bool uk_touch_tap(const uk_scene *scene, float x, float y, uk_input_kind kind, uint64_t now_ms,
                  uk_input *out);

#define UK_TOUCH_MAX_INPUTS 2 /* what one event can mean: the corner, and the tap */

/*
 * A mouse or finger event at (x, y) frame px (uk_display_event_point) on
 * `scene`: writes what it means into `out` (room for UK_TOUCH_MAX_INPUTS)
 * and returns how many, 0 for an event that is not a press or a release.
 */
size_t uk_touch_read(const SDL_Event *event, float x, float y, const uk_scene *scene,
                     uint64_t now_ms, uk_input *out);

#endif
