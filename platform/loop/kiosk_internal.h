/*
 * kiosk_internal.h: the kiosk's state and the steps its two loops share.
 *
 * The kiosk (platform/loop/kiosk.h) is one module in four files: kiosk.c
 * (inputs in, effects out, drawing), kiosk_service.c (what systemd hears,
 * the opening hours), kiosk_run.c (the real-time loop) and kiosk_script.c
 * (a script's virtual clock). Only they include this header.
 */
#ifndef UK_PLATFORM_LOOP_KIOSK_INTERNAL_H
#define UK_PLATFORM_LOOP_KIOSK_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/core/app.h"
#include "app/model/admin_info.h"
#include "app/view/scene.h"
#include "app/view/ui.h"
#include "platform/loop/kiosk.h"

#define UK_KIOSK_LONG_SLEEP_MS                                                                     \
    1000 /* a sleep at least this long: the moment to give memory back                             \
          */

struct uk_kiosk {
    uk_app app;
    uk_scene scene;  /* the frame on screen: what taps are resolved against */
    uk_scene panel;  /* the emulated button panel on screen, its own origin */
    uk_ui_env ui;    /* what the screens need besides the core's state */
    uk_store *store; /* NULL: usage is not recorded */
    uk_display *display;
    uk_painter *painter;
    uk_button_input *buttons; /* physical buttons and their panel; NULL: none */
    unsigned buttons_wired;   /* the buttons the core was last told are at hand */
    int64_t wall_ms_at_zero;  /* wall clock when the core's clock read 0 */
    unsigned sessions_lost;   /* sessions the store could not take */
    uk_kiosk_service service;
    bool presented;        /* a frame has been shown: READY was due */
    bool scripted_hours;   /* a script said open or closed: the clock is not asked */
    bool close_noted;      /* a close request was ignored and said so */
    uk_effect_quit quit;   /* the admin screen asked the loop to end; 0: it did not */
    uk_admin_info admin;   /* what the admin screen shows, filled before it is drawn */
    bool drawn_since_trim; /* frames were drawn since memory was last given back */

    /* The benchmark's watch on frames (uk_kiosk_watch_frames); NULL: none. */
    uk_kiosk_frame_fn frame_fn;
    void *frame_ctx;
    uint64_t woke_ns; /* when the loop last woke up */
};

/*
 * Hands `count` inputs to the core and carries out what it asks in return.
 * Returns true if the screen may have changed.
 */
bool uk_kiosk_feed(uk_kiosk *kiosk, const uk_input *inputs, size_t count);

/* Carries out every effect the core has queued. Returns true if the screen may have changed. */
bool uk_kiosk_do_effects(uk_kiosk *kiosk);

/*
 * Moves the buttons and the core on to `now_ms`, feeding the buttons' inputs
 * and carrying out the effects; sets *changed when the screen may have
 * changed. Returns the earlier of the buttons' and the core's deadlines.
 */
uint64_t uk_kiosk_tick(uk_kiosk *kiosk, uint64_t now_ms, bool *changed);

/* Width of the kiosk's own frame: the output, less the emulated button panel if shown. */
int uk_kiosk_frame_width(const uk_kiosk *kiosk);

/* Builds and paints the frame at `now_ms`, the button panel beside it. */
void uk_kiosk_draw(uk_kiosk *kiosk, uint64_t now_ms);

/* Shows what was drawn; READY is due from now on; the benchmark's watch hears of it. */
void uk_kiosk_present(uk_kiosk *kiosk);

/* Before a long sleep, once frames were drawn since the last time: gives memory back. */
void uk_kiosk_give_back_memory(uk_kiosk *kiosk);

/* True when a stop signal or the admin screen ends the loop. */
bool uk_kiosk_must_end(const uk_kiosk *kiosk);

/* One SDL event through the real loop's handling (scripts push theirs). False: a close
 * request ends the loop. */
bool uk_kiosk_handle_event(uk_kiosk *kiosk, const SDL_Event *event, uint64_t now_ms);

/* READY once a frame is shown, STATUS when it changes, the watchdog's ping. */
void uk_kiosk_tell_systemd(uk_kiosk *kiosk, uint64_t now_ms);

/*
 * Reads the local time against the opening hours and tells the core.
 * Returns the milliseconds until the answer changes, INT64_MAX if never.
 */
int64_t uk_kiosk_check_hours(uk_kiosk *kiosk, uint64_t now_ms);

#endif
