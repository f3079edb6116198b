/*
 * test_content_languages.c: the languages: the kiosk's own sentences in
 * lang/ *.json, and the words of every routine in every language.
 *
 * A text missing in one language is reported and shows in English there;
 * a sentence that is wrong or missing falls back to English; a language
 * file that cannot be used is left out, and its words in the routine files
 * are still checked; English itself always stays the base, as keys when
 * its file is missing or broken. Every case runs in a scratch content
 * folder beside a valid routine ("ok").
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tests/fixtures/content_fixtures.h"

/* ---- texts in every language ----------------------------------------------------------------- */

static const routine_case text_cases[] = {
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
};

static void test_broken_texts(void **state)
{
    assert_routine_cases(*state, text_cases, sizeof text_cases / sizeof text_cases[0]);
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
    assert_int_equal(uk_content_problems(content), 2); /* reported, so --check-content fails */

    /* The routine loads, with English where the Spanish is missing. */
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
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
    assert_int_equal(uk_content_catalog(content)->lang_count, 2);
    assert_int_equal(uk_catalog_find_lang(uk_content_catalog(content), "fr"), -1);
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
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
    assert_int_equal(uk_content_catalog(content)->routine_count, 1);
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
    assert_int_equal(uk_content_catalog(content)->lang_count, 2);
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
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
    assert_int_equal(uk_content_catalog(content)->lang_count, 2);
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
    const uk_catalog *catalog = uk_content_catalog(content);
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
        assert_string_equal(uk_strings_get(english, id), cases[i].shown);
        assert_int_equal(uk_content_catalog(content)->routine_count, 1);
        assert_int_equal(uk_content_catalog(content)->lang_count, 2);
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
    assert_string_equal(uk_strings_get(strings, UK_STR_HOME_TITLE), "Alivia un nudo");
    assert_string_equal(uk_strings_get(strings, UK_STR_DONE_SUMMARY), "Terminaste %s en %d min.");
    assert_string_equal(uk_strings_get(strings, UK_STR_PLAYER_STEP_OF), "EN player.step_of %d %d");
    assert_string_equal(uk_strings_get(strings, UK_STR_DOCTOR_BACK), "EN doctor.back");
    for (int i = 0; i < UK_STR_COUNT; i++)
        assert_true(uk_strings_has(strings, (uk_string_id)i));
    /* Sentences missing is no reason to leave the language or its routines out. */
    assert_int_equal(uk_content_catalog(content)->lang_count, 2);
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
    const uk_catalog *catalog = uk_content_catalog(content);
    assert_int_equal(catalog->lang_count, 2);
    assert_string_equal(catalog->langs[0].code, "en");
    assert_string_equal(uk_strings_get(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
    assert_string_equal(uk_strings_get(strings_in(content, "es"), UK_STR_HOME_TITLE),
                        "ES home.title");
    assert_int_equal(catalog->routine_count, 1);
    uk_content_free(content);

    /* A broken en.json: English stays the base, as keys. */
    write_file(tmp->dir, "lang/en.json", "{\"home.title\": }");
    content = load_tmp(tmp);
    assert_line(&tmp->cap, "lang/en.json: line 1: not valid JSON near '}' (look for a missing "
                           "comma, quote or bracket here or just before)");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(uk_content_catalog(content)->lang_count, 2);
    assert_string_equal(uk_strings_get(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
    assert_int_equal(uk_content_catalog(content)->routine_count, 1);
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
    assert_int_equal(uk_content_catalog(content)->lang_count, 1);
    assert_string_equal(uk_strings_get(strings_in(content, "en"), UK_STR_HOME_TITLE), "home.title");
    uk_content_free(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_broken_texts, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_translation_falls_back, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_broken_language_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_language_file_names, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_english_errors, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_language_fallback, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_english, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_missing_language_folder, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
