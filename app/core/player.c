/*
 * player.c: the routine player's phase machine.
 *
 * Invariants:
 *   - phase_start only ever moves forward by exact phase lengths (or by the
 *     length of a pause), so catching up over a long jump is exact;
 *   - steps_done counts a step once, when its last side ends; a skipped
 *     step does not count;
 *   - DONE and HELD have no end of their own: only the owner moves them on.
 */
#include "app/core/player.h"

static const uk_step *current_step(const uk_player *player)
{
    if (player->step >= player->routine->step_count)
        return &player->routine->steps[player->routine->step_count - 1];
    return &player->routine->steps[player->step];
}

static uint32_t phase_length(const uk_player *player)
{
    switch (player->phase) {
    case UK_PHASE_GET_READY:
        return player->timing.get_ready_ms;
    case UK_PHASE_ACTIVE:
        return uk_routine_side_ms(current_step(player));
    case UK_PHASE_SWITCH_SIDES:
        return player->timing.switch_ms;
    case UK_PHASE_HELD:
    case UK_PHASE_DONE:
        break;
    }
    return 0;
}

static bool phase_ends(const uk_player *player)
{
    return player->phase == UK_PHASE_GET_READY || player->phase == UK_PHASE_ACTIVE ||
           player->phase == UK_PHASE_SWITCH_SIDES;
}

static void begin_step(uk_player *player, uint64_t at)
{
    const uk_step *step = current_step(player);
    player->side_index = 0;
    player->phase_start = at;
    bool countdown = step->kind != UK_STEP_REST && player->timing.get_ready_ms > 0;
    player->phase = countdown ? UK_PHASE_GET_READY : UK_PHASE_ACTIVE;
}

static void next_step(uk_player *player, uint64_t at)
{
    player->step++;
    player->side_index = 0;
    player->phase_start = at;
    if (player->step >= player->routine->step_count) {
        player->step = player->routine->step_count;
        player->phase = UK_PHASE_DONE;
    } else if (player->gate) {
        player->phase = UK_PHASE_HELD;
    } else {
        begin_step(player, at);
    }
}

/* The current phase has run its full length, ending at `at`. */
static void finish_phase(uk_player *player, uint64_t at)
{
    switch (player->phase) {
    case UK_PHASE_GET_READY:
        player->phase = UK_PHASE_ACTIVE;
        player->phase_start = at;
        break;
    case UK_PHASE_ACTIVE:
        if (uk_routine_side_count(current_step(player)) == 2 && player->side_index == 0) {
            player->side_index = 1;
            player->phase_start = at;
            player->phase = player->timing.switch_ms > 0 ? UK_PHASE_SWITCH_SIDES : UK_PHASE_ACTIVE;
        } else {
            player->steps_done++;
            next_step(player, at);
        }
        break;
    case UK_PHASE_SWITCH_SIDES:
        player->phase = UK_PHASE_ACTIVE;
        player->phase_start = at;
        break;
    case UK_PHASE_HELD:
    case UK_PHASE_DONE:
        break;
    }
}

void uk_player_start(uk_player *player, const uk_routine *routine, const uk_player_timing *timing,
                     uint64_t now_ms)
{
    *player = (uk_player){.routine = routine, .timing = *timing};
    if (routine->step_count == 0) {
        player->phase = UK_PHASE_DONE;
        return;
    }
    begin_step(player, now_ms);
}

void uk_player_advance(uk_player *player, uint64_t now_ms)
{
    if (player->paused)
        return;
    while (phase_ends(player)) {
        uint64_t end = player->phase_start + phase_length(player);
        if (now_ms < end)
            break;
        finish_phase(player, end);
    }
}

void uk_player_pause(uk_player *player, uint64_t now_ms)
{
    if (player->paused || !phase_ends(player))
        return;
    player->paused = true;
    player->paused_at = now_ms;
}

void uk_player_resume(uk_player *player, uint64_t now_ms)
{
    if (!player->paused)
        return;
    player->phase_start += now_ms - player->paused_at;
    player->paused_ms += now_ms - player->paused_at;
    player->paused = false;
}

void uk_player_skip(uk_player *player, uint64_t now_ms)
{
    if (player->phase == UK_PHASE_DONE)
        return;
    if (player->paused)
        uk_player_resume(player, now_ms);
    if (player->phase == UK_PHASE_HELD) {
        uk_player_release(player, now_ms);
        return;
    }
    player->steps_skipped++;
    next_step(player, now_ms);
}

void uk_player_release(uk_player *player, uint64_t now_ms)
{
    player->gate = false;
    if (player->phase == UK_PHASE_HELD)
        begin_step(player, now_ms);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

uint64_t uk_player_next_deadline(const uk_player *player, uint64_t now_ms)
{
    if (player->paused || !phase_ends(player))
        return UINT64_MAX;
    uint64_t end = player->phase_start + phase_length(player);
    if (now_ms >= end)
        return now_ms;
    uint64_t remaining = end - now_ms;
    uint64_t shown = (remaining + 999) / 1000;
    uint64_t deadline = end - (shown - 1) * 1000;

    const uk_step *step = current_step(player);
    if (player->phase == UK_PHASE_ACTIVE && step->kind == UK_STEP_REPS) {
        uint64_t rep_ms = (uint64_t)step->rep_seconds * 1000;
        uint64_t next_rep =
            player->phase_start + ((now_ms - player->phase_start) / rep_ms + 1) * rep_ms;
        deadline = min_u64(deadline, next_rep);
    }
    return min_u64(deadline, end);
}

void uk_player_moment_at(const uk_player *player, uint64_t now_ms, uk_player_moment *view)
{
    const uk_step *step = current_step(player);
    uint64_t at = player->paused ? player->paused_at : now_ms;
    uint32_t length = phase_length(player);
    uint64_t elapsed = at > player->phase_start ? at - player->phase_start : 0;
    if (elapsed > length)
        elapsed = length;

    *view = (uk_player_moment){
        .phase = player->phase,
        .step = step,
        .phase_ms = length,
        .elapsed_ms = (uint32_t)elapsed,
        .remaining_ms = length - (uint32_t)elapsed,
    };
    view->seconds_left = (view->remaining_ms + 999) / 1000;
    if (step->side == UK_SIDE_ALTERNATE)
        view->side = player->side_index == 0 ? UK_SIDE_LEFT : UK_SIDE_RIGHT;
    else
        view->side = step->side;
    if (step->kind == UK_STEP_REPS && step->rep_seconds > 0) {
        uint32_t rep = 1;
        if (player->phase == UK_PHASE_ACTIVE)
            rep = view->elapsed_ms / (step->rep_seconds * 1000u) + 1;
        view->rep = (uint16_t)(rep > step->reps ? step->reps : rep);
    }
}
