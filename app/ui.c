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
    .body = {0xf0, 0xd9, 0xc0, 0xff},
    .far = {0xb0, 0x9c, 0x88, 0xff},
    .prop = {0x5a, 0x72, 0x80, 0xff},
    .floor = {0x3a, 0x50, 0x5e, 0xff},
    .outline = {0x1d, 0x2e, 0x3a, 0xff},
};

/* ---- metrics ---------------------------------------------------------------- */

typedef struct metrics {
    float w, h;       /* frame */
    float s;          /* short side: every size below is a fraction of it */
    bool portrait;    /* taller than wide */
    float margin;     /* around the frame */
    float gap;        /* between blocks */
    float pad;        /* inside buttons and cards */
    float radius;     /* corner rounding */
    float title;      /* text sizes in px */
    float body;
    float small;
    float min_text;
    float button_h;   /* height of every button */
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

/* Height of `lines` lines of text at `size`. */
static float lines_h(float size, int lines)
{
    return ceilf(size * 1.25f * (float)lines);
}

/* ---- pieces ----------------------------------------------------------------- */

typedef enum button_style { BUTTON_PLAIN, BUTTON_FOCUSED, BUTTON_DOCTOR } button_style;

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
static float header(uk_scene *scene, const metrics *m, const uk_strings *strings,
                    const char *title, const char *subtitle)
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
    button(scene, m, doctor, uk_str(strings, UK_STR_DOCTOR_BUTTON), BUTTON_DOCTOR,
           UK_ACTION_HELP, -1);
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

static void build_home(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                       const metrics *m)
{
    const uk_strings *strings = content->strings;
    float top = header(scene, m, strings, uk_str(strings, UK_STR_HOME_TITLE), NULL);

    float disclaimer_h = lines_h(m->small, m->portrait ? 2 : 1);
    float bottom = m->h - m->margin - disclaimer_h;
    uk_scene_text(scene, (uk_rect){m->margin, bottom, m->w - 2 * m->margin, disclaimer_h},
                  m->small, m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_DIM, "%s",
                  uk_str(strings, UK_STR_HOME_DISCLAIMER));
    bottom -= m->gap;

    if (app->routine_count == 0) {
        uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
        uk_scene_rect(scene, box, m->radius, COLOR_PANEL);
        uk_scene_text(scene, uk_rect_inset(box, m->pad, m->pad), m->body, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
                      uk_str(strings, UK_STR_HOME_NO_ROUTINES));
        return;
    }

    /* Routine cards: two columns on a wide screen, one otherwise; pages when they do not fit. */
    float prompt_h = lines_h(m->body, 1);
    int columns = !m->portrait && m->w >= 1.5f * m->h ? 2 : 1;
    float card_h = m->pad * 2 + lines_h(m->body, 1) + lines_h(m->small, 2);
    float list_top = top + prompt_h + m->gap * 0.5f;
    int rows = (int)((bottom - list_top + m->gap) / (card_h + m->gap));
    if (rows < 1)
        rows = 1;
    int per_page = rows * columns;
    int page = app->focus / per_page;
    int pages = (int)((app->routine_count + (size_t)per_page - 1) / (size_t)per_page);

    float prompt_w = m->w - 2 * m->margin;
    if (pages > 1) {
        float pager_w = roundf(prompt_w * 0.3f);
        uk_scene_text(scene, (uk_rect){m->margin + prompt_w - pager_w, top, pager_w, prompt_h},
                      m->small, m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, COLOR_DIM,
                      uk_str(strings, UK_STR_HOME_MORE), page + 1, pages);
        prompt_w -= pager_w + m->gap;
    }
    uk_scene_text(scene, (uk_rect){m->margin, top, prompt_w, prompt_h}, m->body, m->min_text,
                  UK_TEXT_MIDDLE, COLOR_DIM, "%s", uk_str(strings, UK_STR_HOME_PROMPT));

    float card_w = (m->w - 2 * m->margin - (float)(columns - 1) * m->gap) / (float)columns;
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
        float minutes_w = roundf(inner.w * 0.28f);
        float title_h = lines_h(m->body, 1);
        uint32_t total = uk_routine_total_ms(routine, app->cfg.timing.get_ready_ms,
                                             app->cfg.timing.switch_ms);
        int minutes = (int)((total + 30000) / 60000);
        uk_scene_text(scene, (uk_rect){inner.x, inner.y, inner.w - minutes_w, title_h}, m->body,
                      m->min_text, UK_TEXT_BOLD, COLOR_TEXT, "%s", routine->title);
        uk_scene_text(scene, (uk_rect){inner.x + inner.w - minutes_w, inner.y, minutes_w, title_h},
                      m->small, m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE,
                      focused ? COLOR_ACCENT : COLOR_DIM, uk_str(strings, UK_STR_HOME_MINUTES),
                      minutes < 1 ? 1 : minutes);
        uk_scene_text(scene,
                      (uk_rect){inner.x, inner.y + title_h, inner.w, inner.h - title_h},
                      m->small, m->min_text, 0, COLOR_DIM, "%s", routine->summary);
        uk_scene_hit(scene, card, UK_ACTION_SELECT, (int)index);
    }
}

/* ---- player ----------------------------------------------------------------- */

static void figure(uk_scene *scene, const uk_app *app, const uk_ui_content *content,
                   const uk_player_view *view, const metrics *m, uk_rect panel)
{
    uk_scene_rect(scene, panel, m->radius, COLOR_PANEL);
    const uk_step *step = view->step;
    const uk_motion *motion =
        uk_motion_find(content->motions, content->motion_count, step->motion);
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
    float thickness = roundf(d * 0.09f);
    float radius = d / 2 - thickness / 2;
    bool counting_in = view->phase == UK_PHASE_GET_READY || view->phase == UK_PHASE_SWITCH_SIDES;
    uk_color color = app->player.paused ? COLOR_DIM : counting_in ? COLOR_ACCENT : COLOR_RUNNING;
    float left = view->phase_ms ? (float)view->remaining_ms / (float)view->phase_ms : 0;

    uk_scene_ring(scene, cx, cy, radius, thickness, 0, 1, COLOR_TRACK);
    if (left > 0)
        uk_scene_ring(scene, cx, cy, radius, thickness, 1 - left, 1, color);
    float inner = (radius - thickness / 2) * 1.4f;
    uk_scene_text(scene, (uk_rect){cx - inner / 2, cy - inner / 2, inner, inner}, d * 0.36f,
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

/* The word next to the ring: what is happening now. */
static void phase_label(char *buf, size_t len, const uk_app *app, const uk_strings *strings,
                        const uk_player_view *view)
{
    const uk_step *step = view->step;
    if (app->player.paused)
        snprintf(buf, len, "%s", uk_str(strings, UK_STR_PLAYER_PAUSED));
    else if (view->phase == UK_PHASE_GET_READY)
        snprintf(buf, len, "%s", uk_str(strings, UK_STR_PLAYER_GET_READY));
    else if (view->phase == UK_PHASE_SWITCH_SIDES)
        snprintf(buf, len, "%s", uk_str(strings, UK_STR_PLAYER_SWITCH_SIDES));
    else if (step->kind == UK_STEP_REPS)
        snprintf(buf, len, uk_str(strings, UK_STR_PLAYER_REP_OF), view->rep, step->reps);
    else
        snprintf(buf, len, "%s", step->title);
}

static void still_there(uk_scene *scene, const uk_app *app, const uk_strings *strings,
                        const metrics *m, uint64_t now_ms)
{
    uk_scene_rect(scene, (uk_rect){0, 0, m->w, m->h}, 0, COLOR_SHADE);
    uk_scene_hit(scene, (uk_rect){0, 0, m->w, m->h}, UK_ACTION_SELECT, -1);

    float card_w = fminf(m->w - 2 * m->margin, m->s * 1.3f);
    float card_h = m->pad * 2 + lines_h(m->title, 1) + lines_h(m->body, 2) +
                   lines_h(m->small, 1) + m->button_h + m->gap * 2;
    uk_rect card = {(m->w - card_w) / 2, (m->h - card_h) / 2, card_w, card_h};
    uk_scene_rect(scene, card, m->radius, COLOR_PANEL);
    uk_rect inner = uk_rect_inset(card, m->pad, m->pad);
    float y = inner.y;
    uk_scene_text(scene, (uk_rect){inner.x, y, inner.w, lines_h(m->title, 1)}, m->title,
                  m->min_text, UK_TEXT_CENTER | UK_TEXT_BOLD, COLOR_TEXT, "%s",
                  uk_str(strings, UK_STR_STILL_TITLE));
    y += lines_h(m->title, 1);
    uk_scene_text(scene, (uk_rect){inner.x, y, inner.w, lines_h(m->body, 2)}, m->body,
                  m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
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
        float fig_w = roundf((m->w - 2 * m->margin) * 0.38f);
        panel = (uk_rect){m->margin, top, fig_w, bottom - top};
        words = (uk_rect){m->margin + fig_w + m->gap, top, m->w - 2 * m->margin - fig_w - m->gap,
                          bottom - top};
    }
    figure(scene, app, content, &view, m, panel);

    /* Ring row: the countdown, then what is happening and on which side. */
    float ring_d = fminf(roundf(words.h * 0.42f), roundf(words.w * 0.34f));
    countdown(scene, app, &view, m, (uk_rect){words.x, words.y, ring_d, ring_d});
    char phase[96];
    phase_label(phase, sizeof phase, app, strings, &view);
    float label_x = words.x + ring_d + m->gap;
    float label_w = words.x + words.w - label_x;
    float half = ring_d / 2;
    uk_scene_text(scene, (uk_rect){label_x, words.y, label_w, half}, m->title, m->min_text,
                  UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", phase);
    uk_scene_text(scene, (uk_rect){label_x, words.y + half, label_w, half}, m->body, m->min_text,
                  UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_ACCENT, "%s", side_label(strings, view.side));

    /* What to do, then how to breathe and what to watch for. */
    float y = words.y + ring_d + m->gap;
    float cue_h = lines_h(m->small, 1);
    float cues_top = words.y + words.h - 2 * cue_h;
    bool upcoming = view.phase == UK_PHASE_GET_READY;
    if (upcoming || step->kind == UK_STEP_REPS)
        uk_scene_text(scene, (uk_rect){words.x, y, words.w, cues_top - y}, m->body, m->min_text,
                      0, COLOR_TEXT, "%s: %s", step->title, step->instruction);
    else
        uk_scene_text(scene, (uk_rect){words.x, y, words.w, cues_top - y}, m->body, m->min_text,
                      0, COLOR_TEXT, "%s", step->instruction);
    uk_scene_text(scene, (uk_rect){words.x, cues_top, words.w, cue_h}, m->small, m->min_text, 0,
                  COLOR_DIM, "%s", step->breathing);
    uk_scene_text(scene, (uk_rect){words.x, cues_top + cue_h, words.w, cue_h}, m->small,
                  m->min_text, 0, COLOR_ACCENT, "%s", step->safety);

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
    bottom_button finish = {uk_str(strings, UK_STR_DONE_FINISH), BUTTON_FOCUSED,
                            UK_ACTION_SELECT, 0};
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
    float band_h = m->button_h;
    uk_scene_rect(scene, (uk_rect){0, 0, m->w, band_h + 2 * m->margin * 0.6f}, 0, COLOR_DOCTOR);
    uk_scene_text(scene, (uk_rect){m->margin, m->margin * 0.6f, m->w - 2 * m->margin, band_h},
                  m->title, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
                  uk_str(strings, UK_STR_DOCTOR_TITLE));
    float top = band_h + 2 * m->margin * 0.6f + m->gap;

    bottom_button buttons[2];
    int count = 0;
    if (app->in_session) {
        buttons[count++] = (bottom_button){uk_str(strings, UK_STR_DOCTOR_RESUME),
                                           app->focus == UK_DOCTOR_BACK ? BUTTON_FOCUSED
                                                                        : BUTTON_PLAIN,
                                           UK_ACTION_SELECT, UK_DOCTOR_BACK};
        buttons[count++] = (bottom_button){uk_str(strings, UK_STR_DOCTOR_HAVE_ONE),
                                           app->focus == UK_DOCTOR_HAVE_ONE ? BUTTON_FOCUSED
                                                                            : BUTTON_DOCTOR,
                                           UK_ACTION_SELECT, UK_DOCTOR_HAVE_ONE};
    } else {
        buttons[count++] = (bottom_button){uk_str(strings, UK_STR_DOCTOR_BACK), BUTTON_FOCUSED,
                                           UK_ACTION_SELECT, UK_DOCTOR_BACK};
    }
    float bottom = footer(scene, m, buttons, count);
    float x = m->margin, w = m->w - 2 * m->margin;

    if (app->doctor_reported) {
        float h = lines_h(m->body, 2) + m->pad;
        uk_scene_rect(scene, (uk_rect){x, top, w, h}, m->radius, COLOR_ACCENT);
        uk_scene_text(scene, uk_rect_inset((uk_rect){x, top, w, h}, m->pad, m->pad * 0.5f),
                      m->body, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_DARK_TEXT, "%s",
                      uk_str(strings, UK_STR_DOCTOR_STOPPED));
        top += h + m->gap;
    }

    float intro_h = lines_h(m->body, 1);
    uk_scene_text(scene, (uk_rect){x, top, w, intro_h}, m->body, m->min_text, UK_TEXT_BOLD,
                  COLOR_TEXT, "%s", uk_str(strings, UK_STR_DOCTOR_INTRO));
    top += intro_h;

    static const uk_string_id flags[] = {UK_STR_DOCTOR_FLAG_PAIN, UK_STR_DOCTOR_FLAG_SLEEP,
                                         UK_STR_DOCTOR_FLAG_RED, UK_STR_DOCTOR_FLAG_HOT,
                                         UK_STR_DOCTOR_FLAG_DRAINAGE};
    const int flag_count = (int)(sizeof flags / sizeof flags[0]);
    float note_h = lines_h(m->small, m->portrait ? 2 : 1);
    int columns = m->portrait ? 1 : 2;
    int rows = (flag_count + columns - 1) / columns;
    float col_w = (w - (float)(columns - 1) * m->gap) / (float)columns;
    float row_h = (bottom - top - note_h) / (float)rows;
    float dot = roundf(m->body * 0.3f);
    for (int i = 0; i < flag_count; i++) {
        /* Column-major, so the list reads down the first column, then the second. */
        int col = i / rows, row = i % rows;
        uk_rect box = {x + (float)col * (col_w + m->gap), top + (float)row * row_h, col_w, row_h};
        float cy = box.y + box.h / 2;
        uk_scene_capsule(scene, box.x + dot, cy, box.x + dot, cy, dot / 2, COLOR_DOCTOR);
        uk_scene_text(scene, (uk_rect){box.x + dot * 3, box.y, box.w - dot * 3, box.h}, m->body,
                      m->min_text, UK_TEXT_MIDDLE, COLOR_TEXT, "%s", uk_str(strings, flags[i]));
    }
    uk_scene_text(scene, (uk_rect){x, bottom - note_h, w, note_h}, m->small, m->min_text,
                  UK_TEXT_MIDDLE, COLOR_DIM, "%s", uk_str(strings, UK_STR_DOCTOR_INFECTION));
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
