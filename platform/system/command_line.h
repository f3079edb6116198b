/*
 * command_line.h: the kiosk's command line, read with getopt_long.
 *
 * Every key of the settings table (config_keys.h) is an option,
 * --<section>-<key> VALUE, and some also have a short name (--rotation,
 * --size, ...). Flags stand for a key's value (--fullscreen is
 * --display-mode fullscreen), and commands say what to do rather than how
 * (--config, --check-config, --script, --help ...). config.c's
 * uk_config_load runs the protocol:
 *   1. uk_command_line_parse: every option in order; the commands are done
 *      (config->run filled) up to the first --help or --version;
 *   2. the file and the environment are read (config.c);
 *   3. uk_command_line_apply: the options that set keys, over them.
 * A mistake stops with one sentence: someone is typing (exit status 2).
 *
 * It reads no file and no environment, and prints only --help.
 */
#ifndef UK_PLATFORM_SYSTEM_COMMAND_LINE_H
#define UK_PLATFORM_SYSTEM_COMMAND_LINE_H

#include <stddef.h>
#include <stdio.h>

#include "platform/system/config.h"

typedef struct uk_command_line uk_command_line;

/* What the command line asks for before any setting is read. */
typedef enum uk_command_line_ask {
    UK_COMMAND_LINE_RUN = 0, /* start, or check, with the settings */
    UK_COMMAND_LINE_HELP,    /* --help came first: print the help and exit 0 */
    UK_COMMAND_LINE_VERSION, /* --version came first: print the version and exit 0 */
} uk_command_line_ask;

/*
 * Reads argv's options in order and does the commands among them until
 * the first --help or --version: --check-config, --script, --shots ... go
 * into config->run (a --gpio-lines list is checked now). Returns the
 * options, which borrow argv's strings (argv must outlive them), or NULL
 * with a sentence in `error` ("unknown or incomplete option '--x' (see
 * unknot --help)") and errno EINVAL, or ENOMEM. Free with
 * uk_command_line_free.
 */
uk_command_line *uk_command_line_parse(int argc, char **argv, uk_config *config, char *error,
                                       size_t error_len);

/* Frees what uk_command_line_parse made. Accepts NULL. */
void uk_command_line_free(uk_command_line *cl);

/* Whether --help or --version came before anything else was done. */
uk_command_line_ask uk_command_line_asked(const uk_command_line *cl);

/* The FILE of --config FILE (argv's storage), or NULL when none was given. */
const char *uk_command_line_config_file(const uk_command_line *cl);

/*
 * Sets the keys the options name, in order, over what `config` holds.
 * Returns 0, or -1 with a sentence in `error` ("--rotation 45: must be 0,
 * 90, 180 or 270") and errno EINVAL; keys set before the mistake keep
 * their new values.
 */
int uk_command_line_apply(const uk_command_line *cl, uk_config *config, char *error,
                          size_t error_len);

/*
 * Writes --help: every option with its argument and help line, by
 * section, then the commands. Wraps at 80 columns.
 */
void uk_command_line_print_help(FILE *out);

#endif
