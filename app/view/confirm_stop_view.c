/*
 * confirm_stop_view.c: "Stop this routine?": the question large, the routine
 * it is about, how soon it goes on by itself, and two answers as large as
 * the bottom row allows. Keeping going sits on the right, where Stop was, so
 * a second tap on Stop keeps the routine going.
 */
#include "app/view/kit.h"

#include <stdio.h>

#include "app/view/palette.h"

void uk_confirm_stop_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    float top = uk_kit_header(f, uk_kit_str(f, UK_STR_STOP_TITLE), routine->title);
    uk_kit_bottom_button answers[2] = {
        {uk_kit_str(f, UK_STR_STOP_END), uk_kit_focus_style(f, 1), UK_ACTION_SELECT, 1},
        {uk_kit_str(f, UK_STR_STOP_KEEP), uk_kit_focus_style(f, 0), UK_ACTION_SELECT, 0},
    };
    float bottom = uk_kit_footer(f, answers, 2);
    uint64_t end = app->asked_stop_ms + app->cfg.confirm_stop_ms;
    char hint[128];
    snprintf(hint, sizeof hint, uk_kit_str(f, UK_STR_STOP_HINT),
             f->now < end ? (int)((end - f->now + 999) / 1000) : 0);
    float w = m->w - 2 * m->margin;
    float h = uk_kit_text_size(f, hint, m->body, 0, w).h;
    uk_scene_text(f->scene, (uk_rect){m->margin, top + (bottom - top - h) / 2, w, h}, m->body,
                  m->min_text, UK_TEXT_CENTER, UK_PALETTE_TEXT, "%s", hint);
}
