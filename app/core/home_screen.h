/*
 * home_screen.h: the home screen's rules: the routines, the language switch
 * and the about page, in the order UP and DOWN move through them. While
 * nobody is about, home shows its attract mode (app.c's rule), and the
 * first touch only wakes it.
 */
#ifndef UK_APP_CORE_HOME_SCREEN_H
#define UK_APP_CORE_HOME_SCREEN_H

#include "app/core/app.h"

/* Home's items after the routines: the about page... */
int uk_home_screen_about_item(const uk_app *app);

/* ... then the language switch, last (-1 without a second language). */
int uk_home_screen_language_item(const uk_app *app);

#endif
