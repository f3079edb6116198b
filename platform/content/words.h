/*
 * words.h: small text tools the content checks share: appending to a line
 * being built, telling blank and badly encoded text, the known name closest
 * to a typo, and a list of names for a message.
 *
 * Nothing here knows about JSON, files or the loader; nothing allocates.
 * Every function writes only into the buffer it is given, and never past
 * `size` bytes.
 */
#ifndef UK_PLATFORM_CONTENT_WORDS_H
#define UK_PLATFORM_CONTENT_WORDS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * Appends to the text of `*len` bytes in `buf` (`size` bytes), cutting it
 * short rather than overrunning, and moves `*len` on. The caller owns `buf`.
 */
void uk_words_vappend(char *buf, size_t size, size_t *len, const char *fmt, va_list args);

/* uk_words_vappend with the arguments given directly. The caller owns `buf`. */
void uk_words_append(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Does `text` end with `suffix`? Keeps no pointer to either. */
bool uk_words_ends_with(const char *text, const char *suffix);

/* Is `name` one of the `count` names? Keeps no pointer to any of them. */
bool uk_words_is_one_of(const char *name, const char *const *names, size_t count);

/* Is `text` nothing but spaces, tabs and line breaks (or nothing)? Keeps no pointer. */
bool uk_words_blank(const char *text);

/* Is `text` well-formed UTF-8: no stray continuation bytes, overlong forms or surrogates? */
bool uk_words_utf8_valid(const char *text);

/*
 * The known name closest to `name`, if it is close enough to be a typo (two
 * edits at most, for names of three bytes or more); else NULL. The answer
 * is one of the `known` pointers, owned by the caller.
 */
const char *uk_words_closest(const char *name, const char *const *known, size_t count);

/* "a, b, c" into `buf` (`size` bytes), cut short if it must be; returns `buf`, the caller's. */
const char *uk_words_join(char *buf, size_t size, const char *const *names, size_t count);

#endif
