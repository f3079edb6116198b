/*
 * button_input.c: GPIO edges, panel clicks and scripted edges through the
 * buttons core into the app.
 *
 * Panel clicks take the same road as GPIO edges: they are stamped on
 * CLOCK_MONOTONIC from the SDL event's timestamp and pushed into the edge
 * queue, so the emulation is debounced, repeated, long-pressed and timed
 * exactly as the hardware is. Only scripts, on their virtual clock, feed
 * the core directly.
 */
#include "platform/input/button_input.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/view/panel.h"
#include "app/view/scene.h"

#define NS_PER_MS  1000000ull
#define TAKE_EDGES 64
#define NO_POINTER ((SDL_FingerID)-2) /* the mouse is -1 below; fingers are >= 0 */
#define MOUSE      ((SDL_FingerID)-1)

struct uk_button_input {
    uk_buttons buttons;
    uk_edge_queue *queue;
    uk_gpio *gpio;
    Uint32 wake_type; /* SDL user event the reader thread pushes; (Uint32)-1 if none */
    unsigned hw_generation;

    /* The panel. */
    bool panel;
    uk_action held;                /* the button a pointer holds down, or NONE */
    SDL_FingerID held_by;          /* which pointer */
    bool latched[UK_ACTION_COUNT]; /* held down by a right click until the next */

    /* Latency: a press's first edge to the frame that shows it, on CLOCK_MONOTONIC. */
    uint64_t pending_mono; /* the first edge of a press delivered but not yet shown, or 0 */
    bool scripted;         /* edges came on a script's virtual clock: presses are not timed */
    uk_button_latency latency;
    double latency_sum;
};

static void wake(void *ctx)
{
    uk_button_input *input = ctx;
    SDL_Event event;
    SDL_zero(event);
    event.type = input->wake_type;
    SDL_PushEvent(&event); /* thread-safe; a full SDL queue only delays the drain */
}

uk_button_input *uk_button_input_open(const uk_gpio_config *cfg, bool gpio, bool panel)
{
    uk_button_input *input = calloc(1, sizeof *input);
    if (!input)
        return NULL;
    uk_buttons_init(&input->buttons, &cfg->buttons, 0);
    input->held = UK_ACTION_NONE;
    input->held_by = NO_POINTER;
    input->panel = panel;
    input->wake_type = SDL_RegisterEvents(1);
    if (input->wake_type == (Uint32)-1)
        fprintf(stderr,
                "unknot: buttons: no SDL user event left (%s); button presses wait "
                "for the next other event to be seen\n",
                SDL_GetError());
    input->queue = uk_edge_queue_new(input->wake_type != (Uint32)-1 ? wake : NULL, input);
    if (!input->queue)
        goto err_free;

    uk_gpio_config gpio_cfg = *cfg;
    gpio_cfg.enabled = cfg->enabled && gpio;
    input->gpio = uk_gpio_open(&gpio_cfg, input->queue, NULL, NULL);
    if (!input->gpio)
        goto err_free_queue;
    return input;

err_free_queue:
    uk_edge_queue_free(input->queue);
err_free:
    free(input);
    return NULL;
}

void uk_button_input_close(uk_button_input *input)
{
    if (!input)
        return;
    uk_gpio_close(input->gpio);
    uk_edge_queue_free(input->queue);
    free(input);
}

int uk_button_input_panel_width(const uk_button_input *input, int frame_h)
{
    return input->panel ? uk_panel_width(frame_h) : 0;
}

bool uk_button_input_has_panel(const uk_button_input *input)
{
    return input->panel;
}

/* ---- the panel -------------------------------------------------------------- */

/* An edge from the panel, `age_ms` before now, through the queue like a GPIO edge. */
static void panel_edge(uk_button_input *input, uk_action button, bool pressed, Uint32 timestamp)
{
    Uint32 age_ms = SDL_GetTicks() - timestamp;
    uint64_t now = uk_edge_queue_clock_ns();
    uint64_t age = (uint64_t)age_ms * NS_PER_MS;
    uk_edge edge = {button, pressed ? UK_EDGE_RISING : UK_EDGE_FALLING, now > age ? now - age : 0};
    uk_edge_queue_push(input->queue, &edge);
}

/* A press at (x, y) in frame px. Returns true if it landed on the panel. */
static bool panel_press(uk_button_input *input, const uk_scene *panel, float x, float y,
                        int frame_w, SDL_FingerID pointer, bool latch, Uint32 timestamp)
{
    if (x < (float)frame_w)
        return false;
    const uk_hit *hit = uk_scene_hit_test(panel, x - (float)frame_w, y);
    if (!hit)
        return true;
    uk_action button = hit->action;
    if (latch) {
        input->latched[button] = !input->latched[button];
        panel_edge(input, button, input->latched[button], timestamp);
    } else if (input->held == UK_ACTION_NONE && !input->latched[button]) {
        input->held = button;
        input->held_by = pointer;
        panel_edge(input, button, true, timestamp);
    }
    return true;
}

static bool panel_release(uk_button_input *input, SDL_FingerID pointer, Uint32 timestamp)
{
    if (input->held == UK_ACTION_NONE || input->held_by != pointer)
        return false;
    panel_edge(input, input->held, false, timestamp);
    input->held = UK_ACTION_NONE;
    input->held_by = NO_POINTER;
    return true;
}

bool uk_button_input_event(uk_button_input *input, const SDL_Event *event, float x, float y,
                           int frame_w, const uk_scene *panel)
{
    if (event->type == input->wake_type)
        return true; /* the edges are taken in uk_button_input_tick */
    if (!input->panel)
        return false;
    switch (event->type) {
    case SDL_MOUSEBUTTONDOWN:
        if (event->button.which == SDL_TOUCH_MOUSEID ||
            (event->button.button != SDL_BUTTON_LEFT && event->button.button != SDL_BUTTON_RIGHT))
            return false;
        return panel_press(input, panel, x, y, frame_w, MOUSE,
                           event->button.button == SDL_BUTTON_RIGHT, event->button.timestamp);
    case SDL_MOUSEBUTTONUP:
        return event->button.which != SDL_TOUCH_MOUSEID &&
               event->button.button == SDL_BUTTON_LEFT &&
               panel_release(input, MOUSE, event->button.timestamp);
    case SDL_FINGERDOWN:
        return panel_press(input, panel, x, y, frame_w, event->tfinger.fingerId, false,
                           event->tfinger.timestamp);
    case SDL_FINGERUP:
        return panel_release(input, event->tfinger.fingerId, event->tfinger.timestamp);
    default:
        return false;
    }
}

/* ---- edges into the core, events out as inputs ------------------------------- */

/* One queued edge, placed on the loop's clock by its age. */
static void feed(uk_button_input *input, const uk_edge *edge, uint64_t mono_now,
                 uint64_t loop_now_ns)
{
    uint64_t age = mono_now > edge->mono_ns ? mono_now - edge->mono_ns : 0;
    uint64_t at_ns = loop_now_ns > age ? loop_now_ns - age : 0;
    switch (edge->kind) {
    case UK_EDGE_RISING:
    case UK_EDGE_FALLING: {
        uk_button_edge core = {edge->button, edge->kind == UK_EDGE_RISING, at_ns};
        uk_buttons_edge(&input->buttons, &core);
        break;
    }
    case UK_EDGE_LEVEL_UP:
    case UK_EDGE_LEVEL_DOWN:
        uk_buttons_set_level(&input->buttons, edge->button, edge->kind == UK_EDGE_LEVEL_UP,
                             at_ns / NS_PER_MS);
        break;
    }
}

void uk_button_input_edge(uk_button_input *input, uk_action button, bool pressed, uint64_t now_ms)
{
    uk_button_edge edge = {button, pressed, now_ms * NS_PER_MS};
    input->scripted = true;
    uk_buttons_edge(&input->buttons, &edge);
}

/*
 * One event of the core as an input. A new press starts a latency
 * measurement at its first edge, which the core knows (bounces and all):
 * taken back from the loop's clock to CLOCK_MONOTONIC by its age, as feed
 * placed it, with `mono_now` read together with `now_ms`.
 */
static uk_input as_input(uk_button_input *input, const uk_button_event *event, uint64_t mono_now,
                         uint64_t now_ms)
{
    uk_input out = {.kind = UK_INPUT_BUTTON, .at_ms = event->at_ms};
    switch (event->kind) {
    case UK_BUTTON_ACTION:
        if (!event->repeat && !input->pending_mono && !input->scripted) {
            uint64_t now_ns = now_ms * NS_PER_MS;
            uint64_t age = now_ns > event->edge_ns ? now_ns - event->edge_ns : 0;
            input->pending_mono = mono_now > age ? mono_now - age : 1;
        }
        out.type = UK_INPUT_PRESS;
        out.action = event->action;
        break;
    case UK_BUTTON_HOME:
        out.type = UK_INPUT_GO_HOME;
        break;
    case UK_BUTTON_ADMIN:
        out.type = UK_INPUT_ADMIN;
        break;
    }
    return out;
}

size_t uk_button_input_read(uk_button_input *input, uint64_t now_ms, uk_input *out, size_t max,
                            uint64_t *deadline, bool *changed)
{
    uk_edge edges[TAKE_EDGES];
    size_t n;
    uint64_t mono_now;
    do {
        n = uk_edge_queue_take(input->queue, edges, TAKE_EDGES);
        mono_now = uk_edge_queue_clock_ns(); /* after the take: no edge is newer */
        for (size_t i = 0; i < n; i++)
            feed(input, &edges[i], mono_now, now_ms * NS_PER_MS);
        if (n)
            *changed = true; /* the panel lights */
    } while (n == TAKE_EDGES);

    *deadline = uk_buttons_tick(&input->buttons, now_ms);
    size_t count = 0;
    uk_button_event event;
    while (count < max && uk_buttons_take_event(&input->buttons, &event)) {
        out[count++] = as_input(input, &event, mono_now, now_ms);
        *changed = true;
    }
    unsigned generation = uk_gpio_generation(input->gpio);
    if (generation != input->hw_generation) {
        input->hw_generation = generation;
        *changed = true;
    }
    return count;
}

void uk_button_input_frame_shown(uk_button_input *input)
{
    if (!input->pending_mono)
        return;
    uint64_t now = uk_edge_queue_clock_ns();
    double ms = now > input->pending_mono ? (double)(now - input->pending_mono) / 1e6 : 0;
    input->pending_mono = 0;
    uk_button_latency *latency = &input->latency;
    latency->last_ms = ms;
    if (latency->count == 0 || ms < latency->min_ms)
        latency->min_ms = ms;
    if (ms > latency->max_ms)
        latency->max_ms = ms;
    latency->count++;
    input->latency_sum += ms;
    latency->mean_ms = input->latency_sum / latency->count;
}

/* ---- for admin and test pages ----------------------------------------------- */

const uk_buttons *uk_button_input_buttons(const uk_button_input *input)
{
    return &input->buttons;
}

void uk_button_input_hw(uk_button_input *input, uk_button_hw *out)
{
    uk_gpio_status(input->gpio, out);
}

void uk_button_input_latency(const uk_button_input *input, uk_button_latency *out)
{
    *out = input->latency;
}

uk_edge_queue *uk_button_input_queue(uk_button_input *input)
{
    return input->queue;
}
