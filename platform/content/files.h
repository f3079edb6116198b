/*
 * files.h: finding and reading the content's JSON files.
 *
 * Each function that can fail reports why through uk_loader_problem, about
 * ld->path (or the folder), in the loader's words: "cannot open: ...",
 * "line 4: not valid JSON near '...'", "the file is empty ...". Nothing
 * here keeps a file open or a buffer past the call that read it.
 */
#ifndef UK_PLATFORM_CONTENT_FILES_H
#define UK_PLATFORM_CONTENT_FILES_H

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stddef.h>

#include "platform/content/loader.h"

/*
 * Joins `dir` and `name` into `buf` (`size` bytes, the caller's). Returns
 * 0, or -1 after reporting, about `dir`, that the path does not fit.
 */
int uk_files_join(uk_loader *ld, char *buf, size_t size, const char *dir, const char *name);

/*
 * Reads and parses the file at ld->path: plain UTF-8 text (a byte-order
 * mark is skipped) holding one JSON value and nothing after it. Returns the
 * tree, which the caller deletes with cJSON_Delete, or NULL after reporting
 * why not (a parse error names the line and what is near it).
 */
cJSON *uk_files_parse(uk_loader *ld);

/*
 * The *.json files in `dir` that are not hidden, sorted by their names'
 * bytes (not the locale's order). Returns how many there are, with the list
 * in `*list` for uk_files_free_list; or -1 with errno set if the folder
 * cannot be read.
 */
int uk_files_list_json(const char *dir, struct dirent ***list);

/* Frees what uk_files_list_json returned. */
void uk_files_free_list(struct dirent **list, int count);

#endif
