/*
 * test_content.c: the content loader against real files.
 *
 * Three kinds of content are read here: the fixtures in tests/fixtures/data/content
 * ("good" loads without a single problem, in two languages, with a routine of
 * every type; "mixed" breaks in many ways at once, beside one routine that
 * must still load and one that loads with a text missing in Spanish), the
 * real assets/ folder the kiosk ships with (checked by its properties, not
 * by a list of its routines, so adding a routine needs no change here), and
 * small folders written into a mkdtemp directory, one broken file at a time,
 * so each kind of mistake is shown to give its own precise message.
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

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/content/content.h"
#include "tests/fixtures/scratch.h"

#define GOOD_DIR  UK_TEST_DATA "/content/good"
#define MIXED_DIR UK_TEST_DATA "/content/mixed"
#define MAX_LINES 1024
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

static void remove_file(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(unlink(path), 0);
}

typedef struct tmp_content {
    char dir[256];
    capture cap;
} tmp_content;

/* Pieces of routine files in the new format. Every text is given in English and Spanish. */
#define LANGS(en, es) "{\"en\": \"" en "\", \"es\": \"" es "\"}"
#define TEXT          LANGS("T", "T")
#define REVIEW        "\"reviewed_by\": \"Dr. R\", \"reviewed_on\": \"2026-11-20\""
#define STEP_TEXTS                                                                                 \
    "\"title\": " TEXT ", \"instruction\": " TEXT ", \"breathing\": " TEXT ", \"safety\": " TEXT
#define HOLD_WITH(fields) "{\"kind\": \"hold\", \"motion\": \"tilt\", " fields ", " STEP_TEXTS "}"
#define REPS_WITH(fields) "{\"kind\": \"reps\", \"motion\": \"tilt\", " fields ", " STEP_TEXTS "}"
#define MASSAGE_WITH(fields)                                                                       \
    "{\"kind\": \"massage\", \"motion\": \"tilt\", " fields ", " STEP_TEXTS "}"
#define HOLD     HOLD_WITH("\"seconds\": 20")
#define PRESSURE "\"pressure\": " TEXT
/* A steps routine with the common fields in `fields` (title and summary, or a mistake in them). */
#define ROUTINE_WITH(fields, steps)                                                                \
    "{\"id\": \"case\", \"category\": \"stretch\", " fields ", \"habit\": " TEXT ", " REVIEW       \
    ", \"steps\": [" steps "]}"
#define ROUTINE(steps) ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " TEXT, steps)
/* Common fields but for the id, type and whatever the type has. */
#define COMMON "\"title\": " TEXT ", \"summary\": " TEXT ", \"habit\": " TEXT ", " REVIEW
#define STEPS_WITH(fields)                                                                         \
    "{\"id\": \"case\", " COMMON ", \"category\": \"stretch\", \"steps\": [" HOLD "]" fields "}"
#define HC_MINUTES(heat, heat_max, cold, cold_max)                                                 \
    "\"heat_minutes\": " #heat ", \"heat_max_minutes\": " #heat_max ", \"cold_minutes\": " #cold   \
    ", \"cold_max_minutes\": " #cold_max
#define HC_TEXTS                                                                                   \
    "\"question\": " TEXT ", \"answer_new\": " TEXT ", \"answer_old\": " TEXT                      \
    ", \"prepare_heat\": " TEXT ", \"prepare_cold\": " TEXT ", \"heat_hint\": " TEXT               \
    ", \"cold_hint\": " TEXT ", \"safety\": " TEXT
#define HC_WITH(fields)          "{\"id\": \"case\", \"type\": \"heat-cold\", " COMMON ", " fields "}"
#define HC_MINUTES_WITH(minutes) HC_WITH(minutes ", " HC_TEXTS)
#define HC                       HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15))
#define CARD                     "{\"title\": " TEXT ", \"body\": " TEXT "}"
#define CARDS_WITH(fields, cards)                                                                  \
    "{\"id\": \"case\", \"type\": \"cards\", " COMMON fields ", \"cards\": [" cards "]}"
#define CARDS(cards) CARDS_WITH("", cards)

#define OK_ROUTINE                                                                                 \
    "{\"id\": \"ok\", \"category\": \"stretch\", \"title\": " LANGS(                               \
        "Ok", "Vale") ", \"summary\": " LANGS("Loads beside broken ones.",                         \
                                              "Carga junto a las rotas.") ", \"habit\": " TEXT     \
                                                                          ", " REVIEW              \
                                                                          ", \"steps\": [" HOLD    \
                                                                          "]}"

/* A content folder with the good fixture's motions and languages, and one valid routine. */
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
    copy_file(GOOD_DIR "/lang/es.json", tmp->dir, "lang/es.json");
    write_file(tmp->dir, "routines/05-ok.json", OK_ROUTINE);
    *state = tmp;
    return 0;
}

static int teardown_tmp(void **state)
{
    tmp_content *tmp = *state;
    scratch_remove_tree(tmp->dir);
    free(tmp);
    return 0;
}

static uk_content *load_tmp(tmp_content *tmp)
{
    capture_reset(&tmp->cap, tmp->dir);
    uk_content *content = uk_content_load(tmp->dir, on_report, &tmp->cap);
    assert_non_null(content);
    assert_int_equal(content->error_count, tmp->cap.count);
    return content;
}

/* The routines in language `code`; fails if the language did not load. */
static const uk_routine *routines_in(const uk_content *content, const char *code)
{
    int lang = uk_catalog_find_lang(&content->catalog, code);
    if (lang < 0)
        fail_msg("no language '%s' loaded", code);
    return content->catalog.langs[lang].routines;
}

static const uk_strings *strings_in(const uk_content *content, const char *code)
{
    int lang = uk_catalog_find_lang(&content->catalog, code);
    if (lang < 0)
        fail_msg("no language '%s' loaded", code);
    return content->catalog.langs[lang].strings;
}

/* ---- every text of a routine ----------------------------------------------------------------- */

typedef struct routine_text {
    char field[48];   /* "steps[2].instruction" */
    const char *text; /* in one language */
    size_t max_chars; /* what a person reads at a glance, in characters */
} routine_text;

#define MAX_TEXTS (3 + UK_ROUTINE_MAX_STEPS * 5 + 8 + UK_MAX_CARDS * 2)

/*
 * Read at a glance from 1.5 m: the content brief's lengths for English (title
 * 24, summary 70, take-home 110, instruction 90, cues 70), plus a quarter for
 * the languages that run longer, applied to every language alike.
 */
static int add_text(routine_text *texts, int count, const char *field, const char *text,
                    size_t max_chars)
{
    snprintf(texts[count].field, sizeof texts[count].field, "%s", field);
    texts[count].text = text;
    texts[count].max_chars = max_chars;
    return count + 1;
}

/* Every text of `routine` that its type has, in the order of the file. */
static int routine_texts(const uk_routine *routine, routine_text *texts)
{
    char field[48];
    int n = 0;
    n = add_text(texts, n, "title", routine->title, 30);
    n = add_text(texts, n, "summary", routine->summary, 88);
    n = add_text(texts, n, "habit", routine->habit, 138);
    for (int i = 0; i < routine->step_count; i++) {
        const uk_step *step = &routine->steps[i];
        static const char *const names[] = {"title", "instruction", "breathing", "safety",
                                            "pressure"};
        const char *values[] = {step->title, step->instruction, step->breathing, step->safety,
                                step->pressure};
        static const size_t limits[] = {30, 112, 88, 88, 88};
        int kinds = step->kind == UK_STEP_MASSAGE ? 5 : 4;
        for (int k = 0; k < kinds; k++) {
            snprintf(field, sizeof field, "steps[%d].%s", i, names[k]);
            n = add_text(texts, n, field, values[k], limits[k]);
        }
    }
    if (routine->type == UK_ROUTINE_HEAT_COLD) {
        const uk_routine_heat_cold *hc = &routine->heat_cold;
        n = add_text(texts, n, "question", hc->question, 88);
        n = add_text(texts, n, "answer_new", hc->answer_new, 30);
        n = add_text(texts, n, "answer_old", hc->answer_old, 30);
        n = add_text(texts, n, "prepare_heat", hc->prepare_heat, 112);
        n = add_text(texts, n, "prepare_cold", hc->prepare_cold, 112);
        n = add_text(texts, n, "heat_hint", hc->heat_hint, 112);
        n = add_text(texts, n, "cold_hint", hc->cold_hint, 112);
        n = add_text(texts, n, "safety", hc->safety, 138);
    }
    for (int i = 0; i < routine->card_count; i++) {
        snprintf(field, sizeof field, "cards[%d].title", i);
        n = add_text(texts, n, field, routine->cards[i].title, 40);
        snprintf(field, sizeof field, "cards[%d].body", i);
        n = add_text(texts, n, field, routine->cards[i].body, 400);
    }
    return n;
}

/* Characters, not bytes: "ñ" is one letter to the reader. */
static size_t utf8_chars(const char *text)
{
    size_t count = 0;
    for (; *text; text++)
        count += ((unsigned char)*text & 0xc0) != 0x80;
    return count;
}

/* The same routine in two languages: everything but the words is equal. */
static void assert_same_but_words(const uk_routine *a, const uk_routine *b)
{
    assert_string_equal(a->id, b->id);
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->category, b->category);
    assert_string_equal(a->reviewed_by, b->reviewed_by);
    assert_string_equal(a->reviewed_on, b->reviewed_on);
    assert_ptr_equal(a->motion, b->motion);
    assert_int_equal(a->step_count, b->step_count);
    for (int i = 0; i < a->step_count; i++) {
        assert_int_equal(a->steps[i].kind, b->steps[i].kind);
        assert_int_equal(a->steps[i].side, b->steps[i].side);
        assert_int_equal(a->steps[i].seconds, b->steps[i].seconds);
        assert_int_equal(a->steps[i].reps, b->steps[i].reps);
        assert_int_equal(a->steps[i].rep_seconds, b->steps[i].rep_seconds);
        assert_string_equal(a->steps[i].motion, b->steps[i].motion);
    }
    assert_int_equal(a->heat_cold.heat_minutes, b->heat_cold.heat_minutes);
    assert_int_equal(a->heat_cold.heat_max_minutes, b->heat_cold.heat_max_minutes);
    assert_int_equal(a->heat_cold.cold_minutes, b->heat_cold.cold_minutes);
    assert_int_equal(a->heat_cold.cold_max_minutes, b->heat_cold.cold_max_minutes);
    assert_int_equal(a->card_count, b->card_count);
}

/* ---- the good fixture ------------------------------------------------------------------------ */

static void test_good_fixture_loads(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, GOOD_DIR);
    uk_content *content = uk_content_load(GOOD_DIR, on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);
    assert_int_equal(content->error_count, 0);

    const uk_catalog *catalog = &content->catalog;
    assert_int_equal(catalog->lang_count, 2);
    assert_string_equal(catalog->langs[0].code, "en");
    assert_string_equal(catalog->langs[1].code, "es");
    assert_int_equal(catalog->routine_count, 4); /* README.txt is not a routine */

    const uk_routine *en = routines_in(content, "en");
    const uk_routine *alpha = &en[0];
    assert_string_equal(alpha->id, "alpha");
    assert_int_equal(alpha->type, UK_ROUTINE_STEPS); /* the default */
    assert_int_equal(alpha->category, UK_CATEGORY_STRETCH);
    assert_string_equal(alpha->title, "Alpha routine");
    assert_string_equal(alpha->habit, "Stretch after you brush your teeth.");
    assert_string_equal(alpha->reviewed_by, "Dr. Ana Ruiz, physiotherapist");
    assert_string_equal(alpha->reviewed_on, "2026-11-20");
    assert_string_equal(alpha->motion, "tilt"); /* no "motion": the first step's */
    assert_int_equal(alpha->step_count, 3);
    assert_int_equal(alpha->steps[0].kind, UK_STEP_HOLD);
    assert_int_equal(alpha->steps[0].side, UK_SIDE_ALTERNATE);
    assert_int_equal(alpha->steps[0].seconds, 20);
    assert_string_equal(alpha->steps[0].motion, "tilt");
    assert_string_equal(alpha->steps[0].instruction, "Tip your ear to your shoulder.");
    assert_null(alpha->steps[0].pressure);
    assert_int_equal(alpha->steps[1].kind, UK_STEP_REPS);
    assert_int_equal(alpha->steps[1].side, UK_SIDE_BOTH); /* the default */
    assert_int_equal(alpha->steps[1].reps, 8);
    assert_int_equal(alpha->steps[1].rep_seconds, 4);
    assert_int_equal(alpha->steps[1].seconds, 0);
    assert_int_equal(alpha->steps[2].kind, UK_STEP_REST);
    assert_string_equal(alpha->steps[2].safety, "Sit down if you feel dizzy.");
    assert_int_equal(alpha->card_count, 0);

    const uk_routine *beta = &en[1];
    assert_string_equal(beta->id, "beta");
    assert_int_equal(beta->type, UK_ROUTINE_STEPS);
    assert_int_equal(beta->category, UK_CATEGORY_MASSAGE);
    assert_string_equal(beta->summary, "The second routine: \"quoted\", ünïcode.");
    assert_string_equal(beta->reviewed_by, "Clínica Ejemplo: J. Müller, PT");
    assert_string_equal(beta->reviewed_on, "2000-01-01");
    assert_string_equal(beta->motion, "roll"); /* its own, not the first step's */
    assert_int_equal(beta->step_count, 2);
    assert_int_equal(beta->steps[0].kind, UK_STEP_MASSAGE);
    assert_int_equal(beta->steps[0].side, UK_SIDE_LEFT);
    assert_int_equal(beta->steps[0].seconds, 60);
    assert_string_equal(beta->steps[0].pressure, "Firm, never painful.");
    assert_int_equal(beta->steps[1].kind, UK_STEP_MOVE);
    assert_int_equal(beta->steps[1].side, UK_SIDE_RIGHT);
    assert_int_equal(beta->steps[1].seconds, 30); /* 30.0 is whole */
    assert_null(beta->steps[1].pressure);

    const uk_routine *heat = &en[2];
    assert_string_equal(heat->id, "heat");
    assert_int_equal(heat->type, UK_ROUTINE_HEAT_COLD);
    assert_int_equal(heat->category, UK_CATEGORY_HEAT_COLD);
    assert_null(heat->motion); /* no "motion" and no steps: no figure */
    assert_int_equal(heat->step_count, 0);
    assert_int_equal(heat->heat_cold.heat_minutes, 15);
    assert_int_equal(heat->heat_cold.heat_max_minutes, 20);
    assert_int_equal(heat->heat_cold.cold_minutes, 10);
    assert_int_equal(heat->heat_cold.cold_max_minutes, 15);
    assert_string_equal(heat->heat_cold.question, "Is this a new injury?");
    assert_string_equal(heat->heat_cold.answer_new, "Yes, it is new");
    assert_string_equal(heat->heat_cold.answer_old, "No, it is older");
    assert_string_equal(heat->heat_cold.prepare_heat, "Put a warm pack on.");
    assert_string_equal(heat->heat_cold.prepare_cold, "Put a cold pack on.");
    assert_string_equal(heat->heat_cold.heat_hint, "Relax while it warms.");
    assert_string_equal(heat->heat_cold.cold_hint, "Keep still.");
    assert_string_equal(heat->heat_cold.safety, "Cloth between skin and pack.");
    assert_string_equal(heat->reviewed_on, "2024-02-29"); /* a leap day */

    const uk_routine *learn = &en[3];
    assert_string_equal(learn->id, "learn");
    assert_int_equal(learn->type, UK_ROUTINE_CARDS);
    assert_int_equal(learn->category, UK_CATEGORY_LEARN);
    assert_string_equal(learn->motion, "breathe");
    assert_int_equal(learn->step_count, 0);
    assert_int_equal(learn->card_count, 2);
    assert_string_equal(learn->cards[0].title, "What is a knot?");
    assert_string_equal(learn->cards[0].body, "A tight band in a muscle.\nIt can be tender.");
    assert_string_equal(learn->cards[1].title, "What helps");

    assert_int_equal(catalog->motion_count, 4);
    const uk_motion *tilt = &catalog->motions[0];
    assert_string_equal(tilt->id, "tilt");
    assert_int_equal(tilt->view, UK_VIEW_FRONT);
    assert_int_equal(tilt->prop, UK_PROP_NONE);
    assert_int_equal(tilt->key_count, 1);
    assert_int_equal(tilt->loop_from, 0);
    assert_int_equal(tilt->keys[0].ms, 800);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_NECK] == -25.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_HEAD] == -10.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_TORSO] == 0.0f); /* omitted joints are 0 */
    const uk_motion *step_up = &catalog->motions[1];
    assert_string_equal(step_up->id, "step-up");
    assert_int_equal(step_up->view, UK_VIEW_SIDE);
    assert_int_equal(step_up->prop, UK_PROP_STEP);
    assert_int_equal(step_up->key_count, 3);
    assert_int_equal(step_up->loop_from, 1);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_TORSO] == 25.5f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_Y] == 0.05f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_SHRUG] == -0.5f);
    assert_int_equal(catalog->motions[2].keys[0].ms, 0);
    assert_ptr_equal(uk_motion_find(catalog->motions, catalog->motion_count, "breathe"),
                     &catalog->motions[2]);
    assert_int_equal(catalog->motions[3].prop, UK_PROP_ROLLER);
    /* A routine's figure is the motion's own id, which lives as long as the content. */
    assert_ptr_equal(beta->motion, catalog->motions[3].id);

    const uk_strings *strings = strings_in(content, "en");
    assert_string_equal(strings->lang, "en");
    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(strings, (uk_string_id)i));
    assert_string_equal(uk_str(strings, UK_STR_LANG_NAME), "English");
    assert_string_equal(uk_str(strings, UK_STR_HOME_TITLE), "EN home.title");
    assert_string_equal(uk_str(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
    uk_content_free(content);
}

static void test_good_fixture_in_spanish(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, GOOD_DIR);
    uk_content *content = uk_content_load(GOOD_DIR, on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);

    const uk_strings *strings = strings_in(content, "es");
    assert_string_equal(strings->lang, "es");
    assert_string_equal(uk_str(strings, UK_STR_LANG_NAME), "Español");
    assert_string_equal(uk_str(strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_str(strings, UK_STR_DONE_SUMMARY), "ES done.summary %s %d");

    /* The same routines in the same order, with Spanish words and the same ids and timings. */
    const uk_routine *en = routines_in(content, "en");
    const uk_routine *es = routines_in(content, "es");
    assert_ptr_not_equal(en, es);
    for (size_t i = 0; i < content->catalog.routine_count; i++) {
        assert_same_but_words(&en[i], &es[i]);
        routine_text en_texts[MAX_TEXTS], es_texts[MAX_TEXTS];
        int count = routine_texts(&en[i], en_texts);
        assert_int_equal(routine_texts(&es[i], es_texts), count);
        for (int t = 0; t < count; t++) {
            assert_non_null(es_texts[t].text);
            if (strcmp(en_texts[t].text, es_texts[t].text) == 0)
                fail_msg("%s: %s is the same in Spanish: \"%s\"", en[i].id, en_texts[t].field,
                         en_texts[t].text);
        }
    }
    assert_string_equal(es[0].title, "Rutina alfa");
    assert_string_equal(es[0].steps[0].instruction, "Lleva la oreja al hombro.");
    assert_string_equal(es[1].summary, "La segunda rutina: \"citada\", ñandú.");
    assert_string_equal(es[1].steps[0].pressure, "Firme, nunca doloroso.");
    assert_string_equal(es[2].heat_cold.question, "¿Es una lesión nueva?");
    assert_string_equal(es[2].heat_cold.safety, "Un paño entre la piel y la bolsa.");
    assert_string_equal(es[3].cards[0].body,
                        "Una banda tensa en un músculo.\nPuede doler al tocarla.");
    /* Text that is not per language is shared. */
    assert_string_equal(es[1].reviewed_by, "Clínica Ejemplo: J. Müller, PT");
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
    uk_content *content = uk_content_load(MIXED_DIR, NULL, NULL);
    assert_non_null(content);
    assert_true(content->error_count > 0);
    assert_int_equal(content->catalog.routine_count, 2);
    uk_content_free(content);
}

/* ---- the real assets ------------------------------------------------------------------------- */

/* Is `text` a name or a number, which may read the same in every language ("TENS", "20")? */
static bool is_name_or_number(const char *text)
{
    return strchr(text, ' ') == NULL;
}

static void assert_review(const uk_routine *routine)
{
    assert_non_null(routine->reviewed_by);
    assert_true(utf8_chars(routine->reviewed_by) >= 2);
    /* Shape only: the loader already refuses a day that does not exist. */
    const char *on = routine->reviewed_on;
    assert_int_equal(strlen(on), 10);
    for (int i = 0; i < 10; i++)
        assert_true(i == 4 || i == 7 ? on[i] == '-' : on[i] >= '0' && on[i] <= '9');
}

static void assert_motions_exist(const uk_content *content, const uk_routine *routine)
{
    const uk_catalog *catalog = &content->catalog;
    for (int i = 0; i < routine->step_count; i++)
        if (uk_motion_find(catalog->motions, catalog->motion_count, routine->steps[i].motion) ==
            NULL)
            fail_msg("%s: steps[%d].motion: no motion '%s'", routine->id, i,
                     routine->steps[i].motion);
    if (routine->motion != NULL)
        assert_non_null(uk_motion_find(catalog->motions, catalog->motion_count, routine->motion));
    if (routine->type == UK_ROUTINE_STEPS)
        assert_non_null(routine->motion); /* the home screen's figure */
}

/*
 * Whatever routines and motions the kiosk ships with: every one loads, in
 * every language, with words a person reads at a glance, and every
 * language is complete (a missing text would be reported, and a text copied
 * from English unchanged is caught here).
 */
static void test_assets_load_cleanly(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, UK_ASSETS_DIR);
    uk_content *content = uk_content_load(UK_ASSETS_DIR, on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);

    const uk_catalog *catalog = &content->catalog;
    assert_true(catalog->lang_count >= 2);
    assert_string_equal(catalog->langs[0].code, "en");
    assert_true(catalog->routine_count >= 2);
    assert_true(catalog->motion_count >= 1);

    for (size_t l = 0; l < catalog->lang_count; l++) {
        const uk_language *lang = &catalog->langs[l];
        for (int i = 0; i < UK_STR_COUNT; i++)
            if (!uk_strings_has(lang->strings, (uk_string_id)i))
                fail_msg("lang/%s.json: no %s", lang->code, uk_strings_key((uk_string_id)i));
        if (l > 0)
            assert_string_not_equal(uk_str(lang->strings, UK_STR_LANG_NAME),
                                    uk_str(catalog->langs[0].strings, UK_STR_LANG_NAME));
    }

    const uk_routine *english = catalog->langs[0].routines;
    for (size_t r = 0; r < catalog->routine_count; r++) {
        const uk_routine *base = &english[r];
        for (size_t other = 0; other < r; other++)
            assert_string_not_equal(english[other].id, base->id);
        assert_review(base);
        assert_motions_exist(content, base);
        routine_text base_texts[MAX_TEXTS];
        int count = routine_texts(base, base_texts);

        for (size_t l = 0; l < catalog->lang_count; l++) {
            const uk_routine *routine = &catalog->langs[l].routines[r];
            const char *code = catalog->langs[l].code;
            assert_same_but_words(base, routine);
            routine_text texts[MAX_TEXTS];
            assert_int_equal(routine_texts(routine, texts), count);
            for (int t = 0; t < count; t++) {
                const routine_text *text = &texts[t];
                if (text->text == NULL)
                    fail_msg("%s (%s): %s: no text", base->id, code, text->field);
                size_t chars = utf8_chars(text->text);
                if (chars < 1 || chars > text->max_chars)
                    fail_msg("%s (%s): %s: %zu characters, more than %zu to read at a glance: "
                             "\"%s\"",
                             base->id, code, text->field, chars, text->max_chars, text->text);
                if (l > 0 && strcmp(text->text, base_texts[t].text) == 0 &&
                    !is_name_or_number(text->text))
                    fail_msg("%s (%s): %s: the same as in English: \"%s\"", base->id, code,
                             text->field, text->text);
            }
        }
    }
    uk_content_free(content);
}

static void test_assets_check(void **state)
{
    (void)state;
    capture cap;
    char summary[256];
    char expected[256];
    capture_reset(&cap, UK_ASSETS_DIR);
    assert_int_equal(uk_content_check(UK_ASSETS_DIR, on_report, &cap, summary, sizeof summary), 0);
    assert_lines(&cap, 0);

    /* The summary counts what loaded. */
    uk_content *content = uk_content_load(UK_ASSETS_DIR, NULL, NULL);
    assert_non_null(content);
    const uk_catalog *catalog = &content->catalog;
    int len = snprintf(expected, sizeof expected, "%zu routines, %zu motions, %zu languages (en, ",
                       catalog->routine_count, catalog->motion_count, catalog->lang_count);
    assert_memory_equal(summary, expected, (size_t)len);
    uk_content_free(content);
}

/* ---- broken routines, one mistake at a time -------------------------------------------------- */

#define FILE_AT "routines/10-case.json: "
#define IN_CASE FILE_AT "routine 'case': "
#define TOO_LONG(field, max, found)                                                                \
    IN_CASE field ": too long: must be at most " #max " bytes (found " #found " bytes); shorter "  \
                  "is easier to read from a distance"
#define BAD_DATE(found)                                                                            \
    IN_CASE "reviewed_on: must be a date written YYYY-MM-DD, like \"2026-11-20\" (found " found ")"
#define TEN     "0123456789"
#define HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN
#define CARD_BODY_599                                                                              \
    HUNDRED HUNDRED HUNDRED HUNDRED HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN "012345678"
#define CARD_BODY_600 CARD_BODY_599 "9"
#define REVIEWER_95                                                                                \
    "Dr. A. Very-Long-Name, physiotherapist and head of the back pain clinic, checked in full "    \
    "detail"
#define DATED(date)                                                                                \
    "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT        \
    ", \"habit\": " TEXT ", \"reviewed_by\": \"Dr. R\", \"reviewed_on\": " date                    \
    ", \"steps\": [" HOLD "]}"
#define REVIEWED_BY(who)                                                                           \
    "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT        \
    ", \"habit\": " TEXT ", \"reviewed_by\": " who                                                 \
    ", \"reviewed_on\": \"2026-11-20\", \"steps\": [" HOLD "]}"

typedef struct routine_case {
    const char *name;
    const char *json;
    const char *lines[3]; /* exactly these, in any order */
} routine_case;

static const routine_case routine_cases[] = {
    /* The file itself. */
    {"bad JSON: line number",
     "{\n    \"id\": \"case\",\n    \"title\": " TEXT "\n    \"summary\": " TEXT "\n}\n",
     {FILE_AT "line 4: not valid JSON near '\"summary\": {\"en\": \"T' (look for a missing comma, "
              "quote or bracket here or just before)"}},
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

    /* Fields every routine has. */
    {"missing field", ROUTINE_WITH("\"summary\": " TEXT, HOLD), {IN_CASE "title: missing"}},
    {"bad id",
     "{\"id\": \"Neck Stretch\", " COMMON ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"Neck Stretch\")"}},
    {"id too long",
     "{\"id\": \"a-very-long-routine-id-of-34-chars\", " COMMON ", \"category\": \"stretch\", "
     "\"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"a-very-long-routine-id-of-34-chars\")"}},
    {"missing id",
     "{" COMMON ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: missing"}},
    {"unknown field: a typo",
     STEPS_WITH(", \"sumary\": " TEXT),
     {IN_CASE "sumary: unknown field (did you mean \"summary\"?)"}},
    {"unknown field: no near match, lists the fields of a steps routine",
     STEPS_WITH(", \"colour\": \"red\""),
     {IN_CASE "colour: unknown field (known: id, type, category, title, summary, habit, "
              "reviewed_by, reviewed_on, motion, steps)"}},
    {"unknown field: the fields of a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"colour\": \"red\""),
     {IN_CASE "colour: unknown field (known: id, type, title, summary, habit, reviewed_by, "
              "reviewed_on, motion, heat_minutes, heat_max_minutes, cold_minutes, "
              "cold_max_minutes, question, answer_new, answer_old, prepare_heat, prepare_cold, "
              "heat_hint, cold_hint, safety)"}},
    {"unknown field: the fields of a cards routine",
     CARDS_WITH(", \"colour\": \"red\"", CARD),
     {IN_CASE "colour: unknown field (known: id, type, title, summary, habit, reviewed_by, "
              "reviewed_on, motion, cards)"}},
    {"a field of the first format",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"tip\": " TEXT ", " REVIEW ", \"steps\": [" HOLD "]}",
     {IN_CASE "tip: unknown field (it is called \"habit\" now)", IN_CASE "habit: missing"}},
    {"field given twice",
     STEPS_WITH(", \"summary\": " TEXT),
     {IN_CASE "summary: given more than once (keep one)"}},
    {"routine motion unknown",
     STEPS_WITH(", \"motion\": \"twist\""),
     {IN_CASE "motion: no motion 'twist' in motions.json"}},
    {"routine motion not an id",
     STEPS_WITH(", \"motion\": \"Tilt\""),
     {IN_CASE "motion: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"Tilt\")"}},

    /* Texts in every language. */
    {"text not given per language",
     ROUTINE_WITH("\"title\": \"Case\", \"summary\": " TEXT, HOLD),
     {IN_CASE "title: must give the text in each language, like {\"en\": \"...\", ...} (found "
              "\"Case\")"}},
    {"text as a number",
     ROUTINE_WITH("\"title\": 12, \"summary\": " TEXT, HOLD),
     {IN_CASE "title: must give the text in each language, like {\"en\": \"...\", ...} (found "
              "12)"}},
    {"text in a language that has no lang/ file",
     ROUTINE_WITH("\"title\": {\"en\": \"T\", \"es\": \"T\", \"fr\": \"T\"}, \"summary\": " TEXT,
                  HOLD),
     {IN_CASE "title.fr: no language \"fr\" here (languages: en, es; a new one needs "
              "lang/fr.json first)"}},
    {"language code in capitals",
     ROUTINE_WITH("\"title\": {\"EN\": \"T\", \"es\": \"T\"}, \"summary\": " TEXT, HOLD),
     {IN_CASE "title.EN: no language \"EN\" here (languages: en, es; a new one needs "
              "lang/EN.json first)",
      IN_CASE "title: missing the \"en\" text, which every language falls back on"}},
    {"no English text",
     ROUTINE_WITH("\"title\": {\"es\": \"T\"}, \"summary\": " TEXT, HOLD),
     {IN_CASE "title: missing the \"en\" text, which every language falls back on"}},
    {"no text at all",
     ROUTINE_WITH("\"title\": {}, \"summary\": " TEXT, HOLD),
     {IN_CASE "title: missing the \"en\" text, which every language falls back on"}},
    {"no English text in a step",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"tilt\", \"title\": " TEXT
             ", \"instruction\": " TEXT ", \"breathing\": {\"es\": \"B\"}, \"safety\": " TEXT "}"),
     {IN_CASE "steps[0].breathing: missing the \"en\" text, which every language falls back on"}},
    {"a language given twice",
     ROUTINE_WITH("\"title\": {\"en\": \"T\", \"es\": \"T\", \"en\": \"U\"}, \"summary\": " TEXT,
                  HOLD),
     {IN_CASE "title.en: given more than once (keep one)"}},
    {"Spanish text not text",
     ROUTINE_WITH("\"title\": {\"en\": \"T\", \"es\": 5}, \"summary\": " TEXT, HOLD),
     {IN_CASE "title.es: must be text in quotes (found 5)"}},
    {"English text too long",
     ROUTINE_WITH("\"title\": " LANGS(/* 64 bytes: one more than fits */
                                      "0123456789012345678901234567890123456789012345678901234567"
                                      "890123",
                                      "T") ", \"summary\": " TEXT,
                  HOLD),
     {TOO_LONG("title.en", 63, 64)}},
    {"Spanish text too long counts bytes",
     ROUTINE_WITH("\"title\": " LANGS("T", /* 32 two-byte letters: 64 bytes */
                                      "éééééééééééééééééééééééééééééééé") ", \"summary\": " TEXT,
                  HOLD),
     {TOO_LONG("title.es", 63, 64)}},
    {"empty English text",
     ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " LANGS("  ", "S"), HOLD),
     {IN_CASE "summary.en: must not be empty (found \"  \")"}},
    {"empty Spanish text",
     ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " LANGS("S", ""), HOLD),
     {IN_CASE "summary.es: must not be empty (found \"\")"}},
    {"not UTF-8",
     ROUTINE_WITH("\"title\": " LANGS("T", "Caf\xe9") ", \"summary\": " TEXT, HOLD),
     {IN_CASE "title.es: not valid UTF-8 text; save the file as UTF-8"}},

    /* Who reviewed it, and when. */
    {"reviewer missing",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"habit\": " TEXT ", \"reviewed_on\": \"2026-11-20\", \"steps\": [" HOLD "]}",
     {IN_CASE "reviewed_by: missing"}},
    {"reviewer as an object",
     REVIEWED_BY(TEXT),
     {IN_CASE "reviewed_by: must be text in quotes (found an object { ... })"}},
    {"reviewer empty",
     REVIEWED_BY("\" \""),
     {IN_CASE "reviewed_by: must not be empty (found \" \")"}},
    {"reviewer too long", REVIEWED_BY("\"" REVIEWER_95 ".\""), {TOO_LONG("reviewed_by", 95, 96)}},
    {"date missing",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"habit\": " TEXT ", \"reviewed_by\": \"Dr. R\", \"steps\": [" HOLD "]}",
     {IN_CASE "reviewed_on: missing"}},
    {"date: day first", DATED("\"20-11-2026\""), {BAD_DATE("\"20-11-2026\"")}},
    {"date: slashes", DATED("\"2026/11/20\""), {BAD_DATE("\"2026/11/20\"")}},
    {"date: no leading zero", DATED("\"2026-1-20\""), {BAD_DATE("\"2026-1-20\"")}},
    {"date: a sign in the month", DATED("\"2026-+1-20\""), {BAD_DATE("\"2026-+1-20\"")}},
    {"date: a space before", DATED("\" 2026-1-20\""), {BAD_DATE("\" 2026-1-20\"")}},
    {"date: a time after", DATED("\"2026-11-20T10:00\""), {BAD_DATE("\"2026-11-20T10:00\"")}},
    {"date: a number", DATED("20261120"), {BAD_DATE("20261120")}},
    {"date: per language", DATED(TEXT), {BAD_DATE("an object { ... }")}},
    {"date: no 30 February",
     DATED("\"2026-02-30\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-02-30\")"}},
    {"date: no 29 February in 2025",
     DATED("\"2025-02-29\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2025-02-29\")"}},
    {"date: no month 13",
     DATED("\"2026-13-01\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-13-01\")"}},
    {"date: no day 0",
     DATED("\"2026-11-00\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-11-00\")"}},
    {"date: no 29 February in 2100",
     DATED("\"2100-02-29\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2100-02-29\")"}},
    {"date: no 31 April",
     DATED("\"2026-04-31\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-04-31\")"}},
    {"date: before 2000",
     DATED("\"1999-12-31\""),
     {IN_CASE "reviewed_on: must be the day of the review, from 2000 on (found \"1999-12-31\")"}},

    /* Types, and the fields that belong to the other types. */
    {"unknown type: nothing else is judged by the wrong type",
     "{\"id\": \"case\", \"type\": \"timer\", " COMMON ", " HC_MINUTES(15, 20, 10, 15) "}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found \"timer\")"}},
    {"type not text",
     "{\"id\": \"case\", \"type\": 2, " COMMON ", \"cards\": [" CARD "]}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found 2)"}},
    {"type: the kind of routine misspelt",
     "{\"id\": \"case\", \"type\": \"step\", " COMMON
     ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found \"step\")"}},
    {"steps on a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"steps\": [" HOLD "]"),
     {IN_CASE "steps: not allowed on a \"heat-cold\" routine"}},
    {"category on a cards routine",
     CARDS_WITH(", \"category\": \"learn\"", CARD),
     {IN_CASE "category: not allowed on a \"cards\" routine"}},
    {"heat on a steps routine",
     STEPS_WITH(", \"heat_minutes\": 15"),
     {IN_CASE "heat_minutes: not allowed on a \"steps\" routine"}},
    {"safety on a steps routine (only steps have safety there)",
     STEPS_WITH(", \"safety\": " TEXT),
     {IN_CASE "safety: not allowed on a \"steps\" routine"}},
    {"cards on a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"cards\": [" CARD "]"),
     {IN_CASE "cards: not allowed on a \"heat-cold\" routine"}},
    {"question on a cards routine",
     CARDS_WITH(", \"question\": " TEXT, CARD),
     {IN_CASE "question: not allowed on a \"cards\" routine"}},
    {"a steps routine without steps",
     "{\"id\": \"case\", " COMMON ", \"category\": \"stretch\"}",
     {IN_CASE "steps: missing"}},
    {"a cards routine without cards",
     "{\"id\": \"case\", \"type\": \"cards\", " COMMON "}",
     {IN_CASE "cards: missing"}},

    /* Category. */
    {"category missing",
     "{\"id\": \"case\", " COMMON ", \"steps\": [" HOLD "]}",
     {IN_CASE "category: missing"}},
    {"category unknown",
     "{\"id\": \"case\", " COMMON ", \"category\": \"yoga\", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" (found \"yoga\")"}},
    {"category of another type",
     "{\"id\": \"case\", " COMMON ", \"category\": \"learn\", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" for a \"steps\" routine "
              "(found \"learn\")"}},
    {"category per language",
     "{\"id\": \"case\", " COMMON ", \"category\": " TEXT ", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" (found an object { ... "
              "})"}},

    /* Steps. */
    {"missing step field",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"tilt\", \"title\": " TEXT
             ", \"instruction\": " TEXT ", \"breathing\": " TEXT "}"),
     {IN_CASE "steps[0].safety: missing"}},
    {"wrong type: number",
     ROUTINE(HOLD_WITH("\"seconds\": \"20\"")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found \"20\")"}},
    {"wrong type: steps",
     ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " TEXT ", \"steps\": {}", HOLD),
     {IN_CASE "steps: given more than once (keep one)",
      IN_CASE "steps: must be a list [ ... ] of 1 to 24 steps (found an object { ... })"}},
    {"out of range",
     ROUTINE(HOLD_WITH("\"seconds\": 0")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 0)"}},
    {"too long a hold",
     ROUTINE(HOLD_WITH("\"seconds\": 601")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 601)"}},
    {"not whole",
     ROUTINE(HOLD_WITH("\"seconds\": 20.5")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 20.5)"}},
    {"too many reps",
     ROUTINE(REPS_WITH("\"reps\": 31, \"rep_seconds\": 4")),
     {IN_CASE "steps[0].reps: must be a whole number from 1 to 30 (found 31)"}},
    {"rep too long",
     ROUTINE(REPS_WITH("\"reps\": 8, \"rep_seconds\": 21")),
     {IN_CASE "steps[0].rep_seconds: must be a whole number from 1 to 20 (found 21)"}},
    {"unknown step field: a typo",
     ROUTINE(HOLD_WITH("\"secnds\": 20")),
     {IN_CASE "steps[0].secnds: unknown field (did you mean \"seconds\"?)",
      IN_CASE "steps[0].seconds: missing (a \"hold\" step needs seconds)"}},
    {"unknown step field: no near match",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"colour\": \"red\"")),
     {IN_CASE "steps[0].colour: unknown field (known: kind, side, seconds, reps, rep_seconds, "
              "motion, title, instruction, breathing, safety, pressure)"}},
    {"step field given twice",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"seconds\": 30")),
     {IN_CASE "steps[0].seconds: given more than once (keep one)"}},
    {"unknown kind",
     ROUTINE("{\"kind\": \"stretch\", \"seconds\": 20, \"motion\": \"tilt\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].kind: must be \"hold\", \"reps\", \"move\", \"rest\" or \"massage\" "
              "(found \"stretch\")"}},
    {"missing kind",
     ROUTINE("{\"seconds\": 20, \"motion\": \"tilt\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].kind: missing (one of \"hold\", \"reps\", \"move\", \"rest\" or "
              "\"massage\")"}},
    {"unknown side",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"side\": \"middle\"")),
     {IN_CASE "steps[0].side: must be \"both\", \"left\", \"right\" or \"alternate\" (found "
              "\"middle\")"}},
    {"unknown motion",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"twist\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].motion: no motion 'twist' in motions.json"}},
    {"missing motion",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, " STEP_TEXTS "}"),
     {IN_CASE "steps[0].motion: missing"}},
    {"no steps", ROUTINE(""), {IN_CASE "steps: must hold 1 to 24 steps (found 0)"}},
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

    /* Massage steps and their pressure. */
    {"massage without pressure",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60")),
     {IN_CASE "steps[0].pressure: missing"}},
    {"massage without seconds",
     ROUTINE(MASSAGE_WITH(PRESSURE)),
     {IN_CASE "steps[0].seconds: missing (a \"massage\" step needs seconds)"}},
    {"massage counted in reps",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"reps\": 5, " PRESSURE)),
     {IN_CASE "steps[0].reps: only a \"reps\" step has reps (this one is \"massage\"; it uses "
              "seconds)"}},
    {"pressure not per language",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"pressure\": \"Firm\"")),
     {IN_CASE "steps[0].pressure: must give the text in each language, like {\"en\": \"...\", "
              "...} (found \"Firm\")"}},
    {"pressure too long",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"pressure\": " LANGS(
         "Press firmly, as hard as you can stand it without wincing, and keep breathing slowly "
         "while you roll the ball back and forth across the knot for the whole time shown. Stop "
         "at once if it's sore.",
         "P"))),
     {TOO_LONG("steps[0].pressure.en", 191, 192)}},
    {"pressure on a hold step",
     ROUTINE(HOLD_WITH("\"seconds\": 20, " PRESSURE)),
     {IN_CASE "steps[0].pressure: not allowed here: only a \"massage\" step has pressure"}},
    {"pressure on a rest step",
     ROUTINE("{\"kind\": \"rest\", \"seconds\": 10, \"motion\": \"tilt\", " STEP_TEXTS ", " PRESSURE
             "}"),
     {IN_CASE "steps[0].pressure: not allowed here: only a \"massage\" step has pressure"}},

    /* Heat and cold. */
    {"heat too short",
     HC_MINUTES_WITH(HC_MINUTES(4, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 4)"}},
    {"heat past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(21, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 21)"}},
    {"heat limit past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 25, 10, 15)),
     {IN_CASE "heat_max_minutes: must be a whole number from 5 to 20 (found 25)"}},
    {"cold too short",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 3, 15)),
     {IN_CASE "cold_minutes: must be a whole number from 5 to 15 (found 3)"}},
    {"cold past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 16, 15)),
     {IN_CASE "cold_minutes: must be a whole number from 5 to 15 (found 16)"}},
    {"cold limit past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 16)),
     {IN_CASE "cold_max_minutes: must be a whole number from 5 to 15 (found 16)"}},
    {"heat limit below the start",
     HC_MINUTES_WITH(HC_MINUTES(15, 12, 10, 15)),
     {IN_CASE "heat_max_minutes: must be at least heat_minutes (15) (found 12)"}},
    {"cold limit below the start",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 8)),
     {IN_CASE "cold_max_minutes: must be at least cold_minutes (10) (found 8)"}},
    {"minutes not whole",
     HC_MINUTES_WITH(HC_MINUTES(15.5, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 15.5)"}},
    {"minutes as text",
     HC_MINUTES_WITH(HC_MINUTES("15", 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found \"15\")"}},
    {"minutes missing",
     HC_MINUTES_WITH("\"heat_minutes\": 15, \"heat_max_minutes\": 20, \"cold_minutes\": 10"),
     {IN_CASE "cold_max_minutes: missing"}},
    {"question missing",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"answer_new\": " TEXT ", \"answer_old\": " TEXT
                                        ", \"prepare_heat\": " TEXT ", \"prepare_cold\": " TEXT
                                        ", \"heat_hint\": " TEXT ", \"cold_hint\": " TEXT
                                        ", \"safety\": " TEXT),
     {IN_CASE "question: missing"}},
    {"an answer too long for its button",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"question\": " TEXT ", \"answer_new\": " LANGS(
         "T", "Sí, es nueva: me hice daño ayer o anteayer, o hace muy poco "
              "tiempo") ", \"answer_old\": " TEXT ", \"prepare_heat\": " TEXT
                        ", \"prepare_cold\": " TEXT ", \"heat_hint\": " TEXT
                        ", \"cold_hint\": " TEXT ", \"safety\": " TEXT),
     {TOO_LONG("answer_new.es", 63, 68)}},
    {"safety not per language",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"question\": " TEXT ", \"answer_new\": " TEXT
                                        ", \"answer_old\": " TEXT ", \"prepare_heat\": " TEXT
                                        ", \"prepare_cold\": " TEXT ", \"heat_hint\": " TEXT
                                        ", \"cold_hint\": " TEXT ", \"safety\": \"Careful\""),
     {IN_CASE "safety: must give the text in each language, like {\"en\": \"...\", ...} (found "
              "\"Careful\")"}},

    /* Cards. */
    {"no cards", CARDS(""), {IN_CASE "cards: must hold 1 to 12 cards (found 0)"}},
    {"too many cards",
     CARDS(CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD
                "," CARD "," CARD "," CARD),
     {IN_CASE "cards: must hold 1 to 12 cards (found 13)"}},
    {"cards not a list",
     "{\"id\": \"case\", \"type\": \"cards\", " COMMON ", \"cards\": " CARD "}",
     {IN_CASE "cards: must be a list [ ... ] of 1 to 12 cards (found an object { ... })"}},
    {"a card that is not an object",
     CARDS(CARD ", \"Knots\""),
     {IN_CASE "cards[1]: must be an object {\"title\": ..., \"body\": ...} (found \"Knots\")"}},
    {"a card without a body", CARDS("{\"title\": " TEXT "}"), {IN_CASE "cards[0].body: missing"}},
    {"a card without a title",
     CARDS(CARD ", {\"body\": " TEXT "}"),
     {IN_CASE "cards[1].title: missing"}},
    {"a card field misspelt",
     CARDS("{\"title\": " TEXT ", \"bodi\": " TEXT "}"),
     {IN_CASE "cards[0].bodi: unknown field (did you mean \"body\"?)",
      IN_CASE "cards[0].body: missing"}},
    {"a card field unknown",
     CARDS("{\"title\": " TEXT ", \"body\": " TEXT ", \"picture\": \"knot.png\"}"),
     {IN_CASE "cards[0].picture: unknown field (known: title, body)"}},
    {"a card body too long",
     CARDS("{\"title\": " TEXT ", \"body\": " LANGS(CARD_BODY_600, "B") "}"),
     {TOO_LONG("cards[0].body.en", 599, 600)}},
    {"a card body in English only",
     CARDS("{\"title\": " TEXT ", \"body\": \"B\"}"),
     {IN_CASE "cards[0].body: must give the text in each language, like {\"en\": \"...\", ...} "
              "(found \"B\")"}},
};

static void test_broken_routines(void **state)
{
    tmp_content *tmp = *state;
    for (size_t i = 0; i < sizeof routine_cases / sizeof routine_cases[0]; i++) {
        const routine_case *c = &routine_cases[i];
        print_message("case: %s\n", c->name);
        write_file(tmp->dir, "routines/10-case.json", c->json);
        uk_content *content = load_tmp(tmp);
        int expected = 0;
        for (; expected < 3 && c->lines[expected] != NULL; expected++)
            assert_line(&tmp->cap, c->lines[expected]);
        assert_lines(&tmp->cap, expected);
        /* The broken routine is left out, in every language; the good one beside it loads. */
        assert_int_equal(content->catalog.routine_count, 1);
        assert_string_equal(routines_in(content, "en")[0].id, "ok");
        assert_string_equal(routines_in(content, "es")[0].id, "ok");
        uk_content_free(content);
    }
}

/* `count` steps, the last one `last` (too long for a string literal, so built here). */
static void write_steps(tmp_content *tmp, int count, const char *last)
{
    static char json[64 * 1024];
    size_t len = (size_t)snprintf(json, sizeof json, "%s",
                                  ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " TEXT, ""));
    len -= 2; /* before the closing "]}" */
    for (int i = 0; i < count; i++)
        len += (size_t)snprintf(json + len, sizeof json - len, "%s%s", i ? ", " : "",
                                i + 1 == count ? last : HOLD);
    snprintf(json + len, sizeof json - len, "]}");
    write_file(tmp->dir, "routines/10-case.json", json);
}

static void test_step_count(void **state)
{
    tmp_content *tmp = *state;
    write_steps(tmp, UK_ROUTINE_MAX_STEPS + 1, HOLD);
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "steps: must hold 1 to 24 steps (found 25)");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.routine_count, 1);
    uk_content_free(content);

    /* A step past the limit is still checked, so one run shows every problem. */
    write_steps(tmp, UK_ROUTINE_MAX_STEPS + 1, HOLD_WITH("\"seconds\": 1"));
    content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "steps: must hold 1 to 24 steps (found 25)");
    assert_line(&tmp->cap,
                IN_CASE "steps[24].seconds: must be a whole number from 3 to 600 (found 1)");
    assert_lines(&tmp->cap, 2);
    uk_content_free(content);

    write_steps(tmp, UK_ROUTINE_MAX_STEPS, HOLD_WITH("\"seconds\": 30"));
    content = load_tmp(tmp);
    assert_lines(&tmp->cap, 0);
    assert_int_equal(content->catalog.routine_count, 2);
    const uk_routine *es = &routines_in(content, "es")[1];
    assert_int_equal(es->step_count, UK_ROUTINE_MAX_STEPS);
    assert_int_equal(es->steps[UK_ROUTINE_MAX_STEPS - 1].seconds, 30);
    assert_string_equal(es->steps[UK_ROUTINE_MAX_STEPS - 1].title, "T");
    uk_content_free(content);
}

/* The edges of what is allowed: each of these loads. */
static void test_routines_at_the_limits(void **state)
{
    tmp_content *tmp = *state;
    static const struct {
        const char *name;
        const char *json;
    } cases[] = {
        {"heat and cold at their smallest", HC_MINUTES_WITH(HC_MINUTES(5, 5, 5, 5))},
        {"heat and cold at their safe maximum", HC_MINUTES_WITH(HC_MINUTES(20, 20, 15, 15))},
        {"a limit equal to the start", HC_MINUTES_WITH(HC_MINUTES(15, 15, 10, 10))},
        {"twelve cards", CARDS(CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD
                                    "," CARD "," CARD "," CARD "," CARD)},
        {"one card", CARDS(CARD)},
        {"a card body of 599 bytes",
         CARDS("{\"title\": " TEXT ", \"body\": " LANGS(CARD_BODY_599, "B") "}")},
        {"a 63-byte title",
         ROUTINE_WITH("\"title\": " LANGS("01234567890123456789012345678901234567890123456789012"
                                          "3456789012",
                                          "T") ", \"summary\": " TEXT,
                      HOLD)},
        {"a hold of 3 s and one of 600 s",
         ROUTINE(HOLD_WITH("\"seconds\": 3") "," HOLD_WITH("\"seconds\": 600"))},
        {"a massage step", ROUTINE(MASSAGE_WITH("\"seconds\": 60, " PRESSURE))},
        {"a move category",
         "{\"id\": \"case\", " COMMON ", \"category\": \"move\", \"steps\": [" HOLD "]}"},
        {"a massage category",
         "{\"id\": \"case\", " COMMON ", \"category\": \"massage\", \"steps\": [" HOLD "]}"},
        {"the type given", "{\"id\": \"case\", \"type\": \"steps\", " COMMON
                           ", \"category\": \"stretch\", \"steps\": [" HOLD "]}"},
        {"a heat-cold routine with its own figure",
         HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"motion\": \"breathe\"")},
        {"a leap day", DATED("\"2028-02-29\"")},
        {"a leap day in a century that has one", DATED("\"2400-02-29\"")},
        {"a day past 2038, the end of a 32-bit clock", DATED("\"2040-12-31\"")},
        {"the first day allowed", DATED("\"2000-01-01\"")},
        {"a reviewer of 95 bytes", REVIEWED_BY("\"" REVIEWER_95 "\"")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case: %s\n", cases[i].name);
        write_file(tmp->dir, "routines/10-case.json", cases[i].json);
        uk_content *content = load_tmp(tmp);
        assert_lines(&tmp->cap, 0);
        assert_int_equal(content->catalog.routine_count, 2);
        assert_string_equal(routines_in(content, "es")[1].id, "case");
        uk_content_free(content);
    }
}

static void test_duplicate_routine_id(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/10-case.json", ROUTINE(HOLD));
    write_file(tmp->dir, "routines/20-again.json", CARDS(CARD));
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "routines/20-again.json: routine 'case': id: already used by "
                           "routines/10-case.json; this file is left out");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.routine_count, 2);
    const uk_routine *es = routines_in(content, "es");
    assert_string_equal(es[0].id, "ok");
    assert_string_equal(es[1].id, "case");
    assert_int_equal(es[1].type, UK_ROUTINE_STEPS); /* the first file's */
    uk_content_free(content);
}

static void test_routines_in_file_name_order(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/30-c.json",
               "\xef\xbb\xbf" /* a byte-order mark, as some Windows editors write */
               "{\"id\": \"c\", \"type\": \"cards\", " COMMON ", \"cards\": [" CARD "]}");
    write_file(tmp->dir, "routines/10-b.json",
               "{\"id\": \"b\", \"type\": \"heat-cold\", " COMMON
               ", " HC_MINUTES(15, 20, 10, 15) ", " HC_TEXTS "}");
    write_file(tmp->dir, "routines/.hidden.json", "not even JSON");
    write_file(tmp->dir, "routines/notes.txt", "not a routine");
    uk_content *content = load_tmp(tmp);
    assert_lines(&tmp->cap, 0);
    assert_int_equal(content->catalog.routine_count, 3);
    for (size_t l = 0; l < content->catalog.lang_count; l++) {
        const uk_routine *routines = content->catalog.langs[l].routines;
        assert_string_equal(routines[0].id, "ok");
        assert_string_equal(routines[1].id, "b");
        assert_int_equal(routines[1].type, UK_ROUTINE_HEAT_COLD);
        assert_string_equal(routines[2].id, "c");
        assert_int_equal(routines[2].type, UK_ROUTINE_CARDS);
    }
    uk_content_free(content);
}

static void test_unreadable_routine_file(void **state)
{
    tmp_content *tmp = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/routines/10-folder.json", tmp->dir);
    assert_int_equal(mkdir(path, 0755), 0);
    uk_content *content = load_tmp(tmp);
    char line[256];
    snprintf(line, sizeof line, "routines/10-folder.json: cannot read: %s", strerror(EISDIR));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.routine_count, 1);
    uk_content_free(content);
}

/* ---- a text missing in one language ---------------------------------------------------------- */

static void test_missing_translation_falls_back(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/10-case.json",
               "{\"id\": \"case\", \"category\": \"massage\", \"title\": " LANGS(
                   "Case", "Caso") ", \"summary\": {\"en\": \"Only in English.\"}, \"habit\": " TEXT
                                   ", " REVIEW ", \"steps\": [" HOLD
                                   ", {\"kind\": \"massage\", \"seconds\": 30, \"motion\": "
                                   "\"roll\", \"title\": " TEXT ", \"instruction\": " TEXT
                                   ", \"breathing\": " TEXT ", \"safety\": " TEXT
                                   ", \"pressure\": {\"en\": \"Firm.\"}}]}");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "summary: missing the \"es\" text (the \"en\" one is shown "
                                   "instead)");
    assert_line(&tmp->cap, IN_CASE "steps[1].pressure: missing the \"es\" text (the \"en\" one "
                                   "is shown instead)");
    assert_lines(&tmp->cap, 2);
    assert_int_equal(content->error_count, 2); /* reported, so --check-content fails */

    /* The routine loads, with English where the Spanish is missing. */
    assert_int_equal(content->catalog.routine_count, 2);
    const uk_routine *en = &routines_in(content, "en")[1];
    const uk_routine *es = &routines_in(content, "es")[1];
    assert_string_equal(es->id, "case");
    assert_string_equal(es->title, "Caso");
    assert_string_equal(en->title, "Case");
    assert_string_equal(es->summary, "Only in English.");
    assert_string_equal(es->steps[1].pressure, "Firm.");
    assert_same_but_words(en, es);
    uk_content_free(content);
}

/* A language file that cannot be used is left out; the routines load in the others. */
static void test_broken_language_file(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "lang/fr.json", "{\"home.title\": \"Soulager\"\n\"lang.name\": \"x\"}");
    write_file(tmp->dir, "routines/10-case.json",
               "{\"id\": \"case\", \"category\": \"stretch\", \"title\": {\"en\": \"Case\", "
               "\"es\": \"Caso\", \"fr\": \"Cas\"}, \"summary\": " TEXT ", \"habit\": " TEXT
               ", " REVIEW ", \"steps\": [" HOLD "]}");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/fr.json: line 2: not valid JSON near '\"lang.name\": \"x\"}' "
                           "(look for a missing comma, quote or bracket here or just before)");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.lang_count, 2);
    assert_int_equal(uk_catalog_find_lang(&content->catalog, "fr"), -1);
    assert_int_equal(content->catalog.routine_count, 2);
    assert_string_equal(routines_in(content, "es")[1].title, "Caso");
    uk_content_free(content);

    /* Its words in a routine are still checked, so one run lists every problem. */
    write_file(tmp->dir, "routines/10-case.json",
               "{\"id\": \"case\", \"category\": \"stretch\", \"title\": {\"en\": \"Case\", "
               "\"es\": \"Caso\", \"fr\": \"\"}, \"summary\": " TEXT ", \"habit\": " TEXT
               ", " REVIEW ", \"steps\": [" HOLD "]}");
    content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "title.fr: must not be empty (found \"\")");
    assert_lines(&tmp->cap, 2);
    assert_int_equal(content->catalog.routine_count, 1);
    uk_content_free(content);

    /* Not an object of sentences: left out the same way. */
    write_file(tmp->dir, "lang/fr.json", "[\"Soulager\"]");
    write_file(tmp->dir, "routines/10-case.json",
               "{\"id\": \"case\", \"category\": \"stretch\", \"title\": {\"en\": \"Case\", "
               "\"es\": \"Caso\", \"fr\": \"Cas\"}, \"summary\": " TEXT ", \"habit\": " TEXT
               ", " REVIEW ", \"steps\": [" HOLD "]}");
    content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/fr.json: must be one JSON object of \"key\": \"text\" pairs, like "
                           "{\"home.title\": \"...\"} (found a list [ ... ])");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.lang_count, 2);
    assert_int_equal(content->catalog.routine_count, 2);
    uk_content_free(content);
}

static void test_language_file_names(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "lang/e s.json", "{}");
    write_file(tmp->dir, "lang/.es.json.swp.json", "{}"); /* hidden: an editor's */
    write_file(tmp->dir, "lang/notes.txt", "not a language");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/e s.json: 'e s' is not a language code like \"es\" or "
                           "\"pt-br\"; left out");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.lang_count, 2);
    uk_content_free(content);

    /* Up to UK_MAX_LANGS languages; more are left out, each with a line. */
    remove_file(tmp->dir, "lang/e s.json");
    static const char *const codes[] = {"de", "fr", "it", "nl", "pl", "pt-br", "sv", "uk"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "lang/%s.json", codes[i]);
        copy_file(GOOD_DIR "/lang/es.json", tmp->dir, name);
    }
    content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/sv.json: more than 8 languages; this one is left out");
    assert_line(&tmp->cap, "lang/uk.json: more than 8 languages; this one is left out");
    /* The routine has its 7 texts in English and Spanish only: each is reported missing in the
     * six other languages, and shows in English there. */
    assert_line(&tmp->cap, "routines/05-ok.json: routine 'ok': title: missing the \"pt-br\" text "
                           "(the \"en\" one is shown instead)");
    assert_lines(&tmp->cap, 2 + 6 * 7);
    const uk_catalog *catalog = &content->catalog;
    assert_int_equal(catalog->lang_count, UK_MAX_LANGS);
    /* English first, then the others in name order. */
    static const char *const loaded[] = {"en", "de", "es", "fr", "it", "nl", "pl", "pt-br"};
    for (size_t l = 0; l < UK_MAX_LANGS; l++) {
        assert_string_equal(catalog->langs[l].code, loaded[l]);
        assert_string_equal(catalog->langs[l].strings->lang, loaded[l]);
        assert_non_null(catalog->langs[l].routines);
    }
    assert_int_equal(catalog->routine_count, 1);
    assert_string_equal(routines_in(content, "pt-br")[0].title, "Ok");
    assert_string_equal(routines_in(content, "es")[0].title, "Vale");
    uk_content_free(content);
}

/* ---- the mixed fixture: many problems at once ------------------------------------------------ */

#define BROKEN "routines/20-broken.json: routine 'broken': "
#define HALF   "routines/50-untranslated.json: routine 'untranslated': "

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
    BROKEN "title.en: too long: must be at most 63 bytes (found 67 bytes); shorter is easier to "
           "read from a distance",
    BROKEN "summary.es: must not be empty (found \"\")",
    BROKEN "reviewed_on: no such day in the calendar (found \"2026-02-30\")",
    BROKEN "steps[0].secnds: unknown field (did you mean \"seconds\"?)",
    BROKEN "steps[0].seconds: missing (a \"hold\" step needs seconds)",
    BROKEN "steps[0].pressure: not allowed here: only a \"massage\" step has pressure",
    BROKEN "steps[1].seconds: not allowed on a \"reps\" step (it lasts reps x rep_seconds)",
    BROKEN "steps[1].title.fr: no language \"fr\" here (languages: en, es; a new one needs "
           "lang/fr.json first)",
    BROKEN "steps[1].title: missing the \"es\" text (the \"en\" one is shown instead)",
    "routines/30-uses-bad-motion.json: routine 'uses-bad': steps[0].motion: motion 'bad-arm' was "
    "left out because of its own errors (see motions.json)",
    "routines/40-syntax.json: line 4: not valid JSON near '\"summary\": {\"en\": \"T' (look for a "
    "missing comma, quote or bracket here or just before)",
    HALF "summary: missing the \"es\" text (the \"en\" one is shown instead)",
    HALF "cards[1].body: missing the \"es\" text (the \"en\" one is shown instead)",
};
#define MIXED_LINE_COUNT (int)(sizeof mixed_lines / sizeof mixed_lines[0])

static void test_mixed_fixture(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, MIXED_DIR);
    uk_content *content = uk_content_load(MIXED_DIR, on_report, &cap);
    assert_non_null(content);
    /* Reported in the order they were found: languages, motions, then routines by file name. */
    assert_lines(&cap, MIXED_LINE_COUNT);
    for (int i = 0; i < MIXED_LINE_COUNT; i++)
        assert_string_equal(cap.lines[i], mixed_lines[i]);
    assert_int_equal(content->error_count, MIXED_LINE_COUNT);

    /* The good routine, and the one with a text missing in Spanish. */
    const uk_catalog *catalog = &content->catalog;
    assert_int_equal(catalog->routine_count, 2);
    const uk_routine *en = routines_in(content, "en");
    const uk_routine *es = routines_in(content, "es");
    assert_string_equal(en[0].id, "good");
    assert_string_equal(es[0].title, "Rutina buena");
    assert_string_equal(en[1].id, "untranslated");
    assert_string_equal(es[1].title, "A medio traducir");
    assert_string_equal(es[1].summary, "Loads, with English where Spanish is missing.");
    assert_string_equal(es[1].cards[0].body, "En los dos idiomas.");
    assert_string_equal(es[1].cards[1].body, "Only in English.");
    assert_int_equal(catalog->motion_count, 1);
    assert_string_equal(catalog->motions[0].id, "tilt");

    /* Spanish sentences where they are right, English where missing or wrong. */
    const uk_strings *strings = strings_in(content, "es");
    assert_string_equal(strings->lang, "es");
    assert_string_equal(uk_str(strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_str(strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    assert_string_equal(uk_str(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
    assert_string_equal(uk_str(strings, UK_STR_HOME_MINUTES), "EN home.minutes %d");
    /* English itself is untouched. */
    assert_string_equal(uk_str(strings_in(content, "en"), UK_STR_HOME_TITLE), "EN home.title");
    uk_content_free(content);
}

static void test_mixed_check(void **state)
{
    (void)state;
    capture cap;
    char summary[128];
    capture_reset(&cap, MIXED_DIR);
    int problems = uk_content_check(MIXED_DIR, on_report, &cap, summary, sizeof summary);
    assert_int_equal(problems, MIXED_LINE_COUNT);
    assert_lines(&cap, MIXED_LINE_COUNT);
    for (int i = 0; i < MIXED_LINE_COUNT; i++)
        assert_line(&cap, mixed_lines[i]);
    assert_string_equal(summary, "2 routines, 1 motion, 2 languages (en, es)");
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
     {M_CASE "prop: must be \"none\", \"wall\", \"chair\", \"step\", \"mat\", \"roller\" or "
             "\"ball\" (found \"table\")"}},
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
        uk_content *content = load_tmp(tmp);
        int expected = 0;
        for (; expected < 2 && c->lines[expected] != NULL; expected++)
            assert_line(&tmp->cap, c->lines[expected]);
        assert_lines(&tmp->cap, expected);
        /* The bad motion is left out; "tilt" and the routine using it still load. */
        assert_int_equal(content->catalog.motion_count, 1);
        assert_string_equal(content->catalog.motions[0].id, "tilt");
        assert_int_equal(content->catalog.routine_count, 1);
        uk_content_free(content);
    }
}

/* A routine whose steps or home-screen figure use a broken motion is left out with it. */
static void test_routines_using_a_broken_motion(void **state)
{
    tmp_content *tmp = *state;
    write_file(
        tmp->dir, "motions.json",
        MOTIONS("{\"id\": \"bad\", \"view\": \"front\", \"keys\": [" KEY("\"neck\": 999") "]}"));
    write_file(tmp->dir, "routines/10-case.json", STEPS_WITH(", \"motion\": \"bad\""));
    write_file(tmp->dir, "routines/20-cards.json",
               "{\"id\": \"cards\", \"type\": \"cards\", \"motion\": \"bad\", " COMMON
               ", \"cards\": [" CARD "]}");
    write_file(tmp->dir, "routines/30-step.json",
               "{\"id\": \"step\", " COMMON ", \"category\": \"move\", \"steps\": [" HOLD
               ", {\"kind\": \"move\", \"seconds\": 30, \"motion\": \"bad\", " STEP_TEXTS "}]}");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "motions.json: motion 'bad': keys[0].pose.neck: must be a number from "
                           "-180 to 180 degrees (found 999)");
    assert_line(&tmp->cap, IN_CASE "motion: motion 'bad' was left out because of its own errors "
                                   "(see motions.json)");
    assert_line(&tmp->cap, "routines/20-cards.json: routine 'cards': motion: motion 'bad' was left "
                           "out because of its own errors (see motions.json)");
    assert_line(&tmp->cap, "routines/30-step.json: routine 'step': steps[1].motion: motion 'bad' "
                           "was left out because of its own errors (see motions.json)");
    assert_lines(&tmp->cap, 4);
    assert_int_equal(content->catalog.routine_count, 1);
    assert_string_equal(routines_in(content, "en")[0].id, "ok");
    uk_content_free(content);
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
        uk_content *content = load_tmp(tmp);
        assert_line(&tmp->cap, cases[i].line);
        /* With no motions the routine's step has nothing to show, so it is left out too. */
        assert_line(&tmp->cap,
                    "routines/05-ok.json: routine 'ok': steps[0].motion: no motion 'tilt' in "
                    "motions.json");
        assert_lines(&tmp->cap, 2);
        assert_int_equal(content->catalog.motion_count, 0);
        assert_int_equal(content->catalog.routine_count, 0);
        uk_content_free(content);
    }

    write_file(tmp->dir, "motions.json",
               MOTIONS("{\"id\": \"extra\", \"view\": \"side\", "
                       "\"keys\": [" KEY("") "]}") " x");
    uk_content *content = load_tmp(tmp);
    assert_text(&tmp->cap, "motions.json: line 1: not valid JSON near 'x'");
    uk_content_free(content);

    remove_file(tmp->dir, "motions.json");
    content = load_tmp(tmp);
    char line[256];
    snprintf(line, sizeof line, "motions.json: cannot open: %s", strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 2);
    uk_content_free(content);
}

/* ---- the kiosk's own sentences --------------------------------------------------------------- */

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
        const char *key, *line, *report, *shown; /* shown: what the kiosk shows for key */
    } cases[] = {
        {"doctor.back", "", "lang/en.json: doctor.back: missing", "doctor.back"},
        {"home.minutes", "    \"home.minutes\": \"%s min\",\n",
         "lang/en.json: home.minutes: must contain %d once (found \"%s min\")", "home.minutes"},
        {"home.more", "    \"home.more\": \"%d more\",\n",
         "lang/en.json: home.more: must contain %d twice (found \"%d more\")", "home.more"},
        {"done.summary", "    \"done.summary\": \"%d min: %s\",\n",
         "lang/en.json: done.summary: must contain %s and then %d (found \"%d min: %s\")",
         "done.summary"},
        {"home.title", "    \"home.title\": \"100%\",\n",
         "lang/en.json: home.title: must not contain %d or %s (write %% for a percent sign) "
         "(found \"100%\")",
         "home.title"},
        {"home.disclaimer", "    \"home.disclaimer\": [\"Pick\"],\n",
         "lang/en.json: home.disclaimer: must be text in quotes (found a list [ ... ])",
         "home.disclaimer"},
        {"home.disclaimer", "    \"home.disclaimer\": \" \",\n",
         "lang/en.json: home.disclaimer: must not be empty (found \" \")", "home.disclaimer"},
        {"home.disclaimer", "    \"home.disclaimer\": \"Pick\", \"home.disclaimer\": \"Choose\",\n",
         "lang/en.json: home.disclaimer: given more than once (keep one)", "Pick"},
        {"home.disclaimer", "    \"home.disclaimr\": \"Pick\",\n",
         "lang/en.json: home.disclaimr: unknown key (did you mean \"home.disclaimer\"?)",
         "home.disclaimer"},
        {"home.disclaimer", "    \"home.disclaimer\": \"Pick\", \"greeting\": \"Hi\",\n",
         "lang/en.json: greeting: unknown key (en.json lists every key)", "Pick"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case: %s\n", cases[i].report);
        write_english_with(tmp, cases[i].key, cases[i].line);
        uk_content *content = load_tmp(tmp);
        assert_line(&tmp->cap, cases[i].report);
        /* A misspelt key is also a missing one. */
        assert_lines(&tmp->cap, strstr(cases[i].line, "disclaimr") != NULL ? 2 : 1);
        /* Whatever was wrong shows its key, never a bad format string; routines still load. */
        const uk_strings *english = strings_in(content, "en");
        uk_string_id id = (uk_string_id)uk_strings_find(cases[i].key);
        assert_string_equal(uk_str(english, id), cases[i].shown);
        assert_int_equal(content->catalog.routine_count, 1);
        assert_int_equal(content->catalog.lang_count, 2);
        uk_content_free(content);
    }
}

static void test_language_fallback(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "lang/es.json",
               "{\"home.title\": \"Alivia un nudo\", \"player.step_of\": \"Paso %s\", "
               "\"done.summary\": \"Terminaste %s en %d min.\"}");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/es.json: player.step_of: must contain %d twice, like the "
                           "English text (found \"Paso %s\")");
    assert_line(&tmp->cap, "lang/es.json: doctor.back: missing (the English text is shown)");
    assert_lines(&tmp->cap, 1 + UK_STR_COUNT - 3);
    const uk_strings *strings = strings_in(content, "es");
    assert_string_equal(strings->lang, "es");
    assert_string_equal(uk_str(strings, UK_STR_HOME_TITLE), "Alivia un nudo");
    assert_string_equal(uk_str(strings, UK_STR_DONE_SUMMARY), "Terminaste %s en %d min.");
    assert_string_equal(uk_str(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
    assert_string_equal(uk_str(strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(strings, (uk_string_id)i));
    /* Sentences missing is no reason to leave the language or its routines out. */
    assert_int_equal(content->catalog.lang_count, 2);
    assert_string_equal(routines_in(content, "es")[0].title, "Vale");
    uk_content_free(content);
}

static void test_missing_english(void **state)
{
    tmp_content *tmp = *state;
    remove_file(tmp->dir, "lang/en.json");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang: no en.json here: English is the base every language falls "
                           "back on");
    assert_lines(&tmp->cap, 1);
    /* Keys show where text is missing: a gap, not a crash. */
    const uk_catalog *catalog = &content->catalog;
    assert_int_equal(catalog->lang_count, 2);
    assert_string_equal(catalog->langs[0].code, "en");
    assert_string_equal(uk_str(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
    assert_string_equal(uk_str(strings_in(content, "es"), UK_STR_HOME_TITLE), "ES home.title");
    assert_int_equal(catalog->routine_count, 1);
    uk_content_free(content);

    /* A broken en.json: English stays the base, as keys. */
    write_file(tmp->dir, "lang/en.json", "{\"home.title\": }");
    content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/en.json: line 1: not valid JSON near '}' (look for a missing "
                           "comma, quote or bracket here or just before)");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(content->catalog.lang_count, 2);
    assert_string_equal(uk_str(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
    assert_int_equal(content->catalog.routine_count, 1);
    uk_content_free(content);
}

static void test_missing_language_folder(void **state)
{
    tmp_content *tmp = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/lang", tmp->dir);
    scratch_remove_tree(path);
    uk_content *content = load_tmp(tmp);
    char line[256];
    snprintf(line, sizeof line,
             "lang: cannot open the languages folder: %s (it should hold en.json)",
             strerror(ENOENT));
    assert_string_equal(tmp->cap.lines[0], line);
    /* English is still there, as keys; the routine's Spanish has no language to go to. */
    assert_line(&tmp->cap, "routines/05-ok.json: routine 'ok': title.es: no language \"es\" here "
                           "(languages: en; a new one needs lang/es.json first)");
    assert_int_equal(content->catalog.lang_count, 1);
    assert_string_equal(uk_str(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
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
    assert_string_equal(summary, "4 routines, 4 motions, 2 languages (en, es)");
    /* Without a reporter or a summary it still counts. */
    assert_int_equal(uk_content_check(GOOD_DIR, NULL, NULL, NULL, 0), 0);
    assert_int_equal(uk_content_check(MIXED_DIR, NULL, NULL, NULL, 0), MIXED_LINE_COUNT);
    /* A summary buffer too small is cut, never overrun. */
    char small[12];
    assert_int_equal(uk_content_check(GOOD_DIR, NULL, NULL, small, sizeof small), 0);
    assert_string_equal(small, "4 routines,");
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
    assert_lines(&tmp->cap, 1);
    assert_string_equal(summary, "0 routines, 0 motions, 1 language (en)");

    /* uk_content_load says the same, and still gives a usable, empty content in English. */
    capture_reset(&tmp->cap, tmp->dir);
    uk_content *content = uk_content_load(missing, on_report, &tmp->cap);
    assert_non_null(content);
    assert_lines(&tmp->cap, 1);
    assert_line(&tmp->cap, line);
    assert_int_equal(content->catalog.routine_count, 0);
    assert_int_equal(content->catalog.lang_count, 1);
    assert_string_equal(content->catalog.langs[0].code, "en");
    assert_non_null(content->catalog.langs[0].strings);
    assert_int_equal(content->error_count, 1);
    uk_content_free(content);

    /* A file where the folder should be. */
    capture_reset(&tmp->cap, tmp->dir);
    snprintf(missing, sizeof missing, "%s/motions.json", tmp->dir);
    assert_int_equal(uk_content_check(missing, on_report, &tmp->cap, NULL, 0), 1);
    assert_line(&tmp->cap, "motions.json: not a folder (the content folder should hold routines/, "
                           "motions.json and lang/)");

    snprintf(missing, sizeof missing, "%s/routines", tmp->dir);
    scratch_remove_tree(missing);
    capture_reset(&tmp->cap, tmp->dir);
    assert_int_equal(uk_content_check(tmp->dir, on_report, &tmp->cap, summary, sizeof summary), 1);
    snprintf(line, sizeof line,
             "routines: cannot open the routines folder: %s (it should hold one .json file per "
             "routine)",
             strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_string_equal(summary, "0 routines, 4 motions, 2 languages (en, es)");

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
    /* Each language's missing sentences, French's typo, and the routine's 7 texts without
     * French. */
    assert_int_equal(problems, 2 * (UK_STR_COUNT - 1) + 1 + 7);
    assert_int_equal(problems, tmp->cap.count);
    assert_line(&tmp->cap, "lang/es.json: doctor.back: missing (the English text is shown)");
    assert_line(&tmp->cap, "lang/fr.json: doctor.back: missing (the English text is shown)");
    assert_line(&tmp->cap, "lang/fr.json: home.titel: unknown key (did you mean \"home.title\"?)");
    assert_line(&tmp->cap, "routines/05-ok.json: routine 'ok': steps[0].safety: missing the "
                           "\"fr\" text (the \"en\" one is shown instead)");
    assert_string_equal(summary, "1 routine, 4 motions, 3 languages (en, es, fr)");
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
        cmocka_unit_test_setup_teardown(test_routines_at_the_limits, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_step_count, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_duplicate_routine_id, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_in_file_name_order, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_unreadable_routine_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_translation_falls_back, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_broken_language_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_language_file_names, setup_tmp, teardown_tmp),
        cmocka_unit_test(test_mixed_fixture),
        cmocka_unit_test(test_mixed_check),
        cmocka_unit_test_setup_teardown(test_broken_motions, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_using_a_broken_motion, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_broken_motions_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_english_errors, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_language_fallback, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_english, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_language_folder, setup_tmp, teardown_tmp),
        cmocka_unit_test(test_check_good),
        cmocka_unit_test_setup_teardown(test_check_missing_folders, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_check_reads_every_language, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
