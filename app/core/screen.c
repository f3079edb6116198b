/*
 * screen.c: the core's column of the table of screens (see screen.h).
 */
#include "app/core/screen.h"

#include <string.h>

#define UK_SCREEN_DECLARE(id, name, rules, view) extern const uk_screen_rules rules;
UK_SCREENS(UK_SCREEN_DECLARE)
#undef UK_SCREEN_DECLARE

static const uk_screen_rules *const table[UK_SCREEN_COUNT] = {
#define UK_SCREEN_RULES(id, name, rules, view) [UK_SCREEN_##id] = &rules,
    UK_SCREENS(UK_SCREEN_RULES)
#undef UK_SCREEN_RULES
};

static const char *const names[UK_SCREEN_COUNT] = {
#define UK_SCREEN_NAME(id, name, rules, view) [UK_SCREEN_##id] = name,
    UK_SCREENS(UK_SCREEN_NAME)
#undef UK_SCREEN_NAME
};

static const uk_screen_rules no_rules;

const uk_screen_rules *uk_screen_rules_of(uk_screen screen)
{
    return (unsigned)screen < UK_SCREEN_COUNT ? table[screen] : &no_rules;
}

const char *uk_screen_name(uk_screen screen)
{
    return (unsigned)screen < UK_SCREEN_COUNT ? names[screen] : "?";
}

uk_screen uk_screen_from_name(const char *name)
{
    for (int i = 0; i < UK_SCREEN_COUNT; i++)
        if (name && strcmp(name, names[i]) == 0)
            return (uk_screen)i;
    return UK_SCREEN_COUNT;
}
