/*
 * heat_cold.h: the heat and cold session's timer.
 *
 * The session asks whether the injury is new (the last couple of days):
 * a new one gets heat and then cold, an older one heat only. Before each
 * phase the person puts the pack on and says so; then the phase's timer
 * runs on its own. The person may add time to a phase a minute at a time,
 * but no phase ever runs past its safe maximum: the settings' maximum, and
 * never past UK_HEAT_MAX_MINUTES or UK_COLD_MAX_MINUTES whatever a content
 * file says. There is no pause: the pack stays on the skin while a pause
 * would stop the clock, so the clock never stops.
 *
 *   QUESTION --answer--> PREPARE --begin--> RUNNING --time up or end--> PREPARE (cold)
 *                                                                   \-> FINISHED
 *
 * Like the routine player, time moves only when the caller says what time
 * it is, and a phase ends exactly at phase_start + phase_ms however late the
 * caller comes.
 */
#ifndef UK_APP_CORE_HEAT_COLD_H
#define UK_APP_CORE_HEAT_COLD_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/routine.h"

typedef enum uk_heat_cold_stage {
    UK_HEAT_COLD_QUESTION = 0, /* is the injury new? */
    UK_HEAT_COLD_PREPARE,      /* put the pack on, then begin */
    UK_HEAT_COLD_RUNNING,      /* a phase's timer runs */
    UK_HEAT_COLD_FINISHED      /* every phase done */
} uk_heat_cold_stage;

typedef enum uk_heat_cold_phase {
    UK_HEAT_COLD_HEAT = 0,
    UK_HEAT_COLD_COLD
} uk_heat_cold_phase;

typedef struct uk_heat_cold {
    const uk_routine_heat_cold *settings; /* borrowed */
    uk_heat_cold_stage stage;
    uint8_t phase_count;    /* 1 (heat) or 2 (heat, then cold) */
    uint8_t phase_index;    /* the phase prepared or running */
    uint8_t phases_done;    /* phases that ran to their end or were ended by the person */
    uint8_t phases_skipped; /* of those, ended by the person before half their time */
    uint64_t phase_start;   /* when the running phase began */
    uint32_t phase_ms;      /* the running phase's length; never above its maximum */
} uk_heat_cold;

/* The running (or prepared) phase at one moment, as the screen shows it. */
typedef struct uk_heat_cold_moment {
    uk_heat_cold_phase phase;
    uint32_t phase_ms;
    uint32_t elapsed_ms;
    uint32_t remaining_ms;
    uint32_t max_ms;     /* the most this phase may last */
    bool can_add_minute; /* another minute would still be within the maximum */
} uk_heat_cold_moment;

/* Starts at the question. `settings` must outlive the timer. */
void uk_heat_cold_start(uk_heat_cold *hc, const uk_routine_heat_cold *settings);

/* Answers the question (QUESTION only): a new injury gets heat then cold. */
void uk_heat_cold_answer(uk_heat_cold *hc, bool is_new);

/* The pack is on (PREPARE only): the current phase's timer starts at `now_ms`. */
void uk_heat_cold_begin(uk_heat_cold *hc, uint64_t now_ms);

/* Adds a minute to the running phase if that stays within its maximum. Returns true if added. */
bool uk_heat_cold_add_minute(uk_heat_cold *hc, uint64_t now_ms);

/* The person ends the running phase at `now_ms`; it counts as done, and as skipped too when
 * less than half its time ran. */
void uk_heat_cold_end_phase(uk_heat_cold *hc, uint64_t now_ms);

/*
 * Moves time on. Returns true if a phase ended on the way (the moment for a
 * chime): the session is then in PREPARE for the next phase, or FINISHED.
 */
bool uk_heat_cold_advance(uk_heat_cold *hc, uint64_t now_ms);

/* When the timer next needs advancing for the screen to stay true; UINT64_MAX if not running. */
uint64_t uk_heat_cold_next_deadline(const uk_heat_cold *hc, uint64_t now_ms);

/* The phase prepared or running. */
uk_heat_cold_phase uk_heat_cold_current(const uk_heat_cold *hc);

/* The longest `phase` may run under these settings, in ms. */
uint32_t uk_heat_cold_max_ms(const uk_routine_heat_cold *settings, uk_heat_cold_phase phase);

/* Fills `view` for the running (or prepared) phase at `now_ms`. */
void uk_heat_cold_moment_at(const uk_heat_cold *hc, uint64_t now_ms, uk_heat_cold_moment *view);

#endif
