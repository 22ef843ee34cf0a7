/* test_prose_diag.c: which words of a prose bounce are the server's reply
 * (a session transcript's next steps are not), and which messages that
 * talk about a bounce are none. */
#include "testdetect.h"

/* A notice that shows the SMTP session: the account of the recipient ends
 * with the server's reply to RCPT TO, before the client's QUIT. */
static void test_transcript_ends_with_the_reply(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Mail Delivery System <postmaster@mail.example.org>\n"
		       "To: ann@example.org\n"
		       "Subject: Delivery failure: plans\n"
		       "\n"
		       "Your message could not be delivered to one of its recipients.\n"
		       "\n"
		       "--- Session transcript ---\n"
		       " MAIL FROM:<ann@example.org>\n"
		       " 250 2.1.0 Ok\n"
		       " RCPT TO:<bo@example.net>\n"
		       " 550 5.1.1 <bo@example.net>: no such user\n"
		       " QUIT\n"
		       " 221 2.0.0 Bye\n"
		       "--- End of session transcript ---\n",
		       &r);
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *rc = rcpt(&r, "bo@example.net");
	assert_diag_has(rc, "550 5.1.1 <bo@example.net>: no such user");
	assert_null(strstr(rc->diagnostic, "QUIT"));
	assert_null(strstr(rc->diagnostic, "Bye"));
	assert_verdict(&r, rc, "userunknown", true);
	bd_report_done(&r);
}

/* A reply wrapped so that "DATA command)" opens a line is one reply. */
static void test_wrapped_stage_stays_with_the_reply(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Mail Delivery System <postmaster@mail.example.org>\n"
		       "To: ann@example.org\n"
		       "Subject: Undelivered Mail Returned to Sender\n"
		       "\n"
		       "Your message could not be delivered.\n"
		       "\n"
		       "Recipient: <cy@example.net>\n"
		       "550 5.7.1 message content rejected (in reply to end of\n"
		       "DATA command)\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_diag_has(rcpt(&r, "cy@example.net"), "DATA command)");
	bd_report_done(&r);
}

/* CommuniGate Pro puts the address in quotes: "Failed to deliver to
 * '<a@b>'"; each quoted address is a recipient with its own account. */
static void test_quoted_address_after_to(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Mail Delivery Module <MAILER-DAEMON@cgp.example.net>\n"
		       "To: ann@example.org\n"
		       "Subject: Undeliverable mail: plans\n"
		       "\n"
		       "Failed to deliver to '<di@example.net>'\n"
		       "LOCAL module(account di) reports:\n"
		       " mailbox is full\n"
		       "\n"
		       "Failed to deliver to '<ed@example.com>'\n"
		       "SMTP module(domain example.com) reports:\n"
		       " relay.example.com: 554 5.7.1 <ed@example.com>: Relay access denied\n",
		       &r);
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *di = rcpt(&r, "di@example.net");
	assert_diag_has(di, "mailbox is full");
	assert_int_not_equal(di->diagnostic[0], '\'');
	assert_verdict(&r, di, "mailboxfull", false);
	const struct bd_rcpt *ed = rcpt(&r, "ed@example.com");
	assert_null(strstr(ed->diagnostic, "mailbox is full"));
	assert_verdict(&r, ed, "norelaying", false);
	bd_report_done(&r);
}

/* A person's answer to a bounce that quotes it reports no failure, and
 * the address in the person's own words is no recipient. */
static void test_person_reply_quoting_a_bounce(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Rosa Lang <rosa@example.net>\n"
		       "To: ann@example.org\n"
		       "Subject: Re: Undelivered Mail Returned to Sender\n"
		       "In-Reply-To: <bounce.1@mta.example.org>\n"
		       "\n"
		       "Her mailbox moved to fay@example.net last week.\n"
		       "\n"
		       "> <fay@example.org>: host mx.example.org said: 550 5.1.1\n"
		       ">     User unknown (in reply to RCPT TO command)\n",
		       &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.kind, BD_KIND_NOTBOUNCE);
	bd_report_done(&r);
}

/* The same subject without a thread to answer stays a bounce. */
static void test_reply_subject_without_thread_is_still_read(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: Mail Delivery System <MAILER-DAEMON@mta.example.org>\n"
		       "To: ann@example.org\n"
		       "Subject: Re: Undelivered Mail Returned to Sender\n"
		       "\n"
		       "<fay@example.org>: host mx.example.org said: 550 5.1.1\n"
		       "    User unknown (in reply to RCPT TO command)\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_verdict(&r, rcpt(&r, "fay@example.org"), "userunknown", true);
	bd_report_done(&r);
}

/* MailEnable names a recipient as "[SMTP:a@b]" and gives the server's
 * words after "Reason:"; the bracket and the label are not the reply. */
static void test_bracketed_address_and_reason_label(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str(
		"From: Mail Delivery System <POSTMASTER@example.net>\n"
		"To: ann@example.org\n"
		"Subject: Message Delivery Failure\n"
		"\n"
		"The following recipient(s) could not be reached:\n"
		"\n"
		"\tRecipient: [SMTP:gil@example.com]\n"
		"\tReason: Remote SMTP Server Returned: 552 5.2.2 mailbox exceeds its quota\n",
		&r);
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *rc = rcpt(&r, "gil@example.com");
	assert_str(rc->diagnostic,
		   "Remote SMTP Server Returned: 552 5.2.2 mailbox exceeds its quota");
	assert_str(rc->replycode, "552");
	assert_verdict(&r, rc, "mailboxfull", false);
	bd_report_done(&r);
}

/* Lines between the address and the "Reason:" label (the subject) are not
 * the diagnostic. */
static void test_subject_line_before_reason_is_left_out(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: FirstClass Internet Services <postmaster@fc.example.net>\n"
		       "To: ann@example.org\n"
		       "Subject: Undeliverable Message: plans\n"
		       "\n"
		       "Your message could not be delivered.\n"
		       "\n"
		       "To:      hal@nohost.example.org\n"
		       "Subject: plans\n"
		       "Reason:  Host unknown\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_str(rcpt(&r, "hal@nohost.example.org")->diagnostic, "Host unknown");
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transcript_ends_with_the_reply),
		cmocka_unit_test(test_wrapped_stage_stays_with_the_reply),
		cmocka_unit_test(test_quoted_address_after_to),
		cmocka_unit_test(test_person_reply_quoting_a_bounce),
		cmocka_unit_test(test_reply_subject_without_thread_is_still_read),
		cmocka_unit_test(test_bracketed_address_and_reason_label),
		cmocka_unit_test(test_subject_line_before_reason_is_left_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
