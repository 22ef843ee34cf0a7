/* test_detectors_c.c: the detectors of filtering gateways (Active!Hunter,
 * MailFoundry, McAfee, SurfControl), each on a small message written in its
 * format (tests/fixtures/detectors).  None of these formats says at which
 * SMTP stage the remote server refused, so user-unknown words they relay
 * are a filter's refusal (filtered, soft) unless the status is X.1.x. */
#include "testdetect.h"

static void test_activehunter(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "activehunter", "activehunter", 1);
	const struct bd_rcpt *y = rcpt(&r, "yuri@example.ac.jp");
	/* The transcript's reply, not the notice's framing. */
	assert_str(y->diagnostic, "550 <yuri@example.ac.jp>: no such user in this domain");
	assert_str(y->replycode, "550");
	assert_null(y->command);
	assert_verdict(&r, y, "filtered", false);
	bd_report_done(&r);
}

static void test_mailfoundry(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "mailfoundry", "mailfoundry", 1);
	const struct bd_rcpt *a = rcpt(&r, "adam@example.net");
	assert_str(a->diagnostic, "550 <adam@example.net> mailbox unavailable");
	assert_str(a->remote_mta, "mx1.example.net");
	assert_str(a->replycode, "550");
	assert_null(a->command);
	assert_verdict(&r, a, "filtered", false);
	bd_report_done(&r);
}

static void test_mcafee(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "mcafee", "mcafee", 2);
	const struct bd_rcpt *c = rcpt(&r, "carl@example.com");
	assert_str(c->diagnostic, "550 carl@example.com... No such user");
	assert_str(c->remote_mta, "198.51.100.30");
	assert_null(c->command);
	assert_verdict(&r, c, "filtered", false);
	/* The remote server's own address status says the address is bad. */
	const struct bd_rcpt *d = rcpt(&r, "dina@example.com");
	assert_str(d->status, "5.1.1");
	assert_verdict(&r, d, "userunknown", true);
	bd_report_done(&r);
}

static void test_surfcontrol(void **state)
{
	(void)state;
	struct bd_report r;
	parse(&r, "surfcontrol", "surfcontrol", 1);
	const struct bd_rcpt *f = rcpt(&r, "fred@example.com");
	assert_str(f->diagnostic, "550 fred@example.com... No such user");
	assert_str(f->remote_mta, "192.0.2.50");
	assert_str(f->status, "5.0.0");
	assert_null(f->command);
	assert_verdict(&r, f, "filtered", false);
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_activehunter),
		cmocka_unit_test(test_mailfoundry),
		cmocka_unit_test(test_mcafee),
		cmocka_unit_test(test_surfcontrol),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
