/*
 * heat_cold_screen.h: the heat and cold session's rules.
 *
 * First a question (is the injury new?), then for each phase the pack is
 * put on before its timer starts. No phase can run past its maximum, there
 * is no pause, and a running pack never asks "Still there?": the person is
 * sitting with a pack on, and its timer ends it. BACK stops the session.
 */
#ifndef UK_APP_CORE_HEAT_COLD_SCREEN_H
#define UK_APP_CORE_HEAT_COLD_SCREEN_H

/* The screen's items: the answers, or begin; or one more minute and end now. */
enum {
    UK_HEAT_COLD_SCREEN_NEW = 0,    /* QUESTION: "yes, it is new" */
    UK_HEAT_COLD_SCREEN_OLD = 1,    /* QUESTION: "no, it is older" */
    UK_HEAT_COLD_SCREEN_BEGIN = 0,  /* PREPARE: "the pack is on" */
    UK_HEAT_COLD_SCREEN_MINUTE = 0, /* RUNNING: one more minute */
    UK_HEAT_COLD_SCREEN_END = 1,    /* RUNNING: end this phase now */
};

#endif
