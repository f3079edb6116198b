/*
 * test_backlight.c: switching a panel's backlight off, dimming it and
 * putting it back as it was found, on a fake /sys/class/backlight device
 * (a folder with the same three files); and lighting a screen that a run
 * killed in the dark left off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/output/backlight.h"

typedef struct device {
    char dir[64];
} device;

static void put(const device *d, const char *name, const char *value)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", d->dir, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(value, file);
    fclose(file);
}

static long get(const device *d, const char *name)
{
    char path[128];
    long value = -1;
    snprintf(path, sizeof path, "%s/%s", d->dir, name);
    FILE *file = fopen(path, "r");
    assert_non_null(file);
    assert_int_equal(fscanf(file, "%ld", &value), 1);
    fclose(file);
    return value;
}

static void make(device *d, bool with_power)
{
    snprintf(d->dir, sizeof d->dir, "/tmp/unknot-backlight.XXXXXX");
    assert_non_null(mkdtemp(d->dir));
    put(d, "max_brightness", "255\n");
    put(d, "brightness", "200\n");
    if (with_power)
        put(d, "bl_power", "0\n");
}

static void destroy(device *d)
{
    const char *names[] = {"max_brightness", "brightness", "bl_power"};
    char path[128];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", d->dir, names[i]);
        unlink(path);
    }
    rmdir(d->dir);
}

static void off_dim_and_back_as_found(void **state)
{
    (void)state;
    device d;
    make(&d, true);
    char error[512];
    uk_backlight *backlight = uk_backlight_open(d.dir, error, sizeof error);
    assert_non_null(backlight);

    assert_int_equal(uk_backlight_set(backlight, 0, error, sizeof error), 0);
    assert_int_equal(get(&d, "bl_power"), 4); /* powered down, brightness kept */
    assert_int_equal(get(&d, "brightness"), 200);

    assert_int_equal(uk_backlight_set(backlight, 10, error, sizeof error), 0);
    assert_int_equal(get(&d, "bl_power"), 0);
    assert_int_equal(get(&d, "brightness"), 26); /* 10% of 255, rounded */

    uk_backlight_close(backlight); /* as found */
    assert_int_equal(get(&d, "brightness"), 200);
    assert_int_equal(get(&d, "bl_power"), 0);
    destroy(&d);
}

static void without_bl_power_off_is_brightness_zero(void **state)
{
    (void)state;
    device d;
    make(&d, false);
    char error[512];
    uk_backlight *backlight = uk_backlight_open(d.dir, error, sizeof error);
    assert_non_null(backlight);
    assert_int_equal(uk_backlight_set(backlight, 0, error, sizeof error), 0);
    assert_int_equal(get(&d, "brightness"), 0);
    assert_int_equal(uk_backlight_set(backlight, 100, error, sizeof error), 0);
    assert_int_equal(get(&d, "brightness"), 200);
    uk_backlight_close(backlight);
    destroy(&d);
}

/* The watchdog killed the last run while the screen was powered down. */
static void a_screen_left_powered_down_lights_again(void **state)
{
    (void)state;
    device d;
    make(&d, true);
    put(&d, "bl_power", "4\n");
    char error[512];
    uk_backlight *backlight = uk_backlight_open(d.dir, error, sizeof error);
    assert_non_null(backlight);
    assert_int_equal(get(&d, "bl_power"), 0); /* on from the start */
    put(&d, "bl_power", "4\n");               /* ...and the kiosk's full brightness turns it on */
    assert_int_equal(uk_backlight_set(backlight, 100, error, sizeof error), 0);
    assert_int_equal(get(&d, "bl_power"), 0);
    assert_int_equal(get(&d, "brightness"), 200);
    uk_backlight_close(backlight);
    assert_int_equal(get(&d, "bl_power"), 0);
    destroy(&d);
}

/* Killed while dark on a panel without bl_power: brightness 0 is not what "full" means. */
static void a_screen_left_at_brightness_zero_lights_again(void **state)
{
    (void)state;
    device d;
    make(&d, false);
    put(&d, "brightness", "0\n");
    char error[512];
    uk_backlight *backlight = uk_backlight_open(d.dir, error, sizeof error);
    assert_non_null(backlight);
    assert_int_equal(uk_backlight_set(backlight, 100, error, sizeof error), 0);
    assert_int_equal(get(&d, "brightness"), 255); /* the maximum */
    assert_int_equal(uk_backlight_set(backlight, 0, error, sizeof error), 0);
    assert_int_equal(get(&d, "brightness"), 0);
    uk_backlight_close(backlight); /* not back to 0 */
    assert_int_equal(get(&d, "brightness"), 255);
    destroy(&d);
}

static void none_and_missing_devices(void **state)
{
    (void)state;
    char error[512];
    assert_null(uk_backlight_open("none", error, sizeof error));
    assert_string_equal(error, ""); /* asked for none: nothing to say */
    assert_int_equal(errno, ENODEV);
    assert_null(uk_backlight_open("/nonexistent/backlight", error, sizeof error));
    assert_non_null(strstr(error, "backlight /nonexistent/backlight: cannot read max_brightness"));
    assert_non_null(strstr(error, "darkened by drawing instead"));
    assert_int_equal(errno, ENOENT); /* the kind, for a caller that acts on it */
    /* A caller with no use for the words passes no buffer. */
    assert_null(uk_backlight_open("/nonexistent/backlight", NULL, 0));
    assert_int_equal(errno, ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(off_dim_and_back_as_found),
        cmocka_unit_test(without_bl_power_off_is_brightness_zero),
        cmocka_unit_test(a_screen_left_powered_down_lights_again),
        cmocka_unit_test(a_screen_left_at_brightness_zero_lights_again),
        cmocka_unit_test(none_and_missing_devices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
