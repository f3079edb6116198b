/*
 * motions.c: unknot-motions, contact sheets of every motion for a reviewer.
 *
 *   unknot-motions CONTENT_DIR OUT_DIR PAGE
 *
 * loads the content as the kiosk does and, for each motion in motions.json,
 * writes OUT_DIR/<id>.png: the figure at several moments, the left side on
 * the top row and the mirrored right side under it, drawn by the kiosk's own
 * figure code in the kiosk's colours. PAGE (a Markdown file) lists every
 * motion with its picture, what it is (view, prop, keys, how long its loop
 * lasts) and the steps and home-screen previews that use it, with the
 * words each step says (in the first language), so a clinic's reviewer can
 * check each demonstration against the words it goes with.
 *
 * The moments are the motion's own keys, the poses its author chose, with a
 * moment halfway between each two when there is room: those in-between
 * frames are where a limb passing through the body would show. A motion used
 * by a "reps" step is timed as the player times it, its loop stretched to
 * the step's rep_seconds.
 *
 * Drawing needs no display: each cell is painted by the kiosk's painter on
 * a software renderer and copied into the sheet, which SDL2_image saves.
 * Problems in the content are printed as the loader words them, and make the
 * exit status 1 after everything that could be drawn is written.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/view/figure.h"
#include "app/view/scene.h"
#include "app/view/ui.h"
#include "platform/content/content.h"
#include "platform/output/fonts.h"
#include "platform/output/painter.h"

#define CELL_W      220 /* one moment: the figure's panel and its caption */
#define CELL_H      270
#define CAPTION_H   30
#define HEADER_H    56
#define GAP         8
#define MAX_MOMENTS 10
#define PATH_LEN    4096

static const uk_color SHEET_BG = {0x12, 0x1e, 0x27, 0xff};
static const uk_color TEXT = {0xf5, 0xf1, 0xe8, 0xff};
static const uk_color DIM = {0xb9, 0xc6, 0xce, 0xff};

/* Everything painting needs, made once. */
typedef struct painting {
    SDL_Surface *cell;
    SDL_Renderer *cell_renderer;
    uk_painter *cell_painter;
    SDL_Surface *header;
    SDL_Renderer *header_renderer;
    uk_painter *header_painter;
    uk_scene *scene;
} painting;

static void report(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

/* ---- which moments ------------------------------------------------------------------------- */

/* The first step (in the first language) that uses `id`, and its routine; NULL if none. */
static const uk_step *first_use(const uk_catalog *catalog, const char *id,
                                const uk_routine **routine)
{
    const uk_routine *routines = catalog->langs[0].routines;
    for (size_t r = 0; r < catalog->routine_count; r++)
        for (int s = 0; s < routines[r].step_count; s++)
            if (strcmp(routines[r].steps[s].motion, id) == 0) {
                *routine = &routines[r];
                return &routines[r].steps[s];
            }
    return NULL;
}

/* How long one pass of the loop lasts as shown: a repetition's length, or the authored one. */
static uint32_t shown_loop_ms(const uk_motion *motion, const uk_step *step)
{
    if (step != NULL && step->kind == UK_STEP_REPS)
        return step->rep_seconds * 1000u;
    return uk_motion_loop_ms(motion);
}

/*
 * When each key is reached on the first pass, with the loop timed to `loop_ms`, then the
 * moments halfway between them if all fit in MAX_MOMENTS. Returns how many, in time order.
 */
static int moments(const uk_motion *motion, uint32_t loop_ms, uint32_t *out)
{
    uint32_t natural = uk_motion_loop_ms(motion);
    double scale = natural > 0 && loop_ms > 0 ? (double)loop_ms / natural : 1.0;
    uint32_t keys[UK_MOTION_MAX_KEYS];
    int n = 0;
    double t = 0;
    for (int k = 0; k < motion->key_count; k++) {
        t += k > motion->loop_from ? motion->keys[k].ms * scale : motion->keys[k].ms;
        uint32_t at = (uint32_t)(t + 0.5);
        if (n == 0 || at > keys[n - 1])
            keys[n++] = at;
    }
    if (n > MAX_MOMENTS)
        n = MAX_MOMENTS;
    bool halves = 2 * n - 1 <= MAX_MOMENTS;
    int count = 0;
    for (int k = 0; k < n; k++) {
        if (halves && k > 0)
            out[count++] = (keys[k - 1] + keys[k]) / 2;
        else if (halves && k == 0 && keys[0] > 0)
            out[count++] = keys[0] / 2;
        if (count < MAX_MOMENTS)
            out[count++] = keys[k];
    }
    return count < MAX_MOMENTS ? count : MAX_MOMENTS;
}

/* ---- painting -------------------------------------------------------------------------------- */

static void painting_close(painting *p)
{
    uk_painter_free(p->cell_painter);
    uk_painter_free(p->header_painter);
    if (p->cell_renderer)
        SDL_DestroyRenderer(p->cell_renderer);
    if (p->header_renderer)
        SDL_DestroyRenderer(p->header_renderer);
    SDL_FreeSurface(p->cell);
    SDL_FreeSurface(p->header);
    free(p->scene);
    memset(p, 0, sizeof *p);
}

/* A surface, a software renderer on it and a painter; 0, or -1 with a message. */
static int open_canvas(int w, int h, const char *regular, const char *bold, SDL_Surface **surface,
                       SDL_Renderer **renderer, uk_painter **painter)
{
    char error[512];
    *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (*surface == NULL) {
        fprintf(stderr, "unknot-motions: cannot make a %dx%d picture: %s\n", w, h, SDL_GetError());
        return -1;
    }
    *renderer = SDL_CreateSoftwareRenderer(*surface);
    if (*renderer == NULL) {
        fprintf(stderr, "unknot-motions: cannot draw in software: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetRenderDrawBlendMode(*renderer, SDL_BLENDMODE_BLEND);
    *painter = uk_painter_new(*renderer, regular, bold, error, sizeof error);
    if (*painter == NULL) {
        fprintf(stderr, "unknot-motions: %s\n", error);
        return -1;
    }
    return 0;
}

static int painting_open(painting *p, int sheet_w)
{
    char regular[PATH_LEN], bold[PATH_LEN], error[512];
    memset(p, 0, sizeof *p);
    if (uk_fonts_find(NULL, regular, bold, sizeof regular, error, sizeof error) != 0) {
        fprintf(stderr, "unknot-motions: %s\n", error);
        return -1;
    }
    p->scene = malloc(sizeof *p->scene);
    if (p->scene == NULL) {
        fprintf(stderr, "unknot-motions: out of memory\n");
        return -1;
    }
    if (open_canvas(CELL_W, CELL_H, regular, bold, &p->cell, &p->cell_renderer, &p->cell_painter) !=
            0 ||
        open_canvas(sheet_w, HEADER_H, regular, bold, &p->header, &p->header_renderer,
                    &p->header_painter) != 0) {
        painting_close(p);
        return -1;
    }
    return 0;
}

/* Paints the scene and copies the result into `sheet` at (x, y). */
static void paint_into(uk_painter *painter, SDL_Renderer *renderer, SDL_Surface *canvas,
                       const uk_scene *scene, SDL_Surface *sheet, int x, int y)
{
    uk_painter_stats stats;
    uk_painter_draw(painter, scene, &stats);
    SDL_RenderFlush(renderer);
    SDL_Rect at = {x, y, canvas->w, canvas->h};
    SDL_BlitSurface(canvas, NULL, sheet, &at);
}

/* One moment: the figure in its panel, and what it shows under it. */
static void paint_cell(painting *p, const uk_motion *motion, uint32_t t, uint32_t loop_ms,
                       bool mirror, SDL_Surface *sheet, int x, int y)
{
    const uk_figure_style *style = uk_ui_figure_style();
    uk_scene *scene = p->scene;
    uk_scene_reset(scene, CELL_W, CELL_H, SHEET_BG);
    uk_rect panel = {0, 0, CELL_W, CELL_H - CAPTION_H};
    uk_scene_rect(scene, panel, 8, style->outline);
    uk_pose pose;
    uk_motion_sample(motion, t, loop_ms, mirror, &pose);
    uk_figure_draw(scene, &pose, motion->view, motion->prop, mirror,
                   (uk_rect){6, 6, panel.w - 12, panel.h - 12}, style);
    uk_scene_text(scene, (uk_rect){0, panel.h, CELL_W, CAPTION_H}, 18, 14,
                  UK_TEXT_CENTER | UK_TEXT_MIDDLE, DIM, "%s, %.1f s", mirror ? "right" : "left",
                  t / 1000.0);
    paint_into(p->cell_painter, p->cell_renderer, p->cell, scene, sheet, x, y);
}

static int write_sheet(painting *p, const uk_catalog *catalog, const uk_motion *motion,
                       const char *out_dir)
{
    const uk_routine *routine = NULL;
    const uk_step *step = first_use(catalog, motion->id, &routine);
    uint32_t loop_ms = shown_loop_ms(motion, step);
    uint32_t times[MAX_MOMENTS];
    int count = moments(motion, step && step->kind == UK_STEP_REPS ? loop_ms : 0, times);

    int w = GAP + count * (CELL_W + GAP);
    int h = HEADER_H + 2 * (CELL_H + GAP);
    SDL_Surface *sheet = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (sheet == NULL) {
        fprintf(stderr, "unknot-motions: cannot make a %dx%d picture: %s\n", w, h, SDL_GetError());
        return -1;
    }
    SDL_FillRect(sheet, NULL, SDL_MapRGB(sheet->format, SHEET_BG.r, SHEET_BG.g, SHEET_BG.b));

    uk_scene *scene = p->scene;
    uk_scene_reset(scene, p->header->w, HEADER_H, SHEET_BG);
    uk_scene_text(scene, (uk_rect){GAP * 2, 0, (float)p->header->w - GAP * 4, HEADER_H}, 26, 14,
                  UK_TEXT_MIDDLE | UK_TEXT_BOLD, TEXT, "%s   %s view%s%s, loop %.1f s", motion->id,
                  uk_motion_view_name(motion->view), motion->prop ? ", " : "",
                  motion->prop ? uk_motion_prop_name(motion->prop) : "", loop_ms / 1000.0);
    paint_into(p->header_painter, p->header_renderer, p->header, scene, sheet, 0, 0);

    for (int row = 0; row < 2; row++)
        for (int i = 0; i < count; i++)
            paint_cell(p, motion, times[i], step && step->kind == UK_STEP_REPS ? loop_ms : 0,
                       row == 1, sheet, GAP + i * (CELL_W + GAP), HEADER_H + row * (CELL_H + GAP));

    char path[PATH_LEN];
    snprintf(path, sizeof path, "%s/%s.png", out_dir, motion->id);
    int rc = 0;
    if (IMG_SavePNG(sheet, path) != 0) {
        fprintf(stderr, "unknot-motions: cannot write %s: %s\n", path, IMG_GetError());
        rc = -1;
    }
    SDL_FreeSurface(sheet);
    return rc;
}

/* ---- the page -------------------------------------------------------------------------------- */

static void describe_step(FILE *out, const uk_step *step)
{
    const char *side = step->side == UK_SIDE_ALTERNATE ? ", each side"
                       : step->side == UK_SIDE_LEFT    ? ", left side"
                       : step->side == UK_SIDE_RIGHT   ? ", right side"
                                                       : "";
    if (step->kind == UK_STEP_REPS)
        fprintf(out, "%s: %u x %u s%s", uk_routine_step_kind_name(step->kind), step->reps,
                step->rep_seconds, side);
    else
        fprintf(out, "%s: %u s%s", uk_routine_step_kind_name(step->kind), step->seconds, side);
}

static int write_page(const uk_catalog *catalog, const char *out_dir, const char *page_path)
{
    FILE *out = fopen(page_path, "w");
    if (out == NULL) {
        fprintf(stderr, "unknot-motions: cannot write %s: %s\n", page_path, strerror(errno));
        return -1;
    }
    const char *slash = strrchr(out_dir, '/');
    const char *rel = slash ? slash + 1 : out_dir;
    const uk_routine *routines = catalog->langs[0].routines;
    fprintf(out, "# Motions\n\n"
                 "Every motion the figure can show, at several moments: the left side on the top\n"
                 "row and the mirrored right side under it, as the kiosk draws them. Made by\n"
                 "`./tools/dev motions` from assets/motions.json; do not edit by hand.\n"
                 "A motion is authored for the left side; the right side is never authored.\n");
    for (size_t m = 0; m < catalog->motion_count; m++) {
        const uk_motion *motion = &catalog->motions[m];
        fprintf(out, "\n## %s\n\n", motion->id);
        fprintf(out, "%s view, %s; %u key%s, repeating from key %u.\n\n",
                motion->view == UK_MOTION_VIEW_SIDE ? "Side" : "Front",
                motion->prop ? uk_motion_prop_name(motion->prop) : "no prop", motion->key_count,
                motion->key_count == 1 ? "" : "s", motion->loop_from);
        bool used = false;
        for (size_t r = 0; r < catalog->routine_count; r++) {
            const uk_routine *routine = &routines[r];
            for (int s = 0; s < routine->step_count; s++) {
                const uk_step *step = &routine->steps[s];
                if (strcmp(step->motion, motion->id) != 0)
                    continue;
                fprintf(out, "- %s, step %d: **%s** (", routine->title, s + 1, step->title);
                describe_step(out, step);
                fprintf(out, "): %s\n", step->instruction);
                used = true;
            }
            if (routine->motion != NULL && strcmp(routine->motion, motion->id) == 0) {
                fprintf(out, "- %s: its picture on the home screen\n", routine->title);
                used = true;
            }
        }
        if (!used)
            fprintf(out, "- not used by any routine\n");
        fprintf(out, "\n![%s](%s/%s.png)\n", motion->id, rel, motion->id);
    }
    if (fclose(out) != 0) {
        fprintf(stderr, "unknot-motions: cannot write %s: %s\n", page_path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- main ------------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "Usage: unknot-motions CONTENT_DIR OUT_DIR PAGE\n"
                        "Draws every motion of CONTENT_DIR/motions.json to OUT_DIR/<id>.png and\n"
                        "lists them, with the steps that use them, in the Markdown file PAGE.\n");
        return 2;
    }
    const char *content_dir = argv[1], *out_dir = argv[2], *page = argv[3];
    int status = 1;
    uk_content *content = uk_content_load(content_dir, report, NULL);
    if (content == NULL) {
        fprintf(stderr, "unknot-motions: out of memory loading %s\n", content_dir);
        return 1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "unknot-motions: cannot start SDL2_ttf: %s\n", TTF_GetError());
        goto err_free_content;
    }
    painting p;
    if (painting_open(&p, GAP + MAX_MOMENTS * (CELL_W + GAP)) != 0)
        goto err_quit_ttf;

    const uk_catalog *catalog = uk_content_catalog(content);
    int failures = 0;
    for (size_t m = 0; m < catalog->motion_count; m++)
        failures += write_sheet(&p, catalog, &catalog->motions[m], out_dir) != 0;
    failures += write_page(catalog, out_dir, page) != 0;
    printf("%zu motions drawn in %s, listed in %s\n", catalog->motion_count, out_dir, page);
    status = failures == 0 && uk_content_problems(content) == 0 ? 0 : 1;

    painting_close(&p);
err_quit_ttf:
    TTF_Quit();
    SDL_Quit();
err_free_content:
    uk_content_free(content);
    return status;
}
