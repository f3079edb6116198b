/*
 * scene.h: a frame described as a flat list of draw operations.
 *
 * The core never draws. It fills a uk_scene (rectangles, rings, capsules,
 * text boxes) and the platform paints it with SDL_Renderer and SDL2_ttf.
 * That keeps every pixel decision testable without a display: a test can
 * dump a scene as text, and a second test paints it and checks pixels.
 *
 * Text is laid out by box, not by glyph: the core says "this text goes in
 * this box at this size, never smaller than that", and the painter wraps and
 * shrinks it to fit, because only the painter knows the font's metrics.
 *
 * Hit regions ride along with the drawing: each on-screen button adds one,
 * so a touch at (x, y) is resolved against exactly what was drawn.
 *
 * Capacity is fixed; adding past it sets `overflow` (a bug the tests catch)
 * and drops the operation rather than writing out of bounds.
 */
#ifndef UK_APP_VIEW_SCENE_H
#define UK_APP_VIEW_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "app/model/action.h"

#define UK_SCENE_MAX_OPS    512
#define UK_SCENE_MAX_HITS   32
#define UK_SCENE_TEXT_BYTES 12288

typedef struct uk_color {
    uint8_t r, g, b, a;
} uk_color;

typedef struct uk_rect {
    float x, y, w, h;
} uk_rect;

typedef enum uk_op_kind {
    UK_OP_RECT = 0, /* filled rectangle, optionally with rounded corners */
    UK_OP_RING,     /* an arc of a ring: a countdown */
    UK_OP_CAPSULE,  /* a thick line with round ends: a limb; a dot if both ends meet */
    UK_OP_TEXT      /* wrapped text in a box */
} uk_op_kind;

/* Text flags, or-ed together. Default: left aligned, top of the box, regular weight. */
enum {
    UK_TEXT_CENTER = 1 << 0, /* centre each line horizontally */
    UK_TEXT_RIGHT = 1 << 1,  /* right-align each line */
    UK_TEXT_MIDDLE = 1 << 2, /* centre the block vertically in the box */
    UK_TEXT_BOLD = 1 << 3,
};

typedef struct uk_op {
    uk_op_kind kind;
    uk_color color;
    union {
        struct {
            uk_rect box;
            float radius; /* corner radius, 0 for square */
        } rect;
        struct {
            float cx, cy, radius, thickness; /* radius to the ring's centre line */
            float from, to; /* fractions of a turn, clockwise from 12 o'clock, from <= to */
        } ring;
        struct {
            float x0, y0, x1, y1, radius;
        } capsule;
        struct {
            uk_rect box;
            float size;      /* preferred font size in px */
            float min_size;  /* the painter may shrink to this, never below */
            uint32_t flags;  /* UK_TEXT_* */
            uint32_t offset; /* NUL-terminated UTF-8 at scene->text + offset */
        } text;
    };
} uk_op;

/* A touchable region. A tap inside it is `action`, or, when item >= 0, "choose item". */
typedef struct uk_hit {
    uk_rect box;
    uk_action action;
    int item;
} uk_hit;

typedef struct uk_scene {
    int w, h;       /* size of the frame in px */
    uk_color clear; /* background */
    bool overflow;  /* an operation did not fit: a bug, caught by tests */
    size_t op_count;
    size_t hit_count;
    size_t text_len;
    uk_op ops[UK_SCENE_MAX_OPS];
    uk_hit hits[UK_SCENE_MAX_HITS];
    char text[UK_SCENE_TEXT_BYTES];
} uk_scene;

/* Empties the scene for a frame of w x h px. The scene is caller-owned, ~40 KB. */
void uk_scene_reset(uk_scene *scene, int w, int h, uk_color clear);

void uk_scene_rect(uk_scene *scene, uk_rect box, float radius, uk_color color);
void uk_scene_ring(uk_scene *scene, float cx, float cy, float radius, float thickness, float from,
                   float to, uk_color color);
void uk_scene_capsule(uk_scene *scene, float x0, float y0, float x1, float y1, float radius,
                      uk_color color);

/* Adds a text box; printf-style. Text longer than the arena's room sets overflow. */
void uk_scene_text(uk_scene *scene, uk_rect box, float size, float min_size, uint32_t flags,
                   uk_color color, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Adds a touch region (drawn separately). item < 0 means "post `action`". */
void uk_scene_hit(uk_scene *scene, uk_rect box, uk_action action, int item);

/* The topmost hit region containing (x, y), or NULL. */
const uk_hit *uk_scene_hit_test(const uk_scene *scene, float x, float y);

/* Text of a UK_OP_TEXT operation. */
const char *uk_scene_op_text(const uk_scene *scene, const uk_op *op);

/* Writes one line per operation, for golden-file tests and debugging. */
void uk_scene_dump(const uk_scene *scene, FILE *out);

/* Small helpers for layout code. */
uk_rect uk_scene_inset(uk_rect r, float dx, float dy);
bool uk_scene_contains(uk_rect r, float x, float y);
bool uk_scene_overlaps(uk_rect a, uk_rect b);

#endif
