/*
 * button_input.h: the kiosk's physical buttons, from wherever their edges
 * come, through the buttons core, into the app.
 *
 * Three sources of edges, one path:
 *   - GPIO: the reader thread (platform/input/gpio.h) fills an edge queue and
 *     wakes the loop with an SDL user event;
 *   - the emulated panel (--show-buttons): a click on a button of the panel
 *     drawn right of the kiosk's frame is a rising edge, the release a
 *     falling one, stamped with the SDL event's time;
 *   - scripts: `button select down` / `button select up`.
 * All go into app/core/buttons.h, which debounces and turns them into
 * actions, "go home" and "admin entry"; uk_button_input_read hands those to
 * the loop as inputs of kind UK_INPUT_BUTTON (app/model/input.h), so the
 * usage log records "button". Nothing here draws: the loop paints the
 * panel (app/view/panel.h) and hands its scene back for clicks to land on.
 *
 * Clocks: edges arrive stamped with CLOCK_MONOTONIC; the loop's clock is
 * SDL_GetTicks64 (CLOCK_MONOTONIC_RAW on Linux) minus its start, or a
 * script's virtual clock. An edge is placed on the loop's clock by its age:
 * loop now minus (monotonic now minus the stamp), read together when the
 * queue is drained. Ages are milliseconds, so the two clocks' rates never
 * matter, and neither does NTP.
 *
 * Only the UI thread calls these functions.
 */
#ifndef UK_PLATFORM_INPUT_BUTTON_INPUT_H
#define UK_PLATFORM_INPUT_BUTTON_INPUT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/core/buttons.h"
#include "app/model/input.h"
#include "app/view/scene.h"
#include "platform/input/edge_queue.h"
#include "platform/input/gpio.h"

typedef struct uk_button_input uk_button_input;

/*
 * Sets up the buttons core with cfg->buttons' timing; starts the GPIO
 * reader when `gpio` is true (and cfg->enabled), and draws the clickable
 * panel when `panel` is true. GPIO faults are reported on stderr and never
 * fail this. Returns NULL only when out of memory. Close with
 * uk_button_input_close, before SDL is shut down.
 */
uk_button_input *uk_button_input_open(const uk_gpio_config *cfg, bool gpio, bool panel);

/* Stops the GPIO reader and frees everything. Accepts NULL. */
void uk_button_input_close(uk_button_input *input);

/* Width of the panel right of a kiosk frame `frame_h` px tall; 0 without the panel. */
int uk_button_input_panel_width(const uk_button_input *input, int frame_h);

/*
 * Takes an SDL event if it is the buttons': the GPIO wake-up, or a press or
 * release on the panel. For a click or a touch, (x, y) is where it landed
 * in frame px (uk_display_event_point), the kiosk's frame being the first
 * frame_w px and `panel` (as last painted, its own origin) right of it.
 * Returns true if it was.
 */
bool uk_button_input_event(uk_button_input *input, const SDL_Event *event, float x, float y,
                           int frame_w, const uk_scene *panel);

/* A raw edge at `now_ms` on the loop's clock (scripts). */
void uk_button_input_edge(uk_button_input *input, uk_action button, bool pressed, uint64_t now_ms);

/*
 * Takes the queued edges, moves the buttons on to `now_ms` and writes what
 * they mean as inputs into `out` (room for `max`; what does not fit waits
 * for the next call). Returns how many. *deadline is the buttons' next
 * deadline (UINT64_MAX for none); *changed is set when the panel's lights
 * or the GPIO state changed.
 */
size_t uk_button_input_read(uk_button_input *input, uint64_t now_ms, uk_input *out, size_t max,
                            uint64_t *deadline, bool *changed);

/* True when the emulated panel is shown beside the kiosk's frame. */
bool uk_button_input_has_panel(const uk_button_input *input);

/* Call after every present: closes the latency measurement of a press shown. */
void uk_button_input_frame_shown(uk_button_input *input);

/* The buttons core: live levels and last presses per button, for a button-test page. */
const uk_buttons *uk_button_input_buttons(const uk_button_input *input);

/* The GPIO state (ok, no chip, retrying...) and its last message, for an admin page. */
void uk_button_input_hw(uk_button_input *input, uk_button_hw *out);

/*
 * Edge-to-screen latency of presses: from a press's first edge (before any
 * bounce) to the present showing it. Presses of scripts' edges, on a
 * virtual clock, are not measured.
 */
typedef struct uk_button_latency {
    unsigned count; /* presses measured */
    double last_ms, min_ms, mean_ms, max_ms;
} uk_button_latency;

void uk_button_input_latency(const uk_button_input *input, uk_button_latency *out);

/* The queue GPIO edges go through; a test or benchmark may push edges of its own. */
uk_edge_queue *uk_button_input_queue(uk_button_input *input);

#endif
