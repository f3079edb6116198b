/*
 * admin_pin_screen.c: the PIN pad's rules (see admin_pin_screen.h).
 *
 * The digits typed stay in the app only until OK: they leave in the
 * CHECK_PIN effect and are wiped here at once, so only their count remains
 * for the pad's dots while the shell checks them.
 */
#include "app/core/admin_pin_screen.h"

#include <string.h>

#include "app/core/admin_screen.h"
#include "app/core/app_internal.h"

static void wipe_pin(uk_app *app)
{
    memset(app->pin, 0, sizeof app->pin);
    app->pin_len = 0;
    app->pin_pending = false;
}

/* Staff are here: a session under way ends as stopped, and the pad starts empty. */
static void enter(uk_app *app, uint64_t now_ms)
{
    uk_app_end_session(app, UK_OUTCOME_STOPPED, now_ms);
    uk_app_wake(app);
    app->pin_wrong = false;
    app->stop_armed = false;
    wipe_pin(app);
}

/* OK: the PIN goes to the shell to be checked, and is wiped here. */
static void hand_out(uk_app *app, uint64_t now_ms)
{
    uk_effect effect = {.kind = UK_EFFECT_CHECK_PIN, .at_ms = now_ms};
    memcpy(effect.pin, app->pin, app->pin_len);
    uk_app_push(app, &effect);
    memset(&effect, 0, sizeof effect);
    memset(app->pin, 0, sizeof app->pin);
    app->pin_pending = true;
}

/* One key of the pad: items 0..8 are 1..9, item 9 is 0, then delete and OK. */
static void press_key(uk_app *app, int key, uint64_t now_ms)
{
    if (!app->cfg.admin_pin_set || app->pin_pending || uk_pin_lock_locked(&app->pin_lock, now_ms))
        return;
    app->pin_wrong = false;
    if (key >= 0 && key < 10) {
        if (app->pin_len < UK_EFFECT_PIN_MAX)
            app->pin[app->pin_len++] = key == 9 ? '0' : (char)('1' + key);
    } else if (key == UK_ADMIN_PIN_SCREEN_DELETE) {
        if (app->pin_len > 0)
            app->pin[--app->pin_len] = '\0';
    } else if (key == UK_ADMIN_PIN_SCREEN_OK && app->pin_len >= UK_ADMIN_PIN_SCREEN_MIN_DIGITS) {
        hand_out(app, now_ms);
    }
}

/* A digit, '\b' (delete) or '\n' (OK) typed on a keyboard; others do nothing. */
static void type(uk_app *app, char key, uint64_t now_ms)
{
    if (key >= '1' && key <= '9')
        press_key(app, key - '1', now_ms);
    else if (key == '0')
        press_key(app, 9, now_ms);
    else if (key == '\b')
        press_key(app, UK_ADMIN_PIN_SCREEN_DELETE, now_ms);
    else if (key == '\n')
        press_key(app, UK_ADMIN_PIN_SCREEN_OK, now_ms);
}

static void pin_checked(uk_app *app, bool correct, uint64_t now_ms)
{
    if (!app->pin_pending)
        return;
    wipe_pin(app);
    if (uk_pin_lock_attempt(&app->pin_lock, correct, now_ms) == UK_PIN_LOCK_ACCEPTED) {
        app->admin_page = UK_ADMIN_SCREEN_DAYS;
        uk_app_go_to(app, UK_SCREEN_ADMIN);
        uk_app_push(app, &(uk_effect){.kind = UK_EFFECT_REFRESH_STATS, .at_ms = now_ms});
    } else {
        app->pin_wrong = true;
    }
}

static int items(const uk_app *app)
{
    return app->cfg.admin_pin_set ? UK_ADMIN_PIN_SCREEN_KEY_COUNT : 0;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    if (action == UK_ACTION_UP || action == UK_ACTION_DOWN) {
        uk_app_move_focus(app, action == UK_ACTION_UP ? -1 : 1);
    } else if (action == UK_ACTION_SELECT) {
        press_key(app, app->focus, now_ms);
    } else if (action == UK_ACTION_BACK) {
        wipe_pin(app);
        uk_app_show_home(app);
    }
}

const uk_screen_rules uk_admin_pin_screen = {
    .enter = enter,
    .input = input,
    .items = items,
    .type = type,
    .pin_checked = pin_checked,
};
