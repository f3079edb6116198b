/*
 * config.c: the table of settings, and the three readers that share it.
 *
 * Every key is one row of `keys` below. Adding a setting means adding a
 * row, a field in uk_config and a paragraph in systemd/unknot.conf.example
 * (tests/test_config.c fails until the example has it). Nothing else in
 * this file knows any key by name, except the two older environment names
 * in `env_aliases` and the flags in `flags`.
 *
 * Values are parsed by type; a default is written as text and parsed by
 * the same code as a value from the file, so a default can never be one the
 * file would refuse (a test checks each).
 */
#include "app/model/strings.h"
#include "platform/system/config.h"
#include "platform/system/pin_hash.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

_Static_assert(sizeof(uk_display_mode) == sizeof(int) && sizeof(uk_switch) == sizeof(int) &&
                   sizeof(uk_renderer) == sizeof(int) && sizeof(uk_gpio_bias) == sizeof(int) &&
                   sizeof(uk_outside_hours) == sizeof(int),
               "word settings are stored as int");

/* ---- the table ------------------------------------------------------------- */

typedef enum key_type {
    KEY_INT,   /* a whole number from min to max */
    KEY_WORD,  /* one of `words`; stored as the matching `values` entry, or its index */
    KEY_BOOL,  /* on/off, true/false, yes/no, 1/0 */
    KEY_TEXT,  /* free text up to `size` - 1 bytes, checked by `check` if set */
    KEY_SIZE,  /* WIDTHxHEIGHT into two ints */
    KEY_HOURS, /* a day of the opening hours (app/schedule.h) */
} key_type;

typedef struct key {
    const char *section;
    const char *name;
    key_type type;
    const char *fallback; /* the default, as it is written in the file */
    int min, max;         /* KEY_INT */
    const char *const *words;
    const int *values;
    const char *(*check)(const char *text); /* KEY_TEXT: the problem, or NULL */
    size_t offset, size;                    /* where the value lives in uk_config */
    size_t offset2;                         /* KEY_SIZE: the height */
    const char *option;                     /* a short command-line name, or NULL */
    const char *arg;                        /* the argument's name in --help */
    const char *help;
} key;

#define AT(field) .offset = offsetof(uk_config, field), .size = sizeof(((uk_config *)0)->field)
#define WORDS(...)                                                                                 \
    .words = (const char *const[])                                                                 \
    {                                                                                              \
        __VA_ARGS__, NULL                                                                          \
    }
#define VALUES(...)                                                                                \
    .values = (const int[])                                                                        \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }

static const char *check_language(const char *text);
static const char *check_pin_hash(const char *text);
static const char *check_backlight(const char *text);
static const char *check_chip(const char *text);

#define HOURS(day, index, dayname)                                                                 \
    {                                                                                              \
        .section = "schedule", .name = day, .type = KEY_HOURS, .fallback = "always",               \
        AT(schedule.hours.days[index]), .arg = "HOURS",                                            \
        .help = "opening hours on " dayname ": always, closed or HH:MM-HH:MM"                      \
    }

#define GPIO_LINE(button, ACTION, fallback_line)                                                   \
    {                                                                                              \
        .section = "gpio", .name = #button, .type = KEY_INT, .fallback = fallback_line, .min = -1, \
        .max = 511, AT(gpio.lines[UK_ACTION_##ACTION]), .arg = "LINE",                             \
        .help = "line offset (BCM number) of the " #ACTION " button; -1 = not wired"               \
    }

static const key keys[] = {
    /* [display] */
    {.section = "display",
     .name = "mode",
     .type = KEY_WORD,
     .fallback = "auto",
     WORDS("auto", "fullscreen", "windowed", "headless"),
     VALUES(UK_DISPLAY_AUTO, UK_DISPLAY_FULLSCREEN, UK_DISPLAY_WINDOWED, UK_DISPLAY_HEADLESS),
     AT(display.mode),
     .arg = "MODE",
     .help = "auto (a window on a desktop, else the whole screen), fullscreen, windowed or "
             "headless"},
    {.section = "display",
     .name = "size",
     .type = KEY_SIZE,
     .fallback = "800x480",
     AT(display.width),
     .offset2 = offsetof(uk_config, display.height),
     .option = "size",
     .arg = "WxH",
     .help = "the panel's size as it reports itself (window size when windowed), e.g. 800x480, "
             "1024x600, 1280x800, 720x1280"},
    {.section = "display",
     .name = "rotation",
     .type = KEY_WORD,
     .fallback = "0",
     WORDS("0", "90", "180", "270"),
     VALUES(0, 90, 180, 270),
     AT(display.rotation),
     .option = "rotation",
     .arg = "DEGREES",
     .help = "turn the picture (and touches) clockwise: 0, 90, 180 or 270"},
    {.section = "display",
     .name = "renderer",
     .type = KEY_WORD,
     .fallback = "auto",
     WORDS("auto", "software"),
     VALUES(UK_RENDERER_AUTO, UK_RENDERER_SOFTWARE),
     AT(display.renderer),
     .arg = "WHICH",
     .help = "auto (the GPU when there is one) or software"},
    {.section = "display",
     .name = "font_dir",
     .type = KEY_TEXT,
     .fallback = "",
     AT(display.font_dir),
     .option = "font-dir",
     .arg = "DIR",
     .help = "folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf (empty: the installed fonts)"},

    /* [content] */
    {.section = "content",
     .name = "dir",
     .type = KEY_TEXT,
     .fallback = "",
     AT(content.dir),
     .option = "content",
     .arg = "DIR",
     .help = "routines, motions and languages (empty: the installed content)"},
    {.section = "content",
     .name = "language",
     .type = KEY_TEXT,
     .fallback = "en",
     .check = check_language,
     AT(content.language),
     .option = "lang",
     .arg = "CODE",
     .help = "the kiosk's language, e.g. en"},

    /* [kiosk] */
    {.section = "kiosk",
     .name = "idle_seconds",
     .type = KEY_INT,
     .fallback = "90",
     .min = 10,
     .max = 3600,
     AT(kiosk.idle_seconds),
     .option = "idle-seconds",
     .arg = "N",
     .help = "back to the start after N s without input"},
    {.section = "kiosk",
     .name = "still_there_seconds",
     .type = KEY_INT,
     .fallback = "20",
     .min = 5,
     .max = 600,
     AT(kiosk.still_there_seconds),
     .arg = "N",
     .help = "how long \"Still there?\" waits for an answer"},
    {.section = "kiosk",
     .name = "sound",
     .type = KEY_BOOL,
     .fallback = "on",
     AT(kiosk.sound),
     .arg = "on|off",
     .help = "play the short, soft sounds that mark a step, the 3-2-1 and the end"},
    {.section = "kiosk",
     .name = "lockdown",
     .type = KEY_WORD,
     .fallback = "auto",
     WORDS("auto", "on", "off"),
     VALUES(UK_SWITCH_AUTO, UK_SWITCH_ON, UK_SWITCH_OFF),
     AT(kiosk.lockdown),
     .arg = "WHEN",
     .help = "no key or window close ends the kiosk; auto = on when full screen"},

    /* [usage] */
    {.section = "usage",
     .name = "database",
     .type = KEY_TEXT,
     .fallback = "",
     AT(usage.database),
     .option = "db",
     .arg = "PATH",
     .help = "usage database (empty: $STATE_DIRECTORY/usage.db, else "
             "$XDG_STATE_HOME/unknot/usage.db, else ~/.local/state/unknot/usage.db)"},
    {.section = "usage",
     .name = "retention_days",
     .type = KEY_INT,
     .fallback = "90",
     .min = 1,
     .max = 3650,
     AT(usage.retention_days),
     .arg = "DAYS",
     .help = "sessions older than this are deleted"},

    /* [gpio] */
    {.section = "gpio",
     .name = "enabled",
     .type = KEY_WORD,
     .fallback = "auto",
     WORDS("auto", "on", "off"),
     VALUES(UK_SWITCH_AUTO, UK_SWITCH_ON, UK_SWITCH_OFF),
     AT(gpio.enabled),
     .arg = "WHEN",
     .help = "physical buttons: auto (when the chip exists), on or off"},
    {.section = "gpio",
     .name = "chip",
     .type = KEY_TEXT,
     .fallback = "",
     .check = check_chip,
     AT(gpio.chip),
     .arg = "CHIP",
     .help = "the GPIO chip: a name such as gpiochip0, a path or a label; empty finds the "
             "Raspberry Pi's own (pinctrl-rp1 on a Pi 5, pinctrl-bcm2711 on a Pi 4)"},
    GPIO_LINE(up, UP, "5"),
    GPIO_LINE(down, DOWN, "6"),
    GPIO_LINE(select, SELECT, "13"),
    GPIO_LINE(back, BACK, "19"),
    GPIO_LINE(help, HELP, "26"),
    {.section = "gpio",
     .name = "active_low",
     .type = KEY_BOOL,
     .fallback = "true",
     AT(gpio.active_low),
     .arg = "BOOL",
     .help = "a pressed button reads low (a switch to ground)"},
    {.section = "gpio",
     .name = "bias",
     .type = KEY_WORD,
     .fallback = "pull-up",
     WORDS("pull-up", "pull-down", "disabled", "as-is"),
     VALUES(UK_GPIO_BIAS_PULL_UP, UK_GPIO_BIAS_PULL_DOWN, UK_GPIO_BIAS_DISABLED,
            UK_GPIO_BIAS_AS_IS),
     AT(gpio.bias),
     .arg = "BIAS",
     .help = "the lines' internal resistors"},
    {.section = "gpio",
     .name = "debounce_ms",
     .type = KEY_INT,
     .fallback = "10",
     .min = 0,
     .max = 1000,
     AT(gpio.debounce_ms),
     .arg = "MS",
     .help = "ignore contact bounce shorter than this"},
    {.section = "gpio",
     .name = "long_press_ms",
     .type = KEY_INT,
     .fallback = "2000",
     .min = 100,
     .max = 10000,
     AT(gpio.long_press_ms),
     .option = "long-press-ms",
     .arg = "MS",
     .help = "a press held this long counts as a long press"},
    {.section = "gpio",
     .name = "scan_ms",
     .type = KEY_INT,
     .fallback = "0",
     .min = 0,
     .max = 10000,
     AT(gpio.scan_ms),
     .arg = "MS",
     .help = "single-switch scanning: move the highlight every MS; 0 = off"},

    /* [admin] */
    {.section = "admin",
     .name = "pin_hash",
     .type = KEY_TEXT,
     .fallback = "",
     .check = check_pin_hash,
     AT(admin.pin_hash),
     .arg = "HASH",
     .help = "crypt(3) hash of the admin PIN, from `unknot hash-pin` (empty: no admin screen)"},
    {.section = "admin",
     .name = "max_attempts",
     .type = KEY_INT,
     .fallback = "5",
     .min = 1,
     .max = 100,
     AT(admin.max_attempts),
     .arg = "N",
     .help = "wrong PINs in a row before the admin screen locks"},
    {.section = "admin",
     .name = "lockout_seconds",
     .type = KEY_INT,
     .fallback = "300",
     .min = 10,
     .max = 86400,
     AT(admin.lockout_seconds),
     .arg = "N",
     .help = "seconds the first lockout lasts; each further one doubles, up to an hour"},

    /* [schedule] */
    HOURS("mon", 0, "Mondays"),
    HOURS("tue", 1, "Tuesdays"),
    HOURS("wed", 2, "Wednesdays"),
    HOURS("thu", 3, "Thursdays"),
    HOURS("fri", 4, "Fridays"),
    HOURS("sat", 5, "Saturdays"),
    HOURS("sun", 6, "Sundays"),
    {.section = "schedule",
     .name = "outside",
     .type = KEY_WORD,
     .fallback = "blank",
     WORDS("blank", "dim"),
     VALUES(UK_OUTSIDE_BLANK, UK_OUTSIDE_DIM),
     AT(schedule.outside),
     .arg = "HOW",
     .help = "outside opening hours: blank (screen off) or dim"},
    {.section = "schedule",
     .name = "dim_percent",
     .type = KEY_INT,
     .fallback = "10",
     .min = 0,
     .max = 100,
     AT(schedule.dim_percent),
     .arg = "PERCENT",
     .help = "brightness when dimmed"},
    {.section = "schedule",
     .name = "backlight",
     .type = KEY_TEXT,
     .fallback = "auto",
     .check = check_backlight,
     AT(schedule.backlight),
     .arg = "WHICH",
     .help = "auto (the first in /sys/class/backlight), none, or a /sys/class/backlight/NAME"},
};

#define KEY_COUNT (sizeof keys / sizeof keys[0])

/* Older environment names, read before the table's own names. */
static const struct {
    const char *variable, *section, *name;
} env_aliases[] = {
    {"UNKNOT_CONTENT", "content", "dir"},
    {"UNKNOT_FONT_DIR", "display", "font_dir"},
};

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

/* ---- checks for text keys ------------------------------------------------------ */

static const char *check_language(const char *text)
{
    return uk_lang_code_valid(text) ? NULL : "must be a language code such as en, es or pt-br";
}

static const char *check_pin_hash(const char *text)
{
    if (text[0] == '\0' || uk_pin_hash_usable(text))
        return NULL;
    return "must be empty or a yescrypt hash starting with $y$ (make one with unknot hash-pin)";
}

static const char *check_backlight(const char *text)
{
    if (strcmp(text, "auto") == 0 || strcmp(text, "none") == 0 || text[0] == '/')
        return NULL;
    return "must be auto, none or a path such as /sys/class/backlight/10-0045";
}

static const char *check_chip(const char *text)
{
    return strcspn(text, " \t") == strlen(text)
               ? NULL
               : "must be empty (the Raspberry Pi's own chip) or name one, e.g. gpiochip0";
}

/* ---- parsing one value ------------------------------------------------------ */

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
static int set_value(uk_config *config, const key *k, const char *text, char *problem,
                     size_t problem_len)
{
    char *field = (char *)config + k->offset;
    switch (k->type) {
    case KEY_INT: {
        long value;
        if (parse_int(text, k->min, k->max, &value) != 0) {
            snprintf(problem, problem_len, "must be a whole number from %d to %d", k->min, k->max);
            return -1;
        }
        *(int *)field = (int)value;
        return 0;
    }
    case KEY_WORD:
        for (int i = 0; k->words[i]; i++) {
            if (strcmp(text, k->words[i]) == 0) {
                *(int *)field = k->values ? k->values[i] : i;
                return 0;
            }
        }
        describe_words(k->words, problem, problem_len);
        return -1;
    case KEY_BOOL:
        for (size_t i = 0; i < sizeof bool_true / sizeof bool_true[0]; i++) {
            if (strcasecmp(text, bool_true[i]) == 0 || strcasecmp(text, bool_false[i]) == 0) {
                *(bool *)field = strcasecmp(text, bool_true[i]) == 0;
                return 0;
            }
        }
        snprintf(problem, problem_len, "must be on or off (or true/false, yes/no, 1/0)");
        return -1;
    case KEY_TEXT: {
        const char *rule = k->check ? k->check(text) : NULL;
        if (rule) {
            snprintf(problem, problem_len, "%s", rule);
            return -1;
        }
        if (strlen(text) >= k->size) {
            snprintf(problem, problem_len, "must be shorter than %zu characters", k->size);
            return -1;
        }
        memcpy(field, text, strlen(text) + 1);
        return 0;
    }
    case KEY_SIZE: {
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
        snprintf(problem, problem_len,
                 "must be WIDTHxHEIGHT, e.g. 800x480 (from 320x240 to 7680x7680)");
        return -1;
    }
    case KEY_HOURS:
        if (uk_schedule_parse_day(text, (uk_schedule_day *)field) != 0) {
            snprintf(problem, problem_len,
                     "must be always, closed or opening hours such as 08:00-18:30");
            return -1;
        }
        return 0;
    }
    return -1;
}

/* Writes the current value of `k` as it would appear in the file. */
static void format_value(const uk_config *config, const key *k, char *out, size_t len)
{
    const char *field = (const char *)config + k->offset;
    switch (k->type) {
    case KEY_INT:
        snprintf(out, len, "%d", *(const int *)field);
        return;
    case KEY_WORD:
        for (int i = 0; k->words[i]; i++) {
            if ((k->values ? k->values[i] : i) == *(const int *)field) {
                snprintf(out, len, "%s", k->words[i]);
                return;
            }
        }
        snprintf(out, len, "?");
        return;
    case KEY_BOOL:
        snprintf(out, len, "%s", *(const bool *)field ? "on" : "off");
        if (strcmp(k->fallback, "true") == 0 || strcmp(k->fallback, "false") == 0)
            snprintf(out, len, "%s", *(const bool *)field ? "true" : "false");
        return;
    case KEY_TEXT:
        snprintf(out, len, "%s", field);
        return;
    case KEY_SIZE:
        snprintf(out, len, "%dx%d", *(const int *)field,
                 *(const int *)((const char *)config + k->offset2));
        return;
    case KEY_HOURS:
        uk_schedule_format_day((const uk_schedule_day *)field, out, len);
        return;
    }
}

static const key *find_key(const char *section, const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(keys[i].section, section) == 0 && strcmp(keys[i].name, name) == 0)
            return &keys[i];
    return NULL;
}

/* The keys are grouped by section: a section starts where its first key is. */
static bool first_of_section(size_t i)
{
    return i == 0 || strcmp(keys[i - 1].section, keys[i].section) != 0;
}

static bool known_section(const char *section)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(keys[i].section, section) == 0)
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
    for (size_t i = 0; i < KEY_COUNT && n >= 0 && (size_t)n < len; i++) {
        if (unknown ? !first_of_section(i) : strcmp(keys[i].section, section) != 0)
            continue;
        n += snprintf(problem + n, len - (size_t)n, "%s %s", first ? "" : ",",
                      unknown ? keys[i].section : keys[i].name);
        first = false;
    }
}

void uk_config_defaults(uk_config *config)
{
    memset(config, 0, sizeof *config);
    char problem[256];
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (set_value(config, &keys[i], keys[i].fallback, problem, sizeof problem) != 0)
            abort(); /* a default the table itself refuses: caught by every test run */
    snprintf(config->run.shots, sizeof config->run.shots, ".");
}

/* ---- the file ----------------------------------------------------------------- */

typedef struct file_reader {
    FILE *file;
    const char *path;
    int line;      /* the physical line inih is looking at */
    int long_line; /* first line too long to read, 0 if none */
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
    const key *k = find_key(section, name);
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

static void env_name(const key *k, char *out, size_t len)
{
    snprintf(out, len, "UNKNOT_%s_%s", k->section, k->name);
    for (char *p = out; *p; p++)
        *p = (char)toupper((unsigned char)*p);
}

static void apply_env(uk_config *config, const char *variable, const key *k,
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
    for (size_t i = 0; i < KEY_COUNT; i++) {
        env_name(&keys[i], variable, sizeof variable);
        apply_env(config, variable, &keys[i], report, ctx);
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

/* ---- the command line --------------------------------------------------------- */

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

/* --display-rotation for [display] rotation. */
static void long_name(const key *k, char *out, size_t len)
{
    snprintf(out, len, "%s-%s", k->section, k->name);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

typedef struct argument {
    int val;
    const char *text; /* the option as typed, for messages */
    const char *value;
} argument;

typedef struct command_line {
    struct option options[2 * KEY_COUNT + FLAG_COUNT + COMMAND_COUNT + 1];
    char names[KEY_COUNT][OPTION_NAME];
    argument *arguments;
    size_t count;
} command_line;

static void build_options(command_line *cl)
{
    size_t n = 0;
    for (size_t i = 0; i < KEY_COUNT; i++) {
        long_name(&keys[i], cl->names[i], OPTION_NAME);
        cl->options[n++] = (struct option){cl->names[i], required_argument, NULL, VAL_KEY + (int)i};
        if (keys[i].option)
            cl->options[n++] =
                (struct option){keys[i].option, required_argument, NULL, VAL_KEY + (int)i};
    }
    for (size_t i = 0; i < FLAG_COUNT; i++)
        cl->options[n++] = (struct option){flags[i].option, no_argument, NULL, VAL_FLAG + (int)i};
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        cl->options[n++] =
            (struct option){commands[i].option, commands[i].has_arg, NULL, VAL_COMMAND + (int)i};
    cl->options[n] = (struct option){0};
}

/* Collects the options in order. 0, or 2 with a message on `err`. */
static int collect_arguments(command_line *cl, int argc, char **argv, FILE *err)
{
    cl->arguments = calloc((size_t)argc + 1, sizeof *cl->arguments);
    if (!cl->arguments) {
        fprintf(err, "unknot: out of memory\n");
        return 2;
    }
    build_options(cl);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "", cl->options, NULL)) != -1) {
        if (c < VAL_KEY) {
            fprintf(err, "unknot: unknown or incomplete option '%s' (see unknot --help)\n",
                    argv[optind - 1]);
            return 2;
        }
        cl->arguments[cl->count++] =
            (argument){.val = c, .text = argv[optind - (optarg ? 2 : 1)], .value = optarg};
        /* --name=value is one word: its option text is the word itself. */
        if (optarg && optind >= 1 && strchr(argv[optind - 1], '=') &&
            strncmp(argv[optind - 1], "--", 2) == 0)
            cl->arguments[cl->count - 1].text = argv[optind - 1];
    }
    if (optind < argc) {
        fprintf(err, "unknot: unexpected argument '%s' (see unknot --help)\n", argv[optind]);
        return 2;
    }
    return 0;
}

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

void uk_config_print_help(FILE *out)
{
    fprintf(out, "Usage: unknot [OPTION]...\n"
                 "A self-care kiosk for muscle knots: guided stretches with an animated figure.\n"
                 "\n"
                 "Every setting below is also a key in the configuration file\n"
                 "(" UK_CONFIG_DEFAULT_FILE ": [section] key = value) and an environment\n"
                 "variable (UNKNOT_SECTION_KEY). The environment overrides the file, and the\n"
                 "command line overrides both.\n");
    char left[128], help[512], name[OPTION_NAME];
    for (size_t i = 0; i < KEY_COUNT; i++) {
        const key *k = &keys[i];
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

static void report_to_file(void *ctx, const char *message)
{
    fprintf((FILE *)ctx, "unknot: %s\n", message);
}

static void copy_path(char *out, const char *value)
{
    snprintf(out, UK_CONFIG_PATH_MAX, "%s", value);
}

/* Applies the options that set keys, in order. 0, or 2 with a message. */
static int apply_arguments(uk_config *config, const command_line *cl, FILE *err)
{
    int display_flags = 0;
    char problem[512];
    for (size_t i = 0; i < cl->count; i++) {
        const argument *a = &cl->arguments[i];
        const key *k = NULL;
        const char *value = a->value;
        if (a->val >= VAL_FLAG && a->val < VAL_COMMAND) {
            const char *flag_section = flags[a->val - VAL_FLAG].section;
            const char *flag_name = flags[a->val - VAL_FLAG].name;
            display_flags += strcmp(flag_name, "mode") == 0;
            k = find_key(flag_section, flag_name);
            value = flags[a->val - VAL_FLAG].value;
        } else if (a->val >= VAL_KEY && a->val < VAL_FLAG) {
            k = &keys[a->val - VAL_KEY];
        }
        if (!k)
            continue;
        if (set_value(config, k, value, problem, sizeof problem) != 0) {
            fprintf(err, "unknot: %s%s%s: %s\n", a->text, strchr(a->text, '=') ? "" : " ",
                    strchr(a->text, '=') ? "" : value, problem);
            return 2;
        }
    }
    if (display_flags > 1) {
        fprintf(err, "unknot: choose one of --fullscreen, --windowed and --headless\n");
        return 2;
    }
    return 0;
}

int uk_config_load(uk_config *config, int argc, char **argv, FILE *out, FILE *err)
{
    uk_config_defaults(config);
    command_line *cl = calloc(1, sizeof *cl);
    if (!cl) {
        fprintf(err, "unknot: out of memory\n");
        return 2;
    }
    int rc = collect_arguments(cl, argc, argv, err);
    if (rc != 0)
        goto out_free;

    /* What to do comes first: --help answers even when the file is broken. */
    const char *config_path = NULL;
    for (size_t i = 0; i < cl->count; i++) {
        const argument *a = &cl->arguments[i];
        if (a->val < VAL_COMMAND)
            continue;
        switch (commands[a->val - VAL_COMMAND].what) {
        case RUN_HELP:
            uk_config_print_help(out);
            rc = 1;
            goto out_free;
        case RUN_VERSION:
            fprintf(out, "unknot %s\n", UNKNOT_VERSION);
            rc = 1;
            goto out_free;
        case RUN_CONFIG:
            config_path = a->value;
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
            if (strlen(a->value) >= sizeof config->run.gpio_lines ||
                uk_gpio_parse_lines(a->value, &scratch, problem, sizeof problem) != 0) {
                fprintf(err, "unknot: --gpio-lines %s: %s\n", a->value,
                        strlen(a->value) >= sizeof config->run.gpio_lines ? "too long" : problem);
                rc = 2;
                goto out_free;
            }
            snprintf(config->run.gpio_lines, sizeof config->run.gpio_lines, "%s", a->value);
            break;
        }
        }
    }

    if (uk_config_read_settings(config, config_path, report_to_file, err) != 0) {
        fprintf(err, "unknot: cannot read the configuration file %s: %s\n", config->run.config,
                strerror(errno));
        rc = 3;
        goto out_free;
    }
    rc = apply_arguments(config, cl, err);
    if (rc != 0)
        goto out_free;

    if (config->display.mode == UK_DISPLAY_AUTO) {
        /* On a desktop, a window; on a bare console, the whole screen. */
        bool desktop = getenv("DISPLAY") || getenv("WAYLAND_DISPLAY");
        config->display.mode = desktop ? UK_DISPLAY_WINDOWED : UK_DISPLAY_FULLSCREEN;
    }

out_free:
    free(cl->arguments);
    free(cl);
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
    for (size_t i = 0; i < KEY_COUNT; i++) {
        if (first_of_section(i))
            fprintf(out, "%s[%s]\n", i ? "\n" : "", keys[i].section);
        format_value(config, &keys[i], value, sizeof value);
        fprintf(out, "%s = %s\n", keys[i].name, value);
    }
}

size_t uk_config_key_count(void)
{
    return KEY_COUNT;
}

const char *uk_config_key_section(size_t i)
{
    return i < KEY_COUNT ? keys[i].section : NULL;
}

const char *uk_config_key_name(size_t i)
{
    return i < KEY_COUNT ? keys[i].name : NULL;
}

const char *uk_config_key_default(size_t i)
{
    return i < KEY_COUNT ? keys[i].fallback : NULL;
}
