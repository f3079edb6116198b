/*
 * painter.c: turns a uk_scene into pixels with SDL_Renderer and SDL2_ttf.
 *
 * Shapes. Every curved shape is a triangle mesh for SDL_RenderGeometry with
 * a one-pixel feather: the solid part stops half a pixel inside the true
 * edge, and a strip of triangles runs from there to half a pixel outside,
 * where the vertices have alpha 0. Blending that strip approximates the
 * pixel coverage a multisampled renderer would give, on any renderer,
 * software included. Curves are cut into straight pieces of
 * UK_PAINT_SEGMENT_PX, longer on large radii as long as they stay within
 * UK_PAINT_SAGITTA px of the curve, so a big ring gets more pieces than a
 * small dot, but not needlessly many.
 * Plain rectangles (radius 0) are pixel-aligned boxes and stay unfeathered.
 *
 * Text. A text box is fitted here, because only the painter knows the
 * font's metrics: the words are wrapped greedily to the box's width (the
 * whole candidate line is measured, so kerning is counted exactly as it will
 * be drawn), and if the block is too tall or one word too wide, the size
 * shrinks by UK_PAINT_SHRINK per step down to the minimum. What still does
 * not fit is drawn at the minimum, cut off at the box, and counted as
 * clipped. Each text box becomes one texture (its lines rendered with
 * TTF_RenderUTF8_Blended and composed on one surface), placed at whole
 * pixels so glyphs stay crisp.
 *
 * Caches. Each font file is mapped into memory and opened once, as one
 * face that is set to whatever whole pixel size is asked for: a face per
 * size (a layout tries dozens) would cost ~100 KB each in FreeType's and
 * HarfBuzz's tables, while changing the size costs microseconds and happens
 * only when a text is fitted or measured for the first time. Text textures are kept in a fixed
 * table, keyed by everything that changes their pixels (words, box size, sizes, flags, colour) but
 * not by position, and evicted least recently used. A table of UK_PAINT_CACHE entries is searched
 * linearly with memcmp and strcmp: cheaper than any hashing at this size.
 *
 * Invariant: painting a frame whose texts are all cached allocates nothing
 * here. The vertex and index buffers grow (rarely) to the largest shape
 * seen and are then reused; an entry's copy of its words is reused on
 * eviction. (SDL's software renderer itself allocates a temporary surface
 * per blended triangle; GPU renderers do not. See draw_mesh for that
 * renderer's other quirks and how they are worked around.)
 *
 * This file must not decide layout (that is the core's job) beyond fitting
 * text into the boxes it is given, and must not present the frame.
 */
#include "platform/output/painter.h"

#include <SDL_ttf.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define UK_PAINT_MAX_PX      1024  /* largest font size used; larger requests are clamped */
#define UK_PAINT_FIRST_PX    16    /* size opened at start-up, to prove each file is a font */
#define UK_PAINT_CACHE       128   /* text boxes kept as textures, in UK_PAINT_TEXT_BYTES */
#define UK_PAINT_MEASURES    256   /* measurements kept for layout */
#define UK_PAINT_MAX_LINES   128   /* lines in one text box; more never fits */
#define UK_PAINT_SHRINK      0.94f /* each fitting step tries this fraction of the last size */
#define UK_PAINT_SLACK       0.5f  /* how far text may pass its box and still fit */
#define UK_PAINT_SEGMENT_PX  3.0f  /* shortest straight piece of a curve */
#define UK_PAINT_LONG_RADIUS 40.0f /* px: beyond, pieces grow while they stay within ... */
#define UK_PAINT_SAGITTA     0.1f  /* ... this far from the true curve, px */
#define UK_PAINT_TAU         6.28318530717958647692f
#define UK_PAINT_MARGIN      2 /* px around an op's box it may touch: feather and rounding */
#define UK_PAINT_DIRTY_MAX   8 /* separate regions repainted in one frame; more become one */

/* ---- state ------------------------------------------------------------------ */

typedef enum font_weight {
    WEIGHT_REGULAR,
    WEIGHT_BOLD,
    WEIGHT_COUNT
} font_weight;

typedef struct font_file {
    char *path;                                /* for messages */
    void *data;                                /* the file, mapped: read as glyphs need it */
    size_t len;                                /* bytes of data */
    TTF_Font *font;                            /* one face, set to each size as it is needed */
    int px;                                    /* the size it is set to now */
    unsigned char failed[UK_PAINT_MAX_PX + 1]; /* sizes that would not set, logged once */
} font_file;

/* What a cached texture was made from besides its words. All fields are 4 bytes wide, so
 * the struct has no padding and compares with memcmp. */
typedef struct text_key {
    float w, h; /* box size; the position does not change the pixels */
    float size, min_size;
    uint32_t flags;
    uk_color color;
} text_key;

typedef struct text_line {
    size_t start, len; /* bytes of the op's text */
    int x, w;          /* offset from the box's left edge, width, in px */
} text_line;

/* The outcome of fitting a text box. Offsets are whole px from the box's rounded origin. */
typedef struct text_layout {
    font_weight weight;
    int px;            /* size painted */
    int skip, height;  /* line advance and height of one line at px */
    size_t line_count; /* lines in painter->lines */
    int x, y, w, h;    /* the lines' bounding box */
    bool shrunk;       /* px is below the preferred size */
    bool clipped;      /* did not fit even at the minimum size */
} text_layout;

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

/* What a measurement depends on besides the words. 4-byte fields: no padding, memcmp works. */
typedef struct measure_key {
    int32_t px;
    uint32_t bold;
    float max_w;
    uint32_t len; /* strlen of the words: most mismatches stop here */
} measure_key;

typedef struct measure_entry {
    bool used;
    measure_key key;
    char *text;      /* owned copy of the words, reused on eviction */
    size_t text_cap; /* bytes allocated for text */
    uk_text_extent extent;
    uint64_t last_used; /* measure counter, for eviction */
} measure_entry;

struct uk_painter {
    SDL_Renderer *renderer; /* borrowed */
    font_file fonts[WEIGHT_COUNT];
    uint64_t frame; /* frames painted, for least-recently-used eviction */
    text_entry cache[UK_PAINT_CACHE];
    size_t cache_bytes; /* pixels in the cache's textures, 4 bytes each */
    measure_entry measures[UK_PAINT_MEASURES];
    uint64_t measure_count;              /* measurements asked for, for eviction */
    text_line lines[UK_PAINT_MAX_LINES]; /* the layout being fitted or drawn */
    char scratch[UK_SCENE_TEXT_BYTES];   /* a NUL-terminated piece of text for SDL_ttf */
    SDL_Vertex *vertices;                /* scratch mesh, grown on demand */
    size_t vertex_cap;
    int *indices;
    size_t index_cap;
    bool geometry_failed; /* logged once; a broken renderer would otherwise flood the log */
    bool software;        /* SDL's software renderer: see draw_mesh */
    uk_scene *last;       /* software renderer: the scene on screen, see draw_changes */
    bool last_valid;      /* ... and the pixels on screen are still that scene's */
    uint8_t fits[UK_SCENE_MAX_OPS]; /* FIT_* of each op of the scene on screen */
};

/* ---- fonts ------------------------------------------------------------------ */

static int clamp_px(float px)
{
    if (!(px >= 1)) /* also NaN */
        return 1;
    if (px > UK_PAINT_MAX_PX)
        return UK_PAINT_MAX_PX;
    return (int)px;
}

static int font_load(font_file *font, const char *path, char *error, size_t error_len)
{
    font->path = strdup(path);
    if (!font->path) {
        snprintf(error, error_len, "cannot open font %s: out of memory", path);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(error, error_len,
                 "cannot open font %s: %s (install fonts-dejavu-core, or pass --font-dir)", path,
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (st.st_size <= 0 || st.st_size > INT_MAX) {
        snprintf(error, error_len, "cannot open font %s: not a font file (%lld bytes)", path,
                 (long long)st.st_size);
        close(fd);
        return -1;
    }
    font->len = (size_t)st.st_size;
    font->data = mmap(NULL, font->len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd); /* the mapping stays */
    if (font->data == MAP_FAILED) {
        font->data = NULL;
        snprintf(error, error_len, "cannot open font %s: %s", path, strerror(errno));
        return -1;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(font->data, (int)font->len);
    font->font = rw ? TTF_OpenFontRW(rw, 1, UK_PAINT_FIRST_PX) : NULL; /* closes rw */
    if (!font->font) {
        snprintf(error, error_len,
                 "cannot open font %s: %s (install fonts-dejavu-core, or pass --font-dir)", path,
                 TTF_GetError());
        return -1;
    }
    font->px = UK_PAINT_FIRST_PX;
    return 0;
}

static void font_close(font_file *font)
{
    if (font->font)
        TTF_CloseFont(font->font);
    if (font->data)
        munmap(font->data, font->len);
    free(font->path);
}

/* The font set to `px`. NULL if it cannot be (logged once per size). */
static TTF_Font *font_at(uk_painter *painter, font_weight weight, int px)
{
    font_file *font = &painter->fonts[weight];
    if (font->px == px)
        return font->font;
    if (font->failed[px])
        return NULL;
    if (TTF_SetFontSize(font->font, px) != 0) {
        font->failed[px] = 1;
        font->px = 0; /* whatever it is now, set it again next time */
        fprintf(stderr, "unknot: font %s at %d px: %s\n", font->path, px, TTF_GetError());
        return NULL;
    }
    font->px = px;
    return font->font;
}

/* ---- fitting text --------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Width in px of `len` bytes of `text`. Copies into the scratch buffer: SDL_ttf wants NUL. */
static int measure(uk_painter *painter, TTF_Font *font, const char *text, size_t len)
{
    if (len == 0)
        return 0;
    if (len >= sizeof painter->scratch)
        len = sizeof painter->scratch - 1;
    memcpy(painter->scratch, text, len);
    painter->scratch[len] = '\0';
    int w = 0;
    if (TTF_SizeUTF8(font, painter->scratch, &w, NULL) != 0)
        return 0; /* the render of the same piece fails too, and is logged there */
    return w;
}

/*
 * Breaks `text` into painter->lines at word boundaries, each line at most
 * `max_w` wide, and honours '\n'. Splitting only at ASCII spaces and newlines
 * never cuts a UTF-8 sequence. A word wider than `max_w` gets a line of its
 * own. Returns true if every line fits the width and the block fits
 * `max_h`. With `complete` false it stops at the first sign that it does
 * not fit (the caller will try a smaller size); with `complete` true it lays
 * out everything (up to UK_PAINT_MAX_LINES lines).
 */
static bool wrap(uk_painter *painter, TTF_Font *font, const char *text, float max_w, float max_h,
                 bool complete, size_t *line_count)
{
    int skip = TTF_FontLineSkip(font), height = TTF_FontHeight(font);
    size_t n = 0;
    bool fits = true;
    const char *paragraph = text;
    for (;;) {
        const char *end = paragraph + strcspn(paragraph, "\n");
        const char *start = paragraph;
        while (start < end && is_space(*start))
            start++;
        do {
            /* One line: its first word whatever its width, then as many as fit. */
            const char *line_end = start;
            while (line_end < end && !is_space(*line_end))
                line_end++;
            int w = measure(painter, font, start, (size_t)(line_end - start));
            const char *next = line_end;
            while (next < end && is_space(*next))
                next++;
            while (next < end) {
                const char *word_end = next;
                while (word_end < end && !is_space(*word_end))
                    word_end++;
                int candidate = measure(painter, font, start, (size_t)(word_end - start));
                if ((float)candidate > max_w + UK_PAINT_SLACK)
                    break;
                line_end = word_end;
                w = candidate;
                next = word_end;
                while (next < end && is_space(*next))
                    next++;
            }
            if (n == UK_PAINT_MAX_LINES) {
                fits = false;
                goto done;
            }
            painter->lines[n++] = (text_line){
                .start = (size_t)(start - text), .len = (size_t)(line_end - start), .w = w};
            if ((float)w > max_w + UK_PAINT_SLACK ||
                (float)((int)(n - 1) * skip + height) > max_h + UK_PAINT_SLACK)
                fits = false;
            if (!fits && !complete)
                goto done;
            start = next;
        } while (start < end);
        if (*end == '\0')
            break;
        paragraph = end + 1;
    }
done:
    *line_count = n;
    return fits;
}

/*
 * Fits the text of `op` into its box: tries the preferred size, then
 * shrinks step by step to the minimum. Fills painter->lines and `layout`.
 * Returns -1 only if no font could be opened.
 */
static int fit_text(uk_painter *painter, const uk_op *op, const char *text, text_layout *layout)
{
    memset(layout, 0, sizeof *layout);
    layout->weight = op->text.flags & UK_TEXT_BOLD ? WEIGHT_BOLD : WEIGHT_REGULAR;
    int px_max = clamp_px(roundf(op->text.size));
    int px_min = clamp_px(ceilf(op->text.min_size - 0.01f));
    if (px_min > px_max)
        px_min = px_max;
    float box_w = op->text.box.w, box_h = op->text.box.h;

    int px = px_max;
    TTF_Font *font;
    bool fits;
    for (;;) {
        font = font_at(painter, layout->weight, px);
        if (!font)
            return -1;
        fits = wrap(painter, font, text, box_w, box_h, px == px_min, &layout->line_count);
        if (fits || px == px_min)
            break;
        int next = (int)roundf((float)px * UK_PAINT_SHRINK);
        if (next >= px)
            next = px - 1;
        px = next < px_min ? px_min : next;
    }
    layout->px = px;
    layout->skip = TTF_FontLineSkip(font);
    layout->height = TTF_FontHeight(font);
    layout->shrunk = px < px_max;
    layout->clipped = !fits;

    /* Alignment per line. A line wider than the box starts at its left edge, so the start of
     * the words shows when it is clipped. */
    int left = INT_MAX, right = INT_MIN;
    for (size_t i = 0; i < layout->line_count; i++) {
        text_line *line = &painter->lines[i];
        float room = box_w - (float)line->w;
        line->x = 0;
        if (room > 0 && op->text.flags & UK_TEXT_CENTER)
            line->x = (int)roundf(room / 2);
        else if (room > 0 && op->text.flags & UK_TEXT_RIGHT)
            line->x = (int)roundf(room);
        if (line->w > 0) {
            left = line->x < left ? line->x : left;
            right = line->x + line->w > right ? line->x + line->w : right;
        }
    }
    layout->h =
        layout->line_count ? (int)(layout->line_count - 1) * layout->skip + layout->height : 0;
    if (op->text.flags & UK_TEXT_MIDDLE && (float)layout->h < box_h)
        layout->y = (int)roundf((box_h - (float)layout->h) / 2);
    if (left < right) {
        layout->x = left;
        layout->w = right - left;
    }
    return 0;
}

/* ---- text textures ------------------------------------------------------------- */

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

static text_entry *cache_find(uk_painter *painter, const text_key *key, const char *text)
{
    for (size_t i = 0; i < UK_PAINT_CACHE; i++) {
        text_entry *entry = &painter->cache[i];
        if (entry->used && memcmp(&entry->key, key, sizeof *key) == 0 &&
            strcmp(entry->text, text) == 0)
            return entry;
    }
    return NULL;
}

/* Empties `entry`, destroying its texture. */
static void cache_drop(uk_painter *painter, text_entry *entry)
{
    if (entry->texture)
        SDL_DestroyTexture(entry->texture);
    painter->cache_bytes -= entry->bytes;
    entry->texture = NULL;
    entry->bytes = 0;
    entry->used = false;
}

/* An empty entry, or the least recently used one emptied. */
static text_entry *cache_evict(uk_painter *painter)
{
    text_entry *oldest = &painter->cache[0];
    for (size_t i = 0; i < UK_PAINT_CACHE; i++) {
        text_entry *entry = &painter->cache[i];
        if (!entry->used) {
            oldest = entry;
            break;
        }
        if (entry->last_used < oldest->last_used)
            oldest = entry;
    }
    cache_drop(painter, oldest);
    return oldest;
}

/*
 * Drops the least recently used textures until the cache holds at most
 * UK_PAINT_TEXT_BYTES, sparing those of the frame being painted and of
 * the one before (a screen with more text than that repaints every frame
 * without rasterising any again): a countdown that makes a new text every
 * second must not fill the memory with every second it has shown.
 */
static void cache_trim(uk_painter *painter)
{
    while (painter->cache_bytes > UK_PAINT_TEXT_BYTES) {
        text_entry *oldest = NULL;
        for (size_t i = 0; i < UK_PAINT_CACHE; i++) {
            text_entry *entry = &painter->cache[i];
            if (entry->used && entry->bytes && entry->last_used + 1 < painter->frame &&
                (!oldest || entry->last_used < oldest->last_used))
                oldest = entry;
        }
        if (!oldest)
            return; /* everything left is on screen now */
        cache_drop(painter, oldest);
    }
}

/*
 * Renders the fitted lines onto one surface, cut to the box, and makes it a
 * texture. Leaves entry->texture NULL when nothing is visible or on failure
 * (logged with the words, so the failing text can be found).
 */
static void rasterise(uk_painter *painter, text_entry *entry, const uk_op *op, const char *text,
                      const text_layout *layout)
{
    int x0 = layout->x > 0 ? layout->x : 0;
    int y0 = layout->y > 0 ? layout->y : 0;
    int box_w = (int)ceilf(op->text.box.w), box_h = (int)ceilf(op->text.box.h);
    int x1 = layout->x + layout->w < box_w ? layout->x + layout->w : box_w;
    int y1 = layout->y + layout->h < box_h ? layout->y + layout->h : box_h;
    if (x1 <= x0 || y1 <= y0)
        return;

    TTF_Font *font = font_at(painter, layout->weight, layout->px);
    if (!font)
        return;
    SDL_Surface *block =
        SDL_CreateRGBSurfaceWithFormat(0, x1 - x0, y1 - y0, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!block) {
        fprintf(stderr, "unknot: create surface for text '%s': %s\n", text, SDL_GetError());
        return;
    }
    /* Transparent in the text's colour, so any filtering of the edges cannot darken them. */
    uk_color c = op->color;
    SDL_FillRect(block, NULL, SDL_MapRGBA(block->format, c.r, c.g, c.b, 0));

    SDL_Color fg = {c.r, c.g, c.b, c.a};
    for (size_t i = 0; i < layout->line_count; i++) {
        const text_line *line = &painter->lines[i];
        if (line->w <= 0)
            continue;
        size_t len = line->len < sizeof painter->scratch ? line->len : sizeof painter->scratch - 1;
        memcpy(painter->scratch, text + line->start, len);
        painter->scratch[len] = '\0';
        SDL_Surface *rendered = TTF_RenderUTF8_Blended(font, painter->scratch, fg);
        if (!rendered) {
            fprintf(stderr, "unknot: render text '%s': %s\n", painter->scratch, TTF_GetError());
            goto err_free_block;
        }
        /* Copy, not blend: the block is transparent, and blending would darken the edges. */
        SDL_SetSurfaceBlendMode(rendered, SDL_BLENDMODE_NONE);
        SDL_Rect at = {line->x - x0, layout->y + (int)i * layout->skip - y0, 0, 0};
        int blitted = SDL_BlitSurface(rendered, NULL, block, &at);
        SDL_FreeSurface(rendered);
        if (blitted != 0) {
            fprintf(stderr, "unknot: compose text '%s': %s\n", text, SDL_GetError());
            goto err_free_block;
        }
    }
    entry->texture = SDL_CreateTextureFromSurface(painter->renderer, block);
    if (!entry->texture) {
        fprintf(stderr, "unknot: create texture for text '%s': %s\n", text, SDL_GetError());
        goto err_free_block;
    }
    SDL_SetTextureBlendMode(entry->texture, SDL_BLENDMODE_BLEND);
    entry->dst = (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
    entry->bytes = (size_t)(x1 - x0) * (size_t)(y1 - y0) * 4;
    painter->cache_bytes += entry->bytes;

err_free_block:
    SDL_FreeSurface(block);
}

/*
 * Fits and rasterises a text box into a cache entry. A failure still makes
 * an entry (with no texture), so a text that cannot be drawn is tried and
 * logged once, not every frame. Returns NULL only if the words cannot be
 * copied.
 */
static text_entry *cache_fill(uk_painter *painter, const text_key *key, const uk_op *op,
                              const char *text)
{
    text_entry *entry = cache_evict(painter);
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

    text_layout layout;
    if (fit_text(painter, op, text, &layout) != 0)
        return entry;
    entry->shrunk = layout.shrunk;
    entry->clipped = layout.clipped;
    rasterise(painter, entry, op, text, &layout);
    return entry;
}

/* How a text op was fitted, kept per op of the scene on screen for the stats. */
enum {
    FIT_TEXT = 1 << 0,    /* the op is text and was fitted */
    FIT_SHRUNK = 1 << 1,  /* below its preferred size */
    FIT_CLIPPED = 1 << 2, /* did not fit even at its minimum */
};

/* The cache entry for a text op, made now if needed. NULL only without memory. */
static text_entry *text_entry_for(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                                  uk_paint_stats *stats)
{
    const char *text = uk_scene_op_text(scene, op);
    text_key key = key_of(op);
    text_entry *entry = cache_find(painter, &key, text);
    if (entry) {
        entry->last_used = painter->frame;
        return entry;
    }
    stats->cache_misses++;
    entry = cache_fill(painter, &key, op, text);
    if (!entry)
        return NULL;
    entry->last_used = painter->frame;
    cache_trim(painter);
    return entry;
}

static uint8_t fit_of(const text_entry *entry)
{
    if (!entry)
        return FIT_TEXT;
    return (uint8_t)(FIT_TEXT | (entry->shrunk ? FIT_SHRUNK : 0) |
                     (entry->clipped ? FIT_CLIPPED : 0));
}

static uint8_t draw_text(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                         uk_paint_stats *stats)
{
    text_entry *entry = text_entry_for(painter, scene, op, stats);
    if (entry && entry->texture) {
        SDL_Rect dst = entry->dst;
        dst.x += (int)roundf(op->text.box.x);
        dst.y += (int)roundf(op->text.box.y);
        SDL_RenderCopy(painter->renderer, entry->texture, NULL, &dst);
    }
    return fit_of(entry);
}

/* ---- shapes ----------------------------------------------------------------- */

/* Makes room for a mesh. Grows by doubling, so a few frames settle the size for good. */
static bool reserve(uk_painter *painter, size_t vertex_count, size_t index_count)
{
    if (painter->software) /* room for draw_mesh's rewritten copy, up to twice as long */
        index_count *= 3;
    if (vertex_count > INT_MAX || index_count > INT_MAX)
        return false;
    if (vertex_count > painter->vertex_cap) {
        size_t cap = painter->vertex_cap ? painter->vertex_cap : 1024;
        while (cap < vertex_count)
            cap *= 2;
        SDL_Vertex *grown = realloc(painter->vertices, cap * sizeof *grown);
        if (!grown)
            return false;
        painter->vertices = grown;
        painter->vertex_cap = cap;
    }
    if (index_count > painter->index_cap) {
        size_t cap = painter->index_cap ? painter->index_cap : 4096;
        while (cap < index_count)
            cap *= 2;
        int *grown = realloc(painter->indices, cap * sizeof *grown);
        if (!grown)
            return false;
        painter->indices = grown;
        painter->index_cap = cap;
    }
    return true;
}

/* How many vertex indices two triangles have in common. */
static int shared(const int *a, const int *b)
{
    int n = 0;
    for (int i = 0; i < 3; i++)
        n += a[i] == b[0] || a[i] == b[1] || a[i] == b[2];
    return n;
}

/* Moves the triangles with three opaque vertices to the front. Returns their index count. */
static size_t opaque_first(const SDL_Vertex *v, int *idx, size_t index_count)
{
    size_t front = 0;
    for (size_t i = 0; i + 2 < index_count; i += 3) {
        if (v[idx[i]].color.a != 255 || v[idx[i + 1]].color.a != 255 ||
            v[idx[i + 2]].color.a != 255)
            continue;
        if (i != front)
            for (int j = 0; j < 3; j++) {
                int t = idx[front + (size_t)j];
                idx[front + (size_t)j] = idx[i + (size_t)j];
                idx[i + (size_t)j] = t;
            }
        front += 3;
    }
    return front;
}

/*
 * Copies triangles to `out` for SDL's software renderer: drops those with
 * no area, and splits each pair of consecutive triangles that share two
 * vertices with a triangle of zero area on a vertex neither uses. Returns
 * the new index count, at most twice the old.
 */
static size_t software_triangles(const SDL_Vertex *v, const int *idx, size_t index_count, int *out)
{
    size_t n = 0;
    for (size_t i = 0; i + 2 < index_count; i += 3) {
        const int *t = idx + i;
        SDL_FPoint a = v[t[0]].position, b = v[t[1]].position, c = v[t[2]].position;
        if ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) == 0)
            continue;
        if (n >= 3 && shared(out + n - 3, t) == 2) {
            int spare = 0; /* among vertices 0..6, one is in neither triangle */
            while (shared((int[3]){spare, spare, spare}, out + n - 3) ||
                   shared((int[3]){spare, spare, spare}, t))
                spare++;
            out[n++] = spare;
            out[n++] = spare;
            out[n++] = spare;
        }
        memcpy(out + n, t, 3 * sizeof *t);
        n += 3;
    }
    return n;
}

static void submit(uk_painter *painter, size_t vertex_count, const int *idx, size_t index_count,
                   SDL_BlendMode mode)
{
    if (index_count == 0)
        return;
    SDL_SetRenderDrawBlendMode(painter->renderer, mode);
    if (SDL_RenderGeometry(painter->renderer, NULL, painter->vertices, (int)vertex_count, idx,
                           (int)index_count) != 0 &&
        !painter->geometry_failed) {
        painter->geometry_failed = true;
        fprintf(stderr, "unknot: draw shapes: %s (further failures not logged)\n", SDL_GetError());
    }
}

/*
 * Draws the mesh in the scratch buffers: its opaque triangles without
 * blending, then its feathered (or translucent) ones blended. They tile the
 * shape without overlapping, so the order does not show; blending only
 * where needed spares SDL's software renderer a temporary surface per
 * triangle, which it makes for every blended one.
 *
 * SDL's software renderer (2.26) needs three more workarounds, all here so
 * the shapes can be built the same way for every renderer:
 * 1. It truncates every vertex to a whole pixel, which shifts shapes half a
 *    pixel up and left on average; rounding here first centres them.
 * 2. SDL_RenderGeometry on it looks at each pair of consecutive triangles
 *    sharing two vertices for an axis-aligned rectangle and fills that as a
 *    rectangle instead. Its test passes for some pairs that are not
 *    rectangles (a one-pixel hole in a ring), and its rectangle truncates x
 *    and width separately (a one-pixel seam in a rounded rectangle). So no
 *    two consecutive triangles may share two vertices (software_triangles).
 * 3. Triangles flattened by the rounding are dropped: they draw nothing.
 * GPU renderers keep floats and get the triangles as built.
 */
static void draw_mesh(uk_painter *painter, size_t vertex_count, size_t index_count)
{
    SDL_Vertex *v = painter->vertices;
    int *idx = painter->indices;
    if (painter->software)
        for (size_t i = 0; i < vertex_count; i++) {
            v[i].position.x = floorf(v[i].position.x + 0.5f);
            v[i].position.y = floorf(v[i].position.y + 0.5f);
        }
    size_t opaque = opaque_first(v, idx, index_count);
    const int *solid = idx, *soft = idx + opaque;
    size_t solid_count = opaque, soft_count = index_count - opaque;
    if (painter->software && vertex_count >= 7) {
        int *out = idx + index_count; /* reserve() made room for twice as many */
        solid_count = software_triangles(v, idx, opaque, out);
        solid = out;
        soft_count = software_triangles(v, idx + opaque, index_count - opaque, out + solid_count);
        soft = out + solid_count;
    }
    submit(painter, vertex_count, solid, solid_count, SDL_BLENDMODE_NONE);
    submit(painter, vertex_count, soft, soft_count, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawBlendMode(painter->renderer, SDL_BLENDMODE_BLEND);
}

static SDL_Vertex vertex(float x, float y, SDL_Color color)
{
    return (SDL_Vertex){.position = {x, y}, .color = color};
}

/*
 * Pieces for an arc of `radius` px turning `sweep` radians: pieces of
 * UK_PAINT_SEGMENT_PX. Past UK_PAINT_LONG_RADIUS (the rings, not the
 * figure, its dots or a button's corners) a piece may be longer, as long as
 * its chord stays within UK_PAINT_SAGITTA px of the true curve (a chord of
 * length s on radius r misses it by s^2 / 8r): a big ring then costs a
 * third of the triangles, and no eye can tell.
 */
static size_t segments(float radius, float sweep, size_t at_least)
{
    float piece = UK_PAINT_SEGMENT_PX;
    if (radius > UK_PAINT_LONG_RADIUS)
        piece = fmaxf(piece, sqrtf(8 * radius * UK_PAINT_SAGITTA));
    float n = ceilf(radius * sweep / piece);
    if (!(n >= (float)at_least))
        return at_least;
    return n > 8192 ? 8192 : (size_t)n;
}

/* One arc of a convex outline: centre, start angle and sweep in radians (screen axes). */
typedef struct arc {
    float cx, cy, start, sweep;
} arc;

/*
 * A convex shape whose outline is arcs of one radius joined by straight
 * edges: a rounded rectangle (four quarter arcs), a capsule (two half arcs)
 * or a circle (one closed arc). The solid part reaches radius - 0.5 and the
 * feather runs from there to radius + 0.5.
 *
 * The solid part is cut so that every triangle is about as big as its
 * bounding box (a fan per arc from the arc's centre, a quad between two
 * arcs, the polygon of the centres) rather than one fan from the middle:
 * SDL's software renderer visits each triangle's whole bounding box, and
 * long thin triangles made it several times slower. A GPU does not mind.
 */
static void fill_convex(uk_painter *painter, const arc *arcs, size_t arc_count, bool closed,
                        float radius, uk_color color)
{
    size_t points = 0;
    for (size_t i = 0; i < arc_count; i++) {
        size_t n = segments(radius, arcs[i].sweep, closed ? 8 : 1);
        points += closed ? n : n + 1;
    }
    /* Triangles: arc fans (< points + arc_count), joins (2 per arc), centre polygon
     * (< arc_count), feather (2 per point). */
    size_t vertex_count = arc_count + 2 * points;
    if (!reserve(painter, vertex_count, 3 * (3 * points + 4 * arc_count))) {
        fprintf(stderr, "unknot: draw shape of %zu points: out of memory\n", points);
        return;
    }
    SDL_Color solid = {color.r, color.g, color.b, color.a};
    SDL_Color clear = {color.r, color.g, color.b, 0};
    float inner = radius > 0.5f ? radius - 0.5f : 0, outer = radius + 0.5f;

    /* Vertices: the arcs' centres, then the outline as pairs (solid inside, clear outside). */
    SDL_Vertex *v = painter->vertices;
    int *idx = painter->indices;
    size_t k = 0, m = 0;
    for (size_t i = 0; i < arc_count; i++)
        v[k++] = vertex(arcs[i].cx, arcs[i].cy, solid);
    for (size_t i = 0; i < arc_count; i++) {
        size_t n = segments(radius, arcs[i].sweep, closed ? 8 : 1);
        size_t last = closed ? n - 1 : n;
        size_t first = k;
        for (size_t j = 0; j <= last; j++) {
            float a = arcs[i].start + arcs[i].sweep * (float)j / (float)n;
            float dx = cosf(a), dy = sinf(a);
            v[k++] = vertex(arcs[i].cx + inner * dx, arcs[i].cy + inner * dy, solid);
            v[k++] = vertex(arcs[i].cx + outer * dx, arcs[i].cy + outer * dy, clear);
        }
        /* The arc's fan; a closed arc also joins its last point to its first. */
        size_t fan = closed ? last + 1 : last;
        for (size_t j = 0; j < fan; j++) {
            int tri[3] = {(int)i, (int)(first + 2 * j), (int)(first + 2 * ((j + 1) % (last + 1)))};
            memcpy(idx + m, tri, sizeof tri);
            m += 3;
        }
        /* The straight stretch to the next arc: a quad from this centre to the next. */
        if (!closed) {
            size_t next = (i + 1) % arc_count;
            int here_end = (int)(first + 2 * last);
            int next_start = next == 0 ? (int)arc_count : (int)(first + 2 * (last + 1));
            int quad[6] = {(int)i, here_end, next_start, (int)i, next_start, (int)next};
            memcpy(idx + m, quad, sizeof quad);
            m += 6;
        }
    }
    for (size_t i = 1; i + 1 < arc_count; i++) { /* the polygon of the centres */
        int tri[3] = {0, (int)i, (int)(i + 1)};
        memcpy(idx + m, tri, sizeof tri);
        m += 3;
    }
    for (size_t i = 0; i < points; i++) {
        int in0 = (int)(arc_count + 2 * i), out0 = in0 + 1;
        int in1 = (int)(arc_count + 2 * ((i + 1) % points)), out1 = in1 + 1;
        int feather[6] = {in0, out0, out1, in0, out1, in1};
        memcpy(idx + m, feather, sizeof feather);
        m += 6;
    }
    draw_mesh(painter, k, m);
}

static void draw_rect(uk_painter *painter, const uk_op *op)
{
    uk_rect box = op->rect.box;
    if (!(box.w > 0 && box.h > 0))
        return;
    float r = op->rect.radius;
    r = fminf(r, box.w / 2);
    r = fminf(r, box.h / 2);
    if (!(r >= 1)) {
        uk_color c = op->color;
        SDL_SetRenderDrawColor(painter->renderer, c.r, c.g, c.b, c.a);
        SDL_RenderFillRectF(painter->renderer, &(SDL_FRect){box.x, box.y, box.w, box.h});
        return;
    }
    const float quarter = UK_PAINT_TAU / 4;
    arc corners[4] = {
        {box.x + r, box.y + r, 2 * quarter, quarter},         /* top left */
        {box.x + box.w - r, box.y + r, 3 * quarter, quarter}, /* top right */
        {box.x + box.w - r, box.y + box.h - r, 0, quarter},   /* bottom right */
        {box.x + r, box.y + box.h - r, quarter, quarter},     /* bottom left */
    };
    fill_convex(painter, corners, 4, false, r, op->color);
}

static void draw_capsule(uk_painter *painter, const uk_op *op)
{
    float x0 = op->capsule.x0, y0 = op->capsule.y0, x1 = op->capsule.x1, y1 = op->capsule.y1;
    float r = op->capsule.radius;
    if (!(r > 0))
        return;
    float dx = x1 - x0, dy = y1 - y0;
    if (dx * dx + dy * dy < 1e-4f) {
        arc dot = {x0, y0, 0, UK_PAINT_TAU};
        fill_convex(painter, &dot, 1, true, r, op->color);
        return;
    }
    float a = atan2f(dy, dx), half = UK_PAINT_TAU / 2;
    arc ends[2] = {
        {x1, y1, a - half / 2, half}, /* round the far end, from one side to the other */
        {x0, y0, a + half / 2, half}, /* and back round the near end */
    };
    fill_convex(painter, ends, 2, false, r, op->color);
}

/*
 * A ring arc as bands between four radii: feather, solid, solid, feather.
 * An open arc gets one more step at each end, half a pixel beyond it at
 * alpha 0, so its square ends are feathered too.
 */
static void draw_ring(uk_painter *painter, const uk_op *op)
{
    float cx = op->ring.cx, cy = op->ring.cy, radius = op->ring.radius;
    float thickness = op->ring.thickness;
    float turns = op->ring.to - op->ring.from;
    if (!(turns > 0 && radius > 0 && thickness > 0))
        return;
    /* Closed when the gap would be under a quarter pixel: 1.3f - 0.3f is not 1 in floats. */
    bool closed = (1 - turns) * UK_PAINT_TAU * (radius + thickness / 2) < 0.25f;
    float a0 = op->ring.from * UK_PAINT_TAU;
    float a1 = closed ? a0 + UK_PAINT_TAU : op->ring.to * UK_PAINT_TAU;

    float alpha = 1;
    float r_in = radius - thickness / 2, r_out = radius + thickness / 2;
    float solid_in = r_in + 0.5f, solid_out = r_out - 0.5f;
    if (solid_in > solid_out) { /* thinner than a pixel: a fainter line */
        solid_in = solid_out = radius;
        alpha = thickness;
    }
    solid_in = fmaxf(solid_in, 0);
    float edge_in = fmaxf(r_in - 0.5f, 0), edge_out = r_out + 0.5f;
    float e = 0.5f / radius; /* half a pixel along the centre line, in radians */
    if (!closed) {
        if (a1 - a0 < 2 * e) { /* shorter than a pixel: a fainter sliver */
            alpha *= (a1 - a0) / (2 * e);
            a0 = a1 = (a0 + a1) / 2;
        } else {
            a0 += e;
            a1 -= e;
        }
    }

    size_t n = segments(r_out, a1 - a0, closed ? 8 : 1);
    size_t steps = closed ? n : n + 3;
    if (!reserve(painter, 4 * steps, 18 * steps)) {
        fprintf(stderr, "unknot: draw ring of %zu steps: out of memory\n", steps);
        return;
    }
    SDL_Color solid = {op->color.r, op->color.g, op->color.b,
                       (Uint8)roundf((float)op->color.a * alpha)};
    SDL_Color clear = {op->color.r, op->color.g, op->color.b, 0};
    float radii[4] = {edge_in, solid_in, solid_out, edge_out};

    SDL_Vertex *v = painter->vertices;
    size_t k = 0;
    for (size_t s = 0; s < steps; s++) {
        float a;
        bool end = false;
        if (closed) {
            a = a0 + (a1 - a0) * (float)s / (float)n;
        } else if (s == 0 || s == steps - 1) {
            a = s == 0 ? a0 - 2 * e : a1 + 2 * e;
            end = true;
        } else {
            a = a0 + (a1 - a0) * (float)(s - 1) / (float)n;
        }
        /* Clockwise from 12 o'clock, with y pointing down. */
        float dx = sinf(a), dy = -cosf(a);
        for (int j = 0; j < 4; j++) {
            SDL_Color c = end || j == 0 || j == 3 ? clear : solid;
            v[k++] = vertex(cx + radii[j] * dx, cy + radii[j] * dy, c);
        }
    }
    int *idx = painter->indices;
    size_t m = 0;
    size_t gaps = closed ? steps : steps - 1;
    for (size_t s = 0; s < gaps; s++) {
        int here = (int)(4 * s), there = (int)(4 * ((s + 1) % steps));
        for (int j = 0; j < 3; j++) {
            int quad[6] = {here + j, here + j + 1,  there + j + 1,
                           here + j, there + j + 1, there + j};
            memcpy(idx + m, quad, sizeof quad);
            m += 6;
        }
    }
    draw_mesh(painter, k, m);
}

/* ---- redrawing only what changed (software renderer) ----------------------------- */

/*
 * SDL's software renderer draws into a surface that keeps its pixels from
 * one frame to the next, so a frame need only repaint where it differs
 * from the one on screen. The ops of the new scene are compared, index by
 * index, with a copy of the last scene; every op that differs marks its old
 * and new bounds (with UK_PAINT_MARGIN px for feathers and rounding) dirty.
 * Each dirty region is then cleared and every op that touches it painted
 * again, in order, clipped to it: the pixels there come out exactly as a
 * full repaint would make them, and outside nothing changed (an op that
 * differs touches no pixel outside its bounds, in either frame).
 *
 * The painter cannot see what others draw on the same target, so whoever
 * does (a shade over the whole frame, a lost device) calls
 * uk_painter_invalidate and the next frame is painted whole. GPU renderers
 * always paint whole frames: after a present their back buffer holds
 * nothing to build on.
 */

typedef struct region {
    int x0, y0, x1, y1; /* [x0, x1) x [y0, y1), px */
} region;

static uint8_t draw_op(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                       uk_paint_stats *stats);

static int clamp_px_coord(float v, int lo, int hi)
{
    if (!(v >= (float)lo)) /* also NaN */
        return lo;
    if (v > (float)hi)
        return hi;
    return (int)v;
}

/* Where `op` may touch pixels, clamped to the scene. Empty when it is off the frame. */
static region bounds_of(const uk_scene *scene, const uk_op *op)
{
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    switch (op->kind) {
    case UK_OP_RECT:
    case UK_OP_TEXT: {
        uk_rect box = op->kind == UK_OP_RECT ? op->rect.box : op->text.box;
        x0 = box.x;
        y0 = box.y;
        x1 = box.x + box.w;
        y1 = box.y + box.h;
        break;
    }
    case UK_OP_RING: {
        float r = op->ring.radius + op->ring.thickness / 2;
        x0 = op->ring.cx - r;
        y0 = op->ring.cy - r;
        x1 = op->ring.cx + r;
        y1 = op->ring.cy + r;
        break;
    }
    case UK_OP_CAPSULE: {
        float r = op->capsule.radius;
        x0 = fminf(op->capsule.x0, op->capsule.x1) - r;
        y0 = fminf(op->capsule.y0, op->capsule.y1) - r;
        x1 = fmaxf(op->capsule.x0, op->capsule.x1) + r;
        y1 = fmaxf(op->capsule.y0, op->capsule.y1) + r;
        break;
    }
    }
    region out = {
        clamp_px_coord(floorf(x0) - UK_PAINT_MARGIN, 0, scene->w),
        clamp_px_coord(floorf(y0) - UK_PAINT_MARGIN, 0, scene->h),
        clamp_px_coord(ceilf(x1) + UK_PAINT_MARGIN, 0, scene->w),
        clamp_px_coord(ceilf(y1) + UK_PAINT_MARGIN, 0, scene->h),
    };
    return out;
}

static bool region_empty(region r)
{
    return r.x0 >= r.x1 || r.y0 >= r.y1;
}

static bool regions_meet(region a, region b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

static region region_union(region a, region b)
{
    return (region){a.x0 < b.x0 ? a.x0 : b.x0, a.y0 < b.y0 ? a.y0 : b.y0, a.x1 > b.x1 ? a.x1 : b.x1,
                    a.y1 > b.y1 ? a.y1 : b.y1};
}

/* Adds `r` to the dirty list, merged with every region it meets; past the list's room, one. */
static void add_dirty(region *dirty, size_t *count, region r)
{
    if (region_empty(r))
        return;
    for (size_t i = 0; i < *count;) {
        if (regions_meet(dirty[i], r)) {
            r = region_union(r, dirty[i]);
            dirty[i] = dirty[--*count];
            i = 0; /* the union may meet one already passed */
        } else {
            i++;
        }
    }
    if (*count == UK_PAINT_DIRTY_MAX) {
        for (size_t i = 1; i < *count; i++)
            dirty[0] = region_union(dirty[0], dirty[i]);
        *count = 1;
        dirty[0] = region_union(dirty[0], r);
        return;
    }
    dirty[(*count)++] = r;
}

/* True if `a` in `as` and `b` in `bs` paint the same pixels. */
static bool same_op(const uk_scene *as, const uk_op *a, const uk_scene *bs, const uk_op *b)
{
    if (a->kind != UK_OP_TEXT || b->kind != UK_OP_TEXT)
        return memcmp(a, b, sizeof *a) == 0; /* scene.c zeroes each op before filling it */
    uk_op x = *a, y = *b;
    x.text.offset = y.text.offset = 0;
    return memcmp(&x, &y, sizeof x) == 0 &&
           strcmp(uk_scene_op_text(as, a), uk_scene_op_text(bs, b)) == 0;
}

/*
 * Paints only what changed since the frame on screen, if the painter can:
 * the software renderer, a frame on screen painted by this painter, the
 * same size and background. Returns false when the caller must paint the
 * whole scene.
 */
static bool draw_changes(uk_painter *painter, const uk_scene *scene, uk_paint_stats *stats)
{
    const uk_scene *last = painter->last;
    if (!last || !painter->last_valid || last->w != scene->w || last->h != scene->h ||
        memcmp(&last->clear, &scene->clear, sizeof scene->clear) != 0)
        return false;
    region dirty[UK_PAINT_DIRTY_MAX];
    size_t dirty_count = 0;
    size_t n = last->op_count > scene->op_count ? last->op_count : scene->op_count;
    for (size_t i = 0; i < n; i++) {
        bool was = i < last->op_count, is = i < scene->op_count;
        if (was && is && same_op(last, &last->ops[i], scene, &scene->ops[i]))
            continue;
        if (was)
            add_dirty(dirty, &dirty_count, bounds_of(last, &last->ops[i]));
        if (is) {
            add_dirty(dirty, &dirty_count, bounds_of(scene, &scene->ops[i]));
            /* A text that changed is fitted even if it lands off the frame: the stats. */
            if (scene->ops[i].kind == UK_OP_TEXT)
                painter->fits[i] = fit_of(text_entry_for(painter, scene, &scene->ops[i], stats));
            else
                painter->fits[i] = 0;
        }
    }

    SDL_Renderer *renderer = painter->renderer;
    uk_color clear = scene->clear;
    for (size_t d = 0; d < dirty_count; d++) {
        region r = dirty[d];
        SDL_Rect clip = {r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0};
        SDL_RenderSetClipRect(renderer, &clip);
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE); /* as SDL_RenderClear */
        SDL_SetRenderDrawColor(renderer, clear.r, clear.g, clear.b, clear.a);
        SDL_RenderFillRect(renderer, &clip);
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
        for (size_t i = 0; i < scene->op_count; i++)
            if (regions_meet(bounds_of(scene, &scene->ops[i]), r))
                painter->fits[i] = draw_op(painter, scene, &scene->ops[i], stats);
    }
    SDL_RenderSetClipRect(renderer, NULL);
    return true;
}

/* Keeps a copy of the scene now on screen (software renderer only), for the next frame. */
static void remember(uk_painter *painter, const uk_scene *scene)
{
    uk_scene *last = painter->last;
    if (!last)
        return;
    last->w = scene->w;
    last->h = scene->h;
    last->clear = scene->clear;
    last->op_count = scene->op_count;
    last->text_len = scene->text_len;
    last->hit_count = 0;
    memcpy(last->ops, scene->ops, scene->op_count * sizeof *scene->ops);
    memcpy(last->text, scene->text, scene->text_len);
    painter->last_valid = !scene->overflow;
}

/* ---- measuring for layout -------------------------------------------------------- */

static measure_entry *measure_slot(uk_painter *painter, const measure_key *key, const char *text,
                                   bool *found)
{
    measure_entry *oldest = &painter->measures[0];
    for (size_t i = 0; i < UK_PAINT_MEASURES; i++) {
        measure_entry *entry = &painter->measures[i];
        if (entry->used && memcmp(&entry->key, key, sizeof *key) == 0 &&
            memcmp(entry->text, text, key->len) == 0) {
            *found = true;
            return entry;
        }
        if (!entry->used || (oldest->used && entry->last_used < oldest->last_used))
            oldest = entry;
    }
    *found = false;
    return oldest;
}

uk_text_extent uk_painter_measure(void *ctx, const char *text, float size, uint32_t flags,
                                  float max_w)
{
    uk_painter *painter = ctx;
    uk_text_extent extent = {0, 0};
    size_t len = strlen(text);
    if (len >= UINT32_MAX)
        return extent;
    measure_key key;
    memset(&key, 0, sizeof key);
    key.px = clamp_px(roundf(size));
    key.bold = flags & UK_TEXT_BOLD ? 1 : 0;
    key.max_w = max_w > 0 ? max_w : FLT_MAX;
    key.len = (uint32_t)len;

    bool found;
    measure_entry *entry = measure_slot(painter, &key, text, &found);
    entry->last_used = ++painter->measure_count;
    if (found)
        return entry->extent;

    TTF_Font *font = font_at(painter, key.bold ? WEIGHT_BOLD : WEIGHT_REGULAR, key.px);
    if (!font)
        return extent;
    size_t line_count;
    wrap(painter, font, text, key.max_w, FLT_MAX, true, &line_count);
    for (size_t i = 0; i < line_count; i++)
        extent.w = fmaxf(extent.w, (float)painter->lines[i].w);
    if (line_count)
        extent.h = (float)((int)(line_count - 1) * TTF_FontLineSkip(font) + TTF_FontHeight(font));

    /* Keep it, if the words can be copied; a measurement not kept is only measured again. */
    if (len + 1 > entry->text_cap) {
        char *grown = realloc(entry->text, len + 1);
        if (!grown)
            return extent;
        entry->text = grown;
        entry->text_cap = len + 1;
    }
    memcpy(entry->text, text, len + 1);
    entry->key = key;
    entry->extent = extent;
    entry->used = true;
    return extent;
}

/* ---- public ----------------------------------------------------------------- */

uk_painter *uk_painter_new(SDL_Renderer *renderer, const char *regular_path, const char *bold_path,
                           char *error, size_t error_len)
{
    uk_painter *painter = calloc(1, sizeof *painter);
    if (!painter) {
        snprintf(error, error_len, "cannot create the painter: out of memory");
        return NULL;
    }
    painter->renderer = renderer;
    SDL_RendererInfo info;
    painter->software =
        SDL_GetRendererInfo(renderer, &info) == 0 && info.flags & SDL_RENDERER_SOFTWARE;
    if (painter->software) {
        painter->last = malloc(sizeof *painter->last);
        if (!painter->last) {
            snprintf(error, error_len, "cannot create the painter: out of memory");
            goto err_free_painter;
        }
    }
    if (font_load(&painter->fonts[WEIGHT_REGULAR], regular_path, error, error_len) != 0)
        goto err_free_painter;
    if (font_load(&painter->fonts[WEIGHT_BOLD], bold_path, error, error_len) != 0)
        goto err_free_painter;
    return painter;

err_free_painter:
    uk_painter_free(painter);
    return NULL;
}

void uk_painter_forget_textures(uk_painter *painter)
{
    if (!painter)
        return;
    painter->last_valid = false; /* the frame went with the device */
    for (size_t i = 0; i < UK_PAINT_CACHE; i++)
        cache_drop(painter, &painter->cache[i]);
}

void uk_painter_free(uk_painter *painter)
{
    if (!painter)
        return;
    uk_painter_forget_textures(painter);
    for (size_t i = 0; i < UK_PAINT_CACHE; i++)
        free(painter->cache[i].text);
    for (size_t i = 0; i < UK_PAINT_MEASURES; i++)
        free(painter->measures[i].text);
    for (int w = 0; w < WEIGHT_COUNT; w++)
        font_close(&painter->fonts[w]);
    free(painter->vertices);
    free(painter->indices);
    free(painter->last);
    free(painter);
}

/* Paints one operation. Returns its FIT_* bits: 0 for a shape. */
static uint8_t draw_op(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                       uk_paint_stats *stats)
{
    switch (op->kind) {
    case UK_OP_RECT:
        draw_rect(painter, op);
        break;
    case UK_OP_RING:
        draw_ring(painter, op);
        break;
    case UK_OP_CAPSULE:
        draw_capsule(painter, op);
        break;
    case UK_OP_TEXT:
        return draw_text(painter, scene, op, stats);
    }
    return 0;
}

/* Counts one op's text, as draw_op fitted it, in `stats`. */
static void count_text(uint8_t fit, uk_paint_stats *stats)
{
    stats->texts += (fit & FIT_TEXT) != 0;
    stats->texts_shrunk += (fit & FIT_SHRUNK) != 0;
    stats->texts_clipped += (fit & FIT_CLIPPED) != 0;
}

/* The whole scene's texts, from the fits kept per op. */
static void count_texts(const uk_painter *painter, const uk_scene *scene, uk_paint_stats *stats)
{
    for (size_t i = 0; i < scene->op_count; i++)
        count_text(painter->fits[i], stats);
}

void uk_painter_draw(uk_painter *painter, const uk_scene *scene, uk_paint_stats *stats)
{
    uk_paint_stats ignored;
    if (!stats)
        stats = &ignored;
    memset(stats, 0, sizeof *stats);
    painter->frame++;
    if (!draw_changes(painter, scene, stats)) {
        uk_color clear = scene->clear;
        SDL_SetRenderDrawColor(painter->renderer, clear.r, clear.g, clear.b, clear.a);
        SDL_RenderClear(painter->renderer);
        SDL_SetRenderDrawBlendMode(painter->renderer, SDL_BLENDMODE_BLEND);
        for (size_t i = 0; i < scene->op_count; i++)
            painter->fits[i] = draw_op(painter, scene, &scene->ops[i], stats);
    }
    count_texts(painter, scene, stats);
    stats->texture_bytes = painter->cache_bytes;
    remember(painter, scene);
}

void uk_painter_draw_over(uk_painter *painter, const uk_scene *scene, uk_paint_stats *stats)
{
    uk_paint_stats ignored;
    if (!stats)
        stats = &ignored;
    memset(stats, 0, sizeof *stats);

    /* Geometry without a texture, and filled rectangles, blend by the draw blend mode. */
    SDL_SetRenderDrawBlendMode(painter->renderer, SDL_BLENDMODE_BLEND);
    for (size_t i = 0; i < scene->op_count; i++) /* not into fits[]: those are the frame's */
        count_text(draw_op(painter, scene, &scene->ops[i], stats), stats);
}

void uk_painter_invalidate(uk_painter *painter)
{
    if (painter)
        painter->last_valid = false;
}

int uk_painter_text_bounds(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                           SDL_FRect *bounds, float *size)
{
    if (!op || op->kind != UK_OP_TEXT)
        return -1;
    text_layout layout;
    if (fit_text(painter, op, uk_scene_op_text(scene, op), &layout) != 0)
        return -1;
    if (bounds)
        *bounds =
            (SDL_FRect){roundf(op->text.box.x) + (float)layout.x,
                        roundf(op->text.box.y) + (float)layout.y, (float)layout.w, (float)layout.h};
    if (size)
        *size = (float)layout.px;
    return 0;
}
