/*
 * catalog.c: looking languages up in the catalog.
 */
#include "app/model/catalog.h"

#include <string.h>

int uk_catalog_find_lang(const uk_catalog *catalog, const char *code)
{
    for (size_t i = 0; i < catalog->lang_count; i++)
        if (strcmp(catalog->langs[i].code, code) == 0)
            return (int)i;
    return -1;
}
