/*
 * test_painter.c: the painter as its callers see it: a missing or broken
 * font is named with a fix when the painter is made, and a second scene
 * painted over the frame (the button panel) lands at its origin, stays in
 * its rectangle and leaves the viewport as it found it.
 */
#include "tests/fixtures/painter_fixtures.h"

/* ---- making a painter ------------------------------------------------------------------------ */

static void missing_font_is_named_with_a_fix(void **state)
{
    fixture *f = *state;
    char error[512] = "";
    uk_painter *painter =
        uk_painter_new(f->renderer, "/nonexistent/Nope.ttf", BOLD, error, sizeof error);
    assert_null(painter);
    assert_non_null(strstr(error, "/nonexistent/Nope.ttf"));
    assert_non_null(strstr(error, "fonts-dejavu-core"));

    /* A file that is not a font. */
    painter = uk_painter_new(f->renderer, REGULAR, "/etc/hostname", error, sizeof error);
    if (access("/etc/hostname", R_OK) == 0) {
        assert_null(painter);
        assert_non_null(strstr(error, "/etc/hostname"));
    }
    uk_painter_free(painter);
}

/* ---- a second scene over the frame ---------------------------------------------------------- */

static void scene_drawn_over_lands_at_its_origin(void **state)
{
    fixture *f = *state;
    /* The frame: a blue band along the top. Then a 100x80 panel at (200, 100): white, with a
     * red square and a word, and a rect reaching past its edges that must stay inside them. */
    uk_scene_rect(&f->scene, (uk_rect){0, 0, W, 20}, 0, BLUE);
    paint(f);
    static uk_scene panel;
    uk_scene_reset(&panel, 100, 80, BLACK);
    uk_scene_rect(&panel, (uk_rect){-50, -50, 300, 300}, 0, WHITE);
    uk_scene_rect(&panel, (uk_rect){10, 10, 20, 20}, 0, RED);
    uk_scene_text(&panel, (uk_rect){40, 40, 60, 40}, 20, 12, 0, BLACK, "Go");
    uk_painter_stats stats;
    uk_painter_draw_over(f->painter, &panel, 200, 100, &stats);
    SDL_RenderFlush(f->renderer);

    expect_color(f, 200, 100, WHITE, 0);
    expect_color(f, 299, 179, WHITE, 0);
    expect_color(f, 215, 115, RED, 0);
    expect_color(f, 205, 105, WHITE, 0);
    /* Nothing beyond the panel's rectangle, and the frame under it untouched. */
    expect_color(f, 199, 100, BLACK, 0);
    expect_color(f, 200, 99, BLACK, 0);
    expect_color(f, 300, 179, BLACK, 0);
    expect_color(f, 299, 180, BLACK, 0);
    expect_color(f, 250, 10, BLUE, 0);
    /* The word is dark ink on the white panel, inside its box moved by the origin. */
    int dark = 0;
    for (int y = 140; y < 180; y++)
        for (int x = 240; x < 300; x++)
            dark += pixel(f, x, y).r < 128;
    assert_true(dark > 10);
    assert_int_equal(stats.texts, 1);

    /* The viewport is the whole target again: the next frame paints from the top-left. */
    SDL_Rect viewport;
    SDL_RenderGetViewport(f->renderer, &viewport);
    assert_int_equal(viewport.x, 0);
    assert_int_equal(viewport.y, 0);
    assert_int_equal(viewport.w, W);
    assert_int_equal(viewport.h, H);
    uk_painter_invalidate(f->painter);
    uk_scene_rect(&f->scene, (uk_rect){0, 0, 10, 10}, 0, RED);
    paint(f);
    expect_color(f, 0, 0, RED, 0);
    expect_color(f, 215, 115, BLACK, 0);
}

/* ---- main ------------------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(missing_font_is_named_with_a_fix),
        TEST(scene_drawn_over_lands_at_its_origin),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
