/*
 * routine.h: what a routine is, as the core sees it.
 *
 * A routine is an ordered list of steps. Each step is one thing to do: hold
 * a stretch, repeat a movement a number of times, keep moving for a while,
 * or rest. A step is done on both sides at once, on one side, or on each
 * side in turn ("alternate": left first, a short "switch sides" moment, then
 * right).
 *
 * The structs are plain, fixed-size values so the core never allocates and a
 * routine can be copied or compared byte for byte. Text is UTF-8, already in
 * the kiosk's language. Loading and validating routine files is the
 * business of platform/content.c; this header only describes the result and
 * the limits a valid routine keeps to.
 */
#ifndef UK_APP_ROUTINE_H
#define UK_APP_ROUTINE_H

#include <stdint.h>

#define UK_ID_MAX            32  /* ids: 1..31 of [a-z0-9-], plus NUL */
#define UK_TITLE_MAX         64  /* a short heading */
#define UK_TEXT_MAX          192 /* one or two plain sentences */
#define UK_ROUTINE_MAX_STEPS 24

/* Limits a valid step keeps to (checked by the loader, relied on by the player). */
#define UK_STEP_MIN_SECONDS 3
#define UK_STEP_MAX_SECONDS 600
#define UK_STEP_MAX_REPS    30
#define UK_REP_MIN_SECONDS  1
#define UK_REP_MAX_SECONDS  20

typedef enum uk_step_kind {
    UK_STEP_HOLD = 0, /* hold a stretch still for `seconds` */
    UK_STEP_REPS,     /* `reps` repetitions, `rep_seconds` each */
    UK_STEP_MOVE,     /* keep moving for `seconds` */
    UK_STEP_REST,     /* rest for `seconds`; no get-ready before it */
    UK_STEP_KIND_COUNT
} uk_step_kind;

typedef enum uk_side {
    UK_SIDE_BOTH = 0,  /* both sides at once, or no side at all */
    UK_SIDE_LEFT,      /* the left side only */
    UK_SIDE_RIGHT,     /* the right side only */
    UK_SIDE_ALTERNATE, /* left, then switch sides, then right */
    UK_SIDE_COUNT
} uk_side;

typedef struct uk_step {
    uk_step_kind kind;
    uk_side side;
    uint16_t seconds;         /* hold, move, rest: time per side */
    uint16_t reps;            /* reps: repetitions per side */
    uint16_t rep_seconds;     /* reps: time one repetition takes */
    char motion[UK_ID_MAX];   /* id of the figure's motion (assets/motions.json) */
    char title[UK_TITLE_MAX]; /* "Ear to shoulder" */
    char instruction[UK_TEXT_MAX];
    char breathing[UK_TEXT_MAX];
    char safety[UK_TEXT_MAX];
} uk_step;

typedef struct uk_routine {
    char id[UK_ID_MAX];        /* stable id, stored in the usage log */
    char title[UK_TITLE_MAX];  /* "Neck and shoulders" */
    char summary[UK_TEXT_MAX]; /* one line on the home screen */
    char tip[UK_TEXT_MAX];     /* the take-home tip on the done screen */
    uint8_t step_count;        /* 1..UK_ROUTINE_MAX_STEPS */
    uk_step steps[UK_ROUTINE_MAX_STEPS];
} uk_routine;

/* How long one side of a step lasts, in ms. */
uint32_t uk_step_side_ms(const uk_step *step);

/* 2 for an alternating step, else 1. */
int uk_step_side_count(const uk_step *step);

/* "hold", "reps", "move", "rest"; and back. Parsing returns -1 for an unknown name. */
const char *uk_step_kind_name(uk_step_kind kind);
int uk_step_kind_from_name(const char *name);

/* "both", "left", "right", "alternate"; and back. Parsing returns -1 for an unknown name. */
const char *uk_side_name(uk_side side);
int uk_side_from_name(const char *name);

/* Whole routine length in ms including get-ready and switch-sides moments. */
uint32_t uk_routine_total_ms(const uk_routine *routine, uint32_t get_ready_ms, uint32_t switch_ms);

/* 1 if `id` is a valid id (1..31 of [a-z0-9-], not starting with '-'), else 0. */
int uk_id_valid(const char *id);

#endif
