/*
 * sound.h: the kiosk's few short sounds, made here, played through SDL audio.
 *
 * Each cue the core asks for (app/app.h: a step begins, the 3-2-1 count-in,
 * a heat or cold phase is over, a session is complete) is a short tone
 * computed once at start-up and queued on the audio device when asked for,
 * so playing one costs a copy and never waits. Sounds are never the only
 * sign of anything: every one of them has its picture on screen, and a
 * kiosk with no audio device, or muted, works the same.
 *
 * Ownership: the sound owns its audio device and buffers; call from the
 * thread that runs the loop.
 */
#ifndef UK_PLATFORM_OUTPUT_SOUND_H
#define UK_PLATFORM_OUTPUT_SOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "app/core/app.h"

typedef struct uk_sound uk_sound;

/*
 * Opens the default audio device and prepares every cue. Returns NULL with
 * a message in `error` (naming SDL's audio driver and what to check) when
 * there is no usable device; the kiosk then runs silently.
 */
uk_sound *uk_sound_open(bool muted, char *error, size_t error_len);

/* Stops and closes the device. Accepts NULL. */
void uk_sound_close(uk_sound *sound);

/* Queues `cue` to play now, unless muted. Accepts NULL (no device: silence). */
void uk_sound_play(uk_sound *sound, uk_cue cue);

void uk_sound_set_muted(uk_sound *sound, bool muted);
bool uk_sound_muted(const uk_sound *sound);

/* Bytes waiting on the device (for tests). */
size_t uk_sound_queued(const uk_sound *sound);

/* The samples of `cue` (signed 16-bit mono at uk_sound_rate()), for tests. */
const short *uk_sound_samples(const uk_sound *sound, uk_cue cue, size_t *count);
int uk_sound_rate(const uk_sound *sound);

#endif
