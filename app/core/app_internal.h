/*
 * app_internal.h: what app.c offers the screens' rules (the app/core/..._screen.c files),
 * and nothing the shell may call.
 *
 * Every rule that is the same on every screen lives in app.c: sessions
 * start and end exactly once, the idle rule, waking, effects. A screen's
 * rules call these instead of writing the app's fields by hand, so those
 * rules stay in one place. platform/ never includes this header (the
 * layering check sees to it).
 */
#ifndef UK_APP_CORE_APP_INTERNAL_H
#define UK_APP_CORE_APP_INTERNAL_H

#include "app/core/app.h"

/* Shows the routines and sentences of catalog language `lang` (0 if out of range). */
void uk_app_set_language(uk_app *app, size_t lang);

/* Shows `screen` with its first item highlighted. */
void uk_app_go_to(uk_app *app, uk_screen screen);

/*
 * A person opens `screen` at `now_ms`: its rules' enter hook sets it up (from the screen
 * still showing), it shows, and the usage log counts it if the table says so.
 */
void uk_app_open_screen(uk_app *app, uk_screen screen, uint64_t now_ms);

/* Shows home, dropping any "Still there?" question. */
void uk_app_show_home(uk_app *app);

/* Moves the highlight by `delta` items, staying on the screen's items. */
void uk_app_move_focus(uk_app *app, int delta);

/* Ends attract mode, a dark screen and any "Still there?" question: staff or a person is here. */
void uk_app_wake(uk_app *app);

/* Starts routine `index` for input of `kind`: its session screen shows. */
void uk_app_start_session(uk_app *app, size_t index, uk_input_kind kind, uint64_t now_ms);

/* Ends the session under way (if any) with `outcome` at `ended_ms`: one STORE_SESSION effect. */
void uk_app_end_session(uk_app *app, uk_outcome outcome, uint64_t ended_ms);

/* Ends the session as completed at `at`: the done screen shows (after the doctor screen, if
 * that is up). */
void uk_app_complete_session(uk_app *app, uint64_t at);

/* Ends the session as stopped and goes home. */
void uk_app_stop_session(uk_app *app, uint64_t now_ms);

/* The rules of the screen the session under way runs on (player, heat and cold, cards). */
const uk_screen_rules *uk_app_session_rules(const uk_app *app);

/* The routine of the session under way (or of the last one). */
const uk_routine *uk_app_session_data(const uk_app *app);

/* Asks "Still there?" once the session has waited idle_ms for the person (not while a
 * routine plays: the player's own rules see to that). */
void uk_app_ask_when_idle(uk_app *app, uint64_t now_ms);

/* Queues an effect for the shell. */
void uk_app_push(uk_app *app, const uk_effect *effect);

/* Queues a sound, unless sounds are off. */
void uk_app_cue(uk_app *app, uk_effect_cue cue);

/* Sounds off or on, as the admin screen says. */
void uk_app_set_muted(uk_app *app, bool muted);

#endif
