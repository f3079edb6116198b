/*
 * config.c: the settings' values: parsing and printing them by type, and
 * reading them from the defaults, the file and the environment, in that
 * order; then the command line over them (command_line.c), in
 * uk_config_load.
 *
 * The keys themselves are rows of config_keys.c. Nothing in this file
 * knows a key by name, except the two older environment names in
 * `env_aliases`.
 *
 * Values are parsed by type; a default is written as text and parsed by
 * the same code as a value from the file, so a default can never be one the
 * file would refuse (uk_config_defaults stops the program if one is, which
 * every test run would show).
 *
 * A problem in the file or the environment is one message through the
 * caller's report callback, and the key keeps its earlier value: a kiosk
 * that ran fine yesterday starts today with a typo in its file.
 */
#include "platform/system/config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "app/model/strings.h"
#include "platform/system/command_line.h"
#include "platform/system/config_keys.h"
#include "platform/system/error.h"
#include "platform/system/pin_hash.h"

_Static_assert(sizeof(uk_display_mode) == sizeof(int) && sizeof(uk_switch) == sizeof(int) &&
                   sizeof(uk_renderer) == sizeof(int) && sizeof(uk_gpio_bias) == sizeof(int) &&
                   sizeof(uk_outside_hours) == sizeof(int),
               "word settings are stored as int");

/* Older environment names, read before the table's own names. */
static const struct {
    const char *variable, *section, *name;
} env_aliases[] = {
    {"UNKNOT_CONTENT", "content", "dir"},
    {"UNKNOT_FONT_DIR", "display", "font_dir"},
};

/* ---- parsing one value ------------------------------------------------------ */

/* What a text key must be, in words, or NULL when `text` is that. */
static const char *text_rule(uk_config_keys_check check, const char *text)
{
    switch (check) {
    case UK_CONFIG_KEYS_ANY_TEXT:
        return NULL;
    case UK_CONFIG_KEYS_LANGUAGE:
        return uk_strings_lang_valid(text) ? NULL
                                           : "must be a language code such as en, es or pt-br";
    case UK_CONFIG_KEYS_PIN_HASH:
        if (text[0] == '\0' || uk_pin_hash_usable(text))
            return NULL;
        return "must be empty or a yescrypt hash starting with $y$ (make one with unknot "
               "hash-pin)";
    case UK_CONFIG_KEYS_BACKLIGHT:
        if (strcmp(text, "auto") == 0 || strcmp(text, "none") == 0 || text[0] == '/')
            return NULL;
        return "must be auto, none or a path such as /sys/class/backlight/10-0045";
    case UK_CONFIG_KEYS_CHIP:
        return strcspn(text, " \t") == strlen(text)
                   ? NULL
                   : "must be empty (the Raspberry Pi's own chip) or name one, e.g. gpiochip0";
    }
    return NULL;
}

static const char *const bool_true[] = {"on", "true", "yes", "1"};
static const char *const bool_false[] = {"off", "false", "no", "0"};

/* "must be 0, 90, 180 or 270" */
static void describe_words(const char *const *words, char *out, size_t len)
{
    size_t count = 0;
    while (words[count])
        count++;
    int n = snprintf(out, len, "must be ");
    for (size_t i = 0; i < count && n >= 0 && (size_t)n < len; i++)
        n += snprintf(out + n, len - (size_t)n, "%s%s", words[i],
                      i + 2 < count    ? ", "
                      : i + 2 == count ? " or "
                                       : "");
}

static int parse_int(const char *text, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || value < min || value > max)
        return -1;
    *out = value;
    return 0;
}

/* Parses `text` for `k` and stores it. Returns 0, or -1 with the rule in `problem`. */
static int set_value(uk_config *config, const uk_config_keys_row *k, const char *text,
                     char *problem, size_t problem_len)
{
    char *field = (char *)config + k->offset;
    switch (k->type) {
    case UK_CONFIG_KEYS_INT: {
        long value;
        if (parse_int(text, k->min, k->max, &value) != 0)
            return uk_error_set(problem, problem_len, EINVAL,
                                "must be a whole number from %d to %d", k->min, k->max);
        *(int *)field = (int)value;
        return 0;
    }
    case UK_CONFIG_KEYS_WORD: {
        for (int i = 0; k->words[i]; i++) {
            if (strcmp(text, k->words[i]) == 0) {
                *(int *)field = k->values ? k->values[i] : i;
                return 0;
            }
        }
        char words[256];
        describe_words(k->words, words, sizeof words);
        return uk_error_set(problem, problem_len, EINVAL, "%s", words);
    }
    case UK_CONFIG_KEYS_BOOL:
        for (size_t i = 0; i < sizeof bool_true / sizeof bool_true[0]; i++) {
            if (strcasecmp(text, bool_true[i]) == 0 || strcasecmp(text, bool_false[i]) == 0) {
                *(bool *)field = strcasecmp(text, bool_true[i]) == 0;
                return 0;
            }
        }
        return uk_error_set(problem, problem_len, EINVAL,
                            "must be on or off (or true/false, yes/no, 1/0)");
    case UK_CONFIG_KEYS_TEXT: {
        const char *rule = text_rule(k->check, text);
        if (rule)
            return uk_error_set(problem, problem_len, EINVAL, "%s", rule);
        if (strlen(text) >= k->size)
            return uk_error_set(problem, problem_len, EINVAL, "must be shorter than %zu characters",
                                k->size);
        memcpy(field, text, strlen(text) + 1);
        return 0;
    }
    case UK_CONFIG_KEYS_SIZE: {
        long w, h;
        char copy[32];
        snprintf(copy, sizeof copy, "%s", text);
        char *x = strpbrk(copy, "xX");
        if (strlen(text) < sizeof copy && x) {
            *x = '\0';
            if (parse_int(copy, 320, 7680, &w) == 0 && parse_int(x + 1, 240, 7680, &h) == 0) {
                *(int *)field = (int)w;
                *(int *)((char *)config + k->offset2) = (int)h;
                return 0;
            }
        }
        return uk_error_set(problem, problem_len, EINVAL,
                            "must be WIDTHxHEIGHT, e.g. 800x480 (from 320x240 to 7680x7680)");
    }
    case UK_CONFIG_KEYS_HOURS:
        if (uk_schedule_parse_day(text, (uk_schedule_day *)field) != 0)
            return uk_error_set(problem, problem_len, EINVAL,
                                "must be always, closed or opening hours such as 08:00-18:30");
        return 0;
    }
    return uk_error_set(problem, problem_len, EINVAL, "cannot be set");
}

/* Writes the current value of `k` as it would appear in the file. */
static void format_value(const uk_config *config, const uk_config_keys_row *k, char *out,
                         size_t len)
{
    const char *field = (const char *)config + k->offset;
    switch (k->type) {
    case UK_CONFIG_KEYS_INT:
        snprintf(out, len, "%d", *(const int *)field);
        return;
    case UK_CONFIG_KEYS_WORD:
        for (int i = 0; k->words[i]; i++) {
            if ((k->values ? k->values[i] : i) == *(const int *)field) {
                snprintf(out, len, "%s", k->words[i]);
                return;
            }
        }
        snprintf(out, len, "?");
        return;
    case UK_CONFIG_KEYS_BOOL:
        snprintf(out, len, "%s", *(const bool *)field ? "on" : "off");
        if (strcmp(k->fallback, "true") == 0 || strcmp(k->fallback, "false") == 0)
            snprintf(out, len, "%s", *(const bool *)field ? "true" : "false");
        return;
    case UK_CONFIG_KEYS_TEXT:
        snprintf(out, len, "%s", field);
        return;
    case UK_CONFIG_KEYS_SIZE:
        snprintf(out, len, "%dx%d", *(const int *)field,
                 *(const int *)((const char *)config + k->offset2));
        return;
    case UK_CONFIG_KEYS_HOURS:
        uk_schedule_format_day((const uk_schedule_day *)field, out, len);
        return;
    }
}

int uk_config_key_find(const char *section, const char *name)
{
    for (size_t i = 0; i < uk_config_keys_count; i++)
        if (strcmp(uk_config_keys_table[i].section, section) == 0 &&
            strcmp(uk_config_keys_table[i].name, name) == 0)
            return (int)i;
    return -1;
}

int uk_config_key_set(uk_config *config, size_t i, const char *text, char *error, size_t error_len)
{
    if (i >= uk_config_keys_count)
        return uk_error_set(error, error_len, EINVAL, "no such key");
    return set_value(config, &uk_config_keys_table[i], text, error, error_len);
}

static const uk_config_keys_row *find_key(const char *section, const char *name)
{
    int i = uk_config_key_find(section, name);
    return i >= 0 ? &uk_config_keys_table[i] : NULL;
}

/* The keys are grouped by section: a section starts where its first key is. */
static bool first_of_section(size_t i)
{
    return i == 0 ||
           strcmp(uk_config_keys_table[i - 1].section, uk_config_keys_table[i].section) != 0;
}

static bool known_section(const char *section)
{
    for (size_t i = 0; i < uk_config_keys_count; i++)
        if (strcmp(uk_config_keys_table[i].section, section) == 0)
            return true;
    return false;
}

/* "unknown key; [display] has mode, size, rotation, renderer, font_dir" and the like. */
static void describe_unknown(const char *section, char *problem, size_t len)
{
    bool unknown = !known_section(section);
    int n = unknown ? snprintf(problem, len, "unknown section; the sections are")
                    : snprintf(problem, len, "unknown key; [%s] has", section);
    bool first = true;
    for (size_t i = 0; i < uk_config_keys_count && n >= 0 && (size_t)n < len; i++) {
        if (unknown ? !first_of_section(i) : strcmp(uk_config_keys_table[i].section, section) != 0)
            continue;
        n += snprintf(problem + n, len - (size_t)n, "%s %s", first ? "" : ",",
                      unknown ? uk_config_keys_table[i].section : uk_config_keys_table[i].name);
        first = false;
    }
}

void uk_config_defaults(uk_config *config)
{
    memset(config, 0, sizeof *config);
    char problem[256];
    for (size_t i = 0; i < uk_config_keys_count; i++)
        if (set_value(config, &uk_config_keys_table[i], uk_config_keys_table[i].fallback, problem,
                      sizeof problem) != 0)
            abort(); /* a default the table itself refuses: caught by every test run */
    snprintf(config->run.shots, sizeof config->run.shots, ".");
}

/* ---- the file ----------------------------------------------------------------- */

typedef struct file_reader {
    FILE *file;
    const char *path;
    int line; /* the physical line inih is looking at */
    uk_config *config;
    uk_config_report *report;
    void *ctx;
} file_reader;

static void reportf(uk_config *config, uk_config_report *report, void *ctx, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void reportf(uk_config *config, uk_config_report *report, void *ctx, const char *format, ...)
{
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    config->problems++;
    if (report)
        report(ctx, message);
}

/*
 * inih's reader: one physical line per call, so inih's line count is ours.
 * A line longer than inih's buffer is replaced by an empty one and
 * reported, rather than cut into pieces that would each be misread.
 */
static char *read_line(char *buf, int size, void *stream)
{
    file_reader *reader = stream;
    char *line = NULL;
    size_t capacity = 0;
    ssize_t len = getline(&line, &capacity, reader->file);
    if (len < 0) {
        free(line);
        return NULL;
    }
    reader->line++;
    if (len >= size) {
        reportf(reader->config, reader->report, reader->ctx,
                "%s:%d: line longer than %d characters; ignored", reader->path, reader->line,
                size - 1);
        snprintf(buf, (size_t)size, "\n");
    } else {
        memcpy(buf, line, (size_t)len + 1);
    }
    free(line);
    return buf;
}

static int on_ini_value(void *user, const char *section, const char *name, const char *value)
{
    file_reader *reader = user;
    char problem[512], current[UK_CONFIG_PATH_MAX];
    if (section[0] == '\0') {
        reportf(reader->config, reader->report, reader->ctx,
                "%s:%d: %s: every key belongs under a [section] line, e.g. [display]", reader->path,
                reader->line, name);
        return 1;
    }
    const uk_config_keys_row *k = find_key(section, name);
    if (!k) {
        describe_unknown(section, problem, sizeof problem);
        reportf(reader->config, reader->report, reader->ctx, "%s:%d: [%s] %s: %s", reader->path,
                reader->line, section, name, problem);
        return 1;
    }
    if (set_value(reader->config, k, value, problem, sizeof problem) != 0) {
        format_value(reader->config, k, current, sizeof current);
        reportf(reader->config, reader->report, reader->ctx, "%s:%d: [%s] %s = %s: %s; using %s",
                reader->path, reader->line, section, name, value, problem,
                current[0] ? current : "the default (empty)");
    }
    return 1;
}

int uk_config_read_file(uk_config *config, const char *path, uk_config_report *report, void *ctx)
{
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    file_reader reader = {
        .file = file, .path = path, .config = config, .report = report, .ctx = ctx};
    int rc = ini_parse_stream(read_line, &reader, on_ini_value, &reader);
    fclose(file);
    if (rc > 0)
        reportf(config, report, ctx,
                "%s:%d: cannot read this line: expected [section], key = value, or a comment "
                "starting with # or ;",
                path, rc);
    else if (rc < 0)
        reportf(config, report, ctx, "%s: out of memory while reading", path);
    return 0;
}

/* ---- the environment ---------------------------------------------------------- */

static void env_name(const uk_config_keys_row *k, char *out, size_t len)
{
    snprintf(out, len, "UNKNOT_%s_%s", k->section, k->name);
    for (char *p = out; *p; p++)
        *p = (char)toupper((unsigned char)*p);
}

static void apply_env(uk_config *config, const char *variable, const uk_config_keys_row *k,
                      uk_config_report *report, void *ctx)
{
    const char *value = getenv(variable);
    char problem[512], current[UK_CONFIG_PATH_MAX];
    if (!value || set_value(config, k, value, problem, sizeof problem) == 0)
        return;
    format_value(config, k, current, sizeof current);
    reportf(config, report, ctx, "environment: %s=%s: %s; using %s", variable, value, problem,
            current[0] ? current : "the default (empty)");
}

void uk_config_read_env(uk_config *config, uk_config_report *report, void *ctx)
{
    for (size_t i = 0; i < sizeof env_aliases / sizeof env_aliases[0]; i++)
        apply_env(config, env_aliases[i].variable,
                  find_key(env_aliases[i].section, env_aliases[i].name), report, ctx);
    char variable[128];
    for (size_t i = 0; i < uk_config_keys_count; i++) {
        env_name(&uk_config_keys_table[i], variable, sizeof variable);
        apply_env(config, variable, &uk_config_keys_table[i], report, ctx);
    }
}

int uk_config_read_settings(uk_config *config, const char *path, uk_config_report *report,
                            void *ctx)
{
    const char *named = getenv("UNKNOT_CONFIG");
    if (!path && named && named[0])
        path = named;
    snprintf(config->run.config, sizeof config->run.config, "%s",
             path ? path : UK_CONFIG_DEFAULT_FILE);
    if (uk_config_read_file(config, config->run.config, report, ctx) != 0) {
        /* Only the default file may be missing: a named one is a mistake to report. */
        if (path || errno != ENOENT)
            return -1;
        config->run.config[0] = '\0';
    }
    uk_config_read_env(config, report, ctx);
    return 0;
}

/* ---- the whole start-up reading ------------------------------------------------ */

static void report_to_file(void *ctx, const char *message)
{
    fprintf((FILE *)ctx, "unknot: %s\n", message);
}

/* Room for any message about the command line: each names at most two of its words. */
static size_t error_room(int argc, char **argv)
{
    size_t room = 1024;
    for (int i = 0; i < argc; i++)
        room += 2 * strlen(argv[i]);
    return room;
}

int uk_config_load(uk_config *config, int argc, char **argv, FILE *out, FILE *err)
{
    uk_config_defaults(config);
    size_t error_len = error_room(argc, argv);
    char *error = malloc(error_len);
    if (!error) {
        fprintf(err, "unknot: out of memory\n");
        return 2;
    }
    int rc = 0;
    /* 1. What to do comes first: --help answers even when the file is broken. */
    uk_command_line *cl = uk_command_line_parse(argc, argv, config, error, error_len);
    if (!cl) {
        fprintf(err, "unknot: %s\n", error);
        rc = 2;
        goto out_free_error;
    }
    switch (uk_command_line_asked(cl)) {
    case UK_COMMAND_LINE_HELP:
        uk_config_print_help(out);
        rc = 1;
        goto out_free;
    case UK_COMMAND_LINE_VERSION:
        fprintf(out, "unknot %s\n", UNKNOT_VERSION);
        rc = 1;
        goto out_free;
    case UK_COMMAND_LINE_RUN:
        break;
    }

    /* 2. The file and the environment; 3. the command line's keys over them. */
    if (uk_config_read_settings(config, uk_command_line_config_file(cl), report_to_file, err) !=
        0) {
        fprintf(err, "unknot: cannot read the configuration file %s: %s\n", config->run.config,
                strerror(errno));
        rc = 3;
        goto out_free;
    }
    if (uk_command_line_apply(cl, config, error, error_len) != 0) {
        fprintf(err, "unknot: %s\n", error);
        rc = 2;
        goto out_free;
    }

    if (config->display.mode == UK_DISPLAY_AUTO) {
        /* On a desktop, a window; on a bare console, the whole screen. */
        bool desktop = getenv("DISPLAY") || getenv("WAYLAND_DISPLAY");
        config->display.mode = desktop ? UK_DISPLAY_WINDOWED : UK_DISPLAY_FULLSCREEN;
    }

out_free:
    uk_command_line_free(cl);
out_free_error:
    free(error);
    return rc;
}

bool uk_config_lockdown(const uk_config *config)
{
    if (config->kiosk.lockdown == UK_SWITCH_AUTO)
        return config->display.mode == UK_DISPLAY_FULLSCREEN;
    return config->kiosk.lockdown == UK_SWITCH_ON;
}

void uk_config_print(FILE *out, const uk_config *config)
{
    char value[UK_CONFIG_PATH_MAX];
    for (size_t i = 0; i < uk_config_keys_count; i++) {
        if (first_of_section(i))
            fprintf(out, "%s[%s]\n", i ? "\n" : "", uk_config_keys_table[i].section);
        format_value(config, &uk_config_keys_table[i], value, sizeof value);
        fprintf(out, "%s = %s\n", uk_config_keys_table[i].name, value);
    }
}

void uk_config_print_help(FILE *out)
{
    uk_command_line_print_help(out);
}

size_t uk_config_key_count(void)
{
    return uk_config_keys_count;
}

const char *uk_config_key_section(size_t i)
{
    return i < uk_config_keys_count ? uk_config_keys_table[i].section : NULL;
}

const char *uk_config_key_name(size_t i)
{
    return i < uk_config_keys_count ? uk_config_keys_table[i].name : NULL;
}

const char *uk_config_key_default(size_t i)
{
    return i < uk_config_keys_count ? uk_config_keys_table[i].fallback : NULL;
}
