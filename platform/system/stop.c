/*
 * stop.c: a thread that waits for the stop signals. SIGUSR2, sent by
 * uk_stop_close to the thread alone, ends it; from anyone else it is
 * ignored.
 *
 * The thread shares only two atomics with the rest: the signal asked for
 * (the first one is kept) and "closing". It does nothing but set the flag
 * and call `wake`: stopping is the loop's to do, on its own thread.
 */
#include "platform/system/stop.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "platform/system/error.h"

struct uk_stop {
    pthread_t thread;
    sigset_t signals;
    void (*wake)(void *ctx);
    void *ctx;
    atomic_int requested; /* the signal number, 0 until one arrives */
    atomic_bool closing;
};

static void *wait_for_signals(void *arg)
{
    uk_stop *stop = arg;
    for (;;) {
        int sig = 0;
        if (sigwait(&stop->signals, &sig) != 0)
            continue;
        if (sig == SIGUSR2) {
            if (atomic_load(&stop->closing))
                return NULL;
            continue;
        }
        int none = 0;
        atomic_compare_exchange_strong(&stop->requested, &none, sig);
        if (stop->wake)
            stop->wake(stop->ctx);
    }
}

uk_stop *uk_stop_open(void (*wake)(void *ctx), void *ctx, char *error, size_t error_len)
{
    uk_stop *stop = calloc(1, sizeof *stop);
    if (!stop) {
        uk_error_set(error, error_len, ENOMEM, "cannot watch for stop signals: %s",
                     strerror(ENOMEM));
        return NULL;
    }
    stop->wake = wake;
    stop->ctx = ctx;
    atomic_init(&stop->requested, 0);
    atomic_init(&stop->closing, false);
    sigemptyset(&stop->signals);
    sigaddset(&stop->signals, SIGTERM);
    sigaddset(&stop->signals, SIGINT);
    sigaddset(&stop->signals, SIGHUP);
    sigaddset(&stop->signals, SIGUSR2);
    sigset_t before;
    int rc = pthread_sigmask(SIG_BLOCK, &stop->signals, &before);
    if (rc != 0)
        goto err_free;
    rc = pthread_create(&stop->thread, NULL, wait_for_signals, stop);
    if (rc != 0)
        goto err_unblock;
    return stop;

err_unblock:
    /* Nobody would wait for them: a blocked SIGTERM would leave the kiosk unstoppable. */
    pthread_sigmask(SIG_SETMASK, &before, NULL);
err_free:
    free(stop);
    uk_error_set(error, error_len, rc, "cannot watch for stop signals: %s", strerror(rc));
    return NULL;
}

void uk_stop_close(uk_stop *stop)
{
    if (!stop)
        return;
    atomic_store(&stop->closing, true);
    pthread_kill(stop->thread, SIGUSR2);
    pthread_join(stop->thread, NULL);
    free(stop);
}

int uk_stop_requested(const uk_stop *stop)
{
    return stop ? atomic_load(&((uk_stop *)stop)->requested) : 0;
}
