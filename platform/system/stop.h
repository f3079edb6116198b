/*
 * stop.h: SIGTERM, SIGINT and SIGHUP as a polite request to stop.
 *
 * systemd stops the service with SIGTERM; the kiosk must then store the
 * session under way and close the usage store before it exits. Signal
 * handlers can do almost nothing safely, so no handler is installed:
 * uk_stop_open blocks the three signals in the calling thread (and so in
 * every thread started after it: call it first, before SDL or the store
 * start threads), and a small thread waits for them with sigwait. When one
 * arrives it sets a flag the loop reads and calls `wake` (the kiosk pushes
 * an SDL event, which is thread-safe, so a loop asleep in
 * SDL_WaitEventTimeout wakes at once).
 *
 * SDL's own handlers (which turn SIGINT and SIGTERM into SDL_QUIT) are
 * switched off with SDL_HINT_NO_SIGNAL_HANDLERS: in kiosk mode SDL_QUIT is
 * ignored, since the window manager sends it for Alt+F4; a signal comes
 * from someone with a shell on the machine, and is obeyed.
 */
#ifndef UK_PLATFORM_SYSTEM_STOP_H
#define UK_PLATFORM_SYSTEM_STOP_H

#include <stddef.h>

typedef struct uk_stop uk_stop;

/*
 * Blocks the signals (and SIGUSR2, which uk_stop_close uses) and starts the
 * waiting thread. `wake` (may be NULL) is called from that thread, with
 * `ctx`, after the flag is set, once for every stop signal that arrives.
 * Returns the watcher, or NULL with a sentence in `error` and errno set
 * (ENOMEM, EAGAIN: out of memory or threads); the signals are as they were
 * then. `ctx` is borrowed and must outlive the watcher. Close it with
 * uk_stop_close.
 */
uk_stop *uk_stop_open(void (*wake)(void *ctx), void *ctx, char *error, size_t error_len);

/*
 * Ends the waiting thread (it wakes at once) and frees the watcher.
 * Accepts NULL. The signals stay blocked: one that arrives later waits
 * unseen, as it should once the kiosk is shutting down.
 */
void uk_stop_close(uk_stop *stop);

/* The first signal that asked to stop (SIGTERM, SIGINT or SIGHUP), or 0 if none has. */
int uk_stop_requested(const uk_stop *stop);

#endif
