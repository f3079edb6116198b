/*
 * test_ui.c: every screen, at every kiosk size, with the real content and
 * the real fonts: nothing overlaps, nothing leaves the frame, no text is
 * smaller than readable or clipped, every button is big enough for a finger.
 *
 * The scenes are painted with SDL's software renderer on a plain surface,
 * so this needs no display; the fonts are DejaVu (fonts-dejavu-core).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/core/admin_screen.h"
#include "app/core/doctor_screen.h"
#include "app/core/home_screen.h"
#include "app/view/ui.h"
#include "platform/content/content.h"
#include "platform/output/fonts.h"
#include "platform/output/painter.h"

typedef struct size {
    int w, h;
    float px_per_mm; /* as the panel reports it; 0: unknown */
} size;

/* The kiosk sizes; the portrait one is the denser 7-inch 720x1280 panel, which says so. */
static const size sizes[] = {
    {800, 480, 0}, {1024, 600, 0}, {1280, 800, 0}, {1920, 1080, 0}, {720, 1280, 8.3f}};

typedef struct harness {
    uk_content *content;
    uk_ui_env ui;
    uk_app_config cfg;
    char regular[4096], bold[4096];
    /* Per size. */
    uk_viewport viewport;
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    uk_painter *painter;
    uk_scene scene;
    int checked;
} harness;

static harness h;

/* ---- checks ----------------------------------------------------------------- */

static bool full_frame(uk_rect r)
{
    return r.x <= 0 && r.y <= 0 && r.w >= (float)h.viewport.w && r.h >= (float)h.viewport.h;
}

static void fail_at(const char *name, const char *what, const char *detail)
{
    print_error("%dx%d %s: %s: %s\n", h.viewport.w, h.viewport.h, name, what, detail);
    fail();
}

static void expect_inside(const char *name, uk_rect r, const char *what)
{
    const float slack = 0.5f;
    if (r.x < -slack || r.y < -slack || r.x + r.w > (float)h.viewport.w + slack ||
        r.y + r.h > (float)h.viewport.h + slack) {
        char detail[128];
        snprintf(detail, sizeof detail, "%.0f,%.0f %.0fx%.0f leaves the frame", r.x, r.y, r.w, r.h);
        fail_at(name, what, detail);
    }
}

static uk_rect op_bounds(const uk_op *op)
{
    switch (op->kind) {
    case UK_OP_RECT:
        return op->rect.box;
    case UK_OP_TEXT:
        return op->text.box;
    case UK_OP_RING: {
        float r = op->ring.radius + op->ring.thickness / 2;
        return (uk_rect){op->ring.cx - r, op->ring.cy - r, 2 * r, 2 * r};
    }
    case UK_OP_CAPSULE: {
        float r = op->capsule.radius;
        float x0 = fminf(op->capsule.x0, op->capsule.x1) - r;
        float y0 = fminf(op->capsule.y0, op->capsule.y1) - r;
        return (uk_rect){x0, y0, fabsf(op->capsule.x1 - op->capsule.x0) + 2 * r,
                         fabsf(op->capsule.y1 - op->capsule.y0) + 2 * r};
    }
    }
    return (uk_rect){0};
}

/* Builds the current screen and checks it, then paints it and checks the text fitted. */
static void check_screen(const uk_app *app, uint64_t now_ms, const char *name)
{
    uk_scene *scene = &h.scene;
    uk_ui_build(scene, app, &h.ui, h.viewport, now_ms);
    if (scene->overflow)
        fail_at(name, "scene", "overflowed its capacity");

    float min_text = uk_ui_min_text_px(h.viewport);
    float min_button = uk_ui_min_button_px(h.viewport);
    size_t layer = 0; /* texts under a full-frame shade are covered: compare from there on */
    for (size_t i = 0; i < scene->op_count; i++) {
        const uk_op *op = &scene->ops[i];
        expect_inside(name, op_bounds(op), "a shape");
        if (op->kind == UK_OP_RECT && full_frame(op->rect.box))
            layer = i;
        if (op->kind != UK_OP_TEXT)
            continue;
        const char *text = uk_scene_op_text(scene, op);
        if (op->text.min_size + 0.5f < min_text)
            fail_at(name, "text may shrink below the readable size", text);
        for (size_t j = layer; j < i; j++) {
            const uk_op *other = &scene->ops[j];
            if (other->kind == UK_OP_TEXT && uk_scene_overlaps(op->text.box, other->text.box)) {
                char detail[512];
                snprintf(detail, sizeof detail, "'%s' overlaps '%s'", text,
                         uk_scene_op_text(scene, other));
                fail_at(name, "text boxes", detail);
            }
        }
    }
    for (size_t i = 0; i < scene->hit_count; i++) {
        const uk_hit *hit = &scene->hits[i];
        expect_inside(name, hit->box, "a button");
        if (full_frame(hit->box))
            continue;
        if (hit->box.w < min_button || hit->box.h < min_button) {
            char detail[128];
            snprintf(detail, sizeof detail, "%.0fx%.0f, less than %.0f px (10 mm)", hit->box.w,
                     hit->box.h, min_button);
            fail_at(name, "a button is too small for a finger", detail);
        }
        for (size_t j = 0; j < i; j++)
            if (!full_frame(scene->hits[j].box) && uk_scene_overlaps(hit->box, scene->hits[j].box))
                fail_at(name, "buttons", "two buttons overlap");
    }

    uk_painter_stats stats;
    uk_painter_draw(h.painter, scene, &stats);
    if (stats.texts_clipped) {
        for (size_t i = 0; i < scene->op_count; i++) {
            const uk_op *op = &scene->ops[i];
            SDL_FRect bounds;
            float painted;
            if (op->kind != UK_OP_TEXT ||
                uk_painter_text_bounds(h.painter, scene, op, &bounds, &painted) != 0)
                continue;
            if (bounds.w > op->text.box.w + 0.5f || bounds.h > op->text.box.h + 0.5f)
                fail_at(name, "text does not fit its box", uk_scene_op_text(scene, op));
        }
        fail_at(name, "text", "some text was clipped");
    }
    h.checked++;
}

/* ---- walking through the screens ---------------------------------------------- */

static void start_size(size s)
{
    h.viewport = (uk_viewport){s.w, s.h, s.px_per_mm};
    h.surface = SDL_CreateRGBSurfaceWithFormat(0, s.w, s.h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(h.surface);
    h.renderer = SDL_CreateSoftwareRenderer(h.surface);
    assert_non_null(h.renderer);
    char error[512];
    h.painter = uk_painter_new(h.renderer, h.regular, h.bold, error, sizeof error);
    if (!h.painter)
        fail_msg("%s", error);
    h.ui.measure = uk_painter_measure;
    h.ui.measure_ctx = h.painter;
}

static void end_size(void)
{
    uk_painter_free(h.painter);
    SDL_DestroyRenderer(h.renderer);
    SDL_FreeSurface(h.surface);
}

/* A kiosk woken on its home screen at `t`, in language `lang`. */
static void start_app(uk_app *app, const char *lang, uint64_t t)
{
    uk_app_config cfg = h.cfg;
    snprintf(cfg.lang, sizeof cfg.lang, "%s", lang);
    uk_app_init(app, &cfg, uk_content_catalog(h.content), t);
    uk_app_handle(app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, t); /* wakes it */
}

static void check_named(const uk_app *app, uint64_t t, const char *what, const char *detail)
{
    char name[200];
    snprintf(name, sizeof name, "%s %s %s", uk_app_strings(app)->lang, what, detail);
    check_screen(app, t, name);
}

static void walk_steps(uk_app *app, const uk_routine *routine, uint64_t t)
{
    char what[96];
    for (int step = 0; step < routine->step_count; step++) {
        const uk_step *s = &routine->steps[step];
        snprintf(what, sizeof what, "%s step %d", routine->id, step + 1);
        uk_app_tick(app, t);
        check_named(app, t, what, "start");
        if (app->player.phase == UK_PHASE_GET_READY) {
            t += h.cfg.timing.get_ready_ms - 2500; /* the 3-2-1 */
            uk_app_tick(app, t);
            check_named(app, t, what, "count-in");
            t += 2500;
        }
        /* Halfway through its first side, then near its end (what comes next). */
        uint32_t side_ms = uk_routine_side_ms(s);
        t += side_ms / 2;
        uk_app_tick(app, t);
        check_named(app, t, what, "active");
        if (s->side == UK_SIDE_ALTERNATE) {
            t += side_ms / 2 + 1000;
            uk_app_tick(app, t);
            check_named(app, t, what, "switch sides");
            t += h.cfg.timing.switch_ms - 1000;
        }
        t += side_ms / 2 > 3000 ? side_ms / 2 - 3000 : 0; /* a side under 6 s: already there */
        uk_app_tick(app, t);
        check_named(app, t, what, "next up");
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_TOUCH, t); /* pause */
        check_named(app, t, what, "paused");
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_TOUCH, t);
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_TOUCH, t); /* next step */
    }
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    check_named(app, t, routine->id, "done");
}

static void walk_heat_cold(uk_app *app, const uk_routine *routine, uint64_t t)
{
    check_named(app, t, routine->id, "question");
    uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_KEYBOARD, t);
    check_named(app, t, routine->id, "question, second answer highlighted");
    uk_app_handle(app, UK_ACTION_UP, UK_INPUT_KEYBOARD, t);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, t); /* a new injury */
    for (int phase = 0; phase < 2; phase++) {
        check_named(app, t, routine->id, phase ? "prepare cold" : "prepare heat");
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, t);
        t += 61000;
        uk_app_tick(app, t);
        check_named(app, t, routine->id, phase ? "cold running" : "heat running");
        uk_heat_cold_moment view;
        for (int i = 0; i < 30; i++) { /* up to its maximum: "one more minute" goes dim */
            uk_heat_cold_moment_at(&app->hc, t, &view);
            if (!view.can_add_minute)
                break;
            uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, t);
        }
        /* ...and the highlight moves on to "End now" by itself. */
        check_named(app, t, routine->id, phase ? "cold at its maximum" : "heat at its maximum");
        uk_heat_cold_moment_at(&app->hc, t, &view);
        t += view.remaining_ms; /* the phase runs out (any later, and the next pack's wait for
                                   the person would time out first) */
        uk_app_tick(app, t);
    }
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    check_named(app, t, routine->id, "done");
}

static void walk_cards(uk_app *app, const uk_routine *routine, uint64_t t)
{
    char what[32];
    for (int card = 0; card < routine->card_count; card++) {
        snprintf(what, sizeof what, "card %d", card + 1);
        check_named(app, t, routine->id, what);
        uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, t);
    }
    assert_int_equal(app->screen, UK_SCREEN_DONE);
    check_named(app, t, routine->id, "done");
}

static void walk_language(uk_app *app, const char *lang)
{
    const uk_catalog *catalog = uk_content_catalog(h.content);
    char detail[64];
    for (size_t i = 0; i < catalog->routine_count; i++) {
        start_app(app, lang, 0);
        const uk_routine *routine = &app->routines[i];
        uk_app_choose(app, (int)i, UK_INPUT_TOUCH, 0);
        switch (routine->type) {
        case UK_ROUTINE_HEAT_COLD:
            walk_heat_cold(app, routine, 0);
            break;
        case UK_ROUTINE_CARDS:
            walk_cards(app, routine, 0);
            break;
        default:
            walk_steps(app, routine, 0);
            break;
        }
    }

    /* Home: asleep (each routine's preview), then awake with each item highlighted. */
    uk_app_config cfg = h.cfg;
    snprintf(cfg.lang, sizeof cfg.lang, "%s", lang);
    uk_app_init(app, &cfg, catalog, 0);
    for (size_t i = 0; i < catalog->routine_count; i++) {
        uint64_t t = i * cfg.attract_cycle_ms + cfg.attract_cycle_ms / 3;
        snprintf(detail, sizeof detail, "preview %zu", i + 1);
        check_named(app, t, "attract", detail);
    }
    start_app(app, lang, 0);
    for (int item = 0; item < uk_app_item_count(app); item++) {
        snprintf(detail, sizeof detail, "item %d highlighted", item + 1);
        check_named(app, 0, "home", detail);
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_KEYBOARD, 0);
    }
    uk_app_choose(app, uk_home_screen_about_item(app), UK_INPUT_TOUCH, 0);
    for (size_t i = 0; i < catalog->routine_count; i++) {
        snprintf(detail, sizeof detail, "routine %zu highlighted", i + 1);
        check_named(app, 0, "about", detail);
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_KEYBOARD, 0);
    }
    start_app(app, lang, 0);
    uk_app_handle(app, UK_ACTION_HELP, UK_INPUT_KEYBOARD, 0);
    check_named(app, 0, "doctor", "from home");

    /* A routine nobody follows: "Still there?"; then the doctor screen during it. */
    start_app(app, lang, 0);
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, 0);
    uint64_t t = 0;
    while (!app->still_there && app->screen == UK_SCREEN_PLAYER)
        t = uk_app_tick(app, t);
    assert_true(app->still_there);
    check_named(app, t, "player", "still there");
    uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, t);
    uk_app_handle(app, UK_ACTION_HELP, UK_INPUT_KEYBOARD, t);
    check_named(app, t, "doctor", "during a routine");
    uk_app_choose(app, UK_DOCTOR_SCREEN_HAVE_ONE, UK_INPUT_TOUCH, t);
    check_named(app, t, "doctor", "after 'I have one of these'");
}

/* Numbers for the admin screen: a month of use, some days and routines under 5. */
static void fake_admin(uk_admin_info *info, const uk_catalog *catalog)
{
    memset(info, 0, sizeof *info);
    info->have_store = true;
    uk_stats *stats = &info->stats;
    stats->generation = 1;
    stats->as_of_s = 1795428000;
    for (int i = 0; i < UK_STATS_DAYS; i++) {
        snprintf(stats->days[i].date, sizeof stats->days[i].date, "2026-%02d-%02d", 10 + i / 28,
                 1 + i % 28);
        stats->days[i].starts = (uint32_t)((i * 7) % 23);
        stats->days[i].completions = stats->days[i].starts / 2;
    }
    for (size_t i = 0; i < catalog->routine_count && i < UK_STATS_ROUTINES; i++) {
        uk_stats_routine *r = &stats->routines[stats->routine_count++];
        snprintf(r->routine, sizeof r->routine, "%s", catalog->langs[0].routines[i].id);
        r->starts = (uint32_t)(40 - 9 * i);
        r->completions = r->starts * 2 / 3;
    }
    for (int hour = 0; hour < UK_STATS_HOURS; hour++)
        stats->starts_by_hour[hour] = hour >= 8 && hour <= 18 ? (uint32_t)(hour * 3 % 17) : 0;
    stats->health = (uk_stats_health){.state = UK_STATS_RETRYING_FULL,
                                      .rows_pending = 12,
                                      .rows_committed = 4821,
                                      .rows_lost = 0,
                                      .db_bytes = 1200000,
                                      .last_write_s = 1795427000};
    snprintf(stats->health.last_error, sizeof stats->health.last_error,
             "commit: database or disk is full (/var/lib/unknot/usage.db)");
    info->uptime_ms = 3 * 3600000 + 12 * 60000;
    snprintf(info->buttons_state, sizeof info->buttons_state,
             "no chip: no GPIO chip 'pinctrl-rp1' (is this a Raspberry Pi? try --gpio-chip with "
             "a name from gpiodetect); retrying every 3 s");
    static const int lines[UK_ADMIN_INFO_BUTTON_LINES] = {5, 6, 13, -1, 26};
    for (int b = 0; b < UK_ADMIN_INFO_BUTTON_LINES; b++)
        info->buttons[info->button_count++] = (uk_admin_info_button){.action = (uk_action)(b + 1),
                                                                     .line = lines[b],
                                                                     .down = b == 2,
                                                                     .last_press_ms = b ? 1000 : 0,
                                                                     .presses = (unsigned)b * 3};
}

static void walk_admin(uk_app *app, const char *lang)
{
    static uk_admin_info info;
    fake_admin(&info, uk_content_catalog(h.content));
    h.ui.admin = &info;
    char detail[64];
    for (int pin_set = 0; pin_set < 2; pin_set++) {
        uk_app_config cfg = h.cfg;
        snprintf(cfg.lang, sizeof cfg.lang, "%s", lang);
        cfg.admin_pin_set = pin_set;
        uk_app_init(app, &cfg, uk_content_catalog(h.content), 0);
        uk_app_admin_request(app, UK_INPUT_KEYBOARD, 0);
        check_named(app, 0, "admin pin", pin_set ? "empty" : "no PIN set");
    }
    for (const char *d = "12345678"; *d; d++)
        uk_app_type(app, *d, UK_INPUT_KEYBOARD, 0);
    check_named(app, 0, "admin pin", "eight digits");
    for (int i = 0; i < 5; i++) {
        uk_app_type(app, '\n', UK_INPUT_KEYBOARD, 0);
        uk_app_pin_checked(app, false, 0);
        if (i == 0)
            check_named(app, 0, "admin pin", "wrong");
        for (const char *d = "9999"; *d; d++)
            uk_app_type(app, *d, UK_INPUT_KEYBOARD, 0);
    }
    check_named(app, 0, "admin pin", "locked");
    uk_app_tick(app, 3600000);
    for (const char *d = "1234\n"; *d; d++)
        uk_app_type(app, *d, UK_INPUT_KEYBOARD, 3600000);
    uk_app_pin_checked(app, true, 3600000);
    for (int item = 0; item < UK_ADMIN_SCREEN_ITEM_COUNT - 1; item++) {
        snprintf(detail, sizeof detail, "item %d", item + 1);
        check_named(app, 3600000, "admin", detail);
        uk_app_handle(app, UK_ACTION_DOWN, UK_INPUT_KEYBOARD, 3600000);
        if (item + 1 == UK_ADMIN_SCREEN_STOP) {
            uk_app_handle(app, UK_ACTION_SELECT, UK_INPUT_KEYBOARD, 3600000);
            check_named(app, 3600000, "admin", "stop armed");
        }
    }
    info.stats.generation = 0;
    uk_app_choose(app, UK_ADMIN_SCREEN_DAYS, UK_INPUT_TOUCH, 3600000);
    check_named(app, 3600000, "admin", "numbers not read yet");
    info.have_store = false;
    check_named(app, 3600000, "admin", "no usage log");
    uk_app_choose(app, UK_ADMIN_SCREEN_HEALTH, UK_INPUT_TOUCH, 3600000);
    check_named(app, 3600000, "admin", "health without a usage log");
    h.ui.admin = NULL;
}

static void walk_everything(void)
{
    static uk_app app;
    const uk_catalog *catalog = uk_content_catalog(h.content);
    for (size_t l = 0; l < catalog->lang_count; l++) {
        walk_language(&app, catalog->langs[l].code);
        walk_admin(&app, catalog->langs[l].code);
    }
}

static void every_screen_at_every_size(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        start_size(sizes[i]);
        walk_everything();
        end_size();
    }
    print_message("checked %d screens\n", h.checked);
}

/* Many routines: the home screen pages, and the highlight takes the page with it. */
static void home_pages_when_routines_do_not_fit(void **state)
{
    (void)state;
    static uk_routine many[2][11];
    static uk_catalog catalog;
    catalog = *uk_content_catalog(h.content);
    catalog.lang_count = 2;
    for (size_t l = 0; l < 2; l++) {
        for (size_t i = 0; i < 11; i++) {
            many[l][i] = uk_content_catalog(h.content)
                             ->langs[l]
                             .routines[i % uk_content_catalog(h.content)->routine_count];
            snprintf(many[l][i].id, sizeof many[l][i].id, "routine-%zu", i);
        }
        catalog.langs[l].routines = many[l];
    }
    catalog.routine_count = 11;
    static uk_app app;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        start_size(sizes[s]);
        uk_app_init(&app, &h.cfg, &catalog, 0);
        uk_app_handle(&app, UK_ACTION_BACK, UK_INPUT_KEYBOARD, 0);
        for (int i = 0; i < 11; i++) {
            char name[64];
            snprintf(name, sizeof name, "home, routine %d of 11 highlighted", i + 1);
            check_screen(&app, 0, name);
            /* The highlighted routine's card is on screen. */
            bool shown = false;
            for (size_t k = 0; k < h.scene.hit_count; k++)
                shown |= h.scene.hits[k].item == i;
            assert_true(shown);
            uk_app_handle(&app, UK_ACTION_DOWN, UK_INPUT_KEYBOARD, 0);
        }
        end_size();
    }
}

/* Before a step the figure shows how to get into position, moving, then waits still. */
static void get_ready_shows_the_way_into_position(void **state)
{
    (void)state;
    static uk_app app;
    const uk_catalog *catalog = uk_content_catalog(h.content);
    /* Every routine's first step that has a get-ready and a motion with a way in. */
    int checked = 0;
    for (size_t r = 0; r < catalog->routine_count; r++) {
        const uk_routine *routine = &catalog->langs[0].routines[r];
        if (routine->type != UK_ROUTINE_STEPS || routine->steps[0].kind == UK_STEP_REST)
            continue;
        const uk_motion *motion =
            uk_motion_find(catalog->motions, catalog->motion_count, routine->steps[0].motion);
        uint32_t entry = motion ? uk_motion_entry_ms(motion) : 0;
        if (entry == 0)
            continue;
        start_app(&app, "en", 0);
        uk_app_choose(&app, (int)r, UK_INPUT_TOUCH, 0);
        assert_int_equal(app.player.phase, UK_PHASE_GET_READY);
        uk_app_tick(&app, entry / 2);
        assert_true(uk_app_animating(&app));
        if (entry + 100 < h.cfg.timing.get_ready_ms) {
            uk_app_tick(&app, entry + 100); /* in position: still, but for the countdown */
            assert_false(uk_app_animating(&app));
        }
        uk_app_tick(&app, h.cfg.timing.get_ready_ms + 100);
        assert_true(uk_app_animating(&app));
        checked++;
    }
    assert_true(checked >= 2);
}

/* The counts small_counts_cannot_be_read_off_the_charts changes, one per chart. */
static uint32_t *days_count(uk_stats *stats)
{
    return &stats->days[UK_STATS_DAYS - 1].starts;
}

static uint32_t *routine_completions(uk_stats *stats)
{
    return &stats->routines[0].completions;
}

static uint32_t *routine_starts(uk_stats *stats)
{
    stats->routines[0].completions = 0;
    return &stats->routines[0].starts;
}

static uint32_t *hour_count(uk_stats *stats)
{
    return &stats->starts_by_hour[12];
}

/* The admin page `item` drawn for `info`, as text: one line per drawing operation. */
static char *admin_page_dump(uk_app *app, uk_admin_info *info, int item)
{
    h.ui.admin = info;
    uk_app_choose(app, item, UK_INPUT_TOUCH, 3600000);
    uk_ui_build(&h.scene, app, &h.ui, h.viewport, 3600000);
    h.ui.admin = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    uk_scene_dump(&h.scene, out);
    fclose(out);
    return text;
}

/* A count under 5 on the charts draws the same whatever it is: it cannot be read off. */
static void small_counts_cannot_be_read_off_the_charts(void **state)
{
    (void)state;
    static uk_app app;
    static uk_admin_info info;
    start_size(sizes[0]);
    uk_app_config cfg = h.cfg;
    cfg.admin_pin_set = true;
    uk_app_init(&app, &cfg, uk_content_catalog(h.content), 0);
    uk_app_admin_request(&app, UK_INPUT_KEYBOARD, 3600000);
    for (const char *d = "1234\n"; *d; d++)
        uk_app_type(&app, *d, UK_INPUT_KEYBOARD, 3600000);
    uk_app_pin_checked(&app, true, 3600000);
    assert_int_equal(app.screen, UK_SCREEN_ADMIN);

    static const struct {
        int item;
        uint32_t *(*count)(uk_stats *stats);
    } pages[] = {
        {UK_ADMIN_SCREEN_DAYS, days_count},
        {UK_ADMIN_SCREEN_ROUTINES, routine_completions},
        {UK_ADMIN_SCREEN_ROUTINES, routine_starts},
        {UK_ADMIN_SCREEN_HOURS, hour_count},
    };
    for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
        char *drawn[3];
        static const uint32_t values[3] = {2, 3, 30};
        for (int v = 0; v < 3; v++) {
            fake_admin(&info, uk_content_catalog(h.content));
            *pages[p].count(&info.stats) = values[v];
            drawn[v] = admin_page_dump(&app, &info, pages[p].item);
        }
        if (strcmp(drawn[0], drawn[1]) != 0)
            fail_msg("admin chart %zu: a count of 2 and one of 3 are drawn differently", p);
        if (strcmp(drawn[1], drawn[2]) == 0)
            fail_msg("admin chart %zu: a count of 30 is drawn as one under 5", p);
        for (int v = 0; v < 3; v++)
            free(drawn[v]);
    }
    end_size();
}

static int setup(void **state)
{
    (void)state;
    char error[512];
    if (uk_fonts_find(NULL, h.regular, h.bold, sizeof h.regular, error, sizeof error) != 0) {
        print_message("SKIP: %s\n", error);
        exit(77);
    }
    h.content = uk_content_load(UK_ASSETS_DIR, NULL, NULL);
    assert_non_null(h.content);
    assert_int_equal(uk_content_problems(h.content), 0);
    assert_true(uk_content_catalog(h.content)->routine_count >= 2);
    assert_true(uk_content_catalog(h.content)->lang_count >= 2);
    h.ui = (uk_ui_env){.version = "0.0.0"};
    uk_app_config_defaults(&h.cfg);
    h.cfg.settle_ms = 0; /* the screens are reached by presses at one moment */
    if (TTF_Init() != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    uk_content_free(h.content);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_at_every_size),
        cmocka_unit_test(home_pages_when_routines_do_not_fit),
        cmocka_unit_test(get_ready_shows_the_way_into_position),
        cmocka_unit_test(small_counts_cannot_be_read_off_the_charts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
