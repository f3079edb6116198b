/*
 * damage.h: what changed on screen since the last frame, for SDL's
 * software renderer, whose target keeps its pixels between frames: the
 * regions where the new scene differs from the one on screen, and where
 * each op may touch pixels, so the painter knows which to paint again in
 * each region. Only platform/output/painter.c uses it.
 *
 * Ownership: a uk_damage owns its copy of the scene on screen; a
 * uk_damage_list is the caller's, filled anew by each uk_damage_find.
 */
#ifndef UK_PLATFORM_OUTPUT_DAMAGE_H
#define UK_PLATFORM_OUTPUT_DAMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/view/scene.h"

/* Separate regions repainted in one frame; more become one. */
#define UK_DAMAGE_MAX 8

typedef struct uk_damage uk_damage;

/* A rectangle of the frame, [x0, x1) x [y0, y1) in px. */
typedef struct uk_damage_region {
    int x0, y0, x1, y1;
} uk_damage_region;

/* What uk_damage_find found. */
typedef struct uk_damage_list {
    uk_damage_region regions[UK_DAMAGE_MAX]; /* to clear and paint again, none overlapping */
    size_t region_count;
    uint16_t changed[UK_SCENE_MAX_OPS]; /* ops of the new scene that differ, in order */
    size_t changed_count;
} uk_damage_list;

/* Nothing known to be on screen yet. NULL when out of memory. Free with uk_damage_free. */
uk_damage *uk_damage_new(void);

/* Frees it and its copy of the scene. Accepts NULL. */
void uk_damage_free(uk_damage *damage);

/*
 * Says the pixels on screen are no longer those of the scene remembered
 * (something else drew over them, or the device lost them): the next
 * uk_damage_find asks for a whole frame. Accepts NULL.
 */
void uk_damage_invalidate(uk_damage *damage);

/* Keeps a copy of `scene`, just painted whole or in part, as the one on screen. Accepts NULL. */
void uk_damage_remember(uk_damage *damage, const uk_scene *scene);

/*
 * Compares `scene` with the one on screen and fills the caller's `list`
 * with the regions to repaint and the ops that changed. Returns false
 * (when `damage` is NULL, nothing valid is on screen, or the size or
 * background changed) when the whole frame must be painted instead.
 */
bool uk_damage_find(const uk_damage *damage, const uk_scene *scene, uk_damage_list *list);

/* Where `op` of `scene` may touch pixels, clamped to the scene; empty when off the frame. */
uk_damage_region uk_damage_bounds(const uk_scene *scene, const uk_op *op);

/* True if the two regions share a pixel. */
static inline bool uk_damage_meet(uk_damage_region a, uk_damage_region b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

#endif
