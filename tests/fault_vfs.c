/*
 * fault_vfs.c: the fault-injecting VFS shim for tests (see fault_vfs.h).
 *
 * Each file is a fault_file header followed by the real VFS's file object;
 * every method passes through to the real one unless a fault is switched
 * on. Faults are reported the way the unix VFS reports them (an SQLite code
 * plus the errno that xGetLastError answers), so the store's classification
 * is exercised as it would be on a real read-only mount or full card.
 */
#include "tests/fault_vfs.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

struct fault_vfs {
    sqlite3_vfs base; /* first: SQLite sees a fault_vfs as an sqlite3_vfs */
    sqlite3_vfs *real;
    atomic_int mode;
    atomic_int sync_delay_ms;
    atomic_int in_sync;
    atomic_long syncs;
    atomic_int last_errno; /* what xGetLastError answers after an injected fault */
};

typedef struct fault_file {
    sqlite3_file base;
    fault_vfs *vfs;
    sqlite3_file *real; /* points just past this header */
} fault_file;

#define FILE_OF(f) (((fault_file *)(f))->real)
#define VFS_OF(f)  (((fault_file *)(f))->vfs)

static int injected(fault_vfs *vfs, int rc, int err)
{
    atomic_store(&vfs->last_errno, err);
    return rc;
}

/* ---- file methods ------------------------------------------------------------------------- */

static int f_close(sqlite3_file *f)
{
    return FILE_OF(f)->pMethods->xClose(FILE_OF(f));
}

static int f_read(sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
    return FILE_OF(f)->pMethods->xRead(FILE_OF(f), buf, amount, offset);
}

static int f_write(sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
    switch (atomic_load(&VFS_OF(f)->mode)) {
    case FAULT_READONLY:
        return injected(VFS_OF(f), SQLITE_IOERR_WRITE, EROFS);
    case FAULT_FULL:
        return injected(VFS_OF(f), SQLITE_FULL, ENOSPC);
    default:
        return FILE_OF(f)->pMethods->xWrite(FILE_OF(f), buf, amount, offset);
    }
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (atomic_load(&VFS_OF(f)->mode) == FAULT_READONLY)
        return injected(VFS_OF(f), SQLITE_IOERR_TRUNCATE, EROFS);
    return FILE_OF(f)->pMethods->xTruncate(FILE_OF(f), size);
}

static int f_sync(sqlite3_file *f, int flags)
{
    fault_vfs *vfs = VFS_OF(f);
    atomic_fetch_add(&vfs->in_sync, 1);
    atomic_fetch_add(&vfs->syncs, 1);
    int ms = atomic_load(&vfs->sync_delay_ms);
    if (ms > 0) {
        struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
    int rc = FILE_OF(f)->pMethods->xSync(FILE_OF(f), flags);
    atomic_fetch_sub(&vfs->in_sync, 1);
    return rc;
}

static int f_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return FILE_OF(f)->pMethods->xFileSize(FILE_OF(f), size);
}

static int f_lock(sqlite3_file *f, int level)
{
    return FILE_OF(f)->pMethods->xLock(FILE_OF(f), level);
}

static int f_unlock(sqlite3_file *f, int level)
{
    return FILE_OF(f)->pMethods->xUnlock(FILE_OF(f), level);
}

static int f_check_reserved(sqlite3_file *f, int *out)
{
    return FILE_OF(f)->pMethods->xCheckReservedLock(FILE_OF(f), out);
}

static int f_file_control(sqlite3_file *f, int op, void *arg)
{
    return FILE_OF(f)->pMethods->xFileControl(FILE_OF(f), op, arg);
}

static int f_sector_size(sqlite3_file *f)
{
    return FILE_OF(f)->pMethods->xSectorSize(FILE_OF(f));
}

static int f_device_characteristics(sqlite3_file *f)
{
    return FILE_OF(f)->pMethods->xDeviceCharacteristics(FILE_OF(f));
}

static int f_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return FILE_OF(f)->pMethods->xShmMap(FILE_OF(f), page, size, extend, out);
}

static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return FILE_OF(f)->pMethods->xShmLock(FILE_OF(f), offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
    FILE_OF(f)->pMethods->xShmBarrier(FILE_OF(f));
}

static int f_shm_unmap(sqlite3_file *f, int delete_flag)
{
    return FILE_OF(f)->pMethods->xShmUnmap(FILE_OF(f), delete_flag);
}

static int f_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    return FILE_OF(f)->pMethods->xFetch(FILE_OF(f), offset, amount, out);
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *p)
{
    return FILE_OF(f)->pMethods->xUnfetch(FILE_OF(f), offset, p);
}

static const sqlite3_io_methods fault_io = {
    .iVersion = 3,
    .xClose = f_close,
    .xRead = f_read,
    .xWrite = f_write,
    .xTruncate = f_truncate,
    .xSync = f_sync,
    .xFileSize = f_file_size,
    .xLock = f_lock,
    .xUnlock = f_unlock,
    .xCheckReservedLock = f_check_reserved,
    .xFileControl = f_file_control,
    .xSectorSize = f_sector_size,
    .xDeviceCharacteristics = f_device_characteristics,
    .xShmMap = f_shm_map,
    .xShmLock = f_shm_lock,
    .xShmBarrier = f_shm_barrier,
    .xShmUnmap = f_shm_unmap,
    .xFetch = f_fetch,
    .xUnfetch = f_unfetch,
};

/* ---- VFS methods -------------------------------------------------------------------------- */

static int v_open(sqlite3_vfs *base, sqlite3_filename name, sqlite3_file *file, int flags,
                  int *out_flags)
{
    fault_vfs *vfs = (fault_vfs *)base;
    fault_file *ff = (fault_file *)file;
    ff->base.pMethods = NULL;
    ff->vfs = vfs;
    ff->real = (sqlite3_file *)(ff + 1);
    if (atomic_load(&vfs->mode) == FAULT_READONLY && (flags & SQLITE_OPEN_READWRITE))
        return injected(vfs, SQLITE_CANTOPEN, EROFS);
    int rc = vfs->real->xOpen(vfs->real, name, ff->real, flags, out_flags);
    if (rc == SQLITE_OK && ff->real->pMethods != NULL)
        ff->base.pMethods = &fault_io;
    return rc;
}

static int v_delete(sqlite3_vfs *base, const char *name, int sync_dir)
{
    fault_vfs *vfs = (fault_vfs *)base;
    if (atomic_load(&vfs->mode) == FAULT_READONLY)
        return injected(vfs, SQLITE_IOERR_DELETE, EROFS);
    return vfs->real->xDelete(vfs->real, name, sync_dir);
}

static int v_access(sqlite3_vfs *base, const char *name, int flags, int *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    int rc = vfs->real->xAccess(vfs->real, name, flags, out);
    if (rc == SQLITE_OK && flags == SQLITE_ACCESS_READWRITE &&
        atomic_load(&vfs->mode) == FAULT_READONLY)
        *out = 0;
    return rc;
}

static int v_full_pathname(sqlite3_vfs *base, const char *name, int len, char *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xFullPathname(vfs->real, name, len, out);
}

static void *v_dl_open(sqlite3_vfs *base, const char *name)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xDlOpen(vfs->real, name);
}

static void v_dl_error(sqlite3_vfs *base, int len, char *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    vfs->real->xDlError(vfs->real, len, out);
}

static void (*v_dl_sym(sqlite3_vfs *base, void *handle, const char *symbol))(void)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xDlSym(vfs->real, handle, symbol);
}

static void v_dl_close(sqlite3_vfs *base, void *handle)
{
    fault_vfs *vfs = (fault_vfs *)base;
    vfs->real->xDlClose(vfs->real, handle);
}

static int v_randomness(sqlite3_vfs *base, int len, char *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xRandomness(vfs->real, len, out);
}

static int v_sleep(sqlite3_vfs *base, int us)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xSleep(vfs->real, us);
}

static int v_current_time(sqlite3_vfs *base, double *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xCurrentTime(vfs->real, out);
}

static int v_get_last_error(sqlite3_vfs *base, int len, char *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    int err = atomic_exchange(&vfs->last_errno, 0);
    if (err != 0)
        return err;
    return vfs->real->xGetLastError(vfs->real, len, out);
}

static int v_current_time_int64(sqlite3_vfs *base, sqlite3_int64 *out)
{
    fault_vfs *vfs = (fault_vfs *)base;
    return vfs->real->xCurrentTimeInt64(vfs->real, out);
}

/* ---- controls ----------------------------------------------------------------------------- */

fault_vfs *fault_vfs_install(void)
{
    sqlite3_vfs *real = sqlite3_vfs_find("unix");
    if (real == NULL)
        return NULL;
    fault_vfs *vfs = calloc(1, sizeof *vfs);
    if (vfs == NULL)
        return NULL;
    vfs->real = real;
    vfs->base = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(fault_file) + real->szOsFile,
        .mxPathname = real->mxPathname,
        .zName = "unknot-fault",
        .xOpen = v_open,
        .xDelete = v_delete,
        .xAccess = v_access,
        .xFullPathname = v_full_pathname,
        .xDlOpen = v_dl_open,
        .xDlError = v_dl_error,
        .xDlSym = v_dl_sym,
        .xDlClose = v_dl_close,
        .xRandomness = v_randomness,
        .xSleep = v_sleep,
        .xCurrentTime = v_current_time,
        .xGetLastError = v_get_last_error,
        .xCurrentTimeInt64 = v_current_time_int64,
    };
    if (sqlite3_vfs_register(&vfs->base, 1) != SQLITE_OK) {
        free(vfs);
        return NULL;
    }
    return vfs;
}

void fault_vfs_uninstall(fault_vfs *vfs)
{
    if (vfs == NULL)
        return;
    sqlite3_vfs_unregister(&vfs->base);
    sqlite3_vfs_register(vfs->real, 1);
    free(vfs);
}

void fault_vfs_set_mode(fault_vfs *vfs, fault_mode mode)
{
    atomic_store(&vfs->mode, (int)mode);
}

void fault_vfs_set_sync_delay_ms(fault_vfs *vfs, int ms)
{
    atomic_store(&vfs->sync_delay_ms, ms);
}

int fault_vfs_syncs_in_progress(const fault_vfs *vfs)
{
    return atomic_load(&((fault_vfs *)vfs)->in_sync);
}

long fault_vfs_syncs(const fault_vfs *vfs)
{
    return atomic_load(&((fault_vfs *)vfs)->syncs);
}
