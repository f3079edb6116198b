/*
 * done_screen.c: the done screen's rules: well done, a card to take home,
 * and one button back to the start.
 */
#include "app/core/app_internal.h"

static int items(const uk_app *app)
{
    (void)app;
    return 1;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    (void)now_ms;
    if (action == UK_ACTION_SELECT || action == UK_ACTION_BACK)
        uk_app_show_home(app);
}

const uk_screen_rules uk_done_screen = {
    .input = input,
    .items = items,
    .help = true,
};
