// The ncursesw API as Swift can import it.
//
// Swift imports ncurses functions and plain integer constants (KEY_*, OK, ERR, COLOR_*), but not
// function-like or composite macros (A_BOLD, KEY_F(n), getmaxyx), and Swift 6 strict concurrency
// rejects C globals (stdscr, LINES, COLS, COLORS, COLOR_PAIRS, stdin, stdout). Each one the
// backend needs is wrapped below in a `static inline` function named `fd_*`.
//
// SwiftPM does not notice edits to this header: clean the build folder after changing it.
#ifndef FRONTDESK_CNCURSESW_SHIM_H
#define FRONTDESK_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Glibc's Swift module hides wcwidth; ncurses measures cells with it, and so must the backend.
extern int wcwidth(wchar_t);

// MARK: Globals

static inline WINDOW *fd_stdscr(void) { return stdscr; }
static inline WINDOW *fd_curscr(void) { return curscr; }
static inline int fd_LINES(void) { return LINES; }
static inline int fd_COLS(void) { return COLS; }
static inline int fd_COLORS(void) { return COLORS; }
static inline int fd_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *fd_stdin(void) { return stdin; }
static inline FILE *fd_stdout(void) { return stdout; }

// MARK: Attributes and keys

static inline attr_t fd_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t fd_A_BOLD(void) { return A_BOLD; }
static inline attr_t fd_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t fd_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t fd_A_DIM(void) { return A_DIM; }

/// The key code of function key `n` (`KEY_F(n)`).
static inline int fd_KEY_F(int n) { return KEY_F(n); }

/// The number of wide characters a `cchar_t` holds: one spacing character and its combining marks.
static inline int fd_CCHARW_MAX(void) { return CCHARW_MAX; }

// MARK: Window size

/// `getmaxyx(win, *rows, *cols)`.
static inline void fd_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

// MARK: Wide characters

/// Fills `out` from a NUL-terminated wide string (one spacing character, then up to
/// CCHARW_MAX - 1 combining characters), attributes and a color pair. Returns OK or ERR.
static inline int fd_setcchar(cchar_t *out, const wchar_t *text, attr_t attrs, short pair) {
    return setcchar(out, text, attrs, pair, NULL);
}

/// Columns ncurses gives one wide character (wcwidth): -1, 0, 1 or 2. (Not `fd_wcwidth`: CWidth has that name.)
static inline int fd_curses_wcwidth(wchar_t c) { return wcwidth(c); }

// MARK: Terminal type

/// 1 when `term` has a terminfo entry that can drive a full screen (it can address the cursor,
/// unlike `dumb`), else 0. Reads the entry with `setupterm` and frees it: nothing is written to
/// the terminal and its modes are not changed (unlike `newterm`, which sets cbreak and noecho).
static inline int fd_term_is_usable(const char *term) {
    TERMINAL *previous = cur_term;
    int status = 0;
    if (setupterm(term, fileno(stdout), &status) != OK || status != 1) {
        set_curterm(previous);
        return 0;
    }
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    set_curterm(previous);
    return usable;
}

// MARK: Locale

/// The name of the current LC_CTYPE locale ("C", "fr_FR.UTF-8"), never NULL.
static inline const char *fd_ctype_locale_name(void) {
    const char *name = setlocale(LC_CTYPE, NULL);
    return name ? name : "";
}

/// The codeset of the current LC_CTYPE locale ("UTF-8", "ANSI_X3.4-1968"), never NULL.
static inline const char *fd_codeset(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset ? codeset : "";
}

#endif
