/*
 * input.c: names of the input kinds, as the usage log and scripts spell them.
 */
#include "app/model/input.h"

static const char *const kind_names[UK_INPUT_KIND_COUNT] = {
    [UK_INPUT_TOUCH] = "touch",
    [UK_INPUT_BUTTON] = "button",
    [UK_INPUT_KEYBOARD] = "keyboard",
};

const char *uk_input_kind_name(uk_input_kind kind)
{
    if ((unsigned)kind >= UK_INPUT_KIND_COUNT)
        return "keyboard";
    return kind_names[kind];
}
