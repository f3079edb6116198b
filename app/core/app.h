/*
 * app.h: the kiosk's screens and what every action does on each of them.
 *
 * This is the core the platform drives. It takes inputs and the time, and
 * nothing else; it reads no clock and calls nothing outside app/. The shell
 * calls, in a loop:
 *
 *   1. uk_app_input() for each input (app/model/input.h), whatever its device;
 *   2. uk_app_tick(), which moves time on and returns when it must be
 *      called next (the loop may sleep until then);
 *   3. uk_app_take_effect() until it returns false, doing what each effect
 *      asks (app/core/effect.h): store a session, play a sound, check a PIN,
 *      dim the screen...; this is the only way out of the core;
 *   4. draws (app/view/ui.h) if anything was handled, a deadline passed, or
 *      uk_app_animating() says something moves.
 * Where the shell needs to know the core's state (is it asleep, which
 * screen shows), it asks an accessor below; it never reads a field.
 *
 * Screens (app/core/screen.h has the table; each has its own rules file):
 *   HOME       the list of routines, a language switch and the about page;
 *              when nobody has used the kiosk for a while it shows a moving
 *              preview of the routines (attract mode), and the first touch
 *              or press only wakes it.
 *   PLAYER     a routine of steps under way, with the figure.
 *   HEAT_COLD  the heat and cold session: question, packs on, timers.
 *   CARDS      "Learn about knots": cards to read, one at a time.
 *   DONE       well done, and a card to take home.
 *   DOCTOR     the warning signs, reached with HELP from every screen;
 *              during a session it offers "I have one of these", which
 *              stops the session and is recorded as such.
 *   ABOUT      who reviewed each routine's content, and when.
 *
 * Idle rule: after cfg.idle_ms without input every screen goes back to
 * HOME, and a session under way ends as timed out, but not without asking
 * first: a session asks "Still there?" and waits cfg.still_there_ms for an
 * answer. A routine that is playing is not cut short: it asks at the end of
 * the step under way. A heat or cold phase that is running never asks: the
 * person is sitting with a pack on, and its timer ends it. The input that
 * answers the question, or wakes the attract mode, does nothing else.
 *
 * Admin: staff reach the admin screen with the buttons' chord (UP and DOWN
 * held), a press held on the top-left corner of the screen, or the F12
 * key, and then a PIN. The core keeps the PIN pad and its lockout; the
 * shell checks the PIN (a slow hash) when an effect asks (CHECK_PIN), and
 * answers with uk_app_pin_checked. Without a PIN in the settings the admin
 * screen stays shut. It is left, like every screen, after the idle time.
 *
 * Single switch: with scanning on (a kiosk with only SELECT wired, or
 * [gpio] scan_ms set), the highlight moves by itself over everything a
 * screen offers (the player's and the cards' buttons too, and the doctor
 * button last), and a button press chooses what is highlighted. Touch and
 * keys work as always.
 *
 * Settling: for cfg.settle_ms after what is shown changes (another screen,
 * "Still there?", a heat or cold phase's next stage, waking), touches, keys
 * and buttons are ignored, so a second tap meant for the screen before never
 * lands on a screen the person has not seen. HELP from a button stays live.
 *
 * Attract mode: while nobody is about, home previews one routine after
 * another. The first touch only wakes the kiosk, except where what it does
 * is plain: the doctor button (or HELP) opens the doctor screen, and a touch
 * on the routine being previewed starts it.
 *
 * Closed hours: the shell says when the kiosk is outside its opening hours
 * (uk_app_set_open, from app/core/schedule.h). Once closed and idle on the
 * home screen, the app is asleep and asks for the screen to go dark
 * (SET_BRIGHTNESS). The first
 * input while asleep only wakes it, for the idle time, and chooses nothing:
 * a person touching a dark screen cannot see what they touch.
 *
 * The way out: in kiosk mode no key combination ends the program. Only the
 * admin screen does, by calling uk_app_request_quit, which asks the loop to
 * end with a QUIT effect.
 *
 * State is caller-owned and fixed-size; nothing allocates.
 */
#ifndef UK_APP_CORE_APP_H
#define UK_APP_CORE_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/core/effect.h"
#include "app/core/heat_cold.h"
#include "app/core/pin_lock.h"
#include "app/core/player.h"
#include "app/core/scan.h"
#include "app/core/screen.h"
#include "app/model/catalog.h"
#include "app/model/input.h"
#include "app/model/routine.h"
#include "app/model/session.h"

typedef struct uk_app_config {
    uint32_t idle_ms;            /* no input for this long: back to home (default 90 s) */
    uint32_t confirm_stop_ms;    /* "Stop this routine?" goes back to it after this (8 s) */
    uint32_t still_there_ms;     /* how long "Still there?" waits for an answer (20 s) */
    uint32_t attract_cycle_ms;   /* attract mode shows each routine this long (8 s) */
    uint32_t settle_ms;          /* after what is shown changes, presses wait this long (400 ms) */
    uk_player_timing timing;     /* get-ready and switch-sides lengths (5 s each) */
    char lang[UK_LANG_MAX];      /* the kiosk's language, until a person chooses another */
    bool admin_pin_set;          /* a PIN is configured: the admin screen can be opened */
    bool start_muted;            /* start with sounds off, until the admin screen turns them on */
    int asleep_percent;          /* the panel's brightness while asleep: 0 (dark) by default */
    uk_pin_lock_config pin_lock; /* wrong PINs before a lockout, and how long */
    uk_scan_config scan;         /* how fast scanning moves, when it is on */
    bool scanning;               /* start with single-switch scanning on */
} uk_app_config;

typedef struct uk_app {
    uk_app_config cfg;
    const uk_catalog *catalog;  /* borrowed; must outlive the app */
    size_t lang;                /* index into catalog->langs */
    size_t default_lang;        /* cfg.lang's index: idle returns to it */
    const uk_routine *routines; /* catalog->langs[lang].routines */
    size_t routine_count;

    uk_screen screen;
    int focus;              /* highlighted item on the current screen */
    int home_focus;         /* home's highlight when a person left home: back there, it is */
    uint64_t last_input_ms; /* time of the last action of any kind */
    uint64_t now_ms;        /* the latest time the app was given */
    bool attract;           /* home's attract mode is on */
    uint64_t attract_since; /* when it started */
    uint64_t shown_since;   /* when what is shown last changed (see "Settling"); UINT64_MAX:
                               not since the start */
    uint32_t shown;         /* what is shown, summed up, as of then */

    /* The session under way. */
    bool in_session;
    size_t routine_index;
    uk_player player; /* PLAYER */
    uk_heat_cold hc;  /* HEAT_COLD */
    int card;         /* CARDS: the card shown */
    int cards_seen;   /* CARDS: how many cards have been shown */
    uint64_t session_start_ms;
    unsigned input_count[UK_INPUT_KIND_COUNT];
    uk_input_kind first_input;
    bool still_there;        /* asking "Still there?" */
    uint64_t still_since_ms; /* when the question appeared */
    bool paused_for_doctor;  /* HELP paused the routine; leaving resumes it */
    bool paused_for_stop;    /* "Stop this routine?" paused it; keeping going resumes it */
    uint64_t asked_stop_ms;  /* when "Stop this routine?" was asked */
    int last_count_in;       /* the count-in second last cued, so each is cued once */

    /* The doctor screen. */
    uk_screen doctor_return; /* where "Back" goes when no session is under way */
    bool doctor_reported;    /* "I have one of these" was pressed */

    /* The PIN pad and the admin screen. */
    uk_pin_lock pin_lock;
    char pin[UK_EFFECT_PIN_MAX + 1]; /* digits typed so far; wiped once handed out */
    uint8_t pin_len;
    bool pin_pending;       /* typed and OK pressed: the shell is checking it */
    bool pin_wrong;         /* the last attempt was wrong (the pad says so) */
    int admin_page;         /* the page shown: an item below UK_ADMIN_PAGE_COUNT */
    bool stop_armed;        /* "Stop" pressed once: a second press within 5 s stops */
    uint64_t stop_armed_ms; /* when it was armed */
    bool muted;             /* sounds off */
    uint64_t corner_since;  /* a press held on the top-left corner since then; 0: none */

    /* Single-switch scanning. */
    bool scanning;
    uk_scan scan;

    /* The last finished session, for the done screen. */
    size_t done_routine;
    uint32_t done_seconds;
    bool done_stayed; /* the person stayed for most of it (uk_session_stayed) */

    /* What the shell is asked to do, oldest first (app/core/effect.h). */
    uk_effect_queue effects;

    /* Opening hours and the way out (see "Closed hours" and uk_app_request_quit). */
    bool closed;      /* outside opening hours, as the shell last said */
    bool asleep;      /* closed and nobody about: the screen is dark */
    unsigned buttons; /* physical buttons at hand: bit (1 << action) for each one wired */
    bool quitting;    /* the admin screen asked the loop to end (once) */
} uk_app;

/* Fills `cfg` with the defaults above and language "en". */
void uk_app_config_defaults(uk_app_config *cfg);

/* Starts on the home screen, in attract mode, at `now_ms`. `catalog` is borrowed. */
void uk_app_init(uk_app *app, const uk_app_config *cfg, const uk_catalog *catalog, uint64_t now_ms);

/* Ends a session still under way as stopped, so it is not lost at shutdown. */
void uk_app_shutdown(uk_app *app, uint64_t now_ms);

/*
 * One input from any device (app/model/input.h): the one road in. Time must
 * not go backwards between calls. The functions below are its cases, for
 * tests that speak of one kind of input at a time.
 */
void uk_app_input(uk_app *app, const uk_input *input);

/* One action from a person. Time must not go backwards between calls. */
void uk_app_handle(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms);

/*
 * "Go home" (BACK held on the buttons): ends a session under way as stopped,
 * drops any question or doctor screen, and shows home with the routine just
 * left highlighted. Counts as input of `kind`.
 */
void uk_app_go_home(uk_app *app, uk_input_kind kind, uint64_t now_ms);

/*
 * "Admin entry" (UP and DOWN held together on the buttons, F12, or a held
 * corner): ends a session under way as stopped and shows the PIN pad.
 * Counts as input of `kind`.
 */
void uk_app_admin_request(uk_app *app, uk_input_kind kind, uint64_t now_ms);

/*
 * A press on the top-left corner of the screen went down (true) or up.
 * Held there for UK_APP_CORNER_MS it is an admin entry (uk_app_tick sees
 * to it), and whatever the press also touched still works as usual.
 */
#define UK_APP_CORNER_MS 4000
void uk_app_corner(uk_app *app, bool down, uint64_t now_ms);

/* Turns single-switch scanning on or off (see "Single switch" above). */
void uk_app_set_scanning(uk_app *app, bool on, uint64_t now_ms);

/* What scanning highlights: an item of the screen, or the doctor button; -1 for nothing. */
int uk_app_scan_highlight(const uk_app *app);

/* True when scanning highlights the doctor button. */
bool uk_app_scan_on_help(const uk_app *app);

/* A key typed on a keyboard: a digit, '\b' or '\n', for the PIN pad. Others do nothing. */
void uk_app_type(uk_app *app, char key, uk_input_kind kind, uint64_t now_ms);

/* The shell's answer to a CHECK_PIN effect: the PIN was right or wrong, at `now_ms`. */
void uk_app_pin_checked(uk_app *app, bool correct, uint64_t now_ms);

/* A tap on item `item` of the current screen: highlight it and choose it. */
void uk_app_choose(uk_app *app, int item, uk_input_kind kind, uint64_t now_ms);

/*
 * Moves time on to `now_ms` (timers, idle, the player) and returns the time
 * at which it must next be called, UINT64_MAX if only input can change
 * anything.
 */
uint64_t uk_app_tick(uk_app *app, uint64_t now_ms);

/* True while something moves every frame (the figure during a step, attract mode). */
bool uk_app_animating(const uk_app *app);

/* Number of items the current screen lets UP/DOWN move between. */
int uk_app_item_count(const uk_app *app);

/* The routine attract mode shows at `now_ms`. */
size_t uk_app_attract_routine(const uk_app *app, uint64_t now_ms);

/* The strings of the language on screen. */
const uk_strings *uk_app_strings(const uk_app *app);

/*
 * Moves the oldest effect the core asked for into `out`: false when there
 * is none. The shell drains them after every input and every tick.
 */
bool uk_app_take_effect(uk_app *app, uk_effect *out);

/*
 * The shell's reading of the opening hours at `now_ms`. Closing never cuts
 * a person short: the app falls asleep only once it is idle on the home
 * screen. Opening wakes it at once.
 */
void uk_app_set_open(uk_app *app, bool open, uint64_t now_ms);

/*
 * The shell's word on the physical buttons at hand: bit (1 << action) for
 * each button wired and working (the emulated panel counts). The screens
 * then say which button does what, and the attract mode invites a press.
 */
void uk_app_set_buttons(uk_app *app, unsigned wired);

/*
 * Asks the loop to end (a QUIT effect): the only way out of a locked-down
 * kiosk, for the admin screen. The session under way is stored as stopped
 * by the shell's usual shutdown. The first request wins.
 */
void uk_app_request_quit(uk_app *app, uk_effect_quit how);

/* ---- what the shell may ask ---------------------------------------------------- */

/* The screen showing. */
uk_screen uk_app_screen(const uk_app *app);

/* Asleep outside opening hours: the screen is dark until an input. */
bool uk_app_asleep(const uk_app *app);

/* The latest time the app was given. */
uint64_t uk_app_now(const uk_app *app);

/* The id of the routine under way, or NULL when no session is. Borrowed from the catalog. */
const char *uk_app_session_routine(const uk_app *app);

/* How many routines the kiosk offers. */
size_t uk_app_routine_count(const uk_app *app);

#endif
