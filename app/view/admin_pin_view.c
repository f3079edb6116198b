/*
 * admin_pin_view.c: the PIN pad: the digits typed as dots, what went wrong
 * (a wrong PIN, a lockout counting down), and a 3 x 4 pad of keys.
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/core/admin_pin_screen.h"
#include "app/view/palette.h"

/* The PIN pad: the digits as dots, what went wrong, and a 3 x 4 pad of keys. */
void uk_admin_pin_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;
    float top = uk_kit_header(f, uk_kit_str(f, UK_STR_ADMIN_PIN_TITLE), NULL);
    uk_kit_bottom_button back = {uk_kit_str(f, UK_STR_ABOUT_BACK), UK_KIT_BUTTON_PLAIN,
                                 UK_ACTION_BACK, -1};
    float bottom = uk_kit_footer(f, &back, 1);
    float x = m->margin, w = m->w - 2 * m->margin;
    if (!app->cfg.admin_pin_set) {
        uk_kit_text blocks[1] = {
            {uk_kit_str(f, UK_STR_ADMIN_PIN_UNSET), m->body, 0, UK_PALETTE_TEXT, 0}};
        uk_kit_fit_stack(f->env, blocks, 1, w, bottom - top, 0, m->min_text);
        uk_kit_place_stack(f->scene, blocks, 1, x, top, w, 0, m->min_text);
        return;
    }

    /* The pad on the right (landscape) or below (portrait); the words beside it. */
    uk_rect pad, words;
    uk_kit_split(m, top, bottom, m->portrait ? 0.3f : 0.45f, &words, &pad);
    char dots[UK_EFFECT_PIN_MAX * 4 + 1] = "";
    for (int i = 0; i < app->pin_len; i++)
        strcat(dots, "● ");
    char status[128] = "";
    uk_color status_color = UK_PALETTE_ACCENT;
    if (uk_pin_lock_locked(&app->pin_lock, f->now)) {
        snprintf(status, sizeof status, uk_kit_str(f, UK_STR_ADMIN_PIN_LOCKED),
                 (int)((uk_pin_lock_remaining_ms(&app->pin_lock, f->now) + 999) / 1000));
        status_color = UK_PALETTE_DOCTOR;
    } else if (app->pin_wrong) {
        snprintf(status, sizeof status, uk_kit_str(f, UK_STR_ADMIN_PIN_WRONG),
                 (int)uk_pin_lock_tries_left(&app->pin_lock, f->now));
    }
    uk_kit_text blocks[3] = {
        {uk_kit_str(f, UK_STR_ADMIN_PIN_PROMPT), m->body, 0, UK_PALETTE_TEXT, 0},
        {app->pin_len ? dots : " ", m->title, UK_TEXT_BOLD, UK_PALETTE_ACCENT, 0},
        {status[0] ? status : " ", m->body, UK_TEXT_BOLD, status_color, 0},
    };
    uk_kit_fit_stack(f->env, blocks, 3, words.w, words.h, m->gap, m->min_text);
    uk_kit_place_stack(f->scene, blocks, 3, words.x, words.y, words.w, m->gap, m->min_text);

    static const char *const digits[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    float key_w = (pad.w - 2 * m->gap) / 3, key_h = (pad.h - 3 * m->gap * 0.5f) / 4;
    for (int key = 0; key < UK_ADMIN_PIN_SCREEN_KEY_COUNT; key++) {
        const char *label = key < 10 ? digits[key]
                            : key == UK_ADMIN_PIN_SCREEN_DELETE
                                ? uk_kit_str(f, UK_STR_ADMIN_PIN_DELETE)
                                : uk_kit_str(f, UK_STR_ADMIN_PIN_OK);
        uk_rect box = {pad.x + (float)(key % 3) * (key_w + m->gap),
                       pad.y + (float)(key / 3) * (key_h + m->gap * 0.5f), key_w, key_h};
        uk_kit_button(f, box, label, uk_kit_focus_style(f, key), UK_ACTION_SELECT, key);
    }
}
