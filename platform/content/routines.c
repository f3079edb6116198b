/*
 * routines.c: reading the routine files (see routines.h).
 *
 * A routine has a type ("steps", the default; "heat-cold"; "cards") and
 * the fields of that type only: a field of another type is reported as
 * not allowed, and with a type that cannot be read only the common fields
 * are checked, rather than a flood of messages judged by the wrong type.
 * Which timing fields a step has depends on its kind (seconds, or reps and
 * rep_seconds), and only a massage step has pressure.
 *
 * A routine is checked in the first language, with every other language's
 * words kept aside in a routine_build by their place in the struct; when
 * it has no problem it is copied once per language, each copy pointing at
 * its own words. Steps and cards past their limits are still checked, in
 * scratch space, so one run of --check-content lists every problem.
 * routine_build is large (every pending text of every step), so it is
 * allocated once per load, not on the stack.
 */
#include "platform/content/routines.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/model/motion.h"
#include "app/model/routine.h"
#include "platform/content/field.h"
#include "platform/content/files.h"
#include "platform/content/texts.h"
#include "platform/content/words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

static const char kind_choices[] = "\"hold\", \"reps\", \"move\", \"rest\" or \"massage\"";
static const char type_choices[] = "\"steps\", \"heat-cold\" or \"cards\"";
static const char category_choices[] = "\"stretch\", \"move\" or \"massage\"";
static const char side_choices[] = "\"both\", \"left\", \"right\" or \"alternate\"";

/* Byte limits for texts, so that what is written fits the screens at their smallest. */
#define TITLE_MAX_BYTES    63
#define TEXT_MAX_BYTES     191
#define CARD_MAX_BYTES     599
#define REVIEWER_MAX_BYTES 95

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
        !uk_texts_check_langs(ld, item, uk_field_path(field, sizeof field, prefix, name), max_bytes,
                              texts))
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
    const char *kind_name = kind >= 0 ? uk_routine_step_kind_name((uk_step_kind)kind) : NULL;

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
    else if (uk_field_check_choice(ld, item, field, uk_routine_step_kind_from_name, kind_choices,
                                   &kind))
        step->kind = (uk_step_kind)kind;
    item = cJSON_GetObjectItemCaseSensitive(object, "side");
    if (item != NULL)
        uk_field_check_choice(ld, item, uk_field_path(field, sizeof field, prefix, "side"),
                              uk_routine_side_from_name, side_choices, &side);
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
        routine->reviewed_by = uk_texts_check(ld, item, "reviewed_by", REVIEWER_MAX_BYTES);
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
            uk_field_check_choice(ld, item, "category", uk_routine_category_from_name,
                                  category_choices, &category);
        if (category > UK_CATEGORY_MASSAGE) {
            uk_loader_problem(ld, "category", "must be %s for a \"steps\" routine (found \"%s\")",
                              category_choices, uk_routine_category_name((uk_category)category));
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

void uk_routines_load(uk_loader *ld, const char *dir)
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
