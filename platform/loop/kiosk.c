/*
 * kiosk.c: the main loop, in real time and on a script's virtual clock.
 *
 * Invariants:
 *   - the core is told the time before every input, and its deadline is
 *     never overslept by more than the scheduler's slack;
 *   - a tap is resolved against the frame that was on screen, which is the
 *     scene kept in the kiosk until the next frame is drawn;
 *   - nothing here allocates once the loop runs;
 *   - under a watchdog the loop never sleeps longer than half its interval,
 *     and pings only from the loop itself;
 *   - READY is sent after the first frame is presented, never before.
 */
#include "platform/loop/kiosk.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

#include "app/view/ui.h"
#include "platform/input/button_input.h"
#include "platform/input/edge_queue.h"
#include "platform/input/input.h"
#include "platform/loop/idle.h"
#include "platform/system/pin_hash.h"

#define MINUTE_MS 60000

#define FRAME_MS 16

#define LONG_SLEEP_MS 1000 /* a sleep at least this long is the moment to give memory back */

struct uk_kiosk {
    uk_app app;
    uk_scene scene; /* the frame on screen: what taps are resolved against */
    uk_ui_env ui;
    uk_store *store;
    uk_display *display;
    uk_painter *painter;
    uk_button_input *buttons; /* physical buttons and their panel; NULL: none */
    int64_t wall_ms_at_zero;  /* wall clock when the core's clock read 0 */
    unsigned sessions_lost;   /* sessions the store could not take */
    uk_kiosk_service service;
    bool presented;        /* a frame has been shown: READY was due */
    bool scripted_hours;   /* a script said open or closed: the clock is not asked */
    bool close_noted;      /* a close request was ignored and said so */
    int power_percent;     /* the brightness last asked for; -1 before the first */
    bool muted_applied;    /* the app's mute as last given to the sound */
    uk_screen last_screen; /* to see the admin screen open */
    uk_admin_info admin;   /* what the admin screen shows, filled before it is drawn */

    bool drawn_since_trim; /* frames were drawn since memory was last given back */

    /* The benchmark's watch on frames (uk_kiosk_watch_frames); NULL: none. */
    uk_kiosk_frame_fn frame_fn;
    void *frame_ctx;
    uint64_t woke_ns; /* when the loop last woke up */
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
    kiosk->ui = (uk_ui_env){.measure = uk_painter_measure,
                            .measure_ctx = painter,
                            .version = UNKNOT_VERSION,
                            .admin = &kiosk->admin};
    kiosk->store = store;
    kiosk->display = display;
    kiosk->painter = painter;
    kiosk->power_percent = -1; /* the first turn sets it: a killed run may have left it dark */
    uk_app_init(&kiosk->app, cfg, &content->catalog, 0);
    return kiosk;
}

void uk_kiosk_free(uk_kiosk *kiosk)
{
    free(kiosk);
}

void uk_kiosk_serve(uk_kiosk *kiosk, const uk_kiosk_service *service)
{
    kiosk->service = *service;
}

void uk_kiosk_set_buttons(uk_kiosk *kiosk, uk_button_input *buttons)
{
    kiosk->buttons = buttons;
}

void uk_kiosk_watch_frames(uk_kiosk *kiosk, uk_kiosk_frame_fn fn, void *ctx)
{
    kiosk->frame_fn = fn;
    kiosk->frame_ctx = ctx;
}

/* Stores every session the core has finished, counts its screen views, plays its sounds. */
static void store_sessions(uk_kiosk *kiosk)
{
    uk_cue cue;
    while (uk_app_take_cue(&kiosk->app, &cue))
        uk_sound_play(kiosk->service.sound, cue);
    uk_session session;
    while (uk_app_take_session(&kiosk->app, &session)) {
        uk_session_row row;
        uk_session_to_row(&session, kiosk->wall_ms_at_zero, &row);
        if (!kiosk->store) {
            kiosk->sessions_lost++;
            continue;
        }
        /* Queued, not written: the store's writer thread does the disk work, and logs
         * why when the queue is full. */
        if (uk_store_append_session(kiosk->store, &row) != 0)
            kiosk->sessions_lost++;
    }
    uk_screen screen;
    while (uk_app_take_view(&kiosk->app, &screen))
        if (kiosk->store) /* the store rounds the time down to the hour */
            uk_store_count_view(kiosk->store, uk_screen_name(screen),
                                (kiosk->wall_ms_at_zero + (int64_t)kiosk->app.now_ms) / 1000);
}

/* ---- the service side: status, opening hours, darkness ------------------------ */

/*
 * The usage log's part of the status line, in the store's own words for its
 * health (app/stats.h): "usage log ok", "usage log retrying-full, 3 rows
 * waiting", "usage log ok, 1 session not recorded".
 */
static void describe_usage(const uk_kiosk *kiosk, char *out, size_t len)
{
    if (!kiosk->store) {
        snprintf(out, len, "usage log off (no database)");
        return;
    }
    uk_stats_health health;
    uk_store_get_status(kiosk->store, &health);
    bool retrying = health.state == UK_STATS_RETRYING_READONLY ||
                    health.state == UK_STATS_RETRYING_FULL || health.state == UK_STATS_RETRYING_IO;
    size_t used = (size_t)snprintf(out, len, "usage log %s", uk_stats_state_name(health.state));
    if (retrying && health.rows_pending && used < len)
        used += (size_t)snprintf(out + used, len - used, ", %" PRIu32 " row%s waiting",
                                 health.rows_pending, health.rows_pending == 1 ? "" : "s");
    if (kiosk->sessions_lost && used < len)
        snprintf(out + used, len - used, ", %u session%s not recorded", kiosk->sessions_lost,
                 kiosk->sessions_lost == 1 ? "" : "s");
}

/* "Showing home; 2 routines; usage log ok": what `systemctl status` shows. */
static void describe(const uk_kiosk *kiosk, char *out, size_t len)
{
    const uk_app *app = &kiosk->app;
    char usage[128];
    describe_usage(kiosk, usage, sizeof usage);
    if (app->asleep)
        snprintf(out, len, "Outside opening hours: screen %s until touched; %s",
                 kiosk->service.dim ? "dimmed" : "off", usage);
    else if (app->in_session)
        snprintf(out, len, "Showing %s: routine '%s'; %zu routine%s; %s",
                 uk_screen_name(app->screen), app->routines[app->routine_index].id,
                 app->routine_count, app->routine_count == 1 ? "" : "s", usage);
    else
        snprintf(out, len, "Showing %s; %zu routine%s; %s", uk_screen_name(app->screen),
                 app->routine_count, app->routine_count == 1 ? "" : "s", usage);
}

/* READY once a frame is shown, STATUS when it changes, the watchdog's ping: every turn. */
static void tell_systemd(uk_kiosk *kiosk, uint64_t now_ms)
{
    if (!uk_notify_enabled(kiosk->service.notify))
        return; /* nobody listens: not even the status line is worth making */
    char status[256];
    describe(kiosk, status, sizeof status);
    if (kiosk->presented)
        uk_notify_ready(kiosk->service.notify, status); /* once; then only STATUS */
    uk_notify_status(kiosk->service.notify, status);
    uk_notify_watchdog(kiosk->service.notify, now_ms);
}

/*
 * Reads the local time against the opening hours and tells the core.
 * Returns the milliseconds until the answer changes, INT64_MAX if never.
 */
static int64_t check_hours(uk_kiosk *kiosk, uint64_t now_ms)
{
    const uk_schedule *hours = kiosk->service.hours;
    if (kiosk->scripted_hours || !hours || uk_schedule_always_open(hours))
        return INT64_MAX;
    time_t t = time(NULL);
    struct tm local;
    localtime_r(&t, &local);
    int weekday = (local.tm_wday + 6) % 7, minute = local.tm_hour * 60 + local.tm_min;
    uk_app_set_open(&kiosk->app, uk_schedule_is_open(hours, weekday, minute), now_ms);
    int change = uk_schedule_next_change(hours, weekday, minute);
    if (change < 0)
        return INT64_MAX;
    return (int64_t)change * MINUTE_MS - (int64_t)local.tm_sec * 1000;
}

/* Backlight to match the core's sleep; returns true if the frame must be redrawn. */
static bool apply_power(uk_kiosk *kiosk)
{
    int percent = 100;
    if (kiosk->app.asleep)
        percent = kiosk->service.dim ? kiosk->service.dim_percent : 0;
    if (percent == kiosk->power_percent)
        return false;
    kiosk->power_percent = percent;
    if (kiosk->service.backlight) {
        char error[512];
        if (uk_backlight_set(kiosk->service.backlight, percent, error, sizeof error) != 0) {
            fprintf(stderr, "unknot: %s; darkening the screen by drawing from now on\n", error);
            kiosk->service.backlight = NULL;
        }
    }
    return true;
}

/*
 * What the admin screen needs done outside the core: the PIN checked (a
 * slow hash, so only when asked), fresh numbers when the screen opens, and
 * the sound muted or not as it says. Returns true if the screen changed.
 */
static bool admin_chores(uk_kiosk *kiosk, uint64_t now_ms)
{
    bool changed = false;
    char pin[UK_PIN_MAX_DIGITS + 1];
    if (uk_app_take_pin(&kiosk->app, pin, sizeof pin)) {
        const char *hash = kiosk->service.pin_hash ? kiosk->service.pin_hash : "";
        bool right;
        char error[256];
        int rc = uk_pin_hash_check(pin, hash, &right, error, sizeof error);
        memset(pin, 0, sizeof pin);
        if (rc != 0)
            fprintf(stderr, "unknot: %s\n", error);
        uk_app_pin_checked(&kiosk->app, right, now_ms);
        changed = true;
    }
    if (kiosk->app.screen == UK_SCREEN_ADMIN && kiosk->last_screen != UK_SCREEN_ADMIN &&
        kiosk->store)
        uk_store_refresh_stats(kiosk->store);
    kiosk->last_screen = kiosk->app.screen;
    if (kiosk->app.muted != kiosk->muted_applied) {
        uk_sound_set_muted(kiosk->service.sound, kiosk->app.muted);
        kiosk->muted_applied = kiosk->app.muted;
    }
    return changed;
}

/* The admin screen's numbers, read just before it is drawn: none of this touches a disk. */
static void fill_admin(uk_kiosk *kiosk)
{
    uk_admin_info *info = &kiosk->admin;
    info->have_store = kiosk->store != NULL;
    if (kiosk->store)
        uk_store_get_stats(kiosk->store, &info->stats);
    info->uptime_ms = kiosk->app.now_ms;
    info->content_problems = kiosk->service.content_problems;
    info->button_count = 0;
    info->buttons_state[0] = '\0';
    if (!kiosk->buttons)
        return;
    uk_button_hw hw;
    uk_button_input_hw(kiosk->buttons, &hw);
    if (hw.state == UK_BUTTON_HW_OK)
        snprintf(info->buttons_state, sizeof info->buttons_state, "%s %s%s%s",
                 uk_button_hw_state_name(hw.state), hw.chip, hw.chip_label[0] ? " / " : "",
                 hw.chip_label);
    else
        snprintf(info->buttons_state, sizeof info->buttons_state, "%s%s%s",
                 uk_button_hw_state_name(hw.state), hw.message[0] ? ": " : "", hw.message);
    const uk_buttons *buttons = uk_button_input_buttons(kiosk->buttons);
    for (int action = UK_ACTION_UP; action < UK_ACTION_COUNT; action++) {
        const uk_button_line *line = uk_buttons_line(buttons, (uk_action)action);
        uk_admin_button *out = &info->buttons[info->button_count++];
        *out = (uk_admin_button){.action = (uk_action)action, .line = hw.offset[action]};
        if (line) {
            out->down = line->down || line->raw;
            out->last_press_ms = line->last_press_ms;
            out->presses = line->presses;
        }
    }
}

/* Width of the kiosk's own frame: the output, less the emulated button panel if shown. */
static int frame_w(const uk_kiosk *kiosk)
{
    int panel = kiosk->buttons
                    ? uk_button_input_panel_width(kiosk->buttons, uk_display_height(kiosk->display))
                    : 0;
    return uk_display_width(kiosk->display) - panel;
}

/* Moves the buttons and the core on to `now_ms`; returns the earlier of their deadlines. */
static uint64_t tick(uk_kiosk *kiosk, uint64_t now_ms, bool *changed)
{
    uint64_t buttons = UINT64_MAX;
    if (kiosk->buttons)
        buttons = uk_button_input_tick(kiosk->buttons, &kiosk->app, now_ms, changed);
    uint64_t deadline = uk_app_tick(&kiosk->app, now_ms);
    store_sessions(kiosk);
    *changed |= admin_chores(kiosk, now_ms);
    return buttons < deadline ? buttons : deadline;
}

static void draw(uk_kiosk *kiosk, uint64_t now_ms)
{
    kiosk->drawn_since_trim = true;
    uk_viewport viewport = {frame_w(kiosk), uk_display_height(kiosk->display),
                            uk_display_px_per_mm(kiosk->display)};
    if (kiosk->app.screen == UK_SCREEN_ADMIN)
        fill_admin(kiosk);
    uk_ui_build(&kiosk->scene, &kiosk->app, &kiosk->ui, viewport, now_ms);
    uk_paint_stats stats;
    uk_painter_draw(kiosk->painter, &kiosk->scene, &stats);
    if (kiosk->buttons)
        uk_button_input_draw_panel(kiosk->buttons, kiosk->painter,
                                   uk_display_renderer(kiosk->display), viewport.w, viewport.h);
    if (kiosk->app.asleep && !kiosk->service.backlight) {
        /* No backlight to turn down: a black frame, or a darkened one. */
        int shade = kiosk->service.dim ? 255 * (100 - kiosk->service.dim_percent) / 100 : 255;
        SDL_SetRenderDrawBlendMode(uk_display_renderer(kiosk->display), SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(uk_display_renderer(kiosk->display), 0, 0, 0, (Uint8)shade);
        SDL_RenderFillRect(uk_display_renderer(kiosk->display), NULL);
        uk_painter_invalidate(kiosk->painter); /* the next frame must not build on this one */
    }
}

/*
 * Before a long sleep, once frames were drawn since the last time: hands
 * the heap's free pages back to the system. glibc keeps them otherwise, and
 * the text rasteriser's and SDL's temporary surfaces leave holes in the
 * heap that would count in the kiosk's memory for good (3 MB after a tour
 * of the screens). It takes well under a millisecond.
 */
static void give_back_memory(uk_kiosk *kiosk)
{
    if (!kiosk->drawn_since_trim)
        return;
    kiosk->drawn_since_trim = false;
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void present(uk_kiosk *kiosk)
{
    uint64_t presenting = kiosk->frame_fn ? uk_edge_clock_ns() : 0;
    uk_display_present(kiosk->display);
    kiosk->presented = true;
    if (kiosk->buttons)
        uk_button_input_frame_shown(kiosk->buttons);
    if (kiosk->frame_fn) {
        uk_kiosk_frame frame = {kiosk->woke_ns, presenting, uk_edge_clock_ns()};
        kiosk->frame_fn(kiosk->frame_ctx, &frame);
    }
}

void uk_kiosk_finish(uk_kiosk *kiosk)
{
    uk_notify_stopping(kiosk->service.notify, kiosk->app.in_session
                                                  ? "Stopping: storing the session under way"
                                                  : "Stopping");
    uk_app_shutdown(&kiosk->app, kiosk->app.now_ms);
    store_sessions(kiosk);
    if (kiosk->sessions_lost)
        fprintf(stderr, "unknot: %u session(s) could not be recorded\n", kiosk->sessions_lost);
}

/* ---- real time -------------------------------------------------------------- */

/* A press of any kind: what wakes a dark kiosk. */
static bool is_press(const SDL_Event *event, uk_input_kind *kind)
{
    switch (event->type) {
    case SDL_KEYDOWN:
        *kind = UK_INPUT_KEYBOARD;
        return !event->key.repeat && uk_input_key_action(event->key.keysym.sym) != UK_ACTION_NONE;
    case SDL_MOUSEBUTTONDOWN:
        *kind = UK_INPUT_TOUCH;
        return event->button.which != SDL_TOUCH_MOUSEID && event->button.button == SDL_BUTTON_LEFT;
    case SDL_FINGERDOWN:
        *kind = UK_INPUT_TOUCH;
        return true;
    default:
        return false;
    }
}

/* Handles one event. Returns true if the screen may have changed. */
static bool handle_event(uk_kiosk *kiosk, const SDL_Event *event, uint64_t now_ms, bool *running)
{
    uk_input_kind kind;
    switch (event->type) {
    case SDL_QUIT:
        if (!kiosk->service.lockdown) {
            *running = false;
            return false;
        }
        if (!kiosk->close_noted)
            fprintf(stderr, "unknot: a request to close the window was ignored: the kiosk is "
                            "locked down (stop it with systemctl stop unknot, or from the admin "
                            "screen)\n");
        kiosk->close_noted = true;
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
    default: {
        if (event->type >= SDL_USEREVENT) /* news from another thread, e.g. new statistics */
            return kiosk->app.screen == UK_SCREEN_ADMIN;
        if (kiosk->app.asleep && is_press(event, &kind)) {
            /* Dark screen: this press wakes it and does nothing else. */
            uk_app_handle(&kiosk->app, UK_ACTION_NONE, kind, now_ms);
            return true;
        }
        float x = 0, y = 0; /* a click or a touch: where on the frame */
        uk_display_event_point(kiosk->display, event, &x, &y);
        if (kiosk->buttons && uk_button_input_event(kiosk->buttons, event, x, y, frame_w(kiosk)))
            return false; /* the buttons' tick says what changed */
        return uk_input_event(&kiosk->app, &kiosk->scene, event, x, y, now_ms);
    }
    }
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

/* Why the loop must end now, if it must: a stop signal or the admin screen. */
static bool must_end(const uk_kiosk *kiosk)
{
    return uk_stop_requested(kiosk->service.stop) != 0 || kiosk->app.quit != UK_QUIT_NONE;
}

static int exit_status(const uk_kiosk *kiosk)
{
    return kiosk->app.quit == UK_QUIT_STOP ? UK_EXIT_ADMIN_STOP : 0;
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

    while (running && !must_end(kiosk)) {
        kiosk->woke_ns = uk_edge_clock_ns();
        uint64_t now = SDL_GetTicks64() - start;
        int64_t hours_change = check_hours(kiosk, now);
        uint64_t deadline = tick(kiosk, now, &redraw);
        redraw |= apply_power(kiosk);
        bool animating = uk_app_animating(&kiosk->app) && !kiosk->app.asleep;
        if (redraw || animating) {
            draw(kiosk, now);
            present(kiosk);
            last_frame = now;
            redraw = false;
        }
        tell_systemd(kiosk, now);

        /* Sleep until the next input, deadline or frame. */
        now = SDL_GetTicks64() - start;
        int64_t timeout;
        if (animating)
            timeout = uk_display_vsync(kiosk->display)
                          ? 0
                          : (int64_t)(last_frame + FRAME_MS) - (int64_t)now;
        else if (deadline == UINT64_MAX)
            timeout = -1;
        else
            timeout = deadline > now ? (int64_t)(deadline - now) : 0;
        /* Wake for the watchdog and for the opening hours, whatever the screen needs. */
        uint32_t wake = uk_notify_wake_ms(kiosk->service.notify);
        if (wake != UINT32_MAX && (timeout < 0 || timeout > (int64_t)wake))
            timeout = wake;
        if (hours_change != INT64_MAX && (timeout < 0 || timeout > hours_change))
            timeout = hours_change > 0 ? hours_change : 0;
        if (timeout > INT_MAX)
            timeout = INT_MAX;
        if (animating && timeout < 0) /* late for the next frame: only look at the events */
            timeout = 0;
        if (timeout < 0 || timeout >= LONG_SLEEP_MS)
            give_back_memory(kiosk);

        SDL_Event event;
        if (!uk_idle_wait(idle, &event, (int)timeout)) {
            redraw = !animating && !kiosk->app.asleep; /* a deadline passed: a timer moved */
            continue;
        }
        redraw |= drain_events(kiosk, &event, start, &running);
    }
    uk_idle_close(idle);
    return exit_status(kiosk);
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

/* Pushes a synthetic event through SDL's queue and the loop's own handling. */
static bool push_event(uk_kiosk *kiosk, SDL_Event *event, uint64_t now)
{
    bool running = true;
    SDL_PushEvent(event);
    SDL_Event got;
    while (SDL_PollEvent(&got))
        handle_event(kiosk, &got, now, &running);
    return running;
}

static void sleep_ms(uint64_t ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

int uk_kiosk_run_script(uk_kiosk *kiosk, const uk_script *script, const char *shots_dir)
{
    kiosk->wall_ms_at_zero = wall_now_ms();
    uint64_t now = 0;
    uint64_t real_start = SDL_GetTicks64();
    char error[512];

    for (size_t i = 0; i < script->count && !must_end(kiosk); i++) {
        const uk_script_command *cmd = &script->commands[i];
        kiosk->woke_ns = uk_edge_clock_ns();
        bool running = true;
        SDL_Event event = {0};
        SDL_PumpEvents();
        switch (cmd->verb) {
        case UK_SCRIPT_WAIT:
            if (cmd->wait_ms >= LONG_SLEEP_MS) /* as the real loop before a long sleep */
                give_back_memory(kiosk);
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
                              cmd->y * (float)uk_display_height(kiosk->display), cmd->kind, now))
                fprintf(stderr, "%s:%d: note: the tap at %.2f %.2f hit no button\n", script->path,
                        cmd->line, (double)cmd->x, (double)cmd->y);
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
            const char *showing =
                kiosk->app.asleep ? UK_SCRIPT_ASLEEP : uk_screen_name(kiosk->app.screen);
            if (strcmp(showing, cmd->arg) != 0) {
                fprintf(stderr, "%s:%d: expected screen '%s', but '%s' is showing\n", script->path,
                        cmd->line, cmd->arg, showing);
                return 3;
            }
            break;
        }
        case UK_SCRIPT_KEY:
            event.type = SDL_KEYDOWN;
            event.key.state = SDL_PRESSED;
            event.key.keysym.sym = cmd->key;
            event.key.keysym.scancode = SDL_GetScancodeFromKey(cmd->key);
            event.key.keysym.mod = (Uint16)cmd->key_mod;
            running = push_event(kiosk, &event, now);
            break;
        case UK_SCRIPT_EVENT_QUIT:
            event.type = SDL_QUIT;
            running = push_event(kiosk, &event, now);
            break;
        case UK_SCRIPT_HOURS:
            kiosk->scripted_hours = true;
            uk_app_set_open(&kiosk->app, cmd->open != 0, now);
            break;
        case UK_SCRIPT_STALL: {
            char status[128];
            snprintf(status, sizeof status, "Script stalls the loop for %.1f s",
                     (double)cmd->wait_ms / 1000);
            give_back_memory(kiosk); /* before saying so: a benchmark reads the memory then */
            uk_notify_status(kiosk->service.notify, status);
            sleep_ms(cmd->wait_ms);
            break;
        }
        }
        if (!running) {
            fprintf(stderr,
                    "%s:%d: the kiosk was asked to close; the rest of the script is "
                    "not run\n",
                    script->path, cmd->line);
            break;
        }
        bool changed = false; /* a frame after every command, whatever changed: see kiosk.h */
        tick(kiosk, now, &changed);
        apply_power(kiosk);
        draw(kiosk, now);
        present(kiosk);
        tell_systemd(kiosk, SDL_GetTicks64() - real_start);
    }
    return 0;
}
