/*
 * action.h: the five things a person can ask the kiosk to do.
 *
 * Every input device (touchscreen, mouse, keyboard, GPIO buttons, a test
 * script) is translated into one of these before it reaches the core, so a
 * screen never knows what was pressed, only what was meant. The input kind
 * travels beside the action because the usage log records it.
 */
#ifndef UK_APP_MODEL_ACTION_H
#define UK_APP_MODEL_ACTION_H

typedef enum uk_action {
    UK_ACTION_NONE = 0,
    UK_ACTION_UP,     /* move the highlight up, previous item */
    UK_ACTION_DOWN,   /* move the highlight down, next item */
    UK_ACTION_SELECT, /* choose the highlighted item */
    UK_ACTION_BACK,   /* leave the screen; in a routine: stop it */
    UK_ACTION_HELP,   /* "when to see a doctor", from every screen */
    UK_ACTION_COUNT
} uk_action;

typedef enum uk_input_kind {
    UK_INPUT_TOUCH = 0, /* touchscreen, and the mouse in desktop emulation */
    UK_INPUT_BUTTON,    /* physical buttons on GPIO */
    UK_INPUT_KEYBOARD,
    UK_INPUT_KIND_COUNT
} uk_input_kind;

/* Lower-case name ("select"), or "none" for an unknown value. Static storage. */
const char *uk_action_name(uk_action action);

/* Parses a name as written by uk_action_name, any case. UK_ACTION_NONE if unknown. */
uk_action uk_action_from_name(const char *name);

/* "touch", "button" or "keyboard": the values the usage log stores. Static storage. */
const char *uk_input_kind_name(uk_input_kind kind);

#endif
