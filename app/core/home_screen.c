/*
 * home_screen.c: what a press does on the home screen (see home_screen.h).
 */
#include "app/core/home_screen.h"

#include "app/core/app_internal.h"

/* The order UP and DOWN take is the order the eye reads: the routines, then About, then the
 * language switch, last in the bottom row. */
int uk_home_screen_about_item(const uk_app *app)
{
    return (int)app->routine_count;
}

int uk_home_screen_language_item(const uk_app *app)
{
    return app->catalog->lang_count > 1 ? (int)app->routine_count + 1 : -1;
}

static int items(const uk_app *app)
{
    return (int)app->routine_count + (app->catalog->lang_count > 1 ? 2 : 1);
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    } else if (action == UK_ACTION_BACK) {
        app->focus = 0;
        app->home_focus = 0;
    } else if (action == UK_ACTION_SELECT) {
        app->home_focus = app->focus;
        if (app->focus < (int)app->routine_count)
            uk_app_start_session(app, (size_t)app->focus, kind, now_ms);
        else if (app->focus == uk_home_screen_language_item(app))
            uk_app_set_language(app, (app->lang + 1) % app->catalog->lang_count);
        else
            uk_app_open_screen(app, UK_SCREEN_ABOUT, now_ms);
    }
}

/* The attract mode's figure moves. */
static bool animating(const uk_app *app)
{
    return app->attract && app->routine_count > 0;
}

const uk_screen_rules uk_home_screen = {
    .input = input,
    .items = items,
    .help = true,
    .animating = animating,
};
