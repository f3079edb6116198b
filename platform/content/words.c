/*
 * words.c: small text tools the content checks share (see words.h).
 *
 * The "did you mean" suggestions come from a plain Levenshtein distance,
 * counted in bytes: the names it compares (fields, joints, sentence keys)
 * are ASCII. Names longer than an id are not compared at all, which keeps
 * the work per unknown name small and the row on the stack.
 */
#include "platform/content/words.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/model/routine.h"

void uk_words_vappend(char *buf, size_t size, size_t *len, const char *fmt, va_list args)
{
    if (*len >= size)
        return;
    int n = vsnprintf(buf + *len, size - *len, fmt, args);
    if (n < 0)
        return;
    *len = (size_t)n < size - *len ? *len + (size_t)n : size - 1;
}

void uk_words_append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    uk_words_vappend(buf, size, len, fmt, args);
    va_end(args);
}

bool uk_words_ends_with(const char *text, const char *suffix)
{
    size_t len = strlen(text), suffix_len = strlen(suffix);
    return len >= suffix_len && strcmp(text + len - suffix_len, suffix) == 0;
}

bool uk_words_is_one_of(const char *name, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

bool uk_words_blank(const char *text)
{
    for (; *text; text++)
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
            return false;
    return true;
}

/* Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates. */
bool uk_words_utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        unsigned c = *s;
        int more;
        uint32_t code;
        if (c < 0x80) {
            s++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
            code = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            code = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        s++;
        for (int i = 0; i < more; i++, s++) {
            if ((*s & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (*s & 0x3f);
        }
        if ((more == 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
            (more == 3 && (code < 0x10000 || code > 0x10ffff)))
            return false;
    }
    return true;
}

/* Levenshtein distance, for "did you mean"; SIZE_MAX for names too long to bother with. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[UK_ID_MAX + 1];
    if (la > UK_ID_MAX || lb > UK_ID_MAX)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

/* The known name closest to `name`, if it is close enough to be a typo; else NULL. */
const char *uk_words_closest(const char *name, const char *const *known, size_t count)
{
    const char *best = NULL;
    size_t best_distance = 3; /* two edits at most */
    if (strlen(name) < 3)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        size_t distance = edit_distance(name, known[i]);
        if (distance < best_distance) {
            best = known[i];
            best_distance = distance;
        }
    }
    return best;
}

/* "a, b, c" */
const char *uk_words_join(char *buf, size_t size, const char *const *names, size_t count)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++)
        uk_words_append(buf, size, &len, "%s%s", i ? ", " : "", names[i]);
    return buf;
}
