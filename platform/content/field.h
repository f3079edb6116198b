/*
 * field.h: checking one field of a content file, and saying what is wrong
 * with it in words a clinic's staff can act on.
 *
 * A field is named by its path in the file ("steps[2].seconds", indexes
 * counted from 0 as in the file); a message says what the field must be
 * and quotes what was found, as uk_field_describe shows it. Every check
 * reports through uk_loader_problem and returns whether the value is
 * usable; nothing here stops at the first problem, so one run lists them
 * all. Values are copied into the caller's storage; nothing keeps a
 * pointer into the cJSON tree.
 */
#ifndef UK_PLATFORM_CONTENT_FIELD_H
#define UK_PLATFORM_CONTENT_FIELD_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "platform/content/loader.h"

#define UK_FIELD_MAX       160 /* a field's path: "keys[11].pose.left_shoulder" and the like */
#define UK_FIELD_FOUND_MAX 48  /* bytes of a bad text quoted back in a message */
/* A buffer that holds what uk_field_describe writes for any value. */
#define UK_FIELD_FOUND_LEN (UK_FIELD_FOUND_MAX * 2 + 16)

/* A field's name in an earlier format and its name now. */
typedef struct uk_field_renamed {
    const char *old_name, *new_name;
} uk_field_renamed;

/*
 * A JSON value as a message shows it after "found": 0, "text" (cut after
 * UK_FIELD_FOUND_MAX bytes, never inside a character), true, a list, an
 * object. Writes into `buf`, the caller's, and returns it.
 */
const char *uk_field_describe(const cJSON *item, char *buf, size_t size);

/*
 * "steps[2]" + "seconds" = "steps[2].seconds"; an empty prefix gives just
 * the name. Writes into `buf`, the caller's, and returns it.
 */
const char *uk_field_path(char *buf, size_t size, const char *prefix, const char *name);

/* Does an earlier member of `object` have the same name as `member`? Borrows both. */
bool uk_field_is_repeat(const cJSON *object, const cJSON *member);

/*
 * Reports members of `object` that are not in `known`, or appear twice. An
 * unknown one is told its new name if `renamed` (NULL: none) lists it, else
 * the closest known name, or else the `listed` names (the ones that belong
 * here: a routine's type has only some of them). Borrows every argument.
 */
void uk_field_check_members_listing(uk_loader *ld, const cJSON *object, const char *prefix,
                                    const char *const *known, size_t count,
                                    const char *const *listed, size_t listed_count,
                                    const uk_field_renamed *renamed);

/* uk_field_check_members_listing listing all of `known`, with nothing renamed. */
void uk_field_check_members(uk_loader *ld, const cJSON *object, const char *prefix,
                            const char *const *known, size_t count);

/*
 * The member `name` of `object`, or NULL after reporting it missing. The
 * answer points into `object`, which stays the caller's.
 */
const cJSON *uk_field_require(uk_loader *ld, const cJSON *object, const char *prefix,
                              const char *name);

/* An id (uk_routine_id_valid), copied into `dst` (UK_ID_MAX bytes, the caller's); false after
 * reporting. */
bool uk_field_check_id(uk_loader *ld, const cJSON *item, const char *field, char *dst);

/* A whole number from `min` to `max` into `*out`; false after reporting. Borrows `item`. */
bool uk_field_check_whole(uk_loader *ld, const cJSON *item, const char *field, long min, long max,
                          long *out);

/*
 * One of a fixed set of names, parsed by `from_name` (which returns -1 if
 * unknown) into `*out`; false after reporting, with `choices` listing them
 * ("\"front\" or \"side\""). Borrows every argument.
 */
bool uk_field_check_choice(uk_loader *ld, const cJSON *item, const char *field,
                           int (*from_name)(const char *), const char *choices, int *out);

#endif
