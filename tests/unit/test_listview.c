/* test_listview.c: cursor and window arithmetic at every edge: an empty
 * list, one row, a window taller than the list, resizes past the cursor,
 * rows vanishing or appearing on refresh, and lists whose total is not
 * known yet. */
#include "testlib.h"

#include "../../core/listview.h"

/* A list of rows rows in a window of height lines, cursor and window at
 * the top. */
static struct bd_listview list(long rows, int height)
{
	struct bd_listview lv;
	bd_listview_init(&lv, height);
	bd_listview_set_rows(&lv, rows, false, 0);
	return lv;
}

#define assert_view(lv, cur, tp)                       \
	do {                                           \
		assert_true(bd_listview_valid(&(lv))); \
		assert_int_equal((lv).cursor, (cur));  \
		assert_int_equal((lv).top, (tp));      \
	} while (0)

/* Every move, for the lists where edges meet. */
static unsigned (*const moves[])(struct bd_listview *) = {
	bd_listview_up,      bd_listview_down,      bd_listview_page_up, bd_listview_page_down,
	bd_listview_half_up, bd_listview_half_down, bd_listview_top,     bd_listview_bottom,
};
#define NMOVES (sizeof(moves) / sizeof(moves[0]))

static void test_every_move_on_an_empty_list_stays_at_zero(void **state)
{
	(void)state;
	for (size_t i = 0; i < NMOVES; i++) {
		struct bd_listview lv = list(0, 10);
		assert_int_equal(moves[i](&lv), 0);
		assert_view(lv, 0, 0);
	}
	struct bd_listview lv = list(0, 10);
	assert_int_equal(bd_listview_to(&lv, 5), 0);
	assert_int_equal(bd_listview_scroll(&lv, 3), 0);
	assert_int_equal(bd_listview_click(&lv, 0), 0);
	assert_view(lv, 0, 0);
	assert_int_equal(bd_listview_visible(&lv), 0);
}

static void test_every_move_on_one_row_stays_on_it(void **state)
{
	(void)state;
	for (size_t i = 0; i < NMOVES; i++) {
		struct bd_listview lv = list(1, 10);
		assert_int_equal(moves[i](&lv), 0);
		assert_view(lv, 0, 0);
	}
}

static void test_window_taller_than_the_list_never_scrolls(void **state)
{
	(void)state;
	struct bd_listview lv = list(5, 20);
	assert_int_equal(bd_listview_visible(&lv), 5);
	assert_int_equal(bd_listview_page_down(&lv), BD_LV_CURSOR);
	assert_view(lv, 4, 0);
	assert_int_equal(bd_listview_page_down(&lv), 0);
	assert_int_equal(bd_listview_scroll(&lv, 3), 0);
	assert_view(lv, 4, 0);
	assert_int_equal(bd_listview_page_up(&lv), BD_LV_CURSOR);
	assert_view(lv, 0, 0);
	bd_listview_bottom(&lv);
	assert_view(lv, 4, 0);
}

static void test_down_at_the_last_row_does_nothing(void **state)
{
	(void)state;
	struct bd_listview lv = list(3, 10);
	bd_listview_bottom(&lv);
	assert_int_equal(bd_listview_down(&lv), 0);
	assert_view(lv, 2, 0);
}

static void test_up_at_the_first_row_does_nothing(void **state)
{
	(void)state;
	struct bd_listview lv = list(30, 10);
	assert_int_equal(bd_listview_up(&lv), 0);
	assert_view(lv, 0, 0);
}

static void test_down_past_the_window_scrolls_one_row(void **state)
{
	(void)state;
	struct bd_listview lv = list(30, 10);
	bd_listview_to(&lv, 9);
	assert_view(lv, 9, 0);
	assert_int_equal(bd_listview_down(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_view(lv, 10, 1);
	/* Up inside the window does not scroll. */
	assert_int_equal(bd_listview_up(&lv), BD_LV_CURSOR);
	assert_view(lv, 9, 1);
}

static void test_page_down_moves_window_and_cursor_by_a_screen(void **state)
{
	(void)state;
	struct bd_listview lv = list(30, 10);
	bd_listview_down(&lv);
	assert_int_equal(bd_listview_page_down(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_view(lv, 11, 10);
	bd_listview_page_down(&lv);
	assert_view(lv, 21, 20);
}

static void test_page_down_clamps_at_last_row(void **state)
{
	(void)state;
	struct bd_listview lv = list(25, 10);
	bd_listview_page_down(&lv);
	assert_view(lv, 10, 10);
	/* Only five rows left to show: the window stops at the last screen. */
	bd_listview_page_down(&lv);
	assert_view(lv, 20, 15);
	/* On the last screen, a page down goes to the last row. */
	bd_listview_page_down(&lv);
	assert_view(lv, 24, 15);
	assert_int_equal(bd_listview_page_down(&lv), 0);
	assert_view(lv, 24, 15);
}

static void test_page_up_clamps_at_first_row(void **state)
{
	(void)state;
	struct bd_listview lv = list(25, 10);
	bd_listview_to(&lv, 13);
	assert_view(lv, 13, 4);
	bd_listview_page_up(&lv);
	assert_view(lv, 3, 0);
	bd_listview_page_up(&lv);
	assert_view(lv, 0, 0);
}

static void test_half_pages_move_half_a_screen(void **state)
{
	(void)state;
	struct bd_listview lv = list(100, 10);
	bd_listview_half_down(&lv);
	assert_view(lv, 5, 5);
	bd_listview_half_down(&lv);
	assert_view(lv, 10, 10);
	bd_listview_half_up(&lv);
	assert_view(lv, 5, 5);
	/* A window of one line still moves a row at a time. */
	bd_listview_resize(&lv, 1);
	bd_listview_half_down(&lv);
	assert_view(lv, 6, 6);
}

static void test_bottom_then_top(void **state)
{
	(void)state;
	struct bd_listview lv = list(1000, 20);
	assert_int_equal(bd_listview_bottom(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_view(lv, 999, 980);
	assert_int_equal(bd_listview_top(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_view(lv, 0, 0);
}

static void test_to_clamps_to_the_rows(void **state)
{
	(void)state;
	struct bd_listview lv = list(50, 10);
	bd_listview_to(&lv, 500);
	assert_view(lv, 49, 40);
	bd_listview_to(&lv, -3);
	assert_view(lv, 0, 0);
	bd_listview_to(&lv, 25);
	assert_view(lv, 25, 16);
}

static void test_wheel_scroll_drags_the_cursor_only_as_needed(void **state)
{
	(void)state;
	struct bd_listview lv = list(50, 10);
	bd_listview_to(&lv, 5);
	assert_int_equal(bd_listview_scroll(&lv, 3), BD_LV_SCROLLED);
	assert_view(lv, 5, 3);
	bd_listview_scroll(&lv, 5);
	assert_view(lv, 8, 8);
	bd_listview_scroll(&lv, 1000);
	assert_view(lv, 40, 40);
	bd_listview_scroll(&lv, -1000);
	assert_view(lv, 9, 0);
}

static void test_click_selects_the_row_under_the_line(void **state)
{
	(void)state;
	struct bd_listview lv = list(12, 10);
	bd_listview_scroll(&lv, 2);
	assert_view(lv, 2, 2);
	assert_int_equal(bd_listview_click(&lv, 4), BD_LV_CURSOR);
	assert_view(lv, 6, 2);
	/* Below the last row, and outside the window: nothing. */
	struct bd_listview short_list = list(3, 10);
	assert_int_equal(bd_listview_click(&short_list, 5), 0);
	assert_int_equal(bd_listview_click(&short_list, -1), 0);
	assert_view(short_list, 0, 0);
}

static void test_shrinking_the_window_past_the_cursor_keeps_it_visible(void **state)
{
	(void)state;
	struct bd_listview lv = list(100, 20);
	bd_listview_to(&lv, 15);
	assert_int_equal(bd_listview_resize(&lv, 5), BD_LV_SCROLLED);
	assert_view(lv, 15, 11);
	/* Down to a single line: the cursor's row is the window. */
	bd_listview_resize(&lv, 1);
	assert_view(lv, 15, 15);
	/* A height of zero (a tiny terminal) counts as one line. */
	bd_listview_resize(&lv, 0);
	assert_int_equal(lv.height, 1);
	assert_view(lv, 15, 15);
}

static void test_growing_the_window_fills_it_from_above_at_the_end(void **state)
{
	(void)state;
	struct bd_listview lv = list(30, 10);
	bd_listview_bottom(&lv);
	assert_view(lv, 29, 20);
	/* Taller: no blank lines under the last row while rows above hide. */
	bd_listview_resize(&lv, 15);
	assert_view(lv, 29, 15);
	bd_listview_resize(&lv, 50);
	assert_view(lv, 29, 0);
	/* In the middle, growing keeps the first row where it was. */
	struct bd_listview mid = list(100, 10);
	bd_listview_to(&mid, 50);
	assert_view(mid, 50, 41);
	bd_listview_resize(&mid, 20);
	assert_view(mid, 50, 41);
}

static void test_total_shrinking_under_the_cursor_moves_it_to_the_last_row(void **state)
{
	(void)state;
	struct bd_listview lv = list(100, 10);
	bd_listview_to(&lv, 80);
	/* The cursor's row is gone and only 40 rows remain. */
	bd_listview_set_rows(&lv, 40, false, -1);
	assert_view(lv, 39, 30);
	/* Everything gone. */
	bd_listview_set_rows(&lv, 0, false, -1);
	assert_view(lv, 0, 0);
	/* Rows come back: the cursor is on the first. */
	bd_listview_set_rows(&lv, 5, false, -1);
	assert_view(lv, 0, 0);
}

static void test_vanished_row_leaves_the_cursor_at_its_index(void **state)
{
	(void)state;
	struct bd_listview lv = list(100, 10);
	bd_listview_to(&lv, 20);
	assert_view(lv, 20, 11);
	bd_listview_set_rows(&lv, 99, false, -1);
	assert_view(lv, 20, 11);
}

static void test_refresh_keeps_the_cursor_on_its_row_and_its_line(void **state)
{
	(void)state;
	struct bd_listview lv = list(100, 10);
	bd_listview_to(&lv, 20);
	assert_view(lv, 20, 11);
	/* Three new rows sorted above it: the row is now 23, on the same
	 * screen line. */
	assert_int_equal(bd_listview_set_rows(&lv, 103, false, 23), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_view(lv, 23, 14);
	/* Its row moved to the top of the list: the window follows as far
	 * as it can. */
	bd_listview_set_rows(&lv, 103, false, 2);
	assert_view(lv, 2, 0);
	/* And to the end. */
	bd_listview_set_rows(&lv, 103, false, 102);
	assert_view(lv, 102, 93);
}

static void test_unknown_total_asks_for_more_rows_at_the_end(void **state)
{
	(void)state;
	struct bd_listview lv;
	bd_listview_init(&lv, 10);
	bd_listview_set_rows(&lv, 50, true, 0); /* a first page of 50 rows loaded */
	bd_listview_to(&lv, 48);
	assert_int_equal(bd_listview_down(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	assert_int_equal(bd_listview_down(&lv), BD_LV_WANT_MORE);
	assert_view(lv, 49, 40);
	assert_true(bd_listview_page_down(&lv) & BD_LV_WANT_MORE);
	assert_true(bd_listview_bottom(&lv) & BD_LV_WANT_MORE);
	/* More rows loaded: the same move goes on. */
	bd_listview_set_rows(&lv, 100, true, 49);
	assert_view(lv, 49, 40);
	assert_int_equal(bd_listview_down(&lv), BD_LV_CURSOR | BD_LV_SCROLLED);
	/* The end reached: no more asking. */
	bd_listview_set_rows(&lv, 100, false, 50);
	assert_int_equal(bd_listview_bottom(&lv) & BD_LV_WANT_MORE, 0);
	assert_view(lv, 99, 90);
	/* Moving up never asks. */
	bd_listview_set_rows(&lv, 100, true, 99);
	assert_int_equal(bd_listview_up(&lv) & BD_LV_WANT_MORE, 0);
}

static void test_random_moves_keep_the_invariant(void **state)
{
	(void)state;
	struct bd_listview lv;
	bd_listview_init(&lv, 7);
	unsigned seed = 12345;
	for (int i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) & 0x7fff;
		switch (r % 14) {
		case 8:
			bd_listview_resize(&lv, (int)(r / 14 % 30) - 2);
			break;
		case 9:
			bd_listview_set_rows(&lv, (long)(r / 14 % 60), r & 1,
					     (long)(r / 7 % 70) - 5);
			break;
		case 10:
			bd_listview_to(&lv, (long)(r / 14 % 80) - 10);
			break;
		case 11:
			bd_listview_scroll(&lv, (long)(r / 14 % 41) - 20);
			break;
		case 12:
			bd_listview_click(&lv, (int)(r / 14 % 12) - 1);
			break;
		case 13:
			bd_listview_move(&lv, (long)(r / 14 % 41) - 20);
			break;
		default:
			moves[r % 8](&lv);
		}
		if (!bd_listview_valid(&lv))
			fail_msg("step %d: rows %ld cursor %ld top %ld height %d", i, lv.rows,
				 lv.cursor, lv.top, lv.height);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_move_on_an_empty_list_stays_at_zero),
		cmocka_unit_test(test_every_move_on_one_row_stays_on_it),
		cmocka_unit_test(test_window_taller_than_the_list_never_scrolls),
		cmocka_unit_test(test_down_at_the_last_row_does_nothing),
		cmocka_unit_test(test_up_at_the_first_row_does_nothing),
		cmocka_unit_test(test_down_past_the_window_scrolls_one_row),
		cmocka_unit_test(test_page_down_moves_window_and_cursor_by_a_screen),
		cmocka_unit_test(test_page_down_clamps_at_last_row),
		cmocka_unit_test(test_page_up_clamps_at_first_row),
		cmocka_unit_test(test_half_pages_move_half_a_screen),
		cmocka_unit_test(test_bottom_then_top),
		cmocka_unit_test(test_to_clamps_to_the_rows),
		cmocka_unit_test(test_wheel_scroll_drags_the_cursor_only_as_needed),
		cmocka_unit_test(test_click_selects_the_row_under_the_line),
		cmocka_unit_test(test_shrinking_the_window_past_the_cursor_keeps_it_visible),
		cmocka_unit_test(test_growing_the_window_fills_it_from_above_at_the_end),
		cmocka_unit_test(test_total_shrinking_under_the_cursor_moves_it_to_the_last_row),
		cmocka_unit_test(test_vanished_row_leaves_the_cursor_at_its_index),
		cmocka_unit_test(test_refresh_keeps_the_cursor_on_its_row_and_its_line),
		cmocka_unit_test(test_unknown_total_asks_for_more_rows_at_the_end),
		cmocka_unit_test(test_random_moves_keep_the_invariant),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
