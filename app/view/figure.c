/*
 * figure.c: drawing the demonstrating figure: a pose becomes capsules and
 * rects in a scene.
 *
 * The drawing works in figure heights (a standing figure is 1.0 from sole
 * to crown), with y pointing down like the screen and the floor at y = 0.
 * It always builds the left-side figure, facing right in profile, and
 * reflects the finished drawing about the box's centre line for the right
 * side. That makes the two sides exact mirror images, props included, and
 * keeps the side-view rule "the working limbs are the near limbs" true on
 * both sides without a second code path.
 *
 * The figure is placed so it rests on what supports it: the lowest point of
 * the body touches the floor (so bent knees lower the pelvis and rising onto
 * the toes lifts it), or, for a sitting pose, the pelvis rests on the chair,
 * and a body lying or sitting across the foam roller rests on the roller.
 * Its scale is fixed for a view and prop, so it does not zoom as it moves;
 * only a pose that would leave the box (arms far overhead, a large x
 * offset) is shrunk towards the floor until it fits.
 *
 * Pure: no clock, no allocation, no globals; every input value is clamped
 * to its range so no pose, however wild, gives NaN or leaves the box.
 */
#include "app/view/figure.h"

#include <math.h>
#include <string.h>

/* ---- Body ------------------------------------------------------------------------------------ */

/*
 * Proportions in figure heights, after the usual anthropometric tables
 * (knee at 0.285, hip 0.53, shoulder 0.8, chin 0.875), rounded so that the
 * standing figure measures exactly 1.0 from sole to crown:
 *   sole to ankle 0.04 (the foot's thickness), shin 0.245, thigh 0.245:
 *     the hip joint (the pelvis) stands at 0.53;
 *   pelvis to the top of the torso 0.29, shoulder joints 0.025 below that;
 *   the neck bends from 0.03 inside the torso and reaches 0.085 to the
 *     skull (0.875); the head's centre is 0.06 further, radius 0.065;
 *   upper arm 0.175, forearm with hand 0.2: the hand ends at mid-thigh;
 *   foot 0.15 long, a fifth of it behind the ankle;
 *   front view: shoulder joints 0.095 and hip joints 0.055 from the spine.
 * The neck is long and the shrug generous on purpose: at 300 px a real
 * chin tuck or shrug would move the head by a few pixels.
 */
#define SHIN          0.245f
#define THIGH         0.245f
#define TORSO         0.29f
#define SHOULDER_DROP 0.025f /* shoulder joints below the neck base */
#define NECK_DROP     0.03f  /* the neck bends from inside the torso, below the neck base */
#define NECK          0.085f /* bend point to the neck top (skull base) */
#define HEAD_UP       0.06f  /* neck top to head centre, along the head's axis */
#define HEAD_FORWARD  0.012f /* in profile the skull sits a little forward of the neck */
#define UPPER_ARM     0.175f
#define FOREARM       0.2f
#define FOOT_DROP     0.02f  /* ankle joint to the foot's centre line */
#define FOOT_TOE      0.12f  /* ankle to toe, along the foot */
#define FOOT_HEEL     0.03f  /* ankle to heel */
#define FRONT_TOE     0.045f /* a foot seen from the front: mostly hidden */
#define FRONT_HEEL    0.01f
#define SHOULDER_HALF 0.095f /* front view: spine to shoulder joint */
#define HIP_HALF      0.055f /* front view: spine to hip joint */

/* Thickness: capsule radii. The torso is the thickest part, then thighs, then the rest. */
#define R_BELLY      0.075f
#define R_FLANK      0.035f
#define R_CHEST_SIDE 0.068f
#define R_WAIST      0.062f /* side view: seat and belly */
#define R_SHOULDERS  0.04f
#define R_HIPS       0.045f
#define R_UPPER_ARM  0.027f
#define R_FOREARM    0.022f
#define R_HAND       0.026f
#define R_THIGH      0.04f
#define R_SHIN       0.03f
#define R_FOOT       0.02f
#define R_NECK       0.032f
#define R_HEAD       0.065f
#define R_NOSE       0.014f
#define R_EAR        0.015f
#define GAP          0.009f /* background-coloured rim around a limb that crosses the body */

#define STAND_H (THIGH + SHIN + FOOT_DROP + R_FOOT) /* pelvis height standing: 0.53 */

/* Limits the drawing clamps to, beyond the validated ranges' meaning. */
#define SHRUG_MIN      -0.04f
#define SHRUG_MAX      0.08f
#define FRONT_FOLD_MAX 0.4f /* front view: how far y may fold the legs towards the viewer */

/* Props, in figure heights, for the left-side figure (facing right in profile). */
#define SEAT_TOP  0.24f  /* chair seat height */
#define SEAT_REST 0.045f /* seated: hip joint above the seat */
#define WALL_X    0.5f   /* side view: the wall's face, ahead of the standing pelvis */
#define WALL_T    0.08f
#define STEP_X0   0.16f
#define STEP_X1   0.46f
#define STEP_H    0.1f
#define MAT_HALF  0.62f /* the mat reaches this far either side of the standing pelvis */
#define MAT_H     0.012f
#define ROLLER_X  -0.04f /* side view: the roller's centre, a little behind the standing feet */
#define ROLLER_R  0.06f
#define BALL_WALL -0.15f /* side view: the face of the wall behind the figure */
#define BALL_R    0.035f
#define BALL_Y    0.75f /* the ball's centre above the floor: between the shoulder blades */
/* The stage a view is scaled to: a standing figure with room to move, widened by its prop. */
#define STAGE_TOP        1.1f   /* headroom above the crown for shrugs and raised hands */
#define STAGE_FRONT_HALF 0.42f  /* front: arms out to 45 degrees */
#define STAGE_SIDE_BACK  -0.42f /* side: a leg stepped back, an arm swung back */
#define STAGE_SIDE_AHEAD 0.5f   /* side: arms reaching forward */
#define STAGE_PAD        0.04f  /* between a prop and the box's edge */

enum paint {
    PAINT_SKIN,
    PAINT_SHIRT,
    PAINT_TROUSERS,
    PAINT_SHOE,
    PAINT_GAP
};

typedef struct point {
    float x, y;
} point;

typedef struct stroke {
    point a, b;
    float r;
    enum paint paint;
    bool far;   /* a limb on the far side, in profile */
    bool rests; /* the body or a thigh: what lies on a foam roller */
} stroke;

typedef struct block {
    float x0, y0, x1, y1; /* y down, floor at 0 */
    bool round;           /* ends rounded fully: a disc, or a roller seen from the front */
} block;

#define MAX_STROKES 40
#define MAX_BLOCKS  8

typedef struct drawing {
    stroke strokes[MAX_STROKES];
    int stroke_count;
    block blocks[MAX_BLOCKS];
    int block_count;
} drawing;

static const float deg = 3.14159265358979f / 180.0f;

/* A limb's direction: 0 hangs straight down, positive turns towards +x. */
static point limb_dir(float angle)
{
    return (point){sinf(angle * deg), cosf(angle * deg)};
}

/* The spine's direction: 0 points straight up, positive leans towards +x. */
static point up_dir(float angle)
{
    return (point){sinf(angle * deg), -cosf(angle * deg)};
}

/* Perpendicular to up_dir(angle), pointing to +x when upright: "forward" in profile. */
static point side_dir(float angle)
{
    return (point){cosf(angle * deg), sinf(angle * deg)};
}

static point along(point p, float len, point d)
{
    return (point){p.x + len * d.x, p.y + len * d.y};
}

static float clampf(float v, float lo, float hi)
{
    if (!(v == v)) /* NaN */
        return 0.0f;
    return v < lo ? lo : v > hi ? hi : v;
}

static void push_stroke(drawing *d, stroke s)
{
    if (d->stroke_count < MAX_STROKES)
        d->strokes[d->stroke_count++] = s;
}

static void add_stroke(drawing *d, point a, point b, float r, enum paint paint, bool far)
{
    push_stroke(d, (stroke){a, b, r, paint, far, false});
}

/* A part of the body that lies on a foam roller when it crosses it: the torso or a thigh. */
static void add_resting_stroke(drawing *d, point a, point b, float r, enum paint paint, bool far)
{
    push_stroke(d, (stroke){a, b, r, paint, far, true});
}

/* A prop's rectangle, with rounded ends when `round`. */
static void add_block(drawing *d, float x0, float y0, float x1, float y1, bool round)
{
    if (d->block_count < MAX_BLOCKS)
        d->blocks[d->block_count++] = (block){x0, y0, x1, y1, round};
}

static void add_arm(drawing *d, point shoulder, float angle, float elbow_angle, bool far, bool gap)
{
    point elbow = along(shoulder, UPPER_ARM, limb_dir(angle));
    point hand = along(elbow, FOREARM, limb_dir(angle + elbow_angle));
    if (gap) {
        /* The whole rim first, so the forearm's rim never cuts the upper arm. */
        add_stroke(d, shoulder, elbow, R_UPPER_ARM + GAP, PAINT_GAP, far);
        add_stroke(d, elbow, hand, R_FOREARM + GAP, PAINT_GAP, far);
        add_stroke(d, hand, hand, R_HAND + GAP, PAINT_GAP, far);
    }
    add_stroke(d, shoulder, elbow, R_UPPER_ARM, PAINT_SKIN, far);
    add_stroke(d, elbow, hand, R_FOREARM, PAINT_SKIN, far);
    add_stroke(d, hand, hand, R_HAND, PAINT_SKIN, far);
}

/* How a leg is drawn in a view: drawn segment lengths and the foot's direction and size. */
typedef struct leg_shape {
    float thigh, shin;
    float foot_turn; /* the foot leaves the shin at a right angle: +90 points it to +x */
    float heel, toe; /* ankle to heel and to toe, along the foot */
} leg_shape;

/* A leg from the hip joint. The foot's capsule runs below the ankle joint, from heel to toe. */
static void add_leg(drawing *d, point hip, float hip_angle, float knee_angle, float ankle_angle,
                    const leg_shape *shape, bool far)
{
    float shin_angle = hip_angle + knee_angle;
    point knee = along(hip, shape->thigh, limb_dir(hip_angle));
    point ankle = along(knee, shape->shin, limb_dir(shin_angle));
    point forward = limb_dir(shin_angle + shape->foot_turn + ankle_angle);
    point sole = along(ankle, FOOT_DROP, limb_dir(shin_angle + ankle_angle));
    add_resting_stroke(d, hip, knee, R_THIGH, PAINT_TROUSERS, far);
    add_stroke(d, knee, ankle, R_SHIN, PAINT_TROUSERS, far);
    add_stroke(d, along(sole, -shape->heel, forward), along(sole, shape->toe, forward), R_FOOT,
               PAINT_SHOE, far);
}

typedef struct head_parts {
    point neck_base, neck_top, centre;
    float axis; /* the head's up direction, as a spine angle */
} head_parts;

static head_parts head_of(point pelvis, const uk_pose *p, bool profile)
{
    head_parts h;
    float torso = p->v[UK_JOINT_TORSO];
    float neck = torso + p->v[UK_JOINT_NECK];
    h.axis = neck + p->v[UK_JOINT_HEAD];
    h.neck_base = along(pelvis, TORSO - NECK_DROP, up_dir(torso));
    h.neck_top = along(h.neck_base, NECK, up_dir(neck));
    h.centre = along(h.neck_top, HEAD_UP, up_dir(h.axis));
    if (profile)
        h.centre = along(h.centre, HEAD_FORWARD, side_dir(h.axis));
    return h;
}

/* Facing the person. Screen-left limbs are the left ones, as in a mirror. */
static void build_front(drawing *d, const uk_pose *p, point pelvis)
{
    const float *v = p->v;
    float torso = v[UK_JOINT_TORSO];
    point up = up_dir(torso);
    point across = side_dir(torso);
    point hip_l = {pelvis.x - HIP_HALF, pelvis.y};
    point hip_r = {pelvis.x + HIP_HALF, pelvis.y};
    point shoulders = along(pelvis, TORSO - SHOULDER_DROP + v[UK_JOINT_SHRUG], up);
    point shoulder_l = along(shoulders, -SHOULDER_HALF, across);
    point shoulder_r = along(shoulders, SHOULDER_HALF, across);
    head_parts h = head_of(pelvis, p, false);

    /*
     * Seen from the front, knees that bend towards the person cannot show
     * as angles: y stands for them, shortening the thighs (then the shins)
     * as if they pointed at the viewer, so a lowered pelvis sits or squats
     * with its feet still on the floor.
     */
    float fold = clampf(v[UK_JOINT_Y], 0.0f, FRONT_FOLD_MAX);
    float thigh = THIGH - fminf(fold, THIGH);
    float shin = SHIN - fmaxf(0.0f, fold - THIGH);
    leg_shape left = {thigh, shin, -90.0f, FRONT_HEEL, FRONT_TOE};
    leg_shape right = {thigh, shin, 90.0f, FRONT_HEEL, FRONT_TOE};
    add_leg(d, hip_l, v[UK_JOINT_LEFT_HIP], v[UK_JOINT_LEFT_KNEE], v[UK_JOINT_LEFT_ANKLE], &left,
            false);
    add_leg(d, hip_r, v[UK_JOINT_RIGHT_HIP], v[UK_JOINT_RIGHT_KNEE], v[UK_JOINT_RIGHT_ANKLE],
            &right, false);
    add_stroke(d, hip_l, hip_r, R_HIPS, PAINT_TROUSERS, false);
    add_stroke(d, h.neck_base, h.neck_top, R_NECK, PAINT_SKIN, false);
    /* A torso wider at the chest than at the waist: a core and two slanted flanks. */
    add_stroke(d, along(pelvis, 0.04f, up), along(pelvis, 0.22f, up), R_BELLY, PAINT_SHIRT, false);
    for (float side = -1.0f; side <= 1.0f; side += 2.0f)
        add_stroke(d, along(along(pelvis, 0.235f, up), side * 0.08f, across),
                   along(along(pelvis, 0.06f, up), side * 0.06f, across), R_FLANK, PAINT_SHIRT,
                   false);
    add_stroke(d, shoulder_l, shoulder_r, R_SHOULDERS, PAINT_SHIRT, false);
    /* Ears: a round head shows no tilt by itself. */
    point ear = side_dir(h.axis);
    point ear_l = along(along(h.centre, -R_HEAD + 0.006f, ear), -0.006f, up_dir(h.axis));
    point ear_r = along(along(h.centre, R_HEAD - 0.006f, ear), -0.006f, up_dir(h.axis));
    add_stroke(d, ear_l, ear_l, R_EAR, PAINT_SKIN, false);
    add_stroke(d, ear_r, ear_r, R_EAR, PAINT_SKIN, false);
    add_stroke(d, h.centre, h.centre, R_HEAD, PAINT_SKIN, false);
    add_arm(d, shoulder_l, v[UK_JOINT_LEFT_SHOULDER], v[UK_JOINT_LEFT_ELBOW], false, true);
    add_arm(d, shoulder_r, v[UK_JOINT_RIGHT_SHOULDER], v[UK_JOINT_RIGHT_ELBOW], false, true);
}

/* In profile facing right: the left limbs are near, the right ones far (as in a mirror, a
 * person who turns to their right shows it their left side). */
static void build_side(drawing *d, const uk_pose *p, point pelvis)
{
    const float *v = p->v;
    float torso = v[UK_JOINT_TORSO];
    point up = up_dir(torso);
    point shoulder = along(pelvis, TORSO - SHOULDER_DROP + v[UK_JOINT_SHRUG], up);
    head_parts h = head_of(pelvis, p, true);
    point forward = side_dir(h.axis);
    point head_up = up_dir(h.axis);
    point nose = along(along(h.centre, -0.012f, head_up), R_HEAD, forward);

    add_arm(d, shoulder, v[UK_JOINT_RIGHT_SHOULDER], v[UK_JOINT_RIGHT_ELBOW], true, false);
    leg_shape leg = {THIGH, SHIN, 90.0f, FOOT_HEEL, FOOT_TOE};
    add_leg(d, pelvis, v[UK_JOINT_RIGHT_HIP], v[UK_JOINT_RIGHT_KNEE], v[UK_JOINT_RIGHT_ANKLE], &leg,
            true);
    add_leg(d, pelvis, v[UK_JOINT_LEFT_HIP], v[UK_JOINT_LEFT_KNEE], v[UK_JOINT_LEFT_ANKLE], &leg,
            false);
    /* Seat and belly, then a deeper chest a little forward of the spine. */
    point front = side_dir(torso);
    add_stroke(d, h.neck_base, h.neck_top, R_NECK, PAINT_SKIN, false);
    add_resting_stroke(d, along(pelvis, -0.008f, front), along(pelvis, 0.13f, up), R_WAIST,
                       PAINT_SHIRT, false);
    add_resting_stroke(d, along(pelvis, 0.13f, up), along(along(pelvis, 0.225f, up), 0.01f, front),
                       R_CHEST_SIDE, PAINT_SHIRT, false);
    add_stroke(d, h.centre, h.centre, R_HEAD, PAINT_SKIN, false);
    add_stroke(d, along(nose, -0.02f, forward), nose, R_NOSE, PAINT_SKIN, false);
    add_arm(d, shoulder, v[UK_JOINT_LEFT_SHOULDER], v[UK_JOINT_LEFT_ELBOW], false, false);
}

/* Props for the left side, in figure heights relative to the standing pelvis. */
static void build_props(drawing *d, uk_motion_view view, uk_motion_prop prop)
{
    switch (prop) {
    case UK_MOTION_PROP_WALL:
        if (view == UK_MOTION_VIEW_SIDE)
            add_block(d, WALL_X, -STAGE_TOP, WALL_X + WALL_T, 0.0f, false);
        else /* beside the working arm */
            add_block(d, -0.58f, -STAGE_TOP, -0.52f, 0.0f, false);
        break;
    case UK_MOTION_PROP_CHAIR:
        if (view == UK_MOTION_VIEW_SIDE) {
            add_block(d, -0.1f, -SEAT_TOP, 0.17f, -SEAT_TOP + 0.035f, false); /* seat */
            add_block(d, -0.1f, -0.6f, -0.07f, 0.0f, false);    /* back leg and backrest */
            add_block(d, 0.14f, -SEAT_TOP, 0.17f, 0.0f, false); /* front leg */
        } else {
            add_block(d, -0.2f, -0.52f, -0.17f, -SEAT_TOP, false); /* backrest posts and top rail */
            add_block(d, 0.17f, -0.52f, 0.2f, -SEAT_TOP, false);
            add_block(d, -0.2f, -0.52f, 0.2f, -0.485f, false);
            add_block(d, -0.22f, -SEAT_TOP, 0.22f, -SEAT_TOP + 0.035f, false); /* seat */
            add_block(d, -0.22f, -SEAT_TOP, -0.19f, 0.0f, false);              /* legs */
            add_block(d, 0.19f, -SEAT_TOP, 0.22f, 0.0f, false);
        }
        break;
    case UK_MOTION_PROP_STEP:
        if (view == UK_MOTION_VIEW_SIDE)
            add_block(d, STEP_X0, -STEP_H, STEP_X1, 0.0f, false);
        else /* beside the working leg */
            add_block(d, -0.5f, -STEP_H, -0.2f, 0.0f, false);
        break;
    case UK_MOTION_PROP_MAT:
        add_block(d, -MAT_HALF, -MAT_H, MAT_HALF, 0.0f, false);
        break;
    case UK_MOTION_PROP_ROLLER:
        if (view == UK_MOTION_VIEW_SIDE) /* end on: a disc */
            add_block(d, ROLLER_X - ROLLER_R, -2 * ROLLER_R, ROLLER_X + ROLLER_R, 0.0f, true);
        else /* along its length, across the figure */
            add_block(d, -0.3f, -2 * ROLLER_R, 0.3f, 0.0f, true);
        break;
    case UK_MOTION_PROP_BALL:
        if (view == UK_MOTION_VIEW_SIDE) {
            add_block(d, BALL_WALL - WALL_T, -STAGE_TOP, BALL_WALL, 0.0f, false);
            add_block(d, BALL_WALL, -BALL_Y - BALL_R, BALL_WALL + 2 * BALL_R, -BALL_Y + BALL_R,
                      true);
        }
        break;
    default:
        break;
    }
}

/* The pose the drawing can rely on: every value finite and in range. */
static void sanitize(const uk_pose *in, uk_pose *out)
{
    for (int i = 0; i < UK_JOINT_COUNT; i++)
        out->v[i] = clampf(in->v[i], -180.0f, 180.0f);
    out->v[UK_JOINT_X] = clampf(out->v[UK_JOINT_X], -1.0f, 1.0f);
    out->v[UK_JOINT_Y] = clampf(out->v[UK_JOINT_Y], -1.0f, 1.0f);
    out->v[UK_JOINT_SHRUG] = clampf(out->v[UK_JOINT_SHRUG], SHRUG_MIN, SHRUG_MAX);
}

/*
 * How high the pelvis must be for stroke `s` to lie on the roller rather
 * than in it. Only the torso and the thighs rest on a roller (a shin, foot,
 * hand or head never does, so a standing figure's legs pass it by). The
 * capsule is sampled along its length; at each sample within the roller's
 * reach the capsule's edge must clear the roller's top. Returns -1e9 where
 * the stroke is nowhere above the roller.
 */
static float roller_clearance(const stroke *s)
{
    enum {
        SAMPLES = 24
    };
    float need = -1e9f;
    if (!s->rests)
        return need;
    float reach = ROLLER_R + s->r;
    for (int i = 0; i <= SAMPLES; i++) {
        float t = (float)i / SAMPLES;
        float x = s->a.x + (s->b.x - s->a.x) * t, y = s->a.y + (s->b.y - s->a.y) * t;
        float dx = x - ROLLER_X;
        if (fabsf(dx) < reach)
            need = fmaxf(need, y + ROLLER_R + sqrtf(reach * reach - dx * dx));
    }
    return need;
}

/*
 * How high the pelvis sits above the floor. Standing, the lowest point of
 * the body touches the floor; lying or sitting on a roller (side view), the
 * body rests on it wherever it lies across it. Sitting (a chair and y > 0),
 * the pelvis comes down by y but not into the seat, and never pushes the
 * feet through the floor. A negative y lifts the figure off the floor (a hop).
 */
static float pelvis_height(const drawing *d, const uk_pose *p, uk_motion_view view,
                           uk_motion_prop prop)
{
    float lowest = -1e9f; /* below the pelvis, which is at y = 0 */
    for (int i = 0; i < d->stroke_count; i++) {
        const stroke *s = &d->strokes[i];
        if (s->paint == PAINT_GAP)
            continue;
        float y = (s->a.y > s->b.y ? s->a.y : s->b.y) + s->r;
        if (view == UK_MOTION_VIEW_SIDE && prop == UK_MOTION_PROP_ROLLER)
            y = fmaxf(y, roller_clearance(s));
        if (y > lowest)
            lowest = y;
    }
    float y = p->v[UK_JOINT_Y];
    if (prop == UK_MOTION_PROP_CHAIR && y > 0.0f) {
        float seated = STAND_H - y;
        if (seated < SEAT_TOP + SEAT_REST)
            seated = SEAT_TOP + SEAT_REST;
        return seated > lowest ? seated : lowest;
    }
    return y < 0.0f ? lowest - y : lowest;
}

/* ---- Drawing --------------------------------------------------------------------------------- */

typedef struct placement {
    float scale;     /* px per figure height */
    float ax;        /* px x of the standing pelvis */
    float floor_y;   /* px y of the floor line */
    float mirror_x2; /* twice the box's centre x, for the reflection */
    bool mirror;
} placement;

static float px_x(const placement *pl, float x)
{
    float px = pl->ax + pl->scale * x;
    return pl->mirror ? pl->mirror_x2 - px : px;
}

static float px_y(const placement *pl, float y)
{
    return pl->floor_y + pl->scale * y;
}

static uk_color gap_color(const uk_scene *scene, const uk_figure_style *style)
{
    return style->outline.a != 0 ? style->outline : scene->clear;
}

static uk_color paint_color(const uk_figure_style *style, enum paint paint, uk_color gap)
{
    switch (paint) {
    case PAINT_SKIN:
        return style->skin;
    case PAINT_SHIRT:
        return style->shirt;
    case PAINT_TROUSERS:
        return style->trousers;
    case PAINT_SHOE:
        return style->shoes;
    case PAINT_GAP:
        break;
    }
    return gap;
}

/* `a` moved `t` of the way towards `b`, opaque. */
static uk_color mix(uk_color a, uk_color b, float t)
{
    return (uk_color){(uint8_t)lroundf((float)a.r + ((float)b.r - (float)a.r) * t),
                      (uint8_t)lroundf((float)a.g + ((float)b.g - (float)a.g) * t),
                      (uint8_t)lroundf((float)a.b + ((float)b.b - (float)a.b) * t), a.a};
}

void uk_figure_draw(uk_scene *scene, const uk_pose *pose, uk_motion_view view, uk_motion_prop prop,
                    bool mirror, uk_rect box, const uk_figure_style *style)
{
    if (!(box.w > 2.0f && box.h > 2.0f && isfinite(box.x) && isfinite(box.y) && isfinite(box.w) &&
          isfinite(box.h)))
        return;
    if ((unsigned)view >= UK_MOTION_VIEW_COUNT)
        view = UK_MOTION_VIEW_FRONT;
    if ((unsigned)prop >= UK_MOTION_PROP_COUNT)
        prop = UK_MOTION_PROP_NONE;

    /* 1. The left-side pose, sane. */
    uk_pose p;
    sanitize(pose, &p);
    if (mirror)
        uk_motion_pose_mirror(&p);

    /* 2. The body around a pelvis at (x, 0), then lowered onto its support. */
    drawing d = {.stroke_count = 0};
    point pelvis = {p.v[UK_JOINT_X], 0.0f};
    if (view == UK_MOTION_VIEW_SIDE)
        build_side(&d, &p, pelvis);
    else
        build_front(&d, &p, pelvis);
    float lift = pelvis_height(&d, &p, view, prop);
    for (int i = 0; i < d.stroke_count; i++) {
        d.strokes[i].a.y -= lift;
        d.strokes[i].b.y -= lift;
    }
    build_props(&d, view, prop);

    /*
     * 3. Scale: the stage (a standing figure with headroom, plus the prop)
     * fills the box less a margin; the floor is at the bottom margin.
     */
    float stage_x0 = view == UK_MOTION_VIEW_SIDE ? STAGE_SIDE_BACK : -STAGE_FRONT_HALF;
    float stage_x1 = view == UK_MOTION_VIEW_SIDE ? STAGE_SIDE_AHEAD : STAGE_FRONT_HALF;
    for (int i = 0; i < d.block_count; i++) {
        if (d.blocks[i].x0 - STAGE_PAD < stage_x0)
            stage_x0 = d.blocks[i].x0 - STAGE_PAD;
        if (d.blocks[i].x1 + STAGE_PAD > stage_x1)
            stage_x1 = d.blocks[i].x1 + STAGE_PAD;
    }
    float margin = 0.04f * (box.w < box.h ? box.w : box.h);
    float avail_w = box.w - 2.0f * margin;
    float avail_h = box.h - 2.0f * margin;
    float scale = avail_w / (stage_x1 - stage_x0);
    if (avail_h / STAGE_TOP < scale)
        scale = avail_h / STAGE_TOP;
    placement pl = {
        .scale = scale,
        .ax = box.x + box.w * 0.5f - scale * (stage_x0 + stage_x1) * 0.5f,
        .floor_y = box.y + box.h - margin,
        .mirror_x2 = 2.0f * box.x + box.w,
        .mirror = false,
    };

    /*
     * 4. A pose that reaches out of the box (validated ranges allow a pelvis
     * a whole figure height to the side) shrinks towards the standing point
     * on the floor until it fits. The box is symmetric about its centre, so
     * the reflection below cannot undo this.
     */
    float min_x = pl.ax, max_x = pl.ax, min_y = pl.floor_y;
    for (int i = 0; i < d.stroke_count; i++) {
        const stroke *s = &d.strokes[i];
        point ends[2] = {s->a, s->b};
        for (int e = 0; e < 2; e++) {
            float x = pl.ax + scale * ends[e].x, y = pl.floor_y + scale * ends[e].y;
            float r = scale * s->r;
            min_x = fminf(min_x, x - r);
            max_x = fmaxf(max_x, x + r);
            min_y = fminf(min_y, y - r);
        }
    }
    for (int i = 0; i < d.block_count; i++) {
        min_x = fminf(min_x, pl.ax + scale * d.blocks[i].x0);
        max_x = fmaxf(max_x, pl.ax + scale * d.blocks[i].x1);
        min_y = fminf(min_y, pl.floor_y + scale * d.blocks[i].y0);
    }
    float shrink = 1.0f;
    if (min_x < box.x)
        shrink = fminf(shrink, (pl.ax - box.x) / (pl.ax - min_x));
    if (max_x > box.x + box.w)
        shrink = fminf(shrink, (box.x + box.w - pl.ax) / (max_x - pl.ax));
    if (min_y < box.y)
        shrink = fminf(shrink, (pl.floor_y - box.y) / (pl.floor_y - min_y));
    if (shrink < 1.0f)
        pl.scale = scale * shrink * 0.999f;
    pl.mirror = mirror;

    /* 5. Emit, back to front: prop, figure, then the floor over the soles' rim. */
    for (int i = 0; i < d.block_count; i++) {
        const block *b = &d.blocks[i];
        float x0 = px_x(&pl, b->x0), x1 = px_x(&pl, b->x1);
        uk_rect r = {fminf(x0, x1), px_y(&pl, b->y0), fabsf(x1 - x0), pl.scale * (b->y1 - b->y0)};
        uk_scene_rect(scene, r, b->round ? fminf(r.w, r.h) / 2 : pl.scale * 0.008f, style->prop);
    }
    uk_color gap = gap_color(scene, style);
    for (int i = 0; i < d.stroke_count; i++) {
        const stroke *s = &d.strokes[i];
        uk_color c = paint_color(style, s->paint, gap);
        if (s->far && s->paint != PAINT_GAP)
            c = mix(c, gap, clampf(style->far_shade, 0.0f, 1.0f));
        uk_scene_capsule(scene, px_x(&pl, s->a.x), px_y(&pl, s->a.y), px_x(&pl, s->b.x),
                         px_y(&pl, s->b.y), pl.scale * s->r, c);
    }
    float floor_h = fminf(margin, fmaxf(1.0f, scale * 0.012f));
    uk_scene_rect(scene, (uk_rect){box.x + margin, pl.floor_y, box.w - 2.0f * margin, floor_h},
                  0.0f, style->floor);
}
