/*
 * script.h: scripted runs on a virtual clock.
 *
 * A script is a text file of one command a line; `#` starts a comment:
 *
 *   wait 12.5                 let 12.5 s of virtual time pass (no real waiting)
 *   press select              an action: up, down, select, back, help;
 *   press down button         optionally with its input kind (keyboard by default)
 *   button back down          a raw edge on a physical button's line: down (pressed)
 *   button back up            or up (released), debounced and timed by the buttons
 *                             core like a GPIO edge (hold BACK 2 s: home)
 *   tap 0.5 0.9               a touch at a point given as fractions of the frame,
 *                             resolved against what is on screen at that moment
 *   shot home.png             save the frame as a PNG (relative to --shots DIR)
 *   expect screen player      stop with an error unless this screen is showing:
 *                             uk_screen_name()'s names, or asleep (outside the
 *                             opening hours, dark); another name fails its line
 *   key alt+f4                a key as SDL would report it, with modifiers
 *                             (ctrl, alt, shift, gui), through the same event
 *                             path as a real keyboard: for lockdown tests
 *   event quit                the window manager's close request (SDL_QUIT)
 *   hours closed              pretend the opening hours say closed (or open);
 *                             scripts never read the real clock
 *   stall 1.5                 block the loop for 1.5 s of real time, sending
 *                             nothing: stands for a hung loop in the
 *                             watchdog test, never useful otherwise
 *
 * End-to-end tests, the README's picture and the docs' gallery are made this
 * way, so what they show is what the kiosk does.
 */
#ifndef UK_PLATFORM_CONTENT_SCRIPT_H
#define UK_PLATFORM_CONTENT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/model/input.h"

#define UK_SCRIPT_ARG_MAX 256

/* What `expect screen` calls a kiosk asleep, whatever screen is behind the dark. */
#define UK_SCRIPT_ASLEEP "asleep"

typedef enum uk_script_verb {
    UK_SCRIPT_WAIT = 0,
    UK_SCRIPT_PRESS,
    UK_SCRIPT_TAP,
    UK_SCRIPT_SHOT,
    UK_SCRIPT_EXPECT_SCREEN,
    UK_SCRIPT_KEY,
    UK_SCRIPT_EVENT_QUIT,
    UK_SCRIPT_HOURS,
    UK_SCRIPT_STALL,
    UK_SCRIPT_BUTTON,
} uk_script_verb;

typedef struct uk_script_command {
    uk_script_verb verb;
    int line;                    /* 1-based line in the file, for messages */
    uint64_t wait_ms;            /* WAIT */
    uk_action action;            /* PRESS, BUTTON */
    bool pressed;                /* BUTTON: down (true) or up */
    uk_input_kind kind;          /* PRESS, TAP (always touch) */
    float x, y;                  /* TAP: fractions of the frame, 0..1 */
    char arg[UK_SCRIPT_ARG_MAX]; /* SHOT: file name; EXPECT_SCREEN: screen name */
    /* Lockdown, opening hours and watchdog tests. STALL uses wait_ms too. */
    int key;     /* KEY: an SDL_Keycode */
    int key_mod; /* KEY: an SDL_Keymod */
    int open;    /* HOURS: 1 open, 0 closed */
} uk_script_command;

/* A script read from a file: its commands, in order. */
typedef struct uk_script uk_script;

/*
 * Reads the script at `path`. Returns NULL on failure, with one sentence in
 * `error` (`error_len` bytes; may be NULL) naming the file, the line and
 * what is wrong ("run.txt:3: wait takes one number of seconds, from 0 to
 * 86400"), and errno set: the open's own, EINVAL for a line that is not a
 * command, EIO or ENOMEM. The caller owns the script and frees it with
 * uk_script_free.
 */
uk_script *uk_script_load(const char *path, char *error, size_t error_len);

/* Frees a script. Accepts NULL. */
void uk_script_free(uk_script *script);

/* The file the script was read from, for messages. Owned by the script. */
const char *uk_script_path(const uk_script *script);

/* How many commands the script has. */
size_t uk_script_count(const uk_script *script);

/* Command `i` (below uk_script_count): the commands are one array, in file order. Owned by
 * the script. */
const uk_script_command *uk_script_command_at(const uk_script *script, size_t i);

#endif
