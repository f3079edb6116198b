/*
 * routine.h: what the kiosk offers, as the core sees it.
 *
 * Everything a person can choose on the home screen is a uk_routine, of one
 * of three types:
 *   - ROUTINE: an ordered list of steps, each one thing to do: hold a
 *     stretch, repeat a movement, keep moving for a while, rest, or work on
 *     one area with a foam roller or a ball (massage). A step is done on
 *     both sides at once, on one side, or on each side in turn
 *     ("alternate": left first, a short "switch sides" moment, then right).
 *     Stretches, the desk-worker move break and the self-massage guide are
 *     routines; their category says which, for the home screen.
 *   - HEAT_COLD: a guided heat and cold session: a question (is the injury
 *     new?), then heat, and cold after it for a new injury, each phase timed
 *     and never longer than its safe maximum.
 *   - CARDS: short cards to read ("Learn about knots").
 *
 * Text is UTF-8 in one language, borrowed from the content (the platform
 * loads one uk_routine array per language, with the same routines in the
 * same order and only the words different). The structs hold no heap
 * memory of their own, so the core copies and compares them freely and
 * never allocates. Loading and validating files is platform/content/'s
 * business; this header only describes the result and the limits a valid
 * routine keeps to.
 */
#ifndef UK_APP_MODEL_ROUTINE_H
#define UK_APP_MODEL_ROUTINE_H

#include <stdbool.h>
#include <stdint.h>

#define UK_ID_MAX            32 /* ids: 1..31 of [a-z0-9-], plus NUL */
#define UK_DATE_MAX          11 /* "2026-11-20" and NUL */
#define UK_ROUTINE_MAX_STEPS 24
#define UK_MAX_CARDS         12

/* Limits a valid routine keeps to (checked by the loader, relied on by the player). */
#define UK_STEP_MIN_SECONDS 3
#define UK_STEP_MAX_SECONDS 600
#define UK_STEP_MAX_REPS    30
#define UK_REP_MIN_SECONDS  1
#define UK_REP_MAX_SECONDS  20

/* Heat and cold: no phase may be set longer than these (minutes), whatever the file says. */
#define UK_HEAT_MAX_MINUTES 20
#define UK_COLD_MAX_MINUTES 15

typedef enum uk_routine_type {
    UK_ROUTINE_STEPS = 0, /* steps with the figure: stretches, moving, self-massage */
    UK_ROUTINE_HEAT_COLD, /* the heat and cold timer */
    UK_ROUTINE_CARDS,     /* cards to read */
    UK_ROUTINE_TYPE_COUNT
} uk_routine_type;

/* What a routine is for, shown on the home screen. */
typedef enum uk_category {
    UK_CATEGORY_STRETCH = 0,
    UK_CATEGORY_MOVE,
    UK_CATEGORY_MASSAGE,
    UK_CATEGORY_HEAT_COLD,
    UK_CATEGORY_LEARN,
    UK_CATEGORY_COUNT
} uk_category;

typedef enum uk_step_kind {
    UK_STEP_HOLD = 0, /* hold a stretch still for `seconds` */
    UK_STEP_REPS,     /* `reps` repetitions, `rep_seconds` each */
    UK_STEP_MOVE,     /* keep moving for `seconds` */
    UK_STEP_REST,     /* rest for `seconds`; no get-ready before it */
    UK_STEP_MASSAGE,  /* work on one area for `seconds`, with pressure guidance */
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
    uint16_t seconds;       /* hold, move, rest, massage: time per side */
    uint16_t reps;          /* reps: repetitions per side */
    uint16_t rep_seconds;   /* reps: time one repetition takes */
    char motion[UK_ID_MAX]; /* id of the figure's motion (assets/motions.json) */
    const char *title;      /* "Ear to shoulder" */
    const char *instruction;
    const char *breathing;
    const char *safety;
    const char *pressure; /* massage: how hard to press; NULL for other kinds */
} uk_step;

/* The heat and cold session's settings and words. */
typedef struct uk_routine_heat_cold {
    uint16_t heat_minutes;     /* heat phase as it starts */
    uint16_t heat_max_minutes; /* the person may add time up to this, never past it */
    uint16_t cold_minutes;     /* cold phase, new injuries only */
    uint16_t cold_max_minutes;
    const char *question;     /* "Is this a new injury (the last couple of days)?" */
    const char *answer_new;   /* "Yes, it is new" */
    const char *answer_old;   /* "No, it is older" */
    const char *prepare_heat; /* what to put on before the heat timer starts */
    const char *prepare_cold;
    const char *heat_hint; /* shown while heat runs */
    const char *cold_hint;
    const char *safety; /* cloth between skin and pack, check the skin, never sleep on a pad */
} uk_routine_heat_cold;

typedef struct uk_card {
    const char *title;
    const char *body; /* a few short sentences; '\n' starts a new line */
} uk_card;

typedef struct uk_routine {
    uk_routine_type type;
    uk_category category;
    char id[UK_ID_MAX];            /* stable id, stored in the usage log */
    const char *title;             /* "Neck and shoulders" */
    const char *summary;           /* one line on the home screen */
    const char *habit;             /* the take-home card: the habit to build this into */
    const char *reviewed_by;       /* who checked the content (about screen) */
    char reviewed_on[UK_DATE_MAX]; /* when, as YYYY-MM-DD */
    const char *motion;            /* the figure shown for it on the home screen; may be NULL */

    uint8_t step_count; /* STEPS: 1..UK_ROUTINE_MAX_STEPS */
    uk_step steps[UK_ROUTINE_MAX_STEPS];
    uk_routine_heat_cold heat_cold; /* HEAT_COLD */
    uint8_t card_count;             /* CARDS: 1..UK_MAX_CARDS */
    uk_card cards[UK_MAX_CARDS];
} uk_routine;

/* How long one side of a step lasts, in ms. */
uint32_t uk_routine_side_ms(const uk_step *step);

/* 2 for an alternating step, else 1. */
int uk_routine_side_count(const uk_step *step);

/* "hold", "reps", "move", "rest", "massage"; and back. Parsing returns -1 for an unknown name. */
const char *uk_routine_step_kind_name(uk_step_kind kind);
int uk_routine_step_kind_from_name(const char *name);

/* "both", "left", "right", "alternate"; and back. Parsing returns -1 for an unknown name. */
const char *uk_routine_side_name(uk_side side);
int uk_routine_side_from_name(const char *name);

/* "steps", "heat-cold", "cards"; and back. */
const char *uk_routine_type_name(uk_routine_type type);
int uk_routine_type_from_name(const char *name);

/* "stretch", "move", "massage", "heat-cold", "learn"; and back. */
const char *uk_routine_category_name(uk_category category);
int uk_routine_category_from_name(const char *name);

/*
 * About how long the routine takes in ms: for steps, including get-ready
 * and switch-sides moments; for heat and cold, the longer path (a new
 * injury) at its starting lengths; 0 for cards.
 */
uint32_t uk_routine_total_ms(const uk_routine *routine, uint32_t get_ready_ms, uint32_t switch_ms);

/* True if `id` is a valid id: 1..31 of [a-z0-9-], not starting with '-'. */
bool uk_routine_id_valid(const char *id);

/* The index of `name` among the `count` `names` (the data's words for an enum), or -1. */
int uk_routine_name_index(const char *const *names, int count, const char *name);

#endif
