/*
 * child.c: the real binary, started as systemd starts it, seen from outside.
 *
 * This process plays systemd: it binds a datagram socket, names it in
 * $NOTIFY_SOCKET and starts `unknot --headless` at 1280x800. The kiosk
 * sends READY=1 after its first frame is presented (platform/loop/kiosk.c), so
 * the time from fork() to that datagram is start to first frame: loading
 * the content, the fonts, the usage log, the display, one frame.
 *
 * Memory is read from /proc/PID while the kiosk, driven by a script through
 * every screen of the table in screens.c, holds still at its end (`stall`,
 * announced by a STATUS line): the peak resident set (VmHWM) and the
 * proportional set as on a Pi where nothing else maps what the kiosk maps
 * but the C library (see kiosk_pss_kb), which is what the kiosk really
 * costs a Pi, whatever else runs on the machine measuring it.
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
#define FINISH_SECONDS        15 /* a kiosk left to end its script gets STALL_SECONDS and more */

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

/*
 * Stops the kiosk (SIGTERM, as systemd does) or, without `terminate`, lets it
 * end its script, and waits for it: a kiosk still there after FINISH_SECONDS
 * is stuck, and killed.
 */
static void finish(const bench *b, child *c, bool terminate)
{
    if (terminate)
        kill(c->pid, SIGTERM);
    int status;
    uint64_t give_up = bench_now_ns() + FINISH_SECONDS * 1000000000ull;
    while (waitpid(c->pid, &status, WNOHANG) == 0) {
        if (bench_now_ns() > give_up) {
            fprintf(stderr, "unknot-bench: %s did not stop within %d s: killed\n", b->unknot,
                    FINISH_SECONDS);
            kill(c->pid, SIGKILL);
            waitpid(c->pid, &status, 0);
            break;
        }
        bench_sleep_ms(10);
    }
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
        finish(b, &c, true);
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

/* libc, libm and the dynamic loader: mapped by every process on a Pi too. */
static bool everyones(const char *path)
{
    const char *name = strrchr(path, '/') + 1;
    return strncmp(name, "libc.so", 7) == 0 || strncmp(name, "libm.so", 7) == 0 ||
           strncmp(name, "ld-linux", 8) == 0;
}

/*
 * The kiosk's proportional memory as on a Pi where nothing else maps what it
 * maps, in kB, from one reading of /proc/PID/smaps; -1 if unreadable. Pss
 * divides each shared page among the processes that map it, so this
 * benchmark, and anything else running that maps SDL, FreeType or the fonts,
 * would shrink the kiosk's share of them. So every mapping of a file (its
 * path starts with '/'), but libc's, libm's and the loader's, counts its
 * resident pages whole (Rss, that is Pss plus Rss - Pss); the rest (heap,
 * stacks, anonymous memory, libc) counts its Pss.
 */
static long kiosk_pss_kb(pid_t pid)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%d/smaps", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long total = 0, rss = 0;
    bool whole = false;
    while (fgets(line, sizeof line, f)) {
        long kb;
        unsigned long lo, hi;
        char perms[8], name[256] = "";
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3) { /* a mapping begins */
            sscanf(line, "%*x-%*x %*s %*s %*s %*s %255s", name);
            whole = name[0] == '/' && !everyones(name);
            rss = 0;
        } else if (sscanf(line, "Rss: %ld", &kb) == 1) {
            rss = kb;
        } else if (sscanf(line, "Pss: %ld", &kb) == 1) {
            total += whole ? rss : kb;
        }
    }
    fclose(f);
    return total;
}

/* A script through every screen of the table, each for a second of frames, then a stall. */
static int write_tour(const bench *b, const char *path)
{
    FILE *file = fopen(path, "w");
    if (!file) {
        fprintf(stderr, "unknot-bench: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char text[BENCH_SCRIPT_MAX]; /* one state's lines; the frames' go straight to the file */
    for (int i = 0; i < bench_state_count(); i++) {
        if (bench_state_script(b, i, text, sizeof text) != 0)
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
    /* A month of sessions, for the admin charts. */
    bool ready =
        bench_make_usage(b, "memory.db", 30, db, sizeof db) == 0 && write_tour(b, script) == 0;
    double rss[BENCH_MAX_RUNS], pss[BENCH_MAX_RUNS];
    int n = 0;
    for (int run = 0; ready && run < b->runs && run < BENCH_LONG_RUNS; run++) {
        child c;
        if (start(b, &c, script, db) != 0)
            break;
        bool still = wait_for(&c, "stalls the loop", 60000) != 0;
        long hwm = still ? proc_kb(c.pid, "status", "VmHWM:") : -1;
        long proportional = still ? kiosk_pss_kb(c.pid) : -1;
        finish(b, &c, !still);
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
              "%d run%s; every screen below visited; MB = 10^6 bytes", n, n == 1 ? "" : "s");
    bench_row(b, "proportional memory (Pss)", pss, n, "MB", PSS_BUDGET_MB,
              "%d run%s; mapped files whole, but libc, libm, ld.so", n, n == 1 ? "" : "s");
}
