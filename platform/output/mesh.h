/*
 * mesh.h: the painter's shapes: rectangles (rounded or not), capsules and
 * rings, drawn as triangles with a one-pixel feathered edge so they look
 * smooth without multisampling. Only platform/output/painter.c uses it.
 *
 * Ownership: the mesher borrows the renderer, which must outlive it, and
 * owns the vertex and index buffers it builds shapes in.
 */
#ifndef UK_PLATFORM_OUTPUT_MESH_H
#define UK_PLATFORM_OUTPUT_MESH_H

#include <SDL.h>
#include <stdbool.h>

#include "app/view/scene.h"

typedef struct uk_mesh uk_mesh;

/*
 * A mesher for `renderer`; `software` says it is SDL's software renderer,
 * whose quirks the shapes are then built around. NULL when out of memory.
 * The caller frees it with uk_mesh_free.
 */
uk_mesh *uk_mesh_new(SDL_Renderer *renderer, bool software);

/* Frees the mesher and its buffers. Accepts NULL. */
void uk_mesh_free(uk_mesh *mesh);

/*
 * Draws the shape op `op` (rect, ring or capsule; text draws nothing here)
 * blended over what the renderer holds, in the renderer's viewport and
 * clip rectangle. The draw blend mode must be SDL_BLENDMODE_BLEND, and is
 * left so.
 * A shape that cannot be built (no memory) is skipped and logged.
 */
void uk_mesh_draw(uk_mesh *mesh, const uk_op *op);

#endif
