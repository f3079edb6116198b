/*
 * report.h: `unknot report` and `unknot export`, the usage log summed up
 * for a clinic.
 *
 *   unknot report [--since DATE] [--db PATH | --config FILE]
 *   unknot export --csv FILE [--since DATE] [--db PATH | --config FILE]
 *
 * The database is the kiosk's: --db, else [usage] database as the kiosk
 * reads it (configuration file, then UNKNOT_USAGE_DATABASE), else the
 * default of platform/system/paths.h for reading. Nothing is created.
 *
 * Both read the same aggregates, computed with SQL on a read-only
 * connection (the kiosk may keep writing meanwhile): per routine starts,
 * completions, completion rate, median duration and outcomes; the step
 * where unfinished sessions stopped; starts and completions by hour of the
 * day, by weekday and by input kind; screen views. Any cell that counts
 * fewer than 5 sessions (or views) is shown as "<5", in the report and in
 * the CSV alike, so no row can be traced to one person's visit.
 *
 * Times are local: DATE (YYYY-MM-DD) is local midnight, and the hours and
 * weekdays are the kiosk's local time (set TZ to report in another zone).
 */
#ifndef UK_PLATFORM_USAGE_REPORT_H
#define UK_PLATFORM_USAGE_REPORT_H

#include <stdio.h>

/*
 * The entry point for `unknot report ...` and `unknot export ...`: argv[1]
 * is "report" or "export". Returns the exit code: 0, 1 when the database
 * cannot be read or the CSV cannot be written, 2 for a bad command line.
 */
int uk_report_main(int argc, char **argv);

/* uk_report_main with the output and messages going to `out` and `err` (for tests). */
int uk_report_run(int argc, char **argv, FILE *out, FILE *err);

#endif
