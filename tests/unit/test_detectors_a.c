/* test_detectors_a.c: the MTA detectors of core/detectors/list_mta_a.def,
 * each on a small fixture in that MTA's format (tests/fixtures/detectors). */
#include "testdetect.h"

static void assert_rcpt(const struct bd_rcpt *rc, const char *addr, const char *status,
			const char *code, const char *diag_has)
{
	assert_str(rc->recipient, addr);
	assert_str(rc->status, status);
	assert_str(rc->replycode, code);
	assert_non_null(rc->diagnostic);
	if (!strstr(rc->diagnostic, diag_has))
		fail_msg("diagnostic \"%s\" lacks \"%s\"", rc->diagnostic, diag_has);
}

static void test_dragonfly(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "dragonfly", "dragonfly", 1);
	assert_rcpt(&r.rcpt[0], "nobody@example.com", "5.1.1", "550",
		    "550 5.1.1 <nobody@example.com>: no mailbox by that name here");
	assert_str(r.rcpt[0].command, "RCPT");
	assert_str(r.rcpt[0].remote_mta, "mx1.example.com");
	bd_report_done(&r);
}

static void test_exim(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "exim", "exim", 2);
	assert_rcpt(&r.rcpt[0], "gone@example.com", "5.1.1", "550",
		    "550 5.1.1 <gone@example.com>: this account was closed");
	assert_str(r.rcpt[0].command, "RCPT");
	assert_str(r.rcpt[0].remote_mta, "mx.example.com");
	assert_rcpt(&r.rcpt[1], "full@example.net", "5.2.2", "552",
		    "552 5.2.2 quota of this mailbox is used up");
	assert_str(r.rcpt[1].command, "DATA");
	assert_str(r.rcpt[1].alias, "alias@example.org");
	/* Exim's own framing is not the server's words. */
	assert_null(strstr(r.rcpt[1].diagnostic, "SMTP error"));
	bd_report_done(&r);
}

/* Exim's delay warning ("The address to which the message has not yet been
 * delivered is:"): a delay notice, and the reason's command and reply. */
static void test_exim_delay_warning(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v14b-exim-warning-24h-dsn-quota.eml", &r);
	assert_str(r.detector, "exim");
	assert_str(bd_kind_name(r.kind), "delay");
	assert_int_equal(r.n, 1);
	assert_rcpt(&r.rcpt[0], "vera.holm@example.net", "4.2.2", "452",
		    "452 4.2.2 <vera.holm@example.net>: Mailbox is over quota");
	assert_str(r.rcpt[0].command, "RCPT");
	assert_str(r.rcpt[0].action, "delayed");
	bd_report_done(&r);
}

/* A report in Gmail's words that also carries a delivery-status part: the
 * part names the recipient and its codes. */
static void test_gmail_words_with_a_delivery_status_part(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Mail Delivery Subsystem <mailer-daemon@relay.example.net>\n"
		       "To: news@shop.example\n"
		       "Subject: Delivery Status Notification (Failure)\n"
		       "MIME-Version: 1.0\n"
		       "Content-Type: multipart/report; report-type=delivery-status; "
		       "boundary=\"b1\"\n"
		       "\n"
		       "--b1\n"
		       "Content-Type: text/plain\n"
		       "\n"
		       "Delivery to the following recipients failed permanently:\n"
		       "\n"
		       "     sam@example.org\n"
		       "\n"
		       "--b1\n"
		       "Content-Type: message/delivery-status\n"
		       "\n"
		       "Reporting-MTA: dns; relay.example.net\n"
		       "\n"
		       "Final-Recipient: rfc822; sam@example.org\n"
		       "Action: failed\n"
		       "Status: 5.1.1\n"
		       "Diagnostic-Code: smtp; 550 5.1.1 <sam@example.org>: no such user\n"
		       "\n"
		       "--b1--\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_rcpt(&r.rcpt[0], "sam@example.org", "5.1.1", "550",
		    "550 5.1.1 <sam@example.org>: no such user");
	bd_report_done(&r);
}

static void test_gmail(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "gmail", "gmail", 1);
	assert_rcpt(&r.rcpt[0], "missing@example.jp", "5.1.1", "550",
		    "550 5.1.1 <missing@example.jp>: unknown local part");
	assert_null(strstr(r.rcpt[0].diagnostic, "Google tried"));
	bd_report_done(&r);
}

static void test_gmx(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "gmx", "gmx", 1);
	assert_rcpt(&r.rcpt[0], "busy@example.jp", "5.2.2", NULL,
		    "5.2.2 <busy@example.jp>... mailbox has no room left");
	assert_str(r.rcpt[0].command, "RCPT");
	assert_str(r.rcpt[0].remote_mta, "mx.example.jp");
	bd_report_done(&r);
}

static void test_exchange2003(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "exchange2003", "exchange2003", 1);
	assert_rcpt(&r.rcpt[0], "nobody@example.com", NULL, NULL,
		    "The recipient name is not recognized");
	assert_null(strstr(r.rcpt[0].diagnostic, "MTS-ID"));
	/* The X.400 "recipient name is not recognized" is Exchange's own
	 * directory lookup: an address verdict without an SMTP stage. */
	assert_null(r.rcpt[0].command);
	assert_verdict(&r, &r.rcpt[0], "userunknown", true);
	bd_report_done(&r);
}

/* The Internet Mail Connector relays "Recipient Not Found" without saying
 * at which stage: not proof that the address is bad. */
static void test_exchange2003_connector(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "exchange2003-imc", "exchange2003", 1);
	assert_rcpt(&r.rcpt[0], "tom@example.net", NULL, NULL, "Recipient Not Found");
	assert_null(r.rcpt[0].command);
	assert_verdict(&r, &r.rcpt[0], "filtered", false);
	bd_report_done(&r);
}

static void test_amazonses(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "amazonses", "amazonses", 1);
	assert_rcpt(&r.rcpt[0], "denied@example.jp", "5.7.1", "550",
		    "550 5.7.1 <denied@example.jp>... relaying refused");
	assert_null(strstr(r.rcpt[0].diagnostic, "delivery attempts"));
	bd_report_done(&r);
}

/* An SNS notification in JSON: its bounceSubType is Amazon SES's own class,
 * which decides when the receiver's words are unknown to the rules. */
static void test_amazonses_json_subtype(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "amazonses-json", "amazonses", 1);
	assert_rcpt(&r.rcpt[0], "carol@mail.example.org", "5.0.0", "550",
		    "550 Box ZX-7 cannot take more messages now");
	assert_str(r.rcpt[0].mta_category, "mailboxfull");
	assert_verdict(&r, &r.rcpt[0], "mailboxfull", false);
	bd_report_done(&r);
}

static void test_kddi(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "kddi", "kddi", 1);
	assert_rcpt(&r.rcpt[0], "stuffed@example.jp", NULL, NULL, "As their mailbox is full.");
	bd_report_done(&r);
}

static void test_ezweb(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "ezweb", "ezweb", 1);
	assert_rcpt(&r.rcpt[0], "nosuch@example.jp", NULL, "550",
		    "550 <nosuch@example.jp>: no such user on this system");
	assert_str(r.rcpt[0].command, "RCPT");
	bd_report_done(&r);
}

static void test_imailserver(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "imailserver", "imailserver", 1);
	assert_rcpt(&r.rcpt[0], "ghost@example.com", NULL, NULL, "Unknown user");
	/* IMail's own "REASON: addr" line is its local delivery's verdict. */
	assert_verdict(&r, &r.rcpt[0], "userunknown", true);
	bd_report_done(&r);
}

static void test_biglobe(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "biglobe", "biglobe", 1);
	assert_rcpt(&r.rcpt[0], "packed@example.jp", NULL, NULL,
		    "The mailbox of this recipient holds too many messages.");
	bd_report_done(&r);
}

static void test_messagingserver(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "messagingserver", "messagingserver", 1);
	/* The DSN says 5.0.0; the server's reply says 5.7.1. */
	assert_rcpt(&r.rcpt[0], "locked@example.org", "5.7.1", "550",
		    "550 5.7.1 this mailbox is locked by the administrator");
	bd_report_done(&r);
}

static void test_mailmarshal(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "mailmarshal", "mailmarshal", 1);
	assert_rcpt(&r.rcpt[0], "absent@example.com", "5.1.1", "550",
		    "550 5.1.1 recipient not known here");
	assert_str(r.rcpt[0].remote_mta, "192.0.2.61");
	bd_report_done(&r);
}

static void test_googlegroups(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "googlegroups", "googlegroups", 1);
	assert_rcpt(&r.rcpt[0], "team-list@googlegroups.com", NULL, NULL,
		    "may not exist, or you may not be allowed to post");
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dragonfly),
		cmocka_unit_test(test_exim),
		cmocka_unit_test(test_exim_delay_warning),
		cmocka_unit_test(test_gmail),
		cmocka_unit_test(test_gmail_words_with_a_delivery_status_part),
		cmocka_unit_test(test_gmx),
		cmocka_unit_test(test_exchange2003),
		cmocka_unit_test(test_exchange2003_connector),
		cmocka_unit_test(test_amazonses),
		cmocka_unit_test(test_amazonses_json_subtype),
		cmocka_unit_test(test_kddi),
		cmocka_unit_test(test_ezweb),
		cmocka_unit_test(test_imailserver),
		cmocka_unit_test(test_biglobe),
		cmocka_unit_test(test_messagingserver),
		cmocka_unit_test(test_mailmarshal),
		cmocka_unit_test(test_googlegroups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
