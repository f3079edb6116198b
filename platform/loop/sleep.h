/*
 * sleep.h: how long the loop may sleep, as a pure function of what it
 * knows at the end of a turn.
 *
 * While the figure moves, the loop runs at the display's refresh: with
 * vsync the present already waited, so it only looks at the events; without
 * it, it sleeps until the next frame is due (a late frame waits for
 * nothing). Otherwise it sleeps until the core's next deadline, or until an
 * input when the core has none. Whatever the screen needs, it wakes in time
 * for the watchdog's ping and for the next change of the opening hours.
 */
#ifndef UK_PLATFORM_LOOP_SLEEP_H
#define UK_PLATFORM_LOOP_SLEEP_H

#include <stdbool.h>
#include <stdint.h>

typedef struct uk_sleep_state {
    uint64_t now_ms;         /* the loop's clock as the turn ends */
    bool animating;          /* something moves every frame */
    bool vsync;              /* presenting waits for the display's refresh */
    uint64_t last_frame_ms;  /* when the last frame was drawn */
    uint64_t frame_ms;       /* a frame's time when animating without vsync */
    uint64_t deadline_ms;    /* the core's and the buttons' next deadline; UINT64_MAX: none */
    uint32_t watchdog_ms;    /* wake at least this often for the watchdog; UINT32_MAX: none */
    int64_t hours_change_ms; /* until the opening hours change; INT64_MAX: never */
} uk_sleep_state;

/* Milliseconds the loop may sleep (0: only look at the events), or -1: until an input. */
int uk_sleep_timeout(const uk_sleep_state *state);

#endif
