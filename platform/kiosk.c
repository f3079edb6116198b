/*
 * kiosk.c: the main loop, in real time and on a script's virtual clock.
 *
 * Invariants:
 *   - the core is told the time before every input, and its deadline is
 *     never overslept by more than the scheduler's slack;
 *   - a tap is resolved against the frame that was on screen, which is the
 *     scene kept in the kiosk until the next frame is drawn;
 *   - nothing here allocates once the loop runs.
 */
#include "platform/kiosk.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/ui.h"
#include "platform/button_input.h"
#include "platform/input.h"

#define FRAME_MS 16

struct uk_kiosk {
    uk_app app;
    uk_scene scene; /* the frame on screen: what taps are resolved against */
    uk_ui_content ui;
    uk_store *store;
    uk_display *display;
    uk_painter *painter;
    uk_button_input *buttons; /* physical buttons and their panel; NULL: none */
    int64_t wall_ms_at_zero;  /* wall clock when the core's clock read 0 */
    unsigned sessions_lost;   /* sessions the store could not take */
};

static int64_t wall_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uk_kiosk *uk_kiosk_new(const uk_app_config *cfg, const uk_content *content, uk_store *store,
                       uk_display *display, uk_painter *painter)
{
    uk_kiosk *kiosk = calloc(1, sizeof *kiosk);
    if (!kiosk)
        return NULL;
    kiosk->ui = (uk_ui_content){.strings = &content->strings,
                                .motions = content->motions,
                                .motion_count = content->motion_count};
    kiosk->store = store;
    kiosk->display = display;
    kiosk->painter = painter;
    uk_app_init(&kiosk->app, cfg, content->routines, content->routine_count, 0);
    return kiosk;
}

void uk_kiosk_free(uk_kiosk *kiosk)
{
    free(kiosk);
}

void uk_kiosk_set_buttons(uk_kiosk *kiosk, uk_button_input *buttons)
{
    kiosk->buttons = buttons;
}

/* Stores every session the core has finished. */
static void store_sessions(uk_kiosk *kiosk)
{
    uk_session session;
    while (uk_app_take_session(&kiosk->app, &session)) {
        uk_session_row row;
        uk_session_to_row(&session, kiosk->wall_ms_at_zero, &row);
        if (!kiosk->store) {
            kiosk->sessions_lost++;
            continue;
        }
        if (uk_store_append_session(kiosk->store, &row) != 0) {
            kiosk->sessions_lost++;
            fprintf(stderr, "unknot: usage not recorded: %s\n", uk_store_error(kiosk->store));
        }
    }
}

/* Width of the kiosk's own frame: the output, less the emulated button panel if shown. */
static int frame_w(const uk_kiosk *kiosk)
{
    int panel = kiosk->buttons ? uk_button_input_panel_width(kiosk->buttons, kiosk->display->h) : 0;
    return kiosk->display->w - panel;
}

/* Moves the buttons and the core on to `now_ms`; returns the earlier of their deadlines. */
static uint64_t tick(uk_kiosk *kiosk, uint64_t now_ms, bool *changed)
{
    uint64_t buttons = UINT64_MAX;
    if (kiosk->buttons)
        buttons = uk_button_input_tick(kiosk->buttons, &kiosk->app, now_ms, changed);
    uint64_t deadline = uk_app_tick(&kiosk->app, now_ms);
    store_sessions(kiosk);
    return buttons < deadline ? buttons : deadline;
}

static void draw(uk_kiosk *kiosk, uint64_t now_ms)
{
    uk_viewport viewport = {frame_w(kiosk), kiosk->display->h, kiosk->display->px_per_mm};
    uk_ui_build(&kiosk->scene, &kiosk->app, &kiosk->ui, viewport, now_ms);
    uk_paint_stats stats;
    uk_painter_draw(kiosk->painter, &kiosk->scene, &stats);
    if (kiosk->buttons)
        uk_button_input_draw_panel(kiosk->buttons, kiosk->painter, kiosk->display->renderer,
                                   viewport.w, viewport.h);
}

void uk_kiosk_finish(uk_kiosk *kiosk)
{
    uk_app_shutdown(&kiosk->app, kiosk->app.now_ms);
    store_sessions(kiosk);
    if (kiosk->sessions_lost)
        fprintf(stderr, "unknot: %u session(s) could not be recorded\n", kiosk->sessions_lost);
}

/* ---- real time -------------------------------------------------------------- */

/* Handles one event. Returns true if the screen may have changed. */
static bool handle_event(uk_kiosk *kiosk, const SDL_Event *event, uint64_t now_ms, bool *running)
{
    switch (event->type) {
    case SDL_QUIT:
        *running = false;
        return false;
    case SDL_WINDOWEVENT:
        if (event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            uk_display_update_size(kiosk->display);
        return event->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
               event->window.event == SDL_WINDOWEVENT_EXPOSED;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        uk_painter_forget_textures(kiosk->painter);
        return true;
    default: {
        int window_w = 0, window_h = 0;
        SDL_GetWindowSize(kiosk->display->window, &window_w, &window_h);
        float sx = window_w > 0 ? (float)kiosk->display->w / (float)window_w : 1;
        float sy = window_h > 0 ? (float)kiosk->display->h / (float)window_h : 1;
        uk_button_area area = {frame_w(kiosk), kiosk->display->w, kiosk->display->h, sx, sy};
        if (kiosk->buttons && uk_button_input_event(kiosk->buttons, event, &area))
            return false; /* the buttons' tick says what changed */
        SDL_Event local = *event;
        if (local.type == SDL_FINGERDOWN && area.frame_w > 0) /* x is a fraction of the window */
            local.tfinger.x *= (float)area.w / (float)area.frame_w;
        return uk_input_event(&kiosk->app, &kiosk->scene, &local, sx, sy, now_ms);
    }
    }
}

void uk_kiosk_run(uk_kiosk *kiosk)
{
    uint64_t start = SDL_GetTicks64();
    kiosk->wall_ms_at_zero = wall_now_ms();
    bool running = true, redraw = true;
    uint64_t last_frame = 0;

    while (running) {
        uint64_t now = SDL_GetTicks64() - start;
        uint64_t deadline = tick(kiosk, now, &redraw);
        bool animating = uk_app_animating(&kiosk->app);
        if (redraw || animating) {
            draw(kiosk, now);
            SDL_RenderPresent(kiosk->display->renderer);
            if (kiosk->buttons)
                uk_button_input_frame_shown(kiosk->buttons);
            last_frame = now;
            redraw = false;
        }

        /* Sleep until the next input, deadline or frame. */
        now = SDL_GetTicks64() - start;
        int64_t timeout;
        if (animating)
            timeout = kiosk->display->vsync ? 0 : (int64_t)(last_frame + FRAME_MS) - (int64_t)now;
        else if (deadline == UINT64_MAX)
            timeout = -1;
        else
            timeout = deadline > now ? (int64_t)(deadline - now) : 0;
        if (timeout > INT_MAX)
            timeout = INT_MAX;

        SDL_Event event;
        int got;
        if (timeout < 0 && !animating)
            got = SDL_WaitEvent(&event);
        else if (timeout <= 0)
            got = SDL_PollEvent(&event);
        else
            got = SDL_WaitEventTimeout(&event, (int)timeout);
        if (!got) {
            redraw = !animating; /* a deadline passed: the countdown or a timer moved */
            continue;
        }
        do {
            now = SDL_GetTicks64() - start;
            redraw |= handle_event(kiosk, &event, now, &running);
        } while (SDL_PollEvent(&event));
    }
}

/* ---- scripted --------------------------------------------------------------- */

/* Lets `ms` of virtual time pass, visiting every deadline on the way. */
static void pass_time(uk_kiosk *kiosk, uint64_t *now, uint64_t ms)
{
    uint64_t target = *now + ms;
    bool changed = false;
    for (;;) {
        uint64_t deadline = tick(kiosk, *now, &changed);
        if (deadline > target)
            break;
        *now = deadline > *now ? deadline : *now + 1;
    }
    *now = target;
    tick(kiosk, *now, &changed);
}

int uk_kiosk_run_script(uk_kiosk *kiosk, const uk_script *script, const char *shots_dir)
{
    kiosk->wall_ms_at_zero = wall_now_ms();
    uint64_t now = 0;
    char error[512];

    for (size_t i = 0; i < script->count; i++) {
        const uk_script_command *cmd = &script->commands[i];
        SDL_PumpEvents();
        switch (cmd->verb) {
        case UK_SCRIPT_WAIT:
            pass_time(kiosk, &now, cmd->wait_ms);
            break;
        case UK_SCRIPT_PRESS:
            uk_app_handle(&kiosk->app, cmd->action, cmd->kind, now);
            break;
        case UK_SCRIPT_BUTTON:
            if (kiosk->buttons)
                uk_button_input_edge(kiosk->buttons, cmd->action, cmd->pressed, now);
            break;
        case UK_SCRIPT_TAP:
            draw(kiosk, now);
            if (!uk_input_tap(&kiosk->app, &kiosk->scene, cmd->x * (float)frame_w(kiosk),
                              cmd->y * (float)kiosk->display->h, cmd->kind, now))
                fprintf(stderr, "%s:%d: note: the tap at %.2f %.2f hit no button\n",
                        script->path, cmd->line, (double)cmd->x, (double)cmd->y);
            break;
        case UK_SCRIPT_SHOT: {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", shots_dir, cmd->arg);
            draw(kiosk, now);
            if (uk_display_screenshot(kiosk->display, path, error, sizeof error) != 0) {
                fprintf(stderr, "%s:%d: %s\n", script->path, cmd->line, error);
                return 1;
            }
            break;
        }
        case UK_SCRIPT_EXPECT_SCREEN: {
            const char *showing = uk_screen_name(kiosk->app.screen);
            if (strcmp(showing, cmd->arg) != 0) {
                fprintf(stderr, "%s:%d: expected screen '%s', but '%s' is showing\n",
                        script->path, cmd->line, cmd->arg, showing);
                return 3;
            }
            break;
        }
        }
        bool changed = false;
        tick(kiosk, now, &changed);
        draw(kiosk, now);
        SDL_RenderPresent(kiosk->display->renderer);
    }
    return 0;
}
