/*
 * scratch.c: temporary folders for tests (see scratch.h).
 */
#define _XOPEN_SOURCE 700 /* nftw */

#include "tests/scratch.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int scratch_make(char *dir, size_t len, const char *name)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, len, "%s/unknot-%s-XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp", name);
    return mkdtemp(dir) != NULL ? 0 : -1;
}

void scratch_remove(const char *dir)
{
    chmod(dir, 0700);
    DIR *folder = opendir(dir);
    if (folder != NULL) {
        struct dirent *entry;
        while ((entry = readdir(folder)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            char path[4200];
            snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
            unlink(path);
        }
        closedir(folder);
    }
    rmdir(dir);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void scratch_remove_tree(const char *path)
{
    /* Children before their folder (FTW_DEPTH); links not followed (FTW_PHYS). */
    nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
