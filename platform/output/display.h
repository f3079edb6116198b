/*
 * display.h: the window, the renderer, and screenshots.
 *
 * Three ways to show the kiosk:
 *   - full screen: the whole display, cursor hidden; on a Pi without a
 *     desktop SDL picks its KMSDRM driver by itself;
 *   - windowed ("desktop emulation"): a window of a kiosk panel's size on
 *     any Linux desktop;
 *   - headless: SDL's offscreen driver and the software renderer, for
 *     tests and screenshots on machines without a display.
 * Rotation (0, 90, 180, 270 degrees clockwise) is for panels mounted on
 * their side or upside down. SDL's KMSDRM driver has no rotation of its own
 * and the Pi's display controller only flips, so the kiosk does it: it
 * draws into a texture of the rotated ("frame") size and presents that
 * turned with SDL_RenderCopyEx, which the GPU does for free. Touches and
 * clicks arrive in the panel's coordinates (fingers as fractions of it,
 * the mouse in window points, which high-density screens scale) and
 * uk_display_event_point turns both into frame pixels, the one place that
 * does. w and h below are always the frame's size.
 *
 * The software renderer is always asked for with framebuffer acceleration
 * off; otherwise SDL routes it through an emulated OpenGL context that costs
 * several times the CPU and memory.
 */
#ifndef UK_PLATFORM_OUTPUT_DISPLAY_H
#define UK_PLATFORM_OUTPUT_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct uk_display_options {
    int w, h;        /* window size for windowed and headless runs */
    bool fullscreen; /* take the whole screen */
    bool headless;   /* offscreen driver, no window on any screen */
    bool software;   /* software renderer even with a GPU */
    int rotation;    /* 0, 90, 180 or 270: the frame turned clockwise on the panel */
    bool lockdown;   /* kiosk mode: grab the keyboard so the desktop's keys do not act */
} uk_display_options;

typedef struct uk_display uk_display;

/*
 * Initialises SDL video and SDL2_ttf and opens the display. Returns NULL on
 * failure, with errno set (ENODEV: no screen or video driver to use) and a
 * sentence in `error` (may be NULL) naming the video driver, SDL's words
 * and what to try. The caller closes the result with uk_display_close.
 */
uk_display *uk_display_open(const uk_display_options *options, char *error, size_t error_len);

/* Closes the display and shuts SDL down. Accepts NULL. */
void uk_display_close(uk_display *display);

/* The frame's width and height in px: the renderer's output, turned by the rotation. */
int uk_display_width(const uk_display *display);
int uk_display_height(const uk_display *display);

/* Pixels per mm of the panel; 0 when the screen does not say. */
float uk_display_px_per_mm(const uk_display *display);

/* True if presenting waits for the screen's refresh. */
bool uk_display_vsync(const uk_display *display);

/* The renderer every frame is drawn with; the display owns it. */
SDL_Renderer *uk_display_renderer(const uk_display *display);

/* The window; the display owns it. */
SDL_Window *uk_display_window(const uk_display *display);

/* Re-reads the output and window sizes after a resize. Returns true if the frame's changed. */
bool uk_display_update_size(uk_display *display);

/*
 * Shows the frame drawn since the last call: turned onto the panel when
 * rotated. Drawing always goes to the frame; call this instead of
 * SDL_RenderPresent.
 */
void uk_display_present(uk_display *display);

/*
 * Turns a point on the panel into the same point of the frame, both as
 * fractions (0..1) of their width and height: the inverse of the rotation
 * the frame is shown with.
 */
void uk_display_unrotate(int rotation, float *x, float *y);

/*
 * Where a click or a touch landed on the frame, in frame px: a mouse
 * button event (window points) or a finger event (fractions of the panel)
 * scaled to the output and turned back by the rotation. Returns false,
 * leaving x and y alone, for any other event.
 */
bool uk_display_event_point(const uk_display *display, const SDL_Event *event, float *x, float *y);

/*
 * Saves what the renderer holds now as a PNG at `path`. Returns 0, or -1
 * with errno set and a sentence naming the file in `error` (may be NULL).
 */
int uk_display_screenshot(uk_display *display, const char *path, char *error, size_t error_len);

#endif
