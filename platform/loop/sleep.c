/*
 * sleep.c: the loop's sleep (see sleep.h).
 */
#include "platform/loop/sleep.h"

#include <limits.h>

int uk_sleep_timeout(const uk_sleep_state *s)
{
    int64_t timeout;
    if (s->animating)
        timeout = s->vsync ? 0 : (int64_t)(s->last_frame_ms + s->frame_ms) - (int64_t)s->now_ms;
    else if (s->deadline_ms == UINT64_MAX)
        timeout = -1;
    else
        timeout = s->deadline_ms > s->now_ms ? (int64_t)(s->deadline_ms - s->now_ms) : 0;
    if (s->watchdog_ms != UINT32_MAX && (timeout < 0 || timeout > (int64_t)s->watchdog_ms))
        timeout = s->watchdog_ms;
    if (s->hours_change_ms != INT64_MAX && (timeout < 0 || timeout > s->hours_change_ms))
        timeout = s->hours_change_ms > 0 ? s->hours_change_ms : 0;
    if (timeout > INT_MAX)
        timeout = INT_MAX;
    if (s->animating && timeout < 0) /* late for the next frame: only look at the events */
        timeout = 0;
    return (int)timeout;
}
