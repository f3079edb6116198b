/*
 * edge_queue.h: button edges handed from a reader thread to the UI thread.
 *
 * The one thing the GPIO reader thread and the UI thread share. The reader
 * pushes edges (with CLOCK_MONOTONIC timestamps) and never waits for the UI:
 * the queue is a fixed ring behind a mutex held for a copy. The UI thread
 * takes them all at once.
 *
 * When the UI stalls long enough for the ring to fill, the new edge is
 * kept and an older one is dropped and counted: the oldest edge whose
 * button has a newer edge queued. The newest edge of every button is never
 * dropped, so once the queue is drained each button is where it really is:
 * a lost release would leave it held (Up repeating for ever, Back going
 * home), and dropping the plain oldest edge could be that release, when
 * its press was taken before the stall and the chatter that filled the
 * ring came from another button. A press may be lost in an overflow;
 * a button never stays down.
 *
 * Waking the UI: the first push after a drain calls `wake` (from the pushing
 * thread, outside the lock), so a burst of chatter costs one wake-up, not
 * one per edge. The kiosk's `wake` pushes an SDL user event;
 * uk_edge_queue_poke wakes it without an edge (the GPIO state changed).
 *
 * Ownership: uk_edge_queue_new/free; free only after every pusher has
 * stopped.
 */
#ifndef UK_PLATFORM_INPUT_EDGE_QUEUE_H
#define UK_PLATFORM_INPUT_EDGE_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/model/action.h"

typedef enum uk_edge_kind {
    UK_EDGE_FALLING = 0, /* released */
    UK_EDGE_RISING,      /* pressed */
    UK_EDGE_LEVEL_UP,    /* the line is pressed now (read when it was opened) */
    UK_EDGE_LEVEL_DOWN,  /* the line is released now (opened, or gone) */
} uk_edge_kind;

typedef struct uk_edge {
    uk_action button;
    uk_edge_kind kind;
    uint64_t mono_ns; /* CLOCK_MONOTONIC */
} uk_edge;

typedef struct uk_edge_queue uk_edge_queue;

/* `wake(ctx)` is called from pushing threads; it must be thread-safe and quick. */
uk_edge_queue *uk_edge_queue_new(void (*wake)(void *ctx), void *ctx);

/* Frees the queue. Accepts NULL. */
void uk_edge_queue_free(uk_edge_queue *queue);

/*
 * Adds an edge (any thread). Returns false if the queue was full and an
 * older edge was dropped to make room (see above).
 */
bool uk_edge_queue_push(uk_edge_queue *queue, const uk_edge *edge);

/* Wakes the consumer without an edge (any thread). */
void uk_edge_queue_poke(uk_edge_queue *queue);

/* Takes up to `max` edges, oldest first (the UI thread). Returns how many. */
size_t uk_edge_queue_take(uk_edge_queue *queue, uk_edge *out, size_t max);

/* Edges dropped since the queue was made. */
unsigned long uk_edge_queue_dropped(uk_edge_queue *queue);

/* CLOCK_MONOTONIC now, in ns: the clock of every edge in the queue. */
uint64_t uk_edge_queue_clock_ns(void);

#endif
