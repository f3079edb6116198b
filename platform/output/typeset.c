/*
 * typeset.c: the painter's fonts, and text fitted into boxes with them.
 *
 * Fitting. A text box is fitted here, because only the fonts know their
 * metrics: the words are wrapped greedily to the box's width (the whole
 * candidate line is measured, so kerning is counted exactly as it will be
 * drawn), and if the block is too tall or one word too wide, the size
 * shrinks by UK_TYPESET_SHRINK per step down to the minimum. What still
 * does not fit is laid out at the minimum and said to be clipped. A fitted
 * box is rendered as one surface: its lines drawn with
 * TTF_RenderUTF8_Blended and composed, cut to the box.
 *
 * Fonts. Each font file is mapped into memory and opened once, as one face
 * that is set to whatever whole pixel size is asked for: a face per size (a
 * layout tries dozens) would cost ~100 KB each in FreeType's and HarfBuzz's
 * tables, while changing the size costs microseconds and happens only when
 * a text is fitted or measured for the first time.
 *
 * Measurements for layout are kept in a table of UK_TYPESET_MEASURES,
 * keyed by the words, size, weight and width, evicted least recently used
 * and searched linearly with memcmp: cheaper than any hashing at this size.
 * An entry's copy of its words is reused on eviction.
 *
 * This file must not decide layout (that is the core's job) beyond fitting
 * text into the boxes it is given, and draws on no renderer: textures are
 * platform/output/labels.c's.
 */
#include "platform/output/typeset.h"

#include <SDL_ttf.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/system/error.h"

#define UK_TYPESET_MAX_PX    1024  /* largest font size used; larger requests are clamped */
#define UK_TYPESET_FIRST_PX  16    /* size opened at start-up, to prove each file is a font */
#define UK_TYPESET_MEASURES  256   /* measurements kept for layout */
#define UK_TYPESET_MAX_LINES 128   /* lines in one text box; more never fits */
#define UK_TYPESET_SHRINK    0.94f /* each fitting step tries this fraction of the last size */
#define UK_TYPESET_SLACK     0.5f  /* how far text may pass its box and still fit */

/* ---- state ------------------------------------------------------------------ */

typedef enum font_weight {
    WEIGHT_REGULAR,
    WEIGHT_BOLD,
    WEIGHT_COUNT
} font_weight;

typedef struct font_file {
    char *path;                                  /* for messages */
    void *data;                                  /* the file, mapped: read as glyphs need it */
    size_t len;                                  /* bytes of data */
    TTF_Font *font;                              /* one face, set to each size as it is needed */
    int px;                                      /* the size it is set to now */
    unsigned char failed[UK_TYPESET_MAX_PX + 1]; /* sizes that would not set, logged once */
} font_file;

typedef struct text_line {
    size_t start, len; /* bytes of the op's text */
    int x, w;          /* offset from the box's left edge, width, in px */
} text_line;

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

struct uk_typeset {
    font_file fonts[WEIGHT_COUNT];
    measure_entry measures[UK_TYPESET_MEASURES];
    uint64_t measure_count;                /* measurements asked for, for eviction */
    text_line lines[UK_TYPESET_MAX_LINES]; /* the layout being fitted or drawn */
    char scratch[UK_SCENE_TEXT_BYTES];     /* a NUL-terminated piece of text for SDL_ttf */
};

/* ---- fonts ------------------------------------------------------------------ */

static int clamp_px(float px)
{
    if (!(px >= 1)) /* also NaN */
        return 1;
    if (px > UK_TYPESET_MAX_PX)
        return UK_TYPESET_MAX_PX;
    return (int)px;
}

static int font_load(font_file *font, const char *path, char *error, size_t error_len)
{
    font->path = strdup(path);
    if (!font->path)
        return uk_error_set(error, error_len, ENOMEM, "cannot open font %s: out of memory", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return uk_error_set(
            error, error_len, err,
            "cannot open font %s: %s (install fonts-dejavu-core, or pass --font-dir)", path,
            strerror(err));
    }
    if (st.st_size <= 0 || st.st_size > INT_MAX) {
        close(fd);
        return uk_error_set(error, error_len, EINVAL,
                            "cannot open font %s: not a font file (%lld bytes)", path,
                            (long long)st.st_size);
    }
    font->len = (size_t)st.st_size;
    font->data = mmap(NULL, font->len, PROT_READ, MAP_PRIVATE, fd, 0);
    int err = errno;
    close(fd); /* the mapping stays */
    if (font->data == MAP_FAILED) {
        font->data = NULL;
        return uk_error_set(error, error_len, err, "cannot open font %s: %s", path, strerror(err));
    }
    SDL_RWops *rw = SDL_RWFromConstMem(font->data, (int)font->len);
    font->font = rw ? TTF_OpenFontRW(rw, 1, UK_TYPESET_FIRST_PX) : NULL; /* closes rw */
    if (!font->font)
        return uk_error_set(
            error, error_len, EINVAL,
            "cannot open font %s: %s (install fonts-dejavu-core, or pass --font-dir)", path,
            TTF_GetError());
    font->px = UK_TYPESET_FIRST_PX;
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
static TTF_Font *font_at(uk_typeset *typeset, font_weight weight, int px)
{
    font_file *font = &typeset->fonts[weight];
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
static int measure(uk_typeset *typeset, TTF_Font *font, const char *text, size_t len)
{
    if (len == 0)
        return 0;
    if (len >= sizeof typeset->scratch)
        len = sizeof typeset->scratch - 1;
    memcpy(typeset->scratch, text, len);
    typeset->scratch[len] = '\0';
    int w = 0;
    if (TTF_SizeUTF8(font, typeset->scratch, &w, NULL) != 0)
        return 0; /* the render of the same piece fails too, and is logged there */
    return w;
}

/*
 * Breaks `text` into typeset->lines at word boundaries, each line at most
 * `max_w` wide, and honours '\n'. Splitting only at ASCII spaces and newlines
 * never cuts a UTF-8 sequence. A word wider than `max_w` gets a line of its
 * own. Returns true if every line fits the width and the block fits
 * `max_h`. With `complete` false it stops at the first sign that it does
 * not fit (the caller will try a smaller size); with `complete` true it lays
 * out everything (up to UK_TYPESET_MAX_LINES lines).
 */
static bool wrap(uk_typeset *typeset, TTF_Font *font, const char *text, float max_w, float max_h,
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
            int w = measure(typeset, font, start, (size_t)(line_end - start));
            const char *next = line_end;
            while (next < end && is_space(*next))
                next++;
            while (next < end) {
                const char *word_end = next;
                while (word_end < end && !is_space(*word_end))
                    word_end++;
                int candidate = measure(typeset, font, start, (size_t)(word_end - start));
                if ((float)candidate > max_w + UK_TYPESET_SLACK)
                    break;
                line_end = word_end;
                w = candidate;
                next = word_end;
                while (next < end && is_space(*next))
                    next++;
            }
            if (n == UK_TYPESET_MAX_LINES) {
                fits = false;
                goto done;
            }
            typeset->lines[n++] = (text_line){
                .start = (size_t)(start - text), .len = (size_t)(line_end - start), .w = w};
            if ((float)w > max_w + UK_TYPESET_SLACK ||
                (float)((int)(n - 1) * skip + height) > max_h + UK_TYPESET_SLACK)
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

/* The preferred size, then smaller step by step down to the minimum. */
int uk_typeset_fit(uk_typeset *typeset, const uk_op *op, const char *text,
                   uk_typeset_layout *layout)
{
    memset(layout, 0, sizeof *layout);
    layout->bold = (op->text.flags & UK_TEXT_BOLD) != 0;
    font_weight weight = layout->bold ? WEIGHT_BOLD : WEIGHT_REGULAR;
    int px_max = clamp_px(roundf(op->text.size));
    int px_min = clamp_px(ceilf(op->text.min_size - 0.01f));
    if (px_min > px_max)
        px_min = px_max;
    float box_w = op->text.box.w, box_h = op->text.box.h;

    int px = px_max;
    TTF_Font *font;
    bool fits;
    for (;;) {
        font = font_at(typeset, weight, px);
        if (!font)
            return -1;
        fits = wrap(typeset, font, text, box_w, box_h, px == px_min, &layout->line_count);
        if (fits || px == px_min)
            break;
        int next = (int)roundf((float)px * UK_TYPESET_SHRINK);
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
        text_line *line = &typeset->lines[i];
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

/* ---- rendering a fitted box ----------------------------------------------------- */

SDL_Surface *uk_typeset_render(uk_typeset *typeset, const uk_op *op, const char *text,
                               const uk_typeset_layout *layout, SDL_Rect *area)
{
    int x0 = layout->x > 0 ? layout->x : 0;
    int y0 = layout->y > 0 ? layout->y : 0;
    int box_w = (int)ceilf(op->text.box.w), box_h = (int)ceilf(op->text.box.h);
    int x1 = layout->x + layout->w < box_w ? layout->x + layout->w : box_w;
    int y1 = layout->y + layout->h < box_h ? layout->y + layout->h : box_h;
    if (x1 <= x0 || y1 <= y0)
        return NULL;

    TTF_Font *font = font_at(typeset, layout->bold ? WEIGHT_BOLD : WEIGHT_REGULAR, layout->px);
    if (!font)
        return NULL;
    SDL_Surface *block =
        SDL_CreateRGBSurfaceWithFormat(0, x1 - x0, y1 - y0, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!block) {
        fprintf(stderr, "unknot: create surface for text '%s': %s\n", text, SDL_GetError());
        return NULL;
    }
    /* Transparent in the text's colour, so any filtering of the edges cannot darken them. */
    uk_color c = op->color;
    SDL_FillRect(block, NULL, SDL_MapRGBA(block->format, c.r, c.g, c.b, 0));

    SDL_Color fg = {c.r, c.g, c.b, c.a};
    for (size_t i = 0; i < layout->line_count; i++) {
        const text_line *line = &typeset->lines[i];
        if (line->w <= 0)
            continue;
        size_t len = line->len < sizeof typeset->scratch ? line->len : sizeof typeset->scratch - 1;
        memcpy(typeset->scratch, text + line->start, len);
        typeset->scratch[len] = '\0';
        SDL_Surface *rendered = TTF_RenderUTF8_Blended(font, typeset->scratch, fg);
        if (!rendered) {
            fprintf(stderr, "unknot: render text '%s': %s\n", typeset->scratch, TTF_GetError());
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
    *area = (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
    return block;

err_free_block:
    SDL_FreeSurface(block);
    return NULL;
}

/* ---- measuring for layout -------------------------------------------------------- */

static measure_entry *measure_slot(uk_typeset *typeset, const measure_key *key, const char *text,
                                   bool *found)
{
    measure_entry *oldest = &typeset->measures[0];
    for (size_t i = 0; i < UK_TYPESET_MEASURES; i++) {
        measure_entry *entry = &typeset->measures[i];
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

uk_text_extent uk_typeset_measure(uk_typeset *typeset, const char *text, float size, uint32_t flags,
                                  float max_w)
{
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
    measure_entry *entry = measure_slot(typeset, &key, text, &found);
    entry->last_used = ++typeset->measure_count;
    if (found)
        return entry->extent;

    TTF_Font *font = font_at(typeset, key.bold ? WEIGHT_BOLD : WEIGHT_REGULAR, key.px);
    if (!font)
        return extent;
    size_t line_count;
    wrap(typeset, font, text, key.max_w, FLT_MAX, true, &line_count);
    for (size_t i = 0; i < line_count; i++)
        extent.w = fmaxf(extent.w, (float)typeset->lines[i].w);
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

/* ---- the typesetter ---------------------------------------------------------------- */

/* Frees a typesetter that failed to open, keeping errno for the caller. */
static void keep_errno_free(uk_typeset *typeset)
{
    int err = errno;
    uk_typeset_free(typeset);
    errno = err;
}

uk_typeset *uk_typeset_new(const char *regular_path, const char *bold_path, char *error,
                           size_t error_len)
{
    uk_typeset *typeset = calloc(1, sizeof *typeset);
    if (!typeset) {
        uk_error_set(error, error_len, ENOMEM, "cannot open fonts %s and %s: out of memory",
                     regular_path, bold_path);
        return NULL;
    }
    if (font_load(&typeset->fonts[WEIGHT_REGULAR], regular_path, error, error_len) != 0)
        goto err_free_typeset;
    if (font_load(&typeset->fonts[WEIGHT_BOLD], bold_path, error, error_len) != 0)
        goto err_free_typeset;
    return typeset;

err_free_typeset:
    keep_errno_free(typeset);
    return NULL;
}

void uk_typeset_free(uk_typeset *typeset)
{
    if (!typeset)
        return;
    for (size_t i = 0; i < UK_TYPESET_MEASURES; i++)
        free(typeset->measures[i].text);
    for (int w = 0; w < WEIGHT_COUNT; w++)
        font_close(&typeset->fonts[w]);
    free(typeset);
}

int uk_typeset_bounds(uk_typeset *typeset, const uk_scene *scene, const uk_op *op,
                      SDL_FRect *bounds, float *size)
{
    uk_typeset_layout layout;
    if (uk_typeset_fit(typeset, op, uk_scene_op_text(scene, op), &layout) != 0)
        return -1;
    if (bounds)
        *bounds =
            (SDL_FRect){roundf(op->text.box.x) + (float)layout.x,
                        roundf(op->text.box.y) + (float)layout.y, (float)layout.w, (float)layout.h};
    if (size)
        *size = (float)layout.px;
    return 0;
}
