/*
 * kiosk.h: the running kiosk: the core, its screens, the display and the
 * usage store, tied together by one loop.
 *
 * Two loops share everything but the clock:
 *   - uk_kiosk_run: real time. It sleeps (platform/loop/idle.h) until the next
 *     input or the next deadline the core reports, draws when something
 *     changed, and only runs at the display's frame rate while the figure
 *     moves. An idle kiosk sleeps, on KMSDRM too.
 *   - uk_kiosk_run_script: a virtual clock driven by a script; a twenty
 *     minute routine runs in milliseconds. Every command ends with a frame
 *     drawn and presented, headless too: a visible window follows the
 *     script, and the frame watch (the benchmark's) sees one frame per
 *     command, so "wait 0.016" lines are frames at 60 per virtual second.
 *     A wait of minutes is still one frame: the time passes, not drawn.
 *
 * Every finished session is queued for the store as soon as the core
 * reports it; the store's own thread writes it, so the loop never waits for
 * the disk. A store that fails is reported on stderr and the kiosk goes on.
 *
 * Inputs from every source (keys, touch, the GPIO buttons and their
 * panel, a script) reach the core one way, as uk_input records through
 * uk_app_input; what the core asks for comes back one way, as effects the
 * kiosk carries out after every input and tick (app/core/effect.h). The
 * kiosk asks the core's state only through its accessors.
 *
 * The service side (uk_kiosk_serve, optional): systemd hears READY once the
 * first frame is shown, a STATUS line when what it would say changes, and a
 * watchdog ping from every turn of the loop, which wakes at least every
 * half watchdog interval to send it. A stop signal ends the loop; so does
 * the admin screen (a QUIT effect). In lockdown the window manager's close
 * request (Alt+F4, the close button) is ignored, and no key quits.
 * Outside opening hours the screen goes dark (or dim) once the kiosk is
 * idle, by the backlight when there is one and otherwise by drawing, and
 * the loop sleeps until an input or the next opening.
 *
 * Ownership: the kiosk borrows everything it is given; the caller closes
 * those after uk_kiosk_free.
 */
#ifndef UK_PLATFORM_LOOP_KIOSK_H
#define UK_PLATFORM_LOOP_KIOSK_H

#include "app/core/app.h"
#include "app/core/schedule.h"
#include "app/model/catalog.h"
#include "platform/content/content.h"
#include "platform/content/script.h"
#include "platform/input/button_input.h"
#include "platform/output/backlight.h"
#include "platform/output/display.h"
#include "platform/output/painter.h"
#include "platform/output/sound.h"
#include "platform/system/notify.h"
#include "platform/system/stop.h"
#include "platform/usage/store.h"

typedef struct uk_kiosk uk_kiosk;

/* Exit status when the admin screen asked the kiosk to stay stopped (see the unit file). */
#define UK_EXIT_ADMIN_STOP 4

/* The service side of the kiosk; every field may be zero or NULL. All borrowed. */
typedef struct uk_kiosk_service {
    uk_notify *notify;        /* READY, STATUS, WATCHDOG, STOPPING */
    const uk_stop *stop;      /* stop signals */
    bool lockdown;            /* ignore close requests from the window manager */
    const uk_schedule *hours; /* opening hours; NULL or always open: never dark */
    uk_backlight *backlight;  /* NULL: darken by drawing */
    bool dim;                 /* outside hours dim rather than blank (the status line says) */
    uk_sound *sound;          /* NULL: silent */
    const char *pin_hash;     /* the admin PIN's hash ([admin] pin_hash); NULL or "": none */
    int content_problems;     /* problems found loading the content, for the admin screen */
} uk_kiosk_service;

/* `store` may be NULL: the kiosk then runs without recording usage. */
uk_kiosk *uk_kiosk_new(const uk_app_config *cfg, const uk_content *content, uk_store *store,
                       uk_display *display, uk_painter *painter);

/* Frees the kiosk. Accepts NULL. */
void uk_kiosk_free(uk_kiosk *kiosk);

/* Gives the kiosk its service side; call before running. `service` is copied. */
void uk_kiosk_serve(uk_kiosk *kiosk, const uk_kiosk_service *service);

/*
 * Physical buttons (GPIO, the emulated panel, a script's `button` lines),
 * borrowed like the rest. Without them only touch and keys work.
 */
void uk_kiosk_set_buttons(uk_kiosk *kiosk, uk_button_input *buttons);

/* One frame shown, as a benchmark sees it. Times are CLOCK_MONOTONIC, in ns. */
typedef struct uk_kiosk_frame {
    uint64_t woke_ns;       /* the loop woke up (or a script command began) for it */
    uint64_t presenting_ns; /* drawn: the present begins (with vsync it waits for the screen) */
    uint64_t shown_ns;      /* it was presented */
} uk_kiosk_frame;

typedef void (*uk_kiosk_frame_fn)(void *ctx, const uk_kiosk_frame *frame);

/*
 * Calls `fn` with `ctx` on the loop's thread after every frame presented,
 * in real time and in scripts, for the benchmark (bench/). NULL: nobody.
 * What it costs is the loop's: it must return quickly.
 */
void uk_kiosk_watch_frames(uk_kiosk *kiosk, uk_kiosk_frame_fn fn, void *ctx);

/*
 * Runs in real time until the window is closed (outside lockdown), a stop
 * signal arrives or the admin screen asks to quit. Returns the exit status:
 * 0, or UK_EXIT_ADMIN_STOP when asked to stay stopped.
 */
int uk_kiosk_run(uk_kiosk *kiosk);

/*
 * Runs `script` on a virtual clock; screenshots go to `shots_dir`. Returns 0
 * when every command succeeded, 3 when an `expect` failed, 1 on another
 * error (each with a message on stderr naming the script line).
 */
int uk_kiosk_run_script(uk_kiosk *kiosk, const uk_script *script, const char *shots_dir);

/*
 * Tells systemd the kiosk is stopping, ends a session still under way (as
 * stopped) and stores it. Call before freeing.
 */
void uk_kiosk_finish(uk_kiosk *kiosk);

#endif
