/* test_gateways.c: refusals of security gateways and content filters
 * (Sophos Central Email's XGEMAIL codes, Hornetsecurity's classification
 * replies, gateways that verify recipients after the data) decide by what
 * they name, over generic words beside it.  Every diagnostic here is
 * written for the test, in the form the product's documentation gives. */
#include "testrules.h"

static void test_sophos_xgemail_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0005 Command rejected", "MAIL", "rejected"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0006 Command rejected", "MAIL",
		 "securityerror"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0009 Command rejected", "RCPT", "filtered"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0010 Command rejected", "RCPT", "norelaying"},
		/* A longer number is no code of theirs. */
		{"5.1.1", "550", "550 5.1.1 user unknown (ref XGEMAIL_00090)", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

static void test_filter_named_refusals(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The spam source is the sending IP, not the content. */
		{"5.5.4", "554", "554 5.5.4 Spam IP rejected", "MAIL", "blocked"},
		{"5.5.5", "554", "554 5.5.5 e-mail Rejected Spam", "DATA", "spamdetected"},
		/* A size limit the content filter enforces is a size refusal. */
		{"5.5.2", "552", "552 5.5.2 Message size (content filter)", "DATA", "mesgtoobig"},
		{"5.5.3", "554", "554 5.5.3 e-mail Rejected Content Filter Size", "DATA",
		 "mesgtoobig"},
		{"5.5.7", "554", "554 5.5.7 e-mail Rejected Content Attachment", "DATA",
		 "contenterror"},
		{NULL, "552", "552 MS-Office file containing VBA macros found inside of the email",
		 "DATA", "contenterror"},
		/* TLS that a rule requires is a requirement not met, not a failed
		 * handshake. */
		{"5.6.5", "554", "554 5.6.5 TLS encryption required by customer rule", "DATA",
		 "securityerror"},
		/* Other filter refusals keep their verdicts. */
		{"5.6.4", "554", "554 5.6.4 Virus E-Mail Blocked", "DATA", "virusdetected"},
		{"5.7.1", "554", "554 5.7.1 Rejected by content filter", "DATA", "filtered"},
	};
	CHECK(cases);
}

static void test_verified_after_data(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The downstream server's answer at RCPT, quoted after the data. */
		{"5.0.0", "550",
		 "550 permanent failure for one or more recipients (a@example.net:550 5.1.1 "
		 "<a@example.net>: Recipient address rejected: User unknown in virtual mailbox "
		 "table)",
		 "DATA", "userunknown"},
		/* A filter's own "user unknown" after the data stays the filter's. */
		{"5.0.0", "550", "550 User unknown", "DATA", "filtered"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sophos_xgemail_codes),
		cmocka_unit_test(test_filter_named_refusals),
		cmocka_unit_test(test_verified_after_data),
	};
	return cmocka_run_group_tests_name("gateways", tests, load_defaults, free_defaults);
}
