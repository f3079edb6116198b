/*
 * backlight.c: reading and writing the few sysfs files of a backlight:
 * max_brightness, brightness and (where the driver has it) bl_power, in
 * which 0 is on and 4 is powered down (FB_BLANK_POWERDOWN).
 *
 * A kiosk killed while the screen was dark (the watchdog, a power cut
 * during the night) leaves it dark: bl_power at 4, or brightness at 0.
 * Opening therefore powers the panel on, takes a brightness of 0 found at
 * open for "never set" and uses the maximum as full instead, and starts
 * with no level known, so the first uk_backlight_set writes whatever it is
 * asked for.
 *
 * Failures follow platform/system/error.h: the sysfs file's own errno
 * (ENOENT, EACCES, EROFS, ...), EINVAL for a file that holds no number,
 * and ENODEV, with no words, when there is no backlight to use at all.
 */
#include "platform/output/backlight.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/system/error.h"

#define CLASS_DIR "/sys/class/backlight"

struct uk_backlight {
    char path[512];
    long max;       /* max_brightness */
    long original;  /* brightness at open, or max when it was 0: what 100% means */
    bool has_power; /* bl_power exists and can be written */
    int percent;    /* what was last set; -1 before the first set */
};

/* 0, or -1 with errno set (EINVAL when the file holds no number). */
static int read_long(const char *dir, const char *name, long *out)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    int rc = fscanf(file, "%ld", out) == 1 ? 0 : -1;
    int err = ferror(file) ? errno : EINVAL;
    fclose(file);
    if (rc != 0)
        errno = err;
    return rc;
}

static int write_long(const char *dir, const char *name, long value)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "w");
    if (!file)
        return -1;
    int rc = fprintf(file, "%ld\n", value) > 0 ? 0 : -1;
    if (fclose(file) != 0)
        rc = -1;
    return rc;
}

static bool writable(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, W_OK) == 0;
}

/* The first backlight in /sys/class/backlight whose brightness we may write. */
static int find_backlight(char *out, size_t len)
{
    DIR *dir = opendir(CLASS_DIR);
    if (!dir)
        return -1;
    struct dirent *entry;
    int rc = -1;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        snprintf(out, len, "%s/%s", CLASS_DIR, entry->d_name);
        if (writable(out, "brightness")) {
            rc = 0;
            break;
        }
    }
    closedir(dir);
    return rc;
}

/* Frees a backlight that could not be used, keeping errno for the caller. */
static void keep_errno_free(uk_backlight *backlight)
{
    int err = errno;
    free(backlight);
    errno = err;
}

uk_backlight *uk_backlight_open(const char *setting, char *error, size_t error_len)
{
    if (error && error_len > 0)
        error[0] = '\0';
    if (strcmp(setting, "none") == 0) {
        errno = ENODEV; /* asked for none: nothing to say */
        return NULL;
    }
    uk_backlight *backlight = calloc(1, sizeof *backlight);
    if (!backlight) {
        uk_error_set(error, error_len, ENOMEM,
                     "backlight %s: out of memory; the screen is darkened by drawing instead",
                     setting);
        return NULL;
    }
    if (strcmp(setting, "auto") == 0) {
        if (find_backlight(backlight->path, sizeof backlight->path) != 0) {
            errno = ENODEV; /* none we may use: a black frame will do, no message is due */
            goto err_free_backlight;
        }
    } else {
        int n = snprintf(backlight->path, sizeof backlight->path, "%s", setting);
        if (n < 0 || (size_t)n >= sizeof backlight->path) {
            uk_error_set(error, error_len, ENAMETOOLONG,
                         "backlight %s: path too long; the screen is darkened by drawing instead",
                         setting);
            goto err_free_backlight;
        }
    }
    int err = 0;
    if (read_long(backlight->path, "max_brightness", &backlight->max) != 0)
        err = errno;
    else if (backlight->max <= 0)
        err = EINVAL;
    else if (read_long(backlight->path, "brightness", &backlight->original) != 0)
        err = errno;
    if (err) {
        uk_error_set(error, error_len, err,
                     "backlight %s: cannot read max_brightness and brightness (%s); the screen "
                     "is darkened by drawing instead",
                     backlight->path, strerror(err));
        goto err_free_backlight;
    }
    if (!writable(backlight->path, "brightness")) {
        err = errno;
        uk_error_set(error, error_len, err,
                     "backlight %s: brightness is not writable (%s); is the user in group video "
                     "and the udev rule 70-unknot-backlight.rules installed? The screen is "
                     "darkened by drawing instead",
                     backlight->path, strerror(err));
        goto err_free_backlight;
    }
    if (backlight->original <= 0)
        backlight->original = backlight->max; /* left dark by a run that was killed */
    backlight->has_power = writable(backlight->path, "bl_power");
    if (backlight->has_power && write_long(backlight->path, "bl_power", 0) != 0)
        backlight->has_power = false; /* then dark is brightness 0, which we can undo */
    backlight->percent = -1;
    return backlight;

err_free_backlight:
    keep_errno_free(backlight);
    return NULL;
}

int uk_backlight_set(uk_backlight *backlight, int percent, char *error, size_t error_len)
{
    if (percent == backlight->percent)
        return 0;
    int rc = 0;
    if (percent <= 0 && backlight->has_power) {
        rc = write_long(backlight->path, "bl_power", 4);
    } else {
        if (backlight->has_power && backlight->percent <= 0)
            rc = write_long(backlight->path, "bl_power", 0);
        long value = percent >= 100 ? backlight->original
                     : percent <= 0 ? 0
                                    : (backlight->max * percent + 50) / 100;
        if (rc == 0)
            rc = write_long(backlight->path, "brightness", value);
    }
    if (rc != 0) {
        int err = errno;
        return uk_error_set(error, error_len, err, "backlight %s: cannot set it to %d%%: %s",
                            backlight->path, percent, strerror(err));
    }
    backlight->percent = percent;
    return 0;
}

void uk_backlight_close(uk_backlight *backlight)
{
    if (!backlight)
        return;
    char error[1024];
    if (uk_backlight_set(backlight, 100, error, sizeof error) != 0)
        fprintf(stderr, "unknot: %s\n", error);
    free(backlight);
}
