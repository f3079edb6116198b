/*
 * doctor_view.c: when to see a doctor: a red band that cannot be mistaken
 * for another screen, the warning signs, and, during a session, "I have one
 * of these".
 */
#include "app/view/kit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/core/doctor_screen.h"
#include "app/view/palette.h"

void uk_doctor_view_build(const uk_kit_frame *f)
{
    const uk_kit_metrics *m = &f->m;
    const uk_app *app = f->app;

    /* A red band with the title: this screen must not be mistaken for another. */
    const char *title = uk_kit_str(f, UK_STR_DOCTOR_TITLE);
    float band_h = uk_kit_text_size(f, title, m->title, UK_TEXT_BOLD, m->w - 2 * m->margin).h;
    float band_pad = roundf(m->margin * 0.6f);
    uk_scene_rect(f->scene, (uk_rect){0, 0, m->w, band_h + 2 * band_pad}, 0, UK_PALETTE_DOCTOR);
    uk_scene_text(f->scene, (uk_rect){m->margin, band_pad, m->w - 2 * m->margin, band_h}, m->title,
                  m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, UK_PALETTE_TEXT, "%s", title);
    float top = band_h + 2 * band_pad + m->gap;

    uk_kit_bottom_button buttons[2];
    int count = 0;
    if (app->in_session) {
        buttons[count++] = (uk_kit_bottom_button){uk_kit_str(f, UK_STR_DOCTOR_RESUME),
                                                  uk_kit_focus_style(f, UK_DOCTOR_SCREEN_BACK),
                                                  UK_ACTION_SELECT, UK_DOCTOR_SCREEN_BACK};
        buttons[count++] = (uk_kit_bottom_button){
            uk_kit_str(f, UK_STR_DOCTOR_HAVE_ONE),
            app->focus == UK_DOCTOR_SCREEN_HAVE_ONE ? UK_KIT_BUTTON_FOCUSED : UK_KIT_BUTTON_DOCTOR,
            UK_ACTION_SELECT, UK_DOCTOR_SCREEN_HAVE_ONE};
    } else {
        buttons[count++] =
            (uk_kit_bottom_button){uk_kit_str(f, UK_STR_DOCTOR_BACK), UK_KIT_BUTTON_FOCUSED,
                                   UK_ACTION_SELECT, UK_DOCTOR_SCREEN_BACK};
    }
    float bottom = uk_kit_footer(f, buttons, count);
    float x = m->margin, w = m->w - 2 * m->margin;

    /* Once the person has said they have a sign, what to do now comes first, in place of
     * the introduction and the note. */
    const char *note = NULL;
    if (app->doctor_reported) {
        const char *stopped = uk_kit_str(f, UK_STR_DOCTOR_STOPPED);
        float h = uk_kit_text_size(f, stopped, m->body, UK_TEXT_BOLD, w - 2 * m->pad).h + m->pad;
        uk_scene_rect(f->scene, (uk_rect){x, top, w, h}, m->radius, UK_PALETTE_ACCENT);
        uk_scene_text(f->scene, uk_scene_inset((uk_rect){x, top, w, h}, m->pad, m->pad * 0.5f),
                      m->body, m->min_text, UK_TEXT_BOLD | UK_TEXT_MIDDLE, UK_PALETTE_DARK_TEXT,
                      "%s", stopped);
        top += h + m->gap;
    } else {
        uk_rect intro = uk_kit_text_at(f, x, top, w, m->body, UK_TEXT_BOLD, UK_PALETTE_TEXT,
                                       uk_kit_str(f, UK_STR_DOCTOR_INTRO));
        top += intro.h + roundf(m->gap * 0.5f);
        note = uk_kit_str(f, UK_STR_DOCTOR_INFECTION);
    }

    static const uk_string_id flags[] = {UK_STR_DOCTOR_FLAG_PAIN, UK_STR_DOCTOR_FLAG_SLEEP,
                                         UK_STR_DOCTOR_FLAG_RED, UK_STR_DOCTOR_FLAG_HOT,
                                         UK_STR_DOCTOR_FLAG_DRAINAGE};
    enum {
        FLAG_COUNT = sizeof flags / sizeof flags[0]
    };
    float note_h = 0;
    if (note) {
        note_h = uk_kit_text_size(f, note, m->small, 0, w).h;
        uk_scene_text(f->scene, (uk_rect){x, bottom - note_h, w, note_h}, m->small, m->min_text, 0,
                      UK_PALETTE_DIM, "%s", note);
    }

    /* The signs in one column (portrait) or two, read down the first column and then the
     * second, all at one size: the largest at which every row fits. */
    int columns = m->portrait ? 1 : 2;
    int rows = (FLAG_COUNT + columns - 1) / columns;
    float col_w = (w - (float)(columns - 1) * m->gap) / (float)columns;
    float dot = roundf(m->body * 0.3f);
    float text_w = col_w - dot * 3;
    float avail = bottom - note_h - m->gap * 0.5f - top;
    float row_gap = roundf(m->gap * 0.5f);
    float size = m->body, row_h[FLAG_COUNT];
    for (;;) {
        float total = 0;
        for (int row = 0; row < rows; row++) {
            row_h[row] = 0;
            for (int col = 0; col < columns && col * rows + row < FLAG_COUNT; col++) {
                const char *flag = uk_kit_str(f, flags[col * rows + row]);
                row_h[row] = fmaxf(row_h[row], uk_kit_text_size(f, flag, size, 0, text_w).h);
            }
            total += row_h[row] + (row ? row_gap : 0);
        }
        if (total <= avail + 0.5f || size <= m->min_text)
            break;
        size = uk_kit_smaller(size, m->min_text);
    }
    float y = top;
    for (int row = 0; row < rows; row++) {
        for (int col = 0; col < columns && col * rows + row < FLAG_COUNT; col++) {
            float bx = x + (float)col * (col_w + m->gap);
            float cy = y + roundf(size * 0.6f);
            uk_scene_capsule(f->scene, bx + dot, cy, bx + dot, cy, dot / 2, UK_PALETTE_DOCTOR);
            uk_scene_text(f->scene, (uk_rect){bx + dot * 3, y, text_w, row_h[row]}, size,
                          m->min_text, 0, UK_PALETTE_TEXT, "%s",
                          uk_kit_str(f, flags[col * rows + row]));
        }
        y += row_h[row] + row_gap;
    }
}
