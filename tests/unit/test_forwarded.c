/* test_forwarded.c: a notice, a complaint report or an auto-reply that a
 * person forwarded as an attachment is read as that message, dated by it;
 * what a mail system's bounce returns is not. */
#include "testlib.h"

#include "../../core/parse.h"

static void check(const char *name, enum bd_kind kind, const char *detector, const char *recipient,
		  const char *date)
{
	struct bd_report r;
	test_parse_fixture(name, &r);
	assert_int_equal(r.kind, kind);
	assert_str(r.detector, detector);
	assert_int_equal(r.n, 1);
	assert_str(r.rcpt[0].recipient, recipient);
	/* The failure happened when the notice was written, not when it was
	 * forwarded. */
	assert_str(r.date, date);
	bd_report_done(&r);
}

/* A notice only the prose reader reads, forwarded by a mail client. */
static void test_notice_read_by_prose(void **state)
{
	(void)state;
	check("probe/v21m-fwd-thunderbird-opensmtpd-notice.eml", BD_KIND_BOUNCE, "fallback",
	      "rolf.dahl@example.net", "2026-11-16T22:40:05Z");
}

/* Forwarded twice: the client's forward of a colleague's forward. */
static void test_forward_of_a_forward(void **state)
{
	(void)state;
	check("probe/v21m-fwd-fwd-thunderbird-sendmail-notice.eml", BD_KIND_BOUNCE, "sendmail",
	      "paul.noir@partenaire.example.com", "2026-11-20T08:58:40Z");
}

/* An ARF report forwarded whole: the complaint is about its
 * Original-Rcpt-To, not about the abuse desk that forwarded it, though
 * the forward's subject names a complaint. */
static void test_complaint_report(void **state)
{
	(void)state;
	check("probe/v21m-fwd-outlook-arf-complaint.eml", BD_KIND_FEEDBACK, "arf",
	      "tess.moreau@isp.example.net", "2026-11-18T00:44:30Z");
}

static void test_auto_reply(void **state)
{
	(void)state;
	check("probe/v21m-fwd-gmail-vacation-reply.eml", BD_KIND_AUTOREPLY, "autoreply",
	      "maria.hahn@kunde.example.de", "2026-11-18T15:05:44Z");
}

/* A bounce that returns an auto-reply (a ticket acknowledgement that could
 * not be delivered) stays a bounce of it. */
static void test_bounce_returning_auto_reply(void **state)
{
	(void)state;
	check("probe/v21m-bounce-of-autoreply-stays-bounce.eml", BD_KIND_BOUNCE, "fallback",
	      "gone.user@example.com", "2026-11-21T06:10:22Z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notice_read_by_prose),
		cmocka_unit_test(test_forward_of_a_forward),
		cmocka_unit_test(test_complaint_report),
		cmocka_unit_test(test_auto_reply),
		cmocka_unit_test(test_bounce_returning_auto_reply),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
