/*
 * test_damage.c: a frame that repaints only what changed since the last one
 * (platform/output/damage.c) leaves exactly the pixels, and the text
 * counts, a whole repaint would: on a made-up scene that changes in the
 * ways screens do, and frame after frame of the real screens.
 */
#include "tests/fixtures/painter_fixtures.h"

#include "app/core/app.h"
#include "app/view/ui.h"
#include "platform/content/content.h"

/* ---- repainting only what changed ------------------------------------------------------------ */

/* A scene that changes from frame to frame in the ways screens do. */
static void moving_scene(uk_scene *scene, int frame)
{
    float t = (float)frame;
    uk_scene_reset(scene, W, H, BLACK);
    uk_scene_rect(scene, (uk_rect){20, 20, 280, 200}, 12, BLUE); /* a panel that stays */
    uk_scene_capsule(scene, 60 + t * 1.7f, 60.3f, 90 + t * 1.3f, 150 - t * 0.9f, 8.5f, WHITE);
    uk_scene_ring(scene, 220, 110, 40, 12, 0, 1, (uk_color){60, 60, 60, 255});
    uk_scene_ring(scene, 220, 110, 40, 12, fminf(t / 40, 0.99f), 1, RED); /* a countdown */
    uk_scene_text(scene, (uk_rect){190, 95, 60, 30}, 20, 12, UK_TEXT_CENTER, WHITE, "%d",
                  40 - frame / 5);
    if (frame % 9 < 4) /* comes and goes, translucent, partly off the frame */
        uk_scene_rect(scene, (uk_rect){-10 + t, 200, 60, 50}, 0, (uk_color){0, 200, 0, 160});
    uk_scene_text(scene, (uk_rect){10, H - 30, 300, 30}, 18, 12, 0, WHITE, "%s",
                  frame % 2 ? "Pause" : "Paused");
    if (frame % 13 == 12) /* a shade over everything, as "Still there?" has */
        uk_scene_rect(scene, (uk_rect){0, 0, W, H}, 0, (uk_color){0, 0, 0, 140});
}

/* Paints `scene` as it comes, then whole, and fails unless both give the same pixels. */
static void expect_repaint_is_whole(uk_painter *painter, SDL_Renderer *renderer,
                                    SDL_Surface *surface, const uk_scene *scene, uint8_t *copy,
                                    const char *what)
{
    uk_painter_stats changes, whole;
    uk_painter_draw(painter, scene, &changes);
    SDL_RenderFlush(renderer);
    size_t len = (size_t)surface->pitch * (size_t)surface->h;
    memcpy(copy, surface->pixels, len);
    uk_painter_invalidate(painter);
    uk_painter_draw(painter, scene, &whole);
    SDL_RenderFlush(renderer);
    for (size_t i = 0; i < len; i++)
        if (copy[i] != ((const uint8_t *)surface->pixels)[i])
            fail_msg("%s: repainting what changed left pixel %zu,%zu different from a whole "
                     "repaint",
                     what, i % (size_t)surface->pitch / 4, i / (size_t)surface->pitch);
    assert_int_equal(changes.texts, whole.texts);
    assert_int_equal(changes.texts_shrunk, whole.texts_shrunk);
    assert_int_equal(changes.texts_clipped, whole.texts_clipped);
}

static void repainting_changes_equals_painting_whole(void **state)
{
    fixture *f = *state;
    uint8_t *copy = malloc((size_t)f->surface->pitch * H);
    assert_non_null(copy);
    for (int frame = 0; frame < 40; frame++) {
        char what[32];
        snprintf(what, sizeof what, "frame %d", frame);
        moving_scene(&f->scene, frame);
        expect_repaint_is_whole(f->painter, f->renderer, f->surface, &f->scene, copy, what);
    }
    free(copy);
}

/* The real screens, frame after frame: attract mode, home, a routine playing, the doctor. */
static void screens_repaint_as_whole(void **state)
{
    (void)state;
    const int w = 1280, h = 800;
    uk_content *content = uk_content_load(UK_ASSETS_DIR, NULL, NULL);
    assert_non_null(content);
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(surface);
    SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(surface);
    assert_non_null(renderer);
    char error[512];
    uk_painter *painter = uk_painter_new(renderer, REGULAR, BOLD, error, sizeof error);
    assert_non_null(painter);
    uint8_t *copy = malloc((size_t)surface->pitch * (size_t)h);
    static uk_scene scene;
    assert_non_null(copy);
    uk_ui_env env = {.measure = uk_painter_measure, .measure_ctx = painter};
    uk_app app;
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    uk_app_init(&app, &cfg, uk_content_catalog(content), 0);

    uint64_t t = 0;
    const uk_action presses[] = {UK_ACTION_NONE, UK_ACTION_BACK,   UK_ACTION_DOWN,
                                 UK_ACTION_UP,   UK_ACTION_SELECT, UK_ACTION_NONE,
                                 UK_ACTION_HELP, UK_ACTION_BACK,   UK_ACTION_NONE};
    for (size_t p = 0; p < sizeof presses / sizeof presses[0]; p++) {
        if (presses[p] != UK_ACTION_NONE)
            uk_app_handle(&app, presses[p], UK_INPUT_KEYBOARD, t);
        /* Frames 40 ms apart for two and a half seconds, then a jump. */
        for (int frame = 0; frame < 60; frame++, t += 40) {
            uk_app_tick(&app, t);
            uk_ui_build(&scene, &app, &env, (uk_viewport){w, h, 0}, t);
            char what[64];
            snprintf(what, sizeof what, "%s at %llu ms", uk_screen_name(app.screen),
                     (unsigned long long)t);
            expect_repaint_is_whole(painter, renderer, surface, &scene, copy, what);
        }
        t += 3000;
    }
    free(copy);
    uk_painter_free(painter);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    uk_content_free(content);
}

/* ---- main ------------------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(repainting_changes_equals_painting_whole),
        cmocka_unit_test(screens_repaint_as_whole),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
