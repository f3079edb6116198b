/*
 * labels.h: the painter's text on screen: each text box of a scene fitted
 * and rendered once by the typesetter, made a texture, and kept, so a
 * frame that shows the same words as the last one rasterises no glyphs.
 * Only platform/output/painter.c uses it.
 *
 * Ownership: the labels borrow the renderer their textures are made for
 * and the typesetter they are fitted with; both must outlive them.
 */
#ifndef UK_PLATFORM_OUTPUT_LABELS_H
#define UK_PLATFORM_OUTPUT_LABELS_H

#include <SDL.h>
#include <stddef.h>
#include <stdint.h>

#include "app/view/scene.h"
#include "platform/output/painter.h"
#include "platform/output/typeset.h"

typedef struct uk_labels uk_labels;

/* How a text op was fitted: what uk_labels_prepare and uk_labels_draw return. */
enum {
    UK_LABELS_FIT_TEXT = 1 << 0,    /* the op is text and was fitted */
    UK_LABELS_FIT_SHRUNK = 1 << 1,  /* below its preferred size */
    UK_LABELS_FIT_CLIPPED = 1 << 2, /* did not fit even at its minimum */
};

/* An empty cache of labels for `renderer`, fitted with `typeset`. NULL when out of memory. */
uk_labels *uk_labels_new(SDL_Renderer *renderer, uk_typeset *typeset);

/* Frees the labels and destroys their textures. Accepts NULL. */
void uk_labels_free(uk_labels *labels);

/*
 * Starts a frame: labels used from now on are this frame's, and those of
 * this frame and the last are never let go to save memory.
 */
void uk_labels_next_frame(uk_labels *labels);

/*
 * Makes sure the text op `op` of `scene` has its label, without drawing
 * it, counting in stats->cache_misses when it had to be made. Returns its
 * UK_LABELS_FIT_* bits. The label stays the cache's.
 */
uint8_t uk_labels_prepare(uk_labels *labels, const uk_scene *scene, const uk_op *op,
                          uk_painter_stats *stats);

/* As uk_labels_prepare, and copies the label to its place in the op's box. */
uint8_t uk_labels_draw(uk_labels *labels, const uk_scene *scene, const uk_op *op,
                       uk_painter_stats *stats);

/* Bytes of pixels in the textures kept. */
size_t uk_labels_texture_bytes(const uk_labels *labels);

/* Destroys every texture kept (a lost device took them): the next frame makes them again. */
void uk_labels_forget(uk_labels *labels);

#endif
