/*
 * main.c: unknot-bench, how light the kiosk is, measured against budgets.
 *
 *   unknot-bench [--quick] [--runs N] [--frames N] [--strict] [--only PART]
 *                [--keep] [--gpu] [--unknot PATH] [--assets DIR]
 *   unknot-bench --callgrind [--frames N]
 *
 * It runs the real kiosk code headless at 1280x800 with SDL's software
 * renderer (offscreen video driver, framebuffer acceleration as the kiosk
 * sets it: the environment's SDL_FRAMEBUFFER_ACCELERATION is removed), or with
 * --gpu full screen as on a Pi, and prints one row per figure: the median of `runs` measurements,
 * its budget, PASS or FAIL. docs/performance.md has the table this gives and what each figure
 * means.
 *
 * Exit status: 0 when every figure was measured (over budget or not, so a
 * noisy machine never fails a build), 1 when one could not be, 2 for a bad
 * command line. --strict also exits 1 when a figure is over its budget.
 */
#include "bench/bench.h"

#include <SDL.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "platform/output/fonts.h"
#include "platform/system/pin_hash.h"
#include "tests/fixtures/scratch.h"

/* ---- numbers ---------------------------------------------------------------- */

static uint64_t clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t bench_now_ns(void)
{
    return clock_ns(CLOCK_MONOTONIC);
}

uint64_t bench_process_cpu_ns(void)
{
    return clock_ns(CLOCK_PROCESS_CPUTIME_ID);
}

uint64_t bench_thread_cpu_ns(void)
{
    return clock_ns(CLOCK_THREAD_CPUTIME_ID);
}

void bench_sleep_ms(unsigned ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_percentile(double *values, int n, double p)
{
    if (n <= 0)
        return NAN;
    qsort(values, (size_t)n, sizeof *values, by_value);
    int rank = (int)ceil(p / 100.0 * n); /* nearest rank: the smallest value >= p% of them */
    rank = rank < 1 ? 1 : rank > n ? n : rank;
    return values[rank - 1];
}

double bench_median(double *values, int n)
{
    if (n <= 0)
        return NAN;
    qsort(values, (size_t)n, sizeof *values, by_value);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* ---- the table ---------------------------------------------------------------- */

#define FIGURE_W 46

static void format_value(double value, char *out, size_t len)
{
    if (value != 0 && fabs(value) < 1)
        snprintf(out, len, "%.2f", value);
    else if (fabs(value) < 100)
        snprintf(out, len, "%.1f", value);
    else
        snprintf(out, len, "%.0f", value);
}

void bench_row(bench *b, const char *figure, double *values, int n, const char *unit, double budget,
               const char *note_fmt, ...)
{
    char note[256] = "";
    va_list args;
    va_start(args, note_fmt);
    vsnprintf(note, sizeof note, note_fmt, args);
    va_end(args);

    char value[32] = "-", limit[32] = "", verdict[8] = "";
    if (n <= 0) {
        b->errors++;
        snprintf(verdict, sizeof verdict, "ERROR");
    } else {
        double median = bench_median(values, n);
        format_value(median, value, sizeof value);
        if (budget != BENCH_NONE) {
            char number[24];
            format_value(budget, number, sizeof number);
            snprintf(limit, sizeof limit, "< %s", number);
            bool pass = median < budget;
            snprintf(verdict, sizeof verdict, "%s", pass ? "PASS" : "FAIL");
            b->failures += !pass;
        }
    }
    char both[48];
    snprintf(both, sizeof both, "%s %s", value, unit);
    printf("%-*s %12s %10s  %-5s %s\n", FIGURE_W, figure, both, limit, verdict, note);
    fflush(stdout);
}

void bench_say(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    printf("  ");
    vprintf(fmt, args);
    printf("\n");
    va_end(args);
    fflush(stdout);
}

/* ---- start ---------------------------------------------------------------------- */

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: unknot-bench [--quick] [--runs N] [--frames N] [--strict] [--only PART]\n"
            "                    [--keep] [--gpu] [--unknot PATH] [--assets DIR]\n"
            "       unknot-bench --callgrind [--frames N]\n"
            "Measures the kiosk headless at %dx%d with SDL's software renderer and prints\n"
            "each figure (the median of N runs) against its budget (docs/performance.md).\n"
            "  --quick        a few frames and one run of each: proves it works, measures little\n"
            "  --runs N       runs per figure (default 5; 1 to %d)\n"
            "  --frames N     frames per screen and run (default 300)\n"
            "  --strict       exit 1 when a figure is over its budget\n"
            "  --only PART    only one part of the table: start, memory, screens, static,\n"
            "                 latency, store, content or report\n"
            "  --keep         keep the scratch folder (content, databases, scripts) and say where\n"
            "  --gpu          full screen on the display SDL picks, with its renderer (on a Pi\n"
            "                 console: KMSDRM and OpenGL ES), as the kiosk runs there\n"
            "  --unknot PATH  the kiosk binary for start-up and memory (default: the one built\n"
            "                 with this benchmark, else `unknot` beside it)\n"
            "  --assets DIR   content to measure with (default: the source tree's assets)\n"
            "  --callgrind    count instructions per frame of the routine player under\n"
            "                 valgrind's callgrind (slow; needs valgrind)\n",
            BENCH_W, BENCH_H, BENCH_MAX_RUNS);
}

/* The kiosk binary: as told, else the build tree's, else the one next to this program. */
static void find_unknot(bench *b, const char *self)
{
    if (b->unknot[0])
        return;
    if (access(UK_BENCH_UNKNOT, X_OK) == 0) {
        snprintf(b->unknot, sizeof b->unknot, "%s", UK_BENCH_UNKNOT);
        return;
    }
    char here[BENCH_PATH];
    ssize_t len = readlink("/proc/self/exe", here, sizeof here - 1);
    here[len > 0 ? len : 0] = '\0';
    char *slash = strrchr(here, '/');
    if (slash)
        snprintf(b->unknot, sizeof b->unknot, "%.*s/unknot", (int)(slash - here), here);
    else
        snprintf(b->unknot, sizeof b->unknot, "%s", self);
}

/* The parts of the table, in order; --only NAME runs one. */
static const struct {
    const char *name;
    void (*run)(bench *b);
} sections[] = {
    {"start", bench_first_frame},      {"memory", bench_memory},        {"screens", bench_screens},
    {"static", bench_static_screen},   {"latency", bench_latency},      {"store", bench_slow_store},
    {"content", bench_content_growth}, {"report", bench_report_growth},
};

int main(int argc, char **argv)
{
    enum {
        OPT_RUNS = 1,
        OPT_FRAMES,
        OPT_UNKNOT,
        OPT_ONLY,
        OPT_KEEP,
        OPT_GPU,
        OPT_ASSETS,
        OPT_CALLGRIND_CHILD
    };
    static const struct option options[] = {
        {"quick", no_argument, NULL, 'q'},
        {"strict", no_argument, NULL, 's'},
        {"callgrind", no_argument, NULL, 'c'},
        {"callgrind-child", no_argument, NULL, OPT_CALLGRIND_CHILD},
        {"runs", required_argument, NULL, OPT_RUNS},
        {"frames", required_argument, NULL, OPT_FRAMES},
        {"unknot", required_argument, NULL, OPT_UNKNOT},
        {"assets", required_argument, NULL, OPT_ASSETS},
        {"only", required_argument, NULL, OPT_ONLY},
        {"keep", no_argument, NULL, OPT_KEEP},
        {"gpu", no_argument, NULL, OPT_GPU},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static bench b; /* large: paths; static so main's frame stays small */
    b.runs = 5;
    b.frames = 300;
    b.static_seconds = 30;
    snprintf(b.assets, sizeof b.assets, "%s", UK_BENCH_ASSETS);
    bool strict = false, callgrind = false, callgrind_child = false;
    const char *only = NULL;
    bool keep = false;
    int c;
    while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (c) {
        case 'q':
            b.quick = true;
            break;
        case 's':
            strict = true;
            break;
        case 'c':
            callgrind = true;
            break;
        case OPT_CALLGRIND_CHILD:
            callgrind_child = true;
            break;
        case OPT_RUNS:
            b.runs = atoi(optarg);
            break;
        case OPT_FRAMES:
            b.frames = atoi(optarg);
            break;
        case OPT_UNKNOT:
            snprintf(b.unknot, sizeof b.unknot, "%s", optarg);
            break;
        case OPT_ASSETS:
            snprintf(b.assets, sizeof b.assets, "%s", optarg);
            break;
        case OPT_ONLY:
            only = optarg;
            break;
        case OPT_KEEP:
            keep = true;
            break;
        case OPT_GPU:
            b.gpu = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    bool known = !only;
    for (size_t i = 0; only && i < sizeof sections / sizeof sections[0]; i++)
        known |= strcmp(only, sections[i].name) == 0;
    if (!known || optind < argc || b.runs < 1 || b.runs > BENCH_MAX_RUNS || b.frames < 1 ||
        b.frames > 100000) {
        usage(stderr);
        return 2;
    }
    if (b.quick) {
        b.runs = 1;
        b.frames = 10;
        b.static_seconds = 1;
    }
    find_unknot(&b, argv[0]);

    char error[1024];
    if (uk_fonts_find(NULL, b.regular, b.bold, sizeof b.regular, error, sizeof error) != 0) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        return 77; /* no fonts: nothing can be drawn (the CTest entry is skipped) */
    }
    if (uk_pin_hash_make(BENCH_PIN, b.pin_hash, sizeof b.pin_hash, error, sizeof error) != 0) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        return 1;
    }
    if (scratch_make(b.work, sizeof b.work, "bench") != 0) {
        perror("unknot-bench: cannot make a scratch folder");
        return 1;
    }
    /* The headless setup every figure is measured with, for this process and its children;
     * with --gpu, SDL picks the display and renderer as the kiosk does on a Pi. Framebuffer
     * acceleration is left to the kiosk (platform/output/display.c): set here, it would hide a
     * kiosk that no longer turns it off, the second trap of docs/performance.md. */
    if (!b.gpu)
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    unsetenv("SDL_FRAMEBUFFER_ACCELERATION");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("UNKNOT_CONFIG", "/dev/null", 1); /* a configuration on this machine changes nothing */

    int rc = 0;
    if (bench_make_screens(&b) != 0) {
        rc = 1;
        goto out_remove;
    }
    if (callgrind_child) {
        rc = bench_callgrind_child(&b);
        goto out_remove;
    }
    if (callgrind) {
        rc = bench_callgrind(&b, argv[0]);
        goto out_remove;
    }

    SDL_version linked;
    SDL_GetVersion(&linked);
    if (b.gpu)
        printf("unknot-bench: full screen on the display SDL %d.%d.%d picks, with its own "
               "renderer",
               linked.major, linked.minor, linked.patch);
    else
        printf("unknot-bench: %dx%d, SDL %d.%d.%d software renderer on the offscreen driver, "
               "framebuffer acceleration as the kiosk sets it",
               BENCH_W, BENCH_H, linked.major, linked.minor, linked.patch);
    printf("; median of %d run%s%s\n\n", b.runs, b.runs == 1 ? "" : "s",
           b.quick ? " (--quick: proves it works, measures little)" : "");
    printf("%-*s %12s %10s  %-5s %s\n", FIGURE_W, "figure", "value", "budget", "", "note");

    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        if (!only || strcmp(only, sections[i].name) == 0)
            sections[i].run(&b);

    printf("\n%d figure%s over budget, %d not measured\n", b.failures, b.failures == 1 ? "" : "s",
           b.errors);
    rc = b.errors ? 1 : strict && b.failures ? 1 : 0;

out_remove:
    uk_content_free(b.content);
    if (keep)
        fprintf(stderr, "unknot-bench: the scratch folder is kept: %s\n", b.work);
    else
        scratch_remove_tree(b.work);
    return rc;
}
