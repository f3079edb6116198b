/*
 * admin_info.h: what the admin screen shows that the core does not know: the
 * usage numbers, the usage log's and the buttons' health, the live state of
 * every button line. The platform fills a uk_admin_info before each frame
 * of the admin screen (platform/loop/kiosk.c); app/view/admin_view.c draws it. Plain values,
 * fixed sizes, nothing to free.
 */
#ifndef UK_APP_MODEL_ADMIN_INFO_H
#define UK_APP_MODEL_ADMIN_INFO_H

#include <stdbool.h>
#include <stdint.h>

#include "app/model/action.h"
#include "app/model/stats.h"

#define UK_ADMIN_INFO_BUTTON_LINES 5

/* One button line, as the button-test page shows it. */
typedef struct uk_admin_info_button {
    uk_action action;
    int line;               /* GPIO line offset; -1 when not wired */
    bool down;              /* pressed now */
    uint64_t last_press_ms; /* on the app's clock; 0: never since start */
    unsigned presses;       /* since start */
} uk_admin_info_button;

typedef struct uk_admin_info {
    bool have_store;         /* a usage log is open (else nothing is recorded) */
    uk_stats stats;          /* the latest snapshot; generation 0 until the first arrives */
    uint64_t uptime_ms;      /* since the kiosk started */
    int content_problems;    /* problems found loading the content */
    char buttons_state[400]; /* one line: where the buttons are, or what is wrong */
    int button_count;
    uk_admin_info_button buttons[UK_ADMIN_INFO_BUTTON_LINES];
} uk_admin_info;

#endif
