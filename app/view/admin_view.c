/*
 * admin_view.c: the admin screen: pages along the top (starts per day,
 * completion per routine, use by hour, health, the button test), what staff
 * can do along the bottom, the page between. Counts under
 * UK_STATS_SUPPRESS_BELOW never show as a number or a bar that gives them
 * away.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/core/admin_screen.h"
#include "app/view/palette.h"

/*
 * A bar chart of `n` counts in `box`, with a label under every `every`-th
 * bar. A count below UK_STATS_SUPPRESS_BELOW is drawn as a faint stub of one
 * height whatever it is, so a small number cannot be read off the screen.
 */
static void bar_chart(const uk_kit_frame *f, uk_rect box, const uint32_t *values, int n,
                      const char *const *labels, int every)
{
    const uk_kit_metrics *m = &f->m;
    uint32_t max = UK_STATS_SUPPRESS_BELOW;
    for (int i = 0; i < n; i++)
        max = values[i] > max ? values[i] : max;
    float label_h = uk_kit_lines_h(f, m->min_text, 0, 1);
    float axis_w = ceilf(uk_kit_text_size(f, "0000", m->min_text, 0, 0).w) + m->gap * 0.5f;
    uk_rect plot = {box.x + axis_w, box.y + label_h * 0.5f, box.w - axis_w,
                    box.h - label_h * 1.5f - m->gap * 0.5f};
    uk_scene_rect(f->scene, (uk_rect){plot.x, plot.y + plot.h, plot.w, 2}, 0, UK_PALETTE_TRACK);
    uk_scene_text(f->scene, (uk_rect){box.x, box.y, axis_w - m->gap * 0.5f, label_h}, m->min_text,
                  m->min_text, UK_TEXT_RIGHT, UK_PALETTE_DIM, "%u", (unsigned)max);
    uk_scene_text(
        f->scene,
        (uk_rect){box.x, plot.y + plot.h - label_h * 0.5f, axis_w - m->gap * 0.5f, label_h},
        m->min_text, m->min_text, UK_TEXT_RIGHT, UK_PALETTE_DIM, "0");
    float slot = plot.w / (float)n, bar_w = fmaxf(1, floorf(slot * 0.7f));
    for (int i = 0; i < n; i++) {
        float x = plot.x + (float)i * slot + (slot - bar_w) / 2;
        bool few = values[i] > 0 && values[i] < UK_STATS_SUPPRESS_BELOW;
        float h = few ? plot.h * 0.05f : plot.h * (float)values[i] / (float)max;
        if (values[i] > 0)
            uk_scene_rect(f->scene, (uk_rect){x, plot.y + plot.h - h, bar_w, h}, 0,
                          few ? UK_PALETTE_TRACK : UK_PALETTE_RUNNING);
        if (labels && i % every == 0) {
            float lw = slot * (float)every;
            uk_scene_text(f->scene,
                          (uk_rect){plot.x + (float)i * slot, plot.y + plot.h + m->gap * 0.5f,
                                    fminf(lw, plot.x + plot.w - (plot.x + (float)i * slot)),
                                    label_h},
                          m->min_text, m->min_text, 0, UK_PALETTE_DIM, "%s", labels[i]);
        }
    }
}

/* Completed of started, one bar per routine, the most used first. */
static void routine_chart(const uk_kit_frame *f, uk_rect box, const uk_stats *stats)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    float row_h = uk_kit_lines_h(f, m->min_text, UK_TEXT_BOLD, 1) + m->gap * 0.5f;
    int rows = (int)(box.h / row_h);
    float name_w = roundf(box.w * 0.42f), count_w = roundf(box.w * 0.2f);
    float bar_x = box.x + name_w + m->gap * 0.5f, bar_w = box.w - name_w - count_w - m->gap;
    for (int i = 0; i < rows && (size_t)i < stats->routine_count; i++) {
        const uk_stats_routine *r = &stats->routines[i];
        const char *name = r->routine;
        for (size_t k = 0; k < app->routine_count; k++)
            if (strcmp(app->routines[k].id, r->routine) == 0)
                name = app->routines[k].title;
        float y = box.y + (float)i * row_h, h = row_h - m->gap * 0.5f;
        uk_scene_text(f->scene, (uk_rect){box.x, y, name_w, h}, m->min_text, m->min_text,
                      UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s", name);
        uk_scene_rect(f->scene, (uk_rect){bar_x, y + h * 0.2f, bar_w, h * 0.6f}, 0,
                      UK_PALETTE_TRACK);
        /* Under UK_STATS_SUPPRESS_BELOW, neither the words nor the bar give the count away. */
        char count[48];
        if (r->starts < UK_STATS_SUPPRESS_BELOW) {
            snprintf(count, sizeof count, "<%d", UK_STATS_SUPPRESS_BELOW);
        } else if (r->completions < UK_STATS_SUPPRESS_BELOW) {
            snprintf(count, sizeof count, "<%d / %u", UK_STATS_SUPPRESS_BELOW, r->starts);
        } else {
            float done = (float)r->completions / (float)r->starts;
            uk_scene_rect(f->scene, (uk_rect){bar_x, y + h * 0.2f, bar_w * done, h * 0.6f}, 0,
                          UK_PALETTE_RUNNING);
            snprintf(count, sizeof count, uk_kit_str(f, UK_STR_ADMIN_OF), (int)r->completions,
                     (int)r->starts);
        }
        uk_scene_text(f->scene, (uk_rect){box.x + box.w - count_w, y, count_w, h}, m->min_text,
                      m->min_text, UK_TEXT_RIGHT | UK_TEXT_MIDDLE, UK_PALETTE_DIM, "%s", count);
    }
}

static void admin_usage(const uk_kit_frame *f, uk_rect box, int page)
{
    const uk_kit_metrics *m = &f->m;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id titles[3] = {UK_STR_ADMIN_DAYS_TITLE, UK_STR_ADMIN_ROUTINES_TITLE,
                                           UK_STR_ADMIN_HOURS_TITLE};
    uk_rect title = uk_kit_text_at(f, box.x, box.y, box.w, m->small, UK_TEXT_BOLD, UK_PALETTE_TEXT,
                                   uk_kit_str(f, titles[page]));
    uk_rect note = {box.x, 0, box.w, uk_kit_lines_h(f, m->min_text, 0, 1)};
    note.y = box.y + box.h - note.h;
    uk_rect chart = {box.x, title.y + title.h + m->gap * 0.5f, box.w,
                     note.y - title.y - title.h - m->gap};
    if (!info || !info->have_store) {
        uk_kit_text_at(f, chart.x, chart.y, chart.w, m->body, 0, UK_PALETTE_DIM,
                       uk_kit_str(f, UK_STR_ADMIN_NO_LOG));
        return;
    }
    if (info->stats.generation == 0) {
        uk_kit_text_at(f, chart.x, chart.y, chart.w, m->body, 0, UK_PALETTE_DIM,
                       uk_kit_str(f, UK_STR_ADMIN_LOADING));
        return;
    }
    uk_scene_text(f->scene, note, m->min_text, m->min_text, 0, UK_PALETTE_DIM, "%s",
                  uk_kit_str(f, UK_STR_ADMIN_FEW));
    const uk_stats *stats = &info->stats;
    if (page == 0) {
        uint32_t values[UK_STATS_DAYS];
        char dates[UK_STATS_DAYS][8];
        const char *labels[UK_STATS_DAYS];
        for (int i = 0; i < UK_STATS_DAYS; i++) {
            values[i] = stats->days[i].starts;
            /* "24/11" from "2026-11-24" */
            snprintf(dates[i], sizeof dates[i], "%.2s/%.2s", stats->days[i].date + 8,
                     stats->days[i].date + 5);
            labels[i] = dates[i];
        }
        bar_chart(f, chart, values, UK_STATS_DAYS, labels, m->portrait ? 10 : 6);
    } else if (page == 1) {
        routine_chart(f, chart, stats);
    } else {
        static const char *const hours[UK_STATS_HOURS] = {
            "0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11",
            "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23"};
        bar_chart(f, chart, stats->starts_by_hour, UK_STATS_HOURS, hours, m->portrait ? 6 : 3);
    }
}

static void admin_health(const uk_kit_frame *f, uk_rect box)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id states[UK_STATS_STATE_COUNT] = {
        UK_STR_ADMIN_LOG_OK, UK_STR_ADMIN_LOG_READONLY, UK_STR_ADMIN_LOG_FULL,
        UK_STR_ADMIN_LOG_IO, UK_STR_ADMIN_LOG_REPLACED, UK_STR_ADMIN_LOG_CLOSED};
    char lines[7][320];
    int n = 0;
    if (info && info->have_store) {
        const uk_stats_health *health = &info->stats.health;
        snprintf(lines[n++], sizeof lines[0], "%s",
                 uk_kit_str(f, states[health->state < UK_STATS_STATE_COUNT ? health->state : 0]));
        snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_ROWS),
                 (int)health->rows_committed, (int)health->rows_pending, (int)health->rows_lost);
        char size[32], when[32];
        snprintf(size, sizeof size, "%.1f MB", (double)health->db_bytes / 1e6);
        if (health->last_write_s > 0 && info->stats.as_of_s >= health->last_write_s)
            uk_kit_duration_text(when, sizeof when,
                                 (uint64_t)(info->stats.as_of_s - health->last_write_s) * 1000);
        else
            snprintf(when, sizeof when, "-");
        snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_SIZE), size, when);
        if (health->last_error[0])
            snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_ERROR),
                     health->last_error);
    } else {
        snprintf(lines[n++], sizeof lines[0], "%s", uk_kit_str(f, UK_STR_ADMIN_NO_LOG));
    }
    char uptime[32];
    uk_kit_duration_text(uptime, sizeof uptime, info ? info->uptime_ms : app->now_ms);
    snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_UPTIME), uptime);
    snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_CONTENT),
             (int)app->routine_count, (int)app->catalog->lang_count,
             info ? info->content_problems : 0);
    snprintf(lines[n++], sizeof lines[0], uk_kit_str(f, UK_STR_ADMIN_BUTTONS_STATE),
             info && info->buttons_state[0] ? info->buttons_state : "-");
    uk_kit_text blocks[7];
    for (int i = 0; i < n; i++)
        blocks[i] =
            (uk_kit_text){lines[i], m->small, 0, i == 0 ? UK_PALETTE_TEXT : UK_PALETTE_DIM, 0};
    uk_kit_fit_stack(f->env, blocks, n, box.w, box.h, m->gap * 0.5f, m->min_text);
    float y =
        uk_kit_place_stack(f->scene, blocks, n, box.x, box.y, box.w, m->gap * 0.5f, m->min_text);
    if (f->env->version && y + m->gap + uk_kit_lines_h(f, m->min_text, 0, 1) <= box.y + box.h)
        uk_scene_text(f->scene,
                      (uk_rect){box.x, box.y + box.h - uk_kit_lines_h(f, m->min_text, 0, 1), box.w,
                                uk_kit_lines_h(f, m->min_text, 0, 1)},
                      m->min_text, m->min_text, UK_TEXT_RIGHT, UK_PALETTE_DIM, "unknot %s",
                      f->env->version);
}

/* The button test: every line, lit while pressed, with its last press. */
static void admin_buttons(const uk_kit_frame *f, uk_rect box)
{
    const uk_kit_metrics *m = &f->m;
    const uk_admin_info *info = f->env->admin;
    static const uk_string_id names[UK_ACTION_COUNT] = {[UK_ACTION_UP] = UK_STR_ACTION_UP,
                                                        [UK_ACTION_DOWN] = UK_STR_ACTION_DOWN,
                                                        [UK_ACTION_SELECT] = UK_STR_ACTION_SELECT,
                                                        [UK_ACTION_BACK] = UK_STR_ACTION_BACK,
                                                        [UK_ACTION_HELP] = UK_STR_ACTION_HELP};
    uk_rect state = uk_kit_text_at(f, box.x, box.y, box.w, m->small, 0, UK_PALETTE_DIM,
                                   info && info->buttons_state[0] ? info->buttons_state : "-");
    float top = state.y + state.h + m->gap * 0.5f;
    int count = info ? info->button_count : 0;
    if (count <= 0)
        return;
    float row_h = (box.y + box.h - top) / (float)count;
    float lamp = fminf(row_h * 0.6f, m->body);
    for (int i = 0; i < count; i++) {
        const uk_admin_info_button *b = &info->buttons[i];
        float y = top + (float)i * row_h, h = row_h - m->gap * 0.25f;
        const char *name = (unsigned)b->action < UK_ACTION_COUNT && b->action != UK_ACTION_NONE
                               ? uk_kit_str(f, names[b->action])
                               : "?";
        char line[96], last[128], ago[32];
        if (b->line >= 0)
            snprintf(line, sizeof line, uk_kit_str(f, UK_STR_ADMIN_LINE), name, b->line);
        else
            snprintf(line, sizeof line, uk_kit_str(f, UK_STR_ADMIN_UNWIRED), name);
        if (b->presses == 0 || b->last_press_ms == 0) {
            snprintf(last, sizeof last, "%s", uk_kit_str(f, UK_STR_ADMIN_NEVER));
        } else {
            uk_kit_duration_text(ago, sizeof ago,
                                 f->now > b->last_press_ms ? f->now - b->last_press_ms : 0);
            snprintf(last, sizeof last, uk_kit_str(f, UK_STR_ADMIN_LAST_PRESS), ago,
                     (int)b->presses);
        }
        float cx = box.x + lamp / 2, cy = y + h / 2;
        uk_scene_capsule(f->scene, cx, cy, cx, cy, lamp / 2,
                         b->down ? UK_PALETTE_READY : UK_PALETTE_TRACK);
        float x = box.x + lamp + m->gap, w = box.w - lamp - m->gap;
        uk_kit_text blocks[2] = {
            {line, m->small, UK_TEXT_BOLD, b->down ? UK_PALETTE_READY : UK_PALETTE_TEXT, 0},
            {b->down ? uk_kit_str(f, UK_STR_ADMIN_PRESSED) : last, m->min_text, 0, UK_PALETTE_DIM,
             0},
        };
        float used = uk_kit_fit_stack(f->env, blocks, 2, w, h, 0, m->min_text);
        uk_kit_place_stack(f->scene, blocks, 2, x, y + (h - used) / 2, w, 0, m->min_text);
    }
}

/* Pages along the top, what the screen can do along the bottom, the page between. */
void uk_admin_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    float y = m->margin, w = m->w - 2 * m->margin;
    static const uk_string_id pages[UK_ADMIN_SCREEN_PAGE_COUNT] = {
        UK_STR_ADMIN_DAYS, UK_STR_ADMIN_ROUTINES, UK_STR_ADMIN_HOURS, UK_STR_ADMIN_HEALTH,
        UK_STR_ADMIN_BUTTONS};
    int columns = m->portrait ? 3 : UK_ADMIN_SCREEN_PAGE_COUNT;
    int tab_rows = (UK_ADMIN_SCREEN_PAGE_COUNT + columns - 1) / columns;
    float tab_w = (w - (float)(columns - 1) * m->gap * 0.5f) / (float)columns;
    const char *tab_labels[UK_ADMIN_SCREEN_PAGE_COUNT];
    for (int i = 0; i < UK_ADMIN_SCREEN_PAGE_COUNT; i++)
        tab_labels[i] = uk_kit_str(f, pages[i]);
    float tab_size =
        uk_kit_row_label_size(f, tab_labels, UK_ADMIN_SCREEN_PAGE_COUNT, tab_w, m->button_h);
    for (int i = 0; i < UK_ADMIN_SCREEN_PAGE_COUNT; i++) {
        uk_rect box = {m->margin + (float)(i % columns) * (tab_w + m->gap * 0.5f),
                       y + (float)(i / columns) * (m->button_h + m->gap * 0.5f), tab_w,
                       m->button_h};
        uk_kit_button_style style = app->focus == i        ? UK_KIT_BUTTON_FOCUSED
                                    : app->admin_page == i ? UK_KIT_BUTTON_SELECTED
                                                           : UK_KIT_BUTTON_PLAIN;
        uk_kit_button_at(f, box, tab_labels[i], tab_size, style, UK_ACTION_SELECT, i);
    }
    float top = y + (float)tab_rows * (m->button_h + m->gap * 0.5f) + m->gap * 0.5f;

    const char *stop =
        uk_kit_str(f, app->stop_armed ? UK_STR_ADMIN_STOP_CONFIRM : UK_STR_ADMIN_STOP);
    const char *labels[4] = {
        uk_kit_str(f, app->muted ? UK_STR_ADMIN_SOUND_OFF : UK_STR_ADMIN_SOUND_ON),
        uk_kit_str(f, UK_STR_ADMIN_RESTART), stop, uk_kit_str(f, UK_STR_ADMIN_CLOSE)};
    int action_columns = m->portrait ? 2 : 4;
    int action_rows = 4 / action_columns;
    float action_w = (w - (float)(action_columns - 1) * m->gap) / (float)action_columns;
    float action_size = uk_kit_row_label_size(f, labels, 4, action_w, m->button_h);
    float actions_y = m->h - m->margin - (float)action_rows * m->button_h -
                      (float)(action_rows - 1) * m->gap * 0.5f;
    for (int i = 0; i < 4; i++) {
        int item = UK_ADMIN_SCREEN_PAGE_COUNT + i;
        uk_rect box = {m->margin + (float)(i % action_columns) * (action_w + m->gap),
                       actions_y + (float)(i / action_columns) * (m->button_h + m->gap * 0.5f),
                       action_w, m->button_h};
        uk_kit_button_style style = app->focus == item ? UK_KIT_BUTTON_FOCUSED
                                    : item == UK_ADMIN_SCREEN_STOP && app->stop_armed
                                        ? UK_KIT_BUTTON_DOCTOR
                                        : UK_KIT_BUTTON_PLAIN;
        uk_kit_button_at(f, box, labels[i], action_size, style, UK_ACTION_SELECT, item);
    }
    uk_rect page = {m->margin, top, w, actions_y - m->gap - top};
    uk_scene_rect(f->scene, page, m->radius, UK_PALETTE_PANEL);
    page = uk_scene_inset(page, m->pad, m->pad * 0.75f);
    if (app->admin_page < 3)
        admin_usage(f, page, app->admin_page);
    else if (app->admin_page == UK_ADMIN_SCREEN_HEALTH)
        admin_health(f, page);
    else
        admin_buttons(f, page);
}
