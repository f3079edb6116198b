/*
 * test_content.c: the content loader as a whole, on complete folders.
 *
 * Two kinds of content are read here: the "good" fixture in
 * tests/fixtures/data/content (loads without a single problem, in two
 * languages, with a routine of every type), read back field by field in
 * English and Spanish; and the real assets/ folder the kiosk ships with,
 * checked by its properties, not by a list of its routines, so adding a
 * routine needs no change here. One mistake at a time is the business of
 * test_content_routines, test_content_motions and test_content_languages;
 * many at once, and uk_content_check, of test_content_check.
 *
 * The suite runs under ASan with leak detection, so every load is freed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "tests/fixtures/content_fixtures.h"

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

/* ---- the good fixture ------------------------------------------------------------------------ */

static void test_good_fixture_loads(void **state)
{
    (void)state;
    capture cap;
    capture_reset(&cap, GOOD_DIR);
    uk_content *content = uk_content_load(GOOD_DIR, on_report, &cap);
    assert_non_null(content);
    assert_lines(&cap, 0);
    assert_int_equal(uk_content_problems(content), 0);

    const uk_catalog *catalog = uk_content_catalog(content);
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
    assert_int_equal(tilt->view, UK_MOTION_VIEW_FRONT);
    assert_int_equal(tilt->prop, UK_MOTION_PROP_NONE);
    assert_int_equal(tilt->key_count, 1);
    assert_int_equal(tilt->loop_from, 0);
    assert_int_equal(tilt->keys[0].ms, 800);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_NECK] == -25.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_HEAD] == -10.0f);
    assert_true(tilt->keys[0].pose.v[UK_JOINT_TORSO] == 0.0f); /* omitted joints are 0 */
    const uk_motion *step_up = &catalog->motions[1];
    assert_string_equal(step_up->id, "step-up");
    assert_int_equal(step_up->view, UK_MOTION_VIEW_SIDE);
    assert_int_equal(step_up->prop, UK_MOTION_PROP_STEP);
    assert_int_equal(step_up->key_count, 3);
    assert_int_equal(step_up->loop_from, 1);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_TORSO] == 25.5f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_Y] == 0.05f);
    assert_true(step_up->keys[2].pose.v[UK_JOINT_SHRUG] == -0.5f);
    assert_int_equal(catalog->motions[2].keys[0].ms, 0);
    assert_ptr_equal(uk_motion_find(catalog->motions, catalog->motion_count, "breathe"),
                     &catalog->motions[2]);
    assert_int_equal(catalog->motions[3].prop, UK_MOTION_PROP_ROLLER);
    /* A routine's figure is the motion's own id, which lives as long as the content. */
    assert_ptr_equal(beta->motion, catalog->motions[3].id);

    const uk_strings *strings = strings_in(content, "en");
    assert_string_equal(strings->lang, "en");
    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(strings, (uk_string_id)i));
    assert_string_equal(uk_strings_get(strings, UK_STR_LANG_NAME), "English");
    assert_string_equal(uk_strings_get(strings, UK_STR_HOME_TITLE), "EN home.title");
    assert_string_equal(uk_strings_get(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
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
    assert_string_equal(uk_strings_get(strings, UK_STR_LANG_NAME), "Español");
    assert_string_equal(uk_strings_get(strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_strings_get(strings, UK_STR_DONE_SUMMARY), "ES done.summary %s %d");

    /* The same routines in the same order, with Spanish words and the same ids and timings. */
    const uk_routine *en = routines_in(content, "en");
    const uk_routine *es = routines_in(content, "es");
    assert_ptr_not_equal(en, es);
    for (size_t i = 0; i < uk_content_catalog(content)->routine_count; i++) {
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
    assert_true(uk_content_problems(content) > 0);
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
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
    const uk_catalog *catalog = uk_content_catalog(content);
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

    const uk_catalog *catalog = uk_content_catalog(content);
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
            assert_string_not_equal(uk_strings_get(lang->strings, UK_STR_LANG_NAME),
                                    uk_strings_get(catalog->langs[0].strings, UK_STR_LANG_NAME));
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
    const uk_catalog *catalog = uk_content_catalog(content);
    int len = snprintf(expected, sizeof expected, "%zu routines, %zu motions, %zu languages (en, ",
                       catalog->routine_count, catalog->motion_count, catalog->lang_count);
    assert_memory_equal(summary, expected, (size_t)len);
    uk_content_free(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture_loads),  cmocka_unit_test(test_good_fixture_in_spanish),
        cmocka_unit_test(test_free_accepts_null),   cmocka_unit_test(test_load_without_reporter),
        cmocka_unit_test(test_assets_load_cleanly), cmocka_unit_test(test_assets_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
