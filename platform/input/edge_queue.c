/*
 * edge_queue.c: a mutex-protected ring of edges with a coalesced wake-up.
 *
 * `woken` is true from the first push after a drain until the next drain:
 * while it is set, pushes do not call `wake` again. The consumer clears it
 * in uk_edge_queue_take, under the lock, so an edge pushed after a drain is
 * always followed by a wake.
 *
 * A full ring makes room by removing one edge from its middle (the rule is
 * in edge_queue.h): the edges after it move down one place. That costs a
 * pass over the ring, under the lock, only when edges are being lost.
 */
#include "platform/input/edge_queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define QUEUE_EDGES 256

struct uk_edge_queue {
    pthread_mutex_t lock;
    void (*wake)(void *ctx);
    void *ctx;
    bool woken; /* a wake-up is on its way and nothing has drained since */
    size_t first, count;
    unsigned long dropped;
    uk_edge edges[QUEUE_EDGES];
};

uk_edge_queue *uk_edge_queue_new(void (*wake)(void *ctx), void *ctx)
{
    uk_edge_queue *queue = calloc(1, sizeof *queue);
    if (!queue)
        return NULL;
    if (pthread_mutex_init(&queue->lock, NULL) != 0) {
        free(queue);
        return NULL;
    }
    queue->wake = wake;
    queue->ctx = ctx;
    return queue;
}

void uk_edge_queue_free(uk_edge_queue *queue)
{
    if (!queue)
        return;
    pthread_mutex_destroy(&queue->lock);
    free(queue);
}

/* Marks a wake-up as sent; true if the caller must send it. Call with the lock held. */
static bool claim_wake(uk_edge_queue *queue)
{
    bool first = !queue->woken;
    queue->woken = true;
    return first && queue->wake;
}

/*
 * The full ring's place (0 oldest) of its oldest edge whose button has a
 * newer edge, in the ring or `incoming`. There always is one: more edges
 * than buttons means two share a button. Call with the lock held.
 */
static size_t superseded(const uk_edge_queue *queue, const uk_edge *incoming)
{
    bool newer[UK_ACTION_COUNT] = {false};
    if ((unsigned)incoming->button < UK_ACTION_COUNT)
        newer[incoming->button] = true;
    size_t found = 0; /* none (only edges of unknown buttons can do that): the oldest */
    for (size_t i = queue->count; i-- > 0;) {
        uk_action button = queue->edges[(queue->first + i) % QUEUE_EDGES].button;
        if ((unsigned)button >= UK_ACTION_COUNT)
            continue;
        if (newer[button])
            found = i;
        newer[button] = true;
    }
    return found;
}

bool uk_edge_queue_push(uk_edge_queue *queue, const uk_edge *edge)
{
    pthread_mutex_lock(&queue->lock);
    bool fits = queue->count < QUEUE_EDGES;
    if (!fits) {
        for (size_t i = superseded(queue, edge); i + 1 < queue->count; i++)
            queue->edges[(queue->first + i) % QUEUE_EDGES] =
                queue->edges[(queue->first + i + 1) % QUEUE_EDGES];
        queue->count--;
        queue->dropped++;
    }
    queue->edges[(queue->first + queue->count++) % QUEUE_EDGES] = *edge;
    bool wake = claim_wake(queue);
    pthread_mutex_unlock(&queue->lock);
    if (wake)
        queue->wake(queue->ctx);
    return fits;
}

void uk_edge_queue_poke(uk_edge_queue *queue)
{
    pthread_mutex_lock(&queue->lock);
    bool wake = claim_wake(queue);
    pthread_mutex_unlock(&queue->lock);
    if (wake)
        queue->wake(queue->ctx);
}

size_t uk_edge_queue_take(uk_edge_queue *queue, uk_edge *out, size_t max)
{
    pthread_mutex_lock(&queue->lock);
    size_t n = queue->count < max ? queue->count : max;
    for (size_t i = 0; i < n; i++)
        out[i] = queue->edges[(queue->first + i) % QUEUE_EDGES];
    queue->first = (queue->first + n) % QUEUE_EDGES;
    queue->count -= n;
    if (queue->count == 0)
        queue->woken = false;
    pthread_mutex_unlock(&queue->lock);
    return n;
}

unsigned long uk_edge_queue_dropped(uk_edge_queue *queue)
{
    pthread_mutex_lock(&queue->lock);
    unsigned long dropped = queue->dropped;
    pthread_mutex_unlock(&queue->lock);
    return dropped;
}

uint64_t uk_edge_queue_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
