/*
 * test_content_check.c: many problems at once, and uk_content_check, the
 * `unknot --check-content` command.
 *
 * The "mixed" fixture in tests/fixtures/data/content breaks in many ways at
 * once, beside one routine that must still load and one that loads with a
 * text missing in Spanish: every problem is one line, in the order found
 * (languages, motions, then routines by file name), and the count is what
 * --check-content turns into its exit code. The check also has to say what
 * it checked, in a summary cut short rather than overrun, and to name a
 * content folder that is missing or is not a folder.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fixtures/content_fixtures.h"

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
    assert_int_equal(uk_content_problems(content), MIXED_LINE_COUNT);

    /* The good routine, and the one with a text missing in Spanish. */
    const uk_catalog *catalog = uk_content_catalog(content);
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
    assert_string_equal(uk_strings_get(strings, UK_STR_HOME_TITLE), "ES home.title");
    assert_string_equal(uk_strings_get(strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    assert_string_equal(uk_strings_get(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
    assert_string_equal(uk_strings_get(strings, UK_STR_HOME_MINUTES), "EN home.minutes %d");
    /* English itself is untouched. */
    assert_string_equal(uk_strings_get(strings_in(content, "en"), UK_STR_HOME_TITLE),
                        "EN home.title");
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
    assert_int_equal(uk_content_catalog(content)->routine_count, 0);
    assert_int_equal(uk_content_catalog(content)->lang_count, 1);
    assert_string_equal(uk_content_catalog(content)->langs[0].code, "en");
    assert_non_null(uk_content_catalog(content)->langs[0].strings);
    assert_int_equal(uk_content_problems(content), 1);
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
        cmocka_unit_test(test_mixed_fixture),
        cmocka_unit_test(test_mixed_check),
        cmocka_unit_test(test_check_good),
        cmocka_unit_test_setup_teardown(test_check_missing_folders, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_check_reads_every_language, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
