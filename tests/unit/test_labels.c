/*
 * test_labels.c: the painter's text kept as textures
 * (platform/output/labels.c): a repeated frame rasterises nothing and comes
 * out the same, a moved box reuses its texture, a lost device's textures
 * are made again identical, more texts than the table holds are evicted
 * without leaking, and a countdown's textures stay within their budget.
 */
#include "tests/fixtures/painter_fixtures.h"

/* ---- the cache ------------------------------------------------------------------------------- */

static void repeated_frame_hits_the_cache(void **state)
{
    fixture *f = *state;
    uk_scene_text(&f->scene, (uk_rect){10, 10, 300, 40}, 24, 12, 0, WHITE, "First");
    uk_scene_text(&f->scene, (uk_rect){10, 60, 300, 40}, 24, 12, UK_TEXT_BOLD, WHITE, "Second");
    uk_scene_text(&f->scene, (uk_rect){10, 110, 300, 40}, 24, 12, UK_TEXT_CENTER, RED, "Third");
    paint(f);
    assert_int_equal(f->stats.texts, 3);
    assert_int_equal(f->stats.cache_misses, 3);

    size_t len = (size_t)f->surface->pitch * H;
    uint8_t *first = malloc(len);
    assert_non_null(first);
    memcpy(first, f->surface->pixels, len);

    paint(f);
    assert_int_equal(f->stats.texts, 3);
    assert_int_equal(f->stats.cache_misses, 0);
    assert_memory_equal(first, f->surface->pixels, len);

    /* A moved box reuses its texture: position is not part of the key. */
    f->scene.ops[0].text.box.x += 5;
    paint(f);
    assert_int_equal(f->stats.cache_misses, 0);
    f->scene.ops[0].text.box.x -= 5;

    /* After a device reset the textures are gone and are made again, identical. */
    uk_painter_forget_textures(f->painter);
    paint(f);
    assert_int_equal(f->stats.cache_misses, 3);
    assert_memory_equal(first, f->surface->pixels, len);
    free(first);
}

static void cache_evicts_beyond_its_size(void **state)
{
    fixture *f = *state;
    /* More distinct texts than the cache holds, painted over many frames, then the last few
     * again: those must still be cached, and nothing leaks (checked by the sanitizer). */
    for (int frame = 0; frame < 300; frame++) {
        uk_scene_reset(&f->scene, W, H, BLACK);
        uk_scene_text(&f->scene, (uk_rect){10, 10, 300, 40}, 20, 12, 0, WHITE, "Text %d", frame);
        paint(f);
        assert_int_equal(f->stats.cache_misses, 1);
    }
    paint(f);
    assert_int_equal(f->stats.cache_misses, 0);
}

static void countdown_keeps_the_cache_small(void **state)
{
    fixture *f = *state;
    /* A big text that changes every frame, as a countdown does: the textures of the seconds
     * gone are let go, and the memory they take stays within its budget. */
    for (int frame = 0; frame < 200; frame++) {
        uk_scene_reset(&f->scene, W, H, BLACK);
        uk_scene_text(&f->scene, (uk_rect){0, 0, W, H}, 200, 100, 0, WHITE, "%d", 100 + frame);
        paint(f);
        assert_int_equal(f->stats.cache_misses, 1);
        assert_true(f->stats.texture_bytes <= UK_PAINTER_TEXT_BYTES + 2u * W * H * 4);
    }
    assert_true(f->stats.texture_bytes <= UK_PAINTER_TEXT_BYTES);
}

/* ---- main ------------------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(repeated_frame_hits_the_cache),
        TEST(cache_evicts_beyond_its_size),
        TEST(countdown_keeps_the_cache_small),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
