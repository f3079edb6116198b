/*
 * gpio_v1.c: the GPIO backend for libgpiod 1.x (1.6 on Debian 12 and
 * Raspberry Pi OS Bookworm).
 *
 * v1 requests edge events line by line: each line has its own event fd, so
 * a refused line is known exactly, and the reader polls one fd per button.
 * There is no kernel debounce in this API (the core debounces), and the
 * event stamps are whatever the kernel uses: CLOCK_MONOTONIC since Linux
 * 5.7, CLOCK_REALTIME before (gpio.c converts). Bias flags need Linux 5.5.
 */
#include <errno.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>

#include "platform/input/gpio_backend.h"

struct uk_gpio_chip {
    struct gpiod_chip *chip;
    size_t count;
    struct gpiod_line *lines[UK_ACTION_COUNT]; /* requested, owned by the chip */
};

const char *uk_gpio_backend_version(void)
{
    return gpiod_version_string();
}

uk_gpio_chip *uk_gpio_chip_open(const char *path)
{
    uk_gpio_chip *chip = calloc(1, sizeof *chip);
    if (!chip)
        return NULL;
    chip->chip = gpiod_chip_open(path);
    if (!chip->chip) {
        int err = errno;
        free(chip);
        errno = err;
        return NULL;
    }
    return chip;
}

static void release_lines(uk_gpio_chip *chip)
{
    for (size_t i = 0; i < chip->count; i++)
        gpiod_line_release(chip->lines[i]);
    chip->count = 0;
}

void uk_gpio_chip_close(uk_gpio_chip *chip)
{
    if (!chip)
        return;
    release_lines(chip);
    gpiod_chip_close(chip->chip);
    free(chip);
}

const char *uk_gpio_chip_name(uk_gpio_chip *chip)
{
    return gpiod_chip_name(chip->chip);
}

const char *uk_gpio_chip_label(uk_gpio_chip *chip)
{
    return gpiod_chip_label(chip->chip);
}

unsigned uk_gpio_chip_line_count(uk_gpio_chip *chip)
{
    return gpiod_chip_num_lines(chip->chip);
}

void uk_gpio_chip_consumer(uk_gpio_chip *chip, unsigned offset, char *out, size_t out_len)
{
    struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offset);
    const char *consumer = NULL;
    if (line && gpiod_line_update(line) == 0 && gpiod_line_is_used(line))
        consumer = gpiod_line_consumer(line);
    snprintf(out, out_len, "%s", consumer ? consumer : "");
}

static int bias_flag(uk_gpio_bias bias)
{
    switch (bias) {
    case UK_GPIO_BIAS_PULL_UP:
        return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
    case UK_GPIO_BIAS_PULL_DOWN:
        return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
    case UK_GPIO_BIAS_DISABLED:
        return GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
    case UK_GPIO_BIAS_AS_IS:
        break;
    }
    return 0;
}

int uk_gpio_chip_request(uk_gpio_chip *chip, const unsigned *offsets, size_t count, bool active_low,
                         uk_gpio_bias bias, int *failed)
{
    struct gpiod_line_request_config config = {
        .consumer = UK_GPIO_CONSUMER,
        .request_type = GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES,
        .flags = bias_flag(bias) | (active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0),
    };
    release_lines(chip);
    *failed = -1;
    if (count > UK_ACTION_COUNT) {
        errno = EINVAL;
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offsets[i]);
        if (!line || gpiod_line_request(line, &config, 0) != 0) {
            int err = errno;
            *failed = (int)i;
            release_lines(chip);
            errno = err;
            return -1;
        }
        chip->lines[chip->count++] = line;
    }
    return 0;
}

size_t uk_gpio_chip_fds(uk_gpio_chip *chip, int *fds, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < chip->count && n < max; i++)
        fds[n++] = gpiod_line_event_get_fd(chip->lines[i]);
    return n;
}

int uk_gpio_chip_read(uk_gpio_chip *chip, size_t which, uk_gpio_raw *out, size_t max)
{
    if (which >= chip->count) {
        errno = EINVAL;
        return -1;
    }
    struct gpiod_line_event events[64];
    unsigned want = max < 64 ? (unsigned)max : 64;
    int n = gpiod_line_event_read_multiple(chip->lines[which], events, want);
    for (int i = 0; i < n; i++) {
        out[i].index = which;
        out[i].rising = events[i].event_type == GPIOD_LINE_EVENT_RISING_EDGE;
        out[i].ts_ns =
            (uint64_t)events[i].ts.tv_sec * 1000000000ull + (uint64_t)events[i].ts.tv_nsec;
    }
    return n;
}

int uk_gpio_chip_levels(uk_gpio_chip *chip, bool *active)
{
    for (size_t i = 0; i < chip->count; i++) {
        int value = gpiod_line_get_value(chip->lines[i]);
        if (value < 0)
            return -1;
        active[i] = value == 1;
    }
    return 0;
}
