/*
 * idle.c: the loop's sleep on video drivers whose SDL_WaitEventTimeout
 * polls (see idle.h for why and what wakes it).
 *
 * Invariants:
 *   - nothing here allocates after uk_idle_open: /proc/self/fd is opened
 *     once and re-read with rewinddir, the poll set lives on the stack;
 *   - an event pushed by another thread, or one waiting in an input
 *     device, never waits for the end of a slice, except in the race
 *     described in idle.h, and then at most UK_IDLE_SLICE_MS;
 *   - the list of input devices is looked for again every RESCAN_MS; a
 *     device that wakes the loop and is still readable after SDL pumped its
 *     events (closed, gone, or the number now another file's) is left out
 *     until then, so it costs at most one wake-up per RESCAN_MS.
 */
#include "platform/loop/idle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_INPUTS 32   /* input devices watched; SDL rarely has more than a handful */
#define RESCAN_MS  1000 /* how often the devices SDL has open are looked for again */

struct uk_idle {
    bool own;               /* sleep in poll(); false: SDL's wait blocks by itself */
    int pipe[2];            /* [0] polled; [1] written by the event watch, from any thread */
    DIR *fds;               /* /proc/self/fd, kept open; NULL: input devices are not watched */
    int inputs[MAX_INPUTS]; /* the input devices SDL had open when last looked for */
    size_t input_count;
    Uint64 scanned_ms;        /* when they were looked for */
    bool scanned;             /* they have been looked for at least once */
    SDL_threadID loop_thread; /* the thread that waits: its own events need no wake-up */
    unsigned long wakeups;    /* returns from poll() */
};

/*
 * The event watch: runs in whichever thread pushed the event. Only write() is safe here.
 * SDL_PollEvent pushes a sentinel of its own on every call and takes it back itself: that
 * one must not wake anybody, or the loop would wake itself for ever. Nor must an event
 * queued on the loop's thread: it is there before the loop looks again (see idle.h).
 */
static int wake(void *ctx, SDL_Event *event)
{
    const uk_idle *idle = ctx;
    if (event->type == SDL_POLLSENTINEL || SDL_ThreadID() == idle->loop_thread)
        return 1;
    char byte = 1;
    ssize_t written = write(idle->pipe[1], &byte, 1); /* a full pipe is readable already */
    (void)written;
    return 1;
}

/* SDL 2.26 blocks in the kernel only where the driver has its own wait and wake-up. */
static bool sdl_wait_blocks(void)
{
    static const char *const blocking[] = {"x11", "wayland", "windows", "cocoa"};
    const char *driver = SDL_GetCurrentVideoDriver();
    for (size_t i = 0; driver && i < sizeof blocking / sizeof blocking[0]; i++)
        if (strcmp(driver, blocking[i]) == 0)
            return true;
    return false;
}

uk_idle *uk_idle_open(void)
{
    uk_idle *idle = calloc(1, sizeof *idle);
    if (!idle)
        return NULL;
    idle->own = !sdl_wait_blocks();
    idle->pipe[0] = idle->pipe[1] = -1;
    idle->loop_thread = SDL_ThreadID();
    if (!idle->own)
        return idle;
    if (pipe(idle->pipe) != 0)
        goto err_free;
    for (int i = 0; i < 2; i++)
        if (fcntl(idle->pipe[i], F_SETFL, O_NONBLOCK) != 0 ||
            fcntl(idle->pipe[i], F_SETFD, FD_CLOEXEC) != 0)
            goto err_close_pipe;
    idle->fds = opendir("/proc/self/fd"); /* without /proc: pushed events and slices only */
    SDL_AddEventWatch(wake, idle);
    return idle;

err_close_pipe:
    close(idle->pipe[0]);
    close(idle->pipe[1]);
err_free:
    free(idle);
    return NULL;
}

void uk_idle_close(uk_idle *idle)
{
    if (!idle)
        return;
    if (idle->own) {
        SDL_DelEventWatch(wake, idle);
        close(idle->pipe[0]);
        close(idle->pipe[1]);
    }
    if (idle->fds)
        closedir(idle->fds);
    free(idle);
}

bool uk_idle_own_sleep(const uk_idle *idle)
{
    return idle && idle->own;
}

unsigned long uk_idle_wakeups(const uk_idle *idle)
{
    return idle ? idle->wakeups : 0;
}

/* Finds the input devices SDL has open: descriptors that point into /dev/input/. */
static void find_inputs(uk_idle *idle)
{
    idle->input_count = 0;
    idle->scanned = true;
    idle->scanned_ms = SDL_GetTicks64();
    if (!idle->fds)
        return;
    int self = dirfd(idle->fds);
    rewinddir(idle->fds);
    struct dirent *entry;
    while ((entry = readdir(idle->fds)) != NULL && idle->input_count < MAX_INPUTS) {
        char *end;
        long fd = strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == self || fd == idle->pipe[0] ||
            fd == idle->pipe[1])
            continue;
        char target[64];
        ssize_t len = readlinkat(self, entry->d_name, target, sizeof target - 1);
        if (len <= 0)
            continue;
        target[len] = '\0';
        if (strncmp(target, "/dev/input/", 11) == 0)
            idle->inputs[idle->input_count++] = (int)fd;
    }
}

/* Empties the pipe. Returns true if anything had been pushed since it was last emptied. */
static bool drain(uk_idle *idle)
{
    char buf[64];
    bool any = false;
    while (read(idle->pipe[0], buf, sizeof buf) > 0)
        any = true;
    return any;
}

int uk_idle_wait(uk_idle *idle, SDL_Event *event, int timeout_ms)
{
    if (!idle || !idle->own) {
        if (timeout_ms < 0)
            return SDL_WaitEvent(event);
        if (timeout_ms == 0)
            return SDL_PollEvent(event);
        return SDL_WaitEventTimeout(event, timeout_ms);
    }
    Uint64 start = SDL_GetTicks64(), grace_until = 0;
    for (;;) {
        bool pushed = drain(idle); /* before looking, so a push after the look still wakes */
        if (SDL_PollEvent(event))
            return 1;
        Uint64 now = SDL_GetTicks64();
        int64_t left = timeout_ms < 0 ? INT64_MAX : (int64_t)(start + (Uint64)timeout_ms - now);
        if (left <= 0)
            return 0;
        if (pushed) /* the event may be a moment behind its wake-up: see idle.h */
            grace_until = now + UK_IDLE_GRACE_MS;
        int sleep_ms = left < UK_IDLE_SLICE_MS ? (int)left : UK_IDLE_SLICE_MS;
        if (now < grace_until)
            sleep_ms = 1;
        if (!idle->scanned || now - idle->scanned_ms >= RESCAN_MS)
            find_inputs(idle);

        struct pollfd set[1 + MAX_INPUTS];
        set[0] = (struct pollfd){.fd = idle->pipe[0], .events = POLLIN};
        for (size_t i = 0; i < idle->input_count; i++)
            set[1 + i] = (struct pollfd){.fd = idle->inputs[i], .events = POLLIN};
        int ready = poll(set, 1 + idle->input_count, sleep_ms);
        idle->wakeups++;
        if (ready <= 0)
            continue; /* time is up, or a signal: look again */
        if (SDL_PollEvent(event))
            return 1;
        /* A device SDL did not read (closed, gone, or the number now another file's) would
         * wake us again at once: it is left out until the next look. One SDL read but made
         * no event of stays. */
        size_t kept = 0;
        for (size_t i = 0; i < idle->input_count; i++) {
            struct pollfd *p = &set[1 + i];
            if (p->revents != 0 && (p->revents & POLLIN) == 0)
                continue;
            if (p->revents != 0 && poll(p, 1, 0) != 0)
                continue;
            idle->inputs[kept++] = idle->inputs[i];
        }
        idle->input_count = kept;
    }
}
