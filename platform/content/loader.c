/*
 * loader.c: reporting a problem, and the lists of ids taken or left out,
 * for one load of the content (see loader.h).
 *
 * Every message the loader prints is written by uk_loader_problem, so the
 * shape "<file>: <routine or motion>: <field>: <what is wrong>" is kept in
 * one place, and so is the count that --check-content turns into its exit
 * code. A message longer than MESSAGE_MAX bytes is cut, never overrun.
 */
#include "platform/content/loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/content/words.h"

#define MESSAGE_MAX 1024 /* one reported line */

/* ---- reporting ------------------------------------------------------------------------------- */

/* Reports one problem about ld->path: "<path>: <what> '<id>': <field>: <message>". */
void uk_loader_problem(uk_loader *ld, const char *field, const char *fmt, ...)
{
    char msg[MESSAGE_MAX];
    size_t len = 0;
    va_list args;

    uk_words_append(msg, sizeof msg, &len, "%s: ", ld->path);
    if (ld->what != NULL && ld->id != NULL)
        uk_words_append(msg, sizeof msg, &len, "%s '%s': ", ld->what, ld->id);
    if (field != NULL && field[0] != '\0')
        uk_words_append(msg, sizeof msg, &len, "%s: ", field);
    va_start(args, fmt);
    uk_words_vappend(msg, sizeof msg, &len, fmt, args);
    va_end(args);

    /* One line, whatever a file's keys or values hold. */
    for (char *p = msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    ld->errors++;
    if (ld->report != NULL)
        ld->report(ld->ctx, msg);
}

void uk_loader_out_of_memory(uk_loader *ld)
{
    if (!ld->out_of_memory)
        uk_loader_problem(ld, NULL, "out of memory");
    ld->out_of_memory = true;
}

/* ---- id lists -------------------------------------------------------------------------------- */

const char *uk_loader_ids_find(const uk_loader_ids *list, const char *id)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].id, id) == 0)
            return list->items[i].where;
    return NULL;
}

void uk_loader_ids_add(uk_loader *ld, uk_loader_ids *list, const char *id, const char *where)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        uk_loader_id *items = realloc(list->items, cap * sizeof *items);
        if (items == NULL) {
            uk_loader_out_of_memory(ld);
            return;
        }
        list->items = items;
        list->cap = cap;
    }
    uk_loader_id *entry = &list->items[list->count];
    entry->where = strdup(where);
    if (entry->where == NULL) {
        uk_loader_out_of_memory(ld);
        return;
    }
    snprintf(entry->id, sizeof entry->id, "%s", id);
    list->count++;
}

void uk_loader_ids_free(uk_loader_ids *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].where);
    free(list->items);
    memset(list, 0, sizeof *list);
}
