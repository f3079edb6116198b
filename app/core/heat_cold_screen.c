/*
 * heat_cold_screen.c: what a press and time do to the heat and cold
 * session (see heat_cold_screen.h; the timer itself is heat_cold.c).
 */
#include "app/core/heat_cold_screen.h"

#include "app/core/app_internal.h"
#include "app/model/session.h"

static bool running(const uk_app *app)
{
    return app->hc.stage == UK_HEAT_COLD_RUNNING;
}

/*
 * At the pack's maximum "1 more minute" can do nothing: the highlight moves on to "End now".
 * Only a press or a new phase changes that, so only they call this (never a tick, which would
 * move the highlight under a tap already on its way).
 */
static void keep_focus_useful(uk_app *app, uint64_t now_ms)
{
    if (app->screen != UK_SCREEN_HEAT_COLD || !running(app) ||
        app->focus != UK_HEAT_COLD_SCREEN_MINUTE)
        return;
    uk_heat_cold_moment moment;
    uk_heat_cold_moment_at(&app->hc, now_ms, &moment);
    if (!moment.can_add_minute)
        app->focus = UK_HEAT_COLD_SCREEN_END;
}

static void session_start(uk_app *app, uint64_t now_ms)
{
    (void)now_ms;
    uk_heat_cold_start(&app->hc, &uk_app_session_data(app)->heat_cold);
}

/* Moves the timer on; a phase that ends chimes and gives the next pack its full idle time. */
static void session_tick(uk_app *app, uint64_t now_ms)
{
    uk_heat_cold *hc = &app->hc;
    uint64_t ended_at = hc->phase_start + hc->phase_ms;
    if (uk_heat_cold_advance(hc, now_ms)) {
        uk_app_cue(app, UK_EFFECT_CUE_CHIME);
        app->last_input_ms = ended_at;
        if (app->screen == UK_SCREEN_HEAT_COLD)
            app->focus = 0;
        if (hc->stage == UK_HEAT_COLD_FINISHED)
            uk_app_complete_session(app, ended_at);
    }
    if (app->in_session && !running(app))
        uk_app_ask_when_idle(app, now_ms);
}

static bool session_deadline(const uk_app *app, uint64_t now_ms, uint64_t *deadline)
{
    if (!running(app))
        return false;
    *deadline = uk_heat_cold_next_deadline(&app->hc, now_ms);
    return true;
}

/* A pack's timer never pauses: the time spent is the session's. */
static void session_progress(const uk_app *app, uk_session *session)
{
    session->steps_done = app->hc.phases_done;
    session->steps_skipped = app->hc.phases_skipped;
    session->steps_total = app->hc.phase_count;
}

static int items(const uk_app *app)
{
    return app->hc.stage == UK_HEAT_COLD_PREPARE ? 1 : 2;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    uk_heat_cold *hc = &app->hc;
    if (action == UK_ACTION_BACK) {
        uk_app_open_screen(app, UK_SCREEN_CONFIRM_STOP, now_ms);
        return;
    }
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        return;
    }
    if (action != UK_ACTION_SELECT)
        return;
    switch (hc->stage) {
    case UK_HEAT_COLD_QUESTION:
        uk_heat_cold_answer(hc, app->focus == UK_HEAT_COLD_SCREEN_NEW);
        app->focus = 0;
        break;
    case UK_HEAT_COLD_PREPARE:
        uk_heat_cold_begin(hc, now_ms);
        uk_app_cue(app, UK_EFFECT_CUE_STEP);
        app->focus = 0;
        keep_focus_useful(app, now_ms);
        break;
    case UK_HEAT_COLD_RUNNING:
        if (app->focus == UK_HEAT_COLD_SCREEN_END) {
            uk_heat_cold_end_phase(hc, now_ms);
            app->focus = 0;
            if (hc->stage == UK_HEAT_COLD_FINISHED)
                uk_app_complete_session(app, now_ms);
        } else {
            uk_heat_cold_add_minute(hc, now_ms);
            keep_focus_useful(app, now_ms);
        }
        break;
    case UK_HEAT_COLD_FINISHED:
        break;
    }
}

const uk_screen_rules uk_heat_cold_screen = {
    .input = input,
    .items = items,
    .help = true,
    .session_start = session_start,
    .session_tick = session_tick,
    .session_deadline = session_deadline,
    .session_progress = session_progress,
};
