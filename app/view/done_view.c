/*
 * done_view.c: the done screen: how long it took, and the habit to take
 * home.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/palette.h"

void uk_done_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->done_routine];
    /* A skip through is not congratulated; the take-home card is there all the same. */
    bool stayed = app->done_stayed;
    float top = uk_kit_header(
        f, uk_kit_str(f, stayed ? UK_STR_DONE_TITLE : UK_STR_DONE_TITLE_SKIPPED), NULL);
    uk_kit_bottom_button finish = {uk_kit_str(f, UK_STR_DONE_FINISH), UK_KIT_BUTTON_FOCUSED,
                                   UK_ACTION_SELECT, 0};
    float bottom = uk_kit_footer(f, &finish, 1);

    int minutes = (int)((app->done_seconds + 30) / 60);
    char summary[256];
    if (stayed)
        snprintf(summary, sizeof summary, uk_kit_str(f, UK_STR_DONE_SUMMARY), routine->title,
                 minutes < 1 ? 1 : minutes);
    else
        snprintf(summary, sizeof summary, uk_kit_str(f, UK_STR_DONE_SUMMARY_SKIPPED),
                 routine->title);
    uk_rect said = uk_kit_text_at(f, m->margin, top, m->w - 2 * m->margin, m->body, UK_TEXT_MIDDLE,
                                  UK_PALETTE_TEXT, summary);

    uk_rect card = {m->margin, said.y + said.h + m->gap, m->w - 2 * m->margin,
                    bottom - said.y - said.h - m->gap};
    uk_scene_rect(f->scene, card, m->radius, UK_PALETTE_PANEL);
    uk_rect inner = uk_scene_inset(card, m->pad * 1.5f, m->pad);
    uk_kit_text blocks[3] = {
        {uk_kit_str(f, UK_STR_DONE_TAKE_HOME), m->body, UK_TEXT_BOLD, UK_PALETTE_ACCENT, 0},
        {routine->habit, m->title, 0, UK_PALETTE_TEXT, 0},
        {uk_kit_str(f, UK_STR_DONE_HYDRATION), m->body, 0, UK_PALETTE_RUNNING, 0},
    };
    uk_kit_fit_stack(f->env, blocks, 3, inner.w, inner.h, m->gap, m->min_text);
    uk_kit_place_stack(f->scene, blocks, 3, inner.x, inner.y, inner.w, m->gap, m->min_text);
}
