/* test_providers.c: the codes large mailbox providers publish for their
 * SMTP replies decide the reason, over generic wording that would say
 * otherwise.  Every diagnostic here is written for the test, in the form
 * the provider's postmaster page documents. */
#include "testrules.h"

/* Its reason (the reasons live in reason.c's static table). */
static const char *reason_of(const char *status, const char *reply, const char *diag,
			     const char *command)
{
	return verdict_with(&defaults, status, reply, diag, command).reason->id;
}

/* One diagnostic with its codes and stage, and the reason it must get. */
struct expect {
	const char *status, *reply, *diag, *command, *reason;
};

/* Every case is tried and every wrong one named, then the test fails. */
static void check_cases(const struct expect *c, size_t n)
{
	size_t wrong = 0;
	for (size_t i = 0; i < n; i++) {
		const char *got = reason_of(c[i].status, c[i].reply, c[i].diag, c[i].command);
		if (strcmp(got, c[i].reason) != 0) {
			print_message("\"%s\": %s, not %s\n", c[i].diag, got, c[i].reason);
			wrong++;
		}
	}
	if (wrong)
		fail_msg("%zu of %zu cases got the wrong reason", wrong, n);
}

static void test_spectrum_aup_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* "sender rejected" would say the sender was refused; the code says
		 * the IP opened too many connections at once. */
		{"5.1.0", "550",
		 "550 5.1.0 <bounce-42@mail.example.org> sender rejected. Please see "
		 "the Spectrum error code page for more information. AUP#In-1310",
		 "MAIL", "toomanyconn"},
		{NULL, "421", "421 mx.example.net 192.0.2.7 blocked. AUP#1310", NULL,
		 "toomanyconn"},
		/* A number that merely ends in 1310 is no Spectrum code. */
		{"5.1.1", "550", "550 5.1.1 user unknown (ticket AUP#41310)", "RCPT",
		 "userunknown"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_cox_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554",
		 "554 cox.net 192.0.2.10 rejected. Refer to the Error Codes section "
		 "of Cox's postmaster page for more information. AUP#CXBL",
		 NULL, "blocked"},
		{NULL, "421", "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#IPBL0001",
		 NULL, "blocked"},
		{NULL, "421", "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#CXCNCT",
		 NULL, "toomanyconn"},
		{NULL, "452", "452 cmsmtp 192.0.2.10 rejected. AUP#CXMXRT", NULL, "speeding"},
		{NULL, "550",
		 "550 <alice@example.org> message rejected. Refer to Error Codes. "
		 "AUP#CXSNDR",
		 "MAIL", "rejected"},
		/* A word that only contains the letters is not a code. */
		{"5.1.1", "550", "550 5.1.1 <xcxbl@example.net> user unknown", "RCPT",
		 "userunknown"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_microsoft_ndr_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.606", "550",
		 "550 5.7.606 Access denied, banned sending IP [192.0.2.20]. To request "
		 "removal from this list please follow the directions in the NDR. "
		 "(AS16012609)",
		 NULL, "blocked"},
		{"5.7.708", "550",
		 "550 5.7.708 Service unavailable. Access denied, traffic not accepted "
		 "from this IP. (AS7171)",
		 NULL, "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Unfortunately, messages from [192.0.2.20] weren't sent. "
		 "(S3150)",
		 NULL, "blocked"},
		{"5.7.509", "550",
		 "550 5.7.509 Access denied, sending domain example.org does not pass "
		 "DMARC verification and has a DMARC policy of reject.",
		 "DATA", "authfailure"},
		{"5.7.515", "550",
		 "550 5.7.515 Access denied, sending domain example.org does not meet "
		 "the required authentication level.",
		 "DATA", "authfailure"},
		/* Directory-Based Edge Blocking: the address is not in the directory,
		 * although the words say "access denied". */
		{"5.4.1", "550",
		 "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
		 "[BN1NAM02FT022.eop-nam02.prod.protection.outlook.com]",
		 "RCPT", "userunknown"},
		{"4.7.500", "451",
		 "451 4.7.500 Server busy. Please try again later from [192.0.2.20]. "
		 "(AS843)",
		 NULL, "speeding"},
		{"5.7.750", "550",
		 "550 5.7.750 Service unavailable. Client blocked from sending from "
		 "unregistered domains.",
		 NULL, "norelaying"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_google_help_anchor(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.28", "421",
		 "421-4.7.28 [192.0.2.30 15] Our system has detected an unusual rate of "
		 "unsolicited mail originating from your IP address. Please visit "
		 "https://support.google.com/mail/?p=UnsolicitedRateLimitError to review "
		 "our Bulk Email Senders Guidelines. - gsmtp",
		 "DATA", "speeding"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_yahoo_ts_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.0", "421",
		 "421 4.7.0 [TSS04] Messages from 192.0.2.40 temporarily deferred due to "
		 "unexpected volume or user complaints - 4.16.55.1",
		 "MAIL", "badreputation"},
		{"4.7.1", "421",
		 "421 4.7.1 [TS03] All messages from 192.0.2.40 will be permanently "
		 "deferred; Retrying will NOT succeed.",
		 NULL, "badreputation"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_godaddy_ib_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.0", "552",
		 "552 5.2.0 abc123 This message has been rejected due to content judged "
		 "to be spam by the internet community IB212",
		 "DATA", "spamdetected"},
		{NULL, "421", "421 Server temporarily unavailable. Try again later. IB101", NULL,
		 "systemerror"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_comcast_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554",
		 "554 resimta-ch2-10v.sys.comcast.net comcast 192.0.2.50 Comcast block "
		 "for spam. Please see the postmaster page for BL000010",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-po-01v.sys.comcast.net comcast 192.0.2.50 Please see "
		 "the postmaster page for ES000010",
		 NULL, "blocked"},
		{"4.2.0", "451", "451 4.2.0 Throttled - see the postmaster page for RL000010",
		 "RCPT", "speeding"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_netease_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554", "554 DT:SPM 163 smtp10,DsCowAC1 1700000000 http://mail.163.com/help/",
		 "DATA", "spamdetected"},
		{NULL, "421", "421 HL:ICC 192.0.2.60 too many connections", NULL, "toomanyconn"},
		{NULL, "451", "451 MI:SFQ 163 smtp9,AcCowAB 1700000000", "MAIL", "speeding"},
		{NULL, "554", "554 DT:RBL 192.0.2.60", NULL, "blocked"},
		/* Letters and a colon elsewhere in a word are not a NetEase code. */
		{"5.1.1", "550", "550 5.1.1 user unknown (FOODT:SPMX)", "RCPT", "userunknown"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_apple_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550",
		 "550 5.7.1 [CS01] Message rejected due to local policy. Please visit "
		 "https://support.apple.com/en-us/HT204137",
		 "DATA", "policyviolation"},
		{"4.7.1", "421",
		 "421 4.7.1 Messages to someone@example.net deferred due to excessive "
		 "volume. Try again later - https://support.apple.com/en-us/HT204137",
		 "RCPT", "speeding"},
	};
	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_mimecast_greylisting(void **state)
{
	(void)state;
	/* Greylisting is a finer category of policyviolation, soft. */
	struct bd_verdict v =
		verdict_with(&defaults, NULL, "451",
			     "451 Internal resource temporarily unavailable - "
			     "https://community.mimecast.com/docs/DOC-1369#451 [Aj3QXape.us32]",
			     "RCPT");
	assert_str(v.category->id, "greylisted");
	assert_str(v.reason->id, "policyviolation");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spectrum_aup_codes),
		cmocka_unit_test(test_cox_codes),
		cmocka_unit_test(test_microsoft_ndr_codes),
		cmocka_unit_test(test_google_help_anchor),
		cmocka_unit_test(test_yahoo_ts_codes),
		cmocka_unit_test(test_godaddy_ib_codes),
		cmocka_unit_test(test_comcast_codes),
		cmocka_unit_test(test_netease_codes),
		cmocka_unit_test(test_apple_codes),
		cmocka_unit_test(test_mimecast_greylisting),
	};
	return cmocka_run_group_tests_name("providers", tests, load_defaults, free_defaults);
}
