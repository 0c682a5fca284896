#ifndef CPLATFORM_H
#define CPLATFORM_H

// C calls the store needs that Swift cannot make itself: sqlite3_config is variadic, and
// glibc's CPU-set macros (CPU_SET, CPU_COUNT) are macros.

/// Turns off SQLite's memory-usage statistics for this process (sqlite3_config
/// SQLITE_CONFIG_MEMSTATUS, 0), which SQLite's documentation recommends for speed: with them on,
/// every allocation SQLite makes takes one process-wide mutex, which two connections working at
/// once on two threads then contend for.
///
/// Returns SQLITE_OK (0), or SQLITE_MISUSE (21) when SQLite is already initialized in this
/// process (the setting must come before the first connection opens): nothing changes then.
int fd_sqlite_disable_memstatus(void);

/// The CPU the calling thread is running on, or -1 when the system cannot tell.
int fd_current_cpu(void);

/// A CPU the calling thread may run on other than `cpu`, or -1 when there is none (one CPU
/// allowed, or the set cannot be read).
int fd_other_allowed_cpu(int cpu);

/// The size in bytes of a saved CPU set (the buffer `fd_bind_thread` fills).
int fd_cpu_set_size(void);

/// Binds the calling thread to `cpu` after saving the set of CPUs it was allowed into `saved`
/// (`fd_cpu_set_size()` bytes). Returns 0, or -1 when the set could not be read or changed
/// (the thread is then as it was).
int fd_bind_thread(int cpu, void *saved);

/// Gives the calling thread back the CPU set saved by `fd_bind_thread`. Returns 0 or -1.
int fd_restore_thread(const void *saved);

/// Installs a handler for the signals of a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
/// SIGTRAP) that writes one record to the log for IT (appended to `log_path` when it is not NULL,
/// else sent to the system log through /dev/log), tells the person in one line on standard
/// error that the program stopped and that the details are in the log, and ends the process
/// with status 128 + signal, with no stack trace on the terminal. Only async-signal-safe calls
/// are made in the handler. The path is copied.
void fd_install_crash_report(const char *log_path);

#endif
