/*
 * stop.c: a thread that waits for the stop signals. SIGUSR2, sent by
 * uk_stop_close to the thread alone, ends it; from anyone else it is
 * ignored.
 */
#include "platform/system/stop.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

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

uk_stop *uk_stop_open(void (*wake)(void *ctx), void *ctx)
{
    uk_stop *stop = calloc(1, sizeof *stop);
    if (!stop)
        return NULL;
    stop->wake = wake;
    stop->ctx = ctx;
    atomic_init(&stop->requested, 0);
    atomic_init(&stop->closing, false);
    sigemptyset(&stop->signals);
    sigaddset(&stop->signals, SIGTERM);
    sigaddset(&stop->signals, SIGINT);
    sigaddset(&stop->signals, SIGHUP);
    sigaddset(&stop->signals, SIGUSR2);
    int rc = pthread_sigmask(SIG_BLOCK, &stop->signals, NULL);
    if (rc == 0)
        rc = pthread_create(&stop->thread, NULL, wait_for_signals, stop);
    if (rc != 0) {
        free(stop);
        errno = rc;
        return NULL;
    }
    return stop;
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
