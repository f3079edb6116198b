/*
 * figure.h: draws the demonstrating figure: a pose (app/model/motion.h)
 * becomes capsules and rects in a scene, props and floor included.
 *
 * It always builds the left-side figure and reflects the finished drawing
 * for the right side, so the two sides are exact mirror images. Pure: no
 * clock, no allocation.
 */
#ifndef UK_APP_VIEW_FIGURE_H
#define UK_APP_VIEW_FIGURE_H

#include <stdbool.h>

#include "app/model/motion.h"
#include "app/view/scene.h"

/* Colours the figure is drawn with: a person in a shirt and trousers, so a limb in front of the
 * body stands out from it. */
typedef struct uk_figure_style {
    uk_color skin;     /* head, neck, arms */
    uk_color shirt;    /* torso */
    uk_color trousers; /* legs */
    uk_color shoes;
    uk_color prop; /* wall, chair, step */
    uk_color floor;
    uk_color outline; /* thin rim around arms seen from the front, so an arm across the body
                         stays visible: the colour behind the figure; alpha 0 means the
                         scene's clear colour */
    float far_shade;  /* limbs on the far side in profile: mixed this much (0..1) towards the
                         outline colour, so they read as behind */
} uk_figure_style;

/*
 * Adds the figure in `pose` to the scene, scaled to stand in `box` (props and
 * floor included), as capsules and rects. When mirror is set the prop is on
 * the other side too (props follow the working side); pass the same mirror
 * flag that uk_motion_sample was given. The scale depends only on the box,
 * view and prop, so a motion never zooms; a pose that would leave the box is
 * shrunk towards the floor until it fits. The head is the largest capsule
 * whose two ends meet. Draws nothing for a box under 2 px. Adds at most 40
 * operations: props first, then the figure back to front, then the floor.
 */
void uk_figure_draw(uk_scene *scene, const uk_pose *pose, uk_motion_view view, uk_motion_prop prop,
                    bool mirror, uk_rect box, const uk_figure_style *style);

#endif
