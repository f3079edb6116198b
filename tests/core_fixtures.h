/*
 * core_fixtures.h: routines built in C for the core's tests, so they do not
 * depend on the JSON loader or on the content a clinic may edit.
 */
#ifndef UK_TESTS_CORE_FIXTURES_H
#define UK_TESTS_CORE_FIXTURES_H

#include <stdio.h>
#include <string.h>

#include "app/routine.h"

static inline uk_step fixture_step(uk_step_kind kind, uk_side side, int seconds, int reps,
                                   int rep_seconds)
{
    uk_step step = {.kind = kind,
                    .side = side,
                    .seconds = (uint16_t)seconds,
                    .reps = (uint16_t)reps,
                    .rep_seconds = (uint16_t)rep_seconds};
    snprintf(step.motion, sizeof step.motion, "breathe");
    snprintf(step.title, sizeof step.title, "%s %s", uk_step_kind_name(kind), uk_side_name(side));
    snprintf(step.instruction, sizeof step.instruction, "Do the %s.", step.title);
    snprintf(step.breathing, sizeof step.breathing, "Breathe slowly.");
    snprintf(step.safety, sizeof step.safety, "Stop if it hurts.");
    return step;
}

/*
 * A routine with every kind of step:
 *   0 hold 20 s both        (5 s get-ready first)
 *   1 hold 20 s alternate   (get-ready, left, 5 s switch, right)
 *   2 rest 10 s             (no get-ready)
 *   3 reps 4 x 3 s left     (get-ready)
 *   4 move 30 s right       (get-ready)
 * Timeline with 5 s get-ready and 5 s switch:
 *   0-5 ready, 5-25 step 0, 25-30 ready, 30-50 left, 50-55 switch, 55-75 right,
 *   75-85 rest, 85-90 ready, 90-102 reps, 102-107 ready, 107-137 move, done at 137 s.
 */
static inline void fixture_routine(uk_routine *routine)
{
    memset(routine, 0, sizeof *routine);
    snprintf(routine->id, sizeof routine->id, "fixture");
    snprintf(routine->title, sizeof routine->title, "Fixture");
    snprintf(routine->summary, sizeof routine->summary, "Every kind of step.");
    snprintf(routine->tip, sizeof routine->tip, "Stretch after brushing your teeth.");
    routine->steps[0] = fixture_step(UK_STEP_HOLD, UK_SIDE_BOTH, 20, 0, 0);
    routine->steps[1] = fixture_step(UK_STEP_HOLD, UK_SIDE_ALTERNATE, 20, 0, 0);
    routine->steps[2] = fixture_step(UK_STEP_REST, UK_SIDE_BOTH, 10, 0, 0);
    routine->steps[3] = fixture_step(UK_STEP_REPS, UK_SIDE_LEFT, 0, 4, 3);
    routine->steps[4] = fixture_step(UK_STEP_MOVE, UK_SIDE_RIGHT, 30, 0, 0);
    routine->step_count = 5;
}

#define FIXTURE_TOTAL_MS 137000u

#endif
