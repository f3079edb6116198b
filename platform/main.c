/*
 * main.c: unknot's entry point. It parses the command line and wires the
 * parts together; everything else lives in app/ (the core) and platform/.
 *
 * Start-up order, each step able to stop the start with a clear message,
 * since nothing has been shown yet:
 *   0. stop signals         blocked before any thread starts (platform/system/stop.h)
 *   1. settings             platform/system/config.h: file < environment < command
 *                           line; --help, --version, --check-config and
 *                           --check-content end here
 *   2. content              broken routines are reported and left out
 *   3. fonts                without them nothing can be read: stop
 *   4. usage store          a store that will not open is reported; the
 *                           kiosk runs on without recording
 *   5. display and painter
 *   6. backlight            none usable: the screen is darkened by drawing;
 *      buttons              GPIO faults are reported and retried; the
 *                           kiosk runs on touch and keys meanwhile
 *   7. the loop, real time or scripted; systemd hears READY after its first
 *      frame
 * Teardown runs in reverse, after the session under way is stored and the
 * usage store closed (its writer wakes the loop through SDL, so it stops
 * before SDL does).
 *
 * Exit codes: 0 fine, 1 could not start (or problems found by
 * --check-content or --check-config), 2 bad command line, 3 a script's
 * `expect` failed or the file named by --config cannot be read, 4 the admin
 * screen asked the kiosk to stay stopped (the unit does not restart it).
 */
#include <SDL.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/core/app.h"
#include "app/view/panel.h"
#include "platform/content/content.h"
#include "platform/content/script.h"
#include "platform/input/button_input.h"
#include "platform/input/gpio.h"
#include "platform/loop/kiosk.h"
#include "platform/output/backlight.h"
#include "platform/output/display.h"
#include "platform/output/fonts.h"
#include "platform/output/painter.h"
#include "platform/output/sound.h"
#include "platform/system/config.h"
#include "platform/system/notify.h"
#include "platform/system/paths.h"
#include "platform/system/pin_hash.h"
#include "platform/system/stop.h"
#include "platform/usage/report.h"
#include "platform/usage/store.h"

#define PATH_LEN 4096

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

/* --check-config: every problem was printed while reading; now what is in effect. */
static int check_config(const uk_config *config)
{
    const char *file = config->run.config[0] ? config->run.config : "(no configuration file)";
    uk_config_print(stdout, config);
    if (config->problems) {
        printf("\n%s: %d problem%s (listed above on stderr)\n", file, config->problems,
               config->problems == 1 ? "" : "s");
        return 1;
    }
    printf("\n%s: no problems\n", file);
    return 0;
}

/* The buttons' settings from the configuration; --gpio-lines was checked when read. */
static void gpio_settings(const uk_config *config, uk_gpio_config *gpio)
{
    uk_gpio_config_defaults(gpio);
    gpio->enabled = config->gpio.enabled != UK_SWITCH_OFF;
    snprintf(gpio->chip, sizeof gpio->chip, "%s", config->gpio.chip);
    for (int action = UK_ACTION_UP; action < UK_ACTION_COUNT; action++)
        gpio->line[action] = config->gpio.lines[action];
    gpio->active_low = config->gpio.active_low;
    gpio->bias = config->gpio.bias;
    gpio->buttons.debounce_ms = (uint32_t)config->gpio.debounce_ms;
    gpio->buttons.long_press_ms = (uint32_t)config->gpio.long_press_ms;
    if (config->run.gpio_lines[0]) {
        char error[256];
        uk_gpio_parse_lines(config->run.gpio_lines, gpio, error, sizeof error);
    }
}

/* platform/system/stop.c and the store's writer call this from their threads: an SDL event wakes
 * the loop. */
static void wake_loop(void *ctx)
{
    SDL_Event event = {.type = *(const Uint32 *)ctx};
    SDL_PushEvent(&event);
}

int main(int argc, char **argv)
{
    /* Commands that are not the kiosk: the usage report and the admin PIN's hash. */
    if (argc > 1 && (strcmp(argv[1], "report") == 0 || strcmp(argv[1], "export") == 0))
        return uk_report_main(argc, argv);
    if (argc > 1 && strcmp(argv[1], "hash-pin") == 0)
        return uk_pin_hash_main(argc, argv);

    /* 0. stop signals, before any thread exists */
    Uint32 stop_event = SDL_RegisterEvents(1); /* outlives the thread: closed before return */
    char stop_error[256];
    uk_stop *stop = uk_stop_open(wake_loop, &stop_event, stop_error, sizeof stop_error);
    if (!stop) {
        fprintf(stderr, "unknot: %s\n", stop_error);
        return 1;
    }

    /* 1. settings */
    uk_config config;
    int rc = uk_config_load(&config, argc, argv, stdout, stderr);
    if (rc != 0) {
        rc = rc == 1 ? 0 : rc;
        goto out_close_stop;
    }
    if (config.run.check_config) {
        rc = check_config(&config);
        goto out_close_stop;
    }
    if (config.run.check_content[0]) {
        rc = check_content(config.run.check_content);
        goto out_close_stop;
    }
    uk_notify *notify = uk_notify_new(report_line, "unknot: ");
    uk_notify_status(notify, "Loading content");

    /* 2. content */
    char content_dir[PATH_LEN];
    if (config.content.dir[0])
        snprintf(content_dir, sizeof content_dir, "%s", config.content.dir);
    else
        uk_paths_default_content(content_dir, sizeof content_dir, UNKNOT_ASSETS_DIR,
                                 UNKNOT_SOURCE_ASSETS_DIR);
    uk_content *content = uk_content_load(content_dir, report_line, "unknot: content: ");
    if (!content) {
        fprintf(stderr, "unknot: out of memory loading %s\n", content_dir);
        rc = 1;
        goto out_free_notify;
    }
    if (uk_content_problems(content))
        fprintf(stderr,
                "unknot: %d content problem%s in %s; starting with the %zu routine%s that "
                "loaded (unknot --check-content %s lists them)\n",
                uk_content_problems(content), uk_content_problems(content) == 1 ? "" : "s",
                content_dir, uk_content_catalog(content)->routine_count,
                uk_content_catalog(content)->routine_count == 1 ? "" : "s", content_dir);
    if (uk_catalog_find_lang(uk_content_catalog(content), config.content.language) < 0)
        fprintf(stderr, "unknot: language '%s': no lang/%s.json in %s; starting in %s\n",
                config.content.language, config.content.language, content_dir,
                uk_content_catalog(content)->langs[0].code);

    /* 3. fonts */
    char regular[PATH_LEN], bold[PATH_LEN], error[1024];
    const char *font_dir = config.display.font_dir[0] ? config.display.font_dir : NULL;
    if (uk_fonts_find(font_dir, regular, bold, sizeof regular, error, sizeof error) != 0) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_free_content;
    }

    /* 4. usage store */
    char db_path[PATH_LEN];
    uk_store *store = NULL;
    uk_notify_status(notify, "Opening the usage log");
    /* The store's writer announces new statistics (and a changed status) with this event. */
    Uint32 store_event = SDL_RegisterEvents(1);
    if (uk_paths_usage_db(config.usage.database, UK_PATHS_WRITE, db_path, sizeof db_path, error,
                          sizeof error) == 0) {
        uk_store_options store_options;
        uk_store_options_defaults(&store_options);
        store_options.path = db_path;
        store_options.retention_days = config.usage.retention_days;
        if (store_event != (Uint32)-1) {
            store_options.notify = wake_loop;
            store_options.ctx = &store_event;
        }
        store = uk_store_open_with(&store_options, error, sizeof error);
    }
    if (!store)
        fprintf(stderr, "unknot: %s; the kiosk runs without recording usage\n", error);

    /* 5. display and painter */
    uk_notify_status(notify, "Opening the display");
    bool lockdown = uk_config_lockdown(&config);
    uk_display_options display_options = {
        .w = config.display.width +
             (config.run.show_buttons ? uk_panel_width(config.display.height) : 0),
        .h = config.display.height,
        .fullscreen = config.display.mode == UK_DISPLAY_FULLSCREEN,
        .headless = config.display.mode == UK_DISPLAY_HEADLESS,
        .software = config.display.renderer == UK_RENDERER_SOFTWARE,
        .rotation = config.display.rotation,
        .lockdown = lockdown,
    };
    uk_display *display = uk_display_open(&display_options, error, sizeof error);
    if (!display) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_close_store;
    }
    uk_painter *painter =
        uk_painter_new(uk_display_renderer(display), regular, bold, error, sizeof error);
    if (!painter) {
        fprintf(stderr, "unknot: %s\n", error);
        rc = 1;
        goto out_close_display;
    }

    /* 6. backlight, only when opening hours may darken the screen */
    uk_backlight *backlight = NULL;
    if (!uk_schedule_always_open(&config.schedule.hours) &&
        config.display.mode == UK_DISPLAY_FULLSCREEN) {
        backlight = uk_backlight_open(config.schedule.backlight, error, sizeof error);
        if (!backlight && error[0])
            fprintf(stderr, "unknot: %s\n", error);
    }

    /* 7. the loop */
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    cfg.idle_ms = (uint32_t)config.kiosk.idle_seconds * 1000u;
    cfg.still_there_ms = (uint32_t)config.kiosk.still_there_seconds * 1000u;
    cfg.settle_ms = (uint32_t)config.kiosk.settle_ms;
    /* A code the catalog does not have was reported above; the app then starts in the first. */
    int lang = uk_catalog_find_lang(uk_content_catalog(content), config.content.language);
    memcpy(cfg.lang, uk_content_catalog(content)->langs[lang >= 0 ? lang : 0].code,
           sizeof cfg.lang);
    cfg.admin_pin_set = config.admin.pin_hash[0] != '\0';
    cfg.start_muted = !config.kiosk.sound;
    cfg.asleep_percent =
        config.schedule.outside == UK_OUTSIDE_DIM ? config.schedule.dim_percent : 0;
    cfg.pin_lock.max_failures = (uint32_t)config.admin.max_attempts;
    cfg.pin_lock.lockout_ms = (uint32_t)config.admin.lockout_seconds * 1000u;
    /* Buttons: GPIO (not in scripted runs, whose input is the script), the panel. One
     * button alone (SELECT), or a scan interval in the settings, turns scanning on. */
    uk_gpio_config gpio;
    gpio_settings(&config, &gpio);
    cfg.scanning = gpio.enabled && (config.gpio.scan_ms > 0 || uk_gpio_single_switch(&gpio));
    if (config.gpio.scan_ms > 0) {
        cfg.scan.step_ms = (uint32_t)config.gpio.scan_ms;
        cfg.scan.first_step_ms = (uint32_t)config.gpio.scan_ms + 1000;
    }
    uk_button_input *buttons =
        uk_button_input_open(&gpio, !config.run.script[0], config.run.show_buttons);
    if (!buttons) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = 1;
        goto out_close_backlight;
    }
    uk_kiosk *kiosk = uk_kiosk_new(&cfg, content, store, display, painter);
    if (!kiosk) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = 1;
        goto out_close_buttons;
    }
    uk_kiosk_set_buttons(kiosk, buttons);
    /* Sound only in real time: a script's virtual clock would play a routine's in a blink. */
    uk_sound *sound = NULL;
    if (!config.run.script[0] && config.display.mode != UK_DISPLAY_HEADLESS) {
        sound = uk_sound_open(error, sizeof error);
        if (!sound)
            fprintf(stderr, "unknot: %s; the kiosk runs silently\n", error);
    }
    uk_kiosk_serve(kiosk, &(uk_kiosk_service){
                              .notify = notify,
                              .stop = stop,
                              .lockdown = lockdown,
                              .hours = &config.schedule.hours,
                              .backlight = backlight,
                              .dim = config.schedule.outside == UK_OUTSIDE_DIM,
                              .sound = sound,
                              .pin_hash = config.admin.pin_hash,
                              .content_problems = uk_content_problems(content),
                          });
    if (config.run.script[0]) {
        uk_script *script = uk_script_load(config.run.script, error, sizeof error);
        if (!script) {
            fprintf(stderr, "unknot: %s\n", error);
            rc = 2;
        } else {
            rc = uk_kiosk_run_script(kiosk, script, config.run.shots);
            uk_script_free(script);
        }
    } else {
        rc = uk_kiosk_run(kiosk);
    }
    uk_kiosk_finish(kiosk);
    uk_kiosk_free(kiosk);
    uk_sound_close(sound);
    /* Its writer pushes SDL events until it stops: close it while SDL is still up. */
    uk_store_close(store);
    store = NULL;

out_close_buttons:
    uk_button_input_close(buttons);
out_close_backlight:
    uk_backlight_close(backlight);
    uk_painter_free(painter);
out_close_display:
    uk_display_close(display);
out_close_store:
    uk_store_close(store);
out_free_content:
    uk_content_free(content);
out_free_notify:
    uk_notify_free(notify);
out_close_stop:
    uk_stop_close(stop);
    return rc;
}
