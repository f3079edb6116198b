/*
 * touch.c: taps, clicks and the held corner as inputs (see touch.h).
 */
#include "platform/input/touch.h"

bool uk_touch_tap(const uk_scene *scene, float x, float y, uk_input_kind kind, uint64_t now_ms,
                  uk_input *out)
{
    *out = (uk_input){.type = UK_INPUT_PRESS, .kind = kind, .at_ms = now_ms};
    const uk_hit *hit = uk_scene_hit_test(scene, x, y);
    if (!hit)
        return false;
    if (hit->item >= 0) {
        out->type = UK_INPUT_CHOOSE;
        out->item = hit->item;
    } else {
        out->action = hit->action;
    }
    return true;
}

/* A press at (x, y) frame px is on the top-left corner that staff hold for the admin screen. */
static bool on_corner(const uk_scene *scene, float x, float y)
{
    float side = UK_TOUCH_CORNER * (float)(scene->w < scene->h ? scene->w : scene->h);
    return x < side && y < side;
}

size_t uk_touch_read(const SDL_Event *event, float x, float y, const uk_scene *scene,
                     uint64_t now_ms, uk_input *out)
{
    size_t n = 0;
    switch (event->type) {
    case SDL_MOUSEBUTTONDOWN:
        if (event->button.which == SDL_TOUCH_MOUSEID || event->button.button != SDL_BUTTON_LEFT)
            return 0;
        /* fall through */
    case SDL_FINGERDOWN:
        if (on_corner(scene, x, y))
            out[n++] = (uk_input){
                .type = UK_INPUT_CORNER, .kind = UK_INPUT_TOUCH, .at_ms = now_ms, .down = true};
        uk_touch_tap(scene, x, y, UK_INPUT_TOUCH, now_ms, &out[n++]);
        return n;
    case SDL_MOUSEBUTTONUP:
    case SDL_FINGERUP:
        out[n++] = (uk_input){
            .type = UK_INPUT_CORNER, .kind = UK_INPUT_TOUCH, .at_ms = now_ms, .down = false};
        return n;
    default:
        return 0;
    }
}
