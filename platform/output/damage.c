/*
 * damage.c: finding what a frame must repaint, for SDL's software renderer.
 *
 * SDL's software renderer draws into a surface that keeps its pixels from
 * one frame to the next, so a frame need only repaint where it differs
 * from the one on screen. The ops of the new scene are compared, index by
 * index, with a copy of the last scene; every op that differs marks its old
 * and new bounds (with UK_DAMAGE_MARGIN px for feathers and rounding)
 * dirty. The painter then clears each dirty region and paints again, in
 * order and clipped to it, every op that touches it: the pixels there come
 * out exactly as a full repaint would make them, and outside nothing
 * changed (an op that differs touches no pixel outside its bounds, in
 * either frame).
 *
 * Nothing here can see what others draw on the same target, so whoever
 * does (a shade over the whole frame, a lost device) has the painter call
 * uk_damage_invalidate and the next frame is painted whole. GPU renderers
 * always paint whole frames: after a present their back buffer holds
 * nothing to build on, and they have no uk_damage.
 *
 * This file must not draw: it only compares scenes and rectangles.
 */
#include "platform/output/damage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UK_DAMAGE_MARGIN 2 /* px around an op's box it may touch: feather and rounding */

_Static_assert(UK_SCENE_MAX_OPS <= UINT16_MAX + 1, "op indices must fit uint16_t");

typedef uk_damage_region region;

struct uk_damage {
    uk_scene *last; /* the scene on screen */
    bool valid;     /* ... and the pixels on screen are still that scene's */
};

/* ---- rectangles --------------------------------------------------------------- */

static int clamp_px_coord(float v, int lo, int hi)
{
    if (!(v >= (float)lo)) /* also NaN */
        return lo;
    if (v > (float)hi)
        return hi;
    return (int)v;
}

region uk_damage_bounds(const uk_scene *scene, const uk_op *op)
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
        clamp_px_coord(floorf(x0) - UK_DAMAGE_MARGIN, 0, scene->w),
        clamp_px_coord(floorf(y0) - UK_DAMAGE_MARGIN, 0, scene->h),
        clamp_px_coord(ceilf(x1) + UK_DAMAGE_MARGIN, 0, scene->w),
        clamp_px_coord(ceilf(y1) + UK_DAMAGE_MARGIN, 0, scene->h),
    };
    return out;
}

static bool region_empty(region r)
{
    return r.x0 >= r.x1 || r.y0 >= r.y1;
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
        if (uk_damage_meet(dirty[i], r)) {
            r = region_union(r, dirty[i]);
            dirty[i] = dirty[--*count];
            i = 0; /* the union may meet one already passed */
        } else {
            i++;
        }
    }
    if (*count == UK_DAMAGE_MAX) {
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

/* ---- the scene on screen ----------------------------------------------------------- */

uk_damage *uk_damage_new(void)
{
    uk_damage *damage = calloc(1, sizeof *damage);
    if (!damage)
        return NULL;
    damage->last = malloc(sizeof *damage->last);
    if (!damage->last) {
        free(damage);
        return NULL;
    }
    return damage;
}

void uk_damage_free(uk_damage *damage)
{
    if (!damage)
        return;
    free(damage->last);
    free(damage);
}

void uk_damage_invalidate(uk_damage *damage)
{
    if (damage)
        damage->valid = false;
}

void uk_damage_remember(uk_damage *damage, const uk_scene *scene)
{
    if (!damage)
        return;
    uk_scene *last = damage->last;
    last->w = scene->w;
    last->h = scene->h;
    last->clear = scene->clear;
    last->op_count = scene->op_count;
    last->text_len = scene->text_len;
    last->hit_count = 0;
    memcpy(last->ops, scene->ops, scene->op_count * sizeof *scene->ops);
    memcpy(last->text, scene->text, scene->text_len);
    damage->valid = !scene->overflow;
}

bool uk_damage_find(const uk_damage *damage, const uk_scene *scene, uk_damage_list *list)
{
    if (!damage || !damage->valid)
        return false;
    const uk_scene *last = damage->last;
    if (last->w != scene->w || last->h != scene->h ||
        memcmp(&last->clear, &scene->clear, sizeof scene->clear) != 0)
        return false;
    list->region_count = 0;
    list->changed_count = 0;
    size_t n = last->op_count > scene->op_count ? last->op_count : scene->op_count;
    for (size_t i = 0; i < n; i++) {
        bool was = i < last->op_count, is = i < scene->op_count;
        if (was && is && same_op(last, &last->ops[i], scene, &scene->ops[i]))
            continue;
        if (was)
            add_dirty(list->regions, &list->region_count, uk_damage_bounds(last, &last->ops[i]));
        if (is) {
            add_dirty(list->regions, &list->region_count, uk_damage_bounds(scene, &scene->ops[i]));
            list->changed[list->changed_count++] = (uint16_t)i;
        }
    }
    return true;
}
