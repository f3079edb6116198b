/*
 * error.h: the one rule every adapter in platform/ follows when something
 * goes wrong, and the helper that writes its messages.
 *
 *   1. A constructor (uk_x_open, uk_x_new, uk_x_load) returns the object, or
 *      NULL. An operation that can fail returns 0, or -1.
 *   2. On failure the caller's `char *error, size_t error_len` holds one
 *      sentence that names the file or device and says what to do, without
 *      the "unknot: " the caller adds when it prints. `error` may be NULL
 *      when the caller has no use for the words. errno says what kind of
 *      failure it was (ENOENT, EACCES, EROFS, ENOSPC, EIO, ...), for the
 *      callers that act on the kind.
 *   3. A question ("is it", "did it take one") returns bool and cannot fail.
 *   4. Work done on an adapter's own thread (the usage log's writer, the
 *      GPIO reader) never fails its caller: it reports through the `log`
 *      or `report` callback given when the adapter was opened, and a status
 *      the caller reads. A loader that can find many problems in one go
 *      (content, configuration) reports each through its callback too, and
 *      fails only when nothing usable is left.
 *   5. Text comes back in a buffer the caller gives, or as storage the
 *      object owns until it is closed; never in a static buffer that a
 *      second call rewrites.
 *   6. Every adapter is opaque: its struct is defined in its .c file only,
 *      and read through functions.
 *
 * The libraries' own words go into the sentence with the operation that
 * failed ("prepare insert_session: database is locked").
 */
#ifndef UK_PLATFORM_SYSTEM_ERROR_H
#define UK_PLATFORM_SYSTEM_ERROR_H

#include <stddef.h>

/*
 * Writes the printf-style message into `error` (`error_len` bytes, NUL
 * included, cut short if it must be), sets errno to `err` and returns -1,
 * so a failing operation ends with `return uk_error_set(...)`. Does nothing
 * to `error` when it is NULL or `error_len` is 0.
 */
int uk_error_set(char *error, size_t error_len, int err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
