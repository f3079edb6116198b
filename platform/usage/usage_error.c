/*
 * usage_error.c: SQLite's failures on the usage log as errno, and the
 * sentence for a file that would not open (implements
 * platform/usage/usage_error.h).
 *
 * The table below is the whole policy: a result code SQLite does not name
 * here is one retrying cannot help. SQLite reports a write refused by a
 * read-only file system as a plain SQLITE_IOERR, which is why the failed
 * system call's errno is asked too.
 */
#include "platform/usage/usage_error.h"

#include <sqlite3.h>

#include "platform/system/error.h"

/* What an operator can do about a file we could not open. */
#define HINT_ACCESS                                                                                \
    "check that the folder exists and the kiosk's user may write to it and to the file, or pass "  \
    "--db PATH"

int uk_usage_error_kind(struct sqlite3 *conn, int rc)
{
    int sys = conn != NULL ? sqlite3_system_errno(conn) : 0;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return ENOSPC;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return EROFS;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return UK_USAGE_ERROR_DAMAGED;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        if (sys == ENOSPC || sys == EDQUOT)
            return ENOSPC;
        if (sys == EROFS || sys == EACCES || sys == EPERM)
            return EROFS;
        return EIO;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return EBUSY;
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
        return EIO;
    default:
        return UK_USAGE_ERROR_HOPELESS;
    }
}

int uk_usage_error_open(const char *path, const char *words, int kind, char *error,
                        size_t error_len)
{
    switch (kind) {
    case UK_USAGE_ERROR_DAMAGED:
        return uk_error_set(error, error_len, kind,
                            "cannot open %s: %s (the file is damaged or not an unknot usage log)",
                            path, words);
    case ENOSPC:
        return uk_error_set(error, error_len, kind,
                            "cannot open %s: %s (the disk is full; free some space)", path, words);
    case EBUSY:
        return uk_error_set(
            error, error_len, kind,
            "cannot open %s: %s (another program holds it locked; close it, or pass --db PATH)",
            path, words);
    case EROFS:
    case EIO:
    case ENOENT:
        return uk_error_set(error, error_len, kind, "cannot open %s: %s (" HINT_ACCESS ")", path,
                            words);
    default:
        return uk_error_set(error, error_len, kind, "cannot open %s: %s", path, words);
    }
}

int uk_usage_error_open_call(struct sqlite3 *conn, int rc, const char *path, char *error,
                             size_t error_len)
{
    const char *words = conn != NULL ? sqlite3_errmsg(conn) : sqlite3_errstr(rc);
    return uk_usage_error_open(path, words, uk_usage_error_kind(conn, rc), error, error_len);
}
