/*
 * notify.h: telling systemd how the kiosk is doing (sd_notify).
 *
 * The service is Type=notify with a watchdog, so the protocol is:
 *   1. STATUS= lines during start-up ("Loading content", "Opening the display");
 *   2. READY=1 once the first frame is on the screen, not before: until
 *      then `systemctl start` waits and a failure is still a failed start;
 *   3. WATCHDOG=1 from the main loop, never from a helper thread, so a
 *      loop that hangs (not only a process that dies) misses its pings and
 *      systemd restarts it. The loop must wake at least every
 *      uk_notify_wake_ms() even when nothing happens on the screen;
 *   4. STATUS= whenever what a person would want to know changes
 *      ("Showing home; 2 routines; usage log ok");
 *   5. STOPPING=1 when a stop was asked for, before the session under way
 *      is stored and the store is closed.
 *
 * Outside systemd (no $NOTIFY_SOCKET) every call does nothing. Built
 * without libsystemd (-DUNKNOT_SYSTEMD=OFF), notify_none.c provides the
 * same functions, doing nothing.
 */
#ifndef UK_PLATFORM_SYSTEM_NOTIFY_H
#define UK_PLATFORM_SYSTEM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

typedef struct uk_notify uk_notify;

/*
 * Reads $NOTIFY_SOCKET and $WATCHDOG_USEC. A message systemd could not be
 * sent is said through `report` (with `ctx`; NULL writes "unknot: ..." to
 * stderr), a failing watchdog ping once until one goes through again: the
 * kiosk runs on either way. Returns NULL only when out of memory (errno
 * ENOMEM); every call accepts NULL and then does nothing. `ctx` is
 * borrowed and must outlive the notifier. Free it with uk_notify_free.
 */
uk_notify *uk_notify_new(void (*report)(void *ctx, const char *message), void *ctx);

/* Frees it. Accepts NULL. */
void uk_notify_free(uk_notify *notify);

/* True when systemd listens ($NOTIFY_SOCKET): otherwise no call sends anything. */
bool uk_notify_enabled(const uk_notify *notify);

/* READY=1 with a status line; only the first call sends anything. `status` is copied. */
void uk_notify_ready(uk_notify *notify, const char *status);

/* STATUS=<status>, only when it differs from the last one sent. `status` is copied. */
void uk_notify_status(uk_notify *notify, const char *status);

/*
 * WATCHDOG=1, at most every quarter of the watchdog interval: call it on
 * every turn of the loop with a monotonic `now_ms`.
 */
void uk_notify_watchdog(uk_notify *notify, uint64_t now_ms);

/* How long the loop may sleep between watchdog pings, UINT32_MAX if no watchdog. */
uint32_t uk_notify_wake_ms(const uk_notify *notify);

/* STOPPING=1 with a status line. `status` is copied. */
void uk_notify_stopping(uk_notify *notify, const char *status);

#endif
