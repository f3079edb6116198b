/*
 * test_scanning.c: single-switch scanning: one button reaches everything a
 * screen offers, the doctor button included, with injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "tests/fixtures/app_fixtures.h"

/* ---- single switch ------------------------------------------------------------------ */

static void one_button_reaches_everything(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_set_scanning(app, true, 1000);
    const uk_scan_config *scan = &f->cfg.scan;
    /* Home: the routines, about, the language switch, then the doctor button. */
    assert_int_equal(uk_app_scan_highlight(app), 0);
    uint64_t t = uk_app_tick(app, 1000);
    assert_int_equal(t, 1000 + scan->first_step_ms);
    t = uk_app_tick(app, t);
    assert_int_equal(uk_app_scan_highlight(app), 1);
    assert_int_equal(app->focus, 1); /* the home screen's own highlight follows */
    for (int i = 1; i < ITEM_LANGUAGE + 1; i++)
        t = uk_app_tick(app, t);
    assert_true(uk_app_scan_on_help(app));
    /* A press there, before the highlight moves on, opens the doctor screen. */
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t - 1);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t + 100); /* "Back", highlighted */
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    /* Another screen: the scan starts again from its first item. The second routine is
     * chosen when the highlight is on it. */
    uk_app_tick(app, t + 100);
    assert_int_equal(uk_app_scan_highlight(app), 0);
    t += 100 + scan->first_step_ms;
    uk_app_tick(app, t);
    assert_int_equal(uk_app_scan_highlight(app), 1);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_int_equal(app->routine_index, 1);

    /* In the player the highlight moves over Pause, Next step, Stop and the doctor. */
    assert_int_equal(uk_app_scan_highlight(app), 1); /* carries on from the chosen item */
    uint64_t stop_at = t, next = uk_app_tick(app, t);
    while (uk_app_scan_highlight(app) != 2) {
        stop_at = next;
        next = uk_app_tick(app, stop_at);
    }
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, stop_at);
    /* Stop asks first; the scan starts again on the answers, "Keep going" first. */
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
    next = uk_app_tick(app, stop_at);
    while (uk_app_scan_highlight(app) != 1) {
        stop_at = next;
        next = uk_app_tick(app, stop_at);
    }
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, stop_at); /* "Stop now" */
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
    assert_int_equal(session.input, UK_INPUT_BUTTON);

    /* Keys and touch still work as ever. */
    press(app, UK_ACTION_SELECT, stop_at + 10);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
}

static void a_resting_scan_wakes_first(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.idle_ms = 3600000; /* nobody leaves home while the scan runs its rounds */
    uk_app_set_scanning(app, true, 0);
    uint64_t now = 0, next = uk_app_tick(app, 0);
    while (uk_app_scan_highlight(app) >= 0 && now < 600000) {
        now = next;
        next = uk_app_tick(app, now);
    }
    assert_int_equal(uk_app_scan_highlight(app), -1); /* resting after its rounds */
    assert_true(now < 60000);
    assert_int_equal(next, app->cfg.idle_ms); /* and nothing to wake for but idle */
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, now + 1000);
    assert_int_equal(app->screen, UK_SCREEN_HOME); /* only woke it */
    assert_int_equal(uk_app_scan_highlight(app), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(one_button_reaches_everything, setup),
        cmocka_unit_test_setup(a_resting_scan_wakes_first, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
