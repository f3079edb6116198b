/*
 * test_pin.c: the admin PIN's hash, with the real libcrypt.
 *
 * What matters to a clinic: the config never holds the PIN itself, the
 * right PIN opens and a wrong one does not, two kiosks with the same PIN
 * have different hashes (random salt), and a mangled hash in the config is
 * reported as a config mistake rather than treated as a wrong PIN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "platform/system/pin_hash.h"

static void test_valid_pins(void **state)
{
    (void)state;
    assert_true(uk_pin_valid("1234"));
    assert_true(uk_pin_valid("000000000000"));
    assert_false(uk_pin_valid("123"));
    assert_false(uk_pin_valid("1234567890123"));
    assert_false(uk_pin_valid("12a4"));
    assert_false(uk_pin_valid("1234 "));
    assert_false(uk_pin_valid(""));
    assert_false(uk_pin_valid(NULL));
}

static void test_hash_and_verify(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash("482913", hash, sizeof hash), 0);
    assert_memory_equal(hash, "$y$", 3);
    assert_null(strstr(hash, "482913")); /* the PIN is not in its hash */

    assert_int_equal(uk_pin_verify("482913", hash), 1);
    assert_int_equal(uk_pin_verify("482914", hash), 0);
    assert_int_equal(uk_pin_verify("48291", hash), 0);
    assert_int_equal(uk_pin_verify("4829130", hash), 0);
    assert_int_equal(uk_pin_verify("not a pin", hash), 0);
    assert_int_equal(uk_pin_verify(NULL, hash), 0);
}

/* The same PIN twice: different salts, different hashes, both verify. */
static void test_salt_is_random(void **state)
{
    (void)state;
    char a[UK_PIN_HASH_MAX], b[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash("1234", a, sizeof a), 0);
    assert_int_equal(uk_pin_hash("1234", b, sizeof b), 0);
    assert_string_not_equal(a, b);
    assert_int_equal(uk_pin_verify("1234", a), 1);
    assert_int_equal(uk_pin_verify("1234", b), 1);
}

static void test_bad_input(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX];
    errno = 0;
    assert_int_equal(uk_pin_hash("12", hash, sizeof hash), -1);
    assert_int_equal(errno, EINVAL);
    char tiny[8];
    errno = 0;
    assert_int_equal(uk_pin_hash("1234", tiny, sizeof tiny), -1);
    assert_int_equal(errno, ERANGE);

    /* A config with a plain PIN, a weaker hash, or a cut hash: an error, never "matches". */
    static const char *const bad_hashes[] = {
        "1234", "", "$1$abcdefgh$abcdefghijklmnopqrstuv", "$y$", "$y$j9T$", NULL,
    };
    for (size_t i = 0; i < sizeof bad_hashes / sizeof bad_hashes[0]; i++) {
        errno = 0;
        int rc = uk_pin_verify("1234", bad_hashes[i]);
        if (rc != -1)
            fail_msg("hash \"%s\" answered %d", bad_hashes[i] ? bad_hashes[i] : "(null)", rc);
        assert_int_equal(errno, EINVAL);
    }
}

/* What --check-config accepts is exactly what uk_pin_verify can check. */
static void test_usable_hashes(void **state)
{
    (void)state;
    char hash[UK_PIN_HASH_MAX];
    assert_int_equal(uk_pin_hash("482913", hash, sizeof hash), 0);
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
    /* Not usable: verify calls it a mistake in the config, never a wrong PIN. */
    errno = 0;
    assert_int_equal(uk_pin_verify("1234", "$6$abc$def"), -1);
    assert_int_equal(errno, EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_pins),     cmocka_unit_test(test_hash_and_verify),
        cmocka_unit_test(test_salt_is_random), cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_usable_hashes),
    };
    return cmocka_run_group_tests_name("pin", tests, NULL, NULL);
}
