/*
 * config.h: every setting of the kiosk, from one table.
 *
 * Where a setting comes from, later wins:
 *   1. the built-in default (the table in config_keys.c);
 *   2. the configuration file, /etc/unknot/unknot.conf unless --config FILE
 *      or $UNKNOT_CONFIG names another (a missing default file is fine: the
 *      defaults apply);
 *   3. the environment: UNKNOT_<SECTION>_<KEY>, e.g. UNKNOT_DISPLAY_ROTATION=90
 *      (two older names still work: UNKNOT_CONTENT and UNKNOT_FONT_DIR);
 *   4. the command line: --<section>-<key> VALUE, e.g. --display-rotation 90,
 *      or the short names some keys have (--size, --rotation, --content,
 *      --lang, --idle-seconds, --font-dir, --db), and the flags --fullscreen,
 *      --windowed, --headless and --software.
 *
 * One table (config_keys.c, in the spirit of suckless st's config.def.h)
 * lists each key once: section, name, type, default, allowed range or
 * words, a help line and where its value lives in uk_config. The same
 * table reads the INI file (inih) and the environment (config.c) and the
 * command line (command_line.c), and writes --help; a test checks that
 * systemd/unknot.conf.example documents every key with its default.
 *
 * A bad value never stops a kiosk that has been running fine: a problem in
 * the file or the environment is reported (one line naming the file, the
 * line, the key, and what is allowed) and that key keeps its default.
 * `unknot --check-config` reports the same problems and exits 1. A bad
 * command line is different: someone is typing, so it stops with exit 2.
 */
#ifndef UK_PLATFORM_SYSTEM_CONFIG_H
#define UK_PLATFORM_SYSTEM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "app/core/schedule.h"        /* uk_schedule */
#include "app/model/action.h"         /* UK_ACTION_COUNT */
#include "platform/input/gpio.h"      /* uk_gpio_bias */
#include "platform/system/pin_hash.h" /* UK_PIN_HASH_MAX */

#define UK_CONFIG_DEFAULT_FILE "/etc/unknot/unknot.conf"
#define UK_CONFIG_PATH_MAX     1024
#define UK_CONFIG_WORD_MAX     64

typedef enum uk_display_mode {
    UK_DISPLAY_AUTO = 0, /* a window on a desktop, else the whole screen */
    UK_DISPLAY_FULLSCREEN,
    UK_DISPLAY_WINDOWED,
    UK_DISPLAY_HEADLESS,
} uk_display_mode;

typedef enum uk_renderer {
    UK_RENDERER_AUTO = 0, /* the GPU when there is one */
    UK_RENDERER_SOFTWARE,
} uk_renderer;

typedef enum uk_switch {
    UK_SWITCH_AUTO = 0, /* decided at start-up from the other settings or the hardware */
    UK_SWITCH_ON,
    UK_SWITCH_OFF,
} uk_switch;

typedef enum uk_outside_hours {
    UK_OUTSIDE_BLANK = 0, /* backlight off, or a black frame */
    UK_OUTSIDE_DIM,       /* backlight at dim_percent, or a darkened frame */
} uk_outside_hours;

typedef struct uk_config {
    struct {
        uk_display_mode mode;
        int width, height; /* the panel as it reports itself */
        int rotation;      /* 0, 90, 180 or 270, clockwise */
        uk_renderer renderer;
        char font_dir[UK_CONFIG_PATH_MAX]; /* "" = the installed fonts */
    } display;
    struct {
        char dir[UK_CONFIG_PATH_MAX]; /* "" = the installed content */
        char language[UK_CONFIG_WORD_MAX];
    } content;
    struct {
        int idle_seconds;
        int still_there_seconds;
        int settle_ms;
        bool sound;
        uk_switch lockdown; /* AUTO: on when full screen (uk_config_lockdown) */
    } kiosk;
    struct {
        char database[UK_CONFIG_PATH_MAX]; /* "" = the default (platform/system/paths.h) */
        int retention_days;
    } usage;
    struct {
        uk_switch enabled; /* AUTO: when the chip exists */
        char chip[UK_CONFIG_WORD_MAX];
        int lines[UK_ACTION_COUNT]; /* BCM line offset per action, -1 = not wired; [0] unused */
        bool active_low;
        uk_gpio_bias bias;
        int debounce_ms;
        int long_press_ms;
        int scan_ms; /* single-switch scanning interval; 0 = off */
    } gpio;
    struct {
        char pin_hash[UK_PIN_HASH_MAX]; /* yescrypt hash (uk_pin_hash_usable); "" = none */
        int max_attempts;
        int lockout_seconds;
    } admin;
    struct {
        uk_schedule hours;
        uk_outside_hours outside;
        int dim_percent;
        char backlight[UK_CONFIG_PATH_MAX]; /* "auto", "none" or a /sys/class/backlight path */
    } schedule;

    /* From the command line only: what to do rather than how. */
    struct {
        char config[UK_CONFIG_PATH_MAX]; /* the file that was read, "" if none */
        bool check_config;
        char check_content[UK_CONFIG_PATH_MAX];
        char script[UK_CONFIG_PATH_MAX];
        char shots[UK_CONFIG_PATH_MAX];
        bool show_buttons;    /* desktop emulation: the button panel beside the screen */
        char gpio_lines[128]; /* --gpio-lines: the wiring in one list, over gpio.lines */
    } run;

    int problems; /* bad keys and values met in the file and the environment */
} uk_config;

/*
 * Where messages go: one call per problem, `message` without a trailing
 * newline (e.g. "/etc/unknot/unknot.conf:12: [display] rotation = 45: must
 * be 0, 90, 180 or 270; using the default 0").
 */
typedef void uk_config_report(void *ctx, const char *message);

/* Fills `config` (the caller's, any storage) with every default; nothing is allocated. */
void uk_config_defaults(uk_config *config);

/*
 * Reads an INI file over `config`. Each problem is reported and counted in
 * config->problems; the key keeps its earlier value. Returns 0, or -1 with
 * errno set if the file cannot be opened (nothing is reported then). Text
 * values are copied into `config`; `path` and `ctx` are used during the call only.
 */
int uk_config_read_file(uk_config *config, const char *path, uk_config_report *report, void *ctx);

/* Reads UNKNOT_<SECTION>_<KEY> variables over `config`; problems as for the file. */
void uk_config_read_env(uk_config *config, uk_config_report *report, void *ctx);

/*
 * Reads the configuration file and then the environment over `config`, as
 * the kiosk does before its command line: the file is `path` if not NULL,
 * else $UNKNOT_CONFIG, else UK_CONFIG_DEFAULT_FILE, whose absence is fine.
 * Problems are reported as for uk_config_read_file. Returns 0 with
 * config->run.config naming the file read ("" if none), or -1 with errno
 * set and run.config naming the file that cannot be read (the environment
 * is not read then).
 */
int uk_config_read_settings(uk_config *config, const char *path, uk_config_report *report,
                            void *ctx);

/*
 * The whole start-up reading: defaults, the file, the environment, then the
 * command line. Problems in the file and the environment go to `err` as
 * warnings. Returns 0 to go on, 1 when --help or --version was answered on
 * `out` (exit 0), 2 on a bad command line (a message is on `err`), 3 when
 * the file named by --config cannot be read. Everything read is copied into
 * `config`; argv is used during the call only.
 */
int uk_config_load(uk_config *config, int argc, char **argv, FILE *out, FILE *err);

/* Lockdown in effect: lockdown = on, or auto and the display is full screen. */
bool uk_config_lockdown(const uk_config *config);

/* Writes every setting in effect as an INI file, for --check-config. */
void uk_config_print(FILE *out, const uk_config *config);

/* Every option with its argument and help line, for --help. */
void uk_config_print_help(FILE *out);

/* Number of keys in the table, and the i-th key's section and name (static storage, NULL
 * past the end). */
size_t uk_config_key_count(void);
const char *uk_config_key_section(size_t i);
const char *uk_config_key_name(size_t i);
/* The i-th key's default, as it is written in the file. Static storage. */
const char *uk_config_key_default(size_t i);

/* The index of the key `name` of [section], or -1 if there is none. */
int uk_config_key_find(const char *section, const char *name);

/*
 * Sets the i-th key from `text`, parsed exactly as a value in the file.
 * Returns 0, or -1 with errno EINVAL and the rule the text broke in
 * `error` ("must be 0, 90, 180 or 270"), for the caller to put after the
 * place it came from; the key keeps its value then. The caller owns `error`.
 */
int uk_config_key_set(uk_config *config, size_t i, const char *text, char *error, size_t error_len);

#endif
