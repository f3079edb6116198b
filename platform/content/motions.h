/*
 * motions.h: reading motions.json, the figure's motions that the routines'
 * steps refer to by id.
 */
#ifndef UK_PLATFORM_CONTENT_MOTIONS_H
#define UK_PLATFORM_CONTENT_MOTIONS_H

#include "platform/content/loader.h"

/*
 * Reads `dir`/motions.json into ld->motions (the loader's until the content
 * takes it), counting them in ld->catalog->motion_count, and sets
 * ld->motions_path for the routines' messages. A motion with any problem is
 * reported and left out, and its id put in ld->rejected_motions so the
 * routines that use it can say why.
 */
void uk_motions_load(uk_loader *ld, const char *dir);

#endif
