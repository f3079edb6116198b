/*
 * scan.c: the single-switch scan: a highlight that moves on a timer.
 *
 * The timer is stepped, not computed from a start time: after a long sleep
 * (a tick that comes late) every missed step is taken in order, so the
 * rest after `cycles` rounds happens at the same item and time whatever the
 * tick rate.
 */
#include "app/core/scan.h"

void uk_scan_config_defaults(uk_scan_config *cfg)
{
    *cfg = (uk_scan_config){.step_ms = 1500, .first_step_ms = 2500, .cycles = 3};
}

/* Highlights `item` and holds it for first_step_ms. */
static void start_at(uk_scan *scan, int item_count, int item, uint64_t now_ms)
{
    scan->count = item_count;
    scan->resting = false;
    scan->steps = 0;
    if (item_count <= 0) {
        scan->highlight = -1;
        scan->next_ms = UINT64_MAX;
        return;
    }
    scan->highlight = item >= 0 && item < item_count ? item : 0;
    scan->next_ms = item_count > 1 ? now_ms + scan->cfg.first_step_ms : UINT64_MAX;
}

void uk_scan_init(uk_scan *scan, const uk_scan_config *cfg, int item_count, uint64_t now_ms)
{
    scan->cfg = *cfg;
    if (scan->cfg.step_ms == 0)
        scan->cfg.step_ms = 1; /* a zero step would spin */
    start_at(scan, item_count, 0, now_ms);
}

uint64_t uk_scan_tick(uk_scan *scan, int item_count, uint64_t now_ms)
{
    if (item_count != scan->count)
        start_at(scan, item_count, 0, now_ms);
    while (!scan->resting && scan->next_ms <= now_ms) {
        scan->steps++;
        if (scan->cfg.cycles && scan->steps >= scan->cfg.cycles * (unsigned)scan->count) {
            scan->resting = true;
            scan->highlight = -1;
            scan->next_ms = UINT64_MAX;
            break;
        }
        scan->highlight = (scan->highlight + 1) % scan->count;
        scan->next_ms += scan->cfg.step_ms;
    }
    return scan->next_ms;
}

int uk_scan_highlight(const uk_scan *scan)
{
    return scan->highlight;
}

int uk_scan_press(uk_scan *scan, int item_count, uint64_t now_ms)
{
    uk_scan_tick(scan, item_count, now_ms);
    if (scan->resting) {
        start_at(scan, item_count, 0, now_ms);
        return -1;
    }
    int chosen = scan->highlight;
    start_at(scan, item_count, chosen, now_ms);
    return chosen;
}
