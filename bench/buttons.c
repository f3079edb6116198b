/*
 * buttons.c: how long a button press takes to reach the screen,
 * through the real loop (uk_kiosk_run) with the software renderer.
 *
 *   bench_buttons [--quick]
 *
 * A second thread stands in for the GPIO reader: it pushes clean press and
 * release edges, stamped on CLOCK_MONOTONIC, into the same edge queue the
 * reader fills, which wakes the loop with the same SDL event. The loop
 * drains the edges, the buttons core confirms each press debounce_ms after
 * its edge, the home screen moves its highlight, and the frame is drawn and
 * presented; the time from the edge to the end of that present is one
 * sample. The target is one frame (16.7 ms) on top of the debounce time,
 * which is a setting (10 ms by default), not a cost.
 *
 * This prints numbers; it asserts none. CTest runs `--quick` only to prove
 * it works: exit 0 when every press was seen on screen.
 */
#include <SDL.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "platform/content/content.h"
#include "platform/input/button_input.h"
#include "platform/loop/kiosk.h"
#include "platform/output/display.h"
#include "platform/output/fonts.h"
#include "platform/output/painter.h"

typedef struct presser {
    uk_edge_queue *queue;
    unsigned presses;
} presser;

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void push(uk_edge_queue *queue, uk_action button, uk_edge_kind kind)
{
    uk_edge edge = {button, kind, uk_edge_queue_clock_ns()};
    uk_edge_queue_push(queue, &edge);
}

/* The fake edge source: DOWN, UP, DOWN... on the home screen, then quit. */
static void *press_buttons(void *arg)
{
    presser *p = arg;
    sleep_ms(500); /* the first frame is up */
    for (unsigned i = 0; i < p->presses; i++) {
        uk_action button = i % 2 ? UK_ACTION_UP : UK_ACTION_DOWN;
        push(p->queue, button, UK_EDGE_RISING);
        sleep_ms(80);
        push(p->queue, button, UK_EDGE_FALLING);
        sleep_ms(120);
    }
    sleep_ms(100);
    SDL_Event quit = {.type = SDL_QUIT};
    SDL_PushEvent(&quit);
    return NULL;
}

static void report_content(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "bench: content: %s\n", message);
}

/* Runs `presses` presses at w x h. Returns 0 when all were measured. */
static int run(const uk_content *content, const char *regular, const char *bold, int w, int h,
               unsigned presses)
{
    char error[1024];
    uk_display_options options = {.w = w, .h = h, .headless = true, .software = true};
    uk_display *display = uk_display_open(&options, error, sizeof error);
    if (!display) {
        fprintf(stderr, "bench: %s\n", error);
        return 1;
    }
    int rc = 1;
    uk_painter *painter =
        uk_painter_new(uk_display_renderer(display), regular, bold, error, sizeof error);
    if (!painter) {
        fprintf(stderr, "bench: %s\n", error);
        goto out_close_display;
    }
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    uk_kiosk *kiosk = uk_kiosk_new(&cfg, content, NULL, display, painter);
    uk_gpio_config gpio;
    uk_gpio_config_defaults(&gpio);
    gpio.enabled = false;
    uk_button_input *buttons = uk_button_input_open(&gpio, false, false);
    if (!kiosk || !buttons) {
        fprintf(stderr, "bench: out of memory\n");
        goto out_free;
    }
    uk_kiosk_set_buttons(kiosk, buttons);

    presser p = {uk_button_input_queue(buttons), presses};
    pthread_t thread;
    if (pthread_create(&thread, NULL, press_buttons, &p) != 0) {
        fprintf(stderr, "bench: cannot start the presser thread\n");
        goto out_free;
    }
    uk_kiosk_run(kiosk);
    pthread_join(thread, NULL);

    uk_button_latency latency;
    uk_button_input_latency(buttons, &latency);
    double debounce = gpio.buttons.debounce_ms;
    printf("%4dx%-4d software renderer, %u presses: edge to screen min %.1f mean %.1f max %.1f "
           "ms; less the %.0f ms debounce: mean %.1f max %.1f ms (target < 16.7)\n",
           w, h, latency.count, latency.min_ms, latency.mean_ms, latency.max_ms, debounce,
           latency.mean_ms - debounce, latency.max_ms - debounce);
    rc = latency.count == presses ? 0 : 1;
    if (rc)
        fprintf(stderr, "bench: only %u of %u presses reached the screen\n", latency.count,
                presses);

out_free:
    uk_button_input_close(buttons);
    uk_kiosk_free(kiosk);
    uk_painter_free(painter);
out_close_display:
    uk_display_close(display);
    return rc;
}

int main(int argc, char **argv)
{
    bool quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    char regular[4096], bold[4096], error[1024];
    if (uk_fonts_find(NULL, regular, bold, sizeof regular, error, sizeof error) != 0) {
        fprintf(stderr, "bench: %s\n", error);
        return 77;
    }
    uk_content *content = uk_content_load(UK_ASSETS_DIR, report_content, NULL);
    if (!content || uk_content_catalog(content)->routine_count < 2) {
        fprintf(stderr, "bench: no content in %s\n", UK_ASSETS_DIR);
        uk_content_free(content);
        return 1;
    }
    int rc = run(content, regular, bold, 800, 480, quick ? 3 : 40);
    if (!quick)
        rc |= run(content, regular, bold, 1280, 800, 40);
    uk_content_free(content);
    return rc;
}
