/*
 * effect.c: the core's one queue of effects (see effect.h).
 */
#include "app/core/effect.h"

#include <string.h>

void uk_effect_queue_init(uk_effect_queue *queue)
{
    memset(queue, 0, sizeof *queue);
}

/* Removes item `i`, closing the gap, and wipes the slot left free at the end. */
static void remove_at(uk_effect_queue *queue, size_t i)
{
    memmove(&queue->items[i], &queue->items[i + 1],
            sizeof queue->items[0] * (queue->count - i - 1));
    queue->count--;
    memset(&queue->items[queue->count], 0, sizeof queue->items[0]);
}

void uk_effect_push(uk_effect_queue *queue, const uk_effect *effect)
{
    if (queue->count == UK_EFFECT_QUEUE_MAX) {
        size_t victim = 0;
        for (size_t i = 0; i < queue->count; i++)
            if (queue->items[i].kind == UK_EFFECT_PLAY_CUE) {
                victim = i;
                break;
            }
        remove_at(queue, victim);
        queue->dropped++;
    }
    queue->items[queue->count++] = *effect;
}

bool uk_effect_take(uk_effect_queue *queue, uk_effect *out)
{
    if (queue->count == 0)
        return false;
    *out = queue->items[0];
    remove_at(queue, 0);
    return true;
}
