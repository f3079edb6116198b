/*
 * kiosk_run.c: the loop in real time.
 *
 * Each turn: read the opening hours, move the buttons and the core on to
 * now (carrying out what the core asks), draw if an input arrived, a
 * deadline passed or the figure moves, tell systemd, and sleep until the
 * next input or deadline (platform/loop/sleep.h, in platform/loop/idle.h's
 * waiter). Every SDL event is turned into inputs by its source: the
 * buttons' panel takes its clicks, keys and touches become uk_inputs
 * (platform/input/keys.h, touch.h), and each goes to the core the one way.
 *
 * Invariants:
 *   - the core is told the time before every input, and its deadline is
 *     never overslept by more than the scheduler's slack;
 *   - under a watchdog the loop never sleeps longer than half its interval,
 *     and pings only from the loop itself;
 *   - READY is sent after the first frame is presented, never before.
 */
#include "platform/loop/kiosk_internal.h"

#include <stdio.h>
#include <time.h>

#include "platform/input/keys.h"
#include "platform/input/touch.h"
#include "platform/loop/idle.h"
#include "platform/loop/sleep.h"

#define FRAME_MS 16

static int64_t wall_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The window manager asks to close: obeyed, unless the kiosk is locked down. */
static void close_requested(uk_kiosk *kiosk, bool *running)
{
    if (!kiosk->service.lockdown) {
        *running = false;
        return;
    }
    if (!kiosk->close_noted)
        fprintf(stderr, "unknot: a request to close the window was ignored: the kiosk is "
                        "locked down (stop it with systemctl stop unknot, or from the admin "
                        "screen)\n");
    kiosk->close_noted = true;
}

/* Handles one event. Returns true if the screen may have changed. */
static bool handle_event(uk_kiosk *kiosk, const SDL_Event *event, uint64_t now_ms, bool *running)
{
    switch (event->type) {
    case SDL_QUIT:
        close_requested(kiosk, running);
        return false;
    case SDL_WINDOWEVENT:
        if (event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            uk_display_update_size(kiosk->display);
        if (event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            event->window.event == SDL_WINDOWEVENT_EXPOSED)
            uk_painter_invalidate(kiosk->painter);
        return event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
               event->window.event == SDL_WINDOWEVENT_EXPOSED;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        uk_painter_forget_textures(kiosk->painter);
        return true;
    default:
        break;
    }
    if (event->type >= SDL_USEREVENT) /* news from another thread, e.g. new statistics */
        return uk_app_screen(&kiosk->app) == UK_SCREEN_ADMIN;
    float x = 0, y = 0; /* a click or a touch: where on the frame */
    uk_display_event_point(kiosk->display, event, &x, &y);
    if (kiosk->buttons && uk_button_input_event(kiosk->buttons, event, x, y,
                                                uk_kiosk_frame_width(kiosk), &kiosk->panel))
        return false; /* the buttons' own read says what changed */
    uk_input inputs[UK_TOUCH_MAX_INPUTS];
    size_t n = uk_keys_read(event, now_ms, &inputs[0])
                   ? 1
                   : uk_touch_read(event, x, y, &kiosk->scene, now_ms, inputs);
    return n > 0 && uk_kiosk_feed(kiosk, inputs, n);
}

/* Handles `event` and every event waiting after it. */
static bool drain_events(uk_kiosk *kiosk, SDL_Event *event, uint64_t start, bool *running)
{
    bool redraw = false;
    do {
        uint64_t now = SDL_GetTicks64() - start;
        redraw |= handle_event(kiosk, event, now, running);
    } while (SDL_PollEvent(event));
    return redraw;
}

int uk_kiosk_run(uk_kiosk *kiosk)
{
    uint64_t start = SDL_GetTicks64();
    kiosk->wall_ms_at_zero = wall_now_ms();
    bool running = true, redraw = true;
    uint64_t last_frame = 0;
    /* Without it (no memory for a pipe) the loop sleeps in SDL's own wait, which polls on
     * some drivers but works. */
    uk_idle *idle = uk_idle_open();

    while (running && !uk_kiosk_must_end(kiosk)) {
        kiosk->woke_ns = uk_edge_queue_clock_ns();
        uint64_t now = SDL_GetTicks64() - start;
        int64_t hours_change = uk_kiosk_check_hours(kiosk, now);
        uint64_t deadline = uk_kiosk_tick(kiosk, now, &redraw);
        bool animating = uk_app_animating(&kiosk->app);
        if (redraw || animating) {
            uk_kiosk_draw(kiosk, now);
            uk_kiosk_present(kiosk);
            last_frame = now;
            redraw = false;
        }
        uk_kiosk_tell_systemd(kiosk, now);

        uk_sleep_state sleep = {
            .now_ms = SDL_GetTicks64() - start,
            .animating = animating,
            .vsync = uk_display_vsync(kiosk->display),
            .last_frame_ms = last_frame,
            .frame_ms = FRAME_MS,
            .deadline_ms = deadline,
            .watchdog_ms = uk_notify_wake_ms(kiosk->service.notify),
            .hours_change_ms = hours_change,
        };
        int timeout = uk_sleep_timeout(&sleep);
        if (timeout < 0 || timeout >= UK_KIOSK_LONG_SLEEP_MS)
            uk_kiosk_give_back_memory(kiosk);

        SDL_Event event;
        if (!uk_idle_wait(idle, &event, timeout)) {
            /* A deadline passed: a timer moved. */
            redraw = !animating && !uk_app_asleep(&kiosk->app);
            continue;
        }
        redraw |= drain_events(kiosk, &event, start, &running);
    }
    uk_idle_close(idle);
    return kiosk->quit == UK_EFFECT_QUIT_STOP ? UK_EXIT_ADMIN_STOP : 0;
}

bool uk_kiosk_handle_event(uk_kiosk *kiosk, const SDL_Event *event, uint64_t now_ms)
{
    bool running = true;
    handle_event(kiosk, event, now_ms, &running);
    return running;
}
