/*
 * strings.c: the fixed table of on-screen sentences and the check that keeps
 * a translated format string from ever misleading printf.
 */
#include "app/model/strings.h"

#include <errno.h>
#include <string.h>

static const char *const keys[UK_STR_COUNT] = {
#define UK_STRING_KEY(id, key, sig) key,
    UK_STRINGS(UK_STRING_KEY)
#undef UK_STRING_KEY
};

static const char *const signatures[UK_STR_COUNT] = {
#define UK_STRING_SIG(id, key, sig) sig,
    UK_STRINGS(UK_STRING_SIG)
#undef UK_STRING_SIG
};

bool uk_strings_lang_valid(const char *code)
{
    static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
    size_t base = strspn(code, lower);
    if (base < 2 || base > 3)
        return false;
    if (code[base] == '\0')
        return true;
    size_t region = strspn(code + base + 1, lower);
    return code[base] == '-' && region >= 2 && region <= 3 && code[base + 1 + region] == '\0';
}

void uk_strings_init(uk_strings *strings, const char *lang)
{
    memset(strings->offset, 0, sizeof strings->offset);
    strings->used = 0;
    strings->lang[0] = '\0';
    strncat(strings->lang, lang, UK_LANG_MAX - 1);
}

int uk_strings_text_signature(const char *text, char *sig, size_t sig_len)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        /* Only bare %d and %s: no flags, widths or positions a translator could get wrong. */
        if (*p != 'd' && *p != 's')
            return -1;
        if (n + 1 >= sig_len)
            return -1;
        sig[n++] = *p;
    }
    sig[n] = '\0';
    return 0;
}

int uk_strings_set(uk_strings *strings, uk_string_id id, const char *text)
{
    char sig[16];
    if ((unsigned)id >= UK_STR_COUNT || uk_strings_text_signature(text, sig, sizeof sig) != 0 ||
        strcmp(sig, signatures[id]) != 0) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(text) + 1;
    if (strings->used + len > UK_STRINGS_ARENA) {
        errno = ENOSPC;
        return -1;
    }
    memcpy(strings->arena + strings->used, text, len);
    strings->offset[id] = (uint16_t)(strings->used + 1);
    strings->used += len;
    return 0;
}

const char *uk_strings_get(const uk_strings *strings, uk_string_id id)
{
    if ((unsigned)id >= UK_STR_COUNT)
        return "?";
    if (strings == NULL || strings->offset[id] == 0)
        return keys[id];
    return strings->arena + strings->offset[id] - 1;
}

int uk_strings_has(const uk_strings *strings, uk_string_id id)
{
    return (unsigned)id < UK_STR_COUNT && strings->offset[id] != 0;
}

const char *uk_strings_key(uk_string_id id)
{
    return (unsigned)id < UK_STR_COUNT ? keys[id] : "?";
}

int uk_strings_find(const char *key)
{
    for (int i = 0; i < UK_STR_COUNT; i++)
        if (strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

const char *uk_strings_signature(uk_string_id id)
{
    return (unsigned)id < UK_STR_COUNT ? signatures[id] : "";
}
