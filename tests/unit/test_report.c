/*
 * test_report.c: `unknot report` and `unknot export` on a generated year.
 *
 * The year 2025 (UTC, TZ=UTC for the test) is filled with a pattern whose
 * every aggregate can be worked out by hand:
 *   - "neck" every day at 09:00: one completed (300 s, touch) and one
 *     stopped at step 3 of 5 (120 s, button): 730 starts, 365 completed,
 *     median (120 + 300) / 2 = 210 s;
 *   - "back" every Monday at 14:00 (52 of them): completed, 600 s, keyboard;
 *   - "rare" three times at 20:00 on 1, 2 and 3 January (Wed, Thu, Fri): two
 *     completed and one ended at the doctor screen at step 1, touch: every
 *     cell of it counts fewer than 5 and must read "<5";
 *   - the doctor screen viewed once a day at 09:00, "home" three times.
 * 2025 starts on a Wednesday and has 53 Wednesdays and 52 of every other day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "platform/usage/report.h"
#include "platform/usage/store.h"
#include "tests/fixtures/scratch.h"

#define JAN_1_2025 INT64_C(1735689600) /* 00:00 UTC, a Wednesday */

typedef struct fixture {
    char dir[256];
    char db[320];
    char csv[320];
} fixture;

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *errmsg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
        fail_msg("%s: %s", sql, errmsg);
}

static void insert_session(sqlite3_stmt *stmt, const char *routine, int64_t start_hour,
                           int duration_s, int steps_done, const char *outcome, const char *input)
{
    sqlite3_bind_text(stmt, 1, routine, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, start_hour);
    sqlite3_bind_int(stmt, 3, duration_s);
    sqlite3_bind_int(stmt, 4, steps_done);
    sqlite3_bind_text(stmt, 5, outcome, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 6, input, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_reset(stmt);
}

static int setup(void **state)
{
    setenv("TZ", "UTC", 1);
    tzset();
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    if (scratch_make(f->dir, sizeof f->dir, "report") != 0)
        return -1;
    snprintf(f->db, sizeof f->db, "%s/usage.db", f->dir);
    snprintf(f->csv, sizeof f->csv, "%s/usage.csv", f->dir);

    /* The schema as the kiosk makes it; the rows straight in (retention would delete 2025). */
    char error[512];
    uk_store *store = uk_store_open(f->db, error, sizeof error);
    if (store == NULL)
        fail_msg("%s", error);
    uk_store_close(store);

    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    exec_ok(db, "BEGIN");
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO sessions VALUES (?1, 'en', ?2, ?3, ?4, 5, "
                                        "?5, ?6)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_stmt *view = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(db, "INSERT INTO screen_views VALUES (?1, ?2, 1)", -1, &view, NULL),
        SQLITE_OK);
    for (int day = 0; day < 365; day++) {
        int64_t midnight = JAN_1_2025 + day * INT64_C(86400);
        insert_session(stmt, "neck", midnight + 9 * 3600, 300, 5, "completed", "touch");
        insert_session(stmt, "neck", midnight + 9 * 3600, 120, 2, "stopped", "button");
        if ((day + 2) % 7 == 0) /* 6 January 2025 is the first Monday */
            insert_session(stmt, "back", midnight + 14 * 3600, 600, 5, "completed", "keyboard");
        sqlite3_bind_text(view, 1, "doctor", -1, SQLITE_STATIC);
        sqlite3_bind_int64(view, 2, midnight + 9 * 3600);
        assert_int_equal(sqlite3_step(view), SQLITE_DONE);
        sqlite3_reset(view);
    }
    insert_session(stmt, "rare", JAN_1_2025 + 20 * 3600, 200, 5, "completed", "touch");
    insert_session(stmt, "rare", JAN_1_2025 + 86400 + 20 * 3600, 200, 5, "completed", "touch");
    insert_session(stmt, "rare", JAN_1_2025 + 2 * 86400 + 20 * 3600, 30, 0, "doctor", "touch");
    for (int i = 0; i < 3; i++) {
        sqlite3_bind_text(view, 1, "home", -1, SQLITE_STATIC);
        sqlite3_bind_int64(view, 2, JAN_1_2025 + i * 3600);
        assert_int_equal(sqlite3_step(view), SQLITE_DONE);
        sqlite3_reset(view);
    }
    sqlite3_finalize(stmt);
    sqlite3_finalize(view);
    exec_ok(db, "COMMIT");
    sqlite3_close(db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scratch_remove(f->dir);
    free(f);
    return 0;
}

/* ---- running the command ------------------------------------------------------------------ */

typedef struct result {
    int rc;
    char out[32768];
    char err[4096];
} result;

static void slurp(FILE *file, char *buf, size_t len)
{
    rewind(file);
    size_t n = fread(buf, 1, len - 1, file);
    buf[n] = '\0';
    fclose(file);
}

/* Runs `unknot ARGS...` through uk_report_run; args end with NULL. */
static result *run(const char *first, ...)
{
    char *argv[16] = {"unknot", (char *)first};
    int argc = 2;
    va_list ap;
    va_start(ap, first);
    const char *arg;
    while ((arg = va_arg(ap, const char *)) != NULL && argc < 15)
        argv[argc++] = (char *)arg;
    va_end(ap);
    argv[argc] = NULL;

    result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    FILE *out = tmpfile(), *err = tmpfile();
    assert_non_null(out);
    assert_non_null(err);
    r->rc = uk_report_run(argc, argv, out, err);
    slurp(out, r->out, sizeof r->out);
    slurp(err, r->err, sizeof r->err);
    return r;
}

/*
 * The line of the text report that follows the heading `section` and starts
 * with `first` (after the indent), with runs of spaces collapsed to one.
 */
static void row_of(const char *text, const char *section, const char *first, char *line, size_t len)
{
    const char *p = strstr(text, section);
    if (p == NULL)
        fail_msg("no section \"%s\" in:\n%s", section, text);
    char want[64];
    snprintf(want, sizeof want, "\n  %s ", first);
    const char *end_of_section = strstr(p, "\n\n");
    const char *hit = strstr(p, want);
    if (hit == NULL || (end_of_section != NULL && hit > end_of_section))
        fail_msg("no row \"%s\" in section \"%s\" of:\n%s", first, section, text);
    hit += 3;
    size_t n = 0;
    for (; *hit != '\n' && *hit != '\0' && n + 1 < len; hit++) {
        if (*hit == ' ' && n > 0 && line[n - 1] == ' ')
            continue;
        line[n++] = *hit;
    }
    line[n] = '\0';
}

#define assert_row(text, section, first, expected)                                                 \
    do {                                                                                           \
        char line_[256];                                                                           \
        row_of(text, section, first, line_, sizeof line_);                                         \
        assert_string_equal(line_, expected);                                                      \
    } while (0)

/* ---- the text report ---------------------------------------------------------------------- */

static void test_report_per_routine(void **state)
{
    fixture *f = *state;
    result *r = run("report", "--db", f->db, NULL);
    assert_int_equal(r->rc, 0);
    assert_string_equal(r->err, "");
    assert_non_null(strstr(r->out, ": 785 sessions\n"));

    /* routine, starts, completed, rate, median, stopped, timed out, doctor */
    assert_row(r->out, "Per routine", "back", "back 52 52 100% 10:00 <5 <5 <5");
    assert_row(r->out, "Per routine", "neck", "neck 730 365 50% 3:30 365 <5 <5");
    assert_row(r->out, "Per routine", "rare", "rare <5 <5 <5 <5 <5 <5 <5");

    assert_row(r->out, "Where unfinished sessions stopped", "neck", "neck 3 365");
    assert_row(r->out, "Where unfinished sessions stopped", "rare", "rare 1 <5");
    free(r);
}

static void test_report_by_time_and_input(void **state)
{
    fixture *f = *state;
    result *r = run("report", "--db", f->db, NULL);
    assert_int_equal(r->rc, 0);

    assert_row(r->out, "By hour of the day", "09:00", "09:00 730 365 50%");
    assert_row(r->out, "By hour of the day", "14:00", "14:00 52 52 100%");
    assert_row(r->out, "By hour of the day", "20:00", "20:00 <5 <5 <5");
    assert_null(strstr(r->out, "\n  10:00 ")); /* no hour without sessions */

    assert_row(r->out, "By weekday", "Mon", "Mon 156 104 67%");
    assert_row(r->out, "By weekday", "Tue", "Tue 104 52 50%");
    assert_row(r->out, "By weekday", "Wed", "Wed 107 54 50%");
    assert_row(r->out, "By weekday", "Thu", "Thu 105 53 50%");
    assert_row(r->out, "By weekday", "Fri", "Fri 105 52 50%");
    assert_row(r->out, "By weekday", "Sun", "Sun 104 52 50%");
    /* Monday first, Sunday last. */
    assert_true(strstr(r->out, "\n  Mon ") < strstr(r->out, "\n  Sun "));

    assert_row(r->out, "By input kind", "touch", "touch 368 367 100%");
    assert_row(r->out, "By input kind", "button", "button 365 <5 <5");
    assert_row(r->out, "By input kind", "keyboard", "keyboard 52 52 100%");

    assert_row(r->out, "Screen views", "doctor", "doctor 365");
    assert_row(r->out, "Screen views", "home", "home <5");
    free(r);
}

/* --since counts from local midnight of that day. */
static void test_report_since(void **state)
{
    fixture *f = *state;
    result *r = run("report", "--since", "2025-07-01", "--db", f->db, NULL);
    assert_int_equal(r->rc, 0);
    /* 1 July to 31 December: 184 days; Mondays 7 July .. 29 December: 26. */
    assert_non_null(strstr(r->out, "since 2025-07-01: 394 sessions"));
    assert_row(r->out, "Per routine", "neck", "neck 368 184 50% 3:30 184 <5 <5");
    assert_row(r->out, "Per routine", "back", "back 26 26 100% 10:00 <5 <5 <5");
    assert_null(strstr(r->out, "rare"));
    assert_row(r->out, "Screen views", "doctor", "doctor 184");
    assert_null(strstr(r->out, "home"));
    free(r);
}

/* ---- the CSV export ----------------------------------------------------------------------- */

static void assert_csv_line(const char *csv, const char *line)
{
    char want[256];
    snprintf(want, sizeof want, "\n%s\r\n", line);
    if (strstr(csv, want) == NULL)
        fail_msg("no CSV line \"%s\" in:\n%s", line, csv);
}

static void test_export_csv(void **state)
{
    fixture *f = *state;
    result *r = run("export", "--csv", f->csv, "--db", f->db, NULL);
    assert_int_equal(r->rc, 0);
    assert_string_equal(r->err, "");
    assert_string_equal(r->out, "");

    char csv[65536];
    FILE *file = fopen(f->csv, "rb");
    assert_non_null(file);
    size_t n = fread(csv, 1, sizeof csv - 1, file);
    fclose(file);
    csv[n] = '\0';

    assert_int_equal(strncmp(csv, "section,group,key,measure,value\r\n", 33), 0);
    assert_csv_line(csv, "routine,neck,,starts,730");
    assert_csv_line(csv, "routine,neck,,completions,365");
    assert_csv_line(csv, "routine,neck,,completion_rate,0.500");
    assert_csv_line(csv, "routine,neck,,median_duration_s,210");
    assert_csv_line(csv, "routine,neck,,stopped,365");
    assert_csv_line(csv, "routine,neck,,timed_out,<5");
    assert_csv_line(csv, "routine,back,,median_duration_s,600");
    assert_csv_line(csv, "routine,rare,,starts,<5");
    assert_csv_line(csv, "routine,rare,,completion_rate,<5");
    assert_csv_line(csv, "routine,rare,,median_duration_s,<5");
    assert_csv_line(csv, "routine,rare,,doctor,<5");
    assert_csv_line(csv, "stop_step,neck,3,sessions,365");
    assert_csv_line(csv, "stop_step,rare,1,sessions,<5");
    assert_csv_line(csv, "hour,,09,starts,730");
    assert_csv_line(csv, "hour,,20,starts,<5");
    assert_csv_line(csv, "weekday,,Wed,starts,107");
    assert_csv_line(csv, "weekday,,Mon,completion_rate,0.667");
    assert_csv_line(csv, "input,,button,completions,<5");
    assert_csv_line(csv, "screen_views,doctor,,views,365");
    assert_csv_line(csv, "screen_views,home,,views,<5");

    /* Every line has exactly five fields, and no count below 5 escaped. */
    int lines = 0;
    for (char *line = strtok(csv, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        int commas = 0;
        for (char *p = line; *p != '\0'; p++)
            commas += *p == ',';
        assert_int_equal(commas, 4);
        const char *value = strrchr(line, ',') + 1;
        if (strcmp(value, "<5\r") != 0 && strchr(value, '.') == NULL && lines > 0)
            assert_true(atoi(value) >= 5);
        lines++;
    }
    assert_int_equal(lines, 1 + 3 * 7 + 2 + 3 * 3 + 3 * 7 + 3 * 3 + 2);
    free(r);

    /* "-" writes to standard output. */
    r = run("export", "--csv", "-", "--db", f->db, "--since", "2025-12-01", NULL);
    assert_int_equal(r->rc, 0);
    assert_csv_line(r->out, "routine,neck,,starts,62");
    free(r);
}

/* ---- what the command refuses ------------------------------------------------------------- */

static void test_command_line_errors(void **state)
{
    fixture *f = *state;
    result *r = run("report", "--since", "2025-02-30", "--db", f->db, NULL);
    assert_int_equal(r->rc, 2);
    assert_non_null(strstr(r->err, "YYYY-MM-DD"));
    free(r);
    r = run("report", "--since", "yesterday", "--db", f->db, NULL);
    assert_int_equal(r->rc, 2);
    free(r);
    r = run("export", "--db", f->db, NULL);
    assert_int_equal(r->rc, 2);
    assert_non_null(strstr(r->err, "--csv FILE is required"));
    free(r);
    r = run("report", "--csv", f->csv, "--db", f->db, NULL);
    assert_int_equal(r->rc, 2);
    free(r);
    r = run("report", "--frobnicate", NULL);
    assert_int_equal(r->rc, 2);
    assert_non_null(strstr(r->err, "--frobnicate"));
    free(r);
    r = run("report", "--db", f->db, "extra", NULL);
    assert_int_equal(r->rc, 2);
    free(r);
    r = run("report", "--help", NULL);
    assert_int_equal(r->rc, 0);
    assert_non_null(strstr(r->out, "--since DATE"));
    free(r);
}

/* A missing file is not created, a newer schema is refused, and a report writes nothing. */
static void test_databases_it_refuses(void **state)
{
    fixture *f = *state;
    char missing[400];
    snprintf(missing, sizeof missing, "%s/missing.db", f->dir);
    result *r = run("report", "--db", missing, NULL);
    assert_int_equal(r->rc, 1);
    assert_non_null(strstr(r->err, missing));
    free(r);
    struct stat st;
    assert_int_not_equal(stat(missing, &st), 0);

    char newer[400];
    snprintf(newer, sizeof newer, "%s/newer.db", f->dir);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
    exec_ok(db, "PRAGMA user_version = 99");
    sqlite3_close(db);
    r = run("report", "--db", newer, NULL);
    assert_int_equal(r->rc, 1);
    assert_non_null(strstr(r->err, "upgrade unknot"));
    free(r);

    r = run("export", "--csv", f->csv, "--db", newer, NULL);
    assert_int_equal(r->rc, 1);
    free(r);

    struct stat before, after;
    assert_int_equal(stat(f->db, &before), 0);
    r = run("report", "--db", f->db, NULL);
    assert_int_equal(r->rc, 0);
    free(r);
    assert_int_equal(stat(f->db, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
    assert_int_equal(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

/* ---- which database ------------------------------------------------------------------------ */

/* The report reads the database the kiosk writes: [usage] database from its file. */
static void test_configured_database(void **state)
{
    fixture *f = *state;
    char conf[400], text[600];
    snprintf(conf, sizeof conf, "%s/unknot.conf", f->dir);
    snprintf(text, sizeof text, "[usage]\ndatabase = %s\n", f->db);
    FILE *file = fopen(conf, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
    char *saved = getenv("UNKNOT_CONFIG") ? strdup(getenv("UNKNOT_CONFIG")) : NULL;

    /* $UNKNOT_CONFIG names the file, as for the kiosk. */
    setenv("UNKNOT_CONFIG", conf, 1);
    result *r = run("report", NULL);
    assert_string_equal(r->err, "");
    assert_int_equal(r->rc, 0);
    assert_non_null(strstr(r->out, f->db));
    assert_non_null(strstr(r->out, ": 785 sessions\n"));
    free(r);
    r = run("export", "--csv", "-", NULL);
    assert_int_equal(r->rc, 0);
    assert_non_null(strstr(r->out, "routine,neck,,starts,730"));
    free(r);

    /* --config FILE, likewise; --db still wins over both. */
    setenv("UNKNOT_CONFIG", "/dev/null", 1);
    r = run("report", "--config", conf, NULL);
    assert_int_equal(r->rc, 0);
    assert_non_null(strstr(r->out, ": 785 sessions\n"));
    free(r);
    char other[400];
    snprintf(other, sizeof other, "%s/other.db", f->dir);
    r = run("report", "--config", conf, "--db", other, NULL);
    assert_int_equal(r->rc, 1);
    assert_non_null(strstr(r->err, other));
    free(r);

    /* A file that cannot be read is said so, naming it. */
    snprintf(other, sizeof other, "%s/missing.conf", f->dir);
    r = run("report", "--config", other, NULL);
    assert_int_equal(r->rc, 1);
    assert_non_null(strstr(r->err, "cannot read the configuration file"));
    assert_non_null(strstr(r->err, other));
    free(r);

    if (saved != NULL)
        setenv("UNKNOT_CONFIG", saved, 1);
    else
        unsetenv("UNKNOT_CONFIG");
    free(saved);
}

/* UNKNOT_USAGE_DATABASE, as the kiosk reads it, beats the configuration file. */
static void test_database_from_the_environment(void **state)
{
    fixture *f = *state;
    setenv("UNKNOT_USAGE_DATABASE", f->db, 1);
    result *r = run("report", NULL);
    unsetenv("UNKNOT_USAGE_DATABASE");
    assert_string_equal(r->err, "");
    assert_int_equal(r->rc, 0);
    assert_non_null(strstr(r->out, ": 785 sessions\n"));
    free(r);
}

/* Nothing configured and no file where the default points: an error, and nothing created. */
static void test_default_database_is_not_created(void **state)
{
    fixture *f = *state;
    char state_dir[400], expected[500];
    snprintf(state_dir, sizeof state_dir, "%s/state/unknot", f->dir);
    snprintf(expected, sizeof expected, "%s/usage.db", state_dir);
    char *saved = getenv("STATE_DIRECTORY") ? strdup(getenv("STATE_DIRECTORY")) : NULL;
    setenv("STATE_DIRECTORY", state_dir, 1);
    result *r = run("report", NULL);
    if (saved != NULL)
        setenv("STATE_DIRECTORY", saved, 1);
    else
        unsetenv("STATE_DIRECTORY");
    free(saved);
    assert_int_equal(r->rc, 1);
    assert_non_null(strstr(r->err, expected));
    free(r);
    struct stat st;
    char parent[400];
    snprintf(parent, sizeof parent, "%s/state", f->dir);
    assert_int_not_equal(stat(parent, &st), 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_report_per_routine),
        T(test_report_by_time_and_input),
        T(test_report_since),
        T(test_export_csv),
        T(test_command_line_errors),
        T(test_databases_it_refuses),
        T(test_configured_database),
        T(test_database_from_the_environment),
        T(test_default_database_is_not_created),
    };
#undef T
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
