/* test_dsn_utf8_xtext.c: a delivery report that writes UTF-8 recipient
 * addresses in ASCII as RFC 6533's utf-8-addr-xtext ("\x{HEXPOINT}" for
 * each non-ASCII character) names them as the characters they stand for. */
#include "testlib.h"

#include "../../core/report.h"

static const char *const msg =
	"From: Mail Delivery System <MAILER-DAEMON@smtp.example.org>\n"
	"To: office@example.org\n"
	"Subject: Undelivered Mail Returned to Sender\n"
	"MIME-Version: 1.0\n"
	"Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
	"--B\n"
	"Content-Type: text/plain\n\n"
	"Delivery to the following recipients failed permanently.\n\n"
	"--B\n"
	"Content-Type: message/delivery-status\n\n"
	"Reporting-MTA: dns; smtp.example.org\n\n"
	"Final-Recipient: utf-8; j\\x{F6}rg.m\\x{FC}ller@example.de\n"
	"Original-Recipient: utf-8; \\x{8CA9}\\x{58F2}@example.org\n"
	"Action: failed\n"
	"Status: 5.1.1\n\n"
	"Final-Recipient: utf-8; \\x{1F600}.fan@example.jp\n"
	"Action: failed\n"
	"Status: 5.2.2\n\n"
	"Final-Recipient: utf-8; bad\\x{zz}@example.jp\n"
	"Action: failed\n"
	"Status: 5.1.1\n\n"
	"--B--\n";

static void test_xtext_decoded(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str(msg, &r);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.rcpt[0].recipient, "jörg.müller@example.de");
	assert_non_null(r.rcpt[0].alias);
	assert_string_equal(r.rcpt[0].alias, "販売@example.org");
	assert_string_equal(r.rcpt[1].recipient, "😀.fan@example.jp");
	/* A malformed escape is no character: that address is unreadable. */
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xtext_decoded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
