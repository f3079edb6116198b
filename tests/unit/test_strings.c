/*
 * test_strings.c: a translation can reword a sentence but never make printf
 * read an argument that is not there.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/model/strings.h"

static void signatures_must_match(void **state)
{
    (void)state;
    static uk_strings strings;
    uk_strings_init(&strings, "es");
    assert_int_equal(uk_strings_set(&strings, UK_STR_PLAYER_STEP_OF, "Paso %d de %d"), 0);
    assert_string_equal(uk_strings_get(&strings, UK_STR_PLAYER_STEP_OF), "Paso %d de %d");

    /* Wrong conversion, too few, too many, widths and positions: all refused. */
    const char *bad[] = {
        "Paso %s de %d", "Paso %d", "Paso %d de %d %d", "Paso %5d de %d", "Paso %2$d de %1$d",
        "Paso %n",       "%"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errno = 0;
        assert_int_equal(uk_strings_set(&strings, UK_STR_PLAYER_STEP_OF, bad[i]), -1);
        assert_int_equal(errno, EINVAL);
    }
    /* A refused text leaves the good one in place. */
    assert_string_equal(uk_strings_get(&strings, UK_STR_PLAYER_STEP_OF), "Paso %d de %d");

    /* A literal percent sign is fine anywhere. */
    assert_int_equal(uk_strings_set(&strings, UK_STR_HOME_TITLE, "100%% gentle"), 0);
}

/* Language codes: lower case, as the usage log stores them; a region after a hyphen. */
static void language_codes(void **state)
{
    (void)state;
    const char *good[] = {"en", "es", "fil", "pt-br", "zh-tw", "yue-hkg"};
    const char *bad[] = {"",    "e",   "english", "pt-BR",     "EN",  "pt_br", "es-419",
                         "pt-", "-pt", "pt-b",    "pt-brazil", "e s", "en\n"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true(uk_strings_lang_valid(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(uk_strings_lang_valid(bad[i]));
}

static void missing_text_shows_its_key(void **state)
{
    (void)state;
    static uk_strings strings;
    uk_strings_init(&strings, "en");
    assert_false(uk_strings_has(&strings, UK_STR_DONE_TITLE));
    assert_string_equal(uk_strings_get(&strings, UK_STR_DONE_TITLE), "done.title");
    assert_int_equal(uk_strings_find("done.title"), UK_STR_DONE_TITLE);
    assert_int_equal(uk_strings_find("done.titel"), -1);
}

static void arena_full_is_an_error(void **state)
{
    (void)state;
    static uk_strings strings;
    static char long_text[UK_STRINGS_ARENA * 2 / 3];
    memset(long_text, 'a', sizeof long_text - 1);
    uk_strings_init(&strings, "en");
    assert_int_equal(uk_strings_set(&strings, UK_STR_HOME_TITLE, long_text), 0);
    errno = 0;
    assert_int_equal(uk_strings_set(&strings, UK_STR_HOME_DISCLAIMER, long_text), -1);
    assert_int_equal(errno, ENOSPC);
    assert_string_equal(uk_strings_get(&strings, UK_STR_HOME_TITLE), long_text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signatures_must_match),
        cmocka_unit_test(language_codes),
        cmocka_unit_test(missing_text_shows_its_key),
        cmocka_unit_test(arena_full_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
