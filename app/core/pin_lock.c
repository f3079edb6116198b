/*
 * pin_lock.c: counting wrong PINs and timing lockouts (see app/core/pin_lock.h).
 *
 * Invariant: failures < cfg.max_failures outside a lockout; a lockout
 * starts with failures back at 0, so when it ends the full number of tries
 * is available again, and `lockouts` remembers how long the next one lasts.
 */
#include "app/core/pin_lock.h"

#include <stddef.h>

void uk_pin_lock_config_defaults(uk_pin_lock_config *cfg)
{
    *cfg = (uk_pin_lock_config){.max_failures = 5, .lockout_ms = 300000, .max_lockout_ms = 3600000};
}

void uk_pin_lock_init(uk_pin_lock *lock, const uk_pin_lock_config *cfg)
{
    *lock = (uk_pin_lock){0};
    if (cfg != NULL)
        lock->cfg = *cfg;
    else
        uk_pin_lock_config_defaults(&lock->cfg);
    if (lock->cfg.max_failures == 0)
        lock->cfg.max_failures = 1;
    if (lock->cfg.max_lockout_ms < lock->cfg.lockout_ms)
        lock->cfg.max_lockout_ms = lock->cfg.lockout_ms;
}

bool uk_pin_lock_locked(const uk_pin_lock *lock, uint64_t now_ms)
{
    return now_ms < lock->locked_until_ms;
}

uint64_t uk_pin_lock_remaining_ms(const uk_pin_lock *lock, uint64_t now_ms)
{
    return uk_pin_lock_locked(lock, now_ms) ? lock->locked_until_ms - now_ms : 0;
}

uint32_t uk_pin_lock_tries_left(const uk_pin_lock *lock, uint64_t now_ms)
{
    return uk_pin_lock_locked(lock, now_ms) ? 0 : lock->cfg.max_failures - lock->failures;
}

/* The length of lockout number `n` (1-based): doubling, capped. */
static uint64_t lockout_length(const uk_pin_lock_config *cfg, uint32_t n)
{
    uint64_t ms = cfg->lockout_ms;
    for (uint32_t i = 1; i < n && ms < cfg->max_lockout_ms; i++)
        ms *= 2;
    return ms < cfg->max_lockout_ms ? ms : cfg->max_lockout_ms;
}

uk_pin_lock_verdict uk_pin_lock_attempt(uk_pin_lock *lock, bool correct, uint64_t now_ms)
{
    if (uk_pin_lock_locked(lock, now_ms))
        return UK_PIN_LOCK_LOCKED;
    if (correct) {
        lock->failures = 0;
        lock->lockouts = 0;
        lock->locked_until_ms = 0;
        return UK_PIN_LOCK_ACCEPTED;
    }
    if (++lock->failures < lock->cfg.max_failures)
        return UK_PIN_LOCK_REJECTED;
    lock->failures = 0;
    lock->lockouts++;
    lock->locked_until_ms = now_ms + lockout_length(&lock->cfg, lock->lockouts);
    return UK_PIN_LOCK_LOCKED;
}
