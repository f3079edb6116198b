/*
 * test_pin.c: the admin PIN's hash, with the real libcrypt.
 *
 * What matters to a clinic: the config never holds the PIN itself, the
 * right PIN opens and a wrong one does not, two kiosks with the same PIN
 * have different hashes (random salt), and a mangled hash in the config is
 * reported as a config mistake, in words that say how to fix it, rather
 * than treated as a wrong PIN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "platform/system/pin_hash.h"

/* Checks `pin` against a usable `hash`: true if it opens. Fails the test on an error. */
static bool opens(const char *pin, const char *hash)
{
    bool right = true;
    char error[256] = "";
    if (uk_pin_hash_check(pin, hash, &right, error, sizeof error) != 0)
        fail_msg("checking \"%s\" failed: %s", pin ? pin : "(null)", error);
    return right;
}

static void test_valid_pins(void **state)
{
    (void)state;
    assert_true(uk_pin_hash_valid("1234"));
    assert_true(uk_pin_hash_valid("000000000000"));
    assert_false(uk_pin_hash_valid("123"));
    assert_false(uk_pin_hash_valid("1234567890123"));
    assert_false(uk_pin_hash_valid("12a4"));
    assert_false(uk_pin_hash_valid("1234 "));
    assert_false(uk_pin_hash_valid(""));
    assert_false(uk_pin_hash_valid(NULL));
}

static void test_hash_and_check(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash_make("482913", hash, sizeof hash, NULL, 0), 0);
    assert_memory_equal(hash, "$y$", 3);
    assert_null(strstr(hash, "482913")); /* the PIN is not in its hash */

    assert_true(opens("482913", hash));
    assert_false(opens("482914", hash));
    assert_false(opens("48291", hash));
    assert_false(opens("4829130", hash));
    assert_false(opens("not a pin", hash));
    assert_false(opens(NULL, hash));
}

/* The same PIN twice: different salts, different hashes, both open. */
static void test_salt_is_random(void **state)
{
    (void)state;
    char a[UK_PIN_HASH_MAX], b[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash_make("1234", a, sizeof a, NULL, 0), 0);
    assert_int_equal(uk_pin_hash_make("1234", b, sizeof b, NULL, 0), 0);
    assert_string_not_equal(a, b);
    assert_true(opens("1234", a));
    assert_true(opens("1234", b));
}

static void test_bad_input(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX], error[256];
    errno = 0;
    assert_int_equal(uk_pin_hash_make("12", hash, sizeof hash, error, sizeof error), -1);
    assert_int_equal(errno, EINVAL);
    assert_string_equal(error, "the PIN must be 4 to 12 digits (0-9)");
    char tiny[8];
    errno = 0;
    assert_int_equal(uk_pin_hash_make("1234", tiny, sizeof tiny, error, sizeof error), -1);
    assert_int_equal(errno, ERANGE);
    assert_non_null(strstr(error, "does not fit in 8 bytes"));

    /* A config with a plain PIN, a weaker hash, or a cut hash: an error, never "opens". */
    static const char *const bad_hashes[] = {
        "1234", "", "$1$abcdefgh$abcdefghijklmnopqrstuv", "$y$", "$y$j9T$", NULL,
    };
    for (size_t i = 0; i < sizeof bad_hashes / sizeof bad_hashes[0]; i++) {
        bool right = true;
        error[0] = '\0';
        errno = 0;
        int rc = uk_pin_hash_check("1234", bad_hashes[i], &right, error, sizeof error);
        if (rc != -1)
            fail_msg("hash \"%s\" answered %d", bad_hashes[i] ? bad_hashes[i] : "(null)", rc);
        assert_int_equal(errno, EINVAL);
        assert_false(right);
        assert_string_equal(error, "[admin] pin_hash is not a hash unknot can check; make one "
                                   "with: unknot hash-pin");
    }
    /* No room for the words: the answer is the same. */
    bool right = true;
    assert_int_equal(uk_pin_hash_check("1234", "1234", &right, NULL, 0), -1);
    assert_false(right);
}

/* What --check-config accepts is exactly what uk_pin_hash_check can check. */
static void test_usable_hashes(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash_make("482913", hash, sizeof hash, NULL, 0), 0);
    assert_true(uk_pin_hash_usable(hash));
    assert_false(uk_pin_hash_usable("$6$abc$def"));
    assert_false(uk_pin_hash_usable("$y$j9T$abc $def"));
    assert_false(uk_pin_hash_usable(""));
    assert_false(uk_pin_hash_usable(NULL));
    char too_long[UK_PIN_HASH_MAX + 1];
    memset(too_long, 'a', UK_PIN_HASH_MAX);
    memcpy(too_long, "$y$", 3);
    too_long[UK_PIN_HASH_MAX] = '\0';
    assert_false(uk_pin_hash_usable(too_long));
    too_long[UK_PIN_HASH_MAX - 1] = '\0';
    assert_true(uk_pin_hash_usable(too_long));
    /* Not usable: the check calls it a mistake in the config, never a wrong PIN. */
    bool right = true;
    errno = 0;
    assert_int_equal(uk_pin_hash_check("1234", "$6$abc$def", &right, NULL, 0), -1);
    assert_int_equal(errno, EINVAL);
    assert_false(right);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_pins),     cmocka_unit_test(test_hash_and_check),
        cmocka_unit_test(test_salt_is_random), cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_usable_hashes),
    };
    return cmocka_run_group_tests_name("pin", tests, NULL, NULL);
}
