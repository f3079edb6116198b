/*
 * home_view.c: the home screen: the routines as cards, the language switch,
 * About and the disclaimer; and, while nobody is about, the attract mode:
 * one routine at a time with its figure moving, and how to start in every
 * language.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/core/home_screen.h"
#include "app/view/palette.h"

/* The bottom row: the disclaimer, then About and the language switch. Returns the y above it. */
static float home_bottom(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    float y = m->h - m->margin - m->button_h;
    float right = m->w - m->margin;

    /* The buttons, right to left: the language switch shows the next language's own name. */
    int lang_item = uk_home_screen_language_item(app);
    int about_item = uk_home_screen_about_item(app);
    float min_w = m->min_button;
    if (lang_item >= 0) {
        const uk_catalog *catalog = app->catalog;
        const uk_strings *next = catalog->langs[(app->lang + 1) % catalog->lang_count].strings;
        const char *name = uk_strings_get(next, UK_STR_LANG_NAME);
        float w =
            fmaxf(min_w * 2, uk_kit_text_size(f, name, m->body, UK_TEXT_BOLD, 0).w + 2 * m->pad);
        right -= w;
        uk_kit_button(f, (uk_rect){right, y, w, m->button_h}, name,
                      uk_kit_focus_style(f, lang_item), UK_ACTION_SELECT, lang_item);
        right -= m->gap;
    }
    const char *about = uk_kit_str(f, UK_STR_HOME_ABOUT);
    float about_w =
        fmaxf(min_w * 2, uk_kit_text_size(f, about, m->body, UK_TEXT_BOLD, 0).w + 2 * m->pad);
    right -= about_w;
    uk_kit_button(f, (uk_rect){right, y, about_w, m->button_h}, about,
                  uk_kit_focus_style(f, about_item), UK_ACTION_SELECT, about_item);

    /* The disclaimer beside them, as large as their height allows, or above them. */
    const char *disclaimer = uk_kit_str(f, UK_STR_HOME_DISCLAIMER);
    float text_w = right - m->gap - m->margin;
    float size = uk_kit_fit_size(f->env, disclaimer, m->small, m->min_text, 0, text_w, m->button_h);
    uk_text_extent fits = uk_kit_text_size(f, disclaimer, size, 0, text_w);
    if (fits.w <= text_w + 0.5f && fits.h <= m->button_h + 0.5f) {
        uk_scene_text(f->scene, (uk_rect){m->margin, y, text_w, m->button_h}, size, m->min_text,
                      UK_TEXT_MIDDLE, UK_PALETTE_DIM, "%s", disclaimer);
        return y - m->gap;
    }
    float w = m->w - 2 * m->margin;
    float h = uk_kit_text_size(f, disclaimer, m->small, 0, w).h;
    uk_scene_text(f->scene, (uk_rect){m->margin, y - m->gap * 0.5f - h, w, h}, m->small,
                  m->min_text, 0, UK_PALETTE_DIM, "%s", disclaimer);
    return y - m->gap * 1.5f - h;
}

/*
 * The routines as cards in one or two columns: the title, what it is and how
 * long, and the summary when there is room for it on every card. Pages when
 * they do not all fit; the highlight takes its page with it.
 */
static void home_cards(const uk_kit_frame *f, float top, float bottom)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    int columns = !m->portrait && m->w >= 1.5f * m->h ? 2 : 1;
    float card_w = (m->w - 2 * m->margin - (float)(columns - 1) * m->gap) / (float)columns;
    float inner_w = card_w - 2 * m->pad;
    float title_h = uk_kit_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float meta_h = uk_kit_lines_h(f, m->small, 0, 1);
    int count = (int)app->routine_count;
    int rows_all = (count + columns - 1) / columns;

    /*
     * Summaries show when every card, with its summary in full, fits on one
     * page: at the preferred size, else at the smallest. Otherwise cards hold
     * the title and the length only, and page.
     */
    float base_h = m->pad * 2 + title_h + meta_h;
    float card_h = base_h, summary_size = 0, summary_h = 0;
    float avail = bottom - top + 0.5f;
    if ((float)rows_all * (base_h + m->gap) - m->gap <= avail) {
        float sizes[2] = {m->small, m->min_text};
        for (int i = 0; i < 2 && summary_size == 0; i++) {
            float need = 0;
            for (int r = 0; r < count; r++)
                need = fmaxf(need,
                             uk_kit_text_size(f, app->routines[r].summary, sizes[i], 0, inner_w).h);
            if ((float)rows_all * (base_h + need + m->gap) - m->gap <= avail) {
                summary_size = sizes[i];
                summary_h = need;
                card_h = base_h + need;
            }
        }
    }
    /*
     * When two-line cards do not all fit on one page, one-line cards (the title alone),
     * closer together, may: every routine in view beats a second page a person may never
     * turn to.
     */
    bool compact = false;
    float row_gap = m->gap;
    float compact_h = fmaxf(roundf(m->pad * 1.2f) + title_h, m->min_button);
    if (summary_size == 0 && (float)rows_all * (card_h + m->gap) - m->gap > avail &&
        (float)rows_all * (compact_h + m->gap * 0.6f) - m->gap * 0.6f <= avail) {
        compact = true;
        card_h = compact_h;
        row_gap = roundf(m->gap * 0.6f);
    }
    /* One-line cards share one title size: the largest at which every title fits. */
    float line_size = m->body;
    for (int r = 0; compact && r < count; r++)
        line_size = fminf(line_size, uk_kit_fit_size(f->env, app->routines[r].title, m->body,
                                                     m->min_text, UK_TEXT_BOLD, inner_w, title_h));
    int rows = (int)((bottom - top + row_gap) / (card_h + row_gap));
    int per_page = (rows < 1 ? 1 : rows) * columns;
    /* More than one page: the line that says which page takes its room under the cards. */
    float pager_h = uk_kit_lines_h(f, m->small, 0, 1);
    if (count > per_page) {
        rows = (int)((bottom - pager_h - m->gap * 0.5f - top + row_gap) / (card_h + row_gap));
        per_page = (rows < 1 ? 1 : rows) * columns;
    }
    int focus = app->focus < count ? app->focus : 0;
    int page = focus / per_page;
    int pages = (count + per_page - 1) / per_page;

    for (int slot = 0; slot < per_page; slot++) {
        int index = page * per_page + slot;
        if (index >= count)
            break;
        const uk_routine *routine = &app->routines[index];
        bool focused = index == app->focus;
        uk_rect card = {m->margin + (float)(slot % columns) * (card_w + m->gap),
                        top + (float)(slot / columns) * (card_h + row_gap), card_w, card_h};
        uk_scene_rect(f->scene, card, m->radius, focused ? UK_PALETTE_ACCENT : UK_PALETTE_PANEL);
        if (focused)
            uk_scene_rect(f->scene, uk_scene_inset(card, m->pad * 0.3f, m->pad * 0.3f), m->radius,
                          UK_PALETTE_PANEL);
        /* A stripe in the category's colour, so cards of a kind group at a glance. */
        uk_scene_rect(
            f->scene,
            (uk_rect){card.x + m->pad * 0.3f, card.y + m->pad, m->pad * 0.35f, card.h - 2 * m->pad},
            0, uk_kit_category_color(routine->category));
        float x = card.x + m->pad, y = card.y + m->pad;
        if (compact) {
            y = card.y + (card.h - title_h) / 2;
            uk_scene_text(f->scene, (uk_rect){x, y, inner_w, title_h}, line_size, m->min_text,
                          UK_TEXT_BOLD | UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s", routine->title);
            uk_scene_hit(f->scene, card, UK_ACTION_SELECT, index);
            continue;
        }
        float title_size = uk_kit_fit_size(f->env, routine->title, m->body, m->min_text,
                                           UK_TEXT_BOLD, inner_w, title_h);
        uk_scene_text(f->scene, (uk_rect){x, y, inner_w, title_h}, title_size, m->min_text,
                      UK_TEXT_BOLD | UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s", routine->title);
        char meta[96];
        uk_kit_routine_meta(f, routine, meta, sizeof meta);
        uk_scene_text(f->scene, (uk_rect){x, y + title_h, inner_w, meta_h}, m->small, m->min_text,
                      UK_TEXT_MIDDLE, focused ? UK_PALETTE_ACCENT : UK_PALETTE_DIM, "%s", meta);
        if (summary_size > 0)
            uk_scene_text(f->scene, (uk_rect){x, y + title_h + meta_h, inner_w, summary_h},
                          summary_size, m->min_text, 0, focused ? UK_PALETTE_TEXT : UK_PALETTE_DIM,
                          "%s", routine->summary);
        uk_scene_hit(f->scene, card, UK_ACTION_SELECT, index);
    }
    if (pages > 1) {
        char pager[32];
        snprintf(pager, sizeof pager, uk_kit_str(f, UK_STR_HOME_MORE), page + 1, pages);
        uk_scene_text(
            f->scene, (uk_rect){m->margin, bottom - pager_h, m->w - 2 * m->margin, pager_h},
            m->small, m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, UK_PALETTE_DIM, "%s", pager);
    }
}

/* Attract mode: one routine at a time, its figure moving, and how to start, in every language. */
static void build_attract(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_catalog *catalog = app->catalog;
    /* Anywhere else wakes it, and does nothing more: the doctor button and the routine shown
     * (added below, over this) are what a first touch does at once. */
    uk_scene_hit(f->scene, (uk_rect){0, 0, m->w, m->h}, UK_ACTION_SELECT, -1);
    float top = uk_kit_header(f, uk_kit_str(f, UK_STR_HOME_TITLE), NULL);

    float wake_h = 0;
    for (size_t l = 0; l < catalog->lang_count; l++)
        wake_h += uk_kit_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float y = m->h - m->margin - wake_h;
    for (size_t l = 0; l < catalog->lang_count; l++) {
        float h = uk_kit_lines_h(f, m->body, UK_TEXT_BOLD, 1);
        uk_scene_text(f->scene, (uk_rect){m->margin, y, m->w - 2 * m->margin, h}, m->body,
                      m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD,
                      l == 0 ? UK_PALETTE_ACCENT : UK_PALETTE_DIM, "%s",
                      uk_strings_get(catalog->langs[(app->lang + l) % catalog->lang_count].strings,
                                     app->buttons ? UK_STR_HOME_WAKE_BUTTONS : UK_STR_HOME_WAKE));
        y += h;
    }
    float bottom = m->h - m->margin - wake_h - m->gap;
    if (app->routine_count == 0)
        return;

    size_t index = uk_app_attract_routine(app, f->now);
    const uk_routine *routine = &app->routines[index];
    uint64_t cycle = app->cfg.attract_cycle_ms ? app->cfg.attract_cycle_ms : 1;
    uint64_t since = f->now > app->attract_since ? f->now - app->attract_since : 0;
    uint32_t t = (uint32_t)(since % cycle);

    uk_rect panel, words;
    uk_kit_split(m, top, bottom, m->portrait ? 0.6f : 0.4f, &panel, &words);
    const uk_motion *motion = uk_kit_find_motion(f, routine->motion);
    uk_pose pose;
    uk_motion_pose_neutral(&pose);
    if (motion)
        uk_motion_sample(motion, t, 0, false, &pose);
    uk_kit_figure_panel(f, panel, motion, &pose, false);

    char meta[96];
    uk_kit_routine_meta(f, routine, meta, sizeof meta);
    uk_kit_text blocks[3] = {
        {meta, m->body, UK_TEXT_BOLD, uk_kit_category_color(routine->category), 0},
        {routine->title, m->title * 1.2f, UK_TEXT_BOLD, UK_PALETTE_TEXT, 0},
        {routine->summary, m->body, 0, UK_PALETTE_DIM, 0},
    };
    uk_kit_fit_stack(f->env, blocks, 3, words.w, words.h, m->gap, m->min_text);
    uk_kit_place_stack(f->scene, blocks, 3, words.x, words.y, words.w, m->gap, m->min_text);
    /* A touch on the routine shown starts it: the figure and its words. */
    float x0 = fminf(panel.x, words.x), y0 = fminf(panel.y, words.y);
    float x1 = fmaxf(panel.x + panel.w, words.x + words.w);
    float y1 = fmaxf(panel.y + panel.h, words.y + words.h);
    uk_scene_hit(f->scene, (uk_rect){x0, y0, x1 - x0, y1 - y0}, UK_ACTION_SELECT, (int)index);
}

void uk_home_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    if (f->app->attract) {
        build_attract(f);
        return;
    }
    float top = uk_kit_header(f, uk_kit_str(f, UK_STR_HOME_TITLE), NULL);
    float bottom = home_bottom(f);
    if (f->app->routine_count == 0) {
        uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
        uk_scene_rect(f->scene, box, m->radius, UK_PALETTE_PANEL);
        uk_scene_text(f->scene, uk_scene_inset(box, m->pad, m->pad), m->body, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s",
                      uk_kit_str(f, UK_STR_HOME_NO_ROUTINES));
        return;
    }
    home_cards(f, top, bottom);
}
