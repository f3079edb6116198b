/*
 * pngcheck.c: checks what a screenshot shows, for the shell tests.
 *
 *   uk-pngcheck FILE [--size WxH] [--in X0,Y0,X1,Y1] [--has RRGGBB:PERMILLE]...
 *               [--colors N] [--like REF[:TOLERANCE[:PERMILLE]]]
 *
 * --size     the image must be exactly W x H
 * --in       the --has checks after it look only at this part of the image,
 *            given as fractions of its width and height (default: all of it)
 * --has      at least PERMILLE thousandths of the pixels looked at are within
 *            12 per channel of RRGGBB (anti-aliased edges are near it)
 * --colors   the image has at least N distinct colours (it is not blank)
 * --like REF[:TOLERANCE[:PERMILLE]]
 *            the image matches the reference image REF: the same size, and at
 *            most PERMILLE thousandths of the pixels (default 2) differ from
 *            it by more than TOLERANCE in any channel (default 40). A failed
 *            comparison writes FILE.diff.png, the differing pixels in red
 *            over a faded copy, to show where.
 * Exit 0 when every check holds, 1 otherwise (saying which failed), 2 on a
 * bad command line or an unreadable file.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int near(Uint8 a, Uint8 b)
{
    return abs((int)a - (int)b) <= 12;
}

static unsigned count_near(SDL_Surface *image, SDL_Rect area, unsigned rgb)
{
    unsigned count = 0;
    Uint8 r = (Uint8)(rgb >> 16), g = (Uint8)(rgb >> 8), b = (Uint8)rgb;
    for (int y = area.y; y < area.y + area.h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)image->pixels + y * image->pitch);
        for (int x = area.x; x < area.x + area.w; x++) {
            Uint8 pr, pg, pb;
            SDL_GetRGB(row[x], image->format, &pr, &pg, &pb);
            count += near(pr, r) && near(pg, g) && near(pb, b);
        }
    }
    return count;
}

static SDL_Surface *load_argb(const char *path)
{
    SDL_Surface *loaded = IMG_Load(path);
    if (!loaded) {
        fprintf(stderr, "uk-pngcheck: %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *image = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    if (!image)
        fprintf(stderr, "uk-pngcheck: %s: cannot convert it to 32-bit ARGB: %s\n", path,
                SDL_GetError());
    return image;
}

static Uint32 *pixel(SDL_Surface *image, int x, int y)
{
    return (Uint32 *)((Uint8 *)image->pixels + y * image->pitch) + x;
}

/* Compares `image` (from `path`) with the reference; 0 if alike, 1 if not, 2 on errors. */
static int compare(SDL_Surface *image, const char *path, const char *spec)
{
    char ref_path[4096];
    int tolerance = 40;
    unsigned permille = 2;
    int n = sscanf(spec, "%4095[^:]:%d:%u", ref_path, &tolerance, &permille);
    if (n < 1)
        return 2;
    SDL_Surface *ref = load_argb(ref_path);
    if (!ref)
        return 2;
    if (ref->w != image->w || ref->h != image->h) {
        printf("%s: %dx%d, but the reference %s is %dx%d\n", path, image->w, image->h, ref_path,
               ref->w, ref->h);
        SDL_FreeSurface(ref);
        return 1;
    }
    unsigned long differ = 0;
    for (int y = 0; y < image->h; y++)
        for (int x = 0; x < image->w; x++) {
            Uint8 r, g, b, rr, rg, rb;
            SDL_GetRGB(*pixel(image, x, y), image->format, &r, &g, &b);
            SDL_GetRGB(*pixel(ref, x, y), ref->format, &rr, &rg, &rb);
            bool same =
                abs(r - rr) <= tolerance && abs(g - rg) <= tolerance && abs(b - rb) <= tolerance;
            differ += !same;
            /* The diff picture, made in place in the reference: red where they differ. */
            *pixel(ref, x, y) = same ? SDL_MapRGB(ref->format, rr / 4, rg / 4, rb / 4)
                                     : SDL_MapRGB(ref->format, 255, 0, 0);
        }
    unsigned long total = (unsigned long)image->w * (unsigned long)image->h;
    unsigned long allowed = total * permille / 1000;
    int rc = differ <= allowed ? 0 : 1;
    printf("%s: %lu of %lu pixels differ from %s by more than %d (allowed %lu)\n", path, differ,
           total, ref_path, tolerance, allowed);
    if (rc != 0) {
        char diff_path[4200];
        snprintf(diff_path, sizeof diff_path, "%s.diff.png", path);
        if (IMG_SavePNG(ref, diff_path) == 0)
            printf("%s: where they differ: %s\n", path, diff_path);
    }
    SDL_FreeSurface(ref);
    return rc;
}

static int compare_u32(const void *a, const void *b)
{
    Uint32 x = *(const Uint32 *)a, y = *(const Uint32 *)b;
    return (x > y) - (x < y);
}

static unsigned distinct_colors(SDL_Surface *image)
{
    size_t n = (size_t)image->w * (size_t)image->h;
    Uint32 *pixels = malloc(n * sizeof *pixels);
    if (!pixels)
        return 0;
    for (int y = 0; y < image->h; y++)
        memcpy(pixels + (size_t)y * (size_t)image->w,
               (const Uint8 *)image->pixels + y * image->pitch, (size_t)image->w * 4);
    qsort(pixels, n, sizeof *pixels, compare_u32);
    unsigned distinct = n ? 1 : 0;
    for (size_t i = 1; i < n; i++)
        distinct += pixels[i] != pixels[i - 1];
    free(pixels);
    return distinct;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: uk-pngcheck FILE [--size WxH] [--in X0,Y0,X1,Y1] "
                        "[--has RRGGBB:PERMILLE]... [--colors N] [--like REF[:TOL[:PERMILLE]]]\n");
        return 2;
    }
    SDL_Surface *image = load_argb(argv[1]);
    if (!image)
        return 2;

    int failed = 0;
    SDL_Rect area = {0, 0, image->w, image->h};
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            int w, h;
            if (sscanf(argv[++i], "%dx%d", &w, &h) != 2)
                return 2;
            if (w != image->w || h != image->h) {
                printf("%s: size %dx%d, expected %dx%d\n", argv[1], image->w, image->h, w, h);
                failed = 1;
            }
        } else if (strcmp(argv[i], "--in") == 0 && i + 1 < argc) {
            float x0, y0, x1, y1;
            if (sscanf(argv[++i], "%f,%f,%f,%f", &x0, &y0, &x1, &y1) != 4 || !(x0 >= 0) ||
                !(y0 >= 0) || !(x1 <= 1) || !(y1 <= 1) || !(x0 < x1) || !(y0 < y1))
                return 2;
            area = (SDL_Rect){(int)(x0 * (float)image->w), (int)(y0 * (float)image->h), 0, 0};
            area.w = (int)(x1 * (float)image->w) - area.x;
            area.h = (int)(y1 * (float)image->h) - area.y;
        } else if (strcmp(argv[i], "--has") == 0 && i + 1 < argc) {
            unsigned rgb, permille;
            if (sscanf(argv[++i], "%6x:%u", &rgb, &permille) != 2)
                return 2;
            unsigned count = count_near(image, area, rgb);
            unsigned total = (unsigned)(area.w * area.h);
            unsigned got = total ? (unsigned)((unsigned long long)count * 1000 / total) : 0;
            printf("%s: #%06x covers %u/1000 of %dx%d at %d,%d (need %u)\n", argv[1], rgb, got,
                   area.w, area.h, area.x, area.y, permille);
            if (got < permille)
                failed = 1;
        } else if (strcmp(argv[i], "--like") == 0 && i + 1 < argc) {
            int rc = compare(image, argv[1], argv[++i]);
            if (rc == 2)
                return 2;
            failed |= rc;
        } else if (strcmp(argv[i], "--colors") == 0 && i + 1 < argc) {
            unsigned need = (unsigned)atoi(argv[++i]);
            unsigned got = distinct_colors(image);
            printf("%s: %u distinct colours (need %u)\n", argv[1], got, need);
            if (got < need)
                failed = 1;
        } else {
            fprintf(stderr, "uk-pngcheck: unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    SDL_FreeSurface(image);
    return failed;
}
