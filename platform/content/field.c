/*
 * field.c: checking one field of a content file (see field.h).
 *
 * Numbers are refused unless whole where the core counts in whole units,
 * and NaN and infinities fail before any cast. Unknown members are always
 * an error, with a "did you mean" when a known name is within two edits,
 * because a typo like "secnds" silently ignored is a step that lasts no
 * time at all.
 */
#include "platform/content/field.h"

#include <stdio.h>
#include <string.h>

#include "app/model/routine.h"
#include "platform/content/words.h"

static const char id_rule[] = "1 to 31 characters from a-z, 0-9 and '-', not starting with '-'";

/* A JSON value as a message shows it after "found": 0, "text", true, a list, an object. */
const char *uk_field_describe(const cJSON *item, char *buf, size_t size)
{
    if (cJSON_IsString(item)) {
        const char *s = item->valuestring;
        size_t len = 0, shown = 0;
        uk_words_append(buf, size, &len, "\"");
        for (; *s && len + 8 < size; s++, shown++) {
            /* Cut before a character, never inside one. */
            if (shown >= UK_FIELD_FOUND_MAX && ((unsigned char)*s & 0xc0) != 0x80) {
                uk_words_append(buf, size, &len, "...");
                break;
            }
            if (*s == '"' || *s == '\\')
                uk_words_append(buf, size, &len, "\\%c", *s);
            else if (*s == '\n')
                uk_words_append(buf, size, &len, "\\n");
            else if ((unsigned char)*s < 0x20 || *s == 0x7f)
                uk_words_append(buf, size, &len, "?");
            else
                uk_words_append(buf, size, &len, "%c", *s);
        }
        uk_words_append(buf, size, &len, "\"");
    } else if (cJSON_IsNumber(item)) {
        /* Enough digits to show what was typed: 20261120, not 2.02611e+07. */
        snprintf(buf, size, "%.15g", item->valuedouble);
    } else if (cJSON_IsTrue(item)) {
        snprintf(buf, size, "true");
    } else if (cJSON_IsFalse(item)) {
        snprintf(buf, size, "false");
    } else if (cJSON_IsNull(item)) {
        snprintf(buf, size, "null");
    } else if (cJSON_IsArray(item)) {
        snprintf(buf, size, "a list [ ... ]");
    } else if (cJSON_IsObject(item)) {
        snprintf(buf, size, "an object { ... }");
    } else {
        snprintf(buf, size, "nothing");
    }
    return buf;
}

/* "steps[2]" + "seconds" = "steps[2].seconds"; an empty prefix gives just the name. */
const char *uk_field_path(char *buf, size_t size, const char *prefix, const char *name)
{
    size_t len = 0;
    buf[0] = '\0';
    uk_words_append(buf, size, &len, "%s%s%s", prefix, prefix[0] ? "." : "", name);
    return buf;
}

bool uk_field_is_repeat(const cJSON *object, const cJSON *member)
{
    for (const cJSON *p = object->child; p != NULL && p != member; p = p->next)
        if (strcmp(p->string, member->string) == 0)
            return true;
    return false;
}

/*
 * Reports members of `object` that are not in `known`, or appear twice. An
 * unknown one is told its new name if `renamed` (NULL: none) lists it, else
 * the closest known name, or else the `listed` names (the ones that belong
 * here: a routine's type has only some of them).
 */
void uk_field_check_members_listing(uk_loader *ld, const cJSON *object, const char *prefix,
                                    const char *const *known, size_t count,
                                    const char *const *listed, size_t listed_count,
                                    const uk_field_renamed *renamed)
{
    char field[UK_FIELD_MAX];
    char names[256];
    const cJSON *member;
    cJSON_ArrayForEach(member, object)
    {
        bool found = uk_words_is_one_of(member->string, known, count);
        uk_field_path(field, sizeof field, prefix, member->string);
        if (!found) {
            const char *guess = uk_words_closest(member->string, known, count);
            if (renamed != NULL && strcmp(member->string, renamed->old_name) == 0)
                uk_loader_problem(ld, field, "unknown field (it is called \"%s\" now)",
                                  renamed->new_name);
            else if (guess != NULL)
                uk_loader_problem(ld, field, "unknown field (did you mean \"%s\"?)", guess);
            else
                uk_loader_problem(ld, field, "unknown field (known: %s)",
                                  uk_words_join(names, sizeof names, listed, listed_count));
        } else if (uk_field_is_repeat(object, member)) {
            uk_loader_problem(ld, field, "given more than once (keep one)");
        }
    }
}

void uk_field_check_members(uk_loader *ld, const cJSON *object, const char *prefix,
                            const char *const *known, size_t count)
{
    uk_field_check_members_listing(ld, object, prefix, known, count, known, count, NULL);
}

/* A required member: reports "missing" and returns NULL if it is not there. */
const cJSON *uk_field_require(uk_loader *ld, const cJSON *object, const char *prefix,
                              const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (item == NULL) {
        char field[UK_FIELD_MAX];
        uk_loader_problem(ld, uk_field_path(field, sizeof field, prefix, name), "missing");
    }
    return item;
}

bool uk_field_check_id(uk_loader *ld, const cJSON *item, const char *field, char *dst)
{
    char found[UK_FIELD_FOUND_LEN];
    if (!cJSON_IsString(item) || !uk_routine_id_valid(item->valuestring)) {
        uk_loader_problem(ld, field, "must be %s (found %s)", id_rule,
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    snprintf(dst, UK_ID_MAX, "%s", item->valuestring);
    return true;
}

bool uk_field_check_whole(uk_loader *ld, const cJSON *item, const char *field, long min, long max,
                          long *out)
{
    char found[UK_FIELD_FOUND_LEN];
    double value = cJSON_IsNumber(item) ? item->valuedouble : 0;
    /* Written so that NaN and infinities fail too, before any cast. */
    if (!cJSON_IsNumber(item) || !(value >= (double)min && value <= (double)max) ||
        (double)(long)value != value) {
        uk_loader_problem(ld, field, "must be a whole number from %ld to %ld (found %s)", min, max,
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    *out = (long)value;
    return true;
}

/* One of a fixed set of names, parsed by `from_name` (which returns -1 if unknown). */
bool uk_field_check_choice(uk_loader *ld, const cJSON *item, const char *field,
                           int (*from_name)(const char *), const char *choices, int *out)
{
    char found[UK_FIELD_FOUND_LEN];
    int value = cJSON_IsString(item) ? from_name(item->valuestring) : -1;
    if (value < 0) {
        uk_loader_problem(ld, field, "must be %s (found %s)", choices,
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    *out = value;
    return true;
}
