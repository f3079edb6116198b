/*
 * routine.c: names, and small facts derived from a routine. The player, the
 * home screen and the loader all need them, so they are computed in one
 * place.
 */
#include "app/model/routine.h"

#include <string.h>

static const char *const kind_names[UK_STEP_KIND_COUNT] = {"hold", "reps", "move", "rest",
                                                           "massage"};
static const char *const side_names[UK_SIDE_COUNT] = {"both", "left", "right", "alternate"};
static const char *const type_names[UK_ROUTINE_TYPE_COUNT] = {"steps", "heat-cold", "cards"};
static const char *const category_names[UK_CATEGORY_COUNT] = {"stretch", "move", "massage",
                                                              "heat-cold", "learn"};

int uk_routine_name_index(const char *const *names, int count, const char *name)
{
    if (name == NULL)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

uint32_t uk_routine_side_ms(const uk_step *step)
{
    if (step->kind == UK_STEP_REPS)
        return (uint32_t)step->reps * step->rep_seconds * 1000u;
    return (uint32_t)step->seconds * 1000u;
}

int uk_routine_side_count(const uk_step *step)
{
    return step->side == UK_SIDE_ALTERNATE ? 2 : 1;
}

const char *uk_routine_step_kind_name(uk_step_kind kind)
{
    return (unsigned)kind < UK_STEP_KIND_COUNT ? kind_names[kind] : "?";
}

int uk_routine_step_kind_from_name(const char *name)
{
    return uk_routine_name_index(kind_names, UK_STEP_KIND_COUNT, name);
}

const char *uk_routine_side_name(uk_side side)
{
    return (unsigned)side < UK_SIDE_COUNT ? side_names[side] : "?";
}

int uk_routine_side_from_name(const char *name)
{
    return uk_routine_name_index(side_names, UK_SIDE_COUNT, name);
}

const char *uk_routine_type_name(uk_routine_type type)
{
    return (unsigned)type < UK_ROUTINE_TYPE_COUNT ? type_names[type] : "?";
}

int uk_routine_type_from_name(const char *name)
{
    return uk_routine_name_index(type_names, UK_ROUTINE_TYPE_COUNT, name);
}

const char *uk_routine_category_name(uk_category category)
{
    return (unsigned)category < UK_CATEGORY_COUNT ? category_names[category] : "?";
}

int uk_routine_category_from_name(const char *name)
{
    return uk_routine_name_index(category_names, UK_CATEGORY_COUNT, name);
}

uint32_t uk_routine_total_ms(const uk_routine *routine, uint32_t get_ready_ms, uint32_t switch_ms)
{
    if (routine->type == UK_ROUTINE_HEAT_COLD)
        return ((uint32_t)routine->heat_cold.heat_minutes + routine->heat_cold.cold_minutes) *
               60000u;
    if (routine->type == UK_ROUTINE_CARDS)
        return 0;
    uint32_t total = 0;
    for (int i = 0; i < routine->step_count; i++) {
        const uk_step *step = &routine->steps[i];
        int sides = uk_routine_side_count(step);
        if (step->kind != UK_STEP_REST)
            total += get_ready_ms;
        total += (uint32_t)sides * uk_routine_side_ms(step);
        if (sides == 2)
            total += switch_ms;
    }
    return total;
}

bool uk_routine_id_valid(const char *id)
{
    size_t len = strlen(id);
    if (len == 0 || len >= UK_ID_MAX || id[0] == '-')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}
