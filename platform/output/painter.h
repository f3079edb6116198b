/*
 * painter.h: paints a uk_scene with SDL_Renderer and SDL2_ttf.
 *
 * The painter owns the fonts and a cache of rendered text, so a frame that
 * shows the same words as the last one rasterises no glyphs: text becomes
 * a texture once and is reused until it falls out of the cache. Shapes are
 * drawn as triangles with SDL_RenderGeometry, with a one-pixel feathered
 * edge so limbs and rings look smooth without multisampling.
 *
 * With SDL's software renderer, whose target keeps its pixels between
 * frames, a frame repaints only the regions where its scene differs from
 * the last one: a moving figure costs its own area, not the screen's.
 *
 * Text is fitted to its box: wrapped at word boundaries, shrunk step by step
 * from the requested size down to the minimum, and only if it still does
 * not fit, clipped to the box and counted in the stats (a layout bug the
 * tests look for).
 *
 * Ownership: the painter borrows the renderer, which must outlive it, and
 * owns its fonts, so it must be freed before TTF_Quit.
 */
#ifndef UK_PLATFORM_OUTPUT_PAINTER_H
#define UK_PLATFORM_OUTPUT_PAINTER_H

#include <SDL.h>

#include "app/view/scene.h"
#include "app/view/ui.h"

typedef struct uk_painter uk_painter;

/*
 * Text textures are kept up to this many bytes of pixels (a screen's worth
 * at 1280x800 is about 2 MB at most); beyond it the least recently used go, except
 * those of this frame and the last.
 */
#define UK_PAINTER_TEXT_BYTES (2u << 20)

typedef struct uk_painter_stats {
    unsigned texts;         /* text operations painted */
    unsigned texts_shrunk;  /* painted below their preferred size to fit */
    unsigned texts_clipped; /* did not fit even at their minimum size */
    unsigned cache_misses;  /* texts rasterised this frame */
    size_t texture_bytes;   /* pixels of the text textures kept, after uk_painter_draw */
} uk_painter_stats;

/*
 * Opens the two fonts (regular and bold TTF files) and prepares to paint on
 * `renderer`. TTF_Init must have been called. Returns NULL on failure, with
 * a sentence naming the font file and what to install in `error` (may be
 * NULL) and errno set. The caller frees the result with uk_painter_free.
 */
uk_painter *uk_painter_new(SDL_Renderer *renderer, const char *regular_path, const char *bold_path,
                           char *error, size_t error_len);

/* Frees the painter, its fonts and cached textures. Accepts NULL. */
void uk_painter_free(uk_painter *painter);

/*
 * Paints the scene over the whole target: its background and every
 * operation. Does not present. With the software renderer only what differs
 * from the scene this painter drew last is repainted (the pixels come out
 * the same); `stats` always describes the whole scene, and cache_misses
 * the texts rasterised for it.
 */
void uk_painter_draw(uk_painter *painter, const uk_scene *scene, uk_painter_stats *stats);

/*
 * Says that something else drew over the target since the last
 * uk_painter_draw (a shade, a lost device): the next frame is painted
 * whole. Accepts NULL.
 */
void uk_painter_invalidate(uk_painter *painter);

/*
 * Paints every operation of `scene` over what the renderer holds, without
 * clearing, with the scene's origin at (x, y) of the output: a second
 * scene in the same frame, e.g. a panel beside the kiosk's frame. It sets
 * the renderer's viewport to the scene's rectangle for the time it paints
 * (SDL_RenderClear would ignore the viewport and wipe the whole frame, so
 * it never clears) and restores the viewport the caller had. It must not
 * draw over the area of uk_painter_draw's scene, or call
 * uk_painter_invalidate. `stats` (may be NULL) describes this scene only.
 */
void uk_painter_draw_over(uk_painter *painter, const uk_scene *scene, int x, int y,
                          uk_painter_stats *stats);

/*
 * Where the text of operation `op` landed: its lines' bounding box after
 * wrapping and alignment, at the size it was painted. For tests. Returns -1
 * if `op` is not text.
 */
int uk_painter_text_bounds(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                           SDL_FRect *bounds, float *size);

/*
 * A uk_measure_fn for app/view/ui.h: `ctx` is the painter. Measures `text` as
 * uk_painter_draw would lay it out at `size` (rounded to whole px) wrapped
 * to `max_w` (no wrapping when max_w <= 0). Measurements are cached, so a
 * layout that asks again every frame costs a table lookup.
 */
uk_text_extent uk_painter_measure(void *ctx, const char *text, float size, uint32_t flags,
                                  float max_w);

/*
 * Destroys every cached text texture, keeping the fonts. Call it when SDL
 * reports SDL_RENDER_TARGETS_RESET or SDL_RENDER_DEVICE_RESET: the textures
 * are lost with the device, and the next frame rasterises its text again.
 */
void uk_painter_forget_textures(uk_painter *painter);

#endif
