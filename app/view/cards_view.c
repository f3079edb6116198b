/*
 * cards_view.c: "Learn about knots": one card at a time, with previous,
 * next (or finish) and back.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/palette.h"

void uk_cards_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    int count = routine->card_count;
    const uk_card *card = &routine->cards[app->card < count ? app->card : 0];

    char subtitle[128], of[32];
    snprintf(of, sizeof of, uk_kit_str(f, UK_STR_CARDS_OF), app->card + 1, count);
    snprintf(subtitle, sizeof subtitle, "%s · %s", routine->title, of);
    float top = uk_kit_header(f, card->title, subtitle);
    bool last = app->card + 1 >= count;
    uk_kit_bottom_button buttons[] = {
        {uk_kit_str(f, UK_STR_CARDS_PREVIOUS),
         app->card > 0 ? UK_KIT_BUTTON_PLAIN : UK_KIT_BUTTON_DISABLED,
         uk_screen_rules_of(UK_SCREEN_CARDS)->actions[0], -1},
        {uk_kit_str(f, last ? UK_STR_CARDS_FINISH : UK_STR_CARDS_NEXT), UK_KIT_BUTTON_FOCUSED,
         uk_screen_rules_of(UK_SCREEN_CARDS)->actions[1], -1},
        {uk_kit_str(f, UK_STR_ABOUT_BACK), UK_KIT_BUTTON_PLAIN,
         uk_screen_rules_of(UK_SCREEN_CARDS)->actions[2], -1},
    };
    float bottom = uk_kit_footer(f, buttons, 3);
    uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
    uk_scene_rect(f->scene, box, m->radius, UK_PALETTE_PANEL);
    uk_rect inner = uk_scene_inset(box, m->pad * 1.5f, m->pad);
    float size = uk_kit_fit_size(f->env, card->body, m->title, m->min_text, 0, inner.w, inner.h);
    uk_scene_text(f->scene, inner, size, m->min_text, UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s",
                  card->body);
    if (app->still_there)
        uk_kit_still_there(f);
}
