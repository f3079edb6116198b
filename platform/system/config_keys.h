/*
 * config_keys.h: what one row of the settings table says. The rows
 * themselves are in config_keys.c, which holds nothing else (in the spirit
 * of suckless st's config.def.h).
 *
 * Internal to platform/system: config.c parses and prints values through
 * the rows, command_line.c makes the long options and --help from them.
 * Everything here is constant data; no function.
 */
#ifndef UK_PLATFORM_SYSTEM_CONFIG_KEYS_H
#define UK_PLATFORM_SYSTEM_CONFIG_KEYS_H

#include <stddef.h>

/* How a key's text is parsed and where its value is stored. */
typedef enum uk_config_keys_type {
    UK_CONFIG_KEYS_INT,   /* a whole number from min to max, into an int */
    UK_CONFIG_KEYS_WORD,  /* one of `words`, stored as the matching `values` entry (an int) */
    UK_CONFIG_KEYS_BOOL,  /* on/off, true/false, yes/no, 1/0, into a bool */
    UK_CONFIG_KEYS_TEXT,  /* free text up to `size` - 1 bytes, checked by `check` */
    UK_CONFIG_KEYS_SIZE,  /* WIDTHxHEIGHT into two ints */
    UK_CONFIG_KEYS_HOURS, /* a day of the opening hours (app/core/schedule.h) */
} uk_config_keys_type;

/* What a text key must be besides short enough (config.c says it in words). */
typedef enum uk_config_keys_check {
    UK_CONFIG_KEYS_ANY_TEXT = 0,
    UK_CONFIG_KEYS_LANGUAGE,  /* a language code such as en or pt-br */
    UK_CONFIG_KEYS_PIN_HASH,  /* empty, or a hash the kiosk can check (pin_hash.h) */
    UK_CONFIG_KEYS_BACKLIGHT, /* auto, none or a path */
    UK_CONFIG_KEYS_CHIP,      /* empty or one word */
} uk_config_keys_check;

typedef struct uk_config_keys_row {
    const char *section;
    const char *name;
    uk_config_keys_type type;
    const char *fallback;       /* the default, as it is written in the file */
    int min, max;               /* INT */
    const char *const *words;   /* WORD: the words, NULL-terminated */
    const int *values;          /* WORD: the value stored for each word */
    uk_config_keys_check check; /* TEXT */
    size_t offset, size;        /* where the value lives in uk_config, and its size */
    size_t offset2;             /* SIZE: where the height lives */
    const char *option;         /* a short command-line name, or NULL */
    const char *arg;            /* the argument's name in --help */
    const char *help;           /* one line for --help */
} uk_config_keys_row;

/*
 * Every key, grouped by section in the order --help and --check-config
 * show them. Static storage, never written.
 */
extern const uk_config_keys_row uk_config_keys_table[];
extern const size_t uk_config_keys_count;

#endif
