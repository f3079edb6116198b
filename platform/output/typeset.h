/*
 * typeset.h: the painter's fonts, regular and bold at any whole pixel
 * size, and text laid out with them: fitted into a box (wrapped, shrunk,
 * aligned), rendered onto a surface, or measured for the layout of
 * app/view/ui.c. Only platform/output (the painter and its labels) uses it.
 *
 * A typesetter keeps the lines of the box it fitted last: uk_typeset_render
 * draws the layout of the latest uk_typeset_fit, and any other call in
 * between (a measurement) replaces it.
 *
 * Ownership: the typesetter owns its fonts, so it must be freed before
 * TTF_Quit.
 */
#ifndef UK_PLATFORM_OUTPUT_TYPESET_H
#define UK_PLATFORM_OUTPUT_TYPESET_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/view/scene.h"
#include "app/view/ui.h"

typedef struct uk_typeset uk_typeset;

/* A fitted text box. Offsets are whole px from the box's rounded origin. */
typedef struct uk_typeset_layout {
    bool bold;         /* the bold face */
    int px;            /* size painted */
    int skip, height;  /* line advance and height of one line at px */
    size_t line_count; /* lines laid out */
    int x, y, w, h;    /* the lines' bounding box */
    bool shrunk;       /* px is below the preferred size */
    bool clipped;      /* did not fit even at the minimum size */
} uk_typeset_layout;

/*
 * Opens the two fonts (regular and bold TTF files). TTF_Init must have been
 * called. Returns NULL on failure, with a sentence naming the file and what
 * to install in `error` (may be NULL) and errno set. The caller frees the
 * result with uk_typeset_free.
 */
uk_typeset *uk_typeset_new(const char *regular_path, const char *bold_path, char *error,
                           size_t error_len);

/* Frees the typesetter, its fonts and measurements. Accepts NULL. */
void uk_typeset_free(uk_typeset *typeset);

/*
 * Fits `text`, the words of the text op `op`, into the op's box: the
 * preferred size if the words fit, else smaller down to the minimum, where
 * what still does not fit is clipped. Fills the caller's `layout` and keeps
 * the lines for uk_typeset_render. Returns 0, or -1 when no font could be
 * set to the size (logged once per size).
 */
int uk_typeset_fit(uk_typeset *typeset, const uk_op *op, const char *text,
                   uk_typeset_layout *layout);

/*
 * Renders the lines of the latest uk_typeset_fit of `op` and `text` onto a
 * new ARGB surface, transparent around the glyphs and cut to the box, and
 * says in `area` where it goes from the box's rounded origin. Returns NULL
 * when nothing of the text is visible, or on a failure (logged with the
 * words). The caller frees the surface.
 */
SDL_Surface *uk_typeset_render(uk_typeset *typeset, const uk_op *op, const char *text,
                               const uk_typeset_layout *layout, SDL_Rect *area);

/*
 * Where the text of the text op `op` of `scene` lands: its lines' bounding
 * box in the scene's px, and the size it is painted at. Returns 0, or -1 if
 * no font could be set. Writes only to the caller's `bounds` and `size`
 * (either may be NULL).
 */
int uk_typeset_bounds(uk_typeset *typeset, const uk_scene *scene, const uk_op *op,
                      SDL_FRect *bounds, float *size);

/*
 * `text`'s extent at `size` px (rounded to whole px) in the face `flags`
 * asks for, wrapped to `max_w` (no wrapping when max_w <= 0), as
 * uk_painter_measure says. Remembered, so asking again costs a table
 * lookup; the typesetter keeps its own copy of the words.
 */
uk_text_extent uk_typeset_measure(uk_typeset *typeset, const char *text, float size, uint32_t flags,
                                  float max_w);

#endif
