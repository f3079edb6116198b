/*
 * test_figure.c: the figure's motions and drawing, checked without a display.
 *
 * Two halves, like app/figure.c. Sampling is checked against a small
 * synthetic motion whose timeline is easy to compute by hand: keys are hit
 * exactly at their times, easing is monotonic and slow at both ends, the
 * loop wraps to loop_from and can be rescaled to a repetition's length.
 * Drawing is checked by reading the scene back: every capsule and rect stays
 * inside the box for a sweep of extreme poses, the feet of a standing pose
 * touch the floor line, and the right side is the exact reflection of the
 * left.
 *
 * Last, motion_fit() is a small checker for authored motions. The kiosk's
 * motions are read from assets/motions.json through the content loader, as
 * the kiosk reads them (the one thing here that uses platform/), each with
 * what it is meant to be (a hold, a repetition, a loop) written down below
 * and compared with the steps that use it. The checker plays each motion on
 * both sides and holds it to the brief: holds settle
 * into a gentle sway, repetitions start and end at the same pose at t = 0 of
 * every repetition, nothing jerks, nothing leaves the box or zooms, and
 * planted feet stay on the floor.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/figure.h"
#include "platform/content/content.h"

/* ---- helpers --------------------------------------------------------------------------------- */

static const uk_figure_style STYLE = {
    .skin = {240, 217, 192, 255},
    .shirt = {91, 155, 213, 255},
    .trousers = {138, 154, 178, 255},
    .shoes = {228, 231, 235, 255},
    .prop = {90, 114, 128, 255},
    .floor = {58, 80, 94, 255},
    .far_shade = 0.4f,
};

static const uk_color CLEAR = {18, 30, 39, 255};

static bool same_color(uk_color a, uk_color b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* A colour of the near side of the figure: its clothes and skin as styled, not shaded. */
static bool near_color(uk_color c)
{
    return same_color(c, STYLE.skin) || same_color(c, STYLE.shirt) ||
           same_color(c, STYLE.trousers) || same_color(c, STYLE.shoes);
}

static bool pose_equal(const uk_pose *a, const uk_pose *b)
{
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        if (a->v[i] != b->v[i])
            return false;
    return true;
}

static void assert_pose_equal(const uk_pose *a, const uk_pose *b, uint32_t t)
{
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        if (a->v[i] != b->v[i])
            fail_msg("t=%u: %s is %g, expected %g", t, uk_joint_name((uk_joint)i), a->v[i],
                     b->v[i]);
}

static bool is_height(int joint)
{
    return joint == UK_JOINT_X || joint == UK_JOINT_Y || joint == UK_JOINT_SHRUG;
}

/* A small deterministic generator, so the sweeps are the same on every run. */
static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

static float random_in(uint32_t *seed, float lo, float hi)
{
    return lo + (hi - lo) * (float)(next_random(seed) & 0xffff) / 65535.0f;
}

static void random_pose(uint32_t *seed, uk_pose *pose)
{
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        pose->v[i] = is_height(i) ? random_in(seed, -1.0f, 1.0f) : random_in(seed, -180.0f, 180.0f);
}

static uk_scene scratch; /* ~50 KB: kept off the stack */

static const uk_scene *draw(const uk_pose *pose, uk_view view, uk_prop prop, bool mirror,
                            uk_rect box)
{
    uk_scene_reset(&scratch, 800, 480, CLEAR);
    uk_figure_draw(&scratch, pose, view, prop, mirror, box, &STYLE);
    return &scratch;
}

/* A left-side pose drawn for `mirror`'s side, as the player does: mirrored, then drawn so. */
static const uk_scene *draw_for(const uk_pose *left, uk_view view, uk_prop prop, bool mirror,
                                uk_rect box)
{
    uk_pose pose = *left;
    if (mirror)
        uk_pose_mirror(&pose);
    return draw(&pose, view, prop, mirror, box);
}

/* The head: the largest capsule whose ends meet (figure.h promises this). */
static const uk_op *find_head(const uk_scene *scene)
{
    const uk_op *head = NULL;
    for (size_t i = 0; i < scene->op_count; i++) {
        const uk_op *op = &scene->ops[i];
        if (op->kind == UK_OP_CAPSULE && op->capsule.x0 == op->capsule.x1 &&
            op->capsule.y0 == op->capsule.y1 &&
            (!head || op->capsule.radius > head->capsule.radius))
            head = op;
    }
    assert_non_null(head);
    return head;
}

/* The floor is the last operation: a rect whose top is the floor line. */
static float floor_line(const uk_scene *scene)
{
    assert_true(scene->op_count > 0);
    const uk_op *op = &scene->ops[scene->op_count - 1];
    assert_int_equal(op->kind, UK_OP_RECT);
    return op->rect.box.y;
}

/* The lowest point any capsule reaches, and how many capsules reach within `slack` of `line`. */
static float lowest_point(const uk_scene *scene, float line, float slack, int *touching)
{
    float lowest = -INFINITY;
    int count = 0;
    for (size_t i = 0; i < scene->op_count; i++) {
        const uk_op *op = &scene->ops[i];
        if (op->kind != UK_OP_CAPSULE || memcmp(&op->color, &CLEAR, sizeof CLEAR) == 0) /* rims */
            continue;
        float bottom = fmaxf(op->capsule.y0, op->capsule.y1) + op->capsule.radius;
        lowest = fmaxf(lowest, bottom);
        if (fabsf(bottom - line) <= slack)
            count++;
    }
    if (touching)
        *touching = count;
    return lowest;
}

/*
 * Every operation finite and inside `box` (within a hundredth of a pixel)? If not, says which
 * operation and how in `why` and returns false.
 */
static bool scene_inside(const uk_scene *scene, uk_rect box, char *why, size_t len)
{
    const float eps = 0.01f;
    float x0 = box.x - eps, y0 = box.y - eps, x1 = box.x + box.w + eps, y1 = box.y + box.h + eps;
    if (scene->overflow) {
        snprintf(why, len, "the scene overflowed");
        return false;
    }
    for (size_t i = 0; i < scene->op_count; i++) {
        const uk_op *op = &scene->ops[i];
        float left, top, right, bottom;
        if (op->kind == UK_OP_CAPSULE) {
            float r = op->capsule.radius;
            left = fminf(op->capsule.x0, op->capsule.x1) - r;
            right = fmaxf(op->capsule.x0, op->capsule.x1) + r;
            top = fminf(op->capsule.y0, op->capsule.y1) - r;
            bottom = fmaxf(op->capsule.y0, op->capsule.y1) + r;
            if (!(r >= 0.0f))
                left = NAN;
        } else if (op->kind == UK_OP_RECT) {
            const uk_rect *b = &op->rect.box;
            left = b->x, top = b->y, right = b->x + b->w, bottom = b->y + b->h;
            if (!(b->w >= 0.0f && b->h >= 0.0f))
                left = NAN;
        } else {
            snprintf(why, len, "op %zu is neither a capsule nor a rect", i);
            return false;
        }
        /* Written so that NaN fails too. */
        if (!(left >= x0 && top >= y0 && right <= x1 && bottom <= y1)) {
            snprintf(why, len,
                     "op %zu spans %.2f,%.2f-%.2f,%.2f, outside the box %.1f,%.1f %.1fx%.1f", i,
                     left, top, right, bottom, box.x, box.y, box.w, box.h);
            return false;
        }
    }
    return true;
}

static void assert_inside(const uk_scene *scene, uk_rect box, const char *what)
{
    char why[160];
    if (!scene_inside(scene, box, why, sizeof why))
        fail_msg("%s: %s", what, why);
}

/*
 * A motion with a timeline easy to follow by hand:
 *   t=0 neutral, 1000 key 0, 1500 key 1 (loop_from), 3500 key 2, 5000 key 3,
 *   5500 key 1 again (the wrap takes key 1's 500 ms), then every 4000 ms.
 */
static uk_motion test_motion(void)
{
    uk_motion m = {.id = "test", .view = UK_VIEW_SIDE, .key_count = 4, .loop_from = 1};
    m.keys[0] = (uk_keyframe){1000, {{[UK_JOINT_NECK] = 10}}};
    m.keys[1] = (uk_keyframe){500, {{[UK_JOINT_NECK] = 20, [UK_JOINT_X] = 0.1f}}};
    m.keys[2] = (uk_keyframe){2000, {{[UK_JOINT_NECK] = -10, [UK_JOINT_LEFT_HIP] = 30}}};
    m.keys[3] = (uk_keyframe){1500, {{[UK_JOINT_SHRUG] = 0.02f}}};
    return m;
}

/* ---- names ----------------------------------------------------------------------------------- */

static void test_names_round_trip(void **state)
{
    (void)state;
    static const char *const joints[UK_JOINT_COUNT] = {
        "x",           "y",
        "torso",       "neck",
        "head",        "left_shoulder",
        "left_elbow",  "right_shoulder",
        "right_elbow", "left_hip",
        "left_knee",   "left_ankle",
        "right_hip",   "right_knee",
        "right_ankle", "shrug",
    };
    for (int i = 0; i < UK_JOINT_COUNT; i++) {
        assert_string_equal(uk_joint_name((uk_joint)i), joints[i]);
        assert_int_equal(uk_joint_from_name(joints[i]), i);
    }
    assert_string_equal(uk_view_name(UK_VIEW_FRONT), "front");
    assert_string_equal(uk_view_name(UK_VIEW_SIDE), "side");
    assert_int_equal(uk_view_from_name("side"), UK_VIEW_SIDE);
    static const char *const props[UK_PROP_COUNT] = {"none", "wall",   "chair", "step",
                                                     "mat",  "roller", "ball"};
    for (int i = 0; i < UK_PROP_COUNT; i++) {
        assert_string_equal(uk_prop_name((uk_prop)i), props[i]);
        assert_int_equal(uk_prop_from_name(props[i]), i);
    }

    assert_null(uk_joint_name(UK_JOINT_COUNT));
    assert_null(uk_view_name(UK_VIEW_COUNT));
    assert_null(uk_prop_name(UK_PROP_COUNT));
    assert_int_equal(uk_joint_from_name("left-knee"), -1);
    assert_int_equal(uk_joint_from_name("Neck"), -1);
    assert_int_equal(uk_joint_from_name(""), -1);
    assert_int_equal(uk_joint_from_name(NULL), -1);
    assert_int_equal(uk_view_from_name("back"), -1);
    assert_int_equal(uk_prop_from_name("bench"), -1);
}

static void test_motion_find(void **state)
{
    (void)state;
    uk_motion motions[3] = {{.id = "a"}, {.id = "neck-tilt"}, {.id = "neck"}};
    assert_ptr_equal(uk_motion_find(motions, 3, "neck-tilt"), &motions[1]);
    assert_ptr_equal(uk_motion_find(motions, 3, "neck"), &motions[2]);
    assert_null(uk_motion_find(motions, 3, "neck-til"));
    assert_null(uk_motion_find(motions, 2, "neck"));
    assert_null(uk_motion_find(NULL, 0, "a"));
}

/* ---- sampling -------------------------------------------------------------------------------- */

static void test_neutral_is_zero(void **state)
{
    (void)state;
    uk_pose pose;
    memset(&pose, 0x7f, sizeof pose);
    uk_pose_neutral(&pose);
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        assert_true(pose.v[i] == 0.0f);
}

static void test_sample_hits_keys_exactly(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    uk_pose pose, neutral;
    uk_pose_neutral(&neutral);
    uk_motion_sample(&m, 0, 0, false, &pose);
    assert_pose_equal(&pose, &neutral, 0);

    struct {
        uint32_t t;
        int key;
    } hits[] = {
        {1000, 0},
        {1500, 1},
        {3500, 2},
        {5000, 3},
        {5500, 1},
        {7500, 2},
        {9000, 3},
        {9500, 1},
        {1500 + 4000u * 1000u, 1},
        {3500 + 4000u * 1000u, 2},
        {5000 + 4000u * 1000u, 3},
    };
    for (size_t i = 0; i < sizeof hits / sizeof hits[0]; i++) {
        uk_motion_sample(&m, hits[i].t, 0, false, &pose);
        assert_pose_equal(&pose, &m.keys[hits[i].key].pose, hits[i].t);
    }
    assert_int_equal(uk_motion_loop_ms(&m), 4000);
}

static void test_easing_is_monotonic_and_gentle(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    uk_pose pose;
    /* Key 1 -> key 2 over 1500..3500: neck 20 -> -10 falls, left hip 0 -> 30 rises. */
    float prev_neck = 20.0f, prev_hip = 0.0f;
    float first = 0.0f, middle = 0.0f, last = 0.0f;
    for (uint32_t t = 1500; t <= 3500; t++) {
        uk_motion_sample(&m, t, 0, false, &pose);
        float neck = pose.v[UK_JOINT_NECK], hip = pose.v[UK_JOINT_LEFT_HIP];
        assert_true(neck <= prev_neck && neck >= -10.0f);
        assert_true(hip >= prev_hip && hip <= 30.0f);
        if (t == 1600)
            first = hip;
        if (t == 2450)
            middle = hip;
        if (t == 2550)
            middle = hip - middle;
        if (t == 3400)
            last = hip;
        prev_neck = neck;
        prev_hip = hip;
    }
    assert_true(prev_hip == 30.0f);
    /* Ease in and out: the first and last tenth move far less than a tenth in the middle. */
    assert_true(first < middle / 10.0f);
    assert_true(30.0f - last < middle / 10.0f);

    /* Into key 0 from neutral, too. */
    float prev = 0.0f;
    for (uint32_t t = 0; t <= 1000; t += 7) {
        uk_motion_sample(&m, t, 0, false, &pose);
        assert_true(pose.v[UK_JOINT_NECK] >= prev && pose.v[UK_JOINT_NECK] <= 10.0f);
        prev = pose.v[UK_JOINT_NECK];
    }
}

static void test_loop_wraps_to_loop_from(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    uk_pose pose, later;
    /* The wrap, key 3 -> key 1 over 5000..5500, eases back rather than jumping. */
    float prev = 0.0f;
    for (uint32_t t = 5000; t <= 5500; t += 10) {
        uk_motion_sample(&m, t, 0, false, &pose);
        assert_true(pose.v[UK_JOINT_NECK] >= prev && pose.v[UK_JOINT_NECK] <= 20.0f);
        assert_true(pose.v[UK_JOINT_X] >= 0.0f && pose.v[UK_JOINT_X] <= 0.1f);
        prev = pose.v[UK_JOINT_NECK];
    }
    /* Key 0 is never seen again: the loop is periodic from key 1 on. */
    for (uint32_t t = 1500; t < 30000; t += 37) {
        uk_motion_sample(&m, t, 0, false, &pose);
        uk_motion_sample(&m, t + 4000, 0, false, &later);
        assert_pose_equal(&later, &pose, t);
        assert_false(pose.v[UK_JOINT_NECK] > 10.0f && pose.v[UK_JOINT_NECK] < 10.0f);
    }
    /* And it keeps looping for as long as a step could last, and then some. */
    uk_motion_sample(&m, UINT32_MAX, 0, false, &pose);
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        assert_true(isfinite(pose.v[i]));
}

static void test_loop_ms_rescales_one_repetition(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    uk_pose scaled, plain;
    /* Getting into position is never rescaled. */
    for (uint32_t t = 0; t <= 1500; t += 50) {
        uk_motion_sample(&m, t, 8000, false, &scaled);
        uk_motion_sample(&m, t, 0, false, &plain);
        assert_pose_equal(&scaled, &plain, t);
    }
    /* Stretched to 8000 ms: every loop segment takes twice as long. */
    uk_motion_sample(&m, 1500 + 4000, 8000, false, &scaled);
    assert_pose_equal(&scaled, &m.keys[2].pose, 5500);
    uk_motion_sample(&m, 1500 + 7000, 8000, false, &scaled);
    assert_pose_equal(&scaled, &m.keys[3].pose, 8500);
    for (uint32_t rep = 0; rep < 10; rep++) {
        uk_motion_sample(&m, 1500 + rep * 8000, 8000, false, &scaled);
        assert_pose_equal(&scaled, &m.keys[1].pose, 1500 + rep * 8000);
    }
    uk_motion_sample(&m, 1500 + 2000, 8000, false, &scaled);
    uk_motion_sample(&m, 1500 + 1000, 0, false, &plain);
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        assert_float_equal(scaled.v[i], plain.v[i], 1e-4);

    /* Squeezed to 1000 ms: key 2 at half of it, key 3 at 0.875, key 1 on every second. */
    uk_motion_sample(&m, 1500 + 500, 1000, false, &scaled);
    assert_pose_equal(&scaled, &m.keys[2].pose, 2000);
    uk_motion_sample(&m, 1500 + 875, 1000, false, &scaled);
    assert_pose_equal(&scaled, &m.keys[3].pose, 2375);
    for (uint32_t t = 1500; t < 60000; t += 1000) {
        uk_motion_sample(&m, t, 1000, false, &scaled);
        assert_pose_equal(&scaled, &m.keys[1].pose, t);
    }
}

/* An arm raised out to the side and then over the head goes through straight up, not back down
 * across the body, and the angle stays within -180..180 on the way. */
static void test_angles_turn_the_short_way(void **state)
{
    (void)state;
    uk_motion m = {.id = "over", .view = UK_VIEW_FRONT, .key_count = 2, .loop_from = 1};
    m.keys[0] = (uk_keyframe){1000, {{[UK_JOINT_LEFT_SHOULDER] = -120}}};
    m.keys[1] = (uk_keyframe){1000, {{[UK_JOINT_LEFT_SHOULDER] = 160, [UK_JOINT_X] = 0.1f}}};
    uk_pose pose;
    float turned = 0.0f, prev = -120.0f;
    for (uint32_t t = 1000; t <= 2000; t += 10) {
        uk_motion_sample(&m, t, 0, false, &pose);
        float v = pose.v[UK_JOINT_LEFT_SHOULDER];
        assert_true(v >= -180.0f && v <= 180.0f);
        assert_true(v <= -120.0f || v >= 160.0f);      /* never down across the body */
        float step = fmodf(prev - v + 360.0f, 360.0f); /* turning towards -x, through the top */
        assert_true(step < 5.0f);
        turned += step;
        prev = v;
    }
    assert_float_equal(turned, 80.0f, 0.01f);
    assert_true(pose.v[UK_JOINT_LEFT_SHOULDER] == 160.0f);
    /* Heights are not angles: x goes straight from 0 to 0.1. */
    uk_motion_sample(&m, 1500, 0, false, &pose);
    assert_float_equal(pose.v[UK_JOINT_X], 0.05f, 1e-6);
}

static void test_single_key_loop_is_a_still_hold(void **state)
{
    (void)state;
    uk_motion m = {.id = "hold", .key_count = 2, .loop_from = 1};
    m.keys[0] = (uk_keyframe){600, {{[UK_JOINT_TORSO] = 30}}};
    m.keys[1] = (uk_keyframe){900, {{[UK_JOINT_TORSO] = 40, [UK_JOINT_LEFT_KNEE] = -20}}};
    uk_pose pose;
    uk_motion_sample(&m, 300, 0, false, &pose);
    assert_true(pose.v[UK_JOINT_TORSO] > 0.0f && pose.v[UK_JOINT_TORSO] < 30.0f);
    for (uint32_t t = 1500; t < 100000; t += 333) {
        uk_motion_sample(&m, t, 0, false, &pose);
        assert_pose_equal(&pose, &m.keys[1].pose, t);
        uk_motion_sample(&m, t, 4000, false, &pose);
        assert_pose_equal(&pose, &m.keys[1].pose, t);
    }
    assert_int_equal(uk_motion_loop_ms(&m), 900);
}

static void test_degenerate_motions_stay_defined(void **state)
{
    (void)state;
    uk_pose pose, neutral;
    uk_pose_neutral(&neutral);

    uk_motion empty = {.id = "empty"};
    uk_motion_sample(&empty, 1234, 0, false, &pose);
    assert_pose_equal(&pose, &neutral, 1234);
    assert_int_equal(uk_motion_loop_ms(&empty), 0);

    /* No time at all: the motion is at its last key at once, and stays. */
    uk_motion instant = {.id = "instant", .key_count = 3};
    instant.keys[0].pose.v[UK_JOINT_NECK] = 5;
    instant.keys[2].pose.v[UK_JOINT_NECK] = 15;
    for (uint32_t t = 0; t < 5000; t += 250) {
        uk_motion_sample(&instant, t, 0, false, &pose);
        assert_pose_equal(&pose, &instant.keys[2].pose, t);
        uk_motion_sample(&instant, t, 3000, false, &pose);
        assert_pose_equal(&pose, &instant.keys[2].pose, t);
    }

    /* Out-of-range counts from a careless caller are clamped, not trusted. */
    uk_motion wild = test_motion();
    wild.loop_from = 200;
    uk_motion_sample(&wild, 100000, 0, false, &pose);
    assert_pose_equal(&pose, &wild.keys[3].pose, 100000);
    wild.key_count = 250;
    uk_motion_sample(&wild, 100000, 0, false, &pose);
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        assert_true(isfinite(pose.v[i]));
}

/* ---- mirroring ------------------------------------------------------------------------------- */

static void test_mirror_swaps_sides_and_flips_angles(void **state)
{
    (void)state;
    uk_pose p = {{
        [UK_JOINT_X] = 0.2f,
        [UK_JOINT_Y] = 0.1f,
        [UK_JOINT_TORSO] = 10,
        [UK_JOINT_NECK] = -20,
        [UK_JOINT_HEAD] = 5,
        [UK_JOINT_LEFT_SHOULDER] = 80,
        [UK_JOINT_LEFT_ELBOW] = 7,
        [UK_JOINT_RIGHT_SHOULDER] = -15,
        [UK_JOINT_RIGHT_ELBOW] = -150,
        [UK_JOINT_LEFT_HIP] = 30,
        [UK_JOINT_LEFT_KNEE] = -40,
        [UK_JOINT_LEFT_ANKLE] = 12,
        [UK_JOINT_RIGHT_HIP] = -22,
        [UK_JOINT_RIGHT_KNEE] = -3,
        [UK_JOINT_RIGHT_ANKLE] = 22,
        [UK_JOINT_SHRUG] = 0.03f,
    }};
    uk_pose m = p;
    uk_pose_mirror(&m);
    assert_true(m.v[UK_JOINT_X] == -0.2f);
    assert_true(m.v[UK_JOINT_Y] == 0.1f);
    assert_true(m.v[UK_JOINT_SHRUG] == 0.03f);
    assert_true(m.v[UK_JOINT_TORSO] == -10.0f);
    assert_true(m.v[UK_JOINT_NECK] == 20.0f);
    assert_true(m.v[UK_JOINT_HEAD] == -5.0f);
    assert_true(m.v[UK_JOINT_LEFT_SHOULDER] == 15.0f);
    assert_true(m.v[UK_JOINT_LEFT_ELBOW] == 150.0f);
    assert_true(m.v[UK_JOINT_RIGHT_SHOULDER] == -80.0f);
    assert_true(m.v[UK_JOINT_RIGHT_ELBOW] == -7.0f);
    assert_true(m.v[UK_JOINT_LEFT_HIP] == 22.0f);
    assert_true(m.v[UK_JOINT_LEFT_KNEE] == 3.0f);
    assert_true(m.v[UK_JOINT_LEFT_ANKLE] == -22.0f);
    assert_true(m.v[UK_JOINT_RIGHT_HIP] == -30.0f);
    assert_true(m.v[UK_JOINT_RIGHT_KNEE] == 40.0f);
    assert_true(m.v[UK_JOINT_RIGHT_ANKLE] == -12.0f);
}

static void test_mirror_twice_is_identity(void **state)
{
    (void)state;
    uint32_t seed = 7;
    for (int n = 0; n < 2000; n++) {
        uk_pose p, m;
        random_pose(&seed, &p);
        if (n % 3 == 0)
            p.v[n % UK_JOINT_COUNT] = 0.0f;
        m = p;
        uk_pose_mirror(&m);
        assert_false(pose_equal(&m, &p) && p.v[UK_JOINT_TORSO] != 0.0f);
        uk_pose_mirror(&m);
        assert_memory_equal(&m, &p, sizeof p); /* byte for byte: no -0 left behind */
    }
}

static void test_sample_mirror_is_mirrored_sample(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    for (uint32_t t = 0; t < 20000; t += 123) {
        uk_pose left, right;
        uk_motion_sample(&m, t, t % 2 ? 3000 : 0, false, &left);
        uk_motion_sample(&m, t, t % 2 ? 3000 : 0, true, &right);
        uk_pose_mirror(&left);
        assert_pose_equal(&right, &left, t);
    }
}

/* ---- drawing --------------------------------------------------------------------------------- */

static const uk_rect BOXES[] = {
    {20, 40, 300, 360},     /* the kiosk's figure panel */
    {0, 0, 800, 200},       /* wide and low */
    {5.5f, 7.25f, 90, 500}, /* narrow and tall */
    {100, 100, 24, 30},     /* a thumbnail */
};
#define BOX_COUNT (sizeof BOXES / sizeof BOXES[0])

static void test_draw_stays_in_box_for_extreme_poses(void **state)
{
    (void)state;
    enum {
        FIXED = 2 * UK_JOINT_COUNT + 5,
        RANDOM = 300
    };
    uk_pose poses[FIXED + RANDOM];
    int n = 0;
    /* Each joint alone at both ends of its range. */
    for (int j = 0; j < UK_JOINT_COUNT; j++)
        for (int end = -1; end <= 1; end += 2) {
            uk_pose_neutral(&poses[n]);
            poses[n++].v[j] = (float)end * (is_height(j) ? 1.0f : 180.0f);
        }
    /* Everything at once, at the ends and at the right angles that reach furthest. */
    for (int k = 0; k < 5; k++) {
        static const float angles[5] = {180, -180, 90, -90, 135};
        for (int j = 0; j < UK_JOINT_COUNT; j++)
            poses[n].v[j] = is_height(j) ? (k % 2 ? -1.0f : 1.0f) : angles[k] * (j % 2 ? 1 : -1);
        n++;
    }
    uint32_t seed = 42;
    while (n < FIXED + RANDOM)
        random_pose(&seed, &poses[n++]);

    char what[96];
    for (size_t b = 0; b < BOX_COUNT; b++)
        for (int view = 0; view < UK_VIEW_COUNT; view++)
            for (int prop = 0; prop < UK_PROP_COUNT; prop++)
                for (int mirror = 0; mirror < 2; mirror++)
                    for (int i = 0; i < n; i++) {
                        const uk_scene *s =
                            draw(&poses[i], (uk_view)view, (uk_prop)prop, mirror, BOXES[b]);
                        snprintf(what, sizeof what, "box %zu view %d prop %d mirror %d pose %d", b,
                                 view, prop, mirror, i);
                        assert_inside(s, BOXES[b], what);
                        /* A plausible figure: a body, a head, limbs, a floor, maybe a prop. */
                        assert_in_range(s->op_count, 15, 40);
                        find_head(s);
                    }
}

static void test_draw_survives_bad_input(void **state)
{
    (void)state;
    uk_pose pose;
    uk_pose_neutral(&pose);
    /* Too small or not a number: nothing is drawn. */
    assert_int_equal(
        draw(&pose, UK_VIEW_FRONT, UK_PROP_NONE, false, (uk_rect){0, 0, 0, 100})->op_count, 0);
    assert_int_equal(
        draw(&pose, UK_VIEW_SIDE, UK_PROP_NONE, false, (uk_rect){0, 0, NAN, 100})->op_count, 0);
    /* Values outside the validated ranges, even NaN and infinity, are clamped. */
    for (int j = 0; j < UK_JOINT_COUNT; j++) {
        static const float bad[] = {NAN, INFINITY, -INFINITY, 1e9f, -1e9f};
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            uk_pose_neutral(&pose);
            pose.v[j] = bad[k];
            for (int view = 0; view < UK_VIEW_COUNT; view++) {
                const uk_scene *s = draw(&pose, (uk_view)view, UK_PROP_CHAIR, k % 2, BOXES[0]);
                assert_inside(s, BOXES[0], uk_joint_name((uk_joint)j));
            }
        }
    }
    /* Unknown view or prop: drawn as the defaults, not out of bounds. */
    uk_pose_neutral(&pose);
    assert_inside(draw(&pose, (uk_view)7, (uk_prop)9, false, BOXES[0]), BOXES[0], "enums");
}

static void test_standing_feet_touch_the_floor(void **state)
{
    (void)state;
    uk_pose stand, squat, toes;
    uk_pose_neutral(&stand);
    uk_pose_neutral(&squat);
    uk_pose_neutral(&toes);
    squat.v[UK_JOINT_TORSO] = 35;
    for (int side = 0; side < 2; side++) {
        squat.v[UK_JOINT_LEFT_HIP + 3 * side] = 80;
        squat.v[UK_JOINT_LEFT_KNEE + 3 * side] = -120;
        squat.v[UK_JOINT_LEFT_ANKLE + 3 * side] = 40;
        toes.v[UK_JOINT_LEFT_ANKLE + 3 * side] = -40;
    }
    for (size_t b = 0; b < BOX_COUNT; b++)
        for (int view = 0; view < UK_VIEW_COUNT; view++)
            for (int prop = 0; prop < UK_PROP_COUNT; prop++)
                for (int mirror = 0; mirror < 2; mirror++) {
                    uk_rect box = BOXES[b];
                    float slack = 0.002f * box.h;
                    int touching;
                    const uk_scene *s = draw_for(&stand, (uk_view)view, (uk_prop)prop, mirror, box);
                    float line = floor_line(s);
                    assert_true(line > box.y + 0.9f * box.h && line < box.y + box.h);
                    assert_float_equal(lowest_point(s, line, slack, &touching), line, 0.01);
                    assert_true(touching >= 2); /* both feet, not a heel and a hand */
                    float standing_top = find_head(s)->capsule.y0;
                    float unit = (line - standing_top) / 0.935f; /* a figure height */

                    s = draw_for(&toes, (uk_view)view, (uk_prop)prop, mirror, box);
                    assert_float_equal(lowest_point(s, line, slack, &touching), line, 0.01);
                    if (view == UK_VIEW_SIDE) /* rising onto the toes lifts the whole figure */
                        assert_true(find_head(s)->capsule.y0 < standing_top - 0.05f * unit);

                    if (view == UK_VIEW_SIDE) {
                        s = draw_for(&squat, UK_VIEW_SIDE, (uk_prop)prop, mirror, box);
                        assert_float_equal(lowest_point(s, line, slack, NULL), line, 0.01);
                        assert_true(find_head(s)->capsule.y0 > standing_top + 0.1f * unit);
                    }
                }
}

static void test_sitting_rests_on_the_chair(void **state)
{
    (void)state;
    uk_rect box = BOXES[0];
    uk_pose stand, sit;
    uk_pose_neutral(&stand);
    for (int view = 0; view < UK_VIEW_COUNT; view++) {
        uk_pose_neutral(&sit);
        sit.v[UK_JOINT_Y] = 0.245f;
        if (view == UK_VIEW_SIDE) {
            sit.v[UK_JOINT_LEFT_HIP] = sit.v[UK_JOINT_RIGHT_HIP] = 90;
            sit.v[UK_JOINT_LEFT_KNEE] = sit.v[UK_JOINT_RIGHT_KNEE] = -90;
        }
        const uk_scene *s = draw(&stand, (uk_view)view, UK_PROP_CHAIR, false, box);
        float line = floor_line(s);
        float stand_head = find_head(s)->capsule.y0;
        float unit = (line - stand_head) / 0.935f; /* the head's centre stands at 0.935 */

        s = draw(&sit, (uk_view)view, UK_PROP_CHAIR, false, box);
        assert_float_equal(find_head(s)->capsule.y0 - stand_head, 0.245f * unit, 0.01f * unit);
        assert_float_equal(lowest_point(s, line, 0.01f, NULL), line, 0.01); /* feet down */

        /* Without a chair the same y changes nothing in profile (the legs decide), and in front
         * it folds the legs towards the viewer, a squat that keeps the feet down. */
        s = draw(&sit, (uk_view)view, UK_PROP_NONE, false, box);
        assert_float_equal(lowest_point(s, line, 0.01f, NULL), line, 0.01);
    }
    /* A negative y is a hop: the feet leave the floor. */
    uk_pose hop;
    uk_pose_neutral(&hop);
    hop.v[UK_JOINT_Y] = -0.1f;
    const uk_scene *s = draw(&hop, UK_VIEW_SIDE, UK_PROP_NONE, false, box);
    float line = floor_line(s);
    assert_true(lowest_point(s, line, 0.01f, NULL) < line - 0.05f * box.h);
}

/* Distance from (px, py) to the segment a-b. */
static float segment_distance(float px, float py, float ax, float ay, float bx, float by)
{
    float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    t = fmaxf(0, fminf(1, t));
    return hypotf(px - (ax + t * dx), py - (ay + t * dy));
}

/*
 * Lying with the upper back across the foam roller, or sitting with a thigh on it: the body
 * rests on the roller, touching it and never sinking into it, on both sides.
 */
static void test_lying_on_the_roller(void **state)
{
    (void)state;
    uk_rect box = BOXES[0];
    uk_pose lying, sitting;
    uk_pose_neutral(&lying);
    lying.v[UK_JOINT_X] = 0.14f;
    lying.v[UK_JOINT_TORSO] = -75;
    for (int side = 0; side < 2; side++) {
        lying.v[UK_JOINT_LEFT_SHOULDER + 2 * side] = -150; /* hands behind the head */
        lying.v[UK_JOINT_LEFT_ELBOW + 2 * side] = 120;
        lying.v[UK_JOINT_LEFT_HIP + 3 * side] = 95; /* legs raised a little */
        lying.v[UK_JOINT_LEFT_KNEE + 3 * side] = -20;
    }
    uk_pose_neutral(&sitting);
    sitting.v[UK_JOINT_X] = -0.16f;
    sitting.v[UK_JOINT_TORSO] = -30;
    sitting.v[UK_JOINT_LEFT_SHOULDER] = sitting.v[UK_JOINT_RIGHT_SHOULDER] = 90;
    sitting.v[UK_JOINT_LEFT_HIP] = sitting.v[UK_JOINT_RIGHT_HIP] = 86; /* both legs on it */
    const uk_pose *poses[2] = {&lying, &sitting};
    for (int i = 0; i < 2; i++)
        for (int mirror = 0; mirror < 2; mirror++) {
            const uk_scene *s = draw_for(poses[i], UK_VIEW_SIDE, UK_PROP_ROLLER, mirror, box);
            const uk_op *roller = &s->ops[0]; /* props come first: the roller, end on */
            assert_int_equal(roller->kind, UK_OP_RECT);
            float r = roller->rect.box.w / 2;
            float cx = roller->rect.box.x + r, cy = roller->rect.box.y + r;
            assert_float_equal(roller->rect.box.h, roller->rect.box.w, 0.01);
            float closest = INFINITY;
            for (size_t k = 0; k < s->op_count; k++) {
                const uk_op *op = &s->ops[k];
                if (op->kind != UK_OP_CAPSULE ||
                    !(same_color(op->color, STYLE.shirt) || same_color(op->color, STYLE.trousers)))
                    continue;
                float gap = segment_distance(cx, cy, op->capsule.x0, op->capsule.y0, op->capsule.x1,
                                             op->capsule.y1) -
                            op->capsule.radius - r;
                closest = fminf(closest, gap);
            }
            /* Resting on it: within a pixel of touching, and never through it. */
            if (!(closest > -1.0f && closest < 1.0f))
                fail_msg("pose %d mirror %d: %.2f px from the roller", i, mirror, closest);
            /* Held up by it: nothing reaches the floor but the roller. */
            float line = floor_line(s);
            assert_true(lowest_point(s, line, 0.5f, NULL) < line - 0.01f * box.h);
        }
}

/* Drawing the right side is reflecting the left about the box's centre line, op for op. */
static void test_mirrored_drawing_is_a_reflection(void **state)
{
    (void)state;
    static uk_scene left;
    uint32_t seed = 99;
    for (int i = 0; i < 200; i++) {
        uk_pose p, m;
        random_pose(&seed, &p);
        m = p;
        uk_pose_mirror(&m);
        uk_rect box = BOXES[(size_t)i % BOX_COUNT];
        uk_view view = (uk_view)(i % UK_VIEW_COUNT);
        uk_prop prop = (uk_prop)(i / 2 % UK_PROP_COUNT);
        left = *draw(&p, view, prop, false, box);
        const uk_scene *right = draw(&m, view, prop, true, box);
        float axis2 = 2.0f * box.x + box.w;
        float eps = 1e-3f * box.h;
        assert_int_equal(left.op_count, right->op_count);
        for (size_t k = 0; k < left.op_count; k++) {
            const uk_op *a = &left.ops[k], *b = &right->ops[k];
            assert_int_equal(a->kind, b->kind);
            assert_memory_equal(&a->color, &b->color, sizeof a->color);
            if (a->kind == UK_OP_CAPSULE) {
                assert_float_equal(b->capsule.x0, axis2 - a->capsule.x0, eps);
                assert_float_equal(b->capsule.x1, axis2 - a->capsule.x1, eps);
                assert_float_equal(b->capsule.y0, a->capsule.y0, eps);
                assert_float_equal(b->capsule.y1, a->capsule.y1, eps);
                assert_float_equal(b->capsule.radius, a->capsule.radius, eps);
            } else {
                assert_float_equal(b->rect.box.x, axis2 - a->rect.box.x - a->rect.box.w, eps);
                assert_float_equal(b->rect.box.y, a->rect.box.y, eps);
                assert_float_equal(b->rect.box.w, a->rect.box.w, eps);
                assert_float_equal(b->rect.box.h, a->rect.box.h, eps);
            }
        }
    }
}

static void test_side_view_draws_far_limbs_first(void **state)
{
    (void)state;
    uk_pose p;
    uk_pose_neutral(&p);
    p.v[UK_JOINT_RIGHT_HIP] = 60; /* the far knee lifts */
    const uk_scene *s = draw(&p, UK_VIEW_SIDE, UK_PROP_NONE, false, BOXES[0]);
    /* Far limbs are shaded towards the background: any capsule colour that is neither a near
     * colour nor the background itself. */
    size_t first_far = SIZE_MAX, last_far = 0, first_body = SIZE_MAX;
    for (size_t i = 0; i < s->op_count; i++) {
        const uk_op *op = &s->ops[i];
        if (op->kind != UK_OP_CAPSULE || same_color(op->color, CLEAR))
            continue;
        if (!near_color(op->color)) {
            first_far = first_far < i ? first_far : i;
            last_far = i;
        } else if (first_body > i) {
            first_body = i;
        }
    }
    assert_true(first_far < SIZE_MAX);
    assert_true(last_far < first_body);
    /* In front, both sides are near: every capsule is a near colour or the rim. */
    s = draw(&p, UK_VIEW_FRONT, UK_PROP_NONE, false, BOXES[0]);
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == UK_OP_CAPSULE)
            assert_true(near_color(s->ops[i].color) || same_color(s->ops[i].color, CLEAR));
}

/* ---- the kiosk's motions, and a checker for authored motions --------------------------------- */

enum motion_kind {
    KIND_HOLD, /* settle, then a breathing sway of nearly identical poses */
    KIND_REPS, /* a repetition from and back to a start pose, rescaled by the player */
    KIND_LOOP, /* keep moving */
};

typedef struct kiosk_motion {
    enum motion_kind kind;
    bool planted; /* both feet stay on the floor once in position */
    uk_motion motion;
} kiosk_motion;

/*
 * What each motion of assets/motions.json is meant to be, in the file's order. The poses
 * themselves are read from the file (through the content loader, as the kiosk reads them), so
 * what is checked is what the kiosk shows.
 */
typedef struct motion_intent {
    const char *id;
    enum motion_kind kind;
    bool planted;
} motion_intent;

static const motion_intent INTENTS[] = {
    /* Neck and shoulders. */
    {"chin-tuck", KIND_REPS, true},
    {"neck-tilt", KIND_HOLD, true},
    {"shoulder-roll", KIND_REPS, true},
    {"cross-body-arm", KIND_HOLD, true},
    {"breathe", KIND_LOOP, true},
    {"chest-opener", KIND_HOLD, true},
    /* Calves and hamstrings. */
    {"march", KIND_LOOP, false},
    {"calf-wall", KIND_HOLD, true},
    {"hamstring-step", KIND_HOLD, false},
    {"heel-raise", KIND_REPS, true},
    /* Upper back. */
    {"hug-tree", KIND_HOLD, true},
    {"blade-squeeze", KIND_REPS, true},
    {"side-bend", KIND_HOLD, true},
    {"wall-chest", KIND_HOLD, true},
    {"seated-cat-cow", KIND_REPS, true},
    {"seated-fold", KIND_HOLD, true},
    /* The move break. */
    {"step-touch", KIND_LOOP, false},
    {"sit-to-stand", KIND_REPS, true},
    {"reach-up", KIND_LOOP, true},
    /* Self-massage. */
    {"neck-knead", KIND_LOOP, true},
    {"shoulder-stroke", KIND_LOOP, true},
    {"ball-wall", KIND_LOOP, true},
    {"roller-upper-back", KIND_LOOP, false},
    {"roller-hamstring", KIND_LOOP, false},
    /* Heat and cold, on the home screen. */
    {"hold-pack", KIND_LOOP, true},
};
#define KIOSK_COUNT (sizeof INTENTS / sizeof INTENTS[0])

/* The content as the kiosk loads it, and the motions paired with their intents. */
static uk_content *content;
static kiosk_motion KIOSK[KIOSK_COUNT];

static void report(void *ctx, const char *message)
{
    (void)ctx;
    print_error("%s\n", message);
}

static int load_kiosk_motions(void **state)
{
    (void)state;
    content = uk_content_load(UK_ASSETS_DIR, report, NULL);
    if (content == NULL || content->error_count != 0)
        return -1;
    for (size_t i = 0; i < KIOSK_COUNT; i++) {
        const uk_motion *motion =
            uk_motion_find(content->catalog.motions, content->catalog.motion_count, INTENTS[i].id);
        if (motion == NULL) {
            print_error("assets/motions.json has no motion '%s'\n", INTENTS[i].id);
            return -1;
        }
        KIOSK[i] = (kiosk_motion){INTENTS[i].kind, INTENTS[i].planted, *motion};
    }
    return 0;
}

static int free_kiosk_motions(void **state)
{
    (void)state;
    uk_content_free(content);
    return 0;
}

/* Largest change of one joint between two poses (angles in degrees, the short way round the
 * circle; heights in figure heights). */
static float distance(const uk_pose *a, const uk_pose *b, bool heights)
{
    float most = 0.0f;
    for (int i = 0; i < UK_JOINT_COUNT; i++) {
        if (is_height(i) != heights)
            continue;
        float d = fabsf(a->v[i] - b->v[i]);
        most = fmaxf(most, heights || d <= 180.0f ? d : 360.0f - d);
    }
    return most;
}

static bool nearly_same(const uk_pose *a, const uk_pose *b)
{
    return distance(a, b, false) <= 5.0f && distance(a, b, true) <= 0.01f;
}

/* Time at which keys[k] is reached the first time. */
static uint32_t key_time(const uk_motion *m, int k)
{
    uint32_t t = 0;
    for (int i = 0; i <= k; i++)
        t += m->keys[i].ms;
    return t;
}

#define REJECT(...)                                                                                \
    do {                                                                                           \
        snprintf(why, len, __VA_ARGS__);                                                           \
        return false;                                                                              \
    } while (0)

/*
 * The checker: is this authored motion fit to show? If not, says what is
 * wrong in `why` and returns false. Reads nothing from disk.
 *   1. Within the limits the loader enforces (a motion a test changes must still load).
 *   2. Shaped for its kind. A hold settles in 1.5 to 3 s, then sways by a
 *      few degrees at most, 2.5 to 4.5 s per key: it never bounces. A
 *      repetition starts at t = 0 from the pose it ends in, so with any
 *      repetition length the figure is at that pose at every boundary. A
 *      loop has two keys at least.
 *   3. Played on both sides (and, for repetitions, rescaled), every 10 ms:
 *      it starts from neutral (a repetition from its first key, which may
 *      be seated), no joint moves faster than 400 degrees a
 *      second, the drawing stays in the box at one scale (an authored motion
 *      never makes the figure shrink to fit), and planted feet stay on the
 *      floor once in position.
 */
static bool motion_fit(const kiosk_motion *km, char *why, size_t len)
{
    const uk_motion *m = &km->motion;
    int n = m->key_count;

    /* 1. */
    if (!uk_id_valid(m->id))
        REJECT("invalid id");
    if (n < 1 || n > UK_MOTION_MAX_KEYS || m->loop_from >= n)
        REJECT("%d keys, loop_from %d", n, m->loop_from);
    if ((unsigned)m->view >= UK_VIEW_COUNT || (unsigned)m->prop >= UK_PROP_COUNT)
        REJECT("unknown view or prop");
    for (int k = 0; k < n; k++) {
        if (m->keys[k].ms > UK_KEY_MAX_MS)
            REJECT("keys[%d].ms is %u", k, m->keys[k].ms);
        for (int j = 0; j < UK_JOINT_COUNT; j++) {
            float v = m->keys[k].pose.v[j], limit = is_height(j) ? 1.0f : 180.0f;
            if (!(v >= -limit && v <= limit))
                REJECT("keys[%d].%s is %g", k, uk_joint_name((uk_joint)j), v);
        }
    }

    /* 2. */
    const uk_pose *first = &m->keys[m->loop_from].pose;
    uint32_t loop = uk_motion_loop_ms(m);
    switch (km->kind) {
    case KIND_HOLD: {
        if (n - m->loop_from < 2)
            REJECT("a hold needs a sway of two keys at least");
        for (int k = m->loop_from; k < n; k++) {
            if (!nearly_same(&m->keys[k].pose, first))
                REJECT("keys[%d] moves more than a few degrees: a hold must not bounce", k);
            if (m->keys[k].ms < 2500 || m->keys[k].ms > 4500)
                REJECT("keys[%d] sways over %u ms, not 3 to 4 s", k, m->keys[k].ms);
        }
        int settled = m->loop_from; /* the first key from which the figure is in position */
        while (settled > 0 && nearly_same(&m->keys[settled - 1].pose, first))
            settled--;
        uint32_t in_position = key_time(m, settled);
        if (in_position < 1500 || in_position > 3000)
            REJECT("in position after %u ms, not 1.5 to 3 s", in_position);
        break;
    }
    case KIND_REPS:
        if (m->loop_from != 0 || m->keys[0].ms != 0)
            REJECT("a repetition starts at t = 0 (loop_from 0, keys[0].ms 0)");
        if (!pose_equal(&m->keys[0].pose, &m->keys[n - 1].pose))
            REJECT("a repetition must end where it starts");
        if (loop < 2000 || loop > 8000)
            REJECT("one repetition takes %u ms", loop);
        for (uint32_t rep_ms = 2000; rep_ms <= 6000; rep_ms += 1000)
            for (uint32_t rep = 0; rep < 10; rep++) {
                uk_pose pose;
                uk_motion_sample(m, rep * rep_ms, rep_ms, false, &pose);
                if (!pose_equal(&pose, &m->keys[0].pose))
                    REJECT("not at the start pose when repetition %u of %u ms starts", rep, rep_ms);
            }
        break;
    case KIND_LOOP:
        if (n - m->loop_from < 2 || loop < 1000)
            REJECT("a loop needs two keys and a second at least");
        break;
    }

    /* 3. */
    uk_rect box = BOXES[0];
    uint32_t settle = key_time(m, m->loop_from);
    uint32_t end = settle + 2 * (km->kind == KIND_REPS ? 6000 : loop);
    for (int mirror = 0; mirror < 2; mirror++)
        for (int scaled = 0; scaled < (km->kind == KIND_REPS ? 2 : 1); scaled++) {
            uint32_t loop_ms = scaled ? 3000 : 0;
            /* Holds and loops ease in from standing; a repetition starts from its first key,
             * the pose the figure takes while getting ready (seated on a chair, say). */
            uk_pose prev;
            uk_pose_neutral(&prev);
            if (km->kind == KIND_REPS) {
                prev = m->keys[0].pose;
                if (mirror)
                    uk_pose_mirror(&prev);
            }
            float head_r = 0.0f;
            for (uint32_t t = 0; t <= end; t += 10) {
                uk_pose pose;
                uk_motion_sample(m, t, loop_ms, mirror, &pose);
                if (t == 0 && !pose_equal(&pose, &prev))
                    REJECT("does not start from %s",
                           km->kind == KIND_REPS ? "its first key" : "the neutral pose");
                if (distance(&pose, &prev, false) > 4.0f || distance(&pose, &prev, true) > 0.01f)
                    REJECT("jerks at %u ms (mirror %d, loop %u ms)", t, mirror, loop_ms);
                prev = pose;

                const uk_scene *s = draw(&pose, m->view, m->prop, mirror, box);
                char inside[128];
                if (!scene_inside(s, box, inside, sizeof inside))
                    REJECT("at %u ms: %s", t, inside);
                float r = find_head(s)->capsule.radius;
                if (t == 0)
                    head_r = r;
                else if (fabsf(r - head_r) > 1e-3f)
                    REJECT("the figure shrinks to fit at %u ms: the pose reaches too far", t);
                if (km->planted && (t == 0 || t >= settle)) {
                    int touching;
                    lowest_point(s, floor_line(s), 0.004f * box.h, &touching);
                    if (touching < 2)
                        REJECT("a foot leaves the floor at %u ms (mirror %d)", t, mirror);
                }
            }
        }
    return true;
}

#undef REJECT

/* Every motion in the file is meant for something, and used as meant: a step that repeats shows
 * a repetition, a hold a held stretch, moving and resting a loop. */
static void test_kiosk_motions_are_those_the_routines_use(void **state)
{
    (void)state;
    const uk_catalog *catalog = &content->catalog;
    assert_int_equal(catalog->motion_count, KIOSK_COUNT);
    for (size_t i = 0; i < KIOSK_COUNT; i++) {
        assert_string_equal(catalog->motions[i].id, INTENTS[i].id);
        bool used = false;
        for (size_t r = 0; r < catalog->routine_count; r++) {
            const uk_routine *routine = &catalog->langs[0].routines[r];
            used |= routine->motion != NULL && strcmp(routine->motion, INTENTS[i].id) == 0;
            for (int s = 0; s < routine->step_count; s++) {
                const uk_step *step = &routine->steps[s];
                if (strcmp(step->motion, INTENTS[i].id) != 0)
                    continue;
                used = true;
                enum motion_kind meant = step->kind == UK_STEP_REPS   ? KIND_REPS
                                         : step->kind == UK_STEP_HOLD ? KIND_HOLD
                                                                      : KIND_LOOP;
                if (meant != INTENTS[i].kind)
                    fail_msg("%s step %d (%s) uses %s, which is not a %s", routine->id, s + 1,
                             uk_step_kind_name(step->kind), INTENTS[i].id,
                             uk_step_kind_name(step->kind));
            }
        }
        if (!used)
            fail_msg("no routine uses the motion %s", INTENTS[i].id);
    }
}

static void test_kiosk_motions_pass_the_checker(void **state)
{
    (void)state;
    char why[256];
    int unfit = 0;
    for (size_t i = 0; i < KIOSK_COUNT; i++)
        if (!motion_fit(&KIOSK[i], why, sizeof why)) {
            print_error("%s: %s\n", KIOSK[i].motion.id, why);
            unfit++;
        }
    if (unfit > 0)
        fail_msg("%d of %zu motions are not fit to show", unfit, KIOSK_COUNT);
}

static const kiosk_motion *kiosk(const char *id)
{
    for (size_t i = 0; i < KIOSK_COUNT; i++)
        if (strcmp(KIOSK[i].motion.id, id) == 0)
            return &KIOSK[i];
    fail_msg("no motion %s", id);
    return NULL;
}

/* A checker is only worth something if it says no: each of these mistakes must be caught. */
static void test_checker_catches_bad_motions(void **state)
{
    (void)state;
    struct {
        const char *id;
        int key, joint;
        float value;
        uint32_t ms;     /* when not 0, keys[key].ms instead of a joint */
        const char *why; /* a word of the expected complaint */
    } cases[] = {
        {"neck-tilt", 2, UK_JOINT_NECK, -5.0f, 0, "bounce"}, /* a 15 degree sway */
        {"neck-tilt", 0, 0, 0.0f, 400, "in position"},       /* snaps into the stretch */
        {"calf-wall", 1, 0, 0.0f, 9000, "3 to 4 s"},         /* a sway too slow */
        {"chin-tuck", 4, UK_JOINT_NECK, -10.0f, 0, "end where it starts"},
        {"chin-tuck", 1, UK_JOINT_HEAD, 181.0f, 0, "keys[1].head"}, /* out of range */
        {"march", 2, 0, 0.0f, 10, "jerks"},                         /* a knee flung up */
        {"calf-wall", 1, UK_JOINT_RIGHT_HIP, 45.0f, 0, "bounce"},
        {"heel-raise", 2, UK_JOINT_LEFT_HIP, 3.0f, 0, "foot leaves"}, /* one leg off the floor */
        {"breathe", 2, UK_JOINT_X, 0.9f, 0, "shrinks"},               /* walks out of the box */
    };
    char why[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kiosk_motion bad = *kiosk(cases[i].id);
        if (cases[i].ms)
            bad.motion.keys[cases[i].key].ms = cases[i].ms;
        else
            bad.motion.keys[cases[i].key].pose.v[cases[i].joint] = cases[i].value;
        if (motion_fit(&bad, why, sizeof why))
            fail_msg("case %zu (%s) passed the checker", i, cases[i].id);
        if (strstr(why, cases[i].why) == NULL)
            fail_msg("case %zu (%s): \"%s\" does not mention \"%s\"", i, cases[i].id, why,
                     cases[i].why);
    }
}

/* The head tilts towards the working shoulder, and to the other side when mirrored. */
static void test_mirrored_neck_tilt_tilts_the_other_way(void **state)
{
    (void)state;
    const uk_motion *tilt = &kiosk("neck-tilt")->motion;
    uk_rect box = BOXES[0];
    float axis = box.x + box.w / 2.0f;
    uk_pose pose;
    uk_pose_neutral(&pose);
    float neutral_x = find_head(draw(&pose, tilt->view, tilt->prop, false, box))->capsule.x0;
    assert_float_equal(neutral_x, axis, 0.01);

    for (uint32_t t = 3000; t < 30000; t += 500) {
        uk_motion_sample(tilt, t, 0, false, &pose);
        float left = find_head(draw(&pose, tilt->view, tilt->prop, false, box))->capsule.x0;
        uk_motion_sample(tilt, t, 0, true, &pose);
        float right = find_head(draw(&pose, tilt->view, tilt->prop, true, box))->capsule.x0;
        assert_true(left < axis - 0.04f * box.w);
        assert_true(right > axis + 0.04f * box.w);
        assert_float_equal(right - axis, axis - left, 0.01);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_round_trip),
        cmocka_unit_test(test_motion_find),
        cmocka_unit_test(test_neutral_is_zero),
        cmocka_unit_test(test_sample_hits_keys_exactly),
        cmocka_unit_test(test_easing_is_monotonic_and_gentle),
        cmocka_unit_test(test_loop_wraps_to_loop_from),
        cmocka_unit_test(test_loop_ms_rescales_one_repetition),
        cmocka_unit_test(test_angles_turn_the_short_way),
        cmocka_unit_test(test_single_key_loop_is_a_still_hold),
        cmocka_unit_test(test_degenerate_motions_stay_defined),
        cmocka_unit_test(test_mirror_swaps_sides_and_flips_angles),
        cmocka_unit_test(test_mirror_twice_is_identity),
        cmocka_unit_test(test_sample_mirror_is_mirrored_sample),
        cmocka_unit_test(test_draw_stays_in_box_for_extreme_poses),
        cmocka_unit_test(test_draw_survives_bad_input),
        cmocka_unit_test(test_standing_feet_touch_the_floor),
        cmocka_unit_test(test_sitting_rests_on_the_chair),
        cmocka_unit_test(test_lying_on_the_roller),
        cmocka_unit_test(test_mirrored_drawing_is_a_reflection),
        cmocka_unit_test(test_side_view_draws_far_limbs_first),
        cmocka_unit_test(test_kiosk_motions_are_those_the_routines_use),
        cmocka_unit_test(test_kiosk_motions_pass_the_checker),
        cmocka_unit_test(test_checker_catches_bad_motions),
        cmocka_unit_test(test_mirrored_neck_tilt_tilts_the_other_way),
    };
    return cmocka_run_group_tests(tests, load_kiosk_motions, free_kiosk_motions);
}
