/*
 * config_keys.c: every setting of the kiosk, one row each, and nothing
 * else (the row is described in config_keys.h).
 *
 * Adding a setting means adding a row here, a field in uk_config
 * (config.h) and a paragraph in systemd/unknot.conf.example;
 * tests/unit/test_config.c fails until the example has it with the same
 * default. A default is text, parsed by the same code as a value from the
 * file, so it can never be one the file would refuse (config.c stops at
 * start-up if one is, and every test run would show it).
 *
 * Keys stay grouped by section: --help, --check-config and the "unknown
 * key" messages list them in this order.
 */
#include "platform/system/config_keys.h"

#include <stddef.h>

#include "platform/system/config.h"

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

#define HOURS(day, index, dayname)                                                                 \
    {                                                                                              \
        .section = "schedule", .name = day, .type = UK_CONFIG_KEYS_HOURS, .fallback = "always",    \
        AT(schedule.hours.days[index]), .arg = "HOURS",                                            \
        .help = "opening hours on " dayname ": always, closed or HH:MM-HH:MM"                      \
    }

#define GPIO_LINE(button, ACTION, fallback_line)                                                   \
    {                                                                                              \
        .section = "gpio", .name = #button, .type = UK_CONFIG_KEYS_INT, .fallback = fallback_line, \
        .min = -1, .max = 511, AT(gpio.lines[UK_ACTION_##ACTION]), .arg = "LINE",                  \
        .help = "line offset (BCM number) of the " #ACTION " button; -1 = not wired"               \
    }

const uk_config_keys_row uk_config_keys_table[] = {
    /* [display] */
    {.section = "display",
     .name = "mode",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "auto",
     WORDS("auto", "fullscreen", "windowed", "headless"),
     VALUES(UK_DISPLAY_AUTO, UK_DISPLAY_FULLSCREEN, UK_DISPLAY_WINDOWED, UK_DISPLAY_HEADLESS),
     AT(display.mode),
     .arg = "MODE",
     .help = "auto (a window on a desktop, else the whole screen), fullscreen, windowed or "
             "headless"},
    {.section = "display",
     .name = "size",
     .type = UK_CONFIG_KEYS_SIZE,
     .fallback = "800x480",
     AT(display.width),
     .offset2 = offsetof(uk_config, display.height),
     .option = "size",
     .arg = "WxH",
     .help = "the panel's size as it reports itself (window size when windowed), e.g. 800x480, "
             "1024x600, 1280x800, 720x1280"},
    {.section = "display",
     .name = "rotation",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "0",
     WORDS("0", "90", "180", "270"),
     VALUES(0, 90, 180, 270),
     AT(display.rotation),
     .option = "rotation",
     .arg = "DEGREES",
     .help = "turn the picture (and touches) clockwise: 0, 90, 180 or 270"},
    {.section = "display",
     .name = "renderer",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "auto",
     WORDS("auto", "software"),
     VALUES(UK_RENDERER_AUTO, UK_RENDERER_SOFTWARE),
     AT(display.renderer),
     .arg = "WHICH",
     .help = "auto (the GPU when there is one) or software"},
    {.section = "display",
     .name = "font_dir",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "",
     AT(display.font_dir),
     .option = "font-dir",
     .arg = "DIR",
     .help = "folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf (empty: the installed fonts)"},

    /* [content] */
    {.section = "content",
     .name = "dir",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "",
     AT(content.dir),
     .option = "content",
     .arg = "DIR",
     .help = "routines, motions and languages (empty: the installed content)"},
    {.section = "content",
     .name = "language",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "en",
     .check = UK_CONFIG_KEYS_LANGUAGE,
     AT(content.language),
     .option = "lang",
     .arg = "CODE",
     .help = "the kiosk's language, e.g. en"},

    /* [kiosk] */
    {.section = "kiosk",
     .name = "idle_seconds",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "90",
     .min = 10,
     .max = 3600,
     AT(kiosk.idle_seconds),
     .option = "idle-seconds",
     .arg = "N",
     .help = "back to the start after N s without input"},
    {.section = "kiosk",
     .name = "still_there_seconds",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "20",
     .min = 5,
     .max = 600,
     AT(kiosk.still_there_seconds),
     .arg = "N",
     .help = "how long \"Still there?\" waits for an answer"},
    {.section = "kiosk",
     .name = "settle_ms",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "400",
     .min = 0,
     .max = 2000,
     AT(kiosk.settle_ms),
     .arg = "MS",
     .help = "after the screen changes, presses wait this long, so a quick second tap never "
             "lands on a screen not yet seen (HELP on a button never waits)"},
    {.section = "kiosk",
     .name = "sound",
     .type = UK_CONFIG_KEYS_BOOL,
     .fallback = "on",
     AT(kiosk.sound),
     .arg = "on|off",
     .help = "play the short, soft sounds that mark a step, the 3-2-1 and the end"},
    {.section = "kiosk",
     .name = "lockdown",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "auto",
     WORDS("auto", "on", "off"),
     VALUES(UK_SWITCH_AUTO, UK_SWITCH_ON, UK_SWITCH_OFF),
     AT(kiosk.lockdown),
     .arg = "WHEN",
     .help = "no key or window close ends the kiosk; auto = on when full screen"},

    /* [usage] */
    {.section = "usage",
     .name = "database",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "",
     AT(usage.database),
     .option = "db",
     .arg = "PATH",
     .help = "usage database (empty: $STATE_DIRECTORY/usage.db, else "
             "$XDG_STATE_HOME/unknot/usage.db, else ~/.local/state/unknot/usage.db)"},
    {.section = "usage",
     .name = "retention_days",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "90",
     .min = 1,
     .max = 3650,
     AT(usage.retention_days),
     .arg = "DAYS",
     .help = "sessions older than this are deleted"},

    /* [gpio] */
    {.section = "gpio",
     .name = "enabled",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "auto",
     WORDS("auto", "on", "off"),
     VALUES(UK_SWITCH_AUTO, UK_SWITCH_ON, UK_SWITCH_OFF),
     AT(gpio.enabled),
     .arg = "WHEN",
     .help = "physical buttons: auto (when the chip exists), on or off"},
    {.section = "gpio",
     .name = "chip",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "",
     .check = UK_CONFIG_KEYS_CHIP,
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
     .type = UK_CONFIG_KEYS_BOOL,
     .fallback = "true",
     AT(gpio.active_low),
     .arg = "BOOL",
     .help = "a pressed button reads low (a switch to ground)"},
    {.section = "gpio",
     .name = "bias",
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "pull-up",
     WORDS("pull-up", "pull-down", "disabled", "as-is"),
     VALUES(UK_GPIO_BIAS_PULL_UP, UK_GPIO_BIAS_PULL_DOWN, UK_GPIO_BIAS_DISABLED,
            UK_GPIO_BIAS_AS_IS),
     AT(gpio.bias),
     .arg = "BIAS",
     .help = "the lines' internal resistors"},
    {.section = "gpio",
     .name = "debounce_ms",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "10",
     .min = 0,
     .max = 1000,
     AT(gpio.debounce_ms),
     .arg = "MS",
     .help = "ignore contact bounce shorter than this"},
    {.section = "gpio",
     .name = "long_press_ms",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "2000",
     .min = 100,
     .max = 10000,
     AT(gpio.long_press_ms),
     .option = "long-press-ms",
     .arg = "MS",
     .help = "a press held this long counts as a long press"},
    {.section = "gpio",
     .name = "scan_ms",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "0",
     .min = 0,
     .max = 10000,
     AT(gpio.scan_ms),
     .arg = "MS",
     .help = "single-switch scanning: move the highlight every MS; 0 = off"},

    /* [admin] */
    {.section = "admin",
     .name = "pin_hash",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "",
     .check = UK_CONFIG_KEYS_PIN_HASH,
     AT(admin.pin_hash),
     .arg = "HASH",
     .help = "crypt(3) hash of the admin PIN, from `unknot hash-pin` (empty: no admin screen)"},
    {.section = "admin",
     .name = "max_attempts",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "5",
     .min = 1,
     .max = 100,
     AT(admin.max_attempts),
     .arg = "N",
     .help = "wrong PINs in a row before the admin screen locks"},
    {.section = "admin",
     .name = "lockout_seconds",
     .type = UK_CONFIG_KEYS_INT,
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
     .type = UK_CONFIG_KEYS_WORD,
     .fallback = "blank",
     WORDS("blank", "dim"),
     VALUES(UK_OUTSIDE_BLANK, UK_OUTSIDE_DIM),
     AT(schedule.outside),
     .arg = "HOW",
     .help = "outside opening hours: blank (screen off) or dim"},
    {.section = "schedule",
     .name = "dim_percent",
     .type = UK_CONFIG_KEYS_INT,
     .fallback = "10",
     .min = 0,
     .max = 100,
     AT(schedule.dim_percent),
     .arg = "PERCENT",
     .help = "brightness when dimmed"},
    {.section = "schedule",
     .name = "backlight",
     .type = UK_CONFIG_KEYS_TEXT,
     .fallback = "auto",
     .check = UK_CONFIG_KEYS_BACKLIGHT,
     AT(schedule.backlight),
     .arg = "WHICH",
     .help = "auto (the first in /sys/class/backlight), none, or a /sys/class/backlight/NAME"},
};

const size_t uk_config_keys_count = sizeof uk_config_keys_table / sizeof uk_config_keys_table[0];
