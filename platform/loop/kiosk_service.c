/*
 * kiosk_service.c: the kiosk as systemd sees it, and the opening hours.
 *
 * systemd hears READY after the first frame is presented, never before; a
 * STATUS line when what it would say changes ("Showing home; 7 routines;
 * usage log ok"); and a watchdog ping from every turn of the loop, which
 * wakes at least every half watchdog interval to send it, so a hung loop is
 * restarted, not only a dead process. The opening hours are read from the
 * local clock here, the only place in the kiosk that reads it, and handed
 * to the core, which decides when to sleep.
 */
#include "platform/loop/kiosk_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#define MINUTE_MS 60000

/*
 * The usage log's part of the status line, in the store's own words for its
 * health (app/model/stats.h): "usage log ok", "usage log retrying-full, 3
 * rows waiting", "usage log ok, 1 session not recorded".
 */
static void describe_usage(const uk_kiosk *kiosk, char *out, size_t len)
{
    if (!kiosk->store) {
        snprintf(out, len, "usage log off (no database)");
        return;
    }
    uk_stats_health health;
    uk_store_get_status(kiosk->store, &health);
    bool retrying = health.state == UK_STATS_RETRYING_READONLY ||
                    health.state == UK_STATS_RETRYING_FULL || health.state == UK_STATS_RETRYING_IO;
    size_t used = (size_t)snprintf(out, len, "usage log %s", uk_stats_state_name(health.state));
    if (retrying && health.rows_pending && used < len)
        used += (size_t)snprintf(out + used, len - used, ", %" PRIu32 " row%s waiting",
                                 health.rows_pending, health.rows_pending == 1 ? "" : "s");
    if (kiosk->sessions_lost && used < len)
        snprintf(out + used, len - used, ", %u session%s not recorded", kiosk->sessions_lost,
                 kiosk->sessions_lost == 1 ? "" : "s");
}

/* "Showing home; 2 routines; usage log ok": what `systemctl status` shows. */
static void describe(const uk_kiosk *kiosk, char *out, size_t len)
{
    const uk_app *app = &kiosk->app;
    char usage[128];
    describe_usage(kiosk, usage, sizeof usage);
    size_t routines = uk_app_routine_count(app);
    const char *routine = uk_app_session_routine(app);
    const char *screen = uk_screen_name(uk_app_screen(app));
    if (uk_app_asleep(app))
        snprintf(out, len, "Outside opening hours: screen %s until touched; %s",
                 kiosk->service.dim ? "dimmed" : "off", usage);
    else if (routine)
        snprintf(out, len, "Showing %s: routine '%s'; %zu routine%s; %s", screen, routine, routines,
                 routines == 1 ? "" : "s", usage);
    else
        snprintf(out, len, "Showing %s; %zu routine%s; %s", screen, routines,
                 routines == 1 ? "" : "s", usage);
}

void uk_kiosk_tell_systemd(uk_kiosk *kiosk, uint64_t now_ms)
{
    if (!uk_notify_enabled(kiosk->service.notify))
        return; /* nobody listens: not even the status line is worth making */
    char status[256];
    describe(kiosk, status, sizeof status);
    if (kiosk->presented)
        uk_notify_ready(kiosk->service.notify, status); /* once; then only STATUS */
    uk_notify_status(kiosk->service.notify, status);
    uk_notify_watchdog(kiosk->service.notify, now_ms);
}

int64_t uk_kiosk_check_hours(uk_kiosk *kiosk, uint64_t now_ms)
{
    const uk_schedule *hours = kiosk->service.hours;
    if (kiosk->scripted_hours || !hours || uk_schedule_always_open(hours))
        return INT64_MAX;
    time_t t = time(NULL);
    struct tm local;
    localtime_r(&t, &local);
    int weekday = (local.tm_wday + 6) % 7, minute = local.tm_hour * 60 + local.tm_min;
    uk_app_set_open(&kiosk->app, uk_schedule_is_open(hours, weekday, minute), now_ms);
    int change = uk_schedule_next_change(hours, weekday, minute);
    if (change < 0)
        return INT64_MAX;
    return (int64_t)change * MINUTE_MS - (int64_t)local.tm_sec * 1000;
}
