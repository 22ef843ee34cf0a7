/* listview.h: the arithmetic of a scrolling list: which row the cursor is
 * on and which rows the window shows, for any number of rows (the store's
 * count, or the rows loaded so far when more may follow).  Pure state, no
 * drawing and no store: the caller loads the rows the window shows.
 */
#ifndef BD_LISTVIEW_H
#define BD_LISTVIEW_H

#include <stdbool.h>

/* Invariant, restored by every function below:
 *   rows >= 0, height >= 1;
 *   rows == 0:  cursor == 0 and top == 0;
 *   rows > 0:   0 <= cursor < rows                   (the cursor is on a row)
 *               top <= cursor < top + height         (the cursor is in the window)
 *               0 <= top <= max(0, rows - height)    (the window is within the rows:
 *                                                     no blank lines below the last
 *                                                     row while rows above are hidden)
 */
struct bd_listview {
	long rows;   /* rows known: the store's total, or the rows loaded so far */
	bool more;   /* rows beyond `rows` may exist (the total is not known yet) */
	long cursor; /* index of the row under the cursor */
	long top;    /* index of the first row in the window */
	int height;  /* rows the window shows */
};

/* What a call changed, for the caller's redraw and loading decisions. */
enum {
	BD_LV_CURSOR = 1,    /* the cursor moved to another row */
	BD_LV_SCROLLED = 2,  /* the window shows other rows */
	BD_LV_WANT_MORE = 4, /* the move stopped at the last known row while `more`
				is set: load more rows (bd_listview_set_rows) and
				repeat the move */
};

/* An empty list in a window of height rows (at least 1). */
void bd_listview_init(struct bd_listview *lv, int height);

/* Moves the cursor n rows (negative: up), clamped to the rows; the window
 * scrolls as little as keeps the cursor in it. */
unsigned bd_listview_move(struct bd_listview *lv, long n);
unsigned bd_listview_up(struct bd_listview *lv);
unsigned bd_listview_down(struct bd_listview *lv);
/* A screen down: the window and the cursor move by height rows; at the
 * end the cursor goes to the last row. */
unsigned bd_listview_page_down(struct bd_listview *lv);
unsigned bd_listview_page_up(struct bd_listview *lv);
/* Half a screen (at least one row), as less's C-d and C-u. */
unsigned bd_listview_half_down(struct bd_listview *lv);
unsigned bd_listview_half_up(struct bd_listview *lv);
unsigned bd_listview_top(struct bd_listview *lv);
/* The last known row; with `more` set it also says BD_LV_WANT_MORE. */
unsigned bd_listview_bottom(struct bd_listview *lv);
/* The cursor to row (clamped); the window scrolls as little as needed. */
unsigned bd_listview_to(struct bd_listview *lv, long row);
/* Scrolls the window n rows (negative: up), as a mouse wheel does; the
 * cursor moves only as far as it must to stay in the window. */
unsigned bd_listview_scroll(struct bd_listview *lv, long n);
/* The row shown on line line (0: the window's first) under the cursor, as
 * a mouse click; nothing when the line shows no row. */
unsigned bd_listview_click(struct bd_listview *lv, int line);

/* The window now shows height rows (at least 1): the cursor stays on its
 * row, the window keeps its first row where it can. */
unsigned bd_listview_resize(struct bd_listview *lv, int height);
/* The list now has rows rows (more: and maybe more after them), as after
 * a refresh.  cursor_row: where the cursor's row is in the new list, or
 * -1 when it is gone (the cursor then stays at its index, clamped).  The
 * cursor keeps its line on the screen where it can, so rows appearing
 * above it do not move it under the reader's eyes. */
unsigned bd_listview_set_rows(struct bd_listview *lv, long rows, bool more, long cursor_row);

/* Rows the window shows: min(height, rows - top). */
int bd_listview_visible(const struct bd_listview *lv);
/* Does lv satisfy the invariant?  For tests and assertions. */
bool bd_listview_valid(const struct bd_listview *lv);

#endif
