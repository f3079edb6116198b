/*
 * languages.h: reading lang/ *.json, the kiosk's own sentences, one file per
 * language it speaks ("en.json", "es.json").
 */
#ifndef UK_PLATFORM_CONTENT_LANGUAGES_H
#define UK_PLATFORM_CONTENT_LANGUAGES_H

#include "platform/content/loader.h"

/*
 * Finds the languages in `dir`/lang (English first, the rest in name order,
 * at most UK_MAX_LANGS) and reads their sentences into ld->strings: English
 * on its own, every other language on top of English. Each language that
 * loads is added to ld->catalog; one that cannot be read at all is
 * reported, left out and put in ld->rejected_langs. The catalog must
 * already have English (ld->strings[0]); without a usable en.json the kiosk
 * still has it, as keys.
 */
void uk_languages_load(uk_loader *ld, const char *dir);

#endif
