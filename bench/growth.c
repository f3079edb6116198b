/*
 * growth.c: what the benchmark makes in its scratch folder, and how the
 * cost of loading content and of the report grows with their size.
 *
 *   screens/      the assets (their languages, motions and routines, by
 *                 symbolic link), plus a heat and cold routine if they have
 *                 none, so every screen of the table can be reached
 *   content-N/    N routines, each a copy of the assets' first routine of
 *                 steps under its own id; loading it is timed
 *   usage-DAYS.db DAYS of sessions of the screens' routines,
 *                 SESSIONS_PER_DAY a day, and screen views, written through
 *                 platform/usage/usage_db.c; `unknot report` over it is timed,
 *                 and the admin screen's statistics (computed on the
 *                 store's writer thread); the screens' admin charts show one
 *
 * Generated files are built with cJSON from the real ones, so they follow
 * the content format as it is today, whatever it becomes.
 */
#include "bench/bench.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/usage/report.h"
#include "platform/usage/usage_db.h"

#define CONTENT_BUDGET_MS 200.0  /* 1,000 routines */
#define REPORT_BUDGET_MS  1000.0 /* a year of sessions */
#define SESSIONS_PER_DAY  100
#define BATCH             500

/* ---- files ------------------------------------------------------------------- */

static int make_dir(const char *path)
{
    if (mkdir(path, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "unknot-bench: mkdir %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int link_to(const char *target, const char *path)
{
    if (symlink(target, path) != 0 && errno != EEXIST) {
        fprintf(stderr, "unknot-bench: link %s to %s: %s\n", path, target, strerror(errno));
        return -1;
    }
    return 0;
}

/* A content folder at `dir` sharing the assets' languages and motions. */
static int make_content_dir(const bench *b, const char *dir)
{
    char from[BENCH_PATH + 32], to[BENCH_PATH + 32];
    if (make_dir(dir) != 0)
        return -1;
    snprintf(from, sizeof from, "%s/lang", b->assets);
    snprintf(to, sizeof to, "%s/lang", dir);
    if (link_to(from, to) != 0)
        return -1;
    snprintf(from, sizeof from, "%s/motions.json", b->assets);
    snprintf(to, sizeof to, "%s/motions.json", dir);
    if (link_to(from, to) != 0)
        return -1;
    snprintf(to, sizeof to, "%s/routines", dir);
    return make_dir(to);
}

static cJSON *read_json(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[len] = '\0';
    return cJSON_Parse(text);
}

static int write_json(const cJSON *json, const char *path)
{
    char *text = cJSON_PrintUnformatted(json);
    FILE *file = fopen(path, "w");
    int rc = text && file && fputs(text, file) >= 0 ? 0 : -1;
    if (file && fclose(file) != 0)
        rc = -1;
    free(text);
    if (rc != 0)
        fprintf(stderr, "unknot-bench: cannot write %s\n", path);
    return rc;
}

static bool is_json(const char *name)
{
    size_t len = strlen(name);
    return len > 5 && strcmp(name + len - 5, ".json") == 0;
}

/* ---- the screens' content ---------------------------------------------------------- */

/*
 * A heat and cold routine with every field the loader wants, its words in
 * English under every language code of the assets' lang/ folder (a missing
 * language would only be reported, but the kiosk's log should stay clean).
 */
static int write_heat_cold(const bench *b, const char *path)
{
    static const char *const texts[][2] = {
        {"title", "Heat and cold"},
        {"summary", "A warm pack, then a cold one for a new injury."},
        {"habit", "Warm a tight muscle for a few minutes before you stretch it."},
        {"question", "Is this a new injury, from the last couple of days?"},
        {"answer_new", "Yes, it is new"},
        {"answer_old", "No, it is older"},
        {"prepare_heat", "Put the warm pack on, over a thin cloth."},
        {"prepare_cold", "Put the cold pack on, over a thin cloth."},
        {"heat_hint", "Sit back and breathe slowly."},
        {"cold_hint", "Keep still. Take it off if it burns."},
        {"safety", "Always a cloth between pack and skin. Check your skin."},
    };
    static const char *const minutes[][2] = {{"heat_minutes", "15"},
                                             {"heat_max_minutes", "20"},
                                             {"cold_minutes", "10"},
                                             {"cold_max_minutes", "15"}};
    /* The language codes: the names of lang/'s files, without ".json". */
    char dir[BENCH_PATH + 32], codes[64][16];
    size_t code_count = 0;
    snprintf(dir, sizeof dir, "%s/lang", b->assets);
    DIR *folder = opendir(dir);
    struct dirent *entry;
    while (folder && (entry = readdir(folder)) != NULL &&
           code_count < sizeof codes / sizeof codes[0]) {
        size_t len = strlen(entry->d_name);
        if (is_json(entry->d_name) && len - 5 < sizeof codes[0])
            snprintf(codes[code_count++], sizeof codes[0], "%.*s", (int)(len - 5), entry->d_name);
    }
    if (folder)
        closedir(folder);

    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "id", "bench-heat-cold");
    cJSON_AddStringToObject(root, "type", "heat-cold");
    cJSON_AddStringToObject(root, "reviewed_by", "unknot-bench");
    cJSON_AddStringToObject(root, "reviewed_on", "2026-01-01");
    for (size_t i = 0; i < sizeof minutes / sizeof minutes[0]; i++)
        cJSON_AddNumberToObject(root, minutes[i][0], atoi(minutes[i][1]));
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cJSON *text = cJSON_AddObjectToObject(root, texts[i][0]);
        cJSON_AddStringToObject(text, "en", texts[i][1]);
        for (size_t c = 0; c < code_count; c++)
            if (!cJSON_HasObjectItem(text, codes[c]))
                cJSON_AddStringToObject(text, codes[c], texts[i][1]);
    }
    int rc = write_json(root, path);
    cJSON_Delete(root);
    return rc;
}

static bool has_type(const uk_content *content, uk_routine_type type)
{
    for (size_t i = 0; i < uk_content_catalog(content)->routine_count; i++)
        if (uk_content_catalog(content)->langs[0].routines[i].type == type)
            return true;
    return false;
}

int bench_make_screens(bench *b)
{
    snprintf(b->screens, sizeof b->screens, "%s/screens", b->work);
    if (make_content_dir(b, b->screens) != 0)
        return -1;
    char dir[BENCH_PATH + 32], from[BENCH_PATH + 300], to[BENCH_PATH + 300];
    snprintf(dir, sizeof dir, "%s/routines", b->assets);
    DIR *folder = opendir(dir);
    if (!folder) {
        fprintf(stderr, "unknot-bench: %s: %s (--assets DIR)\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (!is_json(entry->d_name))
            continue;
        snprintf(from, sizeof from, "%s/%s", dir, entry->d_name);
        snprintf(to, sizeof to, "%s/routines/%s", b->screens, entry->d_name);
        if (link_to(from, to) != 0)
            break;
    }
    closedir(folder);

    b->content = uk_content_load(b->screens, NULL, NULL);
    if (b->content && !has_type(b->content, UK_ROUTINE_HEAT_COLD)) {
        snprintf(to, sizeof to, "%s/routines/zz-bench-heat-cold.json", b->screens);
        uk_content_free(b->content);
        b->content = write_heat_cold(b, to) == 0 ? uk_content_load(b->screens, NULL, NULL) : NULL;
    }
    if (!b->content || !has_type(b->content, UK_ROUTINE_STEPS)) {
        fprintf(stderr, "unknot-bench: %s: no routine of steps to measure with\n", b->assets);
        return -1;
    }
    return 0;
}

/* ---- loading content ------------------------------------------------------------- */

/* The first routine of steps in the assets, as JSON: the template of every generated one. */
static cJSON *template_routine(const bench *b)
{
    char dir[BENCH_PATH + 32], path[BENCH_PATH + 300];
    snprintf(dir, sizeof dir, "%s/routines", b->assets);
    struct dirent **names;
    int count = scandir(dir, &names, NULL, alphasort);
    cJSON *found = NULL;
    for (int i = 0; i < count; i++) {
        if (!found && is_json(names[i]->d_name)) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
            cJSON *json = read_json(path);
            const cJSON *type = cJSON_GetObjectItemCaseSensitive(json, "type");
            if (json &&
                (!type || (cJSON_IsString(type) && strcmp(type->valuestring, "steps") == 0)))
                found = json;
            else
                cJSON_Delete(json);
        }
        free(names[i]);
    }
    free(count >= 0 ? names : NULL);
    return found;
}

static int make_routines(const bench *b, const cJSON *template, int count, char *dir, size_t len)
{
    snprintf(dir, len, "%s/content-%d", b->work, count);
    if (make_content_dir(b, dir) != 0)
        return -1;
    cJSON *copy = cJSON_Duplicate(template, 1);
    int rc = copy ? 0 : -1;
    for (int i = 0; rc == 0 && i < count; i++) {
        char id[32], path[BENCH_PATH + 64];
        snprintf(id, sizeof id, "bench-%04d", i);
        cJSON_ReplaceItemInObjectCaseSensitive(copy, "id", cJSON_CreateString(id));
        snprintf(path, sizeof path, "%s/routines/%04d-bench.json", dir, i);
        rc = write_json(copy, path);
    }
    cJSON_Delete(copy);
    return rc;
}

void bench_content_growth(bench *b)
{
    static const int sizes[] = {10, 100, 1000};
    cJSON *template = template_routine(b);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int size = sizes[s];
        if (b->quick && size > 10)
            break;
        char dir[BENCH_PATH + 32], figure[64];
        snprintf(figure, sizeof figure, "load %d routine%s", size, size == 1 ? "" : "s");
        double ms[BENCH_MAX_RUNS];
        int n = 0, loaded = 0;
        if (template && make_routines(b, template, size, dir, sizeof dir) == 0) {
            for (int run = 0; run < b->runs; run++) {
                uint64_t start = bench_now_ns();
                uk_content *content = uk_content_load(dir, NULL, NULL);
                uint64_t end = bench_now_ns();
                loaded = content ? (int)uk_content_catalog(content)->routine_count : 0;
                uk_content_free(content);
                if (loaded != size) {
                    fprintf(stderr, "unknot-bench: %s: %d of %d routines loaded\n", dir, loaded,
                            size);
                    break;
                }
                ms[n++] = (double)(end - start) / 1e6;
            }
        }
        bench_row(b, figure, ms, n, "ms", size == 1000 ? CONTENT_BUDGET_MS : BENCH_NONE,
                  "%d languages, every file parsed and checked",
                  b->content ? (int)uk_content_catalog(b->content)->lang_count : 0);
    }
    cJSON_Delete(template);
}

/* ---- the report ----------------------------------------------------------------------- */

int bench_make_usage(const bench *b, const char *name, int days, char *path, size_t len)
{
    static const uk_outcome outcomes[] = {UK_OUTCOME_COMPLETED, UK_OUTCOME_COMPLETED,
                                          UK_OUTCOME_COMPLETED, UK_OUTCOME_STOPPED,
                                          UK_OUTCOME_TIMED_OUT, UK_OUTCOME_DOCTOR};
    const uk_catalog *catalog = uk_content_catalog(b->content);
    snprintf(path, len, "%s/%s", b->work, name);
    char error[1024];
    uk_usage_db *db = uk_usage_db_open(path, error, sizeof error);
    if (!db) {
        fprintf(stderr, "unknot-bench: %s\n", error);
        return -1;
    }
    static uk_usage_db_item batch[BATCH];
    size_t n = 0, refused = 0;
    int64_t today = (int64_t)time(NULL) / 86400 * 86400;
    unsigned seed = 1;
    int rc = 0;
    for (int day = days - 1; rc == 0 && day >= 0; day--) {
        int64_t midnight = today - (int64_t)day * 86400;
        for (int i = 0; i < SESSIONS_PER_DAY + 7 && rc == 0; i++) {
            uk_usage_db_item *item = &batch[n++];
            memset(item, 0, sizeof *item);
            seed = seed * 1103515245u + 12345u;
            int64_t hour = midnight + (8 + (int64_t)(seed >> 16) % 12) * 3600;
            if (i >= SESSIONS_PER_DAY) { /* a few views of the doctor and about screens */
                item->kind = UK_USAGE_DB_ITEM_VIEW;
                snprintf(item->view.screen, sizeof item->view.screen, "%s",
                         i % 2 ? "doctor" : "about");
                item->view.hour = hour;
            } else {
                uk_session_row *row = &item->session;
                item->kind = UK_USAGE_DB_ITEM_SESSION;
                snprintf(row->routine, sizeof row->routine, "%s",
                         catalog->langs[0].routines[(seed >> 8) % catalog->routine_count].id);
                snprintf(row->lang, sizeof row->lang, "%s", (seed >> 12) % 4 ? "en" : "es");
                row->start_hour = hour;
                row->steps_total = 6;
                row->outcome = outcomes[(seed >> 4) % 6];
                row->steps_done = row->outcome == UK_OUTCOME_COMPLETED ? 6 : (seed >> 20) % 6;
                row->duration_s = 60 + (seed >> 10) % 600;
                row->input = (uk_input_kind)((seed >> 14) % UK_INPUT_KIND_COUNT);
            }
            if (n == BATCH) {
                rc = uk_usage_db_write(db, batch, n, &refused, error, sizeof error);
                n = 0;
            }
        }
    }
    if (rc == 0 && n > 0)
        rc = uk_usage_db_write(db, batch, n, &refused, error, sizeof error);
    if (rc != 0 || refused)
        fprintf(stderr, "unknot-bench: %s: %s (%zu rows refused)\n", path, error, refused);
    uk_usage_db_close(db);
    return rc != 0 || refused ? -1 : 0;
}

void bench_report_growth(bench *b)
{
    static const struct {
        const char *name;
        int days;
    } spans[] = {{"1 day", 1}, {"1 month", 30}, {"1 year", 365}};
    FILE *devnull = fopen("/dev/null", "w");
    for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++) {
        if (b->quick && spans[s].days > 1)
            break;
        char path[BENCH_PATH + 32];
        double report[BENCH_MAX_RUNS], stats[BENCH_MAX_RUNS];
        int n = 0, m = 0;
        char name[32];
        snprintf(name, sizeof name, "usage-%d.db", spans[s].days);
        if (devnull && bench_make_usage(b, name, spans[s].days, path, sizeof path) == 0) {
            char *argv[] = {"unknot", "report", "--db", path, NULL};
            for (int run = 0; run < b->runs; run++) {
                uint64_t start = bench_now_ns();
                int rc = uk_report_run(4, argv, devnull, stderr);
                uint64_t end = bench_now_ns();
                if (rc != 0)
                    break;
                report[n++] = (double)(end - start) / 1e6;
            }
            char error[1024];
            uk_usage_db *db = uk_usage_db_open(path, error, sizeof error);
            for (int run = 0; db && run < b->runs; run++) {
                static uk_stats snapshot;
                uint64_t start = bench_now_ns();
                int rc = uk_usage_db_stats(db, (int64_t)time(NULL), &snapshot, error, sizeof error);
                uint64_t end = bench_now_ns();
                if (rc != 0)
                    break;
                stats[m++] = (double)(end - start) / 1e6;
            }
            uk_usage_db_close(db);
        }
        char figure[64];
        int sessions = spans[s].days * SESSIONS_PER_DAY;
        snprintf(figure, sizeof figure, "report over %s of sessions", spans[s].name);
        bench_row(b, figure, report, n, "ms", spans[s].days == 365 ? REPORT_BUDGET_MS : BENCH_NONE,
                  "%d sessions, `unknot report`", sessions);
        snprintf(figure, sizeof figure, "admin statistics over %s", spans[s].name);
        bench_row(b, figure, stats, m, "ms", BENCH_NONE,
                  "the store's writer thread, when the admin screen asks");
    }
    if (devnull)
        fclose(devnull);
}
