/*
 * app.c: the screen state machine.
 *
 * Rules kept here, in one place:
 *   - HELP reaches the doctor screen from every screen; while a routine
 *     plays, it pauses the routine first and "Back" resumes it. A heat or
 *     cold timer is never paused: the pack stays on the skin.
 *   - A session ends exactly once, with one outcome, and is queued in the
 *     outbox for the shell to store.
 *   - Answering "Still there?", waking the attract mode or waking a kiosk
 *     asleep outside its opening hours consumes the input: the press that
 *     wakes the kiosk never also chooses something.
 *   - Going home after idle puts the kiosk back in its own language.
 */
#include "app/core/app.h"

#include <string.h>

static const char *const screen_names[UK_SCREEN_COUNT] = {
    "home", "player", "heat-cold", "cards", "done", "doctor", "about", "admin-pin", "admin"};

const char *uk_screen_name(uk_screen screen)
{
    return (unsigned)screen < UK_SCREEN_COUNT ? screen_names[screen] : "?";
}

void uk_app_config_defaults(uk_app_config *cfg)
{
    *cfg = (uk_app_config){
        .idle_ms = 90000,
        .still_there_ms = 20000,
        .attract_cycle_ms = 8000,
        .timing = {.get_ready_ms = 5000, .switch_ms = 5000},
        .lang = "en",
    };
    uk_pin_lock_config_defaults(&cfg->pin_lock);
    uk_scan_config_defaults(&cfg->scan);
}

static void set_language(uk_app *app, size_t lang)
{
    app->lang = lang < app->catalog->lang_count ? lang : 0;
    app->routines = app->catalog->langs[app->lang].routines;
    app->routine_count = app->catalog->routine_count;
}

void uk_app_init(uk_app *app, const uk_app_config *cfg, const uk_catalog *catalog, uint64_t now_ms)
{
    memset(app, 0, sizeof *app);
    app->cfg = *cfg;
    app->catalog = catalog;
    int lang = uk_catalog_find_lang(catalog, cfg->lang);
    app->default_lang = lang >= 0 ? (size_t)lang : 0;
    set_language(app, app->default_lang);
    app->screen = UK_SCREEN_HOME;
    app->last_input_ms = now_ms;
    app->now_ms = now_ms;
    app->attract = true;
    app->attract_since = now_ms;
    app->last_count_in = -1;
    app->muted = cfg->muted;
    uk_pin_lock_init(&app->pin_lock, &cfg->pin_lock);
    if (cfg->scanning)
        uk_app_set_scanning(app, true, now_ms);
}

const uk_strings *uk_app_strings(const uk_app *app)
{
    return app->catalog->langs[app->lang].strings;
}

static void go_to(uk_app *app, uk_screen screen)
{
    app->screen = screen;
    app->focus = 0;
}

static const uk_routine *session_routine(const uk_app *app)
{
    return &app->routines[app->routine_index];
}

const uk_action uk_player_buttons[3] = {UK_ACTION_SELECT, UK_ACTION_DOWN, UK_ACTION_BACK};
const uk_action uk_cards_buttons[3] = {UK_ACTION_UP, UK_ACTION_SELECT, UK_ACTION_BACK};

/*
 * The outboxes (sessions, cues, views) are small arrays of `cap` items of `size` bytes,
 * oldest first; when one is full, the oldest item goes to make room.
 */
static void outbox_push(void *items, size_t size, size_t *count, size_t cap, const void *item)
{
    unsigned char *bytes = items;
    if (*count == cap) {
        memmove(bytes, bytes + size, size * (cap - 1));
        (*count)--;
    }
    memcpy(bytes + size * (*count)++, item, size);
}

/* Takes the oldest item into `out`: 1, or 0 if there is none. */
static int outbox_take(void *items, size_t size, size_t *count, void *out)
{
    if (*count == 0)
        return 0;
    unsigned char *bytes = items;
    memcpy(out, bytes, size);
    memmove(bytes, bytes + size, size * --(*count));
    return 1;
}

static void cue(uk_app *app, uk_cue what)
{
    outbox_push(app->cues, sizeof app->cues[0], &app->cue_count, UK_APP_CUES, &what);
}

/* The person opened `screen`: counted for the usage log if it is one the log counts. */
static void view(uk_app *app, uk_screen screen)
{
    if (screen == UK_SCREEN_DOCTOR || screen == UK_SCREEN_ABOUT)
        outbox_push(app->views, sizeof app->views[0], &app->view_count, UK_APP_VIEWS, &screen);
}

int uk_app_take_view(uk_app *app, uk_screen *out)
{
    return outbox_take(app->views, sizeof app->views[0], &app->view_count, out);
}

int uk_app_take_cue(uk_app *app, uk_cue *out)
{
    return outbox_take(app->cues, sizeof app->cues[0], &app->cue_count, out);
}

/* ---- sessions --------------------------------------------------------------- */

static uk_input_kind main_input(const uk_app *app)
{
    uk_input_kind best = app->first_input;
    for (int kind = 0; kind < UK_INPUT_KIND_COUNT; kind++)
        if (app->input_count[kind] > app->input_count[best])
            best = (uk_input_kind)kind;
    return best;
}

/* How far the session got, in the parts the usage log counts. */
static void progress(const uk_app *app, uint8_t *done, uint8_t *total)
{
    const uk_routine *routine = session_routine(app);
    switch (routine->type) {
    case UK_ROUTINE_HEAT_COLD:
        *done = app->hc.phases_done;
        *total = app->hc.phase_count;
        break;
    case UK_ROUTINE_CARDS:
        *done = (uint8_t)app->cards_seen;
        *total = routine->card_count;
        break;
    default:
        *done = app->player.steps_done;
        *total = routine->step_count;
        break;
    }
}

static void end_session(uk_app *app, uk_outcome outcome, uint64_t ended_ms)
{
    if (!app->in_session)
        return;
    const uk_routine *routine = session_routine(app);
    uk_session session = {
        .started_ms = app->session_start_ms,
        .ended_ms = ended_ms,
        .outcome = outcome,
        .input = main_input(app),
    };
    progress(app, &session.steps_done, &session.steps_total);
    memcpy(session.routine, routine->id, sizeof session.routine);
    memcpy(session.lang, app->catalog->langs[app->lang].code, sizeof session.lang);

    outbox_push(app->outbox, sizeof app->outbox[0], &app->outbox_count, UK_APP_OUTBOX, &session);

    app->in_session = false;
    app->still_there = false;
    app->paused_for_doctor = false;
    app->done_routine = app->routine_index;
    app->done_seconds = (uint32_t)((ended_ms - app->session_start_ms + 500) / 1000);
    if (outcome == UK_OUTCOME_COMPLETED)
        cue(app, UK_CUE_DONE);
}

static void start_session(uk_app *app, size_t index, uk_input_kind kind, uint64_t now_ms)
{
    const uk_routine *routine = &app->routines[index];
    app->in_session = true;
    app->routine_index = index;
    app->session_start_ms = now_ms;
    memset(app->input_count, 0, sizeof app->input_count);
    app->input_count[kind] = 1;
    app->first_input = kind;
    app->still_there = false;
    app->paused_for_doctor = false;
    app->last_count_in = -1;
    switch (routine->type) {
    case UK_ROUTINE_HEAT_COLD:
        uk_heat_cold_start(&app->hc, &routine->heat_cold);
        go_to(app, UK_SCREEN_HEAT_COLD);
        break;
    case UK_ROUTINE_CARDS:
        app->card = 0;
        app->cards_seen = 1;
        go_to(app, UK_SCREEN_CARDS);
        break;
    default:
        uk_player_start(&app->player, routine, &app->cfg.timing, now_ms);
        go_to(app, UK_SCREEN_PLAYER);
        break;
    }
}

/* A finished session shows the done screen, unless the doctor screen is up: then after it. */
static void complete_session(uk_app *app, uint64_t at)
{
    end_session(app, UK_OUTCOME_COMPLETED, at);
    app->last_input_ms = at; /* the done screen gets its full idle time */
    if (app->screen == UK_SCREEN_DOCTOR)
        app->doctor_return = UK_SCREEN_DONE;
    else
        go_to(app, UK_SCREEN_DONE);
}

static void go_home(uk_app *app)
{
    go_to(app, UK_SCREEN_HOME);
    app->still_there = false;
}

/* ---- admin ------------------------------------------------------------------ */

static void move_focus(uk_app *app, int delta);

static void wipe_pin(uk_app *app)
{
    memset(app->pin, 0, sizeof app->pin);
    app->pin_len = 0;
    app->pin_pending = false;
}

/* The PIN pad, in front of the admin screen. A session under way ends as stopped. */
static void open_admin(uk_app *app, uint64_t now_ms)
{
    end_session(app, UK_OUTCOME_STOPPED, now_ms);
    app->attract = false;
    app->asleep = false;
    app->still_there = false;
    app->pin_wrong = false;
    app->stop_armed = false;
    wipe_pin(app);
    go_to(app, UK_SCREEN_ADMIN_PIN);
}

/* Staff asking for the admin screen: the PIN pad, unless it or the admin screen is open. */
static void request_admin(uk_app *app, uint64_t now_ms)
{
    if (app->screen != UK_SCREEN_ADMIN_PIN && app->screen != UK_SCREEN_ADMIN)
        open_admin(app, now_ms);
}

/* One key of the pad: items 0..8 are 1..9, item 9 is 0, then delete and OK. */
static void press_pin_key(uk_app *app, int key, uint64_t now_ms)
{
    if (!app->cfg.admin_pin_set || app->pin_pending || uk_pin_lock_locked(&app->pin_lock, now_ms))
        return;
    app->pin_wrong = false;
    if (key >= 0 && key < 10) {
        if (app->pin_len < UK_PIN_MAX_DIGITS)
            app->pin[app->pin_len++] = key == 9 ? '0' : (char)('1' + key);
    } else if (key == UK_PIN_KEY_DELETE) {
        if (app->pin_len > 0)
            app->pin[--app->pin_len] = '\0';
    } else if (key == UK_PIN_KEY_OK && app->pin_len >= 4) {
        app->pin_pending = true;
    }
}

int uk_app_take_pin(uk_app *app, char *out, size_t len)
{
    if (!app->pin_pending || len < (size_t)app->pin_len + 1)
        return 0;
    memcpy(out, app->pin, app->pin_len);
    out[app->pin_len] = '\0';
    return 1;
}

void uk_app_pin_checked(uk_app *app, bool correct, uint64_t now_ms)
{
    if (!app->pin_pending)
        return;
    wipe_pin(app);
    if (uk_pin_lock_attempt(&app->pin_lock, correct, now_ms) == UK_PIN_LOCK_ACCEPTED) {
        app->admin_page = UK_ADMIN_DAYS;
        go_to(app, UK_SCREEN_ADMIN);
    } else {
        app->pin_wrong = true;
    }
}

static void handle_admin(uk_app *app, uk_action action, uint64_t now_ms)
{
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        if (app->focus < UK_ADMIN_PAGE_COUNT)
            app->admin_page = app->focus;
        return;
    }
    if (action == UK_ACTION_BACK) {
        go_home(app);
        return;
    }
    if (action != UK_ACTION_SELECT)
        return;
    bool armed = app->stop_armed;
    app->stop_armed = false;
    switch (app->focus) {
    case UK_ADMIN_SOUND:
        app->muted = !app->muted;
        break;
    case UK_ADMIN_RESTART:
        uk_app_request_quit(app, UK_QUIT_RESTART);
        break;
    case UK_ADMIN_STOP:
        if (armed) {
            uk_app_request_quit(app, UK_QUIT_STOP);
        } else {
            app->stop_armed = true;
            app->stop_armed_ms = now_ms;
        }
        break;
    case UK_ADMIN_CLOSE:
        go_home(app);
        break;
    default:
        if (app->focus >= 0 && app->focus < UK_ADMIN_PAGE_COUNT)
            app->admin_page = app->focus;
        break;
    }
}

int uk_app_take_session(uk_app *app, uk_session *out)
{
    return outbox_take(app->outbox, sizeof app->outbox[0], &app->outbox_count, out);
}

void uk_app_shutdown(uk_app *app, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    end_session(app, UK_OUTCOME_STOPPED, now_ms);
}

/* ---- time ------------------------------------------------------------------- */

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Step changes and the count-in before a step, as sounds. */
static void cue_player(uk_app *app, uint8_t step_before, uk_phase phase_before, uint8_t side_before,
                       uint64_t now_ms)
{
    const uk_player *player = &app->player;
    if (player->phase == UK_PHASE_ACTIVE &&
        (player->step != step_before || phase_before != UK_PHASE_ACTIVE ||
         player->side_index != side_before))
        cue(app, UK_CUE_STEP);
    if (player->phase != phase_before)
        app->last_count_in = -1;
    if (player->phase == UK_PHASE_GET_READY && !player->paused) {
        uk_player_view view;
        uk_player_view_at(player, now_ms, &view);
        if (view.seconds_left >= 1 && view.seconds_left <= 3 &&
            (int)view.seconds_left != app->last_count_in) {
            app->last_count_in = (int)view.seconds_left;
            cue(app, UK_CUE_COUNT_IN);
        }
    }
}

/* Moves a playing routine on to `now_ms`, asking "Still there?" when idle. */
static void tick_player(uk_app *app, uint64_t now_ms)
{
    uk_player *player = &app->player;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    uint8_t step = player->step, side = player->side_index;
    uk_phase phase = player->phase;

    if (!app->still_there) {
        if (player->paused) {
            if (now_ms >= idle_at) {
                app->still_there = true;
                app->still_since_ms = idle_at;
            }
        } else {
            /* Hold before the next step only once nobody has done anything for idle_ms:
             * a press since the gate closed opens it again. */
            player->gate = false;
            uk_player_advance(player, min_u64(now_ms, idle_at));
            if (now_ms >= idle_at && player->phase != UK_PHASE_DONE) {
                player->gate = true;
                uk_player_advance(player, now_ms);
                if (player->phase == UK_PHASE_HELD) {
                    app->still_there = true;
                    app->still_since_ms = player->phase_start;
                }
            }
        }
    }
    cue_player(app, step, phase, side, now_ms);
    if (player->phase == UK_PHASE_DONE)
        complete_session(app, player->phase_start);
}

/* Moves the heat and cold session on; its running phases never ask "Still there?". */
static void tick_heat_cold(uk_app *app, uint64_t now_ms)
{
    uk_heat_cold *hc = &app->hc;
    uint64_t ended_at = hc->phase_start + hc->phase_ms;
    if (uk_heat_cold_advance(hc, now_ms)) {
        cue(app, UK_CUE_CHIME);
        app->last_input_ms = ended_at; /* the next pack gets its full idle time */
        if (app->screen == UK_SCREEN_HEAT_COLD)
            app->focus = 0;
        if (hc->stage == UK_HEAT_COLD_FINISHED)
            complete_session(app, ended_at);
    }
}

/* The idle rule for a session waiting on the person (not a playing routine). */
static void ask_when_idle(uk_app *app, uint64_t now_ms)
{
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (app->still_there || now_ms < idle_at)
        return;
    if (app->screen == UK_SCREEN_DOCTOR) /* ask on the session's own screen */
        go_to(app, app->doctor_return);
    app->still_there = true;
    app->still_since_ms = idle_at;
}

static bool hc_running(const uk_app *app)
{
    return app->in_session && session_routine(app)->type == UK_ROUTINE_HEAT_COLD &&
           app->hc.stage == UK_HEAT_COLD_RUNNING;
}

static uint64_t next_deadline(const uk_app *app, uint64_t now_ms);
static uint64_t tick_scan(uk_app *app, uint64_t now_ms);

uint64_t uk_app_tick(uk_app *app, uint64_t now_ms)
{
    if (now_ms < app->now_ms)
        now_ms = app->now_ms;
    app->now_ms = now_ms;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;

    if (app->in_session) {
        switch (session_routine(app)->type) {
        case UK_ROUTINE_HEAT_COLD:
            tick_heat_cold(app, now_ms);
            if (app->in_session && !hc_running(app))
                ask_when_idle(app, now_ms);
            break;
        case UK_ROUTINE_CARDS:
            ask_when_idle(app, now_ms);
            break;
        default:
            if (app->screen == UK_SCREEN_PLAYER)
                tick_player(app, now_ms);
            else
                ask_when_idle(app, now_ms);
            break;
        }
        if (app->in_session && app->still_there &&
            now_ms >= app->still_since_ms + app->cfg.still_there_ms) {
            end_session(app, UK_OUTCOME_TIMED_OUT, app->still_since_ms);
            go_home(app);
        }
    }
    if (app->corner_since && now_ms >= app->corner_since + UK_APP_CORNER_MS) {
        /* A press held on the corner: staff asking for the admin screen. */
        uint64_t at = app->corner_since + UK_APP_CORNER_MS;
        app->corner_since = 0;
        app->last_input_ms = at;
        request_admin(app, at);
    }
    if (app->stop_armed && now_ms >= app->stop_armed_ms + 5000)
        app->stop_armed = false;
    idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (!app->in_session && now_ms >= idle_at) {
        if (app->screen != UK_SCREEN_HOME || app->focus != 0 || app->lang != app->default_lang) {
            go_home(app);
            set_language(app, app->default_lang);
        }
        if (!app->attract) {
            app->attract = true;
            app->attract_since = idle_at;
        }
        /* Outside opening hours, idle at home: asleep, until an input or the shell. */
        if (app->closed && app->screen == UK_SCREEN_HOME)
            app->asleep = true;
    }

    uint64_t next = min_u64(tick_scan(app, now_ms), next_deadline(app, now_ms));
    if (app->corner_since)
        next = min_u64(next, app->corner_since + UK_APP_CORNER_MS);
    if (app->stop_armed)
        next = min_u64(next, app->stop_armed_ms + 5000);
    return next;
}

/* When uk_app_tick must next be called, scanning, the held corner and the armed stop aside. */
static uint64_t next_deadline(const uk_app *app, uint64_t now_ms)
{
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    /* When the next call is needed. */
    if (app->in_session && app->still_there) {
        uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
        uint64_t next_second = now_ms + 1000 - (now_ms - app->still_since_ms) % 1000;
        return min_u64(end, next_second);
    }
    if (app->in_session && app->screen == UK_SCREEN_PLAYER) {
        uint64_t deadline = uk_player_next_deadline(&app->player, now_ms);
        if (idle_at > now_ms)
            deadline = min_u64(deadline, idle_at); /* when to close the gate */
        return deadline;
    }
    if (hc_running(app))
        return uk_heat_cold_next_deadline(&app->hc, now_ms);
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
        app->asleep = false;
    uk_app_tick(app, now_ms);
}

void uk_app_request_quit(uk_app *app, uk_quit how)
{
    if (app->quit == UK_QUIT_NONE)
        app->quit = how;
}

bool uk_app_animating(const uk_app *app)
{
    if (app->asleep)
        return false;
    if (app->screen == UK_SCREEN_HOME)
        return app->attract && app->routine_count > 0;
    if (!app->in_session || app->screen != UK_SCREEN_PLAYER || app->still_there ||
        app->player.paused)
        return false;
    /* The figure moves while a step runs, and before it while it shows how to get into
     * position; once there it waits still for the countdown. */
    uk_phase phase = app->player.phase;
    if (phase == UK_PHASE_ACTIVE)
        return true;
    if (phase != UK_PHASE_GET_READY && phase != UK_PHASE_SWITCH_SIDES)
        return false;
    uk_player_view view;
    uk_player_view_at(&app->player, app->now_ms, &view);
    const uk_motion *motion =
        uk_motion_find(app->catalog->motions, app->catalog->motion_count, view.step->motion);
    return motion && view.elapsed_ms < uk_motion_entry_ms(motion);
}

size_t uk_app_attract_routine(const uk_app *app, uint64_t now_ms)
{
    if (app->routine_count == 0 || app->cfg.attract_cycle_ms == 0)
        return 0;
    uint64_t since = now_ms > app->attract_since ? now_ms - app->attract_since : 0;
    return (size_t)(since / app->cfg.attract_cycle_ms % app->routine_count);
}

/* ---- single-switch scanning ----------------------------------------------------- */

/* Screens whose buttons are actions rather than items: scanning makes them items. */
static int action_buttons(const uk_app *app)
{
    return app->screen == UK_SCREEN_PLAYER || app->screen == UK_SCREEN_CARDS ? 3 : 0;
}

/* Whether the screen shows the doctor button, which scanning reaches last. */
static bool shows_help(const uk_app *app)
{
    return app->screen != UK_SCREEN_DOCTOR && app->screen != UK_SCREEN_ADMIN &&
           app->screen != UK_SCREEN_ADMIN_PIN && !app->attract && !app->still_there;
}

/* Everything scanning moves over on the current screen; nothing while asleep or attracting. */
static int scan_items(const uk_app *app)
{
    if (app->attract || app->asleep)
        return 0;
    int n = action_buttons(app);
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

int uk_app_home_language_item(const uk_app *app)
{
    return app->catalog->lang_count > 1 ? (int)app->routine_count : -1;
}

int uk_app_home_about_item(const uk_app *app)
{
    return (int)app->routine_count + (app->catalog->lang_count > 1 ? 1 : 0);
}

int uk_app_item_count(const uk_app *app)
{
    switch (app->screen) {
    case UK_SCREEN_HOME:
        return uk_app_home_about_item(app) + 1;
    case UK_SCREEN_DOCTOR:
        return app->in_session ? 2 : 1;
    case UK_SCREEN_DONE:
        return 1;
    case UK_SCREEN_HEAT_COLD:
        return app->hc.stage == UK_HEAT_COLD_PREPARE ? 1 : 2;
    case UK_SCREEN_ABOUT:
        return app->routine_count > 0 ? (int)app->routine_count : 1;
    case UK_SCREEN_ADMIN_PIN:
        return app->cfg.admin_pin_set ? UK_PIN_KEY_COUNT : 0;
    case UK_SCREEN_ADMIN:
        return UK_ADMIN_ITEM_COUNT;
    case UK_SCREEN_PLAYER:
    case UK_SCREEN_CARDS:
    case UK_SCREEN_COUNT:
        break;
    }
    return 0;
}

static void move_focus(uk_app *app, int delta)
{
    int count = uk_app_item_count(app);
    int focus = app->focus + delta;
    if (focus >= 0 && focus < count)
        app->focus = focus;
}

static void open_doctor(uk_app *app, uint64_t now_ms)
{
    if (app->screen == UK_SCREEN_DOCTOR)
        return;
    app->paused_for_doctor = false;
    if (app->in_session && app->screen == UK_SCREEN_PLAYER && !app->player.paused) {
        uk_player_pause(&app->player, now_ms);
        app->paused_for_doctor = app->player.paused;
    }
    app->doctor_return = app->screen;
    app->doctor_reported = false;
    go_to(app, UK_SCREEN_DOCTOR);
    view(app, UK_SCREEN_DOCTOR);
}

static void leave_doctor(uk_app *app, uint64_t now_ms)
{
    if (app->in_session) {
        if (app->paused_for_doctor)
            uk_player_resume(&app->player, now_ms);
        app->paused_for_doctor = false;
        go_to(app, app->doctor_return);
    } else if (app->doctor_reported || app->doctor_return == UK_SCREEN_PLAYER ||
               app->doctor_return == UK_SCREEN_HEAT_COLD || app->doctor_return == UK_SCREEN_CARDS) {
        go_home(app);
    } else {
        go_to(app, app->doctor_return);
    }
}

static void select_doctor_item(uk_app *app, int item, uint64_t now_ms)
{
    if (item == UK_DOCTOR_HAVE_ONE && app->in_session) {
        end_session(app, UK_OUTCOME_DOCTOR, now_ms);
        app->doctor_reported = true;
        app->focus = 0;
        return;
    }
    leave_doctor(app, now_ms);
}

static void stop_session(uk_app *app, uint64_t now_ms)
{
    end_session(app, UK_OUTCOME_STOPPED, now_ms);
    go_home(app);
}

static void handle_player(uk_app *app, uk_action action, uint64_t now_ms)
{
    uk_player *player = &app->player;
    switch (action) {
    case UK_ACTION_SELECT:
        if (player->paused)
            uk_player_resume(player, now_ms);
        else
            uk_player_pause(player, now_ms);
        break;
    case UK_ACTION_DOWN:
        uk_player_skip(player, now_ms);
        tick_player(app, now_ms);
        break;
    case UK_ACTION_BACK:
        stop_session(app, now_ms);
        break;
    default:
        break;
    }
}

static void handle_heat_cold(uk_app *app, uk_action action, uint64_t now_ms)
{
    uk_heat_cold *hc = &app->hc;
    if (action == UK_ACTION_BACK) {
        stop_session(app, now_ms);
        return;
    }
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        return;
    }
    if (action != UK_ACTION_SELECT)
        return;
    switch (hc->stage) {
    case UK_HEAT_COLD_QUESTION:
        uk_heat_cold_answer(hc, app->focus == UK_HEAT_COLD_ITEM_NEW);
        app->focus = 0;
        break;
    case UK_HEAT_COLD_PREPARE:
        uk_heat_cold_begin(hc, now_ms);
        cue(app, UK_CUE_STEP);
        app->focus = 0;
        break;
    case UK_HEAT_COLD_RUNNING:
        if (app->focus == UK_HEAT_COLD_ITEM_END) {
            uk_heat_cold_end_phase(hc);
            app->focus = 0;
            if (hc->stage == UK_HEAT_COLD_FINISHED)
                complete_session(app, now_ms);
        } else {
            uk_heat_cold_add_minute(hc, now_ms);
        }
        break;
    case UK_HEAT_COLD_FINISHED:
        break;
    }
}

static void show_card(uk_app *app, int card)
{
    app->card = card;
    if (card + 1 > app->cards_seen)
        app->cards_seen = card + 1;
}

static void handle_cards(uk_app *app, uk_action action, uint64_t now_ms)
{
    int count = session_routine(app)->card_count;
    switch (action) {
    case UK_ACTION_UP:
        if (app->card > 0)
            show_card(app, app->card - 1);
        break;
    case UK_ACTION_DOWN:
    case UK_ACTION_SELECT:
        if (app->card + 1 < count)
            show_card(app, app->card + 1);
        else if (action == UK_ACTION_SELECT)
            complete_session(app, now_ms);
        break;
    case UK_ACTION_BACK:
        if (app->cards_seen >= count)
            complete_session(app, now_ms);
        else
            stop_session(app, now_ms);
        break;
    default:
        break;
    }
}

static void handle_home(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    } else if (action == UK_ACTION_BACK) {
        app->focus = 0;
    } else if (action == UK_ACTION_SELECT) {
        if (app->focus < (int)app->routine_count) {
            start_session(app, (size_t)app->focus, kind, now_ms);
        } else if (app->focus == uk_app_home_language_item(app)) {
            set_language(app, (app->lang + 1) % app->catalog->lang_count);
        } else {
            go_to(app, UK_SCREEN_ABOUT);
            view(app, UK_SCREEN_ABOUT);
        }
    }
}

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
 * of the player's or the cards' buttons, or the doctor button. A press that
 * wakes a resting scan chooses nothing.
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
    if (shows_help(app) && item == count - 1)
        handle(app, UK_ACTION_HELP, kind, now_ms);
    else if (app->screen == UK_SCREEN_PLAYER)
        handle(app, uk_player_buttons[item], kind, now_ms);
    else if (app->screen == UK_SCREEN_CARDS)
        handle(app, uk_cards_buttons[item], kind, now_ms);
    else
        uk_app_choose(app, item, kind, now_ms);
}

void uk_app_handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    if (app->scanning && action == UK_ACTION_SELECT && kind == UK_INPUT_BUTTON && !app->attract &&
        !app->asleep && !app->still_there) {
        scan_press(app, kind, now_ms);
        return;
    }
    handle(app, action, kind, now_ms);
}

static void handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);

    if (app->asleep || app->attract) {
        /* The first touch only wakes the kiosk: a dark screen, or the attract mode. */
        app->asleep = false;
        app->attract = false;
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
        open_doctor(app, now_ms);
        return;
    }

    switch (app->screen) {
    case UK_SCREEN_HOME:
        handle_home(app, action, kind, now_ms);
        break;
    case UK_SCREEN_PLAYER:
        handle_player(app, action, now_ms);
        break;
    case UK_SCREEN_HEAT_COLD:
        handle_heat_cold(app, action, now_ms);
        break;
    case UK_SCREEN_CARDS:
        handle_cards(app, action, now_ms);
        break;
    case UK_SCREEN_DONE:
        if (action == UK_ACTION_SELECT || action == UK_ACTION_BACK)
            go_home(app);
        break;
    case UK_SCREEN_DOCTOR:
        if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
            move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        else if (action == UK_ACTION_SELECT)
            select_doctor_item(app, app->focus, now_ms);
        else if (action == UK_ACTION_BACK)
            leave_doctor(app, now_ms);
        break;
    case UK_SCREEN_ABOUT:
        if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
            move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        else if (action == UK_ACTION_SELECT || action == UK_ACTION_BACK)
            go_home(app);
        break;
    case UK_SCREEN_ADMIN_PIN:
        if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
            move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        else if (action == UK_ACTION_SELECT)
            press_pin_key(app, app->focus, now_ms);
        else if (action == UK_ACTION_BACK) {
            wipe_pin(app);
            go_home(app);
        }
        break;
    case UK_SCREEN_ADMIN:
        handle_admin(app, action, now_ms);
        break;
    case UK_SCREEN_COUNT:
        break;
    }
}

void uk_app_go_home(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);
    app->asleep = false;
    app->attract = false;
    end_session(app, UK_OUTCOME_STOPPED, now_ms);
    go_home(app);
}

void uk_app_admin_request(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    request_admin(app, take_input(app, &kind, now_ms));
}

void uk_app_corner(uk_app *app, bool down, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    if (!down)
        app->corner_since = 0;
    else if (!app->corner_since)
        app->corner_since = app->now_ms ? app->now_ms : 1;
}

void uk_app_type(uk_app *app, char key, uk_input_kind kind, uint64_t now_ms)
{
    if (app->screen != UK_SCREEN_ADMIN_PIN || app->attract || app->asleep)
        return;
    now_ms = take_input(app, &kind, now_ms);
    if (key >= '1' && key <= '9')
        press_pin_key(app, key - '1', now_ms);
    else if (key == '0')
        press_pin_key(app, 9, now_ms);
    else if (key == '\b')
        press_pin_key(app, UK_PIN_KEY_DELETE, now_ms);
    else if (key == '\n')
        press_pin_key(app, UK_PIN_KEY_OK, now_ms);
}

void uk_app_choose(uk_app *app, int item, uk_input_kind kind, uint64_t now_ms)
{
    if (app->still_there || app->attract || app->asleep) {
        handle(app, UK_ACTION_SELECT, kind, now_ms);
        return;
    }
    if (item < 0 || item >= uk_app_item_count(app))
        return;
    app->focus = item;
    handle(app, UK_ACTION_SELECT, kind, now_ms);
}
