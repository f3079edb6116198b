/*
 * callgrind.c: `unknot-bench --callgrind`: this binary again under
 * valgrind's callgrind, counting the instructions of the routine player's
 * frames only (bench_callgrind_child marks them), and the count read back
 * from the dump. Instructions, not seconds: the same binary and inputs give
 * the same count whatever else the machine is doing.
 */
#include "bench/bench.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * The instruction count of the callgrind dump in `dir` that CALLGRIND_DUMP_STATS_AT made:
 * the one whose "desc: Trigger:" line names it. Its "totals:" line is the count. -1: none.
 */
static double read_dump(const char *dir)
{
    DIR *folder = opendir(dir);
    if (!folder)
        return -1;
    double total = -1;
    struct dirent *entry;
    while (total < 0 && (entry = readdir(folder)) != NULL) {
        if (strncmp(entry->d_name, "callgrind.out.", 14) != 0)
            continue;
        char path[BENCH_PATH + 300];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        FILE *dump = fopen(path, "r");
        if (!dump)
            continue;
        char line[512];
        bool ours = false;
        while (fgets(line, sizeof line, dump)) {
            if (strncmp(line, "desc: Trigger:", 14) == 0 && strstr(line, "unknot-bench frames"))
                ours = true;
            if (ours && strncmp(line, "totals:", 7) == 0)
                total = strtod(line + 7, NULL);
        }
        fclose(dump);
    }
    closedir(folder);
    return total;
}

int bench_callgrind(bench *b, const char *self)
{
#ifndef UK_BENCH_CALLGRIND
    (void)self;
    fprintf(stderr, "unknot-bench: built without valgrind's headers (apt install valgrind, then "
                    "build again)\n");
    return 1;
#else
    char exe[BENCH_PATH];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0)
        snprintf(exe, sizeof exe, "%s", self);
    else
        exe[len] = '\0';
    char out[BENCH_PATH + 64], frames[16];
    snprintf(out, sizeof out, "--callgrind-out-file=%s/callgrind.out.%%p", b->work);
    snprintf(frames, sizeof frames, "%d", b->frames);
    printf("valgrind -q --tool=callgrind %s %s --callgrind-child --frames %s --assets %s\n", out,
           exe, frames, b->assets);
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("unknot-bench: fork");
        return 1;
    }
    if (pid == 0) {
        char *argv[] = {"valgrind", "-q",   "--tool=callgrind", out,       exe, "--callgrind-child",
                        "--frames", frames, "--assets",         b->assets, NULL};
        execvp("valgrind", argv);
        fprintf(stderr, "unknot-bench: cannot run valgrind: %s (apt install valgrind)\n",
                strerror(errno));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    double total = read_dump(b->work);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || total < 0) {
        fprintf(stderr, "unknot-bench: the callgrind run failed (status %d)\n", status);
        return 1;
    }
    printf("\n%s at %dx%d, software renderer, under callgrind: %.2f M instructions per frame "
           "(%.0f in %d frames)\n",
           bench_callgrind_state(), BENCH_W, BENCH_H, total / b->frames / 1e6, total, b->frames);
    return 0;
#endif
}
