// What Swift cannot import from ncursesw: macros (COLOR_PAIR, A_*, getmaxyx, KEY_*), the
// `stdscr`/`COLORS` globals, and wide-character cell drawing. Only YTQTerminal's
// CursesTerminal calls these, from one thread.
#ifndef YTQ_CNCURSES_SHIM_H
#define YTQ_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdbool.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *ytq_stdscr(void) { return stdscr; }

static inline int ytq_err(void) { return ERR; }
static inline int ytq_ok(void) { return OK; }
static inline int ytq_key_resize(void) { return KEY_RESIZE; }

static inline int ytq_rows(void) {
    int rows, columns;
    getmaxyx(stdscr, rows, columns);
    (void)columns;
    return rows;
}

static inline int ytq_columns(void) {
    int rows, columns;
    getmaxyx(stdscr, rows, columns);
    (void)rows;
    return columns;
}

static inline attr_t ytq_attr_normal(void) { return A_NORMAL; }
static inline attr_t ytq_attr_bold(void) { return A_BOLD; }
static inline attr_t ytq_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ytq_attr_dim(void) { return A_DIM; }
static inline attr_t ytq_attr_underline(void) { return A_UNDERLINE; }

static inline int ytq_colors(void) { return COLORS; }
static inline int ytq_color_pairs(void) { return COLOR_PAIRS; }

static inline short ytq_color_black(void) { return COLOR_BLACK; }
static inline short ytq_color_red(void) { return COLOR_RED; }
static inline short ytq_color_green(void) { return COLOR_GREEN; }
static inline short ytq_color_yellow(void) { return COLOR_YELLOW; }
static inline short ytq_color_blue(void) { return COLOR_BLUE; }
static inline short ytq_color_magenta(void) { return COLOR_MAGENTA; }
static inline short ytq_color_cyan(void) { return COLOR_CYAN; }
static inline short ytq_color_white(void) { return COLOR_WHITE; }

/// Draws one cell: `text` is a spacing character followed by up to four combining
/// characters and a 0 terminator; `pair` is a color pair number (0: the terminal's default).
static inline int ytq_put_cell(int row, int column, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, row, column, &cell);
}

/// Wraps the keypad/timeout/nodelay calls on stdscr.
static inline int ytq_keypad(bool on) { return keypad(stdscr, on); }
static inline int ytq_nodelay(bool on) { return nodelay(stdscr, on); }
static inline int ytq_getch(void) { return wgetch(stdscr); }
static inline int ytq_move(int row, int column) { return wmove(stdscr, row, column); }
static inline int ytq_clearok(bool on) { return clearok(stdscr, on); }
static inline int ytq_erase(void) { return werase(stdscr); }
static inline int ytq_refresh(void) { return wrefresh(stdscr); }

#endif
