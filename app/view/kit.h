/*
 * kit.h: what every screen's drawing is made of: sizes from the frame,
 * text measured and fitted to its box, buttons, the header with the doctor
 * button, the bottom row of buttons, the countdown ring, the figure's panel
 * and the "Still there?" card.
 *
 * Every size is derived from the frame's short side `s` (uk_kit_metrics),
 * so proportions hold from 800x480 to 1920x1080 and in portrait. Texts are
 * measured (uk_ui_env.measure) and their boxes sized to the words they
 * hold, so a longer language gets the lines it needs; a column of texts
 * shrinks together, and never below `min_text`. Nothing here keeps state
 * between frames: a frame is a function of the app's state and the time.
 *
 * For app/view only: the shell draws through app/view/ui.h.
 */
#ifndef UK_APP_VIEW_KIT_H
#define UK_APP_VIEW_KIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/core/app.h"
#include "app/view/figure.h"
#include "app/view/scene.h"
#include "app/view/ui.h"

typedef struct uk_kit_metrics {
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
} uk_kit_metrics;

/*
 * A column of texts stacked with `gap` between them. uk_kit_fit_stack
 * shrinks their sizes together (each keeps its place relative to the
 * others) until the column fits `avail` or every text is at `min_size`, and
 * records each text's height; uk_kit_place_stack adds them to the scene.
 */
typedef struct uk_kit_text {
    const char *text;
    float size; /* preferred, then the size chosen */
    uint32_t flags;
    uk_color color;
    float h; /* measured height at the chosen size */
} uk_kit_text;

/* Everything one frame's drawing needs, passed to every builder. */
typedef struct uk_kit_frame {
    uk_scene *scene;
    const uk_app *app;
    const uk_ui_env *env;
    const uk_strings *strings; /* in the language on screen */
    uk_kit_metrics m;
    uint64_t now;
} uk_kit_frame;

typedef enum uk_kit_button_style {
    UK_KIT_BUTTON_PLAIN,
    UK_KIT_BUTTON_FOCUSED,         /* the highlight: amber */
    UK_KIT_BUTTON_DOCTOR,          /* the doctor's red, and nothing else */
    UK_KIT_BUTTON_DISABLED,        /* shown, but does nothing now */
    UK_KIT_BUTTON_SELECTED,        /* the one chosen of a row (a page's tab): an amber rim */
    UK_KIT_BUTTON_DISABLED_FOCUSED /* the highlight on something that does nothing now: a rim */
} uk_kit_button_style;

/* One button of the bottom row (uk_kit_footer). */
typedef struct uk_kit_bottom_button {
    const char *label;
    uk_kit_button_style style;
    uk_action action;
    int item;
} uk_kit_bottom_button;

/* The smallest text and the smallest button on `viewport`, in px (ui.h says why). */
float uk_kit_min_text_px(uk_viewport viewport);
float uk_kit_min_button_px(uk_viewport viewport);

/* The sizes of everything on a frame of `viewport`. */
uk_kit_metrics uk_kit_metrics_for(uk_viewport viewport);

/*
 * The size `text` takes at `size` wrapped to `max_w`. With no measure from
 * the platform (core tests), an estimate: DejaVu Sans averages a little
 * over half an em per character.
 */
uk_text_extent uk_kit_measure(const uk_ui_env *c, const char *text, float size, uint32_t flags,
                              float max_w);

/* The next size to try when a text is too big: a few percent smaller, whole px. */
float uk_kit_smaller(float size, float min_size);

/* The largest size from `size` down to `min_size` at which `text` fits w x h. */
float uk_kit_fit_size(const uk_ui_env *c, const char *text, float size, float min_size,
                      uint32_t flags, float w, float h);

/* The height of the column at `scale` times its preferred sizes; records each text's. */
float uk_kit_stack_height(const uk_ui_env *c, uk_kit_text *blocks, int n, float w, float gap,
                          float scale, float min_size);

/* Shrinks the column together until it fits `avail`; returns its height. */
float uk_kit_fit_stack(const uk_ui_env *c, uk_kit_text *blocks, int n, float w, float avail,
                       float gap, float min_size);

/* Adds the stack at (x, y), `w` wide. Returns the y below the last text. */
float uk_kit_place_stack(uk_scene *scene, const uk_kit_text *blocks, int n, float x, float y,
                         float w, float gap, float min_size);

/* Sentence `id` in the language on screen. Borrowed from the catalog. */
const char *uk_kit_str(const uk_kit_frame *f, uk_string_id id);

/* uk_kit_measure with the frame's measure. */
uk_text_extent uk_kit_text_size(const uk_kit_frame *f, const char *text, float size, uint32_t flags,
                                float max_w);

/* Height of `n` lines of text at `size`, as the painter sets them. */
float uk_kit_lines_h(const uk_kit_frame *f, float size, uint32_t flags, int n);

/* Adds text measured to its box's width: the box is as tall as the words need. Returns it. */
uk_rect uk_kit_text_at(const uk_kit_frame *f, float x, float y, float w, float size, uint32_t flags,
                       uk_color color, const char *text);

/* "12:05" for `ms`, rounded up to whole seconds as a countdown shows it. */
void uk_kit_clock_text(char *buf, size_t len, uint32_t ms, bool round_up);

/* "2 h 5 min", "45 s": a duration as a person says it. */
void uk_kit_duration_text(char *buf, size_t len, uint64_t ms);

/* The size at which every label of a row of buttons `w` x `h` fits: one size for the row. */
float uk_kit_row_label_size(const uk_kit_frame *f, const char *const *labels, int count, float w,
                            float h);

/* A button whose label is set at `size` (the painter still shrinks it if it must). */
void uk_kit_button_at(const uk_kit_frame *f, uk_rect box, const char *label, float size,
                      uk_kit_button_style style, uk_action action, int item);

/* A button at the body text size. A tap on it is `action`, or choosing `item` when >= 0. */
void uk_kit_button(const uk_kit_frame *f, uk_rect box, const char *label, uk_kit_button_style style,
                   uk_action action, int item);

/* A button of the player or the cards, focused when single-switch scanning is on it. */
uk_kit_button_style uk_kit_scanned(const uk_kit_frame *f, int index, uk_kit_button_style otherwise);

/* Plain, or focused when `item` is the app's focus. */
uk_kit_button_style uk_kit_focus_style(const uk_kit_frame *f, int item);

/* The header: a title (and a line above it) on the left, the doctor button. Returns the y below. */
float uk_kit_header(const uk_kit_frame *f, const char *title, const char *subtitle);

/* A row of equal buttons along the bottom, their labels at one size. Returns the y above it. */
float uk_kit_footer(const uk_kit_frame *f, const uk_kit_bottom_button *buttons, int count);

/* A countdown ring: the part of the phase left, its number inside and a word under the number. */
void uk_kit_ring(const uk_kit_frame *f, uk_rect box, float left, const char *number,
                 const char *word, uk_color color);

/* The figure in `pose` in a panel. */
void uk_kit_figure_panel(const uk_kit_frame *f, uk_rect panel, const uk_motion *motion,
                         const uk_pose *pose, bool mirror);

/* The motion called `id` in the catalog, or NULL (also for a NULL id). */
const uk_motion *uk_kit_find_motion(const uk_kit_frame *f, const char *id);

/* The colour of a category's stripe, so cards of a kind group at a glance. */
uk_color uk_kit_category_color(uk_category category);

/* "Stretch · 3 min", "Learn · 6 cards": what a routine is and how long it takes. */
void uk_kit_routine_meta(const uk_kit_frame *f, const uk_routine *routine, char *buf, size_t len);

/* Figure on the left (landscape) or on top (portrait), words beside or below it. */
void uk_kit_split(const uk_kit_metrics *m, float top, float bottom, float figure_share,
                  uk_rect *panel, uk_rect *words);

/* "Still there?" over the session's screen, with the seconds left and a button to go on. */
void uk_kit_still_there(const uk_kit_frame *f);

/* Each screen's drawing, as the table of screens names it (app/core/screen.h): one in
 * each app/view/<name>_view.c. */
#define UK_KIT_VIEW_BUILDER(id, name, rules, view) void view(const uk_kit_frame *f);
UK_SCREENS(UK_KIT_VIEW_BUILDER)
#undef UK_KIT_VIEW_BUILDER

#endif
