/*
 * kit.c: the pieces every screen's drawing is made of (see kit.h).
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/palette.h"

/* The doctor button every screen carries, top right (landscape) or under the title. */
static uk_rect doctor_button_box(const uk_kit_metrics *m)
{
    if (m->portrait)
        return (uk_rect){m->margin, m->margin + m->button_h + m->gap, m->w - 2 * m->margin,
                         m->button_h};
    float w = roundf(m->w * 0.34f);
    return (uk_rect){m->w - m->margin - w, m->margin, w, m->button_h};
}

float uk_kit_min_text_px(uk_viewport viewport)
{
    float s = (float)(viewport.w < viewport.h ? viewport.w : viewport.h);
    return roundf(s * UK_UI_MIN_TEXT_FRACTION);
}

float uk_kit_min_button_px(uk_viewport viewport)
{
    /* A 7-inch 800x480 panel has about 5.3 px per mm. */
    float px_per_mm = viewport.px_per_mm > 0 ? viewport.px_per_mm : 5.3f;
    return ceilf(UK_UI_MIN_BUTTON_MM * px_per_mm);
}

uk_kit_metrics uk_kit_metrics_for(uk_viewport viewport)
{
    uk_kit_metrics m = {.w = (float)viewport.w, .h = (float)viewport.h};
    m.portrait = m.h > m.w;
    m.s = m.portrait ? m.w : m.h;
    m.margin = roundf(m.s * 0.035f);
    m.gap = roundf(m.s * 0.025f);
    m.pad = roundf(m.s * 0.025f);
    m.radius = roundf(m.s * 0.02f);
    m.title = roundf(m.s * 0.085f);
    m.body = roundf(m.s * 0.068f);
    m.small = roundf(m.s * 0.056f);
    m.min_text = uk_kit_min_text_px(viewport);
    m.min_button = uk_kit_min_button_px(viewport);
    m.button_h = fmaxf(roundf(m.s * 0.15f), m.min_button);
    return m;
}

uk_text_extent uk_kit_measure(const uk_ui_env *c, const char *text, float size, uint32_t flags,
                              float max_w)
{
    if (c->measure)
        return c->measure(c->measure_ctx, text, size, flags, max_w);
    float char_w = size * (flags & UK_TEXT_BOLD ? 0.62f : 0.56f);
    float w = char_w * (float)strlen(text);
    float lines = max_w > 0 && w > max_w ? ceilf(w / max_w) : 1;
    return (uk_text_extent){max_w > 0 ? fminf(w, max_w) : w, lines * ceilf(size * 1.17f)};
}

float uk_kit_smaller(float size, float min_size)
{
    float next = fminf(roundf(size * 0.94f), size - 1);
    return fmaxf(next, min_size);
}

float uk_kit_fit_size(const uk_ui_env *c, const char *text, float size, float min_size,
                      uint32_t flags, float w, float h)
{
    for (;;) {
        uk_text_extent e = uk_kit_measure(c, text, size, flags, w);
        if ((e.w <= w + 0.5f && e.h <= h + 0.5f) || size <= min_size)
            return size;
        size = uk_kit_smaller(size, min_size);
    }
}

float uk_kit_stack_height(const uk_ui_env *c, uk_kit_text *blocks, int n, float w, float gap,
                          float scale, float min_size)
{
    float total = 0;
    for (int i = 0; i < n; i++) {
        float size = fmaxf(roundf(blocks[i].size * scale), min_size);
        blocks[i].h = uk_kit_measure(c, blocks[i].text, size, blocks[i].flags, w).h;
        total += blocks[i].h + (i ? gap : 0);
    }
    return total;
}

float uk_kit_fit_stack(const uk_ui_env *c, uk_kit_text *blocks, int n, float w, float avail,
                       float gap, float min_size)
{
    float scale = 1, total;
    for (;;) {
        total = uk_kit_stack_height(c, blocks, n, w, gap, scale, min_size);
        bool all_min = true;
        for (int i = 0; i < n; i++)
            all_min &= roundf(blocks[i].size * scale) <= min_size;
        if (total <= avail + 0.5f || all_min)
            break;
        scale *= 0.94f;
    }
    for (int i = 0; i < n; i++)
        blocks[i].size = fmaxf(roundf(blocks[i].size * scale), min_size);
    return total;
}

float uk_kit_place_stack(uk_scene *scene, const uk_kit_text *blocks, int n, float x, float y,
                         float w, float gap, float min_size)
{
    for (int i = 0; i < n; i++) {
        uk_scene_text(scene, (uk_rect){x, y, w, blocks[i].h}, blocks[i].size,
                      fminf(min_size, blocks[i].size), blocks[i].flags, blocks[i].color, "%s",
                      blocks[i].text);
        y += blocks[i].h + gap;
    }
    return y - gap;
}

const char *uk_kit_str(const uk_kit_frame *f, uk_string_id id)
{
    return uk_strings_get(f->strings, id);
}

uk_text_extent uk_kit_text_size(const uk_kit_frame *f, const char *text, float size, uint32_t flags,
                                float max_w)
{
    return uk_kit_measure(f->env, text, size, flags, max_w);
}

float uk_kit_lines_h(const uk_kit_frame *f, float size, uint32_t flags, int n)
{
    static const char *const lines[] = {"Ag", "Ag\nAg", "Ag\nAg\nAg", "Ag\nAg\nAg\nAg"};
    if (n < 1)
        return 0;
    return uk_kit_text_size(f, lines[n > 4 ? 3 : n - 1], size, flags, 0).h;
}

uk_rect uk_kit_text_at(const uk_kit_frame *f, float x, float y, float w, float size, uint32_t flags,
                       uk_color color, const char *text)
{
    float h = uk_kit_text_size(f, text, size, flags, w).h;
    uk_rect box = {x, y, w, h};
    uk_scene_text(f->scene, box, size, fminf(f->m.min_text, size), flags, color, "%s", text);
    return box;
}

void uk_kit_clock_text(char *buf, size_t len, uint32_t ms, bool round_up)
{
    uint32_t s = round_up ? (ms + 999) / 1000 : ms / 1000;
    snprintf(buf, len, "%u:%02u", s / 60, s % 60);
}

void uk_kit_duration_text(char *buf, size_t len, uint64_t ms)
{
    uint64_t s = ms / 1000;
    if (s >= 86400)
        snprintf(buf, len, "%u d %u h", (unsigned)(s / 86400), (unsigned)(s % 86400 / 3600));
    else if (s >= 3600)
        snprintf(buf, len, "%u h %u min", (unsigned)(s / 3600), (unsigned)(s % 3600 / 60));
    else if (s >= 60)
        snprintf(buf, len, "%u min", (unsigned)(s / 60));
    else
        snprintf(buf, len, "%u s", (unsigned)s);
}

float uk_kit_row_label_size(const uk_kit_frame *f, const char *const *labels, int count, float w,
                            float h)
{
    const uk_kit_metrics *m = &f->m;
    float size = m->body;
    for (int i = 0; i < count; i++)
        size = fminf(size, uk_kit_fit_size(f->env, labels[i], m->body, m->min_text, UK_TEXT_BOLD,
                                           w - 2 * m->pad, h - m->pad));
    return size;
}

void uk_kit_button_at(const uk_kit_frame *f, uk_rect box, const char *label, float size,
                      uk_kit_button_style style, uk_action action, int item)
{
    const uk_kit_metrics *m = &f->m;
    bool disabled = style == UK_KIT_BUTTON_DISABLED || style == UK_KIT_BUTTON_DISABLED_FOCUSED;
    bool rim = style == UK_KIT_BUTTON_SELECTED || style == UK_KIT_BUTTON_DISABLED_FOCUSED;
    uk_color fill = style == UK_KIT_BUTTON_FOCUSED  ? UK_PALETTE_ACCENT
                    : style == UK_KIT_BUTTON_DOCTOR ? UK_PALETTE_DOCTOR
                    : disabled                      ? UK_PALETTE_PANEL
                                                    : UK_PALETTE_BUTTON;
    uk_color ink = style == UK_KIT_BUTTON_FOCUSED ? UK_PALETTE_DARK_TEXT
                   : disabled                     ? UK_PALETTE_DIM
                                                  : UK_PALETTE_TEXT;
    if (rim) {
        float width = fmaxf(3, roundf(m->pad * 0.3f));
        uk_scene_rect(f->scene, box, m->radius, UK_PALETTE_ACCENT);
        uk_scene_rect(f->scene, uk_scene_inset(box, width, width), fmaxf(0, m->radius - width),
                      fill);
    } else {
        uk_scene_rect(f->scene, box, m->radius, fill);
    }
    uk_scene_text(f->scene, uk_scene_inset(box, m->pad, m->pad * 0.5f), size, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, ink, "%s", label);
    uk_scene_hit(f->scene, box, action, item);
}

void uk_kit_button(const uk_kit_frame *f, uk_rect box, const char *label, uk_kit_button_style style,
                   uk_action action, int item)
{
    uk_kit_button_at(f, box, label, f->m.body, style, action, item);
}

uk_kit_button_style uk_kit_scanned(const uk_kit_frame *f, int index, uk_kit_button_style otherwise)
{
    return uk_app_scan_highlight(f->app) == index && !uk_app_scan_on_help(f->app)
               ? UK_KIT_BUTTON_FOCUSED
               : otherwise;
}

uk_kit_button_style uk_kit_focus_style(const uk_kit_frame *f, int item)
{
    return f->app->focus == item ? UK_KIT_BUTTON_FOCUSED : UK_KIT_BUTTON_PLAIN;
}

float uk_kit_header(const uk_kit_frame *f, const char *title, const char *subtitle)
{
    const uk_kit_metrics *m = &f->m;
    uk_rect doctor = doctor_button_box(m);
    float title_w = m->portrait ? m->w - 2 * m->margin : doctor.x - m->gap - m->margin;
    uk_rect box = {m->margin, m->margin, title_w, m->button_h};
    if (subtitle && subtitle[0]) {
        float sub_h = uk_kit_lines_h(f, m->small, 0, 1);
        uk_scene_text(f->scene, (uk_rect){box.x, box.y, box.w, sub_h}, m->small, m->min_text, 0,
                      UK_PALETTE_DIM, "%s", subtitle);
        box.y += sub_h;
        box.h -= sub_h;
    }
    uk_scene_text(f->scene, box, m->title, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE,
                  UK_PALETTE_TEXT, "%s", title);
    uk_kit_button(f, doctor, uk_kit_str(f, UK_STR_DOCTOR_BUTTON),
                  uk_app_scan_on_help(f->app) ? UK_KIT_BUTTON_FOCUSED : UK_KIT_BUTTON_DOCTOR,
                  UK_ACTION_HELP, -1);
    return doctor.y + doctor.h + m->gap;
}

float uk_kit_footer(const uk_kit_frame *f, const uk_kit_bottom_button *buttons, int count)
{
    const uk_kit_metrics *m = &f->m;
    float y = m->h - m->margin - m->button_h;
    float w = (m->w - 2 * m->margin - (float)(count - 1) * m->gap) / (float)count;
    const char *labels[4] = {NULL};
    for (int i = 0; i < count && i < 4; i++)
        labels[i] = buttons[i].label;
    float size = uk_kit_row_label_size(f, labels, count < 4 ? count : 4, w, m->button_h);
    for (int i = 0; i < count; i++) {
        uk_rect box = {m->margin + (float)i * (w + m->gap), y, w, m->button_h};
        uk_kit_button_at(f, box, buttons[i].label, size, buttons[i].style, buttons[i].action,
                         buttons[i].item);
    }
    return y - m->gap;
}

void uk_kit_ring(const uk_kit_frame *f, uk_rect box, float left, const char *number,
                 const char *word, uk_color color)
{
    const uk_kit_metrics *m = &f->m;
    float d = fminf(box.w, box.h);
    float cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    float thickness = roundf(d * 0.12f);
    float radius = d / 2 - thickness / 2;
    uk_scene_ring(f->scene, cx, cy, radius, thickness, 0, 1, UK_PALETTE_TRACK);
    if (left > 0)
        uk_scene_ring(f->scene, cx, cy, radius, thickness, 1 - fminf(left, 1), 1, color);
    float inner = (radius - thickness / 2) * 1.4f;
    /* The word goes under the number when both fit; the line beside the ring says it too. */
    float word_h = word ? fmaxf(m->min_text * 1.2f, inner * 0.26f) : 0;
    if (word && (inner - word_h < m->min_text * 1.3f ||
                 uk_kit_measure(f->env, word, m->min_text, 0, 0).w > inner)) {
        word = NULL;
        word_h = 0;
    }
    float number_h = inner - word_h;
    uk_scene_text(f->scene, (uk_rect){cx - inner / 2, cy - inner / 2, inner, number_h},
                  fmaxf(number_h * 0.8f, m->min_text), m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, UK_PALETTE_TEXT, "%s", number);
    if (word)
        uk_scene_text(f->scene, (uk_rect){cx - inner / 2, cy - inner / 2 + number_h, inner, word_h},
                      m->min_text, m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE, color, "%s", word);
}

void uk_kit_figure_panel(const uk_kit_frame *f, uk_rect panel, const uk_motion *motion,
                         const uk_pose *pose, bool mirror)
{
    uk_scene_rect(f->scene, panel, f->m.radius, UK_PALETTE_PANEL);
    uk_figure_draw(f->scene, pose, motion ? motion->view : UK_MOTION_VIEW_FRONT,
                   motion ? motion->prop : UK_MOTION_PROP_NONE, mirror,
                   uk_scene_inset(panel, f->m.pad, f->m.pad), &UK_PALETTE_FIGURE);
}

const uk_motion *uk_kit_find_motion(const uk_kit_frame *f, const char *id)
{
    if (id == NULL)
        return NULL;
    return uk_motion_find(f->app->catalog->motions, f->app->catalog->motion_count, id);
}

/* "Stretch", "Move"...: a routine's category in the language on screen. */
static const char *category_label(const uk_kit_frame *f, uk_category category)
{
    static const uk_string_id ids[UK_CATEGORY_COUNT] = {
        UK_STR_CATEGORY_STRETCH, UK_STR_CATEGORY_MOVE, UK_STR_CATEGORY_MASSAGE,
        UK_STR_CATEGORY_HEAT_COLD, UK_STR_CATEGORY_LEARN};
    return (unsigned)category < UK_CATEGORY_COUNT ? uk_kit_str(f, ids[category]) : "";
}

uk_color uk_kit_category_color(uk_category category)
{
    switch (category) {
    case UK_CATEGORY_MOVE:
        return UK_PALETTE_READY;
    case UK_CATEGORY_MASSAGE:
        return UK_PALETTE_REST;
    case UK_CATEGORY_HEAT_COLD:
        return UK_PALETTE_HEAT;
    case UK_CATEGORY_LEARN:
        return UK_PALETTE_ACCENT;
    default:
        return UK_PALETTE_RUNNING;
    }
}

void uk_kit_routine_meta(const uk_kit_frame *f, const uk_routine *routine, char *buf, size_t len)
{
    char length[48];
    if (routine->type == UK_ROUTINE_CARDS) {
        snprintf(length, sizeof length, uk_kit_str(f, UK_STR_HOME_CARDS), routine->card_count);
    } else {
        const uk_app_config *cfg = &f->app->cfg;
        uint32_t total =
            uk_routine_total_ms(routine, cfg->timing.get_ready_ms, cfg->timing.switch_ms);
        int minutes = (int)((total + 30000) / 60000);
        snprintf(length, sizeof length, uk_kit_str(f, UK_STR_HOME_MINUTES),
                 minutes < 1 ? 1 : minutes);
    }
    snprintf(buf, len, "%s · %s", category_label(f, routine->category), length);
}

void uk_kit_split(const uk_kit_metrics *m, float top, float bottom, float figure_share,
                  uk_rect *panel, uk_rect *words)
{
    if (m->portrait) {
        float fig_h = roundf((bottom - top) * figure_share);
        *panel = (uk_rect){m->margin, top, m->w - 2 * m->margin, fig_h};
        *words = (uk_rect){m->margin, top + fig_h + m->gap, m->w - 2 * m->margin,
                           bottom - top - fig_h - m->gap};
    } else {
        float fig_w = roundf((m->w - 2 * m->margin) * figure_share);
        *panel = (uk_rect){m->margin, top, fig_w, bottom - top};
        *words = (uk_rect){m->margin + fig_w + m->gap, top, m->w - 2 * m->margin - fig_w - m->gap,
                           bottom - top};
    }
}

void uk_kit_still_there(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    uk_scene_rect(f->scene, (uk_rect){0, 0, m->w, m->h}, 0, UK_PALETTE_SHADE);
    uk_scene_hit(f->scene, (uk_rect){0, 0, m->w, m->h}, UK_ACTION_SELECT, -1);

    float card_w = fminf(m->w - 2 * m->margin, m->s * 1.3f);
    float inner_w = card_w - 2 * m->pad;
    uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
    char ends_in[64];
    snprintf(ends_in, sizeof ends_in, uk_kit_str(f, UK_STR_STILL_ENDS_IN),
             f->now < end ? (int)((end - f->now + 999) / 1000) : 0);
    uk_kit_text blocks[3] = {
        {uk_kit_str(f, UK_STR_STILL_TITLE), m->title, UK_TEXT_CENTER | UK_TEXT_BOLD,
         UK_PALETTE_TEXT, 0},
        {uk_kit_str(f, UK_STR_STILL_HINT), m->body, UK_TEXT_CENTER, UK_PALETTE_TEXT, 0},
        {ends_in, m->small, UK_TEXT_CENTER, UK_PALETTE_DIM, 0},
    };
    float avail = m->h - 2 * m->margin - 2 * m->pad - m->button_h - m->gap;
    float words_h = uk_kit_fit_stack(f->env, blocks, 3, inner_w, avail, m->gap * 0.5f, m->min_text);
    float card_h = m->pad * 2 + words_h + m->gap + m->button_h;
    uk_rect card = {(m->w - card_w) / 2, (m->h - card_h) / 2, card_w, card_h};
    uk_scene_rect(f->scene, card, m->radius, UK_PALETTE_PANEL);
    float y = uk_kit_place_stack(f->scene, blocks, 3, card.x + m->pad, card.y + m->pad, inner_w,
                                 m->gap * 0.5f, m->min_text);
    float bw = fminf(inner_w, m->s * 0.8f);
    uk_kit_button(f, (uk_rect){card.x + m->pad + (inner_w - bw) / 2, y + m->gap, bw, m->button_h},
                  uk_kit_str(f, UK_STR_STILL_CONTINUE), UK_KIT_BUTTON_FOCUSED, UK_ACTION_SELECT,
                  -1);
}
