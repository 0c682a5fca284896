#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H

/// Turns off SQLite's memory-usage statistics for this process (sqlite3_config
/// SQLITE_CONFIG_MEMSTATUS, 0), which SQLite's documentation recommends for speed: with them on,
/// every allocation SQLite makes takes one process-wide mutex, which two connections working at
/// once on two threads then contend for. sqlite3_config is variadic, hence this C function.
///
/// Returns SQLITE_OK (0), or SQLITE_MISUSE (21) when SQLite is already initialized in this process
/// (the setting must come before the first connection opens), in which case nothing changes.
int fd_sqlite_disable_memstatus(void);

#endif
