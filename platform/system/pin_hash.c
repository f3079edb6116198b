/*
 * pin_hash.c: hashing and checking the admin PIN with libcrypt (see
 * platform/system/pin_hash.h).
 *
 * Invariant: a PIN only ever goes to crypt_r; it is never printed, logged or
 * kept, and the buffers that held it are cleared before they are freed.
 */
#include "platform/system/pin_hash.h"

#include <crypt.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app/core/effect.h"
#include "platform/system/error.h"

#define YESCRYPT_PREFIX "$y$"

_Static_assert(UK_PIN_HASH_MAX >= CRYPT_OUTPUT_SIZE, "room for any hash");
_Static_assert(UK_PIN_HASH_MAX_DIGITS == UK_EFFECT_PIN_MAX, "a PIN the pad can type can be hashed");

bool uk_pin_hash_valid(const char *pin)
{
    if (pin == NULL)
        return false;
    size_t len = 0;
    for (; pin[len] != '\0'; len++)
        if (pin[len] < '0' || pin[len] > '9' || len >= UK_PIN_HASH_MAX_DIGITS)
            return false;
    return len >= UK_PIN_HASH_MIN_DIGITS;
}

/* Clears memory that held a PIN in a way the compiler may not drop. */
static void wipe(void *p, size_t len)
{
    volatile unsigned char *bytes = p;
    while (len-- > 0)
        *bytes++ = 0;
}

/* crypt_r into freshly zeroed scratch; copies the result to `out`. 0, or -1 with errno set. */
static int run_crypt(const char *pin, const char *setting, char *out, size_t out_len)
{
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL)
        return -1;
    int rc = -1;
    errno = 0;
    const char *hash = crypt_r(pin, setting, data);
    if (hash == NULL || hash[0] == '*') {
        if (errno == 0)
            errno = EINVAL;
    } else if (strlen(hash) >= out_len) {
        errno = ERANGE;
    } else {
        memcpy(out, hash, strlen(hash) + 1);
        rc = 0;
    }
    int err = errno;
    wipe(data, sizeof *data);
    free(data);
    errno = err;
    return rc;
}

int uk_pin_hash_make(const char *pin, char *out, size_t out_len, char *error, size_t error_len)
{
    if (!uk_pin_hash_valid(pin) || out == NULL)
        return uk_error_set(error, error_len, EINVAL, "the PIN must be %d to %d digits (0-9)",
                            UK_PIN_HASH_MIN_DIGITS, UK_PIN_HASH_MAX_DIGITS);
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    /* rbytes NULL: libcrypt takes the salt from the operating system's random source.
     * count 0: yescrypt's recommended default cost. */
    errno = 0;
    if (crypt_gensalt_rn(YESCRYPT_PREFIX, 0, NULL, 0, setting, sizeof setting) == NULL) {
        int err = errno ? errno : EINVAL;
        return uk_error_set(error, error_len, err, "libcrypt could not make a salt for the PIN: %s",
                            strerror(err));
    }
    if (run_crypt(pin, setting, out, out_len) != 0) {
        int err = errno;
        if (err == ERANGE)
            return uk_error_set(error, error_len, err,
                                "the PIN's hash does not fit in %zu bytes (give at least %d)",
                                out_len, UK_PIN_HASH_MAX);
        return uk_error_set(error, error_len, err, "libcrypt could not hash the PIN: %s",
                            strerror(err));
    }
    return 0;
}

bool uk_pin_hash_usable(const char *hash)
{
    if (hash == NULL || strncmp(hash, YESCRYPT_PREFIX, strlen(YESCRYPT_PREFIX)) != 0)
        return false;
    size_t len = strnlen(hash, UK_PIN_HASH_MAX);
    return len < UK_PIN_HASH_MAX && strcspn(hash, " \t\r\n") == len;
}

/* The config's mistake, in the words the kiosk prints. */
static int not_checkable(char *error, size_t error_len)
{
    return uk_error_set(error, error_len, EINVAL,
                        "[admin] pin_hash is not a hash unknot can check; make one with: unknot "
                        "hash-pin");
}

int uk_pin_hash_check(const char *pin, const char *hash, bool *right, char *error, size_t error_len)
{
    *right = false;
    if (!uk_pin_hash_usable(hash))
        return not_checkable(error, error_len);
    if (!uk_pin_hash_valid(pin))
        return 0;
    char computed[UK_PIN_HASH_MAX];
    if (run_crypt(pin, hash, computed, sizeof computed) != 0) {
        int err = errno;
        if (err == EINVAL) /* libcrypt refused the setting: the hash, not the PIN */
            return not_checkable(error, error_len);
        return uk_error_set(error, error_len, err, "libcrypt could not check the admin PIN: %s",
                            strerror(err));
    }
    /* Any complete hash gives back a hash of its own length, whatever the PIN: a shorter
     * or longer answer means the config holds a setting or a cut hash, not a PIN's hash. */
    size_t len = strlen(hash);
    if (strlen(computed) != len) {
        wipe(computed, sizeof computed);
        return not_checkable(error, error_len);
    }
    /* Compare every byte whatever the first difference, so timing says nothing. */
    unsigned char diff = 0;
    for (size_t i = 0; i < len; i++)
        diff |= (unsigned char)(computed[i] ^ hash[i]);
    wipe(computed, sizeof computed);
    *right = diff == 0;
    return 0;
}

/* ---- unknot hash-pin ---------------------------------------------------------------------- */

static void hash_pin_usage(FILE *out)
{
    fprintf(out, "Usage: unknot hash-pin < FILE\n"
                 "Reads an admin PIN (4 to 12 digits) from standard input and prints its hash,\n"
                 "to paste into the config. On a terminal the PIN is not shown as it is typed.\n");
}

int uk_pin_hash_main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[2], "--help") == 0) {
        hash_pin_usage(stdout);
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "unknot hash-pin: unexpected argument '%s'\n", argv[2]);
        hash_pin_usage(stderr);
        return 2;
    }

    struct termios saved;
    bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        struct termios quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        fprintf(stderr, "Admin PIN (%d to %d digits): ", UK_PIN_HASH_MIN_DIGITS,
                UK_PIN_HASH_MAX_DIGITS);
    }
    char line[64] = "";
    bool got = fgets(line, sizeof line, stdin) != NULL;
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fputc('\n', stderr);
    }
    line[strcspn(line, "\r\n")] = '\0';
    if (!got || !uk_pin_hash_valid(line)) {
        wipe(line, sizeof line);
        fprintf(stderr, "unknot hash-pin: the PIN must be %d to %d digits (0-9) on one line\n",
                UK_PIN_HASH_MIN_DIGITS, UK_PIN_HASH_MAX_DIGITS);
        return 1;
    }
    char hash[UK_PIN_HASH_MAX], error[256];
    int rc = uk_pin_hash_make(line, hash, sizeof hash, error, sizeof error);
    wipe(line, sizeof line);
    if (rc != 0) {
        fprintf(stderr, "unknot hash-pin: %s\n", error);
        return 1;
    }
    printf("%s\n", hash);
    return 0;
}
