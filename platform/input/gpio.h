/*
 * gpio.h: physical buttons on GPIO lines, read with libgpiod.
 *
 * uk_gpio_open starts a reader thread that owns everything with a file
 * descriptor: the chip, the line requests, and an eventfd that stops it.
 * It blocks in poll() on the lines' event file descriptors, reads edges with
 * their kernel timestamps, turns those into CLOCK_MONOTONIC and pushes them
 * into an edge queue (platform/input/edge_queue.h); it never waits for the UI.
 * Debouncing, repeat and long presses are the core's (app/core/buttons.h), on
 * those timestamps, so libgpiod v1 and v2 behave the same.
 *
 * Which libgpiod: CMake builds gpio_v1.c for libgpiod 1.x (Debian 12,
 * Raspberry Pi OS Bookworm), gpio_v2.c for 2.x, and gpio_none.c when GPIO
 * is off (-DUNKNOT_GPIO=OFF, or no libgpiod): the kiosk then reports "built
 * without GPIO" and runs on touch and keyboard.
 *
 * Faults never stop the kiosk. A chip that is not there, a line another
 * program holds, a permission the service user lacks: the thread says so
 * once, in one message naming the chip, the line and the fix, and tries
 * again every retry_ms. A chip that goes away while in use (a USB GPIO
 * expander unplugged: poll reports POLLHUP or POLLERR, a read fails with
 * ENODEV) releases every button and is picked up again when it comes back.
 *
 * Timestamps: libgpiod v1 passes on the kernel's; Linux 5.7 and later stamp
 * edges with CLOCK_MONOTONIC, older kernels with CLOCK_REALTIME. The reader
 * tells them apart by which clock the stamp is near when it is read, and
 * converts. v2 asks for CLOCK_MONOTONIC outright.
 */
#ifndef UK_PLATFORM_INPUT_GPIO_H
#define UK_PLATFORM_INPUT_GPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/core/buttons.h"
#include "app/model/action.h"
#include "platform/input/edge_queue.h"

typedef enum uk_gpio_bias {
    UK_GPIO_BIAS_PULL_UP = 0, /* buttons between the line and ground (the default) */
    UK_GPIO_BIAS_PULL_DOWN,   /* buttons between the line and 3.3 V */
    UK_GPIO_BIAS_DISABLED,    /* external resistors */
    UK_GPIO_BIAS_AS_IS,       /* leave whatever the firmware or device tree set */
} uk_gpio_bias;

#define UK_GPIO_CHIP_MAX 64

/*
 * What the buttons are and how they are wired. Filled by
 * uk_gpio_config_defaults, then by the config file, then the command line.
 */
typedef struct uk_gpio_config {
    bool enabled;                /* look for buttons at all (default true) */
    char chip[UK_GPIO_CHIP_MAX]; /* "gpiochip0", "/dev/gpiochip4", a label such as
                                    "pinctrl-rp1", or "" to find a Raspberry Pi's own */
    int line[UK_ACTION_COUNT];   /* line offset per action, -1: not wired; [0] unused */
    bool active_low;             /* pressed pulls the line low (default true) */
    uk_gpio_bias bias;           /* default pull-up */
    uint32_t retry_ms;           /* between attempts while the chip is missing (3000) */
    uk_buttons_config buttons;   /* debounce, repeat, long press, chord */
} uk_gpio_config;

/*
 * Defaults for a Raspberry Pi 4 or 5 with buttons wired from a GPIO to
 * ground: the Pi's own chip, active low, pull-up, and BCM GPIO 5 (up),
 * 6 (down), 13 (select), 19 (back), 26 (help): pins 29 to 37, beside the
 * ground pins 30, 34 and 39 (docs/gpio.md).
 */
void uk_gpio_config_defaults(uk_gpio_config *cfg);

/*
 * Parses a wiring list such as "up=5,down=6,select=13,back=19,help=26" into
 * cfg->line: actions it names get those offsets, the others are not wired.
 * Returns 0, or -1 with a sentence in `error` naming the list and errno
 * EINVAL (cfg unchanged). The caller owns `error`.
 */
int uk_gpio_parse_lines(const char *text, uk_gpio_config *cfg, char *error, size_t error_len);

/*
 * True when SELECT is the only button wired in cfg->line: one switch,
 * which the kiosk can only be used with by scanning (app/core/scan.h).
 * Says nothing of cfg->enabled.
 */
bool uk_gpio_single_switch(const uk_gpio_config *cfg);

/* "pull-up", "pull-down", "disabled", "as-is"; "?" if unknown. Static storage, never rewritten. */
const char *uk_gpio_bias_name(uk_gpio_bias bias);

typedef struct uk_gpio uk_gpio;

/*
 * Starts watching the buttons: returns at once, before any chip is opened;
 * the reader thread pushes edges into `queue` (borrowed: it must outlive
 * the gpio) and reports every change of state through `report`, one
 * sentence without "unknot: " (called from the reader thread, and from
 * uk_gpio_close; NULL writes "unknot: buttons: ..." to stderr). Faults of
 * the chip and its lines never fail this call: they are reported, kept in
 * the status and retried (platform/system/error.h, rule 4). Without GPIO
 * support, or with cfg->enabled false or no line wired, no thread starts
 * and the status says why. Returns NULL only when out of memory or
 * threads, with errno set (ENOMEM, EAGAIN, EMFILE). Close with
 * uk_gpio_close.
 */
uk_gpio *uk_gpio_open(const uk_gpio_config *cfg, uk_edge_queue *queue,
                      void (*report)(void *ctx, const char *message), void *report_ctx);

/* Stops the reader thread (it wakes at once), joins it, releases the lines. Accepts NULL. */
void uk_gpio_close(uk_gpio *gpio);

/*
 * The state for an admin or button-test page: ok, no chip, failed (both
 * retrying) and the last message, copied into the caller's `out`. Any
 * thread.
 */
void uk_gpio_status(uk_gpio *gpio, uk_button_hw *out);

/* Incremented on every change of state: poll it to redraw a status page. */
unsigned uk_gpio_generation(uk_gpio *gpio);

#endif
