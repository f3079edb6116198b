/*
 * kiosk.h: the running kiosk: the core, its screens, the display and the
 * usage store, tied together by one loop.
 *
 * Two loops share everything but the clock:
 *   - uk_kiosk_run: real time. It blocks in SDL_WaitEventTimeout until the
 *     next input or the next deadline the core reports, draws when something
 *     changed, and only runs at the display's frame rate while the figure
 *     moves. An idle kiosk sleeps.
 *   - uk_kiosk_run_script: a virtual clock driven by a script; a twenty
 *     minute routine runs in milliseconds, and frames are drawn only for
 *     screenshots and to keep a visible window current.
 *
 * Every finished session is written to the store as soon as the core
 * reports it. A store that fails is reported on stderr and the kiosk goes on.
 *
 * Ownership: the kiosk borrows everything it is given; the caller closes
 * those after uk_kiosk_free.
 */
#ifndef UK_PLATFORM_KIOSK_H
#define UK_PLATFORM_KIOSK_H

#include "app/app.h"
#include "platform/button_input.h"
#include "platform/content.h"
#include "platform/display.h"
#include "platform/paint.h"
#include "platform/script.h"
#include "platform/store.h"

typedef struct uk_kiosk uk_kiosk;

/* `store` may be NULL: the kiosk then runs without recording usage. */
uk_kiosk *uk_kiosk_new(const uk_app_config *cfg, const uk_content *content, uk_store *store,
                       uk_display *display, uk_painter *painter);

/* Frees the kiosk. Accepts NULL. */
void uk_kiosk_free(uk_kiosk *kiosk);

/*
 * Physical buttons (GPIO, the emulated panel, a script's `button` lines),
 * borrowed like the rest. Without them only touch and keys work.
 */
void uk_kiosk_set_buttons(uk_kiosk *kiosk, uk_button_input *buttons);

/* Runs in real time until the window is closed or the process is asked to stop. */
void uk_kiosk_run(uk_kiosk *kiosk);

/*
 * Runs `script` on a virtual clock; screenshots go to `shots_dir`. Returns 0
 * when every command succeeded, 3 when an `expect` failed, 1 on another
 * error (each with a message on stderr naming the script line).
 */
int uk_kiosk_run_script(uk_kiosk *kiosk, const uk_script *script, const char *shots_dir);

/* Ends a session still under way (as stopped) and stores it. Call before freeing. */
void uk_kiosk_finish(uk_kiosk *kiosk);

#endif
