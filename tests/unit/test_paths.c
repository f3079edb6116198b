/*
 * test_paths.c: where the usage database goes when nobody says, as the
 * service, a desktop user and `unknot report` meet it.
 *
 * Each test sets the variables it needs (STATE_DIRECTORY, XDG_STATE_HOME,
 * HOME) on a scratch folder and checks the path and what exists on disk
 * afterwards: the kiosk (WRITE) gets its default folder made; the report
 * (READ) creates nothing. Whether the installed service's log exists is
 * this file's to say: it links its own access(), which answers for
 * UK_PATHS_SERVICE_DB and asks the kernel about every other path, so the
 * test never touches /var/lib.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/system/paths.h"
#include "tests/fixtures/scratch.h"

/* ---- the service's log, as this test says ---------------------------------------- */

static bool service_db_exists;

/* Links in place of the C library's: paths.c asks it whether the service's log exists. */
int access(const char *path, int mode)
{
    if (strcmp(path, UK_PATHS_SERVICE_DB) == 0) {
        if (service_db_exists)
            return 0;
        errno = ENOENT;
        return -1;
    }
    return faccessat(AT_FDCWD, path, mode, 0);
}

/* ---- helpers -------------------------------------------------------------------- */

typedef struct place {
    char dir[256]; /* the scratch folder */
    char path[4096];
    char error[1024];
} place;

static int setup(void **state)
{
    place *p = calloc(1, sizeof *p);
    if (!p || scratch_make(p->dir, sizeof p->dir, "paths") != 0) {
        free(p);
        return -1;
    }
    unsetenv("STATE_DIRECTORY");
    unsetenv("XDG_STATE_HOME");
    unsetenv("HOME");
    service_db_exists = false;
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    place *p = *state;
    scratch_remove_tree(p->dir);
    free(p);
    return 0;
}

/* `dir`/`rest` into `out` (4096 bytes). */
static const char *under(const place *p, const char *rest, char *out)
{
    snprintf(out, 4096, "%s/%s", p->dir, rest);
    return out;
}

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void contains(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("\"%s\" does not say \"%s\"", text, part);
}

/* Asks for `use`, expecting success; the path is in p->path. */
static void ask(place *p, const char *configured, uk_paths_use use)
{
    p->error[0] = '\0';
    if (uk_paths_usage_db(configured, use, p->path, sizeof p->path, p->error, sizeof p->error) != 0)
        fail_msg("no path: %s", p->error);
}

/* ---- where it goes -------------------------------------------------------------- */

/* --db PATH is taken as given, for either use, and its folder is never made. */
static void a_configured_path_is_taken_as_given(void **state)
{
    place *p = *state;
    char where[4096], folder[4096], xdg[4096];
    setenv("STATE_DIRECTORY", under(p, "state", folder), 1);
    setenv("XDG_STATE_HOME", under(p, "xdg", xdg), 1);
    service_db_exists = true;
    under(p, "mine/usage.db", where);
    ask(p, where, UK_PATHS_WRITE);
    assert_string_equal(p->path, where);
    ask(p, where, UK_PATHS_READ);
    assert_string_equal(p->path, where);
    assert_false(exists(under(p, "mine", folder)));
    assert_false(exists(under(p, "state", folder)));
    assert_false(exists(xdg));

    ask(p, "", UK_PATHS_READ); /* empty: not configured */
    assert_string_equal(p->path, under(p, "state/usage.db", where));
}

/* The service: systemd's StateDirectory=, the first of a list, for writing and reading. */
static void the_service_writes_in_its_state_directory(void **state)
{
    place *p = *state;
    char list[8192], first[4096], second[4096], expected[4096];
    snprintf(list, sizeof list, "%s:%s", under(p, "one", first), under(p, "two", second));
    setenv("STATE_DIRECTORY", list, 1);
    setenv("XDG_STATE_HOME", p->dir, 1);
    ask(p, NULL, UK_PATHS_WRITE);
    assert_string_equal(p->path, under(p, "one/usage.db", expected));
    service_db_exists = true; /* the service's own variable wins over its usual file */
    ask(p, NULL, UK_PATHS_READ);
    assert_string_equal(p->path, expected);
}

/* A desktop user: $XDG_STATE_HOME/unknot, made (with its parents) for writing only. */
static void a_desktop_user_writes_under_xdg_state_home(void **state)
{
    place *p = *state;
    char xdg[4096], expected[4096], folder[4096];
    setenv("XDG_STATE_HOME", under(p, "xdg/state", xdg), 1);
    setenv("HOME", p->dir, 1);
    under(p, "xdg/state/unknot/usage.db", expected);

    ask(p, NULL, UK_PATHS_READ);
    assert_string_equal(p->path, expected);
    assert_false(exists(under(p, "xdg", folder))); /* a reader creates nothing */

    ask(p, NULL, UK_PATHS_WRITE);
    assert_string_equal(p->path, expected);
    assert_true(is_folder(under(p, "xdg/state/unknot", folder)));
    assert_false(exists(expected)); /* the folder, not the database: that is the store's */
    assert_false(exists(under(p, ".local", folder)));
}

/* No XDG_STATE_HOME, or one that is not an absolute path: ~/.local/state/unknot. */
static void without_xdg_state_home_it_goes_under_home(void **state)
{
    place *p = *state;
    char expected[4096], folder[4096];
    setenv("HOME", p->dir, 1);
    under(p, ".local/state/unknot/usage.db", expected);

    ask(p, NULL, UK_PATHS_READ);
    assert_string_equal(p->path, expected);
    assert_false(exists(under(p, ".local", folder)));

    setenv("XDG_STATE_HOME", "relative/state", 1); /* the spec says: ignore it */
    ask(p, NULL, UK_PATHS_WRITE);
    assert_string_equal(p->path, expected);
    assert_true(is_folder(under(p, ".local/state/unknot", folder)));
    assert_false(exists("relative"));
}

/* `unknot report` on the kiosk itself reads the service's log, if there is one. */
static void the_report_prefers_the_service_log(void **state)
{
    place *p = *state;
    char expected[4096], folder[4096];
    setenv("XDG_STATE_HOME", p->dir, 1);
    service_db_exists = true;
    ask(p, NULL, UK_PATHS_READ);
    assert_string_equal(p->path, UK_PATHS_SERVICE_DB);

    ask(p, NULL, UK_PATHS_WRITE); /* the kiosk as a desktop user never writes the service's */
    assert_string_equal(p->path, under(p, "unknot/usage.db", expected));

    service_db_exists = false;
    scratch_remove_tree(under(p, "unknot", folder));
    ask(p, NULL, UK_PATHS_READ);
    assert_string_equal(p->path, expected);
    assert_false(exists(folder));
}

/* ---- when there is no path ------------------------------------------------------ */

static void no_place_names_the_variables_and_the_way_out(void **state)
{
    place *p = *state;
    for (int use = UK_PATHS_WRITE; use <= UK_PATHS_READ; use++) {
        errno = 0;
        assert_int_equal(uk_paths_usage_db(NULL, (uk_paths_use)use, p->path, sizeof p->path,
                                           p->error, sizeof p->error),
                         -1);
        assert_int_equal(errno, ENOENT);
        contains(p->error, "STATE_DIRECTORY");
        contains(p->error, "XDG_STATE_HOME");
        contains(p->error, "HOME");
        contains(p->error, "--db PATH");
    }
    /* The words are the caller's to want: none asked for, the answer is the same. */
    assert_int_equal(uk_paths_usage_db(NULL, UK_PATHS_WRITE, p->path, sizeof p->path, NULL, 0), -1);
}

/* A file where the folder should be: the message names the database's path and why. */
static void a_folder_that_cannot_be_made_is_named(void **state)
{
    place *p = *state;
    char blocker[4096], expected[4096];
    under(p, "blocker", blocker);
    FILE *file = fopen(blocker, "w");
    assert_non_null(file);
    fclose(file);
    setenv("XDG_STATE_HOME", blocker, 1);

    errno = 0;
    assert_int_equal(
        uk_paths_usage_db(NULL, UK_PATHS_WRITE, p->path, sizeof p->path, p->error, sizeof p->error),
        -1);
    assert_int_equal(errno, ENOTDIR);
    char message[8192];
    snprintf(message, sizeof message, "cannot create the folder for %s: %s (pass --db PATH)",
             under(p, "blocker/unknot/usage.db", expected), strerror(ENOTDIR));
    assert_string_equal(p->error, message);

    ask(p, NULL, UK_PATHS_READ); /* a reader is not stopped by what it would not make */
    assert_string_equal(p->path, expected);
}

static void a_path_too_long_for_the_buffer_is_an_error(void **state)
{
    place *p = *state;
    setenv("XDG_STATE_HOME", p->dir, 1);
    char small[16];
    errno = 0;
    assert_int_equal(
        uk_paths_usage_db(NULL, UK_PATHS_READ, small, sizeof small, p->error, sizeof p->error), -1);
    assert_int_equal(errno, ENAMETOOLONG);
    char start[16];
    memcpy(start, p->dir, sizeof start - 1); /* the scratch folder's name is longer */
    start[sizeof start - 1] = '\0';
    contains(p->error, start); /* the beginning of the path it could not write */
    contains(p->error, "longer than 15 characters");
    contains(p->error, "--db PATH");
}

/* ---- the content folder --------------------------------------------------------- */

static void installed_content_first_else_the_source_tree(void **state)
{
    place *p = *state;
    char installed[4096], source[4096], out[4096];
    under(p, "share/unknot", installed);
    under(p, "src/assets", source);
    uk_paths_default_content(out, sizeof out, installed, source);
    assert_string_equal(out, source); /* not installed */

    FILE *file = fopen(under(p, "share", installed), "w"); /* a file is not a folder */
    assert_non_null(file);
    fclose(file);
    uk_paths_default_content(out, sizeof out, installed, source);
    assert_string_equal(out, source);

    assert_int_equal(mkdir(under(p, "installed", installed), 0755), 0);
    uk_paths_default_content(out, sizeof out, installed, source);
    assert_string_equal(out, installed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_configured_path_is_taken_as_given, setup, teardown),
        cmocka_unit_test_setup_teardown(the_service_writes_in_its_state_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(a_desktop_user_writes_under_xdg_state_home, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(without_xdg_state_home_it_goes_under_home, setup, teardown),
        cmocka_unit_test_setup_teardown(the_report_prefers_the_service_log, setup, teardown),
        cmocka_unit_test_setup_teardown(no_place_names_the_variables_and_the_way_out, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_folder_that_cannot_be_made_is_named, setup, teardown),
        cmocka_unit_test_setup_teardown(a_path_too_long_for_the_buffer_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(installed_content_first_else_the_source_tree, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
