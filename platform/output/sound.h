/*
 * sound.h: the kiosk's few short sounds, made here, played through SDL audio.
 *
 * Each cue the core asks for (a PLAY_CUE effect, app/core/effect.h: a step
 * begins, the 3-2-1 count-in, a heat or cold phase is over, a session is
 * complete) is a short tone computed once at start-up and queued on the
 * audio device when asked for, so playing one costs a copy and never waits.
 * Sounds are never the only sign of anything: every one of them has its
 * picture on screen, and a kiosk with no audio device, or muted, works the
 * same. Whether sounds are on is the core's to know: a muted core asks for
 * none, and silences what plays (SET_MUTE) when staff turn them off.
 *
 * Ownership: the sound owns its audio device and buffers; call from the
 * thread that runs the loop.
 */
#ifndef UK_PLATFORM_OUTPUT_SOUND_H
#define UK_PLATFORM_OUTPUT_SOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "app/core/effect.h"

typedef struct uk_sound uk_sound;

/*
 * Opens the default audio device and prepares every cue. Returns NULL with
 * a message in `error` (naming SDL's audio driver and what to check) when
 * there is no usable device; the kiosk then runs silently.
 */
uk_sound *uk_sound_open(char *error, size_t error_len);

/* Stops and closes the device. Accepts NULL. */
void uk_sound_close(uk_sound *sound);

/* Plays `cue` now, in place of what still plays. Accepts NULL (no device: silence). */
void uk_sound_play(uk_sound *sound, uk_effect_cue cue);

/* Stops what plays. Accepts NULL. */
void uk_sound_silence(uk_sound *sound);

/* Bytes waiting on the device (for tests). */
size_t uk_sound_queued(const uk_sound *sound);

/* The samples of `cue` (signed 16-bit mono at uk_sound_rate()), for tests. */
const short *uk_sound_samples(const uk_sound *sound, uk_effect_cue cue, size_t *count);
int uk_sound_rate(const uk_sound *sound);

#endif
