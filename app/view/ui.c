/*
 * ui.c: a frame of whatever screen shows, through the view's column of the
 * table of screens (app/core/screen.h), for any frame size.
 *
 * The screen's own file draws it (app/view/<name>_view.c, from the pieces
 * in kit.h); over it, a kiosk asleep outside its opening hours with no
 * backlight to turn down is darkened here, so every screen goes dark the
 * same way and a touch lands on what is shown.
 */
#include "app/view/ui.h"

#include <math.h>

#include "app/view/kit.h"
#include "app/view/palette.h"

static void (*const builders[UK_SCREEN_COUNT])(const uk_kit_frame *f) = {
#define UK_SCREEN_VIEW(id, name, rules, view) [UK_SCREEN_##id] = view,
    UK_SCREENS(UK_SCREEN_VIEW)
#undef UK_SCREEN_VIEW
};

const uk_figure_style *uk_ui_figure_style(void)
{
    return &UK_PALETTE_FIGURE;
}

float uk_ui_min_text_px(uk_viewport viewport)
{
    return uk_kit_min_text_px(viewport);
}

float uk_ui_min_button_px(uk_viewport viewport)
{
    return uk_kit_min_button_px(viewport);
}

void uk_ui_build(uk_scene *scene, const uk_app *app, const uk_ui_env *env, uk_viewport viewport,
                 uint64_t now_ms)
{
    uk_kit_frame f = {.scene = scene,
                      .app = app,
                      .env = env,
                      .strings = uk_app_strings(app),
                      .m = uk_kit_metrics_for(viewport),
                      .now = now_ms};
    bool dark = app->asleep && !env->backlight;
    int percent = app->cfg.asleep_percent < 0 ? 0 : app->cfg.asleep_percent;
    if (dark && percent == 0) {
        /* Nothing to see, nothing to touch: the first press only wakes the kiosk. */
        uk_scene_reset(scene, viewport.w, viewport.h, (uk_color){0, 0, 0, 0xff});
        return;
    }
    uk_scene_reset(scene, viewport.w, viewport.h, UK_PALETTE_BG);
    if ((unsigned)app->screen < UK_SCREEN_COUNT)
        builders[app->screen](&f);
    if (dark)
        uk_scene_rect(
            scene, (uk_rect){0, 0, (float)viewport.w, (float)viewport.h}, 0,
            (uk_color){0, 0, 0, (uint8_t)(255 * (100 - (percent > 100 ? 100 : percent)) / 100)});
}
