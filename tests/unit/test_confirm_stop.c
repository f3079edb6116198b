/*
 * test_confirm_stop.c: one press never ends what a person came for. Stop,
 * Back or the BACK button on a routine or a heat and cold timer asks "Stop
 * this routine?" first; keeping going is highlighted, and what the question
 * does by itself after a few seconds. With injected time.
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

static void stop_asks_and_keeping_going_resumes(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000); /* the first routine */
    uk_app_tick(app, 8000);
    uk_phase phase = app->player.phase;
    press(app, UK_ACTION_BACK, 8000);
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
    assert_true(app->in_session);
    assert_true(app->player.paused); /* the routine waits while the question shows */
    uk_session session;
    assert_int_equal(take_session(app, &session), 0);
    /* BACK, or the highlighted answer, keeps going where it was. */
    press(app, UK_ACTION_BACK, 9000);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_false(app->player.paused);
    assert_int_equal(app->player.phase, phase);
    press(app, UK_ACTION_BACK, 10000);
    press(app, UK_ACTION_SELECT, 10500);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_false(app->player.paused);
    /* "Stop now" stops: one session, stopped. */
    stop_routine(app, 12000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
}

static void an_unanswered_question_goes_away_by_itself(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_BACK, 3000);
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
    /* The seconds left count down on screen, then the routine goes on. */
    assert_int_equal(uk_app_tick(app, 3000), 4000);
    assert_int_equal(uk_app_tick(app, 10500), 11000);
    uk_app_tick(app, 3000 + f->cfg.confirm_stop_ms);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_false(app->player.paused);
    assert_true(app->in_session);
    /* A paused routine asked stays paused when the question goes. */
    press(app, UK_ACTION_SELECT, 20000); /* pause */
    press(app, UK_ACTION_BACK, 21000);
    uk_app_tick(app, 21000 + f->cfg.confirm_stop_ms);
    assert_int_equal(app->screen, UK_SCREEN_PLAYER);
    assert_true(app->player.paused);
}

/* A pack stays on: its timer runs while the question shows, and ends on time. */
static void a_heat_timer_runs_on_while_asked(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, ITEM_HEAT_COLD, UK_INPUT_TOUCH, 1000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_OLD, UK_INPUT_TOUCH, 2000);
    uk_app_choose(app, UK_HEAT_COLD_SCREEN_BEGIN, UK_INPUT_TOUCH, 3000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_RUNNING);
    press(app, UK_ACTION_BACK, 4000);
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
    uk_app_tick(app, 4000 + 5000);
    assert_int_equal(app->hc.stage, UK_HEAT_COLD_RUNNING);
    uint32_t left = app->hc.phase_ms - (uint32_t)(9000 - app->hc.phase_start);
    assert_true(left < app->hc.phase_ms); /* time went on */
    press(app, UK_ACTION_DOWN, 9000);
    press(app, UK_ACTION_SELECT, 9000); /* "Stop now" */
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
}

/* Cards end with BACK at once, and the doctor's "I have one of these" never asks. */
static void what_does_not_ask(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    uk_app_choose(app, ITEM_CARDS, UK_INPUT_TOUCH, 1000);
    press(app, UK_ACTION_BACK, 2000);
    assert_int_equal(app->screen, UK_SCREEN_HOME);
    assert_int_equal(app->focus, ITEM_CARDS);    /* back home, the highlight where it was */
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 3000); /* a routine */
    press(app, UK_ACTION_HELP, 4000);
    uk_app_choose(app, UK_DOCTOR_SCREEN_HAVE_ONE, UK_INPUT_TOUCH, 5000);
    assert_false(app->in_session);
    uk_session session;
    take_session(app, &session); /* the cards' */
    only_session(app, &session);
    assert_int_equal(session.outcome, UK_OUTCOME_DOCTOR);
    /* HELP on the question itself opens the doctor screen; back, the question again. */
    press(app, UK_ACTION_BACK, 6000); /* home */
    uk_app_choose(app, 0, UK_INPUT_TOUCH, 7000);
    press(app, UK_ACTION_BACK, 8000);
    press(app, UK_ACTION_HELP, 8500);
    assert_int_equal(app->screen, UK_SCREEN_DOCTOR);
    press(app, UK_ACTION_BACK, 9000);
    assert_int_equal(app->screen, UK_SCREEN_CONFIRM_STOP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(stop_asks_and_keeping_going_resumes, setup),
        cmocka_unit_test_setup(an_unanswered_question_goes_away_by_itself, setup),
        cmocka_unit_test_setup(a_heat_timer_runs_on_while_asked, setup),
        cmocka_unit_test_setup(what_does_not_ask, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
