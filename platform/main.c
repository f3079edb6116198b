/*
 * main.c: unknot's entry point. It parses the command line and wires the
 * parts together; everything else lives in app/ (the core) and platform/.
 *
 * Start-up order, each step able to stop the start with a clear message,
 * since nothing has been shown yet:
 *   1. options              (--help, --version and --check-content end here)
 *   2. content              broken routines are reported and left out
 *   3. fonts                without them nothing can be read: stop
 *   4. usage store          a store that will not open is reported; the
 *                           kiosk runs on without recording
 *   5. display and painter
 *   6. buttons              GPIO faults are reported and retried; the
 *                           kiosk runs on touch and keys meanwhile
 *   7. the loop, real time or scripted
 * Teardown runs in reverse, after the session under way is stored.
 *
 * Exit codes: 0 fine, 1 could not start (or content problems for
 * --check-content), 2 bad command line, 3 a script's `expect` failed.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/panel.h"
#include "platform/button_input.h"
#include "platform/content.h"
#include "platform/display.h"
#include "platform/fonts.h"
#include "platform/gpio.h"
#include "platform/kiosk.h"
#include "platform/paint.h"
#include "platform/paths.h"
#include "platform/script.h"
#include "platform/store.h"

#define PATH_LEN 4096

typedef struct options {
    bool fullscreen;
    bool windowed;
    bool headless;
    bool software;
    int w, h;
    int idle_s;
    const char *script;
    const char *shots;
    const char *db;
    const char *content;
    const char *lang;
    const char *font_dir;
    const char *check_content;
    bool show_buttons;
    uk_gpio_config gpio;
} options;

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: unknot [OPTION]...\n"
            "A self-care kiosk for muscle knots: guided stretches with an animated figure.\n"
            "\n"
            "Display:\n"
            "  --fullscreen         take the whole screen (the default without a desktop)\n"
            "  --windowed           run in a window: desktop emulation (the default on a "
            "desktop)\n"
            "  --size WxH           window size, e.g. 800x480, 1024x600, 1280x800, 1920x1080,\n"
            "                       720x1280 (portrait); default 800x480\n"
            "  --headless           no window at all (SDL offscreen driver); for scripts\n"
            "  --software           use the software renderer even with a GPU\n"
            "\n"
            "Content and behaviour:\n"
            "  --content DIR        routines, motions and languages (default: $UNKNOT_CONTENT,\n"
            "                       else the installed content)\n"
            "  --lang CODE          language of the screens, e.g. en (default en)\n"
            "  --idle-seconds N     back to the start after N s without input (default 90)\n"
            "  --font-dir DIR       folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf\n"
            "                       (default " UK_FONT_DIR_DEFAULT ")\n"
            "  --db PATH            usage database (default: $STATE_DIRECTORY/usage.db, else\n"
            "                       $XDG_STATE_HOME/unknot/usage.db, else\n"
            "                       ~/.local/state/unknot/usage.db)\n"
            "\n"
            "Physical buttons (docs/gpio.md):\n"
            "  --gpio-chip CHIP     GPIO chip: a name (gpiochip0), a path, or a label\n"
            "                       (pinctrl-rp1 on a Pi 5); default: the Raspberry Pi's own\n"
            "  --gpio-lines LIST    which line each button is on, e.g. the default\n"
            "                       up=5,down=6,select=13,back=19,help=26 (BCM numbers);\n"
            "                       unlisted buttons are not wired (select=13 alone: one switch)\n"
            "  --gpio-active-high   a press drives the line high (default: low, to ground)\n"
            "  --gpio-bias BIAS     pull-up (default), pull-down, disabled or as-is\n"
            "  --long-press-ms N    hold Back this long to go home (default 2000)\n"
            "  --no-gpio            do not look for buttons\n"
            "  --show-buttons       draw the button panel beside the screen, clickable\n"
            "                       (right-click holds a button down until the next)\n"
            "\n"
            "Checks and scripted runs:\n"
            "  --check-content DIR  validate the content in DIR, print every problem, and exit\n"
            "                       (1 if there is any problem); opens no window\n"
            "  --script FILE        run FILE's timed actions on a virtual clock, then exit\n"
            "  --shots DIR          where a script's screenshots go (default .)\n"
            "\n"
            "  --help               show this help and exit\n"
            "  --version            show the version and exit\n"
            "\n"
            "Keys: arrows move, Enter chooses, Backspace or Escape goes back, H shows when to\n"
            "see a doctor.\n");
}

static int parse_size(const char *text, int *w, int *h)
{
    char x;
    char tail;
    if (sscanf(text, "%d%c%d%c", w, &x, h, &tail) != 3 || (x != 'x' && x != 'X'))
        return -1;
    return *w >= 320 && *w <= 7680 && *h >= 240 && *h <= 7680 ? 0 : -1;
}

/* Returns -1 to exit with 0 (help, version), 0 to go on, 2 on a bad command line. */
static int parse_options(int argc, char **argv, options *opt)
{
    enum {
        OPT_FULLSCREEN = 256,
        OPT_WINDOWED,
        OPT_SIZE,
        OPT_HEADLESS,
        OPT_SOFTWARE,
        OPT_CONTENT,
        OPT_LANG,
        OPT_IDLE,
        OPT_FONT_DIR,
        OPT_DB,
        OPT_CHECK,
        OPT_SCRIPT,
        OPT_SHOTS,
        OPT_GPIO_CHIP,
        OPT_GPIO_LINES,
        OPT_GPIO_ACTIVE_HIGH,
        OPT_GPIO_BIAS,
        OPT_LONG_PRESS,
        OPT_NO_GPIO,
        OPT_SHOW_BUTTONS,
        OPT_HELP,
        OPT_VERSION,
    };
    static const struct option long_options[] = {
        {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
        {"windowed", no_argument, NULL, OPT_WINDOWED},
        {"size", required_argument, NULL, OPT_SIZE},
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"software", no_argument, NULL, OPT_SOFTWARE},
        {"content", required_argument, NULL, OPT_CONTENT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"idle-seconds", required_argument, NULL, OPT_IDLE},
        {"font-dir", required_argument, NULL, OPT_FONT_DIR},
        {"db", required_argument, NULL, OPT_DB},
        {"check-content", required_argument, NULL, OPT_CHECK},
        {"script", required_argument, NULL, OPT_SCRIPT},
        {"shots", required_argument, NULL, OPT_SHOTS},
        {"gpio-chip", required_argument, NULL, OPT_GPIO_CHIP},
        {"gpio-lines", required_argument, NULL, OPT_GPIO_LINES},
        {"gpio-active-high", no_argument, NULL, OPT_GPIO_ACTIVE_HIGH},
        {"gpio-bias", required_argument, NULL, OPT_GPIO_BIAS},
        {"long-press-ms", required_argument, NULL, OPT_LONG_PRESS},
        {"no-gpio", no_argument, NULL, OPT_NO_GPIO},
        {"show-buttons", no_argument, NULL, OPT_SHOW_BUTTONS},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {0},
    };
    *opt = (options){.w = 800, .h = 480, .idle_s = 90, .shots = ".", .lang = "en"};
    uk_gpio_config_defaults(&opt->gpio);
    char error[256];
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        char *end;
        switch (c) {
        case OPT_FULLSCREEN:
            opt->fullscreen = true;
            break;
        case OPT_WINDOWED:
            opt->windowed = true;
            break;
        case OPT_SIZE:
            if (parse_size(optarg, &opt->w, &opt->h) != 0) {
                fprintf(stderr, "unknot: --size %s: expected WIDTHxHEIGHT, e.g. 800x480\n",
                        optarg);
                return 2;
            }
            break;
        case OPT_HEADLESS:
            opt->headless = true;
            break;
        case OPT_SOFTWARE:
            opt->software = true;
            break;
        case OPT_CONTENT:
            opt->content = optarg;
            break;
        case OPT_LANG:
            opt->lang = optarg;
            break;
        case OPT_IDLE:
            opt->idle_s = (int)strtol(optarg, &end, 10);
            if (*end != '\0' || opt->idle_s < 10 || opt->idle_s > 3600) {
                fprintf(stderr, "unknot: --idle-seconds %s: expected 10 to 3600\n", optarg);
                return 2;
            }
            break;
        case OPT_FONT_DIR:
            opt->font_dir = optarg;
            break;
        case OPT_DB:
            opt->db = optarg;
            break;
        case OPT_CHECK:
            opt->check_content = optarg;
            break;
        case OPT_SCRIPT:
            opt->script = optarg;
            break;
        case OPT_SHOTS:
            opt->shots = optarg;
            break;
        case OPT_GPIO_CHIP:
            if (strlen(optarg) >= sizeof opt->gpio.chip) {
                fprintf(stderr, "unknot: --gpio-chip %s: too long\n", optarg);
                return 2;
            }
            snprintf(opt->gpio.chip, sizeof opt->gpio.chip, "%s", optarg);
            break;
        case OPT_GPIO_LINES:
            if (uk_gpio_parse_lines(optarg, &opt->gpio, error, sizeof error) != 0) {
                fprintf(stderr, "unknot: --gpio-lines: %s\n", error);
                return 2;
            }
            break;
        case OPT_GPIO_ACTIVE_HIGH:
            opt->gpio.active_low = false;
            break;
        case OPT_GPIO_BIAS:
            if (uk_gpio_parse_bias(optarg, &opt->gpio.bias) != 0) {
                fprintf(stderr,
                        "unknot: --gpio-bias %s: expected pull-up, pull-down, disabled "
                        "or as-is\n",
                        optarg);
                return 2;
            }
            break;
        case OPT_LONG_PRESS: {
            long ms = strtol(optarg, &end, 10);
            if (*end != '\0' || ms < 500 || ms > 10000) {
                fprintf(stderr, "unknot: --long-press-ms %s: expected 500 to 10000\n", optarg);
                return 2;
            }
            opt->gpio.buttons.long_press_ms = (uint32_t)ms;
            break;
        }
        case OPT_NO_GPIO:
            opt->gpio.enabled = false;
            break;
        case OPT_SHOW_BUTTONS:
            opt->show_buttons = true;
            break;
        case OPT_HELP:
            usage(stdout);
            return -1;
        case OPT_VERSION:
            printf("unknot %s\n", UNKNOT_VERSION);
            return -1;
        default:
            fprintf(stderr, "unknot: unknown or incomplete option '%s' (see unknot --help)\n",
                    argv[optind - 1]);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "unknot: unexpected argument '%s' (see unknot --help)\n", argv[optind]);
        return 2;
    }
    if (opt->fullscreen + opt->windowed + opt->headless > 1) {
        fprintf(stderr, "unknot: choose one of --fullscreen, --windowed and --headless\n");
        return 2;
    }
    if (!opt->fullscreen && !opt->windowed && !opt->headless) {
        /* On a desktop, a window; on a bare console, the whole screen. */
        opt->windowed = getenv("DISPLAY") || getenv("WAYLAND_DISPLAY");
        opt->fullscreen = !opt->windowed;
    }
    return 0;
}

static void report_line(void *ctx, const char *message)
{
    fprintf(stderr, "%s%s\n", (const char *)ctx, message);
}

static int check_content(const char *dir)
{
    char summary[256] = "";
    int problems = uk_content_check(dir, report_line, "", summary, sizeof summary);
    if (problems)
        printf("%s: %s; %d problem%s\n", dir, summary, problems, problems == 1 ? "" : "s");
    else
        printf("%s: %s; no problems\n", dir, summary);
    return problems ? 1 : 0;
}

int main(int argc, char **argv)
{
    options opt;
    int rc = parse_options(argc, argv, &opt);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    if (opt.check_content)
        return check_content(opt.check_content);

    /* 2. content */
    char content_dir[PATH_LEN];
    if (opt.content)
        snprintf(content_dir, sizeof content_dir, "%s", opt.content);
    else
        uk_paths_default_content(content_dir, sizeof content_dir, UNKNOT_ASSETS_DIR,
                                 UNKNOT_SOURCE_ASSETS_DIR);
    uk_content *content = uk_content_load(content_dir, opt.lang, report_line, "unknot: content: ");
    if (!content) {
        fprintf(stderr, "unknot: out of memory loading %s\n", content_dir);
        return 1;
    }
    if (content->error_count)
        fprintf(stderr,
                "unknot: %d content problem%s in %s; starting with the %zu routine%s that "
                "loaded (unknot --check-content %s lists them)\n",
                content->error_count, content->error_count == 1 ? "" : "s", content_dir,
                content->routine_count, content->routine_count == 1 ? "" : "s", content_dir);

    /* 3. fonts */
    char regular[PATH_LEN], bold[PATH_LEN], error[1024];
    const char *font_dir = opt.font_dir ? opt.font_dir : getenv("UNKNOT_FONT_DIR");
    if (uk_fonts_find(font_dir, regular, bold, sizeof regular, error, sizeof error) != 0) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_free_content;
    }

    /* 4. usage store */
    char db_path[PATH_LEN];
    uk_store *store = NULL;
    if (opt.db)
        snprintf(db_path, sizeof db_path, "%s", opt.db);
    else if (uk_paths_default_db(db_path, sizeof db_path, error, sizeof error) != 0)
        db_path[0] = '\0';
    if (db_path[0])
        store = uk_store_open(db_path, error, sizeof error);
    if (!store)
        fprintf(stderr, "unknot: %s; the kiosk runs without recording usage\n", error);

    /* 5. display and painter */
    uk_display_options display_options = {.w = opt.w +
                                               (opt.show_buttons ? uk_panel_width(opt.h) : 0),
                                          .h = opt.h,
                                          .fullscreen = opt.fullscreen,
                                          .headless = opt.headless,
                                          .software = opt.software};
    uk_display *display = uk_display_open(&display_options, error, sizeof error);
    if (!display) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_close_store;
    }
    uk_painter *painter = uk_painter_new(display->renderer, regular, bold, error, sizeof error);
    if (!painter) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_close_display;
    }

    /* 6. buttons: GPIO (not in scripted runs: their input is the script's), the panel */
    uk_button_input *buttons = uk_button_input_open(&opt.gpio, !opt.script, opt.show_buttons);
    if (!buttons) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = 1;
        goto out_free_painter;
    }

    /* 7. the loop */
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    cfg.idle_ms = (uint32_t)opt.idle_s * 1000u;
    snprintf(cfg.lang, sizeof cfg.lang, "%s", content->strings.lang);
    uk_kiosk *kiosk = uk_kiosk_new(&cfg, content, store, display, painter);
    if (!kiosk) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = 1;
        goto out_close_buttons;
    }
    uk_kiosk_set_buttons(kiosk, buttons);
    if (opt.script) {
        uk_script *script = uk_script_load(opt.script, error, sizeof error);
        if (!script) {
            fprintf(stderr, "unknot: %s\n", error);
            rc = 2;
        } else {
            rc = uk_kiosk_run_script(kiosk, script, opt.shots);
            uk_script_free(script);
        }
    } else {
        uk_kiosk_run(kiosk);
    }
    uk_kiosk_finish(kiosk);
    uk_kiosk_free(kiosk);

out_close_buttons:
    uk_button_input_close(buttons);
out_free_painter:
    uk_painter_free(painter);
out_close_display:
    uk_display_close(display);
out_close_store:
    uk_store_close(store);
out_free_content:
    uk_content_free(content);
    return rc;
}
