/*
 * test_player.c: the routine player over whole routines with injected time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/player.h"
#include "tests/fixtures/core_fixtures.h"

static const uk_player_timing timing = {.get_ready_ms = 5000, .switch_ms = 5000};

static void expect_at(uk_player *player, uint64_t t_s, uk_phase phase, int step, uk_side side)
{
    uk_player_moment view;
    uk_player_advance(player, t_s * 1000);
    uk_player_moment_at(player, t_s * 1000, &view);
    assert_int_equal(view.phase, phase);
    assert_int_equal(player->step, step);
    if (phase != UK_PHASE_DONE)
        assert_int_equal(view.side, side);
}

static void whole_routine_timeline(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player player;
    fixture_routine(&routine);
    uk_player_start(&player, &routine, &timing, 0);

    expect_at(&player, 0, UK_PHASE_GET_READY, 0, UK_SIDE_BOTH);
    expect_at(&player, 4, UK_PHASE_GET_READY, 0, UK_SIDE_BOTH);
    expect_at(&player, 5, UK_PHASE_ACTIVE, 0, UK_SIDE_BOTH);
    expect_at(&player, 24, UK_PHASE_ACTIVE, 0, UK_SIDE_BOTH);
    expect_at(&player, 25, UK_PHASE_GET_READY, 1, UK_SIDE_LEFT);
    assert_int_equal(player.steps_done, 1);
    expect_at(&player, 30, UK_PHASE_ACTIVE, 1, UK_SIDE_LEFT);
    expect_at(&player, 50, UK_PHASE_SWITCH_SIDES, 1, UK_SIDE_RIGHT);
    assert_int_equal(player.steps_done, 1); /* half an alternating step is not a step */
    expect_at(&player, 55, UK_PHASE_ACTIVE, 1, UK_SIDE_RIGHT);
    expect_at(&player, 75, UK_PHASE_ACTIVE, 2, UK_SIDE_BOTH); /* rest: no get-ready */
    expect_at(&player, 85, UK_PHASE_GET_READY, 3, UK_SIDE_LEFT);
    expect_at(&player, 90, UK_PHASE_ACTIVE, 3, UK_SIDE_LEFT);
    expect_at(&player, 102, UK_PHASE_GET_READY, 4, UK_SIDE_RIGHT);
    expect_at(&player, 136, UK_PHASE_ACTIVE, 4, UK_SIDE_RIGHT);
    expect_at(&player, 137, UK_PHASE_DONE, 5, UK_SIDE_BOTH);
    assert_int_equal(player.steps_done, 5);
    assert_int_equal(player.phase_start, FIXTURE_TOTAL_MS);
    assert_int_equal(uk_routine_total_ms(&routine, 5000, 5000), FIXTURE_TOTAL_MS);
}

static void one_jump_equals_many_ticks(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player jumped, ticked;
    fixture_routine(&routine);
    uk_player_start(&jumped, &routine, &timing, 1000);
    uk_player_start(&ticked, &routine, &timing, 1000);
    for (uint64_t t = 1000; t <= 100000; t += 7)
        uk_player_advance(&ticked, t);
    uk_player_advance(&jumped, 100000 - (100000 - 1000) % 7);
    assert_memory_equal(&jumped, &ticked, sizeof jumped);
}

static void countdown_and_reps(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player player;
    uk_player_moment view;
    fixture_routine(&routine);
    uk_player_start(&player, &routine, &timing, 0);

    uk_player_moment_at(&player, 0, &view);
    assert_int_equal(view.seconds_left, 5);
    uk_player_moment_at(&player, 4001, &view);
    assert_int_equal(view.seconds_left, 1);
    /* The countdown changes on whole seconds, so that is when the screen needs redrawing. */
    assert_int_equal(uk_player_next_deadline(&player, 0), 1000);
    assert_int_equal(uk_player_next_deadline(&player, 1500), 2000);

    uk_player_advance(&player, 91000);
    uk_player_moment_at(&player, 91000, &view);
    assert_int_equal(player.step, 3);
    assert_int_equal(view.rep, 1);
    uk_player_moment_at(&player, 96500, &view);
    assert_int_equal(view.rep, 3);
    assert_int_equal(view.seconds_left, 6);
    uk_player_moment_at(&player, 101999, &view);
    assert_int_equal(view.rep, 4);
}

static void pause_freezes_time(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player player;
    uk_player_moment view;
    fixture_routine(&routine);
    uk_player_start(&player, &routine, &timing, 0);
    uk_player_advance(&player, 10000);
    uk_player_pause(&player, 10000);
    assert_int_equal(uk_player_next_deadline(&player, 10000), UINT64_MAX);
    uk_player_advance(&player, 600000); /* ten minutes paused */
    uk_player_moment_at(&player, 600000, &view);
    assert_int_equal(view.phase, UK_PHASE_ACTIVE);
    assert_int_equal(view.elapsed_ms, 5000);
    uk_player_resume(&player, 600000);
    uk_player_advance(&player, 614999);
    assert_int_equal(player.step, 0);
    uk_player_advance(&player, 615000);
    assert_int_equal(player.step, 1);
}

static void skip_does_not_count(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player player;
    fixture_routine(&routine);
    uk_player_start(&player, &routine, &timing, 0);
    uk_player_advance(&player, 6000);
    uk_player_skip(&player, 6000);
    assert_int_equal(player.step, 1);
    assert_int_equal(player.phase, UK_PHASE_GET_READY);
    assert_int_equal(player.steps_done, 0);
    for (int i = 0; i < 4; i++)
        uk_player_skip(&player, 6000);
    assert_int_equal(player.phase, UK_PHASE_DONE);
    assert_int_equal(player.steps_done, 0);
}

static void gate_holds_before_next_step(void **state)
{
    (void)state;
    uk_routine routine;
    uk_player player;
    fixture_routine(&routine);
    uk_player_start(&player, &routine, &timing, 0);
    player.gate = true;
    uk_player_advance(&player, 40000); /* the gate does not cut a step short */
    assert_int_equal(player.phase, UK_PHASE_HELD);
    assert_int_equal(player.step, 1);
    assert_int_equal(player.phase_start, 25000);
    assert_int_equal(player.steps_done, 1);
    assert_int_equal(uk_player_next_deadline(&player, 40000), UINT64_MAX);
    uk_player_release(&player, 40000);
    assert_int_equal(player.phase, UK_PHASE_GET_READY);
    uk_player_advance(&player, 45000);
    assert_int_equal(player.phase, UK_PHASE_ACTIVE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_routine_timeline), cmocka_unit_test(one_jump_equals_many_ticks),
        cmocka_unit_test(countdown_and_reps),     cmocka_unit_test(pause_freezes_time),
        cmocka_unit_test(skip_does_not_count),    cmocka_unit_test(gate_holds_before_next_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
