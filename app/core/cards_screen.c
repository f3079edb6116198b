/*
 * cards_screen.c: the rules of "Learn about knots": cards to read, one at a
 * time. UP shows the previous card, DOWN or SELECT the next; SELECT on the
 * last card completes the session. BACK leaves: completed once every card
 * was seen, else stopped. The bottom row's three buttons are UP, SELECT and
 * BACK, left to right (`actions`).
 */
#include "app/core/app_internal.h"
#include "app/model/session.h"

static const uk_action actions[] = {UK_ACTION_UP, UK_ACTION_SELECT, UK_ACTION_BACK};

static void session_start(uk_app *app, uint64_t now_ms)
{
    (void)now_ms;
    app->card = 0;
    app->cards_seen = 1;
}

static void session_tick(uk_app *app, uint64_t now_ms)
{
    uk_app_ask_when_idle(app, now_ms);
}

/* Cards cannot be skipped: each one shown is one read. */
static void session_progress(const uk_app *app, uk_session *session)
{
    session->steps_done = (uint8_t)app->cards_seen;
    session->steps_total = uk_app_session_data(app)->card_count;
}

static void show_card(uk_app *app, int card)
{
    app->card = card;
    if (card + 1 > app->cards_seen)
        app->cards_seen = card + 1;
}

static void input(uk_app *app, uk_action action, uk_input_kind kind, uint64_t now_ms)
{
    (void)kind;
    int count = uk_app_session_data(app)->card_count;
    switch (action) {
    case UK_ACTION_UP:
        if (app->card > 0)
            show_card(app, app->card - 1);
        break;
    case UK_ACTION_DOWN:
    case UK_ACTION_SELECT:
        if (app->card + 1 < count)
            show_card(app, app->card + 1);
        else if (action == UK_ACTION_SELECT)
            uk_app_complete_session(app, now_ms);
        break;
    case UK_ACTION_BACK:
        if (app->cards_seen >= count)
            uk_app_complete_session(app, now_ms);
        else
            uk_app_stop_session(app, now_ms);
        break;
    default:
        break;
    }
}

const uk_screen_rules uk_cards_screen = {
    .input = input,
    .actions = actions,
    .action_count = sizeof actions / sizeof actions[0],
    .help = true,
    .session_start = session_start,
    .session_tick = session_tick,
    .session_progress = session_progress,
};
