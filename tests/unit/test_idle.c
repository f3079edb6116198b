/*
 * test_idle.c: the loop's sleep on a video driver whose own wait polls
 * (SDL's offscreen driver here, as KMSDRM on a Pi).
 *
 * A wait with nothing to do sleeps (it costs a small part of the time it
 * lasts in CPU, where SDL's own wait would spin a thousand times a second
 * and a wake-up loop would burn all of it); an event pushed from another
 * thread, as the GPIO reader and the stop signal push theirs, wakes a wait
 * that has no end at once, while one the loop's own thread queued costs no
 * wake-up; none of a burst of events is lost. Times are
 * only compared one way, with room to spare, so a slow machine cannot make
 * the test fail.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "platform/loop/idle.h"

#define BURST 100

typedef struct pusher {
    Uint32 type;
    unsigned delay_ms; /* before the first push */
    int count;
    uint64_t pushed_ns; /* when the first was pushed */
} pusher;

static uint64_t now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *push(void *arg)
{
    pusher *p = arg;
    struct timespec ts = {0, (long)p->delay_ms * 1000000L};
    nanosleep(&ts, NULL);
    p->pushed_ns = now_ns(CLOCK_MONOTONIC);
    for (int i = 0; i < p->count; i++) {
        SDL_Event event = {.type = p->type};
        event.user.code = i;
        SDL_PushEvent(&event);
    }
    return NULL;
}

static int setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        print_message("SKIP: no offscreen video driver: %s\n", SDL_GetError());
        exit(77);
    }
    uk_idle *idle = uk_idle_open();
    assert_non_null(idle);
    *state = idle;
    return 0;
}

static int teardown(void **state)
{
    uk_idle_close(*state);
    SDL_Quit();
    return 0;
}

static void sleeps_on_a_polling_driver(void **state)
{
    uk_idle *idle = *state;
    assert_true(uk_idle_own_sleep(idle));
    SDL_Event event;
    while (SDL_PollEvent(&event)) /* whatever SDL queued at start-up */
        ;
    uint64_t start = now_ns(CLOCK_MONOTONIC), cpu = now_ns(CLOCK_THREAD_CPUTIME_ID);
    assert_int_equal(uk_idle_wait(idle, &event, 600), 0);
    uint64_t waited = now_ns(CLOCK_MONOTONIC) - start;
    uint64_t used = now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu;
    assert_true(waited >= 590000000u); /* SDL_GetTicks64 counts whole ms */
    if (used * 10 > waited)
        fail_msg("waiting %.0f ms took %.1f ms of CPU: it did not sleep", (double)waited / 1e6,
                 (double)used / 1e6);
}

static void a_pushed_event_wakes_an_endless_wait(void **state)
{
    uk_idle *idle = *state;
    Uint32 type = SDL_RegisterEvents(1);
    pusher p = {.type = type, .delay_ms = 100, .count = 1};
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, push, &p), 0);
    SDL_Event event;
    do
        assert_int_equal(uk_idle_wait(idle, &event, -1), 1);
    while (event.type != type);
    uint64_t woke = now_ns(CLOCK_MONOTONIC);
    pthread_join(thread, NULL);
    /* Well inside the slice the waiter would otherwise sleep to the end of. */
    if (woke - p.pushed_ns > (uint64_t)UK_IDLE_SLICE_MS * 1000000u * 4 / 5)
        fail_msg("the event woke the wait after %.0f ms", (double)(woke - p.pushed_ns) / 1e6);
}

/*
 * The loop pushes an event on its own thread (as SDL queues a touch it has
 * just read while pumping) and takes it: the next wait must sleep through,
 * not wake every millisecond for the grace period of an event from another
 * thread.
 */
static void the_loops_own_events_cost_no_wakeups(void **state)
{
    uk_idle *idle = *state;
    SDL_Event event;
    while (SDL_PollEvent(&event))
        ;
    SDL_Event own = {.type = SDL_RegisterEvents(1)};
    SDL_PushEvent(&own);
    assert_int_equal(SDL_PollEvent(&event), 1); /* taken by the loop, not by a wait */
    assert_int_equal(event.type, own.type);
    unsigned long before = uk_idle_wakeups(idle);
    assert_int_equal(uk_idle_wait(idle, &event, 100), 0);
    unsigned long wakeups = uk_idle_wakeups(idle) - before;
    if (wakeups > 2)
        fail_msg("a 100 ms wait with nothing to do woke %lu times", wakeups);
}

static void no_event_of_a_burst_is_lost(void **state)
{
    uk_idle *idle = *state;
    Uint32 type = SDL_RegisterEvents(1);
    pusher p = {.type = type, .delay_ms = 20, .count = BURST};
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, push, &p), 0);
    int seen = 0;
    SDL_Event event;
    while (seen < BURST && uk_idle_wait(idle, &event, 5000))
        if (event.type == type)
            assert_int_equal(event.user.code, seen++);
    pthread_join(thread, NULL);
    assert_int_equal(seen, BURST);
}

static void a_zero_timeout_only_looks(void **state)
{
    uk_idle *idle = *state;
    SDL_Event event;
    while (uk_idle_wait(idle, &event, 0))
        ;
    Uint32 type = SDL_RegisterEvents(1);
    SDL_Event pushed = {.type = type};
    SDL_PushEvent(&pushed);
    assert_int_equal(uk_idle_wait(idle, &event, 0), 1);
    assert_int_equal(event.type, type);
    assert_int_equal(uk_idle_wait(idle, &event, 0), 0);
}

static void a_missing_waiter_uses_sdls_wait(void **state)
{
    (void)state;
    SDL_Event event;
    while (uk_idle_wait(NULL, &event, 0))
        ;
    assert_int_equal(uk_idle_wait(NULL, &event, 10), 0);
    uk_idle_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(sleeps_on_a_polling_driver, setup, teardown),
        cmocka_unit_test_setup_teardown(a_pushed_event_wakes_an_endless_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(the_loops_own_events_cost_no_wakeups, setup, teardown),
        cmocka_unit_test_setup_teardown(no_event_of_a_burst_is_lost, setup, teardown),
        cmocka_unit_test_setup_teardown(a_zero_timeout_only_looks, setup, teardown),
        cmocka_unit_test_setup_teardown(a_missing_waiter_uses_sdls_wait, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
