/*
 * admin_screen.c: what a press does on the admin screen (see admin_screen.h).
 * UP and DOWN move over the pages and actions; a page shows as the
 * highlight reaches it.
 */
#include "app/core/admin_screen.h"

#include "app/core/app_internal.h"

static int items(const uk_app *app)
{
    (void)app;
    return UK_ADMIN_SCREEN_ITEM_COUNT;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
        if (app->focus < UK_ADMIN_SCREEN_PAGE_COUNT)
            app->admin_page = app->focus;
        return;
    }
    if (action == UK_ACTION_BACK) {
        uk_app_show_home(app);
        return;
    }
    if (action != UK_ACTION_SELECT)
        return;
    bool armed = app->stop_armed;
    app->stop_armed = false;
    switch (app->focus) {
    case UK_ADMIN_SCREEN_SOUND:
        uk_app_set_muted(app, !app->muted);
        break;
    case UK_ADMIN_SCREEN_RESTART:
        uk_app_request_quit(app, UK_EFFECT_QUIT_RESTART);
        break;
    case UK_ADMIN_SCREEN_STOP:
        if (armed) {
            uk_app_request_quit(app, UK_EFFECT_QUIT_STOP);
        } else {
            app->stop_armed = true;
            app->stop_armed_ms = now_ms;
        }
        break;
    case UK_ADMIN_SCREEN_CLOSE:
        uk_app_show_home(app);
        break;
    default:
        if (app->focus >= 0 && app->focus < UK_ADMIN_SCREEN_PAGE_COUNT)
            app->admin_page = app->focus;
        break;
    }
}

const uk_screen_rules uk_admin_screen = {
    .input = input,
    .items = items,
};
