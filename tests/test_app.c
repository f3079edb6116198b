/*
 * test_app.c: the screens as a person meets them, with injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/app.h"
#include "tests/core_fixtures.h"

typedef struct fixture {
    uk_routine routines[2];
    uk_app_config cfg;
    uk_app app;
} fixture;

static int setup(void **state)
{
    static fixture f;
    fixture_routine(&f.routines[0]);
    fixture_routine(&f.routines[1]);
    snprintf(f.routines[1].id, sizeof f.routines[1].id, "second");
    uk_app_config_defaults(&f.cfg);
    uk_app_init(&f.app, &f.cfg, f.routines, 2, 0);
    *state = &f;
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

    /* Home with a moved highlight: idle puts the highlight back. */
    press(app, UK_ACTION_DOWN, 0);
    assert_int_equal(uk_app_tick(app, 1000), 90000);
    uk_app_tick(app, 90000);
    assert_int_equal(app->focus, 0);
    assert_int_equal(uk_app_tick(app, 90001), UINT64_MAX); /* nothing left to wait for */

    /* Doctor screen from home. */
    press(app, UK_ACTION_HELP, 100000);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_tick(app, 189999);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    uk_app_tick(app, 190000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);

    /* Doctor screen during a routine: the routine is paused, so idle ends it. */
    press(app, UK_ACTION_SELECT, 200000);
    press(app, UK_ACTION_HELP, 210000);
    assert_true(app->player.paused);
    uk_app_tick(app, 300000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);
    assert_int_equal(session.ended_ms, 300000);

    /* A paused routine asks "Still there?" at once when idle, then times out. */
    press(app, UK_ACTION_SELECT, 400000);
    press(app, UK_ACTION_SELECT, 401000); /* pause */
    uk_app_tick(app, 491000);
    assert_true(app->still_there);
    uk_app_tick(app, 511000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_TIMED_OUT);

    /* Done screen. */
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

    press(app, UK_ACTION_DOWN, 0);
    press(app, UK_ACTION_DOWN, 0); /* the highlight stops at the last routine */
    assert_int_equal(app->focus, 1);
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
    uk_app_choose(app, 5, UK_INPUT_TOUCH, 0); /* no such item: nothing */
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
}

static void animating_only_while_a_step_plays(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    assert_false(uk_app_animating(app));
    press(app, UK_ACTION_SELECT, 0);
    uk_app_tick(app, 1000);
    assert_false(uk_app_animating(app)); /* get-ready: only the countdown changes */
    uk_app_tick(app, 6000);
    assert_true(uk_app_animating(app));
    press(app, UK_ACTION_SELECT, 7000);
    assert_false(uk_app_animating(app)); /* paused */
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

static void admin_request_only_raises_the_flag(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_BUTTON, 1000);
    assert_false(app->admin_requested);
    uk_app_admin_request(app, UK_INPUT_BUTTON, 80000);
    assert_true(app->admin_requested);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_true(app->in_session);
    /* It counts as someone being there: no "Still there?" at the step ending at 102 s. */
    uk_app_tick(app, 110000);
    assert_false(app->still_there);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(complete_routine_logs_completed, setup),
        cmocka_unit_test_setup(walking_away_asks_then_times_out, setup),
        cmocka_unit_test_setup(answering_still_there_only_answers, setup),
        cmocka_unit_test_setup(idle_returns_home_from_every_screen, setup),
        cmocka_unit_test_setup(help_from_every_screen, setup),
        cmocka_unit_test_setup(have_one_of_these_stops_the_routine, setup),
        cmocka_unit_test_setup(back_behaviour, setup),
        cmocka_unit_test_setup(tap_chooses_and_wakes, setup),
        cmocka_unit_test_setup(animating_only_while_a_step_plays, setup),
        cmocka_unit_test(session_row_is_anonymous_and_rounded),
        cmocka_unit_test_setup(go_home_stops_the_routine_as_a_button_input, setup),
        cmocka_unit_test_setup(admin_request_only_raises_the_flag, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
