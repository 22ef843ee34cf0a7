/* test_jpnotice.c: the reader of Japanese gateway notices (no report part,
 * recipients after a label) takes what it is for and leaves the rest: a
 * message held for an approver, and a notice that quotes a server's answer. */
#include "testdetect.h"

#define HEAD HEAD_SUBJECT("=?UTF-8?B?6YCB5L+h44Ko44Op44O8?=") /* 送信エラー */
#define HEAD_SUBJECT(s)                                   \
	"From: Mail Gateway <gateway@mx.example.co.jp>\n" \
	"To: taro@example.co.jp\n"                        \
	"Subject: " s "\n"                                \
	"Date: Wed, 12 Feb 2025 14:03:12 +0900\n"         \
	"Auto-Submitted: auto-generated\n"                \
	"MIME-Version: 1.0\n"                             \
	"Content-Type: text/plain; charset=utf-8\n"       \
	"Content-Transfer-Encoding: 8bit\n\n"

/* Stopped by a rule of the sending organisation: each labelled address is
 * a recipient, with the paragraph above the labels as its diagnostic. */
static void test_stopped_by_rule(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str(
		HEAD
		"あなたが送信した以下のメールは、送信ルールに該当したため送信を中止しました。\n"
		"\n"
		"宛先: hanako@example.net, jiro@example.org\n"
		"件名: 見積書\n",
		&r);
	assert_str(r.detector, "jpnotice");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *h = rcpt(&r, "hanako@example.net");
	assert_diag_has(h, "送信を中止");
	assert_verdict(&r, h, "policyviolation", false);
	assert_non_null(rcpt(&r, "jiro@example.org"));
	bd_report_done(&r);
}

/* Held until an approver decides: nothing has failed yet, so it is an
 * automatic answer, not a failure of the named recipients. */
static void test_held_for_approval_is_no_failure(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str(
		HEAD_SUBJECT(
			"[承認待ち] 見積書") "あなたが送信した以下のメールは、ルールに該当したため保留されました。\n"
					     "承認されるまで、メールは受信者に届きません。\n"
					     "\n"
					     "宛先: hanako@example.net\n",
		&r);
	assert_str(bd_kind_name(r.kind), "autoreply");
	for (size_t i = 0; i < r.n; i++)
		assert_string_not_equal(r.rcpt[i].recipient ? r.rcpt[i].recipient : "",
					"hanako@example.net");
	bd_report_done(&r);
}

/* The same words around a server's quoted answer are an MTA's notice: the
 * reply and its code are read, not replaced by the paragraph. */
static void test_quoted_server_answer_is_left_to_others(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str(
		HEAD "以下のメールは配信されませんでした。受信側のポリシーにより拒否されました。\n"
		     "\n"
		     "宛先: hanako@example.net\n"
		     "    550 5.7.1 <hanako@example.net>: Recipient address rejected: "
		     "Access denied\n",
		&r);
	assert_true(r.detector == NULL || strcmp(r.detector, "jpnotice") != 0);
	const struct bd_rcpt *h = rcpt(&r, "hanako@example.net");
	assert_str(h->status, "5.7.1");
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stopped_by_rule),
		cmocka_unit_test(test_held_for_approval_is_no_failure),
		cmocka_unit_test(test_quoted_server_answer_is_left_to_others),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
