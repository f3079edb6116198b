/*
 * paths.c: default locations for the database and the content, following
 * systemd's and the XDG base-directory conventions so that the kiosk runs
 * unchanged as a service and as a desktop user without root.
 *
 * It must not create anything for a reader: `unknot report` only looks.
 * A configured path is taken as given, never created: the store names it
 * if it cannot be opened.
 */
#include "platform/system/paths.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/system/error.h"

/* mkdir -p for the folder that holds `file`. Returns 0 or -1 with errno set. */
static int make_parent(const char *file)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", file) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    char *slash = strrchr(path, '/');
    if (slash == NULL || slash == path)
        return 0;
    *slash = '\0';
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

int uk_paths_usage_db(const char *configured, uk_paths_use use, char *out, size_t len, char *error,
                      size_t error_len)
{
    const char *state = getenv("STATE_DIRECTORY");
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    bool have_state = state && state[0];
    int n;
    if (configured && configured[0]) {
        n = snprintf(out, len, "%s", configured);
    } else if (have_state) {
        /* systemd may list several folders separated by ':'; the first is ours. */
        size_t first = strcspn(state, ":");
        n = snprintf(out, len, "%.*s/usage.db", (int)first, state);
    } else if (use == UK_PATHS_READ && access(UK_PATHS_SERVICE_DB, F_OK) == 0) {
        /* On the kiosk itself, an administrator asking for the report means the service's. */
        n = snprintf(out, len, "%s", UK_PATHS_SERVICE_DB);
    } else if (xdg && xdg[0] == '/') {
        n = snprintf(out, len, "%s/unknot/usage.db", xdg);
    } else if (home && home[0] == '/') {
        n = snprintf(out, len, "%s/.local/state/unknot/usage.db", home);
    } else {
        return uk_error_set(error, error_len, ENOENT,
                            "no place for the usage database: neither STATE_DIRECTORY, "
                            "XDG_STATE_HOME nor HOME is set (pass --db PATH)");
    }
    if (n < 0 || (size_t)n >= len)
        return uk_error_set(error, error_len, ENAMETOOLONG,
                            "the usage database path %s... is longer than %zu characters (pass "
                            "--db PATH)",
                            len > 0 ? out : "", len > 0 ? len - 1 : 0);
    /* A configured path is taken as given: the store says so if its folder is missing. */
    bool is_default = !(configured && configured[0]);
    if (use == UK_PATHS_WRITE && is_default && make_parent(out) != 0) {
        int err = errno;
        return uk_error_set(error, error_len, err,
                            "cannot create the folder for %s: %s (pass --db PATH)", out,
                            strerror(err));
    }
    return 0;
}

void uk_paths_default_content(char *out, size_t len, const char *installed, const char *source)
{
    struct stat st;
    if (stat(installed, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(out, len, "%s", installed);
    else
        snprintf(out, len, "%s", source);
}
