/*
 * test_config.c: the settings as an IT person meets them: the example file
 * documents every key with its default, every mistake gets one message
 * naming the file, line, key and what is allowed, and the command line
 * beats the environment, which beats the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/system/config.h"
#include "platform/system/pin_hash.h"

#define EXAMPLE UK_ASSETS_DIR "/../systemd/unknot.conf.example"

/* ---- helpers -------------------------------------------------------------------- */

typedef struct messages {
    int count;
    char text[16][512];
} messages;

static void collect(void *ctx, const char *message)
{
    messages *m = ctx;
    if (m->count < 16)
        snprintf(m->text[m->count], sizeof m->text[0], "%s", message);
    m->count++;
}

/* Writes `text` to a new temporary file; its path goes to `path` (PATH_MAX bytes). */
static void write_temp(char *path, const char *text)
{
    snprintf(path, 64, "/tmp/unknot-config-test.XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *file = fdopen(fd, "w");
    fputs(text, file);
    fclose(file);
}

static messages read_text(uk_config *config, const char *text, char *path)
{
    messages m = {0};
    write_temp(path, text);
    uk_config_defaults(config);
    assert_int_equal(uk_config_read_file(config, path, collect, &m), 0);
    assert_int_equal(config->problems, m.count);
    return m;
}

/* ---- the example file ------------------------------------------------------------- */

typedef struct seen {
    const char *section[256];
    const char *name[256];
    const char *value[256];
    int count;
} seen;

static int remember(void *user, const char *section, const char *name, const char *value)
{
    seen *s = user;
    if (s->count < 256) {
        s->section[s->count] = strdup(section);
        s->name[s->count] = strdup(name);
        s->value[s->count] = strdup(value);
        s->count++;
    }
    return 1;
}

static void example_documents_every_key_with_its_default(void **state)
{
    (void)state;
    seen s = {0};
    assert_int_equal(ini_parse(EXAMPLE, remember, &s), 0);
    for (size_t i = 0; i < uk_config_key_count(); i++) {
        int found = -1;
        for (int j = 0; j < s.count; j++)
            if (strcmp(s.section[j], uk_config_key_section(i)) == 0 &&
                strcmp(s.name[j], uk_config_key_name(i)) == 0)
                found = j;
        if (found < 0)
            fail_msg("%s does not document [%s] %s", EXAMPLE, uk_config_key_section(i),
                     uk_config_key_name(i));
        assert_string_equal(s.value[found], uk_config_key_default(i));
    }
    assert_int_equal(s.count, (int)uk_config_key_count()); /* and nothing else */
    for (int j = 0; j < s.count; j++) {
        free((char *)s.section[j]);
        free((char *)s.name[j]);
        free((char *)s.value[j]);
    }

    /* One comment line right above each key. */
    FILE *file = fopen(EXAMPLE, "r");
    assert_non_null(file);
    char line[512], previous[512] = "";
    while (fgets(line, sizeof line, file)) {
        if (strchr(line, '=') && line[0] != '#' && previous[0] != '#')
            fail_msg("%s: no comment above '%s'", EXAMPLE, line);
        snprintf(previous, sizeof previous, "%s", line);
    }
    fclose(file);

    /* Reading it changes nothing. */
    uk_config defaults, example;
    uk_config_defaults(&defaults);
    uk_config_defaults(&example);
    messages m = {0};
    assert_int_equal(uk_config_read_file(&example, EXAMPLE, collect, &m), 0);
    assert_int_equal(m.count, 0);
    assert_memory_equal(&defaults, &example, sizeof defaults);
}

static void defaults_are_the_documented_ones(void **state)
{
    (void)state;
    uk_config c;
    uk_config_defaults(&c);
    assert_int_equal(c.display.mode, UK_DISPLAY_AUTO);
    assert_int_equal(c.display.width, 800);
    assert_int_equal(c.display.height, 480);
    assert_int_equal(c.display.rotation, 0);
    assert_int_equal(c.display.renderer, UK_RENDERER_AUTO);
    assert_string_equal(c.content.language, "en");
    assert_int_equal(c.kiosk.idle_seconds, 90);
    assert_int_equal(c.kiosk.still_there_seconds, 20);
    assert_true(c.kiosk.sound);
    assert_int_equal(c.kiosk.lockdown, UK_SWITCH_AUTO);
    assert_string_equal(c.usage.database, "");
    assert_int_equal(c.usage.retention_days, 90);
    assert_int_equal(c.gpio.enabled, UK_SWITCH_AUTO);
    assert_string_equal(c.gpio.chip, "");
    int lines[] = {5, 6, 13, 19, 26}; /* UP, DOWN, SELECT, BACK, HELP */
    assert_memory_equal(&c.gpio.lines[UK_ACTION_UP], lines, sizeof lines);
    assert_true(c.gpio.active_low);
    assert_int_equal(c.gpio.bias, UK_GPIO_BIAS_PULL_UP);
    assert_int_equal(c.gpio.debounce_ms, 10);
    assert_int_equal(c.gpio.long_press_ms, 2000);
    assert_int_equal(c.gpio.scan_ms, 0);
    assert_string_equal(c.admin.pin_hash, "");
    assert_int_equal(c.admin.max_attempts, 5);
    assert_int_equal(c.admin.lockout_seconds, 300);
    assert_true(uk_schedule_always_open(&c.schedule.hours));
    assert_int_equal(c.schedule.outside, UK_OUTSIDE_BLANK);
    assert_int_equal(c.schedule.dim_percent, 10);
    assert_string_equal(c.schedule.backlight, "auto");
}

/* ---- every key from a file ---------------------------------------------------------- */

static void every_key_is_read(void **state)
{
    (void)state;
    char path[64];
    uk_config c;
    messages m = read_text(&c,
                           "[display]\n"
                           "mode = headless\n"
                           "size = 1024x600\n"
                           "rotation = 270\n"
                           "renderer = software\n"
                           "font_dir = /srv/fonts\n"
                           "[content]\n"
                           "dir = /srv/content\n"
                           "language = pt-br\n"
                           "[kiosk]\n"
                           "idle_seconds = 120\n"
                           "still_there_seconds = 30\n"
                           "sound = off\n"
                           "lockdown = off\n"
                           "[usage]\n"
                           "database = /var/lib/unknot/other.db\n"
                           "retention_days = 30\n"
                           "[gpio]\n"
                           "enabled = on\n"
                           "chip = pinctrl-bcm2711\n"
                           "up = 17\n"
                           "down = 27\n"
                           "select = 22\n"
                           "back = -1\n"
                           "help = 4\n"
                           "active_low = no\n"
                           "bias = as-is\n"
                           "debounce_ms = 5\n"
                           "long_press_ms = 1500\n"
                           "scan_ms = 800\n"
                           "[admin]\n"
                           "pin_hash = $y$j9T$abc$def\n"
                           "max_attempts = 3\n"
                           "lockout_seconds = 60\n"
                           "[schedule]\n"
                           "mon = 08:00-18:00\n"
                           "tue = 08:00-18:00\n"
                           "wed = closed\n"
                           "thu = 22:00-02:00\n"
                           "fri = 08:00-18:00\n"
                           "sat = 10:00-14:00\n"
                           "sun = closed\n"
                           "outside = dim\n"
                           "dim_percent = 25\n"
                           "backlight = /sys/class/backlight/10-0045\n",
                           path);
    unlink(path);
    assert_int_equal(m.count, 0);
    assert_int_equal(c.display.mode, UK_DISPLAY_HEADLESS);
    assert_int_equal(c.display.width, 1024);
    assert_int_equal(c.display.height, 600);
    assert_int_equal(c.display.rotation, 270);
    assert_int_equal(c.display.renderer, UK_RENDERER_SOFTWARE);
    assert_string_equal(c.display.font_dir, "/srv/fonts");
    assert_string_equal(c.content.dir, "/srv/content");
    assert_string_equal(c.content.language, "pt-br");
    assert_int_equal(c.kiosk.idle_seconds, 120);
    assert_int_equal(c.kiosk.still_there_seconds, 30);
    assert_false(c.kiosk.sound);
    assert_int_equal(c.kiosk.lockdown, UK_SWITCH_OFF);
    assert_string_equal(c.usage.database, "/var/lib/unknot/other.db");
    assert_int_equal(c.usage.retention_days, 30);
    assert_int_equal(c.gpio.enabled, UK_SWITCH_ON);
    assert_string_equal(c.gpio.chip, "pinctrl-bcm2711");
    int lines[] = {17, 27, 22, -1, 4}; /* UP, DOWN, SELECT, BACK, HELP */
    assert_memory_equal(&c.gpio.lines[UK_ACTION_UP], lines, sizeof lines);
    assert_false(c.gpio.active_low);
    assert_int_equal(c.gpio.bias, UK_GPIO_BIAS_AS_IS);
    assert_int_equal(c.gpio.debounce_ms, 5);
    assert_int_equal(c.gpio.long_press_ms, 1500);
    assert_int_equal(c.gpio.scan_ms, 800);
    assert_string_equal(c.admin.pin_hash, "$y$j9T$abc$def");
    assert_int_equal(c.admin.max_attempts, 3);
    assert_int_equal(c.admin.lockout_seconds, 60);
    assert_int_equal(c.schedule.hours.days[0].open_min, 8 * 60);
    assert_true(c.schedule.hours.days[2].closed);
    assert_int_equal(c.schedule.hours.days[3].close_min, 2 * 60);
    assert_int_equal(c.schedule.hours.days[5].open_min, 10 * 60);
    assert_true(c.schedule.hours.days[6].closed);
    assert_int_equal(c.schedule.outside, UK_OUTSIDE_DIM);
    assert_int_equal(c.schedule.dim_percent, 25);
    assert_string_equal(c.schedule.backlight, "/sys/class/backlight/10-0045");
}

/* ---- every mistake ------------------------------------------------------------------ */

static void every_mistake_names_file_line_and_key(void **state)
{
    (void)state;
    char path[64], expected[600];
    uk_config c;
    char long_line[300];
    memset(long_line, 'x', sizeof long_line - 2);
    long_line[sizeof long_line - 2] = '\n';
    long_line[sizeof long_line - 1] = '\0';
    char text[2048];
    snprintf(text, sizeof text,
             "rotation = 90\n"                /* 1: before any section */
             "[display]\n"                    /* 2 */
             "rotation = 45\n"                /* 3: not an allowed word */
             "rotaton = 90\n"                 /* 4: unknown key */
             "size = 800\n"                   /* 5: bad size */
             "[kiosk]\n"                      /* 6 */
             "idle_seconds = 5\n"             /* 7: out of range */
             "sound = loud\n"                 /* 8: not a switch */
             "[content]\n"                    /* 9 */
             "language = English\n"           /* 10: not a code */
             "[schedule]\n"                   /* 11 */
             "mon = 9-17\n"                   /* 12: not hours */
             "backlight = lcd\n"              /* 13: not auto, none or a path */
             "[admin]\n"                      /* 14 */
             "pin_hash = 1234\n"              /* 15: a PIN, not its hash */
             "[dispaly]\n"                    /* 16 */
             "mode = windowed\n"              /* 17: unknown section */
             "[gpio]\n"                       /* 18 */
             "this line has no equals sign\n" /* 19: not INI */
             "%s"                             /* 20: too long */
             "up = 99999\n",                  /* 21: out of range */
             long_line);
    messages m = read_text(&c, text, path);
    const char *want[] = {
        "%s:1: rotation: every key belongs under a [section] line, e.g. [display]",
        "%s:3: [display] rotation = 45: must be 0, 90, 180 or 270; using 0",
        "%s:4: [display] rotaton: unknown key; [display] has mode, size, rotation, renderer, "
        "font_dir",
        "%s:5: [display] size = 800: must be WIDTHxHEIGHT, e.g. 800x480 (from 320x240 to "
        "7680x7680); using 800x480",
        "%s:7: [kiosk] idle_seconds = 5: must be a whole number from 10 to 3600; using 90",
        "%s:8: [kiosk] sound = loud: must be on or off (or true/false, yes/no, 1/0); using on",
        "%s:10: [content] language = English: must be a language code such as en, es or pt-br; "
        "using en",
        "%s:12: [schedule] mon = 9-17: must be always, closed or opening hours such as "
        "08:00-18:30; using always",
        "%s:13: [schedule] backlight = lcd: must be auto, none or a path such as "
        "/sys/class/backlight/10-0045; using auto",
        "%s:15: [admin] pin_hash = 1234: must be empty or a yescrypt hash starting with $y$ "
        "(make one with unknot hash-pin); using the default (empty)",
        "%s:17: [dispaly] mode: unknown section; the sections are display, content, kiosk, "
        "usage, gpio, admin, schedule",
        "%s:20: line longer than 199 characters; ignored",
        "%s:21: [gpio] up = 99999: must be a whole number from -1 to 511; using 5",
        "%s:19: cannot read this line: expected [section], key = value, or a comment starting "
        "with # or ;",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0] && i < (size_t)m.count; i++) {
        snprintf(expected, sizeof expected, want[i], path);
        assert_string_equal(m.text[i], expected);
    }
    assert_int_equal(m.count, (int)(sizeof want / sizeof want[0]));
    /* Every bad value left its default in place. */
    assert_int_equal(c.display.rotation, 0);
    assert_int_equal(c.kiosk.idle_seconds, 90);
    assert_int_equal(c.gpio.lines[UK_ACTION_UP], 5);
    unlink(path);
}

/*
 * --check-config counts a PIN hash the kiosk could not check as a problem:
 * with one, every PIN typed would count as wrong and lock the admin screen.
 */
static void only_a_pin_hash_the_kiosk_can_check_passes(void **state)
{
    (void)state;
    char path[64], text[UK_PIN_HASH_MAX + 32];
    uk_config c;
    char usable[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash_make("482913", usable, sizeof usable, NULL, 0), 0);
    struct {
        const char *hash;
        int problems;
    } cases[] = {
        {usable, 0},
        {"$6$abc$def", 1},                         /* SHA-512 crypt: not checked here */
        {"$1$abcdefgh$abcdefghijklmnopqrstuv", 1}, /* MD5 crypt */
        {"$y$j9T$abc $def", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "[admin]\npin_hash = %s\n", cases[i].hash);
        messages m = read_text(&c, text, path);
        unlink(path);
        if (m.count != cases[i].problems)
            fail_msg("pin_hash = %s: %d problem(s), expected %d", cases[i].hash, m.count,
                     cases[i].problems);
        assert_string_equal(c.admin.pin_hash, cases[i].problems ? "" : cases[i].hash);
        if (cases[i].problems)
            assert_non_null(strstr(m.text[0], "must be empty or a yescrypt hash"));
    }
}

static void a_missing_file_is_an_error_not_a_message(void **state)
{
    (void)state;
    uk_config c;
    messages m = {0};
    uk_config_defaults(&c);
    assert_int_equal(uk_config_read_file(&c, "/nonexistent/unknot.conf", collect, &m), -1);
    assert_int_equal(m.count, 0);
}

/* ---- the environment and the command line -------------------------------------------- */

/* Runs uk_config_load with `args`; its output and warnings go to `out`. */
static int load(uk_config *c, char *out, size_t out_len, int argc, const char **args)
{
    char *argv[16] = {"unknot"};
    for (int i = 0; i < argc; i++)
        argv[i + 1] = (char *)args[i];
    FILE *stream = fmemopen(out, out_len, "w");
    int rc = uk_config_load(c, argc + 1, argv, stream, stream);
    fclose(stream);
    return rc;
}

static void command_line_beats_environment_beats_file(void **state)
{
    (void)state;
    char path[64], out[4096];
    write_temp(path, "[display]\nrotation = 90\nsize = 1024x600\n[kiosk]\nidle_seconds = 60\n");
    setenv("UNKNOT_CONFIG", path, 1);
    uk_config c;

    assert_int_equal(load(&c, out, sizeof out, 0, NULL), 0);
    assert_int_equal(c.display.rotation, 90);
    assert_string_equal(c.run.config, path);

    setenv("UNKNOT_DISPLAY_ROTATION", "180", 1);
    setenv("UNKNOT_KIOSK_IDLE_SECONDS", "7", 1); /* bad: warned, the file's value stays */
    setenv("UNKNOT_CONTENT", "/older/name", 1);
    assert_int_equal(load(&c, out, sizeof out, 0, NULL), 0);
    assert_int_equal(c.display.rotation, 180);
    assert_int_equal(c.kiosk.idle_seconds, 60);
    assert_int_equal(c.problems, 1);
    assert_non_null(strstr(out, "unknot: environment: UNKNOT_KIOSK_IDLE_SECONDS=7: must be a "
                                "whole number from 10 to 3600; using 60"));
    assert_string_equal(c.content.dir, "/older/name");

    const char *args[] = {"--rotation", "270", "--display-size=1280x800", "--content-dir", "x"};
    assert_int_equal(load(&c, out, sizeof out, 5, args), 0);
    assert_int_equal(c.display.rotation, 270);
    assert_int_equal(c.display.width, 1280);
    assert_string_equal(c.content.dir, "x");

    unsetenv("UNKNOT_DISPLAY_ROTATION");
    unsetenv("UNKNOT_KIOSK_IDLE_SECONDS");
    unsetenv("UNKNOT_CONTENT");
    unsetenv("UNKNOT_CONFIG");
    unlink(path);
}

static void bad_command_lines_stop_with_a_message(void **state)
{
    (void)state;
    char out[4096];
    uk_config c;
    setenv("UNKNOT_CONFIG", "/dev/null", 1);
    struct {
        int argc;
        const char *args[3];
        int rc;
        const char *message;
    } cases[] = {
        {2, {"--rotation", "45"}, 2, "unknot: --rotation 45: must be 0, 90, 180 or 270\n"},
        {1,
         {"--display-rotation=45"},
         2,
         "unknot: --display-rotation=45: must be 0, 90, 180 or 270\n"},
        {2,
         {"--size", "800"},
         2,
         "unknot: --size 800: must be WIDTHxHEIGHT, e.g. 800x480 (from 320x240 to "
         "7680x7680)\n"},
        {1,
         {"--frobnicate"},
         2,
         "unknot: unknown or incomplete option '--frobnicate' (see unknot --help)\n"},
        {1, {"extra"}, 2, "unknot: unexpected argument 'extra' (see unknot --help)\n"},
        {2,
         {"--fullscreen", "--headless"},
         2,
         "unknot: choose one of --fullscreen, --windowed and --headless\n"},
        {2,
         {"--config", "/nonexistent/unknot.conf"},
         3,
         "unknot: cannot read the configuration file /nonexistent/unknot.conf: No such file "
         "or directory\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(out, 0, sizeof out);
        assert_int_equal(load(&c, out, sizeof out, cases[i].argc, cases[i].args), cases[i].rc);
        assert_string_equal(out, cases[i].message);
    }
    unsetenv("UNKNOT_CONFIG");
}

static void help_lists_every_key(void **state)
{
    (void)state;
    static char out[16384];
    uk_config c;
    const char *args[] = {"--help"};
    assert_int_equal(load(&c, out, sizeof out, 1, args), 1);
    char option[96];
    for (size_t i = 0; i < uk_config_key_count(); i++) {
        snprintf(option, sizeof option, "--%s-%s", uk_config_key_section(i), uk_config_key_name(i));
        for (char *p = option; *p; p++)
            if (*p == '_')
                *p = '-';
        if (!strstr(out, option))
            fail_msg("--help does not list %s", option);
    }
}

static void lockdown_follows_full_screen_unless_told(void **state)
{
    (void)state;
    char out[4096];
    uk_config c;
    setenv("UNKNOT_CONFIG", "/dev/null", 1);
    const char *full[] = {"--fullscreen"};
    assert_int_equal(load(&c, out, sizeof out, 1, full), 0);
    assert_true(uk_config_lockdown(&c));
    const char *windowed[] = {"--windowed"};
    assert_int_equal(load(&c, out, sizeof out, 1, windowed), 0);
    assert_false(uk_config_lockdown(&c));
    const char *forced[] = {"--headless", "--kiosk-lockdown", "on"};
    assert_int_equal(load(&c, out, sizeof out, 3, forced), 0);
    assert_true(uk_config_lockdown(&c));
    unsetenv("UNKNOT_CONFIG");
}

/* One key set by name, as the command line does: the file's rules, the file's words. */
static void a_key_set_by_name_follows_the_file_rules(void **state)
{
    (void)state;
    uk_config c;
    uk_config_defaults(&c);
    for (size_t i = 0; i < uk_config_key_count(); i++) {
        int found = uk_config_key_find(uk_config_key_section(i), uk_config_key_name(i));
        assert_int_equal(found, (int)i);
        assert_int_equal(uk_config_key_set(&c, i, uk_config_key_default(i), NULL, 0), 0);
    }
    assert_int_equal(uk_config_key_find("display", "colour"), -1);
    assert_int_equal(uk_config_key_find("colour", "mode"), -1);

    int rotation = uk_config_key_find("display", "rotation");
    assert_true(rotation >= 0);
    char error[256] = "";
    errno = 0;
    assert_int_equal(uk_config_key_set(&c, (size_t)rotation, "45", error, sizeof error), -1);
    assert_int_equal(errno, EINVAL);
    assert_string_equal(error, "must be 0, 90, 180 or 270");
    assert_int_equal(c.display.rotation, 0); /* unchanged */
    assert_int_equal(uk_config_key_set(&c, (size_t)rotation, "270", error, sizeof error), 0);
    assert_int_equal(c.display.rotation, 270);
    assert_int_equal(uk_config_key_set(&c, uk_config_key_count(), "1", error, sizeof error), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_documents_every_key_with_its_default),
        cmocka_unit_test(defaults_are_the_documented_ones),
        cmocka_unit_test(every_key_is_read),
        cmocka_unit_test(every_mistake_names_file_line_and_key),
        cmocka_unit_test(only_a_pin_hash_the_kiosk_can_check_passes),
        cmocka_unit_test(a_missing_file_is_an_error_not_a_message),
        cmocka_unit_test(command_line_beats_environment_beats_file),
        cmocka_unit_test(bad_command_lines_stop_with_a_message),
        cmocka_unit_test(help_lists_every_key),
        cmocka_unit_test(lockdown_follows_full_screen_unless_told),
        cmocka_unit_test(a_key_set_by_name_follows_the_file_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
