/*
 * stats.c: names for the usage log's states (see app/model/stats.h).
 */
#include "app/model/stats.h"

static const char *const state_names[UK_STATS_STATE_COUNT] = {
    "ok", "retrying-readonly", "retrying-full", "retrying-io", "corrupt-replaced", "closed",
};

const char *uk_stats_state_name(uk_stats_state state)
{
    return (unsigned)state < UK_STATS_STATE_COUNT ? state_names[state] : "?";
}
