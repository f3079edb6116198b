/*
 * test_completion.c: what a session records is honest: reaching the end by
 * skipping through is not finishing, the parts skipped are counted, and the
 * time actually spent leaves pauses out. With injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/app.h"
#include "tests/fixtures/app_fixtures.h"

/* Skipping through to the end is not finishing: the session says what was skipped. */
static void skipping_through_is_not_finishing(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000); /* the first routine: 6 steps */
    uint64_t t = 1000;
    while (app->screen == UK_SCREEN_PLAYER)
        press(app, UK_ACTION_DOWN, t += 500); /* "Next step", again and again */
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    assert_false(app->done_stayed); /* the done screen does not congratulate it */
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.steps_done, 0);
    assert_int_equal(session.steps_skipped, session.steps_total);
    assert_false(uk_session_stayed(&session));
    assert_int_equal(session.active_ms, t - 1000);
}

/* Staying with it, with a pause and a look at the doctor screen: finished, and the time
 * actually spent leaves both out. */
static void staying_is_finishing_and_pauses_are_not_time_spent(void **state)
{
    fixture *f = *state;
    uk_app *app = &f->app;
    press(app, UK_ACTION_SELECT, 1000);
    press(app, UK_ACTION_SELECT, 10000); /* pause for 20 s */
    press(app, UK_ACTION_SELECT, 30000);
    press(app, UK_ACTION_HELP, 40000); /* the doctor screen for 10 s */
    press(app, UK_ACTION_BACK, 50000);
    uint64_t t = 50000;
    while (app->in_session) {
        press(app, UK_ACTION_UP, t); /* someone is there; UP does nothing in a routine */
        t = uk_app_tick(app, t);
    }
    assert_true(app->done_stayed);
    uk_session session;
    only_session(app, &session);
    assert_int_equal(session.steps_done, session.steps_total);
    assert_int_equal(session.steps_skipped, 0);
    assert_true(uk_session_stayed(&session));
    assert_int_equal(session.active_ms, session.ended_ms - session.started_ms - 30000);
}

/* The rule: two thirds of the parts done, at most a third skipped. */
static void the_rule_of_staying(void **state)
{
    (void)state;
    uk_session s = {.steps_total = 6, .steps_done = 4, .steps_skipped = 2};
    assert_true(uk_session_stayed(&s));
    s.steps_done = 3;
    s.steps_skipped = 3;
    assert_false(uk_session_stayed(&s));
    s = (uk_session){.steps_total = 1, .steps_done = 1};
    assert_true(uk_session_stayed(&s));
    s = (uk_session){.steps_total = 2, .steps_done = 2, .steps_skipped = 1}; /* a phase ended
                                                                                 early */
    assert_false(uk_session_stayed(&s));
    s = (uk_session){.steps_total = 0};
    assert_false(uk_session_stayed(&s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(skipping_through_is_not_finishing, setup),
        cmocka_unit_test_setup(staying_is_finishing_and_pauses_are_not_time_spent, setup),
        cmocka_unit_test(the_rule_of_staying),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
