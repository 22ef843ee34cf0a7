/* test_mime.c: the MIME layer, header decoding and charsets. */
#include "testlib.h"

#include "../../core/arena.h"
#include "../../core/charset.h"
#include "../../core/mime.h"

struct ctx {
	struct bd_arena a;
	struct bd_charset_cache cs;
	struct bd_mime m;
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof(*c));
	bd_arena_init(&c->a);
	bd_charset_cache_init(&c->cs);
	c->m.arena = &c->a;
	c->m.cs = &c->cs;
	c->m.max_depth = 32;
	c->m.max_parts = 1000;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;
	bd_charset_cache_done(&c->cs);
	bd_arena_done(&c->a);
	free(c);
	return 0;
}

static struct bd_part *parse(struct ctx *c, const char *s)
{
	return bd_mime_parse(&c->m, s, strlen(s));
}

static void test_folded_header_is_unfolded(void **state)
{
	struct ctx *c = *state;
	struct bd_part *p = parse(c, "Subject: one\n two\n\tthree\nX: y\n\nbody\n");
	assert_str(bd_headers_get(&p->hdr, "subject"), "one two\tthree");
	assert_str(bd_headers_get(&p->hdr, "X"), "y");
	assert_int_equal(p->raw_len, 5);
}

static void test_encoded_words_b_and_q_are_decoded(void **state)
{
	struct ctx *c = *state;
	char *s =
		bd_mime_decode_header(&c->m, "=?UTF-8?B?44Gr44KD44KT?= =?iso-8859-1?Q?caf=E9_ok?=");
	assert_str(s, "にゃんcafé ok");
}

static void test_iso2022jp_subject_is_converted(void **state)
{
	struct ctx *c = *state;
	/* "配信" in ISO-2022-JP, base64 */
	char *s = bd_mime_decode_header(&c->m, "=?ISO-2022-JP?B?GyRCR1s/LhsoQg==?=");
	assert_str(s, "配信");
}

static void test_invalid_utf8_is_replaced(void **state)
{
	struct ctx *c = *state;
	char *s = bd_mime_decode_header(&c->m, "bad \xff\xfe byte");
	assert_str(s, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
	/* Long ASCII runs around a NUL, a stray byte and a good character, at
	 * every offset the eight-byte fast path may meet them. */
	for (size_t k = 0; k < 9; k++) {
		char in[64], want[80];
		size_t n = 0, w = 0;
		for (size_t i = 0; i < 12 + k; i++)
			in[n++] = want[w++] = 'a';
		in[n++] = '\0';
		memcpy(want + w, "\xEF\xBF\xBD", 3);
		w += 3;
		memcpy(in + n, "bcdefghij\xC3\xA9klmnopq\x80rs", 21);
		n += 21;
		memcpy(want + w, "bcdefghij\xC3\xA9klmnopq\xEF\xBF\xBDrs", 23);
		w += 23;
		size_t outlen;
		char *out = bd_utf8_sanitize(&c->a, in, n, &outlen);
		assert_int_equal(outlen, w);
		assert_memory_equal(out, want, w);
	}
}

static void test_shift_jis_and_euc_jp_body(void **state)
{
	struct ctx *c = *state;
	/* "宛先" in Shift_JIS and in EUC-JP */
	const char *sj = "\x88\xb6\x90\xe6";
	const char *euc = "\xb0\xb8\xc0\xe8";
	assert_str(bd_to_utf8(&c->cs, &c->a, "Shift_JIS", sj, 4, NULL), "宛先");
	assert_str(bd_to_utf8(&c->cs, &c->a, "euc-jp", euc, 4, NULL), "宛先");
	assert_str(bd_to_utf8(&c->cs, &c->a, "windows-1252", "\x93q\x94", 3, NULL), "“q”");
}

static void test_unknown_charset_falls_back_to_utf8(void **state)
{
	struct ctx *c = *state;
	assert_str(bd_to_utf8(&c->cs, &c->a, "x-no-such-charset", "ok\x80", 3, NULL),
		   "ok\xEF\xBF\xBD");
}

static void test_eight_bit_text_labelled_iso2022jp_is_utf8(void **state)
{
	struct ctx *c = *state;
	/* ISO-2022-JP is 7-bit: UTF-8 text under that label is kept as it is. */
	assert_str(
		bd_to_utf8(&c->cs, &c->a, "ISO-2022-JP", "宛先 error", strlen("宛先 error"), NULL),
		"宛先 error");
	/* Real ISO-2022-JP still goes through the converter. */
	assert_str(bd_to_utf8(&c->cs, &c->a, "ISO-2022-JP", "\x1b$B08@h\x1b(B", 10, NULL), "宛先");
	/* Without a label, the shift into JIS X 0208 says what the text is,
	 * wherever it stands: in the first bytes, or after a run of ASCII. */
	assert_str(bd_to_utf8(&c->cs, &c->a, NULL, "\x1b$B08@h\x1b(B", 10, NULL), "宛先");
	const char *late = "550 5.1.1 Recipient: \x1b$B08@h\x1b(B unknown";
	assert_str(bd_to_utf8(&c->cs, &c->a, NULL, late, strlen(late), NULL),
		   "550 5.1.1 Recipient: 宛先 unknown");
	const char *us = "550 5.1.1 Recipient: \x1b$B08@h\x1b(B unknown";
	assert_str(bd_to_utf8(&c->cs, &c->a, "us-ascii", us, strlen(us), NULL),
		   "550 5.1.1 Recipient: 宛先 unknown");
}

static void test_rfc2231_parameter_continuations(void **state)
{
	struct ctx *c = *state;
	const char *ct =
		"application/octet-stream; name*0*=UTF-8''%E5%AE%9B; name*1*=%E5%85%88.txt";
	assert_str(bd_header_param(&c->m, ct, "name"), "宛先.txt");
	assert_str(bd_header_param(&c->m, "text/plain; charset=\"ISO-2022-JP\"", "charset"),
		   "ISO-2022-JP");
}

static void test_nested_multipart_and_message_rfc822(void **state)
{
	struct ctx *c = *state;
	struct bd_part *p =
		parse(c, "Content-Type: multipart/report; boundary=\"o\"\n\n"
			 "preamble\n--o\nContent-Type: text/plain\n\nhello\n"
			 "--o\nContent-Type: message/rfc822\n\nSubject: inner\n\ninner body\n"
			 "--o--\nepilogue\n");
	assert_str(p->type, "multipart/report");
	assert_non_null(p->child);
	assert_str(p->child->type, "text/plain");
	assert_int_equal(p->child->raw_len, 5);
	struct bd_part *m = p->child->next;
	assert_str(m->type, "message/rfc822");
	assert_str(bd_headers_get(&m->child->hdr, "Subject"), "inner");
	assert_null(m->next);
}

static void test_missing_close_boundary_keeps_last_part(void **state)
{
	struct ctx *c = *state;
	struct bd_part *p = parse(c, "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n"
				     "--b\n\nsecond part runs to the end\n");
	assert_non_null(p->child);
	assert_non_null(p->child->next);
	size_t n;
	const char *t = bd_part_text(&c->m, p->child->next, &n);
	assert_str(t, "second part runs to the end\n");
}

static void test_boundary_never_seen_keeps_body_as_text(void **state)
{
	struct ctx *c = *state;
	struct bd_part *p = parse(c, "Content-Type: multipart/mixed; boundary=zz\n\nplain words\n");
	assert_str(p->type, "text/plain");
	assert_null(p->child);
}

static void test_base64_and_quoted_printable_bodies(void **state)
{
	struct ctx *c = *state;
	struct bd_part *p =
		parse(c, "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
			 "Content-Transfer-Encoding: base64\n\naGVsbG8g\nd29ybGQ=\n--b\n"
			 "Content-Transfer-Encoding: quoted-printable\n"
			 "Content-Type: text/plain; charset=utf-8\n\n"
			 "caf=C3=A9 soft=\nbreak\n--b--\n");
	size_t n;
	assert_str(bd_part_text(&c->m, p->child, &n), "hello world");
	assert_str(bd_part_text(&c->m, p->child->next, &n), "café softbreak");
}

static void test_depth_limit_sets_error_instead_of_recursing(void **state)
{
	struct ctx *c = *state;
	char *msg = malloc(200 * 1000);
	size_t o = 0;
	for (int i = 0; i < 1000; i++)
		o += (size_t)sprintf(
			msg + o, "Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n", i, i);
	strcpy(msg + o, "\nend\n");
	parse(c, msg);
	assert_non_null(c->m.error);
	assert_non_null(strstr(c->m.error, "nesting"));
	free(msg);
}

static void test_crlf_and_cr_normalise_to_lf(void **state)
{
	struct ctx *c = *state;
	size_t n;
	char *s = bd_mime_normalize_eol(&c->a, "a\r\nb\rc\n", 7, &n);
	assert_str(s, "a\nb\nc\n");
	assert_int_equal(n, 6);
	/* A CR at the very end, two CRs in a row, CR CR LF, and no CR. */
	s = bd_mime_normalize_eol(&c->a, "x\r\ry\r\r\nz\r", 9, &n);
	assert_str(s, "x\n\ny\n\nz\n");
	assert_int_equal(n, 8);
	s = bd_mime_normalize_eol(&c->a, "plain\ntext", 10, &n);
	assert_str(s, "plain\ntext");
	assert_int_equal(n, 10);
	s = bd_mime_normalize_eol(&c->a, "", 0, &n);
	assert_str(s, "");
	assert_int_equal(n, 0);
}

static void test_html_to_text(void **state)
{
	struct ctx *c = *state;
	size_t n;
	const char *h =
		"<html><style>x{}</style><p>User&nbsp;unknown &lt;a@b&gt;</p>x&#x3042;</html>";
	char *t = bd_html_to_text(&c->a, h, strlen(h), &n);
	assert_str(t, "\nUser unknown <a@b>\nxあ");
	/* A newline in the source after <br> is white space, not a second
	 * line break; <pre> keeps its lines. */
	h = "<p>Ana (a@b)<br>\nEl servidor\n  remoto</p>\n<pre>x\n  y</pre>";
	t = bd_html_to_text(&c->a, h, strlen(h), &n);
	assert_str(t, "\nAna (a@b)\nEl servidor remoto\n\nx\n  y\n");
}

/* A notice laid out as a table of labels and values reads as the lines a
 * plain-text notice would have: one line a row, "Label: value" where the
 * row is a short label and its value. */
static void test_html_table_rows(void **state)
{
	struct ctx *c = *state;
	size_t n;
	const char *h = "<table><tr><td>Recipient</td><td>kim@example.net</td></tr>\n"
			"<tr><th>Reason</th> <td>Mailbox full</td></tr></table>";
	char *t = bd_html_to_text(&c->a, h, strlen(h), &n);
	assert_str(t, "\nRecipient: kim@example.net\nReason: Mailbox full\n");
	/* Not a label: a first cell that is a sentence, an address or already
	 * ends in a colon, and a row of three cells (a layout). */
	h = "<table><tr><td>The message could not be delivered.</td><td>x</td></tr>"
	    "<tr><td>kim@example.net</td><td>550 unknown</td></tr>"
	    "<tr><td>Remote server:</td><td>mx.example.net</td></tr>"
	    "<tr><td>Sender</td><td>Relay</td><td>Recipient</td></tr></table>";
	t = bd_html_to_text(&c->a, h, strlen(h), &n);
	assert_str(t, "\nThe message could not be delivered. x\nkim@example.net 550 unknown\n"
		      "Remote server: mx.example.net\nSender Relay Recipient\n");
}

static void test_japanese_under_a_western_label_is_japanese(void **state)
{
	struct ctx *c = *state;
	/* "宛先のメール" in Shift_JIS under a Latin-1 label: its kana decide. */
	const char *sj = "\x88\xb6\x90\xe6\x82\xcc\x83\x81\x81\x5b\x83\x8b";
	assert_str(bd_to_utf8(&c->cs, &c->a, "ISO-8859-1", sj, 12, NULL), "宛先のメール");
	/* Latin-1 prose stays Latin-1. */
	assert_str(bd_to_utf8(&c->cs, &c->a, "ISO-8859-1", "caf\xe9 \xe0 la cr\xe8me", 15, NULL),
		   "café à la crème");
}

static void test_japanese_under_the_other_japanese_label(void **state)
{
	struct ctx *c = *state;
	/* "宛先のメール" in EUC-JP under a Shift_JIS label, in Shift_JIS under an
	 * EUC-JP label, and in UTF-8 under either: the bytes decide. */
	const char *euc = "\xb0\xb8\xc0\xe8\xa4\xce\xa5\xe1\xa1\xbc\xa5\xeb";
	const char *sj = "\x88\xb6\x90\xe6\x82\xcc\x83\x81\x81\x5b\x83\x8b";
	assert_str(bd_to_utf8(&c->cs, &c->a, "Shift_JIS", euc, 12, NULL), "宛先のメール");
	assert_str(bd_to_utf8(&c->cs, &c->a, "EUC-JP", sj, 12, NULL), "宛先のメール");
	assert_str(bd_to_utf8(&c->cs, &c->a, "Shift_JIS", "宛先のメール", strlen("宛先のメール"),
			      NULL),
		   "宛先のメール");
	assert_str(
		bd_to_utf8(&c->cs, &c->a, "EUC-JP", "宛先のメール", strlen("宛先のメール"), NULL),
		"宛先のメール");
	/* Shift_JIS under its own label is left alone. */
	assert_str(bd_to_utf8(&c->cs, &c->a, "Shift_JIS", sj, 12, NULL), "宛先のメール");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_folded_header_is_unfolded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_encoded_words_b_and_q_are_decoded, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_iso2022jp_subject_is_converted, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_invalid_utf8_is_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shift_jis_and_euc_jp_body, setup, teardown),
		cmocka_unit_test_setup_teardown(test_japanese_under_the_other_japanese_label, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unknown_charset_falls_back_to_utf8, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_eight_bit_text_labelled_iso2022jp_is_utf8,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_japanese_under_a_western_label_is_japanese,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_rfc2231_parameter_continuations, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_nested_multipart_and_message_rfc822, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_missing_close_boundary_keeps_last_part, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_boundary_never_seen_keeps_body_as_text, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_base64_and_quoted_printable_bodies, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit_sets_error_instead_of_recursing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_crlf_and_cr_normalise_to_lf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_to_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_table_rows, setup, teardown),
	};
	return cmocka_run_group_tests_name("mime", tests, NULL, NULL);
}
