/*
 * admin_screen.h: the admin screen's rules, behind the PIN pad: pages of
 * usage charts and health along the top, what staff can do along the
 * bottom (sound on or off, restart, stop pressed twice, close). It is left,
 * like every screen, after the idle time.
 */
#ifndef UK_APP_CORE_ADMIN_SCREEN_H
#define UK_APP_CORE_ADMIN_SCREEN_H

/* The admin screen's items: its pages, then what it can do. */
enum {
    UK_ADMIN_SCREEN_DAYS = 0, /* starts per day, the last 30 days */
    UK_ADMIN_SCREEN_ROUTINES, /* completion by routine */
    UK_ADMIN_SCREEN_HOURS,    /* usage by hour of the day */
    UK_ADMIN_SCREEN_HEALTH,   /* the usage log, the buttons, the content, uptime */
    UK_ADMIN_SCREEN_BUTTONS,  /* every button line, live */
    UK_ADMIN_SCREEN_PAGE_COUNT,
    UK_ADMIN_SCREEN_SOUND = UK_ADMIN_SCREEN_PAGE_COUNT, /* sound on or off */
    UK_ADMIN_SCREEN_RESTART, /* end the process; the service starts a fresh one */
    UK_ADMIN_SCREEN_STOP,    /* end and stay stopped (pressed twice within 5 s) */
    UK_ADMIN_SCREEN_CLOSE,   /* back to the kiosk */
    UK_ADMIN_SCREEN_ITEM_COUNT
};

#endif
