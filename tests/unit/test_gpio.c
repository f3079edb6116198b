/*
 * test_gpio.c: the GPIO side of the buttons, with the real libgpiod backend
 * this build was made with, on a machine that may have no GPIO chip.
 *
 * What a person sees when something is wrong is checked for every fault
 * through the message texts; the ones this machine can cause for real (no
 * chip, not a chip) go through the reader thread: it says so once, keeps
 * retrying, and stops at once when closed, even a minute from its next try. The wiring options and
 * the edge queue between the threads are checked here too. A chip appearing and going away is
 * test_gpio_sim's, where the kernel can simulate one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <glob.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform/input/edge_queue.h"
#include "platform/input/gpio.h"
#include "platform/input/gpio_backend.h"
#include "tests/fixtures/gpio_fixtures.h"

/* ---- helpers ---------------------------------------------------------------- */

/* Waits (up to 10 s) until the gpio has made `attempts` attempts. */
static void wait_attempts(uk_gpio *gpio, unsigned attempts, uk_button_hw *hw)
{
    for (int i = 0; i < 2000; i++) {
        uk_gpio_status(gpio, hw);
        if (hw->attempts >= attempts)
            return;
        sleep_ms(5);
    }
    fail_msg("only %u of %u attempts in 10 s", hw->attempts, attempts);
}

static bool has_gpio_chips(void)
{
    glob_t found;
    int rc = glob("/dev/gpiochip*", 0, NULL, &found);
    globfree(&found);
    return rc == 0;
}

static void contains(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("\"%s\" does not say \"%s\"", text, part);
}

/* ---- configuration ---------------------------------------------------------- */

static void defaults_suit_a_pi_wired_to_ground(void **state)
{
    (void)state;
    uk_gpio_config cfg;
    uk_gpio_config_defaults(&cfg);
    assert_true(cfg.enabled);
    assert_string_equal(cfg.chip, ""); /* the Pi's own, by label */
    assert_true(cfg.active_low);
    assert_int_equal(cfg.bias, UK_GPIO_BIAS_PULL_UP);
    assert_int_equal(cfg.line[UK_ACTION_UP], 5);
    assert_int_equal(cfg.line[UK_ACTION_DOWN], 6);
    assert_int_equal(cfg.line[UK_ACTION_SELECT], 13);
    assert_int_equal(cfg.line[UK_ACTION_BACK], 19);
    assert_int_equal(cfg.line[UK_ACTION_HELP], 26);
    assert_int_equal(cfg.buttons.long_press_ms, 2000);
    assert_int_equal(cfg.buttons.chord_ms, 5000);
}

static void wiring_lists(void **state)
{
    (void)state;
    uk_gpio_config cfg;
    uk_gpio_config_defaults(&cfg);
    char error[256];
    assert_int_equal(uk_gpio_parse_lines("select=17", &cfg, error, sizeof error), 0);
    assert_int_equal(cfg.line[UK_ACTION_SELECT], 17);
    assert_int_equal(cfg.line[UK_ACTION_UP], -1); /* one switch: the rest not wired */
    assert_int_equal(cfg.line[UK_ACTION_HELP], -1);
    assert_int_equal(
        uk_gpio_parse_lines("UP=2,down=3,select=4,back=17,help=27", &cfg, error, sizeof error), 0);
    assert_int_equal(cfg.line[UK_ACTION_UP], 2);
    assert_int_equal(cfg.line[UK_ACTION_HELP], 27);

    const char *bad[] = {"up",           "up=",       "up=x",        "up=-1", "jump=4",
                         "up=4,,down=5", "up=4,up=5", "up=4,down=4", "up=4 "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        error[0] = '\0';
        errno = 0;
        if (uk_gpio_parse_lines(bad[i], &cfg, error, sizeof error) == 0)
            fail_msg("'%s' was accepted", bad[i]);
        assert_int_equal(errno, EINVAL);
        contains(error, bad[i]);
    }
    assert_int_equal(cfg.line[UK_ACTION_UP], 2); /* unchanged by a bad list */
    assert_int_equal(uk_gpio_parse_lines("up=4,up=5", &cfg, NULL, 0), -1); /* no words wanted */

    assert_string_equal(uk_gpio_bias_name(UK_GPIO_BIAS_PULL_DOWN), "pull-down");
    assert_string_equal(uk_gpio_bias_name(UK_GPIO_BIAS_DISABLED), "disabled");
    assert_string_equal(uk_gpio_bias_name(UK_GPIO_BIAS_AS_IS), "as-is");
}

/* Select alone is one switch: the kiosk then scans. Any other wiring is not. */
static void select_alone_is_a_single_switch(void **state)
{
    (void)state;
    uk_gpio_config cfg;
    uk_gpio_config_defaults(&cfg);
    assert_false(uk_gpio_single_switch(&cfg)); /* all five */
    char error[256];
    assert_int_equal(uk_gpio_parse_lines("select=17", &cfg, error, sizeof error), 0);
    assert_true(uk_gpio_single_switch(&cfg));
    cfg.enabled = false; /* the wiring is the question, not whether it is read */
    assert_true(uk_gpio_single_switch(&cfg));
    assert_int_equal(uk_gpio_parse_lines("select=17,back=27", &cfg, error, sizeof error), 0);
    assert_false(uk_gpio_single_switch(&cfg));
    assert_int_equal(uk_gpio_parse_lines("up=17", &cfg, error, sizeof error), 0);
    assert_false(uk_gpio_single_switch(&cfg)); /* one switch, but not one that can choose */
    assert_int_equal(uk_gpio_parse_lines("", &cfg, error, sizeof error), 0);
    assert_false(uk_gpio_single_switch(&cfg)); /* nothing wired */
}

/* ---- messages --------------------------------------------------------------- */

static void every_fault_names_the_chip_the_line_and_the_fix(void **state)
{
    (void)state;
    char text[UK_BUTTON_HW_TEXT];
    uk_gpio_problem p = {.fault = UK_GPIO_FAULT_PERMISSION,
                         .err = EACCES,
                         .chip = "gpiochip0",
                         .path = "/dev/gpiochip0",
                         .user = "unknot"};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "/dev/gpiochip0");
    contains(text, "sudo usermod -aG gpio unknot");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_BUSY,
                          .err = EBUSY,
                          .chip = "gpiochip0",
                          .consumer = "gpio-keys",
                          .line = 17,
                          .action = UK_ACTION_BACK};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "line 17 of gpiochip0 (for back) is used by \"gpio-keys\"");
    contains(text, "--gpio-lines");
    contains(text, "gpioinfo gpiochip0");
    p.consumer = "";
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "line 17 of gpiochip0 (for back) is used by another program");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_NO_LINE,
                          .chip = "gpiochip4",
                          .line = 60,
                          .action = UK_ACTION_HELP,
                          .line_count = 54};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "line 60 (for help) does not exist on gpiochip4, which has lines 0 to 53");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_NO_CHIP,
                          .err = ENOENT,
                          .chip = "gpiochip9",
                          .path = "/dev/gpiochip9"};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "no GPIO chip gpiochip9 (/dev/gpiochip9 does not exist)");
    contains(text, "gpiodetect");

    p = (uk_gpio_problem){
        .fault = UK_GPIO_FAULT_NO_LABEL, .chip = "pinctrl-rp1", .seen = "gpiochip0 [x]"};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "no GPIO chip labelled pinctrl-rp1 (found: gpiochip0 [x])");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_NO_PI_CHIP, .seen = ""};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "pinctrl-rp1 on a Pi 5");
    contains(text, "found: none");
    contains(text, "--no-gpio");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_REQUEST,
                          .err = EINVAL,
                          .chip = "gpiochip0",
                          .line = 5,
                          .action = UK_ACTION_UP,
                          .bias = UK_GPIO_BIAS_PULL_UP};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "line 5 of gpiochip0 (for up) as a pull-up input");
    contains(text, "--gpio-bias as-is");

    p = (uk_gpio_problem){.fault = UK_GPIO_FAULT_LOST, .err = ENODEV, .chip = "gpiochip5"};
    uk_gpio_problem_text(&p, text, sizeof text);
    contains(text, "GPIO chip gpiochip5 went away");
    contains(text, "as soon as it comes back");
}

static void kernel_stamps_on_either_clock_become_monotonic(void **state)
{
    (void)state;
    uint64_t mono = 5000ull * 1000000000ull;       /* 83 minutes of uptime */
    uint64_t real = 1795427998ull * 1000000000ull; /* 2026 */
    uint64_t ago = 3000000;                        /* 3 ms */
    assert_int_equal(uk_gpio_stamp_to_mono(mono - ago, mono, real), mono - ago);
    assert_int_equal(uk_gpio_stamp_to_mono(real - ago, mono, real), mono - ago); /* Linux < 5.7 */
    assert_int_equal(uk_gpio_stamp_to_mono(mono + ago, mono, real), mono);       /* never ahead */
}

/* ---- the edge queue --------------------------------------------------------- */

static void count_wake(void *ctx)
{
    (*(unsigned *)ctx)++;
}

static void the_queue_wakes_once_per_drain_and_keeps_order(void **state)
{
    (void)state;
    unsigned wakes = 0;
    uk_edge_queue *queue = uk_edge_queue_new(count_wake, &wakes);
    assert_non_null(queue);
    for (unsigned i = 0; i < 10; i++) {
        uk_edge edge = {UK_ACTION_UP, i % 2 ? UK_EDGE_FALLING : UK_EDGE_RISING, i};
        assert_true(uk_edge_queue_push(queue, &edge));
    }
    assert_int_equal(wakes, 1); /* a burst of chatter is one wake-up */
    uk_edge out[4];
    assert_int_equal(uk_edge_queue_take(queue, out, 4), 4);
    assert_int_equal(out[0].mono_ns, 0);
    assert_int_equal(out[3].mono_ns, 3);
    uk_edge more = {UK_ACTION_DOWN, UK_EDGE_RISING, 10};
    uk_edge_queue_push(queue, &more);
    assert_int_equal(wakes, 1); /* not drained yet: the wake-up is still on its way */
    uk_edge rest[16];
    assert_int_equal(uk_edge_queue_take(queue, rest, 16), 7);
    assert_int_equal(rest[6].button, UK_ACTION_DOWN);
    uk_edge_queue_poke(queue);
    assert_int_equal(wakes, 2);
    assert_int_equal(uk_edge_queue_take(queue, rest, 16), 0);

    uk_edge_queue_free(queue);
}

/*
 * The UI stalls while Select chatters: the ring fills. Up was pressed (and
 * the press taken) before the stall and released during it; the release
 * must survive, or Up would repeat for ever. So must Select's last edge.
 */
static void a_full_queue_keeps_where_every_button_is(void **state)
{
    (void)state;
    uk_edge_queue *queue = uk_edge_queue_new(NULL, NULL);
    assert_non_null(queue);
    uk_edge press = {UK_ACTION_UP, UK_EDGE_RISING, 1};
    uk_edge taken;
    uk_edge_queue_push(queue, &press);
    assert_int_equal(uk_edge_queue_take(queue, &taken, 1), 1);

    uk_edge release = {UK_ACTION_UP, UK_EDGE_FALLING, 2};
    assert_true(uk_edge_queue_push(queue, &release));
    unsigned fitted = 1;
    for (unsigned i = 0; i < 301; i++) { /* ends pressed: an odd number of edges */
        uk_edge edge = {UK_ACTION_SELECT, i % 2 ? UK_EDGE_FALLING : UK_EDGE_RISING, 10 + i};
        fitted += uk_edge_queue_push(queue, &edge);
    }
    assert_int_equal(fitted, 256);
    assert_int_equal(uk_edge_queue_dropped(queue), 46);

    uk_edge out[256];
    assert_int_equal(uk_edge_queue_take(queue, out, 256), 256);
    assert_int_equal(out[0].button, UK_ACTION_UP); /* the release, first as it came */
    assert_int_equal(out[0].kind, UK_EDGE_FALLING);
    assert_int_equal(out[255].button, UK_ACTION_SELECT); /* the newest, Select held */
    assert_int_equal(out[255].kind, UK_EDGE_RISING);
    assert_int_equal(out[255].mono_ns, 310);
    for (size_t i = 1; i < 256; i++) /* the newest kept, in order */
        assert_int_equal(out[i].mono_ns, 55 + i);
    uk_edge_queue_free(queue);
}

/* ---- the reader thread, for real ------------------------------------------- */

typedef struct session {
    reports reports;
    uk_edge_queue *queue;
    uk_gpio *gpio;
} session;

static void open_with(session *s, const char *chip, bool enabled, uint32_t retry_ms)
{
    memset(s, 0, sizeof *s);
    reports_init(&s->reports);
    uk_gpio_config cfg;
    uk_gpio_config_defaults(&cfg);
    snprintf(cfg.chip, sizeof cfg.chip, "%s", chip);
    cfg.enabled = enabled;
    cfg.retry_ms = retry_ms;
    s->queue = uk_edge_queue_new(NULL, NULL);
    s->gpio = uk_gpio_open(&cfg, s->queue, count_report, &s->reports);
    assert_non_null(s->gpio);
}

static void close_session(session *s)
{
    uk_gpio_close(s->gpio);
    uk_edge_queue_free(s->queue);
    pthread_mutex_destroy(&s->reports.lock);
}

/*
 * Opens on `chip`, lets the reader try `attempts` times, and checks it is
 * in `state` and has said `text`, once.
 */
static void expect_said_once(const char *chip, unsigned attempts, uk_button_hw_state state,
                             const char *text)
{
    session s;
    open_with(&s, chip, true, 20); /* quick retries, to count them */
    uk_button_hw hw;
    wait_attempts(s.gpio, attempts, &hw);
    assert_int_equal(hw.state, state);
    contains(hw.message, text);
    char backend[64];
    snprintf(backend, sizeof backend, "libgpiod %s", uk_gpio_backend_version());
    assert_string_equal(hw.backend, backend);
    assert_int_equal(report_count(&s.reports), 1);
    assert_string_equal(s.reports.last, hw.message);
    close_session(&s);
}

static void a_missing_chip_is_reported_once_and_retried(void **state)
{
    (void)state;
    if (!uk_gpio_backend_version())
        skip(); /* built without GPIO: switched_off_or_built_without's case */
    char chip[32], text[128];
    for (int n = 9;; n++) {
        snprintf(chip, sizeof chip, "gpiochip%d", n);
        char path[64];
        snprintf(path, sizeof path, "/dev/%s", chip);
        if (access(path, F_OK) != 0)
            break;
    }
    snprintf(text, sizeof text, "no GPIO chip %s (/dev/%s does not exist): gpiodetect", chip, chip);
    expect_said_once(chip, 6, UK_BUTTON_HW_NO_CHIP, text); /* six attempts, one message */
}

/* Missing chip, a minute between attempts: closing wakes the reader from its wait at once. */
static void closing_stops_a_waiting_reader_at_once(void **state)
{
    (void)state;
    if (!uk_gpio_backend_version())
        skip(); /* no reader thread to stop */
    session s;
    open_with(&s, "/nonexistent/gpiochip", true, 60000);
    uk_button_hw hw;
    wait_attempts(s.gpio, 1, &hw); /* then in its wait, or about to be */
    struct timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    close_session(&s);
    clock_gettime(CLOCK_MONOTONIC, &after);
    double took =
        (double)(after.tv_sec - before.tv_sec) + (double)(after.tv_nsec - before.tv_nsec) / 1e9;
    if (took >= 1)
        fail_msg("closing took %.1f s: the reader waited out its retry", took);
}

static void something_that_is_not_a_chip(void **state)
{
    (void)state;
    if (!uk_gpio_backend_version())
        skip();
    expect_said_once("/dev/null", 2, UK_BUTTON_HW_FAILED, "/dev/null is not a GPIO chip");
}

static void no_raspberry_pi_chip(void **state)
{
    (void)state;
    if (!uk_gpio_backend_version() || has_gpio_chips())
        skip(); /* on a Pi, or with any chip, the answer differs */
    expect_said_once("", 3, UK_BUTTON_HW_NO_CHIP,
                     "no Raspberry Pi GPIO chip found (looked for pinctrl-rp1 on a Pi 5, "
                     "pinctrl-bcm2711 on a Pi 4, pinctrl-bcm2835 and gpiochip0; found: none)");
    /* A Pi 5's, asked for by label. */
    expect_said_once("pinctrl-rp1", 2, UK_BUTTON_HW_NO_CHIP,
                     "no GPIO chip labelled pinctrl-rp1 (found: none)");
}

static void switched_off_or_built_without(void **state)
{
    (void)state;
    session s;
    open_with(&s, "gpiochip0", false, 20);
    uk_button_hw hw;
    uk_gpio_status(s.gpio, &hw);
    assert_int_equal(hw.state, UK_BUTTON_HW_OFF);
    assert_int_equal(hw.offset[UK_ACTION_UP], -1);
    sleep_ms(50);
    uk_gpio_status(s.gpio, &hw);
    assert_int_equal(hw.attempts, 0);              /* no thread */
    assert_int_equal(report_count(&s.reports), 0); /* asked for silence */
    close_session(&s);

    if (uk_gpio_backend_version())
        return;
    open_with(&s, "gpiochip0", true, 20);
    uk_gpio_status(s.gpio, &hw);
    assert_int_equal(hw.state, UK_BUTTON_HW_UNSUPPORTED);
    contains(hw.message, "built without GPIO");
    assert_int_equal(report_count(&s.reports), 1);
    close_session(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_suit_a_pi_wired_to_ground),
        cmocka_unit_test(wiring_lists),
        cmocka_unit_test(select_alone_is_a_single_switch),
        cmocka_unit_test(every_fault_names_the_chip_the_line_and_the_fix),
        cmocka_unit_test(kernel_stamps_on_either_clock_become_monotonic),
        cmocka_unit_test(the_queue_wakes_once_per_drain_and_keeps_order),
        cmocka_unit_test(a_full_queue_keeps_where_every_button_is),
        cmocka_unit_test(a_missing_chip_is_reported_once_and_retried),
        cmocka_unit_test(closing_stops_a_waiting_reader_at_once),
        cmocka_unit_test(something_that_is_not_a_chip),
        cmocka_unit_test(no_raspberry_pi_chip),
        cmocka_unit_test(switched_off_or_built_without),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
