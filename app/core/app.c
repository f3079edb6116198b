/*
 * app.c: the screen state machine: what every screen shares, and the road
 * from an input to the rules of the screen showing.
 *
 * Rules kept here, in one place:
 *   - HELP reaches the doctor screen from every screen (the doctor screen's
 *     rules say what it pauses and where "Back" goes).
 *   - A session ends exactly once, with one outcome, and leaves one
 *     STORE_SESSION effect for the shell.
 *   - Answering "Still there?", waking the attract mode or waking a kiosk
 *     asleep outside its opening hours consumes the input: the press that
 *     wakes the kiosk never also chooses something.
 *   - Going home after idle puts the kiosk back in its own language.
 *   - Everything the world outside must do leaves as an effect; nothing here
 *     calls out.
 * What a press does on one screen is that screen's rules
 * (app/core/<name>_screen.c), reached through the table in screen.h.
 */
#include "app/core/app.h"

#include <string.h>

#include "app/core/app_internal.h"

/* How long a first press on the admin screen's Stop waits for the second. */
#define STOP_CONFIRM_MS 5000

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

static const uk_screen_rules *rules(const uk_app *app)
{
    return uk_screen_rules_of(app->screen);
}

/* ---- set-up ----------------------------------------------------------------- */

void uk_app_config_defaults(uk_app_config *cfg)
{
    *cfg = (uk_app_config){
        .idle_ms = 90000,
        .confirm_stop_ms = 8000,
        .still_there_ms = 20000,
        .attract_cycle_ms = 8000,
        .settle_ms = 400,
        .timing = {.get_ready_ms = 5000, .switch_ms = 5000},
        .lang = "en",
    };
    uk_pin_lock_config_defaults(&cfg->pin_lock);
    uk_scan_config_defaults(&cfg->scan);
}

void uk_app_set_language(uk_app *app, size_t lang)
{
    app->lang = lang < app->catalog->lang_count ? lang : 0;
    app->routines = app->catalog->langs[app->lang].routines;
    app->routine_count = app->catalog->routine_count;
}

/* The panel's brightness follows the sleep: an effect each time it changes. */
static void set_asleep(uk_app *app, bool asleep)
{
    if (app->asleep == asleep)
        return;
    app->asleep = asleep;
    uk_effect effect = {.kind = UK_EFFECT_SET_BRIGHTNESS, .at_ms = app->now_ms};
    effect.percent = asleep ? app->cfg.asleep_percent : 100;
    uk_app_push(app, &effect);
}

/* ---- what is shown ---------------------------------------------------------- */

/* What is shown, summed up: a change of any of these is a change a person must see first. */
static uint32_t shown(const uk_app *app)
{
    uint32_t sig = (uint32_t)app->screen;
    sig = sig * 2 + app->still_there;
    sig = sig * 2 + app->attract;
    sig = sig * 2 + app->asleep;
    sig = sig * 2 + app->doctor_reported;
    if (app->attract && !app->asleep) /* a touch must not start the routine just gone */
        sig = sig * 64 + (uint32_t)(uk_app_attract_routine(app, app->now_ms) % 64);
    if (app->in_session && app->screen == UK_SCREEN_HEAT_COLD) {
        sig = sig * 16 + (uint32_t)app->hc.stage * 4 + app->hc.phase_index;
        /* At the pack's maximum the highlight moves by itself: a press waits to see it. */
        uint32_t most = uk_heat_cold_max_ms(app->hc.settings, uk_heat_cold_current(&app->hc));
        sig = sig * 2 + (app->hc.phase_ms + 60000 > most);
    }
    return sig;
}

/* Notes the moment what is shown changed, at `now_ms`. */
static void note_shown(uk_app *app, uint64_t now_ms)
{
    uint32_t sig = shown(app);
    if (sig != app->shown) {
        app->shown = sig;
        app->shown_since = now_ms;
    }
}

/* True while presses wait for the person to see what changed. HELP from a button never waits. */
static bool settling(const uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    if (kind == UK_INPUT_BUTTON && action == UK_ACTION_HELP)
        return false;
    if (app->shown_since == UINT64_MAX)
        return false;
    return now_ms >= app->shown_since && now_ms - app->shown_since < app->cfg.settle_ms;
}

void uk_app_init(uk_app *app, const uk_app_config *cfg, const uk_catalog *catalog, uint64_t now_ms)
{
    memset(app, 0, sizeof *app);
    app->cfg = *cfg;
    app->catalog = catalog;
    int lang = uk_catalog_find_lang(catalog, cfg->lang);
    app->default_lang = lang >= 0 ? (size_t)lang : 0;
    uk_app_set_language(app, app->default_lang);
    app->screen = UK_SCREEN_HOME;
    app->last_input_ms = now_ms;
    app->now_ms = now_ms;
    app->attract = true;
    app->attract_since = now_ms;
    app->last_count_in = -1;
    app->muted = cfg->start_muted;
    uk_effect_queue_init(&app->effects);
    /* Full brightness from the start: a run that was killed may have left the panel dark. */
    uk_app_push(app,
                &(uk_effect){.kind = UK_EFFECT_SET_BRIGHTNESS, .at_ms = now_ms, .percent = 100});
    uk_pin_lock_init(&app->pin_lock, &cfg->pin_lock);
    if (cfg->scanning)
        uk_app_set_scanning(app, true, now_ms);
    app->shown = shown(app);
    app->shown_since = UINT64_MAX; /* the first screen replaces nothing: no press waits for it */
}

const uk_strings *uk_app_strings(const uk_app *app)
{
    return app->catalog->langs[app->lang].strings;
}

/* ---- effects ---------------------------------------------------------------- */

void uk_app_push(uk_app *app, const uk_effect *effect)
{
    uk_effect_push(&app->effects, effect);
}

bool uk_app_take_effect(uk_app *app, uk_effect *out)
{
    return uk_effect_take(&app->effects, out);
}

void uk_app_cue(uk_app *app, uk_effect_cue cue)
{
    if (app->muted)
        return;
    uk_app_push(app, &(uk_effect){.kind = UK_EFFECT_PLAY_CUE, .at_ms = app->now_ms, .cue = cue});
}

void uk_app_set_muted(uk_app *app, bool muted)
{
    if (app->muted == muted)
        return;
    app->muted = muted;
    uk_app_push(app,
                &(uk_effect){.kind = UK_EFFECT_SET_MUTE, .at_ms = app->now_ms, .muted = muted});
}

void uk_app_request_quit(uk_app *app, uk_effect_quit how)
{
    if (app->quitting)
        return;
    app->quitting = true;
    uk_app_push(app, &(uk_effect){.kind = UK_EFFECT_QUIT, .at_ms = app->now_ms, .quit = how});
}

/* ---- screens ---------------------------------------------------------------- */

void uk_app_go_to(uk_app *app, uk_screen screen)
{
    app->screen = screen;
    app->focus = 0;
}

void uk_app_open_screen(uk_app *app, uk_screen screen, uint64_t now_ms)
{
    const uk_screen_rules *r = uk_screen_rules_of(screen);
    if (r->enter)
        r->enter(app, now_ms);
    uk_app_go_to(app, screen);
    if (r->counted)
        uk_app_push(app, &(uk_effect){
                             .kind = UK_EFFECT_COUNT_VIEW, .at_ms = app->now_ms, .screen = screen});
}

void uk_app_show_home(uk_app *app)
{
    uk_app_go_to(app, UK_SCREEN_HOME);
    app->still_there = false;
    /* Back on home, the highlight is where the person left it: on the routine just done. */
    if (app->home_focus < uk_app_item_count(app))
        app->focus = app->home_focus;
}

int uk_app_item_count(const uk_app *app)
{
    const uk_screen_rules *r = rules(app);
    return r->items ? r->items(app) : 0;
}

void uk_app_move_focus(uk_app *app, int delta)
{
    int count = uk_app_item_count(app);
    int focus = app->focus + delta;
    if (focus >= 0 && focus < count)
        app->focus = focus;
}

void uk_app_wake(uk_app *app)
{
    app->attract = false;
    set_asleep(app, false);
    app->still_there = false;
}

/* ---- time ------------------------------------------------------------------- */

void uk_app_ask_when_idle(uk_app *app, uint64_t now_ms)
{
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (app->still_there || now_ms < idle_at)
        return;
    if (app->screen == UK_SCREEN_DOCTOR) /* ask on the session's own screen */
        uk_app_go_to(app, app->doctor_return);
    app->still_there = true;
    app->still_since_ms = idle_at;
}

static uint64_t next_deadline(const uk_app *app, uint64_t now_ms);
static uint64_t tick_scan(uk_app *app, uint64_t now_ms);

/* Staff asking for the admin screen: the PIN pad, unless it or the admin screen is open. */
static void request_admin(uk_app *app, uint64_t now_ms)
{
    if (app->screen != UK_SCREEN_ADMIN_PIN && app->screen != UK_SCREEN_ADMIN)
        uk_app_open_screen(app, UK_SCREEN_ADMIN_PIN, now_ms);
}

uint64_t uk_app_tick(uk_app *app, uint64_t now_ms)
{
    if (now_ms < app->now_ms)
        now_ms = app->now_ms;
    app->now_ms = now_ms;

    if (app->in_session) {
        const uk_screen_rules *r = uk_app_session_rules(app);
        if (r->session_tick)
            r->session_tick(app, now_ms);
        if (app->in_session && app->still_there &&
            now_ms >= app->still_since_ms + app->cfg.still_there_ms) {
            uk_app_end_session(app, UK_OUTCOME_TIMED_OUT, app->still_since_ms);
            uk_app_show_home(app);
        }
    }
    if (app->corner_since && now_ms >= app->corner_since + UK_APP_CORNER_MS) {
        /* A press held on the corner: staff asking for the admin screen. */
        uint64_t at = app->corner_since + UK_APP_CORNER_MS;
        app->corner_since = 0;
        app->last_input_ms = at;
        request_admin(app, at);
    }
    if (app->stop_armed && now_ms >= app->stop_armed_ms + STOP_CONFIRM_MS)
        app->stop_armed = false;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (!app->in_session && now_ms >= idle_at) {
        if (app->screen != UK_SCREEN_HOME || app->focus != 0 || app->lang != app->default_lang) {
            app->home_focus = 0; /* the next person starts at the top */
            uk_app_show_home(app);
            uk_app_set_language(app, app->default_lang);
        }
        if (!app->attract) {
            app->attract = true;
            app->attract_since = idle_at;
        }
        /* Outside opening hours, idle at home: asleep, until an input or the shell. */
        if (app->closed && app->screen == UK_SCREEN_HOME)
            set_asleep(app, true);
    }

    const uk_screen_rules *showing = rules(app);
    if (showing->tick)
        showing->tick(app, now_ms);
    note_shown(app, now_ms);
    uint64_t next = min_u64(tick_scan(app, now_ms), next_deadline(app, now_ms));
    uint64_t own;
    if (showing == rules(app) && showing->deadline && showing->deadline(app, now_ms, &own))
        next = min_u64(next, own);
    if (app->corner_since)
        next = min_u64(next, app->corner_since + UK_APP_CORNER_MS);
    if (app->stop_armed)
        next = min_u64(next, app->stop_armed_ms + STOP_CONFIRM_MS);
    return next;
}

/* When uk_app_tick must next be called, scanning, the held corner and the armed stop aside. */
static uint64_t next_deadline(const uk_app *app, uint64_t now_ms)
{
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (app->in_session && app->still_there) {
        uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
        uint64_t next_second = now_ms + 1000 - (now_ms - app->still_since_ms) % 1000;
        return min_u64(end, next_second);
    }
    uint64_t deadline;
    if (app->in_session && uk_app_session_rules(app)->session_deadline &&
        uk_app_session_rules(app)->session_deadline(app, now_ms, &deadline))
        return deadline;
    if (app->screen == UK_SCREEN_ADMIN_PIN && uk_pin_lock_locked(&app->pin_lock, now_ms))
        idle_at = min_u64(idle_at, now_ms + 1000 - now_ms % 1000); /* the lockout counts down */
    if (app->closed && !app->in_session && app->screen == UK_SCREEN_HOME)
        return app->asleep ? UINT64_MAX : idle_at;
    if (app->attract && app->routine_count > 0 && app->cfg.attract_cycle_ms > 0) {
        uint64_t cycle = app->cfg.attract_cycle_ms;
        return now_ms + cycle - (now_ms - app->attract_since) % cycle;
    }
    if (app->attract)
        return UINT64_MAX;
    return idle_at;
}

void uk_app_set_open(uk_app *app, bool open, uint64_t now_ms)
{
    app->closed = !open;
    if (open)
        set_asleep(app, false);
    uk_app_tick(app, now_ms);
}

bool uk_app_animating(const uk_app *app)
{
    if (app->asleep)
        return false;
    const uk_screen_rules *r = rules(app);
    return r->animating && r->animating(app);
}

size_t uk_app_attract_routine(const uk_app *app, uint64_t now_ms)
{
    if (app->routine_count == 0 || app->cfg.attract_cycle_ms == 0)
        return 0;
    uint64_t since = now_ms > app->attract_since ? now_ms - app->attract_since : 0;
    return (size_t)(since / app->cfg.attract_cycle_ms % app->routine_count);
}

/* ---- single-switch scanning ----------------------------------------------------- */

/* Whether the screen shows the doctor button, which scanning reaches last. */
static bool shows_help(const uk_app *app)
{
    return rules(app)->help && !app->attract && !app->still_there;
}

/* Everything scanning moves over on the current screen; nothing while asleep or attracting. */
static int scan_items(const uk_app *app)
{
    if (app->attract || app->asleep)
        return 0;
    int n = rules(app)->action_count;
    if (n == 0)
        n = uk_app_item_count(app);
    return n + (shows_help(app) ? 1 : 0);
}

int uk_app_scan_highlight(const uk_app *app)
{
    return app->scanning ? uk_scan_highlight(&app->scan) : -1;
}

bool uk_app_scan_on_help(const uk_app *app)
{
    return app->scanning && shows_help(app) && uk_scan_highlight(&app->scan) == scan_items(app) - 1;
}

void uk_app_set_scanning(uk_app *app, bool on, uint64_t now_ms)
{
    app->scanning = on;
    if (on)
        uk_scan_init(&app->scan, &app->cfg.scan, scan_items(app), now_ms);
}

/* Scanning's highlight is the screen's focus when it is on one of the screen's items. */
static uint64_t tick_scan(uk_app *app, uint64_t now_ms)
{
    if (!app->scanning)
        return UINT64_MAX;
    uint64_t next = uk_scan_tick(&app->scan, scan_items(app), now_ms);
    int highlight = uk_scan_highlight(&app->scan);
    if (highlight >= 0 && highlight < uk_app_item_count(app))
        app->focus = highlight;
    return next;
}

/* ---- input ------------------------------------------------------------------ */

/* Moves time on to an input of `kind` and counts it. Returns the input's time. */
static uint64_t take_input(uk_app *app, uk_input_kind *kind, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    app->last_input_ms = app->now_ms;
    if ((unsigned)*kind >= UK_INPUT_KIND_COUNT)
        *kind = UK_INPUT_KEYBOARD;
    if (app->in_session)
        app->input_count[*kind]++;
    return app->now_ms;
}

static void handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms);

/*
 * A button's SELECT while scanning chooses what is highlighted: an item, one
 * of the screen's action buttons, or the doctor button. A press that wakes a
 * resting scan chooses nothing.
 */
static void scan_press(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    int count = scan_items(app);
    int item = uk_scan_press(&app->scan, count, now_ms);
    if (item < 0) {
        if (count == 0)
            handle(app, UK_ACTION_SELECT, kind, now_ms);
        else
            take_input(app, &kind, now_ms);
        return;
    }
    const uk_screen_rules *r = rules(app);
    if (shows_help(app) && item == count - 1)
        handle(app, UK_ACTION_HELP, kind, now_ms);
    else if (item < r->action_count)
        handle(app, r->actions[item], kind, now_ms);
    else
        uk_app_choose(app, item, kind, now_ms);
}

void uk_app_handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    if (settling(app, action, kind, app->now_ms))
        return;
    if (app->scanning && action == UK_ACTION_SELECT && kind == UK_INPUT_BUTTON && !app->attract &&
        !app->asleep && !app->still_there) {
        scan_press(app, kind, now_ms);
        return;
    }
    handle(app, action, kind, now_ms);
}

static void handle_input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms);

static void handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    handle_input(app, action, kind, now_ms);
    note_shown(app, app->now_ms);
}

static void handle_input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);

    if (app->asleep || app->attract) {
        /* The first touch only wakes the kiosk: a dark screen, or the attract mode. On the
         * attract mode, though, HELP is as plain as it gets: the doctor screen at once. */
        bool dark = app->asleep;
        set_asleep(app, false);
        app->attract = false;
        if (dark || action != UK_ACTION_HELP)
            return;
    }
    if (app->still_there) {
        /* The answer to "Still there?" does nothing else. */
        app->still_there = false;
        if (app->screen == UK_SCREEN_PLAYER)
            uk_player_release(&app->player, now_ms);
        return;
    }
    if (action == UK_ACTION_HELP) {
        if (app->screen != UK_SCREEN_DOCTOR)
            uk_app_open_screen(app, UK_SCREEN_DOCTOR, now_ms);
        return;
    }
    const uk_screen_rules *r = rules(app);
    if (r->input)
        r->input(app, action, kind, now_ms);
}

void uk_app_go_home(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);
    set_asleep(app, false);
    app->attract = false;
    uk_app_end_session(app, UK_OUTCOME_STOPPED, now_ms);
    uk_app_show_home(app);
    note_shown(app, now_ms);
}

void uk_app_admin_request(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);
    request_admin(app, now_ms);
    note_shown(app, now_ms);
}

void uk_app_corner(uk_app *app, bool down, uint64_t now_ms)
{
    if (!down && !app->corner_since)
        return; /* every release says so; only one that ends a hold matters */
    uk_app_tick(app, now_ms);
    if (!down)
        app->corner_since = 0;
    else if (!app->corner_since && !app->asleep) /* a dark screen's corner is not in view */
        app->corner_since = app->now_ms ? app->now_ms : 1;
}

void uk_app_pin_checked(uk_app *app, bool correct, uint64_t now_ms)
{
    const uk_screen_rules *r = rules(app);
    if (r->pin_checked)
        r->pin_checked(app, correct, now_ms);
    note_shown(app, now_ms);
}

void uk_app_type(uk_app *app, char key, uk_input_kind kind, uint64_t now_ms)
{
    const uk_screen_rules *r = rules(app);
    if (!r->type || app->attract || app->asleep)
        return;
    now_ms = take_input(app, &kind, now_ms);
    r->type(app, key, now_ms);
}

void uk_app_choose(uk_app *app, int item, uk_input_kind kind, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    if (settling(app, UK_ACTION_SELECT, kind, app->now_ms))
        return;
    if (app->attract && !app->asleep && item >= 0 &&
        (size_t)item == uk_app_attract_routine(app, app->now_ms)) {
        /* A touch on the routine the attract mode shows starts it at once. It is input from
         * now: the idle time starts again, and the attract mode does not come straight back. */
        app->last_input_ms = app->now_ms;
        app->attract = false;
        app->focus = item;
        handle(app, UK_ACTION_SELECT, kind, now_ms);
        return;
    }
    if (app->still_there || app->attract || app->asleep) {
        handle(app, UK_ACTION_SELECT, kind, now_ms);
        return;
    }
    if (item < 0 || item >= uk_app_item_count(app))
        return;
    app->focus = item;
    handle(app, UK_ACTION_SELECT, kind, now_ms);
}

void uk_app_input(uk_app *app, const uk_input *input)
{
    switch (input->type) {
    case UK_INPUT_PRESS:
        /* A key that types on the PIN pad types there; elsewhere it is its action. A press
         * that means nothing (a tap beside every button) only wakes a dark screen. */
        if (input->key && rules(app)->type && !app->attract && !app->asleep)
            uk_app_type(app, input->key, input->kind, input->at_ms);
        else if (input->action != UK_ACTION_NONE)
            uk_app_handle(app, input->action, input->kind, input->at_ms);
        else if (!input->key && app->asleep)
            uk_app_handle(app, UK_ACTION_NONE, input->kind, input->at_ms);
        break;
    case UK_INPUT_CHOOSE:
        uk_app_choose(app, input->item, input->kind, input->at_ms);
        break;
    case UK_INPUT_CORNER:
        uk_app_corner(app, input->down, input->at_ms);
        break;
    case UK_INPUT_GO_HOME:
        uk_app_go_home(app, input->kind, input->at_ms);
        break;
    case UK_INPUT_ADMIN:
        uk_app_admin_request(app, input->kind, input->at_ms);
        break;
    }
}

void uk_app_set_buttons(uk_app *app, unsigned wired)
{
    app->buttons = wired;
}

/* ---- what the shell may ask ---------------------------------------------------- */

uk_screen uk_app_screen(const uk_app *app)
{
    return app->screen;
}

bool uk_app_asleep(const uk_app *app)
{
    return app->asleep;
}

uint64_t uk_app_now(const uk_app *app)
{
    return app->now_ms;
}

const char *uk_app_session_routine(const uk_app *app)
{
    return app->in_session ? uk_app_session_data(app)->id : NULL;
}

size_t uk_app_routine_count(const uk_app *app)
{
    return app->routine_count;
}
