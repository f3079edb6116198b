/*
 * palette.h: the colours of every screen, and of the figure. Data only.
 *
 * Chosen for a dim waiting room: light text on a dark blue ground
 * (contrast above 12:1), amber for the highlight, and a strong red only for
 * the doctor. Time running uses the Okabe-Ito colours that people with
 * colour-blindness tell apart (orange to get ready, sky blue while a step
 * runs, purple to rest), and never colour alone: the ring also shows its
 * number and a word.
 */
#ifndef UK_APP_VIEW_PALETTE_H
#define UK_APP_VIEW_PALETTE_H

#include "app/view/figure.h"
#include "app/view/scene.h"

static const uk_color UK_PALETTE_BG = {0x12, 0x1e, 0x27, 0xff};
static const uk_color UK_PALETTE_PANEL = {0x1d, 0x2e, 0x3a, 0xff};
static const uk_color UK_PALETTE_TEXT = {0xf5, 0xf1, 0xe8, 0xff};
static const uk_color UK_PALETTE_DIM = {0xb9, 0xc6, 0xce, 0xff};
static const uk_color UK_PALETTE_DARK_TEXT = {0x12, 0x1e, 0x27, 0xff};
static const uk_color UK_PALETTE_ACCENT = {0xf2, 0xb1, 0x34, 0xff};
static const uk_color UK_PALETTE_BUTTON = {0x2f, 0x4b, 0x5c, 0xff};
static const uk_color UK_PALETTE_DOCTOR = {0xb3, 0x32, 0x26, 0xff};
static const uk_color UK_PALETTE_READY = {0xe6, 0x9f, 0x00, 0xff};   /* Okabe-Ito orange */
static const uk_color UK_PALETTE_RUNNING = {0x56, 0xb4, 0xe9, 0xff}; /* Okabe-Ito sky blue */
static const uk_color UK_PALETTE_REST = {0xcc, 0x79, 0xa7, 0xff};    /* Okabe-Ito reddish purple */
static const uk_color UK_PALETTE_HEAT = {0xe8, 0x6a, 0x33, 0xff};
static const uk_color UK_PALETTE_COLD = {0x56, 0xb4, 0xe9, 0xff};
static const uk_color UK_PALETTE_TRACK = {0x2e, 0x42, 0x4f, 0xff};
static const uk_color UK_PALETTE_SHADE = {0x08, 0x10, 0x16, 0xd8};
static const uk_color UK_PALETTE_VEIL = {0x12, 0x1e, 0x27, 0xb0};

static const uk_figure_style UK_PALETTE_FIGURE = {
    .skin = {0xf0, 0xd9, 0xc0, 0xff},
    .shirt = {0x3f, 0xa5, 0x8c, 0xff},
    .trousers = {0x8a, 0x9a, 0xb2, 0xff},
    .shoes = {0xe4, 0xe7, 0xeb, 0xff},
    .prop = {0x5a, 0x72, 0x80, 0xff},
    .floor = {0x3a, 0x50, 0x5e, 0xff},
    .outline = {0x1d, 0x2e, 0x3a, 0xff},
    .far_shade = 0.4f,
};

#endif
