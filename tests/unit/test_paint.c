/*
 * test_paint.c: the painter checked by its pixels, as a person would see
 * them.
 *
 * Each test paints a small scene with SDL's software renderer onto a plain
 * ARGB surface (no video driver, no display) and reads the surface back:
 * a rectangle fills exactly its box; a capsule covers its centre line, stays
 * within its radius and has soft edges; a quarter ring lands in the right
 * quadrant; a translucent shade blends with what is under it; shapes at
 * awkward fractional sizes have no seams, holes or double-blended joins
 * (the software renderer's own quirks, worked around in painter.c, showed up
 * exactly so). Text stays in its box, centres, wraps and shrinks without
 * passing its minimum, is clipped and counted when it cannot fit, comes from
 * the cache on a repeated frame, and bold looks different from regular.
 * A frame that repaints only what changed since the last one leaves exactly
 * the pixels a whole repaint would, on made-up scenes and the real screens.
 *
 * The fonts are DejaVu Sans (fonts-dejavu-core); without them the test is
 * skipped (exit 77).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/core/app.h"
#include "app/view/ui.h"
#include "platform/content/content.h"
#include "platform/output/painter.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define REGULAR  FONT_DIR "DejaVuSans.ttf"
#define BOLD     FONT_DIR "DejaVuSans-Bold.ttf"
#define W        320
#define H        240

static const uk_color BLACK = {0, 0, 0, 255};
static const uk_color WHITE = {255, 255, 255, 255};
static const uk_color RED = {255, 0, 0, 255};
static const uk_color BLUE = {0, 0, 200, 255};

typedef struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    uk_painter *painter;
    uk_scene scene;
    uk_paint_stats stats;
} fixture;

typedef struct rgb {
    int r, g, b;
} rgb;

/* ---- helpers --------------------------------------------------------------------------------- */

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    char error[512];
    f->painter = uk_painter_new(f->renderer, REGULAR, BOLD, error, sizeof error);
    if (!f->painter)
        fail_msg("%s", error);
    uk_scene_reset(&f->scene, W, H, BLACK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    uk_painter_free(f->painter);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    return 0;
}

/* Paints the fixture's scene and makes sure every queued command reached the surface. */
static void paint(fixture *f)
{
    uk_painter_draw(f->painter, &f->scene, &f->stats);
    SDL_RenderFlush(f->renderer);
}

static rgb pixel(const fixture *f, int x, int y)
{
    assert_true(x >= 0 && x < W && y >= 0 && y < H);
    const uint8_t *row =
        (const uint8_t *)f->surface->pixels + (size_t)y * (size_t)f->surface->pitch;
    uint32_t p;
    memcpy(&p, row + (size_t)x * 4, 4);
    return (rgb){(int)(p >> 16 & 0xff), (int)(p >> 8 & 0xff), (int)(p & 0xff)};
}

static rgb pixel_f(const fixture *f, float x, float y)
{
    return pixel(f, (int)floorf(x), (int)floorf(y));
}

static bool near(rgb a, rgb b, int tolerance)
{
    return abs(a.r - b.r) <= tolerance && abs(a.g - b.g) <= tolerance &&
           abs(a.b - b.b) <= tolerance;
}

static rgb of(uk_color c)
{
    return (rgb){c.r, c.g, c.b};
}

static void expect_color(const fixture *f, int x, int y, uk_color want, int tolerance)
{
    rgb got = pixel(f, x, y);
    if (!near(got, of(want), tolerance))
        fail_msg("pixel %d,%d is %d,%d,%d, expected %d,%d,%d", x, y, got.r, got.g, got.b, want.r,
                 want.g, want.b);
}

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
            if (uk_rect_contains(box, (float)x + 0.5f, (float)y + 0.5f))
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

/* ---- shapes ---------------------------------------------------------------------------------- */

static void rect_fills_exactly_its_box(void **state)
{
    fixture *f = *state;
    uk_scene_rect(&f->scene, (uk_rect){10, 20, 50, 30}, 0, WHITE);
    paint(f);
    for (int y = 15; y < 55; y++)
        for (int x = 5; x < 65; x++) {
            bool in = x >= 10 && x < 60 && y >= 20 && y < 50;
            expect_color(f, x, y, in ? WHITE : BLACK, 0);
        }
}

static void rounded_rect_has_round_corners(void **state)
{
    fixture *f = *state;
    uk_scene_rect(&f->scene, (uk_rect){40, 40, 200, 100}, 20, WHITE);
    paint(f);
    /* Filled along its middle and up to its straight edges. */
    expect_color(f, 140, 90, WHITE, 0);
    expect_color(f, 41, 90, WHITE, 0);
    expect_color(f, 238, 90, WHITE, 0);
    expect_color(f, 140, 41, WHITE, 0);
    expect_color(f, 140, 138, WHITE, 0);
    /* Nothing outside the box but its soft edge: SDL's software renderer snaps vertices to
     * whole pixels, so the one-pixel feather may fall half a pixel out. */
    assert_true(pixel(f, 39, 90).r <= 128);
    assert_true(pixel(f, 140, 140).r <= 128);
    expect_color(f, 38, 90, BLACK, 0);
    expect_color(f, 140, 141, BLACK, 0);
    expect_color(f, 241, 90, BLACK, 0);
    /* The very corners are cut away. */
    expect_color(f, 41, 41, BLACK, 0);
    expect_color(f, 238, 138, BLACK, 0);
    /* But the corner arc itself is painted, 4 px inside it along the diagonal. */
    float in = 20 - 20 / sqrtf(2) + 4;
    expect_color(f, (int)(40 + in), (int)(40 + in), WHITE, 0);
}

static void capsule_covers_its_line_with_soft_edges(void **state)
{
    fixture *f = *state;
    float x0 = 60, y0 = 60, x1 = 240, y1 = 170, r = 12;
    uk_scene_capsule(&f->scene, x0, y0, x1, y1, r, WHITE);
    paint(f);

    float len = hypotf(x1 - x0, y1 - y0);
    float dx = (x1 - x0) / len, dy = (y1 - y0) / len; /* along */
    float nx = -dy, ny = dx;                          /* across */
    for (int i = 0; i <= 20; i++) {
        float t = (float)i / 20;
        float x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
        assert_true(near(pixel_f(f, x, y), of(WHITE), 0));
        /* A radius + 2 px to either side: background. */
        assert_true(near(pixel_f(f, x + nx * (r + 2), y + ny * (r + 2)), of(BLACK), 0));
        assert_true(near(pixel_f(f, x - nx * (r + 2), y - ny * (r + 2)), of(BLACK), 0));
    }
    /* The ends are round and no longer than the radius. */
    assert_true(near(pixel_f(f, x1 + dx * (r - 3), y1 + dy * (r - 3)), of(WHITE), 0));
    assert_true(near(pixel_f(f, x1 + dx * (r + 2), y1 + dy * (r + 2)), of(BLACK), 0));
    assert_true(near(pixel_f(f, x0 - dx * (r + 2), y0 - dy * (r + 2)), of(BLACK), 0));
    float corner = (r + 2) / sqrtf(2); /* diagonally beyond a round end, inside a square one */
    assert_true(near(pixel_f(f, x1 + (dx + nx) * corner, y1 + (dy + ny) * corner), of(BLACK), 0));

    /* Anti-aliased: walking across the edge meets pixels between the two colours. */
    int partial = 0;
    for (int i = 0; i <= 20; i++) {
        float x = x0 + (x1 - x0) * (float)i / 20, y = y0 + (y1 - y0) * (float)i / 20;
        for (float s = r - 2; s <= r + 2; s += 0.5f) {
            int level = pixel_f(f, x + nx * s, y + ny * s).r;
            partial += level > 10 && level < 245;
        }
    }
    if (partial < 10)
        fail_msg("only %d partly covered pixels along the capsule's edge", partial);
}

static void capsule_with_equal_ends_is_a_dot(void **state)
{
    fixture *f = *state;
    uk_scene_capsule(&f->scene, 160, 120, 160, 120, 20, RED);
    paint(f);
    expect_color(f, 160, 120, RED, 0);
    for (int i = 0; i < 16; i++) {
        float a = (float)i / 16 * 6.2831853f;
        assert_true(near(pixel_f(f, 160 + cosf(a) * 17, 120 + sinf(a) * 17), of(RED), 0));
        assert_true(near(pixel_f(f, 160 + cosf(a) * 22, 120 + sinf(a) * 22), of(BLACK), 0));
    }
}

static void quarter_ring_paints_the_top_right(void **state)
{
    fixture *f = *state;
    float cx = 160, cy = 120, r = 80;
    uk_scene_ring(&f->scene, cx, cy, r, 16, 0, 0.25f, WHITE);
    paint(f);
    /* Clockwise from 12 o'clock: a turn's fraction t is at (sin, -cos) of t * 2 pi. */
    for (int i = 1; i < 10; i++) {
        float a = (float)i / 10 * 0.25f * 6.2831853f;
        assert_true(near(pixel_f(f, cx + sinf(a) * r, cy - cosf(a) * r), of(WHITE), 0));
        /* The same angles mirrored: bottom left, top left, bottom right stay empty. */
        assert_true(near(pixel_f(f, cx - sinf(a) * r, cy + cosf(a) * r), of(BLACK), 0));
        assert_true(near(pixel_f(f, cx - sinf(a) * r, cy - cosf(a) * r), of(BLACK), 0));
        assert_true(near(pixel_f(f, cx + sinf(a) * r, cy + cosf(a) * r), of(BLACK), 0));
    }
    /* A ring, not a pie: its middle and the space past its outer edge are empty. */
    float a = 0.125f * 6.2831853f;
    assert_true(near(pixel_f(f, cx + sinf(a) * (r - 12), cy - cosf(a) * (r - 12)), of(BLACK), 0));
    assert_true(near(pixel_f(f, cx + sinf(a) * (r + 12), cy - cosf(a) * (r + 12)), of(BLACK), 0));
    expect_color(f, (int)cx, (int)cy, BLACK, 0);
}

static void full_ring_is_closed(void **state)
{
    fixture *f = *state;
    uk_scene_ring(&f->scene, 160, 120, 90, 10, 0.3f, 1.3f, WHITE);
    paint(f);
    for (int i = 0; i < 64; i++) {
        float a = (float)i / 64 * 6.2831853f;
        assert_true(near(pixel_f(f, 160 + sinf(a) * 90, 120 - cosf(a) * 90), of(WHITE), 0));
    }
}

static void translucent_rect_blends_with_what_is_under_it(void **state)
{
    fixture *f = *state;
    f->scene.clear = BLUE;
    uk_scene_rect(&f->scene, (uk_rect){0, 0, W / 2, H}, 0, RED);
    uk_scene_rect(&f->scene, (uk_rect){0, 0, W, H}, 0, (uk_color){255, 255, 255, 128});
    paint(f);
    /* Half white over red, half white over blue: both lighter, both still tinted. */
    expect_color(f, 40, 100, (uk_color){255, 128, 128, 255}, 3);
    expect_color(f, 280, 100, (uk_color){128, 128, 228, 255}, 3);
}

/* Signed distance from pixel centre (x, y) to each shape's edge; negative inside. */
static float rounded_rect_distance(uk_rect b, float r, float x, float y)
{
    float qx = fabsf(x - (b.x + b.w / 2)) - (b.w / 2 - r);
    float qy = fabsf(y - (b.y + b.h / 2)) - (b.h / 2 - r);
    return hypotf(fmaxf(qx, 0), fmaxf(qy, 0)) + fminf(fmaxf(qx, qy), 0) - r;
}

static float capsule_distance(float x0, float y0, float x1, float y1, float r, float x, float y)
{
    float dx = x1 - x0, dy = y1 - y0;
    float t = ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy);
    t = fminf(fmaxf(t, 0), 1);
    return hypotf(x - (x0 + t * dx), y - (y0 + t * dy)) - r;
}

/* Every pixel at least 1.5 px inside the shape has exactly its colour: no seams, no holes,
 * and, for a translucent shape, no pixel blended twice where two triangles meet. */
static void expect_solid(const fixture *f, float (*distance)(float, float, const float *),
                         const float *shape, rgb want, const char *what)
{
    int inside = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            if (distance((float)x + 0.5f, (float)y + 0.5f, shape) > -1.5f)
                continue;
            inside++;
            rgb p = pixel(f, x, y);
            if (!near(p, want, 1))
                fail_msg("%s: %d,%d is %d,%d,%d, expected %d,%d,%d", what, x, y, p.r, p.g, p.b,
                         want.r, want.g, want.b);
        }
    assert_true(inside > 100);
}

static float rect_shape(float x, float y, const float *s)
{
    return rounded_rect_distance((uk_rect){s[0], s[1], s[2], s[3]}, s[4], x, y);
}

static float ring_shape(float x, float y, const float *s)
{
    return fabsf(hypotf(x - s[0], y - s[1]) - s[2]) - s[3] / 2;
}

static float capsule_shape(float x, float y, const float *s)
{
    return capsule_distance(s[0], s[1], s[2], s[3], s[4], x, y);
}

static void shapes_have_no_seams_or_holes(void **state)
{
    fixture *f = *state;
    /* Opaque, then half transparent over black. */
    const uk_color colors[] = {WHITE, {255, 255, 255, 128}};
    const rgb want[] = {{255, 255, 255}, {128, 128, 128}};
    /* Awkward, fractional sizes, as the layout produces them. */
    const float rects[][5] = {{40.5f, 30.25f, 201.3f, 100.7f, 17.3f}, {10, 10, 300, 48, 24}};
    const float rings[][4] = {
        {160, 120, 90, 10}, {160.3f, 119.6f, 61.7f, 23.3f}, {160, 120, 30, 6}};
    const float capsules[][5] = {
        {40, 40, 280, 40, 12}, {60, 20, 60, 220, 9.5f}, {30.7f, 200.2f, 250.1f, 35.9f, 14.2f}};
    for (size_t c = 0; c < 2; c++) {
        for (size_t i = 0; i < sizeof rects / sizeof rects[0]; i++) {
            const float *s = rects[i];
            uk_scene_reset(&f->scene, W, H, BLACK);
            uk_scene_rect(&f->scene, (uk_rect){s[0], s[1], s[2], s[3]}, s[4], colors[c]);
            paint(f);
            expect_solid(f, rect_shape, s, want[c], "rounded rect");
        }
        for (size_t i = 0; i < sizeof rings / sizeof rings[0]; i++) {
            const float *s = rings[i];
            uk_scene_reset(&f->scene, W, H, BLACK);
            uk_scene_ring(&f->scene, s[0], s[1], s[2], s[3], 0.3f, 1.3f, colors[c]);
            paint(f);
            expect_solid(f, ring_shape, s, want[c], "ring");
        }
        for (size_t i = 0; i < sizeof capsules / sizeof capsules[0]; i++) {
            const float *s = capsules[i];
            uk_scene_reset(&f->scene, W, H, BLACK);
            uk_scene_capsule(&f->scene, s[0], s[1], s[2], s[3], s[4], colors[c]);
            paint(f);
            expect_solid(f, capsule_shape, s, want[c], "capsule");
        }
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

static void repeated_frame_hits_the_cache(void **state)
{
    fixture *f = *state;
    uk_scene_text(&f->scene, (uk_rect){10, 10, 300, 40}, 24, 12, 0, WHITE, "First");
    uk_scene_text(&f->scene, (uk_rect){10, 60, 300, 40}, 24, 12, UK_TEXT_BOLD, WHITE, "Second");
    uk_scene_text(&f->scene, (uk_rect){10, 110, 300, 40}, 24, 12, UK_TEXT_CENTER, RED, "Third");
    paint(f);
    assert_int_equal(f->stats.texts, 3);
    assert_int_equal(f->stats.cache_misses, 3);

    size_t len = (size_t)f->surface->pitch * H;
    uint8_t *first = malloc(len);
    assert_non_null(first);
    memcpy(first, f->surface->pixels, len);

    paint(f);
    assert_int_equal(f->stats.texts, 3);
    assert_int_equal(f->stats.cache_misses, 0);
    assert_memory_equal(first, f->surface->pixels, len);

    /* A moved box reuses its texture: position is not part of the key. */
    f->scene.ops[0].text.box.x += 5;
    paint(f);
    assert_int_equal(f->stats.cache_misses, 0);
    f->scene.ops[0].text.box.x -= 5;

    /* After a device reset the textures are gone and are made again, identical. */
    uk_painter_forget_textures(f->painter);
    paint(f);
    assert_int_equal(f->stats.cache_misses, 3);
    assert_memory_equal(first, f->surface->pixels, len);
    free(first);
}

static void cache_evicts_beyond_its_size(void **state)
{
    fixture *f = *state;
    /* More distinct texts than the cache holds, painted over many frames, then the last few
     * again: those must still be cached, and nothing leaks (checked by the sanitizer). */
    for (int frame = 0; frame < 300; frame++) {
        uk_scene_reset(&f->scene, W, H, BLACK);
        uk_scene_text(&f->scene, (uk_rect){10, 10, 300, 40}, 20, 12, 0, WHITE, "Text %d", frame);
        paint(f);
        assert_int_equal(f->stats.cache_misses, 1);
    }
    paint(f);
    assert_int_equal(f->stats.cache_misses, 0);
}

static void countdown_keeps_the_cache_small(void **state)
{
    fixture *f = *state;
    /* A big text that changes every frame, as a countdown does: the textures of the seconds
     * gone are let go, and the memory they take stays within its budget. */
    for (int frame = 0; frame < 200; frame++) {
        uk_scene_reset(&f->scene, W, H, BLACK);
        uk_scene_text(&f->scene, (uk_rect){0, 0, W, H}, 200, 100, 0, WHITE, "%d", 100 + frame);
        paint(f);
        assert_int_equal(f->stats.cache_misses, 1);
        assert_true(f->stats.texture_bytes <= UK_PAINT_TEXT_BYTES + 2u * W * H * 4);
    }
    assert_true(f->stats.texture_bytes <= UK_PAINT_TEXT_BYTES);
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

/* ---- repainting only what changed ------------------------------------------------------------ */

/* A scene that changes from frame to frame in the ways screens do. */
static void moving_scene(uk_scene *scene, int frame)
{
    float t = (float)frame;
    uk_scene_reset(scene, W, H, BLACK);
    uk_scene_rect(scene, (uk_rect){20, 20, 280, 200}, 12, BLUE); /* a panel that stays */
    uk_scene_capsule(scene, 60 + t * 1.7f, 60.3f, 90 + t * 1.3f, 150 - t * 0.9f, 8.5f, WHITE);
    uk_scene_ring(scene, 220, 110, 40, 12, 0, 1, (uk_color){60, 60, 60, 255});
    uk_scene_ring(scene, 220, 110, 40, 12, fminf(t / 40, 0.99f), 1, RED); /* a countdown */
    uk_scene_text(scene, (uk_rect){190, 95, 60, 30}, 20, 12, UK_TEXT_CENTER, WHITE, "%d",
                  40 - frame / 5);
    if (frame % 9 < 4) /* comes and goes, translucent, partly off the frame */
        uk_scene_rect(scene, (uk_rect){-10 + t, 200, 60, 50}, 0, (uk_color){0, 200, 0, 160});
    uk_scene_text(scene, (uk_rect){10, H - 30, 300, 30}, 18, 12, 0, WHITE, "%s",
                  frame % 2 ? "Pause" : "Paused");
    if (frame % 13 == 12) /* a shade over everything, as "Still there?" has */
        uk_scene_rect(scene, (uk_rect){0, 0, W, H}, 0, (uk_color){0, 0, 0, 140});
}

/* Paints `scene` as it comes, then whole, and fails unless both give the same pixels. */
static void expect_repaint_is_whole(uk_painter *painter, SDL_Renderer *renderer,
                                    SDL_Surface *surface, const uk_scene *scene, uint8_t *copy,
                                    const char *what)
{
    uk_paint_stats changes, whole;
    uk_painter_draw(painter, scene, &changes);
    SDL_RenderFlush(renderer);
    size_t len = (size_t)surface->pitch * (size_t)surface->h;
    memcpy(copy, surface->pixels, len);
    uk_painter_invalidate(painter);
    uk_painter_draw(painter, scene, &whole);
    SDL_RenderFlush(renderer);
    for (size_t i = 0; i < len; i++)
        if (copy[i] != ((const uint8_t *)surface->pixels)[i])
            fail_msg("%s: repainting what changed left pixel %zu,%zu different from a whole "
                     "repaint",
                     what, i % (size_t)surface->pitch / 4, i / (size_t)surface->pitch);
    assert_int_equal(changes.texts, whole.texts);
    assert_int_equal(changes.texts_shrunk, whole.texts_shrunk);
    assert_int_equal(changes.texts_clipped, whole.texts_clipped);
}

static void repainting_changes_equals_painting_whole(void **state)
{
    fixture *f = *state;
    uint8_t *copy = malloc((size_t)f->surface->pitch * H);
    assert_non_null(copy);
    for (int frame = 0; frame < 40; frame++) {
        char what[32];
        snprintf(what, sizeof what, "frame %d", frame);
        moving_scene(&f->scene, frame);
        expect_repaint_is_whole(f->painter, f->renderer, f->surface, &f->scene, copy, what);
    }
    free(copy);
}

/* The real screens, frame after frame: attract mode, home, a routine playing, the doctor. */
static void screens_repaint_as_whole(void **state)
{
    (void)state;
    const int w = 1280, h = 800;
    uk_content *content = uk_content_load(UK_ASSETS_DIR, NULL, NULL);
    assert_non_null(content);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(surface);
    SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
    assert_non_null(renderer);
    char error[512];
    uk_painter *painter = uk_painter_new(renderer, REGULAR, BOLD, error, sizeof error);
    assert_non_null(painter);
    uint8_t *copy = malloc((size_t)surface->pitch * (size_t)h);
    static uk_scene scene;
    assert_non_null(copy);
    uk_ui_env env = {.measure = uk_painter_measure, .measure_ctx = painter};
    uk_app app;
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    uk_app_init(&app, &cfg, &content->catalog, 0);

    uint64_t t = 0;
    const uk_action presses[] = {UK_ACTION_NONE, UK_ACTION_BACK,   UK_ACTION_DOWN,
                                 UK_ACTION_UP,   UK_ACTION_SELECT, UK_ACTION_NONE,
                                 UK_ACTION_HELP, UK_ACTION_BACK,   UK_ACTION_NONE};
    for (size_t p = 0; p < sizeof presses / sizeof presses[0]; p++) {
        if (presses[p] != UK_ACTION_NONE)
            uk_app_handle(&app, presses[p], UK_INPUT_KEYBOARD, t);
        /* Frames 40 ms apart for two and a half seconds, then a jump. */
        for (int frame = 0; frame < 60; frame++, t += 40) {
            uk_app_tick(&app, t);
            uk_ui_build(&scene, &app, &env, (uk_viewport){w, h, 0}, t);
            char what[64];
            snprintf(what, sizeof what, "%s at %llu ms", uk_screen_name(app.screen),
                     (unsigned long long)t);
            expect_repaint_is_whole(painter, renderer, surface, &scene, copy, what);
        }
        t += 3000;
    }
    free(copy);
    uk_painter_free(painter);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    uk_content_free(content);
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
    uk_paint_stats stats;
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

static int group_setup(void **state)
{
    (void)state;
    if (access(REGULAR, R_OK) != 0 || access(BOLD, R_OK) != 0) {
        print_message("SKIP: %s or %s missing (install fonts-dejavu-core)\n", REGULAR, BOLD);
        exit(77);
    }
    if (TTF_Init() != 0) {
        print_error("TTF_Init: %s\n", TTF_GetError());
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    TTF_Quit();
    SDL_Quit();
    return 0;
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(rect_fills_exactly_its_box),
        TEST(rounded_rect_has_round_corners),
        TEST(capsule_covers_its_line_with_soft_edges),
        TEST(capsule_with_equal_ends_is_a_dot),
        TEST(quarter_ring_paints_the_top_right),
        TEST(full_ring_is_closed),
        TEST(translucent_rect_blends_with_what_is_under_it),
        TEST(shapes_have_no_seams_or_holes),
        TEST(text_stays_inside_its_box),
        TEST(centred_text_is_centred),
        TEST(long_sentence_wraps_and_shrinks_to_fit),
        TEST(explicit_newline_starts_a_line),
        TEST(impossible_fit_is_clipped_and_counted),
        TEST(repeated_frame_hits_the_cache),
        TEST(cache_evicts_beyond_its_size),
        TEST(countdown_keeps_the_cache_small),
        TEST(bold_differs_from_regular),
        TEST(translucent_text_is_fainter),
        TEST(missing_font_is_named_with_a_fix),
        TEST(repainting_changes_equals_painting_whole),
        TEST(scene_drawn_over_lands_at_its_origin),
        cmocka_unit_test(screens_repaint_as_whole),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
