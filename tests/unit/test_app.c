/*
 * test_app.c: the screens as a person meets them, with injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "tests/fixtures/core_fixtures.h"

typedef struct fixture {
    fixture_catalog content;
    uk_app_config cfg;
    uk_app app;
} fixture;

/* Home's items with the fixture catalog. */
enum {
    ITEM_HEAT_COLD = 2,
    ITEM_CARDS = 3,
    ITEM_LANGUAGE = 4,
    ITEM_ABOUT = 5
};

/* A kiosk that has just started: in attract mode. */
static int setup_asleep(void **state)
{
    static fixture f;
    fixture_catalog_init(&f.content);
    uk_app_config_defaults(&f.cfg);
    uk_app_init(&f.app, &f.cfg, &f.content.catalog, 0);
    *state = &f;
    return 0;
}

/* A kiosk someone has just woken with a press at 0 ms. */
static int setup(void **state)
{
    setup_asleep(state);
    fixture *f = *state;
    uk_app_handle(&f->app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, 0);
    return 0;
}

static void press(uk_app *app, uk_action action, uint64_t t_ms)
{
    uk_app_handle(app, action, UK_INPUT_KEYBOARD, t_ms);
}

static void only_session(uk_app *app, uk_session *out)
{
    assert_int_equal(uk_app_take_session(app, out), 1);
    uk_session extra;
    assert_int_equal(uk_app_take_session(app, &extra), 0);
}

static void complete_routine_logs_completed(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_DOWN, 1000);
    press(app, UK_ACTION_SELECT, 2000); /* the second routine */
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    /* Touch something every minute, as a person following along might. */
    for (uint64_t t = 2000; t < 2000 + FIXTURE_TOTAL_MS; t += 60000) {
        uk_app_tick(app, t);
        press(app, UK_ACTION_UP, t); /* UP does nothing in a routine */
    }
    uk_app_tick(app, 2000 + FIXTURE_TOTAL_MS);
    assert_int_equal(app->screen, UK_SCREEN_DONE);

    uk_session session;
    only_session(app, &session);
    assert_string_equal(session.routine, "second");
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
    assert_int_equal(session.steps_done, 5);
    assert_int_equal(session.steps_total, 5);
    assert_int_equal(session.started_ms, 2000);
    assert_int_equal(session.ended_ms, 2000 + FIXTURE_TOTAL_MS);
    assert_int_equal(session.input, UK_INPUT_KEYBOARD);
    assert_string_equal(session.lang, "en");

    press(app, UK_ACTION_SELECT, 200000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(uk_app_take_session(app, &session), 0);
}

static void walking_away_asks_then_times_out(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0);
    /* No input from now on. Idle at 90 s; the step under way (step 1's right side,
     * 55-75 s) ends at 75 s, the rest (75-85) at 85 s... the first step boundary
     * after 90 s is the end of step 3 at 102 s. */
    uint64_t t = 0;
    while (t < 101000)
        t = uk_app_tick(app, t);
    assert_false(app->still_there);
    uk_app_tick(app, 102000);
    assert_true(app->still_there);
    assert_false(uk_app_animating(app));
    assert_int_equal(app->still_since_ms, 102000);
    uk_app_tick(app, 121999);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    uk_app_tick(app, 122000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);
    assert_int_equal(session.steps_done, 4);
    assert_int_equal(session.ended_ms, 102000);
}

/* A press after the idle time ran out, but before the step ended: the routine goes on. */
static void a_late_press_keeps_the_routine_going(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0);
    uk_app_tick(app, 95000); /* idle since 90 s, in the reps (90-102 s) */
    press(app, UK_ACTION_UP, 95000);
    uk_app_tick(app, 103000);
    assert_false(app->still_there);
    assert_int_equal(app->player.phase, UK_PHASE_GET_READY);
    assert_int_equal(app->player.step, 4);
    uk_app_tick(app, FIXTURE_TOTAL_MS);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
}

static void answering_still_there_only_answers(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0);
    uk_app_tick(app, 105000);
    assert_true(app->still_there);
    press(app, UK_ACTION_BACK, 106000); /* would stop the routine, but only answers */
    assert_false(app->still_there);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_int_equal(app->player.phase, UK_PHASE_GET_READY);
    assert_int_equal(app->player.step, 4);
    uk_app_tick(app, 106000 + 5000 + 30000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
}

static void idle_returns_home_from_every_screen(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;

    /* Home with a moved highlight: idle puts the highlight back, and attract mode on. */
    press(app, UK_ACTION_DOWN, 0);
    assert_int_equal(uk_app_tick(app, 1000), 90000);
    uk_app_tick(app, 90000);
    assert_int_equal(app->focus, 0);
    assert_true(app->attract);
    /* Attract mode wakes only to show the next routine. */
    assert_int_equal(uk_app_tick(app, 90001), 90000 + f->cfg.attract_cycle_ms);
    press(app, UK_ACTION_BACK, 95000); /* wakes */

    /* Doctor screen from home. */
    press(app, UK_ACTION_HELP, 100000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_tick(app, 189999);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_tick(app, 190000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    /* Doctor screen during a routine: the routine is paused, so after asking on the
     * routine's own screen, idle ends it. */
    assert_true(app->attract);
    press(app, UK_ACTION_SELECT, 199000); /* only wakes */
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    press(app, UK_ACTION_SELECT, 200000);
    press(app, UK_ACTION_HELP, 210000);
    assert_true(app->player.paused);
    uk_app_tick(app, 300000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_true(app->still_there);
    uk_app_tick(app, 320000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);
    assert_int_equal(session.ended_ms, 300000);

    /* A paused routine asks "Still there?" at once when idle, then times out. */
    press(app, UK_ACTION_SELECT, 399000); /* wakes */
    press(app, UK_ACTION_SELECT, 400000);
    press(app, UK_ACTION_SELECT, 401000); /* pause */
    uk_app_tick(app, 491000);
    assert_true(app->still_there);
    uk_app_tick(app, 511000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);

    /* Done screen. */
    press(app, UK_ACTION_SELECT, 599000); /* wakes */
    press(app, UK_ACTION_SELECT, 600000);
    for (int i = 0; i < 5; i++)
        press(app, UK_ACTION_DOWN, 601000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    only_session(app, &session);
    uk_app_tick(app, 690999);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_app_tick(app, 691000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

static void help_from_every_screen(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_session session;

    press(app, UK_ACTION_HELP, 0); /* home */
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    assert_int_equal(uk_app_item_count(app), 1);
    press(app, UK_ACTION_BACK, 1000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    press(app, UK_ACTION_SELECT, 2000); /* player */
    uk_app_tick(app, 12000);
    press(app, UK_ACTION_HELP, 12000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    assert_int_equal(uk_app_item_count(app), 2);
    assert_true(app->player.paused);
    press(app, UK_ACTION_HELP, 13000); /* HELP again changes nothing */
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    press(app, UK_ACTION_SELECT, 20000); /* "Back to the routine" is highlighted first */
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_false(app->player.paused);
    uk_player_view view;
    uk_player_view_at(&app->player, 20000, &view);
    assert_int_equal(view.elapsed_ms, 5000); /* active from 7 s, paused 12-20 s */

    for (int i = 0; i < 5; i++)
        press(app, UK_ACTION_DOWN, 21000);
    assert_int_equal(app->screen, UK_SCREEN_DONE); /* done */
    only_session(app, &session);
    press(app, UK_ACTION_HELP, 22000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    press(app, UK_ACTION_BACK, 23000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
}

static void have_one_of_these_stops_the_routine(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0);
    uk_app_tick(app, 30000);
    uk_app_handle(app, UK_ACTION_HELP, UK_INPUT_TOUCH, 30000);
    uk_app_choose(app, UK_DOCTOR_HAVE_ONE, UK_INPUT_TOUCH, 31000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    assert_true(app->doctor_reported);
    assert_int_equal(uk_app_item_count(app), 1);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_DOCTOR);
    assert_int_equal(session.steps_done, 1);
    assert_int_equal(session.input, UK_INPUT_TOUCH); /* two touches against one key press */
    press(app, UK_ACTION_BACK, 32000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

static void back_behaviour(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_session session;

    for (int i = 0; i < 10; i++)
        press(app, UK_ACTION_DOWN, 0); /* the highlight stops at the last item: about */
    assert_int_equal(app->focus, ITEM_ABOUT);
    press(app, UK_ACTION_BACK, 0); /* BACK on home: highlight to the top */
    assert_int_equal(app->focus, 0);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_SELECT, 8000); /* pause */
    assert_true(app->player.paused);
    press(app, UK_ACTION_SELECT, 9000); /* resume */
    assert_false(app->player.paused);
    press(app, UK_ACTION_BACK, 10000); /* stop */
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
    assert_int_equal(session.steps_done, 0);
    assert_int_equal(session.ended_ms - session.started_ms, 9000);

    /* A session still under way at shutdown is kept as stopped. */
    press(app, UK_ACTION_SELECT, 20000);
    uk_app_shutdown(app, 25000);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
}

static void tap_chooses_and_wakes(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 0);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_int_equal(app->routine_index, 1);
    uk_app_choose(app, 2, UK_INPUT_TOUCH, 0); /* the player has no items: nothing */
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
}

static void animating_only_while_a_step_plays(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_false(uk_app_animating(app));
    press(app, UK_ACTION_SELECT, 0);
    uk_app_tick(app, 1000);
    /* Get-ready: the fixture's steps have no motion to get into, so only the countdown
     * changes (the figure's entry is tested with real motions in test_ui). */
    assert_false(uk_app_animating(app));
    uk_app_tick(app, 6000);
    assert_true(uk_app_animating(app));
    press(app, UK_ACTION_SELECT, 7000);
    assert_false(uk_app_animating(app)); /* paused */
}

/* ---- attract mode and languages -------------------------------------------------- */

static void first_touch_only_wakes(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_true(app->attract);
    assert_true(uk_app_animating(app));
    /* The preview moves through the routines, one every cycle. */
    assert_int_equal(uk_app_attract_routine(app, 0), 0);
    assert_int_equal(uk_app_attract_routine(app, f->cfg.attract_cycle_ms), 1);
    assert_int_equal(uk_app_attract_routine(app, FIXTURE_ROUTINES * f->cfg.attract_cycle_ms), 0);

    /* A tap on a routine's card wakes the kiosk and starts nothing. */
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 10000);
    assert_false(app->attract);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_false(app->in_session);
    uk_session session;
    assert_int_equal(uk_app_take_session(app, &session), 0);
    /* The next tap chooses. */
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 11000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    press(app, UK_ACTION_BACK, 12000);

    /* After a while without anyone, attract mode again; a button press only wakes it too. */
    uk_app_tick(app, 12000 + f->cfg.idle_ms);
    assert_true(app->attract);
    press(app, UK_ACTION_SELECT, 200000);
    assert_false(app->attract);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(uk_app_take_session(app, &session), 1); /* the stopped one, from before */
    assert_int_equal(uk_app_take_session(app, &session), 0);
}

static void language_switch_and_back(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_string_equal(app->routines[0].title, "Fixture");
    assert_string_equal(uk_app_strings(app)->lang, "en");
    uk_app_choose(app, ITEM_LANGUAGE, UK_INPUT_TOUCH, 1000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_string_equal(app->routines[0].title, "Rutina");
    assert_string_equal(uk_app_strings(app)->lang, "es");
    assert_int_equal(app->focus, ITEM_LANGUAGE); /* the highlight stays on the switch */

    /* A session in Spanish is recorded as such. */
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 2000);
    press(app, UK_ACTION_BACK, 3000);
    uk_session session;
    only_session(app, &session);
    assert_string_equal(session.lang, "es");

    /* The next person finds the kiosk in its own language. */
    uk_app_tick(app, 3000 + f->cfg.idle_ms);
    assert_string_equal(uk_app_strings(app)->lang, "en");
    assert_string_equal(app->routines[0].title, "Fixture");

    /* The switch goes round every language. */
    press(app, UK_ACTION_BACK, 100000); /* wakes */
    uk_app_choose(app, ITEM_LANGUAGE, UK_INPUT_TOUCH, 101000);
    uk_app_choose(app, ITEM_LANGUAGE, UK_INPUT_TOUCH, 102000);
    assert_string_equal(uk_app_strings(app)->lang, "en");
}

static void doctor_and_about_views_are_counted(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_screen screen;
    press(app, UK_ACTION_HELP, 1000);
    press(app, UK_ACTION_HELP, 1500); /* already there: not a second view */
    press(app, UK_ACTION_BACK, 2000);
    uk_app_choose(app, ITEM_ABOUT, UK_INPUT_TOUCH, 3000);
    press(app, UK_ACTION_BACK, 4000);
    press(app, UK_ACTION_SELECT, 5000); /* a routine: not counted as a view */
    press(app, UK_ACTION_HELP, 6000);
    assert_int_equal(uk_app_take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_DOCTOR);
    assert_int_equal(uk_app_take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_ABOUT);
    assert_int_equal(uk_app_take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_DOCTOR);
    assert_int_equal(uk_app_take_view(app, &screen), 0);
}

static void about_and_back(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, ITEM_ABOUT, UK_INPUT_TOUCH, 1000);
    assert_int_equal(app->screen, UK_SCREEN_ABOUT);
    assert_int_equal(uk_app_item_count(app), FIXTURE_ROUTINES);
    press(app, UK_ACTION_DOWN, 2000);
    assert_int_equal(app->focus, 1);
    press(app, UK_ACTION_BACK, 3000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_false(app->in_session);
}

/* ---- heat and cold --------------------------------------------------------------- */

static uk_cue only_cue(uk_app *app)
{
    uk_cue cue = UK_CUE_COUNT, extra;
    assert_int_equal(uk_app_take_cue(app, &cue), 1);
    assert_int_equal(uk_app_take_cue(app, &extra), 0);
    return cue;
}

static void drain_cues(uk_app *app)
{
    uk_cue cue;
    while (uk_app_take_cue(app, &cue))
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
    uk_app_choose(app, UK_HEAT_COLD_ITEM_NEW, UK_INPUT_TOUCH, 2000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_PREPARE);
    assert_int_equal(uk_heat_cold_current(&app->hc), UK_HEAT_COLD_HEAT);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, 3000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_RUNNING);
    assert_int_equal(only_cue(app), UK_CUE_STEP);

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
    assert_int_equal(only_cue(app), UK_CUE_CHIME);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_PREPARE);
    assert_int_equal(uk_heat_cold_current(&app->hc), UK_HEAT_COLD_COLD);

    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, t + 30000);
    drain_cues(app);
    uk_app_tick(app, t + 30000 + 10 * min);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    uk_cue cue;
    assert_int_equal(uk_app_take_cue(app, &cue), 1);
    assert_int_equal(cue, UK_CUE_CHIME);
    assert_int_equal(uk_app_take_cue(app, &cue), 1);
    assert_int_equal(cue, UK_CUE_DONE);

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
    uk_app_choose(app, UK_HEAT_COLD_ITEM_OLD, UK_INPUT_TOUCH, 2000);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, 3000);
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
    uk_app_choose(app, UK_HEAT_COLD_ITEM_OLD, UK_INPUT_TOUCH, 0);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, 0);
    /* Ask for ten more minutes, one at a time, and once more near the end. */
    for (int i = 0; i < 10; i++)
        uk_app_choose(app, UK_HEAT_COLD_ITEM_MINUTE, UK_INPUT_TOUCH, (uint64_t)i * 1000);
    uk_heat_cold_view view;
    uk_heat_cold_view_at(&app->hc, 10000, &view);
    assert_int_equal(view.phase_ms, 20 * min);
    assert_false(view.can_add_minute);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_MINUTE, UK_INPUT_TOUCH, 20 * min - 1000);
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
    uk_app_choose(app, UK_HEAT_COLD_ITEM_OLD, UK_INPUT_TOUCH, 502000);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, 503000);
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
    uk_app_choose(app, UK_HEAT_COLD_ITEM_NEW, UK_INPUT_TOUCH, 3001000);
    uk_app_choose(app, UK_HEAT_COLD_ITEM_BEGIN, UK_INPUT_TOUCH, 3002000);
    press(app, UK_ACTION_HELP, 3003000);
    uk_app_choose(app, UK_DOCTOR_HAVE_ONE, UK_INPUT_TOUCH, 3004000);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_DOCTOR);
    assert_int_equal(session.steps_total, 2);
}

/* ---- cards ------------------------------------------------------------------------- */

static void reading_cards(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_session session;
    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 1000);
    assert_int_equal(app->screen, UK_SCREEN_CARDS);
    assert_int_equal(app->card, 0);
    press(app, UK_ACTION_UP, 2000); /* nothing before the first */
    assert_int_equal(app->card, 0);
    press(app, UK_ACTION_DOWN, 3000);
    press(app, UK_ACTION_SELECT, 4000);
    assert_int_equal(app->card, 2);
    press(app, UK_ACTION_UP, 5000);
    assert_int_equal(app->card, 1);
    press(app, UK_ACTION_BACK, 6000); /* leaving before the end: stopped, 3 of 3 seen */
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
    assert_int_equal(session.steps_done, 3);

    press(app, UK_ACTION_SELECT, 7000);
    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 8000);
    press(app, UK_ACTION_BACK, 9000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
    assert_int_equal(session.steps_done, 1);
    assert_int_equal(session.steps_total, 3);

    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 10000);
    for (int i = 0; i < 3; i++)
        press(app, UK_ACTION_SELECT, 11000);
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_COMPLETED);
}

/* ---- sounds ------------------------------------------------------------------------- */

static void cues_for_count_in_steps_and_done(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 0);
    /* Tick as the loop would, at every deadline, and count what was asked for. */
    int count[UK_CUE_COUNT] = {0};
    uint64_t t = 0;
    while (app->screen == UK_SCREEN_PLAYER) {
        uk_cue cue;
        while (uk_app_take_cue(app, &cue))
            count[cue]++;
        if (t % 30000 < 1000)
            press(app, UK_ACTION_UP, t); /* someone is there */
        t = uk_app_tick(app, t);
    }
    uk_cue cue;
    while (uk_app_take_cue(app, &cue))
        count[cue]++;
    /* Four get-readys (every step but the rest) of 3, 2, 1. */
    assert_int_equal(count[UK_CUE_COUNT_IN], 4 * 3);
    /* Every step starts, and the second side of the alternating one. */
    assert_int_equal(count[UK_CUE_STEP], 6);
    assert_int_equal(count[UK_CUE_DONE], 1);
    assert_int_equal(count[UK_CUE_CHIME], 0);
}

static void session_row_is_anonymous_and_rounded(void **state)
{
    (void)state;
    uk_session session = {.routine = "neck-shoulders",
                          .lang = "en",
                          .started_ms = 5000,
                          .ended_ms = 5000 + 183400,
                          .steps_done = 6,
                          .steps_total = 6,
                          .outcome = UK_OUTCOME_COMPLETED,
                          .input = UK_INPUT_BUTTON};
    uk_session_row row;
    /* The core clock read 0 at 2026-11-23 09:59:58 UTC. */
    uk_session_to_row(&session, 1795427998000, &row);
    assert_int_equal(row.start_hour, 1795428000); /* 10:00:03 rounds down to 10:00 */
    assert_int_equal(row.start_hour % 3600, 0);
    assert_int_equal(row.duration_s, 183);
    assert_string_equal(row.routine, "neck-shoulders");
    assert_int_equal(row.input, UK_INPUT_BUTTON);
}

/* ---- closed hours and the way out ------------------------------------------ */

static void closed_kiosk_sleeps_once_idle_at_home(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_DOWN, 1000); /* someone is looking at the second routine */
    uk_app_set_open(app, false, 2000);
    assert_false(app->asleep); /* closing never cuts a person short */
    assert_int_equal(uk_app_tick(app, 2000), 91000);
    uk_app_tick(app, 91000);
    assert_true(app->asleep);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(uk_app_tick(app, 92000), UINT64_MAX); /* asleep: only input or opening */
    uk_app_set_open(app, true, 100000);
    assert_false(app->asleep);
}

static void first_press_in_the_dark_only_wakes(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_set_open(app, false, 200000);
    assert_true(app->asleep);

    /* A button, then a tap on a routine's card: neither chooses while dark. */
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 300000);
    assert_false(app->asleep);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_false(app->in_session);

    /* Awake for the idle time; the next press works as always. */
    assert_int_equal(uk_app_tick(app, 300000), 390000);
    press(app, UK_ACTION_SELECT, 310000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    press(app, UK_ACTION_BACK, 320000);
    uk_app_tick(app, 410000);
    assert_true(app->asleep); /* idle again while still closed */

    uk_app_choose(app, 1, UK_INPUT_TOUCH, 500000);
    assert_false(app->asleep);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->focus, 0);
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 501000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_int_equal(app->routine_index, 1);
}

static void only_the_first_quit_request_counts(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_int_equal(app->quit, UK_QUIT_NONE);
    uk_app_request_quit(app, UK_QUIT_RESTART);
    uk_app_request_quit(app, UK_QUIT_STOP);
    assert_int_equal(app->quit, UK_QUIT_RESTART);
}

/* ---- the buttons' own commands ------------------------------------------------ */

static void go_home_stops_the_routine_as_a_button_input(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 1000);
    press(app, UK_ACTION_HELP, 40000); /* on the doctor screen, the routine paused */
    uk_app_go_home(app, UK_INPUT_BUTTON, 42000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->focus, 0);
    assert_false(app->in_session);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
    assert_int_equal(session.ended_ms, 42000);
    assert_int_equal(session.input, UK_INPUT_BUTTON); /* 2 button inputs, 1 key */

    /* From home, with nothing under way, it only resets the highlight. */
    press(app, UK_ACTION_DOWN, 50000);
    uk_app_go_home(app, UK_INPUT_BUTTON, 51000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->focus, 0);
    assert_int_equal(uk_app_take_session(app, &session), 0);
}

/* ---- admin ------------------------------------------------------------------------ */

/* Types `digits` on the PIN pad with the buttons only: DOWN to each key, SELECT to press it. */
static void type_pin_with_buttons(uk_app *app, const char *digits, uint64_t t)
{
    for (const char *d = digits; *d; d++) {
        int key = *d == '0' ? 9 : *d - '1';
        while (app->focus < key)
            uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_BUTTON, t);
        while (app->focus > key)
            uk_app_handle(app, UK_ACTION_UP, UK_INPUT_BUTTON, t);
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t);
    }
    while (app->focus < UK_PIN_KEY_OK)
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_BUTTON, t);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, t);
}

static void admin_entry_stops_the_session_and_asks_for_the_pin(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 1000);
    uk_app_admin_request(app, UK_INPUT_BUTTON, 80000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    assert_false(app->in_session);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);

    /* Typed with the buttons; the core hands the PIN over and waits for the verdict. */
    type_pin_with_buttons(app, "2468", 81000);
    char pin[UK_PIN_MAX_DIGITS + 1];
    assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 1);
    assert_string_equal(pin, "2468");
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 81500); /* ignored while checked */
    uk_app_pin_checked(app, true, 82000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
    assert_int_equal(app->admin_page, UK_ADMIN_DAYS);
    assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 0); /* wiped */
    assert_int_equal(app->pin_len, 0);
}

/* Types a right PIN on the open PIN pad at `t`, as the shell's check would answer it. */
static void type_right_pin(uk_app *app, uint64_t t)
{
    char pin[UK_PIN_MAX_DIGITS + 1];
    for (const char *d = "1234\n"; *d; d++)
        uk_app_type(app, *d, UK_INPUT_KEYBOARD, t);
    assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 1);
    uk_app_pin_checked(app, true, t);
}

static void wrong_pins_lock_the_pad(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    char pin[UK_PIN_MAX_DIGITS + 1];
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 1000);
    /* Too short: OK does nothing until four digits. */
    uk_app_type(app, '1', UK_INPUT_KEYBOARD, 1000);
    uk_app_type(app, '\n', UK_INPUT_KEYBOARD, 1000);
    assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 0);
    uk_app_type(app, '\b', UK_INPUT_KEYBOARD, 1000);
    assert_int_equal(app->pin_len, 0);
    for (int attempt = 0; attempt < 5; attempt++) {
        const char *digits = "0000\n";
        for (const char *d = digits; *d; d++)
            uk_app_type(app, *d, UK_INPUT_KEYBOARD, 2000);
        assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 1);
        uk_app_pin_checked(app, false, 2000);
        assert_true(app->pin_wrong);
        assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    }
    /* Locked for five minutes: typing does nothing, not even with the right PIN. */
    assert_true(uk_pin_lock_locked(&app->pin_lock, 2000));
    uk_app_type(app, '1', UK_INPUT_KEYBOARD, 30000);
    assert_int_equal(app->pin_len, 0);
    assert_int_equal(uk_app_tick(app, 30000), 31000); /* the countdown on screen moves */
    /* The pad closes when left alone; opened again, it is still locked until the time is up. */
    uk_app_tick(app, 200000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 250000);
    assert_true(uk_pin_lock_locked(&app->pin_lock, 250000));
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 303000);
    type_right_pin(app, 303000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);

    /* Without a PIN in the settings, the pad takes nothing and the admin screen stays shut. */
    uk_app_handle(app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, 304000);
    app->cfg.admin_pin_set = false;
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 305000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    assert_int_equal(uk_app_item_count(app), 0);
    for (const char *d = "1234\n"; *d; d++)
        uk_app_type(app, *d, UK_INPUT_KEYBOARD, 306000);
    assert_int_equal(uk_app_take_pin(app, pin, sizeof pin), 0);
}

static void admin_screen_items(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    app->cfg.admin_pin_set = true;
    uk_app_admin_request(app, UK_INPUT_KEYBOARD, 1000);
    type_right_pin(app, 1000);
    /* Moving along the pages shows them. */
    for (int i = 1; i < UK_ADMIN_PAGE_COUNT; i++) {
        press(app, UK_ACTION_DOWN, 2000);
        assert_int_equal(app->admin_page, i);
    }
    press(app, UK_ACTION_DOWN, 2000); /* onto the sound switch: the page stays */
    assert_int_equal(app->admin_page, UK_ADMIN_BUTTONS);
    assert_false(app->muted);
    press(app, UK_ACTION_SELECT, 2000);
    assert_true(app->muted);
    /* Stop needs a second press within 5 s. */
    uk_app_choose(app, UK_ADMIN_STOP, UK_INPUT_TOUCH, 3000);
    assert_true(app->stop_armed);
    assert_int_equal(app->quit, UK_QUIT_NONE);
    uk_app_tick(app, 8000);
    assert_false(app->stop_armed); /* it waited too long */
    uk_app_choose(app, UK_ADMIN_STOP, UK_INPUT_TOUCH, 9000);
    uk_app_choose(app, UK_ADMIN_STOP, UK_INPUT_TOUCH, 10000);
    assert_int_equal(app->quit, UK_QUIT_STOP);
    /* Left open, it closes by itself like any screen. */
    uk_app_tick(app, 10000 + f->cfg.idle_ms);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
}

static void a_held_corner_opens_the_pin_pad(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_corner(app, true, 1000);
    assert_int_equal(uk_app_tick(app, 2000), 1000 + UK_APP_CORNER_MS);
    uk_app_corner(app, false, 3000); /* let go too soon: nothing */
    uk_app_tick(app, 10000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_app_corner(app, true, 20000);
    uk_app_tick(app, 20000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
    uk_app_corner(app, false, 25000);

    /* Held again on the admin screen (its first tab is in that corner): staff stay there. */
    app->cfg.admin_pin_set = true;
    type_right_pin(app, 26000);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
    uk_app_corner(app, true, 27000);
    uk_app_tick(app, 27000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN);
}

/* A paused routine sleeps for minutes; a held corner still wakes the loop in time. */
static void a_held_corner_on_a_paused_routine(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_SELECT, 2000); /* Pause */
    assert_true(app->player.paused);
    uk_app_corner(app, true, 3000);
    assert_int_equal(uk_app_tick(app, 3000), 3000 + UK_APP_CORNER_MS);
    uk_app_tick(app, 3000 + UK_APP_CORNER_MS);
    assert_int_equal(app->screen, UK_SCREEN_ADMIN_PIN);
}

/* ---- single switch ------------------------------------------------------------------ */

static void one_button_reaches_everything(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_set_scanning(app, true, 1000);
    const uk_scan_config *scan = &f->cfg.scan;
    /* Home: the routines, the language switch, about, then the doctor button. */
    assert_int_equal(uk_app_scan_highlight(app), 0);
    uint64_t t = uk_app_tick(app, 1000);
    assert_int_equal(t, 1000 + scan->first_step_ms);
    t = uk_app_tick(app, t);
    assert_int_equal(uk_app_scan_highlight(app), 1);
    assert_int_equal(app->focus, 1); /* the home screen's own highlight follows */
    for (int i = 1; i < ITEM_ABOUT + 1; i++)
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
        cmocka_unit_test_setup(complete_routine_logs_completed, setup),
        cmocka_unit_test_setup(walking_away_asks_then_times_out, setup),
        cmocka_unit_test_setup(a_late_press_keeps_the_routine_going, setup),
        cmocka_unit_test_setup(answering_still_there_only_answers, setup),
        cmocka_unit_test_setup(idle_returns_home_from_every_screen, setup),
        cmocka_unit_test_setup(help_from_every_screen, setup),
        cmocka_unit_test_setup(have_one_of_these_stops_the_routine, setup),
        cmocka_unit_test_setup(back_behaviour, setup),
        cmocka_unit_test_setup(tap_chooses_and_wakes, setup),
        cmocka_unit_test_setup(animating_only_while_a_step_plays, setup),
        cmocka_unit_test_setup(first_touch_only_wakes, setup_asleep),
        cmocka_unit_test_setup(language_switch_and_back, setup),
        cmocka_unit_test_setup(about_and_back, setup),
        cmocka_unit_test_setup(doctor_and_about_views_are_counted, setup),
        cmocka_unit_test_setup(heat_then_cold_for_a_new_injury, setup),
        cmocka_unit_test_setup(heat_only_for_an_older_one, setup),
        cmocka_unit_test_setup(heat_never_runs_past_its_maximum, setup),
        cmocka_unit_test_setup(heat_cold_waits_and_stops, setup),
        cmocka_unit_test_setup(reading_cards, setup),
        cmocka_unit_test_setup(cues_for_count_in_steps_and_done, setup),
        cmocka_unit_test_setup(closed_kiosk_sleeps_once_idle_at_home, setup),
        cmocka_unit_test_setup(first_press_in_the_dark_only_wakes, setup),
        cmocka_unit_test_setup(only_the_first_quit_request_counts, setup),
        cmocka_unit_test(session_row_is_anonymous_and_rounded),
        cmocka_unit_test_setup(go_home_stops_the_routine_as_a_button_input, setup),
        cmocka_unit_test_setup(admin_entry_stops_the_session_and_asks_for_the_pin, setup),
        cmocka_unit_test_setup(wrong_pins_lock_the_pad, setup),
        cmocka_unit_test_setup(admin_screen_items, setup),
        cmocka_unit_test_setup(a_held_corner_opens_the_pin_pad, setup),
        cmocka_unit_test_setup(a_held_corner_on_a_paused_routine, setup),
        cmocka_unit_test_setup(one_button_reaches_everything, setup),
        cmocka_unit_test_setup(a_resting_scan_wakes_first, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
