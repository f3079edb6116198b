/*
 * gpio_backend.h: the seam between gpio.c and one libgpiod API.
 *
 * gpio.c owns the reader thread, the retries, the chip lookup and every
 * message; a backend only opens a chip, requests lines and reads edges, in
 * the words of its libgpiod version. Exactly one backend is linked:
 * gpio_v1.c (libgpiod 1.x), gpio_v2.c (2.x) or gpio_none.c (built without
 * GPIO). Every function that can fail returns NULL or -1 with errno set,
 * like libgpiod itself, and no words: the sentence a person reads needs
 * what only gpio.c knows (the chip as it was asked for, the button, the
 * user), so gpio.c writes it from errno with uk_gpio_problem_text. All of
 * them run on the reader thread only, except uk_gpio_backend_version.
 *
 * The message texts live here too, so a test can check what a person reads
 * for each fault without the hardware that causes it.
 */
#ifndef UK_PLATFORM_INPUT_GPIO_BACKEND_H
#define UK_PLATFORM_INPUT_GPIO_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/input/gpio.h"

#define UK_GPIO_CONSUMER "unknot"

typedef struct uk_gpio_chip uk_gpio_chip;

/* An edge as the backend read it. */
typedef struct uk_gpio_raw {
    size_t index;   /* which requested line, in request order */
    bool rising;    /* became active (after active-low) */
    uint64_t ts_ns; /* the kernel's stamp: CLOCK_MONOTONIC, or REALTIME on old kernels */
} uk_gpio_raw;

/*
 * The version of libgpiod this backend runs on ("1.6.3"): libgpiod's own
 * string, valid for the life of the program and never rewritten. NULL
 * when built without GPIO. Any thread.
 */
const char *uk_gpio_backend_version(void);

/* Opens the GPIO chip device at `path`. NULL with errno (ENOENT, EACCES, ENODEV...). */
uk_gpio_chip *uk_gpio_chip_open(const char *path);

/* Releases the chip's requested lines and closes it. Accepts NULL. */
void uk_gpio_chip_close(uk_gpio_chip *chip);

/* The chip's name ("gpiochip0") and label ("pinctrl-bcm2711"); owned by the chip. */
const char *uk_gpio_chip_name(uk_gpio_chip *chip);
const char *uk_gpio_chip_label(uk_gpio_chip *chip);

/* Number of lines the chip has. */
unsigned uk_gpio_chip_line_count(uk_gpio_chip *chip);

/* Who holds line `offset` ("" if nobody or unknown), into `out`. */
void uk_gpio_chip_consumer(uk_gpio_chip *chip, unsigned offset, char *out, size_t out_len);

/*
 * Requests `count` lines as inputs with edge events on both edges. On
 * failure returns -1 with errno and *failed set to the index of the line
 * that was refused (-1 if unknown); nothing stays requested.
 */
int uk_gpio_chip_request(uk_gpio_chip *chip, const unsigned *offsets, size_t count, bool active_low,
                         uk_gpio_bias bias, int *failed);

/* The file descriptors to poll for edges, into `fds`. Returns how many. */
size_t uk_gpio_chip_fds(uk_gpio_chip *chip, int *fds, size_t max);

/* Reads the edges waiting on fd number `which` (as from uk_gpio_chip_fds). Count or -1. */
int uk_gpio_chip_read(uk_gpio_chip *chip, size_t which, uk_gpio_raw *out, size_t max);

/* The requested lines' levels now, true for active (pressed). 0 or -1. */
int uk_gpio_chip_levels(uk_gpio_chip *chip, bool *active);

/* ---- messages --------------------------------------------------------------- */

typedef enum uk_gpio_fault {
    UK_GPIO_FAULT_NO_CHIP = 0, /* the path does not exist */
    UK_GPIO_FAULT_NO_LABEL,    /* no chip carries the label asked for */
    UK_GPIO_FAULT_NO_PI_CHIP,  /* chip "": none of a Raspberry Pi's labels found */
    UK_GPIO_FAULT_PERMISSION,  /* EACCES or EPERM on the chip or a line */
    UK_GPIO_FAULT_NOT_A_CHIP,  /* the path is something else */
    UK_GPIO_FAULT_OPEN,        /* another error opening the chip */
    UK_GPIO_FAULT_NO_LINE,     /* the offset is past the chip's last line */
    UK_GPIO_FAULT_BUSY,        /* another consumer holds the line */
    UK_GPIO_FAULT_REQUEST,     /* the kernel refused the request otherwise */
    UK_GPIO_FAULT_LOST,        /* the chip went away while in use */
} uk_gpio_fault;

typedef struct uk_gpio_problem {
    uk_gpio_fault fault;
    int err;              /* errno */
    const char *chip;     /* the chip as asked for, or as found */
    const char *path;     /* the device file tried, or NULL */
    const char *seen;     /* chips seen while looking by label ("gpiochip0 [label], ...") */
    const char *user;     /* the user unknot runs as */
    const char *consumer; /* BUSY: who holds the line, "" if unknown */
    unsigned line;        /* the line offset */
    uk_action action;     /* what the line is for */
    unsigned line_count;  /* NO_LINE: how many lines the chip has */
    uk_gpio_bias bias;    /* REQUEST: what was asked for */
} uk_gpio_problem;

/* One sentence naming the chip, the line and the fix. */
void uk_gpio_problem_text(const uk_gpio_problem *problem, char *out, size_t out_len);

/*
 * Converts a kernel edge stamp to CLOCK_MONOTONIC given both clocks read
 * just after the edge was read: the stamp is on whichever clock it is
 * nearer to (see gpio.h). Never later than mono_now.
 */
uint64_t uk_gpio_stamp_to_mono(uint64_t stamp_ns, uint64_t mono_now_ns, uint64_t real_now_ns);

#endif
