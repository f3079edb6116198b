/*
 * doctor_screen.h: the rules of "when to see a doctor", which HELP opens
 * from every screen.
 *
 * During a routine it pauses the routine first, and "Back" resumes it. A
 * heat or cold timer is never paused: the pack stays on the skin. During a
 * session the screen also offers "I have one of these", which ends the
 * session (recorded as doctor) and asks the person to talk to a doctor or
 * the front desk.
 */
#ifndef UK_APP_CORE_DOCTOR_SCREEN_H
#define UK_APP_CORE_DOCTOR_SCREEN_H

/* The screen's items, in order. Which are shown depends on the session. */
enum {
    UK_DOCTOR_SCREEN_BACK = 0, /* leave: back to the session if one is under way, else back */
    UK_DOCTOR_SCREEN_HAVE_ONE, /* "I have one of these": only during a session */
};

#endif
