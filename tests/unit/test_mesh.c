/*
 * test_mesh.c: the painter's shapes (platform/output/mesh.c) checked by
 * their pixels, as a person would see them.
 *
 * Each test paints a small scene with SDL's software renderer onto a plain
 * ARGB surface and reads the surface back: a rectangle fills exactly its
 * box; a capsule covers its centre line, stays within its radius and has
 * soft edges; a quarter ring lands in the right quadrant; a translucent
 * shade blends with what is under it; shapes at awkward fractional sizes
 * have no seams, holes or double-blended joins (the software renderer's
 * own quirks, worked around in mesh.c, showed up exactly so).
 */
#include "tests/fixtures/painter_fixtures.h"

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

/* ---- no seams, no holes ---------------------------------------------------------------------- */

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

/* ---- main ------------------------------------------------------------------------------------ */

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
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
