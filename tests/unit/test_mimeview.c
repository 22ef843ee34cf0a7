/* test_mimeview.c: the raw pager's decoded view of a message (mimeview.h):
 * charsets and transfer encodings undone, attached messages nested, binary
 * parts summarised, escape sequences left for bd_text_visible to show. */
#include "testlib.h"

#include "../../core/mimeview.h"
#include "../../core/str.h"
#include "../../core/textfmt.h"

/* The view as text: one "K|line" per line, K the kind's initial. */
static void collect(void *ctx, const struct bd_mv_line *l)
{
	static const char kinds[] = "PHBN";
	struct bd_buf *b = ctx;
	bd_buf_addc(b, kinds[l->kind]);
	bd_buf_addc(b, '|');
	bd_buf_add(b, l->text, l->len);
	bd_buf_addc(b, '\n');
}

static char *view(const char *msg, size_t len, bool all)
{
	struct bd_buf b;
	bd_buf_init(&b);
	bd_mime_view(msg, len, all, collect, &b);
	return bd_buf_take(&b);
}

static char *fixture_view(bool all)
{
	size_t len;
	char *msg = test_fixture("tui/mime.eml", &len);
	char *v = view(msg, len, all);
	free(msg);
	return v;
}

#define assert_has(hay, needle)                                              \
	do {                                                                 \
		if (!strstr((hay), (needle)))                                \
			fail_msg("missing \"%s\" in:\n%s", (needle), (hay)); \
	} while (0)

static void test_base64_iso2022jp_part_reads_as_japanese(void **state)
{
	(void)state;
	char *v = fixture_view(false);
	assert_has(v, "P|  [1] text/plain; charset=iso-2022-jp; base64; 74 bytes\n");
	assert_has(v, "B|    宛先のメールアドレスは存在しません。\n");
	assert_has(v, "B|    もう一度ご確認ください。\n");
	/* No ISO-2022-JP escape is left in the text. */
	assert_null(strstr(v, "\x1b$B"));
	free(v);
}

static void test_message_headers_main_or_all(void **state)
{
	(void)state;
	char *v = fixture_view(false);
	assert_has(v, "H|From: MAILER-DAEMON@mx.example.jp\n");
	assert_has(v, "N|(2 more headers)\n");
	assert_null(strstr(v, "MIME-Version"));
	free(v);
	v = fixture_view(true);
	assert_has(v, "H|MIME-Version: 1.0\n");
	/* Every part's own headers too. */
	assert_has(v, "H|    Content-Transfer-Encoding: base64\n");
	assert_null(strstr(v, "more header"));
	free(v);
}

static void test_nested_rfc822_is_indented_with_its_headers(void **state)
{
	(void)state;
	char *v = fixture_view(false);
	assert_has(v, "P|[message] multipart/report; 3 parts\n");
	assert_has(v, "P|  [2] message/delivery-status; ");
	assert_has(v, "B|    Status: 5.1.1\n");
	assert_has(v, "P|  [3] message/rfc822, attached message: multipart/mixed; 2 parts\n");
	assert_has(v, "H|    Subject: Your invoice\n");
	assert_has(v, "P|    [3.1] text/plain; charset=utf-8; quoted-printable; ");
	free(v);
}

static void test_binary_part_is_summarised(void **state)
{
	(void)state;
	char *v = fixture_view(false);
	assert_has(v, "P|    [3.2] application/pdf; base64; file invoice.pdf; 521 bytes\n");
	assert_has(v, "N|      (binary application/pdf, 521 bytes, not shown)\n");
	assert_null(strstr(v, "%PDF"));
	free(v);
}

static void test_escape_in_decoded_part_is_made_visible(void **state)
{
	(void)state;
	char *v = fixture_view(false);
	/* The view hands over the text as decoded, ESC included... */
	const char *line = strstr(v, "B|      Hello ");
	assert_non_null(line);
	const char *end = strchr(line, '\n');
	/* ...and the pager's visible form shows it as ^[. */
	struct bd_buf b;
	bd_buf_init(&b);
	bd_text_visible(line, (size_t)(end - line), BD_VIS_TABS, &b);
	assert_string_equal(b.data, "B|      Hello ^[[31mred^[[0m café");
	assert_null(memchr(b.data, 0x1b, b.len));
	bd_buf_done(&b);
	free(v);
}

static void test_html_part_as_text_and_broken_mime(void **state)
{
	(void)state;
	const char *msg = "Subject: x\r\nContent-Type: text/html; charset=iso-8859-1\r\n"
			  "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
			  "<p>Caf=E9 &amp; <b>bar</b></p>\r\n";
	char *v = view(msg, strlen(msg), false);
	assert_has(v, "P|[message] text/html; charset=iso-8859-1; quoted-printable; ");
	assert_has(v, "Café & bar");
	assert_null(strstr(v, "<b>"));
	free(v);
	/* A multipart whose boundary never comes: the body as text. */
	msg = "Content-Type: multipart/mixed; boundary=zz\n\nonly text\n";
	v = view(msg, strlen(msg), false);
	assert_has(v, "B|  only text\n");
	free(v);
	/* Nothing at all still gives a view. */
	v = view("", 0, false);
	assert_has(v, "P|[message] text/plain; 0 bytes\n");
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_iso2022jp_part_reads_as_japanese),
		cmocka_unit_test(test_message_headers_main_or_all),
		cmocka_unit_test(test_nested_rfc822_is_indented_with_its_headers),
		cmocka_unit_test(test_binary_part_is_summarised),
		cmocka_unit_test(test_escape_in_decoded_part_is_made_visible),
		cmocka_unit_test(test_html_part_as_text_and_broken_mime),
	};
	return cmocka_run_group_tests_name("mimeview", tests, NULL, NULL);
}
