/*
 * confirm_stop_screen.c: "Stop this routine?", asked before Stop, Back or the
 * BACK button ends a routine or a heat and cold timer.
 *
 * One press must not end what a person came for: Stop is often pressed by
 * mistake, or by a second tap meant for the screen before. Keeping going is
 * the answer highlighted, and the one the screen gives by itself after
 * cfg.confirm_stop_ms; BACK keeps going too. A routine that was playing
 * waits, paused, while the question shows, and goes on where it was; a heat
 * or cold timer runs on (the pack stays on the skin). The doctor screen's
 * "I have one of these" ends a session without this question.
 */
#include "app/core/app_internal.h"

/* The answers: keeping going first (highlighted; drawn where Stop was), then stopping. */
enum {
    KEEP_GOING = 0,
    STOP_NOW = 1,
};

static uk_screen session_screen(const uk_app *app)
{
    return uk_app_session_data(app)->type == UK_ROUTINE_HEAT_COLD ? UK_SCREEN_HEAT_COLD
                                                                  : UK_SCREEN_PLAYER;
}

static void enter(uk_app *app, uint64_t now_ms)
{
    app->asked_stop_ms = now_ms;
    app->paused_for_stop = false;
    if (app->screen == UK_SCREEN_PLAYER && !app->player.paused) {
        uk_player_pause(&app->player, now_ms);
        app->paused_for_stop = app->player.paused;
    }
}

static void keep_going(uk_app *app, uint64_t now_ms)
{
    if (app->paused_for_stop)
        uk_player_resume(&app->player, now_ms);
    app->paused_for_stop = false;
    uk_app_go_to(app, session_screen(app));
}

static void choose(uk_app *app, int item, uint64_t now_ms)
{
    if (item == STOP_NOW) {
        app->paused_for_stop = false;
        uk_app_stop_session(app, now_ms);
    } else {
        keep_going(app, now_ms);
    }
}

static int items(const uk_app *app)
{
    (void)app;
    return 2;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    else if (action == UK_ACTION_SELECT)
        choose(app, app->focus, now_ms);
    else if (action == UK_ACTION_BACK)
        keep_going(app, now_ms);
}

/* Unanswered, the question goes away by itself and the routine goes on. */
static void tick(uk_app *app, uint64_t now_ms)
{
    if (app->in_session && now_ms >= app->asked_stop_ms + app->cfg.confirm_stop_ms)
        keep_going(app, app->asked_stop_ms + app->cfg.confirm_stop_ms);
}

/* The seconds left count down on screen; then the question goes. */
static bool deadline(const uk_app *app, uint64_t now_ms, uint64_t *out)
{
    uint64_t end = app->asked_stop_ms + app->cfg.confirm_stop_ms;
    uint64_t next_second = now_ms + 1000 - (now_ms - app->asked_stop_ms) % 1000;
    *out = next_second < end ? next_second : end;
    return true;
}

const uk_screen_rules uk_confirm_stop_screen = {
    .enter = enter,
    .input = input,
    .items = items,
    .help = true,
    .tick = tick,
    .deadline = deadline,
};
