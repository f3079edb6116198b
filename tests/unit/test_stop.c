/*
 * test_stop.c: a stop signal sent to the kiosk, as systemd (SIGTERM), a
 * person at the terminal (SIGINT) or a closed session (SIGHUP) sends it.
 *
 * The signals really are sent, to this process: the watcher must see each
 * as a request, keep the first, wake the loop after the request can be
 * read, ignore a SIGUSR2 that is not its own, and end its thread when
 * closed. Every wait is for an event, with a deadline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform/system/stop.h"

#define DEADLINE_S 10

/* What the loop would see: how often it was woken, and the request it then read. */
typedef struct waker {
    pthread_mutex_t lock;
    pthread_cond_t woken;
    uk_stop *stop;
    unsigned wakes;
    int seen; /* uk_stop_requested at the latest wake */
} waker;

static void wake(void *ctx)
{
    waker *w = ctx;
    pthread_mutex_lock(&w->lock);
    w->seen = uk_stop_requested(w->stop);
    w->wakes++;
    pthread_cond_broadcast(&w->woken);
    pthread_mutex_unlock(&w->lock);
}

static void open_watcher(waker *w)
{
    memset(w, 0, sizeof *w);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->woken, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&w->lock, NULL);
    char error[256] = "";
    uk_stop *stop = uk_stop_open(wake, w, error, sizeof error);
    if (!stop)
        fail_msg("uk_stop_open: %s", error);
    pthread_mutex_lock(&w->lock);
    w->stop = stop;
    pthread_mutex_unlock(&w->lock);
}

static unsigned wakes(waker *w)
{
    pthread_mutex_lock(&w->lock);
    unsigned n = w->wakes;
    pthread_mutex_unlock(&w->lock);
    return n;
}

/* Waits until the watcher has woken us `count` times in all, or fails after DEADLINE_S. */
static void wait_wakes(waker *w, unsigned count)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += DEADLINE_S;
    pthread_mutex_lock(&w->lock);
    int rc = 0;
    while (w->wakes < count && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&w->woken, &w->lock, &deadline);
    unsigned got = w->wakes;
    pthread_mutex_unlock(&w->lock);
    if (got < count)
        fail_msg("woken %u times, not %u, within %d s", got, count, DEADLINE_S);
}

/* Closes the watcher; the close must end its thread promptly. */
static void close_watcher(waker *w)
{
    struct timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    uk_stop_close(w->stop);
    clock_gettime(CLOCK_MONOTONIC, &after);
    double took =
        (double)(after.tv_sec - before.tv_sec) + (double)(after.tv_nsec - before.tv_nsec) / 1e9;
    if (took >= 1)
        fail_msg("closing took %.1f s", took);
    w->stop = NULL;
    pthread_cond_destroy(&w->woken);
    pthread_mutex_destroy(&w->lock);
}

/* ---- the tests ------------------------------------------------------------------ */

static void each_stop_signal_is_a_request_that_wakes_the_loop(void **state)
{
    (void)state;
    const int signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        waker w;
        open_watcher(&w);
        assert_int_equal(uk_stop_requested(w.stop), 0);
        assert_int_equal(kill(getpid(), signals[i]), 0);
        wait_wakes(&w, 1);
        assert_int_equal(uk_stop_requested(w.stop), signals[i]);
        assert_int_equal(w.seen, signals[i]); /* readable by the time the loop wakes */
        close_watcher(&w);
        assert_int_equal(w.wakes, 1);
    }
}

static void nothing_is_requested_before_a_signal(void **state)
{
    (void)state;
    waker w;
    open_watcher(&w);
    assert_int_equal(uk_stop_requested(w.stop), 0);
    assert_int_equal(wakes(&w), 0);
    close_watcher(&w); /* its own SIGUSR2 ends the thread: no wake, no request */
    assert_int_equal(w.wakes, 0);
    assert_int_equal(uk_stop_requested(NULL), 0);
    uk_stop_close(NULL);
}

/* A second signal wakes the loop again, but the request stays the first one. */
static void the_first_signal_is_the_one_kept(void **state)
{
    (void)state;
    waker w;
    open_watcher(&w);
    assert_int_equal(kill(getpid(), SIGHUP), 0);
    wait_wakes(&w, 1);
    assert_int_equal(kill(getpid(), SIGTERM), 0);
    wait_wakes(&w, 2);
    assert_int_equal(uk_stop_requested(w.stop), SIGHUP);
    close_watcher(&w);
}

/* SIGUSR2 from someone else neither stops the kiosk nor ends the watcher. */
static void a_stray_sigusr2_is_ignored(void **state)
{
    (void)state;
    waker w;
    open_watcher(&w);
    assert_int_equal(kill(getpid(), SIGUSR2), 0);
    assert_int_equal(kill(getpid(), SIGTERM), 0); /* still watched after it */
    wait_wakes(&w, 1);
    assert_int_equal(uk_stop_requested(w.stop), SIGTERM);
    close_watcher(&w);
    assert_int_equal(w.wakes, 1);
}

/* Without a wake callback the request is still there to read. */
static void without_a_callback_the_request_is_still_read(void **state)
{
    (void)state;
    char error[256] = "";
    uk_stop *stop = uk_stop_open(NULL, NULL, error, sizeof error);
    if (!stop)
        fail_msg("uk_stop_open: %s", error);
    assert_int_equal(kill(getpid(), SIGINT), 0);
    struct timespec now, deadline, pause = {0, 1000000};
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += DEADLINE_S;
    do {
        if (uk_stop_requested(stop) != 0)
            break;
        nanosleep(&pause, NULL); /* nothing to wait on but the flag itself */
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (now.tv_sec < deadline.tv_sec ||
             (now.tv_sec == deadline.tv_sec && now.tv_nsec < deadline.tv_nsec));
    assert_int_equal(uk_stop_requested(stop), SIGINT);
    uk_stop_close(stop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_is_requested_before_a_signal),
        cmocka_unit_test(each_stop_signal_is_a_request_that_wakes_the_loop),
        cmocka_unit_test(the_first_signal_is_the_one_kept),
        cmocka_unit_test(a_stray_sigusr2_is_ignored),
        cmocka_unit_test(without_a_callback_the_request_is_still_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
