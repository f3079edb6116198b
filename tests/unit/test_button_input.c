/*
 * test_button_input.c: the kiosk's side of the buttons: the emulated panel
 * painted beside the frame (by the output side, as the loop does) and
 * clicked, edges placed on the loop's clock, and the inputs they become
 * (of kind "button"), handed to the core as the loop hands them.
 *
 * Painting uses SDL's software renderer on a plain surface, so no display
 * is needed; the fonts are DejaVu Sans (fonts-dejavu-core).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <string.h>

#include "app/core/app.h"
#include "app/view/panel.h"
#include "platform/input/button_input.h"
#include "platform/output/painter.h"
#include "tests/fixtures/core_fixtures.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define FRAME_W  800
#define H        480
#define PANEL_W  144 /* uk_panel_width(480) */
#define NS       1000000ull

/* The session the core asked to be stored, if any; other effects are dropped. */

/* True if any button is pressed, raw or debounced: what the panel would show lit. */
static bool any_down(const uk_buttons *buttons)
{
    for (int action = UK_ACTION_UP; action < UK_ACTION_COUNT; action++) {
        const uk_button_line *line = uk_buttons_line(buttons, (uk_action)action);
        if (line->raw || line->down)
            return true;
    }
    return false;
}

static int take_session(uk_app *app, uk_session *out)
{
    uk_effect effect;
    while (uk_app_take_effect(app, &effect))
        if (effect.kind == UK_EFFECT_STORE_SESSION) {
            *out = effect.session;
            return 1;
        }
    return 0;
}

typedef struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    uk_painter *painter;
    fixture_catalog content;
    uk_app app;
    uk_button_input *input;
    uk_scene panel; /* the panel as the loop last painted it */
} fixture;

static int setup(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof f);
    f.surface =
        SDL_CreateRGBSurfaceWithFormat(0, FRAME_W + PANEL_W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    f.renderer = SDL_CreateSoftwareRenderer(f.surface);
    char error[512];
    f.painter = uk_painter_new(f.renderer, FONT_DIR "DejaVuSans.ttf",
                               FONT_DIR "DejaVuSans-Bold.ttf", error, sizeof error);
    if (!f.painter)
        fail_msg("%s", error);
    fixture_catalog_init(&f.content);
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    cfg.settle_ms = 0; /* presses follow each other as fast as the debounce lets them */
    uk_app_init(&f.app, &cfg, &f.content.catalog, 0);
    uk_app_handle(&f.app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, 0); /* awake, not in attract mode */
    uk_gpio_config gpio;
    uk_gpio_config_defaults(&gpio);
    f.input = uk_button_input_open(&gpio, false, true);
    assert_non_null(f.input);
    *state = &f;
    return 0;
}

/* Paints the panel right of the frame, as the loop's output side does. */
static void paint_panel(fixture *f)
{
    uk_button_hw hw;
    uk_button_input_hw(f->input, &hw);
    uk_panel_build(&f->panel, uk_panel_width(H), H, uk_button_input_buttons(f->input), &hw);
    uk_painter_draw_over(f->painter, &f->panel, FRAME_W, 0, NULL);
}

static int teardown(void **state)
{
    fixture *f = *state;
    uk_button_input_close(f->input);
    uk_painter_free(f->painter);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    return 0;
}

static uint32_t pixel(const fixture *f, int x, int y)
{
    uint32_t p;
    memcpy(&p,
           (const uint8_t *)f->surface->pixels + (size_t)y * (size_t)f->surface->pitch +
               (size_t)x * 4,
           4);
    return p & 0xffffff;
}

static SDL_Event mouse(Uint32 type, Uint8 button, int x, int y)
{
    SDL_Event event;
    SDL_zero(event);
    event.type = type;
    event.button.button = button;
    event.button.x = x;
    event.button.y = y;
    event.button.timestamp = SDL_GetTicks();
    return event;
}

/* Hands `event` to the buttons as the kiosk does, at its own point (an unturned frame). */
static bool offer(fixture *f, const SDL_Event *event)
{
    return uk_button_input_event(f->input, event, (float)event->button.x + 0.5f,
                                 (float)event->button.y + 0.5f, FRAME_W, &f->panel);
}

/* Clicks (down or up) at the centre of the panel's slot for `button` (0 = Up .. 4 = Help). */
static bool click(fixture *f, Uint32 type, Uint8 mouse_button, int slot)
{
    SDL_Event event = mouse(type, mouse_button, FRAME_W + PANEL_W / 2, 40 + slot * 85);
    return offer(f, &event);
}

/* Reads what the buttons mean at `now_ms` and hands it to the core, as the loop does. */
static uint64_t tick(fixture *f, uint64_t now_ms)
{
    bool changed = false;
    uint64_t deadline;
    uk_input inputs[8];
    size_t n = uk_button_input_read(f->input, now_ms, inputs, 8, &deadline, &changed);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(inputs[i].kind, UK_INPUT_BUTTON);
        uk_app_input(&f->app, &inputs[i]);
    }
    return deadline;
}

static void the_panel_is_painted_beside_the_frame_only(void **state)
{
    fixture *f = *state;
    SDL_SetRenderDrawColor(f->renderer, 0x12, 0x34, 0x56, 0xff);
    SDL_RenderClear(f->renderer);
    paint_panel(f);
    SDL_RenderFlush(f->renderer);
    assert_int_equal(pixel(f, FRAME_W - 1, 5), 0x123456); /* the kiosk's frame, untouched */
    assert_int_equal(pixel(f, FRAME_W + PANEL_W - 3, 5), 0x24272b); /* the panel */
    assert_int_equal(uk_button_input_panel_width(f->input, H), PANEL_W);
}

static void a_click_on_the_panel_is_a_debounced_button_press(void **state)
{
    fixture *f = *state;
    paint_panel(f);
    SDL_Event kiosk_tap = mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 400, 240);
    assert_false(offer(f, &kiosk_tap)); /* not the panel's */

    assert_true(click(f, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 2)); /* Select */
    uint64_t due = tick(f, 1000);
    assert_true(uk_buttons_line(uk_button_input_buttons(f->input), UK_ACTION_SELECT)->raw);
    assert_int_equal(f->app.screen, UK_SCREEN_HOME); /* not before the debounce */
    assert_true(due > 1000 && due <= 1010);
    tick(f, due);
    assert_int_equal(f->app.screen, UK_SCREEN_PLAYER);
    assert_true(click(f, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 2));
    tick(f, due + 100); /* the release, placed at the loop's now... */
    tick(f, due + 110); /* ...and confirmed 10 ms later */
    assert_false(any_down(uk_button_input_buttons(f->input)));

    /* Held Back: its press stops the routine, the hold goes home. */
    assert_true(click(f, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 3));
    tick(f, 3000);
    tick(f, 5100);
    assert_true(click(f, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 3));
    assert_int_equal(f->app.screen, UK_SCREEN_HOME);
    uk_session session;
    assert_int_equal(take_session(&f->app, &session), 1);
    assert_int_equal(session.input, UK_INPUT_BUTTON);
    assert_int_equal(session.outcome, UK_OUTCOME_STOPPED);
}

static void a_right_click_holds_so_up_and_down_can_be_held_together(void **state)
{
    fixture *f = *state;
    paint_panel(f);
    assert_true(click(f, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, 0)); /* Up, latched */
    tick(f, 100);
    assert_true(click(f, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 1)); /* Down, held */
    tick(f, 200);
    tick(f, 5300);
    assert_int_equal(f->app.screen, UK_SCREEN_ADMIN_PIN); /* the chord: the admin's PIN pad */
    assert_true(click(f, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 1));
    assert_true(click(f, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, 0)); /* Up, let go */
    tick(f, 5400);
    tick(f, 5410);
    assert_false(any_down(uk_button_input_buttons(f->input)));
}

static void an_edge_is_placed_on_the_loop_clock_by_its_age(void **state)
{
    fixture *f = *state;
    uk_edge_queue *queue = uk_button_input_queue(f->input);
    /* A GPIO edge read 30 ms ago, taken by a loop whose clock reads 10 s now. */
    uk_edge edge = {UK_ACTION_DOWN, UK_EDGE_RISING, uk_edge_queue_clock_ns() - 30 * NS};
    uk_edge_queue_push(queue, &edge);
    tick(f, 10000);
    const uk_button_line *line = uk_buttons_line(uk_button_input_buttons(f->input), UK_ACTION_DOWN);
    assert_true(line->down); /* confirmed at once: 30 ms old is past the debounce */
    assert_true(line->last_press_ms <= 9980 && line->last_press_ms > 9900);
    assert_int_equal(f->app.focus, 1);

    /* The frame that shows it closes the latency measurement. */
    uk_button_input_frame_shown(f->input);
    uk_button_latency latency;
    uk_button_input_latency(f->input, &latency);
    assert_int_equal(latency.count, 1);
    assert_true(latency.last_ms >= 30);

    /* The state a reader thread found at open: pressed, and silent. */
    uk_edge level = {UK_ACTION_HELP, UK_EDGE_LEVEL_UP, uk_edge_queue_clock_ns()};
    uk_edge_queue_push(queue, &level);
    tick(f, 20000);
    assert_true(uk_buttons_line(uk_button_input_buttons(f->input), UK_ACTION_HELP)->down);
    assert_int_equal(f->app.screen, UK_SCREEN_HOME);

    uk_button_hw hw;
    uk_button_input_hw(f->input, &hw);
    assert_int_equal(hw.state, UK_BUTTON_HW_OFF);
}

/* A bouncing press: its latency counts from the first edge, not from a bounce. */
static void latency_counts_from_a_press_first_edge(void **state)
{
    fixture *f = *state;
    uk_edge_queue *queue = uk_button_input_queue(f->input);
    uint64_t now = uk_edge_queue_clock_ns();
    uk_edge bounces[] = {{UK_ACTION_DOWN, UK_EDGE_RISING, now - 40 * NS},
                         {UK_ACTION_DOWN, UK_EDGE_FALLING, now - 39 * NS},
                         {UK_ACTION_DOWN, UK_EDGE_RISING, now - 35 * NS}};
    for (size_t i = 0; i < 3; i++)
        uk_edge_queue_push(queue, &bounces[i]);
    tick(f, 10000);
    assert_int_equal(f->app.focus, 1); /* one press */
    uk_button_input_frame_shown(f->input);
    uk_button_latency latency;
    uk_button_input_latency(f->input, &latency);
    assert_int_equal(latency.count, 1);
    if (latency.last_ms < 40)
        fail_msg("a press whose first edge was 40 ms ago measured %.1f ms", latency.last_ms);
}

static int init_ttf(void **state)
{
    (void)state;
    return TTF_Init() == 0 ? 0 : -1;
}

static int quit_ttf(void **state)
{
    (void)state;
    TTF_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_panel_is_painted_beside_the_frame_only, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_click_on_the_panel_is_a_debounced_button_press, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_right_click_holds_so_up_and_down_can_be_held_together,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_edge_is_placed_on_the_loop_clock_by_its_age, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(latency_counts_from_a_press_first_edge, setup, teardown),
    };
    return cmocka_run_group_tests(tests, init_ttf, quit_ttf);
}
