/*
 * scene.c: appending draw operations to a fixed-capacity scene.
 *
 * Invariant: nothing here allocates, and nothing writes past the arrays;
 * a full scene drops the operation and raises `overflow`.
 */
#include "app/view/scene.h"

#include <stdarg.h>
#include <string.h>

void uk_scene_reset(uk_scene *scene, int w, int h, uk_color clear)
{
    scene->w = w;
    scene->h = h;
    scene->clear = clear;
    scene->overflow = false;
    scene->op_count = 0;
    scene->hit_count = 0;
    scene->text_len = 0;
}

static uk_op *push(uk_scene *scene, uk_op_kind kind, uk_color color)
{
    if (scene->op_count >= UK_SCENE_MAX_OPS) {
        scene->overflow = true;
        return NULL;
    }
    uk_op *op = &scene->ops[scene->op_count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->color = color;
    return op;
}

void uk_scene_rect(uk_scene *scene, uk_rect box, float radius, uk_color color)
{
    uk_op *op = push(scene, UK_OP_RECT, color);
    if (op) {
        op->rect.box = box;
        op->rect.radius = radius;
    }
}

void uk_scene_ring(uk_scene *scene, float cx, float cy, float radius, float thickness, float from,
                   float to, uk_color color)
{
    uk_op *op = push(scene, UK_OP_RING, color);
    if (op) {
        op->ring.cx = cx;
        op->ring.cy = cy;
        op->ring.radius = radius;
        op->ring.thickness = thickness;
        op->ring.from = from;
        op->ring.to = to;
    }
}

void uk_scene_capsule(uk_scene *scene, float x0, float y0, float x1, float y1, float radius,
                      uk_color color)
{
    uk_op *op = push(scene, UK_OP_CAPSULE, color);
    if (op) {
        op->capsule.x0 = x0;
        op->capsule.y0 = y0;
        op->capsule.x1 = x1;
        op->capsule.y1 = y1;
        op->capsule.radius = radius;
    }
}

void uk_scene_text(uk_scene *scene, uk_rect box, float size, float min_size, uint32_t flags,
                   uk_color color, const char *fmt, ...)
{
    size_t room = UK_SCENE_TEXT_BYTES - scene->text_len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(scene->text + scene->text_len, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room) {
        scene->overflow = true;
        return;
    }
    uk_op *op = push(scene, UK_OP_TEXT, color);
    if (!op)
        return;
    op->text.box = box;
    op->text.size = size;
    op->text.min_size = min_size < size ? min_size : size;
    op->text.flags = flags;
    op->text.offset = (uint32_t)scene->text_len;
    scene->text_len += (size_t)n + 1;
}

void uk_scene_hit(uk_scene *scene, uk_rect box, uk_action action, int item)
{
    if (scene->hit_count >= UK_SCENE_MAX_HITS) {
        scene->overflow = true;
        return;
    }
    scene->hits[scene->hit_count++] = (uk_hit){.box = box, .action = action, .item = item};
}

const uk_hit *uk_scene_hit_test(const uk_scene *scene, float x, float y)
{
    for (size_t i = scene->hit_count; i-- > 0;)
        if (uk_scene_contains(scene->hits[i].box, x, y))
            return &scene->hits[i];
    return NULL;
}

const char *uk_scene_op_text(const uk_scene *scene, const uk_op *op)
{
    return scene->text + op->text.offset;
}

void uk_scene_dump(const uk_scene *scene, FILE *out)
{
    fprintf(out, "scene %dx%d\n", scene->w, scene->h);
    for (size_t i = 0; i < scene->op_count; i++) {
        const uk_op *op = &scene->ops[i];
        switch (op->kind) {
        case UK_OP_RECT:
            fprintf(out, "rect %.0f %.0f %.0f %.0f r%.0f\n", op->rect.box.x, op->rect.box.y,
                    op->rect.box.w, op->rect.box.h, op->rect.radius);
            break;
        case UK_OP_RING:
            fprintf(out, "ring %.0f %.0f r%.0f t%.0f %.3f-%.3f\n", op->ring.cx, op->ring.cy,
                    op->ring.radius, op->ring.thickness, op->ring.from, op->ring.to);
            break;
        case UK_OP_CAPSULE:
            fprintf(out, "capsule %.0f %.0f %.0f %.0f r%.0f\n", op->capsule.x0, op->capsule.y0,
                    op->capsule.x1, op->capsule.y1, op->capsule.radius);
            break;
        case UK_OP_TEXT:
            fprintf(out, "text %.0f %.0f %.0f %.0f s%.0f \"%s\"\n", op->text.box.x, op->text.box.y,
                    op->text.box.w, op->text.box.h, op->text.size, uk_scene_op_text(scene, op));
            break;
        }
    }
    for (size_t i = 0; i < scene->hit_count; i++) {
        const uk_hit *hit = &scene->hits[i];
        fprintf(out, "hit %.0f %.0f %.0f %.0f %s %d\n", hit->box.x, hit->box.y, hit->box.w,
                hit->box.h, uk_action_name(hit->action), hit->item);
    }
}

uk_rect uk_scene_inset(uk_rect r, float dx, float dy)
{
    return (uk_rect){r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy};
}

bool uk_scene_contains(uk_rect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool uk_scene_overlaps(uk_rect a, uk_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
