/*
 * motion.c: sampling motions: a motion (keyframes) and a time become a pose.
 *
 * Key 0 is eased into from the neutral pose, the keys follow in order, and
 * the part from `loop_from` repeats, optionally stretched to a repetition's
 * length. Pure: no clock, no allocation, no globals.
 */
#include "app/model/motion.h"

#include <math.h>
#include <string.h>

/* ---- Names ----------------------------------------------------------------------------------- */

static const char *const joint_names[UK_JOINT_COUNT] = {
    [UK_JOINT_X] = "x",
    [UK_JOINT_Y] = "y",
    [UK_JOINT_TORSO] = "torso",
    [UK_JOINT_NECK] = "neck",
    [UK_JOINT_HEAD] = "head",
    [UK_JOINT_LEFT_SHOULDER] = "left_shoulder",
    [UK_JOINT_LEFT_ELBOW] = "left_elbow",
    [UK_JOINT_RIGHT_SHOULDER] = "right_shoulder",
    [UK_JOINT_RIGHT_ELBOW] = "right_elbow",
    [UK_JOINT_LEFT_HIP] = "left_hip",
    [UK_JOINT_LEFT_KNEE] = "left_knee",
    [UK_JOINT_LEFT_ANKLE] = "left_ankle",
    [UK_JOINT_RIGHT_HIP] = "right_hip",
    [UK_JOINT_RIGHT_KNEE] = "right_knee",
    [UK_JOINT_RIGHT_ANKLE] = "right_ankle",
    [UK_JOINT_SHRUG] = "shrug",
};

static const char *const view_names[UK_MOTION_VIEW_COUNT] = {"front", "side"};
static const char *const prop_names[UK_MOTION_PROP_COUNT] = {"none", "wall",   "chair", "step",
                                                             "mat",  "roller", "ball"};

const char *uk_motion_joint_name(uk_joint joint)
{
    return (unsigned)joint < UK_JOINT_COUNT ? joint_names[joint] : NULL;
}

int uk_motion_joint_from_name(const char *name)
{
    return uk_routine_name_index(joint_names, UK_JOINT_COUNT, name);
}

const char *uk_motion_view_name(uk_motion_view view)
{
    return (unsigned)view < UK_MOTION_VIEW_COUNT ? view_names[view] : NULL;
}

int uk_motion_view_from_name(const char *name)
{
    return uk_routine_name_index(view_names, UK_MOTION_VIEW_COUNT, name);
}

const char *uk_motion_prop_name(uk_motion_prop prop)
{
    return (unsigned)prop < UK_MOTION_PROP_COUNT ? prop_names[prop] : NULL;
}

int uk_motion_prop_from_name(const char *name)
{
    return uk_routine_name_index(prop_names, UK_MOTION_PROP_COUNT, name);
}

/* ---- Poses and motions ----------------------------------------------------------------------- */

void uk_motion_pose_neutral(uk_pose *pose)
{
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        pose->v[i] = 0.0f;
}

static void swap_joints(uk_pose *pose, uk_joint a, uk_joint b)
{
    float t = pose->v[a];
    pose->v[a] = pose->v[b];
    pose->v[b] = t;
}

void uk_motion_pose_mirror(uk_pose *pose)
{
    /*
     * Reflecting about the vertical axis flips every angle's sense and the
     * sideways offset; heights (y, shrug) stay. Then the sides trade roles:
     * what the left arm did, the right arm does. `0 - v` rather than `-v`
     * so a zero stays +0 and a pose mirrored twice is equal byte for byte.
     */
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        if (i != UK_JOINT_Y && i != UK_JOINT_SHRUG)
            pose->v[i] = 0.0f - pose->v[i];
    swap_joints(pose, UK_JOINT_LEFT_SHOULDER, UK_JOINT_RIGHT_SHOULDER);
    swap_joints(pose, UK_JOINT_LEFT_ELBOW, UK_JOINT_RIGHT_ELBOW);
    swap_joints(pose, UK_JOINT_LEFT_HIP, UK_JOINT_RIGHT_HIP);
    swap_joints(pose, UK_JOINT_LEFT_KNEE, UK_JOINT_RIGHT_KNEE);
    swap_joints(pose, UK_JOINT_LEFT_ANKLE, UK_JOINT_RIGHT_ANKLE);
}

/*
 * Ease in and out (smootherstep): zero speed and zero acceleration at both
 * keys, exact at 0 and 1. Worked in double so that rounding never makes a
 * joint step back by a hair as it settles into a key.
 */
static double ease(double u)
{
    if (!(u > 0.0))
        return 0.0;
    if (u >= 1.0)
        return 1.0;
    return u * u * u * (u * (u * 6.0 - 15.0) + 10.0);
}

static bool is_angle(int joint)
{
    return joint != UK_JOINT_X && joint != UK_JOINT_Y && joint != UK_JOINT_SHRUG;
}

/*
 * `a + (b - a) * e`: exactly `a` at the start of a segment, `b` at its end,
 * monotonic between. Angles go the short way round the circle, so an arm
 * raised out to the side (-120) and then over the head (160) passes through
 * straight up (180 = -180), not back down across the body; the result is
 * brought back into -180..180.
 */
static void blend(const uk_pose *a, const uk_pose *b, double u, uk_pose *out)
{
    double e = ease(u);
    for (int i = 0; i < UK_JOINT_COUNT; i++) {
        if (e >= 1.0) {
            out->v[i] = b->v[i];
            continue;
        }
        double d = (double)b->v[i] - a->v[i];
        if (is_angle(i) && d > 180.0)
            d -= 360.0;
        else if (is_angle(i) && d < -180.0)
            d += 360.0;
        double v = a->v[i] + d * e;
        if (v > 180.0)
            v -= 360.0;
        else if (v < -180.0)
            v += 360.0;
        out->v[i] = (float)v;
    }
}

static int key_count(const uk_motion *motion)
{
    return motion->key_count < UK_MOTION_MAX_KEYS ? motion->key_count : UK_MOTION_MAX_KEYS;
}

static int loop_from(const uk_motion *motion)
{
    int n = key_count(motion);
    return motion->loop_from < n ? motion->loop_from : n - 1;
}

uint32_t uk_motion_entry_ms(const uk_motion *motion)
{
    uint32_t total = 0;
    for (int i = 0; i <= loop_from(motion) && i < key_count(motion); i++)
        total += motion->keys[i].ms;
    return total;
}

uint32_t uk_motion_loop_ms(const uk_motion *motion)
{
    uint32_t total = 0;
    for (int i = loop_from(motion); i >= 0 && i < key_count(motion); i++)
        total += motion->keys[i].ms;
    return total;
}

void uk_motion_sample(const uk_motion *motion, uint32_t t_ms, uint32_t loop_ms, bool mirror,
                      uk_pose *out)
{
    int n = key_count(motion);
    int first = loop_from(motion);
    uk_pose neutral;
    uk_motion_pose_neutral(&neutral);
    if (n <= 0) {
        *out = neutral;
        return;
    }

    /* 1. Getting into position: neutral -> key 0 -> ... -> keys[loop_from], at authored speed. */
    const uk_pose *from = &neutral;
    uint64_t start = 0;
    for (int i = 0; i <= first; i++) {
        uint32_t d = motion->keys[i].ms;
        if (t_ms < start + d) {
            blend(from, &motion->keys[i].pose, (double)(t_ms - start) / d, out);
            goto done;
        }
        start += d;
        from = &motion->keys[i].pose;
    }

    /*
     * 2. The loop, from keys[loop_from]: each following key, then the wrap back
     * to keys[loop_from] taking that key's ms. The phase is found in the
     * (possibly rescaled) loop time and mapped back to authored time.
     */
    uint32_t natural = uk_motion_loop_ms(motion);
    if (natural == 0) {
        /* A loop of no length: the motion has played once and stays at its end. */
        *out = motion->keys[n - 1].pose;
        goto done;
    }
    uint64_t elapsed = (uint64_t)t_ms - start;
    double phase;
    if (loop_ms > 0)
        phase = (double)(elapsed % loop_ms) * natural / loop_ms;
    else
        phase = (double)(elapsed % natural);
    double segment_start = 0.0;
    for (int k = 1; k <= n - first; k++) {
        int to = first + k < n ? first + k : first;
        int prev = to == first ? n - 1 : to - 1;
        double d = motion->keys[to].ms;
        if (phase < segment_start + d) {
            blend(&motion->keys[prev].pose, &motion->keys[to].pose, (phase - segment_start) / d,
                  out);
            goto done;
        }
        segment_start += d;
    }
    *out = motion->keys[first].pose; /* rounding put the phase at the very end of the loop */

done:
    if (mirror)
        uk_motion_pose_mirror(out);
}

const uk_motion *uk_motion_find(const uk_motion *motions, size_t count, const char *id)
{
    if (motions == NULL || id == NULL)
        return NULL;
    for (size_t i = 0; i < count; i++)
        if (strncmp(motions[i].id, id, UK_ID_MAX) == 0)
            return &motions[i];
    return NULL;
}
