/*
 * heat_cold_view.c: the heat and cold session: the question, then for
 * each phase what to put on, and its timer with the time left, the time
 * done and the most it may last.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/core/heat_cold_screen.h"
#include "app/view/palette.h"

void uk_heat_cold_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    const uk_routine_heat_cold *hc = &routine->heat_cold;
    uk_heat_cold_moment view;
    uk_heat_cold_moment_at(&app->hc, f->now, &view);
    bool heat = view.phase == UK_HEAT_COLD_HEAT;
    uk_color phase_color = heat ? UK_PALETTE_HEAT : UK_PALETTE_COLD;
    const char *phase_name = uk_kit_str(f, heat ? UK_STR_HC_HEAT : UK_STR_HC_COLD);
    float x = m->margin, w = m->w - 2 * m->margin;

    if (app->hc.stage == UK_HEAT_COLD_QUESTION) {
        float top = uk_kit_header(f, routine->title, NULL);
        uk_kit_bottom_button stop = {uk_kit_str(f, UK_STR_PLAYER_STOP), UK_KIT_BUTTON_PLAIN,
                                     UK_ACTION_BACK, -1};
        float bottom = uk_kit_footer(f, &stop, 1);
        /* Two big answers, side by side (landscape) or one above the other. */
        float answer_h = roundf(m->button_h * 1.3f);
        float answers_h = m->portrait ? 2 * answer_h + m->gap : answer_h;
        float answers_y = bottom - answers_h;
        uk_kit_text blocks[2] = {
            {hc->question, m->title, UK_TEXT_BOLD, UK_PALETTE_TEXT, 0},
            {hc->safety, m->small, 0, UK_PALETTE_DIM, 0},
        };
        uk_kit_fit_stack(f->env, blocks, 2, w, answers_y - m->gap - top, m->gap, m->min_text);
        uk_kit_place_stack(f->scene, blocks, 2, x, top, w, m->gap, m->min_text);
        const char *answers[2] = {hc->answer_new, hc->answer_old};
        for (int i = 0; i < 2; i++) {
            uk_rect box =
                m->portrait ? (uk_rect){x, answers_y + (float)i * (answer_h + m->gap), w, answer_h}
                            : (uk_rect){x + (float)i * (w + m->gap) / 2, answers_y,
                                        (w - m->gap) / 2, answer_h};
            uk_kit_button(f, box, answers[i], uk_kit_focus_style(f, i), UK_ACTION_SELECT, i);
        }
        if (app->still_there)
            uk_kit_still_there(f);
        return;
    }

    /* "Part 1 of 2" only where there is a second part. */
    char subtitle[160], part[48];
    snprintf(part, sizeof part, uk_kit_str(f, UK_STR_HC_PHASE_OF), app->hc.phase_index + 1,
             app->hc.phase_count);
    if (app->hc.phase_count > 1)
        snprintf(subtitle, sizeof subtitle, "%s · %s", routine->title, part);
    else
        snprintf(subtitle, sizeof subtitle, "%s", routine->title);
    float top = uk_kit_header(f, phase_name, subtitle);
    char limit[96];
    snprintf(limit, sizeof limit, uk_kit_str(f, UK_STR_HC_LIMIT), (int)(view.max_ms / 60000));

    if (app->hc.stage != UK_HEAT_COLD_RUNNING) {
        uk_kit_bottom_button buttons[] = {
            {uk_kit_str(f, UK_STR_HC_BEGIN), UK_KIT_BUTTON_FOCUSED, UK_ACTION_SELECT,
             UK_HEAT_COLD_SCREEN_BEGIN},
            {uk_kit_str(f, UK_STR_PLAYER_STOP), UK_KIT_BUTTON_PLAIN, UK_ACTION_BACK, -1},
        };
        float bottom = uk_kit_footer(f, buttons, 2);
        uk_kit_text blocks[3] = {
            {heat ? hc->prepare_heat : hc->prepare_cold, m->title, 0, UK_PALETTE_TEXT, 0},
            {hc->safety, m->body, 0, UK_PALETTE_ACCENT, 0},
            {limit, m->small, 0, UK_PALETTE_DIM, 0},
        };
        uk_kit_fit_stack(f->env, blocks, 3, w, bottom - top, m->gap, m->min_text);
        uk_kit_place_stack(f->scene, blocks, 3, x, top, w, m->gap, m->min_text);
        if (app->still_there)
            uk_kit_still_there(f);
        return;
    }

    uk_kit_bottom_button buttons[] = {
        {uk_kit_str(f, UK_STR_HC_ADD_MINUTE),
         view.can_add_minute ? uk_kit_focus_style(f, UK_HEAT_COLD_SCREEN_MINUTE)
         : app->focus == UK_HEAT_COLD_SCREEN_MINUTE ? UK_KIT_BUTTON_DISABLED_FOCUSED
                                                    : UK_KIT_BUTTON_DISABLED,
         UK_ACTION_SELECT, UK_HEAT_COLD_SCREEN_MINUTE},
        {uk_kit_str(f, UK_STR_HC_END_PHASE), uk_kit_focus_style(f, UK_HEAT_COLD_SCREEN_END),
         UK_ACTION_SELECT, UK_HEAT_COLD_SCREEN_END},
        {uk_kit_str(f, UK_STR_PLAYER_STOP), UK_KIT_BUTTON_PLAIN, UK_ACTION_BACK, -1},
    };
    float bottom = uk_kit_footer(f, buttons, 3);
    uk_rect panel, words;
    uk_kit_split(m, top, bottom, m->portrait ? 0.45f : 0.4f, &panel, &words);
    char remaining[16], done[16], done_line[64], left_line[64];
    uk_kit_clock_text(remaining, sizeof remaining, view.remaining_ms, true);
    uk_kit_clock_text(done, sizeof done, view.elapsed_ms, false);
    snprintf(done_line, sizeof done_line, uk_kit_str(f, UK_STR_HC_ELAPSED), done);
    snprintf(left_line, sizeof left_line, uk_kit_str(f, UK_STR_HC_REMAINING), remaining);
    float d = fminf(panel.w, panel.h);
    uk_rect ring_box = {panel.x + (panel.w - d) / 2, panel.y + (panel.h - d) / 2, d, d};
    uk_kit_ring(f, ring_box, view.phase_ms ? (float)view.remaining_ms / (float)view.phase_ms : 0,
                remaining, phase_name, phase_color);

    char times[140];
    snprintf(times, sizeof times, "%s · %s", left_line, done_line);
    uk_kit_text blocks[4] = {
        {times, m->body, UK_TEXT_BOLD, phase_color, 0},
        {heat ? hc->heat_hint : hc->cold_hint, m->body, 0, UK_PALETTE_TEXT, 0},
        {hc->safety, m->small, 0, UK_PALETTE_ACCENT, 0},
        {limit, m->small, 0, UK_PALETTE_DIM, 0},
    };
    uk_kit_fit_stack(f->env, blocks, 4, words.w, words.h, m->gap, m->min_text);
    uk_kit_place_stack(f->scene, blocks, 4, words.x, words.y, words.w, m->gap, m->min_text);
}
