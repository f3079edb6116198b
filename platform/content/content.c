/*
 * content.c: reads the kiosk's content (routines, motions, sentences) from
 * JSON files with cJSON, and checks every value before the core sees it.
 *
 * The files are written by hand, by clinic staff as often as by us, so the
 * loader's real product is its messages. Each problem is one line that names
 * the file, the routine or motion when its id is known, the field as a path
 * ("steps[2].seconds", indexes counted from 0 as in the file), what the field
 * must be, and what was found:
 *
 *   assets/routines/10-neck.json: routine 'neck-shoulders': steps[2].seconds:
 *   must be a whole number from 3 to 600 (found 0)
 *
 * Nothing is silently ignored or guessed: an unknown field is an error (so a
 * typo like "secnds" is caught, with a "did you mean" when one is close), a
 * field given twice is an error, numbers must be whole where the core counts
 * in whole units, and every text must fit its fixed-size buffer in
 * app/model/routine.h, counted in bytes. A file keeps being checked after its first
 * problem so one run of `unknot --check-content` lists them all.
 *
 * What is left out: a routine with any problem (the others still load); a
 * motion with any problem, and then every routine with a step or a preview
 * that uses it; a sentence whose text is wrong, which falls back to English;
 * a language file that cannot be read at all, and with it that language's
 * words in the routine files (they are still checked, and the routines load
 * in the other languages). A text missing in one language is a problem too,
 * but the only one that keeps its routine: English shows there instead.
 *
 * Order matters, and is: 1. the languages (en.json, then every other
 * lang/ *.json on top of English, in name order) 2. motions.json
 * 3. routines/ *.json in byte order of their names, because a routine's
 * texts are checked against the languages that loaded and a step is valid
 * only if its motion loaded.
 *
 * Everything allocated here is owned by the uk_content (or freed before
 * returning); cJSON trees and file buffers never outlive the call that read
 * them. There is no state of our own between calls; the report callback runs
 * on the caller's thread, once per problem, before the call returns.
 *
 * The checks this file shares with its parts live beside it: loader.h (the
 * state of one load, and reporting), field.c (checking one field), files.c
 * (finding and parsing files) and words.c (small text tools).
 */
#include "platform/content/content.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/content/field.h"
#include "platform/content/files.h"
#include "platform/content/loader.h"
#include "platform/content/words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- what is loaded -------------------------------------------------------------------------- */

typedef struct uk_texts_arena uk_texts_arena;

/* A uk_content and the storage its catalog points into. The caller sees only the first
 * member, so uk_content_free can get back to the rest. */
typedef struct content_store {
    uk_content content;
    uk_strings strings[UK_MAX_LANGS];   /* per language, English underneath */
    uk_routine *routines[UK_MAX_LANGS]; /* per language, catalog.routine_count each */
    uk_motion *motions;                 /* valid motions, in file order: catalog.motion_count */
    uk_texts_arena *text;               /* every routine text, in every language */
} content_store;

static const char *const routine_fields[] = {"id",           "type",
                                             "category",     "title",
                                             "summary",      "habit",
                                             "reviewed_by",  "reviewed_on",
                                             "motion",       "steps",
                                             "heat_minutes", "heat_max_minutes",
                                             "cold_minutes", "cold_max_minutes",
                                             "question",     "answer_new",
                                             "answer_old",   "prepare_heat",
                                             "prepare_cold", "heat_hint",
                                             "cold_hint",    "safety",
                                             "cards"};
static const char *const step_fields[] = {"kind",        "side",   "seconds", "reps",
                                          "rep_seconds", "motion", "title",   "instruction",
                                          "breathing",   "safety", "pressure"};
static const char *const card_fields[] = {"title", "body"};
static const char *const motions_file_fields[] = {"motions"};
static const char *const motion_fields[] = {"id", "view", "prop", "loop_from", "keys"};
static const char *const key_fields[] = {"ms", "pose"};

static const char kind_choices[] = "\"hold\", \"reps\", \"move\", \"rest\" or \"massage\"";
static const char type_choices[] = "\"steps\", \"heat-cold\" or \"cards\"";
static const char category_choices[] = "\"stretch\", \"move\" or \"massage\"";
static const char side_choices[] = "\"both\", \"left\", \"right\" or \"alternate\"";
static const char view_choices[] = "\"front\" or \"side\"";
static const char prop_choices[] =
    "\"none\", \"wall\", \"chair\", \"step\", \"mat\", \"roller\" or \"ball\"";

/* ---- motions --------------------------------------------------------------------------------- */

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
        joint_names[i] = uk_joint_name((uk_joint)i);
    uk_pose_neutral(pose);
    cJSON_ArrayForEach(member, pose_item)
    {
        uk_field_path(field, sizeof field, prefix, member->string);
        int joint = uk_joint_from_name(member->string);
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
                              uk_view_from_name, view_choices, &value))
        motion->view = (uk_view)value;
    motion->prop = UK_PROP_NONE;
    item = cJSON_GetObjectItemCaseSensitive(object, "prop");
    if (item != NULL &&
        uk_field_check_choice(ld, item, uk_field_path(field, sizeof field, prefix, "prop"),
                              uk_prop_from_name, prop_choices, &value))
        motion->prop = (uk_prop)value;

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

static void load_motions(uk_loader *ld, const char *dir)
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

/* ---- texts ----------------------------------------------------------------------------------- */

/* Byte limits for texts, so that what is written fits the screens at their smallest. */
#define TITLE_MAX_BYTES    63
#define TEXT_MAX_BYTES     191
#define CARD_MAX_BYTES     599
#define REVIEWER_MAX_BYTES 95
#define ARENA_BLOCK        (64 * 1024)

/* Accepted texts, copied once and never moved: blocks of ARENA_BLOCK bytes or more. */
struct uk_texts_arena {
    uk_texts_arena *next;
    size_t used, cap;
    char data[];
};

static const char *arena_copy(uk_loader *ld, const char *text)
{
    size_t len = strlen(text) + 1;
    uk_texts_arena *block = ld->arena;
    if (block == NULL || block->cap - block->used < len) {
        size_t cap = len > ARENA_BLOCK ? len : ARENA_BLOCK;
        uk_texts_arena *fresh = malloc(sizeof *fresh + cap);
        if (fresh == NULL) {
            uk_loader_out_of_memory(ld);
            return NULL;
        }
        fresh->next = block;
        fresh->used = 0;
        fresh->cap = cap;
        ld->arena = block = fresh;
    }
    char *copy = block->data + block->used;
    memcpy(copy, text, len);
    block->used += len;
    return copy;
}

static void arena_free(uk_texts_arena *arena)
{
    while (arena != NULL) {
        uk_texts_arena *next = arena->next;
        free(arena);
        arena = next;
    }
}

/* Is `item` usable text of at most `max_bytes` bytes? Reports why not. */
static bool text_ok(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes)
{
    char found[UK_FIELD_FOUND_LEN];
    if (!cJSON_IsString(item)) {
        uk_loader_problem(ld, field, "must be text in quotes (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    const char *text = item->valuestring;
    size_t len = strlen(text);
    if (uk_words_blank(text)) {
        uk_loader_problem(ld, field, "must not be empty (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    if (!uk_words_utf8_valid(text)) {
        uk_loader_problem(ld, field, "not valid UTF-8 text; save the file as UTF-8");
        return false;
    }
    if (len > max_bytes) {
        uk_loader_problem(ld, field,
                          "too long: must be at most %zu bytes (found %zu bytes); shorter is "
                          "easier to read from a distance",
                          max_bytes, len);
        return false;
    }
    return true;
}

/* Usable text of at most `max_bytes` bytes; copied into the arena. NULL after reporting. */
static const char *check_text(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes)
{
    return text_ok(ld, item, field, max_bytes) ? arena_copy(ld, item->valuestring) : NULL;
}

static const char *lang_names(const uk_loader *ld, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ld->catalog->lang_count; i++)
        uk_words_append(buf, size, &len, "%s%s", i ? ", " : "", ld->catalog->langs[i].code);
    return buf;
}

/*
 * A text in every language: {"en": "...", "es": "..."}. Fills out[] for every
 * language. A language without its text gets the first language's and is
 * reported (the routine still loads). Returns false, reported, when there is
 * no usable text in the first language.
 */
static bool check_texts(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes,
                        const char **out)
{
    char found[UK_FIELD_FOUND_LEN];
    char names[64];
    char sub[UK_FIELD_MAX];
    for (size_t i = 0; i < ld->catalog->lang_count; i++)
        out[i] = NULL;
    if (!cJSON_IsObject(item)) {
        uk_loader_problem(
            ld, field, "must give the text in each language, like {\"%s\": \"...\"%s} (found %s)",
            ld->catalog->langs[0].code, ld->catalog->lang_count > 1 ? ", ..." : "",
            uk_field_describe(item, found, sizeof found));
        return false;
    }
    bool usable = true;
    const cJSON *member;
    cJSON_ArrayForEach(member, item)
    {
        uk_field_path(sub, sizeof sub, field, member->string);
        int lang = uk_catalog_find_lang(ld->catalog, member->string);
        if (lang < 0 && uk_loader_ids_find(&ld->rejected_langs, member->string) != NULL) {
            /* Its lang/ file was reported already; the words are checked, not kept. */
            if (!uk_field_is_repeat(item, member))
                text_ok(ld, member, sub, max_bytes);
            continue;
        }
        if (lang < 0) {
            uk_loader_problem(
                ld, sub,
                "no language \"%s\" here (languages: %s; a new one needs lang/%s.json first)",
                member->string, lang_names(ld, names, sizeof names), member->string);
            continue;
        }
        if (uk_field_is_repeat(item, member)) {
            uk_loader_problem(ld, sub, "given more than once (keep one)");
            continue;
        }
        out[lang] = check_text(ld, member, sub, max_bytes);
        if (out[lang] == NULL)
            usable = usable && lang != 0;
    }
    if (out[0] == NULL) {
        if (cJSON_GetObjectItemCaseSensitive(item, ld->catalog->langs[0].code) == NULL)
            uk_loader_problem(ld, field,
                              "missing the \"%s\" text, which every language falls back on",
                              ld->catalog->langs[0].code);
        return false;
    }
    for (size_t i = 1; i < ld->catalog->lang_count; i++) {
        if (out[i] != NULL)
            continue;
        if (cJSON_GetObjectItemCaseSensitive(item, ld->catalog->langs[i].code) == NULL) {
            ld->fallbacks++;
            uk_loader_problem(ld, field,
                              "missing the \"%s\" text (the \"%s\" one is shown instead)",
                              ld->catalog->langs[i].code, ld->catalog->langs[0].code);
        }
        out[i] = out[0];
    }
    return usable;
}

/* ---- routines -------------------------------------------------------------------------------- */

#define MAX_PENDING (UK_ROUTINE_MAX_STEPS * 5 + UK_MAX_CARDS * 2 + 16)

/* A text field of the routine being built, in every language, by its place in the struct. */
typedef struct pending_text {
    size_t offset;
    const char *text[UK_MAX_LANGS];
} pending_text;

/* The routine being checked: filled in the first language, with the other languages' words
 * kept aside until it is accepted and copied once per language. */
typedef struct routine_build {
    uk_routine routine;
    size_t pending_count;
    pending_text pending[MAX_PENDING];
} routine_build;

/* Reads the text member `name` of `object` into `*dst` (a field of rb->routine). */
static void text_member(uk_loader *ld, routine_build *rb, const cJSON *object, const char *prefix,
                        const char *name, size_t max_bytes, const char **dst)
{
    char field[UK_FIELD_MAX];
    const char *texts[UK_MAX_LANGS] = {NULL};
    const cJSON *item = uk_field_require(ld, object, prefix, name);
    if (item == NULL ||
        !check_texts(ld, item, uk_field_path(field, sizeof field, prefix, name), max_bytes, texts))
        return;
    *dst = texts[0];
    /* A step or card past the limit is checked in scratch space, and never accepted. */
    uintptr_t start = (uintptr_t)&rb->routine, at = (uintptr_t)dst;
    if (at < start || at >= start + sizeof rb->routine || rb->pending_count == MAX_PENDING)
        return;
    pending_text *p = &rb->pending[rb->pending_count++];
    p->offset = (size_t)(at - start);
    memcpy(p->text, texts, sizeof texts);
}

/* A member that only some types of routine or step have: reports it on the others. */
static void not_allowed(uk_loader *ld, const cJSON *object, const char *prefix, const char *name,
                        const char *why)
{
    char field[UK_FIELD_MAX];
    if (cJSON_GetObjectItemCaseSensitive(object, name) != NULL)
        uk_loader_problem(ld, uk_field_path(field, sizeof field, prefix, name), "not allowed %s",
                          why);
}

/* A motion id that loaded: reports a missing or rejected one. */
static bool check_motion_ref(uk_loader *ld, const cJSON *item, const char *field, char *dst)
{
    if (!uk_field_check_id(ld, item, field, dst))
        return false;
    if (uk_motion_find(ld->motions, ld->catalog->motion_count, dst) != NULL)
        return true;
    if (uk_loader_ids_find(&ld->rejected_motions, dst) != NULL)
        uk_loader_problem(ld, field, "motion '%s' was left out because of its own errors (see %s)",
                          dst, ld->motions_path);
    else
        uk_loader_problem(ld, field, "no motion '%s' in %s", dst, ld->motions_path);
    return false;
}

/* `seconds`, `reps`, `rep_seconds`: which apply depends on the kind. */
static void check_timing(uk_loader *ld, const cJSON *object, const char *prefix, int kind,
                         uk_step *step)
{
    char field[UK_FIELD_MAX];
    long value;
    const char *kind_name = kind >= 0 ? uk_step_kind_name((uk_step_kind)kind) : NULL;

    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, "seconds");
    uk_field_path(field, sizeof field, prefix, "seconds");
    if (item != NULL && kind == UK_STEP_REPS)
        uk_loader_problem(ld, field,
                          "not allowed on a \"reps\" step (it lasts reps x rep_seconds)");
    else if (item != NULL && uk_field_check_whole(ld, item, field, UK_STEP_MIN_SECONDS,
                                                  UK_STEP_MAX_SECONDS, &value))
        step->seconds = (uint16_t)value;
    else if (item == NULL && kind >= 0 && kind != UK_STEP_REPS)
        uk_loader_problem(ld, field, "missing (a \"%s\" step needs seconds)", kind_name);

    static const struct {
        const char *name;
        long min, max;
    } rep_fields[] = {{"reps", 1, UK_STEP_MAX_REPS},
                      {"rep_seconds", UK_REP_MIN_SECONDS, UK_REP_MAX_SECONDS}};
    for (size_t i = 0; i < COUNT(rep_fields); i++) {
        item = cJSON_GetObjectItemCaseSensitive(object, rep_fields[i].name);
        uk_field_path(field, sizeof field, prefix, rep_fields[i].name);
        if (item != NULL && kind >= 0 && kind != UK_STEP_REPS) {
            uk_loader_problem(ld, field,
                              "only a \"reps\" step has %s (this one is \"%s\"; it uses seconds)",
                              rep_fields[i].name, kind_name);
        } else if (item != NULL && uk_field_check_whole(ld, item, field, rep_fields[i].min,
                                                        rep_fields[i].max, &value)) {
            if (i == 0)
                step->reps = (uint16_t)value;
            else
                step->rep_seconds = (uint16_t)value;
        } else if (item == NULL && kind == UK_STEP_REPS) {
            uk_loader_problem(ld, field, "missing (a \"reps\" step needs reps and rep_seconds)");
        }
    }
}

static void check_step(uk_loader *ld, routine_build *rb, const cJSON *object, int index,
                       uk_step *step)
{
    char prefix[32];
    char field[UK_FIELD_MAX];
    char found[UK_FIELD_FOUND_LEN];

    snprintf(prefix, sizeof prefix, "steps[%d]", index);
    memset(step, 0, sizeof *step);
    if (!cJSON_IsObject(object)) {
        uk_loader_problem(ld, prefix,
                          "must be an object {\"kind\": ..., \"title\": ...} (found %s)",
                          uk_field_describe(object, found, sizeof found));
        return;
    }
    uk_field_check_members(ld, object, prefix, step_fields, COUNT(step_fields));

    int kind = -1, side = UK_SIDE_BOTH;
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, "kind");
    uk_field_path(field, sizeof field, prefix, "kind");
    if (item == NULL)
        uk_loader_problem(ld, field, "missing (one of %s)", kind_choices);
    else if (uk_field_check_choice(ld, item, field, uk_step_kind_from_name, kind_choices, &kind))
        step->kind = (uk_step_kind)kind;
    item = cJSON_GetObjectItemCaseSensitive(object, "side");
    if (item != NULL)
        uk_field_check_choice(ld, item, uk_field_path(field, sizeof field, prefix, "side"),
                              uk_side_from_name, side_choices, &side);
    step->side = (uk_side)side;
    check_timing(ld, object, prefix, kind, step);

    item = uk_field_require(ld, object, prefix, "motion");
    if (item != NULL)
        check_motion_ref(ld, item, uk_field_path(field, sizeof field, prefix, "motion"),
                         step->motion);

    text_member(ld, rb, object, prefix, "title", TITLE_MAX_BYTES, &step->title);
    text_member(ld, rb, object, prefix, "instruction", TEXT_MAX_BYTES, &step->instruction);
    text_member(ld, rb, object, prefix, "breathing", TEXT_MAX_BYTES, &step->breathing);
    text_member(ld, rb, object, prefix, "safety", TEXT_MAX_BYTES, &step->safety);
    if (kind == UK_STEP_MASSAGE)
        text_member(ld, rb, object, prefix, "pressure", TEXT_MAX_BYTES, &step->pressure);
    else if (kind >= 0)
        not_allowed(ld, object, prefix, "pressure", "here: only a \"massage\" step has pressure");
}

static void check_steps(uk_loader *ld, routine_build *rb, const cJSON *steps)
{
    char found[UK_FIELD_FOUND_LEN];
    uk_routine *routine = &rb->routine;
    if (!cJSON_IsArray(steps)) {
        uk_loader_problem(ld, "steps", "must be a list [ ... ] of 1 to %d steps (found %s)",
                          UK_ROUTINE_MAX_STEPS, uk_field_describe(steps, found, sizeof found));
        return;
    }
    int count = cJSON_GetArraySize(steps);
    if (count < 1 || count > UK_ROUTINE_MAX_STEPS)
        uk_loader_problem(ld, "steps", "must hold 1 to %d steps (found %d)", UK_ROUTINE_MAX_STEPS,
                          count);

    /* Steps past the limit are still checked, so every problem shows in one run. */
    int index = 0;
    const cJSON *step;
    cJSON_ArrayForEach(step, steps)
    {
        uk_step scratch;
        check_step(ld, rb, step, index,
                   index < UK_ROUTINE_MAX_STEPS ? &routine->steps[index] : &scratch);
        index++;
    }
    routine->step_count = (uint8_t)(count < UK_ROUTINE_MAX_STEPS ? count : UK_ROUTINE_MAX_STEPS);
}

/* The heat and cold session's lengths and words. */
static void check_heat_cold(uk_loader *ld, routine_build *rb, const cJSON *root)
{
    uk_routine_heat_cold *hc = &rb->routine.heat_cold;
    static const struct {
        const char *name;
        long min, max;
        size_t offset;
    } lengths[] = {
        {"heat_minutes", 5, UK_HEAT_MAX_MINUTES, offsetof(uk_routine_heat_cold, heat_minutes)},
        {"heat_max_minutes", 5, UK_HEAT_MAX_MINUTES,
         offsetof(uk_routine_heat_cold, heat_max_minutes)},
        {"cold_minutes", 5, UK_COLD_MAX_MINUTES, offsetof(uk_routine_heat_cold, cold_minutes)},
        {"cold_max_minutes", 5, UK_COLD_MAX_MINUTES,
         offsetof(uk_routine_heat_cold, cold_max_minutes)},
    };
    bool all = true;
    for (size_t i = 0; i < COUNT(lengths); i++) {
        long value;
        const cJSON *item = uk_field_require(ld, root, "", lengths[i].name);
        if (item != NULL &&
            uk_field_check_whole(ld, item, lengths[i].name, lengths[i].min, lengths[i].max, &value))
            *(uint16_t *)((char *)hc + lengths[i].offset) = (uint16_t)value;
        else
            all = false;
    }
    if (all && hc->heat_max_minutes < hc->heat_minutes)
        uk_loader_problem(ld, "heat_max_minutes", "must be at least heat_minutes (%u) (found %u)",
                          hc->heat_minutes, hc->heat_max_minutes);
    if (all && hc->cold_max_minutes < hc->cold_minutes)
        uk_loader_problem(ld, "cold_max_minutes", "must be at least cold_minutes (%u) (found %u)",
                          hc->cold_minutes, hc->cold_max_minutes);

    /* The answers are buttons: a title's length. */
    static const struct {
        const char *name;
        size_t max_bytes;
        size_t offset;
    } texts[] = {
        {"question", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, question)},
        {"answer_new", TITLE_MAX_BYTES, offsetof(uk_routine_heat_cold, answer_new)},
        {"answer_old", TITLE_MAX_BYTES, offsetof(uk_routine_heat_cold, answer_old)},
        {"prepare_heat", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, prepare_heat)},
        {"prepare_cold", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, prepare_cold)},
        {"heat_hint", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, heat_hint)},
        {"cold_hint", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, cold_hint)},
        {"safety", TEXT_MAX_BYTES, offsetof(uk_routine_heat_cold, safety)},
    };
    for (size_t i = 0; i < COUNT(texts); i++)
        text_member(ld, rb, root, "", texts[i].name, texts[i].max_bytes,
                    (const char **)((char *)hc + texts[i].offset));
}

static void check_cards(uk_loader *ld, routine_build *rb, const cJSON *cards)
{
    char found[UK_FIELD_FOUND_LEN];
    char prefix[32];
    uk_routine *routine = &rb->routine;
    if (!cJSON_IsArray(cards)) {
        uk_loader_problem(ld, "cards", "must be a list [ ... ] of 1 to %d cards (found %s)",
                          UK_MAX_CARDS, uk_field_describe(cards, found, sizeof found));
        return;
    }
    int count = cJSON_GetArraySize(cards);
    if (count < 1 || count > UK_MAX_CARDS)
        uk_loader_problem(ld, "cards", "must hold 1 to %d cards (found %d)", UK_MAX_CARDS, count);
    int index = 0;
    const cJSON *card;
    cJSON_ArrayForEach(card, cards)
    {
        uk_card scratch;
        uk_card *dst = index < UK_MAX_CARDS ? &routine->cards[index] : &scratch;
        snprintf(prefix, sizeof prefix, "cards[%d]", index++);
        if (!cJSON_IsObject(card)) {
            uk_loader_problem(ld, prefix,
                              "must be an object {\"title\": ..., \"body\": ...} (found %s)",
                              uk_field_describe(card, found, sizeof found));
            continue;
        }
        uk_field_check_members(ld, card, prefix, card_fields, COUNT(card_fields));
        text_member(ld, rb, card, prefix, "title", TITLE_MAX_BYTES, &dst->title);
        text_member(ld, rb, card, prefix, "body", CARD_MAX_BYTES, &dst->body);
    }
    routine->card_count = (uint8_t)(count < UK_MAX_CARDS ? count : UK_MAX_CARDS);
}

/* Exactly "DDDD-DD-DD": sscanf alone would also take " 2026-1-5" or "2026-+1-05". */
static bool date_shaped(const char *text)
{
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : !(text[i] >= '0' && text[i] <= '9'))
            return false;
    }
    return text[10] == '\0';
}

/* A calendar date written YYYY-MM-DD, that exists, from 2000 on. */
static void check_date(uk_loader *ld, const cJSON *item, const char *field, char *dst)
{
    char found[UK_FIELD_FOUND_LEN];
    int y, m, d;
    if (!cJSON_IsString(item) || !date_shaped(item->valuestring) ||
        sscanf(item->valuestring, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        uk_loader_problem(ld, field,
                          "must be a date written YYYY-MM-DD, like \"2026-11-20\" (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return;
    }
    /* Counted here rather than with mktime, whose 32-bit time_t (Raspberry Pi OS) ends in 2038
     * and whose answer depends on the time zone. */
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > month_days[m - 1] + (m == 2 && leap)) {
        uk_loader_problem(ld, field, "no such day in the calendar (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return;
    }
    if (y < 2000) {
        uk_loader_problem(ld, field, "must be the day of the review, from 2000 on (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return;
    }
    snprintf(dst, UK_DATE_MAX, "%s", item->valuestring);
}

/* What each type of routine has, and must not have. */
static const char *const steps_only[] = {"category", "steps"};
static const char *const heat_cold_only[] = {"heat_minutes",     "heat_max_minutes", "cold_minutes",
                                             "cold_max_minutes", "question",         "answer_new",
                                             "answer_old",       "prepare_heat",     "prepare_cold",
                                             "heat_hint",        "cold_hint",        "safety"};
static const char *const cards_only[] = {"cards"};

/* Does the routine field `name` belong on a routine of `type`? */
static bool field_fits_type(const char *name, uk_routine_type type)
{
    if (uk_words_is_one_of(name, steps_only, COUNT(steps_only)))
        return type == UK_ROUTINE_STEPS;
    if (uk_words_is_one_of(name, heat_cold_only, COUNT(heat_cold_only)))
        return type == UK_ROUTINE_HEAT_COLD;
    if (uk_words_is_one_of(name, cards_only, COUNT(cards_only)))
        return type == UK_ROUTINE_CARDS;
    return true;
}

static void type_members_not_allowed(uk_loader *ld, const cJSON *root, uk_routine_type type)
{
    char why[64];
    snprintf(why, sizeof why, "on a \"%s\" routine", uk_routine_type_name(type));
    for (size_t i = 0; i < COUNT(routine_fields); i++)
        if (!field_fits_type(routine_fields[i], type))
            not_allowed(ld, root, "", routine_fields[i], why);
}

/* Grows every language's routine array together. */
static bool grow_routines(uk_loader *ld, size_t *cap)
{
    if (ld->catalog->routine_count < *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 8;
    for (size_t l = 0; l < ld->catalog->lang_count; l++) {
        uk_routine *bigger = realloc(ld->routines[l], new_cap * sizeof *bigger);
        if (bigger == NULL) {
            uk_loader_out_of_memory(ld);
            return false;
        }
        ld->routines[l] = bigger;
    }
    *cap = new_cap;
    return true;
}

/* Copies the accepted routine into every language, each with its own words. */
static void accept_routine(uk_loader *ld, const routine_build *rb)
{
    size_t index = ld->catalog->routine_count;
    for (size_t l = 0; l < ld->catalog->lang_count; l++) {
        uk_routine *copy = &ld->routines[l][index];
        *copy = rb->routine;
        for (size_t p = 0; p < rb->pending_count; p++)
            memcpy((char *)copy + rb->pending[p].offset, &rb->pending[p].text[l],
                   sizeof(const char *));
    }
    ld->catalog->routine_count++;
}

static void load_routine(uk_loader *ld, const char *path, uk_loader_ids *seen, size_t *cap,
                         routine_build *rb)
{
    char found[UK_FIELD_FOUND_LEN];
    int errors_before = ld->errors - ld->fallbacks;

    ld->path = path;
    ld->what = "routine";
    ld->id = NULL;
    cJSON *root = uk_files_parse(ld);
    if (root == NULL)
        return;
    if (!cJSON_IsObject(root)) {
        uk_loader_problem(ld, NULL,
                          "must be one JSON object { ... } holding one routine (found %s)",
                          uk_field_describe(root, found, sizeof found));
        goto done;
    }
    memset(rb, 0, sizeof *rb);
    uk_routine *routine = &rb->routine;

    const cJSON *item = uk_field_require(ld, root, "", "id");
    if (item != NULL && uk_field_check_id(ld, item, "id", routine->id)) {
        ld->id = routine->id;
        const char *where = uk_loader_ids_find(seen, routine->id);
        if (where != NULL)
            uk_loader_problem(ld, "id", "already used by %s; this file is left out", where);
        else
            uk_loader_ids_add(ld, seen, routine->id, path);
    }

    /* With a type we cannot read, which fields belong is unknown: only the common ones are
     * checked, rather than a flood of "not allowed" and "missing" for the wrong type. */
    int type = UK_ROUTINE_STEPS;
    item = cJSON_GetObjectItemCaseSensitive(root, "type");
    bool type_known =
        item == NULL ||
        uk_field_check_choice(ld, item, "type", uk_routine_type_from_name, type_choices, &type);
    routine->type = (uk_routine_type)type;
    const char *listed[COUNT(routine_fields)];
    size_t listed_count = 0;
    for (size_t i = 0; i < COUNT(routine_fields); i++)
        if (!type_known || field_fits_type(routine_fields[i], routine->type))
            listed[listed_count++] = routine_fields[i];
    /* The first format's "tip" is "habit" now (not "type", the closest name). */
    static const uk_field_renamed tip = {"tip", "habit"};
    uk_field_check_members_listing(ld, root, "", routine_fields, COUNT(routine_fields), listed,
                                   listed_count, &tip);
    if (type_known)
        type_members_not_allowed(ld, root, routine->type);

    text_member(ld, rb, root, "", "title", TITLE_MAX_BYTES, &routine->title);
    text_member(ld, rb, root, "", "summary", TEXT_MAX_BYTES, &routine->summary);
    text_member(ld, rb, root, "", "habit", TEXT_MAX_BYTES, &routine->habit);
    item = uk_field_require(ld, root, "", "reviewed_by");
    if (item != NULL)
        routine->reviewed_by = check_text(ld, item, "reviewed_by", REVIEWER_MAX_BYTES);
    item = uk_field_require(ld, root, "", "reviewed_on");
    if (item != NULL)
        check_date(ld, item, "reviewed_on", routine->reviewed_on);

    char motion_id[UK_ID_MAX] = "";
    item = cJSON_GetObjectItemCaseSensitive(root, "motion");
    bool has_motion = item != NULL && check_motion_ref(ld, item, "motion", motion_id);

    switch (type_known ? routine->type : UK_ROUTINE_TYPE_COUNT) {
    case UK_ROUTINE_STEPS: {
        int category = UK_CATEGORY_STRETCH;
        item = uk_field_require(ld, root, "", "category");
        if (item != NULL)
            uk_field_check_choice(ld, item, "category", uk_category_from_name, category_choices,
                                  &category);
        if (category > UK_CATEGORY_MASSAGE) {
            uk_loader_problem(ld, "category", "must be %s for a \"steps\" routine (found \"%s\")",
                              category_choices, uk_category_name((uk_category)category));
            category = UK_CATEGORY_STRETCH;
        }
        routine->category = (uk_category)category;
        item = uk_field_require(ld, root, "", "steps");
        if (item != NULL)
            check_steps(ld, rb, item);
        break;
    }
    case UK_ROUTINE_HEAT_COLD:
        routine->category = UK_CATEGORY_HEAT_COLD;
        check_heat_cold(ld, rb, root);
        break;
    case UK_ROUTINE_CARDS:
        routine->category = UK_CATEGORY_LEARN;
        item = uk_field_require(ld, root, "", "cards");
        if (item != NULL)
            check_cards(ld, rb, item);
        break;
    case UK_ROUTINE_TYPE_COUNT:
        break;
    }

    if (ld->errors - ld->fallbacks == errors_before && !ld->out_of_memory &&
        grow_routines(ld, cap)) {
        /* The home screen's figure: the file's, else the first step's. Points at a motion's own
         * id, which lives as long as the content. */
        const char *shown = has_motion                ? motion_id
                            : routine->step_count > 0 ? routine->steps[0].motion
                                                      : NULL;
        const uk_motion *motion =
            shown ? uk_motion_find(ld->motions, ld->catalog->motion_count, shown) : NULL;
        routine->motion = motion ? motion->id : NULL;
        accept_routine(ld, rb);
    }
done:
    ld->what = NULL;
    ld->id = NULL;
    cJSON_Delete(root);
}

static void load_routines(uk_loader *ld, const char *dir)
{
    char folder[UK_LOADER_PATH_MAX];
    char path[UK_LOADER_PATH_MAX];
    struct dirent **files = NULL;
    uk_loader_ids seen = {0};
    size_t cap = 0;

    if (uk_files_join(ld, folder, sizeof folder, dir, "routines") != 0)
        return;
    int count = uk_files_list_json(folder, &files);
    ld->path = folder;
    if (count < 0) {
        if (errno == ENOMEM)
            uk_loader_out_of_memory(ld);
        else
            uk_loader_problem(
                ld, NULL,
                "cannot open the routines folder: %s (it should hold one .json file per "
                "routine)",
                strerror(errno));
        return;
    }
    if (count == 0)
        uk_loader_problem(ld, NULL,
                          "no routine files here (it should hold one .json file per routine)");
    routine_build *rb = malloc(sizeof *rb);
    if (rb == NULL)
        uk_loader_out_of_memory(ld);
    for (int i = 0; i < count && !ld->out_of_memory; i++)
        if (uk_files_join(ld, path, sizeof path, folder, files[i]->d_name) == 0)
            load_routine(ld, path, &seen, &cap, rb);
    free(rb);
    uk_files_free_list(files, count);
    uk_loader_ids_free(&seen);
}

/* ---- strings --------------------------------------------------------------------------------- */

/* "must contain %d twice", "must contain %s and then %d", "must not contain %d or %s". */
static const char *signature_rule(const char *sig, char *buf, size_t size)
{
    size_t len = 0, count = strlen(sig);
    bool same = true;
    for (size_t i = 1; i < count; i++)
        same = same && sig[i] == sig[0];
    if (count == 0) {
        snprintf(buf, size, "must not contain %%d or %%s (write %%%% for a percent sign)");
    } else if (same) {
        static const char *const times[] = {"", "once", "twice", "three times"};
        uk_words_append(buf, size, &len, "must contain %%%c %s", sig[0],
                        count < COUNT(times) ? times[count] : "many times");
    } else {
        uk_words_append(buf, size, &len, "must contain ");
        for (size_t i = 0; i < count; i++)
            uk_words_append(buf, size, &len, "%s%%%c", i ? " and then " : "", sig[i]);
    }
    return buf;
}

/*
 * Reads one language file into `strings`, on top of what is there. With
 * `overlay` a missing key is still reported, but English shows instead.
 * Returns -1 if the file could not be used at all.
 */
static int load_strings_file(uk_loader *ld, const char *path, uk_strings *strings, bool overlay)
{
    char found[UK_FIELD_FOUND_LEN];
    char rule[96];
    bool seen[UK_STR_COUNT] = {false};
    const char *keys[UK_STR_COUNT];

    ld->path = path;
    ld->what = NULL;
    ld->id = NULL;
    cJSON *root = uk_files_parse(ld);
    if (root == NULL)
        return -1;
    if (!cJSON_IsObject(root)) {
        uk_loader_problem(
            ld, NULL,
            "must be one JSON object of \"key\": \"text\" pairs, like {\"home.title\": "
            "\"...\"} (found %s)",
            uk_field_describe(root, found, sizeof found));
        cJSON_Delete(root);
        return -1;
    }
    for (int i = 0; i < UK_STR_COUNT; i++)
        keys[i] = uk_strings_key((uk_string_id)i);

    const cJSON *member;
    cJSON_ArrayForEach(member, root)
    {
        const char *key = member->string;
        int id = uk_strings_find(key);
        if (id < 0) {
            const char *guess = uk_words_closest(key, keys, UK_STR_COUNT);
            if (guess != NULL)
                uk_loader_problem(ld, key, "unknown key (did you mean \"%s\"?)", guess);
            else
                uk_loader_problem(ld, key, "unknown key (en.json lists every key)");
            continue;
        }
        if (seen[id]) {
            uk_loader_problem(ld, key, "given more than once (keep one)");
            continue;
        }
        seen[id] = true;
        if (!cJSON_IsString(member)) {
            uk_loader_problem(ld, key, "must be text in quotes (found %s)",
                              uk_field_describe(member, found, sizeof found));
        } else if (uk_words_blank(member->valuestring)) {
            uk_loader_problem(ld, key, "must not be empty (found %s)",
                              uk_field_describe(member, found, sizeof found));
        } else if (!uk_words_utf8_valid(member->valuestring)) {
            uk_loader_problem(ld, key, "not valid UTF-8 text; save the file as UTF-8");
        } else if (uk_strings_set(strings, (uk_string_id)id, member->valuestring) != 0) {
            if (errno == ENOSPC)
                uk_loader_problem(ld, key, "no room left: all texts together must fit in %d bytes",
                                  UK_STRINGS_ARENA);
            else
                uk_loader_problem(
                    ld, key, "%s%s (found %s)",
                    signature_rule(uk_strings_signature((uk_string_id)id), rule, sizeof rule),
                    overlay ? ", like the English text" : "",
                    uk_field_describe(member, found, sizeof found));
        }
    }
    for (int i = 0; i < UK_STR_COUNT; i++)
        if (!seen[i])
            uk_loader_problem(ld, keys[i], "missing%s",
                              overlay ? " (the English text is shown)" : "");
    cJSON_Delete(root);
    return 0;
}

/*
 * Finds the languages (the .json files in lang/, English first, the rest in name order)
 * and reads their sentences: English on its own, every other language on top
 * of English. The catalog has English already; without a usable en.json the
 * kiosk still has it, as keys.
 */
static void load_languages(uk_loader *ld, const char *dir)
{
    char lang_dir[UK_LOADER_PATH_MAX];
    char path[UK_LOADER_PATH_MAX];
    struct dirent **files = NULL;

    if (uk_files_join(ld, lang_dir, sizeof lang_dir, dir, "lang") != 0)
        return;
    int count = uk_files_list_json(lang_dir, &files);
    if (count < 0) {
        ld->path = lang_dir;
        uk_loader_problem(ld, NULL, "cannot open the languages folder: %s (it should hold en.json)",
                          strerror(errno));
        return;
    }
    bool english = false;
    for (int i = 0; i < count; i++)
        english = english || strcmp(files[i]->d_name, "en.json") == 0;
    if (english) {
        if (uk_files_join(ld, path, sizeof path, lang_dir, "en.json") == 0)
            load_strings_file(ld, path, &ld->strings[0], false);
    } else {
        ld->path = lang_dir;
        uk_loader_problem(ld, NULL,
                          "no en.json here: English is the base every language falls back on");
    }
    for (int i = 0; i < count; i++) {
        const char *name = files[i]->d_name;
        char code[256]; /* a file name's length, at most */
        snprintf(code, sizeof code, "%.*s", (int)(strlen(name) - 5), name);
        if (strcmp(code, "en") == 0)
            continue;
        if (uk_files_join(ld, path, sizeof path, lang_dir, name) != 0)
            continue;
        ld->path = path;
        if (!uk_lang_code_valid(code)) {
            uk_loader_problem(
                ld, NULL, "'%s' is not a language code like \"es\" or \"pt-br\"; left out", code);
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        if (ld->catalog->lang_count == UK_MAX_LANGS) {
            uk_loader_problem(ld, NULL, "more than %d languages; this one is left out",
                              UK_MAX_LANGS);
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        size_t l = ld->catalog->lang_count;
        ld->strings[l] = ld->strings[0];
        snprintf(ld->strings[l].lang, UK_LANG_MAX, "%.*s", UK_LANG_MAX - 1, code);
        if (load_strings_file(ld, path, &ld->strings[l], true) != 0) {
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        snprintf(ld->catalog->langs[l].code, UK_LANG_MAX, "%.*s", UK_LANG_MAX - 1, code);
        ld->catalog->langs[l].strings = &ld->strings[l];
        ld->catalog->lang_count++;
    }
    uk_files_free_list(files, count);
}

/* ---- public API ------------------------------------------------------------------------------ */

/* 0 if `dir` is a folder; else reports what it should be and returns -1. */
static int check_folder(uk_loader *ld, const char *dir)
{
    struct stat st;
    ld->path = dir;
    if (stat(dir, &st) != 0) {
        uk_loader_problem(
            ld, NULL,
            "cannot open the content folder: %s (it should hold routines/, motions.json and "
            "lang/)",
            strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        uk_loader_problem(
            ld, NULL,
            "not a folder (the content folder should hold routines/, motions.json and "
            "lang/)");
        return -1;
    }
    return 0;
}

uk_content *uk_content_load(const char *dir, uk_content_report_fn report, void *ctx)
{
    content_store *store = calloc(1, sizeof *store);
    if (store == NULL)
        return NULL;
    uk_catalog *catalog = &store->content.catalog;
    /* English, always: the language every other one falls back on. */
    catalog->lang_count = 1;
    snprintf(catalog->langs[0].code, UK_LANG_MAX, "en");
    uk_strings_init(&store->strings[0], "en");
    catalog->langs[0].strings = &store->strings[0];
    uk_loader ld = {
        .report = report, .ctx = ctx, .path = dir, .catalog = catalog, .strings = store->strings};

    if (check_folder(&ld, dir) == 0) {
        load_languages(&ld, dir);
        load_motions(&ld, dir);
        if (!ld.out_of_memory)
            load_routines(&ld, dir);
    }
    uk_loader_ids_free(&ld.rejected_motions);
    uk_loader_ids_free(&ld.rejected_langs);
    /* What the load filled is the content's now. */
    memcpy(store->routines, ld.routines, sizeof store->routines);
    store->motions = ld.motions;
    store->text = ld.arena;
    store->content.error_count = ld.errors;
    /* The arrays have stopped moving: point the catalog at them. */
    for (size_t l = 0; l < catalog->lang_count; l++)
        catalog->langs[l].routines = store->routines[l];
    catalog->motions = store->motions;
    if (ld.out_of_memory) {
        uk_content_free(&store->content);
        return NULL;
    }
    return &store->content;
}

void uk_content_free(uk_content *content)
{
    if (content == NULL)
        return;
    content_store *store = (content_store *)content; /* its first member */
    for (size_t l = 0; l < UK_MAX_LANGS; l++)
        free(store->routines[l]);
    free(store->motions);
    arena_free(store->text);
    free(store);
}

int uk_content_check(const char *dir, uk_content_report_fn report, void *ctx, char *summary,
                     size_t summary_len)
{
    uk_content *content = uk_content_load(dir, report, ctx);
    if (content == NULL) {
        if (report != NULL)
            report(ctx, "out of memory while checking the content");
        if (summary != NULL && summary_len > 0)
            snprintf(summary, summary_len, "not checked");
        return 1;
    }
    if (summary != NULL && summary_len > 0) {
        const uk_catalog *catalog = &content->catalog;
        size_t len = 0;
        summary[0] = '\0';
        uk_words_append(summary, summary_len, &len, "%zu routine%s, %zu motion%s, %zu language%s (",
                        catalog->routine_count, catalog->routine_count == 1 ? "" : "s",
                        catalog->motion_count, catalog->motion_count == 1 ? "" : "s",
                        catalog->lang_count, catalog->lang_count == 1 ? "" : "s");
        for (size_t l = 0; l < catalog->lang_count; l++)
            uk_words_append(summary, summary_len, &len, "%s%s", l ? ", " : "",
                            catalog->langs[l].code);
        uk_words_append(summary, summary_len, &len, ")");
    }
    int errors = content->error_count;
    uk_content_free(content);
    return errors;
}
