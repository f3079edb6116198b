/*
 * texts.c: the words in a routine file, checked and kept (see texts.h).
 *
 * Lengths are counted in bytes, the unit of the fixed buffers the screens
 * lay text out from, so "ñ" counts twice. A text missing in one language is
 * the one problem that keeps its routine: English shows there instead, and
 * the problem is still reported (and counted) so --check-content fails
 * until it is written.
 *
 * The arena grows by blocks of ARENA_BLOCK bytes and never moves a text
 * once copied; it is freed as a whole with the content.
 */
#include "platform/content/texts.h"

#include <stdlib.h>
#include <string.h>

#include "platform/content/field.h"
#include "platform/content/words.h"

#define ARENA_BLOCK (64 * 1024)

/* Accepted texts, copied once and never moved: blocks of ARENA_BLOCK bytes or more. */
struct uk_texts_arena {
    uk_texts_arena *next;
    size_t used, cap;
    char data[];
};

static const char *arena_copy(uk_loader *ld, const char *text)
{
    size_t len = strlen(text) + 1;
    uk_texts_arena *block = ld->arena;
    if (block == NULL || block->cap - block->used < len) {
        size_t cap = len > ARENA_BLOCK ? len : ARENA_BLOCK;
        uk_texts_arena *fresh = malloc(sizeof *fresh + cap);
        if (fresh == NULL) {
            uk_loader_out_of_memory(ld);
            return NULL;
        }
        fresh->next = block;
        fresh->used = 0;
        fresh->cap = cap;
        ld->arena = block = fresh;
    }
    char *copy = block->data + block->used;
    memcpy(copy, text, len);
    block->used += len;
    return copy;
}

void uk_texts_free_arena(uk_texts_arena *arena)
{
    while (arena != NULL) {
        uk_texts_arena *next = arena->next;
        free(arena);
        arena = next;
    }
}

/* Is `item` usable text of at most `max_bytes` bytes? Reports why not. */
bool uk_texts_ok(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes)
{
    char found[UK_FIELD_FOUND_LEN];
    if (!cJSON_IsString(item)) {
        uk_loader_problem(ld, field, "must be text in quotes (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    const char *text = item->valuestring;
    size_t len = strlen(text);
    if (uk_words_blank(text)) {
        uk_loader_problem(ld, field, "must not be empty (found %s)",
                          uk_field_describe(item, found, sizeof found));
        return false;
    }
    if (!uk_words_utf8_valid(text)) {
        uk_loader_problem(ld, field, "not valid UTF-8 text; save the file as UTF-8");
        return false;
    }
    if (len > max_bytes) {
        uk_loader_problem(ld, field,
                          "too long: must be at most %zu bytes (found %zu bytes); shorter is "
                          "easier to read from a distance",
                          max_bytes, len);
        return false;
    }
    return true;
}

/* Usable text of at most `max_bytes` bytes; copied into the arena. NULL after reporting. */
const char *uk_texts_check(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes)
{
    return uk_texts_ok(ld, item, field, max_bytes) ? arena_copy(ld, item->valuestring) : NULL;
}

static const char *lang_names(const uk_loader *ld, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ld->catalog->lang_count; i++)
        uk_words_append(buf, size, &len, "%s%s", i ? ", " : "", ld->catalog->langs[i].code);
    return buf;
}

/*
 * A text in every language: {"en": "...", "es": "..."}. Fills out[] for every
 * language. A language without its text gets the first language's and is
 * reported (the routine still loads). Returns false, reported, when there is
 * no usable text in the first language.
 */
bool uk_texts_check_langs(uk_loader *ld, const cJSON *item, const char *field, size_t max_bytes,
                          const char **out)
{
    char found[UK_FIELD_FOUND_LEN];
    char names[64];
    char sub[UK_FIELD_MAX];
    for (size_t i = 0; i < ld->catalog->lang_count; i++)
        out[i] = NULL;
    if (!cJSON_IsObject(item)) {
        uk_loader_problem(
            ld, field, "must give the text in each language, like {\"%s\": \"...\"%s} (found %s)",
            ld->catalog->langs[0].code, ld->catalog->lang_count > 1 ? ", ..." : "",
            uk_field_describe(item, found, sizeof found));
        return false;
    }
    bool usable = true;
    const cJSON *member;
    cJSON_ArrayForEach(member, item)
    {
        uk_field_path(sub, sizeof sub, field, member->string);
        int lang = uk_catalog_find_lang(ld->catalog, member->string);
        if (lang < 0 && uk_loader_ids_find(&ld->rejected_langs, member->string) != NULL) {
            /* Its lang/ file was reported already; the words are checked, not kept. */
            if (!uk_field_is_repeat(item, member))
                uk_texts_ok(ld, member, sub, max_bytes);
            continue;
        }
        if (lang < 0) {
            uk_loader_problem(
                ld, sub,
                "no language \"%s\" here (languages: %s; a new one needs lang/%s.json first)",
                member->string, lang_names(ld, names, sizeof names), member->string);
            continue;
        }
        if (uk_field_is_repeat(item, member)) {
            uk_loader_problem(ld, sub, "given more than once (keep one)");
            continue;
        }
        out[lang] = uk_texts_check(ld, member, sub, max_bytes);
        if (out[lang] == NULL)
            usable = usable && lang != 0;
    }
    if (out[0] == NULL) {
        if (cJSON_GetObjectItemCaseSensitive(item, ld->catalog->langs[0].code) == NULL)
            uk_loader_problem(ld, field,
                              "missing the \"%s\" text, which every language falls back on",
                              ld->catalog->langs[0].code);
        return false;
    }
    for (size_t i = 1; i < ld->catalog->lang_count; i++) {
        if (out[i] != NULL)
            continue;
        if (cJSON_GetObjectItemCaseSensitive(item, ld->catalog->langs[i].code) == NULL) {
            ld->fallbacks++;
            uk_loader_problem(ld, field,
                              "missing the \"%s\" text (the \"%s\" one is shown instead)",
                              ld->catalog->langs[i].code, ld->catalog->langs[0].code);
        }
        out[i] = out[0];
    }
    return usable;
}
