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
 * app/routine.h, counted in bytes. A file keeps being checked after its first
 * problem so one run of `unknot --check-content` lists them all.
 *
 * What is left out: a routine with any problem (the others still load); a
 * motion with any problem, and then every routine with a step that uses it; a
 * sentence whose text is wrong, which falls back to English.
 *
 * Order matters, and is: 1. strings (en.json, then the chosen language on
 * top) 2. motions.json 3. routines/ *.json in byte order of their names,
 * because a step is valid only if its motion loaded.
 *
 * Everything allocated here is owned by the uk_content (or freed before
 * returning); cJSON trees and file buffers never outlive the call that read
 * them. There is no state of our own between calls; the report callback runs
 * on the caller's thread, once per problem, before the call returns.
 */
#include "platform/content.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define UK_MESSAGE_MAX 1024          /* one reported line */
#define UK_FIELD_MAX   160           /* "keys[11].pose.left_shoulder" and the like */
#define UK_PATH_MAX    4096          /* a file's path */
#define UK_FOUND_MAX   48            /* bytes of a bad text quoted back in a message */
#define UK_FILE_MAX    (1024 * 1024) /* no content file is anywhere near 1 MB */
#define UK_COUNT(a)    (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define UK_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define UK_PRINTF(fmt, args)
#endif

/* ---- the loader's own state ------------------------------------------------------------------ */

/* An id already taken, and where it was taken ("10-neck.json", "motions[0]"), for messages. */
typedef struct uk_id_entry {
    char id[UK_ID_MAX];
    char *where; /* owned */
} uk_id_entry;

typedef struct uk_id_list {
    uk_id_entry *items;
    size_t count;
    size_t cap;
} uk_id_list;

typedef struct uk_loader {
    uk_content_report_fn report; /* may be NULL */
    void *ctx;
    int errors;         /* problems reported so far */
    bool out_of_memory; /* an allocation failed: give up, return NULL */
    const char *path;   /* the file (or folder) the next message is about */
    const char *what;   /* "routine" or "motion" once its id is known, else NULL */
    const char *id;     /* that id, or NULL */
    char motions_path[UK_PATH_MAX];
    uk_id_list rejected_motions; /* motions left out for their own errors */
} uk_loader;

static const char *const routine_fields[] = {"id", "title", "summary", "tip", "steps"};
static const char *const step_fields[] = {"kind",        "side",   "seconds", "reps",
                                          "rep_seconds", "motion", "title",   "instruction",
                                          "breathing",   "safety"};
static const char *const motions_file_fields[] = {"motions"};
static const char *const motion_fields[] = {"id", "view", "prop", "loop_from", "keys"};
static const char *const key_fields[] = {"ms", "pose"};

static const char kind_choices[] = "\"hold\", \"reps\", \"move\" or \"rest\"";
static const char side_choices[] = "\"both\", \"left\", \"right\" or \"alternate\"";
static const char view_choices[] = "\"front\" or \"side\"";
static const char prop_choices[] = "\"none\", \"wall\", \"chair\" or \"step\"";
static const char id_rule[] = "1 to 31 characters from a-z, 0-9 and '-', not starting with '-'";

/* ---- small text helpers ---------------------------------------------------------------------- */

static void vappendf(char *buf, size_t size, size_t *len, const char *fmt, va_list args)
{
    if (*len >= size)
        return;
    int n = vsnprintf(buf + *len, size - *len, fmt, args);
    if (n < 0)
        return;
    *len = (size_t)n < size - *len ? *len + (size_t)n : size - 1;
}

UK_PRINTF(4, 5)
static void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vappendf(buf, size, len, fmt, args);
    va_end(args);
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t len = strlen(text), suffix_len = strlen(suffix);
    return len >= suffix_len && strcmp(text + len - suffix_len, suffix) == 0;
}

static bool is_blank(const char *text)
{
    for (; *text; text++)
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
            return false;
    return true;
}

/* Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates. */
static bool utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        unsigned c = *s;
        int more;
        uint32_t code;
        if (c < 0x80) {
            s++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
            code = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            code = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        s++;
        for (int i = 0; i < more; i++, s++) {
            if ((*s & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (*s & 0x3f);
        }
        if ((more == 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
            (more == 3 && (code < 0x10000 || code > 0x10ffff)))
            return false;
    }
    return true;
}

/* Levenshtein distance, for "did you mean"; SIZE_MAX for names too long to bother with. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[UK_ID_MAX + 1];
    if (la > UK_ID_MAX || lb > UK_ID_MAX)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

/* The known name closest to `name`, if it is close enough to be a typo; else NULL. */
static const char *closest_name(const char *name, const char *const *known, size_t count)
{
    const char *best = NULL;
    size_t best_distance = 3; /* two edits at most */
    if (strlen(name) < 3)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        size_t distance = edit_distance(name, known[i]);
        if (distance < best_distance) {
            best = known[i];
            best_distance = distance;
        }
    }
    return best;
}

/* "a, b, c" */
static const char *join_names(char *buf, size_t size, const char *const *names, size_t count)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++)
        appendf(buf, size, &len, "%s%s", i ? ", " : "", names[i]);
    return buf;
}

/* A JSON value as a message shows it after "found": 0, "text", true, a list, an object. */
static const char *describe(const cJSON *item, char *buf, size_t size)
{
    if (cJSON_IsString(item)) {
        const char *s = item->valuestring;
        size_t len = 0, shown = 0;
        appendf(buf, size, &len, "\"");
        for (; *s && len + 8 < size; s++, shown++) {
            /* Cut before a character, never inside one. */
            if (shown >= UK_FOUND_MAX && ((unsigned char)*s & 0xc0) != 0x80) {
                appendf(buf, size, &len, "...");
                break;
            }
            if (*s == '"' || *s == '\\')
                appendf(buf, size, &len, "\\%c", *s);
            else if (*s == '\n')
                appendf(buf, size, &len, "\\n");
            else if ((unsigned char)*s < 0x20 || *s == 0x7f)
                appendf(buf, size, &len, "?");
            else
                appendf(buf, size, &len, "%c", *s);
        }
        appendf(buf, size, &len, "\"");
    } else if (cJSON_IsNumber(item)) {
        snprintf(buf, size, "%g", item->valuedouble);
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
static const char *field_path(char *buf, size_t size, const char *prefix, const char *name)
{
    size_t len = 0;
    buf[0] = '\0';
    appendf(buf, size, &len, "%s%s%s", prefix, prefix[0] ? "." : "", name);
    return buf;
}

/* ---- reporting ------------------------------------------------------------------------------- */

/* Reports one problem about ld->path: "<path>: <what> '<id>': <field>: <message>". */
UK_PRINTF(3, 4)
static void problem(uk_loader *ld, const char *field, const char *fmt, ...)
{
    char msg[UK_MESSAGE_MAX];
    size_t len = 0;
    va_list args;

    appendf(msg, sizeof msg, &len, "%s: ", ld->path);
    if (ld->what != NULL && ld->id != NULL)
        appendf(msg, sizeof msg, &len, "%s '%s': ", ld->what, ld->id);
    if (field != NULL && field[0] != '\0')
        appendf(msg, sizeof msg, &len, "%s: ", field);
    va_start(args, fmt);
    vappendf(msg, sizeof msg, &len, fmt, args);
    va_end(args);

    /* One line, whatever a file's keys or values hold. */
    for (char *p = msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    ld->errors++;
    if (ld->report != NULL)
        ld->report(ld->ctx, msg);
}

static void out_of_memory(uk_loader *ld)
{
    if (!ld->out_of_memory)
        problem(ld, NULL, "out of memory");
    ld->out_of_memory = true;
}

/* ---- id lists -------------------------------------------------------------------------------- */

static const char *id_list_find(const uk_id_list *list, const char *id)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].id, id) == 0)
            return list->items[i].where;
    return NULL;
}

static void id_list_add(uk_loader *ld, uk_id_list *list, const char *id, const char *where)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        uk_id_entry *items = realloc(list->items, cap * sizeof *items);
        if (items == NULL) {
            out_of_memory(ld);
            return;
        }
        list->items = items;
        list->cap = cap;
    }
    uk_id_entry *entry = &list->items[list->count];
    entry->where = strdup(where);
    if (entry->where == NULL) {
        out_of_memory(ld);
        return;
    }
    snprintf(entry->id, sizeof entry->id, "%s", id);
    list->count++;
}

static void id_list_free(uk_id_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].where);
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* ---- files and folders ----------------------------------------------------------------------- */

/* Joins `dir` and `name` into `buf`; reports and returns -1 if the path does not fit. */
static int join_path(uk_loader *ld, char *buf, size_t size, const char *dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= size) {
        const char *saved = ld->path;
        ld->path = dir;
        problem(ld, NULL, "path too long for \"%s\"", name);
        ld->path = saved;
        return -1;
    }
    return 0;
}

/* The whole file at ld->path, NUL-terminated; NULL after reporting why not. */
static char *read_file(uk_loader *ld, size_t *len_out)
{
    FILE *file = fopen(ld->path, "rb");
    if (file == NULL) {
        problem(ld, NULL, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        goto err_memory;
    for (;;) {
        if (len + 1 == cap) {
            if (cap >= UK_FILE_MAX) {
                problem(ld, NULL, "too large (over %d bytes); is this the right file?",
                        UK_FILE_MAX);
                goto err_free_buf;
            }
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL)
                goto err_memory;
            buf = bigger;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, file);
        len += n;
        if (n == 0) {
            if (ferror(file)) {
                problem(ld, NULL, "cannot read: %s", strerror(errno));
                goto err_free_buf;
            }
            break;
        }
    }
    fclose(file);
    buf[len] = '\0';
    *len_out = len;
    return buf;

err_memory:
    out_of_memory(ld);
err_free_buf:
    free(buf);
    fclose(file);
    return NULL;
}

/* The parsed file at ld->path, or NULL after reporting why not. The caller deletes it. */
static cJSON *parse_file(uk_loader *ld)
{
    size_t len;
    char *buf = read_file(ld, &len);
    if (buf == NULL)
        return NULL;
    if (memchr(buf, '\0', len) != NULL) {
        problem(ld, NULL, "not a text file (it holds a zero byte); save it as plain UTF-8 text");
        free(buf);
        return NULL;
    }
    /* Some Windows editors start UTF-8 files with a byte-order mark; it is not content. */
    const char *text = buf;
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (is_blank(text)) {
        problem(ld, NULL, "the file is empty (it should hold one JSON object { ... })");
        free(buf);
        return NULL;
    }

    /*
     * Passing the NUL and requiring it makes cJSON refuse text after the
     * value ("{...} }"), which cJSON_ParseWithLength alone would ignore. The
     * error pointer is the one cJSON_GetErrorPtr would give, without the
     * global.
     */
    const char *error_at = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &error_at, 1);
    if (root == NULL) {
        if (error_at == NULL || error_at < text || error_at > text + len)
            error_at = cJSON_GetErrorPtr();
        if (error_at != NULL && error_at >= text && error_at <= text + len) {
            /* At the end of the file, point at the last thing written, not the blank after. */
            if (is_blank(error_at))
                while (error_at > text && strchr(" \t\r\n", error_at[-1]) != NULL)
                    error_at--;
            int line = 1;
            for (const char *p = text; p < error_at; p++)
                line += *p == '\n';
            /* About 20 bytes of the line from there, never cutting a character in two. */
            char near[32];
            size_t shown = 0;
            while (error_at[shown] != '\0' && error_at[shown] != '\n' && error_at[shown] != '\r' &&
                   shown + 1 < sizeof near &&
                   (shown < 20 || ((unsigned char)error_at[shown] & 0xc0) == 0x80)) {
                near[shown] = error_at[shown];
                shown++;
            }
            near[shown] = '\0';
            if (shown == 0 || is_blank(near))
                problem(ld, NULL,
                        "line %d: not valid JSON: the file ends too soon (a missing } or ] or "
                        "quote?)",
                        line);
            else
                problem(ld, NULL,
                        "line %d: not valid JSON near '%s' (look for a missing comma, quote or "
                        "bracket here or just before)",
                        line, near);
        } else {
            problem(ld, NULL, "not valid JSON");
        }
    }
    free(buf);
    return root;
}

static int json_file_filter(const struct dirent *entry)
{
    /* Hidden files are editors' backups and locks, not content. */
    return entry->d_name[0] != '.' && ends_with(entry->d_name, ".json");
}

/* Byte order, not the locale's: the order of the home screen must not depend on it. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* The *.json files in `dir`, sorted; -1 with errno set if the folder cannot be read. */
static int list_json_files(const char *dir, struct dirent ***list)
{
    return scandir(dir, list, json_file_filter, by_name);
}

static void free_file_list(struct dirent **list, int count)
{
    for (int i = 0; i < count; i++)
        free(list[i]);
    free(list);
}

/* ---- field checks ---------------------------------------------------------------------------- */

/* 1 if an earlier member of `object` has the same name as `member`. */
static bool is_repeat(const cJSON *object, const cJSON *member)
{
    for (const cJSON *p = object->child; p != NULL && p != member; p = p->next)
        if (strcmp(p->string, member->string) == 0)
            return true;
    return false;
}

/* Reports members of `object` that are not in `known`, or appear twice. */
static void check_members(uk_loader *ld, const cJSON *object, const char *prefix,
                          const char *const *known, size_t count)
{
    char field[UK_FIELD_MAX];
    char names[256];
    const cJSON *member;
    cJSON_ArrayForEach(member, object)
    {
        bool found = false;
        for (size_t i = 0; i < count && !found; i++)
            found = strcmp(member->string, known[i]) == 0;
        field_path(field, sizeof field, prefix, member->string);
        if (!found) {
            const char *guess = closest_name(member->string, known, count);
            if (guess != NULL)
                problem(ld, field, "unknown field (did you mean \"%s\"?)", guess);
            else
                problem(ld, field, "unknown field (known: %s)",
                        join_names(names, sizeof names, known, count));
        } else if (is_repeat(object, member)) {
            problem(ld, field, "given more than once (keep one)");
        }
    }
}

/* A required member: reports "missing" and returns NULL if it is not there. */
static const cJSON *require(uk_loader *ld, const cJSON *object, const char *prefix,
                            const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (item == NULL) {
        char field[UK_FIELD_MAX];
        problem(ld, field_path(field, sizeof field, prefix, name), "missing");
    }
    return item;
}

/* Text that fits in `size` bytes with its NUL; copied to `dst`. */
static bool check_text(uk_loader *ld, const cJSON *item, const char *field, char *dst, size_t size)
{
    char found[UK_FOUND_MAX * 2 + 16];
    if (!cJSON_IsString(item)) {
        problem(ld, field, "must be text in quotes (found %s)",
                describe(item, found, sizeof found));
        return false;
    }
    const char *text = item->valuestring;
    size_t len = strlen(text);
    if (is_blank(text)) {
        problem(ld, field, "must not be empty (found %s)", describe(item, found, sizeof found));
        return false;
    }
    if (!utf8_valid(text)) {
        problem(ld, field, "not valid UTF-8 text; save the file as UTF-8");
        return false;
    }
    if (len >= size) {
        problem(ld, field, "too long: must be at most %zu bytes (found %zu bytes)", size - 1, len);
        return false;
    }
    memcpy(dst, text, len + 1);
    return true;
}

static bool check_id(uk_loader *ld, const cJSON *item, const char *field, char *dst)
{
    char found[UK_FOUND_MAX * 2 + 16];
    if (!cJSON_IsString(item) || !uk_id_valid(item->valuestring)) {
        problem(ld, field, "must be %s (found %s)", id_rule, describe(item, found, sizeof found));
        return false;
    }
    snprintf(dst, UK_ID_MAX, "%s", item->valuestring);
    return true;
}

static bool check_whole(uk_loader *ld, const cJSON *item, const char *field, long min, long max,
                        long *out)
{
    char found[UK_FOUND_MAX * 2 + 16];
    double value = cJSON_IsNumber(item) ? item->valuedouble : 0;
    /* Written so that NaN and infinities fail too, before any cast. */
    if (!cJSON_IsNumber(item) || !(value >= (double)min && value <= (double)max) ||
        (double)(long)value != value) {
        problem(ld, field, "must be a whole number from %ld to %ld (found %s)", min, max,
                describe(item, found, sizeof found));
        return false;
    }
    *out = (long)value;
    return true;
}

/* One of a fixed set of names, parsed by `from_name` (which returns -1 if unknown). */
static bool check_choice(uk_loader *ld, const cJSON *item, const char *field,
                         int (*from_name)(const char *), const char *choices, int *out)
{
    char found[UK_FOUND_MAX * 2 + 16];
    int value = cJSON_IsString(item) ? from_name(item->valuestring) : -1;
    if (value < 0) {
        problem(ld, field, "must be %s (found %s)", choices, describe(item, found, sizeof found));
        return false;
    }
    *out = value;
    return true;
}

/* ---- motions --------------------------------------------------------------------------------- */

static bool grow(uk_loader *ld, void **items, size_t count, size_t *cap, size_t item_size)
{
    if (count < *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 8;
    void *bigger = realloc(*items, new_cap * item_size);
    if (bigger == NULL) {
        out_of_memory(ld);
        return false;
    }
    *items = bigger;
    *cap = new_cap;
    return true;
}

static void check_pose(uk_loader *ld, const cJSON *pose_item, const char *prefix, uk_pose *pose)
{
    char field[UK_FIELD_MAX];
    char found[UK_FOUND_MAX * 2 + 16];
    char names[512];
    const char *joint_names[UK_JOINT_COUNT];
    const cJSON *member;

    for (int i = 0; i < UK_JOINT_COUNT; i++)
        joint_names[i] = uk_joint_name((uk_joint)i);
    uk_pose_neutral(pose);
    cJSON_ArrayForEach(member, pose_item)
    {
        field_path(field, sizeof field, prefix, member->string);
        int joint = uk_joint_from_name(member->string);
        if (joint < 0) {
            const char *guess = closest_name(member->string, joint_names, UK_JOINT_COUNT);
            if (guess != NULL)
                problem(ld, field, "unknown joint (did you mean \"%s\"?)", guess);
            else
                problem(ld, field, "unknown joint (known: %s)",
                        join_names(names, sizeof names, joint_names, UK_JOINT_COUNT));
            continue;
        }
        if (is_repeat(pose_item, member)) {
            problem(ld, field, "given more than once (keep one)");
            continue;
        }
        bool in_heights = joint == UK_JOINT_X || joint == UK_JOINT_Y || joint == UK_JOINT_SHRUG;
        double limit = in_heights ? 1.0 : 180.0;
        double value = cJSON_IsNumber(member) ? member->valuedouble : 0;
        if (!cJSON_IsNumber(member) || !(value >= -limit && value <= limit)) {
            problem(ld, field, "must be a number from %g to %g%s (found %s)", -limit, limit,
                    in_heights ? " figure heights" : " degrees",
                    describe(member, found, sizeof found));
            continue;
        }
        pose->v[joint] = (float)value;
    }
}

static void check_keys(uk_loader *ld, const cJSON *keys, const char *prefix, uk_motion *motion)
{
    char field[UK_FIELD_MAX];
    char key_prefix[UK_FIELD_MAX];
    char found[UK_FOUND_MAX * 2 + 16];

    field_path(field, sizeof field, prefix, "keys");
    if (!cJSON_IsArray(keys)) {
        problem(ld, field, "must be a list [ ... ] of 1 to %d keys (found %s)", UK_MOTION_MAX_KEYS,
                describe(keys, found, sizeof found));
        return;
    }
    int count = cJSON_GetArraySize(keys);
    if (count < 1 || count > UK_MOTION_MAX_KEYS)
        problem(ld, field, "must hold 1 to %d keys (found %d)", UK_MOTION_MAX_KEYS, count);

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
            problem(ld, key_prefix, "must be an object {\"ms\": ..., \"pose\": { ... }} (found %s)",
                    describe(key, found, sizeof found));
            continue;
        }
        check_members(ld, key, key_prefix, key_fields, UK_COUNT(key_fields));
        const cJSON *item = require(ld, key, key_prefix, "ms");
        long ms;
        if (item != NULL && check_whole(ld, item, field_path(field, sizeof field, key_prefix, "ms"),
                                        0, UK_KEY_MAX_MS, &ms))
            frame->ms = (uint32_t)ms;
        item = require(ld, key, key_prefix, "pose");
        field_path(field, sizeof field, key_prefix, "pose");
        if (item != NULL && !cJSON_IsObject(item))
            problem(ld, field, "must be an object of joint angles {\"neck\": -20, ...} (found %s)",
                    describe(item, found, sizeof found));
        else if (item != NULL)
            check_pose(ld, item, field, &frame->pose);
    }
    motion->key_count = (uint8_t)(count < UK_MOTION_MAX_KEYS ? count : UK_MOTION_MAX_KEYS);
}

static void check_motion(uk_loader *ld, const cJSON *object, int index, uk_content *content,
                         uk_id_list *seen, size_t *cap)
{
    char field[UK_FIELD_MAX];
    char found[UK_FOUND_MAX * 2 + 16];
    char place[32];
    int errors_before = ld->errors;

    snprintf(place, sizeof place, "motions[%d]", index);
    ld->what = "motion";
    ld->id = NULL;
    if (!cJSON_IsObject(object)) {
        problem(ld, place, "must be an object {\"id\": ..., \"keys\": [ ... ]} (found %s)",
                describe(object, found, sizeof found));
        return;
    }
    if (!grow(ld, (void **)&content->motions, content->motion_count, cap, sizeof(uk_motion)))
        return;
    uk_motion *motion = &content->motions[content->motion_count];
    memset(motion, 0, sizeof *motion);

    /* Once the id is known the messages name it, and fields are relative to the motion. */
    const cJSON *item = require(ld, object, place, "id");
    if (item != NULL &&
        check_id(ld, item, field_path(field, sizeof field, place, "id"), motion->id))
        ld->id = motion->id;
    const char *prefix = ld->id != NULL ? "" : place;

    check_members(ld, object, prefix, motion_fields, UK_COUNT(motion_fields));
    if (ld->id != NULL) {
        const char *where = id_list_find(seen, motion->id);
        if (where != NULL)
            problem(ld, "id", "already used by %s; this one is left out", where);
    }

    int value;
    item = require(ld, object, prefix, "view");
    if (item != NULL && check_choice(ld, item, field_path(field, sizeof field, prefix, "view"),
                                     uk_view_from_name, view_choices, &value))
        motion->view = (uk_view)value;
    motion->prop = UK_PROP_NONE;
    item = cJSON_GetObjectItemCaseSensitive(object, "prop");
    if (item != NULL && check_choice(ld, item, field_path(field, sizeof field, prefix, "prop"),
                                     uk_prop_from_name, prop_choices, &value))
        motion->prop = (uk_prop)value;

    item = require(ld, object, prefix, "keys");
    if (item != NULL)
        check_keys(ld, item, prefix, motion);

    long loop_from = 0;
    item = cJSON_GetObjectItemCaseSensitive(object, "loop_from");
    if (item != NULL) {
        int last = motion->key_count > 0 ? motion->key_count - 1 : UK_MOTION_MAX_KEYS - 1;
        check_whole(ld, item, field_path(field, sizeof field, prefix, "loop_from"), 0, last,
                    &loop_from);
    }
    motion->loop_from = (uint8_t)loop_from;

    if (ld->errors == errors_before) {
        id_list_add(ld, seen, motion->id, place);
        content->motion_count++;
    } else if (ld->id != NULL && id_list_find(seen, motion->id) == NULL) {
        id_list_add(ld, &ld->rejected_motions, motion->id, place);
    }
}

static void load_motions(uk_loader *ld, const char *dir, uk_content *content)
{
    char found[UK_FOUND_MAX * 2 + 16];
    uk_id_list seen = {0};
    size_t cap = 0;

    if (join_path(ld, ld->motions_path, sizeof ld->motions_path, dir, "motions.json") != 0)
        return;
    ld->path = ld->motions_path;
    ld->what = NULL;
    ld->id = NULL;
    cJSON *root = parse_file(ld);
    if (root == NULL)
        return;
    if (!cJSON_IsObject(root)) {
        problem(ld, NULL, "must be one JSON object {\"motions\": [ ... ]} (found %s)",
                describe(root, found, sizeof found));
        goto done;
    }
    check_members(ld, root, "", motions_file_fields, UK_COUNT(motions_file_fields));
    const cJSON *list = require(ld, root, "", "motions");
    if (list == NULL)
        goto done;
    if (!cJSON_IsArray(list)) {
        problem(ld, "motions", "must be a list [ ... ] of motions (found %s)",
                describe(list, found, sizeof found));
        goto done;
    }
    int index = 0;
    const cJSON *object;
    cJSON_ArrayForEach(object, list)
    {
        check_motion(ld, object, index++, content, &seen, &cap);
        if (ld->out_of_memory)
            break;
    }
done:
    ld->what = NULL;
    ld->id = NULL;
    id_list_free(&seen);
    cJSON_Delete(root);
}

/* ---- routines -------------------------------------------------------------------------------- */

/* `seconds`, `reps`, `rep_seconds`: which apply depends on the kind. */
static void check_timing(uk_loader *ld, const cJSON *object, const char *prefix, int kind,
                         uk_step *step)
{
    char field[UK_FIELD_MAX];
    long value;
    const char *kind_name = kind >= 0 ? uk_step_kind_name((uk_step_kind)kind) : NULL;

    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, "seconds");
    field_path(field, sizeof field, prefix, "seconds");
    if (item != NULL && kind == UK_STEP_REPS)
        problem(ld, field, "not allowed on a \"reps\" step (it lasts reps x rep_seconds)");
    else if (item != NULL &&
             check_whole(ld, item, field, UK_STEP_MIN_SECONDS, UK_STEP_MAX_SECONDS, &value))
        step->seconds = (uint16_t)value;
    else if (item == NULL && kind >= 0 && kind != UK_STEP_REPS)
        problem(ld, field, "missing (a \"%s\" step needs seconds)", kind_name);

    static const struct {
        const char *name;
        long min, max;
    } rep_fields[] = {{"reps", 1, UK_STEP_MAX_REPS},
                      {"rep_seconds", UK_REP_MIN_SECONDS, UK_REP_MAX_SECONDS}};
    for (size_t i = 0; i < UK_COUNT(rep_fields); i++) {
        item = cJSON_GetObjectItemCaseSensitive(object, rep_fields[i].name);
        field_path(field, sizeof field, prefix, rep_fields[i].name);
        if (item != NULL && kind >= 0 && kind != UK_STEP_REPS) {
            problem(ld, field, "only a \"reps\" step has %s (this one is \"%s\"; it uses seconds)",
                    rep_fields[i].name, kind_name);
        } else if (item != NULL &&
                   check_whole(ld, item, field, rep_fields[i].min, rep_fields[i].max, &value)) {
            if (i == 0)
                step->reps = (uint16_t)value;
            else
                step->rep_seconds = (uint16_t)value;
        } else if (item == NULL && kind == UK_STEP_REPS) {
            problem(ld, field, "missing (a \"reps\" step needs reps and rep_seconds)");
        }
    }
}

static void check_step(uk_loader *ld, const cJSON *object, int index, uk_step *step,
                       const uk_content *content)
{
    char prefix[32];
    char field[UK_FIELD_MAX];
    char found[UK_FOUND_MAX * 2 + 16];

    snprintf(prefix, sizeof prefix, "steps[%d]", index);
    memset(step, 0, sizeof *step);
    if (!cJSON_IsObject(object)) {
        problem(ld, prefix, "must be an object {\"kind\": ..., \"title\": ...} (found %s)",
                describe(object, found, sizeof found));
        return;
    }
    check_members(ld, object, prefix, step_fields, UK_COUNT(step_fields));

    int kind = -1, side = UK_SIDE_BOTH;
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, "kind");
    field_path(field, sizeof field, prefix, "kind");
    if (item == NULL)
        problem(ld, field, "missing (one of %s)", kind_choices);
    else if (check_choice(ld, item, field, uk_step_kind_from_name, kind_choices, &kind))
        step->kind = (uk_step_kind)kind;
    item = cJSON_GetObjectItemCaseSensitive(object, "side");
    if (item != NULL)
        check_choice(ld, item, field_path(field, sizeof field, prefix, "side"), uk_side_from_name,
                     side_choices, &side);
    step->side = (uk_side)side;
    check_timing(ld, object, prefix, kind, step);

    item = require(ld, object, prefix, "motion");
    field_path(field, sizeof field, prefix, "motion");
    if (item != NULL && check_id(ld, item, field, step->motion) &&
        uk_motion_find(content->motions, content->motion_count, step->motion) == NULL) {
        if (id_list_find(&ld->rejected_motions, step->motion) != NULL)
            problem(ld, field, "motion '%s' was left out because of its own errors (see %s)",
                    step->motion, ld->motions_path);
        else
            problem(ld, field, "no motion '%s' in %s", step->motion, ld->motions_path);
    }

    static const struct {
        const char *name;
        size_t offset, size;
    } texts[] = {
        {"title", offsetof(uk_step, title), UK_TITLE_MAX},
        {"instruction", offsetof(uk_step, instruction), UK_TEXT_MAX},
        {"breathing", offsetof(uk_step, breathing), UK_TEXT_MAX},
        {"safety", offsetof(uk_step, safety), UK_TEXT_MAX},
    };
    for (size_t i = 0; i < UK_COUNT(texts); i++) {
        item = require(ld, object, prefix, texts[i].name);
        if (item != NULL)
            check_text(ld, item, field_path(field, sizeof field, prefix, texts[i].name),
                       (char *)step + texts[i].offset, texts[i].size);
    }
}

static void check_steps(uk_loader *ld, const cJSON *steps, uk_routine *routine,
                        const uk_content *content)
{
    char found[UK_FOUND_MAX * 2 + 16];
    if (!cJSON_IsArray(steps)) {
        problem(ld, "steps", "must be a list [ ... ] of 1 to %d steps (found %s)",
                UK_ROUTINE_MAX_STEPS, describe(steps, found, sizeof found));
        return;
    }
    int count = cJSON_GetArraySize(steps);
    if (count < 1 || count > UK_ROUTINE_MAX_STEPS)
        problem(ld, "steps", "must hold 1 to %d steps (found %d)", UK_ROUTINE_MAX_STEPS, count);

    /* Steps past the limit are still checked, so every problem shows in one run. */
    int index = 0;
    const cJSON *step;
    cJSON_ArrayForEach(step, steps)
    {
        uk_step scratch;
        check_step(ld, step, index,
                   index < UK_ROUTINE_MAX_STEPS ? &routine->steps[index] : &scratch, content);
        index++;
    }
    routine->step_count = (uint8_t)(count < UK_ROUTINE_MAX_STEPS ? count : UK_ROUTINE_MAX_STEPS);
}

static void load_routine(uk_loader *ld, const char *path, uk_content *content, uk_id_list *seen,
                         size_t *cap)
{
    char found[UK_FOUND_MAX * 2 + 16];
    int errors_before = ld->errors;

    ld->path = path;
    ld->what = "routine";
    ld->id = NULL;
    cJSON *root = parse_file(ld);
    if (root == NULL)
        return;
    if (!cJSON_IsObject(root)) {
        problem(ld, NULL, "must be one JSON object { ... } holding one routine (found %s)",
                describe(root, found, sizeof found));
        goto done;
    }
    if (!grow(ld, (void **)&content->routines, content->routine_count, cap, sizeof(uk_routine)))
        goto done;
    uk_routine *routine = &content->routines[content->routine_count];
    memset(routine, 0, sizeof *routine);

    const cJSON *item = require(ld, root, "", "id");
    if (item != NULL && check_id(ld, item, "id", routine->id)) {
        ld->id = routine->id;
        const char *where = id_list_find(seen, routine->id);
        if (where != NULL)
            problem(ld, "id", "already used by %s; this file is left out", where);
        else
            id_list_add(ld, seen, routine->id, path);
    }
    check_members(ld, root, "", routine_fields, UK_COUNT(routine_fields));

    static const struct {
        const char *name;
        size_t offset, size;
    } texts[] = {
        {"title", offsetof(uk_routine, title), UK_TITLE_MAX},
        {"summary", offsetof(uk_routine, summary), UK_TEXT_MAX},
        {"tip", offsetof(uk_routine, tip), UK_TEXT_MAX},
    };
    for (size_t i = 0; i < UK_COUNT(texts); i++) {
        item = require(ld, root, "", texts[i].name);
        if (item != NULL)
            check_text(ld, item, texts[i].name, (char *)routine + texts[i].offset, texts[i].size);
    }
    item = require(ld, root, "", "steps");
    if (item != NULL)
        check_steps(ld, item, routine, content);

    if (ld->errors == errors_before && !ld->out_of_memory)
        content->routine_count++;
done:
    ld->what = NULL;
    ld->id = NULL;
    cJSON_Delete(root);
}

static void load_routines(uk_loader *ld, const char *dir, uk_content *content)
{
    char folder[UK_PATH_MAX];
    char path[UK_PATH_MAX];
    struct dirent **files = NULL;
    uk_id_list seen = {0};
    size_t cap = 0;

    if (join_path(ld, folder, sizeof folder, dir, "routines") != 0)
        return;
    int count = list_json_files(folder, &files);
    ld->path = folder;
    if (count < 0) {
        if (errno == ENOMEM)
            out_of_memory(ld);
        else
            problem(ld, NULL,
                    "cannot open the routines folder: %s (it should hold one .json file per "
                    "routine)",
                    strerror(errno));
        return;
    }
    if (count == 0)
        problem(ld, NULL, "no routine files here (it should hold one .json file per routine)");
    for (int i = 0; i < count && !ld->out_of_memory; i++)
        if (join_path(ld, path, sizeof path, folder, files[i]->d_name) == 0)
            load_routine(ld, path, content, &seen, &cap);
    free_file_list(files, count);
    id_list_free(&seen);
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
        appendf(buf, size, &len, "must contain %%%c %s", sig[0],
                count < UK_COUNT(times) ? times[count] : "many times");
    } else {
        appendf(buf, size, &len, "must contain ");
        for (size_t i = 0; i < count; i++)
            appendf(buf, size, &len, "%s%%%c", i ? " and then " : "", sig[i]);
    }
    return buf;
}

/* Language codes in `lang_dir` ("en, es"), or "none". */
static const char *language_list(const char *lang_dir, char *buf, size_t size)
{
    struct dirent **files = NULL;
    size_t len = 0;
    int count = list_json_files(lang_dir, &files);
    buf[0] = '\0';
    for (int i = 0; i < count; i++) {
        const char *name = files[i]->d_name;
        appendf(buf, size, &len, "%s%.*s", i ? ", " : "", (int)(strlen(name) - 5), name);
    }
    if (count > 0)
        free_file_list(files, count);
    if (len == 0)
        snprintf(buf, size, "none");
    return buf;
}

/*
 * Reads one language file into `strings`, on top of what is there. With
 * `overlay` a missing key is still reported, but English shows instead.
 * Returns -1 if the file could not be used at all.
 */
static int load_strings_file(uk_loader *ld, const char *path, uk_strings *strings, bool overlay)
{
    char found[UK_FOUND_MAX * 2 + 16];
    char rule[96];
    bool seen[UK_STR_COUNT] = {false};
    const char *keys[UK_STR_COUNT];

    ld->path = path;
    ld->what = NULL;
    ld->id = NULL;
    cJSON *root = parse_file(ld);
    if (root == NULL)
        return -1;
    if (!cJSON_IsObject(root)) {
        problem(ld, NULL,
                "must be one JSON object of \"key\": \"text\" pairs, like {\"home.title\": "
                "\"...\"} (found %s)",
                describe(root, found, sizeof found));
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
            const char *guess = closest_name(key, keys, UK_STR_COUNT);
            if (guess != NULL)
                problem(ld, key, "unknown key (did you mean \"%s\"?)", guess);
            else
                problem(ld, key, "unknown key (en.json lists every key)");
            continue;
        }
        if (seen[id]) {
            problem(ld, key, "given more than once (keep one)");
            continue;
        }
        seen[id] = true;
        if (!cJSON_IsString(member)) {
            problem(ld, key, "must be text in quotes (found %s)",
                    describe(member, found, sizeof found));
        } else if (is_blank(member->valuestring)) {
            problem(ld, key, "must not be empty (found %s)", describe(member, found, sizeof found));
        } else if (!utf8_valid(member->valuestring)) {
            problem(ld, key, "not valid UTF-8 text; save the file as UTF-8");
        } else if (uk_strings_set(strings, (uk_string_id)id, member->valuestring) != 0) {
            if (errno == ENOSPC)
                problem(ld, key, "no room left: all texts together must fit in %d bytes",
                        UK_STRINGS_ARENA);
            else
                problem(ld, key, "%s%s (found %s)",
                        signature_rule(uk_strings_signature((uk_string_id)id), rule, sizeof rule),
                        overlay ? ", like the English text" : "",
                        describe(member, found, sizeof found));
        }
    }
    for (int i = 0; i < UK_STR_COUNT; i++)
        if (!seen[i])
            problem(ld, keys[i], "missing%s", overlay ? " (the English text is shown)" : "");
    cJSON_Delete(root);
    return 0;
}

/* Is `lang` a plausible code ("en", "pt-BR")? Keeps it from naming any other file. */
static bool lang_valid(const char *lang)
{
    size_t len = strlen(lang);
    if (len == 0 || len >= UK_LANG_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = lang[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (i > 0 && (c == '-' || c == '_'))))
            return false;
    }
    return true;
}

/* English first, always; then `lang` on top of it. */
static void load_strings(uk_loader *ld, const char *dir, const char *lang, uk_strings *strings)
{
    char lang_dir[UK_PATH_MAX];
    char path[UK_PATH_MAX];
    char name[UK_LANG_MAX + 8];
    char languages[256];

    uk_strings_init(strings, "en");
    if (join_path(ld, lang_dir, sizeof lang_dir, dir, "lang") != 0 ||
        join_path(ld, path, sizeof path, lang_dir, "en.json") != 0)
        return;
    if (access(path, F_OK) != 0) {
        ld->path = path;
        problem(ld, NULL,
                "cannot open: %s (English is the base every language needs; "
                "languages here: %s)",
                strerror(errno), language_list(lang_dir, languages, sizeof languages));
    } else {
        load_strings_file(ld, path, strings, false);
    }
    if (lang == NULL || strcmp(lang, "en") == 0)
        return;
    if (!lang_valid(lang)) {
        ld->path = lang_dir;
        problem(ld, NULL, "'%s' is not a language code like \"es\"; showing English", lang);
        return;
    }
    snprintf(name, sizeof name, "%s.json", lang);
    if (join_path(ld, path, sizeof path, lang_dir, name) != 0)
        return;
    if (access(path, F_OK) != 0) {
        ld->path = path;
        problem(ld, NULL, "cannot open: %s (languages here: %s); showing English", strerror(errno),
                language_list(lang_dir, languages, sizeof languages));
        return;
    }
    if (load_strings_file(ld, path, strings, true) == 0)
        snprintf(strings->lang, sizeof strings->lang, "%s", lang);
}

/* ---- public API ------------------------------------------------------------------------------ */

/* 0 if `dir` is a folder; else reports what it should be and returns -1. */
static int check_folder(uk_loader *ld, const char *dir)
{
    struct stat st;
    ld->path = dir;
    if (stat(dir, &st) != 0) {
        problem(ld, NULL,
                "cannot open the content folder: %s (it should hold routines/, motions.json and "
                "lang/)",
                strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        problem(ld, NULL,
                "not a folder (the content folder should hold routines/, motions.json and "
                "lang/)");
        return -1;
    }
    return 0;
}

uk_content *uk_content_load(const char *dir, const char *lang, uk_content_report_fn report,
                            void *ctx)
{
    uk_content *content = calloc(1, sizeof *content);
    if (content == NULL)
        return NULL;
    uk_loader ld = {.report = report, .ctx = ctx, .path = dir};

    uk_strings_init(&content->strings, "en");
    if (check_folder(&ld, dir) == 0) {
        load_strings(&ld, dir, lang, &content->strings);
        load_motions(&ld, dir, content);
        if (!ld.out_of_memory)
            load_routines(&ld, dir, content);
    }
    id_list_free(&ld.rejected_motions);
    content->error_count = ld.errors;
    if (ld.out_of_memory) {
        uk_content_free(content);
        return NULL;
    }
    return content;
}

void uk_content_free(uk_content *content)
{
    if (content == NULL)
        return;
    free(content->routines);
    free(content->motions);
    free(content);
}

/* Every language file: English on its own, each other one on top of English as at run time. */
static int check_languages(uk_loader *ld, const char *dir, uk_strings *base, uk_strings *scratch)
{
    char lang_dir[UK_PATH_MAX];
    char path[UK_PATH_MAX];
    struct dirent **files = NULL;

    load_strings(ld, dir, "en", base);
    if (join_path(ld, lang_dir, sizeof lang_dir, dir, "lang") != 0)
        return 0;
    int count = list_json_files(lang_dir, &files);
    if (count < 0)
        return 0; /* already reported as a missing en.json, with this folder in its path */
    for (int i = 0; i < count; i++) {
        if (strcmp(files[i]->d_name, "en.json") == 0 ||
            join_path(ld, path, sizeof path, lang_dir, files[i]->d_name) != 0)
            continue;
        *scratch = *base;
        load_strings_file(ld, path, scratch, true);
    }
    free_file_list(files, count);
    return count;
}

int uk_content_check(const char *dir, uk_content_report_fn report, void *ctx, char *summary,
                     size_t summary_len)
{
    uk_content *content = calloc(1, sizeof *content);
    uk_strings *scratch = malloc(sizeof *scratch);
    uk_loader ld = {.report = report, .ctx = ctx};
    int languages = 0;

    ld.path = dir;
    if (content == NULL || scratch == NULL) {
        out_of_memory(&ld);
    } else if (check_folder(&ld, dir) == 0) {
        languages = check_languages(&ld, dir, &content->strings, scratch);
        load_motions(&ld, dir, content);
        if (!ld.out_of_memory)
            load_routines(&ld, dir, content);
    }
    if (summary != NULL && summary_len > 0) {
        size_t routines = content != NULL ? content->routine_count : 0;
        size_t motions = content != NULL ? content->motion_count : 0;
        snprintf(summary, summary_len, "%zu routine%s, %zu motion%s, %d language%s", routines,
                 routines == 1 ? "" : "s", motions, motions == 1 ? "" : "s", languages,
                 languages == 1 ? "" : "s");
    }
    id_list_free(&ld.rejected_motions);
    uk_content_free(content);
    free(scratch);
    return ld.errors;
}
