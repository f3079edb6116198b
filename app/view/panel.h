/*
 * panel.h: the physical button panel, drawn beside the kiosk's screen in
 * desktop emulation (`unknot --show-buttons`).
 *
 * A column of five round buttons, each labelled with its action, lit while
 * its line is pressed (the live level, so real GPIO buttons light it too),
 * and a line at the foot saying where button edges come from. Every button
 * carries a hit region with its action, so a click is resolved the way a
 * tap on the kiosk's own screen is.
 *
 * The panel is a scene of its own, with its own origin: the platform paints
 * it into the part of the window right of the kiosk's frame, which keeps
 * its size. Nothing here keeps state between frames.
 */
#ifndef UK_APP_VIEW_PANEL_H
#define UK_APP_VIEW_PANEL_H

#include "app/core/buttons.h"
#include "app/view/scene.h"

/* Width of the panel beside a kiosk frame `frame_h` px tall. */
int uk_panel_width(int frame_h);

/* Fills `scene` (w x h px) with the panel as `buttons` and `hw` say it is now. */
void uk_panel_build(uk_scene *scene, int w, int h, const uk_buttons *buttons,
                    const uk_button_hw *hw);

#endif
