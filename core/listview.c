/* listview.c: cursor and window arithmetic (see listview.h).  Every
 * public function ends in settle(), which restores the invariant and
 * reports what changed. */
#include "listview.h"

static long max_top(const struct bd_listview *lv)
{
	return lv->rows > lv->height ? lv->rows - lv->height : 0;
}

/* Restores the invariant, moving the window as little as keeps the cursor
 * in it, and returns the change since (cursor0, top0). */
static unsigned settle(struct bd_listview *lv, long cursor0, long top0)
{
	if (lv->height < 1)
		lv->height = 1;
	if (lv->rows < 0)
		lv->rows = 0;
	if (lv->cursor >= lv->rows)
		lv->cursor = lv->rows - 1;
	if (lv->cursor < 0)
		lv->cursor = 0;
	if (lv->top > lv->cursor)
		lv->top = lv->cursor;
	if (lv->top < lv->cursor - lv->height + 1)
		lv->top = lv->cursor - lv->height + 1;
	if (lv->top > max_top(lv))
		lv->top = max_top(lv);
	if (lv->top < 0)
		lv->top = 0;
	unsigned r = 0;
	if (lv->cursor != cursor0)
		r |= BD_LV_CURSOR;
	if (lv->top != top0)
		r |= BD_LV_SCROLLED;
	return r;
}

void bd_listview_init(struct bd_listview *lv, int height)
{
	lv->rows = 0;
	lv->more = false;
	lv->cursor = 0;
	lv->top = 0;
	lv->height = height;
	settle(lv, 0, 0);
}

/* Did a move towards the end stop at the last known row with more to come? */
static unsigned want_more(const struct bd_listview *lv, long wanted)
{
	return lv->more && wanted > lv->rows - 1 ? BD_LV_WANT_MORE : 0;
}

unsigned bd_listview_move(struct bd_listview *lv, long n)
{
	long c0 = lv->cursor, t0 = lv->top;
	long wanted = lv->cursor + n;
	lv->cursor = wanted;
	return settle(lv, c0, t0) | (n > 0 ? want_more(lv, wanted) : 0);
}

unsigned bd_listview_up(struct bd_listview *lv)
{
	return bd_listview_move(lv, -1);
}

unsigned bd_listview_down(struct bd_listview *lv)
{
	return bd_listview_move(lv, 1);
}

/* Moves the window and the cursor together by n rows, as a pager does. */
static unsigned page(struct bd_listview *lv, long n)
{
	long c0 = lv->cursor, t0 = lv->top;
	long wanted = lv->cursor + n;
	lv->top += n;
	if (lv->top > max_top(lv))
		lv->top = max_top(lv);
	if (lv->top < 0)
		lv->top = 0;
	lv->cursor = wanted;
	/* At the first or last screen the window cannot move: the cursor
	 * goes all the way to the first or last row. */
	if (n > 0 && lv->top == t0)
		lv->cursor = lv->rows - 1;
	if (n < 0 && lv->top == t0)
		lv->cursor = 0;
	/* Keep the cursor in the window that moved rather than scrolling it
	 * back (settle would move the window to the cursor). */
	if (lv->cursor < lv->top)
		lv->cursor = lv->top;
	if (lv->cursor > lv->top + lv->height - 1)
		lv->cursor = lv->top + lv->height - 1;
	return settle(lv, c0, t0) | (n > 0 ? want_more(lv, wanted) : 0);
}

unsigned bd_listview_page_down(struct bd_listview *lv)
{
	return page(lv, lv->height);
}

unsigned bd_listview_page_up(struct bd_listview *lv)
{
	return page(lv, -(long)lv->height);
}

static long half(const struct bd_listview *lv)
{
	return lv->height >= 2 ? lv->height / 2 : 1;
}

unsigned bd_listview_half_down(struct bd_listview *lv)
{
	return page(lv, half(lv));
}

unsigned bd_listview_half_up(struct bd_listview *lv)
{
	return page(lv, -half(lv));
}

unsigned bd_listview_top(struct bd_listview *lv)
{
	long c0 = lv->cursor, t0 = lv->top;
	lv->cursor = 0;
	lv->top = 0;
	return settle(lv, c0, t0);
}

unsigned bd_listview_bottom(struct bd_listview *lv)
{
	long c0 = lv->cursor, t0 = lv->top;
	lv->cursor = lv->rows - 1;
	lv->top = max_top(lv);
	return settle(lv, c0, t0) | (lv->more ? BD_LV_WANT_MORE : 0);
}

unsigned bd_listview_to(struct bd_listview *lv, long row)
{
	long c0 = lv->cursor, t0 = lv->top;
	lv->cursor = row;
	return settle(lv, c0, t0) | (row > c0 ? want_more(lv, row) : 0);
}

unsigned bd_listview_scroll(struct bd_listview *lv, long n)
{
	long c0 = lv->cursor, t0 = lv->top;
	lv->top += n;
	if (lv->top > max_top(lv))
		lv->top = max_top(lv);
	if (lv->top < 0)
		lv->top = 0;
	if (lv->cursor < lv->top)
		lv->cursor = lv->top;
	if (lv->cursor > lv->top + lv->height - 1)
		lv->cursor = lv->top + lv->height - 1;
	unsigned more = n > 0 && lv->top == max_top(lv) && lv->more ? BD_LV_WANT_MORE : 0;
	return settle(lv, c0, t0) | more;
}

unsigned bd_listview_click(struct bd_listview *lv, int line)
{
	if (line < 0 || line >= bd_listview_visible(lv))
		return 0;
	return bd_listview_to(lv, lv->top + line);
}

unsigned bd_listview_resize(struct bd_listview *lv, int height)
{
	long c0 = lv->cursor, t0 = lv->top;
	lv->height = height;
	return settle(lv, c0, t0);
}

unsigned bd_listview_set_rows(struct bd_listview *lv, long rows, bool more, long cursor_row)
{
	long c0 = lv->cursor, t0 = lv->top;
	long line = lv->cursor - lv->top; /* the cursor's line on the screen */
	lv->rows = rows;
	lv->more = more;
	if (cursor_row >= 0) {
		lv->cursor = cursor_row;
		lv->top = cursor_row - line;
	}
	return settle(lv, c0, t0);
}

int bd_listview_visible(const struct bd_listview *lv)
{
	long n = lv->rows - lv->top;
	return n < lv->height ? (int)(n < 0 ? 0 : n) : lv->height;
}

bool bd_listview_valid(const struct bd_listview *lv)
{
	if (lv->rows < 0 || lv->height < 1)
		return false;
	if (lv->rows == 0)
		return lv->cursor == 0 && lv->top == 0;
	return lv->cursor >= 0 && lv->cursor < lv->rows && lv->top <= lv->cursor &&
	       lv->cursor < lv->top + lv->height && lv->top >= 0 && lv->top <= max_top(lv);
}
