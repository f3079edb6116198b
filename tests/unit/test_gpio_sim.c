/*
 * test_gpio_sim.c: the GPIO reader against a chip the kernel simulates
 * (gpio-sim, configfs), the way a USB GPIO expander comes and goes.
 *
 *   1. the kiosk starts before the chip exists: "no chip", said once;
 *   2. the chip appears: picked up by the retries, without a restart;
 *   3. a line pulled low is a press (active low, pull-up), pulled high a
 *      release, each an edge in the queue;
 *   4. a second reader on the same lines is told who holds them;
 *   5. the chip goes away: every button is released, "went away" is said
 *      once; it comes back: picked up again;
 *   6. closed while it watches the lines, it stops at once.
 *
 * Needs root and the gpio-sim module (CONFIG_GPIO_SIM); without them it
 * exits 77 (skipped), as on a build machine or in a container.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/input/edge_queue.h"
#include "platform/input/gpio.h"
#include "platform/input/gpio_backend.h"
#include "tests/fixtures/gpio_fixtures.h"

#define CONFIGFS "/sys/kernel/config/gpio-sim"

static char dev_dir[128], bank_dir[160], label[64];

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int read_text(const char *path, char *out, size_t len)
{
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    char *got = fgets(out, (int)len, file);
    fclose(file);
    if (!got)
        return -1;
    out[strcspn(out, "\n")] = '\0';
    return 0;
}

static void remove_sim(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/live", dev_dir);
    write_text(path, "0");
    rmdir(bank_dir);
    rmdir(dev_dir);
}

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL: " __VA_ARGS__);                                                 \
            fprintf(stderr, "\n");                                                                 \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)

static void set_live(bool live)
{
    char path[256];
    snprintf(path, sizeof path, "%s/live", dev_dir);
    CHECK(write_text(path, live ? "1" : "0") == 0, "cannot write %s: %s", path, strerror(errno));
}

/* Waits up to 10 s for the state; returns its message. */
static void wait_state(uk_gpio *gpio, uk_button_hw_state state, uk_button_hw *hw)
{
    for (int i = 0; i < 2000; i++) {
        uk_gpio_status(gpio, hw);
        if (hw->state == state)
            return;
        sleep_ms(5);
    }
    CHECK(false, "state %s, not %s, after 10 s: %s", uk_buttons_hw_state_name(hw->state),
          uk_buttons_hw_state_name(state), hw->message);
}

/* Waits up to 5 s for an edge of `kind` on `button` in the queue. */
static void wait_edge(uk_edge_queue *queue, uk_action button, uk_edge_kind kind)
{
    for (int i = 0; i < 1000; i++) {
        uk_edge edges[16];
        size_t n = uk_edge_queue_take(queue, edges, 16);
        for (size_t j = 0; j < n; j++)
            if (edges[j].button == button && edges[j].kind == kind)
                return;
        sleep_ms(5);
    }
    CHECK(false, "no edge %d on %s within 5 s", (int)kind, uk_action_name(button));
}

static void pull(const char *sim_dir, unsigned line, const char *how)
{
    char path[512];
    snprintf(path, sizeof path, "%s/sim_gpio%u/pull", sim_dir, line);
    CHECK(write_text(path, how) == 0, "cannot write %s: %s", path, strerror(errno));
}

static uk_gpio *open_gpio(uk_edge_queue *queue, reports *r)
{
    uk_gpio_config cfg;
    uk_gpio_config_defaults(&cfg);
    snprintf(cfg.chip, sizeof cfg.chip, "%s", label);
    char error[128];
    CHECK(uk_gpio_parse_lines("up=0,down=1,select=2,back=3,help=4", &cfg, error, sizeof error) == 0,
          "%s", error);
    cfg.retry_ms = 50;
    uk_gpio *gpio = uk_gpio_open(&cfg, queue, count_report, r);
    CHECK(gpio, "uk_gpio_open");
    return gpio;
}

int main(void)
{
    if (!uk_gpio_backend_version()) {
        puts("SKIP: built without GPIO support");
        return 77;
    }
    if (access(CONFIGFS, F_OK) != 0) {
        if (system("modprobe gpio-sim >/dev/null 2>&1") != 0) {
            /* not fatal: the mount below may still find it built in */
        }
        if (access("/sys/kernel/config", F_OK) == 0 &&
            system("mountpoint -q /sys/kernel/config || "
                   "mount -t configfs none /sys/kernel/config >/dev/null 2>&1") != 0) {
            /* checked next */
        }
    }
    if (access(CONFIGFS, W_OK) != 0) {
        puts("SKIP: no gpio-sim here (it needs root and CONFIG_GPIO_SIM: modprobe gpio-sim)");
        return 77;
    }

    snprintf(dev_dir, sizeof dev_dir, "%s/unknot-test-%ld", CONFIGFS, (long)getpid());
    snprintf(bank_dir, sizeof bank_dir, "%s/bank0", dev_dir);
    snprintf(label, sizeof label, "unknot-sim-%ld", (long)getpid());
    char path[512];
    if (mkdir(dev_dir, 0755) != 0 || mkdir(bank_dir, 0755) != 0) {
        printf("SKIP: cannot create a simulated chip in %s: %s\n", CONFIGFS, strerror(errno));
        rmdir(dev_dir);
        return 77;
    }
    atexit(remove_sim);
    snprintf(path, sizeof path, "%s/num_lines", bank_dir);
    CHECK(write_text(path, "8") == 0, "cannot write %s", path);
    snprintf(path, sizeof path, "%s/label", bank_dir);
    CHECK(write_text(path, label) == 0, "cannot write %s", path);

    reports r;
    reports_init(&r);
    uk_edge_queue *queue = uk_edge_queue_new(NULL, NULL);
    CHECK(queue, "out of memory");

    /* 1. Started before the chip exists. */
    uk_gpio *gpio = open_gpio(queue, &r);
    uk_button_hw hw;
    wait_state(gpio, UK_BUTTON_HW_NO_CHIP, &hw);
    CHECK(strstr(hw.message, label), "the message does not name %s: %s", label, hw.message);
    sleep_ms(300); /* several retries */
    CHECK(report_count(&r) == 1, "%u reports while the chip was missing", report_count(&r));

    /* 2. It appears. */
    set_live(true);
    wait_state(gpio, UK_BUTTON_HW_OK, &hw);
    CHECK(report_count(&r) == 2, "%u reports", report_count(&r));
    char dev_name[64], chip_name[64], sim_dir[256];
    snprintf(path, sizeof path, "%s/dev_name", dev_dir);
    CHECK(read_text(path, dev_name, sizeof dev_name) == 0, "cannot read %s", path);
    snprintf(path, sizeof path, "%s/chip_name", bank_dir);
    CHECK(read_text(path, chip_name, sizeof chip_name) == 0, "cannot read %s", path);
    snprintf(sim_dir, sizeof sim_dir, "/sys/devices/platform/%s/%s", dev_name, chip_name);
    CHECK(strcmp(hw.chip, chip_name) == 0, "found %s, simulated %s", hw.chip, chip_name);

    /* 3. Pressed (pulled to ground) and released. */
    pull(sim_dir, 2, "pull-down");
    wait_edge(queue, UK_ACTION_SELECT, UK_EDGE_RISING);
    pull(sim_dir, 2, "pull-up");
    wait_edge(queue, UK_ACTION_SELECT, UK_EDGE_FALLING);

    /* 4. The lines are taken: a second reader says by whom. */
    reports r2;
    reports_init(&r2);
    uk_edge_queue *queue2 = uk_edge_queue_new(NULL, NULL);
    uk_gpio *second = open_gpio(queue2, &r2);
    uk_button_hw busy;
    wait_state(second, UK_BUTTON_HW_FAILED, &busy);
    CHECK(strstr(busy.message, "is used by \"unknot\""), "busy message: %s", busy.message);
    uk_gpio_close(second);
    uk_edge_queue_free(queue2);

    /* 5. Unplugged, and back. */
    set_live(false);
    wait_state(gpio, UK_BUTTON_HW_NO_CHIP, &hw);
    CHECK(strstr(hw.message, "went away"), "lost message: %s", hw.message);
    wait_edge(queue, UK_ACTION_SELECT, UK_EDGE_LEVEL_DOWN);
    sleep_ms(300);
    CHECK(report_count(&r) == 3, "%u reports after the chip went away", report_count(&r));
    set_live(true);
    wait_state(gpio, UK_BUTTON_HW_OK, &hw);
    CHECK(report_count(&r) == 4, "%u reports after it came back", report_count(&r));

    /* 6. Closed while watching the lines (a 5 s poll): the close wakes it at once. */
    struct timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    uk_gpio_close(gpio);
    clock_gettime(CLOCK_MONOTONIC, &after);
    double took =
        (double)(after.tv_sec - before.tv_sec) + (double)(after.tv_nsec - before.tv_nsec) / 1e9;
    CHECK(took < 1, "closing a reader watching its lines took %.1f s", took);
    uk_edge_queue_free(queue);
    puts("PASS: test_gpio_sim");
    return 0;
}
