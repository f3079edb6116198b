/*
 * scratch.h: a fresh temporary folder per test, and its removal.
 *
 * The folder is made with mkdtemp under $TMPDIR (else /tmp). A flat one
 * (a database, its -wal and -shm, what a test wrote) goes with
 * scratch_remove; one with folders inside (content, the benchmark's
 * scratch) with scratch_remove_tree.
 */
#ifndef UK_TESTS_SCRATCH_H
#define UK_TESTS_SCRATCH_H

#include <stddef.h>

/* Makes $TMPDIR/unknot-NAME-XXXXXX into `dir`. Returns 0, or -1 with errno set. */
int scratch_make(char *dir, size_t len, const char *name);

/* Removes the files in `dir` (made writable again first) and then `dir`. */
void scratch_remove(const char *dir);

/*
 * Removes `path` and, if it is a folder, everything under it: symbolic
 * links themselves, never what they point to. A missing `path` is no error.
 */
void scratch_remove_tree(const char *path);

#endif
