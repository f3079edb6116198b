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

#include <stdbool.h>

typedef struct uk_stop uk_stop;

/*
 * Blocks the signals and starts the waiting thread. `wake` (may be NULL) is
 * called from that thread, with `ctx`, after the flag is set. Returns NULL
 * with errno set on failure.
 */
uk_stop *uk_stop_open(void (*wake)(void *ctx), void *ctx);

/* Ends the waiting thread. Accepts NULL. The signals stay blocked. */
void uk_stop_close(uk_stop *stop);

/* The signal that asked to stop, or 0 if none has. */
int uk_stop_requested(const uk_stop *stop);

#endif
