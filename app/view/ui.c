/*
 * ui.c: every screen, laid out for whatever frame it is given.
 *
 * Every size is derived from the frame's short side `s` (see `metrics`), so
 * proportions hold from 800x480 to 1920x1080 and in portrait. Texts are
 * measured (uk_ui_env.measure) and their boxes sized to the words they hold,
 * so a longer language gets the lines it needs; a column of texts shrinks
 * together, and never below `min_text`. Nothing here keeps state between
 * frames: a frame is a function of the app's state and the time.
 *
 * Colours were chosen for a dim waiting room: light text on a dark blue
 * ground (contrast above 12:1), amber for the highlight, and a strong red
 * only for the doctor. Time running uses the Okabe-Ito colours that people
 * with colour-blindness tell apart (orange to get ready, sky blue while a
 * step runs, purple to rest), and never colour alone: the ring also shows
 * its number and a word.
 */
#include "app/view/ui.h"

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
static const uk_color COLOR_READY = {0xe6, 0x9f, 0x00, 0xff};   /* Okabe-Ito orange */
static const uk_color COLOR_RUNNING = {0x56, 0xb4, 0xe9, 0xff}; /* Okabe-Ito sky blue */
static const uk_color COLOR_REST = {0xcc, 0x79, 0xa7, 0xff};    /* Okabe-Ito reddish purple */
static const uk_color COLOR_HEAT = {0xe8, 0x6a, 0x33, 0xff};
static const uk_color COLOR_COLD = {0x56, 0xb4, 0xe9, 0xff};
static const uk_color COLOR_TRACK = {0x2e, 0x42, 0x4f, 0xff};
static const uk_color COLOR_SHADE = {0x08, 0x10, 0x16, 0xd8};
static const uk_color COLOR_VEIL = {0x12, 0x1e, 0x27, 0xb0};

static const uk_figure_style FIGURE_STYLE = {
    .skin = {0xf0, 0xd9, 0xc0, 0xff},
    .shirt = {0x3f, 0xa5, 0x8c, 0xff},
    .trousers = {0x8a, 0x9a, 0xb2, 0xff},
    .shoes = {0xe4, 0xe7, 0xeb, 0xff},
    .prop = {0x5a, 0x72, 0x80, 0xff},
    .floor = {0x3a, 0x50, 0x5e, 0xff},
    .outline = {0x1d, 0x2e, 0x3a, 0xff},
    .far_shade = 0.4f,
};

const uk_figure_style *uk_ui_figure_style(void)
{
    return &FIGURE_STYLE;
}

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
    float min_button; /* the smallest a finger can hit, from the pixel density */
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
    m.min_button = uk_ui_min_button_px(viewport);
    m.button_h = fmaxf(roundf(m.s * 0.15f), m.min_button);
    return m;
}

/* ---- measuring text ------------------------------------------------------------ */

/*
 * The size `text` takes at `size` wrapped to `max_w`. With no measure from
 * the platform (core tests), an estimate: DejaVu Sans averages a little
 * over half an em per character.
 */
static uk_text_extent measure(const uk_ui_env *c, const char *text, float size, uint32_t flags,
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
static float fit_size(const uk_ui_env *c, const char *text, float size, float min_size,
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

static float stack_height(const uk_ui_env *c, text_block *blocks, int n, float w, float gap,
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

static float fit_stack(const uk_ui_env *c, text_block *blocks, int n, float w, float avail,
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

/* ---- a frame ------------------------------------------------------------------ */

/* Everything one frame's drawing needs, passed to every builder. */
typedef struct frame {
    uk_scene *scene;
    const uk_app *app;
    const uk_ui_env *env;
    const uk_strings *strings; /* in the language on screen */
    metrics m;
    uint64_t now;
} frame;

static const char *str(const frame *f, uk_string_id id)
{
    return uk_str(f->strings, id);
}

static uk_text_extent measure_f(const frame *f, const char *text, float size, uint32_t flags,
                                float max_w)
{
    return measure(f->env, text, size, flags, max_w);
}

/* Height of `n` lines of text at `size`, as the painter sets them. */
static float text_lines_h(const frame *f, float size, uint32_t flags, int n)
{
    static const char *const lines[] = {"Ag", "Ag\nAg", "Ag\nAg\nAg", "Ag\nAg\nAg\nAg"};
    if (n < 1)
        return 0;
    return measure_f(f, lines[n > 4 ? 3 : n - 1], size, flags, 0).h;
}

/* Adds text measured to its box's width: the box is as tall as the words need. Returns it. */
static uk_rect text_at(const frame *f, float x, float y, float w, float size, uint32_t flags,
                       uk_color color, const char *text)
{
    float h = measure_f(f, text, size, flags, w).h;
    uk_rect box = {x, y, w, h};
    uk_scene_text(f->scene, box, size, fminf(f->m.min_text, size), flags, color, "%s", text);
    return box;
}

/* "12:05" for `ms`, rounded up to whole seconds as a countdown shows it. */
static void clock_text(char *buf, size_t len, uint32_t ms, bool round_up)
{
    uint32_t s = round_up ? (ms + 999) / 1000 : ms / 1000;
    snprintf(buf, len, "%u:%02u", s / 60, s % 60);
}

/* ---- pieces ----------------------------------------------------------------- */

typedef enum button_style {
    BUTTON_PLAIN,
    BUTTON_FOCUSED,
    BUTTON_DOCTOR,
    BUTTON_DISABLED
} button_style;

/* A button whose label is set at `size` (the painter still shrinks it if it must). */
static void button_at(const frame *f, uk_rect box, const char *label, float size,
                      button_style style, uk_action action, int item);

static void button(const frame *f, uk_rect box, const char *label, button_style style,
                   uk_action action, int item)
{
    button_at(f, box, label, f->m.body, style, action, item);
}

/* The size at which every label of a row of buttons `w` x `h` fits: one size for the row. */
static float row_label_size(const frame *f, const char *const *labels, int count, float w, float h)
{
    const metrics *m = &f->m;
    float size = m->body;
    for (int i = 0; i < count; i++)
        size = fminf(size, fit_size(f->env, labels[i], m->body, m->min_text, UK_TEXT_BOLD,
                                    w - 2 * m->pad, h - m->pad));
    return size;
}

static void button_at(const frame *f, uk_rect box, const char *label, float size,
                      button_style style, uk_action action, int item)
{
    const metrics *m = &f->m;
    uk_color fill = style == BUTTON_FOCUSED    ? COLOR_ACCENT
                    : style == BUTTON_DOCTOR   ? COLOR_DOCTOR
                    : style == BUTTON_DISABLED ? COLOR_PANEL
                                               : COLOR_BUTTON;
    uk_color ink = style == BUTTON_FOCUSED    ? COLOR_DARK_TEXT
                   : style == BUTTON_DISABLED ? COLOR_DIM
                                              : COLOR_TEXT;
    uk_scene_rect(f->scene, box, m->radius, fill);
    uk_scene_text(f->scene, uk_rect_inset(box, m->pad, m->pad * 0.5f), size, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, ink, "%s", label);
    uk_scene_hit(f->scene, box, action, item);
}

/* A button of the player or the cards, focused when single-switch scanning is on it. */
static button_style scanned(const frame *f, int index, button_style otherwise)
{
    return uk_app_scan_highlight(f->app) == index && !uk_app_scan_on_help(f->app) ? BUTTON_FOCUSED
                                                                                  : otherwise;
}

/* Plain, or focused when `item` is the app's focus. */
static button_style focus_style(const frame *f, int item)
{
    return f->app->focus == item ? BUTTON_FOCUSED : BUTTON_PLAIN;
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

/* The header: a title (and a line above it) on the left, the doctor button. Returns the y below. */
static float header(const frame *f, const char *title, const char *subtitle)
{
    const metrics *m = &f->m;
    uk_rect doctor = doctor_button_box(m);
    float title_w = m->portrait ? m->w - 2 * m->margin : doctor.x - m->gap - m->margin;
    uk_rect box = {m->margin, m->margin, title_w, m->button_h};
    if (subtitle && subtitle[0]) {
        float sub_h = text_lines_h(f, m->small, 0, 1);
        uk_scene_text(f->scene, (uk_rect){box.x, box.y, box.w, sub_h}, m->small, m->min_text, 0,
                      COLOR_DIM, "%s", subtitle);
        box.y += sub_h;
        box.h -= sub_h;
    }
    uk_scene_text(f->scene, box, m->title, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT,
                  "%s", title);
    button(f, doctor, str(f, UK_STR_DOCTOR_BUTTON),
           uk_app_scan_on_help(f->app) ? BUTTON_FOCUSED : BUTTON_DOCTOR, UK_ACTION_HELP, -1);
    return doctor.y + doctor.h + m->gap;
}

/* A row of equal buttons along the bottom. Returns the y above it. */
typedef struct bottom_button {
    const char *label;
    button_style style;
    uk_action action;
    int item;
} bottom_button;

static float footer(const frame *f, const bottom_button *buttons, int count)
{
    const metrics *m = &f->m;
    float y = m->h - m->margin - m->button_h;
    float w = (m->w - 2 * m->margin - (float)(count - 1) * m->gap) / (float)count;
    const char *labels[4];
    for (int i = 0; i < count && i < 4; i++)
        labels[i] = buttons[i].label;
    float size = row_label_size(f, labels, count < 4 ? count : 4, w, m->button_h);
    for (int i = 0; i < count; i++) {
        uk_rect box = {m->margin + (float)i * (w + m->gap), y, w, m->button_h};
        button_at(f, box, buttons[i].label, size, buttons[i].style, buttons[i].action,
                  buttons[i].item);
    }
    return y - m->gap;
}

/* A countdown ring: the part of the phase left, its number inside and a word under the number. */
static void ring(const frame *f, uk_rect box, float left, const char *number, const char *word,
                 uk_color color)
{
    const metrics *m = &f->m;
    float d = fminf(box.w, box.h);
    float cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    float thickness = roundf(d * 0.12f);
    float radius = d / 2 - thickness / 2;
    uk_scene_ring(f->scene, cx, cy, radius, thickness, 0, 1, COLOR_TRACK);
    if (left > 0)
        uk_scene_ring(f->scene, cx, cy, radius, thickness, 1 - fminf(left, 1), 1, color);
    float inner = (radius - thickness / 2) * 1.4f;
    /* The word goes under the number when both fit; the line beside the ring says it too. */
    float word_h = word ? fmaxf(m->min_text * 1.2f, inner * 0.26f) : 0;
    if (word && (inner - word_h < m->min_text * 1.3f ||
                 measure(f->env, word, m->min_text, 0, 0).w > inner)) {
        word = NULL;
        word_h = 0;
    }
    float number_h = inner - word_h;
    uk_scene_text(f->scene, (uk_rect){cx - inner / 2, cy - inner / 2, inner, number_h},
                  fmaxf(number_h * 0.8f, m->min_text), m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_TEXT, "%s", number);
    if (word)
        uk_scene_text(f->scene, (uk_rect){cx - inner / 2, cy - inner / 2 + number_h, inner, word_h},
                      m->min_text, m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE, color, "%s", word);
}

/* The figure in `pose` in a panel. */
static void figure_panel(const frame *f, uk_rect panel, const uk_motion *motion,
                         const uk_pose *pose, bool mirror)
{
    uk_scene_rect(f->scene, panel, f->m.radius, COLOR_PANEL);
    uk_figure_draw(f->scene, pose, motion ? motion->view : UK_VIEW_FRONT,
                   motion ? motion->prop : UK_PROP_NONE, mirror,
                   uk_rect_inset(panel, f->m.pad, f->m.pad), &FIGURE_STYLE);
}

static const uk_motion *find_motion(const frame *f, const char *id)
{
    if (id == NULL)
        return NULL;
    return uk_motion_find(f->app->catalog->motions, f->app->catalog->motion_count, id);
}

static const char *category_label(const frame *f, uk_category category)
{
    static const uk_string_id ids[UK_CATEGORY_COUNT] = {
        UK_STR_CATEGORY_STRETCH, UK_STR_CATEGORY_MOVE, UK_STR_CATEGORY_MASSAGE,
        UK_STR_CATEGORY_HEAT_COLD, UK_STR_CATEGORY_LEARN};
    return (unsigned)category < UK_CATEGORY_COUNT ? str(f, ids[category]) : "";
}

static uk_color category_color(uk_category category)
{
    switch (category) {
    case UK_CATEGORY_MOVE:
        return COLOR_READY;
    case UK_CATEGORY_MASSAGE:
        return COLOR_REST;
    case UK_CATEGORY_HEAT_COLD:
        return COLOR_HEAT;
    case UK_CATEGORY_LEARN:
        return COLOR_ACCENT;
    default:
        return COLOR_RUNNING;
    }
}

/* "Stretch · 3 min", "Learn · 6 cards": what a routine is and how long it takes. */
static void routine_meta(const frame *f, const uk_routine *routine, char *buf, size_t len)
{
    char length[48];
    if (routine->type == UK_ROUTINE_CARDS) {
        snprintf(length, sizeof length, str(f, UK_STR_HOME_CARDS), routine->card_count);
    } else {
        const uk_app_config *cfg = &f->app->cfg;
        uint32_t total =
            uk_routine_total_ms(routine, cfg->timing.get_ready_ms, cfg->timing.switch_ms);
        int minutes = (int)((total + 30000) / 60000);
        snprintf(length, sizeof length, str(f, UK_STR_HOME_MINUTES), minutes < 1 ? 1 : minutes);
    }
    snprintf(buf, len, "%s · %s", category_label(f, routine->category), length);
}

/* ---- home ------------------------------------------------------------------- */

/* The bottom row: the disclaimer, then About and the language switch. Returns the y above it. */
static float home_bottom(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    float y = m->h - m->margin - m->button_h;
    float right = m->w - m->margin;

    /* The buttons, right to left: the language switch shows the next language's own name. */
    int lang_item = uk_app_home_language_item(app);
    int about_item = uk_app_home_about_item(app);
    float min_w = m->min_button;
    if (lang_item >= 0) {
        const uk_catalog *catalog = app->catalog;
        const uk_strings *next = catalog->langs[(app->lang + 1) % catalog->lang_count].strings;
        const char *name = uk_str(next, UK_STR_LANG_NAME);
        float w = fmaxf(min_w * 2, measure_f(f, name, m->body, UK_TEXT_BOLD, 0).w + 2 * m->pad);
        right -= w;
        button(f, (uk_rect){right, y, w, m->button_h}, name, focus_style(f, lang_item),
               UK_ACTION_SELECT, lang_item);
        right -= m->gap;
    }
    const char *about = str(f, UK_STR_HOME_ABOUT);
    float about_w = fmaxf(min_w * 2, measure_f(f, about, m->body, UK_TEXT_BOLD, 0).w + 2 * m->pad);
    right -= about_w;
    button(f, (uk_rect){right, y, about_w, m->button_h}, about, focus_style(f, about_item),
           UK_ACTION_SELECT, about_item);

    /* The disclaimer beside them, as large as their height allows, or above them. */
    const char *disclaimer = str(f, UK_STR_HOME_DISCLAIMER);
    float text_w = right - m->gap - m->margin;
    float size = fit_size(f->env, disclaimer, m->small, m->min_text, 0, text_w, m->button_h);
    uk_text_extent fits = measure_f(f, disclaimer, size, 0, text_w);
    if (fits.w <= text_w + 0.5f && fits.h <= m->button_h + 0.5f) {
        uk_scene_text(f->scene, (uk_rect){m->margin, y, text_w, m->button_h}, size, m->min_text,
                      UK_TEXT_MIDDLE, COLOR_DIM, "%s", disclaimer);
        return y - m->gap;
    }
    float w = m->w - 2 * m->margin;
    float h = measure_f(f, disclaimer, m->small, 0, w).h;
    uk_scene_text(f->scene, (uk_rect){m->margin, y - m->gap * 0.5f - h, w, h}, m->small,
                  m->min_text, 0, COLOR_DIM, "%s", disclaimer);
    return y - m->gap * 1.5f - h;
}

/*
 * The routines as cards in one or two columns: the title, what it is and how
 * long, and the summary when there is room for it on every card. Pages when
 * they do not all fit; the highlight takes its page with it.
 */
static void home_cards(const frame *f, float top, float bottom)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    int columns = !m->portrait && m->w >= 1.5f * m->h ? 2 : 1;
    float card_w = (m->w - 2 * m->margin - (float)(columns - 1) * m->gap) / (float)columns;
    float inner_w = card_w - 2 * m->pad;
    float title_h = text_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float meta_h = text_lines_h(f, m->small, 0, 1);
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
                need = fmaxf(need, measure_f(f, app->routines[r].summary, sizes[i], 0, inner_w).h);
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
        line_size = fminf(line_size, fit_size(f->env, app->routines[r].title, m->body, m->min_text,
                                              UK_TEXT_BOLD, inner_w, title_h));
    int rows = (int)((bottom - top + row_gap) / (card_h + row_gap));
    int per_page = (rows < 1 ? 1 : rows) * columns;
    /* More than one page: the line that says which page takes its room under the cards. */
    float pager_h = text_lines_h(f, m->small, 0, 1);
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
        uk_scene_rect(f->scene, card, m->radius, focused ? COLOR_ACCENT : COLOR_PANEL);
        if (focused)
            uk_scene_rect(f->scene, uk_rect_inset(card, m->pad * 0.3f, m->pad * 0.3f), m->radius,
                          COLOR_PANEL);
        /* A stripe in the category's colour, so cards of a kind group at a glance. */
        uk_scene_rect(
            f->scene,
            (uk_rect){card.x + m->pad * 0.3f, card.y + m->pad, m->pad * 0.35f, card.h - 2 * m->pad},
            0, category_color(routine->category));
        float x = card.x + m->pad, y = card.y + m->pad;
        if (compact) {
            y = card.y + (card.h - title_h) / 2;
            uk_scene_text(f->scene, (uk_rect){x, y, inner_w, title_h}, line_size, m->min_text,
                          UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", routine->title);
            uk_scene_hit(f->scene, card, UK_ACTION_SELECT, index);
            continue;
        }
        float title_size =
            fit_size(f->env, routine->title, m->body, m->min_text, UK_TEXT_BOLD, inner_w, title_h);
        uk_scene_text(f->scene, (uk_rect){x, y, inner_w, title_h}, title_size, m->min_text,
                      UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", routine->title);
        char meta[96];
        routine_meta(f, routine, meta, sizeof meta);
        uk_scene_text(f->scene, (uk_rect){x, y + title_h, inner_w, meta_h}, m->small, m->min_text,
                      UK_TEXT_MIDDLE, focused ? COLOR_ACCENT : COLOR_DIM, "%s", meta);
        if (summary_size > 0)
            uk_scene_text(f->scene, (uk_rect){x, y + title_h + meta_h, inner_w, summary_h},
                          summary_size, m->min_text, 0, focused ? COLOR_TEXT : COLOR_DIM, "%s",
                          routine->summary);
        uk_scene_hit(f->scene, card, UK_ACTION_SELECT, index);
    }
    if (pages > 1) {
        char pager[32];
        snprintf(pager, sizeof pager, str(f, UK_STR_HOME_MORE), page + 1, pages);
        uk_scene_text(
            f->scene, (uk_rect){m->margin, bottom - pager_h, m->w - 2 * m->margin, pager_h},
            m->small, m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, COLOR_DIM, "%s", pager);
    }
}

/* Figure on the left (landscape) or on top (portrait), words beside or below it. */
static void split(const metrics *m, float top, float bottom, float figure_share, uk_rect *panel,
                  uk_rect *words)
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

/* Attract mode: one routine at a time, its figure moving, and how to start, in every language. */
static void build_attract(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_catalog *catalog = app->catalog;
    float top = header(f, str(f, UK_STR_HOME_TITLE), NULL);
    /* Anywhere wakes it: the first touch only wakes, whatever it lands on. */
    uk_scene_hit(f->scene, (uk_rect){0, top, m->w, m->h - top}, UK_ACTION_SELECT, -1);

    float wake_h = 0;
    for (size_t l = 0; l < catalog->lang_count; l++)
        wake_h += text_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float y = m->h - m->margin - wake_h;
    for (size_t l = 0; l < catalog->lang_count; l++) {
        float h = text_lines_h(f, m->body, UK_TEXT_BOLD, 1);
        uk_scene_text(f->scene, (uk_rect){m->margin, y, m->w - 2 * m->margin, h}, m->body,
                      m->min_text, UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD,
                      l == 0 ? COLOR_ACCENT : COLOR_DIM, "%s",
                      uk_str(catalog->langs[(app->lang + l) % catalog->lang_count].strings,
                             UK_STR_HOME_WAKE));
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
    split(m, top, bottom, m->portrait ? 0.6f : 0.4f, &panel, &words);
    const uk_motion *motion = find_motion(f, routine->motion);
    uk_pose pose;
    uk_pose_neutral(&pose);
    if (motion)
        uk_motion_sample(motion, t, 0, false, &pose);
    figure_panel(f, panel, motion, &pose, false);

    char meta[96];
    routine_meta(f, routine, meta, sizeof meta);
    text_block blocks[3] = {
        {meta, m->body, UK_TEXT_BOLD, category_color(routine->category), 0},
        {routine->title, m->title * 1.2f, UK_TEXT_BOLD, COLOR_TEXT, 0},
        {routine->summary, m->body, 0, COLOR_DIM, 0},
    };
    fit_stack(f->env, blocks, 3, words.w, words.h, m->gap, m->min_text);
    place_stack(f->scene, blocks, 3, words.x, words.y, words.w, m->gap, m->min_text);
}

static void build_home(const frame *f)
{
    const metrics *m = &f->m;
    if (f->app->attract) {
        build_attract(f);
        return;
    }
    float top = header(f, str(f, UK_STR_HOME_TITLE), NULL);
    float bottom = home_bottom(f);
    if (f->app->routine_count == 0) {
        uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
        uk_scene_rect(f->scene, box, m->radius, COLOR_PANEL);
        uk_scene_text(f->scene, uk_rect_inset(box, m->pad, m->pad), m->body, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE, COLOR_TEXT, "%s",
                      str(f, UK_STR_HOME_NO_ROUTINES));
        return;
    }
    home_cards(f, top, bottom);
}

/* ---- player ----------------------------------------------------------------- */

static const char *side_label(const frame *f, uk_side side)
{
    switch (side) {
    case UK_SIDE_LEFT:
        return str(f, UK_STR_PLAYER_SIDE_LEFT);
    case UK_SIDE_RIGHT:
        return str(f, UK_STR_PLAYER_SIDE_RIGHT);
    default:
        return str(f, UK_STR_PLAYER_SIDE_BOTH);
    }
}

/*
 * The line under the step's title, beside the ring: what is happening now
 * and on which side, e.g. "Get ready · Left side", "Rep 5 of 8 · Both sides".
 */
static void status_line(const frame *f, const uk_player_view *view, char *buf, size_t len)
{
    const uk_step *step = view->step;
    const char *side = side_label(f, view->side);
    char reps[48];
    if (f->app->player.paused)
        snprintf(buf, len, "%s", str(f, UK_STR_PLAYER_PAUSED));
    else if (view->phase == UK_PHASE_GET_READY)
        snprintf(buf, len, "%s · %s", str(f, UK_STR_PLAYER_GET_READY), side);
    else if (view->phase == UK_PHASE_SWITCH_SIDES)
        snprintf(buf, len, "%s · %s", str(f, UK_STR_PLAYER_SWITCH_SIDES), side);
    else if (step->kind == UK_STEP_REPS) {
        snprintf(reps, sizeof reps, str(f, UK_STR_PLAYER_REP_OF), view->rep, step->reps);
        snprintf(buf, len, "%s · %s", reps, side);
    } else
        snprintf(buf, len, "%s", side);
}

/* The ring's colour and word for the phase: never the colour alone. */
static void ring_style(const frame *f, const uk_player_view *view, uk_color *color,
                       const char **word)
{
    static const uk_string_id words[UK_STEP_KIND_COUNT] = {UK_STR_RING_HOLD, UK_STR_RING_REPS,
                                                           UK_STR_RING_MOVE, UK_STR_RING_REST,
                                                           UK_STR_RING_MASSAGE};
    if (f->app->player.paused) {
        *color = COLOR_DIM;
        *word = str(f, UK_STR_RING_PAUSED);
    } else if (view->phase == UK_PHASE_GET_READY) {
        *color = COLOR_READY;
        *word = str(f, UK_STR_RING_READY);
    } else if (view->phase == UK_PHASE_SWITCH_SIDES) {
        *color = COLOR_READY;
        *word = str(f, UK_STR_RING_SWITCH);
    } else {
        *color = view->step->kind == UK_STEP_REST ? COLOR_REST : COLOR_RUNNING;
        *word = str(f, words[view->step->kind < UK_STEP_KIND_COUNT ? view->step->kind : 0]);
    }
}

/*
 * The figure. While a step gets ready (and between sides) it shows how to
 * get into position, then waits there; the step then carries on from that
 * pose, so the figure never jumps back to standing as the step begins.
 */
static void player_figure(const frame *f, const uk_player_view *view, uk_rect panel)
{
    const uk_step *step = view->step;
    const uk_motion *motion = find_motion(f, step->motion);
    bool mirror = view->side == UK_SIDE_RIGHT;
    uk_pose pose;
    uk_pose_neutral(&pose);
    if (motion) {
        const uk_player *player = &f->app->player;
        uint32_t loop_ms = step->kind == UK_STEP_REPS ? step->rep_seconds * 1000u : 0;
        uint32_t entry = uk_motion_entry_ms(motion);
        /* How far the moment before this side (get-ready, or switching sides) got. */
        uint32_t lead = step->kind == UK_STEP_REST ? 0
                        : player->side_index == 1  ? player->timing.switch_ms
                                                   : player->timing.get_ready_ms;
        uint32_t shown = entry < lead ? entry : lead;
        uint32_t t = view->phase == UK_PHASE_ACTIVE ? shown + view->elapsed_ms
                     : view->elapsed_ms < entry     ? view->elapsed_ms
                                                    : entry;
        uk_motion_sample(motion, t, loop_ms, mirror, &pose);
    }
    figure_panel(f, panel, motion, &pose, mirror);
}

/* Over the figure: the 3-2-1 before a step, or what comes next near a step's end. */
static void player_overlay(const frame *f, const uk_player_view *view, uk_rect panel)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    bool counting_in = view->phase == UK_PHASE_GET_READY || view->phase == UK_PHASE_SWITCH_SIDES;
    if (counting_in && !app->player.paused && view->seconds_left <= 3 && view->seconds_left > 0) {
        uk_scene_rect(f->scene, panel, m->radius, COLOR_VEIL);
        float size = fminf(panel.h * 0.6f, panel.w * 0.8f);
        uk_scene_text(f->scene, panel, size, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_READY, "%u",
                      view->seconds_left);
        return;
    }
    bool ending = view->phase == UK_PHASE_ACTIVE && view->remaining_ms <= 5000 &&
                  (view->step->kind == UK_STEP_REST || view->remaining_ms > 0);
    bool last_side = uk_step_side_count(view->step) == 1 || app->player.side_index == 1;
    if (!(ending || (view->phase == UK_PHASE_ACTIVE && view->step->kind == UK_STEP_REST)) ||
        !last_side || app->player.paused)
        return;
    const uk_routine *routine = &app->routines[app->routine_index];
    char next[160];
    int following = app->player.step + 1;
    if (following < routine->step_count)
        snprintf(next, sizeof next, str(f, UK_STR_PLAYER_NEXT_UP), routine->steps[following].title);
    else
        snprintf(next, sizeof next, "%s", str(f, UK_STR_PLAYER_LAST_STEP));
    float w = panel.w - 2 * m->pad;
    float h = measure_f(f, next, m->small, UK_TEXT_BOLD, w - 2 * m->pad).h + m->pad;
    uk_rect chip = {panel.x + m->pad, panel.y + panel.h - m->pad - h, w, h};
    uk_scene_rect(f->scene, chip, m->radius, COLOR_BG);
    uk_scene_text(f->scene, uk_rect_inset(chip, m->pad, m->pad * 0.5f), m->small, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, COLOR_TEXT, "%s", next);
}

/*
 * The breathing pacer during a hold or a rest: a disc that grows while
 * breathing in (4 s) and shrinks while breathing out (6 s), with the word.
 * Returns the word, or NULL when the step has no pacer.
 */
static const char *pacer(const frame *f, const uk_player_view *view, float *fraction)
{
    const uk_step *step = view->step;
    if (view->phase != UK_PHASE_ACTIVE || f->app->player.paused ||
        !(step->kind == UK_STEP_HOLD || step->kind == UK_STEP_REST))
        return NULL;
    const uint32_t in_ms = 4000, out_ms = 6000;
    uint32_t t = view->elapsed_ms % (in_ms + out_ms);
    if (t < in_ms) {
        *fraction = (float)t / (float)in_ms;
        return str(f, UK_STR_PLAYER_BREATHE_IN);
    }
    *fraction = 1 - (float)(t - in_ms) / (float)out_ms;
    return str(f, UK_STR_PLAYER_BREATHE_OUT);
}

static void still_there(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    uk_scene_rect(f->scene, (uk_rect){0, 0, m->w, m->h}, 0, COLOR_SHADE);
    uk_scene_hit(f->scene, (uk_rect){0, 0, m->w, m->h}, UK_ACTION_SELECT, -1);

    float card_w = fminf(m->w - 2 * m->margin, m->s * 1.3f);
    float inner_w = card_w - 2 * m->pad;
    uint64_t end = app->still_since_ms + app->cfg.still_there_ms;
    char ends_in[64];
    snprintf(ends_in, sizeof ends_in, str(f, UK_STR_STILL_ENDS_IN),
             f->now < end ? (int)((end - f->now + 999) / 1000) : 0);
    text_block blocks[3] = {
        {str(f, UK_STR_STILL_TITLE), m->title, UK_TEXT_CENTER | UK_TEXT_BOLD, COLOR_TEXT, 0},
        {str(f, UK_STR_STILL_HINT), m->body, UK_TEXT_CENTER, COLOR_TEXT, 0},
        {ends_in, m->small, UK_TEXT_CENTER, COLOR_DIM, 0},
    };
    float avail = m->h - 2 * m->margin - 2 * m->pad - m->button_h - m->gap;
    float words_h = fit_stack(f->env, blocks, 3, inner_w, avail, m->gap * 0.5f, m->min_text);
    float card_h = m->pad * 2 + words_h + m->gap + m->button_h;
    uk_rect card = {(m->w - card_w) / 2, (m->h - card_h) / 2, card_w, card_h};
    uk_scene_rect(f->scene, card, m->radius, COLOR_PANEL);
    float y = place_stack(f->scene, blocks, 3, card.x + m->pad, card.y + m->pad, inner_w,
                          m->gap * 0.5f, m->min_text);
    float bw = fminf(inner_w, m->s * 0.8f);
    button(f, (uk_rect){card.x + m->pad + (inner_w - bw) / 2, y + m->gap, bw, m->button_h},
           str(f, UK_STR_STILL_CONTINUE), BUTTON_FOCUSED, UK_ACTION_SELECT, -1);
}

static void build_player(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    uk_player_view view;
    uk_player_view_at(&app->player, f->now, &view);
    const uk_step *step = view.step;

    char step_of[64];
    int step_number = app->player.step + 1;
    if (step_number > routine->step_count)
        step_number = routine->step_count;
    snprintf(step_of, sizeof step_of, str(f, UK_STR_PLAYER_STEP_OF), step_number,
             routine->step_count);
    float top = header(f, step_of, routine->title);

    bottom_button buttons[] = {
        {app->player.paused ? str(f, UK_STR_PLAYER_RESUME) : str(f, UK_STR_PLAYER_PAUSE),
         scanned(f, 0, BUTTON_PLAIN), uk_player_buttons[0], -1},
        {str(f, UK_STR_PLAYER_SKIP), scanned(f, 1, BUTTON_PLAIN), uk_player_buttons[1], -1},
        {str(f, UK_STR_PLAYER_STOP), scanned(f, 2, BUTTON_PLAIN), uk_player_buttons[2], -1},
    };
    float bottom = footer(f, buttons, 3);

    uk_rect panel, words;
    split(m, top, bottom, m->portrait ? 0.42f : 0.34f, &panel, &words);
    player_figure(f, &view, panel);
    player_overlay(f, &view, panel);

    /*
     * Words: the ring with the step's title and what is happening beside
     * it; under it what to do, and at the bottom how to breathe (or how hard
     * to press) and what to watch for. The ring gives up room (down to
     * ring_min) before the words shrink.
     */
    float pace = 0;
    const char *breath = pacer(f, &view, &pace);
    char breathing[256];
    if (breath)
        snprintf(breathing, sizeof breathing, "%s · %s", breath, step->breathing);
    else
        snprintf(breathing, sizeof breathing, "%s",
                 step->kind == UK_STEP_MASSAGE && step->pressure ? step->pressure
                                                                 : step->breathing);
    float disc = breath ? roundf(m->body * 1.3f) : 0;
    float cue_w = words.w - (disc > 0 ? disc + m->gap : 0);
    text_block words_stack[3] = {
        {step->instruction, m->body, 0, COLOR_TEXT, 0},
        {breathing, m->small, 0, breath ? COLOR_RUNNING : COLOR_DIM, 0},
        {step->safety, m->small, 0, COLOR_ACCENT, 0},
    };
    float stack_gap = roundf(m->gap * 0.5f);
    float ring_max = fminf(roundf(words.h * 0.42f), roundf(words.w * 0.34f));
    float ring_min = fminf(ring_max, roundf(words.h * 0.3f));
    float wanted = stack_height(f->env, words_stack, 3, cue_w, stack_gap, 1, m->min_text);
    float ring_d = fmaxf(ring_min, fminf(ring_max, words.h - m->gap - wanted - stack_gap));

    /* Beside the ring: the step's title and what is happening, as tall as the ring or, when
     * a language needs more lines, taller. */
    uk_color color;
    const char *word;
    ring_style(f, &view, &color, &word);
    char status[128];
    status_line(f, &view, status, sizeof status);
    float label_x = words.x + ring_d + m->gap;
    float label_w = words.x + words.w - label_x;
    text_block labels[2] = {
        {step->title, m->title, UK_TEXT_BOLD, COLOR_TEXT, 0},
        {status, m->body, UK_TEXT_BOLD, color, 0},
    };
    float labels_h = fit_stack(f->env, labels, 2, label_w, ring_d, 0, m->min_text);
    float row_h = fmaxf(ring_d, labels_h);
    place_stack(f->scene, labels, 2, label_x, words.y + (row_h - labels_h) / 2, label_w, 0,
                m->min_text);
    char number[16];
    snprintf(number, sizeof number, "%u", view.seconds_left);
    ring(f, (uk_rect){words.x, words.y + (row_h - ring_d) / 2, ring_d, ring_d},
         view.phase_ms ? (float)view.remaining_ms / (float)view.phase_ms : 0, number, word, color);

    float stack_top = words.y + row_h + m->gap;
    float stack_avail = words.y + words.h - stack_top;
    /* Where even the smallest text does not fit, the pacer's word stands alone. */
    if (breath &&
        stack_height(f->env, words_stack, 3, cue_w, stack_gap, 0, m->min_text) > stack_avail + 0.5f)
        words_stack[1].text = breath;
    fit_stack(f->env, words_stack, 3, cue_w, stack_avail, stack_gap, m->min_text);
    /* The instruction takes the whole width when the pacer is not beside it. */
    words_stack[0].h =
        measure(f->env, step->instruction, words_stack[0].size, 0, breath ? cue_w : words.w).h;

    /* The instruction right under the ring, the cues against the bottom. */
    place_stack(f->scene, words_stack, 1, words.x, stack_top, breath ? cue_w : words.w, stack_gap,
                m->min_text);
    float cues_h = words_stack[1].h + stack_gap + words_stack[2].h;
    float cues_y = words.y + words.h - cues_h;
    float cue_x = words.x + (disc > 0 ? disc + m->gap : 0);
    place_stack(f->scene, words_stack + 1, 2, cue_x, cues_y, cue_w, stack_gap, m->min_text);
    if (disc > 0) {
        float cx = words.x + disc / 2, cy = cues_y + fminf(words_stack[1].h, disc) / 2;
        float r = disc / 2 * (0.35f + 0.65f * pace);
        uk_scene_capsule(f->scene, cx, cy, cx, cy, disc / 2, COLOR_TRACK);
        uk_scene_capsule(f->scene, cx, cy, cx, cy, r, COLOR_RUNNING);
    }

    if (app->still_there)
        still_there(f);
}

/* ---- heat and cold ------------------------------------------------------------ */

static void build_heat_cold(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    const uk_routine_heat_cold *hc = &routine->heat_cold;
    uk_heat_cold_view view;
    uk_heat_cold_view_at(&app->hc, f->now, &view);
    bool heat = view.phase == UK_HEAT_COLD_HEAT;
    uk_color phase_color = heat ? COLOR_HEAT : COLOR_COLD;
    const char *phase_name = str(f, heat ? UK_STR_HC_HEAT : UK_STR_HC_COLD);
    float x = m->margin, w = m->w - 2 * m->margin;

    if (app->hc.stage == UK_HEAT_COLD_QUESTION) {
        float top = header(f, routine->title, NULL);
        bottom_button stop = {str(f, UK_STR_PLAYER_STOP), BUTTON_PLAIN, UK_ACTION_BACK, -1};
        float bottom = footer(f, &stop, 1);
        /* Two big answers, side by side (landscape) or one above the other. */
        float answer_h = roundf(m->button_h * 1.3f);
        float answers_h = m->portrait ? 2 * answer_h + m->gap : answer_h;
        float answers_y = bottom - answers_h;
        text_block blocks[2] = {
            {hc->question, m->title, UK_TEXT_BOLD, COLOR_TEXT, 0},
            {hc->safety, m->small, 0, COLOR_DIM, 0},
        };
        fit_stack(f->env, blocks, 2, w, answers_y - m->gap - top, m->gap, m->min_text);
        place_stack(f->scene, blocks, 2, x, top, w, m->gap, m->min_text);
        const char *answers[2] = {hc->answer_new, hc->answer_old};
        for (int i = 0; i < 2; i++) {
            uk_rect box =
                m->portrait ? (uk_rect){x, answers_y + (float)i * (answer_h + m->gap), w, answer_h}
                            : (uk_rect){x + (float)i * (w + m->gap) / 2, answers_y,
                                        (w - m->gap) / 2, answer_h};
            button(f, box, answers[i], focus_style(f, i), UK_ACTION_SELECT, i);
        }
        if (app->still_there)
            still_there(f);
        return;
    }

    char subtitle[160], part[48];
    snprintf(part, sizeof part, str(f, UK_STR_HC_PHASE_OF), app->hc.phase_index + 1,
             app->hc.phase_count);
    snprintf(subtitle, sizeof subtitle, "%s · %s", routine->title, part);
    float top = header(f, phase_name, subtitle);
    char limit[96];
    snprintf(limit, sizeof limit, str(f, UK_STR_HC_LIMIT), (int)(view.max_ms / 60000));

    if (app->hc.stage != UK_HEAT_COLD_RUNNING) {
        bottom_button buttons[] = {
            {str(f, UK_STR_HC_BEGIN), BUTTON_FOCUSED, UK_ACTION_SELECT, UK_HEAT_COLD_ITEM_BEGIN},
            {str(f, UK_STR_PLAYER_STOP), BUTTON_PLAIN, UK_ACTION_BACK, -1},
        };
        float bottom = footer(f, buttons, 2);
        text_block blocks[3] = {
            {heat ? hc->prepare_heat : hc->prepare_cold, m->title, 0, COLOR_TEXT, 0},
            {hc->safety, m->body, 0, COLOR_ACCENT, 0},
            {limit, m->small, 0, COLOR_DIM, 0},
        };
        fit_stack(f->env, blocks, 3, w, bottom - top, m->gap, m->min_text);
        place_stack(f->scene, blocks, 3, x, top, w, m->gap, m->min_text);
        if (app->still_there)
            still_there(f);
        return;
    }

    bottom_button buttons[] = {
        {str(f, UK_STR_HC_ADD_MINUTE),
         view.can_add_minute ? focus_style(f, UK_HEAT_COLD_ITEM_MINUTE) : BUTTON_DISABLED,
         UK_ACTION_SELECT, UK_HEAT_COLD_ITEM_MINUTE},
        {str(f, UK_STR_HC_END_PHASE), focus_style(f, UK_HEAT_COLD_ITEM_END), UK_ACTION_SELECT,
         UK_HEAT_COLD_ITEM_END},
        {str(f, UK_STR_PLAYER_STOP), BUTTON_PLAIN, UK_ACTION_BACK, -1},
    };
    float bottom = footer(f, buttons, 3);
    uk_rect panel, words;
    split(m, top, bottom, m->portrait ? 0.45f : 0.4f, &panel, &words);
    char remaining[16], done[16], done_line[64], left_line[64];
    clock_text(remaining, sizeof remaining, view.remaining_ms, true);
    clock_text(done, sizeof done, view.elapsed_ms, false);
    snprintf(done_line, sizeof done_line, str(f, UK_STR_HC_ELAPSED), done);
    snprintf(left_line, sizeof left_line, str(f, UK_STR_HC_REMAINING), remaining);
    float d = fminf(panel.w, panel.h);
    uk_rect ring_box = {panel.x + (panel.w - d) / 2, panel.y + (panel.h - d) / 2, d, d};
    ring(f, ring_box, view.phase_ms ? (float)view.remaining_ms / (float)view.phase_ms : 0,
         remaining, phase_name, phase_color);

    char times[140];
    snprintf(times, sizeof times, "%s · %s", left_line, done_line);
    text_block blocks[4] = {
        {times, m->body, UK_TEXT_BOLD, phase_color, 0},
        {heat ? hc->heat_hint : hc->cold_hint, m->body, 0, COLOR_TEXT, 0},
        {hc->safety, m->small, 0, COLOR_ACCENT, 0},
        {limit, m->small, 0, COLOR_DIM, 0},
    };
    fit_stack(f->env, blocks, 4, words.w, words.h, m->gap, m->min_text);
    place_stack(f->scene, blocks, 4, words.x, words.y, words.w, m->gap, m->min_text);
}

/* ---- cards ------------------------------------------------------------------ */

static void build_cards(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    int count = routine->card_count;
    const uk_card *card = &routine->cards[app->card < count ? app->card : 0];

    char subtitle[128], of[32];
    snprintf(of, sizeof of, str(f, UK_STR_CARDS_OF), app->card + 1, count);
    snprintf(subtitle, sizeof subtitle, "%s · %s", routine->title, of);
    float top = header(f, card->title, subtitle);
    bool last = app->card + 1 >= count;
    bottom_button buttons[] = {
        {str(f, UK_STR_CARDS_PREVIOUS), app->card > 0 ? BUTTON_PLAIN : BUTTON_DISABLED,
         uk_cards_buttons[0], -1},
        {str(f, last ? UK_STR_CARDS_FINISH : UK_STR_CARDS_NEXT), BUTTON_FOCUSED,
         uk_cards_buttons[1], -1},
        {str(f, UK_STR_ABOUT_BACK), BUTTON_PLAIN, uk_cards_buttons[2], -1},
    };
    float bottom = footer(f, buttons, 3);
    uk_rect box = {m->margin, top, m->w - 2 * m->margin, bottom - top};
    uk_scene_rect(f->scene, box, m->radius, COLOR_PANEL);
    uk_rect inner = uk_rect_inset(box, m->pad * 1.5f, m->pad);
    float size = fit_size(f->env, card->body, m->title, m->min_text, 0, inner.w, inner.h);
    uk_scene_text(f->scene, inner, size, m->min_text, UK_TEXT_MIDDLE, COLOR_TEXT, "%s", card->body);
    if (app->still_there)
        still_there(f);
}

/* ---- done ------------------------------------------------------------------- */

static void build_done(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->done_routine];
    float top = header(f, str(f, UK_STR_DONE_TITLE), NULL);
    bottom_button finish = {str(f, UK_STR_DONE_FINISH), BUTTON_FOCUSED, UK_ACTION_SELECT, 0};
    float bottom = footer(f, &finish, 1);

    int minutes = (int)((app->done_seconds + 30) / 60);
    char summary[256];
    snprintf(summary, sizeof summary, str(f, UK_STR_DONE_SUMMARY), routine->title,
             minutes < 1 ? 1 : minutes);
    uk_rect said = text_at(f, m->margin, top, m->w - 2 * m->margin, m->body, UK_TEXT_MIDDLE,
                           COLOR_TEXT, summary);

    uk_rect card = {m->margin, said.y + said.h + m->gap, m->w - 2 * m->margin,
                    bottom - said.y - said.h - m->gap};
    uk_scene_rect(f->scene, card, m->radius, COLOR_PANEL);
    uk_rect inner = uk_rect_inset(card, m->pad * 1.5f, m->pad);
    text_block blocks[3] = {
        {str(f, UK_STR_DONE_TAKE_HOME), m->body, UK_TEXT_BOLD, COLOR_ACCENT, 0},
        {routine->habit, m->title, 0, COLOR_TEXT, 0},
        {str(f, UK_STR_DONE_HYDRATION), m->body, 0, COLOR_RUNNING, 0},
    };
    fit_stack(f->env, blocks, 3, inner.w, inner.h, m->gap, m->min_text);
    place_stack(f->scene, blocks, 3, inner.x, inner.y, inner.w, m->gap, m->min_text);
}

/* ---- about ------------------------------------------------------------------ */

static void build_about(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    float top = header(f, str(f, UK_STR_ABOUT_TITLE), NULL);
    bottom_button back = {str(f, UK_STR_ABOUT_BACK), BUTTON_FOCUSED, UK_ACTION_BACK, -1};
    float bottom = footer(f, &back, 1);
    float x = m->margin, w = m->w - 2 * m->margin;

    if (f->env->version) {
        float h = text_lines_h(f, m->min_text, 0, 1);
        uk_scene_text(f->scene, (uk_rect){x, bottom - h, w, h}, m->min_text, m->min_text,
                      UK_TEXT_RIGHT, COLOR_DIM, "unknot %s", f->env->version);
        bottom -= h + m->gap * 0.5f;
    }
    uk_rect intro = text_at(f, x, top, w, m->small, 0, COLOR_DIM, str(f, UK_STR_ABOUT_INTRO));
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
        snprintf(checked, sizeof checked, str(f, UK_STR_ABOUT_REVIEWED),
                 routine->reviewed_by ? routine->reviewed_by : "?", routine->reviewed_on);
        if (measure_f(f, checked, m->small, 0, col_w).h > text_lines_h(f, m->small, 0, 1) + 0.5f)
            lines = 2;
    }
    float title_h = text_lines_h(f, m->body, UK_TEXT_BOLD, 1);
    float line_h = text_lines_h(f, m->small, 0, lines);
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
                      index == app->focus ? COLOR_ACCENT : COLOR_TEXT, "%s", routine->title);
        snprintf(checked, sizeof checked, str(f, UK_STR_ABOUT_REVIEWED),
                 routine->reviewed_by ? routine->reviewed_by : "?", routine->reviewed_on);
        uk_scene_text(f->scene, (uk_rect){cx, y + title_h, col_w, line_h}, m->small, m->min_text, 0,
                      COLOR_DIM, "%s", checked);
    }
}

/* ---- doctor ----------------------------------------------------------------- */

static void build_doctor(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;

    /* A red band with the title: this screen must not be mistaken for another. */
    const char *title = str(f, UK_STR_DOCTOR_TITLE);
    float band_h = measure_f(f, title, m->title, UK_TEXT_BOLD, m->w - 2 * m->margin).h;
    float band_pad = roundf(m->margin * 0.6f);
    uk_scene_rect(f->scene, (uk_rect){0, 0, m->w, band_h + 2 * band_pad}, 0, COLOR_DOCTOR);
    uk_scene_text(f->scene, (uk_rect){m->margin, band_pad, m->w - 2 * m->margin, band_h}, m->title,
                  m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_TEXT, "%s", title);
    float top = band_h + 2 * band_pad + m->gap;

    bottom_button buttons[2];
    int count = 0;
    if (app->in_session) {
        buttons[count++] =
            (bottom_button){str(f, UK_STR_DOCTOR_RESUME), focus_style(f, UK_DOCTOR_BACK),
                            UK_ACTION_SELECT, UK_DOCTOR_BACK};
        buttons[count++] =
            (bottom_button){str(f, UK_STR_DOCTOR_HAVE_ONE),
                            app->focus == UK_DOCTOR_HAVE_ONE ? BUTTON_FOCUSED : BUTTON_DOCTOR,
                            UK_ACTION_SELECT, UK_DOCTOR_HAVE_ONE};
    } else {
        buttons[count++] = (bottom_button){str(f, UK_STR_DOCTOR_BACK), BUTTON_FOCUSED,
                                           UK_ACTION_SELECT, UK_DOCTOR_BACK};
    }
    float bottom = footer(f, buttons, count);
    float x = m->margin, w = m->w - 2 * m->margin;

    /* Once the person has said they have a sign, what to do now comes first, in place of
     * the introduction and the note. */
    const char *note = NULL;
    if (app->doctor_reported) {
        const char *stopped = str(f, UK_STR_DOCTOR_STOPPED);
        float h = measure_f(f, stopped, m->body, UK_TEXT_BOLD, w - 2 * m->pad).h + m->pad;
        uk_scene_rect(f->scene, (uk_rect){x, top, w, h}, m->radius, COLOR_ACCENT);
        uk_scene_text(f->scene, uk_rect_inset((uk_rect){x, top, w, h}, m->pad, m->pad * 0.5f),
                      m->body, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, COLOR_DARK_TEXT, "%s",
                      stopped);
        top += h + m->gap;
    } else {
        uk_rect intro =
            text_at(f, x, top, w, m->body, UK_TEXT_BOLD, COLOR_TEXT, str(f, UK_STR_DOCTOR_INTRO));
        top += intro.h + roundf(m->gap * 0.5f);
        note = str(f, UK_STR_DOCTOR_INFECTION);
    }

    static const uk_string_id flags[] = {UK_STR_DOCTOR_FLAG_PAIN, UK_STR_DOCTOR_FLAG_SLEEP,
                                         UK_STR_DOCTOR_FLAG_RED, UK_STR_DOCTOR_FLAG_HOT,
                                         UK_STR_DOCTOR_FLAG_DRAINAGE};
    enum {
        FLAG_COUNT = sizeof flags / sizeof flags[0]
    };
    float note_h = 0;
    if (note) {
        note_h = measure_f(f, note, m->small, 0, w).h;
        uk_scene_text(f->scene, (uk_rect){x, bottom - note_h, w, note_h}, m->small, m->min_text, 0,
                      COLOR_DIM, "%s", note);
    }

    /* The signs in one column (portrait) or two, read down the first column and then the
     * second, all at one size: the largest at which every row fits. */
    int columns = m->portrait ? 1 : 2;
    int rows = (FLAG_COUNT + columns - 1) / columns;
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
            for (int col = 0; col < columns && col * rows + row < FLAG_COUNT; col++) {
                const char *flag = str(f, flags[col * rows + row]);
                row_h[row] = fmaxf(row_h[row], measure_f(f, flag, size, 0, text_w).h);
            }
            total += row_h[row] + (row ? row_gap : 0);
        }
        if (total <= avail + 0.5f || size <= m->min_text)
            break;
        size = smaller(size, m->min_text);
    }
    float y = top;
    for (int row = 0; row < rows; row++) {
        for (int col = 0; col < columns && col * rows + row < FLAG_COUNT; col++) {
            float bx = x + (float)col * (col_w + m->gap);
            float cy = y + roundf(size * 0.6f);
            uk_scene_capsule(f->scene, bx + dot, cy, bx + dot, cy, dot / 2, COLOR_DOCTOR);
            uk_scene_text(f->scene, (uk_rect){bx + dot * 3, y, text_w, row_h[row]}, size,
                          m->min_text, 0, COLOR_TEXT, "%s", str(f, flags[col * rows + row]));
        }
        y += row_h[row] + row_gap;
    }
}

/* ---- admin ------------------------------------------------------------------ */

/* The PIN pad: the digits as dots, what went wrong, and a 3 x 4 pad of keys. */
static void build_admin_pin(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    float top = header(f, str(f, UK_STR_ADMIN_PIN_TITLE), NULL);
    bottom_button back = {str(f, UK_STR_ABOUT_BACK), BUTTON_PLAIN, UK_ACTION_BACK, -1};
    float bottom = footer(f, &back, 1);
    float x = m->margin, w = m->w - 2 * m->margin;
    if (!app->cfg.admin_pin_set) {
        text_block blocks[1] = {{str(f, UK_STR_ADMIN_PIN_UNSET), m->body, 0, COLOR_TEXT, 0}};
        fit_stack(f->env, blocks, 1, w, bottom - top, 0, m->min_text);
        place_stack(f->scene, blocks, 1, x, top, w, 0, m->min_text);
        return;
    }

    /* The pad on the right (landscape) or below (portrait); the words beside it. */
    uk_rect pad, words;
    split(m, top, bottom, m->portrait ? 0.3f : 0.45f, &words, &pad);
    char dots[UK_PIN_MAX_DIGITS * 4 + 1] = "";
    for (int i = 0; i < app->pin_len; i++)
        strcat(dots, "● ");
    char status[128] = "";
    uk_color status_color = COLOR_ACCENT;
    if (uk_pin_lock_locked(&app->pin_lock, f->now)) {
        snprintf(status, sizeof status, str(f, UK_STR_ADMIN_PIN_LOCKED),
                 (int)((uk_pin_lock_remaining_ms(&app->pin_lock, f->now) + 999) / 1000));
        status_color = COLOR_DOCTOR;
    } else if (app->pin_wrong) {
        snprintf(status, sizeof status, str(f, UK_STR_ADMIN_PIN_WRONG),
                 (int)uk_pin_lock_tries_left(&app->pin_lock, f->now));
    }
    text_block blocks[3] = {
        {str(f, UK_STR_ADMIN_PIN_PROMPT), m->body, 0, COLOR_TEXT, 0},
        {app->pin_len ? dots : " ", m->title, UK_TEXT_BOLD, COLOR_ACCENT, 0},
        {status[0] ? status : " ", m->body, UK_TEXT_BOLD, status_color, 0},
    };
    fit_stack(f->env, blocks, 3, words.w, words.h, m->gap, m->min_text);
    place_stack(f->scene, blocks, 3, words.x, words.y, words.w, m->gap, m->min_text);

    static const char *const digits[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    float key_w = (pad.w - 2 * m->gap) / 3, key_h = (pad.h - 3 * m->gap * 0.5f) / 4;
    for (int key = 0; key < UK_PIN_KEY_COUNT; key++) {
        const char *label = key < 10                   ? digits[key]
                            : key == UK_PIN_KEY_DELETE ? str(f, UK_STR_ADMIN_PIN_DELETE)
                                                       : str(f, UK_STR_ADMIN_PIN_OK);
        uk_rect box = {pad.x + (float)(key % 3) * (key_w + m->gap),
                       pad.y + (float)(key / 3) * (key_h + m->gap * 0.5f), key_w, key_h};
        button(f, box, label, focus_style(f, key), UK_ACTION_SELECT, key);
    }
}

/* "2 h 5 min", "45 s": a duration as a person says it. */
static void duration_text(char *buf, size_t len, uint64_t ms)
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

/*
 * A bar chart of `n` counts in `box`, with a label under every `every`-th
 * bar. A count below UK_STATS_SUPPRESS_BELOW is drawn as a faint stub of one
 * height whatever it is, so a small number cannot be read off the screen.
 */
static void bar_chart(const frame *f, uk_rect box, const uint32_t *values, int n,
                      const char *const *labels, int every)
{
    const metrics *m = &f->m;
    uint32_t max = UK_STATS_SUPPRESS_BELOW;
    for (int i = 0; i < n; i++)
        max = values[i] > max ? values[i] : max;
    float label_h = text_lines_h(f, m->min_text, 0, 1);
    float axis_w = ceilf(measure_f(f, "0000", m->min_text, 0, 0).w) + m->gap * 0.5f;
    uk_rect plot = {box.x + axis_w, box.y + label_h * 0.5f, box.w - axis_w,
                    box.h - label_h * 1.5f - m->gap * 0.5f};
    uk_scene_rect(f->scene, (uk_rect){plot.x, plot.y + plot.h, plot.w, 2}, 0, COLOR_TRACK);
    uk_scene_text(f->scene, (uk_rect){box.x, box.y, axis_w - m->gap * 0.5f, label_h}, m->min_text,
                  m->min_text, UK_TEXT_RIGHT, COLOR_DIM, "%u", (unsigned)max);
    uk_scene_text(
        f->scene,
        (uk_rect){box.x, plot.y + plot.h - label_h * 0.5f, axis_w - m->gap * 0.5f, label_h},
        m->min_text, m->min_text, UK_TEXT_RIGHT, COLOR_DIM, "0");
    float slot = plot.w / (float)n, bar_w = fmaxf(1, floorf(slot * 0.7f));
    for (int i = 0; i < n; i++) {
        float x = plot.x + (float)i * slot + (slot - bar_w) / 2;
        bool few = values[i] > 0 && values[i] < UK_STATS_SUPPRESS_BELOW;
        float h = few ? plot.h * 0.05f : plot.h * (float)values[i] / (float)max;
        if (values[i] > 0)
            uk_scene_rect(f->scene, (uk_rect){x, plot.y + plot.h - h, bar_w, h}, 0,
                          few ? COLOR_TRACK : COLOR_RUNNING);
        if (labels && i % every == 0) {
            float lw = slot * (float)every;
            uk_scene_text(f->scene,
                          (uk_rect){plot.x + (float)i * slot, plot.y + plot.h + m->gap * 0.5f,
                                    fminf(lw, plot.x + plot.w - (plot.x + (float)i * slot)),
                                    label_h},
                          m->min_text, m->min_text, 0, COLOR_DIM, "%s", labels[i]);
        }
    }
}

/* Completed of started, one bar per routine, the most used first. */
static void routine_chart(const frame *f, uk_rect box, const uk_stats *stats)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    float row_h = text_lines_h(f, m->min_text, UK_TEXT_BOLD, 1) + m->gap * 0.5f;
    int rows = (int)(box.h / row_h);
    float name_w = roundf(box.w * 0.42f), count_w = roundf(box.w * 0.2f);
    float bar_x = box.x + name_w + m->gap * 0.5f, bar_w = box.w - name_w - count_w - m->gap;
    for (int i = 0; i < rows && (size_t)i < stats->routine_count; i++) {
        const uk_stats_routine *r = &stats->routines[i];
        const char *name = r->routine;
        for (size_t k = 0; k < app->routine_count; k++)
            if (strcmp(app->routines[k].id, r->routine) == 0)
                name = app->routines[k].title;
        float y = box.y + (float)i * row_h, h = row_h - m->gap * 0.5f;
        uk_scene_text(f->scene, (uk_rect){box.x, y, name_w, h}, m->min_text, m->min_text,
                      UK_TEXT_MIDDLE, COLOR_TEXT, "%s", name);
        uk_scene_rect(f->scene, (uk_rect){bar_x, y + h * 0.2f, bar_w, h * 0.6f}, 0, COLOR_TRACK);
        /* Under UK_STATS_SUPPRESS_BELOW, neither the words nor the bar give the count away. */
        char count[48];
        if (r->starts < UK_STATS_SUPPRESS_BELOW) {
            snprintf(count, sizeof count, "<%d", UK_STATS_SUPPRESS_BELOW);
        } else if (r->completions < UK_STATS_SUPPRESS_BELOW) {
            snprintf(count, sizeof count, "<%d / %u", UK_STATS_SUPPRESS_BELOW, r->starts);
        } else {
            float done = (float)r->completions / (float)r->starts;
            uk_scene_rect(f->scene, (uk_rect){bar_x, y + h * 0.2f, bar_w * done, h * 0.6f}, 0,
                          COLOR_RUNNING);
            snprintf(count, sizeof count, str(f, UK_STR_ADMIN_OF), (int)r->completions,
                     (int)r->starts);
        }
        uk_scene_text(f->scene, (uk_rect){box.x + box.w - count_w, y, count_w, h}, m->min_text,
                      m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, COLOR_DIM, "%s", count);
    }
}

static void admin_usage(const frame *f, uk_rect box, int page)
{
    const metrics *m = &f->m;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id titles[3] = {UK_STR_ADMIN_DAYS_TITLE, UK_STR_ADMIN_ROUTINES_TITLE,
                                           UK_STR_ADMIN_HOURS_TITLE};
    uk_rect title =
        text_at(f, box.x, box.y, box.w, m->small, UK_TEXT_BOLD, COLOR_TEXT, str(f, titles[page]));
    uk_rect note = {box.x, 0, box.w, text_lines_h(f, m->min_text, 0, 1)};
    note.y = box.y + box.h - note.h;
    uk_rect chart = {box.x, title.y + title.h + m->gap * 0.5f, box.w,
                     note.y - title.y - title.h - m->gap};
    if (!info || !info->have_store) {
        text_at(f, chart.x, chart.y, chart.w, m->body, 0, COLOR_DIM, str(f, UK_STR_ADMIN_NO_LOG));
        return;
    }
    if (info->stats.generation == 0) {
        text_at(f, chart.x, chart.y, chart.w, m->body, 0, COLOR_DIM, str(f, UK_STR_ADMIN_LOADING));
        return;
    }
    uk_scene_text(f->scene, note, m->min_text, m->min_text, 0, COLOR_DIM, "%s",
                  str(f, UK_STR_ADMIN_FEW));
    const uk_stats *stats = &info->stats;
    if (page == 0) {
        uint32_t values[UK_STATS_DAYS];
        char dates[UK_STATS_DAYS][8];
        const char *labels[UK_STATS_DAYS];
        for (int i = 0; i < UK_STATS_DAYS; i++) {
            values[i] = stats->days[i].starts;
            /* "24/11" from "2026-11-24" */
            snprintf(dates[i], sizeof dates[i], "%.2s/%.2s", stats->days[i].date + 8,
                     stats->days[i].date + 5);
            labels[i] = dates[i];
        }
        bar_chart(f, chart, values, UK_STATS_DAYS, labels, m->portrait ? 10 : 6);
    } else if (page == 1) {
        routine_chart(f, chart, stats);
    } else {
        static const char *const hours[UK_STATS_HOURS] = {
            "0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11",
            "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23"};
        bar_chart(f, chart, stats->starts_by_hour, UK_STATS_HOURS, hours, m->portrait ? 6 : 3);
    }
}

static void admin_health(const frame *f, uk_rect box)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id states[UK_STATS_STATE_COUNT] = {
        UK_STR_ADMIN_LOG_OK, UK_STR_ADMIN_LOG_READONLY, UK_STR_ADMIN_LOG_FULL,
        UK_STR_ADMIN_LOG_IO, UK_STR_ADMIN_LOG_REPLACED, UK_STR_ADMIN_LOG_CLOSED};
    char lines[7][320];
    int n = 0;
    if (info && info->have_store) {
        const uk_stats_health *health = &info->stats.health;
        snprintf(lines[n++], sizeof lines[0], "%s",
                 str(f, states[health->state < UK_STATS_STATE_COUNT ? health->state : 0]));
        snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_ROWS),
                 (int)health->rows_committed, (int)health->rows_pending, (int)health->rows_lost);
        char size[32], when[32];
        snprintf(size, sizeof size, "%.1f MB", (double)health->db_bytes / 1e6);
        if (health->last_write_s > 0 && info->stats.as_of_s >= health->last_write_s)
            duration_text(when, sizeof when,
                          (uint64_t)(info->stats.as_of_s - health->last_write_s) * 1000);
        else
            snprintf(when, sizeof when, "-");
        snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_SIZE), size, when);
        if (health->last_error[0])
            snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_ERROR), health->last_error);
    } else {
        snprintf(lines[n++], sizeof lines[0], "%s", str(f, UK_STR_ADMIN_NO_LOG));
    }
    char uptime[32];
    duration_text(uptime, sizeof uptime, info ? info->uptime_ms : app->now_ms);
    snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_UPTIME), uptime);
    snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_CONTENT), (int)app->routine_count,
             (int)app->catalog->lang_count, info ? info->content_problems : 0);
    snprintf(lines[n++], sizeof lines[0], str(f, UK_STR_ADMIN_BUTTONS_STATE),
             info && info->buttons_state[0] ? info->buttons_state : "-");
    text_block blocks[7];
    for (int i = 0; i < n; i++)
        blocks[i] = (text_block){lines[i], m->small, 0, i == 0 ? COLOR_TEXT : COLOR_DIM, 0};
    fit_stack(f->env, blocks, n, box.w, box.h, m->gap * 0.5f, m->min_text);
    float y = place_stack(f->scene, blocks, n, box.x, box.y, box.w, m->gap * 0.5f, m->min_text);
    if (f->env->version && y + m->gap + text_lines_h(f, m->min_text, 0, 1) <= box.y + box.h)
        uk_scene_text(f->scene,
                      (uk_rect){box.x, box.y + box.h - text_lines_h(f, m->min_text, 0, 1), box.w,
                                text_lines_h(f, m->min_text, 0, 1)},
                      m->min_text, m->min_text, UK_TEXT_RIGHT, COLOR_DIM, "unknot %s",
                      f->env->version);
}

/* The button test: every line, lit while pressed, with its last press. */
static void admin_buttons(const frame *f, uk_rect box)
{
    const metrics *m = &f->m;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id names[UK_ACTION_COUNT] = {[UK_ACTION_UP] = UK_STR_ACTION_UP,
                                                        [UK_ACTION_DOWN] = UK_STR_ACTION_DOWN,
                                                        [UK_ACTION_SELECT] = UK_STR_ACTION_SELECT,
                                                        [UK_ACTION_BACK] = UK_STR_ACTION_BACK,
                                                        [UK_ACTION_HELP] = UK_STR_ACTION_HELP};
    uk_rect state = text_at(f, box.x, box.y, box.w, m->small, 0, COLOR_DIM,
                            info && info->buttons_state[0] ? info->buttons_state : "-");
    float top = state.y + state.h + m->gap * 0.5f;
    int count = info ? info->button_count : 0;
    if (count <= 0)
        return;
    float row_h = (box.y + box.h - top) / (float)count;
    float lamp = fminf(row_h * 0.6f, m->body);
    for (int i = 0; i < count; i++) {
        const uk_admin_button *b = &info->buttons[i];
        float y = top + (float)i * row_h, h = row_h - m->gap * 0.25f;
        const char *name = (unsigned)b->action < UK_ACTION_COUNT && b->action != UK_ACTION_NONE
                               ? str(f, names[b->action])
                               : "?";
        char line[96], last[128], ago[32];
        if (b->line >= 0)
            snprintf(line, sizeof line, str(f, UK_STR_ADMIN_LINE), name, b->line);
        else
            snprintf(line, sizeof line, str(f, UK_STR_ADMIN_UNWIRED), name);
        if (b->presses == 0 || b->last_press_ms == 0) {
            snprintf(last, sizeof last, "%s", str(f, UK_STR_ADMIN_NEVER));
        } else {
            duration_text(ago, sizeof ago,
                          f->now > b->last_press_ms ? f->now - b->last_press_ms : 0);
            snprintf(last, sizeof last, str(f, UK_STR_ADMIN_LAST_PRESS), ago, (int)b->presses);
        }
        float cx = box.x + lamp / 2, cy = y + h / 2;
        uk_scene_capsule(f->scene, cx, cy, cx, cy, lamp / 2, b->down ? COLOR_READY : COLOR_TRACK);
        float x = box.x + lamp + m->gap, w = box.w - lamp - m->gap;
        text_block blocks[2] = {
            {line, m->small, UK_TEXT_BOLD, b->down ? COLOR_READY : COLOR_TEXT, 0},
            {b->down ? str(f, UK_STR_ADMIN_PRESSED) : last, m->min_text, 0, COLOR_DIM, 0},
        };
        float used = fit_stack(f->env, blocks, 2, w, h, 0, m->min_text);
        place_stack(f->scene, blocks, 2, x, y + (h - used) / 2, w, 0, m->min_text);
    }
}

/* Pages along the top, what the screen can do along the bottom, the page between. */
static void build_admin(const frame *f)
{
    const metrics *m = &f->m;
    const uk_app *app = f->app;
    float y = m->margin, w = m->w - 2 * m->margin;
    static const uk_string_id pages[UK_ADMIN_PAGE_COUNT] = {
        UK_STR_ADMIN_DAYS, UK_STR_ADMIN_ROUTINES, UK_STR_ADMIN_HOURS, UK_STR_ADMIN_HEALTH,
        UK_STR_ADMIN_BUTTONS};
    int columns = m->portrait ? 3 : UK_ADMIN_PAGE_COUNT;
    int tab_rows = (UK_ADMIN_PAGE_COUNT + columns - 1) / columns;
    float tab_w = (w - (float)(columns - 1) * m->gap * 0.5f) / (float)columns;
    const char *tab_labels[UK_ADMIN_PAGE_COUNT];
    for (int i = 0; i < UK_ADMIN_PAGE_COUNT; i++)
        tab_labels[i] = str(f, pages[i]);
    float tab_size = row_label_size(f, tab_labels, UK_ADMIN_PAGE_COUNT, tab_w, m->button_h);
    for (int i = 0; i < UK_ADMIN_PAGE_COUNT; i++) {
        uk_rect box = {m->margin + (float)(i % columns) * (tab_w + m->gap * 0.5f),
                       y + (float)(i / columns) * (m->button_h + m->gap * 0.5f), tab_w,
                       m->button_h};
        button_style style = app->focus == i        ? BUTTON_FOCUSED
                             : app->admin_page == i ? BUTTON_DOCTOR
                                                    : BUTTON_PLAIN;
        button_at(f, box, tab_labels[i], tab_size, style, UK_ACTION_SELECT, i);
    }
    float top = y + (float)tab_rows * (m->button_h + m->gap * 0.5f) + m->gap * 0.5f;

    const char *stop = str(f, app->stop_armed ? UK_STR_ADMIN_STOP_CONFIRM : UK_STR_ADMIN_STOP);
    const char *labels[4] = {str(f, app->muted ? UK_STR_ADMIN_SOUND_OFF : UK_STR_ADMIN_SOUND_ON),
                             str(f, UK_STR_ADMIN_RESTART), stop, str(f, UK_STR_ADMIN_CLOSE)};
    int action_columns = m->portrait ? 2 : 4;
    int action_rows = 4 / action_columns;
    float action_w = (w - (float)(action_columns - 1) * m->gap) / (float)action_columns;
    float action_size = row_label_size(f, labels, 4, action_w, m->button_h);
    float actions_y = m->h - m->margin - (float)action_rows * m->button_h -
                      (float)(action_rows - 1) * m->gap * 0.5f;
    for (int i = 0; i < 4; i++) {
        int item = UK_ADMIN_PAGE_COUNT + i;
        uk_rect box = {m->margin + (float)(i % action_columns) * (action_w + m->gap),
                       actions_y + (float)(i / action_columns) * (m->button_h + m->gap * 0.5f),
                       action_w, m->button_h};
        button_style style = app->focus == item                         ? BUTTON_FOCUSED
                             : item == UK_ADMIN_STOP && app->stop_armed ? BUTTON_DOCTOR
                                                                        : BUTTON_PLAIN;
        button_at(f, box, labels[i], action_size, style, UK_ACTION_SELECT, item);
    }
    uk_rect page = {m->margin, top, w, actions_y - m->gap - top};
    uk_scene_rect(f->scene, page, m->radius, COLOR_PANEL);
    page = uk_rect_inset(page, m->pad, m->pad * 0.75f);
    if (app->admin_page < 3)
        admin_usage(f, page, app->admin_page);
    else if (app->admin_page == UK_ADMIN_HEALTH)
        admin_health(f, page);
    else
        admin_buttons(f, page);
}

/* ---- entry ------------------------------------------------------------------ */

void uk_ui_build(uk_scene *scene, const uk_app *app, const uk_ui_env *env, uk_viewport viewport,
                 uint64_t now_ms)
{
    frame f = {.scene = scene,
               .app = app,
               .env = env,
               .strings = uk_app_strings(app),
               .m = metrics_for(viewport),
               .now = now_ms};
    uk_scene_reset(scene, viewport.w, viewport.h, COLOR_BG);
    switch (app->screen) {
    case UK_SCREEN_HOME:
        build_home(&f);
        break;
    case UK_SCREEN_PLAYER:
        build_player(&f);
        break;
    case UK_SCREEN_HEAT_COLD:
        build_heat_cold(&f);
        break;
    case UK_SCREEN_CARDS:
        build_cards(&f);
        break;
    case UK_SCREEN_DONE:
        build_done(&f);
        break;
    case UK_SCREEN_DOCTOR:
        build_doctor(&f);
        break;
    case UK_SCREEN_ABOUT:
        build_about(&f);
        break;
    case UK_SCREEN_ADMIN_PIN:
        build_admin_pin(&f);
        break;
    case UK_SCREEN_ADMIN:
        build_admin(&f);
        break;
    case UK_SCREEN_COUNT:
        break;
    }
}
