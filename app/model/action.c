/*
 * action.c: names of actions, shared by scripts, logs and
 * the usage store so that one spelling is used everywhere.
 */
#include "app/model/action.h"

#include <stddef.h>
#include <strings.h>

static const char *const action_names[UK_ACTION_COUNT] = {
    [UK_ACTION_NONE] = "none",     [UK_ACTION_UP] = "up",     [UK_ACTION_DOWN] = "down",
    [UK_ACTION_SELECT] = "select", [UK_ACTION_BACK] = "back", [UK_ACTION_HELP] = "help",
};

const char *uk_action_name(uk_action action)
{
    if ((unsigned)action >= UK_ACTION_COUNT)
        return "none";
    return action_names[action];
}

uk_action uk_action_from_name(const char *name)
{
    if (name == NULL)
        return UK_ACTION_NONE;
    for (int i = 1; i < UK_ACTION_COUNT; i++)
        if (strcasecmp(name, action_names[i]) == 0)
            return (uk_action)i;
    return UK_ACTION_NONE;
}
