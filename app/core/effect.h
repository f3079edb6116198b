/*
 * effect.h: everything the core asks the world outside to do, on one queue.
 *
 * The core never calls out: when a session ends, a sound is due, a PIN
 * needs its slow check or the screen must go dark, it pushes a uk_effect,
 * and the loop drains the queue after every input and every tick
 * (uk_app_take_effect), the way linenoise hands its caller everything
 * through state the caller owns. This is the only way out of the core:
 * the shell never compares core fields between ticks to guess what
 * happened.
 *
 * The queue is fixed-size and caller-owned. The loop drains it after every
 * call into the core, so it holds a handful at most; should it ever fill,
 * the oldest sound goes first (a missed chime harms nobody), and only
 * when no sound is queued the oldest effect of any kind, and `dropped`
 * counts it. A PIN taken off the queue is wiped from it.
 */
#ifndef UK_APP_CORE_EFFECT_H
#define UK_APP_CORE_EFFECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/core/screen.h"
#include "app/model/session.h"

/* Sounds the core asks for. The platform makes them; they are never the only sign. */
typedef enum uk_effect_cue {
    UK_EFFECT_CUE_STEP = 0, /* a step (or a heat or cold phase) begins */
    UK_EFFECT_CUE_COUNT_IN, /* each of the last three seconds before a step: 3, 2, 1 */
    UK_EFFECT_CUE_CHIME,    /* a heat or cold phase is over */
    UK_EFFECT_CUE_DONE,     /* the session is complete */
    UK_EFFECT_CUE_COUNT
} uk_effect_cue;

/* How the admin screen asked the kiosk to end. */
typedef enum uk_effect_quit {
    UK_EFFECT_QUIT_RESTART = 1, /* end the process; the service manager starts a fresh one */
    UK_EFFECT_QUIT_STOP,        /* end and stay stopped, for maintenance */
} uk_effect_quit;

#define UK_EFFECT_PIN_MAX 12 /* digits a PIN typed on the pad may have */

typedef enum uk_effect_kind {
    UK_EFFECT_STORE_SESSION = 0, /* `session` ended: record it in the usage log */
    UK_EFFECT_COUNT_VIEW,        /* a person opened `screen` (doctor, about): count it */
    UK_EFFECT_PLAY_CUE,          /* play `cue` */
    UK_EFFECT_CHECK_PIN,         /* check `pin` against the configured hash and answer
                                    with uk_app_pin_checked */
    UK_EFFECT_REFRESH_STATS,     /* the admin screen opened: fetch fresh usage numbers */
    UK_EFFECT_SET_MUTE,          /* sounds are now off (`muted`) or on; silence what plays */
    UK_EFFECT_SET_BRIGHTNESS,    /* the panel's brightness is now `percent` (0: dark) */
    UK_EFFECT_QUIT,              /* end the loop, as `quit` says */
    UK_EFFECT_KIND_COUNT
} uk_effect_kind;

typedef struct uk_effect {
    uk_effect_kind kind;
    uint64_t at_ms; /* when, on the core's clock */
    union {
        uk_session session;              /* STORE_SESSION */
        uk_screen screen;                /* COUNT_VIEW */
        uk_effect_cue cue;               /* PLAY_CUE */
        char pin[UK_EFFECT_PIN_MAX + 1]; /* CHECK_PIN: digits, NUL-terminated */
        bool muted;                      /* SET_MUTE */
        int percent;                     /* SET_BRIGHTNESS: 0..100 */
        uk_effect_quit quit;             /* QUIT */
    };
} uk_effect;

#define UK_EFFECT_QUEUE_MAX 32

typedef struct uk_effect_queue {
    size_t count;
    unsigned long dropped; /* effects lost to a full queue, since init */
    uk_effect items[UK_EFFECT_QUEUE_MAX];
} uk_effect_queue;

/* Empties the queue. */
void uk_effect_queue_init(uk_effect_queue *queue);

/* Adds `effect` at the end, making room as the essay says when full. */
void uk_effect_push(uk_effect_queue *queue, const uk_effect *effect);

/* Moves the oldest effect into `out`; false when there is none. */
bool uk_effect_take(uk_effect_queue *queue, uk_effect *out);

#endif
