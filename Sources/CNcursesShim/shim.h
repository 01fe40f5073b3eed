// Placeholder: the TUI work fills this with static inline wrappers for ncursesw macros.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
