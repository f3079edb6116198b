/*
 * test_script.c: reading scripted runs (platform/content/script.c) from
 * real files in a scratch folder.
 *
 * A script with a mistake must stop before anything runs, with a message
 * that names the file and the line the writer has to fix; so every kind of
 * bad line is written after a few lines of comments, blanks and a good
 * command, and the whole message is compared, file and line included. Good
 * scripts are read back command by command. The messages are the words a
 * person writing a test or a gallery script sees, so they are spelled out
 * here rather than taken from the code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/core/app.h"
#include "platform/content/script.h"
#include "tests/fixtures/scratch.h"

#define WAIT_WORDS "wait takes one number of seconds, from 0 to 86400"
#define PRESS_WORDS                                                                                \
    "press takes an action (up, down, select, back, help) and optionally touch, "                  \
    "button or keyboard"
#define KIND_WORDS   "the input kind must be touch, button or keyboard"
#define BUTTON_WORDS "button takes an action (up, down, select, back, help) and down or up"
#define TAP_WORDS    "tap takes x and y as fractions of the frame, from 0 to 1"
#define SHOT_WORDS   "shot takes one file name (no spaces)"
#define KEY_WORDS    "key takes one key with optional modifiers, e.g. escape, alt+f4, ctrl+q"
#define EVENT_WORDS  "event takes 'quit' (the window manager's close request)"
#define HOURS_WORDS  "hours takes open or closed"
#define STALL_WORDS  "stall takes one number of seconds, from 0 to 60"
#define VERB_WORDS                                                                                 \
    "unknown command (known: wait, press, button, tap, shot, expect, key, event, hours, stall)"

/* Three lines before every bad one: a comment, a blank line and a good command (CRLF). */
#define PREAMBLE  "# a scripted run\n\nwait 1\r\n"
#define BAD_LINE  4
#define LONG_LINE "the line is longer than 1022 bytes"

typedef struct fixture {
    char dir[256];
    char path[320];     /* run.txt in dir */
    char error[512];    /* what uk_script_load wrote */
    char expected[640]; /* what it should have written */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL || scratch_make(f->dir, sizeof f->dir, "script") != 0) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/run.txt", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scratch_remove_tree(f->dir);
    free(f);
    return 0;
}

static void write_script(const fixture *f, const char *text)
{
    FILE *file = fopen(f->path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
    assert_int_equal(fclose(file), 0);
}

/* Writes `text` to run.txt and reads it back; the error buffer is cleared first. */
static uk_script *load(fixture *f, const char *text)
{
    write_script(f, text);
    memset(f->error, 0, sizeof f->error);
    return uk_script_load(f->path, f->error, sizeof f->error);
}

/* `text` must fail at `line` with "run.txt:<line>: <words>", and errno EINVAL. */
static void assert_bad(fixture *f, const char *text, int line, const char *words)
{
    errno = 0;
    uk_script *script = load(f, text);
    if (script != NULL) {
        uk_script_free(script);
        fail_msg("read without a problem: [%s]", text);
    }
    assert_int_equal(errno, EINVAL);
    snprintf(f->expected, sizeof f->expected, "%s:%d: %s", f->path, line, words);
    assert_string_equal(f->error, f->expected);
}

/* The names `expect screen` takes, as its messages list them: "home, player, ..., asleep)". */
static const char *screen_list(char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < UK_SCREEN_COUNT; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s, ", uk_screen_name((uk_screen)i));
    snprintf(buf + len, size - len, "asleep)");
    return buf;
}

/* ---- bad lines --------------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *line;
    const char *words;
} bad_lines[] = {
    {"an unknown verb", "jump 3", VERB_WORDS},
    {"a verb in capitals", "WAIT 1", VERB_WORDS},
    {"wait without a number", "wait", WAIT_WORDS},
    {"wait with a word", "wait soon", WAIT_WORDS},
    {"wait with a unit", "wait 1.5s", WAIT_WORDS},
    {"wait below 0", "wait -1", WAIT_WORDS},
    {"wait past a day", "wait 86401", WAIT_WORDS},
    {"wait for not a number", "wait nan", WAIT_WORDS},
    {"wait with two numbers", "wait 1 2", WAIT_WORDS},
    {"press without an action", "press", PRESS_WORDS},
    {"press with an unknown action", "press jump", PRESS_WORDS},
    {"press with no action", "press none", PRESS_WORDS},
    {"press with an unknown input kind", "press select mouse", KIND_WORDS},
    {"press with too many words", "press select touch now", PRESS_WORDS},
    {"button without down or up", "button back", BUTTON_WORDS},
    {"button with an unknown edge", "button back pressed", BUTTON_WORDS},
    {"button with an unknown action", "button jump down", BUTTON_WORDS},
    {"button with too many words", "button back down now", BUTTON_WORDS},
    {"tap without coordinates", "tap", TAP_WORDS},
    {"tap without y", "tap 0.5", TAP_WORDS},
    {"tap right of the frame", "tap 1.5 0.5", TAP_WORDS},
    {"tap above the frame", "tap 0.5 -0.1", TAP_WORDS},
    {"tap in pixels", "tap 400 240", TAP_WORDS},
    {"tap in words", "tap left top", TAP_WORDS},
    {"tap with a third number", "tap 0.5 0.5 0.5", TAP_WORDS},
    {"shot without a name", "shot", SHOT_WORDS},
    {"shot with a space in the name", "shot home page.png", SHOT_WORDS},
    {"key without a key", "key", KEY_WORDS},
    {"key SDL does not know", "key notakey", KEY_WORDS},
    {"key with an unknown modifier", "key hyper+q", KEY_WORDS},
    {"key and modifier apart", "key alt f4", KEY_WORDS},
    {"event without a name", "event", EVENT_WORDS},
    {"event other than quit", "event close", EVENT_WORDS},
    {"event with too many words", "event quit now", EVENT_WORDS},
    {"hours without open or closed", "hours", HOURS_WORDS},
    {"hours neither open nor closed", "hours maybe", HOURS_WORDS},
    {"hours with too many words", "hours open now", HOURS_WORDS},
    {"stall without a number", "stall", STALL_WORDS},
    {"stall past a minute", "stall 61", STALL_WORDS},
    {"stall below 0", "stall -1", STALL_WORDS},
};

static void test_bad_lines(void **state)
{
    fixture *f = *state;
    char text[256];
    for (size_t i = 0; i < sizeof bad_lines / sizeof bad_lines[0]; i++) {
        print_message("case: %s\n", bad_lines[i].name);
        /* A good line after the bad one: reading stops at the first mistake. */
        snprintf(text, sizeof text, PREAMBLE "%s\nwait 2\n", bad_lines[i].line);
        assert_bad(f, text, BAD_LINE, bad_lines[i].words);
    }
}

static void test_bad_screen_names(void **state)
{
    fixture *f = *state;
    char names[256];
    char words[320];
    static const char *const takes_a_screen[] = {"expect", "expect title home", "expect screen",
                                                 "expect screen home player"};
    screen_list(names, sizeof names);
    assert_non_null(strstr(names, "home, player, "));
    snprintf(words, sizeof words, "expect takes 'screen' and a screen name (%s", names);
    for (size_t i = 0; i < sizeof takes_a_screen / sizeof takes_a_screen[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, PREAMBLE "%s\n", takes_a_screen[i]);
        assert_bad(f, text, BAD_LINE, words);
    }
    /* A name the kiosk does not have, or in the wrong case, is a mistake in the script. */
    snprintf(words, sizeof words, "no screen is called 'playr' (screens: %s", names);
    assert_bad(f, PREAMBLE "expect screen playr\n", BAD_LINE, words);
    snprintf(words, sizeof words, "no screen is called 'HOME' (screens: %s", names);
    assert_bad(f, PREAMBLE "expect screen HOME\n", BAD_LINE, words);
}

static void test_shot_name_too_long(void **state)
{
    fixture *f = *state;
    char text[512];
    char name[UK_SCRIPT_ARG_MAX + 1];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    snprintf(text, sizeof text, PREAMBLE "shot %s\n", name);
    assert_bad(f, text, BAD_LINE, SHOT_WORDS);

    /* One byte shorter fits. */
    name[UK_SCRIPT_ARG_MAX - 1] = '\0';
    snprintf(text, sizeof text, "shot %s\n", name);
    uk_script *script = load(f, text);
    assert_non_null(script);
    assert_string_equal(uk_script_command_at(script, 0)->arg, name);
    uk_script_free(script);
}

/* Comments, blank lines, CRLF and trailing comments take their lines: the count stays right. */
static void test_line_numbers(void **state)
{
    fixture *f = *state;
    static const char good[] = "# scripted run\n"    /* 1 */
                               "\n"                  /* 2 */
                               "wait 1\r\n"          /* 3 */
                               "   \t \n"            /* 4 */
                               "press select # go\n" /* 5 */
                               "\t tap 0.5 0.5\n"    /* 6 */
                               "#\n";                /* 7 */
    uk_script *script = load(f, good);
    assert_non_null(script);
    assert_int_equal(uk_script_count(script), 3);
    assert_int_equal(uk_script_command_at(script, 0)->line, 3);
    assert_int_equal(uk_script_command_at(script, 1)->line, 5);
    assert_int_equal(uk_script_command_at(script, 2)->line, 6);
    uk_script_free(script);

    char text[256];
    snprintf(text, sizeof text, "%sbogus\n", good);
    assert_bad(f, text, 8, VERB_WORDS);
    /* The first mistake is the one reported. */
    assert_bad(f, "wait 1\nwait x\npress jump\n", 2, WAIT_WORDS);
    /* The last line counts without its newline. */
    assert_bad(f, "wait 1\nhours shut", 2, HOURS_WORDS);
}

static void test_long_lines(void **state)
{
    fixture *f = *state;
    static char text[4096];
    char line[1600];

    /* 1022 bytes and the newline fit in one read. */
    snprintf(line, sizeof line, "wait 1%1016s", "");
    assert_int_equal(strlen(line), 1022);
    snprintf(text, sizeof text, "%s\nwait 2\nbogus\n", line);
    assert_bad(f, text, 3, VERB_WORDS);
    snprintf(text, sizeof text, "%s\nwait 2\n", line);
    uk_script *script = load(f, text);
    assert_non_null(script);
    assert_int_equal(uk_script_count(script), 2);
    assert_int_equal(uk_script_command_at(script, 0)->wait_ms, 1000);
    assert_int_equal(uk_script_command_at(script, 1)->line, 2);
    uk_script_free(script);

    /* One more byte is a line too long, reported at its own line, not read as two. */
    snprintf(text, sizeof text, "wait 1\n%s \nwait 2\n", line);
    assert_bad(f, text, 2, LONG_LINE);
    /* A long comment is no exception: its tail would read as a command. */
    memset(line, 'x', 1500);
    line[0] = '#';
    line[1500] = '\0';
    snprintf(text, sizeof text, "wait 1\n%s\nwait 2\n", line);
    assert_bad(f, text, 2, LONG_LINE);
}

/* ---- files that cannot be read ----------------------------------------------------------- */

static void test_missing_file(void **state)
{
    fixture *f = *state;
    char missing[400];
    snprintf(missing, sizeof missing, "%s/none.txt", f->dir);
    errno = 0;
    assert_null(uk_script_load(missing, f->error, sizeof f->error));
    assert_int_equal(errno, ENOENT);
    snprintf(f->expected, sizeof f->expected, "cannot open script %s: %s", missing,
             strerror(ENOENT));
    assert_string_equal(f->error, f->expected);
}

static void test_folder_for_a_file(void **state)
{
    fixture *f = *state;
    char folder[400];
    snprintf(folder, sizeof folder, "%s/scripts", f->dir);
    assert_int_equal(mkdir(folder, 0700), 0);
    errno = 0;
    assert_null(uk_script_load(folder, f->error, sizeof f->error));
    assert_int_equal(errno, EISDIR);
    snprintf(f->expected, sizeof f->expected, "cannot read script %s: %s", folder,
             strerror(EISDIR));
    assert_string_equal(f->error, f->expected);
}

/* The error buffer is the caller's choice: none at all, or one too small for the sentence. */
static void test_error_buffer(void **state)
{
    fixture *f = *state;
    write_script(f, "wait 1\npress jump\n");
    errno = 0;
    assert_null(uk_script_load(f->path, NULL, 0));
    assert_int_equal(errno, EINVAL);
    errno = 0;
    assert_null(uk_script_load(f->path, NULL, 64));
    assert_int_equal(errno, EINVAL);

    char small[16];
    memset(small, '#', sizeof small);
    assert_null(uk_script_load(f->path, small, sizeof small));
    assert_int_equal(strlen(small), sizeof small - 1);
    assert_memory_equal(small, f->path, sizeof small - 1);
}

/* ---- good scripts ------------------------------------------------------------------------ */

static void test_every_command(void **state)
{
    fixture *f = *state;
    uk_script *script = load(f, "wait 12.5\n"            /* 0 */
                                "wait 0.016\n"           /* 1 */
                                "press select\n"         /* 2 */
                                "press down button\n"    /* 3 */
                                "press help TOUCH\n"     /* 4 */
                                "button back down\n"     /* 5 */
                                "button back up\n"       /* 6 */
                                "tap 0.25 0.9\n"         /* 7 */
                                "tap 0 1\n"              /* 8 */
                                "shot home.png\n"        /* 9 */
                                "expect screen player\n" /* 10 */
                                "expect screen asleep\n" /* 11 */
                                "key escape\n"           /* 12 */
                                "key alt+f4\n"           /* 13 */
                                "key ctrl+shift+q\n"     /* 14 */
                                "event quit\n"           /* 15 */
                                "hours closed\n"         /* 16 */
                                "hours open\n"           /* 17 */
                                "stall 1.5\n"            /* 18 */
                                "wait 86400\n"           /* 19 */
                                "wait 0");               /* 20: no newline at the end */
    assert_non_null(script);
    assert_string_equal(uk_script_path(script), f->path);
    assert_int_equal(uk_script_count(script), 21);
    const uk_script_command *c = uk_script_command_at(script, 0); /* one array, in order */
    for (size_t i = 0; i < uk_script_count(script); i++)
        assert_int_equal(c[i].line, (int)i + 1);

    assert_int_equal(c[0].verb, UK_SCRIPT_WAIT);
    assert_int_equal(c[0].wait_ms, 12500);
    assert_int_equal(c[1].wait_ms, 16);

    assert_int_equal(c[2].verb, UK_SCRIPT_PRESS);
    assert_int_equal(c[2].action, UK_ACTION_SELECT);
    assert_int_equal(c[2].kind, UK_INPUT_KEYBOARD); /* the default */
    assert_int_equal(c[3].action, UK_ACTION_DOWN);
    assert_int_equal(c[3].kind, UK_INPUT_BUTTON);
    assert_int_equal(c[4].action, UK_ACTION_HELP);
    assert_int_equal(c[4].kind, UK_INPUT_TOUCH);

    assert_int_equal(c[5].verb, UK_SCRIPT_BUTTON);
    assert_int_equal(c[5].action, UK_ACTION_BACK);
    assert_true(c[5].pressed);
    assert_int_equal(c[6].verb, UK_SCRIPT_BUTTON);
    assert_false(c[6].pressed);

    assert_int_equal(c[7].verb, UK_SCRIPT_TAP);
    assert_int_equal(c[7].kind, UK_INPUT_TOUCH);
    assert_true(c[7].x == 0.25f);
    assert_true(c[7].y == 0.9f);
    assert_true(c[8].x == 0.0f);
    assert_true(c[8].y == 1.0f);

    assert_int_equal(c[9].verb, UK_SCRIPT_SHOT);
    assert_string_equal(c[9].arg, "home.png");
    assert_int_equal(c[10].verb, UK_SCRIPT_EXPECT_SCREEN);
    assert_string_equal(c[10].arg, "player");
    assert_string_equal(c[11].arg, UK_SCRIPT_ASLEEP);

    assert_int_equal(c[12].verb, UK_SCRIPT_KEY);
    assert_int_equal(c[12].key, SDLK_ESCAPE);
    assert_int_equal(c[12].key_mod, KMOD_NONE);
    assert_int_equal(c[13].key, SDLK_F4);
    assert_int_equal(c[13].key_mod, KMOD_LALT);
    assert_int_equal(c[14].key, SDLK_q);
    assert_int_equal(c[14].key_mod, KMOD_LCTRL | KMOD_LSHIFT);

    assert_int_equal(c[15].verb, UK_SCRIPT_EVENT_QUIT);
    assert_int_equal(c[16].verb, UK_SCRIPT_HOURS);
    assert_int_equal(c[16].open, 0);
    assert_int_equal(c[17].open, 1);
    assert_int_equal(c[18].verb, UK_SCRIPT_STALL);
    assert_int_equal(c[18].wait_ms, 1500);
    assert_int_equal(c[19].wait_ms, 86400000);
    assert_int_equal(c[20].verb, UK_SCRIPT_WAIT);
    assert_int_equal(c[20].wait_ms, 0);
    uk_script_free(script);
}

static void test_empty_scripts(void **state)
{
    fixture *f = *state;
    static const char *const texts[] = {"", "\n\n", "# only a comment\n   # and another\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        uk_script *script = load(f, texts[i]);
        assert_non_null(script);
        assert_int_equal(uk_script_count(script), 0);
        uk_script_free(script);
    }
    uk_script_free(NULL);
}

/* A benchmark's script: many frames, each a command of its own. */
static void test_many_commands(void **state)
{
    fixture *f = *state;
    static char text[100 * 16];
    size_t len = 0;
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "wait 0.016\n");
    uk_script *script = load(f, text);
    assert_non_null(script);
    assert_int_equal(uk_script_count(script), 100);
    assert_int_equal(uk_script_command_at(script, 99)->line, 100);
    assert_int_equal(uk_script_command_at(script, 99)->wait_ms, 16);
    uk_script_free(script);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_screen_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shot_name_too_long, setup, teardown),
        cmocka_unit_test_setup_teardown(test_line_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_for_a_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_command, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_scripts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_commands, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
