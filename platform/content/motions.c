/*
 * motions.c: reading motions.json (see motions.h).
 *
 * The file is one object, {"motions": [ ... ]}; each motion has an id, a
 * view, an optional prop, 1 to UK_MOTION_MAX_KEYS keys (a time in ms and a
 * pose of joint angles, omitted joints neutral) and where its loop starts.
 * Angles are degrees from -180 to 180; the figure's offsets and shrug are
 * figure heights from -1 to 1. Until a motion's id is known its messages
 * name it by place ("motions[2].id: missing"); after, by id.
 *
 * Motions are read before the routines, so a step is valid only if its
 * motion loaded. Keys past the limit are still checked, in scratch space,
 * so one run shows every problem.
 */
#include "platform/content/motions.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/model/motion.h"
#include "platform/content/field.h"
#include "platform/content/files.h"
#include "platform/content/words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const motions_file_fields[] = {"motions"};
static const char *const motion_fields[] = {"id", "view", "prop", "loop_from", "keys"};
static const char *const key_fields[] = {"ms", "pose"};

static const char view_choices[] = "\"front\" or \"side\"";
static const char prop_choices[] =
    "\"none\", \"wall\", \"chair\", \"step\", \"mat\", \"roller\" or \"ball\"";

static bool grow(uk_loader *ld, void **items, size_t count, size_t *cap, size_t item_size)
{
    if (count < *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 8;
    void *bigger = realloc(*items, new_cap * item_size);
    if (bigger == NULL) {
        uk_loader_out_of_memory(ld);
        return false;
    }
    *items = bigger;
    *cap = new_cap;
    return true;
}

static void check_pose(uk_loader *ld, const cJSON *pose_item, const char *prefix, uk_pose *pose)
{
    char field[UK_FIELD_MAX];
    char found[UK_FIELD_FOUND_LEN];
    char names[512];
    const char *joint_names[UK_JOINT_COUNT];
    const cJSON *member;

    for (int i = 0; i < UK_JOINT_COUNT; i++)
        joint_names[i] = uk_motion_joint_name((uk_joint)i);
    uk_motion_pose_neutral(pose);
    cJSON_ArrayForEach(member, pose_item)
    {
        uk_field_path(field, sizeof field, prefix, member->string);
        int joint = uk_motion_joint_from_name(member->string);
        if (joint < 0) {
            const char *guess = uk_words_closest(member->string, joint_names, UK_JOINT_COUNT);
            if (guess != NULL)
                uk_loader_problem(ld, field, "unknown joint (did you mean \"%s\"?)", guess);
            else
                uk_loader_problem(ld, field, "unknown joint (known: %s)",
                                  uk_words_join(names, sizeof names, joint_names, UK_JOINT_COUNT));
            continue;
        }
        if (uk_field_is_repeat(pose_item, member)) {
            uk_loader_problem(ld, field, "given more than once (keep one)");
            continue;
        }
        bool in_heights = joint == UK_JOINT_X || joint == UK_JOINT_Y || joint == UK_JOINT_SHRUG;
        double limit = in_heights ? 1.0 : 180.0;
        double value = cJSON_IsNumber(member) ? member->valuedouble : 0;
        if (!cJSON_IsNumber(member) || !(value >= -limit && value <= limit)) {
            uk_loader_problem(ld, field, "must be a number from %g to %g%s (found %s)", -limit,
                              limit, in_heights ? " figure heights" : " degrees",
                              uk_field_describe(member, found, sizeof found));
            continue;
        }
        pose->v[joint] = (float)value;
    }
}

static void check_keys(uk_loader *ld, const cJSON *keys, const char *prefix, uk_motion *motion)
{
    char field[UK_FIELD_MAX];
    char key_prefix[UK_FIELD_MAX];
    char found[UK_FIELD_FOUND_LEN];

    uk_field_path(field, sizeof field, prefix, "keys");
    if (!cJSON_IsArray(keys)) {
        uk_loader_problem(ld, field, "must be a list [ ... ] of 1 to %d keys (found %s)",
                          UK_MOTION_MAX_KEYS, uk_field_describe(keys, found, sizeof found));
        return;
    }
    int count = cJSON_GetArraySize(keys);
    if (count < 1 || count > UK_MOTION_MAX_KEYS)
        uk_loader_problem(ld, field, "must hold 1 to %d keys (found %d)", UK_MOTION_MAX_KEYS,
                          count);

    int index = 0;
    const cJSON *key;
    cJSON_ArrayForEach(key, keys)
    {
        uk_keyframe scratch;
        uk_keyframe *frame = index < UK_MOTION_MAX_KEYS ? &motion->keys[index] : &scratch;
        snprintf(field, sizeof field, "%s%skeys[%d]", prefix, prefix[0] ? "." : "", index);
        snprintf(key_prefix, sizeof key_prefix, "%s", field);
        index++;
        if (!cJSON_IsObject(key)) {
            uk_loader_problem(ld, key_prefix,
                              "must be an object {\"ms\": ..., \"pose\": { ... }} (found %s)",
                              uk_field_describe(key, found, sizeof found));
            continue;
        }
        uk_field_check_members(ld, key, key_prefix, key_fields, COUNT(key_fields));
        const cJSON *item = uk_field_require(ld, key, key_prefix, "ms");
        long ms;
        if (item != NULL &&
            uk_field_check_whole(ld, item, uk_field_path(field, sizeof field, key_prefix, "ms"), 0,
                                 UK_KEY_MAX_MS, &ms))
            frame->ms = (uint32_t)ms;
        item = uk_field_require(ld, key, key_prefix, "pose");
        uk_field_path(field, sizeof field, key_prefix, "pose");
        if (item != NULL && !cJSON_IsObject(item))
            uk_loader_problem(ld, field,
                              "must be an object of joint angles {\"neck\": -20, ...} (found %s)",
                              uk_field_describe(item, found, sizeof found));
        else if (item != NULL)
            check_pose(ld, item, field, &frame->pose);
    }
    motion->key_count = (uint8_t)(count < UK_MOTION_MAX_KEYS ? count : UK_MOTION_MAX_KEYS);
}

static void check_motion(uk_loader *ld, const cJSON *object, int index, uk_loader_ids *seen,
                         size_t *cap)
{
    char field[UK_FIELD_MAX];
    char found[UK_FIELD_FOUND_LEN];
    char place[32];
    int errors_before = ld->errors;

    snprintf(place, sizeof place, "motions[%d]", index);
    ld->what = "motion";
    ld->id = NULL;
    if (!cJSON_IsObject(object)) {
        uk_loader_problem(ld, place,
                          "must be an object {\"id\": ..., \"keys\": [ ... ]} (found %s)",
                          uk_field_describe(object, found, sizeof found));
        return;
    }
    if (!grow(ld, (void **)&ld->motions, ld->catalog->motion_count, cap, sizeof(uk_motion)))
        return;
    uk_motion *motion = &ld->motions[ld->catalog->motion_count];
    memset(motion, 0, sizeof *motion);

    /* Once the id is known the messages name it, and fields are relative to the motion. */
    const cJSON *item = uk_field_require(ld, object, place, "id");
    if (item != NULL &&
        uk_field_check_id(ld, item, uk_field_path(field, sizeof field, place, "id"), motion->id))
        ld->id = motion->id;
    const char *prefix = ld->id != NULL ? "" : place;

    uk_field_check_members(ld, object, prefix, motion_fields, COUNT(motion_fields));
    if (ld->id != NULL) {
        const char *where = uk_loader_ids_find(seen, motion->id);
        if (where != NULL)
            uk_loader_problem(ld, "id", "already used by %s; this one is left out", where);
    }

    int value;
    item = uk_field_require(ld, object, prefix, "view");
    if (item != NULL &&
        uk_field_check_choice(ld, item, uk_field_path(field, sizeof field, prefix, "view"),
                              uk_motion_view_from_name, view_choices, &value))
        motion->view = (uk_motion_view)value;
    motion->prop = UK_MOTION_PROP_NONE;
    item = cJSON_GetObjectItemCaseSensitive(object, "prop");
    if (item != NULL &&
        uk_field_check_choice(ld, item, uk_field_path(field, sizeof field, prefix, "prop"),
                              uk_motion_prop_from_name, prop_choices, &value))
        motion->prop = (uk_motion_prop)value;

    item = uk_field_require(ld, object, prefix, "keys");
    if (item != NULL)
        check_keys(ld, item, prefix, motion);

    long loop_from = 0;
    item = cJSON_GetObjectItemCaseSensitive(object, "loop_from");
    if (item != NULL) {
        int last = motion->key_count > 0 ? motion->key_count - 1 : UK_MOTION_MAX_KEYS - 1;
        uk_field_check_whole(ld, item, uk_field_path(field, sizeof field, prefix, "loop_from"), 0,
                             last, &loop_from);
    }
    motion->loop_from = (uint8_t)loop_from;

    if (ld->errors == errors_before) {
        uk_loader_ids_add(ld, seen, motion->id, place);
        ld->catalog->motion_count++;
    } else if (ld->id != NULL && uk_loader_ids_find(seen, motion->id) == NULL) {
        uk_loader_ids_add(ld, &ld->rejected_motions, motion->id, place);
    }
}

void uk_motions_load(uk_loader *ld, const char *dir)
{
    char found[UK_FIELD_FOUND_LEN];
    uk_loader_ids seen = {0};
    size_t cap = 0;

    if (uk_files_join(ld, ld->motions_path, sizeof ld->motions_path, dir, "motions.json") != 0)
        return;
    ld->path = ld->motions_path;
    ld->what = NULL;
    ld->id = NULL;
    cJSON *root = uk_files_parse(ld);
    if (root == NULL)
        return;
    if (!cJSON_IsObject(root)) {
        uk_loader_problem(ld, NULL, "must be one JSON object {\"motions\": [ ... ]} (found %s)",
                          uk_field_describe(root, found, sizeof found));
        goto done;
    }
    uk_field_check_members(ld, root, "", motions_file_fields, COUNT(motions_file_fields));
    const cJSON *list = uk_field_require(ld, root, "", "motions");
    if (list == NULL)
        goto done;
    if (!cJSON_IsArray(list)) {
        uk_loader_problem(ld, "motions", "must be a list [ ... ] of motions (found %s)",
                          uk_field_describe(list, found, sizeof found));
        goto done;
    }
    int index = 0;
    const cJSON *object;
    cJSON_ArrayForEach(object, list)
    {
        check_motion(ld, object, index++, &seen, &cap);
        if (ld->out_of_memory)
            break;
    }
done:
    ld->what = NULL;
    ld->id = NULL;
    uk_loader_ids_free(&seen);
    cJSON_Delete(root);
}
