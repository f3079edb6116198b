/*
 * test_typeset.c: the painter's text fitted into its box
 * (platform/output/typeset.c), checked by its pixels and its bounds.
 *
 * Text stays in its box, centres, aligns right and in the middle, wraps and
 * shrinks without passing its minimum, starts a line at each newline, is
 * clipped and counted when it cannot fit, is heavier in bold and fainter
 * when translucent. Ink is any light on the black background: white text.
 */
#include "tests/fixtures/painter_fixtures.h"

/* ---- reading ink ----------------------------------------------------------------------------- */

/* A pixel with any light on the black background: ink of white text. */
static bool ink(const fixture *f, int x, int y)
{
    rgb p = pixel(f, x, y);
    return p.r > 0 || p.g > 0 || p.b > 0;
}

/* Counts inked pixels inside `box` and outside it. */
static void count_ink(const fixture *f, uk_rect box, int *inside, int *outside)
{
    *inside = *outside = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            if (!ink(f, x, y))
                continue;
            if (uk_scene_contains(box, (float)x + 0.5f, (float)y + 0.5f))
                (*inside)++;
            else
                (*outside)++;
        }
}

/* Rows with ink inside `box`, grouped into bands separated by blank rows: lines of text. */
static int ink_bands(const fixture *f, uk_rect box)
{
    int bands = 0;
    bool previous = false;
    for (int y = (int)box.y; y < (int)(box.y + box.h); y++) {
        bool any = false;
        for (int x = (int)box.x; x < (int)(box.x + box.w) && !any; x++)
            any = ink(f, x, y);
        if (any && !previous)
            bands++;
        previous = any;
    }
    return bands;
}

/* Columns of the first and last ink inside `box`. */
static void ink_columns(const fixture *f, uk_rect box, int *first, int *last)
{
    *first = W;
    *last = -1;
    for (int y = (int)box.y; y < (int)(box.y + box.h); y++)
        for (int x = (int)box.x; x < (int)(box.x + box.w); x++)
            if (ink(f, x, y)) {
                *first = x < *first ? x : *first;
                *last = x > *last ? x : *last;
            }
}

/* ---- text ------------------------------------------------------------------------------------ */

static void text_stays_inside_its_box(void **state)
{
    fixture *f = *state;
    uk_rect box = {40, 40, 200, 60};
    uk_scene_text(&f->scene, box, 24, 12, 0, WHITE, "Hello, world");
    paint(f);
    int inside, outside;
    count_ink(f, box, &inside, &outside);
    assert_true(inside > 50);
    assert_int_equal(outside, 0);
    assert_int_equal(f->stats.texts, 1);
    assert_int_equal(f->stats.texts_shrunk, 0);
    assert_int_equal(f->stats.texts_clipped, 0);
    /* Left aligned, at the top: ink starts near the box's top-left corner. */
    SDL_FRect bounds;
    float size;
    assert_int_equal(
        uk_painter_text_bounds(f->painter, &f->scene, &f->scene.ops[0], &bounds, &size), 0);
    assert_float_equal(size, 24, 0);
    assert_float_equal(bounds.x, box.x, 0.5);
    assert_float_equal(bounds.y, box.y, 0.5);
}

static void centred_text_is_centred(void **state)
{
    fixture *f = *state;
    uk_rect top = {20, 20, 280, 50}, bottom = {20, 120, 280, 100};
    uk_scene_text(&f->scene, top, 28, 12, UK_TEXT_CENTER, WHITE, "Centre");
    uk_scene_text(&f->scene, bottom, 28, 12, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, WHITE, "Right");
    paint(f);

    int first, last;
    ink_columns(f, top, &first, &last);
    int left = first - (int)top.x, right = (int)(top.x + top.w) - 1 - last;
    if (abs(left - right) > 3)
        fail_msg("centred text has margins %d and %d px", left, right);

    ink_columns(f, bottom, &first, &last);
    right = (int)(bottom.x + bottom.w) - 1 - last;
    if (right > 4 || first < (int)(bottom.x + bottom.w / 2))
        fail_msg("right-aligned text spans %d..%d in %.0f..%.0f", first, last, bottom.x,
                 bottom.x + bottom.w);

    /* Middle: the block's top and bottom margins match. */
    SDL_FRect b;
    float size;
    assert_int_equal(uk_painter_text_bounds(f->painter, &f->scene, &f->scene.ops[1], &b, &size), 0);
    float above = b.y - bottom.y, below = bottom.y + bottom.h - (b.y + b.h);
    assert_true(above > 10);
    assert_float_equal(above, below, 1);
}

static void long_sentence_wraps_and_shrinks_to_fit(void **state)
{
    fixture *f = *state;
    uk_rect box = {100, 10, 120, 220};
    uk_scene_text(&f->scene, box, 40, 14, 0, WHITE,
                  "Breathe slowly and let your shoulders drop away from your ears");
    paint(f);
    assert_int_equal(f->stats.texts_shrunk, 1);
    assert_int_equal(f->stats.texts_clipped, 0);

    SDL_FRect b;
    float size;
    assert_int_equal(uk_painter_text_bounds(f->painter, &f->scene, &f->scene.ops[0], &b, &size), 0);
    assert_true(size < 40);
    assert_true(size >= 14);
    assert_true(b.x >= box.x && b.x + b.w <= box.x + box.w);
    assert_true(b.y >= box.y && b.y + b.h <= box.y + box.h);

    int inside, outside;
    count_ink(f, box, &inside, &outside);
    assert_int_equal(outside, 0);
    int lines = ink_bands(f, box);
    if (lines < 4)
        fail_msg("%d lines of text at %.0f px; expected the sentence to wrap", lines, size);
}

static void explicit_newline_starts_a_line(void **state)
{
    fixture *f = *state;
    uk_rect box = {10, 10, 300, 200};
    uk_scene_text(&f->scene, box, 20, 20, 0, WHITE, "one\ntwo\n\nfour");
    paint(f);
    assert_int_equal(ink_bands(f, box), 3);
    SDL_FRect b;
    float size;
    assert_int_equal(uk_painter_text_bounds(f->painter, &f->scene, &f->scene.ops[0], &b, &size), 0);
    assert_true(b.h > 3.5f * size); /* four lines, the third empty */
}

static void impossible_fit_is_clipped_and_counted(void **state)
{
    fixture *f = *state;
    uk_rect box = {50, 50, 90, 30};
    uk_scene_text(&f->scene, box, 24, 16, UK_TEXT_CENTER | UK_TEXT_MIDDLE, WHITE,
                  "This will never fit in such a small box");
    paint(f);
    assert_int_equal(f->stats.texts_clipped, 1);
    int inside, outside;
    count_ink(f, box, &inside, &outside);
    assert_true(inside > 0);
    assert_int_equal(outside, 0);

    SDL_FRect b;
    float size;
    assert_int_equal(uk_painter_text_bounds(f->painter, &f->scene, &f->scene.ops[0], &b, &size), 0);
    assert_float_equal(size, 16, 0); /* drawn at its minimum, not below */
    assert_true(b.h > box.h);
}

static void bold_differs_from_regular(void **state)
{
    fixture *f = *state;
    uk_rect box = {10, 10, 300, 60};
    uk_scene_text(&f->scene, box, 32, 12, 0, WHITE, "Bold words");
    paint(f);
    long regular = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            regular += pixel(f, x, y).r;
    size_t len = (size_t)f->surface->pitch * H;
    uint8_t *before = malloc(len);
    assert_non_null(before);
    memcpy(before, f->surface->pixels, len);

    f->scene.ops[0].text.flags = UK_TEXT_BOLD;
    paint(f);
    long bold = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            bold += pixel(f, x, y).r;
    assert_memory_not_equal(before, f->surface->pixels, len);
    free(before);
    /* Heavier strokes: noticeably more ink. */
    if (bold < regular * 11 / 10)
        fail_msg("bold has %ld units of ink, regular %ld", bold, regular);
}

static void translucent_text_is_fainter(void **state)
{
    fixture *f = *state;
    uk_rect box = {10, 10, 300, 60};
    uk_scene_text(&f->scene, box, 32, 12, 0, (uk_color){255, 255, 255, 128}, "Faint words");
    paint(f);
    int brightest = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            brightest = pixel(f, x, y).r > brightest ? pixel(f, x, y).r : brightest;
    assert_in_range(brightest, 120, 136);
}

/* ---- main ------------------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(text_stays_inside_its_box),
        TEST(centred_text_is_centred),
        TEST(long_sentence_wraps_and_shrinks_to_fit),
        TEST(explicit_newline_starts_a_line),
        TEST(impossible_fit_is_clipped_and_counted),
        TEST(bold_differs_from_regular),
        TEST(translucent_text_is_fainter),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
