#ifndef SONDE_CNCURSESW_SHIM_H
#define SONDE_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift cannot import function-like macros: these wrap the ones Sonde needs. */
static inline attr_t sonde_attr_bold(void) { return A_BOLD; }
static inline attr_t sonde_attr_reverse(void) { return A_REVERSE; }
static inline attr_t sonde_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t sonde_attr_dim(void) { return A_DIM; }
static inline int sonde_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int sonde_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

/* Draws a run of wide characters in one style; the run must fit the row. */
static inline int sonde_draw_run(int y, int x, const wchar_t *text, int n, attr_t attrs, short pair) {
    wattr_set(stdscr, attrs, pair, NULL);
    return mvaddnwstr(y, x, text, n);
}

/* A capability string from terminfo, or NULL; tigetstr's (char *)-1 "not a string" becomes NULL. */
static inline const char *sonde_tigetstr(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == (char *)-1) return NULL;
    return value;
}
#endif
