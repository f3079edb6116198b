/*
 * about_view.c: who reviewed each routine's content, and when; the page
 * follows the highlight.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/palette.h"

void uk_about_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    float top = uk_kit_header(f, uk_kit_str(f, UK_STR_ABOUT_TITLE), NULL);
    uk_kit_bottom_button back = {uk_kit_str(f, UK_STR_ABOUT_BACK), UK_KIT_BUTTON_FOCUSED,
                                 UK_ACTION_BACK, -1};
    float bottom = uk_kit_footer(f, &back, 1);
    float x = m->margin, w = m->w - 2 * m->margin;

    if (f->env->version) {
        float h = uk_kit_lines_h(f, m->min_text, 0, 1);
        uk_scene_text(f->scene, (uk_rect){x, bottom - h, w, h}, m->min_text, m->min_text,
                      UK_TEXT_RIGHT, UK_PALETTE_DIM, "unknot %s", f->env->version);
        bottom -= h + m->gap * 0.5f;
    }
    uk_rect intro = uk_kit_text_at(f, x, top, w, m->small, 0, UK_PALETTE_DIM,
                                   uk_kit_str(f, UK_STR_ABOUT_INTRO));
    top = intro.y + intro.h + m->gap;

    /*
     * One entry per routine: its title, and who checked it when; in two columns on a wide
     * screen. The "checked by" line takes one line where every one of them fits on one,
     * else two. Pages follow the highlight.
     */
    int columns = !m->portrait && m->w >= 1.5f * m->h ? 2 : 1;
    float col_w = (w - (float)(columns - 1) * m->gap) / (float)columns;
    int count = (int)app->routine_count;
    char checked[256];
    int lines = 1;
    for (int i = 0; i < count && lines == 1; i++) {
        const uk_routine *routine = &app->routines[i];
        snprintf(checked, sizeof checked, uk_kit_str(f, UK_STR_ABOUT_REVIEWED),
                 routine->reviewed_by ? routine->reviewed_by : "?", routine->reviewed_on);
        if (uk_kit_text_size(f, checked, m->small, 0, col_w).h >
            uk_kit_lines_h(f, m->small, 0, 1) + 0.5f)
            lines = 2;
    }
    float title_h = uk_kit_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float line_h = uk_kit_lines_h(f, m->small, 0, lines);
    float row_h = title_h + line_h + m->gap * 0.5f;
    int rows = (int)((bottom - top) / row_h);
    if (rows < 1)
        rows = 1;
    int per_page = rows * columns;
    int page = app->focus / per_page;
    for (int slot = 0; slot < per_page; slot++) {
        int index = page * per_page + slot;
        if (index >= count)
            break;
        const uk_routine *routine = &app->routines[index];
        float cx = x + (float)(slot % columns) * (col_w + m->gap);
        float y = top + (float)(slot / columns) * row_h;
        uk_scene_text(f->scene, (uk_rect){cx, y, col_w, title_h}, m->body, m->min_text,
                      UK_TEXT_BOLD | UK_TEXT_MIDDLE,
                      index == app->focus ? UK_PALETTE_ACCENT : UK_PALETTE_TEXT, "%s",
                      routine->title);
        snprintf(checked, sizeof checked, uk_kit_str(f, UK_STR_ABOUT_REVIEWED),
                 routine->reviewed_by ? routine->reviewed_by : "?", routine->reviewed_on);
        uk_scene_text(f->scene, (uk_rect){cx, y + title_h, col_w, line_h}, m->small, m->min_text, 0,
                      UK_PALETTE_DIM, "%s", checked);
    }
}
