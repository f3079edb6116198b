/*
 * store.c: the usage log's queue and writer thread (implements
 * platform/usage/store.h on top of platform/usage/usage_db.h).
 *
 * Two threads meet here. The UI thread queues rows (uk_store_append_session,
 * uk_store_count_view) and reads copies of the status and statistics; the
 * writer thread owns the uk_usage_db and does everything that touches the
 * disk. They share the fields marked "shared", only under `lock`, and the
 * lock is never held across disk I/O: the UI thread waits at most for a
 * memcpy of one batch.
 *
 * The queue is a ring of queue_capacity items. The writer copies up to
 * BATCH_MAX items from its head, writes them in one transaction without the
 * lock, and only then removes them, so a failed write leaves them queued:
 * the queue is also where rows wait while the disk is read-only or full.
 * When it is full, new rows are dropped and counted, never waited for.
 *
 * The writer's life, one decision per turn of its loop:
 *   1. stopping, and the queue is empty or the close deadline passed: exit;
 *   2. no open file and a retry is due: open it (moving a damaged one aside);
 *   3. rows queued and no retry pending: write a batch;
 *   4. retention due: delete rows older than retention_days;
 *   5. statistics wanted (uk_store_refresh_stats): compute a snapshot;
 *   6. otherwise sleep until a row, a retry, retention or the deadline.
 * Any failed disk operation closes the file and schedules a retry, the
 * delay doubling from retry_initial_ms to retry_max_ms; a successful write
 * resets it. Reopening runs quick_check, which is how damage found while
 * running becomes a replaced file.
 *
 * It must not: block the UI thread on the disk, lose a row it has counted
 * as committed, or log on every retry (a state change is logged once).
 */
#include "platform/usage/store.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/system/error.h"
#include "platform/usage/usage_db.h"
#include "platform/usage/usage_error.h"

#define BATCH_MAX          64                   /* rows per transaction */
#define RETENTION_EVERY_MS (24LL * 3600 * 1000) /* "about daily" */
#define RETENTION_RETRY_MS (3600LL * 1000)      /* after a failed retention run */
#define DROP_LOG_EVERY_MS  60000                /* a full queue is logged once a minute */
#define MESSAGE_MAX        1024
#define NEVER              INT64_MAX

struct uk_store {
    /* Fixed at open. */
    uk_store_options options;
    char *path;
    pthread_t writer;

    /* Shared: only under `lock`, never held across disk I/O. */
    pthread_mutex_t lock;
    pthread_cond_t wake;     /* to the writer: rows queued, stop, snapshot wanted */
    pthread_cond_t progress; /* from the writer: rows committed, refused or dropped */
    uk_usage_db_item *queue; /* ring of options.queue_capacity items */
    size_t head;             /* the oldest queued item */
    size_t count;            /* items queued, the batch being written included */
    uint64_t last_seq;       /* seq of the newest queued item */
    bool stopping;           /* close was called */
    int64_t stop_by_ms;      /* monotonic: give up on the queue after this */
    int64_t retry_at_ms;     /* monotonic: no disk work before this; 0 none */
    bool stats_wanted;       /* uk_store_refresh_stats was called */
    int64_t drop_logged_ms;  /* monotonic: when a full queue was last logged; 0 never */
    uk_stats_health health;  /* rows_pending is filled from count on read */
    uk_stats stats;          /* the latest snapshot */

    /* The writer's own (open's, before the writer starts). */
    uk_usage_db *db;         /* NULL while the file cannot be opened */
    uint32_t retry_ms;       /* the delay after the next failure */
    int64_t retention_at_ms; /* monotonic: next retention run */
    bool replaced;           /* a damaged file was moved aside since start */
};

/* ---- small things ------------------------------------------------------------------------- */

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t wall_s(const uk_store *store)
{
    if (store->options.clock_s != NULL)
        return store->options.clock_s(store->options.ctx);
    return (int64_t)time(NULL);
}

static void default_log(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "unknot: %s\n", message);
}

/* Formats a message and gives it to the log. Never called with the lock held. */
static void say(uk_store *store, const char *fmt, ...)
{
    char message[MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    store->options.log(store->options.ctx, message);
}

/* Sets health.last_error; the caller holds the lock. Long paths are cut, not overflowed. */
static void set_last_error(uk_store *store, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(store->health.last_error, sizeof store->health.last_error, fmt, ap);
    va_end(ap);
}

static void notify(uk_store *store)
{
    if (store->options.notify != NULL)
        store->options.notify(store->options.ctx);
}

/* Waits on `cond` until signalled or the monotonic time `until_ms` (NEVER: no limit). */
static void wait_until(pthread_cond_t *cond, pthread_mutex_t *lock, int64_t until_ms)
{
    if (until_ms == NEVER) {
        pthread_cond_wait(cond, lock);
        return;
    }
    struct timespec ts = {.tv_sec = (time_t)(until_ms / 1000),
                          .tv_nsec = (long)(until_ms % 1000) * 1000000};
    pthread_cond_timedwait(cond, lock, &ts);
}

/* Kinds of failure (usage_error.h) that waiting can cure; any other makes open fail. */
static bool worth_retrying(int err)
{
    return err == EROFS || err == ENOSPC || err == EIO || err == EBUSY;
}

/* The state a failure of kind `err` is reported as while the writer retries. */
static uk_stats_state state_for(int err)
{
    switch (err) {
    case EROFS:
        return UK_STATS_RETRYING_READONLY;
    case ENOSPC:
        return UK_STATS_RETRYING_FULL;
    default:
        return UK_STATS_RETRYING_IO;
    }
}

static const char *state_words(uk_stats_state state)
{
    switch (state) {
    case UK_STATS_RETRYING_READONLY:
        return "the disk or file refuses writes";
    case UK_STATS_RETRYING_FULL:
        return "the disk is full";
    default:
        return "the usage log cannot be written";
    }
}

/* ---- the writer's disk work --------------------------------------------------------------- */

/*
 * A disk operation failed with errno `err` and the sentence `message`: close
 * the file (reopening checks it again), schedule a retry, publish the state,
 * and log only a change of state.
 */
static void fail(uk_store *store, int err, const char *message)
{
    uk_usage_db_close(store->db);
    store->db = NULL;
    uk_stats_state state = state_for(err);
    int64_t delay = store->retry_ms;
    store->retry_ms = store->retry_ms >= store->options.retry_max_ms / 2
                          ? store->options.retry_max_ms
                          : store->retry_ms * 2;

    pthread_mutex_lock(&store->lock);
    bool changed = store->health.state != state;
    store->health.state = state;
    set_last_error(store, "%s", message);
    store->retry_at_ms = mono_ms() + delay;
    size_t pending = store->count;
    pthread_mutex_unlock(&store->lock);

    if (changed)
        say(store, "%s (%s); %zu row(s) wait in memory (room for %zu), retrying", message,
            state_words(state), pending, store->options.queue_capacity);
    notify(store);
}

/*
 * Opens the file; a damaged one is moved aside and a fresh one started.
 * 0 with store->db set, or -1 with errno the kind (never
 * UK_USAGE_ERROR_DAMAGED) and why in `error`.
 */
static int connect(uk_store *store, char *error, size_t error_len)
{
    store->db = uk_usage_db_open(store->path, error, error_len);
    if (store->db != NULL)
        return 0;
    if (errno != UK_USAGE_ERROR_DAMAGED)
        return -1;

    char moved[4200], why[512];
    if (uk_usage_db_move_aside(store->path, wall_s(store), moved, sizeof moved, why, sizeof why) !=
        0) {
        char damaged[512];
        snprintf(damaged, sizeof damaged, "%s", error);
        return uk_error_set(error, error_len, EIO, "%s; %s", damaged, why);
    }
    say(store, "%s; the damaged file was moved to %s and a fresh usage log was started", error,
        moved);
    store->replaced = true;
    pthread_mutex_lock(&store->lock);
    set_last_error(store, "%s was damaged: moved to %s, a fresh file was started", store->path,
                   moved);
    pthread_mutex_unlock(&store->lock);

    store->db = uk_usage_db_open(store->path, error, error_len);
    if (store->db != NULL)
        return 0;
    if (errno == UK_USAGE_ERROR_DAMAGED)
        errno = EIO; /* a fresh file that is damaged: the disk, not the file */
    return -1;
}

/* Publishes a working state once the file is open and nothing waits, or after a write. */
static void publish_ok(uk_store *store, bool recovered)
{
    int64_t bytes = uk_usage_db_bytes(store->path);
    pthread_mutex_lock(&store->lock);
    uk_stats_state before = store->health.state;
    store->health.state = store->replaced ? UK_STATS_CORRUPT_REPLACED : UK_STATS_OK;
    store->health.db_bytes = bytes;
    store->retry_at_ms = 0;
    pthread_mutex_unlock(&store->lock);
    if (recovered && before != UK_STATS_OK && before != UK_STATS_CORRUPT_REPLACED)
        say(store, "%s: writing usage again", store->path);
}

static void reconnect(uk_store *store)
{
    char error[MESSAGE_MAX];
    if (connect(store, error, sizeof error) != 0) {
        fail(store, errno, error);
        return;
    }
    store->retention_at_ms = mono_ms(); /* missed while the file was away */
    pthread_mutex_lock(&store->lock);
    store->retry_at_ms = 0;
    bool waiting = store->count > 0;
    pthread_mutex_unlock(&store->lock);
    /* With rows waiting, the write that follows decides the state: a disk that opens but
     * is still full must not flip between "ok" and "full" on every retry. */
    if (!waiting) {
        publish_ok(store, true);
        notify(store);
    }
}

static void write_batch(uk_store *store, const uk_usage_db_item *batch, size_t n)
{
    size_t refused = 0;
    char error[MESSAGE_MAX];
    if (uk_usage_db_write(store->db, batch, n, &refused, error, sizeof error) != 0) {
        fail(store, errno, error);
        return;
    }
    store->retry_ms = store->options.retry_initial_ms;
    int64_t now_s = wall_s(store);

    pthread_mutex_lock(&store->lock);
    store->head = (store->head + n) % store->options.queue_capacity;
    store->count -= n;
    store->health.committed_seq = batch[n - 1].seq;
    store->health.rows_committed += n - refused;
    store->health.rows_lost += refused;
    store->health.last_write_s = now_s;
    if (refused > 0)
        set_last_error(store, "%s", error);
    pthread_cond_broadcast(&store->progress);
    pthread_mutex_unlock(&store->lock);

    publish_ok(store, true);
    if (refused > 0)
        say(store, "%zu row(s) refused by the schema and left out; the last: %s", refused, error);
    notify(store);
}

/* Deletes rows older than retention_days. A failure is retried in an hour, not escalated. */
static void run_retention(uk_store *store)
{
    int64_t cutoff = wall_s(store) - (int64_t)store->options.retention_days * 86400;
    int64_t deleted = 0;
    char error[MESSAGE_MAX];
    if (uk_usage_db_delete_before(store->db, cutoff, &deleted, error, sizeof error) != 0) {
        store->retention_at_ms = mono_ms() + RETENTION_RETRY_MS;
        say(store, "%s; old rows are deleted later", error);
        return;
    }
    store->retention_at_ms = mono_ms() + RETENTION_EVERY_MS;
    if (deleted > 0)
        say(store, "%s: deleted %lld row(s) older than %d days", store->path, (long long)deleted,
            store->options.retention_days);
}

static void compute_stats(uk_store *store)
{
    uk_stats stats;
    memset(&stats, 0, sizeof stats);
    char error[MESSAGE_MAX];
    if (uk_usage_db_stats(store->db, wall_s(store), &stats, error, sizeof error) != 0) {
        fail(store, errno, error);
        return;
    }
    int64_t bytes = uk_usage_db_bytes(store->path);
    pthread_mutex_lock(&store->lock);
    stats.generation = store->stats.generation + 1;
    store->stats = stats;
    store->health.db_bytes = bytes;
    pthread_mutex_unlock(&store->lock);
    notify(store);
}

/* ---- the writer thread -------------------------------------------------------------------- */

static void *writer_main(void *arg)
{
    uk_store *store = arg;
    uk_usage_db_item batch[BATCH_MAX];
    const size_t capacity = store->options.queue_capacity;

    pthread_mutex_lock(&store->lock);
    for (;;) {
        int64_t now = mono_ms();
        if (store->stopping && (store->count == 0 || now >= store->stop_by_ms))
            break;
        bool may_try = store->retry_at_ms == 0 || now >= store->retry_at_ms;

        if (store->db == NULL && may_try) {
            pthread_mutex_unlock(&store->lock);
            reconnect(store);
            pthread_mutex_lock(&store->lock);
            continue;
        }
        if (store->db != NULL && may_try && store->count > 0) {
            size_t n = store->count < BATCH_MAX ? store->count : BATCH_MAX;
            for (size_t i = 0; i < n; i++)
                batch[i] = store->queue[(store->head + i) % capacity];
            pthread_mutex_unlock(&store->lock);
            write_batch(store, batch, n);
            pthread_mutex_lock(&store->lock);
            continue;
        }
        if (store->db != NULL && !store->stopping && now >= store->retention_at_ms) {
            pthread_mutex_unlock(&store->lock);
            run_retention(store);
            pthread_mutex_lock(&store->lock);
            continue;
        }
        if (store->db != NULL && !store->stopping && store->stats_wanted) {
            store->stats_wanted = false;
            pthread_mutex_unlock(&store->lock);
            compute_stats(store);
            pthread_mutex_lock(&store->lock);
            continue;
        }

        int64_t until = NEVER;
        if (store->db == NULL || store->count > 0)
            until = store->retry_at_ms;
        else if (!store->stopping && store->retention_at_ms < until)
            until = store->retention_at_ms;
        if (store->stopping && store->stop_by_ms < until)
            until = store->stop_by_ms;
        wait_until(&store->wake, &store->lock, until);
    }

    size_t left = store->count;
    store->health.rows_lost += left;
    store->count = 0;
    store->health.state = UK_STATS_CLOSED;
    if (left > 0)
        set_last_error(store, "%zu row(s) could not be written before shutdown", left);
    pthread_cond_broadcast(&store->progress);
    pthread_mutex_unlock(&store->lock);

    uk_usage_db_close(store->db);
    store->db = NULL;
    if (left > 0)
        say(store, "%s: %zu row(s) could not be written before shutdown and are lost", store->path,
            left);
    notify(store);
    return NULL;
}

/* ---- open and close ----------------------------------------------------------------------- */

void uk_store_options_defaults(uk_store_options *options)
{
    *options = (uk_store_options){
        .retention_days = 90,
        .queue_capacity = 1024,
        .retry_initial_ms = 1000,
        .retry_max_ms = 60000,
        .close_timeout_ms = 5000,
    };
}

static int check_options(const uk_store_options *options, char *error, size_t error_len)
{
    const char *problem = NULL;
    if (options->path == NULL || options->path[0] == '\0')
        problem = "no path given (pass --db PATH)";
    else if (options->retention_days < 1 || options->retention_days > 3650)
        problem = "retention_days must be 1 to 3650";
    else if (options->queue_capacity < 1 || options->queue_capacity > 1000000)
        problem = "queue_capacity must be 1 to 1000000";
    if (problem == NULL)
        return 0;
    return uk_error_set(error, error_len, EINVAL, "cannot open the usage log %s: %s",
                        options->path != NULL ? options->path : "", problem);
}

/* Frees a store whose lock and conditions exist and whose writer is not running. */
static void destroy(uk_store *store)
{
    pthread_cond_destroy(&store->progress);
    pthread_cond_destroy(&store->wake);
    pthread_mutex_destroy(&store->lock);
    free(store->queue);
    free(store->path);
    free(store);
}

/*
 * Start-up order:
 *   1. check and copy the options; allocate the queue
 *   2. open the file (a damaged one is replaced; a failure that waiting
 *      can cure leaves the store retrying instead of failing)
 *   3. delete rows past retention
 *   4. start the writer with every signal blocked, so signals reach the
 *      UI thread that handles them
 */
uk_store *uk_store_open_with(const uk_store_options *options, char *error, size_t error_len)
{
    if (error != NULL && error_len > 0)
        error[0] = '\0';
    if (options == NULL) {
        uk_error_set(error, error_len, EINVAL, "cannot open the usage log: no options given");
        return NULL;
    }
    if (check_options(options, error, error_len) != 0)
        return NULL;

    uk_store *store = calloc(1, sizeof *store);
    if (store == NULL)
        goto err_no_memory;
    store->options = *options;
    if (store->options.log == NULL)
        store->options.log = default_log;
    if (store->options.retry_initial_ms == 0)
        store->options.retry_initial_ms = 1;
    if (store->options.retry_max_ms < store->options.retry_initial_ms)
        store->options.retry_max_ms = store->options.retry_initial_ms;
    store->retry_ms = store->options.retry_initial_ms;
    store->path = strdup(options->path);
    store->queue = calloc(options->queue_capacity, sizeof *store->queue);
    if (store->path == NULL || store->queue == NULL)
        goto err_free;
    store->options.path = store->path;

    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        goto err_free;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_mutex_init(&store->lock, NULL);
    if (rc == 0 && (rc = pthread_cond_init(&store->wake, &attr)) != 0)
        pthread_mutex_destroy(&store->lock);
    if (rc == 0 && (rc = pthread_cond_init(&store->progress, &attr)) != 0) {
        pthread_cond_destroy(&store->wake);
        pthread_mutex_destroy(&store->lock);
    }
    pthread_condattr_destroy(&attr);
    if (rc != 0)
        goto err_free;

    char message[MESSAGE_MAX];
    if (connect(store, message, sizeof message) != 0) {
        int err = errno;
        if (!worth_retrying(err)) {
            uk_error_set(error, error_len, err, "%s", message);
            goto err_destroy;
        }
        fail(store, err, message);
    } else {
        run_retention(store);
        publish_ok(store, false);
    }

    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    rc = pthread_create(&store->writer, NULL, writer_main, store);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        uk_usage_db_close(store->db);
        uk_error_set(error, error_len, rc, "cannot start the usage log's writer for %s: %s",
                     store->path, strerror(rc));
        goto err_destroy;
    }
    return store;

err_destroy:;
    int err = errno; /* set by uk_error_set above; freeing must not change it */
    destroy(store);
    errno = err;
    return NULL;
err_free:
    free(store->queue);
    free(store->path);
    free(store);
err_no_memory:
    uk_error_set(error, error_len, ENOMEM, "cannot open the usage log %s: out of memory",
                 options->path);
    return NULL;
}

uk_store *uk_store_open(const char *path, char *error, size_t error_len)
{
    uk_store_options options;
    uk_store_options_defaults(&options);
    options.path = path;
    return uk_store_open_with(&options, error, error_len);
}

void uk_store_close(uk_store *store)
{
    if (store == NULL)
        return;
    pthread_mutex_lock(&store->lock);
    store->stopping = true;
    store->stop_by_ms = mono_ms() + store->options.close_timeout_ms;
    store->retry_at_ms = 0; /* one more try now, even in the middle of a back-off */
    pthread_cond_signal(&store->wake);
    pthread_mutex_unlock(&store->lock);
    pthread_join(store->writer, NULL);
    destroy(store);
}

/* ---- the UI thread's side ----------------------------------------------------------------- */

static int enqueue(uk_store *store, const uk_usage_db_item *item)
{
    pthread_mutex_lock(&store->lock);
    if (store->stopping) { /* e.g. from a log or notify callback during close */
        pthread_mutex_unlock(&store->lock);
        errno = EPIPE;
        return -1;
    }
    if (store->count == store->options.queue_capacity) {
        store->health.rows_lost++;
        /* One message a minute at most: a kiosk whose disk is stuck must not flood the log. */
        int64_t now = mono_ms();
        bool say_it =
            store->drop_logged_ms == 0 || now - store->drop_logged_ms >= DROP_LOG_EVERY_MS;
        if (say_it)
            store->drop_logged_ms = now;
        set_last_error(store, "%zu row(s) already wait to be written; new rows are dropped",
                       store->options.queue_capacity);
        pthread_mutex_unlock(&store->lock);
        if (say_it)
            say(store,
                "%s: %zu row(s) already wait to be written; new rows are dropped until "
                "the disk takes them",
                store->path, store->options.queue_capacity);
        errno = EAGAIN;
        return -1;
    }
    uk_usage_db_item *slot =
        &store->queue[(store->head + store->count) % store->options.queue_capacity];
    *slot = *item;
    slot->seq = ++store->last_seq;
    store->count++;
    pthread_cond_signal(&store->wake);
    pthread_mutex_unlock(&store->lock);
    return 0;
}

int uk_store_append_session(uk_store *store, const uk_session_row *row)
{
    /* uk_session_outcome_name and uk_input_kind_name answer a default word for an unknown value;
     * recording a wrong word would be worse than recording nothing. */
    if (store == NULL || row == NULL || (unsigned)row->outcome >= UK_OUTCOME_COUNT ||
        (unsigned)row->input >= UK_INPUT_KIND_COUNT) {
        errno = EINVAL;
        return -1;
    }
    uk_usage_db_item item = {.kind = UK_USAGE_DB_ITEM_SESSION, .session = *row};
    return enqueue(store, &item);
}

int uk_store_count_view(uk_store *store, const char *screen, int64_t when_s)
{
    if (store == NULL || screen == NULL || screen[0] == '\0' ||
        strlen(screen) >= UK_USAGE_DB_SCREEN_WORD_MAX || when_s < 0) {
        errno = EINVAL;
        return -1;
    }
    uk_usage_db_item item = {.kind = UK_USAGE_DB_ITEM_VIEW};
    snprintf(item.view.screen, sizeof item.view.screen, "%s", screen);
    item.view.hour = when_s - when_s % 3600;
    return enqueue(store, &item);
}

int uk_store_flush(uk_store *store, uint32_t timeout_ms)
{
    if (store == NULL) {
        errno = EINVAL;
        return -1;
    }
    int64_t deadline = mono_ms() + timeout_ms;
    pthread_mutex_lock(&store->lock);
    uint64_t target = store->last_seq;
    while (store->health.committed_seq < target && store->health.state != UK_STATS_CLOSED &&
           mono_ms() < deadline)
        wait_until(&store->progress, &store->lock, deadline);
    bool done = store->health.committed_seq >= target;
    pthread_mutex_unlock(&store->lock);
    if (!done) {
        errno = ETIMEDOUT;
        return -1;
    }
    return 0;
}

static void closed_health(uk_stats_health *out)
{
    memset(out, 0, sizeof *out);
    out->state = UK_STATS_CLOSED;
    snprintf(out->last_error, sizeof out->last_error, "no usage log");
}

void uk_store_get_status(uk_store *store, uk_stats_health *out)
{
    if (store == NULL) {
        closed_health(out);
        return;
    }
    pthread_mutex_lock(&store->lock);
    *out = store->health;
    out->rows_pending = (uint32_t)store->count;
    pthread_mutex_unlock(&store->lock);
}

void uk_store_get_stats(uk_store *store, uk_stats *out)
{
    if (store == NULL) {
        memset(out, 0, sizeof *out);
        closed_health(&out->health);
        return;
    }
    pthread_mutex_lock(&store->lock);
    *out = store->stats;
    out->health = store->health;
    out->health.rows_pending = (uint32_t)store->count;
    pthread_mutex_unlock(&store->lock);
}

void uk_store_refresh_stats(uk_store *store)
{
    if (store == NULL)
        return;
    pthread_mutex_lock(&store->lock);
    store->stats_wanted = true;
    pthread_cond_signal(&store->wake);
    pthread_mutex_unlock(&store->lock);
}

const char *uk_store_path(const uk_store *store)
{
    return store != NULL ? store->path : "";
}
