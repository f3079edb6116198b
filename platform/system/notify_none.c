/*
 * notify_none.c: the notify interface for builds without libsystemd
 * (-DUNKNOT_SYSTEMD=OFF). Every call does nothing; there is no watchdog,
 * so the loop may sleep as long as it likes.
 */
#include "platform/system/notify.h"

#include <stdlib.h>

struct uk_notify {
    int unused;
};

uk_notify *uk_notify_new(void (*report)(void *ctx, const char *message), void *ctx)
{
    (void)report; /* nothing is ever sent, so nothing can fail */
    (void)ctx;
    return calloc(1, sizeof(uk_notify));
}

void uk_notify_free(uk_notify *notify)
{
    free(notify);
}

bool uk_notify_enabled(const uk_notify *notify)
{
    (void)notify;
    return false;
}

void uk_notify_ready(uk_notify *notify, const char *status)
{
    (void)notify;
    (void)status;
}

void uk_notify_status(uk_notify *notify, const char *status)
{
    (void)notify;
    (void)status;
}

void uk_notify_watchdog(uk_notify *notify, uint64_t now_ms)
{
    (void)notify;
    (void)now_ms;
}

uint32_t uk_notify_wake_ms(const uk_notify *notify)
{
    (void)notify;
    return UINT32_MAX;
}

void uk_notify_stopping(uk_notify *notify, const char *status)
{
    (void)notify;
    (void)status;
}
