/*
 * gpio_v2.c: the GPIO backend for libgpiod 2.x.
 *
 * v2 requests all lines at once (gpiod_chip_request_lines with one line
 * settings object for every offset) and reads their edges from one fd into
 * an edge event buffer. The event clock is asked for as CLOCK_MONOTONIC,
 * the clock of the edge queue. The kernel debounce v2 offers is left off on
 * purpose: the core debounces, so v1 and v2 behave the same.
 *
 * Only functions present since libgpiod 2.0 are used.
 */
#include <errno.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>

#include "platform/input/gpio_backend.h"

#define EVENT_BUFFER 64

struct uk_gpio_chip {
    struct gpiod_chip *chip;
    struct gpiod_chip_info *info;
    struct gpiod_line_request *request; /* NULL until requested */
    struct gpiod_edge_event_buffer *buffer;
    size_t count;
    unsigned offsets[UK_ACTION_COUNT];
};

const char *uk_gpio_backend_version(void)
{
    return gpiod_api_version();
}

uk_gpio_chip *uk_gpio_chip_open(const char *path)
{
    uk_gpio_chip *chip = calloc(1, sizeof *chip);
    if (!chip)
        return NULL;
    int err;
    chip->chip = gpiod_chip_open(path);
    if (!chip->chip)
        goto err_free;
    chip->info = gpiod_chip_get_info(chip->chip);
    if (!chip->info)
        goto err_close_chip;
    return chip;

err_close_chip:
    err = errno;
    gpiod_chip_close(chip->chip);
    errno = err;
err_free:
    err = errno;
    free(chip);
    errno = err;
    return NULL;
}

static void release_lines(uk_gpio_chip *chip)
{
    if (chip->request)
        gpiod_line_request_release(chip->request);
    gpiod_edge_event_buffer_free(chip->buffer);
    chip->request = NULL;
    chip->buffer = NULL;
    chip->count = 0;
}

void uk_gpio_chip_close(uk_gpio_chip *chip)
{
    if (!chip)
        return;
    release_lines(chip);
    gpiod_chip_info_free(chip->info);
    gpiod_chip_close(chip->chip);
    free(chip);
}

const char *uk_gpio_chip_name(uk_gpio_chip *chip)
{
    return gpiod_chip_info_get_name(chip->info);
}

const char *uk_gpio_chip_label(uk_gpio_chip *chip)
{
    return gpiod_chip_info_get_label(chip->info);
}

unsigned uk_gpio_chip_line_count(uk_gpio_chip *chip)
{
    return (unsigned)gpiod_chip_info_get_num_lines(chip->info);
}

void uk_gpio_chip_consumer(uk_gpio_chip *chip, unsigned offset, char *out, size_t out_len)
{
    struct gpiod_line_info *info = gpiod_chip_get_line_info(chip->chip, offset);
    const char *consumer = NULL;
    if (info && gpiod_line_info_is_used(info))
        consumer = gpiod_line_info_get_consumer(info);
    snprintf(out, out_len, "%s", consumer ? consumer : "");
    gpiod_line_info_free(info);
}

static enum gpiod_line_bias line_bias(uk_gpio_bias bias)
{
    switch (bias) {
    case UK_GPIO_BIAS_PULL_UP:
        return GPIOD_LINE_BIAS_PULL_UP;
    case UK_GPIO_BIAS_PULL_DOWN:
        return GPIOD_LINE_BIAS_PULL_DOWN;
    case UK_GPIO_BIAS_DISABLED:
        return GPIOD_LINE_BIAS_DISABLED;
    case UK_GPIO_BIAS_AS_IS:
        break;
    }
    return GPIOD_LINE_BIAS_AS_IS;
}

/* After a refused request: the first line someone else holds, or -1. */
static int first_used(uk_gpio_chip *chip, const unsigned *offsets, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        struct gpiod_line_info *info = gpiod_chip_get_line_info(chip->chip, offsets[i]);
        bool used = info && gpiod_line_info_is_used(info);
        gpiod_line_info_free(info);
        if (used)
            return (int)i;
    }
    return -1;
}

int uk_gpio_chip_request(uk_gpio_chip *chip, const unsigned *offsets, size_t count, bool active_low,
                         uk_gpio_bias bias, int *failed)
{
    release_lines(chip);
    *failed = -1;
    if (count == 0 || count > UK_ACTION_COUNT) {
        errno = EINVAL;
        return -1;
    }
    int rc = -1, err = ENOMEM;
    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    struct gpiod_line_config *line_config = gpiod_line_config_new();
    struct gpiod_request_config *request_config = gpiod_request_config_new();
    if (!settings || !line_config || !request_config)
        goto out_free;

    if (gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_INPUT) != 0 ||
        gpiod_line_settings_set_edge_detection(settings, GPIOD_LINE_EDGE_BOTH) != 0 ||
        gpiod_line_settings_set_bias(settings, line_bias(bias)) != 0 ||
        gpiod_line_settings_set_event_clock(settings, GPIOD_LINE_CLOCK_MONOTONIC) != 0) {
        err = errno;
        goto out_free;
    }
    gpiod_line_settings_set_active_low(settings, active_low);
    if (gpiod_line_config_add_line_settings(line_config, offsets, count, settings) != 0) {
        err = errno;
        goto out_free;
    }
    gpiod_request_config_set_consumer(request_config, UK_GPIO_CONSUMER);

    chip->request = gpiod_chip_request_lines(chip->chip, request_config, line_config);
    if (!chip->request) {
        err = errno;
        if (err == EBUSY)
            *failed = first_used(chip, offsets, count);
        goto out_free;
    }
    chip->buffer = gpiod_edge_event_buffer_new(EVENT_BUFFER);
    if (!chip->buffer) {
        err = errno;
        release_lines(chip);
        goto out_free;
    }
    for (size_t i = 0; i < count; i++)
        chip->offsets[i] = offsets[i];
    chip->count = count;
    rc = 0;

out_free:
    gpiod_request_config_free(request_config);
    gpiod_line_config_free(line_config);
    gpiod_line_settings_free(settings);
    if (rc != 0)
        errno = err;
    return rc;
}

size_t uk_gpio_chip_fds(uk_gpio_chip *chip, int *fds, size_t max)
{
    if (!chip->request || max == 0)
        return 0;
    fds[0] = gpiod_line_request_get_fd(chip->request);
    return 1;
}

int uk_gpio_chip_read(uk_gpio_chip *chip, size_t which, uk_gpio_raw *out, size_t max)
{
    if (which != 0 || !chip->request) {
        errno = EINVAL;
        return -1;
    }
    size_t want = max < EVENT_BUFFER ? max : EVENT_BUFFER;
    int n = gpiod_line_request_read_edge_events(chip->request, chip->buffer, want);
    for (int i = 0; i < n; i++) {
        struct gpiod_edge_event *event =
            gpiod_edge_event_buffer_get_event(chip->buffer, (unsigned long)i);
        unsigned offset = gpiod_edge_event_get_line_offset(event);
        size_t index = chip->count; /* unknown: gpio.c skips it */
        for (size_t j = 0; j < chip->count; j++)
            if (chip->offsets[j] == offset)
                index = j;
        out[i].index = index;
        out[i].rising = gpiod_edge_event_get_event_type(event) == GPIOD_EDGE_EVENT_RISING_EDGE;
        out[i].ts_ns = gpiod_edge_event_get_timestamp_ns(event);
    }
    return n;
}

int uk_gpio_chip_levels(uk_gpio_chip *chip, bool *active)
{
    if (!chip->request) {
        errno = EINVAL;
        return -1;
    }
    for (size_t i = 0; i < chip->count; i++) {
        enum gpiod_line_value value = gpiod_line_request_get_value(chip->request, chip->offsets[i]);
        if (value == GPIOD_LINE_VALUE_ERROR)
            return -1;
        active[i] = value == GPIOD_LINE_VALUE_ACTIVE;
    }
    return 0;
}
