/*
 * fault_vfs.h: a test-only SQLite VFS that wraps the default one and can
 * make the disk read-only, full, or slow to sync, while the code under test
 * runs unchanged.
 *
 * Installed as the default VFS, so every connection opened afterwards
 * (including the store's, on its writer thread) goes through it. Tests that
 * want to look at a file as it really is open it with the VFS named "unix".
 * The controls are atomics: a test thread flips them while the writer
 * thread is inside SQLite.
 */
#ifndef UK_TESTS_FAULT_VFS_H
#define UK_TESTS_FAULT_VFS_H

typedef enum fault_mode {
    FAULT_NONE = 0,
    FAULT_READONLY, /* opens for writing fail and writes fail, with errno EROFS */
    FAULT_FULL      /* writes fail with SQLITE_FULL, errno ENOSPC */
} fault_mode;

typedef struct fault_vfs fault_vfs;

/* Registers the shim as the default VFS. Returns NULL on failure. */
fault_vfs *fault_vfs_install(void);

/* Unregisters the shim (the real VFS becomes the default again) and frees it. Accepts NULL. */
void fault_vfs_uninstall(fault_vfs *vfs);

void fault_vfs_set_mode(fault_vfs *vfs, fault_mode mode);

/* Every xSync sleeps this long before syncing (0: no delay). */
void fault_vfs_set_sync_delay_ms(fault_vfs *vfs, int ms);

/* Syncs under way right now, and syncs started since install. */
int fault_vfs_syncs_in_progress(const fault_vfs *vfs);
long fault_vfs_syncs(const fault_vfs *vfs);

#endif
