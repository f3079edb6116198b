/*
 * strings.h: every sentence the kiosk's own screens show, by id.
 *
 * The text itself is data (assets/lang/<code>.json), so a clinic can reword
 * a line or add a language without a rebuild. The list below is the single
 * source of the ids, their keys in the JSON file, and the printf conversions
 * each string must carry ("d" for one number, "dd" for two, "s" for a
 * text). A translation is checked against that signature when it is loaded,
 * so a string from a file can never make printf read an argument that is not
 * there.
 *
 * The table is caller-owned and fixed-size: no allocation.
 */
#ifndef UK_APP_MODEL_STRINGS_H
#define UK_APP_MODEL_STRINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(id, key in the JSON file, printf signature) */
#define UK_STRINGS(X)                                                                              \
    X(LANG_NAME, "lang.name", "")                                                                  \
    X(HOME_TITLE, "home.title", "")                                                                \
    X(HOME_DISCLAIMER, "home.disclaimer", "")                                                      \
    X(HOME_MINUTES, "home.minutes", "d")                                                           \
    X(HOME_CARDS, "home.cards", "d")                                                               \
    X(HOME_NO_ROUTINES, "home.no_routines", "")                                                    \
    X(HOME_MORE, "home.more", "dd")                                                                \
    X(HOME_ABOUT, "home.about", "")                                                                \
    X(HOME_WAKE, "home.wake", "")                                                                  \
    X(HOME_WAKE_BUTTONS, "home.wake_buttons", "")                                                  \
    X(CATEGORY_STRETCH, "category.stretch", "")                                                    \
    X(CATEGORY_MOVE, "category.move", "")                                                          \
    X(CATEGORY_MASSAGE, "category.massage", "")                                                    \
    X(CATEGORY_HEAT_COLD, "category.heat_cold", "")                                                \
    X(CATEGORY_LEARN, "category.learn", "")                                                        \
    X(DOCTOR_BUTTON, "doctor.button", "")                                                          \
    X(PLAYER_STEP_OF, "player.step_of", "dd")                                                      \
    X(PLAYER_REP_OF, "player.rep_of", "dd")                                                        \
    X(PLAYER_SIDE_LEFT, "player.side_left", "")                                                    \
    X(PLAYER_SIDE_RIGHT, "player.side_right", "")                                                  \
    X(PLAYER_GET_READY, "player.get_ready", "")                                                    \
    X(PLAYER_SWITCH_SIDES, "player.switch_sides", "")                                              \
    X(PLAYER_NEXT_UP, "player.next_up", "s")                                                       \
    X(PLAYER_LAST_STEP, "player.last_step", "")                                                    \
    X(PLAYER_BREATHE_IN, "player.breathe_in", "")                                                  \
    X(PLAYER_BREATHE_OUT, "player.breathe_out", "")                                                \
    X(PLAYER_PAUSED, "player.paused", "")                                                          \
    X(PLAYER_PAUSE, "player.pause", "")                                                            \
    X(PLAYER_RESUME, "player.resume", "")                                                          \
    X(PLAYER_SKIP, "player.skip", "")                                                              \
    X(PLAYER_STOP, "player.stop", "")                                                              \
    X(RING_READY, "ring.ready", "")                                                                \
    X(RING_SWITCH, "ring.switch", "")                                                              \
    X(RING_HOLD, "ring.hold", "")                                                                  \
    X(RING_REPS, "ring.reps", "")                                                                  \
    X(RING_MOVE, "ring.move", "")                                                                  \
    X(RING_REST, "ring.rest", "")                                                                  \
    X(RING_MASSAGE, "ring.massage", "")                                                            \
    X(RING_PAUSED, "ring.paused", "")                                                              \
    X(STILL_TITLE, "still.title", "")                                                              \
    X(STILL_HINT, "still.hint", "")                                                                \
    X(STILL_ENDS_IN, "still.ends_in", "d")                                                         \
    X(STILL_CONTINUE, "still.continue", "")                                                        \
    X(STOP_TITLE, "stop.title", "")                                                                \
    X(STOP_HINT, "stop.hint", "d")                                                                 \
    X(STOP_KEEP, "stop.keep", "")                                                                  \
    X(STOP_END, "stop.end", "")                                                                    \
    X(HC_HEAT, "heat_cold.heat", "")                                                               \
    X(HC_COLD, "heat_cold.cold", "")                                                               \
    X(HC_PHASE_OF, "heat_cold.phase_of", "dd")                                                     \
    X(HC_BEGIN, "heat_cold.begin", "")                                                             \
    X(HC_ADD_MINUTE, "heat_cold.add_minute", "")                                                   \
    X(HC_END_PHASE, "heat_cold.end_phase", "")                                                     \
    X(HC_ELAPSED, "heat_cold.elapsed", "s")                                                        \
    X(HC_REMAINING, "heat_cold.remaining", "s")                                                    \
    X(HC_LIMIT, "heat_cold.limit", "d")                                                            \
    X(CARDS_OF, "cards.of", "dd")                                                                  \
    X(CARDS_NEXT, "cards.next", "")                                                                \
    X(CARDS_PREVIOUS, "cards.previous", "")                                                        \
    X(CARDS_FINISH, "cards.finish", "")                                                            \
    X(DONE_TITLE, "done.title", "")                                                                \
    X(DONE_SUMMARY, "done.summary", "sd")                                                          \
    X(DONE_TITLE_SKIPPED, "done.title_skipped", "")                                                \
    X(DONE_SUMMARY_SKIPPED, "done.summary_skipped", "s")                                           \
    X(DONE_TAKE_HOME, "done.take_home", "")                                                        \
    X(DONE_HYDRATION, "done.hydration", "")                                                        \
    X(DONE_FINISH, "done.finish", "")                                                              \
    X(DOCTOR_TITLE, "doctor.title", "")                                                            \
    X(DOCTOR_INTRO, "doctor.intro", "")                                                            \
    X(DOCTOR_FLAG_PAIN, "doctor.flag_pain", "")                                                    \
    X(DOCTOR_FLAG_SLEEP, "doctor.flag_sleep", "")                                                  \
    X(DOCTOR_FLAG_RED, "doctor.flag_red", "")                                                      \
    X(DOCTOR_FLAG_HOT, "doctor.flag_hot", "")                                                      \
    X(DOCTOR_FLAG_DRAINAGE, "doctor.flag_drainage", "")                                            \
    X(DOCTOR_INFECTION, "doctor.infection", "")                                                    \
    X(DOCTOR_BACK, "doctor.back", "")                                                              \
    X(DOCTOR_RESUME, "doctor.resume", "")                                                          \
    X(DOCTOR_HAVE_ONE, "doctor.have_one", "")                                                      \
    X(DOCTOR_STOPPED, "doctor.stopped", "")                                                        \
    X(ABOUT_TITLE, "about.title", "")                                                              \
    X(ABOUT_INTRO, "about.intro", "")                                                              \
    X(ABOUT_REVIEWED, "about.reviewed", "ss")                                                      \
    X(ABOUT_BACK, "about.back", "")                                                                \
    X(ADMIN_PIN_TITLE, "admin.pin_title", "")                                                      \
    X(ADMIN_PIN_PROMPT, "admin.pin_prompt", "")                                                    \
    X(ADMIN_PIN_WRONG, "admin.pin_wrong", "d")                                                     \
    X(ADMIN_PIN_LOCKED, "admin.pin_locked", "d")                                                   \
    X(ADMIN_PIN_UNSET, "admin.pin_unset", "")                                                      \
    X(ADMIN_PIN_OK, "admin.pin_ok", "")                                                            \
    X(ADMIN_PIN_DELETE, "admin.pin_delete", "")                                                    \
    X(ADMIN_DAYS, "admin.days", "")                                                                \
    X(ADMIN_ROUTINES, "admin.routines", "")                                                        \
    X(ADMIN_HOURS, "admin.hours", "")                                                              \
    X(ADMIN_HEALTH, "admin.health", "")                                                            \
    X(ADMIN_BUTTONS, "admin.buttons", "")                                                          \
    X(ADMIN_SOUND_ON, "admin.sound_on", "")                                                        \
    X(ADMIN_SOUND_OFF, "admin.sound_off", "")                                                      \
    X(ADMIN_RESTART, "admin.restart", "")                                                          \
    X(ADMIN_STOP, "admin.stop", "")                                                                \
    X(ADMIN_STOP_CONFIRM, "admin.stop_confirm", "")                                                \
    X(ADMIN_CLOSE, "admin.close", "")                                                              \
    X(ADMIN_DAYS_TITLE, "admin.days_title", "")                                                    \
    X(ADMIN_ROUTINES_TITLE, "admin.routines_title", "")                                            \
    X(ADMIN_HOURS_TITLE, "admin.hours_title", "")                                                  \
    X(ADMIN_FEW, "admin.few", "")                                                                  \
    X(ADMIN_OF, "admin.of", "dd")                                                                  \
    X(ADMIN_LOADING, "admin.loading", "")                                                          \
    X(ADMIN_NO_LOG, "admin.no_log", "")                                                            \
    X(ADMIN_LOG_OK, "admin.log_ok", "")                                                            \
    X(ADMIN_LOG_READONLY, "admin.log_readonly", "")                                                \
    X(ADMIN_LOG_FULL, "admin.log_full", "")                                                        \
    X(ADMIN_LOG_IO, "admin.log_io", "")                                                            \
    X(ADMIN_LOG_REPLACED, "admin.log_replaced", "")                                                \
    X(ADMIN_LOG_CLOSED, "admin.log_closed", "")                                                    \
    X(ADMIN_ROWS, "admin.rows", "ddd")                                                             \
    X(ADMIN_SIZE, "admin.size", "ss")                                                              \
    X(ADMIN_ERROR, "admin.error", "s")                                                             \
    X(ADMIN_UPTIME, "admin.uptime", "s")                                                           \
    X(ADMIN_CONTENT, "admin.content", "ddd")                                                       \
    X(ADMIN_BUTTONS_STATE, "admin.buttons_state", "s")                                             \
    X(ADMIN_LINE, "admin.line", "sd")                                                              \
    X(ADMIN_UNWIRED, "admin.unwired", "s")                                                         \
    X(ADMIN_PRESSED, "admin.pressed", "")                                                          \
    X(ADMIN_LAST_PRESS, "admin.last_press", "sd")                                                  \
    X(ADMIN_NEVER, "admin.never", "")                                                              \
    X(ACTION_UP, "action.up", "")                                                                  \
    X(ACTION_DOWN, "action.down", "")                                                              \
    X(ACTION_SELECT, "action.select", "")                                                          \
    X(ACTION_BACK, "action.back", "")                                                              \
    X(ACTION_HELP, "action.help", "")

typedef enum uk_string_id {
#define UK_STRING_ENUM(id, key, sig) UK_STR_##id,
    UK_STRINGS(UK_STRING_ENUM)
#undef UK_STRING_ENUM
    UK_STR_COUNT
} uk_string_id;

#define UK_STRINGS_ARENA 24576
#define UK_LANG_MAX      8

typedef struct uk_strings {
    char lang[UK_LANG_MAX];        /* "en" */
    uint16_t offset[UK_STR_COUNT]; /* 0: not set; else 1 + offset into arena */
    size_t used;
    char arena[UK_STRINGS_ARENA];
} uk_strings;

/*
 * True if `code` is a language code the kiosk takes: two or three lower-case letters,
 * then optionally '-' and two or three more ("en", "es", "pt-br"). The one rule for
 * language files, the configured language and the usage log's lang column, whose
 * schema accepts exactly these.
 */
bool uk_strings_lang_valid(const char *code);

/* Empties the table for language `lang` ("en"). */
void uk_strings_init(uk_strings *strings, const char *lang);

/*
 * Stores `text` for `id`. Returns 0, or -1 if the text's printf conversions
 * differ from the id's signature (EINVAL) or the arena is full (ENOSPC).
 */
int uk_strings_set(uk_strings *strings, uk_string_id id, const char *text);

/* The text for `id`; the key itself if it was never set, so a gap shows, not crashes. */
const char *uk_strings_get(const uk_strings *strings, uk_string_id id);

/* 1 if `id` has text. */
int uk_strings_has(const uk_strings *strings, uk_string_id id);

/* Key as in the JSON file ("home.title"), and the id for a key (-1 if unknown). */
const char *uk_strings_key(uk_string_id id);
int uk_strings_find(const char *key);

/* The printf signature `id` must carry ("dd"), and the one `text` carries (-1 if malformed). */
const char *uk_strings_signature(uk_string_id id);
int uk_strings_text_signature(const char *text, char *sig, size_t sig_len);

#endif
