/*
 * gpio_fixtures.h: what the GPIO tests share: a report callback that counts
 * (it is called from the reader thread, hence the lock) and a sleep.
 */
#ifndef UK_TESTS_GPIO_FIXTURES_H
#define UK_TESTS_GPIO_FIXTURES_H

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "platform/gpio.h"

typedef struct reports {
    pthread_mutex_t lock;
    unsigned count;
    char last[UK_BUTTON_HW_TEXT];
} reports;

static inline void reports_init(reports *r)
{
    r->count = 0;
    r->last[0] = '\0';
    pthread_mutex_init(&r->lock, NULL);
}

/* A uk_gpio_open report callback; ctx is a reports. */
static inline void count_report(void *ctx, const char *message)
{
    reports *r = ctx;
    pthread_mutex_lock(&r->lock);
    r->count++;
    snprintf(r->last, sizeof r->last, "%s", message);
    pthread_mutex_unlock(&r->lock);
}

static inline unsigned report_count(reports *r)
{
    pthread_mutex_lock(&r->lock);
    unsigned n = r->count;
    pthread_mutex_unlock(&r->lock);
    return n;
}

static inline void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

#endif
