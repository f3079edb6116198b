/*
 * command_line.c: the options the kiosk takes, read with getopt_long, and
 * --help written from the same tables (see command_line.h for the order
 * things happen in).
 *
 * Three kinds of option, each a table: the keys (config_keys.c: one long
 * option per key, plus its short name if it has one), the flags below
 * (no argument, a fixed value for a key) and the commands below (what to
 * do). Nothing here parses a value: uk_config_key_set does, exactly as for
 * the file, so the command line can never accept what the file refuses.
 *
 * The options are collected first and applied later, so the commands
 * (--help answers even when the file is broken; --config names the file)
 * come before the file is read, and the keys after, over it.
 */
#include "platform/system/command_line.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "platform/input/gpio.h"
#include "platform/system/config_keys.h"
#include "platform/system/error.h"

/* Command-line flags that stand for a key's value. */
static const struct {
    const char *option, *section, *name, *value, *help;
} flags[] = {
    {"fullscreen", "display", "mode", "fullscreen",
     "take the whole screen (the default without a desktop)"},
    {"windowed", "display", "mode", "windowed",
     "run in a window: desktop emulation (the default on a desktop)"},
    {"headless", "display", "mode", "headless",
     "no window at all (SDL's offscreen driver); for scripts"},
    {"software", "display", "renderer", "software", "use the software renderer even with a GPU"},
    {"no-gpio", "gpio", "enabled", "off", "do not look for physical buttons"},
    {"gpio-active-high", "gpio", "active_low", "false",
     "a pressed button drives its line high (the default is low: a switch to ground)"},
};

/* What an option does, beyond setting a key. */
enum {
    RUN_CONFIG = 1,
    RUN_CHECK_CONFIG,
    RUN_CHECK_CONTENT,
    RUN_SCRIPT,
    RUN_SHOTS,
    RUN_SHOW_BUTTONS,
    RUN_GPIO_LINES,
    RUN_HELP,
    RUN_VERSION,
};

static const struct {
    const char *option;
    int has_arg;
    int what;
    const char *arg, *help;
} commands[] = {
    {"config", required_argument, RUN_CONFIG, "FILE",
     "read settings from FILE (default $UNKNOT_CONFIG, else " UK_CONFIG_DEFAULT_FILE ")"},
    {"check-config", no_argument, RUN_CHECK_CONFIG, NULL,
     "read the settings, print every problem and the settings in effect, and exit (1 if "
     "there is any problem)"},
    {"check-content", required_argument, RUN_CHECK_CONTENT, "DIR",
     "validate the content in DIR, print every problem, and exit (1 if there is any "
     "problem); opens no window"},
    {"script", required_argument, RUN_SCRIPT, "FILE",
     "run FILE's timed actions on a virtual clock, then exit"},
    {"shots", required_argument, RUN_SHOTS, "DIR", "where a script's screenshots go (default .)"},
    {"show-buttons", no_argument, RUN_SHOW_BUTTONS, NULL,
     "desktop emulation: draw the physical button panel beside the screen, clickable "
     "(right-click holds a button down until the next click)"},
    {"gpio-lines", required_argument, RUN_GPIO_LINES, "LIST",
     "the wiring in one list, e.g. up=5,down=6,select=13,back=19,help=26; buttons left out "
     "are not wired (select=13 alone: one switch)"},
    {"help", no_argument, RUN_HELP, NULL, "show this help and exit"},
    {"version", no_argument, RUN_VERSION, NULL, "show the version and exit"},
};

#define FLAG_COUNT    (sizeof flags / sizeof flags[0])
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])
#define OPTION_NAME   48

/* getopt_long's value for each kind of option. */
#define VAL_KEY     1000
#define VAL_FLAG    2000
#define VAL_COMMAND 3000

typedef struct argument {
    int val;
    const char *text; /* the option as typed, for messages */
    const char *value;
} argument;

struct uk_command_line {
    struct option *options;     /* for getopt_long: two per key at most, flags, commands */
    char (*names)[OPTION_NAME]; /* each key's long name, which `options` points into */
    argument *arguments;        /* the options met, in order */
    size_t count;
    uk_command_line_ask ask;
    const char *config_file; /* --config FILE, or NULL */
};

/* --display-rotation for [display] rotation. */
static void long_name(const uk_config_keys_row *k, char *out, size_t len)
{
    snprintf(out, len, "%s-%s", k->section, k->name);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

/* The keys are grouped by section: a section starts where its first key is. */
static bool first_of_section(size_t i)
{
    return i == 0 ||
           strcmp(uk_config_keys_table[i - 1].section, uk_config_keys_table[i].section) != 0;
}

static void build_options(uk_command_line *cl)
{
    size_t n = 0;
    for (size_t i = 0; i < uk_config_keys_count; i++) {
        const uk_config_keys_row *k = &uk_config_keys_table[i];
        long_name(k, cl->names[i], OPTION_NAME);
        cl->options[n++] = (struct option){cl->names[i], required_argument, NULL, VAL_KEY + (int)i};
        if (k->option)
            cl->options[n++] =
                (struct option){k->option, required_argument, NULL, VAL_KEY + (int)i};
    }
    for (size_t i = 0; i < FLAG_COUNT; i++)
        cl->options[n++] = (struct option){flags[i].option, no_argument, NULL, VAL_FLAG + (int)i};
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        cl->options[n++] =
            (struct option){commands[i].option, commands[i].has_arg, NULL, VAL_COMMAND + (int)i};
    cl->options[n] = (struct option){0};
}

/* Collects the options in order. 0, or -1 with a sentence in `error`. */
static int collect_arguments(uk_command_line *cl, int argc, char **argv, char *error,
                             size_t error_len)
{
    build_options(cl);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "", cl->options, NULL)) != -1) {
        if (c < VAL_KEY)
            return uk_error_set(error, error_len, EINVAL,
                                "unknown or incomplete option '%s' (see unknot --help)",
                                argv[optind - 1]);
        cl->arguments[cl->count++] =
            (argument){.val = c, .text = argv[optind - (optarg ? 2 : 1)], .value = optarg};
        /* --name=value is one word: its option text is the word itself. */
        if (optarg && optind >= 1 && strchr(argv[optind - 1], '=') &&
            strncmp(argv[optind - 1], "--", 2) == 0)
            cl->arguments[cl->count - 1].text = argv[optind - 1];
    }
    if (optind < argc)
        return uk_error_set(error, error_len, EINVAL,
                            "unexpected argument '%s' (see unknot --help)", argv[optind]);
    return 0;
}

static void copy_path(char *out, const char *value)
{
    snprintf(out, UK_CONFIG_PATH_MAX, "%s", value);
}

/* Does the commands, in order, until --help or --version. 0, or -1 with a sentence. */
static int run_commands(uk_command_line *cl, uk_config *config, char *error, size_t error_len)
{
    for (size_t i = 0; i < cl->count; i++) {
        const argument *a = &cl->arguments[i];
        if (a->val < VAL_COMMAND)
            continue;
        switch (commands[a->val - VAL_COMMAND].what) {
        case RUN_HELP:
            cl->ask = UK_COMMAND_LINE_HELP;
            return 0;
        case RUN_VERSION:
            cl->ask = UK_COMMAND_LINE_VERSION;
            return 0;
        case RUN_CONFIG:
            cl->config_file = a->value;
            break;
        case RUN_CHECK_CONFIG:
            config->run.check_config = true;
            break;
        case RUN_CHECK_CONTENT:
            copy_path(config->run.check_content, a->value);
            break;
        case RUN_SCRIPT:
            copy_path(config->run.script, a->value);
            break;
        case RUN_SHOTS:
            copy_path(config->run.shots, a->value);
            break;
        case RUN_SHOW_BUTTONS:
            config->run.show_buttons = true;
            break;
        case RUN_GPIO_LINES: {
            /* Checked now, so a wrong list stops here like any bad option. */
            char problem[256];
            uk_gpio_config scratch;
            uk_gpio_config_defaults(&scratch);
            if (strlen(a->value) >= sizeof config->run.gpio_lines)
                return uk_error_set(error, error_len, EINVAL, "--gpio-lines %s: too long",
                                    a->value);
            if (uk_gpio_parse_lines(a->value, &scratch, problem, sizeof problem) != 0)
                return uk_error_set(error, error_len, EINVAL, "--gpio-lines %s: %s", a->value,
                                    problem);
            snprintf(config->run.gpio_lines, sizeof config->run.gpio_lines, "%s", a->value);
            break;
        }
        }
    }
    return 0;
}

uk_command_line *uk_command_line_parse(int argc, char **argv, uk_config *config, char *error,
                                       size_t error_len)
{
    uk_command_line *cl = calloc(1, sizeof *cl);
    if (!cl)
        goto err_memory;
    cl->options =
        calloc(2 * uk_config_keys_count + FLAG_COUNT + COMMAND_COUNT + 1, sizeof *cl->options);
    cl->names = calloc(uk_config_keys_count, sizeof *cl->names);
    cl->arguments = calloc((size_t)argc + 1, sizeof *cl->arguments);
    if (!cl->options || !cl->names || !cl->arguments)
        goto err_free;
    if (collect_arguments(cl, argc, argv, error, error_len) != 0 ||
        run_commands(cl, config, error, error_len) != 0) {
        uk_command_line_free(cl);
        errno = EINVAL;
        return NULL;
    }
    return cl;

err_free:
    uk_command_line_free(cl);
err_memory:
    uk_error_set(error, error_len, ENOMEM, "out of memory");
    return NULL;
}

void uk_command_line_free(uk_command_line *cl)
{
    if (!cl)
        return;
    free(cl->options);
    free(cl->names);
    free(cl->arguments);
    free(cl);
}

uk_command_line_ask uk_command_line_asked(const uk_command_line *cl)
{
    return cl->ask;
}

const char *uk_command_line_config_file(const uk_command_line *cl)
{
    return cl->config_file;
}

int uk_command_line_apply(const uk_command_line *cl, uk_config *config, char *error,
                          size_t error_len)
{
    int display_flags = 0;
    char problem[512];
    for (size_t i = 0; i < cl->count; i++) {
        const argument *a = &cl->arguments[i];
        int key = -1;
        const char *value = a->value;
        if (a->val >= VAL_FLAG && a->val < VAL_COMMAND) {
            const char *flag_section = flags[a->val - VAL_FLAG].section;
            const char *flag_name = flags[a->val - VAL_FLAG].name;
            display_flags += strcmp(flag_name, "mode") == 0;
            key = uk_config_key_find(flag_section, flag_name);
            value = flags[a->val - VAL_FLAG].value;
        } else if (a->val >= VAL_KEY && a->val < VAL_FLAG) {
            key = a->val - VAL_KEY;
        }
        if (key < 0)
            continue;
        if (uk_config_key_set(config, (size_t)key, value, problem, sizeof problem) != 0) {
            bool one_word = strchr(a->text, '=') != NULL;
            return uk_error_set(error, error_len, EINVAL, "%s%s%s: %s", a->text,
                                one_word ? "" : " ", one_word ? "" : value, problem);
        }
    }
    if (display_flags > 1)
        return uk_error_set(error, error_len, EINVAL,
                            "choose one of --fullscreen, --windowed and --headless");
    return 0;
}

/* ---- --help --------------------------------------------------------------------- */

/* One option: its name in a column of 26, its help wrapped to 80 columns beside it. */
static void print_option(FILE *out, const char *left, const char *help)
{
    enum {
        INDENT = 29,
        WIDTH = 80
    };
    if (strlen(left) <= INDENT - 3)
        fprintf(out, "  %-*s ", INDENT - 3, left);
    else
        fprintf(out, "  %s\n%*s", left, INDENT, "");
    int column = INDENT;
    const char *word = help;
    while (*word) {
        size_t len = strcspn(word, " ");
        if (column > INDENT && column + 1 + (int)len > WIDTH) {
            fprintf(out, "\n%*s", INDENT, "");
            column = INDENT;
        } else if (column > INDENT) {
            fputc(' ', out);
            column++;
        }
        fprintf(out, "%.*s", (int)len, word);
        column += (int)len;
        word += len;
        word += strspn(word, " ");
    }
    fputc('\n', out);
}

void uk_command_line_print_help(FILE *out)
{
    fprintf(out, "Usage: unknot [OPTION]...\n"
                 "A self-care kiosk for muscle knots: guided stretches with an animated figure.\n"
                 "\n"
                 "Every setting below is also a key in the configuration file\n"
                 "(" UK_CONFIG_DEFAULT_FILE ": [section] key = value) and an environment\n"
                 "variable (UNKNOT_SECTION_KEY). The environment overrides the file, and the\n"
                 "command line overrides both.\n");
    char left[128], help[512], name[OPTION_NAME];
    for (size_t i = 0; i < uk_config_keys_count; i++) {
        const uk_config_keys_row *k = &uk_config_keys_table[i];
        if (first_of_section(i)) {
            fprintf(out, "\n[%s]\n", k->section);
            for (size_t f = 0; f < FLAG_COUNT; f++)
                if (strcmp(flags[f].section, k->section) == 0) {
                    snprintf(left, sizeof left, "--%s", flags[f].option);
                    print_option(out, left, flags[f].help);
                }
        }
        long_name(k, name, sizeof name);
        if (k->option)
            snprintf(left, sizeof left, "--%s, --%s %s", k->option, name, k->arg);
        else
            snprintf(left, sizeof left, "--%s %s", name, k->arg);
        if (k->fallback[0])
            snprintf(help, sizeof help, "%s (default %s)", k->help, k->fallback);
        else
            snprintf(help, sizeof help, "%s", k->help);
        print_option(out, left, help);
    }
    fprintf(out, "\nChecks and scripted runs:\n");
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        snprintf(left, sizeof left, "--%s%s%s", commands[i].option, commands[i].arg ? " " : "",
                 commands[i].arg ? commands[i].arg : "");
        print_option(out, left, commands[i].help);
    }
    fprintf(out, "\nKeys: arrows move, Enter chooses, Backspace or Escape goes back, H shows "
                 "when to\nsee a doctor.\n");
}
