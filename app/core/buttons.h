/*
 * buttons.h: physical buttons, from raw edges to the things a person meant.
 *
 * A button line bounces: one press of an arcade switch produces anything
 * from one edge to a burst of edges over 1 to 20 ms. libgpiod v2 can ask the
 * kernel to debounce, v1 cannot, so the debouncing lives here, on the
 * kernel's timestamps, and both behave the same. This module takes edges
 * (which button, rising or falling, when) and the time, and produces events:
 *
 *   - ACTION: a press of UP, DOWN, SELECT, BACK or HELP, when the press is
 *     confirmed; held UP and DOWN repeat after repeat_delay_ms, then every
 *     repeat_interval_ms;
 *   - HOME: BACK held for long_press_ms (2 s): "go home" (BACK's own action
 *     fired when it was pressed);
 *   - ADMIN: UP and DOWN held together for chord_ms (5 s): "admin entry".
 *     The button that completes the chord fires no action of its own, and
 *     neither repeats while both are held; the first one pressed has already
 *     moved the highlight by one, which a person entering the admin screen
 *     never minds.
 *
 * Debouncing is "settle": a line's level is the direction of its latest
 * edge, and a change is confirmed once the line has kept it for debounce_ms
 * with no further edge. The press comes out with the time of that moment
 * (the latest edge plus debounce_ms), never later: uk_buttons_tick returns
 * it as the next deadline, so the loop wakes exactly then. A burst of
 * chatter shorter than debounce_ms between edges is one press.
 *
 * Edges say "rising" for "became active", which is "pressed" once the
 * platform has applied the line's active-low setting (libgpiod does that
 * for edge events in v1 and v2).
 *
 * Clock: edges carry ts_ns on the same clock as now_ms (now_ms * 1000000 is
 * the same instant); the platform maps the kernel's timestamps onto it. An
 * edge may arrive after the core has been ticked past its timestamp (the
 * reader thread is a little behind): it still counts at its own time.
 *
 * Like uk_app, the state is transparent, caller-owned and fixed-size; no
 * clock is read and nothing allocates.
 */
#ifndef UK_APP_CORE_BUTTONS_H
#define UK_APP_CORE_BUTTONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/model/action.h"

/* Timing of the buttons. Every field in ms. */
typedef struct uk_buttons_config {
    uint32_t debounce_ms;        /* a level must hold this long to count (default 10) */
    uint32_t repeat_delay_ms;    /* held UP/DOWN first repeats after this (500) */
    uint32_t repeat_interval_ms; /* then again every this (250) */
    uint32_t long_press_ms;      /* BACK held this long: HOME (2000) */
    uint32_t chord_ms;           /* UP and DOWN held together this long: ADMIN (5000) */
} uk_buttons_config;

typedef struct uk_button_edge {
    uk_action button; /* whose line: UK_ACTION_UP .. UK_ACTION_HELP */
    bool rising;      /* true: became active (pressed); false: released */
    uint64_t ts_ns;   /* when, on the caller's clock (see the file comment) */
} uk_button_edge;

typedef enum uk_button_event_kind {
    UK_BUTTON_ACTION = 0, /* `action` was pressed, or repeats */
    UK_BUTTON_HOME,       /* BACK held: go home */
    UK_BUTTON_ADMIN,      /* UP and DOWN held together: admin entry */
} uk_button_event_kind;

typedef struct uk_button_event {
    uk_button_event_kind kind;
    uk_action action; /* ACTION: which; HOME: BACK; ADMIN: NONE */
    bool repeat;      /* ACTION: an auto-repeat, not a new press */
    uint64_t at_ms;   /* when it happened: the confirming time, a repeat's time */
    uint64_t edge_ns; /* ACTION (not repeat): the first edge of the press */
} uk_button_event;

/* One button's line, as a button-test page shows it. */
typedef struct uk_button_line {
    bool raw;                /* the level of the latest edge: live, undebounced */
    bool down;               /* debounced: pressed */
    bool spent;              /* held into a chord or since start: no events until released */
    bool long_fired;         /* BACK: HOME has fired for this press */
    uint64_t raw_ns;         /* time of the latest edge */
    uint64_t change_ns;      /* first edge of the latest burst */
    uint64_t down_ns;        /* when the debounced press began */
    uint64_t next_repeat_ns; /* UP/DOWN: when the next repeat is due */
    uint64_t last_press_ms;  /* when the last confirmed press began */
    unsigned presses;        /* confirmed presses since start */
    unsigned edges;          /* raw edges since start: many more than 2 a press is chatter */
} uk_button_line;

#define UK_BUTTONS_EVENTS 32

typedef struct uk_buttons {
    uk_buttons_config cfg;
    uk_button_line line[UK_ACTION_COUNT]; /* indexed by action; [UK_ACTION_NONE] unused */
    uint64_t now_ns;                      /* time processed so far */
    bool chord;                           /* UP and DOWN both held */
    bool chord_fired;                     /* ADMIN has fired for this chord */
    uint64_t chord_ns;                    /* when the chord began */

    /* Events waiting to be taken, oldest first. */
    size_t event_first, event_count;
    uk_button_event events[UK_BUTTONS_EVENTS];
    unsigned events_dropped; /* lost because nobody took them */
} uk_buttons;

/* Fills `cfg` with the defaults above. */
void uk_buttons_config_defaults(uk_buttons_config *cfg);

/* Starts with every button released at `now_ms`. The state is caller-owned. */
void uk_buttons_init(uk_buttons *buttons, const uk_buttons_config *cfg, uint64_t now_ms);

/*
 * One raw edge. Events due before the edge's time are produced first, so a
 * press and its release arriving together still make a press. Edges of an
 * unknown button are ignored.
 */
void uk_buttons_edge(uk_buttons *buttons, const uk_button_edge *edge);

/*
 * Sets a button's level without an event: the level the line had when it
 * was opened, or "released" when it went away. A button found pressed stays
 * silent until it is released (a stuck or miswired button must not act).
 */
void uk_buttons_set_level(uk_buttons *buttons, uk_action button, bool pressed, uint64_t now_ms);

/*
 * Moves time on to `now_ms`, producing every event due by then, and returns
 * when it must next be called (UINT64_MAX: only an edge can change anything).
 */
uint64_t uk_buttons_tick(uk_buttons *buttons, uint64_t now_ms);

/* Pops the oldest event into `out`: false when there is none. */
bool uk_buttons_take_event(uk_buttons *buttons, uk_button_event *out);

/* A button's line (live level, debounced state, last press). NULL for an unknown button. */
const uk_button_line *uk_buttons_line(const uk_buttons *buttons, uk_action button);

/* ---- where the edges come from ---------------------------------------------- */

/*
 * What the platform reports about its button hardware, for an admin or
 * button-test page. Plain data: the platform fills it, the core and the
 * screens read it.
 */
typedef enum uk_button_hw_state {
    UK_BUTTON_HW_OFF = 0,     /* not asked for (--no-gpio, no line configured, scripts) */
    UK_BUTTON_HW_UNSUPPORTED, /* this build has no GPIO support */
    UK_BUTTON_HW_STARTING,    /* the first attempt is under way */
    UK_BUTTON_HW_OK,          /* lines requested, edges flowing */
    UK_BUTTON_HW_NO_CHIP,     /* the chip is not there (yet, or any more): retrying */
    UK_BUTTON_HW_FAILED,      /* the chip is there but the lines could not be had: retrying */
    UK_BUTTON_HW_STATE_COUNT
} uk_button_hw_state;

#define UK_BUTTON_HW_TEXT 320

typedef struct uk_button_hw {
    uk_button_hw_state state;
    int offset[UK_ACTION_COUNT];     /* line offset per action, -1 not wired */
    char chip[64];                   /* the chip asked for, or the one found: "gpiochip0" */
    char chip_label[64];             /* its label when known: "pinctrl-bcm2711" */
    char backend[32];                /* "libgpiod 1.6.3" or "" */
    char message[UK_BUTTON_HW_TEXT]; /* the latest change, in words, with the fix */
    unsigned attempts;               /* opening attempts since start */
    unsigned long edges;             /* edges read since start */
    unsigned long dropped;           /* edges lost because the UI thread was behind */
} uk_button_hw;

/* "off", "unsupported", "starting", "ok", "no chip", "failed". Static storage. */
const char *uk_buttons_hw_state_name(uk_button_hw_state state);

#endif
