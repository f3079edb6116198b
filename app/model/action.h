/*
 * action.h: the five things a person can ask the kiosk to do.
 *
 * Every input device (touchscreen, mouse, keyboard, GPIO buttons, a test
 * script) is translated into one of these before it reaches the core, so a
 * screen never knows what was pressed, only what was meant (app/model/input.h
 * carries an action to the core with the kind of device it came from).
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

/* Lower-case name ("select"), or "none" for an unknown value. Static storage. */
const char *uk_action_name(uk_action action);

/* Parses a name as written by uk_action_name, any case. UK_ACTION_NONE if unknown. */
uk_action uk_action_from_name(const char *name);

#endif
