/*
 * player_view.c: the routine player: the figure on one side (above, in
 * portrait), the step title beside the countdown ring, what to do, how to
 * breathe and what to watch for; the 3-2-1 before a step, "next up" near a
 * step's end, the breathing pacer, and the bottom row (pause, skip, stop).
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/view/palette.h"

/* The side being worked, for a step done on one side or each in turn; NULL for any other. */
static const char *side_label(const uk_kit_frame *f, uk_side side)
{
    switch (side) {
    case UK_SIDE_LEFT:
        return uk_kit_str(f, UK_STR_PLAYER_SIDE_LEFT);
    case UK_SIDE_RIGHT:
        return uk_kit_str(f, UK_STR_PLAYER_SIDE_RIGHT);
    default:
        return NULL;
    }
}

/* Writes `what`, then " · " and `side` when there is a side to say. */
static void with_side(char *buf, size_t len, const char *what, const char *side)
{
    if (side && what[0])
        snprintf(buf, len, "%s · %s", what, side);
    else
        snprintf(buf, len, "%s", side ? side : what);
}

/*
 * The line under the step's title, beside the ring: what is happening now
 * and, for a step of one side, which, e.g. "Get ready · Left side", "Rep 5
 * of 8". A step done with both sides at once, or with none, names no side.
 */
static void status_line(const uk_kit_frame *f, const uk_player_moment *view, char *buf, size_t len)
{
    const uk_step *step = view->step;
    const char *side = side_label(f, view->side);
    char reps[48];
    if (f->app->player.paused)
        snprintf(buf, len, "%s", uk_kit_str(f, UK_STR_PLAYER_PAUSED));
    else if (view->phase == UK_PHASE_GET_READY)
        with_side(buf, len, uk_kit_str(f, UK_STR_PLAYER_GET_READY), side);
    else if (view->phase == UK_PHASE_SWITCH_SIDES)
        with_side(buf, len, uk_kit_str(f, UK_STR_PLAYER_SWITCH_SIDES), side);
    else if (step->kind == UK_STEP_REPS) {
        snprintf(reps, sizeof reps, uk_kit_str(f, UK_STR_PLAYER_REP_OF), view->rep, step->reps);
        with_side(buf, len, reps, side);
    } else
        with_side(buf, len, "", side);
}

/* The ring's colour and word for the phase: never the colour alone. */
static void ring_style(const uk_kit_frame *f, const uk_player_moment *view, uk_color *color,
                       const char **word)
{
    static const uk_string_id words[UK_STEP_KIND_COUNT] = {UK_STR_RING_HOLD, UK_STR_RING_REPS,
                                                           UK_STR_RING_MOVE, UK_STR_RING_REST,
                                                           UK_STR_RING_MASSAGE};
    if (f->app->player.paused) {
        *color = UK_PALETTE_DIM;
        *word = uk_kit_str(f, UK_STR_RING_PAUSED);
    } else if (view->phase == UK_PHASE_GET_READY) {
        *color = UK_PALETTE_READY;
        *word = uk_kit_str(f, UK_STR_RING_READY);
    } else if (view->phase == UK_PHASE_SWITCH_SIDES) {
        *color = UK_PALETTE_READY;
        *word = uk_kit_str(f, UK_STR_RING_SWITCH);
    } else {
        *color = view->step->kind == UK_STEP_REST ? UK_PALETTE_REST : UK_PALETTE_RUNNING;
        *word = uk_kit_str(f, words[view->step->kind < UK_STEP_KIND_COUNT ? view->step->kind : 0]);
    }
}

/*
 * The figure. While a step gets ready (and between sides) it shows how to
 * get into position, then waits there; the step then carries on from that
 * pose, so the figure never jumps back to standing as the step begins.
 */
static void player_figure(const uk_kit_frame *f, const uk_player_moment *view, uk_rect panel)
{
    const uk_step *step = view->step;
    const uk_motion *motion = uk_kit_find_motion(f, step->motion);
    bool mirror = view->side == UK_SIDE_RIGHT;
    uk_pose pose;
    uk_motion_pose_neutral(&pose);
    if (motion) {
        const uk_player *player = &f->app->player;
        uint32_t loop_ms = step->kind == UK_STEP_REPS ? step->rep_seconds * 1000u : 0;
        uint32_t entry = uk_motion_entry_ms(motion);
        /* How far the moment before this side (get-ready, or switching sides) got. */
        uint32_t lead = step->kind == UK_STEP_REST ? 0
                        : player->side_index == 1  ? player->timing.switch_ms
                                                   : player->timing.get_ready_ms;
        uint32_t shown = entry < lead ? entry : lead;
        uint32_t t = view->phase == UK_PHASE_ACTIVE ? shown + view->elapsed_ms
                     : view->elapsed_ms < entry     ? view->elapsed_ms
                                                    : entry;
        uk_motion_sample(motion, t, loop_ms, mirror, &pose);
    }
    uk_kit_figure_panel(f, panel, motion, &pose, mirror);
}

/* Over the figure: the 3-2-1 before a step, or what comes next near a step's end. */
static void player_overlay(const uk_kit_frame *f, const uk_player_moment *view, uk_rect panel)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    bool counting_in = view->phase == UK_PHASE_GET_READY || view->phase == UK_PHASE_SWITCH_SIDES;
    if (counting_in && !app->player.paused && view->seconds_left <= 3 && view->seconds_left > 0) {
        uk_scene_rect(f->scene, panel, m->radius, UK_PALETTE_VEIL);
        float size = fminf(panel.h * 0.6f, panel.w * 0.8f);
        uk_scene_text(f->scene, panel, size, m->min_text,
                      UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, UK_PALETTE_READY, "%u",
                      view->seconds_left);
        return;
    }
    bool ending = view->phase == UK_PHASE_ACTIVE && view->remaining_ms <= 5000 &&
                  (view->step->kind == UK_STEP_REST || view->remaining_ms > 0);
    bool last_side = uk_routine_side_count(view->step) == 1 || app->player.side_index == 1;
    if (!(ending || (view->phase == UK_PHASE_ACTIVE && view->step->kind == UK_STEP_REST)) ||
        !last_side || app->player.paused)
        return;
    const uk_routine *routine = &app->routines[app->routine_index];
    char next[160];
    int following = app->player.step + 1;
    if (following < routine->step_count)
        snprintf(next, sizeof next, uk_kit_str(f, UK_STR_PLAYER_NEXT_UP),
                 routine->steps[following].title);
    else
        snprintf(next, sizeof next, "%s", uk_kit_str(f, UK_STR_PLAYER_LAST_STEP));
    float w = panel.w - 2 * m->pad;
    float h = uk_kit_text_size(f, next, m->small, UK_TEXT_BOLD, w - 2 * m->pad).h + m->pad;
    uk_rect chip = {panel.x + m->pad, panel.y + panel.h - m->pad - h, w, h};
    uk_scene_rect(f->scene, chip, m->radius, UK_PALETTE_BG);
    uk_scene_text(f->scene, uk_scene_inset(chip, m->pad, m->pad * 0.5f), m->small, m->min_text,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE | UK_TEXT_BOLD, UK_PALETTE_TEXT, "%s", next);
}

/*
 * The breathing pacer during a hold or a rest: a disc that grows while
 * breathing in (4 s) and shrinks while breathing out (6 s), with the word.
 * Returns the word, or NULL when the step has no pacer.
 */
static const char *pacer(const uk_kit_frame *f, const uk_player_moment *view, float *fraction)
{
    const uk_step *step = view->step;
    if (view->phase != UK_PHASE_ACTIVE || f->app->player.paused ||
        !(step->kind == UK_STEP_HOLD || step->kind == UK_STEP_REST))
        return NULL;
    const uint32_t in_ms = 4000, out_ms = 6000;
    uint32_t t = view->elapsed_ms % (in_ms + out_ms);
    if (t < in_ms) {
        *fraction = (float)t / (float)in_ms;
        return uk_kit_str(f, UK_STR_PLAYER_BREATHE_IN);
    }
    *fraction = 1 - (float)(t - in_ms) / (float)out_ms;
    return uk_kit_str(f, UK_STR_PLAYER_BREATHE_OUT);
}

void uk_player_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_routine *routine = &app->routines[app->routine_index];
    uk_player_moment view;
    uk_player_moment_at(&app->player, f->now, &view);
    const uk_step *step = view.step;

    char step_of[64];
    int step_number = app->player.step + 1;
    if (step_number > routine->step_count)
        step_number = routine->step_count;
    snprintf(step_of, sizeof step_of, uk_kit_str(f, UK_STR_PLAYER_STEP_OF), step_number,
             routine->step_count);
    float top = uk_kit_header(f, step_of, routine->title);

    uk_kit_bottom_button buttons[] = {
        {app->player.paused ? uk_kit_str(f, UK_STR_PLAYER_RESUME)
                            : uk_kit_str(f, UK_STR_PLAYER_PAUSE),
         uk_kit_scanned(f, 0, UK_KIT_BUTTON_PLAIN),
         uk_screen_rules_of(UK_SCREEN_PLAYER)->actions[0], -1},
        {uk_kit_str(f, UK_STR_PLAYER_SKIP), uk_kit_scanned(f, 1, UK_KIT_BUTTON_PLAIN),
         uk_screen_rules_of(UK_SCREEN_PLAYER)->actions[1], -1},
        {uk_kit_str(f, UK_STR_PLAYER_STOP), uk_kit_scanned(f, 2, UK_KIT_BUTTON_PLAIN),
         uk_screen_rules_of(UK_SCREEN_PLAYER)->actions[2], -1},
    };
    float bottom = uk_kit_footer(f, buttons, 3);

    uk_rect panel, words;
    uk_kit_split(m, top, bottom, m->portrait ? 0.42f : 0.34f, &panel, &words);
    player_figure(f, &view, panel);
    player_overlay(f, &view, panel);

    /*
     * Words: the ring with the step's title and what is happening beside
     * it; under it what to do, and at the bottom how to breathe (or how hard
     * to press) and what to watch for. The ring gives up room (down to
     * ring_min) before the words shrink.
     */
    float pace = 0;
    const char *breath = pacer(f, &view, &pace);
    char breathing[256];
    if (breath)
        snprintf(breathing, sizeof breathing, "%s · %s", breath, step->breathing);
    else
        snprintf(breathing, sizeof breathing, "%s",
                 step->kind == UK_STEP_MASSAGE && step->pressure ? step->pressure
                                                                 : step->breathing);
    float disc = breath ? roundf(m->body * 1.3f) : 0;
    float cue_w = words.w - (disc > 0 ? disc + m->gap : 0);
    uk_kit_text words_stack[3] = {
        {step->instruction, m->body, 0, UK_PALETTE_TEXT, 0},
        {breathing, m->small, 0, breath ? UK_PALETTE_RUNNING : UK_PALETTE_DIM, 0},
        {step->safety, m->small, 0, UK_PALETTE_ACCENT, 0},
    };
    float stack_gap = roundf(m->gap * 0.5f);
    float ring_max = fminf(roundf(words.h * 0.42f), roundf(words.w * 0.34f));
    float ring_min = fminf(ring_max, roundf(words.h * 0.3f));
    float wanted = uk_kit_stack_height(f->env, words_stack, 3, cue_w, stack_gap, 1, m->min_text);
    float ring_d = fmaxf(ring_min, fminf(ring_max, words.h - m->gap - wanted - stack_gap));

    /* Beside the ring: the step's title and what is happening, as tall as the ring or, when
     * a language needs more lines, taller. */
    uk_color color;
    const char *word;
    ring_style(f, &view, &color, &word);
    char status[128];
    status_line(f, &view, status, sizeof status);
    float label_x = words.x + ring_d + m->gap;
    float label_w = words.x + words.w - label_x;
    uk_kit_text labels[2] = {
        {step->title, m->title, UK_TEXT_BOLD, UK_PALETTE_TEXT, 0},
        {status, m->body, UK_TEXT_BOLD, color, 0},
    };
    float labels_h = uk_kit_fit_stack(f->env, labels, 2, label_w, ring_d, 0, m->min_text);
    float row_h = fmaxf(ring_d, labels_h);
    uk_kit_place_stack(f->scene, labels, 2, label_x, words.y + (row_h - labels_h) / 2, label_w, 0,
                       m->min_text);
    char number[16];
    snprintf(number, sizeof number, "%u", view.seconds_left);
    uk_kit_ring(f, (uk_rect){words.x, words.y + (row_h - ring_d) / 2, ring_d, ring_d},
                view.phase_ms ? (float)view.remaining_ms / (float)view.phase_ms : 0, number, word,
                color);

    float stack_top = words.y + row_h + m->gap;
    float stack_avail = words.y + words.h - stack_top;
    /* Where even the smallest text does not fit, the pacer's word stands alone. */
    if (breath && uk_kit_stack_height(f->env, words_stack, 3, cue_w, stack_gap, 0, m->min_text) >
                      stack_avail + 0.5f)
        words_stack[1].text = breath;
    uk_kit_fit_stack(f->env, words_stack, 3, cue_w, stack_avail, stack_gap, m->min_text);
    /* The instruction takes the whole width when the pacer is not beside it. */
    words_stack[0].h =
        uk_kit_measure(f->env, step->instruction, words_stack[0].size, 0, breath ? cue_w : words.w)
            .h;

    /* The instruction right under the ring, the cues against the bottom. */
    uk_kit_place_stack(f->scene, words_stack, 1, words.x, stack_top, breath ? cue_w : words.w,
                       stack_gap, m->min_text);
    float cues_h = words_stack[1].h + stack_gap + words_stack[2].h;
    float cues_y = words.y + words.h - cues_h;
    float cue_x = words.x + (disc > 0 ? disc + m->gap : 0);
    uk_kit_place_stack(f->scene, words_stack + 1, 2, cue_x, cues_y, cue_w, stack_gap, m->min_text);
    if (disc > 0) {
        float cx = words.x + disc / 2, cy = cues_y + fminf(words_stack[1].h, disc) / 2;
        float r = disc / 2 * (0.35f + 0.65f * pace);
        uk_scene_capsule(f->scene, cx, cy, cx, cy, disc / 2, UK_PALETTE_TRACK);
        uk_scene_capsule(f->scene, cx, cy, cx, cy, r, UK_PALETTE_RUNNING);
    }

    if (app->still_there)
        uk_kit_still_there(f);
}
