/*
 * test_content_motions.c: motions.json, one mistake at a time.
 *
 * Each case is a motions.json with the good fixture's "tilt" and one broken
 * motion: it must give exactly its own lines and be left out, while "tilt"
 * and the routine that uses it still load. A routine whose steps or figure
 * use a broken motion is left out with it, and says why; a motions file
 * that is not one object with a list of motions leaves none.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tests/fixtures/content_fixtures.h"

/* ---- broken motions -------------------------------------------------------------------------- */

#define TILT           "{\"id\": \"tilt\", \"view\": \"front\", \"keys\": [{\"ms\": 800, \"pose\": {}}]}"
#define MOTIONS(extra) "{\"motions\": [" TILT ", " extra "]}"
#define KEY(pose)      "{\"ms\": 500, \"pose\": {" pose "}}"
#define KEY0           KEY("")
#define MOTION_WITH(fields, keys)                                                                  \
    "{\"id\": \"case\", \"view\": \"front\"" fields ", \"keys\": [" keys "]}"
#define MOTION(keys) MOTION_WITH("", keys)
#define M_CASE       "motions.json: motion 'case': "

typedef struct motion_case {
    const char *name;
    const char *json;
    const char *lines[2];
} motion_case;

static const motion_case motion_cases[] = {
    {"unknown joint",
     MOTIONS(MOTION(KEY("\"neck\": 10") "," KEY("\"elbow\": 10"))),
     {M_CASE "keys[1].pose.elbow: unknown joint (known: x, y, torso, neck, head, left_shoulder, "
             "left_elbow, right_shoulder, right_elbow, left_hip, left_knee, left_ankle, "
             "right_hip, right_knee, right_ankle, shrug)"}},
    {"misspelt joint",
     MOTIONS(MOTION(KEY("\"left_sholder\": 10"))),
     {M_CASE "keys[0].pose.left_sholder: unknown joint (did you mean \"left_shoulder\"?)"}},
    {"angle out of range",
     MOTIONS(MOTION(KEY("\"neck\": 200"))),
     {M_CASE "keys[0].pose.neck: must be a number from -180 to 180 degrees (found 200)"}},
    {"offset out of range",
     MOTIONS(MOTION(KEY("\"x\": 1.5"))),
     {M_CASE "keys[0].pose.x: must be a number from -1 to 1 figure heights (found 1.5)"}},
    {"shrug out of range",
     MOTIONS(MOTION(KEY("\"shrug\": -2"))),
     {M_CASE "keys[0].pose.shrug: must be a number from -1 to 1 figure heights (found -2)"}},
    {"angle as text",
     MOTIONS(MOTION(KEY("\"neck\": \"10\""))),
     {M_CASE "keys[0].pose.neck: must be a number from -180 to 180 degrees (found \"10\")"}},
    {"joint given twice",
     MOTIONS(MOTION(KEY("\"neck\": 10, \"neck\": 20"))),
     {M_CASE "keys[0].pose.neck: given more than once (keep one)"}},
    {"ms out of range",
     MOTIONS(MOTION("{\"ms\": 20000, \"pose\": {}}")),
     {M_CASE "keys[0].ms: must be a whole number from 0 to 10000 (found 20000)"}},
    {"no keys", MOTIONS(MOTION("")), {M_CASE "keys: must hold 1 to 12 keys (found 0)"}},
    {"too many keys",
     MOTIONS(MOTION(KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0 "," KEY0
                         "," KEY0 "," KEY0 "," KEY0 "," KEY0)),
     {M_CASE "keys: must hold 1 to 12 keys (found 13)"}},
    {"key without pose", MOTIONS(MOTION("{\"ms\": 500}")), {M_CASE "keys[0].pose: missing"}},
    {"key field misspelt",
     MOTIONS(MOTION("{\"ms\": 500, \"pose\": {}, \"poses\": {}}")),
     {M_CASE "keys[0].poses: unknown field (did you mean \"pose\"?)"}},
    {"loop_from past the last key",
     MOTIONS(MOTION_WITH(", \"loop_from\": 2", KEY("") "," KEY(""))),
     {M_CASE "loop_from: must be a whole number from 0 to 1 (found 2)"}},
    {"unknown view",
     MOTIONS("{\"id\": \"case\", \"view\": \"top\", \"keys\": [" KEY("") "]}"),
     {M_CASE "view: must be \"front\" or \"side\" (found \"top\")"}},
    {"missing view",
     MOTIONS("{\"id\": \"case\", \"keys\": [" KEY("") "]}"),
     {M_CASE "view: missing"}},
    {"unknown prop",
     MOTIONS(MOTION_WITH(", \"prop\": \"table\"", KEY(""))),
     {M_CASE "prop: must be \"none\", \"wall\", \"chair\", \"step\", \"mat\", \"roller\" or "
             "\"ball\" (found \"table\")"}},
    {"unknown field",
     MOTIONS(MOTION_WITH(", \"speed\": 2", KEY(""))),
     {M_CASE "speed: unknown field (known: id, view, prop, loop_from, keys)"}},
    {"duplicate id",
     MOTIONS(TILT),
     {"motions.json: motion 'tilt': id: already used by motions[0]; this one is left out"}},
    {"missing id",
     MOTIONS("{\"view\": \"front\", \"keys\": [" KEY("") "]}"),
     {"motions.json: motions[1].id: missing"}},
    {"bad id",
     MOTIONS("{\"id\": \"Case\", \"view\": \"front\", \"keys\": [" KEY("") "]}"),
     {"motions.json: motions[1].id: must be 1 to 31 characters from a-z, 0-9 and '-', not "
      "starting with '-' (found \"Case\")"}},
    {"not an object",
     MOTIONS("[]"),
     {"motions.json: motions[1]: must be an object {\"id\": ..., \"keys\": [ ... ]} (found a list "
      "[ ... ])"}},
};

static void test_broken_motions(void **state)
{
    tmp_content *tmp = *state;
    for (size_t i = 0; i < sizeof motion_cases / sizeof motion_cases[0]; i++) {
        const motion_case *c = &motion_cases[i];
        print_message("case: %s\n", c->name);
        write_file(tmp->dir, "motions.json", c->json);
        uk_content *content = load_tmp(tmp);
        int expected = 0;
        for (; expected < 2 && c->lines[expected] != NULL; expected++)
            assert_line(&tmp->cap, c->lines[expected]);
        assert_lines(&tmp->cap, expected);
        /* The bad motion is left out; "tilt" and the routine using it still load. */
        assert_int_equal(uk_content_catalog(content)->motion_count, 1);
        assert_string_equal(uk_content_catalog(content)->motions[0].id, "tilt");
        assert_int_equal(uk_content_catalog(content)->routine_count, 1);
        uk_content_free(content);
    }
}

/* A routine whose steps or home-screen figure use a broken motion is left out with it. */
static void test_routines_using_a_broken_motion(void **state)
{
    tmp_content *tmp = *state;
    write_file(
        tmp->dir, "motions.json",
        MOTIONS("{\"id\": \"bad\", \"view\": \"front\", \"keys\": [" KEY("\"neck\": 999") "]}"));
    write_file(tmp->dir, "routines/10-case.json", STEPS_WITH(", \"motion\": \"bad\""));
    write_file(tmp->dir, "routines/20-cards.json",
               "{\"id\": \"cards\", \"type\": \"cards\", \"motion\": \"bad\", " COMMON
               ", \"cards\": [" CARD "]}");
    write_file(tmp->dir, "routines/30-step.json",
               "{\"id\": \"step\", " COMMON ", \"category\": \"move\", \"steps\": [" HOLD
               ", {\"kind\": \"move\", \"seconds\": 30, \"motion\": \"bad\", " STEP_TEXTS "}]}");
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "motions.json: motion 'bad': keys[0].pose.neck: must be a number from "
                           "-180 to 180 degrees (found 999)");
    assert_line(&tmp->cap, IN_CASE "motion: motion 'bad' was left out because of its own errors "
                                   "(see motions.json)");
    assert_line(&tmp->cap, "routines/20-cards.json: routine 'cards': motion: motion 'bad' was left "
                           "out because of its own errors (see motions.json)");
    assert_line(&tmp->cap, "routines/30-step.json: routine 'step': steps[1].motion: motion 'bad' "
                           "was left out because of its own errors (see motions.json)");
    assert_lines(&tmp->cap, 4);
    assert_int_equal(uk_content_catalog(content)->routine_count, 1);
    assert_string_equal(routines_in(content, "en")[0].id, "ok");
    uk_content_free(content);
}

static void test_broken_motions_file(void **state)
{
    tmp_content *tmp = *state;
    static const struct {
        const char *json;
        const char *line;
    } cases[] = {
        {"[]", "motions.json: must be one JSON object {\"motions\": [ ... ]} (found a list [ ... "
               "])"},
        {"{\"motions\": {}}", "motions.json: motions: must be a list [ ... ] of motions (found an "
                              "object { ... })"},
        {"{}", "motions.json: motions: missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file(tmp->dir, "motions.json", cases[i].json);
        uk_content *content = load_tmp(tmp);
        assert_line(&tmp->cap, cases[i].line);
        /* With no motions the routine's step has nothing to show, so it is left out too. */
        assert_line(&tmp->cap,
                    "routines/05-ok.json: routine 'ok': steps[0].motion: no motion 'tilt' in "
                    "motions.json");
        assert_lines(&tmp->cap, 2);
        assert_int_equal(uk_content_catalog(content)->motion_count, 0);
        assert_int_equal(uk_content_catalog(content)->routine_count, 0);
        uk_content_free(content);
    }

    write_file(tmp->dir, "motions.json",
               MOTIONS("{\"id\": \"extra\", \"view\": \"side\", "
                       "\"keys\": [" KEY("") "]}") " x");
    uk_content *content = load_tmp(tmp);
    assert_text(&tmp->cap, "motions.json: line 1: not valid JSON near 'x'");
    uk_content_free(content);

    remove_file(tmp->dir, "motions.json");
    content = load_tmp(tmp);
    char line[256];
    snprintf(line, sizeof line, "motions.json: cannot open: %s", strerror(ENOENT));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 2);
    uk_content_free(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_broken_motions, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_using_a_broken_motion, setup_tmp,
                                        teardown_tmp),
        cmocka_unit_test_setup_teardown(test_broken_motions_file, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
