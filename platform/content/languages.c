/*
 * languages.c: reading the language files (see languages.h).
 *
 * A language file is one object of "key": "text" pairs. Every key is one
 * the kiosk has (uk_strings_find); a text must be well-formed UTF-8, not
 * blank, and hold exactly the %d and %s of its key's signature, in order,
 * so a translated sentence can never be a bad format string. A sentence
 * that is wrong or missing falls back to English, and is reported; the
 * language still loads. A file that cannot be read or is not an object is
 * left out, and its words in the routine files are checked but not kept.
 */
#include "platform/content/languages.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/model/strings.h"
#include "platform/content/field.h"
#include "platform/content/files.h"
#include "platform/content/words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* "must contain %d twice", "must contain %s and then %d", "must not contain %d or %s". */
static const char *signature_rule(const char *sig, char *buf, size_t size)
{
    size_t len = 0, count = strlen(sig);
    bool same = true;
    for (size_t i = 1; i < count; i++)
        same = same && sig[i] == sig[0];
    if (count == 0) {
        snprintf(buf, size, "must not contain %%d or %%s (write %%%% for a percent sign)");
    } else if (same) {
        static const char *const times[] = {"", "once", "twice", "three times"};
        uk_words_append(buf, size, &len, "must contain %%%c %s", sig[0],
                        count < COUNT(times) ? times[count] : "many times");
    } else {
        uk_words_append(buf, size, &len, "must contain ");
        for (size_t i = 0; i < count; i++)
            uk_words_append(buf, size, &len, "%s%%%c", i ? " and then " : "", sig[i]);
    }
    return buf;
}

/*
 * Reads one language file into `strings`, on top of what is there. With
 * `overlay` a missing key is still reported, but English shows instead.
 * Returns -1 if the file could not be used at all.
 */
static int load_strings_file(uk_loader *ld, const char *path, uk_strings *strings, bool overlay)
{
    char found[UK_FIELD_FOUND_LEN];
    char rule[96];
    bool seen[UK_STR_COUNT] = {false};
    const char *keys[UK_STR_COUNT];

    ld->path = path;
    ld->what = NULL;
    ld->id = NULL;
    cJSON *root = uk_files_parse(ld);
    if (root == NULL)
        return -1;
    if (!cJSON_IsObject(root)) {
        uk_loader_problem(
            ld, NULL,
            "must be one JSON object of \"key\": \"text\" pairs, like {\"home.title\": "
            "\"...\"} (found %s)",
            uk_field_describe(root, found, sizeof found));
        cJSON_Delete(root);
        return -1;
    }
    for (int i = 0; i < UK_STR_COUNT; i++)
        keys[i] = uk_strings_key((uk_string_id)i);

    const cJSON *member;
    cJSON_ArrayForEach(member, root)
    {
        const char *key = member->string;
        int id = uk_strings_find(key);
        if (id < 0) {
            const char *guess = uk_words_closest(key, keys, UK_STR_COUNT);
            if (guess != NULL)
                uk_loader_problem(ld, key, "unknown key (did you mean \"%s\"?)", guess);
            else
                uk_loader_problem(ld, key, "unknown key (en.json lists every key)");
            continue;
        }
        if (seen[id]) {
            uk_loader_problem(ld, key, "given more than once (keep one)");
            continue;
        }
        seen[id] = true;
        if (!cJSON_IsString(member)) {
            uk_loader_problem(ld, key, "must be text in quotes (found %s)",
                              uk_field_describe(member, found, sizeof found));
        } else if (uk_words_blank(member->valuestring)) {
            uk_loader_problem(ld, key, "must not be empty (found %s)",
                              uk_field_describe(member, found, sizeof found));
        } else if (!uk_words_utf8_valid(member->valuestring)) {
            uk_loader_problem(ld, key, "not valid UTF-8 text; save the file as UTF-8");
        } else if (uk_strings_set(strings, (uk_string_id)id, member->valuestring) != 0) {
            if (errno == ENOSPC)
                uk_loader_problem(ld, key, "no room left: all texts together must fit in %d bytes",
                                  UK_STRINGS_ARENA);
            else
                uk_loader_problem(
                    ld, key, "%s%s (found %s)",
                    signature_rule(uk_strings_signature((uk_string_id)id), rule, sizeof rule),
                    overlay ? ", like the English text" : "",
                    uk_field_describe(member, found, sizeof found));
        }
    }
    for (int i = 0; i < UK_STR_COUNT; i++)
        if (!seen[i])
            uk_loader_problem(ld, keys[i], "missing%s",
                              overlay ? " (the English text is shown)" : "");
    cJSON_Delete(root);
    return 0;
}

/*
 * Finds the languages (the .json files in lang/, English first, the rest in name order)
 * and reads their sentences: English on its own, every other language on top
 * of English. The catalog has English already; without a usable en.json the
 * kiosk still has it, as keys.
 */
void uk_languages_load(uk_loader *ld, const char *dir)
{
    char lang_dir[UK_LOADER_PATH_MAX];
    char path[UK_LOADER_PATH_MAX];
    struct dirent **files = NULL;

    if (uk_files_join(ld, lang_dir, sizeof lang_dir, dir, "lang") != 0)
        return;
    int count = uk_files_list_json(lang_dir, &files);
    if (count < 0) {
        ld->path = lang_dir;
        uk_loader_problem(ld, NULL, "cannot open the languages folder: %s (it should hold en.json)",
                          strerror(errno));
        return;
    }
    bool english = false;
    for (int i = 0; i < count; i++)
        english = english || strcmp(files[i]->d_name, "en.json") == 0;
    if (english) {
        if (uk_files_join(ld, path, sizeof path, lang_dir, "en.json") == 0)
            load_strings_file(ld, path, &ld->strings[0], false);
    } else {
        ld->path = lang_dir;
        uk_loader_problem(ld, NULL,
                          "no en.json here: English is the base every language falls back on");
    }
    for (int i = 0; i < count; i++) {
        const char *name = files[i]->d_name;
        char code[256]; /* a file name's length, at most */
        snprintf(code, sizeof code, "%.*s", (int)(strlen(name) - 5), name);
        if (strcmp(code, "en") == 0)
            continue;
        if (uk_files_join(ld, path, sizeof path, lang_dir, name) != 0)
            continue;
        ld->path = path;
        if (!uk_strings_lang_valid(code)) {
            uk_loader_problem(
                ld, NULL, "'%s' is not a language code like \"es\" or \"pt-br\"; left out", code);
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        if (ld->catalog->lang_count == UK_MAX_LANGS) {
            uk_loader_problem(ld, NULL, "more than %d languages; this one is left out",
                              UK_MAX_LANGS);
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        size_t l = ld->catalog->lang_count;
        ld->strings[l] = ld->strings[0];
        snprintf(ld->strings[l].lang, UK_LANG_MAX, "%.*s", UK_LANG_MAX - 1, code);
        if (load_strings_file(ld, path, &ld->strings[l], true) != 0) {
            uk_loader_ids_add(ld, &ld->rejected_langs, code, path);
            continue;
        }
        snprintf(ld->catalog->langs[l].code, UK_LANG_MAX, "%.*s", UK_LANG_MAX - 1, code);
        ld->catalog->langs[l].strings = &ld->strings[l];
        ld->catalog->lang_count++;
    }
    uk_files_free_list(files, count);
}
