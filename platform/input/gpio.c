/*
 * gpio.c: the reader thread, chip lookup, retries and messages, for any
 * libgpiod backend (gpio_backend.h).
 *
 * The thread's life, each step on its own with nothing shared but the edge
 * queue and the status behind `lock`:
 *   1. find the chip (a path, a name, a number, a label, or a Raspberry
 *      Pi's own), request the wired lines, read their levels;
 *   2. say "ok" and poll the lines' fds and the stop eventfd; every edge
 *      goes into the queue with a CLOCK_MONOTONIC stamp. Every CHECK_MS
 *      without an edge the lines are read once, which notices a chip gone
 *      on kernels that do not report POLLHUP;
 *   3. on any fault, say what and how to fix it, once (the same message is
 *      not repeated), release every button, wait retry_ms on the stop
 *      eventfd, and go back to 1.
 * uk_gpio_close writes to the eventfd; the thread sees it in either poll
 * and returns, and the close joins it.
 */
#include "platform/input/gpio.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "platform/input/gpio_backend.h"
#include "platform/system/error.h"

#define CHECK_MS   5000
#define READ_EDGES 64

/* A Raspberry Pi's own chip, by label, newest first; then the first chip. */
static const char *const pi_labels[] = {"pinctrl-rp1", "pinctrl-bcm2711", "pinctrl-bcm2835"};
static const char pi_fallback[] = "gpiochip0";

struct uk_gpio {
    uk_gpio_config cfg;
    uk_edge_queue *queue;
    void (*report)(void *ctx, const char *message);
    void *report_ctx;
    char user[64];
    int stop_fd;
    pthread_t thread;
    bool thread_started;

    pthread_mutex_t lock; /* guards hw and generation */
    uk_button_hw hw;
    unsigned generation;

    /* The reader thread's own. */
    uk_gpio_chip *chip;
    bool lost;                          /* the chip went away: "not found" is no news */
    size_t count;                       /* wired lines */
    unsigned offsets[UK_ACTION_COUNT];  /* their offsets, in request order */
    uk_action actions[UK_ACTION_COUNT]; /* and what each is for */
};

/* ---- configuration ---------------------------------------------------------- */

void uk_gpio_config_defaults(uk_gpio_config *cfg)
{
    *cfg = (uk_gpio_config){.enabled = true,
                            .chip = "",
                            .active_low = true,
                            .bias = UK_GPIO_BIAS_PULL_UP,
                            .retry_ms = 3000};
    cfg->line[UK_ACTION_NONE] = -1;
    cfg->line[UK_ACTION_UP] = 5;
    cfg->line[UK_ACTION_DOWN] = 6;
    cfg->line[UK_ACTION_SELECT] = 13;
    cfg->line[UK_ACTION_BACK] = 19;
    cfg->line[UK_ACTION_HELP] = 26;
    uk_buttons_config_defaults(&cfg->buttons);
}

int uk_gpio_parse_lines(const char *text, uk_gpio_config *cfg, char *error, size_t error_len)
{
    int line[UK_ACTION_COUNT];
    for (int i = 0; i < UK_ACTION_COUNT; i++)
        line[i] = -1;
    const char *p = text;
    while (*p) {
        size_t len = strcspn(p, ",");
        char item[64];
        if (len == 0 || len >= sizeof item)
            return uk_error_set(error, error_len, EINVAL, "'%.*s' in '%s' is not ACTION=LINE",
                                (int)len, p, text);
        memcpy(item, p, len);
        item[len] = '\0';
        char *equals = strchr(item, '=');
        char *end = NULL;
        long offset = -1;
        if (equals) {
            *equals = '\0';
            offset = strtol(equals + 1, &end, 10);
        }
        uk_action action = uk_action_from_name(item);
        if (!equals || action == UK_ACTION_NONE || end == equals + 1 || *end != '\0' ||
            offset < 0 || offset > 511)
            return uk_error_set(error, error_len, EINVAL,
                                "'%.*s' in '%s' is not ACTION=LINE (actions: up, down, select, "
                                "back, help; lines: 0 to 511)",
                                (int)len, p, text);
        if (line[action] >= 0)
            return uk_error_set(error, error_len, EINVAL, "'%s' names %s twice", text,
                                uk_action_name(action));
        for (int i = 1; i < UK_ACTION_COUNT; i++)
            if (line[i] == (int)offset)
                return uk_error_set(error, error_len, EINVAL,
                                    "'%s' wires line %ld to both %s and %s", text, offset,
                                    uk_action_name((uk_action)i), uk_action_name(action));
        line[action] = (int)offset;
        p += len;
        if (*p == ',')
            p++;
    }
    memcpy(cfg->line, line, sizeof line);
    return 0;
}

bool uk_gpio_single_switch(const uk_gpio_config *cfg)
{
    for (int i = UK_ACTION_NONE + 1; i < UK_ACTION_COUNT; i++)
        if ((cfg->line[i] >= 0) != (i == UK_ACTION_SELECT))
            return false;
    return true;
}

static const char *const bias_names[] = {
    [UK_GPIO_BIAS_PULL_UP] = "pull-up",
    [UK_GPIO_BIAS_PULL_DOWN] = "pull-down",
    [UK_GPIO_BIAS_DISABLED] = "disabled",
    [UK_GPIO_BIAS_AS_IS] = "as-is",
};

const char *uk_gpio_bias_name(uk_gpio_bias bias)
{
    return (unsigned)bias < sizeof bias_names / sizeof bias_names[0] ? bias_names[bias] : "?";
}

/* ---- messages --------------------------------------------------------------- */

void uk_gpio_problem_text(const uk_gpio_problem *p, char *out, size_t out_len)
{
    const char *action = uk_action_name(p->action);
    const char *path = p->path ? p->path : p->chip;
    switch (p->fault) {
    case UK_GPIO_FAULT_NO_CHIP:
        snprintf(out, out_len,
                 "no GPIO chip %s (%s does not exist): gpiodetect lists the chips, set the "
                 "right one with --gpio-chip; the buttons start working as soon as it appears",
                 p->chip, path);
        break;
    case UK_GPIO_FAULT_NO_LABEL:
        snprintf(out, out_len,
                 "no GPIO chip labelled %s (found: %s): gpiodetect lists the chips, set the right "
                 "one with --gpio-chip; the buttons start working as soon as it appears",
                 p->chip, p->seen && *p->seen ? p->seen : "none");
        break;
    case UK_GPIO_FAULT_NO_PI_CHIP:
        snprintf(
            out, out_len,
            "no Raspberry Pi GPIO chip found (looked for pinctrl-rp1 on a Pi 5, "
            "pinctrl-bcm2711 on a Pi 4, pinctrl-bcm2835 and gpiochip0; found: %s): set "
            "--gpio-chip (gpiodetect lists the chips), or --no-gpio where there are no buttons",
            p->seen && *p->seen ? p->seen : "none");
        break;
    case UK_GPIO_FAULT_PERMISSION:
        snprintf(out, out_len,
                 "no permission to use GPIO chip %s (%s: %s): add the user to group gpio "
                 "(sudo usermod -aG gpio %s) and restart unknot",
                 p->chip, path, strerror(p->err), p->user && *p->user ? p->user : "unknot");
        break;
    case UK_GPIO_FAULT_NOT_A_CHIP:
        snprintf(out, out_len,
                 "%s is not a GPIO chip (%s): gpiodetect lists the chips, set the right one "
                 "with --gpio-chip",
                 path, strerror(p->err));
        break;
    case UK_GPIO_FAULT_OPEN:
        snprintf(out, out_len, "cannot open GPIO chip %s (%s): %s", p->chip, path,
                 strerror(p->err));
        break;
    case UK_GPIO_FAULT_NO_LINE:
        snprintf(out, out_len,
                 "line %u (for %s) does not exist on %s, which has lines 0 to %u: fix "
                 "--gpio-lines",
                 p->line, action, p->chip, p->line_count ? p->line_count - 1 : 0);
        break;
    case UK_GPIO_FAULT_BUSY:
        if (p->consumer && *p->consumer)
            snprintf(out, out_len,
                     "line %u of %s (for %s) is used by \"%s\": stop it or free the line (a "
                     "dtoverlay in /boot/firmware/config.txt can hold lines), or wire %s to "
                     "another line with --gpio-lines; gpioinfo %s shows who holds what",
                     p->line, p->chip, action, p->consumer, action, p->chip);
        else
            snprintf(out, out_len,
                     "line %u of %s (for %s) is used by another program or the kernel: free "
                     "it, or wire %s to another line with --gpio-lines; gpioinfo %s shows who "
                     "holds what",
                     p->line, p->chip, action, action, p->chip);
        break;
    case UK_GPIO_FAULT_REQUEST:
        snprintf(out, out_len,
                 "the kernel refused line %u of %s (for %s) as a %s input with edge events: "
                 "%s (kernels before 5.5 know no bias: try --gpio-bias as-is)",
                 p->line, p->chip, action, uk_gpio_bias_name(p->bias), strerror(p->err));
        break;
    case UK_GPIO_FAULT_LOST:
        snprintf(out, out_len,
                 "GPIO chip %s went away (%s): every button is released, and the buttons "
                 "work again as soon as it comes back",
                 p->chip, strerror(p->err));
        break;
    }
}

uint64_t uk_gpio_stamp_to_mono(uint64_t stamp_ns, uint64_t mono_now_ns, uint64_t real_now_ns)
{
    uint64_t to_mono = stamp_ns > mono_now_ns ? stamp_ns - mono_now_ns : mono_now_ns - stamp_ns;
    uint64_t to_real = stamp_ns > real_now_ns ? stamp_ns - real_now_ns : real_now_ns - stamp_ns;
    uint64_t mono = stamp_ns;
    if (to_real < to_mono) { /* a kernel before 5.7: CLOCK_REALTIME */
        uint64_t age = real_now_ns > stamp_ns ? real_now_ns - stamp_ns : 0;
        mono = age < mono_now_ns ? mono_now_ns - age : 0;
    }
    return mono < mono_now_ns ? mono : mono_now_ns;
}

/* ---- status ----------------------------------------------------------------- */

static void report_stderr(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "unknot: buttons: %s\n", message);
}

/*
 * Sets the state and its message; a change is reported once and wakes the
 * UI. The same state with the same words again (another failed retry) is
 * no news.
 */
static void set_state(uk_gpio *gpio, uk_button_hw_state state, const char *message)
{
    pthread_mutex_lock(&gpio->lock);
    bool changed = gpio->hw.state != state || strcmp(gpio->hw.message, message) != 0;
    if (changed) {
        gpio->hw.state = state;
        snprintf(gpio->hw.message, sizeof gpio->hw.message, "%s", message);
        gpio->generation++;
    }
    pthread_mutex_unlock(&gpio->lock);
    if (changed) {
        gpio->report(gpio->report_ctx, message);
        uk_edge_queue_poke(gpio->queue);
    }
}

void uk_gpio_status(uk_gpio *gpio, uk_button_hw *out)
{
    pthread_mutex_lock(&gpio->lock);
    *out = gpio->hw;
    pthread_mutex_unlock(&gpio->lock);
    out->dropped = uk_edge_queue_dropped(gpio->queue);
}

unsigned uk_gpio_generation(uk_gpio *gpio)
{
    pthread_mutex_lock(&gpio->lock);
    unsigned generation = gpio->generation;
    pthread_mutex_unlock(&gpio->lock);
    return generation;
}

/* ---- finding the chip ------------------------------------------------------- */

static bool all_digits(const char *text)
{
    return *text && strspn(text, "0123456789") == strlen(text);
}

/* Appends "name [label]" to the list of chips seen. */
static void note_seen(char *seen, size_t seen_len, const char *name, const char *label)
{
    size_t used = strlen(seen);
    if (used < seen_len)
        snprintf(seen + used, seen_len - used, "%s%s [%s]", used ? ", " : "", name, label);
}

/*
 * Opens the chip labelled `label`, looking at every /dev/gpiochip*. NULL
 * with errno ENOENT if none has it, or EACCES if some could not be looked at.
 */
static uk_gpio_chip *open_by_label(const char *label, char *seen, size_t seen_len)
{
    DIR *dev = opendir("/dev");
    if (!dev)
        return NULL;
    int denied = 0;
    uk_gpio_chip *found = NULL;
    struct dirent *entry;
    while (!found && (entry = readdir(dev))) {
        if (strncmp(entry->d_name, "gpiochip", 8) != 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "/dev/%s", entry->d_name);
        uk_gpio_chip *chip = uk_gpio_chip_open(path);
        if (!chip) {
            if (errno == EACCES || errno == EPERM)
                denied = errno;
            continue;
        }
        if (strcmp(uk_gpio_chip_label(chip), label) == 0) {
            found = chip;
        } else {
            note_seen(seen, seen_len, uk_gpio_chip_name(chip), uk_gpio_chip_label(chip));
            uk_gpio_chip_close(chip);
        }
    }
    closedir(dev);
    if (!found)
        errno = denied ? denied : ENOENT;
    return found;
}

/* Opens the chip `name` (a path, a name, a number or a label). NULL with `problem` filled. */
static uk_gpio_chip *open_named(const char *name, char *path, size_t path_len, char *seen,
                                size_t seen_len, uk_gpio_problem *problem)
{
    if (strchr(name, '/'))
        snprintf(path, path_len, "%s", name);
    else if (all_digits(name))
        snprintf(path, path_len, "/dev/gpiochip%s", name);
    else
        snprintf(path, path_len, "/dev/%s", name);

    bool by_label = !strchr(name, '/') && !all_digits(name) && strncmp(name, "gpiochip", 8) != 0 &&
                    access(path, F_OK) != 0;
    uk_gpio_chip *chip = by_label ? open_by_label(name, seen, seen_len) : uk_gpio_chip_open(path);
    if (chip)
        return chip;
    problem->err = errno;
    problem->path = by_label ? NULL : path;
    if (errno == EACCES || errno == EPERM)
        problem->fault = UK_GPIO_FAULT_PERMISSION;
    else if (errno == ENOENT)
        problem->fault = by_label ? UK_GPIO_FAULT_NO_LABEL : UK_GPIO_FAULT_NO_CHIP;
    else if (errno == ENODEV || errno == ENOTTY || errno == EINVAL)
        problem->fault = UK_GPIO_FAULT_NOT_A_CHIP;
    else
        problem->fault = UK_GPIO_FAULT_OPEN;
    return NULL;
}

/* Finds the configured chip, or a Raspberry Pi's own when none is configured. */
static uk_gpio_chip *find_chip(uk_gpio *gpio, char *path, size_t path_len, char *seen,
                               size_t seen_len, uk_gpio_problem *problem)
{
    problem->chip = gpio->cfg.chip;
    if (gpio->cfg.chip[0])
        return open_named(gpio->cfg.chip, path, path_len, seen, seen_len, problem);

    for (size_t i = 0; i < sizeof pi_labels / sizeof pi_labels[0]; i++) {
        seen[0] = '\0';
        uk_gpio_chip *chip = open_by_label(pi_labels[i], seen, seen_len);
        if (chip)
            return chip;
        if (errno == EACCES || errno == EPERM) {
            problem->chip = "/dev/gpiochip*";
            problem->fault = UK_GPIO_FAULT_PERMISSION;
            problem->err = errno;
            return NULL;
        }
    }
    problem->chip = pi_fallback;
    uk_gpio_chip *chip = open_named(pi_fallback, path, path_len, seen, seen_len, problem);
    if (!chip && (problem->fault == UK_GPIO_FAULT_NO_CHIP))
        problem->fault = UK_GPIO_FAULT_NO_PI_CHIP;
    return chip;
}

/* ---- the reader thread ------------------------------------------------------ */

static void push_levels(uk_gpio *gpio, const bool *active)
{
    uint64_t now = uk_edge_queue_clock_ns();
    for (size_t i = 0; i < gpio->count; i++) {
        uk_edge edge = {gpio->actions[i],
                        active && active[i] ? UK_EDGE_LEVEL_UP : UK_EDGE_LEVEL_DOWN, now};
        uk_edge_queue_push(gpio->queue, &edge);
    }
}

static void describe_ok(uk_gpio *gpio, uk_gpio_chip *chip, char *out, size_t out_len)
{
    int n = snprintf(out, out_len, "buttons on %s [%s]:", uk_gpio_chip_name(chip),
                     uk_gpio_chip_label(chip));
    for (size_t i = 0; i < gpio->count && n > 0 && (size_t)n < out_len; i++)
        n += snprintf(out + n, out_len - (size_t)n, " %s=%u", uk_action_name(gpio->actions[i]),
                      gpio->offsets[i]);
    if (n > 0 && (size_t)n < out_len)
        snprintf(out + n, out_len - (size_t)n, " (%s, %s)",
                 gpio->cfg.active_low ? "active low" : "active high",
                 uk_gpio_bias_name(gpio->cfg.bias));
}

/* Step 1: open the chip and request the lines. 0, or -1 with the fault reported. */
static int open_lines(uk_gpio *gpio)
{
    char path[300] = "", seen[200] = "", message[UK_BUTTON_HW_TEXT];
    uk_gpio_problem problem = {.user = gpio->user, .bias = gpio->cfg.bias};
    pthread_mutex_lock(&gpio->lock);
    gpio->hw.attempts++;
    pthread_mutex_unlock(&gpio->lock);

    uk_gpio_chip *chip = find_chip(gpio, path, sizeof path, seen, sizeof seen, &problem);
    if (!chip) {
        problem.seen = seen;
        uk_gpio_problem_text(&problem, message, sizeof message);
        bool absent = problem.fault == UK_GPIO_FAULT_NO_CHIP ||
                      problem.fault == UK_GPIO_FAULT_NO_LABEL ||
                      problem.fault == UK_GPIO_FAULT_NO_PI_CHIP;
        if (!(absent && gpio->lost)) /* "went away" already says it */
            set_state(gpio, absent ? UK_BUTTON_HW_NO_CHIP : UK_BUTTON_HW_FAILED, message);
        return -1;
    }
    problem.chip = uk_gpio_chip_name(chip);
    problem.path = NULL;

    int failed = -1;
    bool refused = false;
    unsigned line_count = uk_gpio_chip_line_count(chip);
    for (size_t i = 0; i < gpio->count && failed < 0; i++)
        if (gpio->offsets[i] >= line_count)
            failed = (int)i;
    if (failed >= 0) {
        refused = true;
        problem.fault = UK_GPIO_FAULT_NO_LINE;
        problem.line_count = line_count;
    } else if (uk_gpio_chip_request(chip, gpio->offsets, gpio->count, gpio->cfg.active_low,
                                    gpio->cfg.bias, &failed) != 0) {
        refused = true;
        problem.err = errno;
        problem.fault = errno == EBUSY                      ? UK_GPIO_FAULT_BUSY
                        : errno == EACCES || errno == EPERM ? UK_GPIO_FAULT_PERMISSION
                                                            : UK_GPIO_FAULT_REQUEST;
    }
    if (refused) {
        char consumer[64] = "";
        size_t at = failed >= 0 ? (size_t)failed : 0;
        problem.line = gpio->offsets[at];
        problem.action = gpio->actions[at];
        if (problem.fault == UK_GPIO_FAULT_BUSY)
            uk_gpio_chip_consumer(chip, problem.line, consumer, sizeof consumer);
        problem.consumer = consumer;
        uk_gpio_problem_text(&problem, message, sizeof message);
        uk_gpio_chip_close(chip);
        set_state(gpio, UK_BUTTON_HW_FAILED, message);
        return -1;
    }

    bool active[UK_ACTION_COUNT] = {false};
    if (uk_gpio_chip_levels(chip, active) != 0)
        memset(active, 0, sizeof active);
    push_levels(gpio, active);
    gpio->chip = chip;
    pthread_mutex_lock(&gpio->lock);
    snprintf(gpio->hw.chip, sizeof gpio->hw.chip, "%s", uk_gpio_chip_name(chip));
    snprintf(gpio->hw.chip_label, sizeof gpio->hw.chip_label, "%s", uk_gpio_chip_label(chip));
    pthread_mutex_unlock(&gpio->lock);
    describe_ok(gpio, chip, message, sizeof message);
    gpio->lost = false;
    set_state(gpio, UK_BUTTON_HW_OK, message);
    return 0;
}

/* Reads the edges waiting on fd `which` into the queue. 0, or -1 with errno. */
static int read_edges(uk_gpio *gpio, size_t which)
{
    uk_gpio_raw raw[READ_EDGES];
    int n = uk_gpio_chip_read(gpio->chip, which, raw, READ_EDGES);
    if (n < 0)
        return -1;
    struct timespec real;
    clock_gettime(CLOCK_REALTIME, &real);
    uint64_t mono_now = uk_edge_queue_clock_ns();
    uint64_t real_now = (uint64_t)real.tv_sec * 1000000000ull + (uint64_t)real.tv_nsec;
    for (int i = 0; i < n; i++) {
        if (raw[i].index >= gpio->count)
            continue;
        uk_edge edge = {gpio->actions[raw[i].index],
                        raw[i].rising ? UK_EDGE_RISING : UK_EDGE_FALLING,
                        uk_gpio_stamp_to_mono(raw[i].ts_ns, mono_now, real_now)};
        uk_edge_queue_push(gpio->queue, &edge);
    }
    pthread_mutex_lock(&gpio->lock);
    gpio->hw.edges += (unsigned long)n;
    pthread_mutex_unlock(&gpio->lock);
    return 0;
}

/* Step 2: poll until stopped (returns 1) or the chip fails (returns 0, errno set). */
static int watch(uk_gpio *gpio)
{
    struct pollfd fds[UK_ACTION_COUNT + 1];
    int line_fds[UK_ACTION_COUNT];
    size_t nfds = uk_gpio_chip_fds(gpio->chip, line_fds, UK_ACTION_COUNT);
    for (size_t i = 0; i < nfds; i++)
        fds[i] = (struct pollfd){.fd = line_fds[i], .events = POLLIN};
    fds[nfds] = (struct pollfd){.fd = gpio->stop_fd, .events = POLLIN};

    for (;;) {
        int ready = poll(fds, nfds + 1, CHECK_MS);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return 0;
        }
        if (fds[nfds].revents)
            return 1;
        if (ready == 0) {
            bool active[UK_ACTION_COUNT];
            if (uk_gpio_chip_levels(gpio->chip, active) != 0)
                return 0; /* gone without a word */
            continue;
        }
        for (size_t i = 0; i < nfds; i++) {
            if ((fds[i].revents & POLLIN) && read_edges(gpio, i) != 0)
                return 0;
            if (fds[i].revents & (POLLERR | POLLHUP | POLLNVAL)) {
                errno = ENODEV;
                return 0;
            }
        }
    }
}

/* Step 3's pause. Returns true if asked to stop. */
static bool wait_or_stop(uk_gpio *gpio, uint32_t ms)
{
    struct pollfd fd = {.fd = gpio->stop_fd, .events = POLLIN};
    int ready;
    do
        ready = poll(&fd, 1, ms > 0x7fffffff ? 0x7fffffff : (int)ms);
    while (ready < 0 && errno == EINTR);
    return ready > 0;
}

static void *reader_main(void *arg)
{
    uk_gpio *gpio = arg;
    for (;;) {
        if (open_lines(gpio) == 0) {
            bool stop = watch(gpio) == 1;
            int err = errno;
            push_levels(gpio, NULL); /* nobody can be holding a button that is gone */
            char name[UK_GPIO_CHIP_MAX];
            snprintf(name, sizeof name, "%s", uk_gpio_chip_name(gpio->chip));
            uk_gpio_chip_close(gpio->chip);
            gpio->chip = NULL;
            if (stop)
                break;
            char message[UK_BUTTON_HW_TEXT];
            uk_gpio_problem problem = {.fault = UK_GPIO_FAULT_LOST, .err = err, .chip = name};
            uk_gpio_problem_text(&problem, message, sizeof message);
            set_state(gpio, UK_BUTTON_HW_NO_CHIP, message);
            gpio->lost = true;
        }
        if (wait_or_stop(gpio, gpio->cfg.retry_ms))
            break;
    }
    return NULL;
}

/* ---- open and close --------------------------------------------------------- */

static void user_name(char *out, size_t out_len)
{
    struct passwd entry, *found = NULL;
    char buf[1024];
    if (getpwuid_r(geteuid(), &entry, buf, sizeof buf, &found) == 0 && found)
        snprintf(out, out_len, "%s", found->pw_name);
    else
        snprintf(out, out_len, "unknot");
}

/* Records the state without a thread: off, or built without GPIO. */
static void set_quiet_state(uk_gpio *gpio, uk_button_hw_state state, const char *message)
{
    gpio->hw.state = state;
    snprintf(gpio->hw.message, sizeof gpio->hw.message, "%s", message);
}

uk_gpio *uk_gpio_open(const uk_gpio_config *cfg, uk_edge_queue *queue,
                      void (*report)(void *ctx, const char *message), void *report_ctx)
{
    uk_gpio *gpio = calloc(1, sizeof *gpio);
    if (!gpio)
        return NULL;
    gpio->cfg = *cfg;
    gpio->queue = queue;
    gpio->report = report ? report : report_stderr;
    gpio->report_ctx = report_ctx;
    gpio->stop_fd = -1;
    int err = pthread_mutex_init(&gpio->lock, NULL);
    if (err != 0)
        goto err_free;
    user_name(gpio->user, sizeof gpio->user);

    for (int i = UK_ACTION_NONE + 1; i < UK_ACTION_COUNT; i++) {
        gpio->hw.offset[i] = cfg->enabled ? cfg->line[i] : -1;
        if (cfg->enabled && cfg->line[i] >= 0) {
            gpio->offsets[gpio->count] = (unsigned)cfg->line[i];
            gpio->actions[gpio->count++] = (uk_action)i;
        }
    }
    gpio->hw.offset[UK_ACTION_NONE] = -1;
    snprintf(gpio->hw.chip, sizeof gpio->hw.chip, "%s", cfg->chip[0] ? cfg->chip : "auto");
    const char *version = uk_gpio_backend_version();
    if (version)
        snprintf(gpio->hw.backend, sizeof gpio->hw.backend, "libgpiod %s", version);

    if (!cfg->enabled) {
        set_quiet_state(gpio, UK_BUTTON_HW_OFF, "GPIO buttons are off (--no-gpio)");
        return gpio;
    }
    if (gpio->count == 0) {
        set_quiet_state(gpio, UK_BUTTON_HW_OFF, "no button is wired to a GPIO line");
        return gpio;
    }
    if (!version) {
        set_quiet_state(gpio, UK_BUTTON_HW_UNSUPPORTED,
                        "this unknot was built without GPIO support (-DUNKNOT_GPIO=OFF, or "
                        "libgpiod-dev missing at build time): buttons do not work, touch and keys "
                        "do; install libgpiod-dev and rebuild, or start with --no-gpio");
        gpio->report(gpio->report_ctx, gpio->hw.message);
        return gpio;
    }

    set_quiet_state(gpio, UK_BUTTON_HW_STARTING, "looking for the GPIO chip");
    gpio->stop_fd = eventfd(0, EFD_CLOEXEC);
    if (gpio->stop_fd < 0) {
        err = errno;
        goto err_destroy_lock;
    }
    err = pthread_create(&gpio->thread, NULL, reader_main, gpio);
    if (err != 0)
        goto err_close_stop_fd;
    gpio->thread_started = true;
    return gpio;

err_close_stop_fd:
    close(gpio->stop_fd);
err_destroy_lock:
    pthread_mutex_destroy(&gpio->lock);
err_free:
    free(gpio);
    errno = err;
    return NULL;
}

void uk_gpio_close(uk_gpio *gpio)
{
    if (!gpio)
        return;
    if (gpio->thread_started) {
        uint64_t one = 1; /* an eventfd write only fails at a count of 2^64 - 1 */
        if (write(gpio->stop_fd, &one, sizeof one) != (ssize_t)sizeof one) {
            char message[128];
            snprintf(message, sizeof message, "stopping the GPIO reader: %s", strerror(errno));
            gpio->report(gpio->report_ctx, message);
        }
        pthread_join(gpio->thread, NULL);
    }
    if (gpio->stop_fd >= 0)
        close(gpio->stop_fd);
    pthread_mutex_destroy(&gpio->lock);
    free(gpio);
}
