/*
 * player.h: plays a routine against the time it is given.
 *
 * The player is a small state machine over phases:
 *
 *   GET_READY -> ACTIVE -> (SWITCH_SIDES -> ACTIVE) -> next step ... -> DONE
 *
 * A get-ready countdown comes before every step except a rest; an
 * alternating step plays its left side, a "switch sides" moment, then its
 * right side. Time only moves when the caller says what time it is
 * (uk_player_advance), and every phase boundary is computed from the
 * previous one, not from when advance happened to be called, so a loop that
 * wakes late, or a test that jumps ten minutes, lands on exactly the same
 * state as one that ticked every millisecond.
 *
 * The gate lets the owner stop the routine from starting a new step (to ask
 * "Still there?"): with `gate` set, the player waits in HELD at the end of
 * the current step instead of moving on, and resumes from that moment when
 * the gate is lifted.
 */
#ifndef UK_APP_CORE_PLAYER_H
#define UK_APP_CORE_PLAYER_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/routine.h"

typedef enum uk_phase {
    UK_PHASE_GET_READY = 0, /* countdown before a step */
    UK_PHASE_ACTIVE,        /* doing the step, on `side` */
    UK_PHASE_SWITCH_SIDES,  /* between the two sides of an alternating step */
    UK_PHASE_HELD,          /* the gate stopped the player before the next step */
    UK_PHASE_DONE           /* every step played */
} uk_phase;

typedef struct uk_player_timing {
    uint32_t get_ready_ms; /* countdown before each step */
    uint32_t switch_ms;    /* the "switch sides" moment */
} uk_player_timing;

typedef struct uk_player {
    const uk_routine *routine; /* borrowed; must outlive the player */
    uk_player_timing timing;
    uk_phase phase;
    uint8_t step;          /* index of the current (or, in HELD, the next) step */
    uint8_t side_index;    /* 0, or 1 for the second side of an alternating step */
    uint8_t steps_done;    /* steps whose every side was played to the end */
    uint8_t steps_skipped; /* steps the person skipped (DOWN, "Next step") */
    uint64_t paused_ms;    /* time spent paused, pauses still under way left out */
    bool paused;
    bool gate;            /* set by the owner: hold before the next step */
    uint64_t phase_start; /* when the current phase began, paused time excluded */
    uint64_t paused_at;   /* when the pause began */
} uk_player;

/* What the screen shows, derived from the player at one moment. */
typedef struct uk_player_moment {
    uk_phase phase;
    const uk_step *step; /* the current step (in GET_READY/HELD: the one about to start) */
    uk_side side;        /* LEFT, RIGHT or BOTH: the side being worked now */
    uint32_t phase_ms;   /* length of the current phase; 0 for HELD and DONE */
    uint32_t elapsed_ms; /* into the current phase */
    uint32_t remaining_ms;
    uint32_t seconds_left; /* remaining_ms rounded up: what the countdown shows */
    uint16_t rep;          /* reps steps: the repetition under way, 1-based */
} uk_player_moment;

/* Starts `routine` at `now_ms` with the get-ready of step 0 (or the step itself if a rest). */
void uk_player_start(uk_player *player, const uk_routine *routine, const uk_player_timing *timing,
                     uint64_t now_ms);

/* Moves through every phase boundary up to `now_ms`. Paused players do not move. */
void uk_player_advance(uk_player *player, uint64_t now_ms);

void uk_player_pause(uk_player *player, uint64_t now_ms);
void uk_player_resume(uk_player *player, uint64_t now_ms);

/* Ends the current step without counting it and starts the next (or DONE). */
void uk_player_skip(uk_player *player, uint64_t now_ms);

/* Lifts the gate; a HELD player starts the next step's get-ready at `now_ms`. */
void uk_player_release(uk_player *player, uint64_t now_ms);

/*
 * When the player next needs advancing for the screen to stay true: the next
 * phase boundary or the next change of the whole seconds shown, whichever is
 * first. UINT64_MAX when paused, held or done.
 */
uint64_t uk_player_next_deadline(const uk_player *player, uint64_t now_ms);

/* Fills `view` for `now_ms` (which must not be before the last advance). */
void uk_player_moment_at(const uk_player *player, uint64_t now_ms, uk_player_moment *view);

#endif
