/*
 * panel.c: layout of the emulated button panel.
 *
 * Sizes come from the panel's height, like the kiosk's screens come from
 * their short side. The buttons wear the colours arcade buttons come in, so
 * a demo shows which is which at a glance: grey arrows, green select, amber
 * back, and help in the red the kiosk uses for the doctor. Lit, a button
 * turns bright and grows a ring; the label says the action in words, so
 * colour is never the only cue.
 */
#include "app/view/panel.h"

#include <math.h>
#include <stdio.h>

static const uk_color PANEL_BG = {0x24, 0x27, 0x2b, 0xff};
static const uk_color PANEL_TEXT = {0xe8, 0xe6, 0xe1, 0xff};
static const uk_color PANEL_DIM = {0x9a, 0xa0, 0xa6, 0xff};
static const uk_color PANEL_BEZEL = {0x12, 0x14, 0x16, 0xff};
static const uk_color PANEL_GLOW = {0xff, 0xf3, 0xc4, 0xff};

static const struct {
    uk_action action;
    const char *label;
    uk_color idle, lit;
} panel_buttons[] = {
    {UK_ACTION_UP, "Up", {0x5d, 0x66, 0x70, 0xff}, {0xc9, 0xd3, 0xdc, 0xff}},
    {UK_ACTION_DOWN, "Down", {0x5d, 0x66, 0x70, 0xff}, {0xc9, 0xd3, 0xdc, 0xff}},
    {UK_ACTION_SELECT, "Select", {0x2e, 0x7d, 0x4f, 0xff}, {0x6c, 0xe0, 0x9a, 0xff}},
    {UK_ACTION_BACK, "Back", {0x9c, 0x6a, 0x12, 0xff}, {0xf7, 0xc2, 0x4a, 0xff}},
    {UK_ACTION_HELP, "Help", {0x8a, 0x27, 0x1e, 0xff}, {0xf0, 0x5a, 0x4a, 0xff}},
};

#define PANEL_BUTTONS (sizeof panel_buttons / sizeof panel_buttons[0])

int uk_panel_width(int frame_h)
{
    return (int)lroundf((float)frame_h * 0.3f);
}

/* The foot line: where the edges come from. */
static void footer(uk_scene *scene, uk_rect box, float size, const uk_button_hw *hw)
{
    uk_color ink = hw->state == UK_BUTTON_HW_OK ? PANEL_TEXT : PANEL_DIM;
    if (hw->state == UK_BUTTON_HW_OK)
        uk_scene_text(scene, box, size, size * 0.8f, UK_TEXT_CENTER | UK_TEXT_MIDDLE, ink,
                      "GPIO %s", hw->chip);
    else
        uk_scene_text(scene, box, size, size * 0.8f, UK_TEXT_CENTER | UK_TEXT_MIDDLE, ink,
                      "GPIO: %s", uk_buttons_hw_state_name(hw->state));
}

void uk_panel_build(uk_scene *scene, int w, int h, const uk_buttons *buttons,
                    const uk_button_hw *hw)
{
    uk_scene_reset(scene, w, h, PANEL_BG);
    float fw = (float)w, fh = (float)h;
    float margin = roundf(fh * 0.025f);
    float label = roundf(fh * 0.04f);
    float foot_h = roundf(label * 1.6f);
    float slot = floorf((fh - 2 * margin - foot_h) / (float)PANEL_BUTTONS);
    float radius = fminf(slot * 0.3f, fw * 0.3f);
    float label_h = ceilf(label * 1.3f);

    /* Painted over the kiosk's frame, not cleared: the background is an operation. */
    uk_scene_rect(scene, (uk_rect){0, 0, fw, fh}, 0, PANEL_BG);
    /* A bezel down the left edge, where the panel meets the screen. */
    uk_scene_rect(scene, (uk_rect){0, 0, roundf(fh * 0.008f) + 1, fh}, 0, PANEL_BEZEL);

    for (size_t i = 0; i < PANEL_BUTTONS; i++) {
        uk_rect box = {margin, margin + slot * (float)i, fw - 2 * margin, slot};
        float cx = fw * 0.5f;
        float cy = box.y + (slot - label_h) * 0.5f;
        const uk_button_line *line = uk_buttons_line(buttons, panel_buttons[i].action);
        bool lit = line && (line->raw || line->down);

        if (lit)
            uk_scene_ring(scene, cx, cy, radius + radius * 0.18f, radius * 0.16f, 0, 1, PANEL_GLOW);
        uk_scene_capsule(scene, cx, cy, cx, cy, radius + radius * 0.08f, PANEL_BEZEL);
        uk_scene_capsule(scene, cx, cy, cx, cy, radius,
                         lit ? panel_buttons[i].lit : panel_buttons[i].idle);
        uk_scene_text(scene, (uk_rect){box.x, box.y + box.h - label_h, box.w, label_h}, label,
                      label * 0.8f, UK_TEXT_CENTER | UK_TEXT_MIDDLE | (lit ? UK_TEXT_BOLD : 0u),
                      lit ? PANEL_TEXT : PANEL_DIM, "%s", panel_buttons[i].label);
        uk_scene_hit(scene, box, panel_buttons[i].action, -1);
    }
    footer(scene, (uk_rect){margin, fh - margin - foot_h, fw - 2 * margin, foot_h}, label * 0.8f,
           hw);
}
