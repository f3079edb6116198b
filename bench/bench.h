/*
 * bench.h: what the parts of unknot-bench share (see docs/performance.md).
 *
 *   main.c         options, the table and its verdicts
 *   screens.c      the kiosk in this process: CPU per frame on each screen,
 *                  a static screen, input to frame, a slow usage store,
 *                  instructions per frame under callgrind
 *   child.c        the real binary as a child: start to first frame, memory
 *   growth.c       the content folders and databases it makes, and how
 *                  loading and the report grow with them
 *   alloc_count.c  counts the loop thread's calls to malloc
 *
 * Every figure is measured `runs` times (at most BENCH_LONG_RUNS for those
 * that take many seconds a run) and the median printed, with its budget and
 * PASS or FAIL when it has one. Nothing here decides anything
 * for the kiosk; it only watches the real code run.
 */
#ifndef UK_BENCH_BENCH_H
#define UK_BENCH_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/content/content.h"
#include "platform/system/pin_hash.h"

#define BENCH_W        1280 /* the frame every figure is measured at */
#define BENCH_H        800
#define BENCH_PATH     4096
#define BENCH_NONE     (-1.0) /* a figure without a budget: printed for information */
#define BENCH_MAX_RUNS 15
/* Runs of the figures that take many seconds each (static screen, memory, slow store). */
#define BENCH_LONG_RUNS 3
/* The script lines that reach a screen state from a fresh start fit in this. */
#define BENCH_SCRIPT_MAX 16384
#define BENCH_PIN        "2468" /* the admin PIN the benchmark sets, and types */

typedef struct bench {
    bool quick;        /* a few frames and runs: only proves every part works */
    bool gpu;          /* the display SDL picks, full screen, with its own renderer (on a Pi console
                          KMSDRM and OpenGL ES) instead of offscreen and software */
    bool display_said; /* the display's driver and renderer have been printed */
    char pin_hash[UK_PIN_HASH_MAX]; /* BENCH_PIN's hash, to open the admin screen */
    int runs;                       /* measurements per figure; the median is printed */
    int frames;                     /* frames measured per screen and run */
    int static_seconds;             /* how long the static screen is watched */
    char unknot[BENCH_PATH];        /* the kiosk's binary, for start-up and memory */
    char assets[BENCH_PATH];        /* the real content: its languages, motions and routines */
    char work[BENCH_PATH];          /* scratch folder, removed at the end */
    char screens[BENCH_PATH + 32];  /* work/screens: the assets plus what the screens need */
    char regular[BENCH_PATH], bold[BENCH_PATH]; /* fonts */
    uk_content *content;                        /* loaded from `screens` */
    int failures;                               /* figures over budget */
    int errors;                                 /* figures that could not be measured */
} bench;

/* ---- the table (main.c) ---- */

/*
 * Prints one row: `figure`, the median of `values` (n of them, sorted in
 * place) in `unit`, the budget (an upper bound; BENCH_NONE: none) and a
 * note. Counts a FAIL in b->failures. n == 0 prints the row as not measured
 * (the reason is on stderr) and counts an error.
 */
void bench_row(bench *b, const char *figure, double *values, int n, const char *unit, double budget,
               const char *note_fmt, ...) __attribute__((format(printf, 7, 8)));

/* Prints a line under the table's rows, e.g. how a group of figures was measured. */
void bench_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

double bench_median(double *values, int n);

/* The p-th percentile (0..100) of `values`, sorted in place: nearest rank. */
double bench_percentile(double *values, int n, double p);

/* CLOCK_MONOTONIC in ns. */
uint64_t bench_now_ns(void);

/* CPU time of the whole process (every thread, user and system) in ns. */
uint64_t bench_process_cpu_ns(void);

/* CPU time of the calling thread in ns. */
uint64_t bench_thread_cpu_ns(void);

void bench_sleep_ms(unsigned ms);

/* ---- the parts ---- */

/* Each prints its rows. */
void bench_screens(bench *b);
void bench_static_screen(bench *b);
void bench_latency(bench *b);
void bench_slow_store(bench *b);
void bench_first_frame(bench *b);
void bench_memory(bench *b);
void bench_content_growth(bench *b);
void bench_report_growth(bench *b);

/*
 * Makes b->screens (the assets, plus a heat and cold routine if they have
 * none) and loads it into b->content. 0, or -1 with a message printed.
 */
int bench_make_screens(bench *b);

/*
 * Writes work/`name`: a usage database of `days` of sessions ending today,
 * 100 a day of the screens' routines, with screen views. Its path goes to
 * `path`. 0, or -1 with a message.
 */
int bench_make_usage(const bench *b, const char *name, int days, char *path, size_t len);

/*
 * The script lines that reach screen state `index` from a fresh start, with
 * `open TYPE` expanded, into `out`. Returns 0, or -1 (no such state, no
 * routine of that type, or more than `len` bytes of lines).
 */
int bench_state_script(const bench *b, int index, char *out, size_t len);

/* Number of states in the table of screens. */
int bench_state_count(void);

/* The name of the screen state whose frames --callgrind counts. Static storage. */
const char *bench_callgrind_state(void);

/*
 * `--callgrind`: runs this binary again under callgrind, measuring only the
 * player's frames, and prints instructions per frame. `--callgrind-child`
 * is that second run. Both return the exit status.
 */
int bench_callgrind(bench *b, const char *self); /* callgrind.c */
int bench_callgrind_child(bench *b);             /* screens.c */

/* ---- alloc_count.c ---- */

/* True when malloc, calloc and realloc are counted (not in a sanitizer build). */
bool bench_allocs_counted(void);

/* Calls to malloc, calloc and realloc made so far by the calling thread. */
unsigned long bench_allocs(void);

#endif
