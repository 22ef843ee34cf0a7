/* test_detectors_b.c: the postfix, qmail, sendmail, courier, zoho, james,
 * smtpdetails, notes, rfc3464, arf, autoreply and fallback detectors on small
 * messages written
 * in each format (tests/fixtures/detectors). */
#include "testdetect.h"

static void test_qmail_remote_reply_and_hash_status(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/qmail.eml", &r);
	assert_str(r.detector, "qmail");
	assert_str(bd_kind_name(r.kind), "bounce");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *a = rcpt(&r, "alice@example.com");
	assert_str(a->status, "5.1.1");
	assert_str(a->replycode, "550");
	assert_str(a->command, "RCPT");
	assert_str(a->remote_mta, "203.0.113.7");
	assert_str(a->diagnostic, "550 5.1.1 <alice@example.com>: mailbox does not exist here");
	const struct bd_rcpt *b = rcpt(&r, "bob@example.jp");
	assert_str(b->status, "5.1.1");
	assert_null(b->replycode);
	assert_str(b->diagnostic, "Sorry, no mailbox here by that name. (#5.1.1)");
	bd_report_done(&r);
}

static void test_yahoo_colon_reply_code(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/yahoo.eml", &r);
	assert_str(r.detector, "qmail");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *k = rcpt(&r, "kate@example.jp");
	assert_str(k->replycode, "550");
	assert_null(k->status);
	assert_diag_has(k, "unknown recipient");
	bd_report_done(&r);
}

/* Yahoo's older notices end the remote reply with the SMTP step. */
static void test_yahoo_step_tag(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/yahoo-step.eml", &r);
	assert_str(r.detector, "qmail");
	assert_int_equal(r.n, 3);
	const struct bd_rcpt *q = rcpt(&r, "quinn@example.jp");
	assert_str(q->command, "RCPT");
	assert_str(q->status, "5.2.1");
	/* Refused at RCPT: the address was judged, whatever the 5.2.1. */
	assert_verdict(&r, q, "userunknown", true);
	const struct bd_rcpt *s = rcpt(&r, "rose@example.jp");
	assert_str(s->command, "MAIL");
	assert_verdict(&r, s, "rejected", false);
	/* A bracketed word that names no command says nothing of the stage. */
	const struct bd_rcpt *t = rcpt(&r, "sam@example.jp");
	assert_null(t->command);
	bd_report_done(&r);
}

/* Courier shows the command each recipient's reply answered. */
static void test_courier_stage_per_recipient(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/courier.eml", &r);
	assert_str(r.detector, "courier");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *v = rcpt(&r, "vera@example.jp");
	assert_str(v->command, "DATA");
	assert_str(v->status, "5.0.0");
	assert_str(v->diagnostic, "550 Unknown user vera@example.jp");
	/* "Unknown user" after DATA: a filter's refusal, not a bad address. */
	assert_verdict(&r, v, "filtered", false);
	const struct bd_rcpt *w = rcpt(&r, "walt@example.net");
	assert_str(w->command, "RCPT");
	assert_verdict(&r, w, "userunknown", true);
	bd_report_done(&r);
}

/* Courier's delay warning: the DSN part gives no Diagnostic-Code, and the
 * reply in the transcript is the diagnostic, without the "<<< " marker. */
static void test_courier_delay_reply_without_marker(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v13a-courier-delayed-greylist.eml", &r);
	assert_str(r.detector, "courier");
	assert_str(bd_kind_name(r.kind), "delay");
	const struct bd_rcpt *b = rcpt(&r, "bruno.vidal@example.net");
	assert_str(b->command, "RCPT");
	assert_str(b->diagnostic, "451 4.7.1 <bruno.vidal@example.net>: Recipient address "
				  "rejected: Greylisted, please try again in 300 seconds");
	bd_report_done(&r);
}

/* A notice that calls its failure permanent is no delay, though its
 * template also says "you do not need to resend"; one that says the
 * failure is not permanent stays a delay. */
static void test_permanent_notice_is_not_a_delay(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/mdaemon-userunknown.eml", &r);
	assert_str(bd_kind_name(r.kind), "bounce");
	const struct bd_rcpt *l = rcpt(&r, "leo.schmidt@example.com");
	assert_true(!l->action || strcmp(l->action, "delayed") != 0);
	assert_verdict(&r, l, "userunknown", true);
	bd_report_done(&r);
	test_parse_str("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
		       "To: ann@example.org\nSubject: Delivery delayed\n\n"
		       "This is not a permanent failure.  You do not need to resend your "
		       "message: delivery to <bo@example.com> will be retried.\n\n"
		       "  bo@example.com: 451 4.3.0 Mailbox temporarily unavailable\n",
		       &r);
	const struct bd_rcpt *b = rcpt(&r, "bo@example.com");
	assert_str(b->action, "delayed");
	bd_report_done(&r);
}

/* Exim under a site's translated template: its own "host ... SMTP error
 * from remote mail server after CMD:" line still gives the remote host, the
 * command and the reply, which alone is the diagnostic. */
static void test_exim_line_under_translated_template(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v16b-exim-nl-latin1-template-spamcop-two.eml", &r);
	assert_int_equal(r.n, 2);
	for (size_t i = 0; i < r.n; i++) {
		const struct bd_rcpt *rc = &r.rcpt[i];
		assert_str(rc->command, "MAIL");
		assert_str(rc->remote_mta, "mx.bedrijf.example.nl");
		assert_str(rc->diagnostic,
			   "554 5.7.1 Service unavailable; Client host [192.0.2.250] "
			   "blocked using bl.spamcop.example");
		assert_verdict(&r, rc, "blocked", false);
	}
	bd_report_done(&r);
}

static void test_sendmail_transcript_beats_xunix_code(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/sendmail.eml", &r);
	assert_str(r.detector, "sendmail");
	assert_str(bd_kind_name(r.kind), "bounce");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *d = rcpt(&r, "dave@example.com");
	assert_str(d->status, "5.3.0");
	assert_str(d->replycode, "554");
	assert_str(d->diagnostic,
		   "554 5.3.0 local mailer failed with status 3 filter: cannot open spool file");
	bd_report_done(&r);
}

/* A transcript that ends with the server's answer to RCPT TO, with no
 * outcome line after it: that answer and its stage are the recipient's. */
static void test_sendmail_reply_to_rcpt_without_outcome(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/sendmail-rcpt-reply.eml", &r);
	assert_str(r.detector, "sendmail");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *o = rcpt(&r, "oscar@example.net");
	assert_str(o->command, "RCPT");
	assert_str(o->status, "5.7.1");
	assert_diag_has(o, "553 Invalid recipient");
	/* Refused at RCPT: the address itself was judged. */
	assert_verdict(&r, o, "userunknown", true);
	bd_report_done(&r);
}

/* A quoted local part in the transcript is a mailbox, not a program the
 * prog mailer ran ("\"|/usr/bin/procmail\""): refused at RCPT by a
 * remote server, not a local delivery. */
static void test_sendmail_quoted_local_part_is_no_program(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v38-sendmail-nodsn-quoted-localpart.eml", &r);
	assert_str(r.detector, "sendmail");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *j = rcpt(&r, "\"john..doe\"@example.com");
	assert_str(j->command, "RCPT");
	assert_str(j->remote_mta, "mx.example.com");
	assert_verdict(&r, j, "userunknown", true);
	bd_report_done(&r);
}

static void test_v5sendmail_outcome_lines(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/v5sendmail.eml", &r);
	assert_str(r.detector, "sendmail");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *f = rcpt(&r, "frank@example.com");
	assert_str(f->replycode, "550");
	assert_str(f->command, "RCPT");
	assert_str(f->remote_mta, "mx.example.com");
	assert_str(f->diagnostic, "550 <frank@example.com>... no such account");
	const struct bd_rcpt *g = rcpt(&r, "grace@example.jp");
	assert_str(g->replycode, "550");
	assert_null(g->command);
	assert_diag_has(g, "Host unknown");
	bd_report_done(&r);
}

static void test_zoho_error_code_line(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/zoho.eml", &r);
	assert_str(r.detector, "zoho");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *i = rcpt(&r, "ivy@example.com");
	assert_str(i->replycode, "550");
	assert_str(i->status, "5.1.1");
	assert_diag_has(i, "<ivy@example.com>... no such user");
	bd_report_done(&r);
}

static void test_rfc3464_two_recipients(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/rfc3464.eml", &r);
	assert_str(r.detector, "rfc3464");
	assert_str(bd_kind_name(r.kind), "bounce");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *a = rcpt(&r, "mia@example.com");
	assert_str(a->status, "5.1.1");
	assert_str(a->replycode, "550");
	assert_str(a->remote_mta, "in.example.com");
	assert_str(a->diagnostic, "550 5.1.1 <mia@example.com>: user not found");
	const struct bd_rcpt *b = rcpt(&r, "noah@example.jp");
	assert_str(b->status, "5.2.2");
	assert_str(b->replycode, "552");
	assert_str(b->diagnostic, "552 5.2.2 <noah@example.jp>: quota exceeded for this mailbox");
	bd_report_done(&r);
}

/* PowerMTA files each failure under its own class; that class decides
 * only when the receiver's words and codes say nothing we recognise. */
static void test_powermta_bounce_category(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "powermta", "rfc3464", 2);
	const struct bd_rcpt *a = rcpt(&r, "anna@mail.example.org");
	assert_str(a->mta_category, "quota-issues");
	struct bd_verdict v = verdict(&r, a);
	assert_str(v.reason->id, "mailboxfull");
	assert_non_null(strstr(v.rule, "default.rules:"));
	/* The receiver's own words outrank the sender's class. */
	const struct bd_rcpt *b = rcpt(&r, "ben@mail.example.org");
	assert_str(b->mta_category, "spam-related");
	assert_str(verdict(&r, b).reason->id, "filtered");
	bd_report_done(&r);
}

static void test_rfc3464_quoted_inline_fields(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/rfc3464-inline.eml", &r);
	assert_str(r.detector, "rfc3464");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *p = rcpt(&r, "paul@example.com");
	assert_str(p->status, "5.1.1");
	assert_str(p->replycode, "550");
	assert_str(p->diagnostic, "550 5.1.1 <paul@example.com>... unknown user");
	bd_report_done(&r);
}

static void test_delay_notice(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/delay.eml", &r);
	assert_str(r.detector, "rfc3464");
	assert_str(bd_kind_name(r.kind), "delay");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *q = rcpt(&r, "rose@example.jp");
	assert_str(q->action, "delayed");
	assert_str(q->status, "4.4.1");
	assert_null(q->replycode);
	assert_diag_has(q, "Connection timed out");
	bd_report_done(&r);
}

static void test_arf_complaint(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/arf.eml", &r);
	assert_str(r.detector, "arf");
	assert_str(bd_kind_name(r.kind), "feedback");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *s = rcpt(&r, "sam@example.net");
	assert_str(s->feedback_type, "abuse");
	assert_null(s->status);
	bd_report_done(&r);
}

static void test_vacation_autoreply(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/autoreply.eml", &r);
	assert_str(r.detector, "autoreply");
	assert_str(bd_kind_name(r.kind), "autoreply");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *t = rcpt(&r, "tina@example.com");
	assert_null(t->status);
	assert_null(t->replycode);
	assert_diag_has(t, "away until Monday");
	bd_report_done(&r);
	/* Numbers in a person's words are no codes of a server. */
	test_parse_str("From: Tina <tina@example.com>\n"
		       "To: uma@example.org\n"
		       "Subject: Automatic reply: notes\n"
		       "Auto-Submitted: auto-replied\n"
		       "\n"
		       "I am out of the office. Section 4.2.1 of the handbook says who\n"
		       "stands in for me. For urgent matters please contact the service\n"
		       "desk on +1 555 0100.\n",
		       &r);
	assert_str(bd_kind_name(r.kind), "autoreply");
	t = rcpt(&r, "tina@example.com");
	assert_null(t->status);
	assert_null(t->replycode);
	assert_null(t->command);
	bd_report_done(&r);
}

static void test_verp_bounce_without_address(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/verp.eml", &r);
	assert_str(r.detector, "fallback");
	assert_str(bd_kind_name(r.kind), "bounce");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *v = rcpt(&r, "victor@example.jp");
	assert_null(v->status);
	assert_diag_has(v, "mailbox is full");
	bd_report_done(&r);
}

static void test_postfix_prose_without_dsn(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/postfix.eml", &r);
	assert_str(r.detector, "postfix");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *a = rcpt(&r, "\"ann..lee\"@example.com");
	assert_str(a->status, "5.1.1");
	assert_str(a->replycode, "550");
	assert_str(a->command, "RCPT");
	assert_str(a->remote_mta, "mx.example.com");
	assert_str(
		a->diagnostic,
		"550 5.1.1 <\"ann..lee\"@example.com>: Recipient address rejected: User unknown");
	const struct bd_rcpt *c = rcpt(&r, "carl@example.jp");
	assert_str(c->alias, "info@example.org");
	assert_str(c->command, "DATA");
	assert_str(c->status, "5.7.1");
	assert_str(c->diagnostic, "554 5.7.1 Message refused as spam");
	bd_report_done(&r);
}

static void test_postfix_transcript_failing_reply(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/postfix-transcript.eml", &r);
	assert_str(r.detector, "postfix");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *d = rcpt(&r, "dora@example.org");
	assert_str(d->replycode, "452");
	assert_str(d->status, "4.3.1");
	assert_str(d->command, "DATA");
	assert_str(d->diagnostic, "452 4.3.1 Insufficient system storage");
	bd_report_done(&r);
}

/* A site's own notice text (bounce.cf): the DSN part's X-Postfix fields
 * still name Postfix, so the prose gives each recipient its command. */
static void test_postfix_site_template(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v14b-postfix-delay-customtemplate-two.eml", &r);
	assert_str(r.detector, "postfix");
	assert_int_equal(r.n, 2);
	const struct bd_rcpt *k = rcpt(&r, "karin.lund@example.net");
	assert_str(k->action, "delayed");
	assert_str(k->status, "4.7.1");
	assert_str(k->replycode, "450");
	assert_str(k->command, "RCPT");
	const struct bd_rcpt *l = rcpt(&r, "lars.ek@example.com");
	assert_str(l->status, "4.4.1");
	assert_null(l->command);
	bd_report_done(&r);
}

/* Remote-MTA "dns; NAME. (IP, the server for the domain D.)" (Gmail): the
 * host's name, without the comment and the root's dot. */
static void test_dsn_remote_mta_comment(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("probe/v14b-gmail-failure-yahoo-579-policy-b64.eml", &r);
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *n = rcpt(&r, "nils.ek@yahoo.example");
	assert_str(n->remote_mta, "mta7.am0.yahoodns.example");
	assert_str(n->reporting_mta, "googlemail.com");
	assert_str(n->status, "5.7.9");
	bd_report_done(&r);
}

static void test_james_message_details(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/james.eml", &r);
	assert_str(r.detector, "james");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *k = rcpt(&r, "5550100@mms.example.com");
	assert_str(k->replycode, "550");
	assert_str(k->diagnostic, "550 - Requested action not taken: no such user here");
	bd_report_done(&r);
}

static void test_smtpdetails_technical_details(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/smtpdetails.eml", &r);
	assert_str(r.detector, "smtpdetails");
	assert_int_equal(r.n, 1);
	const struct bd_rcpt *e = rcpt(&r, "erin@example.com");
	assert_str(e->status, "5.1.1");
	assert_str(e->replycode, "550");
	assert_str(e->command, "RCPT");
	assert_str(e->remote_mta, "192.0.2.30");
	assert_str(e->diagnostic, "550 5.1.1 <erin@example.com>... No such user here");
	bd_report_done(&r);
}

static void test_rfc3464_server_code_beats_x00(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/rfc3464-refine.eml", &r);
	assert_str(r.detector, "rfc3464");
	assert_int_equal(r.n, 2);
	assert_str(rcpt(&r, "hana@example.com")->status, "5.7.26");
	assert_str(rcpt(&r, "ivan@example.com")->action, "delivered");
	bd_report_done(&r);
}

static void test_nested_report(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/nested.eml", &r);
	assert_str(r.detector, "rfc3464");
	assert_int_equal(r.n, 1);
	assert_str(rcpt(&r, "fred@example.com")->status, "5.1.1");
	bd_report_done(&r);
}

static void test_fallback_reason_line(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/reason.eml", &r);
	assert_str(r.detector, "fallback");
	assert_int_equal(r.n, 1);
	assert_str(rcpt(&r, "gina@example.org")->diagnostic, "Mailbox full");
	bd_report_done(&r);
}

static void test_fallback_words_around_the_address(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/prose-before.eml", &r);
	assert_str(r.detector, "fallback");
	assert_int_equal(r.n, 3);
	/* The words before an address that ends its line are its account. */
	assert_diag_has(rcpt(&r, "olga@example.net"), "Mailbox quota exceeded");
	assert_diag_has(rcpt(&r, "olga@example.net"), "was not delivered");
	/* "to <address>" names a recipient; a mere introduction is left out. */
	assert_diag_has(rcpt(&r, "paul@example.net"), "check that the address is correct");
	/* ... and so is the "Reason:" label before the words. */
	assert_str(rcpt(&r, "quinn@example.net")->diagnostic, "the moon is in the wrong phase");
	bd_report_done(&r);
}

/* A remark in parentheses after the address ends a sentence that began
 * before it: the diagnostic is the whole sentence, not the remark. */
static void test_fallback_remark_after_the_address(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: postmaster@gw.example.com\n"
		       "To: news@shop.example\n"
		       "Subject: Delivery failure\n"
		       "Content-Type: text/plain\n"
		       "\n"
		       "Message from the mail gateway\n"
		       "\n"
		       "Reason:  Unable to deliver message to <rita@example.net> (and other "
		       "recipients in the same domain). Please check the address.\n"
		       "\n"
		       "--- Original message follows.\n"
		       "\n"
		       "From: news@shop.example\n"
		       "To: rita@example.net\n"
		       "Subject: Offers\n"
		       "\n"
		       "Hello\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_str(r.rcpt[0].recipient, "rita@example.net");
	assert_str(r.rcpt[0].diagnostic, "Unable to deliver message to <rita@example.net> (and "
					 "other recipients in the same domain). Please check "
					 "the address.");
	bd_report_done(&r);
}

/* A count in the notice's prose is no reply code of a server. */
static void test_counts_in_prose_are_no_reply_codes(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_str("From: postmaster@gw.example.com\n"
		       "To: news@shop.example\n"
		       "Subject: Undelivered Mail Returned to Sender\n"
		       "\n"
		       "Delivery to <tess@example.net> failed after 552 attempts over 5 days.\n"
		       "\n"
		       "--- Original message follows.\n"
		       "\n"
		       "From: news@shop.example\n"
		       "To: tess@example.net\n"
		       "Subject: Offers\n"
		       "\n"
		       "Hello\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_str(r.rcpt[0].recipient, "tess@example.net");
	assert_null(r.rcpt[0].replycode);
	bd_report_done(&r);
}

static void test_postfix_delivery_report_unavailable(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/postfix-unavailable.eml", &r);
	assert_str(r.detector, "postfix");
	assert_int_equal(r.n, 1);
	/* The returned message names the recipient; nothing says why. */
	const struct bd_rcpt *x = rcpt(&r, "rita@example.com");
	assert_str(x->action, "failed");
	assert_null(x->status);
	assert_null(x->diagnostic);
	bd_report_done(&r);
}

static void test_notes_reason_then_address(void **state)
{
	(void)state;
	struct bd_report r;
	test_parse_fixture("detectors/notes.eml", &r);
	assert_str(r.detector, "notes");
	assert_int_equal(r.n, 2);
	assert_str(rcpt(&r, "sara@example.com")->diagnostic,
		   "User not listed in public Name & Address Book");
	assert_str(rcpt(&r, "tom@example.com")->diagnostic, "Mail file is full");
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix_prose_without_dsn),
		cmocka_unit_test(test_postfix_transcript_failing_reply),
		cmocka_unit_test(test_postfix_delivery_report_unavailable),
		cmocka_unit_test(test_postfix_site_template),
		cmocka_unit_test(test_dsn_remote_mta_comment),
		cmocka_unit_test(test_james_message_details),
		cmocka_unit_test(test_smtpdetails_technical_details),
		cmocka_unit_test(test_notes_reason_then_address),
		cmocka_unit_test(test_rfc3464_server_code_beats_x00),
		cmocka_unit_test(test_nested_report),
		cmocka_unit_test(test_fallback_reason_line),
		cmocka_unit_test(test_fallback_words_around_the_address),
		cmocka_unit_test(test_fallback_remark_after_the_address),
		cmocka_unit_test(test_counts_in_prose_are_no_reply_codes),
		cmocka_unit_test(test_qmail_remote_reply_and_hash_status),
		cmocka_unit_test(test_yahoo_colon_reply_code),
		cmocka_unit_test(test_yahoo_step_tag),
		cmocka_unit_test(test_courier_stage_per_recipient),
		cmocka_unit_test(test_courier_delay_reply_without_marker),
		cmocka_unit_test(test_permanent_notice_is_not_a_delay),
		cmocka_unit_test(test_exim_line_under_translated_template),
		cmocka_unit_test(test_sendmail_transcript_beats_xunix_code),
		cmocka_unit_test(test_sendmail_reply_to_rcpt_without_outcome),
		cmocka_unit_test(test_sendmail_quoted_local_part_is_no_program),
		cmocka_unit_test(test_v5sendmail_outcome_lines),
		cmocka_unit_test(test_zoho_error_code_line),
		cmocka_unit_test(test_rfc3464_two_recipients),
		cmocka_unit_test(test_powermta_bounce_category),
		cmocka_unit_test(test_rfc3464_quoted_inline_fields),
		cmocka_unit_test(test_delay_notice),
		cmocka_unit_test(test_arf_complaint),
		cmocka_unit_test(test_vacation_autoreply),
		cmocka_unit_test(test_verp_bounce_without_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
