/*
 * routines.h: reading routines/ *.json, one routine (or the heat and cold
 * session, or the "learn" cards) per file.
 */
#ifndef UK_PLATFORM_CONTENT_ROUTINES_H
#define UK_PLATFORM_CONTENT_ROUTINES_H

#include "platform/content/loader.h"

/*
 * Reads every routine file in `dir`/routines, in byte order of their names
 * (the home screen's order), into ld->routines, one array per language the
 * catalog has, counting them in ld->catalog->routine_count. Their texts go
 * into ld->arena. Needs the languages and motions loaded first: a text is
 * checked against the languages, a step against the motions. A routine
 * with any problem but a text missing in one language is reported and
 * left out.
 */
void uk_routines_load(uk_loader *ld, const char *dir);

#endif
