/*
 * idle.h: waiting for the next input or deadline without using the CPU.
 *
 * SDL_WaitEventTimeout sleeps in the kernel only on video drivers that can
 * wake themselves up (x11, wayland). On the others SDL 2.26 polls: it pumps
 * events and sleeps a millisecond, about 900 times a second, ~1.7% of a
 * core while nothing at all happens. KMSDRM, which the kiosk runs on a Pi
 * without a desktop, is one of them, and so are offscreen and dummy.
 *
 * On those drivers the waiter sleeps in poll() instead, on:
 *   1. the input devices SDL reads (its evdev file descriptors, found under
 *      /proc/self/fd): a touch or a key makes one readable and wakes the
 *      loop at once; SDL reads the event afterwards, as it always does;
 *   2. a pipe that an SDL event watch writes to whenever another thread
 *      pushes an event (GPIO edges, stop signals, the store's news): those
 *      wake the loop at once too. Events queued on the loop's own thread
 *      (those SDL makes while pumping, those the loop pushes itself) are
 *      taken by the loop's next look anyway and write nothing: a byte for
 *      them would outlive the event and cost a grace period (below) of
 *      needless wake-ups;
 *   3. and never longer than UK_IDLE_SLICE_MS, so whatever else SDL would
 *      notice on its own (a device plugged in) is noticed within that.
 * Waking costs a few microseconds four times a second instead of a
 * thousand times. On x11 and wayland SDL's own wait is used, unchanged.
 *
 * The one race: SDL calls event watches just before it queues the event,
 * so a wake-up may find the queue still empty. The waiter then looks again
 * every millisecond for UK_IDLE_GRACE_MS before it trusts the silence.
 *
 * Ownership: the waiter is the caller's; open it after SDL's video is up,
 * on the thread that pumps SDL's events and waits (the only one that may),
 * and close it before SDL_Quit.
 */
#ifndef UK_PLATFORM_LOOP_IDLE_H
#define UK_PLATFORM_LOOP_IDLE_H

#include <SDL.h>
#include <stdbool.h>

/* The longest the waiter sleeps without looking at SDL (hot-plugged devices and the like). */
#define UK_IDLE_SLICE_MS 250

/* How long a wake-up from a pushed event is trusted to be followed by the event. */
#define UK_IDLE_GRACE_MS 20

typedef struct uk_idle uk_idle;

/*
 * Prepares to wait on the current video driver. Returns NULL with errno
 * set if the pipe or the event watch cannot be made; uk_idle_wait(NULL, ...)
 * then uses SDL's own wait, so the kiosk still runs.
 */
uk_idle *uk_idle_open(void);

/* Removes the event watch and closes the pipe. Accepts NULL. */
void uk_idle_close(uk_idle *idle);

/* True when the waiter sleeps in poll() itself; false where SDL's wait already blocks. */
bool uk_idle_own_sleep(const uk_idle *idle);

/* How many times the waiter has woken from poll() since open: for tests and the benchmark. */
unsigned long uk_idle_wakeups(const uk_idle *idle);

/*
 * Like SDL_WaitEventTimeout: waits up to `timeout_ms` (< 0: for ever,
 * 0: just look) for an event and takes it into `event`. Returns 1 with an
 * event, 0 when the time ran out.
 */
int uk_idle_wait(uk_idle *idle, SDL_Event *event, int timeout_ms);

#endif
