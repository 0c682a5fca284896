#define _GNU_SOURCE
#include "cplatform.h"
#include <sched.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/un.h>

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

static char *crash_log_path = NULL;

/* Appends the decimal digits of `value` to `buffer` at `*used` (async-signal-safe). */
static void append_number(char *buffer, size_t size, size_t *used, long value) {
    char digits[24];
    int n = 0;
    if (value < 0) { if (*used < size) buffer[(*used)++] = '-'; value = -value; }
    do { digits[n++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && n < 24);
    while (n > 0 && *used < size) buffer[(*used)++] = digits[--n];
}

static void append_text(char *buffer, size_t size, size_t *used, const char *text) {
    while (*text && *used < size) buffer[(*used)++] = *text++;
}

static void crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    char record[256];
    size_t used = 0;
    if (crash_log_path == NULL) {
        append_text(record, sizeof record, &used, "<10>frontdesk["); /* LOG_USER | LOG_CRIT */
    } else {
        append_text(record, sizeof record, &used, "epoch ");
        append_number(record, sizeof record, &used, (long)time(NULL));
        append_text(record, sizeof record, &used, " frontdesk[");
    }
    append_number(record, sizeof record, &used, (long)getpid());
    append_text(record, sizeof record, &used, "]: critical [frontdesk.crash] stopped by signal ");
    append_number(record, sizeof record, &used, sig);
    append_text(record, sizeof record, &used, " code=");
    append_number(record, sizeof record, &used, info ? info->si_code : 0);
    append_text(record, sizeof record, &used, "\n");
    if (crash_log_path != NULL) {
        int fd = open(crash_log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0) { (void)!write(fd, record, used); close(fd); }
    } else {
        int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd >= 0) {
            struct sockaddr_un address;
            memset(&address, 0, sizeof address);
            address.sun_family = AF_UNIX;
            strcpy(address.sun_path, "/dev/log");
            (void)sendto(fd, record, used - 1, 0, (struct sockaddr *)&address, sizeof address);
            close(fd);
        }
    }
    /* Two short lines (under 80 columns): a terminal just given back by the screen may lose a
       wrapped one. */
    static const char message[] = "\r\nfrontdesk: stopped unexpectedly; nothing more was saved.\r\n"
                                  "frontdesk: the details are in the log for IT (journalctl -t frontdesk).\r\n";
    (void)!write(2, message, sizeof message - 1);
    _exit(128 + sig);
}

void fd_install_crash_report(const char *log_path) {
    if (log_path != NULL && log_path[0] != '\0') crash_log_path = strdup(log_path);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = crash_handler;
    action.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}
