/*
 * backlight.h: the panel's backlight, through /sys/class/backlight.
 *
 * Outside opening hours the kiosk turns the screen off (bl_power, or
 * brightness 0) or dims it, and puts it back as it found it. The setting
 * [schedule] backlight says which device: "auto" takes the first entry of
 * /sys/class/backlight whose brightness can be written, "none" uses none,
 * and a path names one. Without a usable backlight the kiosk falls back to
 * drawing a black (or darkened) frame; uk_backlight_open then returns NULL
 * and says why in `error`, which may be empty for "none" or no device.
 *
 * The files are written by a non-root service: the package's udev rule
 * (systemd/70-unknot-backlight.rules) gives group video write access.
 */
#ifndef UK_PLATFORM_OUTPUT_BACKLIGHT_H
#define UK_PLATFORM_OUTPUT_BACKLIGHT_H

#include <stddef.h>

typedef struct uk_backlight uk_backlight;

/*
 * Opens the backlight `setting` names, powers it on (bl_power) and
 * remembers its brightness as full; a brightness of 0, as a run killed in
 * the dark leaves it, counts as the maximum. The caller owns the result
 * and closes it with uk_backlight_close. NULL when there is none to use,
 * with errno set and the reason in `error` (may be NULL): "" and ENODEV
 * when the setting is "none" or "auto" found nothing (no message is due),
 * else a sentence naming the device (ENOENT, EACCES, ...).
 */
uk_backlight *uk_backlight_open(const char *setting, char *error, size_t error_len);

/* Restores the brightness found at open (see above), and frees. Accepts NULL. */
void uk_backlight_close(uk_backlight *backlight);

/*
 * 100: as found at open. 0: off (bl_power when there is one). Anything
 * between: that share of the maximum brightness. The first call after open
 * always writes. Returns 0, or -1 with errno set and a sentence naming the
 * device in `error` (may be NULL).
 */
int uk_backlight_set(uk_backlight *backlight, int percent, char *error, size_t error_len);

#endif
