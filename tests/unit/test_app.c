/*
 * test_app.c: the rules every screen shares, as a person meets them, with
 * injected time: sessions that end once, idle and "Still there?", the doctor
 * button everywhere, waking, languages, closed hours and the sessions the
 * usage log is handed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "app/core/doctor_screen.h"
#include "tests/fixtures/app_fixtures.h"

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
    assert_int_equal(take_session(app, &session), 0);
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
    uk_player_moment view;
    uk_player_moment_at(&app->player, 20000, &view);
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
    uk_app_choose(app, UK_DOCTOR_SCREEN_HAVE_ONE, UK_INPUT_TOUCH, 31000);
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
        press(app, UK_ACTION_DOWN, 0); /* the highlight stops at the last item: the language */
    assert_int_equal(app->focus, ITEM_LANGUAGE);
    press(app, UK_ACTION_BACK, 0); /* BACK on home: highlight to the top */
    assert_int_equal(app->focus, 0);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_SELECT, 8000); /* pause */
    assert_true(app->player.paused);
    press(app, UK_ACTION_SELECT, 9000); /* resume */
    assert_false(app->player.paused);
    press(app, UK_ACTION_BACK, 10000); /* Stop asks first, the routine waiting */
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
    assert_int_equal(app->focus, 0); /* "Keep going" */
    assert_true(app->player.paused);
    press(app, UK_ACTION_DOWN, 10000);
    press(app, UK_ACTION_SELECT, 10000); /* "Stop now" */
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

    /* A tap on another routine than the one shown wakes the kiosk and starts nothing. */
    assert_int_equal(uk_app_attract_routine(app, 10000), 1);
    uk_app_choose(app, 3, UK_INPUT_TOUCH, 10000);
    assert_false(app->attract);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_false(app->in_session);
    uk_session session;
    assert_int_equal(take_session(app, &session), 0);
    /* The next tap chooses. */
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 11000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    stop_routine(app, 12000);

    /* After a while without anyone, attract mode again; a button press only wakes it too. */
    uk_app_tick(app, 12000 + f->cfg.idle_ms);
    assert_true(app->attract);
    press(app, UK_ACTION_SELECT, 200000);
    assert_false(app->attract);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(take_session(app, &session), 1); /* the stopped one, from before */
    assert_int_equal(take_session(app, &session), 0);
}

/* On the attract mode a first touch does at once what is plain: the doctor button opens the
 * doctor screen, a touch on the routine shown starts it. */
static void the_attract_mode_acts_where_it_is_plain(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_true(app->attract);
    press(app, UK_ACTION_HELP, 1000); /* the doctor button, or the HELP button */
    assert_false(app->attract);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_screen screen;
    assert_int_equal(take_view(app, &screen), 1); /* counted, as any opening */
    press(app, UK_ACTION_BACK, 2000);
    uk_app_tick(app, 2000 + f->cfg.idle_ms);
    assert_true(app->attract);
    /* The preview shows routine 2 a while later: a touch on it starts routine 2. */
    uint64_t t = app->attract_since + 2 * f->cfg.attract_cycle_ms + 1000;
    assert_int_equal(uk_app_attract_routine(app, t), 2);
    for (uint64_t now = app->attract_since; now < t; now = uk_app_tick(app, now))
        ; /* the loop wakes at every change of the preview, and shows it */
    uk_app_choose(app, 2, UK_INPUT_TOUCH, t);
    assert_true(app->in_session);
    assert_int_equal(app->routine_index, 2);
    assert_int_equal(app->screen, UK_SCREEN_HEAT_COLD);
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
    stop_routine(app, 3000);
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
    assert_int_equal(app->focus, ITEM_ABOUT);    /* back home, the highlight where it was */
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 5000); /* a routine: not counted as a view */
    press(app, UK_ACTION_HELP, 6000);
    assert_int_equal(take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_DOCTOR);
    assert_int_equal(take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_ABOUT);
    assert_int_equal(take_view(app, &screen), 1);
    assert_int_equal(screen, UK_SCREEN_DOCTOR);
    assert_int_equal(take_view(app, &screen), 0);
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
    int count[UK_EFFECT_CUE_COUNT] = {0};
    uint64_t t = 0;
    while (app->screen == UK_SCREEN_PLAYER) {
        uk_effect_cue cue;
        while (take_cue(app, &cue))
            count[cue]++;
        if (t % 30000 < 1000)
            press(app, UK_ACTION_UP, t); /* someone is there */
        t = uk_app_tick(app, t);
    }
    uk_effect_cue cue;
    while (take_cue(app, &cue))
        count[cue]++;
    /* Four get-readys (every step but the rest) of 3, 2, 1. */
    assert_int_equal(count[UK_EFFECT_CUE_COUNT_IN], 4 * 3);
    /* Every step starts, and the second side of the alternating one. */
    assert_int_equal(count[UK_EFFECT_CUE_STEP], 6);
    assert_int_equal(count[UK_EFFECT_CUE_DONE], 1);
    assert_int_equal(count[UK_EFFECT_CUE_CHIME], 0);
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
    stop_routine(app, 320000);
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
    assert_int_equal(take_quit(app), 0);
    uk_app_request_quit(app, UK_EFFECT_QUIT_RESTART);
    uk_app_request_quit(app, UK_EFFECT_QUIT_STOP);
    assert_int_equal(take_quit(app), UK_EFFECT_QUIT_RESTART);
    assert_int_equal(take_quit(app), 0); /* one QUIT, the first */
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
    assert_int_equal(take_session(app, &session), 0);
}

/* Back on home after a routine, its card is still highlighted; the next person starts at the
 * top. */
static void home_keeps_the_routine_just_done(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 1000);
    press(app, UK_ACTION_BACK, 2000); /* the cards leave at once */
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->focus, ITEM_CARDS);
    uk_app_choose(app, 1, UK_INPUT_TOUCH, 3000);
    stop_routine(app, 4000);
    assert_int_equal(app->focus, 1);
    uk_app_tick(app, 4000 + f->cfg.idle_ms);
    assert_int_equal(app->focus, 0);
    press(app, UK_ACTION_SELECT, 200000); /* wakes */
    assert_int_equal(app->focus, 0);
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
        cmocka_unit_test_setup(the_attract_mode_acts_where_it_is_plain, setup_asleep),
        cmocka_unit_test_setup(language_switch_and_back, setup),
        cmocka_unit_test_setup(doctor_and_about_views_are_counted, setup),
        cmocka_unit_test_setup(about_and_back, setup),
        cmocka_unit_test_setup(reading_cards, setup),
        cmocka_unit_test_setup(cues_for_count_in_steps_and_done, setup),
        cmocka_unit_test(session_row_is_anonymous_and_rounded),
        cmocka_unit_test_setup(closed_kiosk_sleeps_once_idle_at_home, setup),
        cmocka_unit_test_setup(first_press_in_the_dark_only_wakes, setup),
        cmocka_unit_test_setup(only_the_first_quit_request_counts, setup),
        cmocka_unit_test_setup(go_home_stops_the_routine_as_a_button_input, setup),
        cmocka_unit_test_setup(home_keeps_the_routine_just_done, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
