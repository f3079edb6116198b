/*
 * paths.c: default locations for the database and the content, following
 * systemd's and the XDG base-directory conventions so that the kiosk runs
 * unchanged as a service and as a desktop user without root.
 */
#include "platform/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int uk_paths_make_parent(const char *file)
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

int uk_paths_default_db(char *out, size_t len, char *error, size_t error_len)
{
    const char *state = getenv("STATE_DIRECTORY");
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (state && state[0]) {
        /* systemd may list several folders separated by ':'; the first is ours. */
        size_t first = strcspn(state, ":");
        n = snprintf(out, len, "%.*s/usage.db", (int)first, state);
    } else if (xdg && xdg[0] == '/') {
        n = snprintf(out, len, "%s/unknot/usage.db", xdg);
    } else if (home && home[0] == '/') {
        n = snprintf(out, len, "%s/.local/state/unknot/usage.db", home);
    } else {
        snprintf(error, error_len,
                 "no place for the usage database: neither STATE_DIRECTORY, XDG_STATE_HOME nor "
                 "HOME is set (pass --db PATH)");
        return -1;
    }
    if (n < 0 || (size_t)n >= len) {
        snprintf(error, error_len, "usage database path too long (pass --db PATH)");
        return -1;
    }
    if (uk_paths_make_parent(out) != 0) {
        snprintf(error, error_len, "cannot create the folder for %s: %s (pass --db PATH)", out,
                 strerror(errno));
        return -1;
    }
    return 0;
}

void uk_paths_default_content(char *out, size_t len, const char *installed, const char *source)
{
    const char *env = getenv("UNKNOT_CONTENT");
    struct stat st;
    if (env && env[0])
        snprintf(out, len, "%s", env);
    else if (stat(installed, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(out, len, "%s", installed);
    else
        snprintf(out, len, "%s", source);
}
