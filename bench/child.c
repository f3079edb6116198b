/*
 * child.c: the real binary, started as systemd starts it, seen from outside.
 *
 * This process plays systemd: it binds a datagram socket, names it in
 * $NOTIFY_SOCKET and starts `unknot --headless` at 1280x800. The kiosk
 * sends READY=1 after its first frame is presented (platform/kiosk.c), so
 * the time from fork() to that datagram is start to first frame: loading
 * the content, the fonts, the usage log, the display, one frame.
 *
 * Memory is read from /proc/PID while the kiosk, driven by a script through
 * every screen of the table in screens.c, holds still at its end (`stall`,
 * announced by a STATUS line): the peak resident set (VmHWM) and the
 * proportional set (Pss in smaps_rollup: each shared page divided among
 * the processes that map it), which is what the kiosk really costs a Pi,
 * with the pages it shares only with this benchmark counted whole.
 *
 * A binary built without libsystemd sends nothing: those rows say so.
 */
#include "bench/bench.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIRST_FRAME_BUDGET_MS 150.0
#define PSS_BUDGET_MB         25.0
#define MB                    1e6
#define STALL_SECONDS         3

typedef struct child {
    int socket;
    pid_t pid;
    uint64_t started_ns;
    char log[BENCH_PATH + 32]; /* the child's stderr */
} child;

/* Binds work/notify.sock. 0, or -1 with a message. */
static int listen_notify(const bench *b, child *c, char *path, size_t len)
{
    snprintf(path, len, "%s/notify.sock", b->work);
    unlink(path);
    c->socket = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (c->socket < 0 || strlen(path) >= sizeof addr.sun_path) {
        fprintf(stderr, "unknot-bench: cannot make a notify socket at %s\n", path);
        return -1;
    }
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    if (bind(c->socket, (struct sockaddr *)&addr, sizeof addr) != 0) {
        fprintf(stderr, "unknot-bench: bind %s: %s\n", path, strerror(errno));
        close(c->socket);
        return -1;
    }
    return 0;
}

/* Starts the kiosk with `script` (NULL: real time). 0, or -1 with a message. */
static int start(const bench *b, child *c, const char *script, const char *db)
{
    char socket_path[BENCH_PATH + 32];
    if (listen_notify(b, c, socket_path, sizeof socket_path) != 0)
        return -1;
    snprintf(c->log, sizeof c->log, "%s/child.log", b->work);
    char size[32];
    snprintf(size, sizeof size, "%dx%d", BENCH_W, BENCH_H);
    c->started_ns = bench_now_ns();
    c->pid = fork();
    if (c->pid < 0) {
        fprintf(stderr, "unknot-bench: fork: %s\n", strerror(errno));
        close(c->socket);
        return -1;
    }
    if (c->pid == 0) {
        setenv("NOTIFY_SOCKET", socket_path, 1);
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
        if (!freopen(c->log, "w", stderr))
            _exit(126);
        /* Headless at the benchmark's size, or (--gpu) full screen as on a Pi. */
        char *argv[16] = {(char *)b->unknot};
        int n = 1;
        if (b->gpu) {
            argv[n++] = "--fullscreen";
        } else {
            argv[n++] = "--headless";
            argv[n++] = "--size";
            argv[n++] = size;
        }
        char *rest[] = {"--no-gpio", "--content",        (char *)b->screens, "--db",
                        (char *)db,  "--admin-pin-hash", (char *)b->pin_hash};
        for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++)
            argv[n++] = rest[i];
        if (script) {
            argv[n++] = "--script";
            argv[n++] = (char *)script;
        }
        argv[n] = NULL;
        execv(b->unknot, argv);
        fprintf(stderr, "unknot-bench: cannot run %s: %s\n", b->unknot, strerror(errno));
        _exit(127);
    }
    return 0;
}

/* Reads datagrams until one holds `wanted`; its arrival (ns), or 0 after `timeout_ms`. */
static uint64_t wait_for(child *c, const char *wanted, int timeout_ms)
{
    uint64_t until = bench_now_ns() + (uint64_t)timeout_ms * 1000000u;
    for (;;) {
        uint64_t now = bench_now_ns();
        if (now >= until)
            return 0;
        struct pollfd pfd = {.fd = c->socket, .events = POLLIN};
        if (poll(&pfd, 1, (int)((until - now) / 1000000u) + 1) <= 0)
            continue;
        char text[1024];
        ssize_t n = recv(c->socket, text, sizeof text - 1, 0);
        uint64_t at = bench_now_ns();
        if (n <= 0)
            continue;
        text[n] = '\0';
        if (strstr(text, wanted))
            return at;
    }
}

/* Stops the kiosk (SIGTERM, as systemd does) and waits for it. */
static void finish(child *c, bool terminate)
{
    if (terminate)
        kill(c->pid, SIGTERM);
    int status;
    waitpid(c->pid, &status, 0);
    close(c->socket);
}

static void show_log(const child *c)
{
    FILE *log = fopen(c->log, "r");
    char line[512];
    while (log && fgets(line, sizeof line, log))
        fprintf(stderr, "  unknot: %s", line);
    if (log)
        fclose(log);
}

/* ---- start to first frame ---------------------------------------------------------- */

void bench_first_frame(bench *b)
{
    char db[BENCH_PATH + 32];
    snprintf(db, sizeof db, "%s/first.db", b->work);
    double ms[BENCH_MAX_RUNS];
    int n = 0;
    /* One run first, not counted: it makes the usage log; the rest open it as a kiosk would. */
    for (int run = -1; run < b->runs; run++) {
        child c;
        if (start(b, &c, NULL, db) != 0)
            break;
        uint64_t ready = wait_for(&c, "READY=1", 10000);
        finish(&c, true);
        if (!ready) {
            fprintf(stderr,
                    "unknot-bench: %s sent no READY=1 within 10 s (built without "
                    "libsystemd?)\n",
                    b->unknot);
            show_log(&c);
            break;
        }
        if (run >= 0)
            ms[n++] = (double)(ready - c.started_ns) / 1e6;
    }
    bench_row(b, "start to first frame (READY=1)", ms, n, "ms", FIRST_FRAME_BUDGET_MS,
              "fork to READY, files in the page cache");
}

/* ---- memory ------------------------------------------------------------------------- */

/* The value of the line starting with `key` in /proc/PID/`file`, in kB; -1 if none. */
static long proc_kb(pid_t pid, const char *file, const char *key)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
    FILE *f = fopen(path, "r");
    long kb = -1;
    size_t len = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, len) == 0)
            kb = strtol(line + len, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

/* ---- pages the kiosk shares with this benchmark ---------------------------------------- */

/*
 * This process maps the same libraries as the kiosk (SDL, SQLite, FreeType
 * ...), and the pages both have touched (their symbol tables, at least)
 * count half in the kiosk's Pss: on a Pi, where nothing else maps them,
 * they would count whole. So, per library file, when every shared page of
 * it is shared by exactly two processes, as seen from both sides (Pss ==
 * Private + Shared / 2, in the kiosk and here), the kiosk's shared pages of
 * it are added back in full. Libraries shared more widely (libc) are left
 * as they are: this process changes their share by a sliver.
 */

#define MAX_FILES 512

typedef struct file_pages {
    char path[256];
    long rss, pss, shared, private_kb; /* kB */
} file_pages;

/* Sums /proc/`who`/smaps per mapped file. Returns the number of files, 0 if unreadable. */
static size_t read_smaps(const char *who, file_pages *files)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%s/smaps", who);
    FILE *f = fopen(path, "r");
    size_t count = 0;
    file_pages *at = NULL;
    while (f && fgets(line, sizeof line, f)) {
        long kb;
        unsigned long lo, hi;
        char perms[8], name[256];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3) { /* a mapping begins */
            at = NULL;
            if (sscanf(line, "%*x-%*x %*s %*s %*s %*s %255s", name) != 1 || name[0] != '/')
                continue; /* of no file */
            for (size_t i = 0; i < count && !at; i++)
                if (strcmp(files[i].path, name) == 0)
                    at = &files[i];
            if (!at && count < MAX_FILES) {
                at = &files[count++];
                memset(at, 0, sizeof *at);
                snprintf(at->path, sizeof at->path, "%s", name);
            }
        } else if (at && sscanf(line, "Rss: %ld", &kb) == 1) {
            at->rss += kb;
        } else if (at && sscanf(line, "Pss: %ld", &kb) == 1) {
            at->pss += kb;
        } else if (at && (sscanf(line, "Shared_Clean: %ld", &kb) == 1 ||
                          sscanf(line, "Shared_Dirty: %ld", &kb) == 1)) {
            at->shared += kb;
        } else if (at && (sscanf(line, "Private_Clean: %ld", &kb) == 1 ||
                          sscanf(line, "Private_Dirty: %ld", &kb) == 1)) {
            at->private_kb += kb;
        }
    }
    if (f)
        fclose(f);
    return count;
}

/* Shared with exactly one other process, page for page (within smaps' rounding). */
static bool shared_by_two(const file_pages *p)
{
    long pairwise = p->private_kb + p->shared / 2;
    return p->shared > 0 && labs(p->pss - pairwise) <= 4 + pairwise / 100;
}

/* kB of the kiosk's Pss that this process's presence took away (see above). */
static long shared_with_us(pid_t pid)
{
    static file_pages kiosk[MAX_FILES], us[MAX_FILES];
    char who[32];
    snprintf(who, sizeof who, "%d", (int)pid);
    size_t kiosk_count = read_smaps(who, kiosk), us_count = read_smaps("self", us);
    long back = 0;
    for (size_t i = 0; i < kiosk_count; i++)
        for (size_t j = 0; j < us_count; j++)
            if (strcmp(kiosk[i].path, us[j].path) == 0 && shared_by_two(&kiosk[i]) &&
                shared_by_two(&us[j]))
                back += kiosk[i].shared - kiosk[i].shared / 2;
    return back;
}

/* A script through every screen of the table, each for a second of frames, then a stall. */
static int write_tour(const bench *b, const char *path)
{
    FILE *file = fopen(path, "w");
    if (!file) {
        fprintf(stderr, "unknot-bench: %s: %s\n", path, strerror(errno));
        return -1;
    }
    static char text[65536];
    for (int i = 0; i < bench_state_count(); i++) {
        if (bench_state_script(b, i, text, sizeof text) < 0)
            continue;
        fputs(text, file);
        for (int f = 0; f < 60; f++)
            fputs("wait 0.016\n", file);
        /* Long enough for any session to end and the kiosk to go back to its start. */
        fputs("wait 3600\n", file);
    }
    fprintf(file, "stall %d\n", STALL_SECONDS);
    fclose(file);
    return 0;
}

void bench_memory(bench *b)
{
    char db[BENCH_PATH + 32], script[BENCH_PATH + 32];
    snprintf(script, sizeof script, "%s/tour.txt", b->work);
    /* A month of sessions for the admin charts, written by a child: SQLite's pages touched
     * here would count as shared with the kiosk's and halve its share of them. */
    snprintf(db, sizeof db, "%s/memory.db", b->work);
    pid_t pid = fork();
    if (pid == 0)
        _exit(bench_make_usage(b, "memory.db", 30, db, sizeof db) == 0 ? 0 : 1);
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        db[0] = '\0';
    double rss[BENCH_MAX_RUNS], pss[BENCH_MAX_RUNS];
    int n = 0;
    for (int run = 0; db[0] && write_tour(b, script) == 0 && run < b->runs && run < 3; run++) {
        child c;
        if (start(b, &c, script, db) != 0)
            break;
        bool still = wait_for(&c, "stalls the loop", 60000) != 0;
        long hwm = still ? proc_kb(c.pid, "status", "VmHWM:") : -1;
        long proportional = still ? proc_kb(c.pid, "smaps_rollup", "Pss:") : -1;
        if (proportional >= 0)
            proportional += shared_with_us(c.pid);
        finish(&c, false);
        if (hwm < 0 || proportional < 0) {
            fprintf(stderr, "unknot-bench: could not read the memory of %s\n", b->unknot);
            show_log(&c);
            break;
        }
        rss[n] = (double)hwm * 1024 / MB;
        pss[n] = (double)proportional * 1024 / MB;
        n++;
    }
    bench_row(b, "peak resident memory (VmHWM)", rss, n, "MB", BENCH_NONE,
              "every screen below visited; MB = 10^6 bytes");
    bench_row(b, "proportional memory (Pss)", pss, n, "MB", PSS_BUDGET_MB,
              "shared pages by share, none with this benchmark");
}
