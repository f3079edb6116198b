/*
 * core_fixtures.h: routines and a catalog built in C for the core's tests,
 * so they do not depend on the JSON loader or on the content a clinic may
 * edit.
 */
#ifndef UK_TESTS_CORE_FIXTURES_H
#define UK_TESTS_CORE_FIXTURES_H

#include <stdio.h>
#include <string.h>

#include "app/catalog.h"
#include "app/routine.h"

static inline uk_step fixture_step(uk_step_kind kind, uk_side side, int seconds, int reps,
                                   int rep_seconds)
{
    uk_step step = {.kind = kind,
                    .side = side,
                    .seconds = (uint16_t)seconds,
                    .reps = (uint16_t)reps,
                    .rep_seconds = (uint16_t)rep_seconds,
                    .title = uk_step_kind_name(kind),
                    .instruction = "Do the step.",
                    .breathing = "Breathe slowly.",
                    .safety = "Stop if it hurts."};
    snprintf(step.motion, sizeof step.motion, "breathe");
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
    routine->type = UK_ROUTINE_STEPS;
    routine->category = UK_CATEGORY_STRETCH;
    routine->title = "Fixture";
    routine->summary = "Every kind of step.";
    routine->habit = "Stretch after brushing your teeth.";
    routine->reviewed_by = "A. Reviewer";
    snprintf(routine->reviewed_on, sizeof routine->reviewed_on, "2026-11-20");
    routine->steps[0] = fixture_step(UK_STEP_HOLD, UK_SIDE_BOTH, 20, 0, 0);
    routine->steps[1] = fixture_step(UK_STEP_HOLD, UK_SIDE_ALTERNATE, 20, 0, 0);
    routine->steps[2] = fixture_step(UK_STEP_REST, UK_SIDE_BOTH, 10, 0, 0);
    routine->steps[3] = fixture_step(UK_STEP_REPS, UK_SIDE_LEFT, 0, 4, 3);
    routine->steps[4] = fixture_step(UK_STEP_MOVE, UK_SIDE_RIGHT, 30, 0, 0);
    routine->step_count = 5;
}

#define FIXTURE_TOTAL_MS 137000u

/* Heat 15 minutes (20 at most), cold 10 (10 at most). */
static inline void fixture_heat_cold(uk_routine *routine)
{
    memset(routine, 0, sizeof *routine);
    snprintf(routine->id, sizeof routine->id, "heat-cold");
    routine->type = UK_ROUTINE_HEAT_COLD;
    routine->category = UK_CATEGORY_HEAT_COLD;
    routine->title = "Heat and cold";
    routine->summary = "A timer for warm and cold packs.";
    routine->habit = "Use heat before you stretch.";
    routine->reviewed_by = "A. Reviewer";
    snprintf(routine->reviewed_on, sizeof routine->reviewed_on, "2026-11-20");
    routine->heat_cold = (uk_heat_cold){
        .heat_minutes = 15,
        .heat_max_minutes = 20,
        .cold_minutes = 10,
        .cold_max_minutes = 10,
        .question = "Is this a new injury?",
        .answer_new = "Yes",
        .answer_old = "No",
        .prepare_heat = "Put the warm pack on.",
        .prepare_cold = "Put the cold pack on.",
        .heat_hint = "Rest and breathe.",
        .cold_hint = "Rest and breathe.",
        .safety = "Keep a cloth between skin and pack.",
    };
}

static inline void fixture_cards(uk_routine *routine)
{
    static const uk_card cards[3] = {
        {"What is a knot?", "A tight spot in a muscle."},
        {"Why?", "Too much sitting, or too much of one motion."},
        {"What helps?", "Move, stretch, warmth, water."},
    };
    memset(routine, 0, sizeof *routine);
    snprintf(routine->id, sizeof routine->id, "learn");
    routine->type = UK_ROUTINE_CARDS;
    routine->category = UK_CATEGORY_LEARN;
    routine->title = "Learn about knots";
    routine->summary = "Short cards.";
    routine->habit = "Get up and move every hour.";
    routine->reviewed_by = "A. Reviewer";
    snprintf(routine->reviewed_on, sizeof routine->reviewed_on, "2026-11-20");
    memcpy(routine->cards, cards, sizeof cards);
    routine->card_count = 3;
}

/*
 * A catalog in two languages ("en", "es") with four routines: the fixture
 * routine, a second copy of it with id "second", heat and cold, and cards.
 * The Spanish copy differs only in its titles. The strings tables are empty,
 * so every sentence shows as its key.
 */
#define FIXTURE_ROUTINES 4
typedef struct fixture_catalog {
    uk_catalog catalog;
    uk_strings strings[2];
    uk_routine routines[2][FIXTURE_ROUTINES];
} fixture_catalog;

static inline void fixture_catalog_init(fixture_catalog *fc)
{
    memset(fc, 0, sizeof *fc);
    static const char *const codes[2] = {"en", "es"};
    for (int l = 0; l < 2; l++) {
        uk_routine *r = fc->routines[l];
        fixture_routine(&r[0]);
        fixture_routine(&r[1]);
        snprintf(r[1].id, sizeof r[1].id, "second");
        fixture_heat_cold(&r[2]);
        fixture_cards(&r[3]);
        if (l == 1) {
            r[0].title = "Rutina";
            r[1].title = "Segunda";
        }
        uk_strings_init(&fc->strings[l], codes[l]);
        snprintf(fc->catalog.langs[l].code, UK_LANG_MAX, "%s", codes[l]);
        fc->catalog.langs[l].strings = &fc->strings[l];
        fc->catalog.langs[l].routines = r;
    }
    fc->catalog.lang_count = 2;
    fc->catalog.routine_count = FIXTURE_ROUTINES;
}

#endif
