/*
 * ui.c: the four screens, laid out for whatever frame they are given.
 *
 * Every size is derived from the frame's short side `s` (see `metrics`), so
 * proportions hold from 800x480 to 1920x1080 and in portrait. Text boxes
 * are sized for the text they hold at the preferred size; the painter may
 * shrink a long line down to `min_text`, never further. Nothing here keeps
 * state between frames.
 *
 * Colours were chosen for a dim waiting room: light text on a dark blue
 * ground (contrast above 12:1), amber for the highlight, teal for time
 * running, and a strong red only for the doctor. Meaning never rests on
 * colour alone: the countdown also shows its number and a word.
 */
#include "app/ui.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* ---- palette ---------------------------------------------------------------- */

static const uk_color COLOR_BG = {0x12, 0x1e, 0x27, 0xff};
static const uk_color COLOR_PANEL = {0x1d, 0x2e, 0x3a, 0xff};
static const uk_color COLOR_TEXT = {0xf5, 0xf1, 0xe8, 0xff};
static const uk_color COLOR_DIM = {0xb9, 0xc6, 0xce, 0xff};
static const uk_color COLOR_DARK_TEXT = {0x12, 0x1e, 0x27, 0xff};
static const uk_color COLOR_ACCENT = {0xf2, 0xb1, 0x34, 0xff};
static const uk_color COLOR_BUTTON = {0x2f, 0x4b, 0x5c, 0xff};
static const uk_color COLOR_DOCTOR = {0xb3, 0x32, 0x26, 0xff};
static const uk_color COLOR_RUNNING = {0x4f, 0xc1, 0xb0, 0xff};
static const uk_color COLOR_TRACK = {0x2e, 0x42, 0x4f, 0xff};
static const uk_color COLOR_SHADE = {0x08, 0x10, 0x16, 0xd8};

static const uk_figure_style FIGURE_STYLE = {
    .skin = {0xf0, 0xd9, 0xc0, 0xff},
    .shirt = {0x5b, 0x9b, 0xd5, 0xff},
    .trousers = {0x8a, 0x9a, 0xb2, 0xff},
    .shoes = {0xe4, 0xe7, 0xeb, 0xff},
    .prop = {0x5a, 0x72, 0x80, 0xff},
    .floor = {0x3a, 0x50, 0x5e, 0xff},
    .outline = {0x1d, 0x2e, 0x3a, 0xff},
    .far_shade = 0.4f,
};

/* ---- metrics ---------------------------------------------------------------- */

typedef struct metrics {
    float w, h;    /* frame */
    float s;       /* short side: every size below is a fraction of it */
    bool portrait; /* taller than wide */
    float margin;  /* around the frame */
    float gap;     /* between blocks */
    float pad;     /* inside buttons and cards */
    float radius;  /* corner rounding */
    float title;   /* text sizes in px */
    float body;
    float small;
    float min_text;
    float button_h; /* height of every button */
} metrics;

float uk_ui_min_text_px(uk_viewport viewport)
{
    float s = (float)(viewport.w < viewport.h ? viewport.w : viewport.h);
    return roundf(s * UK_UI_MIN_TEXT_FRACTION);
}

float uk_ui_min_button_px(uk_viewport viewport)
{
    /* A 7-inch 800x480 panel has about 5.3 px per mm. */
    float px_per_mm = viewport.px_per_mm > 0 ? viewport.px_per_mm : 5.3f;
    return ceilf(UK_UI_MIN_BUTTON_MM * px_per_mm);
}

static metrics metrics_for(uk_viewport viewport)
{
    metrics m = {.w = (float)viewport.w, .h = (float)viewport.h};
    m.portrait = m.h > m.w;
    m.s = m.portrait ? m.w : m.h;
    m.margin = roundf(m.s * 0.035f);
    m.gap = roundf(m.s * 0.025f);
    m.pad = roundf(m.s * 0.025f);
    m.radius = roundf(m.s * 0.02f);
    m.title = roundf(m.s * 0.085f);
    m.body = roundf(m.s * 0.068f);
    m.small = roundf(m.s * 0.056f);
    m.min_text = uk_ui_min_text_px(viewport);
    m.button_h = fmaxf(roundf(m.s * 0.15f), uk_ui_min_button_px(viewport));
    return m;
}

/* Height of `lines` lines of text at `size`: a first guess, before measuring. */
static float lines_h(float size, int lines)
{
    return ceilf(size * 1.25f * (float)lines);
}

/* ---- measuring text ------------------------------------------------------------ */

/*
 * The size `text` takes at `size` wrapped to `max_w`. With no measure from
 * the platform (core tests), an estimate: DejaVu Sans averages a little
 * over half an em per character.
 */
static uk_text_extent measure(const uk_ui_content *c, const char *text, float size, uint32_t flags,
                              float max_w)
{
    if (c->measure)
        return c->measure(c->measure_ctx, text, size, flags, max_w);
    float char_w = size * (flags & UK_TEXT_BOLD ? 0.62f : 0.56f);
    float w = char_w * (float)strlen(text);
    float lines = max_w > 0 && w > max_w ? ceilf(w / max_w) : 1;
    return (uk_text_extent){max_w > 0 ? fminf(w, max_w) : w, lines * ceilf(size * 1.17f)};
}

/* The next size to try when a text is too big: a few percent smaller, whole px. */
static float smaller(float size, float min_size)
{
    float next = fminf(roundf(size * 0.94f), size - 1);
    return fmaxf(next, min_size);
}

/* The largest size from `size` down to `min_size` at which `text` fits w x h. */
static float fit_size(const uk_ui_content *c, const char *text, float size, float min_size,
                      uint32_t flags, float w, float h)
{
    for (;;) {
        uk_text_extent e = measure(c, text, size, flags, w);
        if ((e.w <= w + 0.5f && e.h <= h + 0.5f) || size <= min_size)
            return size;
        size = smaller(size, min_size);
    }
}

/*
 * A column of texts stacked with `gap` between them. fit_stack shrinks
 * their sizes together (each keeps its place relative to the others) until
 * the column fits `avail` or every text is at `min_size`, and records each
 * text's height; place_stack adds them to the scene.
 */
typedef struct text_block {
    const char *text;
    float size; /* preferred, then the size chosen */
    uint32_t flags;
    uk_color color;
    float h; /* measured height at the chosen size */
} text_block;

static float stack_height(const uk_ui_content *c, text_block *blocks, int n, float w, float gap,
                          float scale, float min_size)
{
    float total = 0;
    for (int i = 0; i < n; i++) {
        float size = fmaxf(roundf(blocks[i].size * scale), min_size);
        blocks[i].h = measure(c, blocks[i].text, size, blocks[i].flags, w).h;
        total += blocks[i].h + (i ? gap : 0);
    }
    return total;
}

static float fit_stack(const uk_ui_content *c, text_block *blocks, int n, float w, float avail,
                       float gap, float min_size)
{
    float scale = 1, total;
    for (;;) {
        total = stack_height(c, blocks, n, w, gap, scale, min_size);
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

/* Adds the stack at (x, y), `w` wide. Returns the y below the last text. */
static float place_stack(uk_scene *scene, const text_block *blocks, int n, float x, float y,
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

/* ---- pieces ----------------------------------------------------------------- */

typedef enum button_style {
    BUTTON_PLAIN,
    BUTTON_FOCUSED,
    BUTTON_DOCTOR
} button_style;

static void button(uk_scene *scene, const metrics *m, uk_rect box, const char *label,
                   button_style style, uk_action action, int item)
{
    uk_color fill = style == BUTTON_FOCUSED  ? COLOR_ACCENT
                    : style == BUTTON_DOCTOR ? COLOR_DOCTOR
                                             : COLOR_BUTTON;
    uk_color ink = style == BUTTON_FOCUSED ? COLOR_DARK_TEXT : COLOR_TEXT;
    uk_scene_rect(scene, box, m->radius, fill);
    uk_scene_text(scene, uk_rect_inset(box, m->pad, m->pad * 0.5f), m->body, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, ink, "%s", label);
    uk_scene_hit(scene, box, action, item);
}

/* The doctor button every screen carries, top right (landscape) or under the title. */
static uk_rect doctor_button_box(const metrics *m)
{
    if (m->portrait)
        return (uk_rect){m->margin, m->margin + m->button_h + m->gap, m->w - 2 * m->margin,
                         m->button_h};
    float w = roundf(m->w * 0.34f);
    return (uk_rect){m->w - m->margin - w, m->margin, w, m->button_h};
}

/* The header: a title on the left, the doctor button. Returns the y below it. */
static float header(uk_scene *scene, const metrics *m, const uk_strings *strings, const char *title,
                    const char *subtitle)
{
    uk_rect doctor = doctor_button_box(m);
    float title_w = m->portrait ? m->w - 2 * m->margin : doctor.x - m->gap - m->margin;
    uk_rect box = {m->margin, m->margin, title_w, m->button_h};
    if (subtitle && subtitle[0]) {
        float sub_h = lines_h(m->small, 1);
        uk_scene_text(scene, (uk_rect){box.x, box.y, box.w, sub_h}, m->small, m->min_text, 0,
                      COLOR_DIM, "%s", subtitle);
        box.y += sub_h;
        box.h -= sub_h;
    }
    uk_scene_text(scene, box, m->title, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT,
                  "%s", title);
    button(scene, m, doctor, uk_str(strings, UK_STR_DOCTOR_BUTTON), BUTTON_DOCTOR, UK_ACTION_HELP,
           -1);
    return doctor.y + doctor.h + m->gap;
}

/* A row of equal buttons along the bottom. Returns the y above it. */
typedef struct bottom_button {
    const char *label;
    button_style style;
    uk_action action;
    int item;
} bottom_button;

static float footer(uk_scene *scene, const metrics *m, const bottom_button *buttons, int count)
{
    float y = m->h - m->margin - m->button_h;
    float w = (m->w - 2 * m->margin - (float)(count - 1) * m->gap) / (float)count;
    for (int i = 0; i < count; i++) {
        uk_rect box = {m->margin + (float)i * (w + m->gap), y, w, m->button_h};
        button(scene, m, box, buttons[i].label, buttons[i].style, buttons[i].action,
               buttons[i].item);
    }
    return y - m->gap;
}

/* ---- home ------------------------------------------------------------------- */

/* "3 min": how long routine `index` takes, get-ready and switch moments included. */
static void routine_length(char *buf, size_t len, const uk_app *app, const uk_strings *strings,
                           size_t index)
{
    uint32_t total = uk_routine_total_ms(&app->routines[index], app->cfg.timing.get_ready_ms,
                                         app->cfg.timing.switch_ms);
    int minutes = (int)((total + 30000) / 60000);
    snprintf(buf, len, uk_str(strings, UK_STR_HOME_MINUTES), minutes < 1 ? 1 : minutes);
}

static void build_home(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                       const metrics *m)
{
    const uk_strings *strings = content->strings;
    float top = header(scene, m, strings, uk_str(strings, UK_STR_HOME_TITLE), NULL);

    const char *disclaimer = uk_str(strings, UK_STR_HOME_DISCLAIMER);
    float text_w = m->w - 2 * m->margin;
    float disclaimer_h = measure(content, disclaimer, m->small, 0, text_w).h;
    float bottom = m->h - m->margin - disclaimer_h;
    uk_scene_text(scene, (uk_rect){m->margin, bottom, m->w - 2 * m->margin, disclaimer_h}, m->small,
                  m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_DIM, "%s", disclaimer);
    bottom -= m->gap;

    if (app->routine_count == 0) {
        uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
        uk_scene_rect(scene, box, m->radius, COLOR_PANEL);
        uk_scene_text(scene, uk_rect_inset(box, m->pad, m->pad), m->body, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
                      uk_str(strings, UK_STR_HOME_NO_ROUTINES));
        return;
    }

    /* Routine cards: two columns on a wide screen, one otherwise; pages when they do not fit.
     * A card is the title on one line, then the length and the summary on two. */
    float line_body = measure(content, "Ag", m->body, UK_TEXT_BOLD, 0).h;
    float prompt_h = line_body;
    int columns = !m->portrait && m->w >= 1.5f * m->h ? 2 : 1;
    float card_w = (m->w - 2 * m->margin - (float)(columns - 1) * m->gap) / (float)columns;
    float list_top = top + prompt_h + m->gap * 0.5f;

    /* Cards are as tall as the longest summary on the page needs (two or three lines):
     * guess two, measure the page, and if one needs three, lay out again. */
    float summary_h = measure(content, "Ag\nAg", m->small, 0, 0).h;
    float three_lines = measure(content, "Ag\nAg\nAg", m->small, 0, 0).h;
    int per_page = 1, page = 0, pages = 1;
    char length[32];
    for (int pass = 0; pass < 2; pass++) {
        float card_h = m->pad * 2 + line_body + m->pad * 0.25f + summary_h;
        int rows = (int)((bottom - list_top + m->gap) / (card_h + m->gap));
        per_page = (rows < 1 ? 1 : rows) * columns;
        page = app->focus / per_page;
        pages = (int)((app->routine_count + (size_t)per_page - 1) / (size_t)per_page);
        float needed = summary_h;
        for (int slot = 0; slot < per_page; slot++) {
            size_t index = (size_t)(page * per_page + slot);
            if (index >= app->routine_count)
                break;
            routine_length(length, sizeof length, app, strings, index);
            char text[UK_TEXT_MAX + 40];
            snprintf(text, sizeof text, "%s · %s", length, app->routines[index].summary);
            needed = fmaxf(needed, measure(content, text, m->small, 0, card_w - 2 * m->pad).h);
        }
        if (needed <= summary_h + 0.5f)
            break;
        summary_h = fminf(needed, three_lines);
    }
    float card_h = m->pad * 2 + line_body + m->pad * 0.25f + summary_h;

    float prompt_w = m->w - 2 * m->margin;
    if (pages > 1) {
        char pager[32];
        snprintf(pager, sizeof pager, uk_str(strings, UK_STR_HOME_MORE), page + 1, pages);
        float pager_w = ceilf(measure(content, pager, m->small, 0, 0).w) + 1;
        uk_scene_text(scene, (uk_rect){m->margin + prompt_w - pager_w, top, pager_w, prompt_h},
                      m->small, m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, COLOR_DIM, "%s",
                      pager);
        prompt_w -= pager_w + m->gap;
    }
    uk_scene_text(scene, (uk_rect){m->margin, top, prompt_w, prompt_h}, m->body, m->min_text,
                  UK_TEXT_MIDDLE, COLOR_DIM, "%s", uk_str(strings, UK_STR_HOME_PROMPT));

    for (int slot = 0; slot < per_page; slot++) {
        size_t index = (size_t)(page * per_page + slot);
        if (index >= app->routine_count)
            break;
        const uk_routine *routine = &app->routines[index];
        bool focused = (int)index == app->focus;
        uk_rect card = {m->margin + (float)(slot % columns) * (card_w + m->gap),
                        list_top + (float)(slot / columns) * (card_h + m->gap), card_w, card_h};
        if (focused) {
            uk_scene_rect(scene, card, m->radius, COLOR_ACCENT);
            uk_scene_rect(scene, uk_rect_inset(card, m->pad * 0.3f, m->pad * 0.3f), m->radius,
                          COLOR_PANEL);
        } else {
            uk_scene_rect(scene, card, m->radius, COLOR_PANEL);
        }
        uk_rect inner = uk_rect_inset(card, m->pad, m->pad);
        routine_length(length, sizeof length, app, strings, index);
        float title_size = fit_size(content, routine->title, m->body, m->min_text, UK_TEXT_BOLD,
                                    inner.w, line_body);
        uk_scene_text(scene, (uk_rect){inner.x, inner.y, inner.w, line_body}, title_size,
                      m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", routine->title);
        float summary_y = inner.y + line_body + m->pad * 0.25f;
        uk_scene_text(scene, (uk_rect){inner.x, summary_y, inner.w, inner.y + inner.h - summary_y},
                      m->small, m->min_text, 0, focused ? COLOR_TEXT : COLOR_DIM, "%s · %s", length,
                      routine->summary);
        uk_scene_hit(scene, card, UK_ACTION_SELECT, (int)index);
    }
}

/* ---- player ----------------------------------------------------------------- */

static void figure(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                   const uk_player_view *view, const metrics *m, uk_rect panel)
{
    uk_scene_rect(scene, panel, m->radius, COLOR_PANEL);
    const uk_step *step = view->step;
    const uk_motion *motion = uk_motion_find(content->motions, content->motion_count, step->motion);
    uk_pose pose;
    uk_pose_neutral(&pose);
    uk_view facing = UK_VIEW_FRONT;
    uk_prop prop = UK_PROP_NONE;
    bool mirror = view->side == UK_SIDE_RIGHT;
    if (motion) {
        facing = motion->view;
        prop = motion->prop;
        if (view->phase == UK_PHASE_ACTIVE || app->player.paused) {
            uint32_t loop_ms = step->kind == UK_STEP_REPS ? step->rep_seconds * 1000u : 0;
            uint32_t t = view->phase == UK_PHASE_ACTIVE ? view->elapsed_ms : 0;
            uk_motion_sample(motion, t, loop_ms, mirror, &pose);
        }
    }
    uk_figure_draw(scene, &pose, facing, prop, mirror, uk_rect_inset(panel, m->pad, m->pad),
                   &FIGURE_STYLE);
}

/* The countdown ring with its number inside and the phase's word beneath the number. */
static void countdown(uk_scene *scene, const uk_app *app, const uk_player_view *view,
                      const metrics *m, uk_rect box)
{
    float d = fminf(box.w, box.h);
    float cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    float thickness = roundf(d * 0.12f);
    float radius = d / 2 - thickness / 2;
    bool counting_in = view->phase == UK_PHASE_GET_READY || view->phase == UK_PHASE_SWITCH_SIDES;
    uk_color color = app->player.paused ? COLOR_DIM : counting_in ? COLOR_ACCENT : COLOR_RUNNING;
    float left = view->phase_ms ? (float)view->remaining_ms / (float)view->phase_ms : 0;

    uk_scene_ring(scene, cx, cy, radius, thickness, 0, 1, COLOR_TRACK);
    if (left > 0)
        uk_scene_ring(scene, cx, cy, radius, thickness, 1 - left, 1, color);
    float inner = (radius - thickness / 2) * 1.4f;
    uk_scene_text(scene, (uk_rect){cx - inner / 2, cy - inner / 2, inner, inner}, d * 0.4f,
                  m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_TEXT, "%u",
                  view->seconds_left);
}

static const char *side_label(const uk_strings *strings, uk_side side)
{
    switch (side) {
    case UK_SIDE_LEFT:
        return uk_str(strings, UK_STR_PLAYER_SIDE_LEFT);
    case UK_SIDE_RIGHT:
        return uk_str(strings, UK_STR_PLAYER_SIDE_RIGHT);
    default:
        return uk_str(strings, UK_STR_PLAYER_SIDE_BOTH);
    }
}

/*
 * The line under the step's title, beside the ring: what is happening now
 * and on which side, e.g. "Get ready · Left side", "Rep 5 of 8 · Both sides".
 */
static void status_line(char *buf, size_t len, const uk_app *app, const uk_strings *strings,
                        const uk_player_view *view)
{
    const uk_step *step = view->step;
    const char *side = side_label(strings, view->side);
    char reps[48];
    if (app->player.paused)
        snprintf(buf, len, "%s", uk_str(strings, UK_STR_PLAYER_PAUSED));
    else if (view->phase == UK_PHASE_GET_READY)
        snprintf(buf, len, "%s · %s", uk_str(strings, UK_STR_PLAYER_GET_READY), side);
    else if (view->phase == UK_PHASE_SWITCH_SIDES)
        snprintf(buf, len, "%s · %s", uk_str(strings, UK_STR_PLAYER_SWITCH_SIDES), side);
    else if (step->kind == UK_STEP_REPS) {
        snprintf(reps, sizeof reps, uk_str(strings, UK_STR_PLAYER_REP_OF), view->rep, step->reps);
        snprintf(buf, len, "%s · %s", reps, side);
    } else
        snprintf(buf, len, "%s", side);
}

static void still_there(uk_scene *scene, const uk_app *app, const uk_strings *strings,
                        const metrics *m, uint64_t now_ms)
{
    uk_scene_rect(scene, (uk_rect){0, 0, m->w, m->h}, 0, COLOR_SHADE);
    uk_scene_hit(scene, (uk_rect){0, 0, m->w, m->h}, UK_ACTION_SELECT, -1);

    float card_w = fminf(m->w - 2 * m->margin, m->s * 1.3f);
    float card_h = m->pad * 2 + lines_h(m->title, 1) + lines_h(m->body, 2) + lines_h(m->small, 1) +
                   m->button_h + m->gap * 2;
    uk_rect card = {(m->w - card_w) / 2, (m->h - card_h) / 2, card_w, card_h};
    uk_scene_rect(scene, card, m->radius, COLOR_PANEL);
    uk_rect inner = uk_rect_inset(card, m->pad, m->pad);
    float y = inner.y;
    uk_scene_text(scene, (uk_rect){inner.x, y, inner.w, lines_h(m->title, 1)}, m->title,
                  m->min_text, UK_TEXT_CENTER | UK_TEXT_BOLD, COLOR_TEXT, "%s",
                  uk_str(strings, UK_STR_STILL_TITLE));
    y += lines_h(m->title, 1);
    uk_scene_text(scene, (uk_rect){inner.x, y, inner.w, lines_h(m->body, 2)}, m->body, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
                  uk_str(strings, UK_STR_STILL_HINT));
    y += lines_h(m->body, 2) + m->gap;
    uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
    unsigned left = now_ms < end ? (unsigned)((end - now_ms + 999) / 1000) : 0;
    uk_scene_text(scene, (uk_rect){inner.x, y, inner.w, lines_h(m->small, 1)}, m->small,
                  m->min_text, UK_TEXT_CENTER, COLOR_DIM, uk_str(strings, UK_STR_STILL_ENDS_IN),
                  (int)left);
    y += lines_h(m->small, 1) + m->gap;
    float bw = fminf(inner.w, m->s * 0.8f);
    button(scene, m, (uk_rect){inner.x + (inner.w - bw) / 2, y, bw, m->button_h},
           uk_str(strings, UK_STR_STILL_CONTINUE), BUTTON_FOCUSED, UK_ACTION_SELECT, -1);
}

static void build_player(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                         const metrics *m, uint64_t now_ms)
{
    const uk_strings *strings = content->strings;
    const uk_routine *routine = &app->routines[app->routine_index];
    uk_player_view view;
    uk_player_view_at(&app->player, now_ms, &view);
    const uk_step *step = view.step;

    char step_of[64];
    int step_number = app->player.step + 1;
    if (step_number > routine->step_count)
        step_number = routine->step_count;
    snprintf(step_of, sizeof step_of, uk_str(strings, UK_STR_PLAYER_STEP_OF), step_number,
             routine->step_count);
    float top = header(scene, m, strings, step_of, routine->title);

    bottom_button buttons[] = {
        {app->player.paused ? uk_str(strings, UK_STR_PLAYER_RESUME)
                            : uk_str(strings, UK_STR_PLAYER_PAUSE),
         BUTTON_PLAIN, UK_ACTION_SELECT, -1},
        {uk_str(strings, UK_STR_PLAYER_SKIP), BUTTON_PLAIN, UK_ACTION_DOWN, -1},
        {uk_str(strings, UK_STR_PLAYER_STOP), BUTTON_PLAIN, UK_ACTION_BACK, -1},
    };
    float bottom = footer(scene, m, buttons, 3);

    /* Figure on the left (landscape) or on top (portrait); words beside or below it. */
    uk_rect panel, words;
    if (m->portrait) {
        float fig_h = roundf((bottom - top) * 0.42f);
        panel = (uk_rect){m->margin, top, m->w - 2 * m->margin, fig_h};
        words = (uk_rect){m->margin, top + fig_h + m->gap, m->w - 2 * m->margin,
                          bottom - top - fig_h - m->gap};
    } else {
        float fig_w = roundf((m->w - 2 * m->margin) * 0.34f);
        panel = (uk_rect){m->margin, top, fig_w, bottom - top};
        words = (uk_rect){m->margin + fig_w + m->gap, top, m->w - 2 * m->margin - fig_w - m->gap,
                          bottom - top};
    }
    figure(scene, app, content, &view, m, panel);

    /* Words: the ring with what is happening and on which side beside it; under it what to
     * do, and at the bottom how to breathe and what to watch for. The ring gives up room
     * (down to ring_min) before the words shrink. */
    text_block words_stack[3] = {
        {step->instruction, m->body, 0, COLOR_TEXT, 0},
        {step->breathing, m->small, 0, COLOR_DIM, 0},
        {step->safety, m->small, 0, COLOR_ACCENT, 0},
    };
    float stack_gap = roundf(m->gap * 0.5f);
    float ring_max = fminf(roundf(words.h * 0.42f), roundf(words.w * 0.34f));
    float ring_min = fminf(ring_max, roundf(words.h * 0.3f));
    float wanted = stack_height(content, words_stack, 3, words.w, stack_gap, 1, m->min_text);
    float ring_d = fmaxf(ring_min, fminf(ring_max, words.h - m->gap - wanted - stack_gap));
    float stack_top = words.y + ring_d + m->gap;
    float stack_h = words.y + words.h - stack_top;
    fit_stack(content, words_stack, 3, words.w, stack_h, stack_gap, m->min_text);

    countdown(scene, app, &view, m, (uk_rect){words.x, words.y, ring_d, ring_d});
    char status[128];
    status_line(status, sizeof status, app, strings, &view);
    float label_x = words.x + ring_d + m->gap;
    float label_w = words.x + words.w - label_x;
    float half = ring_d / 2;
    uk_scene_text(scene, (uk_rect){label_x, words.y, label_w, half}, m->title, m->min_text,
                  UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", step->title);
    uk_scene_text(scene, (uk_rect){label_x, words.y + half, label_w, half}, m->body, m->min_text,
                  UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_ACCENT, "%s", status);

    /* The instruction right under the ring, the cues against the bottom. */
    place_stack(scene, words_stack, 1, words.x, stack_top, words.w, stack_gap, m->min_text);
    float cues_h = words_stack[1].h + stack_gap + words_stack[2].h;
    place_stack(scene, words_stack + 1, 2, words.x, words.y + words.h - cues_h, words.w, stack_gap,
                m->min_text);

    if (app->still_there)
        still_there(scene, app, strings, m, now_ms);
}

/* ---- done ------------------------------------------------------------------- */

static void build_done(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                       const metrics *m)
{
    const uk_strings *strings = content->strings;
    const uk_routine *routine = &app->routines[app->done_routine];
    float top = header(scene, m, strings, uk_str(strings, UK_STR_DONE_TITLE), NULL);
    bottom_button finish = {uk_str(strings, UK_STR_DONE_FINISH), BUTTON_FOCUSED, UK_ACTION_SELECT,
                            0};
    float bottom = footer(scene, m, &finish, 1);

    int minutes = (int)((app->done_seconds + 30) / 60);
    float summary_h = lines_h(m->body, 2);
    uk_scene_text(scene, (uk_rect){m->margin, top, m->w - 2 * m->margin, summary_h}, m->body,
                  m->min_text, UK_TEXT_MIDDLE, COLOR_TEXT, uk_str(strings, UK_STR_DONE_SUMMARY),
                  routine->title, minutes < 1 ? 1 : minutes);

    uk_rect card = {m->margin, top + summary_h + m->gap, m->w - 2 * m->margin,
                    bottom - top - summary_h - m->gap};
    uk_scene_rect(scene, card, m->radius, COLOR_PANEL);
    uk_rect inner = uk_rect_inset(card, m->pad * 1.5f, m->pad);
    float label_h = lines_h(m->body, 1);
    uk_scene_text(scene, (uk_rect){inner.x, inner.y, inner.w, label_h}, m->body, m->min_text,
                  UK_TEXT_BOLD, COLOR_ACCENT, "%s", uk_str(strings, UK_STR_DONE_TAKE_HOME));
    uk_scene_text(scene, (uk_rect){inner.x, inner.y + label_h, inner.w, inner.h - label_h},
                  m->title, m->min_text, UK_TEXT_MIDDLE, COLOR_TEXT, "%s", routine->tip);
}

/* ---- doctor ----------------------------------------------------------------- */

static void build_doctor(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                         const metrics *m)
{
    const uk_strings *strings = content->strings;

    /* A red band with the title: this screen must not be mistaken for another. */
    const char *title = uk_str(strings, UK_STR_DOCTOR_TITLE);
    float band_h = measure(content, title, m->title, UK_TEXT_BOLD, m->w - 2 * m->margin).h;
    float band_pad = roundf(m->margin * 0.6f);
    uk_scene_rect(scene, (uk_rect){0, 0, m->w, band_h + 2 * band_pad}, 0, COLOR_DOCTOR);
    uk_scene_text(scene, (uk_rect){m->margin, band_pad, m->w - 2 * m->margin, band_h}, m->title,
                  m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", title);
    float top = band_h + 2 * band_pad + m->gap;

    bottom_button buttons[2];
    int count = 0;
    if (app->in_session) {
        buttons[count++] =
            (bottom_button){uk_str(strings, UK_STR_DOCTOR_RESUME),
                            app->focus == UK_DOCTOR_BACK ? BUTTON_FOCUSED : BUTTON_PLAIN,
                            UK_ACTION_SELECT, UK_DOCTOR_BACK};
        buttons[count++] =
            (bottom_button){uk_str(strings, UK_STR_DOCTOR_HAVE_ONE),
                            app->focus == UK_DOCTOR_HAVE_ONE ? BUTTON_FOCUSED : BUTTON_DOCTOR,
                            UK_ACTION_SELECT, UK_DOCTOR_HAVE_ONE};
    } else {
        buttons[count++] = (bottom_button){uk_str(strings, UK_STR_DOCTOR_BACK), BUTTON_FOCUSED,
                                           UK_ACTION_SELECT, UK_DOCTOR_BACK};
    }
    float bottom = footer(scene, m, buttons, count);
    float x = m->margin, w = m->w - 2 * m->margin;

    /* Once the person has said they have a sign, what to do now comes first, in place of
     * the introduction and the note. */
    const char *note = NULL;
    if (app->doctor_reported) {
        const char *stopped = uk_str(strings, UK_STR_DOCTOR_STOPPED);
        float h = measure(content, stopped, m->body, UK_TEXT_BOLD, w - 2 * m->pad).h + m->pad;
        uk_scene_rect(scene, (uk_rect){x, top, w, h}, m->radius, COLOR_ACCENT);
        uk_scene_text(scene, uk_rect_inset((uk_rect){x, top, w, h}, m->pad, m->pad * 0.5f), m->body,
                      m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_DARK_TEXT, "%s", stopped);
        top += h + m->gap;
    } else {
        const char *intro = uk_str(strings, UK_STR_DOCTOR_INTRO);
        float intro_h = measure(content, intro, m->body, UK_TEXT_BOLD, w).h;
        uk_scene_text(scene, (uk_rect){x, top, w, intro_h}, m->body, m->min_text, UK_TEXT_BOLD,
                      COLOR_TEXT, "%s", intro);
        top += intro_h + roundf(m->gap * 0.5f);
        note = uk_str(strings, UK_STR_DOCTOR_INFECTION);
    }

    static const uk_string_id flags[] = {UK_STR_DOCTOR_FLAG_PAIN, UK_STR_DOCTOR_FLAG_SLEEP,
                                         UK_STR_DOCTOR_FLAG_RED, UK_STR_DOCTOR_FLAG_HOT,
                                         UK_STR_DOCTOR_FLAG_DRAINAGE};
    enum {
        FLAG_COUNT = sizeof flags / sizeof flags[0]
    };
    const int flag_count = FLAG_COUNT;
    float note_h = 0;
    if (note) {
        note_h = measure(content, note, m->small, 0, w).h;
        uk_scene_text(scene, (uk_rect){x, bottom - note_h, w, note_h}, m->small, m->min_text, 0,
                      COLOR_DIM, "%s", note);
    }

    /* The signs in one column (portrait) or two, read down the first column and then the
     * second, all at one size: the largest at which every row fits. */
    int columns = m->portrait ? 1 : 2;
    int rows = (flag_count + columns - 1) / columns;
    float col_w = (w - (float)(columns - 1) * m->gap) / (float)columns;
    float dot = roundf(m->body * 0.3f);
    float text_w = col_w - dot * 3;
    float avail = bottom - note_h - m->gap * 0.5f - top;
    float row_gap = roundf(m->gap * 0.5f);
    float size = m->body, row_h[FLAG_COUNT];
    for (;;) {
        float total = 0;
        for (int row = 0; row < rows; row++) {
            row_h[row] = 0;
            for (int col = 0; col < columns && col * rows + row < flag_count; col++) {
                const char *flag = uk_str(strings, flags[col * rows + row]);
                row_h[row] = fmaxf(row_h[row], measure(content, flag, size, 0, text_w).h);
            }
            total += row_h[row] + (row ? row_gap : 0);
        }
        if (total <= avail + 0.5f || size <= m->min_text)
            break;
        size = smaller(size, m->min_text);
    }
    float y = top;
    for (int row = 0; row < rows; row++) {
        for (int col = 0; col < columns && col * rows + row < flag_count; col++) {
            float bx = x + (float)col * (col_w + m->gap);
            float cy = y + roundf(size * 0.6f);
            uk_scene_capsule(scene, bx + dot, cy, bx + dot, cy, dot / 2, COLOR_DOCTOR);
            uk_scene_text(scene, (uk_rect){bx + dot * 3, y, text_w, row_h[row]}, size, m->min_text,
                          0, COLOR_TEXT, "%s", uk_str(strings, flags[col * rows + row]));
        }
        y += row_h[row] + row_gap;
    }
}

/* ---- entry ------------------------------------------------------------------ */

void uk_ui_build(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                 uk_viewport viewport, uint64_t now_ms)
{
    metrics m = metrics_for(viewport);
    uk_scene_reset(scene, viewport.w, viewport.h, COLOR_BG);
    switch (app->screen) {
    case UK_SCREEN_HOME:
        build_home(scene, app, content, &m);
        break;
    case UK_SCREEN_PLAYER:
        build_player(scene, app, content, &m, now_ms);
        break;
    case UK_SCREEN_DONE:
        build_done(scene, app, content, &m);
        break;
    case UK_SCREEN_DOCTOR:
        build_doctor(scene, app, content, &m);
        break;
    case UK_SCREEN_COUNT:
        break;
    }
}
