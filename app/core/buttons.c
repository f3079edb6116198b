/*
 * buttons.c: debounce, repeat, long press and chord, as a small discrete
 * event simulation on the edges' own timestamps.
 *
 * Everything that can happen without a new edge has a due time: a level
 * change to confirm, a repeat, BACK's long press, the chord. Moving time on
 * means taking the earliest due happening, doing it at its own time, and
 * looking again, until nothing is due before the target. So the result of
 * a sequence of edges does not depend on how often, or how late, the loop
 * calls: one tick at the end gives the same events, with the same times, as
 * a tick every millisecond.
 *
 * Times are kept in ns, as the kernel stamps edges; events report ms, the
 * unit of the rest of the core.
 */
#include "app/core/buttons.h"

#include <string.h>

#define NS_PER_MS 1000000ull

void uk_buttons_config_defaults(uk_buttons_config *cfg)
{
    *cfg = (uk_buttons_config){
        .debounce_ms = 10,
        .repeat_delay_ms = 500,
        .repeat_interval_ms = 250,
        .long_press_ms = 2000,
        .chord_ms = 5000,
    };
}

void uk_buttons_init(uk_buttons *buttons, const uk_buttons_config *cfg, uint64_t now_ms)
{
    memset(buttons, 0, sizeof *buttons);
    buttons->cfg = *cfg;
    if (buttons->cfg.repeat_interval_ms == 0)
        buttons->cfg.repeat_interval_ms = 1; /* a zero interval would repeat forever at once */
    buttons->now_ns = now_ms * NS_PER_MS;
}

static bool is_button(uk_action button)
{
    return button > UK_ACTION_NONE && button < UK_ACTION_COUNT;
}

static bool repeats(uk_action button)
{
    return button == UK_ACTION_UP || button == UK_ACTION_DOWN;
}

/* ---- events ----------------------------------------------------------------- */

static void emit(uk_buttons *buttons, uk_button_event event)
{
    if (buttons->event_count == UK_BUTTONS_EVENTS) {
        buttons->event_first = (buttons->event_first + 1) % UK_BUTTONS_EVENTS;
        buttons->event_count--;
        buttons->events_dropped++;
    }
    size_t slot = (buttons->event_first + buttons->event_count) % UK_BUTTONS_EVENTS;
    buttons->events[slot] = event;
    buttons->event_count++;
}

bool uk_buttons_take_event(uk_buttons *buttons, uk_button_event *out)
{
    if (buttons->event_count == 0)
        return false;
    *out = buttons->events[buttons->event_first];
    buttons->event_first = (buttons->event_first + 1) % UK_BUTTONS_EVENTS;
    buttons->event_count--;
    return true;
}

/* ---- what is due, and doing it ---------------------------------------------- */

typedef enum due_kind {
    DUE_NONE,
    DUE_CONFIRM,
    DUE_REPEAT,
    DUE_LONG,
    DUE_CHORD
} due_kind;

typedef struct due {
    due_kind kind;
    uk_action button;
    uint64_t at_ns;
} due;

static void consider(due *best, due_kind kind, uk_action button, uint64_t at_ns)
{
    if (best->kind == DUE_NONE || at_ns < best->at_ns)
        *best = (due){kind, button, at_ns};
}

/* The earliest thing that will happen without a new edge. */
static due next_due(const uk_buttons *buttons)
{
    const uk_buttons_config *cfg = &buttons->cfg;
    due best = {DUE_NONE, UK_ACTION_NONE, UINT64_MAX};
    for (int i = UK_ACTION_NONE + 1; i < UK_ACTION_COUNT; i++) {
        const uk_button_line *line = &buttons->line[i];
        uk_action button = (uk_action)i;
        if (line->raw != line->down)
            consider(&best, DUE_CONFIRM, button, line->raw_ns + cfg->debounce_ms * NS_PER_MS);
        if (!line->down || line->spent)
            continue;
        if (repeats(button))
            consider(&best, DUE_REPEAT, button, line->next_repeat_ns);
        if (button == UK_ACTION_BACK && !line->long_fired)
            consider(&best, DUE_LONG, button, line->down_ns + cfg->long_press_ms * NS_PER_MS);
    }
    if (buttons->chord && !buttons->chord_fired)
        consider(&best, DUE_CHORD, UK_ACTION_NONE, buttons->chord_ns + cfg->chord_ms * NS_PER_MS);
    return best;
}

static uk_action chord_partner(uk_action button)
{
    return button == UK_ACTION_UP ? UK_ACTION_DOWN : UK_ACTION_UP;
}

/* The line has held its new level for debounce_ms: it counts from `at_ns`. */
static void confirm(uk_buttons *buttons, uk_action button, uint64_t at_ns)
{
    uk_button_line *line = &buttons->line[button];
    line->down = line->raw;
    if (!line->down) {
        if (repeats(button))
            buttons->chord = false;
        line->spent = false;
        return;
    }
    line->down_ns = at_ns;
    line->long_fired = false;
    line->presses++;
    line->last_press_ms = at_ns / NS_PER_MS;

    if (repeats(button) && buttons->line[chord_partner(button)].down) {
        /* The second of UP and DOWN: a chord, not an action. */
        buttons->chord = true;
        buttons->chord_fired = false;
        buttons->chord_ns = at_ns;
        line->spent = true;
        buttons->line[chord_partner(button)].spent = true;
        return;
    }
    if (line->spent)
        return;
    emit(buttons, (uk_button_event){.kind = UK_BUTTON_ACTION,
                                    .action = button,
                                    .at_ms = at_ns / NS_PER_MS,
                                    .edge_ns = line->change_ns});
    if (repeats(button))
        line->next_repeat_ns = at_ns + buttons->cfg.repeat_delay_ms * NS_PER_MS;
}

static void happen(uk_buttons *buttons, due what)
{
    uk_button_line *line = &buttons->line[what.button];
    switch (what.kind) {
    case DUE_CONFIRM:
        confirm(buttons, what.button, what.at_ns);
        break;
    case DUE_REPEAT:
        emit(buttons, (uk_button_event){.kind = UK_BUTTON_ACTION,
                                        .action = what.button,
                                        .repeat = true,
                                        .at_ms = what.at_ns / NS_PER_MS});
        line->next_repeat_ns = what.at_ns + buttons->cfg.repeat_interval_ms * NS_PER_MS;
        break;
    case DUE_LONG:
        line->long_fired = true;
        emit(buttons, (uk_button_event){.kind = UK_BUTTON_HOME,
                                        .action = UK_ACTION_BACK,
                                        .at_ms = what.at_ns / NS_PER_MS});
        break;
    case DUE_CHORD:
        buttons->chord_fired = true;
        emit(buttons, (uk_button_event){.kind = UK_BUTTON_ADMIN,
                                        .action = UK_ACTION_NONE,
                                        .at_ms = what.at_ns / NS_PER_MS});
        break;
    case DUE_NONE:
        break;
    }
}

/* Does everything due up to `until_ns`, in time order. */
static void advance(uk_buttons *buttons, uint64_t until_ns)
{
    for (;;) {
        due what = next_due(buttons);
        if (what.kind == DUE_NONE || what.at_ns > until_ns)
            break;
        happen(buttons, what);
    }
    if (until_ns > buttons->now_ns)
        buttons->now_ns = until_ns;
}

/* ---- input ------------------------------------------------------------------ */

void uk_buttons_edge(uk_buttons *buttons, const uk_button_edge *edge)
{
    if (!is_button(edge->button))
        return;
    advance(buttons, edge->ts_ns);
    uk_button_line *line = &buttons->line[edge->button];
    uint64_t ts = edge->ts_ns > line->raw_ns ? edge->ts_ns : line->raw_ns;
    bool settled = line->raw == line->down &&
                   (line->edges == 0 || ts >= line->raw_ns + buttons->cfg.debounce_ms * NS_PER_MS);
    if (settled)
        line->change_ns = ts; /* the first edge of a burst, not a bounce within one */
    line->raw = edge->rising;
    line->raw_ns = ts;
    line->edges++;
}

void uk_buttons_set_level(uk_buttons *buttons, uk_action button, bool pressed, uint64_t now_ms)
{
    if (!is_button(button))
        return;
    advance(buttons, now_ms * NS_PER_MS);
    uk_button_line *line = &buttons->line[button];
    if (!pressed && repeats(button) && line->down)
        buttons->chord = false;
    line->raw = line->down = pressed;
    line->raw_ns = line->change_ns = now_ms * NS_PER_MS;
    line->spent = pressed;
}

uint64_t uk_buttons_tick(uk_buttons *buttons, uint64_t now_ms)
{
    advance(buttons, now_ms * NS_PER_MS);
    due what = next_due(buttons);
    if (what.kind == DUE_NONE)
        return UINT64_MAX;
    return (what.at_ns + NS_PER_MS - 1) / NS_PER_MS; /* not a millisecond early */
}

const uk_button_line *uk_buttons_line(const uk_buttons *buttons, uk_action button)
{
    return is_button(button) ? &buttons->line[button] : NULL;
}

/* ---- hardware report -------------------------------------------------------- */

const char *uk_buttons_hw_state_name(uk_button_hw_state state)
{
    static const char *const names[UK_BUTTON_HW_STATE_COUNT] = {
        [UK_BUTTON_HW_OFF] = "off",           [UK_BUTTON_HW_UNSUPPORTED] = "unsupported",
        [UK_BUTTON_HW_STARTING] = "starting", [UK_BUTTON_HW_OK] = "ok",
        [UK_BUTTON_HW_NO_CHIP] = "no chip",   [UK_BUTTON_HW_FAILED] = "failed",
    };
    return (unsigned)state < UK_BUTTON_HW_STATE_COUNT ? names[state] : "?";
}
