/*
 * heat_cold.c: the heat and cold timer (see heat_cold.h).
 *
 * Invariant: while RUNNING, phase_ms <= uk_heat_cold_max_ms(current phase), and
 * the phase ends at phase_start + phase_ms. Every path that sets phase_ms
 * goes through clamp_to_max, so no caller and no content file can make a
 * pack stay on longer than is safe.
 */
#include "app/core/heat_cold.h"

static const uint32_t MINUTE_MS = 60000u;

uint32_t uk_heat_cold_max_ms(const uk_routine_heat_cold *settings, uk_heat_cold_phase phase)
{
    uint32_t limit = phase == UK_HEAT_COLD_HEAT ? UK_HEAT_MAX_MINUTES : UK_COLD_MAX_MINUTES;
    uint32_t max =
        phase == UK_HEAT_COLD_HEAT ? settings->heat_max_minutes : settings->cold_max_minutes;
    return (max < limit ? max : limit) * MINUTE_MS;
}

uk_heat_cold_phase uk_heat_cold_current(const uk_heat_cold *hc)
{
    return hc->phase_index == 0 ? UK_HEAT_COLD_HEAT : UK_HEAT_COLD_COLD;
}

static uint32_t clamp_to_max(const uk_heat_cold *hc, uint32_t ms)
{
    uint32_t max = uk_heat_cold_max_ms(hc->settings, uk_heat_cold_current(hc));
    return ms < max ? ms : max;
}

void uk_heat_cold_start(uk_heat_cold *hc, const uk_routine_heat_cold *settings)
{
    *hc = (uk_heat_cold){.settings = settings, .stage = UK_HEAT_COLD_QUESTION, .phase_count = 2};
}

void uk_heat_cold_answer(uk_heat_cold *hc, bool is_new)
{
    if (hc->stage != UK_HEAT_COLD_QUESTION)
        return;
    hc->phase_count = is_new ? 2 : 1;
    hc->phase_index = 0;
    hc->stage = UK_HEAT_COLD_PREPARE;
}

void uk_heat_cold_begin(uk_heat_cold *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HEAT_COLD_PREPARE)
        return;
    uint16_t minutes = uk_heat_cold_current(hc) == UK_HEAT_COLD_HEAT ? hc->settings->heat_minutes
                                                                     : hc->settings->cold_minutes;
    hc->phase_ms = clamp_to_max(hc, (uint32_t)minutes * MINUTE_MS);
    hc->phase_start = now_ms;
    hc->stage = UK_HEAT_COLD_RUNNING;
}

/* The running phase is over at `at`: on to the next one's preparation, or finished. */
static void finish_phase(uk_heat_cold *hc)
{
    hc->phases_done++;
    if (hc->phase_index + 1 < hc->phase_count) {
        hc->phase_index++;
        hc->stage = UK_HEAT_COLD_PREPARE;
    } else {
        hc->stage = UK_HEAT_COLD_FINISHED;
    }
}

bool uk_heat_cold_add_minute(uk_heat_cold *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HEAT_COLD_RUNNING || now_ms >= hc->phase_start + hc->phase_ms)
        return false;
    uint32_t longer = clamp_to_max(hc, hc->phase_ms + MINUTE_MS);
    if (longer == hc->phase_ms)
        return false;
    hc->phase_ms = longer;
    return true;
}

void uk_heat_cold_end_phase(uk_heat_cold *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HEAT_COLD_RUNNING)
        return;
    /* Ended before half its time: done, as the person chose, but counted as skipped too. */
    if (now_ms < hc->phase_start + hc->phase_ms / 2)
        hc->phases_skipped++;
    finish_phase(hc);
}

bool uk_heat_cold_advance(uk_heat_cold *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HEAT_COLD_RUNNING || now_ms < hc->phase_start + hc->phase_ms)
        return false;
    finish_phase(hc);
    return true;
}

uint64_t uk_heat_cold_next_deadline(const uk_heat_cold *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HEAT_COLD_RUNNING)
        return UINT64_MAX;
    uint64_t end = hc->phase_start + hc->phase_ms;
    if (now_ms >= end)
        return now_ms;
    /* The next change of the whole seconds shown, counting down to the end. */
    uint64_t remaining = end - now_ms;
    uint64_t shown = (remaining + 999) / 1000;
    return end - (shown - 1) * 1000;
}

void uk_heat_cold_moment_at(const uk_heat_cold *hc, uint64_t now_ms, uk_heat_cold_moment *view)
{
    uk_heat_cold_phase phase = uk_heat_cold_current(hc);
    *view =
        (uk_heat_cold_moment){.phase = phase, .max_ms = uk_heat_cold_max_ms(hc->settings, phase)};
    if (hc->stage == UK_HEAT_COLD_RUNNING) {
        uint64_t elapsed = now_ms > hc->phase_start ? now_ms - hc->phase_start : 0;
        view->phase_ms = hc->phase_ms;
        view->elapsed_ms = elapsed < hc->phase_ms ? (uint32_t)elapsed : hc->phase_ms;
        view->remaining_ms = hc->phase_ms - view->elapsed_ms;
        view->can_add_minute = hc->phase_ms + MINUTE_MS <= view->max_ms;
    } else {
        uint16_t minutes =
            phase == UK_HEAT_COLD_HEAT ? hc->settings->heat_minutes : hc->settings->cold_minutes;
        view->phase_ms = (uint32_t)minutes * MINUTE_MS;
        if (view->phase_ms > view->max_ms)
            view->phase_ms = view->max_ms;
        view->remaining_ms = view->phase_ms;
    }
}
