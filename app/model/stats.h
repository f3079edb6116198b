/*
 * stats.h: what the admin screen shows about usage and the usage log's
 * health, as plain numbers in fixed-size structs.
 *
 * The store (platform/usage/store.h) fills these from SQLite on its writer thread
 * and hands out copies; the screens in app/ draw them without knowing where
 * they came from. Nothing here allocates, and every array has a fixed
 * capacity, so a snapshot can be copied with `=`.
 *
 * Counts are exact. A screen that shows them to people standing near the
 * kiosk should draw a count below UK_STATS_SUPPRESS_BELOW as "<5", as the
 * report does (docs/privacy.md says why).
 */
#ifndef UK_APP_MODEL_STATS_H
#define UK_APP_MODEL_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "app/model/routine.h"

#define UK_STATS_DAYS           30  /* starts per day: the last 30 days, today included */
#define UK_STATS_ROUTINES       32  /* completion by routine: the 32 most started */
#define UK_STATS_HOURS          24  /* usage by hour of the day (local time) */
#define UK_STATS_SUPPRESS_BELOW 5   /* counts below this are shown as "<5" */
#define UK_STATS_ERROR_MAX      256 /* last error text, NUL included */

/* The usage log's condition, as the admin screen names it. */
typedef enum uk_stats_state {
    UK_STATS_OK = 0,            /* writing normally */
    UK_STATS_RETRYING_READONLY, /* the disk or file refuses writes: rows wait in memory */
    UK_STATS_RETRYING_FULL,     /* the disk is full: rows wait in memory */
    UK_STATS_RETRYING_IO,       /* another I/O error or a lock held too long: rows wait */
    UK_STATS_CORRUPT_REPLACED,  /* writing normally to a fresh file; the damaged one was kept */
    UK_STATS_CLOSED,            /* shut down */
    UK_STATS_STATE_COUNT
} uk_stats_state;

/* The usage log's health. Times are Unix seconds; 0 means "never". */
typedef struct uk_stats_health {
    uk_stats_state state;
    uint32_t rows_pending;               /* waiting in memory to be written */
    uint64_t rows_committed;             /* written and synced since start */
    uint64_t rows_lost;                  /* dropped: queue full, refused by the schema, or
                                            still waiting when shutdown ran out of time */
    uint64_t committed_seq;              /* rows are numbered 1, 2, ... as they are queued;
                                            every row up to this one is committed or refused */
    int64_t db_bytes;                    /* database file plus its write-ahead log */
    int64_t last_write_s;                /* last successful commit */
    char last_error[UK_STATS_ERROR_MAX]; /* "" if none since start */
} uk_stats_health;

typedef struct uk_stats_day {
    char date[11];        /* "2026-11-24", local time */
    uint8_t weekday;      /* 0 Sunday .. 6 Saturday */
    uint32_t starts;      /* sessions started that day */
    uint32_t completions; /* of which completed */
} uk_stats_day;

typedef struct uk_stats_routine {
    char routine[UK_ID_MAX];
    uint32_t starts;
    uint32_t completions;
} uk_stats_routine;

/* A snapshot over the last UK_STATS_DAYS days, as of `as_of_s`. */
typedef struct uk_stats {
    uint64_t generation;                          /* 0: no snapshot yet; grows with each */
    int64_t as_of_s;                              /* when it was computed */
    uk_stats_day days[UK_STATS_DAYS];             /* oldest first; the last is today */
    uk_stats_routine routines[UK_STATS_ROUTINES]; /* most started first */
    size_t routine_count;                         /* entries used in routines[] */
    uint32_t starts_by_hour[UK_STATS_HOURS];      /* local hour of the day */
    uint32_t completions_by_hour[UK_STATS_HOURS];
    uint32_t doctor_views;  /* views of the doctor screen */
    uk_stats_health health; /* as of the copy, not the snapshot */
} uk_stats;

/* "ok", "retrying-readonly", "retrying-full", "retrying-io", "corrupt-replaced", "closed". */
const char *uk_stats_state_name(uk_stats_state state);

#endif
