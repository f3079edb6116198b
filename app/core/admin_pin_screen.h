/*
 * admin_pin_screen.h: the PIN pad in front of the admin screen.
 *
 * Staff reach it with the buttons' chord (UP and DOWN held), a press held
 * on the top-left corner, or F12; a session under way ends as stopped. The
 * pad's keys are items 0..9 (the digits 1..9 and 0), then delete and OK;
 * a keyboard types digits, Backspace and Enter. OK with at least four
 * digits hands the PIN to the shell (a CHECK_PIN effect) and wipes it here;
 * the answer (uk_app_pin_checked) opens the admin screen or says it was
 * wrong. Wrong PINs lock the pad for a while (app/core/pin_lock.h). Without
 * a PIN in the settings the pad says so and stays shut.
 */
#ifndef UK_APP_CORE_ADMIN_PIN_SCREEN_H
#define UK_APP_CORE_ADMIN_PIN_SCREEN_H

/* The pad's keys, in the order UP and DOWN move through them. */
enum {
    UK_ADMIN_PIN_SCREEN_DELETE = 10, /* items 0..9 are the digits 1..9 and 0 */
    UK_ADMIN_PIN_SCREEN_OK = 11,
    UK_ADMIN_PIN_SCREEN_KEY_COUNT = 12,
    UK_ADMIN_PIN_SCREEN_MIN_DIGITS = 4,
};

#endif
