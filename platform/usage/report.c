/*
 * report.c: `unknot report` and `unknot export` (see platform/usage/report.h).
 *
 * Every number comes from one SQL query per table, run in one read
 * transaction on a read-only connection; C only formats. A table is
 * described once (its query and its columns) and drawn twice: as aligned
 * text for a person, or as CSV rows `section,group,key,measure,value` for a
 * spreadsheet's pivot table.
 *
 * Suppression, the one rule: a cell whose count (or whose base, for a rate
 * or a median) is below UK_STATS_SUPPRESS_BELOW shows "<5". Zero counts as
 * fewer than five.
 *
 * It must not: open the database for writing, create it, or print anything
 * that is not an aggregate.
 */
#include "platform/usage/report.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "app/model/stats.h"
#include "platform/system/config.h"
#include "platform/system/paths.h"
#include "platform/usage/usage_schema.h"

#define PATH_LEN   4096
#define CELL_LEN   32
#define MAX_VALUES 8
#define SUPPRESSED "<5"

/* ---- the tables --------------------------------------------------------------------------- */

typedef enum column_kind {
    COUNT,    /* values[a]: a number of sessions or views */
    RATE,     /* values[a] / values[b]: completions over starts */
    DURATION, /* values[a] seconds: a median over values[b] sessions */
} column_kind;

typedef struct column {
    const char *title;   /* in the text report */
    const char *measure; /* in the CSV */
    column_kind kind;
    int a, b; /* value indices, see column_kind */
} column;

/*
 * Each query takes ?1 = since (Unix s) and returns: group, key, then the
 * values the columns point at.
 */
typedef struct table {
    const char *section;     /* CSV section */
    const char *title;       /* text heading */
    const char *group_title; /* heading of the group column; NULL: no such column */
    const char *key_title;   /* heading of the key column; NULL: no such column */
    int min_version;         /* schema version that has the data (usage_schema.h) */
    const char *sql;
    column columns[MAX_VALUES];
    int column_count;
} table;

#define STARTS_COLUMNS                                                                             \
    {"starts", "starts", COUNT, 0, 0}, {"completed", "completions", COUNT, 1, 0},                  \
    {                                                                                              \
        "rate", "completion_rate", RATE, 1, 0                                                      \
    }

static const table tables[] = {
    {"routine",
     "Per routine",
     "routine",
     NULL,
     UK_USAGE_SCHEMA_SESSIONS_SINCE,
     "WITH s AS (SELECT * FROM sessions WHERE start_hour >= ?1),\n"
     "ranked AS (SELECT routine, duration_s,\n"
     "    row_number() OVER (PARTITION BY routine ORDER BY duration_s) AS i,\n"
     "    count(*) OVER (PARTITION BY routine) AS n FROM s),\n"
     "medians AS (SELECT routine, avg(duration_s) AS median FROM ranked\n"
     "    WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY routine)\n"
     "SELECT routine, '', count(*), sum(outcome = 'completed'), median,\n"
     "    sum(outcome = 'stopped'), sum(outcome = 'timed_out'), sum(outcome = 'doctor')\n"
     "FROM s JOIN medians USING (routine) GROUP BY routine ORDER BY routine",
     {STARTS_COLUMNS,
      {"median", "median_duration_s", DURATION, 2, 0},
      {"stopped", "stopped", COUNT, 3, 0},
      {"timed out", "timed_out", COUNT, 4, 0},
      {"doctor", "doctor", COUNT, 5, 0}},
     7},
    {"stop_step",
     "Where unfinished sessions stopped",
     "routine",
     "step",
     UK_USAGE_SCHEMA_SESSIONS_SINCE,
     "SELECT routine, min(steps_done + 1, steps_total) AS step, count(*) FROM sessions\n"
     "WHERE start_hour >= ?1 AND outcome <> 'completed' GROUP BY routine, step\n"
     "ORDER BY routine, step",
     {{"sessions", "sessions", COUNT, 0, 0}},
     1},
    {"hour",
     "By hour of the day",
     NULL,
     "hour",
     UK_USAGE_SCHEMA_SESSIONS_SINCE,
     "SELECT '', strftime('%H', start_hour, 'unixepoch', 'localtime') AS h, count(*),\n"
     "    sum(outcome = 'completed') FROM sessions WHERE start_hour >= ?1 GROUP BY h ORDER BY h",
     {STARTS_COLUMNS},
     3},
    {"weekday",
     "By weekday",
     NULL,
     "day",
     UK_USAGE_SCHEMA_SESSIONS_SINCE,
     "SELECT '', substr('SunMonTueWedThuFriSat', 1 + 3 * w, 3), count(*),\n"
     "    sum(outcome = 'completed') FROM (SELECT *, CAST(strftime('%w', start_hour, 'unixepoch',\n"
     "    'localtime') AS INTEGER) AS w FROM sessions WHERE start_hour >= ?1)\n"
     "GROUP BY w ORDER BY (w + 6) % 7",
     {STARTS_COLUMNS},
     3},
    {"input",
     "By input kind",
     NULL,
     "input",
     UK_USAGE_SCHEMA_SESSIONS_SINCE,
     "SELECT '', input, count(*), sum(outcome = 'completed') FROM sessions\n"
     "WHERE start_hour >= ?1 GROUP BY input ORDER BY input",
     {STARTS_COLUMNS},
     3},
    {"screen_views",
     "Screen views",
     "screen",
     NULL,
     UK_USAGE_SCHEMA_SCREEN_VIEWS_SINCE,
     "SELECT screen, '', sum(views) FROM screen_views WHERE hour >= ?1\n"
     "GROUP BY screen ORDER BY screen",
     {{"views", "views", COUNT, 0, 0}},
     1},
};

/* ---- cells -------------------------------------------------------------------------------- */

typedef struct row {
    char group[UK_ID_MAX];
    char key[16];
    double values[MAX_VALUES];
} row;

static bool few(double count)
{
    return count < UK_STATS_SUPPRESS_BELOW;
}

/* One cell, for a person (`csv` false) or a spreadsheet. */
static void format_cell(const column *c, const row *r, bool csv, char *buf, size_t len)
{
    double a = r->values[c->a], b = r->values[c->b];
    switch (c->kind) {
    case COUNT:
        if (few(a))
            snprintf(buf, len, SUPPRESSED);
        else
            snprintf(buf, len, "%.0f", a);
        break;
    case RATE:
        if (few(a) || few(b))
            snprintf(buf, len, SUPPRESSED);
        else if (csv)
            snprintf(buf, len, "%.3f", a / b);
        else
            snprintf(buf, len, "%.0f%%", 100.0 * a / b);
        break;
    case DURATION: {
        long seconds = (long)(a + 0.5);
        if (few(b))
            snprintf(buf, len, SUPPRESSED);
        else if (csv)
            snprintf(buf, len, "%ld", seconds);
        else
            snprintf(buf, len, "%ld:%02ld", seconds / 60, seconds % 60);
        break;
    }
    }
}

/* The key as a person reads it: "09" is an hour, "3" a step. */
static void format_key(const table *t, const row *r, char *buf, size_t len)
{
    if (strcmp(t->section, "hour") == 0)
        snprintf(buf, len, "%s:00", r->key);
    else
        snprintf(buf, len, "%s", r->key);
}

/* ---- CSV ---------------------------------------------------------------------------------- */

/* One field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
static void csv_field(FILE *out, const char *text, bool last)
{
    if (strpbrk(text, ",\"\r\n") == NULL) {
        fputs(text, out);
    } else {
        fputc('"', out);
        for (const char *p = text; *p != '\0'; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    }
    fputs(last ? "\r\n" : ",", out);
}

static void csv_table(FILE *out, const table *t, const row *rows, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        for (int c = 0; c < t->column_count; c++) {
            char cell[CELL_LEN];
            format_cell(&t->columns[c], &rows[i], true, cell, sizeof cell);
            csv_field(out, t->section, false);
            csv_field(out, rows[i].group, false);
            csv_field(out, rows[i].key, false);
            csv_field(out, t->columns[c].measure, false);
            csv_field(out, cell, true);
        }
    }
}

/* ---- text --------------------------------------------------------------------------------- */

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

static void text_table(FILE *out, const table *t, const row *rows, size_t count)
{
    fprintf(out, "\n%s\n", t->title);
    if (count == 0) {
        fprintf(out, "  (none)\n");
        return;
    }
    int group_w = t->group_title != NULL ? (int)strlen(t->group_title) : 0;
    int key_w = t->key_title != NULL ? (int)strlen(t->key_title) : 0;
    int cell_w[MAX_VALUES];
    for (int c = 0; c < t->column_count; c++)
        cell_w[c] = max_int((int)strlen(t->columns[c].title), 5);
    for (size_t i = 0; i < count; i++) {
        char key[CELL_LEN];
        format_key(t, &rows[i], key, sizeof key);
        group_w = max_int(group_w, (int)strlen(rows[i].group));
        key_w = max_int(key_w, (int)strlen(key));
    }

    fputs(" ", out);
    if (t->group_title != NULL)
        fprintf(out, " %-*s", group_w, t->group_title);
    if (t->key_title != NULL)
        fprintf(out, " %-*s", key_w, t->key_title);
    for (int c = 0; c < t->column_count; c++)
        fprintf(out, "  %*s", cell_w[c], t->columns[c].title);
    fputs("\n", out);

    for (size_t i = 0; i < count; i++) {
        char key[CELL_LEN];
        format_key(t, &rows[i], key, sizeof key);
        fputs(" ", out);
        if (t->group_title != NULL)
            fprintf(out, " %-*s", group_w, rows[i].group);
        if (t->key_title != NULL)
            fprintf(out, " %-*s", key_w, key);
        for (int c = 0; c < t->column_count; c++) {
            char cell[CELL_LEN];
            format_cell(&t->columns[c], &rows[i], false, cell, sizeof cell);
            fprintf(out, "  %*s", cell_w[c], cell);
        }
        fputs("\n", out);
    }
}

/* ---- reading ------------------------------------------------------------------------------ */

/* Runs a table's query into a growing array. Returns the row count, or -1 with a message. */
static long read_table(sqlite3 *db, const table *t, int64_t since_s, row **rows, FILE *err,
                       const char *path)
{
    sqlite3_stmt *stmt = NULL;
    size_t count = 0, capacity = 0;
    int rc = sqlite3_prepare_v2(db, t->sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 1, since_s);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        if (count == capacity) {
            size_t grown = capacity ? capacity * 2 : 32;
            row *bigger = realloc(*rows, grown * sizeof **rows);
            if (bigger == NULL) {
                rc = SQLITE_NOMEM;
                break;
            }
            *rows = bigger;
            capacity = grown;
        }
        row *r = &(*rows)[count++];
        memset(r, 0, sizeof *r);
        const unsigned char *group = sqlite3_column_text(stmt, 0);
        const unsigned char *key = sqlite3_column_text(stmt, 1);
        snprintf(r->group, sizeof r->group, "%s", group != NULL ? (const char *)group : "");
        snprintf(r->key, sizeof r->key, "%s", key != NULL ? (const char *)key : "");
        int n = sqlite3_column_count(stmt) - 2;
        for (int v = 0; v < n && v < MAX_VALUES; v++)
            r->values[v] = sqlite3_column_double(stmt, v + 2);
    }
    if (rc != SQLITE_DONE) {
        fprintf(err, "unknot: %s: %s: %s\n", path, t->title,
                rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
        return -1;
    }
    sqlite3_finalize(stmt);
    return (long)count;
}

/* Opens `path` read-only and checks that it is a usage log this build understands. */
static sqlite3 *open_read_only(const char *path, int *version, FILE *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        fprintf(err, "unknot: cannot read %s: %s (check the path, or pass --db PATH)\n", path,
                db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    bool usable = false;
    if (uk_usage_schema_read_version(db, version) != 0)
        fprintf(err, "unknot: cannot read %s: %s\n", path, sqlite3_errmsg(db));
    else if (*version < 1)
        fprintf(err, "unknot: %s is not an unknot usage log (pass --db PATH)\n", path);
    else if (*version > UK_USAGE_SCHEMA_VERSION)
        fprintf(err,
                "unknot: %s has schema version %d but this unknot knows only up to %d (upgrade "
                "unknot)\n",
                path, *version, UK_USAGE_SCHEMA_VERSION);
    else
        usable = true;
    if (!usable) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* ---- the command -------------------------------------------------------------------------- */

static void warn(void *ctx, const char *message)
{
    fprintf((FILE *)ctx, "unknot: %s\n", message);
}

/*
 * The database the kiosk writes: --db, else [usage] database from the
 * configuration file and the environment (read as the kiosk reads them,
 * problems reported as warnings), else the default for reading, which
 * creates nothing. 0, or 1 with a message on `err`.
 */
static int find_database(const char *db_arg, const char *config_arg, char *path, size_t len,
                         FILE *err)
{
    if (db_arg != NULL) {
        snprintf(path, len, "%s", db_arg);
        return 0;
    }
    uk_config *config = malloc(sizeof *config);
    if (config == NULL) {
        fprintf(err, "unknot: out of memory\n");
        return 1;
    }
    uk_config_defaults(config);
    char error[512];
    int rc = 0;
    if (uk_config_read_settings(config, config_arg, warn, err) != 0) {
        fprintf(err, "unknot: cannot read the configuration file %s: %s (pass --db PATH)\n",
                config->run.config, strerror(errno));
        rc = 1;
    } else if (uk_paths_usage_db(config->usage.database, UK_PATHS_READ, path, len, error,
                                 sizeof error) != 0) {
        fprintf(err, "unknot: %s\n", error);
        rc = 1;
    }
    free(config);
    return rc;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: unknot report [--since DATE] [--db PATH | --config FILE]\n"
            "       unknot export --csv FILE [--since DATE] [--db PATH | --config FILE]\n"
            "Sums up the anonymous usage log: per routine starts, completions, completion rate,\n"
            "median duration and outcomes; where unfinished sessions stopped; use by hour of the\n"
            "day, by weekday and by input kind; screen views. Counts below 5 show as \"<5\".\n"
            "\n"
            "  --since DATE   only sessions from this day on (YYYY-MM-DD, local time)\n"
            "  --db PATH      the usage database (default: [usage] database of the\n"
            "                 configuration, as the kiosk reads it; if that is empty, the\n"
            "                 service's, " UK_PATHS_SERVICE_DB ", when it exists; else\n"
            "                 the one of the kiosk run by this user)\n"
            "  --config FILE  the kiosk's configuration file (default $UNKNOT_CONFIG, else\n"
            "                 " UK_CONFIG_DEFAULT_FILE ")\n"
            "  --csv FILE     (export) write CSV rows section,group,key,measure,value to FILE\n"
            "                 (- for standard output)\n"
            "  --help         show this help\n");
}

/* "YYYY-MM-DD" to local midnight in Unix s; -1 if not a real date. */
static int64_t parse_date(const char *text)
{
    int y, m, d;
    char tail;
    if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return -1;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
    time_t t = mktime(&tm);
    if (t == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != m - 1 || tm.tm_mday != d)
        return -1;
    return (int64_t)t;
}

int uk_report_run(int argc, char **argv, FILE *out, FILE *err)
{
    enum {
        OPT_SINCE = 256,
        OPT_DB,
        OPT_CSV,
        OPT_CONFIG,
        OPT_HELP
    };
    static const struct option long_options[] = {
        {"since", required_argument, NULL, OPT_SINCE},
        {"db", required_argument, NULL, OPT_DB},
        {"csv", required_argument, NULL, OPT_CSV},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"help", no_argument, NULL, OPT_HELP},
        {0},
    };
    bool export = argc > 1 && strcmp(argv[1], "export") == 0;
    const char *since_text = NULL, *db_arg = NULL, *csv_path = NULL, *config_arg = NULL;
    int64_t since_s = 0;

    /* Parse what follows the command word; glibc restarts getopt when optind is 0. */
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc - 1, argv + 1, "", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_SINCE:
            since_text = optarg;
            since_s = parse_date(optarg);
            if (since_s < 0) {
                fprintf(err, "unknot: --since %s: expected a date as YYYY-MM-DD\n", optarg);
                return 2;
            }
            break;
        case OPT_DB:
            db_arg = optarg;
            break;
        case OPT_CSV:
            csv_path = optarg;
            break;
        case OPT_CONFIG:
            config_arg = optarg;
            break;
        case OPT_HELP:
            usage(out);
            return 0;
        default:
            fprintf(err, "unknot %s: unknown or incomplete option '%s' (see unknot %s --help)\n",
                    argv[1], argv[optind], argv[1]);
            return 2;
        }
    }
    if (optind + 1 < argc) {
        fprintf(err, "unknot %s: unexpected argument '%s'\n", argv[1], argv[optind + 1]);
        return 2;
    }
    if (export != (csv_path != NULL)) {
        fprintf(err, export ? "unknot export: --csv FILE is required\n"
                            : "unknot report: --csv belongs to unknot export\n");
        return 2;
    }

    char path[PATH_LEN];
    if (find_database(db_arg, config_arg, path, sizeof path, err) != 0)
        return 1;
    int version = 0;
    sqlite3 *db = open_read_only(path, &version, err);
    if (db == NULL)
        return 1;

    int rc = 1;
    FILE *csv = NULL;
    row *rows = NULL;
    if (export) {
        csv = strcmp(csv_path, "-") == 0 ? out : fopen(csv_path, "w");
        if (csv == NULL) {
            fprintf(err, "unknot: cannot write %s: %s\n", csv_path, strerror(errno));
            goto out_close_db;
        }
        fputs("section,group,key,measure,value\r\n", csv);
    }

    /* One read transaction: every table counts the same sessions. */
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    if (!export) {
        sqlite3_stmt *stmt = NULL;
        double total = 0;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions WHERE start_hour >= ?1", -1,
                               &stmt, NULL) == SQLITE_OK &&
            sqlite3_bind_int64(stmt, 1, since_s) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            total = sqlite3_column_double(stmt, 0);
        sqlite3_finalize(stmt);
        char count[CELL_LEN];
        column total_column = {"", "", COUNT, 0, 0};
        row total_row = {.values = {total}};
        format_cell(&total_column, &total_row, false, count, sizeof count);
        fprintf(out, "Usage of %s%s%s: %s session%s\n", path, since_text ? " since " : "",
                since_text ? since_text : "", count, total == 1 ? "" : "s");
        fprintf(out, "Counts below %d are shown as \"%s\"; hours and days are local time.\n",
                UK_STATS_SUPPRESS_BELOW, SUPPRESSED);
    }
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        const table *t = &tables[i];
        if (version < t->min_version)
            continue;
        long count = read_table(db, t, since_s, &rows, err, path);
        if (count < 0)
            goto out_close_csv;
        if (export)
            csv_table(csv, t, rows, (size_t)count);
        else
            text_table(out, t, rows, (size_t)count);
    }
    rc = 0;

out_close_csv:
    if (csv != NULL && csv != out && fclose(csv) != 0 && rc == 0) {
        fprintf(err, "unknot: cannot write %s: %s\n", csv_path, strerror(errno));
        rc = 1;
    }
out_close_db:
    free(rows);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

int uk_report_main(int argc, char **argv)
{
    return uk_report_run(argc, argv, stdout, stderr);
}
