/*
 * heatcold.c: the heat and cold timer (see heatcold.h).
 *
 * Invariant: while RUNNING, phase_ms <= uk_hc_max_ms(current phase), and
 * the phase ends at phase_start + phase_ms. Every path that sets phase_ms
 * goes through clamp_to_max, so no caller and no content file can make a
 * pack stay on longer than is safe.
 */
#include "app/core/heat_cold.h"

static const uint32_t MINUTE_MS = 60000u;

uint32_t uk_hc_max_ms(const uk_heat_cold *settings, uk_hc_phase phase)
{
    uint32_t limit = phase == UK_HC_HEAT ? UK_HEAT_MAX_MINUTES : UK_COLD_MAX_MINUTES;
    uint32_t max = phase == UK_HC_HEAT ? settings->heat_max_minutes : settings->cold_max_minutes;
    return (max < limit ? max : limit) * MINUTE_MS;
}

uk_hc_phase uk_hc_current(const uk_hc *hc)
{
    return hc->phase_index == 0 ? UK_HC_HEAT : UK_HC_COLD;
}

static uint32_t clamp_to_max(const uk_hc *hc, uint32_t ms)
{
    uint32_t max = uk_hc_max_ms(hc->settings, uk_hc_current(hc));
    return ms < max ? ms : max;
}

void uk_hc_start(uk_hc *hc, const uk_heat_cold *settings)
{
    *hc = (uk_hc){.settings = settings, .stage = UK_HC_QUESTION, .phase_count = 2};
}

void uk_hc_answer(uk_hc *hc, bool is_new)
{
    if (hc->stage != UK_HC_QUESTION)
        return;
    hc->phase_count = is_new ? 2 : 1;
    hc->phase_index = 0;
    hc->stage = UK_HC_PREPARE;
}

void uk_hc_begin(uk_hc *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HC_PREPARE)
        return;
    uint16_t minutes =
        uk_hc_current(hc) == UK_HC_HEAT ? hc->settings->heat_minutes : hc->settings->cold_minutes;
    hc->phase_ms = clamp_to_max(hc, (uint32_t)minutes * MINUTE_MS);
    hc->phase_start = now_ms;
    hc->stage = UK_HC_RUNNING;
}

/* The running phase is over at `at`: on to the next one's preparation, or finished. */
static void finish_phase(uk_hc *hc)
{
    hc->phases_done++;
    if (hc->phase_index + 1 < hc->phase_count) {
        hc->phase_index++;
        hc->stage = UK_HC_PREPARE;
    } else {
        hc->stage = UK_HC_FINISHED;
    }
}

bool uk_hc_add_minute(uk_hc *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HC_RUNNING || now_ms >= hc->phase_start + hc->phase_ms)
        return false;
    uint32_t longer = clamp_to_max(hc, hc->phase_ms + MINUTE_MS);
    if (longer == hc->phase_ms)
        return false;
    hc->phase_ms = longer;
    return true;
}

void uk_hc_end_phase(uk_hc *hc)
{
    if (hc->stage == UK_HC_RUNNING)
        finish_phase(hc);
}

bool uk_hc_advance(uk_hc *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HC_RUNNING || now_ms < hc->phase_start + hc->phase_ms)
        return false;
    finish_phase(hc);
    return true;
}

uint64_t uk_hc_next_deadline(const uk_hc *hc, uint64_t now_ms)
{
    if (hc->stage != UK_HC_RUNNING)
        return UINT64_MAX;
    uint64_t end = hc->phase_start + hc->phase_ms;
    if (now_ms >= end)
        return now_ms;
    /* The next change of the whole seconds shown, counting down to the end. */
    uint64_t remaining = end - now_ms;
    uint64_t shown = (remaining + 999) / 1000;
    return end - (shown - 1) * 1000;
}

void uk_hc_view_at(const uk_hc *hc, uint64_t now_ms, uk_hc_view *view)
{
    uk_hc_phase phase = uk_hc_current(hc);
    *view = (uk_hc_view){.phase = phase, .max_ms = uk_hc_max_ms(hc->settings, phase)};
    if (hc->stage == UK_HC_RUNNING) {
        uint64_t elapsed = now_ms > hc->phase_start ? now_ms - hc->phase_start : 0;
        view->phase_ms = hc->phase_ms;
        view->elapsed_ms = elapsed < hc->phase_ms ? (uint32_t)elapsed : hc->phase_ms;
        view->remaining_ms = hc->phase_ms - view->elapsed_ms;
        view->can_add_minute = hc->phase_ms + MINUTE_MS <= view->max_ms;
    } else {
        uint16_t minutes =
            phase == UK_HC_HEAT ? hc->settings->heat_minutes : hc->settings->cold_minutes;
        view->phase_ms = (uint32_t)minutes * MINUTE_MS;
        if (view->phase_ms > view->max_ms)
            view->phase_ms = view->max_ms;
        view->remaining_ms = view->phase_ms;
    }
}
