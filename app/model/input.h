/*
 * input.h: one input for the core, whatever device it came from.
 *
 * Every source of input (keys, touch and the mouse, the GPIO buttons and
 * their emulated panel, a script) turns what happened into uk_input
 * records, and the loop hands each to the core with uk_app_input: one road
 * in, as LVGL's input devices are read. A record says what was meant, not
 * what was pressed; the core alone decides what it does on the screen
 * showing, so no source needs to know which screen that is.
 *
 * The kind of device travels with every input because the usage log
 * records which kind a session was mostly driven with.
 */
#ifndef UK_APP_MODEL_INPUT_H
#define UK_APP_MODEL_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/action.h"

typedef enum uk_input_kind {
    UK_INPUT_TOUCH = 0, /* touchscreen, and the mouse in desktop emulation */
    UK_INPUT_BUTTON,    /* physical buttons on GPIO, and their emulated panel */
    UK_INPUT_KEYBOARD,
    UK_INPUT_KIND_COUNT
} uk_input_kind;

typedef enum uk_input_type {
    UK_INPUT_PRESS = 0, /* `action`; a key also says the character it types, `key` */
    UK_INPUT_CHOOSE,    /* a tap on item `item` of the screen showing */
    UK_INPUT_CORNER,    /* the top-left corner pressed (`down`) or let go */
    UK_INPUT_GO_HOME,   /* BACK held on the buttons: leave whatever is under way */
    UK_INPUT_ADMIN,     /* staff asking for the admin screen: F12 or the buttons' chord */
} uk_input_type;

typedef struct uk_input {
    uk_input_type type;
    uk_input_kind kind; /* the device */
    uint64_t at_ms;     /* on the core's clock */
    uk_action action;   /* PRESS: one of the five, or NONE for a press that means nothing
                           (a tap beside every button, which still wakes a dark screen) */
    char key;           /* PRESS from a key: the digit, '\b' or '\n' it types on the PIN
                           pad, else 0 */
    int item;           /* CHOOSE */
    bool down;          /* CORNER */
} uk_input;

/* "touch", "button" or "keyboard": the values the usage log stores. Static storage. */
const char *uk_input_kind_name(uk_input_kind kind);

#endif
