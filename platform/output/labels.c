/*
 * labels.c: text boxes as textures, made once and kept.
 *
 * Each text op of a scene becomes one texture (a label): fitted and
 * rendered by the typesetter, placed at whole pixels so glyphs stay crisp.
 * Labels are kept in a fixed table, keyed by everything that changes their
 * pixels (words, box size, sizes, flags, colour) but not by position, so a
 * text that moves is not rendered again. A table of UK_LABELS_CACHE
 * entries is searched linearly with memcmp and strcmp: cheaper than any
 * hashing at this size. The least recently used go first, when the table
 * is full or when the textures pass UK_PAINTER_TEXT_BYTES; those of the
 * frame being painted and of the one before are never let go for memory.
 *
 * Invariant: drawing a text whose label is kept allocates nothing; an
 * entry's copy of its words is reused on eviction.
 *
 * This file must not fit or render text itself (that is
 * platform/output/typeset.c's) nor draw anything but labels.
 */
#include "platform/output/labels.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UK_LABELS_CACHE 128 /* text boxes kept as textures, in UK_PAINTER_TEXT_BYTES */

/* What a label was made from besides its words. All fields are 4 bytes wide, so the struct
 * has no padding and compares with memcmp. */
typedef struct text_key {
    float w, h; /* box size; the position does not change the pixels */
    float size, min_size;
    uint32_t flags;
    uk_color color;
} text_key;

typedef struct text_entry {
    bool used;
    text_key key;
    char *text;           /* owned copy of the words, reused on eviction */
    size_t text_cap;      /* bytes allocated for text */
    SDL_Texture *texture; /* NULL if nothing is visible or rasterising failed */
    size_t bytes;         /* the texture's pixels, 4 bytes each */
    SDL_Rect dst;         /* where the texture goes, from the box's rounded origin */
    bool shrunk, clipped; /* for the stats of every frame that shows it */
    uint64_t last_used;   /* frame counter, for eviction */
} text_entry;

struct uk_labels {
    SDL_Renderer *renderer; /* borrowed: the textures are made for it */
    uk_typeset *typeset;    /* borrowed: fits and renders the words */
    uint64_t frame;         /* frames painted, for least-recently-used eviction */
    text_entry cache[UK_LABELS_CACHE];
    size_t cache_bytes; /* pixels in the cache's textures, 4 bytes each */
};

static text_key key_of(const uk_op *op)
{
    text_key key;
    memset(&key, 0, sizeof key);
    key.w = op->text.box.w;
    key.h = op->text.box.h;
    key.size = op->text.size;
    key.min_size = op->text.min_size;
    key.flags = op->text.flags;
    key.color = op->color;
    return key;
}

static text_entry *cache_find(uk_labels *labels, const text_key *key, const char *text)
{
    for (size_t i = 0; i < UK_LABELS_CACHE; i++) {
        text_entry *entry = &labels->cache[i];
        if (entry->used && memcmp(&entry->key, key, sizeof *key) == 0 &&
            strcmp(entry->text, text) == 0)
            return entry;
    }
    return NULL;
}

/* Empties `entry`, destroying its texture. */
static void cache_drop(uk_labels *labels, text_entry *entry)
{
    if (entry->texture)
        SDL_DestroyTexture(entry->texture);
    labels->cache_bytes -= entry->bytes;
    entry->texture = NULL;
    entry->bytes = 0;
    entry->used = false;
}

/* An empty entry, or the least recently used one emptied. */
static text_entry *cache_evict(uk_labels *labels)
{
    text_entry *oldest = &labels->cache[0];
    for (size_t i = 0; i < UK_LABELS_CACHE; i++) {
        text_entry *entry = &labels->cache[i];
        if (!entry->used) {
            oldest = entry;
            break;
        }
        if (entry->last_used < oldest->last_used)
            oldest = entry;
    }
    cache_drop(labels, oldest);
    return oldest;
}

/*
 * Drops the least recently used textures until the cache holds at most
 * UK_PAINTER_TEXT_BYTES, sparing those of the frame being painted and of
 * the one before (a screen with more text than that repaints every frame
 * without rasterising any again): a countdown that makes a new text every
 * second must not fill the memory with every second it has shown.
 */
static void cache_trim(uk_labels *labels)
{
    while (labels->cache_bytes > UK_PAINTER_TEXT_BYTES) {
        text_entry *oldest = NULL;
        for (size_t i = 0; i < UK_LABELS_CACHE; i++) {
            text_entry *entry = &labels->cache[i];
            if (entry->used && entry->bytes && entry->last_used + 1 < labels->frame &&
                (!oldest || entry->last_used < oldest->last_used))
                oldest = entry;
        }
        if (!oldest)
            return; /* everything left is on screen now */
        cache_drop(labels, oldest);
    }
}

/*
 * Makes the texture of a fitted text box. Leaves entry->texture NULL when
 * nothing is visible or on failure (logged with the words, so the failing
 * text can be found).
 */
static void rasterise(uk_labels *labels, text_entry *entry, const uk_op *op, const char *text,
                      const uk_typeset_layout *layout)
{
    SDL_Rect area;
    SDL_Surface *block = uk_typeset_render(labels->typeset, op, text, layout, &area);
    if (!block)
        return;
    entry->texture = SDL_CreateTextureFromSurface(labels->renderer, block);
    SDL_FreeSurface(block);
    if (!entry->texture) {
        fprintf(stderr, "unknot: create texture for text '%s': %s\n", text, SDL_GetError());
        return;
    }
    SDL_SetTextureBlendMode(entry->texture, SDL_BLENDMODE_BLEND);
    entry->dst = area;
    entry->bytes = (size_t)area.w * (size_t)area.h * 4;
    labels->cache_bytes += entry->bytes;
}

/*
 * Fits and rasterises a text box into a cache entry. A failure still makes
 * an entry (with no texture), so a text that cannot be drawn is tried and
 * logged once, not every frame. Returns NULL only if the words cannot be
 * copied.
 */
static text_entry *cache_fill(uk_labels *labels, const text_key *key, const uk_op *op,
                              const char *text)
{
    text_entry *entry = cache_evict(labels);
    size_t len = strlen(text) + 1;
    if (len > entry->text_cap) {
        char *grown = realloc(entry->text, len);
        if (!grown) {
            fprintf(stderr, "unknot: cache text '%s': out of memory\n", text);
            return NULL;
        }
        entry->text = grown;
        entry->text_cap = len;
    }
    memcpy(entry->text, text, len);
    entry->key = *key;
    entry->used = true;
    entry->dst = (SDL_Rect){0};
    entry->shrunk = entry->clipped = false;

    uk_typeset_layout layout;
    if (uk_typeset_fit(labels->typeset, op, text, &layout) != 0)
        return entry;
    entry->shrunk = layout.shrunk;
    entry->clipped = layout.clipped;
    rasterise(labels, entry, op, text, &layout);
    return entry;
}

/* The cache entry for a text op, made now if needed. NULL only without memory. */
static text_entry *entry_for(uk_labels *labels, const uk_scene *scene, const uk_op *op,
                             uk_painter_stats *stats)
{
    const char *text = uk_scene_op_text(scene, op);
    text_key key = key_of(op);
    text_entry *entry = cache_find(labels, &key, text);
    if (entry) {
        entry->last_used = labels->frame;
        return entry;
    }
    stats->cache_misses++;
    entry = cache_fill(labels, &key, op, text);
    if (!entry)
        return NULL;
    entry->last_used = labels->frame;
    cache_trim(labels);
    return entry;
}

static uint8_t fit_of(const text_entry *entry)
{
    if (!entry)
        return UK_LABELS_FIT_TEXT;
    return (uint8_t)(UK_LABELS_FIT_TEXT | (entry->shrunk ? UK_LABELS_FIT_SHRUNK : 0) |
                     (entry->clipped ? UK_LABELS_FIT_CLIPPED : 0));
}

uint8_t uk_labels_prepare(uk_labels *labels, const uk_scene *scene, const uk_op *op,
                          uk_painter_stats *stats)
{
    return fit_of(entry_for(labels, scene, op, stats));
}

uint8_t uk_labels_draw(uk_labels *labels, const uk_scene *scene, const uk_op *op,
                       uk_painter_stats *stats)
{
    text_entry *entry = entry_for(labels, scene, op, stats);
    if (entry && entry->texture) {
        SDL_Rect dst = entry->dst;
        dst.x += (int)roundf(op->text.box.x);
        dst.y += (int)roundf(op->text.box.y);
        SDL_RenderCopy(labels->renderer, entry->texture, NULL, &dst);
    }
    return fit_of(entry);
}

uk_labels *uk_labels_new(SDL_Renderer *renderer, uk_typeset *typeset)
{
    uk_labels *labels = calloc(1, sizeof *labels);
    if (!labels)
        return NULL;
    labels->renderer = renderer;
    labels->typeset = typeset;
    return labels;
}

void uk_labels_forget(uk_labels *labels)
{
    for (size_t i = 0; i < UK_LABELS_CACHE; i++)
        cache_drop(labels, &labels->cache[i]);
}

void uk_labels_free(uk_labels *labels)
{
    if (!labels)
        return;
    uk_labels_forget(labels);
    for (size_t i = 0; i < UK_LABELS_CACHE; i++)
        free(labels->cache[i].text);
    free(labels);
}

void uk_labels_next_frame(uk_labels *labels)
{
    labels->frame++;
}

size_t uk_labels_texture_bytes(const uk_labels *labels)
{
    return labels->cache_bytes;
}
