/*
 * kiosk.c: the kiosk's turn: inputs into the core, effects out of it, and
 * the frame drawn.
 *
 * Invariants:
 *   - the core hears every input through uk_app_input, and the kiosk
 *     carries out every effect the core queues right after the call that
 *     queued it (uk_kiosk_do_effects): the core is never asked what
 *     changed, and no core field is read here;
 *   - a tap is resolved against the frame that was on screen, which is the
 *     scene kept in the kiosk until the next frame is drawn (and the button
 *     panel's likewise);
 *   - nothing here allocates once the loop runs.
 */
#include "platform/loop/kiosk_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim */
#endif

#include "app/view/panel.h"
#include "platform/system/pin_hash.h"

/* Inputs taken from the buttons in one go; more wait for the next go. */
#define BUTTON_INPUTS 16

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
    uk_app_init(&kiosk->app, cfg, uk_content_catalog(content), 0);
    return kiosk;
}

void uk_kiosk_free(uk_kiosk *kiosk)
{
    free(kiosk);
}

void uk_kiosk_serve(uk_kiosk *kiosk, const uk_kiosk_service *service)
{
    kiosk->service = *service;
    kiosk->ui.backlight = service->backlight != NULL;
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

/* ---- effects ---------------------------------------------------------------- */

/* Queued for the store's writer thread, which does the disk work and says why when full. */
static void store_session(uk_kiosk *kiosk, const uk_session *session)
{
    uk_session_row row;
    uk_session_to_row(session, kiosk->wall_ms_at_zero, &row);
    if (!kiosk->store || uk_store_append_session(kiosk->store, &row) != 0)
        kiosk->sessions_lost++;
}

/* The PIN's slow hash, checked only when the pad asks; the digits are wiped after. */
static void check_pin(uk_kiosk *kiosk, uk_effect *effect)
{
    const char *hash = kiosk->service.pin_hash ? kiosk->service.pin_hash : "";
    bool right = false;
    char error[256];
    int rc = uk_pin_hash_check(effect->pin, hash, &right, error, sizeof error);
    memset(effect->pin, 0, sizeof effect->pin);
    if (rc != 0)
        fprintf(stderr, "unknot: %s\n", error);
    uk_app_pin_checked(&kiosk->app, right, effect->at_ms);
}

/* The backlight follows the core's sleep; without one the frame is darkened (app/view/ui.c). */
static void set_brightness(uk_kiosk *kiosk, int percent)
{
    if (!kiosk->service.backlight)
        return;
    char error[512];
    if (uk_backlight_set(kiosk->service.backlight, percent, error, sizeof error) != 0) {
        fprintf(stderr, "unknot: %s; darkening the screen by drawing from now on\n", error);
        kiosk->service.backlight = NULL;
        kiosk->ui.backlight = false;
    }
}

bool uk_kiosk_do_effects(uk_kiosk *kiosk)
{
    bool changed = false;
    uk_effect effect;
    while (uk_app_take_effect(&kiosk->app, &effect)) {
        switch (effect.kind) {
        case UK_EFFECT_STORE_SESSION:
            store_session(kiosk, &effect.session);
            break;
        case UK_EFFECT_COUNT_VIEW:
            if (kiosk->store) /* the store rounds the time down to the hour */
                uk_store_count_view(kiosk->store, uk_screen_name(effect.screen),
                                    (kiosk->wall_ms_at_zero + (int64_t)effect.at_ms) / 1000);
            break;
        case UK_EFFECT_PLAY_CUE:
            uk_sound_play(kiosk->service.sound, effect.cue);
            break;
        case UK_EFFECT_CHECK_PIN:
            check_pin(kiosk, &effect);
            changed = true;
            break;
        case UK_EFFECT_REFRESH_STATS:
            if (kiosk->store)
                uk_store_refresh_stats(kiosk->store);
            break;
        case UK_EFFECT_SET_MUTE:
            if (effect.muted)
                uk_sound_silence(kiosk->service.sound);
            break;
        case UK_EFFECT_SET_BRIGHTNESS:
            set_brightness(kiosk, effect.percent);
            changed = true;
            break;
        case UK_EFFECT_QUIT:
            if (!kiosk->quit)
                kiosk->quit = effect.quit;
            break;
        case UK_EFFECT_KIND_COUNT:
            break;
        }
    }
    return changed;
}

/* ---- inputs ----------------------------------------------------------------- */

bool uk_kiosk_feed(uk_kiosk *kiosk, const uk_input *inputs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        uk_app_input(&kiosk->app, &inputs[i]);
    bool changed = uk_kiosk_do_effects(kiosk);
    /* Only a release of the corner changes nothing on screen. */
    for (size_t i = 0; i < count; i++)
        changed |= inputs[i].type != UK_INPUT_CORNER || inputs[i].down;
    return changed;
}

/* The buttons at hand, as the core is told: the emulated panel's five, or the wired lines
 * while the GPIO chip answers. */
static unsigned buttons_at_hand(uk_kiosk *kiosk)
{
    if (!kiosk->buttons)
        return 0;
    if (uk_button_input_has_panel(kiosk->buttons))
        return ((1u << UK_ACTION_COUNT) - 1) & ~(1u << UK_ACTION_NONE);
    uk_button_hw hw;
    uk_button_input_hw(kiosk->buttons, &hw);
    unsigned wired = 0;
    for (int action = UK_ACTION_UP; hw.state == UK_BUTTON_HW_OK && action < UK_ACTION_COUNT;
         action++)
        if (hw.offset[action] >= 0)
            wired |= 1u << action;
    return wired;
}

uint64_t uk_kiosk_tick(uk_kiosk *kiosk, uint64_t now_ms, bool *changed)
{
    uint64_t buttons = UINT64_MAX;
    unsigned wired = buttons_at_hand(kiosk);
    if (wired != kiosk->buttons_wired) {
        kiosk->buttons_wired = wired;
        uk_app_set_buttons(&kiosk->app, wired);
        *changed = true;
    }
    if (kiosk->buttons) {
        uk_input inputs[BUTTON_INPUTS];
        size_t n;
        do {
            n = uk_button_input_read(kiosk->buttons, now_ms, inputs, BUTTON_INPUTS, &buttons,
                                     changed);
            *changed |= uk_kiosk_feed(kiosk, inputs, n);
        } while (n == BUTTON_INPUTS);
    }
    uint64_t deadline = uk_app_tick(&kiosk->app, now_ms);
    *changed |= uk_kiosk_do_effects(kiosk);
    return buttons < deadline ? buttons : deadline;
}

bool uk_kiosk_must_end(const uk_kiosk *kiosk)
{
    return uk_stop_requested(kiosk->service.stop) != 0 || kiosk->quit != 0;
}

void uk_kiosk_finish(uk_kiosk *kiosk)
{
    uk_notify_stopping(kiosk->service.notify, uk_app_session_routine(&kiosk->app)
                                                  ? "Stopping: storing the session under way"
                                                  : "Stopping");
    uk_app_shutdown(&kiosk->app, uk_app_now(&kiosk->app));
    uk_kiosk_do_effects(kiosk);
    if (kiosk->sessions_lost)
        fprintf(stderr, "unknot: %u session(s) could not be recorded\n", kiosk->sessions_lost);
}

/* ---- drawing ---------------------------------------------------------------- */

/* The admin screen's numbers, read just before it is drawn: none of this touches a disk. */
static void fill_admin(uk_kiosk *kiosk)
{
    uk_admin_info *info = &kiosk->admin;
    info->have_store = kiosk->store != NULL;
    if (kiosk->store)
        uk_store_get_stats(kiosk->store, &info->stats);
    info->uptime_ms = uk_app_now(&kiosk->app);
    info->content_problems = kiosk->service.content_problems;
    info->button_count = 0;
    info->buttons_state[0] = '\0';
    if (!kiosk->buttons)
        return;
    uk_button_hw hw;
    uk_button_input_hw(kiosk->buttons, &hw);
    if (hw.state == UK_BUTTON_HW_OK)
        snprintf(info->buttons_state, sizeof info->buttons_state, "%s %s%s%s",
                 uk_buttons_hw_state_name(hw.state), hw.chip, hw.chip_label[0] ? " / " : "",
                 hw.chip_label);
    else
        snprintf(info->buttons_state, sizeof info->buttons_state, "%s%s%s",
                 uk_buttons_hw_state_name(hw.state), hw.message[0] ? ": " : "", hw.message);
    const uk_buttons *buttons = uk_button_input_buttons(kiosk->buttons);
    for (int action = UK_ACTION_UP; action < UK_ACTION_COUNT; action++) {
        const uk_button_line *line = uk_buttons_line(buttons, (uk_action)action);
        uk_admin_info_button *out = &info->buttons[info->button_count++];
        *out = (uk_admin_info_button){.action = (uk_action)action, .line = hw.offset[action]};
        if (line) {
            out->down = line->down || line->raw;
            out->last_press_ms = line->last_press_ms;
            out->presses = line->presses;
        }
    }
}

int uk_kiosk_frame_width(const uk_kiosk *kiosk)
{
    int h = uk_display_height(kiosk->display);
    int panel = kiosk->buttons ? uk_button_input_panel_width(kiosk->buttons, h) : 0;
    return uk_display_width(kiosk->display) - panel;
}

/* The emulated button panel right of the frame, lit as the buttons are. */
static void draw_panel(uk_kiosk *kiosk, int frame_w, int h)
{
    if (!kiosk->buttons || !uk_button_input_has_panel(kiosk->buttons))
        return;
    uk_button_hw hw;
    uk_button_input_hw(kiosk->buttons, &hw);
    uk_panel_build(&kiosk->panel, uk_panel_width(h), h, uk_button_input_buttons(kiosk->buttons),
                   &hw);
    uk_painter_draw_over(kiosk->painter, &kiosk->panel, frame_w, 0, NULL);
}

void uk_kiosk_draw(uk_kiosk *kiosk, uint64_t now_ms)
{
    kiosk->drawn_since_trim = true;
    uk_viewport viewport = {uk_kiosk_frame_width(kiosk), uk_display_height(kiosk->display),
                            uk_display_px_per_mm(kiosk->display)};
    if (uk_app_screen(&kiosk->app) == UK_SCREEN_ADMIN)
        fill_admin(kiosk);
    uk_ui_build(&kiosk->scene, &kiosk->app, &kiosk->ui, viewport, now_ms);
    uk_painter_stats stats;
    uk_painter_draw(kiosk->painter, &kiosk->scene, &stats);
    draw_panel(kiosk, viewport.w, viewport.h);
}

/*
 * Hands the heap's free pages back to the system. glibc keeps them
 * otherwise, and the text rasteriser's and SDL's temporary surfaces leave
 * holes in the heap that would count in the kiosk's memory for good (3 MB
 * after a tour of the screens). It takes well under a millisecond.
 */
void uk_kiosk_give_back_memory(uk_kiosk *kiosk)
{
    if (!kiosk->drawn_since_trim)
        return;
    kiosk->drawn_since_trim = false;
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void uk_kiosk_present(uk_kiosk *kiosk)
{
    uint64_t presenting = kiosk->frame_fn ? uk_edge_queue_clock_ns() : 0;
    uk_display_present(kiosk->display);
    kiosk->presented = true;
    if (kiosk->buttons)
        uk_button_input_frame_shown(kiosk->buttons);
    if (kiosk->frame_fn) {
        uk_kiosk_frame frame = {kiosk->woke_ns, presenting, uk_edge_queue_clock_ns()};
        kiosk->frame_fn(kiosk->frame_ctx, &frame);
    }
}
