/* test_textfmt.c: display widths, visible forms of hostile text, cutting
 * and padding at wide characters, styled lines and column dates. */
#include "testlib.h"

#include "../../core/textfmt.h"

/* The visible form of s, as a string owned by the caller's buffer. */
static const char *visible(struct bd_buf *b, const char *s)
{
	bd_buf_reset(b);
	bd_text_visible(s, strlen(s), 0, b);
	return b->data ? b->data : "";
}

static const char *clip(struct bd_buf *b, const char *s, int skip, int width, int *got)
{
	bd_buf_reset(b);
	*got = bd_text_clip(s, strlen(s), skip, width, b);
	return b->data ? b->data : "";
}

static void test_ascii_is_one_column_a_character(void **state)
{
	(void)state;
	assert_int_equal(bd_text_width("user@example.com", 16), 16);
	assert_int_equal(bd_text_width("", 0), 0);
}

static void test_japanese_characters_are_two_columns(void **state)
{
	(void)state;
	/* Kanji, hiragana, katakana, fullwidth forms and the ideographic space. */
	assert_int_equal(bd_text_width("宛先不明", strlen("宛先不明")), 8);
	assert_int_equal(bd_text_width("ひらがなカタカナ", strlen("ひらがなカタカナ")), 16);
	assert_int_equal(bd_wcwidth(0xFF21), 2); /* FULLWIDTH LATIN CAPITAL A */
	assert_int_equal(bd_wcwidth(0x3000), 2); /* IDEOGRAPHIC SPACE */
	/* Halfwidth katakana stay narrow. */
	assert_int_equal(bd_text_width("ｶﾀｶﾅ", strlen("ｶﾀｶﾅ")), 4);
	/* Mixed: "ユーザ user" = 6 + 1 + 4. */
	assert_int_equal(bd_text_width("ユーザ user", strlen("ユーザ user")), 11);
	/* Hangul syllables and CJK extension B. */
	assert_int_equal(bd_wcwidth(0xAC00), 2);
	assert_int_equal(bd_wcwidth(0x20000), 2);
}

static void test_combining_marks_take_no_column(void **state)
{
	(void)state;
	/* "e" + COMBINING ACUTE ACCENT, "か" + COMBINING DAKUTEN. */
	assert_int_equal(bd_text_width("e\xcc\x81", 3), 1);
	assert_int_equal(bd_text_width("か\xe3\x82\x99", strlen("か\xe3\x82\x99")), 2);
	assert_int_equal(bd_wcwidth(0x200B), 0); /* ZERO WIDTH SPACE */
	assert_int_equal(bd_wcwidth(0xFE0F), 0); /* VARIATION SELECTOR-16 */
	assert_int_equal(bd_wcwidth(0x00E9), 1);
}

static void test_control_characters_are_shown_visibly(void **state)
{
	(void)state;
	struct bd_buf b;
	bd_buf_init(&b);
	assert_string_equal(visible(&b, "a\tb\r\n"), "a^Ib^M^J");
	assert_string_equal(visible(&b, "del\x7f"), "del^?");
	/* NUL inside a field. */
	bd_buf_reset(&b);
	bd_text_visible("x\0y", 3, 0, &b);
	assert_string_equal(b.data, "x^@y");
	assert_int_equal(bd_text_width("a\tb", 3), 4);
	assert_int_equal(bd_wcwidth(0x1b), -1);
	bd_buf_done(&b);
}

static void test_escape_sequences_are_shown_not_sent(void **state)
{
	(void)state;
	struct bd_buf b;
	bd_buf_init(&b);
	/* A colour change and a title-setting OSC: ESC becomes ^[, BEL ^G. */
	assert_string_equal(visible(&b, "\x1b[31mred\x1b[0m"), "^[[31mred^[[0m");
	assert_string_equal(visible(&b, "\x1b]0;owned\x07"), "^[]0;owned^G");
	/* The C1 control CSI (U+009B, encoded in UTF-8) is shown as \x9b. */
	assert_string_equal(visible(&b, "\xc2\x9b"
					"2J"),
			    "\\x9b2J");
	assert_int_equal(bd_text_width("\xc2\x9b", 2), 4);
	/* A right-to-left override cannot reorder the address on screen. */
	assert_string_equal(visible(&b, "moc.\xe2\x80\xae"
					"evil"),
			    "moc.<U+202E>evil");
	for (size_t i = 0; i < b.len; i++)
		assert_true((unsigned char)b.data[i] >= 0x20 && b.data[i] != 0x7f);
	bd_buf_done(&b);
}

static void test_tabs_expand_to_eight_columns_in_pager_text(void **state)
{
	(void)state;
	struct bd_buf b;
	bd_buf_init(&b);
	assert_int_equal(bd_text_visible("ab\tc\td", 6, BD_VIS_TABS, &b), 17);
	assert_string_equal(b.data, "ab      c       d");
	bd_buf_done(&b);
}

static void test_invalid_utf8_becomes_replacement_characters(void **state)
{
	(void)state;
	struct bd_buf b;
	bd_buf_init(&b);
	/* A Latin-1 byte, a lone continuation byte, an overlong "/", a
	 * surrogate, a sequence cut short at the end. */
	assert_string_equal(visible(&b, "caf\xe9"), "caf\xef\xbf\xbd");
	assert_string_equal(visible(&b, "\x80x"), "\xef\xbf\xbdx");
	assert_string_equal(visible(&b, "\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(visible(&b, "\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(visible(&b, "ok\xe6\x97"), "ok\xef\xbf\xbd");
	/* A lone C1 byte is not UTF-8 either: replaced, not passed through. */
	assert_string_equal(visible(&b, "\x9b"
					"2J"),
			    "\xef\xbf\xbd"
			    "2J");
	assert_int_equal(bd_text_width("caf\xe9", 4), 4);
	uint32_t cp;
	assert_int_equal(bd_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(bd_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	bd_buf_done(&b);
}

static void test_clip_keeps_text_that_fits(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	assert_string_equal(clip(&b, "abc", 0, 3, &w), "abc");
	assert_int_equal(w, 3);
	assert_string_equal(clip(&b, "abc", 0, 10, &w), "abc");
	assert_int_equal(w, 3);
	assert_string_equal(clip(&b, "abc", 0, 0, &w), "");
	assert_int_equal(w, 0);
	bd_buf_done(&b);
}

static void test_clip_ends_with_an_ellipsis_exactly_at_width(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	assert_string_equal(clip(&b, "abcdef", 0, 4, &w), "abc…");
	assert_int_equal(w, 4);
	assert_int_equal(bd_text_width(b.data, b.len), 4);
	assert_string_equal(clip(&b, "abcdef", 0, 1, &w), "…");
	assert_int_equal(w, 1);
	bd_buf_done(&b);
}

static void test_clip_never_splits_a_wide_character_at_the_edge(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	/* Exactly four wide characters fit eight columns: no ellipsis. */
	assert_string_equal(clip(&b, "宛先不明", 0, 8, &w), "宛先不明");
	assert_int_equal(w, 8);
	/* Seven columns: three characters and the ellipsis. */
	assert_string_equal(clip(&b, "宛先不明", 0, 7, &w), "宛先不…");
	assert_int_equal(w, 7);
	/* Six: "宛先" + ellipsis is 5; a wide character cannot take the
	 * sixth column alone, so the result is one short. */
	assert_string_equal(clip(&b, "宛先不明", 0, 6, &w), "宛先…");
	assert_int_equal(w, 5);
	/* Two columns: no wide character fits beside the ellipsis. */
	assert_string_equal(clip(&b, "宛先不明", 0, 2, &w), "…");
	assert_int_equal(w, 1);
	/* A narrow character after a wide one fills the edge exactly. */
	assert_string_equal(clip(&b, "宛先a不明", 0, 6, &w), "宛先a…");
	assert_int_equal(w, 6);
	bd_buf_done(&b);
}

static void test_clip_keeps_combining_marks_with_their_letter(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	assert_string_equal(clip(&b,
				 "e\xcc\x81"
				 "e\xcc\x81",
				 0, 2, &w),
			    "e\xcc\x81"
			    "e\xcc\x81");
	assert_int_equal(w, 2);
	assert_string_equal(clip(&b, "e\xcc\x81xyz", 0, 2, &w), "e\xcc\x81…");
	bd_buf_done(&b);
}

static void test_clip_counts_visible_control_forms(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	/* "^[" takes two columns; it is never split into "^". */
	assert_string_equal(clip(&b, "\x1b[2J", 0, 5, &w), "^[[2J");
	assert_string_equal(clip(&b, "\x1b[2J", 0, 2, &w), "…");
	assert_string_equal(clip(&b, "a\x1b[2J", 0, 3, &w), "a…");
	assert_int_equal(w, 2);
	bd_buf_done(&b);
}

static void test_clip_scrolled_right_replaces_half_a_wide_character(void **state)
{
	(void)state;
	struct bd_buf b;
	int w;
	bd_buf_init(&b);
	assert_string_equal(clip(&b, "abcdef", 2, 10, &w), "cdef");
	/* Skipping one column of "宛" leaves its right half: a space. */
	assert_string_equal(clip(&b, "宛先不明", 1, 7, &w), " 先不明");
	assert_int_equal(w, 7);
	assert_string_equal(clip(&b, "宛先不明", 2, 4, &w), "先…");
	assert_int_equal(w, 3);
	assert_string_equal(clip(&b, "abc", 5, 4, &w), "");
	assert_int_equal(w, 0);
	bd_buf_done(&b);
}

static void test_fit_pads_to_exactly_the_width(void **state)
{
	(void)state;
	struct bd_buf b;
	bd_buf_init(&b);
	assert_int_equal(bd_text_fit("ab", 2, 5, BD_ALIGN_LEFT, &b), 5);
	assert_string_equal(b.data, "ab   ");
	bd_buf_reset(&b);
	bd_text_fit("42", 2, 5, BD_ALIGN_RIGHT, &b);
	assert_string_equal(b.data, "   42");
	bd_buf_reset(&b);
	/* A wide character left out at the edge is made up with a space. */
	bd_text_fit("宛先不明", strlen("宛先不明"), 6, BD_ALIGN_LEFT, &b);
	assert_string_equal(b.data, "宛先… ");
	assert_int_equal(bd_text_width(b.data, b.len), 6);
	bd_buf_reset(&b);
	bd_text_fit("宛先", strlen("宛先"), 6, BD_ALIGN_RIGHT, &b);
	assert_string_equal(b.data, "  宛先");
	bd_buf_done(&b);
}

/* Checks the bd_line invariant written beside the struct. */
static void assert_line_valid(const struct bd_line *l)
{
	size_t off = 0;
	int col = 0;
	for (size_t i = 0; i < l->nspans; i++) {
		assert_int_equal(l->spans[i].off, off);
		assert_int_equal(l->spans[i].col, col);
		assert_true(l->spans[i].len > 0);
		assert_int_equal(bd_text_width(l->text.data + off, l->spans[i].len),
				 l->spans[i].width);
		if (i > 0)
			assert_int_not_equal(l->spans[i].style, l->spans[i - 1].style);
		off += l->spans[i].len;
		col += l->spans[i].width;
	}
	assert_int_equal(off, l->text.len);
	assert_int_equal(col, l->width);
}

static void test_line_cells_carry_their_styles(void **state)
{
	(void)state;
	struct bd_line l;
	bd_line_init(&l);
	bd_line_add_cell(&l, BD_STYLE_NORMAL, "山田@例え.jp", strlen("山田@例え.jp"), 10,
			 BD_ALIGN_LEFT);
	bd_line_add(&l, BD_STYLE_NORMAL, " ", 1, 0);
	bd_line_add_cell(&l, BD_STYLE_STOPPED, "stopped", 7, 7, BD_ALIGN_LEFT);
	bd_line_pad_to(&l, BD_STYLE_NORMAL, 20);
	assert_line_valid(&l);
	assert_int_equal(l.width, 20);
	assert_int_equal(l.nspans, 3);
	assert_int_equal(l.spans[1].style, BD_STYLE_STOPPED);
	assert_int_equal(l.spans[1].col, 11);
	assert_string_equal(l.text.data, "山田@例え… stopped  ");
	bd_line_done(&l);
}

static void test_line_shows_control_characters_in_their_own_style(void **state)
{
	(void)state;
	struct bd_line l;
	bd_line_init(&l);
	bd_line_add(&l, BD_STYLE_NORMAL, "a\x1b[1mb", 6, 0);
	assert_line_valid(&l);
	assert_string_equal(l.text.data, "a^[[1mb");
	assert_int_equal(l.nspans, 3);
	assert_int_equal(l.spans[1].style, BD_STYLE_CONTROL);
	assert_int_equal(l.spans[1].len, 2);
	bd_line_done(&l);
}

static void test_restyle_marks_a_match_inside_a_span(void **state)
{
	(void)state;
	struct bd_line l;
	bd_line_init(&l);
	bd_line_add(&l, BD_STYLE_NORMAL, "550 宛先不明 user unknown",
		    strlen("550 宛先不明 user unknown"), 0);
	const char *hit = strstr(l.text.data, "不明");
	bd_line_restyle(&l, (size_t)(hit - l.text.data), strlen("不明"), BD_STYLE_MATCH);
	assert_line_valid(&l);
	assert_int_equal(l.nspans, 3);
	assert_int_equal(l.spans[1].style, BD_STYLE_MATCH);
	assert_int_equal(l.spans[1].col, 8);
	assert_int_equal(l.spans[1].width, 4);
	/* A range starting inside a character is widened to the character. */
	bd_line_restyle(&l, 5, 1, BD_STYLE_MATCH);
	assert_line_valid(&l);
	assert_int_equal(l.spans[1].off, 4);
	assert_int_equal(l.spans[1].width, 2);
	/* Restyling everything back leaves one span. */
	bd_line_restyle(&l, 0, l.text.len, BD_STYLE_NORMAL);
	assert_line_valid(&l);
	assert_int_equal(l.nspans, 1);
	bd_line_done(&l);
}

static void test_style_names_read_back(void **state)
{
	(void)state;
	for (int i = 0; i < BD_STYLE_COUNT; i++) {
		enum bd_style st;
		assert_true(bd_style_parse(bd_style_name((enum bd_style)i), &st));
		assert_int_equal(st, i);
	}
	enum bd_style st;
	assert_false(bd_style_parse("blinking", &st));
}

static void test_relative_dates_for_columns(void **state)
{
	(void)state;
	char buf[32];
	int64_t now = 1700000000;
	assert_string_equal(bd_text_date(now - 30, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
			    "now");
	assert_string_equal(bd_text_date(now - 300, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
			    "5m ago");
	assert_string_equal(
		bd_text_date(now - 3 * 3600, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)), "3h ago");
	assert_string_equal(
		bd_text_date(now - 3 * 86400 - 5, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
		"3d ago");
	assert_string_equal(
		bd_text_date(now - 21 * 86400, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
		"3w ago");
	assert_string_equal(
		bd_text_date(now - 100 * 86400, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
		"3mo ago");
	assert_string_equal(
		bd_text_date(now - 800 * 86400, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
		"2y ago");
	/* A sender's clock ahead of ours. */
	assert_string_equal(bd_text_date(now + 7200, now, 0, BD_DATE_RELATIVE, buf, sizeof(buf)),
			    "in 2h");
}

static void test_absolute_and_compact_dates_use_the_given_offset(void **state)
{
	(void)state;
	char buf[32];
	int64_t t = 1700000000; /* 2023-11-14 22:13:20 UTC */
	assert_string_equal(bd_text_date(t, t, 0, BD_DATE_ABSOLUTE, buf, sizeof(buf)),
			    "2023-11-14 22:13");
	/* JST, nine hours east: already the next day. */
	assert_string_equal(bd_text_date(t, t, 9 * 3600, BD_DATE_ABSOLUTE, buf, sizeof(buf)),
			    "2023-11-15 07:13");
	assert_string_equal(bd_text_date(t, t + 60, 0, BD_DATE_COMPACT, buf, sizeof(buf)), "22:13");
	assert_string_equal(bd_text_date(t, t + 10 * 86400, 0, BD_DATE_COMPACT, buf, sizeof(buf)),
			    "Nov 14");
	assert_string_equal(bd_text_date(t, t + 60 * 86400, 0, BD_DATE_COMPACT, buf, sizeof(buf)),
			    "2023-11-14");
	/* Before the epoch. */
	assert_string_equal(bd_text_date(-86400, 0, 0, BD_DATE_ABSOLUTE, buf, sizeof(buf)),
			    "1969-12-31 00:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_is_one_column_a_character),
		cmocka_unit_test(test_japanese_characters_are_two_columns),
		cmocka_unit_test(test_combining_marks_take_no_column),
		cmocka_unit_test(test_control_characters_are_shown_visibly),
		cmocka_unit_test(test_escape_sequences_are_shown_not_sent),
		cmocka_unit_test(test_tabs_expand_to_eight_columns_in_pager_text),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement_characters),
		cmocka_unit_test(test_clip_keeps_text_that_fits),
		cmocka_unit_test(test_clip_ends_with_an_ellipsis_exactly_at_width),
		cmocka_unit_test(test_clip_never_splits_a_wide_character_at_the_edge),
		cmocka_unit_test(test_clip_keeps_combining_marks_with_their_letter),
		cmocka_unit_test(test_clip_counts_visible_control_forms),
		cmocka_unit_test(test_clip_scrolled_right_replaces_half_a_wide_character),
		cmocka_unit_test(test_fit_pads_to_exactly_the_width),
		cmocka_unit_test(test_line_cells_carry_their_styles),
		cmocka_unit_test(test_line_shows_control_characters_in_their_own_style),
		cmocka_unit_test(test_restyle_marks_a_match_inside_a_span),
		cmocka_unit_test(test_style_names_read_back),
		cmocka_unit_test(test_relative_dates_for_columns),
		cmocka_unit_test(test_absolute_and_compact_dates_use_the_given_offset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
