/*
 * notify.c: sd_notify through libsystemd. The status text is kept so an
 * unchanged status is not resent on every turn of the loop.
 *
 * Nothing here can stop the kiosk: a message that cannot be sent is said
 * through the report callback, and the loop goes on (systemd, if it is
 * really gone, restarts the service when the watchdog runs out).
 */
#include "platform/system/notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>

struct uk_notify {
    bool enabled;         /* $NOTIFY_SOCKET is set */
    bool ready;           /* READY=1 was sent */
    uint32_t watchdog_ms; /* 0: no watchdog */
    uint64_t last_ping_ms;
    bool pinged;
    bool ping_failing; /* the last WATCHDOG=1 failed, and was said */
    char status[256];  /* the last STATUS= sent */
    void (*report)(void *ctx, const char *message);
    void *report_ctx;
};

static void report_stderr(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "unknot: %s\n", message);
}

uk_notify *uk_notify_new(void (*report)(void *ctx, const char *message), void *ctx)
{
    uk_notify *notify = calloc(1, sizeof *notify);
    if (!notify)
        return NULL;
    notify->report = report ? report : report_stderr;
    notify->report_ctx = ctx;
    const char *socket = getenv("NOTIFY_SOCKET");
    notify->enabled = socket && socket[0];
    uint64_t usec = 0;
    if (notify->enabled && sd_watchdog_enabled(0, &usec) > 0)
        notify->watchdog_ms = usec / 1000 > 0 ? (uint32_t)(usec / 1000) : 1;
    return notify;
}

void uk_notify_free(uk_notify *notify)
{
    free(notify);
}

bool uk_notify_enabled(const uk_notify *notify)
{
    return notify && notify->enabled;
}

static void send_status(uk_notify *notify, const char *prefix, const char *status)
{
    snprintf(notify->status, sizeof notify->status, "%s", status);
    int rc = sd_notifyf(0, "%sSTATUS=%s", prefix, status);
    if (rc < 0) {
        char message[512];
        snprintf(message, sizeof message, "cannot tell systemd '%s%s': %s", prefix, status,
                 strerror(-rc));
        notify->report(notify->report_ctx, message);
    }
}

void uk_notify_ready(uk_notify *notify, const char *status)
{
    if (!notify || !notify->enabled || notify->ready)
        return;
    notify->ready = true;
    send_status(notify, "READY=1\n", status);
}

void uk_notify_status(uk_notify *notify, const char *status)
{
    if (!notify || !notify->enabled || strcmp(status, notify->status) == 0)
        return;
    send_status(notify, "", status);
}

void uk_notify_watchdog(uk_notify *notify, uint64_t now_ms)
{
    if (!notify || !notify->watchdog_ms)
        return;
    if (notify->pinged && now_ms - notify->last_ping_ms < notify->watchdog_ms / 4)
        return;
    notify->pinged = true;
    notify->last_ping_ms = now_ms;
    int rc = sd_notify(0, "WATCHDOG=1");
    if (rc < 0 && !notify->ping_failing) {
        char message[256];
        snprintf(message, sizeof message, "cannot tell systemd 'WATCHDOG=1': %s", strerror(-rc));
        notify->report(notify->report_ctx, message);
    }
    notify->ping_failing = rc < 0;
}

uint32_t uk_notify_wake_ms(const uk_notify *notify)
{
    if (!notify || !notify->watchdog_ms)
        return UINT32_MAX;
    return notify->watchdog_ms / 2 > 0 ? notify->watchdog_ms / 2 : 1;
}

void uk_notify_stopping(uk_notify *notify, const char *status)
{
    if (!notify || !notify->enabled)
        return;
    send_status(notify, "STOPPING=1\n", status);
}
