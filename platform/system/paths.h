/*
 * paths.h: where the kiosk keeps its usage database and finds its content,
 * when nobody says otherwise.
 *
 * Usage database, first match wins:
 *   1. [usage] database: --db PATH, $UNKNOT_USAGE_DATABASE or the config file
 *      (platform/system/config.h reads all three)
 *   2. $STATE_DIRECTORY/usage.db      (systemd's StateDirectory= for the service)
 *   3. for reading only (`unknot report`): UK_PATHS_SERVICE_DB when it exists,
 *      so an administrator on the kiosk gets the service's log
 *   4. $XDG_STATE_HOME/unknot/usage.db
 *   5. $HOME/.local/state/unknot/usage.db
 * Content folder:
 *   1. [content] dir: --content DIR, $UNKNOT_CONTENT or the config file
 *   2. the installed folder (e.g. /usr/share/unknot)
 *   3. assets/ of the source tree the binary was built from (development)
 */
#ifndef UK_PLATFORM_SYSTEM_PATHS_H
#define UK_PLATFORM_SYSTEM_PATHS_H

#include <stddef.h>

/* Where the installed service keeps its log (systemd StateDirectory=unknot). */
#define UK_PATHS_SERVICE_DB "/var/lib/unknot/usage.db"

/* What the database path is wanted for. */
typedef enum uk_paths_use {
    UK_PATHS_WRITE, /* the kiosk: a default path's folder is created if missing */
    UK_PATHS_READ,  /* the report: nothing is created; the service's file is preferred */
} uk_paths_use;

/*
 * Writes the usage database's path to `out`: `configured` ([usage]
 * database) when it is not empty, else the default above for `use`; for
 * UK_PATHS_WRITE a default path's folder is created (mkdir -p, 0755).
 * Returns 0, or -1 with a sentence in `error` naming the path or the
 * variables looked at, and errno ENOENT (no place for a default),
 * ENAMETOOLONG (longer than `len`) or mkdir's (a folder that could not be
 * created). The caller owns `out` and `error`.
 */
int uk_paths_usage_db(const char *configured, uk_paths_use use, char *out, size_t len, char *error,
                      size_t error_len);

/*
 * Writes the content folder to use when [content] dir is empty into `out`
 * (the caller's): `installed` when it is a folder, else `source`.
 */
void uk_paths_default_content(char *out, size_t len, const char *installed, const char *source);

#endif
