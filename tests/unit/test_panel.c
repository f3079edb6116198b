/*
 * test_panel.c: the emulated button panel's layout: five buttons that fit,
 * can be clicked, say what they do, and light while pressed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app/view/panel.h"

static uk_scene scene;

static void build(int frame_h, const uk_buttons *buttons, uk_button_hw_state state)
{
    uk_button_hw hw = {.state = state, .chip = "gpiochip0"};
    uk_panel_build(&scene, uk_panel_width(frame_h), frame_h, buttons, &hw);
}

static bool has_text(const char *text)
{
    for (size_t i = 0; i < scene.op_count; i++)
        if (scene.ops[i].kind == UK_OP_TEXT &&
            strcmp(uk_scene_op_text(&scene, &scene.ops[i]), text) == 0)
            return true;
    return false;
}

static void five_labelled_buttons_that_fit(void **state)
{
    (void)state;
    uk_buttons buttons;
    uk_buttons_config cfg;
    uk_buttons_config_defaults(&cfg);
    uk_buttons_init(&buttons, &cfg, 0);
    int heights[] = {480, 600, 800, 1280};
    for (size_t k = 0; k < sizeof heights / sizeof heights[0]; k++) {
        build(heights[k], &buttons, UK_BUTTON_HW_NO_CHIP);
        assert_false(scene.overflow);
        assert_int_equal(scene.hit_count, 5);
        uk_action seen[UK_ACTION_COUNT] = {0};
        for (size_t i = 0; i < scene.hit_count; i++) {
            uk_rect box = scene.hits[i].box;
            assert_true(box.x >= 0 && box.y >= 0);
            assert_true(box.x + box.w <= (float)scene.w && box.y + box.h <= (float)scene.h);
            assert_true(box.h >= 40); /* a mouse finds it easily */
            seen[scene.hits[i].action]++;
            for (size_t j = 0; j < i; j++)
                assert_false(uk_scene_overlaps(box, scene.hits[j].box));
        }
        for (int a = UK_ACTION_UP; a < UK_ACTION_COUNT; a++)
            assert_int_equal(seen[a], 1);
        assert_true(has_text("Up") && has_text("Down") && has_text("Select") && has_text("Back") &&
                    has_text("Help"));
        assert_true(has_text("GPIO: no chip"));
    }
    assert_int_equal(uk_panel_width(480), 144);
}

/* The fill colour of the button drawn over `hit`'s centre (the last capsule there). */
static uk_color button_color(const uk_hit *hit)
{
    uk_color color = {0};
    for (size_t i = 0; i < scene.op_count; i++) {
        const uk_op *op = &scene.ops[i];
        if (op->kind == UK_OP_CAPSULE &&
            uk_scene_contains(hit->box, op->capsule.x0, op->capsule.y0))
            color = op->color;
    }
    return color;
}

static void a_pressed_button_lights_up(void **state)
{
    (void)state;
    uk_buttons buttons;
    uk_buttons_config cfg;
    uk_buttons_config_defaults(&cfg);
    uk_buttons_init(&buttons, &cfg, 0);
    build(480, &buttons, UK_BUTTON_HW_OK);
    const uk_hit *select = uk_scene_hit_test(&scene, 72, 480 * 0.5f);
    assert_non_null(select);
    assert_int_equal(select->action, UK_ACTION_SELECT);
    uk_color idle = button_color(select);
    assert_true(has_text("GPIO gpiochip0"));

    uk_button_edge edge = {UK_ACTION_SELECT, true, 1000000};
    uk_buttons_edge(&buttons, &edge); /* lit on the raw edge, before debounce */
    build(480, &buttons, UK_BUTTON_HW_OK);
    uk_color lit = button_color(select);
    assert_true(lit.r + lit.g + lit.b > idle.r + idle.g + idle.b + 150);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(five_labelled_buttons_that_fit),
        cmocka_unit_test(a_pressed_button_lights_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
