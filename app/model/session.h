/*
 * session.h: one use of the kiosk, as the usage log records it.
 *
 * A session starts when a person chooses a routine and ends when the routine
 * is completed, stopped, abandoned (timed out) or stopped because the person
 * reported a warning sign (doctor). The core produces a uk_session with
 * times on its own clock; uk_session_to_row turns it into the anonymous row
 * the store keeps: the start rounded down to the hour of the wall clock and
 * the length in whole seconds. Nothing else about the person exists here.
 */
#ifndef UK_APP_MODEL_SESSION_H
#define UK_APP_MODEL_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/input.h"
#include "app/model/routine.h"
#include "app/model/strings.h"

typedef enum uk_outcome {
    UK_OUTCOME_COMPLETED = 0, /* reached the done screen */
    UK_OUTCOME_STOPPED,       /* the person pressed Stop */
    UK_OUTCOME_TIMED_OUT,     /* nobody answered "Still there?", or idle elsewhere */
    UK_OUTCOME_DOCTOR,        /* stopped from the doctor screen: "I have one of these" */
    UK_OUTCOME_COUNT
} uk_outcome;

/* "How does it feel now?", asked at the end of a routine; one optional touch. */
typedef enum uk_feedback {
    UK_FEEDBACK_NONE = 0, /* not asked, or not answered */
    UK_FEEDBACK_BETTER,
    UK_FEEDBACK_SAME,
    UK_FEEDBACK_WORSE,
    UK_FEEDBACK_COUNT
} uk_feedback;

/* What the core reports when a session ends. Times are on the core's clock. */
typedef struct uk_session {
    char routine[UK_ID_MAX];
    char lang[UK_LANG_MAX];
    uint64_t started_ms;
    uint64_t ended_ms;
    uint8_t steps_done;    /* parts done to their end (steps, phases, cards read) */
    uint8_t steps_skipped; /* parts the person skipped */
    uint8_t steps_total;
    uint64_t active_ms; /* time actually spent on it: pauses and the doctor screen left out */
    uk_outcome outcome;
    uk_input_kind input;  /* the kind of input used most in the session */
    uk_feedback feedback; /* the answer to "How does it feel now?" */
} uk_session;

/* What the store keeps: the same, anonymised. */
typedef struct uk_session_row {
    char routine[UK_ID_MAX];
    char lang[UK_LANG_MAX];
    int64_t start_hour; /* Unix time in s, rounded down to a whole hour (UTC) */
    uint32_t duration_s;
    uint8_t steps_done;
    uint8_t steps_skipped;
    uint8_t steps_total;
    uint32_t active_s; /* time actually spent, in whole seconds */
    uk_outcome outcome;
    uk_input_kind input;
    uk_feedback feedback;
} uk_session_row;

/* "completed", "stopped", "timed_out", "doctor": the values the store accepts. */
const char *uk_session_outcome_name(uk_outcome outcome);

/* "none", "better", "same", "worse": the values the store accepts. */
const char *uk_session_feedback_name(uk_feedback feedback);

/*
 * True when the person stayed for most of the session: at least two thirds
 * of its parts (steps, phases, cards) done to their end, and at most a
 * third of them skipped. Reaching the end by skipping through does not
 * count as finishing (docs/privacy.md, "Completed").
 */
bool uk_session_stayed(const uk_session *session);

/*
 * Fills `row` from `session`. `wall_ms_at_zero` is the wall-clock time (Unix
 * ms) at which the core's clock read 0.
 */
void uk_session_to_row(const uk_session *session, int64_t wall_ms_at_zero, uk_session_row *row);

#endif
