#define _GNU_SOURCE
#include "cplatform.h"
#include <sched.h>
#include <sqlite3.h>

int fd_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int fd_current_cpu(void) {
    return sched_getcpu();
}

int fd_other_allowed_cpu(int cpu) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (c != cpu && CPU_ISSET(c, &allowed)) return c;
    }
    return -1;
}

int fd_cpu_set_size(void) {
    return (int)sizeof(cpu_set_t);
}

int fd_bind_thread(int cpu, void *saved) {
    cpu_set_t *previous = saved;
    if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getaffinity(0, sizeof *previous, previous) != 0) return -1;
    cpu_set_t only;
    CPU_ZERO(&only);
    CPU_SET(cpu, &only);
    return sched_setaffinity(0, sizeof only, &only);
}

int fd_restore_thread(const void *saved) {
    return sched_setaffinity(0, sizeof(cpu_set_t), saved);
}
