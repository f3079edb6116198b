/*
 * kiosk_script.c: the kiosk on a script's virtual clock.
 *
 * The same core, screens and painter as the real loop, with time that
 * passes only when the script says: `wait 300` visits every deadline on
 * the way and takes no real time, so a twenty-minute routine runs in
 * milliseconds. Presses, taps, button edges and keys take the real loop's
 * roads (uk_input records into the core; a key as an SDL event through the
 * loop's own handling). Every command ends with a frame drawn and
 * presented, headless too: a visible window follows the script, and the
 * benchmark's frame watch sees one frame per command.
 */
#include "platform/loop/kiosk_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "platform/input/touch.h"

static int64_t wall_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Lets `ms` of virtual time pass, visiting every deadline on the way. */
static void pass_time(uk_kiosk *kiosk, uint64_t *now, uint64_t ms)
{
    uint64_t target = *now + ms;
    bool changed = false;
    for (;;) {
        uint64_t deadline = uk_kiosk_tick(kiosk, *now, &changed);
        if (deadline > target)
            break;
        *now = deadline > *now ? deadline : *now + 1;
    }
    *now = target;
    uk_kiosk_tick(kiosk, *now, &changed);
}

/* Pushes a synthetic event through SDL's queue and the loop's own handling. */
static bool push_event(uk_kiosk *kiosk, SDL_Event *event, uint64_t now)
{
    bool running = true;
    SDL_PushEvent(event);
    SDL_Event got;
    while (SDL_PollEvent(&got))
        running &= uk_kiosk_handle_event(kiosk, &got, now);
    return running;
}

static void sleep_ms(uint64_t ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

int uk_kiosk_run_script(uk_kiosk *kiosk, const uk_script *script, const char *shots_dir)
{
    kiosk->wall_ms_at_zero = wall_now_ms();
    uint64_t now = 0;
    uint64_t real_start = SDL_GetTicks64();
    char error[512];

    for (size_t i = 0; i < uk_script_count(script) && !uk_kiosk_must_end(kiosk); i++) {
        const uk_script_command *cmd = uk_script_command_at(script, i);
        kiosk->woke_ns = uk_edge_queue_clock_ns();
        bool running = true;
        SDL_Event event = {0};
        uk_input input;
        SDL_PumpEvents();
        switch (cmd->verb) {
        case UK_SCRIPT_WAIT:
            if (cmd->wait_ms >= UK_KIOSK_LONG_SLEEP_MS) /* as the real loop before a long sleep */
                uk_kiosk_give_back_memory(kiosk);
            pass_time(kiosk, &now, cmd->wait_ms);
            break;
        case UK_SCRIPT_PRESS:
            input = (uk_input){
                .type = UK_INPUT_PRESS, .kind = cmd->kind, .at_ms = now, .action = cmd->action};
            uk_kiosk_feed(kiosk, &input, 1);
            break;
        case UK_SCRIPT_BUTTON:
            if (kiosk->buttons)
                uk_button_input_edge(kiosk->buttons, cmd->action, cmd->pressed, now);
            break;
        case UK_SCRIPT_TAP:
            uk_kiosk_draw(kiosk, now);
            if (!uk_touch_tap(&kiosk->scene, cmd->x * (float)uk_kiosk_frame_width(kiosk),
                              cmd->y * (float)uk_display_height(kiosk->display), cmd->kind, now,
                              &input) &&
                !uk_app_asleep(&kiosk->app)) /* a dark screen has nothing to hit */
                fprintf(stderr, "%s:%d: note: the tap at %.2f %.2f hit no button\n",
                        uk_script_path(script), cmd->line, (double)cmd->x, (double)cmd->y);
            uk_kiosk_feed(kiosk, &input, 1);
            break;
        case UK_SCRIPT_SHOT: {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", shots_dir, cmd->arg);
            uk_kiosk_draw(kiosk, now);
            if (uk_display_screenshot(kiosk->display, path, error, sizeof error) != 0) {
                fprintf(stderr, "%s:%d: %s\n", uk_script_path(script), cmd->line, error);
                return 1;
            }
            break;
        }
        case UK_SCRIPT_EXPECT_SCREEN: {
            const char *showing = uk_app_asleep(&kiosk->app)
                                      ? UK_SCRIPT_ASLEEP
                                      : uk_screen_name(uk_app_screen(&kiosk->app));
            if (strcmp(showing, cmd->arg) != 0) {
                fprintf(stderr, "%s:%d: expected screen '%s', but '%s' is showing\n",
                        uk_script_path(script), cmd->line, cmd->arg, showing);
                return 3;
            }
            break;
        }
        case UK_SCRIPT_KEY:
            event.type = SDL_KEYDOWN;
            event.key.state = SDL_PRESSED;
            event.key.keysym.sym = cmd->key;
            event.key.keysym.scancode = SDL_GetScancodeFromKey(cmd->key);
            event.key.keysym.mod = (Uint16)cmd->key_mod;
            running = push_event(kiosk, &event, now);
            break;
        case UK_SCRIPT_EVENT_QUIT:
            event.type = SDL_QUIT;
            running = push_event(kiosk, &event, now);
            break;
        case UK_SCRIPT_HOURS:
            kiosk->scripted_hours = true;
            uk_app_set_open(&kiosk->app, cmd->open != 0, now);
            break;
        case UK_SCRIPT_STALL: {
            char status[128];
            snprintf(status, sizeof status, "Script stalls the loop for %.1f s",
                     (double)cmd->wait_ms / 1000);
            uk_kiosk_give_back_memory(kiosk); /* before saying so: a benchmark reads the memory */
            uk_notify_status(kiosk->service.notify, status);
            sleep_ms(cmd->wait_ms);
            break;
        }
        }
        if (!running) {
            fprintf(stderr,
                    "%s:%d: the kiosk was asked to close; the rest of the script is "
                    "not run\n",
                    uk_script_path(script), cmd->line);
            break;
        }
        bool changed = false; /* a frame after every command, whatever changed: see kiosk.h */
        uk_kiosk_tick(kiosk, now, &changed);
        uk_kiosk_draw(kiosk, now);
        uk_kiosk_present(kiosk);
        uk_kiosk_tell_systemd(kiosk, SDL_GetTicks64() - real_start);
    }
    return 0;
}
