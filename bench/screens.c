/*
 * screens.c: the kiosk in this process, watched frame by frame.
 *
 * Two ways to run it, both the real code (platform/loop/kiosk.c, app/, the
 * painter, SDL's software renderer on the offscreen driver):
 *
 *   - scripted (uk_kiosk_run_script): a script reaches a screen state from
 *     a fresh start, then `wait 0.016` N times, each a frame 16 ms of
 *     virtual time later, drawn and presented as the kiosk does. The loop
 *     thread's CPU time between the first and the last of those frames,
 *     divided by N, is the cost of one frame on that screen, whether the
 *     screen animates or not; times 60 it is the share of a core the
 *     screen would take at 60 frames a second. Every frame is really drawn:
 *     this is the cost of a frame, not of a screen that sleeps.
 *   - real time (uk_kiosk_run): a second thread plays the person, pushing
 *     key events into SDL's queue as a keyboard or touch would arrive, and
 *     the frame watch (uk_kiosk_watch_frames) says when each frame was shown.
 *
 * Adding a screen to the table is one entry in `states` below: a name, the
 * screen it must be on, and the script that gets there.
 */
#include "bench/bench.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef UK_BENCH_CALLGRIND
#include <callgrind.h>
#endif

#include "platform/content/script.h"
#include "platform/loop/kiosk.h"
#include "platform/output/display.h"
#include "platform/output/painter.h"
#include "platform/usage/store.h"
#include "tests/fixtures/fault_vfs.h"

#define FRAME_BUDGET_PCT     15.0 /* a screen at 60 fps, % of one core */
#define STATIC_BUDGET_PCT    0.2  /* a static screen, % of one core */
#define LATENCY_BUDGET_MS    17.0
#define FRAME_TIME_BUDGET_MS 17.0
#define SLOW_SYNC_MS         200
#define MAX_LIVE_FRAMES      4096

/* ---- the screens ------------------------------------------------------------- */

/*
 * One screen state. `script` starts from a fresh kiosk (attract mode); a
 * line `open TYPE` (steps, heat-cold, cards) wakes the kiosk and starts the
 * first routine of that type on the home screen; `pin` opens the admin
 * screen (F12) and types BENCH_PIN. The kiosk's usage log holds a month of
 * sessions.
 */
typedef struct screen_state {
    const char *name;   /* the row: "CPU per frame at 60 fps, NAME" */
    const char *screen; /* the screen it must be on (uk_screen_name) */
    const char *script;
} screen_state;

static const screen_state states[] = {
    {"home (attract)", "home", "wait 3\n"},
    {"routine player", "player", "open steps\nwait 8\n"},
    {"heat timer", "heat-cold",
     "open heat-cold\nwait 0.5\npress select\nwait 0.5\npress select\nwait 30\n"},
    {"cold timer", "heat-cold",
     "open heat-cold\nwait 0.5\npress select\nwait 0.5\npress select\nwait 5\n"
     "press down\npress select\nwait 0.5\npress select\nwait 30\n"},
    {"doctor screen", "doctor", "press back\nwait 0.5\npress help\n"},
    /* `stall` gives the store's writer the moment it takes to count a month of sessions. */
    {"admin charts", "admin", "pin\nstall 0.3\n"},
};

#define PLAYER_STATE 1 /* the one callgrind counts */

int bench_state_count(void)
{
    return (int)(sizeof states / sizeof states[0]);
}

const char *bench_callgrind_state(void)
{
    return states[PLAYER_STATE].name;
}

/* The home-screen position of the first routine of `type`, or -1. */
static int first_of_type(const bench *b, const char *type)
{
    int wanted = uk_routine_type_from_name(type);
    const uk_catalog *catalog = uk_content_catalog(b->content);
    for (size_t i = 0; wanted >= 0 && i < catalog->routine_count; i++)
        if ((int)catalog->langs[0].routines[i].type == wanted)
            return (int)i;
    return -1;
}

int bench_state_script(const bench *b, int index, char *out, size_t len)
{
    if (index < 0 || index >= bench_state_count())
        return -1;
    size_t used = 0;
    out[0] = '\0';
#define EMIT(...)                                                                                  \
    do {                                                                                           \
        int n_ = snprintf(out + used, len - used, __VA_ARGS__);                                    \
        if (n_ < 0 || (size_t)n_ >= len - used)                                                    \
            return -1;                                                                             \
        used += (size_t)n_;                                                                        \
    } while (0)
    const char *line = states[index].script;
    while (*line) {
        size_t n = strcspn(line, "\n");
        if (strncmp(line, "open ", 5) == 0) {
            char type[32];
            snprintf(type, sizeof type, "%.*s", (int)(n - 5), line + 5);
            int position = first_of_type(b, type);
            if (position < 0)
                return -1;
            /* Wake the attract mode, highlight the first, and move on as a person would: a
             * press only once what it lands on has been seen (the kiosk's settle time). */
            EMIT("press back\nwait 0.5\npress back\n");
            for (int i = 0; i < position; i++)
                EMIT("press down\n");
            EMIT("press select\n");
        } else if (strncmp(line, "pin", n) == 0 && n == 3) {
            EMIT("key f12\n");
            for (const char *digit = BENCH_PIN; *digit; digit++)
                EMIT("key %c\n", *digit);
            EMIT("key return\n");
        } else {
            EMIT("%.*s\n", (int)n, line);
        }
        line += n + (line[n] == '\n');
    }
    EMIT("expect screen %s\n", states[index].screen);
#undef EMIT
    return 0;
}

/* ---- a display and painter, as the kiosk opens them -------------------------------- */

typedef struct rig {
    uk_display *display;
    uk_painter *painter;
} rig;

static void rig_close(rig *r)
{
    uk_painter_free(r->painter);
    uk_display_close(r->display);
    memset(r, 0, sizeof *r);
}

/*
 * Opens the display headless with the software renderer, as `unknot
 * --headless` does, and checks the second trap: a software renderer that
 * draws through an emulated OpenGL context would make every figure wrong.
 * main.c removes SDL_FRAMEBUFFER_ACCELERATION from the environment, so the
 * hint seen here is the one platform/output/display.c set, as in the kiosk.
 */
static int rig_open(bench *b, rig *r)
{
    char error[1024];
    uk_display_options options = {.w = BENCH_W, .h = BENCH_H, .headless = true, .software = true};
    if (b->gpu)
        options = (uk_display_options){.w = BENCH_W, .h = BENCH_H, .fullscreen = true};
    memset(r, 0, sizeof *r);
    /* The display names its driver and renderer on stderr each time it opens: once will do. */
    fflush(stderr);
    int saved = b->display_said ? dup(STDERR_FILENO) : -1;
    int null = saved >= 0 ? open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
    if (null >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
    r->display = uk_display_open(&options, error, sizeof error);
    if (saved >= 0) {
        fflush(stderr);
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (!r->display) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        return -1;
    }
    SDL_RendererInfo info = {.name = "unknown"};
    const char *hint = SDL_GetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION);
    SDL_GetRendererInfo(uk_display_renderer(r->display), &info);
    if (!b->gpu && (strcmp(info.name, "software") != 0 ||
                    (SDL_GetWindowFlags(uk_display_window(r->display)) & SDL_WINDOW_OPENGL) ||
                    !hint || strcmp(hint, "0") != 0)) {
        fprintf(stderr,
                "unknot-bench: the display is not plain software rendering (renderer '%s', "
                "framebuffer acceleration '%s'): the figures would not mean anything\n",
                info.name, hint ? hint : "unset");
        rig_close(r);
        return -1;
    }
    if (b->gpu && !b->display_said)
        bench_say("display: video driver %s, renderer %s, %dx%d%s", SDL_GetCurrentVideoDriver(),
                  info.name, uk_display_width(r->display), uk_display_height(r->display),
                  uk_display_vsync(r->display) ? ", vsync" : "");
    b->display_said = true;
    r->painter =
        uk_painter_new(uk_display_renderer(r->display), b->regular, b->bold, error, sizeof error);
    if (!r->painter) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        rig_close(r);
        return -1;
    }
    return 0;
}

/* A kiosk as main.c makes it, with the benchmark's admin PIN. */
static uk_kiosk *new_kiosk(const bench *b, const rig *r, uk_store *store)
{
    uk_app_config cfg;
    uk_app_config_defaults(&cfg);
    cfg.admin_pin_set = true;
    uk_kiosk *kiosk = uk_kiosk_new(&cfg, b->content, store, r->display, r->painter);
    if (!kiosk) {
        fprintf(stderr, "unknot-bench: out of memory\n");
        return NULL;
    }
    uk_kiosk_serve(kiosk, &(uk_kiosk_service){.pin_hash = b->pin_hash});
    return kiosk;
}

/* ---- scripted: the cost of one frame ------------------------------------------------ */

/* How the frames of a screen are painted and watched. */
typedef enum paint_mode {
    PAINT_CHANGES,   /* as the kiosk does: what changed since the last frame */
    PAINT_WHOLE,     /* every frame whole, as after a change of screen (and on a GPU) */
    PAINT_CALLGRIND, /* as the kiosk does, counted by callgrind */
} paint_mode;

typedef struct scripted {
    size_t shown;               /* frames shown so far */
    size_t mark, end;           /* the measured frames are mark+1 .. end */
    uint64_t cpu_mark, cpu_end; /* the loop thread's CPU time at those two */
    unsigned long allocs_mark, allocs_end;
    paint_mode mode;
    uk_painter *painter; /* PAINT_WHOLE: told after each frame that it must paint all again */
} scripted;

static void on_scripted_frame(void *ctx, const uk_kiosk_frame *frame)
{
    (void)frame;
    scripted *s = ctx;
    s->shown++;
    if (s->shown == s->end) {
        s->cpu_end = bench_thread_cpu_ns();
        s->allocs_end = bench_allocs();
#ifdef UK_BENCH_CALLGRIND
        if (s->mode == PAINT_CALLGRIND)
            CALLGRIND_DUMP_STATS_AT("unknot-bench frames");
#endif
    }
    if (s->mode == PAINT_WHOLE)
        uk_painter_invalidate(s->painter);
    if (s->shown == s->mark) {
#ifdef UK_BENCH_CALLGRIND
        if (s->mode == PAINT_CALLGRIND)
            CALLGRIND_ZERO_STATS;
#endif
        s->allocs_mark = bench_allocs();
        s->cpu_mark = bench_thread_cpu_ns();
    }
}

/*
 * Runs screen state `index` and then `frames` frames of it. Fills the CPU
 * time (ms) and the allocations per frame. 0, or -1 with a message.
 */
static int run_state(const bench *b, const rig *r, uk_store *store, int index, int frames,
                     paint_mode mode, double *ms_per_frame, double *allocs_per_frame)
{
    char setup[BENCH_SCRIPT_MAX]; /* the lines that reach the state; the frames' go straight
                                     to the file */
    if (bench_state_script(b, index, setup, sizeof setup) != 0) {
        fprintf(stderr,
                "unknot-bench: screen '%s': no way there with this content (no routine of "
                "that type, or more than %d bytes of script before it)\n",
                states[index].name, BENCH_SCRIPT_MAX);
        return -1;
    }
    char path[BENCH_PATH + 32];
    snprintf(path, sizeof path, "%s/state-%d.txt", b->work, index);
    FILE *file = fopen(path, "w");
    if (!file) {
        fprintf(stderr, "unknot-bench: %s: %s\n", path, strerror(errno));
        return -1;
    }
    fputs(setup, file);
    for (int i = 0; i < frames; i++)
        fputs("wait 0.016\n", file);
    fclose(file);

    char error[1024];
    uk_script *script = uk_script_load(path, error, sizeof error);
    if (!script) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        return -1;
    }
    int rc = -1;
    uk_kiosk *kiosk = new_kiosk(b, r, store);
    if (!kiosk)
        goto out_free_script;
    /* Every command of a script ends with a frame: the setup's last is the mark. */
    scripted s = {.mark = uk_script_count(script) - (size_t)frames,
                  .end = uk_script_count(script),
                  .mode = mode,
                  .painter = r->painter};
    uk_kiosk_watch_frames(kiosk, on_scripted_frame, &s);
    int status = uk_kiosk_run_script(kiosk, script, b->work);
    if (status != 0 || s.shown != uk_script_count(script)) {
        fprintf(stderr, "unknot-bench: screen '%s': the script did not reach it (status %d)\n",
                states[index].name, status);
        goto out_free_kiosk;
    }
    *ms_per_frame = (double)(s.cpu_end - s.cpu_mark) / 1e6 / frames;
    *allocs_per_frame = (double)(s.allocs_end - s.allocs_mark) / frames;
    rc = 0;

out_free_kiosk:
    uk_kiosk_free(kiosk);
out_free_script:
    uk_script_free(script);
    return rc;
}

/* A store over a month of sessions, for the screens (the admin charts show them). */
static uk_store *month_of_usage(const bench *b)
{
    char path[BENCH_PATH + 32], error[1024];
    if (bench_make_usage(b, "screens.db", 30, path, sizeof path) != 0)
        return NULL;
    uk_store *store = uk_store_open(path, error, sizeof error);
    if (!store)
        fprintf(stderr, "unknot-bench: %s\n", error);
    return store;
}

void bench_screens(bench *b)
{
    rig r;
    uk_store *store = month_of_usage(b);
    bool open = store && rig_open(b, &r) == 0;
    for (int i = 0; i < bench_state_count(); i++) {
        char figure[96];
        snprintf(figure, sizeof figure, "CPU per frame at 60 fps, %s", states[i].name);
        double pct[BENCH_MAX_RUNS], ms[BENCH_MAX_RUNS], whole[BENCH_MAX_RUNS], allocs = 0, ignored;
        int n = 0;
        for (int run = 0; open && run < b->runs; run++) {
            if (run_state(b, &r, store, i, b->frames, PAINT_CHANGES, &ms[n], &allocs) != 0 ||
                run_state(b, &r, store, i, b->frames, PAINT_WHOLE, &whole[n], &ignored) != 0)
                break;
            pct[n] = ms[n] * 60 / 1000 * 100;
            n++;
        }
        char allocs_note[64] = "";
        if (bench_allocs_counted())
            snprintf(allocs_note, sizeof allocs_note, "; %.0f malloc/frame", allocs);
        double ms_median = n ? bench_median(ms, n) : 0,
               whole_median = n ? bench_median(whole, n) : 0;
        bench_row(b, figure, pct, n, "%", FRAME_BUDGET_PCT, "%.2f ms/frame, %.2f painted whole%s",
                  ms_median, whole_median, allocs_note);
    }
    if (open)
        rig_close(&r);
    uk_store_close(store);
}

/* ---- real time: the person, a thread that presses keys ---------------------------- */

typedef struct live {
    bench *b;
    uk_kiosk *kiosk;
    uk_store *store;           /* the slow-store run's, for the frame watch's writes */
    atomic_uint frames;        /* frames shown */
    _Atomic uint64_t shown_ns; /* when the last one was */
    /* The slow-store run: frames measured while `measuring`. */
    atomic_bool measuring;
    bool vsync; /* the display's present waits for the screen */
    size_t count;
    double frame_ms[MAX_LIVE_FRAMES]; /* woke up .. shown, and the store call after it */
    double gap_ms[MAX_LIVE_FRAMES];   /* shown .. shown */
    uint64_t last_shown_ns;
    double longest_store_call_ms;
    /* What the person thread found. */
    double results[256];
    int result_count;
    double cpu_pct;
    unsigned static_frames;
} live;

static void on_live_frame(void *ctx, const uk_kiosk_frame *frame)
{
    live *l = ctx;
    if (atomic_load(&l->measuring) && l->store) {
        /* What the loop does with a finished session or a screen view: queue it. Every sixth
         * frame keeps the slow writer busy all the time. */
        uint64_t before = bench_now_ns();
        if (l->count % 6 == 0)
            uk_store_count_view(l->store, "bench", (int64_t)time(NULL));
        uint64_t after = bench_now_ns();
        double call = (double)(after - before) / 1e6;
        if (call > l->longest_store_call_ms)
            l->longest_store_call_ms = call;
        if (l->count < MAX_LIVE_FRAMES) {
            /* With vsync the present waits for the screen: that wait is not the frame's work. */
            uint64_t work = frame->shown_ns - frame->woke_ns;
            if (l->vsync)
                work = frame->presenting_ns - frame->woke_ns;
            l->frame_ms[l->count] = (double)(work + (after - before)) / 1e6;
            l->gap_ms[l->count] =
                l->last_shown_ns ? (double)(frame->shown_ns - l->last_shown_ns) / 1e6 : 0;
            l->count++;
        }
    }
    l->last_shown_ns = frame->shown_ns;
    atomic_store(&l->shown_ns, frame->shown_ns);
    atomic_fetch_add(&l->frames, 1);
}

static void push_key(SDL_Keycode key)
{
    SDL_Event event = {.type = SDL_KEYDOWN};
    event.key.state = SDL_PRESSED;
    event.key.keysym.sym = key;
    event.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    SDL_PushEvent(&event);
}

static void push_quit(void)
{
    SDL_Event event = {.type = SDL_QUIT};
    SDL_PushEvent(&event);
}

/* Waits until a frame after `frames` is shown; its time, or 0 after a second without one. */
static uint64_t next_frame(live *l, unsigned frames)
{
    uint64_t give_up = bench_now_ns() + 1000000000u;
    while (atomic_load(&l->frames) == frames) {
        if (bench_now_ns() > give_up)
            return 0;
        struct timespec ts = {0, 100000}; /* 0.1 ms */
        nanosleep(&ts, NULL);
    }
    return atomic_load(&l->shown_ns);
}

/* Runs the kiosk in real time on this thread while `person` plays on another. */
static int run_live(bench *b, uk_store *store, void *(*person)(void *), live *l)
{
    rig r;
    if (rig_open(b, &r) != 0)
        return -1;
    int rc = -1;
    memset(l, 0, sizeof *l);
    l->b = b;
    l->store = store;
    l->vsync = uk_display_vsync(r.display);
    l->kiosk = new_kiosk(b, &r, store);
    if (!l->kiosk)
        goto out_close;
    uk_kiosk_watch_frames(l->kiosk, on_live_frame, l);
    pthread_t thread;
    if (pthread_create(&thread, NULL, person, l) != 0) {
        fprintf(stderr, "unknot-bench: cannot start a thread\n");
        goto out_free;
    }
    uk_kiosk_run(l->kiosk);
    pthread_join(thread, NULL);
    rc = 0;
out_free:
    uk_kiosk_free(l->kiosk);
out_close:
    rig_close(&r);
    return rc;
}

/* The first key only wakes the attract mode; then home is still. */
static void wake(void)
{
    bench_sleep_ms(300);
    push_key(SDLK_ESCAPE);
}

/* ---- a static screen ---------------------------------------------------------------- */

static void *watch_static(void *arg)
{
    live *l = arg;
    wake();
    bench_sleep_ms(1000);
    unsigned frames = atomic_load(&l->frames);
    uint64_t cpu = bench_process_cpu_ns(), start = bench_now_ns();
    bench_sleep_ms((unsigned)l->b->static_seconds * 1000);
    uint64_t cpu_end = bench_process_cpu_ns(), end = bench_now_ns();
    l->static_frames = atomic_load(&l->frames) - frames;
    l->cpu_pct = (double)(cpu_end - cpu) / (double)(end - start) * 100;
    push_quit();
    return NULL;
}

void bench_static_screen(bench *b)
{
    char path[BENCH_PATH + 32], error[1024];
    snprintf(path, sizeof path, "%s/static.db", b->work);
    uk_store *store = uk_store_open(path, error, sizeof error); /* its thread idles too */
    if (!store)
        fprintf(stderr, "unknot-bench: %s\n", error);
    static live l;
    double pct[BENCH_MAX_RUNS];
    unsigned frames = 0;
    int n = 0;
    for (int run = 0; store && run < b->runs && run < BENCH_LONG_RUNS; run++) {
        if (run_live(b, store, watch_static, &l) != 0)
            break;
        pct[n++] = l.cpu_pct;
        frames += l.static_frames;
    }
    uk_store_close(store);
    char figure[96];
    snprintf(figure, sizeof figure, "CPU on a static screen over %d s (home)", b->static_seconds);
    bench_row(b, figure, pct, n, "%", STATIC_BUDGET_PCT,
              "%d run%s; whole process; %u frame%s drawn meanwhile", n, n == 1 ? "" : "s", frames,
              frames == 1 ? "" : "s");
}

/* ---- input to frame ------------------------------------------------------------------ */

static void *press_keys(void *arg)
{
    live *l = arg;
    wake();
    bench_sleep_ms(500);
    int presses = l->b->quick ? 3 : 40;
    for (int i = 0;
         i < presses && l->result_count < (int)(sizeof l->results / sizeof l->results[0]); i++) {
        unsigned frames = atomic_load(&l->frames);
        uint64_t pressed = bench_now_ns();
        push_key(i % 2 ? SDLK_UP : SDLK_DOWN); /* the highlight moves: a new frame */
        uint64_t shown = next_frame(l, frames);
        if (shown)
            l->results[l->result_count++] = (double)(shown - pressed) / 1e6;
        bench_sleep_ms(60 + (unsigned)(i * 37 % 50)); /* not in step with anything */
    }
    push_quit();
    return NULL;
}

void bench_latency(bench *b)
{
    static live l;
    double medians[BENCH_MAX_RUNS], all[BENCH_MAX_RUNS * 64];
    int n = 0, count = 0;
    for (int run = 0; run < b->runs; run++) {
        if (run_live(b, NULL, press_keys, &l) != 0 || l.result_count == 0)
            break;
        for (int i = 0; i < l.result_count && count < (int)(sizeof all / sizeof all[0]); i++)
            all[count++] = l.results[i];
        medians[n++] = bench_median(l.results, l.result_count);
    }
    double p99 = bench_percentile(all, count, 99), worst = count ? all[count - 1] : 0;
    bench_row(b, "input to frame shown (key on home)", medians, n, "ms", LATENCY_BUDGET_MS,
              "%d presses; p99 %.1f, max %.1f ms", count, p99, worst);
}

/* ---- frame times while the usage store is slow ------------------------------------------ */

static void *play_routine(void *arg)
{
    live *l = arg;
    wake();
    bench_sleep_ms(500);   /* as a person would: the woken screen is seen before it is pressed */
    push_key(SDLK_ESCAPE); /* the first routine on the list is highlighted */
    int position = first_of_type(l->b, "steps");
    for (int i = 0; i < position; i++)
        push_key(SDLK_DOWN);
    push_key(SDLK_RETURN);
    bench_sleep_ms(6500); /* the 5 s get-ready, then the figure moves */
    atomic_store(&l->measuring, true);
    bench_sleep_ms(l->b->quick ? 1000 : 5000);
    atomic_store(&l->measuring, false);
    push_quit();
    return NULL;
}

void bench_slow_store(bench *b)
{
    char path[BENCH_PATH + 32], error[1024];
    static live l;
    double p50[BENCH_MAX_RUNS], p99[BENCH_MAX_RUNS], worst_gap = 0, worst_call = 0;
    long syncs = 0;
    int n = 0, frames = 0;
    fault_vfs *vfs = fault_vfs_install(); /* SQLite's default from now on: the store's too */
    for (int run = 0; vfs && run < b->runs && run < BENCH_LONG_RUNS; run++) {
        snprintf(path, sizeof path, "%s/slow-%d.db", b->work, run);
        fault_vfs_set_sync_delay_ms(vfs, 0);
        uk_store *store = uk_store_open(path, error, sizeof error);
        if (!store) {
            fprintf(stderr, "unknot-bench: %s\n", error);
            break;
        }
        fault_vfs_set_sync_delay_ms(vfs, SLOW_SYNC_MS);
        long before = fault_vfs_syncs(vfs);
        int rc = run_live(b, store, play_routine, &l);
        syncs += fault_vfs_syncs(vfs) - before;
        fault_vfs_set_sync_delay_ms(vfs, 0);
        uk_store_close(store);
        if (rc != 0 || l.count < 2)
            break;
        frames += (int)l.count;
        for (size_t i = 1; i < l.count; i++)
            worst_gap = fmax(worst_gap, l.gap_ms[i]);
        worst_call = fmax(worst_call, l.longest_store_call_ms);
        p50[n] = bench_percentile(l.frame_ms, (int)l.count, 50);
        p99[n] = bench_percentile(l.frame_ms, (int)l.count, 99);
        n++;
    }
    fault_vfs_uninstall(vfs);
    bench_row(b, "frame time p50, routine player, fsync +200 ms", p50, n, "ms", BENCH_NONE,
              "%d run%s; %d frames; %ld slow fsyncs meanwhile", n, n == 1 ? "" : "s", frames,
              syncs);
    bench_row(b, "frame time p99, routine player, fsync +200 ms", p99, n, "ms",
              FRAME_TIME_BUDGET_MS,
              "%d run%s; longest gap between frames %.1f ms, store call %.2f ms", n,
              n == 1 ? "" : "s", worst_gap, worst_call);
}

/* ---- instructions per frame, under callgrind ------------------------------------------ */

int bench_callgrind_child(bench *b)
{
#ifdef UK_BENCH_CALLGRIND
    rig r;
    if (rig_open(b, &r) != 0)
        return 1;
    double ms, allocs;
    int rc =
        run_state(b, &r, NULL, PLAYER_STATE, b->frames, PAINT_CALLGRIND, &ms, &allocs) == 0 ? 0 : 1;
    rig_close(&r);
    return rc;
#else
    (void)b;
    return 1;
#endif
}
