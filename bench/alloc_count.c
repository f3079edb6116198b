/*
 * alloc_count.c: counts calls to malloc, calloc and realloc, per thread.
 *
 * The kiosk promises not to allocate once its loop runs (platform/loop/kiosk.c,
 * app/); SDL and its libraries may. Defining malloc in the executable puts
 * these in front of the C library's for every library the process loads;
 * each counts the call in a thread-local counter and hands it to glibc's
 * own allocator (its __libc_ names), so memory is managed exactly as
 * without them. Only the loop thread's count is read: the store's writer
 * thread allocates inside SQLite, off the frame.
 *
 * Sanitizer builds bring their own malloc, so nothing is counted there.
 */
#include "bench/bench.h"

#include <stddef.h>

#if defined(__SANITIZE_ADDRESS__)

bool bench_allocs_counted(void)
{
    return false;
}

unsigned long bench_allocs(void)
{
    return 0;
}

#else

static _Thread_local unsigned long calls;

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);

void *malloc(size_t size)
{
    calls++;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
    calls++;
    return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size)
{
    calls++;
    return __libc_realloc(ptr, size);
}

bool bench_allocs_counted(void)
{
    return true;
}

unsigned long bench_allocs(void)
{
    return calls;
}

#endif
