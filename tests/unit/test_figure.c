/*
 * test_figure.c: the figure's drawing (app/view/figure.h), checked by
 * reading the scene back: every capsule and rect stays inside the box for a
 * sweep of extreme poses, the feet of a standing pose touch the floor line,
 * a sitting or lying figure rests on its chair or roller, and the right
 * side is the exact reflection of the left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#define UK_FIGURE_FIXTURES_DRAW
#include "app/view/figure.h"
#include "tests/fixtures/figure_fixtures.h"

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
            uk_motion_pose_neutral(&poses[n]);
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
        for (int view = 0; view < UK_MOTION_VIEW_COUNT; view++)
            for (int prop = 0; prop < UK_MOTION_PROP_COUNT; prop++)
                for (int mirror = 0; mirror < 2; mirror++)
                    for (int i = 0; i < n; i++) {
                        const uk_scene *s = draw(&poses[i], (uk_motion_view)view,
                                                 (uk_motion_prop)prop, mirror, BOXES[b]);
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
    uk_motion_pose_neutral(&pose);
    /* Too small or not a number: nothing is drawn. */
    assert_int_equal(
        draw(&pose, UK_MOTION_VIEW_FRONT, UK_MOTION_PROP_NONE, false, (uk_rect){0, 0, 0, 100})
            ->op_count,
        0);
    assert_int_equal(
        draw(&pose, UK_MOTION_VIEW_SIDE, UK_MOTION_PROP_NONE, false, (uk_rect){0, 0, NAN, 100})
            ->op_count,
        0);
    /* Values outside the validated ranges, even NaN and infinity, are clamped. */
    for (int j = 0; j < UK_JOINT_COUNT; j++) {
        static const float bad[] = {NAN, INFINITY, -INFINITY, 1e9f, -1e9f};
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            uk_motion_pose_neutral(&pose);
            pose.v[j] = bad[k];
            for (int view = 0; view < UK_MOTION_VIEW_COUNT; view++) {
                const uk_scene *s =
                    draw(&pose, (uk_motion_view)view, UK_MOTION_PROP_CHAIR, k % 2, BOXES[0]);
                assert_inside(s, BOXES[0], uk_motion_joint_name((uk_joint)j));
            }
        }
    }
    /* Unknown view or prop: drawn as the defaults, not out of bounds. */
    uk_motion_pose_neutral(&pose);
    assert_inside(draw(&pose, (uk_motion_view)7, (uk_motion_prop)9, false, BOXES[0]), BOXES[0],
                  "enums");
}

static void test_standing_feet_touch_the_floor(void **state)
{
    (void)state;
    uk_pose stand, squat, toes;
    uk_motion_pose_neutral(&stand);
    uk_motion_pose_neutral(&squat);
    uk_motion_pose_neutral(&toes);
    squat.v[UK_JOINT_TORSO] = 35;
    for (int side = 0; side < 2; side++) {
        squat.v[UK_JOINT_LEFT_HIP + 3 * side] = 80;
        squat.v[UK_JOINT_LEFT_KNEE + 3 * side] = -120;
        squat.v[UK_JOINT_LEFT_ANKLE + 3 * side] = 40;
        toes.v[UK_JOINT_LEFT_ANKLE + 3 * side] = -40;
    }
    for (size_t b = 0; b < BOX_COUNT; b++)
        for (int view = 0; view < UK_MOTION_VIEW_COUNT; view++)
            for (int prop = 0; prop < UK_MOTION_PROP_COUNT; prop++)
                for (int mirror = 0; mirror < 2; mirror++) {
                    uk_rect box = BOXES[b];
                    float slack = 0.002f * box.h;
                    int touching;
                    const uk_scene *s =
                        draw_for(&stand, (uk_motion_view)view, (uk_motion_prop)prop, mirror, box);
                    float line = floor_line(s);
                    assert_true(line > box.y + 0.9f * box.h && line < box.y + box.h);
                    assert_float_equal(lowest_point(s, line, slack, &touching), line, 0.01);
                    assert_true(touching >= 2); /* both feet, not a heel and a hand */
                    float standing_top = find_head(s)->capsule.y0;
                    float unit = (line - standing_top) / 0.935f; /* a figure height */

                    s = draw_for(&toes, (uk_motion_view)view, (uk_motion_prop)prop, mirror, box);
                    assert_float_equal(lowest_point(s, line, slack, &touching), line, 0.01);
                    if (view ==
                        UK_MOTION_VIEW_SIDE) /* rising onto the toes lifts the whole figure */
                        assert_true(find_head(s)->capsule.y0 < standing_top - 0.05f * unit);

                    if (view == UK_MOTION_VIEW_SIDE) {
                        s = draw_for(&squat, UK_MOTION_VIEW_SIDE, (uk_motion_prop)prop, mirror,
                                     box);
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
    uk_motion_pose_neutral(&stand);
    for (int view = 0; view < UK_MOTION_VIEW_COUNT; view++) {
        uk_motion_pose_neutral(&sit);
        sit.v[UK_JOINT_Y] = 0.245f;
        if (view == UK_MOTION_VIEW_SIDE) {
            sit.v[UK_JOINT_LEFT_HIP] = sit.v[UK_JOINT_RIGHT_HIP] = 90;
            sit.v[UK_JOINT_LEFT_KNEE] = sit.v[UK_JOINT_RIGHT_KNEE] = -90;
        }
        const uk_scene *s = draw(&stand, (uk_motion_view)view, UK_MOTION_PROP_CHAIR, false, box);
        float line = floor_line(s);
        float stand_head = find_head(s)->capsule.y0;
        float unit = (line - stand_head) / 0.935f; /* the head's centre stands at 0.935 */

        s = draw(&sit, (uk_motion_view)view, UK_MOTION_PROP_CHAIR, false, box);
        assert_float_equal(find_head(s)->capsule.y0 - stand_head, 0.245f * unit, 0.01f * unit);
        assert_float_equal(lowest_point(s, line, 0.01f, NULL), line, 0.01); /* feet down */

        /* Without a chair the same y changes nothing in profile (the legs decide), and in front
         * it folds the legs towards the viewer, a squat that keeps the feet down. */
        s = draw(&sit, (uk_motion_view)view, UK_MOTION_PROP_NONE, false, box);
        assert_float_equal(lowest_point(s, line, 0.01f, NULL), line, 0.01);
    }
    /* A negative y is a hop: the feet leave the floor. */
    uk_pose hop;
    uk_motion_pose_neutral(&hop);
    hop.v[UK_JOINT_Y] = -0.1f;
    const uk_scene *s = draw(&hop, UK_MOTION_VIEW_SIDE, UK_MOTION_PROP_NONE, false, box);
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
    uk_motion_pose_neutral(&lying);
    lying.v[UK_JOINT_X] = 0.14f;
    lying.v[UK_JOINT_TORSO] = -75;
    for (int side = 0; side < 2; side++) {
        lying.v[UK_JOINT_LEFT_SHOULDER + 2 * side] = -150; /* hands behind the head */
        lying.v[UK_JOINT_LEFT_ELBOW + 2 * side] = 120;
        lying.v[UK_JOINT_LEFT_HIP + 3 * side] = 95; /* legs raised a little */
        lying.v[UK_JOINT_LEFT_KNEE + 3 * side] = -20;
    }
    uk_motion_pose_neutral(&sitting);
    sitting.v[UK_JOINT_X] = -0.16f;
    sitting.v[UK_JOINT_TORSO] = -30;
    sitting.v[UK_JOINT_LEFT_SHOULDER] = sitting.v[UK_JOINT_RIGHT_SHOULDER] = 90;
    sitting.v[UK_JOINT_LEFT_HIP] = sitting.v[UK_JOINT_RIGHT_HIP] = 86; /* both legs on it */
    const uk_pose *poses[2] = {&lying, &sitting};
    for (int i = 0; i < 2; i++)
        for (int mirror = 0; mirror < 2; mirror++) {
            const uk_scene *s =
                draw_for(poses[i], UK_MOTION_VIEW_SIDE, UK_MOTION_PROP_ROLLER, mirror, box);
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
        uk_motion_pose_mirror(&m);
        uk_rect box = BOXES[(size_t)i % BOX_COUNT];
        uk_motion_view view = (uk_motion_view)(i % UK_MOTION_VIEW_COUNT);
        uk_motion_prop prop = (uk_motion_prop)(i / 2 % UK_MOTION_PROP_COUNT);
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
    uk_motion_pose_neutral(&p);
    p.v[UK_JOINT_RIGHT_HIP] = 60; /* the far knee lifts */
    const uk_scene *s = draw(&p, UK_MOTION_VIEW_SIDE, UK_MOTION_PROP_NONE, false, BOXES[0]);
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
    s = draw(&p, UK_MOTION_VIEW_FRONT, UK_MOTION_PROP_NONE, false, BOXES[0]);
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == UK_OP_CAPSULE)
            assert_true(near_color(s->ops[i].color) || same_color(s->ops[i].color, CLEAR));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_draw_stays_in_box_for_extreme_poses),
        cmocka_unit_test(test_draw_survives_bad_input),
        cmocka_unit_test(test_standing_feet_touch_the_floor),
        cmocka_unit_test(test_sitting_rests_on_the_chair),
        cmocka_unit_test(test_lying_on_the_roller),
        cmocka_unit_test(test_mirrored_drawing_is_a_reflection),
        cmocka_unit_test(test_side_view_draws_far_limbs_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
