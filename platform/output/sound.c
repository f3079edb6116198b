/*
 * sound.c: four short tones, computed at start-up and queued on SDL audio.
 *
 * The tones are gentle on purpose (a waiting room): sine partials with a
 * soft attack and an exponential decay, at a third of full scale.
 *   step      two rising notes, 660 then 880 Hz, 0.35 s
 *   count-in  one short tick at 1 kHz, 0.08 s
 *   chime     a bell-like C5 with two overtones, 1.4 s
 *   done      C5, E5, G5 one after the other, 0.6 s
 * The device is opened for signed 16-bit mono; SDL converts to whatever the
 * hardware wants. Queued audio (SDL_QueueAudio) copies the samples, so a
 * cue costs the UI thread a memcpy and nothing waits for the speaker.
 */
#include "platform/output/sound.h"

#include <errno.h>

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "platform/system/error.h"

#define RATE      22050
#define AMPLITUDE 0.33f
#define TAU       6.28318530717958647692f

struct uk_sound {
    SDL_AudioDeviceID device;
    short *samples[UK_EFFECT_CUE_COUNT]; /* owned */
    size_t count[UK_EFFECT_CUE_COUNT];
};

/* One note: `partials` sines (frequency, weight), soft 5 ms attack, decay to about 1%. */
static void add_note(float *out, size_t at, size_t len, const float (*partials)[2], int n,
                     float seconds)
{
    size_t notes = (size_t)(seconds * RATE);
    float attack = 0.005f * RATE;
    for (size_t i = 0; i < notes && at + i < len; i++) {
        float t = (float)i / RATE;
        float envelope = fminf(1.0f, (float)i / attack) * expf(-4.6f * t / seconds);
        float value = 0;
        for (int p = 0; p < n; p++)
            value += partials[p][1] * sinf(TAU * partials[p][0] * t);
        out[at + i] += envelope * value;
    }
}

/* Builds `cue`'s samples. Returns NULL when memory runs out. */
static short *make(uk_effect_cue cue, size_t *count)
{
    static const float step_low[][2] = {{660, 1.0f}, {1320, 0.2f}};
    static const float step_high[][2] = {{880, 1.0f}, {1760, 0.2f}};
    static const float tick[][2] = {{1000, 1.0f}};
    static const float bell[][2] = {{523.25f, 1.0f}, {1046.5f, 0.35f}, {1569.8f, 0.15f}};
    static const float c5[][2] = {{523.25f, 1.0f}, {1046.5f, 0.2f}};
    static const float e5[][2] = {{659.25f, 1.0f}, {1318.5f, 0.2f}};
    static const float g5[][2] = {{783.99f, 1.0f}, {1568.0f, 0.2f}};
    float seconds;
    switch (cue) {
    case UK_EFFECT_CUE_STEP:
        seconds = 0.35f;
        break;
    case UK_EFFECT_CUE_COUNT_IN:
        seconds = 0.08f;
        break;
    case UK_EFFECT_CUE_CHIME:
        seconds = 1.4f;
        break;
    default:
        seconds = 0.6f;
        break;
    }
    size_t len = (size_t)(seconds * RATE);
    float *mix = calloc(len, sizeof *mix);
    short *out = malloc(len * sizeof *out);
    if (!mix || !out) {
        free(mix);
        free(out);
        return NULL;
    }
    switch (cue) {
    case UK_EFFECT_CUE_STEP:
        add_note(mix, 0, len, step_low, 2, 0.15f);
        add_note(mix, (size_t)(0.12f * RATE), len, step_high, 2, 0.23f);
        break;
    case UK_EFFECT_CUE_COUNT_IN:
        add_note(mix, 0, len, tick, 1, 0.08f);
        break;
    case UK_EFFECT_CUE_CHIME:
        add_note(mix, 0, len, bell, 3, 1.4f);
        break;
    default:
        add_note(mix, 0, len, c5, 2, 0.25f);
        add_note(mix, (size_t)(0.15f * RATE), len, e5, 2, 0.25f);
        add_note(mix, (size_t)(0.3f * RATE), len, g5, 2, 0.3f);
        break;
    }
    /* Scale so the loudest moment sits at AMPLITUDE of full scale, whatever overlaps. */
    float peak = 0;
    for (size_t i = 0; i < len; i++)
        peak = fmaxf(peak, fabsf(mix[i]));
    float gain = peak > 0 ? AMPLITUDE * 32767.0f / peak : 0;
    for (size_t i = 0; i < len; i++)
        out[i] = (short)lrintf(mix[i] * gain);
    free(mix);
    *count = len;
    return out;
}

uk_sound *uk_sound_open(char *error, size_t error_len)
{
    uk_sound *sound = calloc(1, sizeof *sound);
    if (!sound) {
        uk_error_set(error, error_len, ENOMEM, "no sound: out of memory");
        return NULL;
    }
    for (int cue = 0; cue < UK_EFFECT_CUE_COUNT; cue++) {
        sound->samples[cue] = make((uk_effect_cue)cue, &sound->count[cue]);
        if (!sound->samples[cue]) {
            uk_error_set(error, error_len, ENOMEM, "no sound: out of memory");
            goto err_close;
        }
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        uk_error_set(
            error, error_len, ENODEV,
            "no sound: cannot start audio: %s (is a sound card or HDMI audio there, and the "
            "kiosk's user in group audio?)",
            SDL_GetError());
        goto err_close;
    }
    SDL_AudioSpec want = {.freq = RATE, .format = AUDIO_S16SYS, .channels = 1, .samples = 1024};
    sound->device = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
    if (sound->device == 0) {
        uk_error_set(
            error, error_len, ENODEV,
            "no sound: cannot open the audio device on driver '%s': %s (is the kiosk's user "
            "in group audio?)",
            SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "none", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        goto err_close;
    }
    SDL_PauseAudioDevice(sound->device, 0);
    return sound;

err_close:
    uk_sound_close(sound);
    return NULL;
}

void uk_sound_close(uk_sound *sound)
{
    if (!sound)
        return;
    if (sound->device) {
        SDL_CloseAudioDevice(sound->device);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    for (int cue = 0; cue < UK_EFFECT_CUE_COUNT; cue++)
        free(sound->samples[cue]);
    free(sound);
}

void uk_sound_play(uk_sound *sound, uk_effect_cue cue)
{
    if (!sound || (unsigned)cue >= UK_EFFECT_CUE_COUNT || !sound->device)
        return;
    /* A new cue replaces what is still playing: sounds follow the screen, not a queue. */
    SDL_ClearQueuedAudio(sound->device);
    if (SDL_QueueAudio(sound->device, sound->samples[cue],
                       (Uint32)(sound->count[cue] * sizeof(short))) != 0)
        fprintf(stderr, "unknot: play sound: %s\n", SDL_GetError());
}

void uk_sound_silence(uk_sound *sound)
{
    if (sound && sound->device)
        SDL_ClearQueuedAudio(sound->device);
}

size_t uk_sound_queued(const uk_sound *sound)
{
    return sound && sound->device ? SDL_GetQueuedAudioSize(sound->device) : 0;
}

const short *uk_sound_samples(const uk_sound *sound, uk_effect_cue cue, size_t *count)
{
    if ((unsigned)cue >= UK_EFFECT_CUE_COUNT) {
        *count = 0;
        return NULL;
    }
    *count = sound->count[cue];
    return sound->samples[cue];
}

int uk_sound_rate(const uk_sound *sound)
{
    (void)sound;
    return RATE;
}
