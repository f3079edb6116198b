/*
 * test_content.c: the content loader against real files.
 *
 * Three kinds of content are read here: the fixtures in tests/data/content
 * ("good" loads without a single problem; "mixed" breaks in many ways at
 * once, beside one routine that must still load), the real assets/ folder the
 * kiosk ships with, and small folders written into a mkdtemp directory, one
 * broken file at a time, so each kind of mistake is shown to give its own
 * precise message.
 *
 * Messages are compared as whole lines wherever the text is ours, with the
 * temporary folder's path taken out so the expected text is stable. The
 * suite runs under ASan with leak detection, so every load is freed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/content.h"

#define GOOD_DIR  UK_TEST_DATA "/content/good"
#define MIXED_DIR UK_TEST_DATA "/content/mixed"
#define MAX_LINES 128
#define LINE_MAX  1024

/* ---- capturing reports ----------------------------------------------------------------------- */

typedef struct capture {
    char strip[512]; /* taken out of every line, wherever it occurs ("/tmp/uk-content-x/") */
    int count;
    char lines[MAX_LINES][LINE_MAX];
} capture;

static void capture_reset(capture *cap, const char *dir)
{
    memset(cap, 0, sizeof *cap);
    snprintf(cap->strip, sizeof cap->strip, "%s/", dir);
}

static void on_report(void *ctx, const char *message)
{
    capture *cap = ctx;
    size_t strip_len = strlen(cap->strip);
    char line[LINE_MAX];
    size_t len = 0;

    assert_null(strchr(message, '\n'));
    for (const char *p = message; *p && len + 1 < sizeof line;) {
        if (strip_len > 0 && strncmp(p, cap->strip, strip_len) == 0) {
            p += strip_len;
            continue;
        }
        line[len++] = *p++;
    }
    line[len] = '\0';
    if (cap->count < MAX_LINES)
        memcpy(cap->lines[cap->count], line, len + 1);
    cap->count++;
}

static void print_lines(const capture *cap)
{
    print_message("reported %d line(s):\n", cap->count);
    for (int i = 0; i < cap->count && i < MAX_LINES; i++)
        print_message("  [%s]\n", cap->lines[i]);
}

static bool has_line(const capture *cap, const char *line)
{
    for (int i = 0; i < cap->count && i < MAX_LINES; i++)
        if (strcmp(cap->lines[i], line) == 0)
            return true;
    return false;
}

static bool has_text(const capture *cap, const char *text)
{
    for (int i = 0; i < cap->count && i < MAX_LINES; i++)
        if (strstr(cap->lines[i], text) != NULL)
            return true;
    return false;
}

#define assert_line(cap, line)                                                                     \
    do {                                                                                           \
        if (!has_line((cap), (line))) {                                                            \
            print_lines(cap);                                                                      \
            fail_msg("no line [%s]", (line));                                                      \
        }                                                                                          \
    } while (0)

#define assert_text(cap, text)                                                                     \
    do {                                                                                           \
        if (!has_text((cap), (text))) {                                                            \
            print_lines(cap);                                                                      \
            fail_msg("no line containing [%s]", (text));                                           \
        }                                                                                          \
    } while (0)

#define assert_lines(cap, n)                                                                       \
    do {                                                                                           \
        if ((cap)->count != (n)) {                                                                 \
            print_lines(cap);                                                                      \
            fail_msg("expected %d line(s), got %d", (int)(n), (cap)->count);                       \
        }                                                                                          \
    } while (0)

/* ---- temporary content folders --------------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
    assert_int_equal(fclose(file), 0);
}

static void copy_file(const char *from, const char *dir, const char *name)
{
    static char text[256 * 1024];
    FILE *file = fopen(from, "rb");
    assert_non_null(file);
    size_t len = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[len] = '\0';
    write_file(dir, name, text);
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        struct dirent *entry;
        while (dir != NULL && (entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
            remove_tree(child);
        }
        if (dir != NULL)
            closedir(dir);
        rmdir(path);
    } else {
        unlink(path);
    }
}

typedef struct tmp_content {
    char dir[256];
    capture cap;
} tmp_content;

#define OK_ROUTINE                                                                                 \
    "{\"id\": \"ok\", \"title\": \"Ok\", \"summary\": \"Loads beside broken ones.\", \"tip\": "    \
    "\"Drink water.\", \"steps\": [{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"tilt\", "   \
    "\"title\": \"Tilt\", \"instruction\": \"Tilt.\", \"breathing\": \"Breathe.\", \"safety\": "   \
    "\"Gently.\"}]}"

/* A content folder with the good fixture's motions and English, and one valid routine. */
static int setup_tmp(void **state)
{
    tmp_content *tmp = calloc(1, sizeof *tmp);
    char path[512];
    if (tmp == NULL)
        return -1;
    snprintf(tmp->dir, sizeof tmp->dir, "/tmp/uk-content-XXXXXX");
    if (mkdtemp(tmp->dir) == NULL)
        return -1;
    snprintf(path, sizeof path, "%s/routines", tmp->dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/lang", tmp->dir);
    mkdir(path, 0755);
    copy_file(GOOD_DIR "/motions.json", tmp->dir, "motions.json");
    copy_file(GOOD_DIR "/lang/en.json", tmp->dir, "lang/en.json");
    write_file(tmp->dir, "routines/05-ok.json", OK_ROUTINE);
    *state = tmp;
    return 0;
}

static int teardown_tmp(void **state)
{
    tmp_content *tmp = *state;
    remove_tree(tmp->dir);
    free(tmp);
    return 0;
}

static uk_content *load_tmp(tmp_content *tmp, const char *lang)
{
    capture_reset(&tmp->cap, tmp->dir);
    uk_content *content = uk_content_load(tmp->dir, lang, on_report, &tmp->cap);
    assert_non_null(content);
    assert_int_equal(content->error_count, tmp->cap.count);
    return content;
}

/* ---- the good fixture ------------------------------------------------------------------------ */

static void test_good_fixture_loads(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, GOOD_DIR);
    uk_content *content = uk_content_load(GOOD_DIR, "en", on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);
    assert_int_equal(content->error_count, 0);

    assert_int_equal(content->routine_count, 2); /* README.txt is not a routine */
    const uk_routine *alpha = &content->routines[0];
    assert_string_equal(alpha->id, "alpha");
    assert_string_equal(alpha->title, "Alpha routine");
    assert_string_equal(alpha->tip, "Stretch after you brush your teeth.");
    assert_int_equal(alpha->step_count, 3);
    assert_int_equal(alpha->steps[0].kind, UK_STEP_HOLD);
    assert_int_equal(alpha->steps[0].side, UK_SIDE_ALTERNATE);
    assert_int_equal(alpha->steps[0].seconds, 20);
    assert_string_equal(alpha->steps[0].motion, "tilt");
    assert_string_equal(alpha->steps[0].instruction, "Tip your ear to your shoulder.");
    assert_int_equal(alpha->steps[1].kind, UK_STEP_REPS);
    assert_int_equal(alpha->steps[1].side, UK_SIDE_BOTH); /* the default */
    assert_int_equal(alpha->steps[1].reps, 8);
    assert_int_equal(alpha->steps[1].rep_seconds, 4);
    assert_int_equal(alpha->steps[1].seconds, 0);
    assert_int_equal(alpha->steps[2].kind, UK_STEP_REST);
    assert_string_equal(alpha->steps[2].safety, "Sit down if you feel dizzy.");

    const uk_routine *beta = &content->routines[1];
    assert_string_equal(beta->id, "beta");
    assert_string_equal(beta->summary, "The second routine: \"quoted\", ünïcode.");
    assert_int_equal(beta->step_count, 1);
    assert_int_equal(beta->steps[0].kind, UK_STEP_MOVE);
    assert_int_equal(beta->steps[0].side, UK_SIDE_LEFT);
    assert_int_equal(beta->steps[0].seconds, 30); /* 30.0 is whole */

    assert_int_equal(content->motion_count, 3);
    const uk_motion *tilt = &content->motions[0];
    assert_string_equal(tilt->id, "tilt");
    assert_int_equal(tilt->view, UK_VIEW_FRONT);
    assert_int_equal(tilt->prop, UK_PROP_NONE);
    assert_int_equal(tilt->key_count, 1);
    assert_int_equal(tilt->loop_from, 0);
    assert_int_equal(tilt->keys[0].ms, 800);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_NECK] == -25.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_HEAD] == -10.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_TORSO] == 0.0f); /* omitted joints are 0 */
    const uk_motion *step_up = &content->motions[1];
    assert_string_equal(step_up->id, "step-up");
    assert_int_equal(step_up->view, UK_VIEW_SIDE);
    assert_int_equal(step_up->prop, UK_PROP_STEP);
    assert_int_equal(step_up->key_count, 3);
    assert_int_equal(step_up->loop_from, 1);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_TORSO] == 25.5f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_Y] == 0.05f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_SHRUG] == -0.5f);
    assert_int_equal(content->motions[2].keys[0].ms, 0);
    assert_ptr_equal(uk_motion_find(content->motions, content->motion_count, "breathe"),
                     &content->motions[2]);

    assert_string_equal(content->strings.lang, "en");
    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(&content->strings, (uk_string_id)i));
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "EN home.title");
    assert_string_equal(uk_str(&content->strings, UK_STR_PLAYER_STEP_OF),
                        "EN player.step_of %d/%d");
    uk_content_free(content);
}

static void test_good_fixture_in_spanish(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, GOOD_DIR);
    uk_content *content = uk_content_load(GOOD_DIR, "es", on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);
    assert_string_equal(content->strings.lang, "es");
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_str(&content->strings, UK_STR_DONE_SUMMARY), "ES done.summary %s %d");
    assert_int_equal(content->routine_count, 2);
    uk_content_free(content);
}

static void test_free_accepts_null(void **state)
{
    (void)state;
    uk_content_free(NULL);
}

static void test_load_without_reporter(void **state)
{
    (void)state;
    uk_content *content = uk_content_load(MIXED_DIR, "es", NULL, NULL);
    assert_non_null(content);
    assert_true(content->error_count > 0);
    assert_int_equal(content->routine_count, 1);
    uk_content_free(content);
}

/* ---- the real assets ------------------------------------------------------------------------- */

typedef struct expected_step {
    uk_step_kind kind;
    uk_side side;
    int seconds, reps, rep_seconds;
    const char *motion;
} expected_step;

static void assert_readable(const uk_routine *routine)
{
    /* Read at a glance from 1.5 m: the content brief's lengths, in characters. */
    assert_in_range(strlen(routine->title), 1, 24);
    assert_in_range(strlen(routine->summary), 1, 70);
    assert_in_range(strlen(routine->tip), 1, 110);
    for (int i = 0; i < routine->step_count; i++) {
        const uk_step *step = &routine->steps[i];
        assert_in_range(strlen(step->title), 1, 24);
        assert_in_range(strlen(step->instruction), 1, 90);
        assert_in_range(strlen(step->breathing), 1, 70);
        assert_in_range(strlen(step->safety), 1, 70);
    }
}

static void assert_steps(const uk_routine *routine, const expected_step *expected, int count)
{
    assert_int_equal(routine->step_count, count);
    for (int i = 0; i < count; i++) {
        const uk_step *step = &routine->steps[i];
        assert_int_equal(step->kind, expected[i].kind);
        assert_int_equal(step->side, expected[i].side);
        assert_int_equal(step->seconds, expected[i].seconds);
        assert_int_equal(step->reps, expected[i].reps);
        assert_int_equal(step->rep_seconds, expected[i].rep_seconds);
        assert_string_equal(step->motion, expected[i].motion);
    }
}

static void test_assets_load_cleanly(void **state)
{
    (void)state;
    static const expected_step neck[] = {
        {UK_STEP_REPS, UK_SIDE_BOTH, 0, 8, 4, "chin-tuck"},
        {UK_STEP_HOLD, UK_SIDE_ALTERNATE, 20, 0, 0, "neck-tilt"},
        {UK_STEP_REPS, UK_SIDE_BOTH, 0, 8, 4, "shoulder-roll"},
        {UK_STEP_HOLD, UK_SIDE_ALTERNATE, 20, 0, 0, "cross-body-arm"},
        {UK_STEP_REST, UK_SIDE_BOTH, 10, 0, 0, "breathe"},
        {UK_STEP_HOLD, UK_SIDE_BOTH, 20, 0, 0, "chest-opener"},
    };
    static const expected_step legs[] = {
        {UK_STEP_MOVE, UK_SIDE_BOTH, 30, 0, 0, "march"},
        {UK_STEP_HOLD, UK_SIDE_ALTERNATE, 30, 0, 0, "calf-wall"},
        {UK_STEP_REST, UK_SIDE_BOTH, 10, 0, 0, "breathe"},
        {UK_STEP_HOLD, UK_SIDE_ALTERNATE, 30, 0, 0, "hamstring-step"},
        {UK_STEP_REPS, UK_SIDE_BOTH, 0, 10, 3, "heel-raise"},
    };
    static const char *const motions[] = {
        "chin-tuck",    "neck-tilt", "shoulder-roll", "cross-body-arm", "breathe",
        "chest-opener", "march",     "calf-wall",     "hamstring-step", "heel-raise",
    };
    capture cap;
    capture_reset(&cap, UK_ASSETS_DIR);
    uk_content *content = uk_content_load(UK_ASSETS_DIR, "en", on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);

    assert_int_equal(content->routine_count, 2);
    assert_string_equal(content->routines[0].id, "neck-shoulders");
    assert_string_equal(content->routines[0].title, "Neck and shoulders");
    assert_steps(&content->routines[0], neck, 6);
    assert_readable(&content->routines[0]);
    assert_string_equal(content->routines[1].id, "calves-hamstrings");
    assert_steps(&content->routines[1], legs, 5);
    assert_readable(&content->routines[1]);

    assert_int_equal(content->motion_count, 10);
    for (size_t i = 0; i < sizeof motions / sizeof motions[0]; i++)
        assert_non_null(uk_motion_find(content->motions, content->motion_count, motions[i]));

    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(&content->strings, (uk_string_id)i));
    assert_string_equal(uk_str(&content->strings, UK_STR_PLAYER_STEP_OF), "Step %d of %d");
    assert_string_equal(uk_str(&content->strings, UK_STR_DOCTOR_BUTTON), "When to see a doctor");
    uk_content_free(content);
}

static void test_assets_check(void **state)
{
    (void)state;
    capture cap;
    char summary[128];
    capture_reset(&cap, UK_ASSETS_DIR);
    assert_int_equal(uk_content_check(UK_ASSETS_DIR, on_report, &cap, summary, sizeof summary), 0);
    assert_lines(&cap, 0);
    assert_string_equal(summary, "2 routines, 10 motions, 1 language");
}

/* ---- broken routines, one mistake at a time -------------------------------------------------- */

#define TEXTS             "\"title\": \"T\", \"instruction\": \"I\", \"breathing\": \"B\", \"safety\": \"S\""
#define HOLD_WITH(fields) "{\"kind\": \"hold\", \"motion\": \"tilt\", " fields ", " TEXTS "}"
#define REPS_WITH(fields) "{\"kind\": \"reps\", \"motion\": \"tilt\", " fields ", " TEXTS "}"
#define HOLD              HOLD_WITH("\"seconds\": 20")
#define ROUTINE_WITH(fields, steps)                                                                \
    "{\"id\": \"case\", " fields ", \"tip\": \"T\", \"steps\": [" steps "]}"
#define ROUTINE(steps) ROUTINE_WITH("\"title\": \"Case\", \"summary\": \"S\"", steps)

#define FILE_AT "routines/10-case.json: "
#define IN_CASE FILE_AT "routine 'case': "

typedef struct routine_case {
    const char *name;
    const char *json;
    const char *lines[3]; /* exactly these, in any order */
} routine_case;

static const routine_case routine_cases[] = {
    {"bad JSON: line number",
     "{\n    \"id\": \"case\",\n    \"title\": \"Case\"\n    \"summary\": \"S\"\n}\n",
     {FILE_AT "line 4: not valid JSON near '\"summary\": \"S\"' (look for a missing comma, quote "
              "or bracket here or just before)"}},
    {"bad JSON: ends too soon",
     "{\n    \"id\": \"case\",\n    \"steps\": [\n",
     {FILE_AT "line 3: not valid JSON: the file ends too soon (a missing } or ] or quote?)"}},
    {"bad JSON: text after the object",
     ROUTINE(HOLD) "\n}\n",
     {FILE_AT "line 2: not valid JSON near '}' (look for a missing comma, quote or bracket here "
              "or just before)"}},
    {"empty file", "  \n", {FILE_AT "the file is empty (it should hold one JSON object { ... })"}},
    {"not an object",
     "[" ROUTINE(HOLD) "]",
     {FILE_AT "must be one JSON object { ... } holding one routine (found a list [ ... ])"}},
    {"missing field",
     "{\"id\": \"case\", \"summary\": \"S\", \"tip\": \"T\", \"steps\": [" HOLD "]}",
     {IN_CASE "title: missing"}},
    {"missing step field",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"tilt\", \"title\": \"T\", "
             "\"instruction\": \"I\", \"breathing\": \"B\"}"),
     {IN_CASE "steps[0].safety: missing"}},
    {"wrong type: text",
     ROUTINE_WITH("\"title\": 12, \"summary\": \"S\"", HOLD),
     {IN_CASE "title: must be text in quotes (found 12)"}},
    {"wrong type: number",
     ROUTINE(HOLD_WITH("\"seconds\": \"20\"")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found \"20\")"}},
    {"wrong type: steps",
     ROUTINE_WITH("\"title\": \"Case\", \"summary\": \"S\", \"steps\": {}", HOLD),
     {IN_CASE "steps: given more than once (keep one)",
      IN_CASE "steps: must be a list [ ... ] of 1 to 24 steps (found an object { ... })"}},
    {"out of range",
     ROUTINE(HOLD_WITH("\"seconds\": 0")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 0)"}},
    {"not whole",
     ROUTINE(HOLD_WITH("\"seconds\": 20.5")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 20.5)"}},
    {"too many reps",
     ROUTINE(REPS_WITH("\"reps\": 31, \"rep_seconds\": 4")),
     {IN_CASE "steps[0].reps: must be a whole number from 1 to 30 (found 31)"}},
    {"rep too long",
     ROUTINE(REPS_WITH("\"reps\": 8, \"rep_seconds\": 21")),
     {IN_CASE "steps[0].rep_seconds: must be a whole number from 1 to 20 (found 21)"}},
    {"unknown field: a typo",
     ROUTINE(HOLD_WITH("\"secnds\": 20")),
     {IN_CASE "steps[0].secnds: unknown field (did you mean \"seconds\"?)",
      IN_CASE "steps[0].seconds: missing (a \"hold\" step needs seconds)"}},
    {"unknown field: no near match",
     ROUTINE_WITH("\"title\": \"Case\", \"summary\": \"S\", \"colour\": \"red\"", HOLD),
     {IN_CASE "colour: unknown field (known: id, title, summary, tip, steps)"}},
    {"field given twice",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"seconds\": 30")),
     {IN_CASE "steps[0].seconds: given more than once (keep one)"}},
    {"unknown kind",
     ROUTINE("{\"kind\": \"stretch\", \"seconds\": 20, \"motion\": \"tilt\", " TEXTS "}"),
     {IN_CASE "steps[0].kind: must be \"hold\", \"reps\", \"move\" or \"rest\" (found "
              "\"stretch\")"}},
    {"missing kind",
     ROUTINE("{\"seconds\": 20, \"motion\": \"tilt\", " TEXTS "}"),
     {IN_CASE "steps[0].kind: missing (one of \"hold\", \"reps\", \"move\" or \"rest\")"}},
    {"unknown side",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"side\": \"middle\"")),
     {IN_CASE "steps[0].side: must be \"both\", \"left\", \"right\" or \"alternate\" (found "
              "\"middle\")"}},
    {"bad id",
     "{\"id\": \"Neck Stretch\", \"title\": \"Case\", \"summary\": \"S\", \"tip\": \"T\", "
     "\"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"Neck Stretch\")"}},
    {"id too long",
     "{\"id\": \"a-very-long-routine-id-of-34-chars\", \"title\": \"Case\", \"summary\": \"S\", "
     "\"tip\": \"T\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"a-very-long-routine-id-of-34-chars\")"}},
    {"missing id",
     "{\"title\": \"Case\", \"summary\": \"S\", \"tip\": \"T\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: missing"}},
    {"too long text",
     ROUTINE_WITH("\"title\": \"" /* 64 bytes: one more than fits */
                  "0123456789012345678901234567890123456789012345678901234567890123\", "
                  "\"summary\": \"S\"",
                  HOLD),
     {IN_CASE "title: too long: must be at most 63 bytes (found 64 bytes)"}},
    {"too long text counts bytes",
     ROUTINE_WITH("\"title\": \"" /* 32 two-byte letters: 64 bytes */
                  "éééééééééééééééééééééééééééééééé\", \"summary\": \"S\"",
                  HOLD),
     {IN_CASE "title: too long: must be at most 63 bytes (found 64 bytes)"}},
    {"empty text",
     ROUTINE_WITH("\"title\": \"Case\", \"summary\": \"  \"", HOLD),
     {IN_CASE "summary: must not be empty (found \"  \")"}},
    {"not UTF-8",
     ROUTINE_WITH("\"title\": \"Caf\xe9\", \"summary\": \"S\"", HOLD),
     {IN_CASE "title: not valid UTF-8 text; save the file as UTF-8"}},
    {"unknown motion",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"twist\", " TEXTS "}"),
     {IN_CASE "steps[0].motion: no motion 'twist' in motions.json"}},
    {"no steps", ROUTINE(""), {IN_CASE "steps: must hold 1 to 24 steps (found 0)"}},
    {"too many steps",
     ROUTINE(HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD
                  "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD
                  "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD "," HOLD),
     {IN_CASE "steps: must hold 1 to 24 steps (found 25)"}},
    {"a step that is not an object",
     ROUTINE(HOLD ", \"hold\""),
     {IN_CASE "steps[1]: must be an object {\"kind\": ..., \"title\": ...} (found \"hold\")"}},
    {"seconds on a reps step",
     ROUTINE(REPS_WITH("\"reps\": 8, \"rep_seconds\": 4, \"seconds\": 20")),
     {IN_CASE "steps[0].seconds: not allowed on a \"reps\" step (it lasts reps x rep_seconds)"}},
    {"reps on a hold step",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"reps\": 8")),
     {IN_CASE "steps[0].reps: only a \"reps\" step has reps (this one is \"hold\"; it uses "
              "seconds)"}},
    {"a reps step without rep_seconds",
     ROUTINE(REPS_WITH("\"reps\": 8")),
     {IN_CASE "steps[0].rep_seconds: missing (a \"reps\" step needs reps and rep_seconds)"}},
    {"several problems in one file, each on its own line",
     ROUTINE(HOLD "," HOLD_WITH("\"seconds\": 2") "," REPS_WITH("\"reps\": 0, \"rep_seconds\": 4")),
     {IN_CASE "steps[1].seconds: must be a whole number from 3 to 600 (found 2)",
      IN_CASE "steps[2].reps: must be a whole number from 1 to 30 (found 0)"}},
};

static void test_broken_routines(void **state)
{
    tmp_content *tmp = *state;
    for (size_t i = 0; i < sizeof routine_cases / sizeof routine_cases[0]; i++) {
        const routine_case *c = &routine_cases[i];
        print_message("case: %s\n", c->name);
        write_file(tmp->dir, "routines/10-case.json", c->json);
        uk_content *content = load_tmp(tmp, "en");
        int expected = 0;
        for (; expected < 3 && c->lines[expected] != NULL; expected++)
            assert_line(&tmp->cap, c->lines[expected]);
        assert_lines(&tmp->cap, expected);
        /* The broken routine is left out; the good one beside it still loads. */
        assert_int_equal(content->routine_count, 1);
        assert_string_equal(content->routines[0].id, "ok");
        uk_content_free(content);
    }
}

static void test_duplicate_routine_id(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/10-case.json", ROUTINE(HOLD));
    write_file(tmp->dir, "routines/20-again.json", ROUTINE(HOLD));
    uk_content *content = load_tmp(tmp, "en");
    assert_line(&tmp->cap, "routines/20-again.json: routine 'case': id: already used by "
                           "routines/10-case.json; this file is left out");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->routine_count, 2);
    assert_string_equal(content->routines[0].id, "ok");
    assert_string_equal(content->routines[1].id, "case");
    uk_content_free(content);
}

static void test_routines_in_file_name_order(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/30-c.json",
               "\xef\xbb\xbf" /* a byte-order mark, as some Windows editors write */
               "{\"id\": \"c\", \"title\": \"C\", \"summary\": \"S\", \"tip\": \"T\", "
               "\"steps\": [" HOLD "]}");
    write_file(tmp->dir, "routines/10-b.json",
               "{\"id\": \"b\", \"title\": \"B\", \"summary\": \"S\", \"tip\": \"T\", "
               "\"steps\": [" HOLD "]}");
    write_file(tmp->dir, "routines/.hidden.json", "not even JSON");
    write_file(tmp->dir, "routines/notes.txt", "not a routine");
    uk_content *content = load_tmp(tmp, "en");
    assert_lines(&tmp->cap, 0);
    assert_int_equal(content->routine_count, 3);
    assert_string_equal(content->routines[0].id, "ok");
    assert_string_equal(content->routines[1].id, "b");
    assert_string_equal(content->routines[2].id, "c");
    uk_content_free(content);
}

static void test_unreadable_routine_file(void **state)
{
    tmp_content *tmp = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/routines/10-folder.json", tmp->dir);
    assert_int_equal(mkdir(path, 0755), 0);
    uk_content *content = load_tmp(tmp, "en");
    char line[256];
    snprintf(line, sizeof line, "routines/10-folder.json: cannot read: %s", strerror(EISDIR));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->routine_count, 1);
    uk_content_free(content);
}

/* ---- the mixed fixture: many problems at once ------------------------------------------------ */

static const char *const mixed_lines[] = {
    "lang/es.json: home.minutes: must be text in quotes (found 5)",
    "lang/es.json: player.step_of: must contain %d twice, like the English text (found \"Paso "
    "%s\")",
    "lang/es.json: home.titel: unknown key (did you mean \"home.title\"?)",
    "lang/es.json: doctor.back: missing (the English text is shown)",
    "motions.json: motion 'bad-arm': keys[1].pose.elbow: unknown joint (known: x, y, torso, "
    "neck, head, left_shoulder, left_elbow, right_shoulder, right_elbow, left_hip, left_knee, "
    "left_ankle, right_hip, right_knee, right_ankle, shrug)",
    "motions.json: motions[2].id: missing",
    "motions.json: motions[2].view: must be \"front\" or \"side\" (found \"top\")",
    "routines/20-broken.json: routine 'broken': title: too long: must be at most 63 bytes (found "
    "67 bytes)",
    "routines/20-broken.json: routine 'broken': summary: must not be empty (found \"\")",
    "routines/20-broken.json: routine 'broken': steps[0].secnds: unknown field (did you mean "
    "\"seconds\"?)",
    "routines/20-broken.json: routine 'broken': steps[0].seconds: missing (a \"hold\" step needs "
    "seconds)",
    "routines/20-broken.json: routine 'broken': steps[1].seconds: not allowed on a \"reps\" step "
    "(it lasts reps x rep_seconds)",
    "routines/30-uses-bad-motion.json: routine 'uses-bad': steps[0].motion: motion 'bad-arm' was "
    "left out because of its own errors (see motions.json)",
    "routines/40-syntax.json: line 4: not valid JSON near '\"summary\": \"The line' (look for a "
    "missing comma, quote or bracket here or just before)",
};
#define MIXED_LINE_COUNT (int)(sizeof mixed_lines / sizeof mixed_lines[0])

static void test_mixed_fixture(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, MIXED_DIR);
    uk_content *content = uk_content_load(MIXED_DIR, "es", on_report, &cap);
    assert_non_null(content);
    /* Reported in the order they were found: strings, motions, then routines by file name. */
    assert_lines(&cap, MIXED_LINE_COUNT);
    for (int i = 0; i < MIXED_LINE_COUNT; i++)
        assert_string_equal(cap.lines[i], mixed_lines[i]);
    assert_int_equal(content->error_count, MIXED_LINE_COUNT);

    assert_int_equal(content->routine_count, 1);
    assert_string_equal(content->routines[0].id, "good");
    assert_int_equal(content->motion_count, 1);
    assert_string_equal(content->motions[0].id, "tilt");

    /* Spanish where it is right, English where it is missing or wrong. */
    assert_string_equal(content->strings.lang, "es");
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_str(&content->strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    assert_string_equal(uk_str(&content->strings, UK_STR_PLAYER_STEP_OF),
                        "EN player.step_of %d/%d");
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_MINUTES), "EN home.minutes %d");
    uk_content_free(content);
}

static void test_mixed_check(void **state)
{
    (void)state;
    capture cap;
    char summary[128];
    capture_reset(&cap, MIXED_DIR);
    int problems = uk_content_check(MIXED_DIR, on_report, &cap, summary, sizeof summary);
    /* The same problems as a Spanish load: check reads every language file. */
    assert_int_equal(problems, MIXED_LINE_COUNT);
    assert_lines(&cap, MIXED_LINE_COUNT);
    for (int i = 0; i < MIXED_LINE_COUNT; i++)
        assert_line(&cap, mixed_lines[i]);
    assert_string_equal(summary, "1 routine, 1 motion, 2 languages");
}

/* ---- broken motions -------------------------------------------------------------------------- */

#define TILT           "{\"id\": \"tilt\", \"view\": \"front\", \"keys\": [{\"ms\": 800, \"pose\": {}}]}"
#define MOTIONS(extra) "{\"motions\": [" TILT ", " extra "]}"
#define KEY(pose)      "{\"ms\": 500, \"pose\": {" pose "}}"
#define KEY0           KEY("")
#define MOTION_WITH(fields, keys)                                                                  \
    "{\"id\": \"case\", \"view\": \"front\"" fields ", \"keys\": [" keys "]}"
#define MOTION(keys) MOTION_WITH("", keys)
#define M_CASE       "motions.json: motion 'case': "

typedef struct motion_case {
    const char *name;
    const char *json;
    const char *lines[2];
} motion_case;

static const motion_case motion_cases[] = {
    {"unknown joint",
     MOTIONS(MOTION(KEY("\"neck\": 10") "," KEY("\"elbow\": 10"))),
     {M_CASE "keys[1].pose.elbow: unknown joint (known: x, y, torso, neck, head, left_shoulder, "
             "left_elbow, right_shoulder, right_elbow, left_hip, left_knee, left_ankle, "
             "right_hip, right_knee, right_ankle, shrug)"}},
    {"misspelt joint",
     MOTIONS(MOTION(KEY("\"left_sholder\": 10"))),
     {M_CASE "keys[0].pose.left_sholder: unknown joint (did you mean \"left_shoulder\"?)"}},
    {"angle out of range",
     MOTIONS(MOTION(KEY("\"neck\": 200"))),
     {M_CASE "keys[0].pose.neck: must be a number from -180 to 180 degrees (found 200)"}},
    {"offset out of range",
     MOTIONS(MOTION(KEY("\"x\": 1.5"))),
     {M_CASE "keys[0].pose.x: must be a number from -1 to 1 figure heights (found 1.5)"}},
    {"shrug out of range",
     MOTIONS(MOTION(KEY("\"shrug\": -2"))),
     {M_CASE "keys[0].pose.shrug: must be a number from -1 to 1 figure heights (found -2)"}},
    {"angle as text",
     MOTIONS(MOTION(KEY("\"neck\": \"10\""))),
     {M_CASE "keys[0].pose.neck: must be a number from -180 to 180 degrees (found \"10\")"}},
    {"joint given twice",
     MOTIONS(MOTION(KEY("\"neck\": 10, \"neck\": 20"))),
     {M_CASE "keys[0].pose.neck: given more than once (keep one)"}},
    {"ms out of range",
     MOTIONS(MOTION("{\"ms\": 20000, \"pose\": {}}")),
     {M_CASE "keys[0].ms: must be a whole number from 0 to 10000 (found 20000)"}},
    {"no keys", MOTIONS(MOTION("")), {M_CASE "keys: must hold 1 to 12 keys (found 0)"}},
    {"too many keys",
     MOTIONS(MOTION(KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0
                         "," KEY0 "," KEY0 "," KEY0 "," KEY0)),
     {M_CASE "keys: must hold 1 to 12 keys (found 13)"}},
    {"key without pose", MOTIONS(MOTION("{\"ms\": 500}")), {M_CASE "keys[0].pose: missing"}},
    {"key field misspelt",
     MOTIONS(MOTION("{\"ms\": 500, \"pose\": {}, \"poses\": {}}")),
     {M_CASE "keys[0].poses: unknown field (did you mean \"pose\"?)"}},
    {"loop_from past the last key",
     MOTIONS(MOTION_WITH(", \"loop_from\": 2", KEY("") "," KEY(""))),
     {M_CASE "loop_from: must be a whole number from 0 to 1 (found 2)"}},
    {"unknown view",
     MOTIONS("{\"id\": \"case\", \"view\": \"top\", \"keys\": [" KEY("") "]}"),
     {M_CASE "view: must be \"front\" or \"side\" (found \"top\")"}},
    {"missing view",
     MOTIONS("{\"id\": \"case\", \"keys\": [" KEY("") "]}"),
     {M_CASE "view: missing"}},
    {"unknown prop",
     MOTIONS(MOTION_WITH(", \"prop\": \"table\"", KEY(""))),
     {M_CASE "prop: must be \"none\", \"wall\", \"chair\" or \"step\" (found \"table\")"}},
    {"unknown field",
     MOTIONS(MOTION_WITH(", \"speed\": 2", KEY(""))),
     {M_CASE "speed: unknown field (known: id, view, prop, loop_from, keys)"}},
    {"duplicate id",
     MOTIONS(TILT),
     {"motions.json: motion 'tilt': id: already used by motions[0]; this one is left out"}},
    {"missing id",
     MOTIONS("{\"view\": \"front\", \"keys\": [" KEY("") "]}"),
     {"motions.json: motions[1].id: missing"}},
    {"bad id",
     MOTIONS("{\"id\": \"Case\", \"view\": \"front\", \"keys\": [" KEY("") "]}"),
     {"motions.json: motions[1].id: must be 1 to 31 characters from a-z, 0-9 and '-', not "
      "starting with '-' (found \"Case\")"}},
    {"not an object",
     MOTIONS("[]"),
     {"motions.json: motions[1]: must be an object {\"id\": ..., \"keys\": [ ... ]} (found a list "
      "[ ... ])"}},
};

static void test_broken_motions(void **state)
{
    tmp_content *tmp = *state;
    for (size_t i = 0; i < sizeof motion_cases / sizeof motion_cases[0]; i++) {
        const motion_case *c = &motion_cases[i];
        print_message("case: %s\n", c->name);
        write_file(tmp->dir, "motions.json", c->json);
        uk_content *content = load_tmp(tmp, "en");
        int expected = 0;
        for (; expected < 2 && c->lines[expected] != NULL; expected++)
            assert_line(&tmp->cap, c->lines[expected]);
        assert_lines(&tmp->cap, expected);
        /* The bad motion is left out; "tilt" and the routine using it still load. */
        assert_int_equal(content->motion_count, 1);
        assert_string_equal(content->motions[0].id, "tilt");
        assert_int_equal(content->routine_count, 1);
        uk_content_free(content);
    }
}

static void test_broken_motions_file(void **state)
{
    tmp_content *tmp = *state;
    static const struct {
        const char *json;
        const char *line;
    } cases[] = {
        {"[]", "motions.json: must be one JSON object {\"motions\": [ ... ]} (found a list [ ... "
               "])"},
        {"{\"motions\": {}}", "motions.json: motions: must be a list [ ... ] of motions (found an "
                              "object { ... })"},
        {"{}", "motions.json: motions: missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file(tmp->dir, "motions.json", cases[i].json);
        uk_content *content = load_tmp(tmp, "en");
        assert_line(&tmp->cap, cases[i].line);
        /* With no motions the routine's step has nothing to show, so it is left out too. */
        assert_line(&tmp->cap,
                    "routines/05-ok.json: routine 'ok': steps[0].motion: no motion 'tilt' in "
                    "motions.json");
        assert_lines(&tmp->cap, 2);
        assert_int_equal(content->motion_count, 0);
        assert_int_equal(content->routine_count, 0);
        uk_content_free(content);
    }

    write_file(tmp->dir, "motions.json",
               MOTIONS("{\"id\": \"extra\", \"view\": \"side\", "
                       "\"keys\": [" KEY("") "]}") " x");
    uk_content *content = load_tmp(tmp, "en");
    assert_text(&tmp->cap, "motions.json: line 1: not valid JSON near 'x'");

    uk_content_free(content);
    char path[512];
    snprintf(path, sizeof path, "%s/motions.json", tmp->dir);
    unlink(path);
    content = load_tmp(tmp, "en");
    char line[256];
    snprintf(line, sizeof line, "motions.json: cannot open: %s", strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 2);
    uk_content_free(content);
}

/* ---- strings --------------------------------------------------------------------------------- */

/* The good fixture's en.json with `key`'s line replaced by `line` ("" drops it). */
static void write_english_with(tmp_content *tmp, const char *key, const char *line)
{
    static char text[64 * 1024];
    size_t len = 0;
    char quoted[128];
    FILE *file = fopen(GOOD_DIR "/lang/en.json", "rb");
    assert_non_null(file);
    snprintf(quoted, sizeof quoted, "\"%s\":", key);
    char buf[512];
    while (fgets(buf, sizeof buf, file) != NULL) {
        const char *use = strstr(buf, quoted) != NULL ? line : buf;
        len += (size_t)snprintf(text + len, sizeof text - len, "%s", use);
    }
    fclose(file);
    write_file(tmp->dir, "lang/en.json", text);
}

static void test_english_errors(void **state)
{
    tmp_content *tmp = *state;
    static const struct {
        const char *key, *line, *report;
    } cases[] = {
        {"doctor.back", "", "lang/en.json: doctor.back: missing"},
        {"home.minutes", "    \"home.minutes\": \"%s min\",\n",
         "lang/en.json: home.minutes: must contain %d once (found \"%s min\")"},
        {"home.more", "    \"home.more\": \"%d more\",\n",
         "lang/en.json: home.more: must contain %d twice (found \"%d more\")"},
        {"done.summary", "    \"done.summary\": \"%d min: %s\",\n",
         "lang/en.json: done.summary: must contain %s and then %d (found \"%d min: %s\")"},
        {"home.title", "    \"home.title\": \"100%\",\n",
         "lang/en.json: home.title: must not contain %d or %s (write %% for a percent sign) "
         "(found \"100%\")"},
        {"home.prompt", "    \"home.prompt\": [\"Pick\"],\n",
         "lang/en.json: home.prompt: must be text in quotes (found a list [ ... ])"},
        {"home.prompt", "    \"home.promt\": \"Pick\",\n",
         "lang/en.json: home.promt: unknown key (did you mean \"home.prompt\"?)"},
        {"home.prompt", "    \"home.prompt\": \"Pick\", \"greeting\": \"Hi\",\n",
         "lang/en.json: greeting: unknown key (en.json lists every key)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case: %s\n", cases[i].report);
        write_english_with(tmp, cases[i].key, cases[i].line);
        uk_content *content = load_tmp(tmp, "en");
        assert_line(&tmp->cap, cases[i].report);
        /* A misspelt key is also a missing one. */
        assert_lines(&tmp->cap, strstr(cases[i].line, "promt") != NULL ? 2 : 1);
        /* Whatever was wrong shows its key, never a bad format string. */
        assert_int_equal(content->routine_count, 1);
        uk_content_free(content);
    }
}

static void test_language_fallback(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "lang/es.json",
               "{\"home.title\": \"Alivia un nudo\", \"player.step_of\": \"Paso %s\", "
               "\"done.summary\": \"Terminaste %s en %d min.\"}");
    uk_content *content = load_tmp(tmp, "es");
    assert_line(&tmp->cap, "lang/es.json: player.step_of: must contain %d twice, like the "
                           "English text (found \"Paso %s\")");
    assert_line(&tmp->cap, "lang/es.json: doctor.back: missing (the English text is shown)");
    assert_lines(&tmp->cap, 1 + UK_STR_COUNT - 3);
    assert_string_equal(content->strings.lang, "es");
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "Alivia un nudo");
    assert_string_equal(uk_str(&content->strings, UK_STR_DONE_SUMMARY), "Terminaste %s en %d min.");
    assert_string_equal(uk_str(&content->strings, UK_STR_PLAYER_STEP_OF),
                        "EN player.step_of %d/%d");
    assert_string_equal(uk_str(&content->strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    uk_content_free(content);
}

static void test_missing_language(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "lang/es.json", "{}"); /* listed, though empty */
    uk_content *content = load_tmp(tmp, "fr");
    char line[256];
    snprintf(line, sizeof line,
             "lang/fr.json: cannot open: %s (languages here: en, es); showing English",
             strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 1);
    assert_string_equal(content->strings.lang, "en");
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "EN home.title");
    uk_content_free(content);

    content = load_tmp(tmp, "../en");
    assert_line(&tmp->cap, "lang: '../en' is not a language code like \"es\"; showing English");
    assert_lines(&tmp->cap, 1);
    assert_string_equal(content->strings.lang, "en");
    uk_content_free(content);

    content = load_tmp(tmp, NULL); /* NULL is English */
    assert_lines(&tmp->cap, 0);
    uk_content_free(content);
}

static void test_missing_english(void **state)
{
    tmp_content *tmp = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/lang/en.json", tmp->dir);
    unlink(path);
    uk_content *content = load_tmp(tmp, "en");
    char line[256];
    snprintf(line, sizeof line,
             "lang/en.json: cannot open: %s (English is the base every language needs; "
             "languages here: none)",
             strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 1);
    /* Keys show where text is missing: a gap, not a crash. */
    assert_string_equal(uk_str(&content->strings, UK_STR_HOME_TITLE), "home.title");
    assert_int_equal(content->routine_count, 1);
    uk_content_free(content);
}

/* ---- uk_content_check ------------------------------------------------------------------------ */

static void test_check_good(void **state)
{
    (void)state;
    capture cap;
    char summary[128];
    capture_reset(&cap, GOOD_DIR);
    assert_int_equal(uk_content_check(GOOD_DIR, on_report, &cap, summary, sizeof summary), 0);
    assert_lines(&cap, 0);
    assert_string_equal(summary, "2 routines, 3 motions, 2 languages");
    /* Without a reporter or a summary it still counts. */
    assert_int_equal(uk_content_check(GOOD_DIR, NULL, NULL, NULL, 0), 0);
    assert_int_equal(uk_content_check(MIXED_DIR, NULL, NULL, NULL, 0), MIXED_LINE_COUNT);
}

static void test_check_missing_folders(void **state)
{
    tmp_content *tmp = *state;
    char summary[128];
    char missing[512];
    char line[512];

    snprintf(missing, sizeof missing, "%s/nowhere", tmp->dir);
    capture_reset(&tmp->cap, tmp->dir);
    assert_int_equal(uk_content_check(missing, on_report, &tmp->cap, summary, sizeof summary), 1);
    snprintf(line, sizeof line,
             "nowhere: cannot open the content folder: %s (it should hold routines/, motions.json "
             "and lang/)",
             strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_string_equal(summary, "0 routines, 0 motions, 0 languages");

    /* uk_content_load says the same, and still gives a usable, empty content. */
    capture_reset(&tmp->cap, tmp->dir);
    uk_content *content = uk_content_load(missing, "en", on_report, &tmp->cap);
    assert_non_null(content);
    assert_lines(&tmp->cap, 1);
    assert_line(&tmp->cap, line);
    assert_int_equal(content->routine_count, 0);
    assert_int_equal(content->error_count, 1);
    uk_content_free(content);

    remove_tree(strcat(strcpy(missing, tmp->dir), "/routines"));
    capture_reset(&tmp->cap, tmp->dir);
    assert_int_equal(uk_content_check(tmp->dir, on_report, &tmp->cap, summary, sizeof summary), 1);
    snprintf(line, sizeof line,
             "routines: cannot open the routines folder: %s (it should hold one .json file per "
             "routine)",
             strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_string_equal(summary, "0 routines, 3 motions, 1 language");

    mkdir(missing, 0755);
    capture_reset(&tmp->cap, tmp->dir);
    assert_int_equal(uk_content_check(tmp->dir, on_report, &tmp->cap, summary, sizeof summary), 1);
    assert_line(&tmp->cap, "routines: no routine files here (it should hold one .json file per "
                           "routine)");
}

static void test_check_reads_every_language(void **state)
{
    tmp_content *tmp = *state;
    char summary[128];
    write_file(tmp->dir, "lang/es.json", "{\"home.title\": \"Alivia un nudo\"}");
    write_file(tmp->dir, "lang/fr.json", "{\"home.title\": \"Soulager\", \"home.titel\": \"x\"}");
    capture_reset(&tmp->cap, tmp->dir);
    int problems = uk_content_check(tmp->dir, on_report, &tmp->cap, summary, sizeof summary);
    assert_int_equal(problems, 2 * (UK_STR_COUNT - 1) + 1);
    assert_int_equal(problems, tmp->cap.count);
    assert_line(&tmp->cap, "lang/es.json: doctor.back: missing (the English text is shown)");
    assert_line(&tmp->cap, "lang/fr.json: doctor.back: missing (the English text is shown)");
    assert_line(&tmp->cap, "lang/fr.json: home.titel: unknown key (did you mean \"home.title\"?)");
    assert_string_equal(summary, "1 routine, 3 motions, 3 languages");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture_loads),
        cmocka_unit_test(test_good_fixture_in_spanish),
        cmocka_unit_test(test_free_accepts_null),
        cmocka_unit_test(test_load_without_reporter),
        cmocka_unit_test(test_assets_load_cleanly),
        cmocka_unit_test(test_assets_check),
        cmocka_unit_test_setup_teardown(test_broken_routines, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_duplicate_routine_id, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_in_file_name_order, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_unreadable_routine_file, setup_tmp, teardown_tmp),
        cmocka_unit_test(test_mixed_fixture),
        cmocka_unit_test(test_mixed_check),
        cmocka_unit_test_setup_teardown(test_broken_motions, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_broken_motions_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_english_errors, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_language_fallback, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_language, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_english, setup_tmp, teardown_tmp),
        cmocka_unit_test(test_check_good),
        cmocka_unit_test_setup_teardown(test_check_missing_folders, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_check_reads_every_language, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
