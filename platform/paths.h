/*
 * paths.h: where the kiosk keeps its usage database and finds its content,
 * when nobody says otherwise.
 *
 * Usage database, first match wins:
 *   1. --db PATH
 *   2. $STATE_DIRECTORY/usage.db      (systemd's StateDirectory= for the service)
 *   3. $XDG_STATE_HOME/unknot/usage.db
 *   4. $HOME/.local/state/unknot/usage.db
 * Content folder:
 *   1. --content DIR
 *   2. $UNKNOT_CONTENT
 *   3. the installed folder (e.g. /usr/share/unknot)
 *   4. assets/ of the source tree the binary was built from (development)
 */
#ifndef UK_PLATFORM_PATHS_H
#define UK_PLATFORM_PATHS_H

#include <stddef.h>

/*
 * Writes the default database path to `out` and creates its folder (and
 * parents) if needed. Returns 0, or -1 with a message in `error`.
 */
int uk_paths_default_db(char *out, size_t len, char *error, size_t error_len);

/* Writes the content folder to use when --content was not given. */
void uk_paths_default_content(char *out, size_t len, const char *installed, const char *source);

/* mkdir -p for the folder that holds `file`. Returns 0 or -1 with errno set. */
int uk_paths_make_parent(const char *file);

#endif
