/*
 * pin_hash.h: the admin PIN, stored only as a yescrypt hash.
 *
 * The config holds a hash made by `unknot hash-pin` (a line like
 * "$y$j9T$...$..."), never the PIN. Hashing and checking are libcrypt's
 * (libxcrypt: crypt_gensalt_rn with the "$y$" prefix and random salt from
 * the operating system, crypt_r to check); nothing here hashes by hand.
 * yescrypt is slow on purpose (tens of milliseconds on a Raspberry Pi), so
 * a stolen config does not give the PIN away; the lockout after repeated
 * failures is the core's (app/core/pin_lock.h).
 *
 * Errors follow platform/system/error.h: 0 or -1, a sentence in the
 * caller's buffer and errno set. Nothing is printed except by
 * uk_pin_hash_main, the `unknot hash-pin` command.
 */
#ifndef UK_PLATFORM_SYSTEM_PIN_HASH_H
#define UK_PLATFORM_SYSTEM_PIN_HASH_H

#include <stdbool.h>
#include <stddef.h>

/* What the PIN pad can type (app/core/effect.h's UK_EFFECT_PIN_MAX; pin_hash.c checks they agree).
 */
#define UK_PIN_HASH_MIN_DIGITS 4
#define UK_PIN_HASH_MAX_DIGITS 12
#define UK_PIN_HASH_MAX        384 /* room for any hash libcrypt returns, NUL included */

/* True if `pin` is 4 to 12 digits and nothing else: what the PIN pad can type. */
bool uk_pin_hash_valid(const char *pin);

/*
 * Hashes `pin` with yescrypt and a fresh random salt into `out` (at least
 * UK_PIN_HASH_MAX bytes is always enough). Returns 0, or -1 with a
 * sentence in `error` and errno EINVAL (not a valid PIN), ERANGE (`out`
 * too small) or what libcrypt set. The caller owns `out` and `error`.
 */
int uk_pin_hash_make(const char *pin, char *out, size_t out_len, char *error, size_t error_len);

/*
 * True if `hash` looks like what uk_pin_hash_make makes, so
 * uk_pin_hash_check can check a PIN against it: "$y$" first, no white
 * space, shorter than UK_PIN_HASH_MAX. A hash of another kind (say
 * "$6$...") is false: the kiosk would take every PIN for a wrong one.
 * --check-config uses this.
 */
bool uk_pin_hash_usable(const char *hash);

/*
 * Checks `pin` against `hash` (from uk_pin_hash_make): returns 0 with
 * *right true when it matches and false when it does not (a PIN that is
 * not 4 to 12 digits never matches). Returns -1 with *right false, a
 * sentence in `error` and errno EINVAL when `hash` is not usable (see
 * above) or is cut short, which is a mistake in the config to report, not
 * a wrong PIN; ENOMEM or libcrypt's errno when the check could not run.
 * The caller owns `right` and `error`.
 */
int uk_pin_hash_check(const char *pin, const char *hash, bool *right, char *error,
                      size_t error_len);

/*
 * `unknot hash-pin`: reads a PIN from standard input (without echo on a
 * terminal), prints its hash for the config on standard output. Returns the
 * exit code: 0, 1 for a PIN that is not 4 to 12 digits, 2 for a bad command line.
 */
int uk_pin_hash_main(int argc, char **argv);

#endif
