/*
 * player_screen.c: the routine player's rules: a routine of steps under
 * way, with the figure.
 *
 * SELECT pauses and resumes, DOWN skips to the next step, BACK stops (the
 * session is recorded as stopped). The bottom row's three buttons are
 * these actions, left to right (`actions`), for touch and for scanning.
 *
 * Time: a routine that is playing is not cut short by the idle rule. Once
 * nobody has done anything for idle_ms the player's gate closes: the step
 * under way finishes, the player holds before the next one and asks
 * "Still there?". A paused routine asks at once. A step's start and each
 * second of the 3-2-1 before it are sounds.
 */
#include "app/core/app_internal.h"
#include "app/model/session.h"
#include "app/model/motion.h"

static const uk_action actions[] = {UK_ACTION_SELECT, UK_ACTION_DOWN, UK_ACTION_BACK};

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

static void session_start(uk_app *app, uint64_t now_ms)
{
    uk_player_start(&app->player, uk_app_session_data(app), &app->cfg.timing, now_ms);
}

/* Step changes and the count-in before a step, as sounds. */
static void cue_player(uk_app *app, uint8_t step_before, uk_phase phase_before, uint8_t side_before,
                       uint64_t now_ms)
{
    const uk_player *player = &app->player;
    if (player->phase == UK_PHASE_ACTIVE &&
        (player->step != step_before || phase_before != UK_PHASE_ACTIVE ||
         player->side_index != side_before))
        uk_app_cue(app, UK_EFFECT_CUE_STEP);
    if (player->phase != phase_before)
        app->last_count_in = -1;
    if (player->phase == UK_PHASE_GET_READY && !player->paused) {
        uk_player_moment moment;
        uk_player_moment_at(player, now_ms, &moment);
        if (moment.seconds_left >= 1 && moment.seconds_left <= 3 &&
            (int)moment.seconds_left != app->last_count_in) {
            app->last_count_in = (int)moment.seconds_left;
            uk_app_cue(app, UK_EFFECT_CUE_COUNT_IN);
        }
    }
}

/* Moves a playing routine on to `now_ms`, asking "Still there?" when idle. */
static void tick_player(uk_app *app, uint64_t now_ms)
{
    uk_player *player = &app->player;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    uint8_t step = player->step, side = player->side_index;
    uk_phase phase = player->phase;

    if (!app->still_there) {
        if (player->paused) {
            if (now_ms >= idle_at) {
                app->still_there = true;
                app->still_since_ms = idle_at;
            }
        } else {
            /* Hold before the next step only once nobody has done anything for idle_ms:
             * a press since the gate closed opens it again. */
            player->gate = false;
            uk_player_advance(player, min_u64(now_ms, idle_at));
            if (now_ms >= idle_at && player->phase != UK_PHASE_DONE) {
                player->gate = true;
                uk_player_advance(player, now_ms);
                if (player->phase == UK_PHASE_HELD) {
                    app->still_there = true;
                    app->still_since_ms = player->phase_start;
                }
            }
        }
    }
    cue_player(app, step, phase, side, now_ms);
    if (player->phase == UK_PHASE_DONE)
        uk_app_complete_session(app, player->phase_start);
}

/* The player moves only while it shows; on another screen (the doctor's) the session waits. */
static void session_tick(uk_app *app, uint64_t now_ms)
{
    if (app->screen == UK_SCREEN_PLAYER)
        tick_player(app, now_ms);
    else
        uk_app_ask_when_idle(app, now_ms);
}

static bool session_deadline(const uk_app *app, uint64_t now_ms, uint64_t *deadline)
{
    if (app->screen != UK_SCREEN_PLAYER)
        return false;
    uint64_t idle_at = app->last_input_ms + app->cfg.idle_ms;
    *deadline = uk_player_next_deadline(&app->player, now_ms);
    if (idle_at > now_ms)
        *deadline = min_u64(*deadline, idle_at); /* when to close the gate */
    return true;
}

/* The time spent leaves out pauses, those for the doctor screen and the Stop question too. */
static void session_progress(const uk_app *app, uk_session *session)
{
    const uk_player *player = &app->player;
    session->steps_done = player->steps_done;
    session->steps_skipped = player->steps_skipped;
    session->steps_total = uk_app_session_data(app)->step_count;
    uint64_t paused = player->paused_ms;
    if (player->paused && session->ended_ms > player->paused_at)
        paused += session->ended_ms - player->paused_at;
    session->active_ms = session->active_ms > paused ? session->active_ms - paused : 0;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    uk_player *player = &app->player;
    switch (action) {
    case UK_ACTION_SELECT:
        if (player->paused)
            uk_player_resume(player, now_ms);
        else
            uk_player_pause(player, now_ms);
        break;
    case UK_ACTION_DOWN:
        uk_player_skip(player, now_ms);
        tick_player(app, now_ms);
        break;
    case UK_ACTION_BACK:
        uk_app_open_screen(app, UK_SCREEN_CONFIRM_STOP, now_ms);
        break;
    default:
        break;
    }
}

/*
 * The figure moves while a step runs, and before it while it shows how to get
 * into position; once there it waits still for the countdown.
 */
static bool animating(const uk_app *app)
{
    if (!app->in_session || app->still_there || app->player.paused)
        return false;
    uk_phase phase = app->player.phase;
    if (phase == UK_PHASE_ACTIVE)
        return true;
    if (phase != UK_PHASE_GET_READY && phase != UK_PHASE_SWITCH_SIDES)
        return false;
    uk_player_moment moment;
    uk_player_moment_at(&app->player, app->now_ms, &moment);
    const uk_motion *motion =
        uk_motion_find(app->catalog->motions, app->catalog->motion_count, moment.step->motion);
    return motion && moment.elapsed_ms < uk_motion_entry_ms(motion);
}

const uk_screen_rules uk_player_screen = {
    .input = input,
    .actions = actions,
    .action_count = sizeof actions / sizeof actions[0],
    .help = true,
    .animating = animating,
    .session_start = session_start,
    .session_tick = session_tick,
    .session_deadline = session_deadline,
    .session_progress = session_progress,
};
