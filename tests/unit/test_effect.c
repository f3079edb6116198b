/*
 * test_effect.c: the core's one queue of effects: in order, never losing a
 * session to a burst of sounds, and never keeping a PIN once it is taken.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "app/core/effect.h"

static uk_effect cue(uk_effect_cue which, uint64_t at)
{
    return (uk_effect){.kind = UK_EFFECT_PLAY_CUE, .at_ms = at, .cue = which};
}

static void effects_come_out_in_order(void **state)
{
    (void)state;
    uk_effect_queue queue;
    uk_effect_queue_init(&queue);
    uk_effect out;
    assert_false(uk_effect_take(&queue, &out));
    uk_effect session = {.kind = UK_EFFECT_STORE_SESSION, .at_ms = 1};
    strcpy(session.session.routine, "neck");
    uk_effect_push(&queue, &session);
    uk_effect step = cue(UK_EFFECT_CUE_STEP, 2);
    uk_effect_push(&queue, &step);
    assert_true(uk_effect_take(&queue, &out));
    assert_int_equal(out.kind, UK_EFFECT_STORE_SESSION);
    assert_string_equal(out.session.routine, "neck");
    assert_true(uk_effect_take(&queue, &out));
    assert_int_equal(out.kind, UK_EFFECT_PLAY_CUE);
    assert_int_equal(out.at_ms, 2);
    assert_false(uk_effect_take(&queue, &out));
}

/* Full: the oldest sound makes room, never a session, and the loss is counted. */
static void a_full_queue_drops_sounds_first(void **state)
{
    (void)state;
    uk_effect_queue queue;
    uk_effect_queue_init(&queue);
    uk_effect session = {.kind = UK_EFFECT_STORE_SESSION, .at_ms = 0};
    uk_effect_push(&queue, &session);
    for (uint64_t i = 1; i < UK_EFFECT_QUEUE_MAX + 5; i++) {
        uk_effect c = cue(UK_EFFECT_CUE_COUNT_IN, i);
        uk_effect_push(&queue, &c);
    }
    assert_int_equal(queue.count, UK_EFFECT_QUEUE_MAX);
    assert_int_equal(queue.dropped, 5);
    uk_effect out;
    assert_true(uk_effect_take(&queue, &out));
    assert_int_equal(out.kind, UK_EFFECT_STORE_SESSION); /* kept, and still first */
    assert_true(uk_effect_take(&queue, &out));
    assert_int_equal(out.at_ms, 6); /* the five oldest sounds went */

    /* With no sound left to drop, the oldest effect goes. */
    uk_effect_queue_init(&queue);
    for (uint64_t i = 0; i < UK_EFFECT_QUEUE_MAX + 1; i++) {
        uk_effect view = {.kind = UK_EFFECT_COUNT_VIEW, .at_ms = i, .screen = UK_SCREEN_DOCTOR};
        uk_effect_push(&queue, &view);
    }
    assert_int_equal(queue.dropped, 1);
    assert_true(uk_effect_take(&queue, &out));
    assert_int_equal(out.at_ms, 1);
}

/* A PIN leaves the queue with the one who takes it: no copy stays behind in its memory. */
static void a_taken_pin_is_wiped_from_the_queue(void **state)
{
    (void)state;
    uk_effect_queue queue;
    uk_effect_queue_init(&queue);
    uk_effect pin = {.kind = UK_EFFECT_CHECK_PIN};
    strcpy(pin.pin, "2468");
    uk_effect_push(&queue, &pin);
    uk_effect out;
    assert_true(uk_effect_take(&queue, &out));
    assert_string_equal(out.pin, "2468");
    const unsigned char *bytes = (const unsigned char *)&queue.items;
    for (size_t i = 0; i < sizeof queue.items; i++)
        assert_int_equal(bytes[i], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(effects_come_out_in_order),
        cmocka_unit_test(a_full_queue_drops_sounds_first),
        cmocka_unit_test(a_taken_pin_is_wiped_from_the_queue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
