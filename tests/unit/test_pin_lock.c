/*
 * test_pin_lock.c: the admin PIN's lockout, on injected time.
 *
 * What a person at the PIN pad would notice: how many wrong tries they get,
 * that the pad refuses everything while locked (even the right PIN), that
 * the lockout ends on time and grows for a persistent guesser, and that the
 * right PIN clears the record.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/core/pin_lock.h"

static uk_pin_lock make_lock(void)
{
    uk_pin_lock_config cfg = {.max_failures = 3, .lockout_ms = 30000, .max_lockout_ms = 100000};
    uk_pin_lock lock;
    uk_pin_lock_init(&lock, &cfg);
    return lock;
}

static void test_defaults(void **state)
{
    (void)state;
    uk_pin_lock lock;
    uk_pin_lock_init(&lock, NULL);
    assert_int_equal(lock.cfg.max_failures, 5);
    assert_int_equal(lock.cfg.lockout_ms, 300000); /* [admin] lockout_seconds = 300 */
    assert_int_equal(uk_pin_lock_tries_left(&lock, 0), 5);
    assert_false(uk_pin_lock_locked(&lock, 0));
}

static void test_right_pin_opens(void **state)
{
    (void)state;
    uk_pin_lock lock = make_lock();
    assert_int_equal(uk_pin_lock_attempt(&lock, true, 1000), UK_PIN_LOCK_ACCEPTED);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 1000), 3);
}

static void test_locks_after_max_failures(void **state)
{
    (void)state;
    uk_pin_lock lock = make_lock();
    assert_int_equal(uk_pin_lock_attempt(&lock, false, 1000), UK_PIN_LOCK_REJECTED);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 1000), 2);
    assert_int_equal(uk_pin_lock_attempt(&lock, false, 2000), UK_PIN_LOCK_REJECTED);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 2000), 1);
    assert_int_equal(uk_pin_lock_attempt(&lock, false, 3000), UK_PIN_LOCK_LOCKED);

    /* Locked for exactly 30 s from the third wrong PIN; even the right PIN is refused. */
    assert_true(uk_pin_lock_locked(&lock, 3000));
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, 3000), 30000);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 3000), 0);
    assert_int_equal(uk_pin_lock_attempt(&lock, true, 32999), UK_PIN_LOCK_LOCKED);
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, 32999), 1);

    /* Then the full number of tries again. */
    assert_false(uk_pin_lock_locked(&lock, 33000));
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, 33000), 0);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 33000), 3);
    assert_int_equal(uk_pin_lock_attempt(&lock, true, 33000), UK_PIN_LOCK_ACCEPTED);
}

/* Attempts during a lockout are not counted: they neither extend it nor use up tries. */
static void test_attempts_while_locked_do_not_count(void **state)
{
    (void)state;
    uk_pin_lock lock = make_lock();
    for (int i = 0; i < 3; i++)
        uk_pin_lock_attempt(&lock, false, 0);
    for (uint64_t t = 0; t < 30000; t += 1000)
        assert_int_equal(uk_pin_lock_attempt(&lock, false, t), UK_PIN_LOCK_LOCKED);
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, 29000), 1000);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 30000), 3);
}

/* A persistent guesser waits 30 s, then 60 s, then 100 s (the cap), and 100 s again. */
static void test_lockouts_grow_to_a_cap(void **state)
{
    (void)state;
    uk_pin_lock lock = make_lock();
    static const uint64_t expected[] = {30000, 60000, 100000, 100000};
    uint64_t now = 0;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 2; i++)
            assert_int_equal(uk_pin_lock_attempt(&lock, false, now), UK_PIN_LOCK_REJECTED);
        assert_int_equal(uk_pin_lock_attempt(&lock, false, now), UK_PIN_LOCK_LOCKED);
        assert_int_equal(uk_pin_lock_remaining_ms(&lock, now), expected[round]);
        now += expected[round];
    }

    /* The right PIN clears the history: the next lockout is the short one again. */
    assert_int_equal(uk_pin_lock_attempt(&lock, true, now), UK_PIN_LOCK_ACCEPTED);
    for (int i = 0; i < 3; i++)
        uk_pin_lock_attempt(&lock, false, now);
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, now), 30000);
}

/* A wrong PIN after a right one starts counting from zero. */
static void test_right_pin_resets_failures(void **state)
{
    (void)state;
    uk_pin_lock lock = make_lock();
    uk_pin_lock_attempt(&lock, false, 0);
    uk_pin_lock_attempt(&lock, false, 0);
    assert_int_equal(uk_pin_lock_attempt(&lock, true, 0), UK_PIN_LOCK_ACCEPTED);
    assert_int_equal(uk_pin_lock_attempt(&lock, false, 0), UK_PIN_LOCK_REJECTED);
    assert_int_equal(uk_pin_lock_tries_left(&lock, 0), 2);
}

/* Nonsense settings are made usable rather than locking forever or never. */
static void test_config_is_made_sane(void **state)
{
    (void)state;
    uk_pin_lock_config cfg = {.max_failures = 0, .lockout_ms = 5000, .max_lockout_ms = 10};
    uk_pin_lock lock;
    uk_pin_lock_init(&lock, &cfg);
    assert_int_equal(uk_pin_lock_attempt(&lock, false, 0), UK_PIN_LOCK_LOCKED);
    assert_int_equal(uk_pin_lock_remaining_ms(&lock, 0), 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_right_pin_opens),
        cmocka_unit_test(test_locks_after_max_failures),
        cmocka_unit_test(test_attempts_while_locked_do_not_count),
        cmocka_unit_test(test_lockouts_grow_to_a_cap),
        cmocka_unit_test(test_right_pin_resets_failures),
        cmocka_unit_test(test_config_is_made_sane),
    };
    return cmocka_run_group_tests_name("pin_lock", tests, NULL, NULL);
}
