/*
 * gpio_none.c: the GPIO backend of a build without GPIO (-DUNKNOT_GPIO=OFF,
 * or libgpiod missing). uk_gpio_backend_version() returns NULL, so gpio.c starts no
 * thread and reports "built without GPIO"; the rest is never called and
 * fails with ENOTSUP if it is.
 */
#include <errno.h>

#include "platform/input/gpio_backend.h"

const char *uk_gpio_backend_version(void)
{
    return NULL;
}

uk_gpio_chip *uk_gpio_chip_open(const char *path)
{
    (void)path;
    errno = ENOTSUP;
    return NULL;
}

void uk_gpio_chip_close(uk_gpio_chip *chip)
{
    (void)chip;
}

const char *uk_gpio_chip_name(uk_gpio_chip *chip)
{
    (void)chip;
    return "";
}

const char *uk_gpio_chip_label(uk_gpio_chip *chip)
{
    (void)chip;
    return "";
}

unsigned uk_gpio_chip_line_count(uk_gpio_chip *chip)
{
    (void)chip;
    return 0;
}

void uk_gpio_chip_consumer(uk_gpio_chip *chip, unsigned offset, char *out, size_t out_len)
{
    (void)chip;
    (void)offset;
    if (out_len)
        out[0] = '\0';
}

int uk_gpio_chip_request(uk_gpio_chip *chip, const unsigned *offsets, size_t count, bool active_low,
                         uk_gpio_bias bias, int *failed)
{
    (void)chip;
    (void)offsets;
    (void)count;
    (void)active_low;
    (void)bias;
    *failed = -1;
    errno = ENOTSUP;
    return -1;
}

size_t uk_gpio_chip_fds(uk_gpio_chip *chip, int *fds, size_t max)
{
    (void)chip;
    (void)fds;
    (void)max;
    return 0;
}

int uk_gpio_chip_read(uk_gpio_chip *chip, size_t which, uk_gpio_raw *out, size_t max)
{
    (void)chip;
    (void)which;
    (void)out;
    (void)max;
    errno = ENOTSUP;
    return -1;
}

int uk_gpio_chip_levels(uk_gpio_chip *chip, bool *active)
{
    (void)chip;
    (void)active;
    errno = ENOTSUP;
    return -1;
}
