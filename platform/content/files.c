/*
 * files.c: finding and reading the content's JSON files (see files.h).
 *
 * The files are written by hand, so a parse error is told as a line number
 * and about 20 bytes from where cJSON stopped ("near '\"summary\": ...'"),
 * and at the end of a file as "ends too soon", since that is where a
 * missing bracket shows. A file is read whole, up to FILE_MAX bytes: a
 * larger one is not content but a mistake (a photo, a database) and is
 * reported as such rather than parsed.
 */
#include "platform/content/files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/content/words.h"

#define FILE_MAX (1024 * 1024) /* no content file is anywhere near 1 MB */

/* Joins `dir` and `name` into `buf`; reports and returns -1 if the path does not fit. */
int uk_files_join(uk_loader *ld, char *buf, size_t size, const char *dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= size) {
        const char *saved = ld->path;
        ld->path = dir;
        uk_loader_problem(ld, NULL, "path too long for \"%s\"", name);
        ld->path = saved;
        return -1;
    }
    return 0;
}

/* The whole file at ld->path, NUL-terminated; NULL after reporting why not. */
static char *read_file(uk_loader *ld, size_t *len_out)
{
    FILE *file = fopen(ld->path, "rb");
    if (file == NULL) {
        uk_loader_problem(ld, NULL, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        goto err_memory;
    for (;;) {
        if (len + 1 == cap) {
            if (cap >= FILE_MAX) {
                uk_loader_problem(ld, NULL, "too large (over %d bytes); is this the right file?",
                                  FILE_MAX);
                goto err_free_buf;
            }
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL)
                goto err_memory;
            buf = bigger;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, file);
        len += n;
        if (n == 0) {
            if (ferror(file)) {
                uk_loader_problem(ld, NULL, "cannot read: %s", strerror(errno));
                goto err_free_buf;
            }
            break;
        }
    }
    fclose(file);
    buf[len] = '\0';
    *len_out = len;
    return buf;

err_memory:
    uk_loader_out_of_memory(ld);
err_free_buf:
    free(buf);
    fclose(file);
    return NULL;
}

/* The parsed file at ld->path, or NULL after reporting why not. The caller deletes it. */
cJSON *uk_files_parse(uk_loader *ld)
{
    size_t len;
    char *buf = read_file(ld, &len);
    if (buf == NULL)
        return NULL;
    if (memchr(buf, '\0', len) != NULL) {
        uk_loader_problem(ld, NULL,
                          "not a text file (it holds a zero byte); save it as plain UTF-8 text");
        free(buf);
        return NULL;
    }
    /* Some Windows editors start UTF-8 files with a byte-order mark; it is not content. */
    const char *text = buf;
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (uk_words_blank(text)) {
        uk_loader_problem(ld, NULL, "the file is empty (it should hold one JSON object { ... })");
        free(buf);
        return NULL;
    }

    /*
     * Passing the NUL and requiring it makes cJSON refuse text after the
     * value ("{...} }"), which cJSON_ParseWithLength alone would ignore. On
     * failure cJSON points error_at into the text (the NUL at the latest),
     * as cJSON_GetErrorPtr would, without the global.
     */
    const char *error_at = text;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &error_at, 1);
    if (root == NULL) {
        /* At the end of the file, point at the last thing written, not the blank after. */
        if (uk_words_blank(error_at))
            while (error_at > text && strchr(" \t\r\n", error_at[-1]) != NULL)
                error_at--;
        int line = 1;
        for (const char *p = text; p < error_at; p++)
            line += *p == '\n';
        /* About 20 bytes of the line from there, never cutting a character in two. */
        char near[32];
        size_t shown = 0;
        while (error_at[shown] != '\0' && error_at[shown] != '\n' && error_at[shown] != '\r' &&
               shown + 1 < sizeof near &&
               (shown < 20 || ((unsigned char)error_at[shown] & 0xc0) == 0x80)) {
            near[shown] = error_at[shown];
            shown++;
        }
        near[shown] = '\0';
        if (shown == 0 || uk_words_blank(near))
            uk_loader_problem(
                ld, NULL,
                "line %d: not valid JSON: the file ends too soon (a missing } or ] or quote?)",
                line);
        else
            uk_loader_problem(
                ld, NULL,
                "line %d: not valid JSON near '%s' (look for a missing comma, quote or "
                "bracket here or just before)",
                line, near);
    }
    free(buf);
    return root;
}

static int json_file_filter(const struct dirent *entry)
{
    /* Hidden files are editors' backups and locks, not content. */
    return entry->d_name[0] != '.' && uk_words_ends_with(entry->d_name, ".json");
}

/* Byte order, not the locale's: the order of the home screen must not depend on it. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* The *.json files in `dir`, sorted; -1 with errno set if the folder cannot be read. */
int uk_files_list_json(const char *dir, struct dirent ***list)
{
    return scandir(dir, list, json_file_filter, by_name);
}

void uk_files_free_list(struct dirent **list, int count)
{
    for (int i = 0; i < count; i++)
        free(list[i]);
    free(list);
}
