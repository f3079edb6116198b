/*
 * test_display.c: rotation, both ways. A touch or a click on the panel
 * lands on the point of the frame drawn under it, for all four rotations;
 * and what is drawn at the frame's top-left corner is shown where that
 * corner is on the turned panel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "platform/output/display.h"

typedef struct point {
    float x, y;
} point;

/* The frame's corners: top-left, top-right, bottom-left, and a point inside. */
static const point frame_points[] = {{0, 0}, {1, 0}, {0, 1}, {0.25f, 0.1f}};

/* Where each shows on the panel, turned clockwise by the rotation. */
static const struct {
    int rotation;
    point panel[4];
} cases[] = {
    {0, {{0, 0}, {1, 0}, {0, 1}, {0.25f, 0.1f}}},
    {90, {{1, 0}, {1, 1}, {0, 0}, {0.9f, 0.25f}}},
    {180, {{1, 1}, {0, 1}, {1, 0}, {0.75f, 0.9f}}},
    {270, {{0, 1}, {0, 0}, {1, 1}, {0.1f, 0.75f}}},
};

static void touches_follow_every_rotation(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (size_t i = 0; i < 4; i++) {
            float x = cases[c].panel[i].x, y = cases[c].panel[i].y;
            uk_display_unrotate(cases[c].rotation, &x, &y);
            if (x < frame_points[i].x - 1e-5f || x > frame_points[i].x + 1e-5f ||
                y < frame_points[i].y - 1e-5f || y > frame_points[i].y + 1e-5f)
                fail_msg("rotation %d: panel (%.2f, %.2f) should be frame (%.2f, %.2f), got "
                         "(%.2f, %.2f)",
                         cases[c].rotation, (double)cases[c].panel[i].x,
                         (double)cases[c].panel[i].y, (double)frame_points[i].x,
                         (double)frame_points[i].y, (double)x, (double)y);
        }
    }
}

/* The pixel of an 800x480 panel that shows the frame's pixel (10, 10), per rotation. */
static const struct {
    int rotation;
    int x, y;
} shown[] = {{0, 10, 10}, {90, 789, 10}, {180, 789, 469}, {270, 10, 469}};

/* A headless 800x480 panel showing the frame turned by shown[c].rotation. */
static uk_display *open_panel(size_t c)
{
    char error[512];
    uk_display_options options = {
        .w = 800, .h = 480, .headless = true, .rotation = shown[c].rotation};
    uk_display *display = uk_display_open(&options, error, sizeof error);
    if (!display)
        fail_msg("%s", error);
    return display;
}

/* Red in the frame's top-left 40x40 corner; where is it on the panel? */
static void frame_is_shown_turned(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof shown / sizeof shown[0]; c++) {
        uk_display *display = open_panel(c);
        int turned = shown[c].rotation == 90 || shown[c].rotation == 270;
        assert_int_equal(uk_display_width(display), turned ? 480 : 800);
        assert_int_equal(uk_display_height(display), turned ? 800 : 480);

        SDL_SetRenderDrawColor(uk_display_renderer(display), 0, 0, 0, 255);
        SDL_RenderClear(uk_display_renderer(display));
        SDL_SetRenderDrawColor(uk_display_renderer(display), 255, 0, 0, 255);
        SDL_RenderFillRect(uk_display_renderer(display), &(SDL_Rect){0, 0, 40, 40});
        uk_display_present(display);

        /* Read the panel itself, not the frame. */
        SDL_SetRenderTarget(uk_display_renderer(display), NULL);
        Uint32 pixel = 0;
        SDL_Rect at = {shown[c].x, shown[c].y, 1, 1};
        assert_int_equal(SDL_RenderReadPixels(uk_display_renderer(display), &at,
                                              SDL_PIXELFORMAT_ARGB8888, &pixel, 4),
                         0);
        if ((pixel & 0xffffff) != 0xff0000)
            fail_msg("rotation %d: panel pixel (%d, %d) is %06x, not red", shown[c].rotation,
                     shown[c].x, shown[c].y, pixel & 0xffffff);
        uk_display_close(display);
    }
}

/*
 * The other way: a click on, or a finger at, the panel pixel where the
 * frame's pixel (10, 10) is shown lands on that pixel of the frame.
 */
static void clicks_and_touches_land_on_the_frame_pixel_shown_there(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof shown / sizeof shown[0]; c++) {
        uk_display *display = open_panel(c);
        SDL_Event click = {.type = SDL_MOUSEBUTTONDOWN};
        click.button.x = shown[c].x;
        click.button.y = shown[c].y;
        SDL_Event touch = {.type = SDL_FINGERDOWN};
        touch.tfinger.x = ((float)shown[c].x + 0.5f) / 800;
        touch.tfinger.y = ((float)shown[c].y + 0.5f) / 480;
        const SDL_Event *events[] = {&click, &touch};
        for (size_t e = 0; e < 2; e++) {
            float x = -1, y = -1;
            assert_true(uk_display_event_point(display, events[e], &x, &y));
            if (x < 10 || x > 11 || y < 10 || y > 11)
                fail_msg("rotation %d: a %s at panel (%d, %d) landed on frame (%.1f, %.1f), not on "
                         "(10, 10)",
                         shown[c].rotation, e ? "touch" : "click", shown[c].x, shown[c].y,
                         (double)x, (double)y);
        }
        SDL_Event key = {.type = SDL_KEYDOWN};
        float x = -1, y = -1;
        assert_false(uk_display_event_point(display, &key, &x, &y)); /* not a point */
        assert_true(x == -1 && y == -1);
        uk_display_close(display);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(touches_follow_every_rotation),
        cmocka_unit_test(frame_is_shown_turned),
        cmocka_unit_test(clicks_and_touches_land_on_the_frame_pixel_shown_there),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
