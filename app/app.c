/*
 * app.c: the screen state machine.
 *
 * Rules kept here, in one place:
 *   - HELP reaches the doctor screen from every screen; while a routine
 *     plays, it pauses the routine first and "Back" resumes it.
 *   - A session ends exactly once, with one outcome, and is queued in the
 *     outbox for the shell to store.
 *   - Answering "Still there?" consumes the input: the press that wakes the
 *     kiosk never also chooses something.
 */
#include "app/app.h"

#include <string.h>

static const char *const screen_names[UK_SCREEN_COUNT] = {"home", "player", "done", "doctor"};

const char *uk_screen_name(uk_screen screen)
{
    return (unsigned)screen < UK_SCREEN_COUNT ? screen_names[screen] : "?";
}

void uk_app_config_defaults(uk_app_config *cfg)
{
    *cfg = (uk_app_config){
        .idle_ms = 90000,
        .still_there_ms = 20000,
        .timing = {.get_ready_ms = 5000, .switch_ms = 5000},
        .lang = "en",
    };
}

void uk_app_init(uk_app *app, const uk_app_config *cfg, const uk_routine *routines,
                 size_t routine_count, uint64_t now_ms)
{
    memset(app, 0, sizeof *app);
    app->cfg = *cfg;
    app->routines = routines;
    app->routine_count = routine_count;
    app->screen = UK_SCREEN_HOME;
    app->last_input_ms = now_ms;
    app->now_ms = now_ms;
}

static void go_to(uk_app *app, uk_screen screen)
{
    app->screen = screen;
    app->focus = 0;
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

static void end_session(uk_app *app, uk_outcome outcome, uint64_t ended_ms)
{
    if (!app->in_session)
        return;
    const uk_routine *routine = &app->routines[app->routine_index];
    uk_session session = {
        .started_ms = app->session_start_ms,
        .ended_ms = ended_ms,
        .steps_done = app->player.steps_done,
        .steps_total = routine->step_count,
        .outcome = outcome,
        .input = main_input(app),
    };
    memcpy(session.routine, routine->id, sizeof session.routine);
    memcpy(session.lang, app->cfg.lang, sizeof session.lang);

    if (app->outbox_count == UK_APP_OUTBOX) {
        memmove(&app->outbox[0], &app->outbox[1], sizeof app->outbox[0] * (UK_APP_OUTBOX - 1));
        app->outbox_count--;
        app->outbox_dropped++;
    }
    app->outbox[app->outbox_count++] = session;

    app->in_session = false;
    app->still_there = false;
    app->paused_for_doctor = false;
    app->done_routine = app->routine_index;
    app->done_seconds = (uint32_t)((ended_ms - app->session_start_ms + 500) / 1000);
}

static void start_session(uk_app *app, size_t index, uk_input_kind kind, uint64_t now_ms)
{
    app->in_session = true;
    app->routine_index = index;
    app->session_start_ms = now_ms;
    memset(app->input_count, 0, sizeof app->input_count);
    app->input_count[kind] = 1;
    app->first_input = kind;
    app->still_there = false;
    app->paused_for_doctor = false;
    uk_player_start(&app->player, &app->routines[index], &app->cfg.timing, now_ms);
    go_to(app, UK_SCREEN_PLAYER);
}

int uk_app_take_session(uk_app *app, uk_session *out)
{
    if (app->outbox_count == 0)
        return 0;
    *out = app->outbox[0];
    app->outbox_count--;
    memmove(&app->outbox[0], &app->outbox[1], sizeof app->outbox[0] * app->outbox_count);
    return 1;
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

/* Moves a playing routine on to `now_ms`, asking "Still there?" when idle. */
static void tick_player(uk_app *app, uint64_t now_ms)
{
    uk_player *player = &app->player;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;

    if (!app->still_there) {
        if (player->paused) {
            if (now_ms >= idle_at) {
                app->still_there = true;
                app->still_since_ms = idle_at;
            }
        } else {
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
    if (player->phase == UK_PHASE_DONE) {
        end_session(app, UK_OUTCOME_COMPLETED, player->phase_start);
        go_to(app, UK_SCREEN_DONE);
        app->last_input_ms = player->phase_start; /* the done screen gets its full idle time */
        return;
    }
    if (app->still_there && now_ms >= app->still_since_ms + app->cfg.still_there_ms) {
        end_session(app, UK_OUTCOME_TIMED_OUT, app->still_since_ms);
        go_to(app, UK_SCREEN_HOME);
    }
}

uint64_t uk_app_tick(uk_app *app, uint64_t now_ms)
{
    if (now_ms < app->now_ms)
        now_ms = app->now_ms;
    app->now_ms = now_ms;

    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    if (app->in_session && app->screen == UK_SCREEN_PLAYER) {
        tick_player(app, now_ms);
    } else if (now_ms >= idle_at) {
        if (app->in_session)
            end_session(app, UK_OUTCOME_TIMED_OUT, idle_at);
        if (app->screen != UK_SCREEN_HOME || app->focus != 0)
            go_to(app, UK_SCREEN_HOME);
    }

    /* When the next call is needed. */
    if (app->in_session && app->screen == UK_SCREEN_PLAYER) {
        if (app->still_there) {
            uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
            uint64_t next_second = now_ms + 1000 - (now_ms - app->still_since_ms) % 1000;
            return min_u64(end, next_second);
        }
        uint64_t deadline = uk_player_next_deadline(&app->player, now_ms);
        if (idle_at > now_ms)
            deadline = min_u64(deadline, idle_at); /* when to close the gate */
        return deadline;
    }
    if (app->screen == UK_SCREEN_HOME && app->focus == 0 && !app->in_session)
        return UINT64_MAX;
    return app->last_input_ms + app->cfg.idle_ms;
}

bool uk_app_animating(const uk_app *app)
{
    return app->in_session && app->screen == UK_SCREEN_PLAYER && !app->still_there &&
           !app->player.paused && app->player.phase == UK_PHASE_ACTIVE;
}

/* ---- input ------------------------------------------------------------------ */

int uk_app_item_count(const uk_app *app)
{
    switch (app->screen) {
    case UK_SCREEN_HOME:
        return (int)app->routine_count;
    case UK_SCREEN_DOCTOR:
        return app->in_session ? 2 : 1;
    case UK_SCREEN_DONE:
        return 1;
    case UK_SCREEN_PLAYER:
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
    if (app->in_session && !app->player.paused) {
        uk_player_pause(&app->player, now_ms);
        app->paused_for_doctor = app->player.paused;
    }
    app->doctor_return = app->screen;
    app->doctor_reported = false;
    go_to(app, UK_SCREEN_DOCTOR);
}

static void leave_doctor(uk_app *app, uint64_t now_ms)
{
    if (app->in_session) {
        if (app->paused_for_doctor)
            uk_player_resume(&app->player, now_ms);
        app->paused_for_doctor = false;
        go_to(app, UK_SCREEN_PLAYER);
    } else if (app->doctor_reported || app->doctor_return == UK_SCREEN_PLAYER) {
        go_to(app, UK_SCREEN_HOME);
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
        end_session(app, UK_OUTCOME_STOPPED, now_ms);
        go_to(app, UK_SCREEN_HOME);
        break;
    default:
        break;
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

void uk_app_handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);

    if (app->still_there) {
        /* The answer to "Still there?" does nothing else. */
        app->still_there = false;
        uk_player_release(&app->player, now_ms);
        return;
    }
    if (action == UK_ACTION_HELP) {
        open_doctor(app, now_ms);
        return;
    }

    switch (app->screen) {
    case UK_SCREEN_HOME:
        if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
            move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        else if (action == UK_ACTION_SELECT && app->routine_count > 0)
            start_session(app, (size_t)app->focus, kind, now_ms);
        else if (action == UK_ACTION_BACK)
            app->focus = 0;
        break;
    case UK_SCREEN_PLAYER:
        handle_player(app, action, now_ms);
        break;
    case UK_SCREEN_DONE:
        if (action == UK_ACTION_SELECT || action == UK_ACTION_BACK)
            go_to(app, UK_SCREEN_HOME);
        break;
    case UK_SCREEN_DOCTOR:
        if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
            move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        else if (action == UK_ACTION_SELECT)
            select_doctor_item(app, app->focus, now_ms);
        else if (action == UK_ACTION_BACK)
            leave_doctor(app, now_ms);
        break;
    case UK_SCREEN_COUNT:
        break;
    }
}

void uk_app_go_home(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    now_ms = take_input(app, &kind, now_ms);
    end_session(app, UK_OUTCOME_STOPPED, now_ms);
    go_to(app, UK_SCREEN_HOME);
}

void uk_app_admin_request(uk_app *app, uk_input_kind kind, uint64_t now_ms)
{
    take_input(app, &kind, now_ms);
    app->admin_requested = true;
}

void uk_app_choose(uk_app *app, int item, uk_input_kind kind, uint64_t now_ms)
{
    if (app->still_there) {
        uk_app_handle(app, UK_ACTION_SELECT, kind, now_ms);
        return;
    }
    if (item < 0 || item >= uk_app_item_count(app))
        return;
    app->focus = item;
    uk_app_handle(app, UK_ACTION_SELECT, kind, now_ms);
}
