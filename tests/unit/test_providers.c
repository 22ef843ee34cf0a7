/* test_providers.c: the codes large mailbox providers publish for their
 * SMTP replies decide the reason, over generic wording that would say
 * otherwise.  Every diagnostic here is written for the test, in the form
 * the provider's postmaster page documents. */
#include "testlib.h"

#include "../../core/classify.h"
#include "../../core/reason.h"
#include "../../core/rules.h"

static struct bd_ruleset defaults;

static int load_defaults(void **state)
{
	(void)state;
	struct bd_error err;
	bd_ruleset_init(&defaults);
	if (!bd_ruleset_add_default(&defaults, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	bd_ruleset_finish(&defaults);
	return 0;
}

static int free_defaults(void **state)
{
	(void)state;
	bd_ruleset_done(&defaults);
	return 0;
}

/* The reason the default rules give one failed recipient. */
static const char *reason_of(const char *status, const char *reply, const char *diag,
			     const char *command)
{
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_BOUNCE;
	struct bd_rcpt *rc = bd_report_rcpt(&r, "someone@example.net");
	rc->action = "failed";
	rc->status = status;
	rc->replycode = reply;
	rc->diagnostic = diag;
	rc->command = command;
	struct bd_verdict v;
	bd_classify(&defaults, &r, rc, &v, NULL, NULL);
	const char *id = v.reason->id; /* static storage in reason.c */
	bd_report_done(&r);
	return id;
}

static void test_spectrum_aup_codes(void **state)
{
	(void)state;
	/* "sender rejected" would say the sender was refused; the code says
	 * the IP opened too many connections at once. */
	assert_str(reason_of("5.1.0", "550",
			     "550 5.1.0 <bounce-42@mail.example.org> sender rejected. Please see "
			     "the Spectrum error code page for more information. AUP#In-1310",
			     "MAIL"),
		   "toomanyconn");
	assert_str(reason_of(NULL, "421", "421 mx.example.net 192.0.2.7 blocked. AUP#1310", NULL),
		   "toomanyconn");
	/* A number that merely ends in 1310 is no Spectrum code. */
	assert_str(reason_of("5.1.1", "550", "550 5.1.1 user unknown (ticket AUP#41310)", "RCPT"),
		   "userunknown");
}

static void test_cox_codes(void **state)
{
	(void)state;
	assert_str(reason_of("5.7.1", "554",
			     "554 cox.net 192.0.2.10 rejected. Refer to the Error Codes section "
			     "of Cox's postmaster page for more information. AUP#CXBL",
			     NULL),
		   "blocked");
	assert_str(reason_of(NULL, "421",
			     "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#IPBL0001",
			     NULL),
		   "blocked");
	assert_str(reason_of(NULL, "421",
			     "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#CXCNCT",
			     NULL),
		   "toomanyconn");
	assert_str(reason_of(NULL, "452", "452 cmsmtp 192.0.2.10 rejected. AUP#CXMXRT", NULL),
		   "speeding");
	assert_str(reason_of(NULL, "550",
			     "550 <alice@example.org> message rejected. Refer to Error Codes. "
			     "AUP#CXSNDR",
			     "MAIL"),
		   "rejected");
	/* A word that only contains the letters is not a code. */
	assert_str(reason_of("5.1.1", "550", "550 5.1.1 <xcxbl@example.net> user unknown", "RCPT"),
		   "userunknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spectrum_aup_codes),
		cmocka_unit_test(test_cox_codes),
	};
	return cmocka_run_group_tests_name("providers", tests, load_defaults, free_defaults);
}
