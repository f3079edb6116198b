/*
 * script.c: reading scripted runs. The format is a handful of verbs, one per
 * line, split on blanks; anything unexpected is reported with its line.
 *
 * A script is read whole before it runs, so a mistake on its last line
 * stops the run before anything happens. Failing follows error.h: NULL,
 * with one sentence in the caller's buffer naming the file and the line
 * ("path:12: tap takes x and y ...") and errno saying the kind: the
 * open's own (ENOENT, EACCES, ...), EINVAL for a line that is not a
 * command, EIO, ENOMEM. What the commands do is the kiosk's
 * (uk_kiosk_run_script); this file only reads them.
 */
#include "platform/content/script.h"

#include <SDL.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/core/app.h"
#include "platform/system/error.h"

struct uk_script {
    char path[UK_SCRIPT_ARG_MAX];
    size_t count;
    uk_script_command *commands;
};

/* One line of a script, its newline and the NUL included. */
#define LINE_MAX_BYTES 1024

static int parse_kind(const char *word, uk_input_kind *kind)
{
    for (int i = 0; i < UK_INPUT_KIND_COUNT; i++) {
        if (strcasecmp(word, uk_input_kind_name((uk_input_kind)i)) == 0) {
            *kind = (uk_input_kind)i;
            return 0;
        }
    }
    return -1;
}

static int parse_number(const char *word, double min, double max, double *out)
{
    char *end;
    errno = 0;
    double value = word ? strtod(word, &end) : NAN;
    if (!word || errno || *end != '\0' || !(value >= min && value <= max))
        return -1;
    *out = value;
    return 0;
}

/* "ctrl+alt+f4": modifiers, then a key name SDL knows. 0 or -1. */
static int parse_key(char *text, uk_script_command *cmd)
{
    static const struct {
        const char *name;
        int mod;
    } mods[] = {
        {"ctrl", KMOD_LCTRL}, {"alt", KMOD_LALT}, {"shift", KMOD_LSHIFT}, {"gui", KMOD_LGUI}};
    cmd->key_mod = KMOD_NONE;
    char *save = NULL;
    char *part = strtok_r(text, "+", &save);
    while (part) {
        char *next = strtok_r(NULL, "+", &save);
        if (!next) {
            cmd->key = SDL_GetKeyFromName(part);
            return cmd->key == SDLK_UNKNOWN ? -1 : 0;
        }
        size_t i = 0;
        while (i < sizeof mods / sizeof mods[0] && strcasecmp(part, mods[i].name) != 0)
            i++;
        if (i == sizeof mods / sizeof mods[0])
            return -1;
        cmd->key_mod |= mods[i].mod;
        part = next;
    }
    return -1;
}

/* Is `name` one that `expect screen` can meet: a screen's, or asleep? */
static bool screen_name_known(const char *name)
{
    for (int i = 0; i < UK_SCREEN_COUNT; i++)
        if (strcmp(name, uk_screen_name((uk_screen)i)) == 0)
            return true;
    return strcmp(name, UK_SCRIPT_ASLEEP) == 0;
}

/* Appends every name `expect screen` takes, and ")", to the text in `buf`; returns `buf`. */
static const char *append_screen_names(char *buf, size_t size)
{
    int len = (int)strlen(buf);
    for (int i = 0; i < UK_SCREEN_COUNT && len >= 0 && (size_t)len < size; i++)
        len += snprintf(buf + len, size - (size_t)len, "%s, ", uk_screen_name((uk_screen)i));
    if (len >= 0 && (size_t)len < size)
        snprintf(buf + len, size - (size_t)len, "%s)", UK_SCRIPT_ASLEEP);
    return buf;
}

/*
 * Parses one non-empty line into `cmd`. Returns NULL or the problem, which
 * may be written in `scratch` (`scratch_len` bytes).
 */
static const char *parse_line(char *text, uk_script_command *cmd, char *scratch, size_t scratch_len)
{
    char *save = NULL;
    char *verb = strtok_r(text, " \t", &save);
    char *a = strtok_r(NULL, " \t", &save);
    char *b = strtok_r(NULL, " \t", &save);
    char *extra = strtok_r(NULL, " \t", &save);
    double value, y;

    if (strcmp(verb, "wait") == 0) {
        if (b || parse_number(a, 0, 86400, &value) != 0)
            return "wait takes one number of seconds, from 0 to 86400";
        cmd->verb = UK_SCRIPT_WAIT;
        cmd->wait_ms = (uint64_t)llround(value * 1000);
    } else if (strcmp(verb, "press") == 0) {
        cmd->verb = UK_SCRIPT_PRESS;
        cmd->kind = UK_INPUT_KEYBOARD;
        cmd->action = a ? uk_action_from_name(a) : UK_ACTION_NONE;
        if (cmd->action == UK_ACTION_NONE || extra)
            return "press takes an action (up, down, select, back, help) and optionally "
                   "touch, button or keyboard";
        if (b && parse_kind(b, &cmd->kind) != 0)
            return "the input kind must be touch, button or keyboard";
    } else if (strcmp(verb, "button") == 0) {
        cmd->verb = UK_SCRIPT_BUTTON;
        cmd->action = a ? uk_action_from_name(a) : UK_ACTION_NONE;
        if (cmd->action == UK_ACTION_NONE || !b || extra ||
            (strcmp(b, "down") != 0 && strcmp(b, "up") != 0))
            return "button takes an action (up, down, select, back, help) and down or up";
        cmd->pressed = strcmp(b, "down") == 0;
    } else if (strcmp(verb, "tap") == 0) {
        if (extra || parse_number(a, 0, 1, &value) != 0 || parse_number(b, 0, 1, &y) != 0)
            return "tap takes x and y as fractions of the frame, from 0 to 1";
        cmd->verb = UK_SCRIPT_TAP;
        cmd->kind = UK_INPUT_TOUCH;
        cmd->x = (float)value;
        cmd->y = (float)y;
    } else if (strcmp(verb, "shot") == 0) {
        if (!a || b || strlen(a) >= UK_SCRIPT_ARG_MAX)
            return "shot takes one file name (no spaces)";
        cmd->verb = UK_SCRIPT_SHOT;
        snprintf(cmd->arg, sizeof cmd->arg, "%s", a);
    } else if (strcmp(verb, "expect") == 0) {
        if (!a || strcmp(a, "screen") != 0 || !b || extra) {
            snprintf(scratch, scratch_len, "expect takes 'screen' and a screen name (");
            return append_screen_names(scratch, scratch_len);
        }
        if (!screen_name_known(b)) {
            snprintf(scratch, scratch_len, "no screen is called '%s' (screens: ", b);
            return append_screen_names(scratch, scratch_len);
        }
        cmd->verb = UK_SCRIPT_EXPECT_SCREEN;
        snprintf(cmd->arg, sizeof cmd->arg, "%s", b);
    } else if (strcmp(verb, "key") == 0) {
        cmd->verb = UK_SCRIPT_KEY;
        if (!a || b || parse_key(a, cmd) != 0)
            return "key takes one key with optional modifiers, e.g. escape, alt+f4, ctrl+q";
    } else if (strcmp(verb, "event") == 0) {
        if (!a || b || strcmp(a, "quit") != 0)
            return "event takes 'quit' (the window manager's close request)";
        cmd->verb = UK_SCRIPT_EVENT_QUIT;
    } else if (strcmp(verb, "hours") == 0) {
        if (!a || b || (strcmp(a, "open") != 0 && strcmp(a, "closed") != 0))
            return "hours takes open or closed";
        cmd->verb = UK_SCRIPT_HOURS;
        cmd->open = strcmp(a, "open") == 0;
    } else if (strcmp(verb, "stall") == 0) {
        if (b || parse_number(a, 0, 60, &value) != 0)
            return "stall takes one number of seconds, from 0 to 60";
        cmd->verb = UK_SCRIPT_STALL;
        cmd->wait_ms = (uint64_t)llround(value * 1000);
    } else {
        return "unknown command (known: wait, press, button, tap, shot, expect, key, event, "
               "hours, stall)";
    }
    return NULL;
}

uk_script *uk_script_load(const char *path, char *error, size_t error_len)
{
    FILE *file = fopen(path, "r");
    if (!file) {
        int err = errno;
        uk_error_set(error, error_len, err, "cannot open script %s: %s", path, strerror(err));
        return NULL;
    }
    uk_script *script = calloc(1, sizeof *script);
    if (!script)
        goto err_no_memory;
    snprintf(script->path, sizeof script->path, "%s", path);

    char text[LINE_MAX_BYTES];
    size_t capacity = 0;
    for (int line = 1;; line++) {
        errno = 0; /* so a failed read can say why */
        if (!fgets(text, sizeof text, file))
            break;
        /* A line cut in two by fgets would be read as two commands, and every line number after
         * it would be one off. */
        if (!strchr(text, '\n') && !feof(file)) {
            uk_error_set(error, error_len, EINVAL, "%s:%d: the line is longer than %d bytes", path,
                         line, LINE_MAX_BYTES - 2);
            goto err_free_script;
        }
        text[strcspn(text, "#\r\n")] = '\0';
        if (strspn(text, " \t") == strlen(text))
            continue;
        if (script->count == capacity) {
            size_t grown = capacity ? capacity * 2 : 32;
            uk_script_command *commands =
                realloc(script->commands, grown * sizeof *script->commands);
            if (!commands)
                goto err_no_memory;
            script->commands = commands;
            capacity = grown;
        }
        uk_script_command *cmd = &script->commands[script->count];
        memset(cmd, 0, sizeof *cmd);
        cmd->line = line;
        char scratch[256];
        const char *problem = parse_line(text, cmd, scratch, sizeof scratch);
        if (problem) {
            uk_error_set(error, error_len, EINVAL, "%s:%d: %s", path, line, problem);
            goto err_free_script;
        }
        script->count++;
    }
    if (ferror(file)) {
        int err = errno ? errno : EIO;
        uk_error_set(error, error_len, err, "cannot read script %s: %s", path, strerror(err));
        goto err_free_script;
    }
    fclose(file);
    return script;

err_no_memory:
    uk_error_set(error, error_len, ENOMEM, "cannot read script %s: out of memory", path);
err_free_script:
    uk_script_free(script);
    fclose(file);
    return NULL;
}

void uk_script_free(uk_script *script)
{
    if (!script)
        return;
    free(script->commands);
    free(script);
}

const char *uk_script_path(const uk_script *script)
{
    return script->path;
}

size_t uk_script_count(const uk_script *script)
{
    return script->count;
}

const uk_script_command *uk_script_command_at(const uk_script *script, size_t i)
{
    return &script->commands[i];
}
