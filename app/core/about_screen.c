/*
 * about_screen.c: the about page's rules: who reviewed each routine and when,
 * one highlighted at a time (the page follows the highlight); any choice
 * goes back home.
 */
#include "app/core/app_internal.h"

static int items(const uk_app *app)
{
    return app->routine_count > 0 ? (int)app->routine_count : 1;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    (void)now_ms;
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN)
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    else if (action == UK_ACTION_SELECT || action == UK_ACTION_BACK)
        uk_app_show_home(app);
}

const uk_screen_rules uk_about_screen = {
    .input = input,
    .items = items,
    .help = true,
    .counted = true,
};
