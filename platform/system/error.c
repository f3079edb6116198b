/*
 * error.c: writing an adapter's failure the way error.h says.
 */
#include "platform/system/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

int uk_error_set(char *error, size_t error_len, int err, const char *fmt, ...)
{
    if (error && error_len > 0) {
        va_list args;
        va_start(args, fmt);
        vsnprintf(error, error_len, fmt, args);
        va_end(args);
    }
    errno = err;
    return -1;
}
