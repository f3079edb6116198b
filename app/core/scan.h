/*
 * scan.h: single-switch scanning, for a kiosk with only SELECT wired and for
 * people who can press one big button but not five.
 *
 * The highlight moves by itself, one item every step_ms, over the items of
 * the screen showing, and wraps around; a press chooses the item
 * highlighted. The first item is held a little longer (first_step_ms) so a
 * person has time to see where the highlight starts. After `cycles` rounds
 * with no press the scan rests (no highlight, no wake-ups) until the next
 * press, which only wakes it: an empty waiting room costs nothing, and a
 * passer-by's first press never chooses something they did not see.
 *
 * This is a state machine the app drives, not a screen: it is told the item
 * count of the current screen and the time, and says which item is
 * highlighted and when it must be called next. A change in the item count
 * (another screen) starts the scan again at the first item. With no items
 * (the player) nothing is highlighted and a press chooses nothing: the
 * caller then treats it as a plain SELECT. With one item, that item stays
 * highlighted.
 *
 * State is transparent and caller-owned; no clock is read.
 */
#ifndef UK_APP_CORE_SCAN_H
#define UK_APP_CORE_SCAN_H

#include <stdbool.h>
#include <stdint.h>

typedef struct uk_scan_config {
    uint32_t step_ms;       /* time on each item (default 1500) */
    uint32_t first_step_ms; /* time on the first item after a start (2500) */
    unsigned cycles;        /* rounds without a press before resting; 0: never rest (3) */
} uk_scan_config;

typedef struct uk_scan {
    uk_scan_config cfg;
    int count;        /* items on the screen being scanned */
    int highlight;    /* the highlighted item, -1 for none */
    bool resting;     /* stopped after `cycles` rounds; the next press wakes it */
    unsigned steps;   /* moves since the scan (re)started */
    uint64_t next_ms; /* when the highlight moves next, UINT64_MAX if it does not */
} uk_scan;

/* Fills `cfg` with the defaults above. */
void uk_scan_config_defaults(uk_scan_config *cfg);

/* Starts scanning `item_count` items at `now_ms`. The state is caller-owned. */
void uk_scan_init(uk_scan *scan, const uk_scan_config *cfg, int item_count, uint64_t now_ms);

/*
 * Moves the highlight on to `now_ms` for a screen of `item_count` items and
 * returns when it must next be called (UINT64_MAX: only a press changes
 * anything).
 */
uint64_t uk_scan_tick(uk_scan *scan, int item_count, uint64_t now_ms);

/* The highlighted item, or -1. */
int uk_scan_highlight(const uk_scan *scan);

/*
 * A press at `now_ms`: returns the item to choose, or -1 if none (no items,
 * or the press woke a resting scan). The scan carries on from the chosen
 * item, held for first_step_ms, in case the screen stays the same.
 */
int uk_scan_press(uk_scan *scan, int item_count, uint64_t now_ms);

#endif
