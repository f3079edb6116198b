/*
 * display.c: SDL video set-up for the three ways the kiosk is shown.
 *
 * Failures follow platform/system/error.h. SDL says what went wrong only
 * in words, so errno gives the kind: ENODEV when no screen, video driver or
 * renderer could be used, ENOMEM for a frame or surface that could not be
 * made, and the file's own errno (else EIO) for a screenshot not saved.
 * Nothing here may draw a frame's content: that is the painter's.
 */
#include "platform/output/display.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/system/error.h"

struct uk_display {
    SDL_Window *window;
    SDL_Renderer *renderer;
    int w, h;              /* the frame in px: the renderer's output, turned by `rotation` */
    float px_per_mm;       /* 0 when the screen does not say */
    bool vsync;            /* present waits for the screen's refresh */
    int rotation;          /* 0, 90, 180 or 270 */
    SDL_Texture *frame;    /* what is drawn into when rotated; NULL at 0 degrees */
    float window_scale[2]; /* output px per window point, x and y (mouse events are in points) */
};

static SDL_Renderer *create_renderer(SDL_Window *window, bool software, bool *vsync)
{
    SDL_Renderer *renderer = NULL;
    if (!software) {
        renderer =
            SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (renderer) {
            *vsync = true;
            return renderer;
        }
        fprintf(stderr, "unknot: no accelerated renderer (%s); using the software renderer\n",
                SDL_GetError());
    }
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    *vsync = false;
    return SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
}

uk_display *uk_display_open(const uk_display_options *options, char *error, size_t error_len)
{
    uk_display *display = calloc(1, sizeof *display);
    if (!display) {
        uk_error_set(error, error_len, ENOMEM, "cannot open the display: out of memory");
        return NULL;
    }
    int err; /* errno for the caller, kept while what was started is undone */
    if (options->headless && !getenv("SDL_VIDEODRIVER"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    /* A finger is a finger: no synthetic mouse events from touches, nor the reverse. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* Signals are platform/system/stop.c's: SDL must not turn them into SDL_QUIT. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (options->lockdown) {
        /* Keys such as Alt+Tab reach the kiosk, not the desktop around it. */
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    }
    display->rotation = options->rotation;
    /* Before the window, not only before the renderer: a window made while the hint is unset
     * may already hold a framebuffer drawn through an emulated OpenGL context, which costs
     * several times the CPU and memory of plain software. (A GPU renderer, when one is asked
     * for and found, does not use the window framebuffer at all.) */
    if (options->software || options->headless)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        err = ENODEV;
        uk_error_set(error, error_len, err,
                     "cannot start video: %s (on a desktop, is DISPLAY or WAYLAND_DISPLAY set? "
                     "without one, use --headless; on a Pi console, is the user in groups video "
                     "and render?)",
                     SDL_GetError());
        goto err_free;
    }
    /*
     * With no screen to be found SDL falls back to drawing off screen, which
     * would leave a kiosk running and invisible. Only --headless (or an
     * explicit SDL_VIDEODRIVER) asks for that.
     */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (!options->headless && driver &&
        (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) &&
        !(asked && strcmp(asked, driver) == 0)) {
        err = ENODEV;
        uk_error_set(error, error_len, err,
                     "no screen found to draw on (SDL tried x11, wayland and KMSDRM, and fell "
                     "back to '%s'): on a desktop, is DISPLAY or WAYLAND_DISPLAY set? On a "
                     "Raspberry Pi without a desktop, is the KMS driver on "
                     "(dtoverlay=vc4-kms-v3d in /boot/firmware/config.txt, /dev/dri/card0 "
                     "present) and the user in groups video and render? To run without a "
                     "screen on purpose, use --headless",
                     driver);
        goto err_quit_sdl;
    }
    if (TTF_Init() != 0) {
        err = EIO;
        uk_error_set(error, error_len, err, "cannot start SDL2_ttf: %s", TTF_GetError());
        goto err_quit_sdl;
    }

    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (options->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    display->window = SDL_CreateWindow("unknot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       options->w, options->h, flags);
    if (!display->window) {
        err = ENODEV;
        uk_error_set(error, error_len, err,
                     "cannot open a %dx%d window on video driver '%s': %s (try a smaller "
                     "--size, or --headless)",
                     options->w, options->h, SDL_GetCurrentVideoDriver(), SDL_GetError());
        goto err_quit_ttf;
    }
    display->renderer =
        create_renderer(display->window, options->software || options->headless, &display->vsync);
    if (!display->renderer) {
        err = ENODEV;
        uk_error_set(error, error_len, err,
                     "cannot create a renderer on video driver '%s': %s (try --software)",
                     SDL_GetCurrentVideoDriver(), SDL_GetError());
        goto err_destroy_window;
    }
    SDL_SetRenderDrawBlendMode(display->renderer, SDL_BLENDMODE_BLEND);
    if (options->fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    if (options->lockdown && !options->headless)
        SDL_SetWindowKeyboardGrab(display->window, SDL_TRUE);

    float ddpi = 0;
    int index = SDL_GetWindowDisplayIndex(display->window);
    if (!options->headless && index >= 0 && SDL_GetDisplayDPI(index, &ddpi, NULL, NULL) == 0)
        display->px_per_mm = ddpi / 25.4f;
    uk_display_update_size(display);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(display->renderer, &info) == 0)
        fprintf(stderr, "unknot: display: %s, %dx%d, renderer %s%s\n", driver, display->w,
                display->h, info.name, display->vsync ? " with vsync" : "");
    if (display->rotation && !display->frame) {
        err = ENOMEM;
        uk_error_set(error, error_len, err,
                     "cannot make a %dx%d frame to rotate by %d degrees: %s (try --software, "
                     "or no rotation)",
                     display->w, display->h, display->rotation, SDL_GetError());
        goto err_destroy_renderer;
    }
    return display;

err_destroy_renderer:
    SDL_DestroyRenderer(display->renderer);
err_destroy_window:
    SDL_DestroyWindow(display->window);
err_quit_ttf:
    TTF_Quit();
err_quit_sdl:
    SDL_Quit();
err_free:
    free(display);
    errno = err;
    return NULL;
}

void uk_display_close(uk_display *display)
{
    if (!display)
        return;
    if (display->frame)
        SDL_DestroyTexture(display->frame);
    SDL_DestroyRenderer(display->renderer);
    SDL_DestroyWindow(display->window);
    TTF_Quit();
    SDL_Quit();
    free(display);
}

bool uk_display_update_size(uk_display *display)
{
    int w = 0, h = 0, window_w = 0, window_h = 0;
    SDL_SetRenderTarget(display->renderer, NULL);
    SDL_GetWindowSize(display->window, &window_w, &window_h);
    if (SDL_GetRendererOutputSize(display->renderer, &w, &h) != 0 || w <= 0 || h <= 0) {
        w = window_w;
        h = window_h;
    }
    display->window_scale[0] = window_w > 0 ? (float)w / (float)window_w : 1;
    display->window_scale[1] = window_h > 0 ? (float)h / (float)window_h : 1;
    if (display->rotation == 90 || display->rotation == 270) {
        int panel_w = w;
        w = h;
        h = panel_w;
    }
    bool changed = w != display->w || h != display->h;
    display->w = w;
    display->h = h;
    if (display->rotation && (changed || !display->frame)) {
        if (display->frame)
            SDL_DestroyTexture(display->frame);
        display->frame = SDL_CreateTexture(display->renderer, SDL_PIXELFORMAT_ARGB8888,
                                           SDL_TEXTUREACCESS_TARGET, w, h);
    }
    if (display->frame)
        SDL_SetRenderTarget(display->renderer, display->frame);
    return changed;
}

void uk_display_present(uk_display *display)
{
    if (!display->frame) {
        SDL_RenderPresent(display->renderer);
        return;
    }
    /* Turn the frame about its centre onto the panel: it then fills it exactly. */
    int panel_w = 0, panel_h = 0;
    SDL_SetRenderTarget(display->renderer, NULL);
    SDL_GetRendererOutputSize(display->renderer, &panel_w, &panel_h);
    SDL_Rect to = {(panel_w - display->w) / 2, (panel_h - display->h) / 2, display->w, display->h};
    SDL_SetRenderDrawColor(display->renderer, 0, 0, 0, 255);
    SDL_RenderClear(display->renderer);
    SDL_RenderCopyEx(display->renderer, display->frame, NULL, &to, display->rotation, NULL,
                     SDL_FLIP_NONE);
    SDL_RenderPresent(display->renderer);
    SDL_SetRenderTarget(display->renderer, display->frame);
}

void uk_display_unrotate(int rotation, float *x, float *y)
{
    float px = *x, py = *y;
    switch (rotation) {
    case 90: /* the frame's top edge runs down the panel's right edge */
        *x = py;
        *y = 1.0f - px;
        break;
    case 180:
        *x = 1.0f - px;
        *y = 1.0f - py;
        break;
    case 270: /* the frame's top edge runs up the panel's left edge */
        *x = 1.0f - py;
        *y = px;
        break;
    default:
        break;
    }
}

bool uk_display_event_point(const uk_display *display, const SDL_Event *event, float *x, float *y)
{
    bool turned = display->rotation == 90 || display->rotation == 270;
    float panel_w = (float)(turned ? display->h : display->w);
    float panel_h = (float)(turned ? display->w : display->h);
    float fx, fy; /* fractions of the panel */
    switch (event->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: /* the middle of the pixel, so a turn maps pixels onto pixels */
        fx = ((float)event->button.x + 0.5f) * display->window_scale[0] / panel_w;
        fy = ((float)event->button.y + 0.5f) * display->window_scale[1] / panel_h;
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        fx = event->tfinger.x;
        fy = event->tfinger.y;
        break;
    default:
        return false;
    }
    uk_display_unrotate(display->rotation, &fx, &fy);
    *x = fx * (float)display->w;
    *y = fy * (float)display->h;
    return true;
}

int uk_display_screenshot(uk_display *display, const char *path, char *error, size_t error_len)
{
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, display->w, display->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface)
        return uk_error_set(error, error_len, ENOMEM, "cannot save screenshot %s: %s", path,
                            SDL_GetError());
    int err = 0;
    if (SDL_RenderReadPixels(display->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, surface->pixels,
                             surface->pitch) != 0) {
        err = EIO;
        uk_error_set(error, error_len, err, "cannot save screenshot %s: read pixels: %s", path,
                     SDL_GetError());
    } else {
        errno = 0; /* the file's own errno, when opening or writing it fails */
        if (IMG_SavePNG(surface, path) != 0) {
            err = errno ? errno : EIO;
            uk_error_set(error, error_len, err,
                         "cannot save screenshot %s: %s (is its folder there and writable?)", path,
                         IMG_GetError());
        }
    }
    SDL_FreeSurface(surface);
    if (err == 0)
        return 0;
    errno = err;
    return -1;
}

int uk_display_width(const uk_display *display)
{
    return display->w;
}

int uk_display_height(const uk_display *display)
{
    return display->h;
}

float uk_display_px_per_mm(const uk_display *display)
{
    return display->px_per_mm;
}

bool uk_display_vsync(const uk_display *display)
{
    return display->vsync;
}

SDL_Renderer *uk_display_renderer(const uk_display *display)
{
    return display->renderer;
}

SDL_Window *uk_display_window(const uk_display *display)
{
    return display->window;
}
