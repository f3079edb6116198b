/*
 * test_content_routines.c: the routine files, one mistake at a time.
 *
 * Each case is a routine file written beside a valid one ("ok") in a
 * scratch content folder: it must give exactly its own lines, each naming
 * the file, the routine and the field, and be left out while "ok" still
 * loads. Then the edges of what is allowed (each of which loads), the
 * step limit, ids used twice, file-name order and a file that cannot be
 * read. The words of a routine in every language are
 * test_content_languages' business.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fixtures/content_fixtures.h"

#define BAD_DATE(found)                                                                            \
    IN_CASE "reviewed_on: must be a date written YYYY-MM-DD, like \"2026-11-20\" (found " found ")"
#define TEN     "0123456789"
#define HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN
#define CARD_BODY_599                                                                              \
    HUNDRED HUNDRED HUNDRED HUNDRED HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN "012345678"
#define CARD_BODY_600 CARD_BODY_599 "9"
#define REVIEWER_95                                                                                \
    "Dr. A. Very-Long-Name, physiotherapist and head of the back pain clinic, checked in full "    \
    "detail"
#define DATED(date)                                                                                \
    "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT        \
    ", \"habit\": " TEXT ", \"reviewed_by\": \"Dr. R\", \"reviewed_on\": " date                    \
    ", \"steps\": [" HOLD "]}"
#define REVIEWED_BY(who)                                                                           \
    "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT        \
    ", \"habit\": " TEXT ", \"reviewed_by\": " who                                                 \
    ", \"reviewed_on\": \"2026-11-20\", \"steps\": [" HOLD "]}"

static const routine_case routine_cases[] = {
    /* The file itself. */
    {"bad JSON: line number",
     "{\n    \"id\": \"case\",\n    \"title\": " TEXT "\n    \"summary\": " TEXT "\n}\n",
     {FILE_AT "line 4: not valid JSON near '\"summary\": {\"en\": \"T' (look for a missing comma, "
              "quote or bracket here or just before)"}},
    {"bad JSON: ends too soon",
     "{\n    \"id\": \"case\",\n    \"steps\": [\n",
     {FILE_AT "line 3: not valid JSON: the file ends too soon (a missing } or ] or quote?)"}},
    {"bad JSON: text after the object",
     ROUTINE(HOLD) "\n}\n",
     {FILE_AT "line 2: not valid JSON near '}' (look for a missing comma, quote or bracket here "
              "or just before)"}},
    {"empty file", "  \n", {FILE_AT "the file is empty (it should hold one JSON object { ... })"}},
    {"not an object",
     "[" ROUTINE(HOLD) "]",
     {FILE_AT "must be one JSON object { ... } holding one routine (found a list [ ... ])"}},

    /* Fields every routine has. */
    {"missing field", ROUTINE_WITH("\"summary\": " TEXT, HOLD), {IN_CASE "title: missing"}},
    {"bad id",
     "{\"id\": \"Neck Stretch\", " COMMON ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"Neck Stretch\")"}},
    {"id too long",
     "{\"id\": \"a-very-long-routine-id-of-34-chars\", " COMMON ", \"category\": \"stretch\", "
     "\"steps\": [" HOLD "]}",
     {FILE_AT "id: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"a-very-long-routine-id-of-34-chars\")"}},
    {"missing id",
     "{" COMMON ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {FILE_AT "id: missing"}},
    {"unknown field: a typo",
     STEPS_WITH(", \"sumary\": " TEXT),
     {IN_CASE "sumary: unknown field (did you mean \"summary\"?)"}},
    {"unknown field: no near match, lists the fields of a steps routine",
     STEPS_WITH(", \"colour\": \"red\""),
     {IN_CASE "colour: unknown field (known: id, type, category, title, summary, habit, "
              "reviewed_by, reviewed_on, motion, steps)"}},
    {"unknown field: the fields of a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"colour\": \"red\""),
     {IN_CASE "colour: unknown field (known: id, type, title, summary, habit, reviewed_by, "
              "reviewed_on, motion, heat_minutes, heat_max_minutes, cold_minutes, "
              "cold_max_minutes, question, answer_new, answer_old, prepare_heat, prepare_cold, "
              "heat_hint, cold_hint, safety)"}},
    {"unknown field: the fields of a cards routine",
     CARDS_WITH(", \"colour\": \"red\"", CARD),
     {IN_CASE "colour: unknown field (known: id, type, title, summary, habit, reviewed_by, "
              "reviewed_on, motion, cards)"}},
    {"a field of the first format",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"tip\": " TEXT ", " REVIEW ", \"steps\": [" HOLD "]}",
     {IN_CASE "tip: unknown field (it is called \"habit\" now)", IN_CASE "habit: missing"}},
    {"field given twice",
     STEPS_WITH(", \"summary\": " TEXT),
     {IN_CASE "summary: given more than once (keep one)"}},
    {"routine motion unknown",
     STEPS_WITH(", \"motion\": \"twist\""),
     {IN_CASE "motion: no motion 'twist' in motions.json"}},
    {"routine motion not an id",
     STEPS_WITH(", \"motion\": \"Tilt\""),
     {IN_CASE "motion: must be 1 to 31 characters from a-z, 0-9 and '-', not starting with '-' "
              "(found \"Tilt\")"}},

    /* Who reviewed it, and when. */
    {"reviewer missing",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"habit\": " TEXT ", \"reviewed_on\": \"2026-11-20\", \"steps\": [" HOLD "]}",
     {IN_CASE "reviewed_by: missing"}},
    {"reviewer as an object",
     REVIEWED_BY(TEXT),
     {IN_CASE "reviewed_by: must be text in quotes (found an object { ... })"}},
    {"reviewer empty",
     REVIEWED_BY("\" \""),
     {IN_CASE "reviewed_by: must not be empty (found \" \")"}},
    {"reviewer too long", REVIEWED_BY("\"" REVIEWER_95 ".\""), {TOO_LONG("reviewed_by", 95, 96)}},
    {"date missing",
     "{\"id\": \"case\", \"category\": \"stretch\", \"title\": " TEXT ", \"summary\": " TEXT
     ", \"habit\": " TEXT ", \"reviewed_by\": \"Dr. R\", \"steps\": [" HOLD "]}",
     {IN_CASE "reviewed_on: missing"}},
    {"date: day first", DATED("\"20-11-2026\""), {BAD_DATE("\"20-11-2026\"")}},
    {"date: slashes", DATED("\"2026/11/20\""), {BAD_DATE("\"2026/11/20\"")}},
    {"date: no leading zero", DATED("\"2026-1-20\""), {BAD_DATE("\"2026-1-20\"")}},
    {"date: a sign in the month", DATED("\"2026-+1-20\""), {BAD_DATE("\"2026-+1-20\"")}},
    {"date: a space before", DATED("\" 2026-1-20\""), {BAD_DATE("\" 2026-1-20\"")}},
    {"date: a time after", DATED("\"2026-11-20T10:00\""), {BAD_DATE("\"2026-11-20T10:00\"")}},
    {"date: a number", DATED("20261120"), {BAD_DATE("20261120")}},
    {"date: per language", DATED(TEXT), {BAD_DATE("an object { ... }")}},
    {"date: no 30 February",
     DATED("\"2026-02-30\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-02-30\")"}},
    {"date: no 29 February in 2025",
     DATED("\"2025-02-29\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2025-02-29\")"}},
    {"date: no month 13",
     DATED("\"2026-13-01\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-13-01\")"}},
    {"date: no day 0",
     DATED("\"2026-11-00\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-11-00\")"}},
    {"date: no 29 February in 2100",
     DATED("\"2100-02-29\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2100-02-29\")"}},
    {"date: no 31 April",
     DATED("\"2026-04-31\""),
     {IN_CASE "reviewed_on: no such day in the calendar (found \"2026-04-31\")"}},
    {"date: before 2000",
     DATED("\"1999-12-31\""),
     {IN_CASE "reviewed_on: must be the day of the review, from 2000 on (found \"1999-12-31\")"}},

    /* Types, and the fields that belong to the other types. */
    {"unknown type: nothing else is judged by the wrong type",
     "{\"id\": \"case\", \"type\": \"timer\", " COMMON ", " HC_MINUTES(15, 20, 10, 15) "}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found \"timer\")"}},
    {"type not text",
     "{\"id\": \"case\", \"type\": 2, " COMMON ", \"cards\": [" CARD "]}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found 2)"}},
    {"type: the kind of routine misspelt",
     "{\"id\": \"case\", \"type\": \"step\", " COMMON
     ", \"category\": \"stretch\", \"steps\": [" HOLD "]}",
     {IN_CASE "type: must be \"steps\", \"heat-cold\" or \"cards\" (found \"step\")"}},
    {"steps on a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"steps\": [" HOLD "]"),
     {IN_CASE "steps: not allowed on a \"heat-cold\" routine"}},
    {"category on a cards routine",
     CARDS_WITH(", \"category\": \"learn\"", CARD),
     {IN_CASE "category: not allowed on a \"cards\" routine"}},
    {"heat on a steps routine",
     STEPS_WITH(", \"heat_minutes\": 15"),
     {IN_CASE "heat_minutes: not allowed on a \"steps\" routine"}},
    {"safety on a steps routine (only steps have safety there)",
     STEPS_WITH(", \"safety\": " TEXT),
     {IN_CASE "safety: not allowed on a \"steps\" routine"}},
    {"cards on a heat-cold routine",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"cards\": [" CARD "]"),
     {IN_CASE "cards: not allowed on a \"heat-cold\" routine"}},
    {"question on a cards routine",
     CARDS_WITH(", \"question\": " TEXT, CARD),
     {IN_CASE "question: not allowed on a \"cards\" routine"}},
    {"a steps routine without steps",
     "{\"id\": \"case\", " COMMON ", \"category\": \"stretch\"}",
     {IN_CASE "steps: missing"}},
    {"a cards routine without cards",
     "{\"id\": \"case\", \"type\": \"cards\", " COMMON "}",
     {IN_CASE "cards: missing"}},

    /* Category. */
    {"category missing",
     "{\"id\": \"case\", " COMMON ", \"steps\": [" HOLD "]}",
     {IN_CASE "category: missing"}},
    {"category unknown",
     "{\"id\": \"case\", " COMMON ", \"category\": \"yoga\", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" (found \"yoga\")"}},
    {"category of another type",
     "{\"id\": \"case\", " COMMON ", \"category\": \"learn\", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" for a \"steps\" routine "
              "(found \"learn\")"}},
    {"category per language",
     "{\"id\": \"case\", " COMMON ", \"category\": " TEXT ", \"steps\": [" HOLD "]}",
     {IN_CASE "category: must be \"stretch\", \"move\" or \"massage\" (found an object { ... "
              "})"}},

    /* Steps. */
    {"missing step field",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"tilt\", \"title\": " TEXT
             ", \"instruction\": " TEXT ", \"breathing\": " TEXT "}"),
     {IN_CASE "steps[0].safety: missing"}},
    {"wrong type: number",
     ROUTINE(HOLD_WITH("\"seconds\": \"20\"")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found \"20\")"}},
    {"wrong type: steps",
     ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " TEXT ", \"steps\": {}", HOLD),
     {IN_CASE "steps: given more than once (keep one)",
      IN_CASE "steps: must be a list [ ... ] of 1 to 24 steps (found an object { ... })"}},
    {"out of range",
     ROUTINE(HOLD_WITH("\"seconds\": 0")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 0)"}},
    {"too long a hold",
     ROUTINE(HOLD_WITH("\"seconds\": 601")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 601)"}},
    {"not whole",
     ROUTINE(HOLD_WITH("\"seconds\": 20.5")),
     {IN_CASE "steps[0].seconds: must be a whole number from 3 to 600 (found 20.5)"}},
    {"too many reps",
     ROUTINE(REPS_WITH("\"reps\": 31, \"rep_seconds\": 4")),
     {IN_CASE "steps[0].reps: must be a whole number from 1 to 30 (found 31)"}},
    {"rep too long",
     ROUTINE(REPS_WITH("\"reps\": 8, \"rep_seconds\": 21")),
     {IN_CASE "steps[0].rep_seconds: must be a whole number from 1 to 20 (found 21)"}},
    {"unknown step field: a typo",
     ROUTINE(HOLD_WITH("\"secnds\": 20")),
     {IN_CASE "steps[0].secnds: unknown field (did you mean \"seconds\"?)",
      IN_CASE "steps[0].seconds: missing (a \"hold\" step needs seconds)"}},
    {"unknown step field: no near match",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"colour\": \"red\"")),
     {IN_CASE "steps[0].colour: unknown field (known: kind, side, seconds, reps, rep_seconds, "
              "motion, title, instruction, breathing, safety, pressure)"}},
    {"step field given twice",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"seconds\": 30")),
     {IN_CASE "steps[0].seconds: given more than once (keep one)"}},
    {"unknown kind",
     ROUTINE("{\"kind\": \"stretch\", \"seconds\": 20, \"motion\": \"tilt\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].kind: must be \"hold\", \"reps\", \"move\", \"rest\" or \"massage\" "
              "(found \"stretch\")"}},
    {"missing kind",
     ROUTINE("{\"seconds\": 20, \"motion\": \"tilt\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].kind: missing (one of \"hold\", \"reps\", \"move\", \"rest\" or "
              "\"massage\")"}},
    {"unknown side",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"side\": \"middle\"")),
     {IN_CASE "steps[0].side: must be \"both\", \"left\", \"right\" or \"alternate\" (found "
              "\"middle\")"}},
    {"unknown motion",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, \"motion\": \"twist\", " STEP_TEXTS "}"),
     {IN_CASE "steps[0].motion: no motion 'twist' in motions.json"}},
    {"missing motion",
     ROUTINE("{\"kind\": \"hold\", \"seconds\": 20, " STEP_TEXTS "}"),
     {IN_CASE "steps[0].motion: missing"}},
    {"no steps", ROUTINE(""), {IN_CASE "steps: must hold 1 to 24 steps (found 0)"}},
    {"a step that is not an object",
     ROUTINE(HOLD ", \"hold\""),
     {IN_CASE "steps[1]: must be an object {\"kind\": ..., \"title\": ...} (found \"hold\")"}},
    {"seconds on a reps step",
     ROUTINE(REPS_WITH("\"reps\": 8, \"rep_seconds\": 4, \"seconds\": 20")),
     {IN_CASE "steps[0].seconds: not allowed on a \"reps\" step (it lasts reps x rep_seconds)"}},
    {"reps on a hold step",
     ROUTINE(HOLD_WITH("\"seconds\": 20, \"reps\": 8")),
     {IN_CASE "steps[0].reps: only a \"reps\" step has reps (this one is \"hold\"; it uses "
              "seconds)"}},
    {"a reps step without rep_seconds",
     ROUTINE(REPS_WITH("\"reps\": 8")),
     {IN_CASE "steps[0].rep_seconds: missing (a \"reps\" step needs reps and rep_seconds)"}},
    {"several problems in one file, each on its own line",
     ROUTINE(HOLD "," HOLD_WITH("\"seconds\": 2") "," REPS_WITH("\"reps\": 0, \"rep_seconds\": 4")),
     {IN_CASE "steps[1].seconds: must be a whole number from 3 to 600 (found 2)",
      IN_CASE "steps[2].reps: must be a whole number from 1 to 30 (found 0)"}},

    /* Massage steps and their pressure. */
    {"massage without pressure",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60")),
     {IN_CASE "steps[0].pressure: missing"}},
    {"massage without seconds",
     ROUTINE(MASSAGE_WITH(PRESSURE)),
     {IN_CASE "steps[0].seconds: missing (a \"massage\" step needs seconds)"}},
    {"massage counted in reps",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"reps\": 5, " PRESSURE)),
     {IN_CASE "steps[0].reps: only a \"reps\" step has reps (this one is \"massage\"; it uses "
              "seconds)"}},
    {"pressure not per language",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"pressure\": \"Firm\"")),
     {IN_CASE "steps[0].pressure: must give the text in each language, like {\"en\": \"...\", "
              "...} (found \"Firm\")"}},
    {"pressure too long",
     ROUTINE(MASSAGE_WITH("\"seconds\": 60, \"pressure\": " LANGS(
         "Press firmly, as hard as you can stand it without wincing, and keep breathing slowly "
         "while you roll the ball back and forth across the knot for the whole time shown. Stop "
         "at once if it's sore.",
         "P"))),
     {TOO_LONG("steps[0].pressure.en", 191, 192)}},
    {"pressure on a hold step",
     ROUTINE(HOLD_WITH("\"seconds\": 20, " PRESSURE)),
     {IN_CASE "steps[0].pressure: not allowed here: only a \"massage\" step has pressure"}},
    {"pressure on a rest step",
     ROUTINE("{\"kind\": \"rest\", \"seconds\": 10, \"motion\": \"tilt\", " STEP_TEXTS ", " PRESSURE
             "}"),
     {IN_CASE "steps[0].pressure: not allowed here: only a \"massage\" step has pressure"}},

    /* Heat and cold. */
    {"heat too short",
     HC_MINUTES_WITH(HC_MINUTES(4, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 4)"}},
    {"heat past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(21, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 21)"}},
    {"heat limit past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 25, 10, 15)),
     {IN_CASE "heat_max_minutes: must be a whole number from 5 to 20 (found 25)"}},
    {"cold too short",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 3, 15)),
     {IN_CASE "cold_minutes: must be a whole number from 5 to 15 (found 3)"}},
    {"cold past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 16, 15)),
     {IN_CASE "cold_minutes: must be a whole number from 5 to 15 (found 16)"}},
    {"cold limit past its safe maximum",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 16)),
     {IN_CASE "cold_max_minutes: must be a whole number from 5 to 15 (found 16)"}},
    {"heat limit below the start",
     HC_MINUTES_WITH(HC_MINUTES(15, 12, 10, 15)),
     {IN_CASE "heat_max_minutes: must be at least heat_minutes (15) (found 12)"}},
    {"cold limit below the start",
     HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 8)),
     {IN_CASE "cold_max_minutes: must be at least cold_minutes (10) (found 8)"}},
    {"minutes not whole",
     HC_MINUTES_WITH(HC_MINUTES(15.5, 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found 15.5)"}},
    {"minutes as text",
     HC_MINUTES_WITH(HC_MINUTES("15", 20, 10, 15)),
     {IN_CASE "heat_minutes: must be a whole number from 5 to 20 (found \"15\")"}},
    {"minutes missing",
     HC_MINUTES_WITH("\"heat_minutes\": 15, \"heat_max_minutes\": 20, \"cold_minutes\": 10"),
     {IN_CASE "cold_max_minutes: missing"}},
    {"question missing",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"answer_new\": " TEXT ", \"answer_old\": " TEXT
                                        ", \"prepare_heat\": " TEXT ", \"prepare_cold\": " TEXT
                                        ", \"heat_hint\": " TEXT ", \"cold_hint\": " TEXT
                                        ", \"safety\": " TEXT),
     {IN_CASE "question: missing"}},
    {"an answer too long for its button",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"question\": " TEXT ", \"answer_new\": " LANGS(
         "T", "Sí, es nueva: me hice daño ayer o anteayer, o hace muy poco "
              "tiempo") ", \"answer_old\": " TEXT ", \"prepare_heat\": " TEXT
                        ", \"prepare_cold\": " TEXT ", \"heat_hint\": " TEXT
                        ", \"cold_hint\": " TEXT ", \"safety\": " TEXT),
     {TOO_LONG("answer_new.es", 63, 68)}},
    {"safety not per language",
     HC_WITH(HC_MINUTES(15, 20, 10, 15) ", \"question\": " TEXT ", \"answer_new\": " TEXT
                                        ", \"answer_old\": " TEXT ", \"prepare_heat\": " TEXT
                                        ", \"prepare_cold\": " TEXT ", \"heat_hint\": " TEXT
                                        ", \"cold_hint\": " TEXT ", \"safety\": \"Careful\""),
     {IN_CASE "safety: must give the text in each language, like {\"en\": \"...\", ...} (found "
              "\"Careful\")"}},

    /* Cards. */
    {"no cards", CARDS(""), {IN_CASE "cards: must hold 1 to 12 cards (found 0)"}},
    {"too many cards",
     CARDS(CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD
                "," CARD "," CARD "," CARD),
     {IN_CASE "cards: must hold 1 to 12 cards (found 13)"}},
    {"cards not a list",
     "{\"id\": \"case\", \"type\": \"cards\", " COMMON ", \"cards\": " CARD "}",
     {IN_CASE "cards: must be a list [ ... ] of 1 to 12 cards (found an object { ... })"}},
    {"a card that is not an object",
     CARDS(CARD ", \"Knots\""),
     {IN_CASE "cards[1]: must be an object {\"title\": ..., \"body\": ...} (found \"Knots\")"}},
    {"a card without a body", CARDS("{\"title\": " TEXT "}"), {IN_CASE "cards[0].body: missing"}},
    {"a card without a title",
     CARDS(CARD ", {\"body\": " TEXT "}"),
     {IN_CASE "cards[1].title: missing"}},
    {"a card field misspelt",
     CARDS("{\"title\": " TEXT ", \"bodi\": " TEXT "}"),
     {IN_CASE "cards[0].bodi: unknown field (did you mean \"body\"?)",
      IN_CASE "cards[0].body: missing"}},
    {"a card field unknown",
     CARDS("{\"title\": " TEXT ", \"body\": " TEXT ", \"picture\": \"knot.png\"}"),
     {IN_CASE "cards[0].picture: unknown field (known: title, body)"}},
    {"a card body too long",
     CARDS("{\"title\": " TEXT ", \"body\": " LANGS(CARD_BODY_600, "B") "}"),
     {TOO_LONG("cards[0].body.en", 599, 600)}},
    {"a card body in English only",
     CARDS("{\"title\": " TEXT ", \"body\": \"B\"}"),
     {IN_CASE "cards[0].body: must give the text in each language, like {\"en\": \"...\", ...} "
              "(found \"B\")"}},
};

static void test_broken_routines(void **state)
{
    assert_routine_cases(*state, routine_cases, sizeof routine_cases / sizeof routine_cases[0]);
}

/* `count` steps, the last one `last` (too long for a string literal, so built here). */
static void write_steps(tmp_content *tmp, int count, const char *last)
{
    static char json[64 * 1024];
    size_t len = (size_t)snprintf(json, sizeof json, "%s",
                                  ROUTINE_WITH("\"title\": " TEXT ", \"summary\": " TEXT, ""));
    len -= 2; /* before the closing "]}" */
    for (int i = 0; i < count; i++)
        len += (size_t)snprintf(json + len, sizeof json - len, "%s%s", i ? ", " : "",
                                i + 1 == count ? last : HOLD);
    snprintf(json + len, sizeof json - len, "]}");
    write_file(tmp->dir, "routines/10-case.json", json);
}

static void test_step_count(void **state)
{
    tmp_content *tmp = *state;
    write_steps(tmp, UK_ROUTINE_MAX_STEPS + 1, HOLD);
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "steps: must hold 1 to 24 steps (found 25)");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(uk_content_catalog(content)->routine_count, 1);
    uk_content_free(content);

    /* A step past the limit is still checked, so one run shows every problem. */
    write_steps(tmp, UK_ROUTINE_MAX_STEPS + 1, HOLD_WITH("\"seconds\": 1"));
    content = load_tmp(tmp);
    assert_line(&tmp->cap, IN_CASE "steps: must hold 1 to 24 steps (found 25)");
    assert_line(&tmp->cap,
                IN_CASE "steps[24].seconds: must be a whole number from 3 to 600 (found 1)");
    assert_lines(&tmp->cap, 2);
    uk_content_free(content);

    write_steps(tmp, UK_ROUTINE_MAX_STEPS, HOLD_WITH("\"seconds\": 30"));
    content = load_tmp(tmp);
    assert_lines(&tmp->cap, 0);
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
    const uk_routine *es = &routines_in(content, "es")[1];
    assert_int_equal(es->step_count, UK_ROUTINE_MAX_STEPS);
    assert_int_equal(es->steps[UK_ROUTINE_MAX_STEPS - 1].seconds, 30);
    assert_string_equal(es->steps[UK_ROUTINE_MAX_STEPS - 1].title, "T");
    uk_content_free(content);
}

/* The edges of what is allowed: each of these loads. */
static void test_routines_at_the_limits(void **state)
{
    tmp_content *tmp = *state;
    static const struct {
        const char *name;
        const char *json;
    } cases[] = {
        {"heat and cold at their smallest", HC_MINUTES_WITH(HC_MINUTES(5, 5, 5, 5))},
        {"heat and cold at their safe maximum", HC_MINUTES_WITH(HC_MINUTES(20, 20, 15, 15))},
        {"a limit equal to the start", HC_MINUTES_WITH(HC_MINUTES(15, 15, 10, 10))},
        {"twelve cards", CARDS(CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD "," CARD
                                    "," CARD "," CARD "," CARD "," CARD)},
        {"one card", CARDS(CARD)},
        {"a card body of 599 bytes",
         CARDS("{\"title\": " TEXT ", \"body\": " LANGS(CARD_BODY_599, "B") "}")},
        {"a 63-byte title",
         ROUTINE_WITH("\"title\": " LANGS("01234567890123456789012345678901234567890123456789012"
                                          "3456789012",
                                          "T") ", \"summary\": " TEXT,
                      HOLD)},
        {"a hold of 3 s and one of 600 s",
         ROUTINE(HOLD_WITH("\"seconds\": 3") "," HOLD_WITH("\"seconds\": 600"))},
        {"a massage step", ROUTINE(MASSAGE_WITH("\"seconds\": 60, " PRESSURE))},
        {"a move category",
         "{\"id\": \"case\", " COMMON ", \"category\": \"move\", \"steps\": [" HOLD "]}"},
        {"a massage category",
         "{\"id\": \"case\", " COMMON ", \"category\": \"massage\", \"steps\": [" HOLD "]}"},
        {"the type given", "{\"id\": \"case\", \"type\": \"steps\", " COMMON
                           ", \"category\": \"stretch\", \"steps\": [" HOLD "]}"},
        {"a heat-cold routine with its own figure",
         HC_MINUTES_WITH(HC_MINUTES(15, 20, 10, 15) ", \"motion\": \"breathe\"")},
        {"a leap day", DATED("\"2028-02-29\"")},
        {"a leap day in a century that has one", DATED("\"2400-02-29\"")},
        {"a day past 2038, the end of a 32-bit clock", DATED("\"2040-12-31\"")},
        {"the first day allowed", DATED("\"2000-01-01\"")},
        {"a reviewer of 95 bytes", REVIEWED_BY("\"" REVIEWER_95 "\"")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case: %s\n", cases[i].name);
        write_file(tmp->dir, "routines/10-case.json", cases[i].json);
        uk_content *content = load_tmp(tmp);
        assert_lines(&tmp->cap, 0);
        assert_int_equal(uk_content_catalog(content)->routine_count, 2);
        assert_string_equal(routines_in(content, "es")[1].id, "case");
        uk_content_free(content);
    }
}

static void test_duplicate_routine_id(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/10-case.json", ROUTINE(HOLD));
    write_file(tmp->dir, "routines/20-again.json", CARDS(CARD));
    uk_content *content = load_tmp(tmp);
    assert_line(&tmp->cap, "routines/20-again.json: routine 'case': id: already used by "
                           "routines/10-case.json; this file is left out");
    assert_lines(&tmp->cap, 1);
    assert_int_equal(uk_content_catalog(content)->routine_count, 2);
    const uk_routine *es = routines_in(content, "es");
    assert_string_equal(es[0].id, "ok");
    assert_string_equal(es[1].id, "case");
    assert_int_equal(es[1].type, UK_ROUTINE_STEPS); /* the first file's */
    uk_content_free(content);
}

static void test_routines_in_file_name_order(void **state)
{
    tmp_content *tmp = *state;
    write_file(tmp->dir, "routines/30-c.json",
               "\xef\xbb\xbf" /* a byte-order mark, as some Windows editors write */
               "{\"id\": \"c\", \"type\": \"cards\", " COMMON ", \"cards\": [" CARD "]}");
    write_file(tmp->dir, "routines/10-b.json",
               "{\"id\": \"b\", \"type\": \"heat-cold\", " COMMON
               ", " HC_MINUTES(15, 20, 10, 15) ", " HC_TEXTS "}");
    write_file(tmp->dir, "routines/.hidden.json", "not even JSON");
    write_file(tmp->dir, "routines/notes.txt", "not a routine");
    uk_content *content = load_tmp(tmp);
    assert_lines(&tmp->cap, 0);
    assert_int_equal(uk_content_catalog(content)->routine_count, 3);
    for (size_t l = 0; l < uk_content_catalog(content)->lang_count; l++) {
        const uk_routine *routines = uk_content_catalog(content)->langs[l].routines;
        assert_string_equal(routines[0].id, "ok");
        assert_string_equal(routines[1].id, "b");
        assert_int_equal(routines[1].type, UK_ROUTINE_HEAT_COLD);
        assert_string_equal(routines[2].id, "c");
        assert_int_equal(routines[2].type, UK_ROUTINE_CARDS);
    }
    uk_content_free(content);
}

static void test_unreadable_routine_file(void **state)
{
    tmp_content *tmp = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/routines/10-folder.json", tmp->dir);
    assert_int_equal(mkdir(path, 0755), 0);
    uk_content *content = load_tmp(tmp);
    char line[256];
    snprintf(line, sizeof line, "routines/10-folder.json: cannot read: %s", strerror(EISDIR));
    assert_line(&tmp->cap, line);
    assert_lines(&tmp->cap, 1);
    assert_int_equal(uk_content_catalog(content)->routine_count, 1);
    uk_content_free(content);
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_broken_routines, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_at_the_limits, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_step_count, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_duplicate_routine_id, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_routines_in_file_name_order, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_unreadable_routine_file, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
