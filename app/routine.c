/*
 * routine.c: small facts derived from a routine's steps. The player and the
 * home screen both need them, so they are computed in one place.
 */
#include "app/routine.h"

#include <string.h>

static const char *const kind_names[UK_STEP_KIND_COUNT] = {"hold", "reps", "move", "rest"};
static const char *const side_names[UK_SIDE_COUNT] = {"both", "left", "right", "alternate"};

uint32_t uk_step_side_ms(const uk_step *step)
{
    if (step->kind == UK_STEP_REPS)
        return (uint32_t)step->reps * step->rep_seconds * 1000u;
    return (uint32_t)step->seconds * 1000u;
}

int uk_step_side_count(const uk_step *step)
{
    return step->side == UK_SIDE_ALTERNATE ? 2 : 1;
}

const char *uk_step_kind_name(uk_step_kind kind)
{
    return (unsigned)kind < UK_STEP_KIND_COUNT ? kind_names[kind] : "?";
}

int uk_step_kind_from_name(const char *name)
{
    for (int i = 0; i < UK_STEP_KIND_COUNT; i++)
        if (strcmp(name, kind_names[i]) == 0)
            return i;
    return -1;
}

const char *uk_side_name(uk_side side)
{
    return (unsigned)side < UK_SIDE_COUNT ? side_names[side] : "?";
}

int uk_side_from_name(const char *name)
{
    for (int i = 0; i < UK_SIDE_COUNT; i++)
        if (strcmp(name, side_names[i]) == 0)
            return i;
    return -1;
}

uint32_t uk_routine_total_ms(const uk_routine *routine, uint32_t get_ready_ms, uint32_t switch_ms)
{
    uint32_t total = 0;
    for (int i = 0; i < routine->step_count; i++) {
        const uk_step *step = &routine->steps[i];
        int sides = uk_step_side_count(step);
        if (step->kind != UK_STEP_REST)
            total += get_ready_ms;
        total += (uint32_t)sides * uk_step_side_ms(step);
        if (sides == 2)
            total += switch_ms;
    }
    return total;
}

int uk_id_valid(const char *id)
{
    size_t len = strlen(id);
    if (len == 0 || len >= UK_ID_MAX || id[0] == '-')
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return 0;
    }
    return 1;
}
