/*
 * doctor_screen.c: what HELP opens, and what a press does there (see
 * doctor_screen.h).
 */
#include "app/core/doctor_screen.h"

#include "app/core/app_internal.h"

/* Opened from the screen still showing (HELP): a playing routine pauses, and Back returns. */
static void enter(uk_app *app, uint64_t now_ms)
{
    app->paused_for_doctor = false;
    if (app->in_session && app->screen == UK_SCREEN_PLAYER && !app->player.paused) {
        uk_player_pause(&app->player, now_ms);
        app->paused_for_doctor = app->player.paused;
    }
    app->doctor_return = app->screen;
    app->doctor_reported = false;
}

/* Back to the session's screen, or, once no session is under way, back or home. */
static void leave(uk_app *app, uint64_t now_ms)
{
    if (app->in_session) {
        if (app->paused_for_doctor)
            uk_player_resume(&app->player, now_ms);
        app->paused_for_doctor = false;
        uk_app_go_to(app, app->doctor_return);
    } else if (app->doctor_reported || app->doctor_return == UK_SCREEN_PLAYER ||
               app->doctor_return == UK_SCREEN_HEAT_COLD || app->doctor_return == UK_SCREEN_CARDS) {
        uk_app_show_home(app);
    } else {
        uk_app_go_to(app, app->doctor_return);
    }
}

static void choose(uk_app *app, int item, uint64_t now_ms)
{
    if (item == UK_DOCTOR_SCREEN_HAVE_ONE && app->in_session) {
        uk_app_end_session(app, UK_OUTCOME_DOCTOR, now_ms);
        app->doctor_reported = true;
        app->focus = 0;
        return;
    }
    leave(app, now_ms);
}

static int items(const uk_app *app)
{
    return app->in_session ? 2 : 1;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    else if (action == UK_ACTION_SELECT)
        choose(app, app->focus, now_ms);
    else if (action == UK_ACTION_BACK)
        leave(app, now_ms);
}

const uk_screen_rules uk_doctor_screen = {
    .enter = enter,
    .input = input,
    .items = items,
    .counted = true,
};
