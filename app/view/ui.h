/*
 * ui.h: turns the app's state into a scene, for any screen size.
 *
 * Drawing changes no state: uk_ui_build reads the app and writes a scene,
 * nothing else, so it can run at any rate and in any test. Layout is
 * computed from the frame's size every time, from one set of proportions of
 * the short side, so the same code serves 800x480, 1920x1080 and portrait
 * screens. Text sizes never go below UK_UI_MIN_TEXT_FRACTION of the short
 * side, and buttons are never smaller than 10 mm on the physical screen.
 */
#ifndef UK_APP_VIEW_UI_H
#define UK_APP_VIEW_UI_H

#include <stddef.h>
#include <stdint.h>

#include "app/core/app.h"
#include "app/model/admin_info.h"
#include "app/model/strings.h"
#include "app/view/figure.h"
#include "app/view/scene.h"

/* The smallest text, as a fraction of the screen's short side (24 px at 480). */
#define UK_UI_MIN_TEXT_FRACTION 0.05f

/* Buttons are at least this tall and wide, in mm on the glass. */
#define UK_UI_MIN_BUTTON_MM 10.0f

typedef struct uk_viewport {
    int w, h;        /* frame size in px */
    float px_per_mm; /* pixel density; 0 if unknown (a 7-inch 800x480 panel is assumed) */
} uk_viewport;

/* The size a text takes: its widest line and the height of all its lines, in px. */
typedef struct uk_text_extent {
    float w, h;
} uk_text_extent;

/*
 * Measures `text` at `size` px (UK_TEXT_BOLD in `flags` for the bold face),
 * wrapped at word boundaries to `max_w` px as the painter will wrap it. Only
 * the painter knows the font, so the platform provides this; layout uses it
 * to size boxes to their words instead of guessing.
 */
typedef uk_text_extent (*uk_measure_fn)(void *ctx, const char *text, float size, uint32_t flags,
                                        float max_w);

/* What the screens need from the platform besides the app's state. Borrowed. */
typedef struct uk_ui_env {
    uk_measure_fn measure; /* NULL: an estimate from the number of characters */
    void *measure_ctx;
    const char *version;        /* shown on the about and admin screens; may be NULL */
    const uk_admin_info *admin; /* the admin screen's numbers; NULL: none to show */
    bool backlight;             /* a backlight dims the panel while asleep; false: the frame
                                   itself is darkened (black, or veiled to the dim level) */
} uk_ui_env;

/*
 * Fills `scene` with the current screen at `now_ms`: the words in the
 * language on screen (uk_app_strings), the routines and motions from the
 * app's catalog. Asleep without a backlight, the frame is black, or the
 * screen under a veil that leaves cfg.asleep_percent of its brightness.
 */
void uk_ui_build(uk_scene *scene, const uk_app *app, const uk_ui_env *env, uk_viewport viewport,
                 uint64_t now_ms);

/* The colours the screens draw the figure with, for tools that show motions as the kiosk does.
 * Static: nothing to free. */
const uk_figure_style *uk_ui_figure_style(void);

/* The pixel size the smallest text and the smallest button may have on `viewport`. */
float uk_ui_min_text_px(uk_viewport viewport);
float uk_ui_min_button_px(uk_viewport viewport);

#endif
