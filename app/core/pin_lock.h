/*
 * pin_lock.h: how many wrong PINs the admin screen accepts before it locks,
 * and for how long.
 *
 * The rule: after `max_failures` wrong PINs in a row the PIN pad locks for
 * `lockout_ms`; each further lockout without a right PIN in between lasts
 * twice as long as the one before, up to `max_lockout_ms`. A right PIN
 * clears everything. While locked, attempts are refused without checking
 * the PIN, so guessing during a lockout gains nothing and costs nothing.
 *
 * Pure: the time comes in as `now_ms` (any monotonic clock), nothing is
 * read, stored or allocated. Checking the PIN itself (a slow hash) is the
 * platform's job (platform/system/pin_hash.h); this only counts.
 */
#ifndef UK_APP_CORE_PIN_LOCK_H
#define UK_APP_CORE_PIN_LOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct uk_pin_lock_config {
    uint32_t max_failures;   /* wrong PINs in a row before a lockout (>= 1) */
    uint32_t lockout_ms;     /* the first lockout */
    uint32_t max_lockout_ms; /* the longest lockout, however many follow */
} uk_pin_lock_config;

typedef struct uk_pin_lock {
    uk_pin_lock_config cfg;
    uint32_t failures;        /* wrong PINs since the last lockout or right PIN */
    uint32_t lockouts;        /* lockouts since the last right PIN */
    uint64_t locked_until_ms; /* 0: not locked */
} uk_pin_lock;

typedef enum uk_pin_lock_verdict {
    UK_PIN_LOCK_ACCEPTED = 0, /* the right PIN: open the admin screen */
    UK_PIN_LOCK_REJECTED,     /* wrong; uk_pin_lock_tries_left says how many remain */
    UK_PIN_LOCK_LOCKED        /* locked (now, or by this attempt); see uk_pin_lock_remaining_ms */
} uk_pin_lock_verdict;

/* 5 tries, then 60 s, doubling up to one hour. */
void uk_pin_lock_config_defaults(uk_pin_lock_config *cfg);

/* Starts unlocked with no failures. `cfg` NULL means the defaults. The caller owns `lock`. */
void uk_pin_lock_init(uk_pin_lock *lock, const uk_pin_lock_config *cfg);

/* True while attempts are refused. */
bool uk_pin_lock_locked(const uk_pin_lock *lock, uint64_t now_ms);

/* How long the lockout still lasts; 0 when not locked. */
uint64_t uk_pin_lock_remaining_ms(const uk_pin_lock *lock, uint64_t now_ms);

/* Wrong PINs still accepted before the next lockout. */
uint32_t uk_pin_lock_tries_left(const uk_pin_lock *lock, uint64_t now_ms);

/*
 * Records an attempt whose PIN was checked (`correct`) at `now_ms`. While
 * locked the attempt is refused (UK_PIN_LOCK_LOCKED) whatever `correct` says, so
 * the caller may skip the check: ask uk_pin_lock_locked first.
 */
uk_pin_lock_verdict uk_pin_lock_attempt(uk_pin_lock *lock, bool correct, uint64_t now_ms);

#endif
