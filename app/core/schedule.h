/*
 * schedule.h: opening hours, as pure logic.
 *
 * A clinic's kiosk need not glow all night. The configuration gives each
 * weekday one of "always", "closed" or "HH:MM-HH:MM"; a range whose end is
 * not after its start runs past midnight into the next day ("22:00-02:00").
 * Given the local weekday and minute of the day, these functions say
 * whether the kiosk is open and how many minutes until that changes. They
 * read no clock: the platform asks localtime_r and passes the answer in,
 * so every rule is tested with plain numbers.
 *
 * Weekdays count from Monday = 0 to Sunday = 6, as people write them in a
 * configuration file (tm_wday counts from Sunday: convert with
 * (tm_wday + 6) % 7).
 */
#ifndef UK_APP_CORE_SCHEDULE_H
#define UK_APP_CORE_SCHEDULE_H

#include <stdbool.h>

#define UK_SCHEDULE_MINUTES_PER_DAY 1440

typedef struct uk_schedule_day {
    short open_min;  /* minute of the day the kiosk opens, 0..1439 */
    short close_min; /* minute it closes; <= open_min: on the next day */
    bool always;     /* open all day (the default) */
    bool closed;     /* closed all day */
} uk_schedule_day;

typedef struct uk_schedule {
    uk_schedule_day days[7]; /* Monday first */
} uk_schedule;

/*
 * Parses "always", "closed" or "HH:MM-HH:MM" (24-hour clock, 00:00 to
 * 23:59; blanks around the dash allowed). Returns 0, or -1 leaving `day`
 * unchanged.
 */
int uk_schedule_parse_day(const char *text, uk_schedule_day *day);

/* Writes the day back as text ("always", "closed", "08:00-18:30") into `out`. */
void uk_schedule_format_day(const uk_schedule_day *day, char *out, unsigned long len);

/* Every day "always": the schedule never closes the kiosk. */
bool uk_schedule_always_open(const uk_schedule *schedule);

/* True if the kiosk is open on `weekday` (0 = Monday) at `minute` (0..1439). */
bool uk_schedule_is_open(const uk_schedule *schedule, int weekday, int minute);

/*
 * Minutes from (`weekday`, `minute`) until is_open next gives a different
 * answer, 1 to 7 days' worth, or -1 if it never changes.
 */
int uk_schedule_next_change(const uk_schedule *schedule, int weekday, int minute);

#endif
