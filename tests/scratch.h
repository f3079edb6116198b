/*
 * scratch.h: a fresh, flat temporary folder per test, and its removal.
 *
 * The folder is made with mkdtemp under $TMPDIR (else /tmp) and holds only
 * files (a database, its -wal and -shm, what a test wrote), so removing it
 * needs no recursion.
 */
#ifndef UK_TESTS_SCRATCH_H
#define UK_TESTS_SCRATCH_H

#include <stddef.h>

/* Makes $TMPDIR/unknot-NAME-XXXXXX into `dir`. Returns 0, or -1 with errno set. */
int scratch_make(char *dir, size_t len, const char *name);

/* Removes the files in `dir` (made writable again first) and then `dir`. */
void scratch_remove(const char *dir);

#endif
