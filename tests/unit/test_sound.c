/*
 * test_sound.c: the kiosk's cues are short, gentle, distinct, and silent
 * when silenced. Runs on SDL's dummy audio driver, so it needs no sound card.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdlib.h>

#include "platform/output/sound.h"

static uk_sound *open_or_skip(void)
{
    char error[256];
    uk_sound *sound = uk_sound_open(error, sizeof error);
    if (!sound)
        fail_msg("%s", error);
    return sound;
}

static double seconds(const uk_sound *sound, uk_effect_cue cue)
{
    size_t count;
    uk_sound_samples(sound, cue, &count);
    return (double)count / uk_sound_rate(sound);
}

static void cues_are_short_and_gentle(void **state)
{
    (void)state;
    uk_sound *sound = open_or_skip();
    for (int cue = 0; cue < UK_EFFECT_CUE_COUNT; cue++) {
        size_t count;
        const short *samples = uk_sound_samples(sound, (uk_effect_cue)cue, &count);
        assert_non_null(samples);
        int peak = 0;
        for (size_t i = 0; i < count; i++)
            peak = abs(samples[i]) > peak ? abs(samples[i]) : peak;
        /* Heard, but never loud: about a third of full scale, never clipped. */
        assert_in_range(peak, 8000, 12000);
        /* It fades out: the last tenth is far quieter than the peak. */
        int tail = 0;
        for (size_t i = count - count / 10; i < count; i++)
            tail = abs(samples[i]) > tail ? abs(samples[i]) : tail;
        assert_true(tail < peak / 4);
        assert_true(seconds(sound, (uk_effect_cue)cue) <= 1.5);
    }
    /* The count-in tick is the shortest; the chime at the end of a heat pack the longest. */
    assert_true(seconds(sound, UK_EFFECT_CUE_COUNT_IN) < 0.1);
    assert_true(seconds(sound, UK_EFFECT_CUE_CHIME) > seconds(sound, UK_EFFECT_CUE_DONE));
    assert_true(seconds(sound, UK_EFFECT_CUE_DONE) > seconds(sound, UK_EFFECT_CUE_STEP));
    uk_sound_close(sound);
}

static void playing_queues_and_silencing_stops(void **state)
{
    (void)state;
    uk_sound *sound = open_or_skip();
    uk_sound_play(sound, UK_EFFECT_CUE_CHIME);
    size_t chime_bytes;
    uk_sound_samples(sound, UK_EFFECT_CUE_CHIME, &chime_bytes);
    chime_bytes *= sizeof(short);
    /* At most a buffer or two has gone to the (dummy) speaker since. */
    assert_in_range(uk_sound_queued(sound), chime_bytes / 2, chime_bytes);
    /* A new cue replaces the one still playing. */
    uk_sound_play(sound, UK_EFFECT_CUE_COUNT_IN);
    assert_true(uk_sound_queued(sound) <= chime_bytes / 10);
    /* Staff turning sounds off silence what plays at once (a muted core asks for no more). */
    uk_sound_silence(sound);
    assert_int_equal(uk_sound_queued(sound), 0);
    uk_sound_play(sound, UK_EFFECT_CUE_DONE);
    assert_true(uk_sound_queued(sound) > 0);
    uk_sound_close(sound);

    /* No device at all: silence, and nothing breaks. */
    uk_sound_play(NULL, UK_EFFECT_CUE_STEP);
    uk_sound_silence(NULL);
    uk_sound_close(NULL);
}

int main(void)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cues_are_short_and_gentle),
        cmocka_unit_test(playing_queues_and_silencing_stops),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return failed;
}
