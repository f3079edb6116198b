/*
 * test_heat_cold_screen.c: the heat and cold session as a person goes
 * through it, with injected time: the question, the packs, timers that never
 * overrun, and no "Still there?" while a pack is on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "app/core/doctor_screen.h"
#include "app/core/heat_cold_screen.h"
#include "tests/fixtures/app_fixtures.h"

/* ---- heat and cold --------------------------------------------------------------- */

static uk_effect_cue only_cue(uk_app *app)
{
    uk_effect_cue cue = UK_EFFECT_CUE_COUNT, extra;
    assert_int_equal(take_cue(app, &cue), 1);
    assert_int_equal(take_cue(app, &extra), 0);
    return cue;
}

static void drain_cues(uk_app *app)
{
    uk_effect_cue cue;
    while (take_cue(app, &cue))
        ;
}

static void heat_then_cold_for_a_new_injury(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    const uint64_t min = 60000;
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 1000);
    assert_int_equal(app->screen, UK_SCREEN_HEAT_COLD);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_QUESTION);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_NEW, UK_INPUT_TOUCH, 2000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_PREPARE);
    assert_int_equal(uk_heat_cold_current(&app->hc), UK_HEAT_COLD_HEAT);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 3000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_RUNNING);
    assert_int_equal(only_cue(app), UK_EFFECT_CUE_STEP);

    /* Nobody touches anything for the whole heat phase: a running pack never asks. */
    uint64_t t = 3000;
    for (;;) {
        uint64_t next = uk_app_tick(app, t);
        if (app->hc.stage != UK_HEAT_COLD_RUNNING)
            break;
        t = next;
    }
    assert_int_equal(t, 3000 + 15 * min);
    assert_false(app->still_there);
    assert_int_equal(only_cue(app), UK_EFFECT_CUE_CHIME);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_PREPARE);
    assert_int_equal(uk_heat_cold_current(&app->hc), UK_HEAT_COLD_COLD);

    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, t + 30000);
    drain_cues(app);
    uk_app_tick(app, t + 30000 + 10 * min);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_effect_cue cue;
    assert_int_equal(take_cue(app, &cue), 1);
    assert_int_equal(cue, UK_EFFECT_CUE_CHIME);
    assert_int_equal(take_cue(app, &cue), 1);
    assert_int_equal(cue, UK_EFFECT_CUE_DONE);

    uk_session session;
    only_session(app, &session);
    assert_string_equal(session.routine, "heat-cold");
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
    assert_int_equal(session.steps_done, 2);
    assert_int_equal(session.steps_total, 2);
    assert_int_equal(session.ended_ms, t + 30000 + 10 * min);
}

static void heat_only_for_an_older_one(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 1000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_OLD, UK_INPUT_TOUCH, 2000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 3000);
    uk_app_tick(app, 3000 + 15 * 60000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.steps_done, 1);
    assert_int_equal(session.steps_total, 1);
}

static void heat_never_runs_past_its_maximum(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    const uint64_t min = 60000;
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 0);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_OLD, UK_INPUT_TOUCH, 0);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 0);
    /* Ask for ten more minutes, one at a time, and once more near the end. */
    for (int i = 0; i < 10; i++)
        uk_app_choose(app, UK_HEAT_COLD_SCREEN_MINUTE, UK_INPUT_TOUCH, (uint64_t)i * 1000);
    uk_heat_cold_moment view;
    uk_heat_cold_moment_at(&app->hc, 10000, &view);
    assert_int_equal(view.phase_ms, 20 * min);
    assert_false(view.can_add_minute);
    /* "1 more minute" can do nothing now: the highlight has moved on to "End now". */
    assert_int_equal(app->focus, UK_HEAT_COLD_SCREEN_END);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_MINUTE, UK_INPUT_TOUCH, 20 * min - 1000);
    uk_app_tick(app, 20 * min - 1);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_RUNNING);
    uk_app_tick(app, 20 * min);
    assert_int_equal(app->screen, UK_SCREEN_DONE);

    /* Whatever the settings say, no heat phase runs past 20 minutes. */
    uk_routine_heat_cold wild = app->routines[ITEM_HEAT_COLD].heat_cold;
    wild.heat_minutes = 45;
    wild.heat_max_minutes = 60;
    uk_heat_cold hc;
    uk_heat_cold_start(&hc, &wild);
    uk_heat_cold_answer(&hc, false);
    uk_heat_cold_begin(&hc, 0);
    assert_int_equal(hc.phase_ms, 20 * min);
    assert_false(uk_heat_cold_add_minute(&hc, 1000));
    assert_false(uk_heat_cold_advance(&hc, 20 * min - 1));
    assert_true(uk_heat_cold_advance(&hc, 20 * min));
    assert_int_equal(hc.stage, UK_HEAT_COLD_FINISHED);
}

static void heat_cold_waits_and_stops(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    /* At the question nobody answers: "Still there?", then timed out. */
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 1000);
    uk_app_tick(app, 1000 + f->cfg.idle_ms);
    assert_true(app->still_there);
    uk_app_tick(app, 1000 + f->cfg.idle_ms + f->cfg.still_there_ms);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);
    assert_int_equal(session.steps_done, 0);

    /* HELP while a pack is on: the timer keeps running behind the doctor screen. */
    press(app, UK_ACTION_BACK, 500000); /* wakes */
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 501000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_OLD, UK_INPUT_TOUCH, 502000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 503000);
    press(app, UK_ACTION_HELP, 504000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_tick(app, 503000 + 15 * 60000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR); /* not pulled away from it */
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
    press(app, UK_ACTION_BACK, 503000 + 15 * 60000 + 1000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);

    /* "I have one of these" during heat stops it, recorded as such. */
    press(app, UK_ACTION_SELECT, 2000000);
    uk_app_tick(app, 2999000);
    assert_true(app->attract);
    press(app, UK_ACTION_BACK, 2999000); /* wakes */
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 3000000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_NEW, UK_INPUT_TOUCH, 3001000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 3002000);
    press(app, UK_ACTION_HELP, 3003000);
    uk_app_choose(app, UK_DOCTOR_SCREEN_HAVE_ONE, UK_INPUT_TOUCH, 3004000);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_DOCTOR);
    assert_int_equal(session.steps_total, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(heat_then_cold_for_a_new_injury, setup),
        cmocka_unit_test_setup(heat_only_for_an_older_one, setup),
        cmocka_unit_test_setup(heat_never_runs_past_its_maximum, setup),
        cmocka_unit_test_setup(heat_cold_waits_and_stops, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
