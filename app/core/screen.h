/*
 * screen.h: the kiosk's screens, one row each, and what the core knows of
 * every screen.
 *
 * UK_SCREENS is the one table of screens. A row gives a screen its id, the
 * name scripts and the usage log know it by, its rules (the core's part, in
 * app/core/<name>_screen.c: what input does there, which items it offers)
 * and its drawing (the view's part, app/view/<name>_view.c). Each layer
 * expands the table with its own column: the core makes its table of rules
 * from it (app/core/screen.c), the view its table of builders
 * (app/view/ui.c), so the core never names drawing code and the view
 * never decides what a press does. Adding a screen is a row here and the
 * screen's two files; nothing else changes.
 *
 * What every screen shares (HELP opens the doctor screen, the first touch
 * only wakes a dark kiosk, "Still there?" takes the answer, idle goes
 * home) is app/core/app.c's, before a screen's rules see the input; app.c
 * reaches every screen through this table alone, like C-Dogs' game loop
 * reaches its screens through their enter, input and draw functions.
 */
#ifndef UK_APP_CORE_SCREEN_H
#define UK_APP_CORE_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/input.h"

/* clang-format off */
#define UK_SCREENS(X)                                                                   \
    /* id         name         rules (core)          drawing (view)                  */ \
    X(HOME,       "home",      uk_home_screen,       uk_home_view_build)                \
    X(PLAYER,     "player",    uk_player_screen,     uk_player_view_build)              \
    X(HEAT_COLD,  "heat-cold", uk_heat_cold_screen,  uk_heat_cold_view_build)           \
    X(CARDS,      "cards",     uk_cards_screen,      uk_cards_view_build)               \
    X(DONE,       "done",      uk_done_screen,       uk_done_view_build)                \
    X(CONFIRM_STOP, "confirm-stop", uk_confirm_stop_screen, uk_confirm_stop_view_build) \
    X(DOCTOR,     "doctor",    uk_doctor_screen,     uk_doctor_view_build)              \
    X(ABOUT,      "about",     uk_about_screen,      uk_about_view_build)               \
    X(ADMIN_PIN,  "admin-pin", uk_admin_pin_screen,  uk_admin_pin_view_build)           \
    X(ADMIN,      "admin",     uk_admin_screen,      uk_admin_view_build)
/* clang-format on */

typedef enum uk_screen {
#define UK_SCREEN_ID(id, name, rules, view) UK_SCREEN_##id,
    UK_SCREENS(UK_SCREEN_ID)
#undef UK_SCREEN_ID
    UK_SCREEN_COUNT
} uk_screen;

struct uk_app;
struct uk_session;

/*
 * A screen's rules. Every hook may be NULL where the screen has nothing of
 * that kind. The session hooks belong to the screens a session runs on
 * (the player, the heat and cold timer, the cards): app.c calls them for
 * the session under way, whatever screen shows meanwhile.
 */
typedef struct uk_screen_rules {
    /* One action on this screen, at `now_ms` (the app's time is already moved on). */
    void (*input)(struct uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms);
    /* How many items UP and DOWN move between, and touch may choose. */
    int (*items)(const struct uk_app *app);
    /* The bottom row's buttons that are actions, not items, left to right: the view
     * draws them in this order and single-switch scanning presses them by position. */
    const uk_action *actions;
    int action_count;
    bool help;    /* carries the doctor button, which scanning reaches last */
    bool counted; /* each opening is counted in the usage log (how often people look) */
    /* True while something on it moves every frame. */
    bool (*animating)(const struct uk_app *app);
    /* A person opens it (uk_app_open_screen), from the screen still showing. */
    void (*enter)(struct uk_app *app, uint64_t now_ms);
    /* While it shows: time moves on to `now_ms`; and when it next needs to (set *deadline
     * and return true), if it has a time of its own. */
    void (*tick)(struct uk_app *app, uint64_t now_ms);
    bool (*deadline)(const struct uk_app *app, uint64_t now_ms, uint64_t *deadline);
    /* A character typed on a keyboard: a digit, '\b' or '\n' (the PIN pad). */
    void (*type)(struct uk_app *app, char key, uint64_t now_ms);
    /* The shell's answer to the PIN this screen handed out (a CHECK_PIN effect). */
    void (*pin_checked)(struct uk_app *app, bool correct, uint64_t now_ms);

    /* Session screens: set the session up; move it on to `now_ms`; when the session's
     * own timing decides the next call, set *deadline (UINT64_MAX: only input) and
     * return true, else false; and how far it got: the parts done, skipped and in all,
     * and the time actually spent between session->started_ms and ->ended_ms. */
    void (*session_start)(struct uk_app *app, uint64_t now_ms);
    void (*session_tick)(struct uk_app *app, uint64_t now_ms);
    bool (*session_deadline)(const struct uk_app *app, uint64_t now_ms, uint64_t *deadline);
    void (*session_progress)(const struct uk_app *app, struct uk_session *session);
} uk_screen_rules;

/* The rules of `screen`; an empty set of rules for a value out of range. */
const uk_screen_rules *uk_screen_rules_of(uk_screen screen);

/* "home", "player", "heat-cold", ...: the name in UK_SCREENS, or "?". Static storage. */
const char *uk_screen_name(uk_screen screen);

/* The screen called `name`, or UK_SCREEN_COUNT. */
uk_screen uk_screen_from_name(const char *name);

#endif
