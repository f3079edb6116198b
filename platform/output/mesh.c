/*
 * mesh.c: rectangles, capsules and rings as anti-aliased triangles.
 *
 * Every curved shape is a triangle mesh for SDL_RenderGeometry with a
 * one-pixel feather: the solid part stops half a pixel inside the true
 * edge, and a strip of triangles runs from there to half a pixel outside,
 * where the vertices have alpha 0. Blending that strip approximates the
 * pixel coverage a multisampled renderer would give, on any renderer,
 * software included. Curves are cut into straight pieces of
 * UK_MESH_SEGMENT_PX, longer on large radii as long as they stay within
 * UK_MESH_SAGITTA px of the curve, so a big ring gets more pieces than a
 * small dot, but not needlessly many. Plain rectangles (radius 0) are
 * pixel-aligned boxes and stay unfeathered.
 *
 * Invariant: drawing allocates nothing here once the vertex and index
 * buffers have grown (rarely) to the largest shape seen; they are then
 * reused. (SDL's software renderer itself allocates a temporary surface per
 * blended triangle; GPU renderers do not. See draw_mesh for that renderer's
 * other quirks and how they are worked around.)
 *
 * This file draws shapes where the op says and nothing else: no text, no
 * clearing, no clipping, no presenting.
 */
#include "platform/output/mesh.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UK_MESH_SEGMENT_PX  3.0f  /* shortest straight piece of a curve */
#define UK_MESH_LONG_RADIUS 40.0f /* px: beyond, pieces grow while they stay within ... */
#define UK_MESH_SAGITTA     0.1f  /* ... this far from the true curve, px */
#define UK_MESH_TAU         6.28318530717958647692f

struct uk_mesh {
    SDL_Renderer *renderer; /* borrowed */
    bool software;          /* SDL's software renderer: see draw_mesh */
    SDL_Vertex *vertices;   /* scratch mesh, grown on demand */
    size_t vertex_cap;
    int *indices;
    size_t index_cap;
    bool geometry_failed; /* logged once; a broken renderer would otherwise flood the log */
};

/* ---- the scratch mesh, drawn --------------------------------------------------- */

/* Makes room for a mesh. Grows by doubling, so a few frames settle the size for good. */
static bool reserve(uk_mesh *mesh, size_t vertex_count, size_t index_count)
{
    if (mesh->software) /* room for draw_mesh's rewritten copy, up to twice as long */
        index_count *= 3;
    if (vertex_count > INT_MAX || index_count > INT_MAX)
        return false;
    if (vertex_count > mesh->vertex_cap) {
        size_t cap = mesh->vertex_cap ? mesh->vertex_cap : 1024;
        while (cap < vertex_count)
            cap *= 2;
        SDL_Vertex *grown = realloc(mesh->vertices, cap * sizeof *grown);
        if (!grown)
            return false;
        mesh->vertices = grown;
        mesh->vertex_cap = cap;
    }
    if (index_count > mesh->index_cap) {
        size_t cap = mesh->index_cap ? mesh->index_cap : 4096;
        while (cap < index_count)
            cap *= 2;
        int *grown = realloc(mesh->indices, cap * sizeof *grown);
        if (!grown)
            return false;
        mesh->indices = grown;
        mesh->index_cap = cap;
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

static void submit(uk_mesh *mesh, size_t vertex_count, const int *idx, size_t index_count,
                   SDL_BlendMode mode)
{
    if (index_count == 0)
        return;
    SDL_SetRenderDrawBlendMode(mesh->renderer, mode);
    if (SDL_RenderGeometry(mesh->renderer, NULL, mesh->vertices, (int)vertex_count, idx,
                           (int)index_count) != 0 &&
        !mesh->geometry_failed) {
        mesh->geometry_failed = true;
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
static void draw_mesh(uk_mesh *mesh, size_t vertex_count, size_t index_count)
{
    SDL_Vertex *v = mesh->vertices;
    int *idx = mesh->indices;
    if (mesh->software)
        for (size_t i = 0; i < vertex_count; i++) {
            v[i].position.x = floorf(v[i].position.x + 0.5f);
            v[i].position.y = floorf(v[i].position.y + 0.5f);
        }
    size_t opaque = opaque_first(v, idx, index_count);
    const int *solid = idx, *soft = idx + opaque;
    size_t solid_count = opaque, soft_count = index_count - opaque;
    if (mesh->software && vertex_count >= 7) {
        int *out = idx + index_count; /* reserve() made room for twice as many */
        solid_count = software_triangles(v, idx, opaque, out);
        solid = out;
        soft_count = software_triangles(v, idx + opaque, index_count - opaque, out + solid_count);
        soft = out + solid_count;
    }
    submit(mesh, vertex_count, solid, solid_count, SDL_BLENDMODE_NONE);
    submit(mesh, vertex_count, soft, soft_count, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawBlendMode(mesh->renderer, SDL_BLENDMODE_BLEND);
}

/* ---- shapes ------------------------------------------------------------------ */

static SDL_Vertex vertex(float x, float y, SDL_Color color)
{
    return (SDL_Vertex){.position = {x, y}, .color = color};
}

/*
 * Pieces for an arc of `radius` px turning `sweep` radians: pieces of
 * UK_MESH_SEGMENT_PX. Past UK_MESH_LONG_RADIUS (the rings, not the
 * figure, its dots or a button's corners) a piece may be longer, as long as
 * its chord stays within UK_MESH_SAGITTA px of the true curve (a chord of
 * length s on radius r misses it by s^2 / 8r): a big ring then costs a
 * third of the triangles, and no eye can tell.
 */
static size_t segments(float radius, float sweep, size_t at_least)
{
    float piece = UK_MESH_SEGMENT_PX;
    if (radius > UK_MESH_LONG_RADIUS)
        piece = fmaxf(piece, sqrtf(8 * radius * UK_MESH_SAGITTA));
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
static void fill_convex(uk_mesh *mesh, const arc *arcs, size_t arc_count, bool closed, float radius,
                        uk_color color)
{
    size_t points = 0;
    for (size_t i = 0; i < arc_count; i++) {
        size_t n = segments(radius, arcs[i].sweep, closed ? 8 : 1);
        points += closed ? n : n + 1;
    }
    /* Triangles: arc fans (< points + arc_count), joins (2 per arc), centre polygon
     * (< arc_count), feather (2 per point). */
    size_t vertex_count = arc_count + 2 * points;
    if (!reserve(mesh, vertex_count, 3 * (3 * points + 4 * arc_count))) {
        fprintf(stderr, "unknot: draw shape of %zu points: out of memory\n", points);
        return;
    }
    SDL_Color solid = {color.r, color.g, color.b, color.a};
    SDL_Color clear = {color.r, color.g, color.b, 0};
    float inner = radius > 0.5f ? radius - 0.5f : 0, outer = radius + 0.5f;

    /* Vertices: the arcs' centres, then the outline as pairs (solid inside, clear outside). */
    SDL_Vertex *v = mesh->vertices;
    int *idx = mesh->indices;
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
    draw_mesh(mesh, k, m);
}

static void draw_rect(uk_mesh *mesh, const uk_op *op)
{
    uk_rect box = op->rect.box;
    if (!(box.w > 0 && box.h > 0))
        return;
    float r = op->rect.radius;
    r = fminf(r, box.w / 2);
    r = fminf(r, box.h / 2);
    if (!(r >= 1)) {
        uk_color c = op->color;
        SDL_SetRenderDrawColor(mesh->renderer, c.r, c.g, c.b, c.a);
        SDL_RenderFillRectF(mesh->renderer, &(SDL_FRect){box.x, box.y, box.w, box.h});
        return;
    }
    const float quarter = UK_MESH_TAU / 4;
    arc corners[4] = {
        {box.x + r, box.y + r, 2 * quarter, quarter},         /* top left */
        {box.x + box.w - r, box.y + r, 3 * quarter, quarter}, /* top right */
        {box.x + box.w - r, box.y + box.h - r, 0, quarter},   /* bottom right */
        {box.x + r, box.y + box.h - r, quarter, quarter},     /* bottom left */
    };
    fill_convex(mesh, corners, 4, false, r, op->color);
}

static void draw_capsule(uk_mesh *mesh, const uk_op *op)
{
    float x0 = op->capsule.x0, y0 = op->capsule.y0, x1 = op->capsule.x1, y1 = op->capsule.y1;
    float r = op->capsule.radius;
    if (!(r > 0))
        return;
    float dx = x1 - x0, dy = y1 - y0;
    if (dx * dx + dy * dy < 1e-4f) {
        arc dot = {x0, y0, 0, UK_MESH_TAU};
        fill_convex(mesh, &dot, 1, true, r, op->color);
        return;
    }
    float a = atan2f(dy, dx), half = UK_MESH_TAU / 2;
    arc ends[2] = {
        {x1, y1, a - half / 2, half}, /* round the far end, from one side to the other */
        {x0, y0, a + half / 2, half}, /* and back round the near end */
    };
    fill_convex(mesh, ends, 2, false, r, op->color);
}

/*
 * A ring arc as bands between four radii: feather, solid, solid, feather.
 * An open arc gets one more step at each end, half a pixel beyond it at
 * alpha 0, so its square ends are feathered too.
 */
static void draw_ring(uk_mesh *mesh, const uk_op *op)
{
    float cx = op->ring.cx, cy = op->ring.cy, radius = op->ring.radius;
    float thickness = op->ring.thickness;
    float turns = op->ring.to - op->ring.from;
    if (!(turns > 0 && radius > 0 && thickness > 0))
        return;
    /* Closed when the gap would be under a quarter pixel: 1.3f - 0.3f is not 1 in floats. */
    bool closed = (1 - turns) * UK_MESH_TAU * (radius + thickness / 2) < 0.25f;
    float a0 = op->ring.from * UK_MESH_TAU;
    float a1 = closed ? a0 + UK_MESH_TAU : op->ring.to * UK_MESH_TAU;

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
    if (!reserve(mesh, 4 * steps, 18 * steps)) {
        fprintf(stderr, "unknot: draw ring of %zu steps: out of memory\n", steps);
        return;
    }
    SDL_Color solid = {op->color.r, op->color.g, op->color.b,
                       (Uint8)roundf((float)op->color.a * alpha)};
    SDL_Color clear = {op->color.r, op->color.g, op->color.b, 0};
    float radii[4] = {edge_in, solid_in, solid_out, edge_out};

    SDL_Vertex *v = mesh->vertices;
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
    int *idx = mesh->indices;
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
    draw_mesh(mesh, k, m);
}

/* ---- the mesher ------------------------------------------------------------------ */

uk_mesh *uk_mesh_new(SDL_Renderer *renderer, bool software)
{
    uk_mesh *mesh = calloc(1, sizeof *mesh);
    if (!mesh)
        return NULL;
    mesh->renderer = renderer;
    mesh->software = software;
    return mesh;
}

void uk_mesh_free(uk_mesh *mesh)
{
    if (!mesh)
        return;
    free(mesh->vertices);
    free(mesh->indices);
    free(mesh);
}

void uk_mesh_draw(uk_mesh *mesh, const uk_op *op)
{
    switch (op->kind) {
    case UK_OP_RECT:
        draw_rect(mesh, op);
        break;
    case UK_OP_RING:
        draw_ring(mesh, op);
        break;
    case UK_OP_CAPSULE:
        draw_capsule(mesh, op);
        break;
    case UK_OP_TEXT:
        break;
    }
}
