/*
 * schedule.c: opening hours. A week has 10080 minutes; asking "when does
 * this change" walks them one at a time from now, which is plainly correct
 * for every mix of overnight and all-day entries and costs microseconds
 * once per change.
 */
#include "app/core/schedule.h"

#include <stdio.h>
#include <string.h>

#define WEEK_MINUTES (7 * UK_SCHEDULE_MINUTES_PER_DAY)

/* Reads "HH:MM" at *text, moving it past; -1 if it is not a time of day. */
static int parse_time(const char **text)
{
    const char *p = *text;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] != ':' || p[3] < '0' ||
        p[3] > '9' || p[4] < '0' || p[4] > '9')
        return -1;
    int hours = (p[0] - '0') * 10 + (p[1] - '0');
    int minutes = (p[3] - '0') * 10 + (p[4] - '0');
    if (hours > 23 || minutes > 59)
        return -1;
    p += 5;
    while (*p == ' ' || *p == '\t')
        p++;
    *text = p;
    return hours * 60 + minutes;
}

int uk_schedule_parse_day(const char *text, uk_schedule_day *day)
{
    if (strcmp(text, "always") == 0) {
        *day = (uk_schedule_day){.always = true};
        return 0;
    }
    if (strcmp(text, "closed") == 0) {
        *day = (uk_schedule_day){.closed = true};
        return 0;
    }
    const char *p = text;
    int open = parse_time(&p);
    if (open < 0 || *p != '-')
        return -1;
    p++;
    int close = parse_time(&p);
    if (close < 0 || *p != '\0')
        return -1;
    *day = (uk_schedule_day){.open_min = (short)open, .close_min = (short)close};
    return 0;
}

void uk_schedule_format_day(const uk_schedule_day *day, char *out, unsigned long len)
{
    if (day->always)
        snprintf(out, len, "always");
    else if (day->closed)
        snprintf(out, len, "closed");
    else
        snprintf(out, len, "%02d:%02d-%02d:%02d", day->open_min / 60, day->open_min % 60,
                 day->close_min / 60, day->close_min % 60);
}

bool uk_schedule_always_open(const uk_schedule *schedule)
{
    for (int i = 0; i < 7; i++)
        if (!schedule->days[i].always)
            return false;
    return true;
}

/* Whether `day`'s own opening covers `minute` of the same day, and of the next. */
static bool covers_today(const uk_schedule_day *day, int minute)
{
    if (day->always)
        return true;
    if (day->closed)
        return false;
    if (day->close_min > day->open_min)
        return minute >= day->open_min && minute < day->close_min;
    return minute >= day->open_min; /* runs past midnight */
}

static bool covers_next_morning(const uk_schedule_day *day, int minute)
{
    return !day->always && !day->closed && day->close_min <= day->open_min &&
           minute < day->close_min;
}

bool uk_schedule_is_open(const uk_schedule *schedule, int weekday, int minute)
{
    weekday = ((weekday % 7) + 7) % 7;
    const uk_schedule_day *yesterday = &schedule->days[(weekday + 6) % 7];
    return covers_today(&schedule->days[weekday], minute) || covers_next_morning(yesterday, minute);
}

int uk_schedule_next_change(const uk_schedule *schedule, int weekday, int minute)
{
    bool now = uk_schedule_is_open(schedule, weekday, minute);
    int at = (((weekday % 7) + 7) % 7) * UK_SCHEDULE_MINUTES_PER_DAY + minute;
    for (int step = 1; step <= WEEK_MINUTES; step++) {
        int t = (at + step) % WEEK_MINUTES;
        if (uk_schedule_is_open(schedule, t / UK_SCHEDULE_MINUTES_PER_DAY,
                                t % UK_SCHEDULE_MINUTES_PER_DAY) != now)
            return step;
    }
    return -1;
}
