/*
 * painter.c: turns a uk_scene into pixels with SDL_Renderer and SDL2_ttf.
 *
 * The painter is the face of four parts, each in its own file:
 *   - mesh.c: rectangles, capsules and rings as anti-aliased triangles;
 *   - typeset.c: the fonts, text fitted into its box, text measured;
 *   - labels.c: each text box as a texture, made once and kept;
 *   - damage.c: on SDL's software renderer, what changed since the frame
 *     on screen, so only that is painted again.
 * It paints a scene's ops in order, each by the part that knows it, keeps
 * how each text op of the frame on screen was fitted (for the stats of a
 * frame that paints only part of it), and adds up the stats.
 *
 * Invariant: painting a frame whose texts are all kept as labels allocates
 * nothing here or in the parts.
 *
 * This file must not decide layout (that is the core's job) and must not
 * present the frame.
 */
#include "platform/output/painter.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/output/damage.h"
#include "platform/output/labels.h"
#include "platform/output/mesh.h"
#include "platform/output/typeset.h"
#include "platform/system/error.h"

struct uk_painter {
    SDL_Renderer *renderer;         /* borrowed */
    uk_typeset *typeset;            /* the fonts */
    uk_labels *labels;              /* text boxes as textures */
    uk_mesh *mesh;                  /* shapes */
    uk_damage *damage;              /* software renderer only: the scene on screen; else NULL */
    uint8_t fits[UK_SCENE_MAX_OPS]; /* UK_LABELS_FIT_* of each op of the scene on screen */
};

/* Frees a painter that failed to open, keeping errno for the caller. */
static void keep_errno_free(uk_painter *painter)
{
    int err = errno;
    uk_painter_free(painter);
    errno = err;
}

uk_painter *uk_painter_new(SDL_Renderer *renderer, const char *regular_path, const char *bold_path,
                           char *error, size_t error_len)
{
    uk_painter *painter = calloc(1, sizeof *painter);
    if (!painter)
        goto err_no_memory;
    painter->renderer = renderer;
    SDL_RendererInfo info;
    bool software = SDL_GetRendererInfo(renderer, &info) == 0 && info.flags & SDL_RENDERER_SOFTWARE;
    if (software) {
        painter->damage = uk_damage_new();
        if (!painter->damage)
            goto err_no_memory;
    }
    painter->typeset = uk_typeset_new(regular_path, bold_path, error, error_len);
    if (!painter->typeset)
        goto err_free_painter;
    painter->labels = uk_labels_new(renderer, painter->typeset);
    painter->mesh = uk_mesh_new(renderer, software);
    if (!painter->labels || !painter->mesh)
        goto err_no_memory;
    return painter;

err_no_memory:
    uk_error_set(error, error_len, ENOMEM, "cannot create the painter: out of memory");
err_free_painter:
    keep_errno_free(painter);
    return NULL;
}

void uk_painter_forget_textures(uk_painter *painter)
{
    if (!painter)
        return;
    uk_damage_invalidate(painter->damage); /* the frame went with the device */
    uk_labels_forget(painter->labels);
}

void uk_painter_free(uk_painter *painter)
{
    if (!painter)
        return;
    uk_labels_free(painter->labels);
    uk_typeset_free(painter->typeset);
    uk_mesh_free(painter->mesh);
    uk_damage_free(painter->damage);
    free(painter);
}

void uk_painter_invalidate(uk_painter *painter)
{
    if (painter)
        uk_damage_invalidate(painter->damage);
}

/* ---- painting ---------------------------------------------------------------------- */

/* Paints one operation. Returns its UK_LABELS_FIT_* bits: 0 for a shape. */
static uint8_t draw_op(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                       uk_painter_stats *stats)
{
    if (op->kind == UK_OP_TEXT)
        return uk_labels_draw(painter->labels, scene, op, stats);
    uk_mesh_draw(painter->mesh, op);
    return 0;
}

/* Counts one op's text, as draw_op fitted it, in `stats`. */
static void count_text(uint8_t fit, uk_painter_stats *stats)
{
    stats->texts += (fit & UK_LABELS_FIT_TEXT) != 0;
    stats->texts_shrunk += (fit & UK_LABELS_FIT_SHRUNK) != 0;
    stats->texts_clipped += (fit & UK_LABELS_FIT_CLIPPED) != 0;
}

/* The whole scene's texts, from the fits kept per op. */
static void count_texts(const uk_painter *painter, const uk_scene *scene, uk_painter_stats *stats)
{
    for (size_t i = 0; i < scene->op_count; i++)
        count_text(painter->fits[i], stats);
}

/*
 * Paints only what changed since the frame on screen, if the painter can
 * (see damage.h). Returns false when the caller must paint the whole scene.
 */
static bool draw_changes(uk_painter *painter, const uk_scene *scene, uk_painter_stats *stats)
{
    uk_damage_list list;
    if (!uk_damage_find(painter->damage, scene, &list))
        return false;
    /* A text that changed is fitted even if it lands off the frame: the stats. */
    for (size_t k = 0; k < list.changed_count; k++) {
        size_t i = list.changed[k];
        const uk_op *op = &scene->ops[i];
        painter->fits[i] =
            op->kind == UK_OP_TEXT ? uk_labels_prepare(painter->labels, scene, op, stats) : 0;
    }

    SDL_Renderer *renderer = painter->renderer;
    uk_color clear = scene->clear;
    for (size_t d = 0; d < list.region_count; d++) {
        uk_damage_region r = list.regions[d];
        SDL_Rect clip = {r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0};
        SDL_RenderSetClipRect(renderer, &clip);
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE); /* as SDL_RenderClear */
        SDL_SetRenderDrawColor(renderer, clear.r, clear.g, clear.b, clear.a);
        SDL_RenderFillRect(renderer, &clip);
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
        for (size_t i = 0; i < scene->op_count; i++)
            if (uk_damage_meet(uk_damage_bounds(scene, &scene->ops[i]), r))
                painter->fits[i] = draw_op(painter, scene, &scene->ops[i], stats);
    }
    SDL_RenderSetClipRect(renderer, NULL);
    return true;
}

void uk_painter_draw(uk_painter *painter, const uk_scene *scene, uk_painter_stats *stats)
{
    uk_painter_stats ignored;
    if (!stats)
        stats = &ignored;
    memset(stats, 0, sizeof *stats);
    uk_labels_next_frame(painter->labels);
    if (!draw_changes(painter, scene, stats)) {
        uk_color clear = scene->clear;
        SDL_SetRenderDrawColor(painter->renderer, clear.r, clear.g, clear.b, clear.a);
        SDL_RenderClear(painter->renderer);
        SDL_SetRenderDrawBlendMode(painter->renderer, SDL_BLENDMODE_BLEND);
        for (size_t i = 0; i < scene->op_count; i++)
            painter->fits[i] = draw_op(painter, scene, &scene->ops[i], stats);
    }
    count_texts(painter, scene, stats);
    stats->texture_bytes = uk_labels_texture_bytes(painter->labels);
    uk_damage_remember(painter->damage, scene);
}

void uk_painter_draw_over(uk_painter *painter, const uk_scene *scene, int x, int y,
                          uk_painter_stats *stats)
{
    uk_painter_stats ignored;
    if (!stats)
        stats = &ignored;
    memset(stats, 0, sizeof *stats);

    SDL_Rect saved;
    SDL_RenderGetViewport(painter->renderer, &saved);
    SDL_RenderSetViewport(painter->renderer, &(SDL_Rect){x, y, scene->w, scene->h});
    /* Geometry without a texture, and filled rectangles, blend by the draw blend mode. */
    SDL_SetRenderDrawBlendMode(painter->renderer, SDL_BLENDMODE_BLEND);
    for (size_t i = 0; i < scene->op_count; i++) /* not into fits[]: those are the frame's */
        count_text(draw_op(painter, scene, &scene->ops[i], stats), stats);
    SDL_RenderSetViewport(painter->renderer, &saved);
}

/* ---- text, for layout and tests ------------------------------------------------------ */

int uk_painter_text_bounds(uk_painter *painter, const uk_scene *scene, const uk_op *op,
                           SDL_FRect *bounds, float *size)
{
    if (!op || op->kind != UK_OP_TEXT)
        return -1;
    return uk_typeset_bounds(painter->typeset, scene, op, bounds, size);
}

uk_text_extent uk_painter_measure(void *ctx, const char *text, float size, uint32_t flags,
                                  float max_w)
{
    uk_painter *painter = ctx;
    return uk_typeset_measure(painter->typeset, text, size, flags, max_w);
}
