/*
 * motion.h: how the demonstrating figure moves, as data: joints, poses,
 * keyframed motions, and the pose a motion has at a given time. Drawing a
 * pose is the view's business (app/view/figure.h).
 *
 * The figure is a 2D skeleton: a pelvis, a spine, a neck and a head, two arms
 * of two segments and two legs of three (thigh, shin, foot). A pose gives an
 * angle for every joint; a motion is a list of poses (keyframes) with the
 * time to ease into each. The first keys play once to get into position; the
 * keys from `loop_from` on repeat for as long as the step lasts, so a held
 * stretch settles and breathes instead of bouncing, and a repetition loops.
 *
 * Motions are data (assets/motions.json), authored for the left side; the
 * right side is the same motion mirrored, computed here, never authored.
 * The figure faces the person like a mirror image, so "left" is on the left
 * of the screen, as it would be in a mirror.
 *
 * Angles are degrees in screen space, -180 to 180. For limbs 0 means hanging
 * straight down and positive turns towards +x (screen right); each segment's
 * angle is relative to its parent segment, except the upper arm's and the
 * thigh's, which hang from plumb. For the torso 0 is upright and positive
 * leans towards +x. Angles are on a circle: from one key to the next a joint
 * turns the short way round, so an arm at -120 (out to the side) going to
 * 160 passes straight up (180) and over the head, a turn of 80 degrees, not
 * 280 back across the body. Everything here is pure: no clock, no allocation.
 *
 * Which angle is relative to what:
 *   torso            the spine from upright; the pelvis itself never tilts
 *   neck, head       the neck from the spine's line, the head from the neck's:
 *                    a leaning torso carries the head with it
 *   shoulder, hip    upper arm and thigh from plumb (straight down), NOT
 *                    from the torso: a torso hinging forward leaves relaxed
 *                    arms hanging and the legs where they were
 *   elbow, knee      forearm from the upper arm's line, shin from the
 *                    thigh's; in profile (facing right) a bent knee is
 *                    negative, a bent elbow positive
 *   ankle            the foot from a right angle to the shin, positive
 *                    towards +x as for every limb: in profile, positive
 *                    lifts the toes and negative points them (onto the toes)
 * Front view: the figure faces the person; screen-left limbs are the left
 * ones. Side view: the figure faces screen right and the left limbs are the
 * near ones (drawn over the body), the right limbs the far ones.
 *
 * Mirroring (the right side) reflects the figure about the vertical axis:
 * angles and x change sign, left and right joints trade values, y and shrug
 * stay. In profile the mirrored figure faces screen left with its right
 * limbs near, and its props move to the other side with it.
 */
#ifndef UK_APP_MODEL_MOTION_H
#define UK_APP_MODEL_MOTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/model/routine.h"

/* Joints, in the order of uk_pose.v. Names as in motions.json in comments. */
typedef enum uk_joint {
    UK_JOINT_X = 0,          /* "x": pelvis offset right, in figure heights */
    UK_JOINT_Y,              /* "y": pelvis lowered (sit, crouch), in figure heights: below */
    UK_JOINT_TORSO,          /* "torso": spine lean from upright */
    UK_JOINT_NECK,           /* "neck": relative to the spine */
    UK_JOINT_HEAD,           /* "head": nod or tilt relative to the neck */
    UK_JOINT_LEFT_SHOULDER,  /* "left_shoulder": upper arm relative to hanging down */
    UK_JOINT_LEFT_ELBOW,     /* "left_elbow": forearm relative to upper arm */
    UK_JOINT_RIGHT_SHOULDER, /* "right_shoulder" */
    UK_JOINT_RIGHT_ELBOW,    /* "right_elbow" */
    UK_JOINT_LEFT_HIP,       /* "left_hip": thigh relative to hanging down */
    UK_JOINT_LEFT_KNEE,      /* "left_knee": shin relative to thigh */
    UK_JOINT_LEFT_ANKLE,     /* "left_ankle": foot relative to the shin's normal */
    UK_JOINT_RIGHT_HIP,      /* "right_hip" */
    UK_JOINT_RIGHT_KNEE,     /* "right_knee" */
    UK_JOINT_RIGHT_ANKLE,    /* "right_ankle" */
    UK_JOINT_SHRUG,          /* "shrug": shoulders raised, in figure heights (drawn
                                within -0.04..0.08; 0.04 is a full shrug) */
    UK_JOINT_COUNT
} uk_joint;

/*
 * Where the figure stands. The drawing places the pelvis so that the lowest
 * point of the body rests on the floor: bent knees lower it (a squat in
 * profile needs no "y"), rising onto the toes lifts it, and no pose floats
 * or sinks. "y" lowers the pelvis by that much (from 0.53 figure heights
 * standing) where angles cannot:
 *   - with the chair prop, y > 0 sits: the pelvis stops on the seat
 *     (y = 0.245 reaches it) and the legs never go through the floor;
 *   - in front view the knees cannot bend towards the person, so y folds
 *     the thighs (then the shins) towards them: a seated or squatting
 *     figure seen from the front keeps its feet on the floor;
 *   - in profile without a chair a positive y changes nothing (the legs
 *     decide), and anywhere a negative y lifts the figure off the floor;
 *   - in profile with the roller, the torso and the thighs lie on the roller
 *     wherever they cross it (a shin, foot, hand or head never rests on it,
 *     so standing legs pass it by): lying with the upper back on it, or
 *     sitting with a thigh on it, needs no height to be authored, and
 *     rolling is moving "x".
 */
typedef struct uk_pose {
    float v[UK_JOINT_COUNT];
} uk_pose;

typedef enum uk_motion_view {
    UK_MOTION_VIEW_FRONT = 0, /* facing the person: neck, shoulder, arm work */
    UK_MOTION_VIEW_SIDE,      /* in profile, facing right: legs, back, bending */
    UK_MOTION_VIEW_COUNT
} uk_motion_view;

typedef enum uk_motion_prop {
    UK_MOTION_PROP_NONE = 0,
    UK_MOTION_PROP_WALL,   /* a wall ahead of the figure (calf stretch) */
    UK_MOTION_PROP_CHAIR,  /* a chair under the pelvis (seated stretches) */
    UK_MOTION_PROP_STEP,   /* a low step or box ahead (hamstring stretch) */
    UK_MOTION_PROP_MAT,    /* an exercise mat on the floor (lying and kneeling) */
    UK_MOTION_PROP_ROLLER, /* a foam roller on the floor, across the figure's path (side view: a
                       little behind the standing feet, so "x" moves the body over it) */
    UK_MOTION_PROP_BALL,   /* side view: a massage ball between the upper back and a wall behind */
    UK_MOTION_PROP_COUNT
} uk_motion_prop;

#define UK_MOTION_MAX_KEYS 12
#define UK_KEY_MAX_MS      10000

typedef struct uk_keyframe {
    uint32_t ms; /* time to ease from the previous key into this one (key 0: from neutral) */
    uk_pose pose;
} uk_keyframe;

typedef struct uk_motion {
    char id[UK_ID_MAX];
    uk_motion_view view;
    uk_motion_prop prop;
    uint8_t key_count; /* 1..UK_MOTION_MAX_KEYS */
    uint8_t loop_from; /* keys[loop_from..] repeat; loop_from < key_count */
    uk_keyframe keys[UK_MOTION_MAX_KEYS];
} uk_motion;

/* Joint name as in motions.json ("left_knee"), or NULL. Parsing returns -1 if unknown. */
const char *uk_motion_joint_name(uk_joint joint);
int uk_motion_joint_from_name(const char *name);
const char *uk_motion_view_name(uk_motion_view view);
int uk_motion_view_from_name(const char *name);
const char *uk_motion_prop_name(uk_motion_prop prop);
int uk_motion_prop_from_name(const char *name);

/* The standing pose every motion starts from: all zeros. */
void uk_motion_pose_neutral(uk_pose *pose);

/* Turns a left-side pose into the right-side one (and back). */
void uk_motion_pose_mirror(uk_pose *pose);

/*
 * The pose `t_ms` into the motion. Key 0 is reached from neutral; after the
 * last key the motion wraps back to keys[loop_from]. When loop_ms > 0 the
 * looping part is stretched or squeezed to last exactly loop_ms (one
 * repetition). With `mirror` the result is for the right side.
 */
void uk_motion_sample(const uk_motion *motion, uint32_t t_ms, uint32_t loop_ms, bool mirror,
                      uk_pose *out);

/* Total ms of getting into position: from neutral through keys[0..loop_from]. */
uint32_t uk_motion_entry_ms(const uk_motion *motion);

/* Total ms of the looping part (keys after loop_from, and the wrap back to it). */
uint32_t uk_motion_loop_ms(const uk_motion *motion);

/* The motion called `id`, or NULL. */
const uk_motion *uk_motion_find(const uk_motion *motions, size_t count, const char *id);

#endif
