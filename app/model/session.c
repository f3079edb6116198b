/*
 * session.c: turning a finished session into the anonymous row that is stored.
 */
#include "app/model/session.h"

#include <string.h>

static const char *const outcome_names[UK_OUTCOME_COUNT] = {"completed", "stopped", "timed_out",
                                                            "doctor"};
static const char *const feedback_names[UK_FEEDBACK_COUNT] = {"none", "better", "same", "worse"};

const char *uk_session_outcome_name(uk_outcome outcome)
{
    return (unsigned)outcome < UK_OUTCOME_COUNT ? outcome_names[outcome] : "stopped";
}

const char *uk_session_feedback_name(uk_feedback feedback)
{
    return (unsigned)feedback < UK_FEEDBACK_COUNT ? feedback_names[feedback] : "none";
}

bool uk_session_stayed(const uk_session *session)
{
    unsigned total = session->steps_total;
    return total > 0 && session->steps_done * 3u >= total * 2u &&
           session->steps_skipped * 3u <= total;
}

void uk_session_to_row(const uk_session *session, int64_t wall_ms_at_zero, uk_session_row *row)
{
    memset(row, 0, sizeof *row);
    memcpy(row->routine, session->routine, sizeof row->routine);
    memcpy(row->lang, session->lang, sizeof row->lang);
    int64_t start_s = (wall_ms_at_zero + (int64_t)session->started_ms) / 1000;
    row->start_hour = start_s - start_s % 3600;
    uint64_t ms =
        session->ended_ms > session->started_ms ? session->ended_ms - session->started_ms : 0;
    row->duration_s = (uint32_t)((ms + 500) / 1000);
    row->steps_done = session->steps_done;
    row->steps_skipped = session->steps_skipped;
    row->steps_total = session->steps_total;
    row->active_s = (uint32_t)((session->active_ms + 500) / 1000);
    row->outcome = session->outcome;
    row->input = session->input;
    row->feedback = session->feedback;
}
