/*
 * app_session.c: sessions: one use of a routine, from the choice on the home
 * screen to its one ending.
 *
 * A session starts on the screen its routine's type runs on (the table's
 * session hooks set it up), and ends exactly once, with one outcome: one
 * STORE_SESSION effect carries what the usage log keeps. A session still
 * under way at shutdown ends as stopped. What the state machine does with
 * time and input is app.c's; this is the bookkeeping of a session's life.
 */
#include "app/core/app_internal.h"

#include <string.h>

/* The screen a session of this routine type runs on. */
static uk_screen session_screen(const uk_routine *routine)
{
    static const uk_screen screens[UK_ROUTINE_TYPE_COUNT] = {
        [UK_ROUTINE_STEPS] = UK_SCREEN_PLAYER,
        [UK_ROUTINE_HEAT_COLD] = UK_SCREEN_HEAT_COLD,
        [UK_ROUTINE_CARDS] = UK_SCREEN_CARDS,
    };
    return (unsigned)routine->type < UK_ROUTINE_TYPE_COUNT ? screens[routine->type]
                                                           : UK_SCREEN_PLAYER;
}

const uk_screen_rules *uk_app_session_rules(const uk_app *app)
{
    return uk_screen_rules_of(session_screen(uk_app_session_data(app)));
}

const uk_routine *uk_app_session_data(const uk_app *app)
{
    return &app->routines[app->routine_index];
}

static uk_input_kind main_input(const uk_app *app)
{
    uk_input_kind best = app->first_input;
    for (int kind = 0; kind < UK_INPUT_KIND_COUNT; kind++)
        if (app->input_count[kind] > app->input_count[best])
            best = (uk_input_kind)kind;
    return best;
}

void uk_app_end_session(uk_app *app, uk_outcome outcome, uint64_t ended_ms)
{
    if (!app->in_session)
        return;
    const uk_routine *routine = uk_app_session_data(app);
    uk_effect effect = {.kind = UK_EFFECT_STORE_SESSION, .at_ms = ended_ms};
    uk_session *session = &effect.session;
    *session = (uk_session){
        .started_ms = app->session_start_ms,
        .ended_ms = ended_ms,
        .outcome = outcome,
        .input = main_input(app),
    };
    const uk_screen_rules *r = uk_app_session_rules(app);
    session->active_ms = ended_ms - app->session_start_ms;
    if (r->session_progress)
        r->session_progress(app, session);
    memcpy(session->routine, routine->id, sizeof session->routine);
    memcpy(session->lang, app->catalog->langs[app->lang].code, sizeof session->lang);
    app->done_stayed = uk_session_stayed(session);
    uk_app_push(app, &effect);

    app->in_session = false;
    app->still_there = false;
    app->paused_for_doctor = false;
    app->done_routine = app->routine_index;
    app->done_seconds = (uint32_t)((ended_ms - app->session_start_ms + 500) / 1000);
    if (outcome == UK_OUTCOME_COMPLETED)
        uk_app_cue(app, UK_EFFECT_CUE_DONE);
}

void uk_app_start_session(uk_app *app, size_t index, uk_input_kind kind, uint64_t now_ms)
{
    app->in_session = true;
    app->routine_index = index;
    app->session_start_ms = now_ms;
    memset(app->input_count, 0, sizeof app->input_count);
    app->input_count[kind] = 1;
    app->first_input = kind;
    app->still_there = false;
    app->paused_for_doctor = false;
    app->last_count_in = -1;
    uk_screen screen = session_screen(&app->routines[index]);
    const uk_screen_rules *r = uk_screen_rules_of(screen);
    if (r->session_start)
        r->session_start(app, now_ms);
    uk_app_go_to(app, screen);
}

void uk_app_complete_session(uk_app *app, uint64_t at)
{
    uk_app_end_session(app, UK_OUTCOME_COMPLETED, at);
    app->last_input_ms = at; /* the done screen gets its full idle time */
    if (app->screen == UK_SCREEN_DOCTOR)
        app->doctor_return = UK_SCREEN_DONE;
    else
        uk_app_go_to(app, UK_SCREEN_DONE);
}

void uk_app_stop_session(uk_app *app, uint64_t now_ms)
{
    uk_app_end_session(app, UK_OUTCOME_STOPPED, now_ms);
    uk_app_show_home(app);
}

void uk_app_shutdown(uk_app *app, uint64_t now_ms)
{
    uk_app_tick(app, now_ms);
    uk_app_end_session(app, UK_OUTCOME_STOPPED, now_ms);
}
