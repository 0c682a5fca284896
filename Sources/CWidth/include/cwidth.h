#ifndef FRONTDESK_CWIDTH_H
#define FRONTDESK_CWIDTH_H
#include <stdint.h>

/// Display width of one Unicode scalar in columns, from glibc's wcwidth(3):
/// -1 for non-printable, 0 for combining marks, 2 for East Asian wide. Needs a UTF-8 locale.
int fd_wcwidth(int32_t scalar);

/// Calls setlocale(LC_ALL, "") and returns 1 when the resulting LC_CTYPE codeset is UTF-8.
int fd_setlocale_from_environment(void);

/// Sets LC_CTYPE to C.UTF-8 (for tests); returns 1 on success.
int fd_setlocale_c_utf8(void);

/// Returns 1 when the current LC_CTYPE codeset is UTF-8.
int fd_locale_is_utf8(void);

#endif
