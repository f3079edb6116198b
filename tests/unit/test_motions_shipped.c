/*
 * test_motions_shipped.c: the kiosk's own motions, as it loads them.
 *
 * motion_fit() is a small checker for authored motions. The kiosk's
 * motions are read from assets/motions.json through the content loader, as
 * the kiosk reads them, each with what it is meant to be (a hold, a
 * repetition, a loop) written down below and compared with the steps that
 * use it. The checker plays each motion on both sides and holds it to the
 * brief: holds settle into a gentle sway, repetitions start and end at the
 * same pose at t = 0 of every repetition, nothing jerks, nothing leaves the
 * box or zooms, and planted feet stay on the floor.
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
#include "platform/content/content.h"
#include "tests/fixtures/figure_fixtures.h"

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
    if (content == NULL || uk_content_problems(content) != 0)
        return -1;
    for (size_t i = 0; i < KIOSK_COUNT; i++) {
        const uk_motion *motion =
            uk_motion_find(uk_content_catalog(content)->motions,
                           uk_content_catalog(content)->motion_count, INTENTS[i].id);
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
    if (!uk_routine_id_valid(m->id))
        REJECT("invalid id");
    if (n < 1 || n > UK_MOTION_MAX_KEYS || m->loop_from >= n)
        REJECT("%d keys, loop_from %d", n, m->loop_from);
    if ((unsigned)m->view >= UK_MOTION_VIEW_COUNT || (unsigned)m->prop >= UK_MOTION_PROP_COUNT)
        REJECT("unknown view or prop");
    for (int k = 0; k < n; k++) {
        if (m->keys[k].ms > UK_KEY_MAX_MS)
            REJECT("keys[%d].ms is %u", k, m->keys[k].ms);
        for (int j = 0; j < UK_JOINT_COUNT; j++) {
            float v = m->keys[k].pose.v[j], limit = is_height(j) ? 1.0f : 180.0f;
            if (!(v >= -limit && v <= limit))
                REJECT("keys[%d].%s is %g", k, uk_motion_joint_name((uk_joint)j), v);
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
            uk_motion_pose_neutral(&prev);
            if (km->kind == KIND_REPS) {
                prev = m->keys[0].pose;
                if (mirror)
                    uk_motion_pose_mirror(&prev);
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
    const uk_catalog *catalog = uk_content_catalog(content);
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
                             uk_routine_step_kind_name(step->kind), INTENTS[i].id,
                             uk_routine_step_kind_name(step->kind));
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
    uk_motion_pose_neutral(&pose);
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
        cmocka_unit_test(test_kiosk_motions_are_those_the_routines_use),
        cmocka_unit_test(test_kiosk_motions_pass_the_checker),
        cmocka_unit_test(test_checker_catches_bad_motions),
        cmocka_unit_test(test_mirrored_neck_tilt_tilts_the_other_way),
    };
    return cmocka_run_group_tests(tests, load_kiosk_motions, free_kiosk_motions);
}
