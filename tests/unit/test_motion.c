/*
 * test_motion.c: a motion and a time become a pose (app/model/motion.h),
 * checked against a small synthetic motion whose timeline is easy to
 * compute by hand: keys are hit exactly at their times, easing is monotonic
 * and slow at both ends, the loop wraps to loop_from and can be rescaled to
 * a repetition's length, and the right side is the left mirrored.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/model/motion.h"
#include "tests/fixtures/figure_fixtures.h"

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
        assert_string_equal(uk_motion_joint_name((uk_joint)i), joints[i]);
        assert_int_equal(uk_motion_joint_from_name(joints[i]), i);
    }
    assert_string_equal(uk_motion_view_name(UK_MOTION_VIEW_FRONT), "front");
    assert_string_equal(uk_motion_view_name(UK_MOTION_VIEW_SIDE), "side");
    assert_int_equal(uk_motion_view_from_name("side"), UK_MOTION_VIEW_SIDE);
    static const char *const props[UK_MOTION_PROP_COUNT] = {"none", "wall",   "chair", "step",
                                                            "mat",  "roller", "ball"};
    for (int i = 0; i < UK_MOTION_PROP_COUNT; i++) {
        assert_string_equal(uk_motion_prop_name((uk_motion_prop)i), props[i]);
        assert_int_equal(uk_motion_prop_from_name(props[i]), i);
    }

    assert_null(uk_motion_joint_name(UK_JOINT_COUNT));
    assert_null(uk_motion_view_name(UK_MOTION_VIEW_COUNT));
    assert_null(uk_motion_prop_name(UK_MOTION_PROP_COUNT));
    assert_int_equal(uk_motion_joint_from_name("left-knee"), -1);
    assert_int_equal(uk_motion_joint_from_name("Neck"), -1);
    assert_int_equal(uk_motion_joint_from_name(""), -1);
    assert_int_equal(uk_motion_joint_from_name(NULL), -1);
    assert_int_equal(uk_motion_view_from_name("back"), -1);
    assert_int_equal(uk_motion_prop_from_name("bench"), -1);
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

static void test_neutral_is_zero(void **state)
{
    (void)state;
    uk_pose pose;
    memset(&pose, 0x7f, sizeof pose);
    uk_motion_pose_neutral(&pose);
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        assert_true(pose.v[i] == 0.0f);
}

static void test_sample_hits_keys_exactly(void **state)
{
    (void)state;
    uk_motion m = test_motion();
    uk_pose pose, neutral;
    uk_motion_pose_neutral(&neutral);
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
    uk_motion m = {.id = "over", .view = UK_MOTION_VIEW_FRONT, .key_count = 2, .loop_from = 1};
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
    uk_motion_pose_neutral(&neutral);

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
    uk_motion_pose_mirror(&m);
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
        uk_motion_pose_mirror(&m);
        assert_false(pose_equal(&m, &p) && p.v[UK_JOINT_TORSO] != 0.0f);
        uk_motion_pose_mirror(&m);
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
        uk_motion_pose_mirror(&left);
        assert_pose_equal(&right, &left, t);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
