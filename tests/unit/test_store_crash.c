/*
 * test_store_crash.c: kill -9 while the usage log is being written, again
 * and again, and check that nothing reported as committed is ever lost.
 *
 * Each round forks a child that opens the store on the same file and logs
 * sessions as fast as its queue takes them. After every commit the child
 * writes the store's committed sequence number to a pipe; that is the
 * promise under test. The parent kills the child with SIGKILL at a random
 * moment, then checks with plain SQLite that PRAGMA integrity_check says
 * "ok" and that every row up to the last number the child reported is in
 * the file.
 *
 * The moment is counted from what the child has done, not from the fork:
 * seven rounds in eight wait for its first commit and then a random 0-60
 * ms more (a batch, an fsync, a checkpoint...); the eighth kills it 0-3 ms
 * after the fork (open, quick_check, a migration, retention). A machine
 * busy with other tests makes the child slower, not the test weaker: a
 * fixed delay from the fork would land ever more kills before the first
 * commit, where there is nothing to lose.
 *
 * Row i of round r is recognisable without any identifier column: its
 * start_hour is (base + r * 100000 + i) hours, in the future so that
 * retention leaves it alone.
 *
 * UK_CRASH_KILLS (default 200) and UK_CRASH_SEED change the run; the seed
 * is printed so that a failure can be replayed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "platform/usage/store.h"
#include "tests/fixtures/scratch.h"

#define ROUND_HOURS INT64_C(100000) /* hours of start_hour reserved for one round */

typedef struct crash_run {
    char dir[256];
    char db[320];
    int64_t base_hour; /* hours since 1970 of row 0 of round 0 */
    uint64_t rng;      /* xorshift state */
} crash_run;

static uint64_t next_random(crash_run *run)
{
    run->rng ^= run->rng << 13;
    run->rng ^= run->rng >> 7;
    run->rng ^= run->rng << 17;
    return run->rng;
}

static void sleep_us(long us)
{
    struct timespec ts = {.tv_sec = us / 1000000, .tv_nsec = (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static void quiet_log(void *ctx, const char *message)
{
    (void)ctx;
    (void)message;
}

/* The child: log sessions forever, reporting each new committed sequence number. */
static void child_main(const crash_run *run, int round, int fd)
{
    uk_store_options options;
    uk_store_options_defaults(&options);
    options.path = run->db;
    options.retention_days = 3650;
    options.queue_capacity = 256;
    options.log = quiet_log;
    char error[512];
    uk_store *store = uk_store_open_with(&options, error, sizeof error);
    if (store == NULL) {
        fprintf(stderr, "child: %s\n", error);
        _exit(1);
    }
    uk_session_row row = {
        .routine = "neck",
        .lang = "en",
        .duration_s = 60,
        .steps_done = 1,
        .steps_total = 3,
        .outcome = UK_OUTCOME_COMPLETED,
        .input = UK_INPUT_TOUCH,
    };
    uint64_t reported = 0;
    for (int64_t i = 1;;) {
        row.start_hour = (run->base_hour + round * ROUND_HOURS + i) * 3600;
        if (uk_store_append_session(store, &row) == 0)
            i++; /* the store numbers rows 1, 2, ... in this same order */
        else
            sleep_us(200); /* queue full: the same row again shortly */
        uk_stats_health health;
        uk_store_get_status(store, &health);
        if (health.committed_seq > reported) {
            reported = health.committed_seq;
            if (write(fd, &reported, sizeof reported) != (ssize_t)sizeof reported)
                _exit(1);
        }
        sleep_us(100); /* a brisk kiosk, not a benchmark: the file stays small */
    }
}

/*
 * Waits for the child's first report: its first commit. 0 if it died first,
 * or wrote nothing for `limit_ms` (a store that commits nothing: the test
 * fails rather than hangs).
 */
static uint64_t first_report(int fd, int limit_ms)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int n;
    while ((n = poll(&pfd, 1, limit_ms)) < 0 && errno == EINTR)
        ;
    uint64_t value = 0;
    if (n == 1 && read(fd, &value, sizeof value) != (ssize_t)sizeof value)
        value = 0;
    return value;
}

/* The last number the child reported before it died; 0 if none. */
static uint64_t read_reported(int fd)
{
    uint64_t last = 0, value;
    ssize_t n;
    while ((n = read(fd, &value, sizeof value)) == (ssize_t)sizeof value)
        last = value > last ? value : last;
    return last;
}

static void check_file(const crash_run *run, int round, uint64_t reported)
{
    /* Killed before the first child had even created the file: nothing was promised. */
    if (access(run->db, F_OK) != 0) {
        assert_int_equal(reported, 0);
        return;
    }
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(run->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);

    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    const char *answer = (const char *)sqlite3_column_text(stmt, 0);
    if (strcmp(answer, "ok") != 0)
        fail_msg("round %d: integrity_check: %s", round, answer);
    sqlite3_finalize(stmt);

    /* Killed before the first migration committed: an empty database, and no promise. */
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM sqlite_schema WHERE name = "
                                        "'sessions'",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    int has_table = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (!has_table) {
        assert_int_equal(reported, 0);
        sqlite3_close(db);
        return;
    }

    /* Every reported row, each exactly once; the file may hold more (committed after the
     * last report), never fewer. */
    int64_t first = (run->base_hour + round * ROUND_HOURS + 1) * 3600;
    int64_t last = (run->base_hour + round * ROUND_HOURS + (int64_t)reported) * 3600;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*), count(DISTINCT start_hour) FROM sessions "
                                        "WHERE start_hour BETWEEN ?1 AND ?2",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(stmt, 1, first);
    sqlite3_bind_int64(stmt, 2, last);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    int64_t present = sqlite3_column_int64(stmt, 0);
    int64_t distinct = sqlite3_column_int64(stmt, 1);
    sqlite3_finalize(stmt);
    if (present != (int64_t)reported || distinct != present)
        fail_msg("round %d: the child reported %llu rows committed, the file has %lld (%lld "
                 "distinct)",
                 round, (unsigned long long)reported, (long long)present, (long long)distinct);

    /* Checked: clear the table so that every round's open and quick_check stay quick and the
     * kills keep landing while rows are written, not only in a start-up that grows. */
    assert_int_equal(sqlite3_exec(db, "DELETE FROM sessions", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void test_sigkill_never_loses_a_committed_row(void **state)
{
    (void)state;
    crash_run run = {0};
    assert_int_equal(scratch_make(run.dir, sizeof run.dir, "crash"), 0);
    snprintf(run.db, sizeof run.db, "%s/usage.db", run.dir);
    run.base_hour = (int64_t)time(NULL) / 3600 + 24;

    const char *kills_text = getenv("UK_CRASH_KILLS");
    const char *seed_text = getenv("UK_CRASH_SEED");
    int kills = kills_text != NULL ? atoi(kills_text) : 200;
    uint64_t seed = seed_text != NULL ? strtoull(seed_text, NULL, 10)
                                      : (uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid();
    run.rng = seed != 0 ? seed : 1;
    printf("crash test: %d kills, UK_CRASH_SEED=%llu\n", kills, (unsigned long long)seed);

    uint64_t total_reported = 0;
    int mid_stream = 0;
    for (int round = 0; round < kills; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child_main(&run, round, fds[1]);
            _exit(0);
        }
        close(fds[1]);
        uint64_t r = next_random(&run);
        bool early = (r & 7) == 0;
        uint64_t first = 0;
        if (early) {
            sleep_us((long)(r >> 8) % 3000);
        } else {
            first = first_report(fds[0], 60000);
            if (first == 0) {
                kill(pid, SIGKILL);
                waitpid(pid, NULL, 0);
                fail_msg("round %d: no commit from the child (it died, or wrote nothing in 60 s)",
                         round);
            }
            sleep_us((long)(r >> 8) % 60000);
            mid_stream++;
        }
        assert_int_equal(kill(pid, SIGKILL), 0);
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (!WIFSIGNALED(status))
            fail_msg("round %d: the child exited by itself (status %d)", round, status);
        uint64_t reported = read_reported(fds[0]);
        close(fds[0]);
        if (reported < first)
            reported = first;
        check_file(&run, round, reported);
        total_reported += reported;
    }
    printf("crash test: %d kills, %d after a first commit, %llu rows reported and found\n", kills,
           mid_stream, (unsigned long long)total_reported);
    scratch_remove(run.dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill_never_loses_a_committed_row),
    };
    return cmocka_run_group_tests_name("store_crash", tests, NULL, NULL);
}
