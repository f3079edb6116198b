/*
 * app.h: the kiosk's screens and what every action does on each of them.
 *
 * This is the core the platform drives. It takes actions and the time, and
 * nothing else; it reads no clock and calls nothing outside app/. The shell
 * calls, in a loop:
 *
 *   1. uk_app_handle() or uk_app_choose() for each input, with its kind;
 *   2. uk_app_tick(), which moves time on and returns when it must be
 *      called next (the loop may sleep until then);
 *   3. uk_app_take_session() until it returns 0, storing each finished
 *      session;
 *   4. draws (app/ui.h) if anything was handled, a deadline passed, or
 *      uk_app_animating() says the figure is moving.
 *
 * Screens: HOME (choose a routine), PLAYER (the routine under way, with a
 * "Still there?" question when nobody has touched anything for a while),
 * DONE (well done and a take-home tip), DOCTOR (the warning signs, reached
 * with HELP from every screen; during a routine it pauses the routine and
 * offers "I have one of these", which stops it).
 *
 * Idle rule: after cfg.idle_ms without input, every screen goes back to
 * HOME. A routine in progress is not cut short while it plays: at the next
 * step it stops to ask "Still there?", and only if nobody answers within
 * cfg.still_there_ms does the session end as timed out. The first input
 * after the question only answers it.
 *
 * State is caller-owned and fixed-size; nothing allocates.
 */
#ifndef UK_APP_APP_H
#define UK_APP_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/action.h"
#include "app/player.h"
#include "app/routine.h"
#include "app/session.h"

typedef enum uk_screen {
    UK_SCREEN_HOME = 0,
    UK_SCREEN_PLAYER,
    UK_SCREEN_DONE,
    UK_SCREEN_DOCTOR,
    UK_SCREEN_COUNT
} uk_screen;

/* Items of the doctor screen, in order. Which are shown depends on the session. */
typedef enum uk_doctor_item {
    UK_DOCTOR_BACK = 0, /* leave: back to the routine if one is paused, else back */
    UK_DOCTOR_HAVE_ONE, /* "I have one of these": only while a routine is paused */
} uk_doctor_item;

typedef struct uk_app_config {
    uint32_t idle_ms;        /* no input for this long: back to home (default 90 s) */
    uint32_t still_there_ms; /* how long "Still there?" waits for an answer (20 s) */
    uk_player_timing timing; /* get-ready and switch-sides lengths (5 s each) */
    char lang[UK_LANG_MAX];  /* language recorded with each session */
} uk_app_config;

#define UK_APP_OUTBOX 8

typedef struct uk_app {
    uk_app_config cfg;
    const uk_routine *routines; /* borrowed; must outlive the app */
    size_t routine_count;

    uk_screen screen;
    int focus;              /* highlighted item on the current screen */
    uint64_t last_input_ms; /* time of the last action of any kind */
    uint64_t now_ms;        /* the latest time the app was given */

    /* The session under way. */
    bool in_session;
    size_t routine_index;
    uk_player player;
    uint64_t session_start_ms;
    unsigned input_count[UK_INPUT_KIND_COUNT];
    uk_input_kind first_input;
    bool still_there;        /* asking "Still there?" */
    uint64_t still_since_ms; /* when the question appeared */
    bool paused_for_doctor;  /* HELP paused the routine; leaving resumes it */

    /* The doctor screen. */
    uk_screen doctor_return; /* where "Back" goes when no routine is paused */
    bool doctor_reported;    /* "I have one of these" was pressed */

    /* Asked for the admin screen (UP and DOWN held on the buttons); its screen clears it. */
    bool admin_requested;

    /* The last finished session, for the done screen. */
    size_t done_routine;
    uint32_t done_seconds;

    /* Finished sessions waiting to be stored (oldest first). */
    size_t outbox_count;
    uk_session outbox[UK_APP_OUTBOX];
    unsigned outbox_dropped; /* sessions lost because the shell never drained them */
} uk_app;

/* Fills `cfg` with the defaults above and language "en". */
void uk_app_config_defaults(uk_app_config *cfg);

/* Starts on the home screen at `now_ms`. `routines` is borrowed. */
void uk_app_init(uk_app *app, const uk_app_config *cfg, const uk_routine *routines,
                 size_t routine_count, uint64_t now_ms);

/* Ends a session still under way as stopped, so it is not lost at shutdown. */
void uk_app_shutdown(uk_app *app, uint64_t now_ms);

/* One action from a person. Time must not go backwards between calls. */
void uk_app_handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms);

/*
 * "Go home" (BACK held on the buttons): ends a session under way as stopped,
 * drops any question or doctor screen, and shows home with the first item
 * highlighted. Counts as input of `kind`.
 */
void uk_app_go_home(uk_app *app, uk_input_kind kind, uint64_t now_ms);

/*
 * "Admin entry" (UP and DOWN held together on the buttons): sets
 * app->admin_requested for the admin screen to act on and clear. Nothing
 * else changes yet. Counts as input of `kind`.
 */
void uk_app_admin_request(uk_app *app, uk_input_kind kind, uint64_t now_ms);

/* A tap on item `item` of the current screen: highlight it and choose it. */
void uk_app_choose(uk_app *app, int item, uk_input_kind kind, uint64_t now_ms);

/*
 * Moves time on to `now_ms` (timers, idle, the player) and returns the time
 * at which it must next be called, UINT64_MAX if only input can change
 * anything.
 */
uint64_t uk_app_tick(uk_app *app, uint64_t now_ms);

/* True while something moves every frame (the figure during a step). */
bool uk_app_animating(const uk_app *app);

/* Number of items the current screen lets UP/DOWN move between. */
int uk_app_item_count(const uk_app *app);

/* Pops the oldest finished session into `out`: 1 if there was one, else 0. */
int uk_app_take_session(uk_app *app, uk_session *out);

/* "home", "player", "done", "doctor". */
const char *uk_screen_name(uk_screen screen);

#endif
