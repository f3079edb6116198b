/*
 * test_notify.c: the kiosk as systemd sees it. The test plays systemd: it
 * opens the datagram socket named by $NOTIFY_SOCKET, starts the real binary
 * headless with a watchdog, and reads what it is told:
 *   - READY=1 only after start-up, with a status a person can read;
 *   - WATCHDOG=1 again and again while the loop runs, even with nothing on
 *     screen moving;
 *   - no WATCHDOG=1 while the loop is stalled (the script verb `stall`);
 *   - STOPPING=1 on SIGTERM, exit status 0, and the session under way
 *     stored as stopped;
 *   - a usage log that cannot be written named in the status, and "ok"
 *     again once it can.
 * Times are only compared one way (a gap at least as long as a sleep that
 * certainly happened), so a slow machine cannot make the test fail.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_MESSAGES 512

typedef struct message {
    double at; /* seconds since the test started the kiosk */
    char text[512];
} message;

typedef struct harness {
    char dir[48];
    char socket_path[96];
    char db[128];
    int fd;
    pid_t pid;
    double start;
    message messages[MAX_MESSAGES];
    int count;
} harness;

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The kiosk under test, killed if a failed check ends the test before it does. */
static pid_t running_kiosk;

static void kill_running_kiosk(void)
{
    if (running_kiosk > 0)
        kill(running_kiosk, SIGKILL);
}

/*
 * Starts the kiosk under test, with `script` (NULL: none). `before`, if
 * given, runs once the folder for its files exists, before the kiosk starts.
 */
static void start(harness *h, const char *script, void (*before)(harness *h))
{
    const char *bin = getenv("UNKNOT_BIN");
    const char *assets = getenv("UNKNOT_ASSETS");
    if (!bin || !assets)
        skip(); /* run through ctest, which says where the binary is */
    snprintf(h->dir, sizeof h->dir, "/tmp/unknot-notify.XXXXXX");
    assert_non_null(mkdtemp(h->dir));
    snprintf(h->socket_path, sizeof h->socket_path, "%s/notify", h->dir);
    snprintf(h->db, sizeof h->db, "%s/usage.db", h->dir);

    h->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(h->fd >= 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", h->socket_path);
    assert_int_equal(bind(h->fd, (struct sockaddr *)&addr, sizeof addr), 0);

    char script_path[128] = "";
    if (script) {
        snprintf(script_path, sizeof script_path, "%s/script.txt", h->dir);
        FILE *file = fopen(script_path, "w");
        fputs(script, file);
        fclose(file);
    }
    if (before)
        before(h);
    h->start = seconds();
    h->pid = fork();
    assert_true(h->pid >= 0);
    if (h->pid == 0) {
        setenv("NOTIFY_SOCKET", h->socket_path, 1);
        setenv("WATCHDOG_USEC", "200000", 1); /* a ping at least every 100 ms */
        unsetenv("WATCHDOG_PID");
        setenv("UNKNOT_CONFIG", "/dev/null", 1);
        char *argv[] = {(char *)bin,
                        "--headless",
                        "--content",
                        (char *)assets,
                        "--db",
                        h->db,
                        script ? "--script" : NULL,
                        script_path,
                        NULL};
        execv(bin, argv);
        _exit(127);
    }
    running_kiosk = h->pid;
}

/* Reads messages until one contains `wanted` or `timeout` s pass. Its index, or -1. */
static int wait_for(harness *h, const char *wanted, double timeout)
{
    double until = seconds() + timeout;
    for (int i = 0; i < h->count; i++)
        if (strstr(h->messages[i].text, wanted))
            return i;
    while (seconds() < until && h->count < MAX_MESSAGES) {
        struct pollfd pfd = {.fd = h->fd, .events = POLLIN};
        if (poll(&pfd, 1, 50) <= 0)
            continue;
        message *m = &h->messages[h->count];
        ssize_t n = recv(h->fd, m->text, sizeof m->text - 1, 0);
        if (n < 0)
            continue;
        m->text[n] = '\0';
        m->at = seconds() - h->start;
        if (strstr(m->text, wanted))
            return h->count++;
        h->count++;
    }
    return -1;
}

static int count_from(const harness *h, int from, const char *wanted)
{
    int n = 0;
    for (int i = from; i < h->count; i++)
        n += strstr(h->messages[i].text, wanted) != NULL;
    return n;
}

static int finish(harness *h)
{
    int status = 0;
    assert_int_equal(waitpid(h->pid, &status, 0), h->pid);
    running_kiosk = 0;
    close(h->fd);
    unlink(h->socket_path);
    return status;
}

static void cleanup(harness *h)
{
    char path[160];
    const char *names[] = {"usage.db", "usage.db-wal", "usage.db-shm", "usage.db-journal",
                           "script.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", h->dir, names[i]);
        unlink(path);
    }
    rmdir(h->dir);
}

static char *query(const char *db_path, const char *sql)
{
    static char result[256];
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    result[0] = '\0';
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        snprintf(result, sizeof result, "%s", (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

/* ---- tests ---------------------------------------------------------------------- */

static void ready_after_start_then_pings_then_stopping(void **state)
{
    (void)state;
    static harness h;
    start(&h, NULL, NULL);

    int ready = wait_for(&h, "READY=1", 30);
    assert_true(ready >= 0);
    assert_non_null(strstr(h.messages[ready].text, "STATUS=Showing home; "));
    assert_non_null(strstr(h.messages[ready].text, " routines; usage log ok"));
    int display = wait_for(&h, "STATUS=Opening the display", 0);
    assert_true(display >= 0 && display < ready); /* the display came first, then a frame */

    /* Nothing moves on the home screen, yet the loop wakes to ping. */
    for (int pings = 0; pings < 5;) {
        int at = wait_for(&h, "WATCHDOG=1", 10);
        assert_true(at >= 0);
        h.messages[at].text[0] = '\0'; /* counted: look for the next one */
        pings++;
    }

    assert_int_equal(kill(h.pid, SIGTERM), 0);
    assert_true(wait_for(&h, "STOPPING=1", 30) >= 0);
    int status = finish(&h);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    cleanup(&h);
}

static void stalled_loop_sends_nothing_and_sigterm_stores_the_session(void **state)
{
    (void)state;
    static harness h;
    start(&h, "press back\nwait 0.5\npress select\nstall 1.5\nwait 5\n",
          NULL); /* wake, then start */

    assert_true(wait_for(&h, "READY=1", 30) >= 0);
    int stalled = wait_for(&h, "STATUS=Script stalls the loop for 1.5 s", 30);
    assert_true(stalled >= 0);
    assert_int_equal(kill(h.pid, SIGTERM), 0); /* arrives during the stall */

    int stopping = wait_for(&h, "STOPPING=1", 30);
    assert_true(stopping > stalled);
    /* No ping while stalled; the loop pings again once it runs, then stops. */
    int pings_after = 0;
    for (int i = stalled + 1; i < stopping; i++) {
        if (!strstr(h.messages[i].text, "WATCHDOG=1"))
            continue;
        assert_true(h.messages[i].at - h.messages[stalled].at >= 1.0);
        pings_after++;
    }
    assert_true(pings_after >= 1);
    assert_non_null(strstr(h.messages[stopping].text, "storing the session under way"));
    assert_int_equal(count_from(&h, stopping + 1, "READY=1"), 0);

    int status = finish(&h);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(query(h.db, "SELECT outcome FROM sessions"), "stopped");
    assert_string_equal(query(h.db, "SELECT count(*) FROM sessions"), "1");
    cleanup(&h);
}

/* Another program's lock on the usage log, held from before the kiosk starts. */
static sqlite3 *lock_holder;

static void hold_the_usage_log(harness *h)
{
    assert_int_equal(sqlite3_open(h->db, &lock_holder), SQLITE_OK);
    assert_int_equal(sqlite3_exec(lock_holder,
                                  "PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE; "
                                  "CREATE TABLE other(x);",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
}

/*
 * The usage log cannot be written (locked here; a read-only or full disk is
 * the same to the kiosk): it runs anyway, and its status says the log is
 * retrying, not "ok"; once the lock is gone, it says "ok" again.
 */
static void a_usage_log_that_cannot_be_written_shows_in_the_status(void **state)
{
    (void)state;
    static harness h;
    start(&h, NULL, hold_the_usage_log);

    int ready = wait_for(&h, "READY=1", 60);
    assert_true(ready >= 0);
    if (!strstr(h.messages[ready].text, "; usage log retrying-io"))
        fail_msg("the status with a locked usage log: %s", h.messages[ready].text);

    assert_int_equal(sqlite3_exec(lock_holder, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(lock_holder);
    lock_holder = NULL;
    assert_true(wait_for(&h, "; usage log ok", 60) > ready);

    assert_int_equal(kill(h.pid, SIGTERM), 0);
    int status = finish(&h);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    cleanup(&h);
}

int main(void)
{
    atexit(kill_running_kiosk);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ready_after_start_then_pings_then_stopping),
        cmocka_unit_test(stalled_loop_sends_nothing_and_sigterm_stores_the_session),
        cmocka_unit_test(a_usage_log_that_cannot_be_written_shows_in_the_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
