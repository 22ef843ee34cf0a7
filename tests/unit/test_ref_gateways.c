/* test_ref_gateways.c: the replies that security gateways publish for their
 * refusals (Mimecast's "SMTP Error Codes" article, Sophos Central Email's
 * XGEMAIL codes, Cisco Secure Email's default listener responses, Trellix
 * Email Security's ETP codes, Proofpoint's and Barracuda's block replies,
 * Baruwa's rejection table), one case per reply.  The reason follows the
 * cause the vendor states.  Where a reply gives no enhanced code, the one a
 * relaying MTA derives from the reply stands in.  Every diagnostic is
 * written for the test in the form the vendor documents. */
#include "testrules.h"

static void test_mimecast_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The sending IP is on a Blocked Senders policy. */
		{"4.0.0", "421",
		 "421 Sender address blocked - https://community.mimecast.com/docs/DOC-1369#421 "
		 "[Xk3QXapeMpqZYaeFwWhjzw.us32]",
		 NULL, "blocked"},
		/* Greylisting: the same server is to retry. */
		{"4.0.0", "451",
		 "451 Internal resource temporarily unavailable - "
		 "https://community.mimecast.com/docs/DOC-1369#451 [Aj3QXapeMpqZYaeFwWhjzw.us32]",
		 "RCPT", "greylisted"},
		{"5.0.0", "550",
		 "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 "
		 "[Qp4dd0J1N9aYx2pQ7LmWkA.uk61]",
		 "RCPT", "userunknown"},
		/* The envelope sender is on a blocked-senders entry. */
		{"5.0.0", "550",
		 "550 Envelope blocked - User Entry - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [yP0Ou3hQOBe7n7xD6dGRcA.us187]",
		 "RCPT", "rejected"},
		{"5.0.0", "550",
		 "550 Envelope blocked - Domain Entry - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [dW2zb1tEN9qJJ7qP4eFXkQ.us228]",
		 "RCPT", "rejected"},
		{"5.0.0", "550",
		 "550 Envelope blocked - Policy Entry - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [u2V3hXqhNPeyOCl2hMw6Pw.uk152]",
		 "RCPT", "rejected"},
		/* The header From claims the recipient's own domain from a source
		 * the Anti-Spoofing policy does not trust. */
		{"5.0.0", "550",
		 "550 Rejected by header based Anti-Spoofing policy: alice@example.org - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [hX7XJ0pBPiKn5qJvNJ8i1Q.us127]",
		 "DATA", "policyviolation"},
		{"5.0.0", "550",
		 "550 Anti-Spoofing policy - Inbound not allowed - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [eCK0pP4lMDW2bOhCoKq1cA.us225]",
		 "RCPT", "policyviolation"},
		/* The sending IP has a poor reputation with Mimecast. */
		{"5.0.0", "550",
		 "550 csi.mimecast.org Poor Reputation Sender. - "
		 "https://community.mimecast.com/docs/DOC-1369#550 [k0S0dE9hP9Sx3fC1uv3Tqw.za12]",
		 "RCPT", "badreputation"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_sophos_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0001 Command rejected", "DATA", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0002 Command rejected", "MAIL", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0003 Command rejected", "DATA", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0004 Command rejected", NULL, "blocked"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0011 Command rejected", "RCPT", "userunknown"},
		{"5.7.1", "550", "550 5.7.1 XGEMAIL_0012 Command rejected", "DATA", "mesgtoobig"},
		{"4.7.1", "451", "451 4.7.1 XGEMAIL_0014 Command rejected", "RCPT", "speeding"},
		{"4.7.1", "451", "451 4.7.1 XGEMAIL_0015 Command rejected", "RCPT", "speeding"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_cisco_esa_responses(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The HAT's BLOCKED policy: the sending IP's SenderBase score. */
		{"5.0.0", "554",
		 "554 Your access to this mail system has been rejected due to the sending "
		 "MTA's poor reputation. If you believe that this failure is in error, please "
		 "contact the intended recipient via alternate means.",
		 NULL, "badreputation"},
		/* The THROTTLED policy's limit of recipients an hour. */
		{"4.0.0", "452", "452 Too many recipients received this hour", "RCPT", "speeding"},
		/* The LDAP accept query found no such address. */
		{"5.1.0", "550", "550 #5.1.0 Address rejected.", "RCPT", "userunknown"},
		/* The default SPF and DMARC reject texts. */
		{"5.7.1", "550", "550 #5.7.1 SPF unauthorized mail is prohibited.", "MAIL",
		 "authfailure"},
		{"5.7.1", "550", "550 #5.7.1 DMARC unauthenticated mail is prohibited.", "DATA",
		 "authfailure"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_trellix_etp_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The downstream server refused the recipient. */
		{"5.1.1", "550", "550 5.1.1 Invalid recipient (ETP102)", "RCPT", "userunknown"},
		/* A loop with the sending MTA. */
		{"5.4.6", "554", "554 5.4.6 Routing loop detected (ETP104)", "DATA",
		 "networkerror"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_proofpoint_barracuda_replies(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Proofpoint's IP block, at the greeting or at MAIL. */
		{"5.0.0", "554", "554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.44",
		 NULL, "blocked"},
		{"5.7.0", "550",
		 "550 5.7.0 Blocked - see "
		 "https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.44",
		 "MAIL", "blocked"},
		/* Proofpoint Essentials' dispatch: the sender's SPF record fails. */
		{"5.7.1", "550",
		 "550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514", "MAIL",
		 "authfailure"},
		/* Proofpoint Essentials: the recipient is on the invalid list of
		 * its SMTP discovery. */
		{"5.7.1", "550",
		 "550 5.7.1 <bob@example.net>: Recipient address rejected: User email address "
		 "is marked as invalid.",
		 "RCPT", "userunknown"},
		{"5.7.1", "550", "550 5.7.1 Relay Access denied", "RCPT", "norelaying"},
		{"4.3.1", "452", "452 4.3.1 Insufficient system resources", "MAIL", "systemfull"},
		/* Barracuda: its reputation list names the sending IP. */
		{"5.7.1", "554",
		 "554 Service unavailable; Client host [192.0.2.44] blocked using Barracuda "
		 "Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.44",
		 "RCPT", "blocked"},
		/* Barracuda's filter blocked the message after the data. */
		{"5.0.0", "550",
		 "550 permanent failure for one or more recipients (bob@example.net:blocked)",
		 "DATA", "filtered"},
		/* The downstream server takes no anonymous mail (a cached answer). */
		{"5.7.1", "530", "530 5.7.1 Client was not authenticated (at FROM)", "MAIL",
		 "securityerror"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_baruwa_replies(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The sending IP is on the banned senders list. */
		{"5.7.1", "554", "554 5.7.1 The sender 192.0.2.44 is banned", "RCPT", "blocked"},
		/* The sender's domain is on it. */
		{"5.7.1", "554", "554 5.7.1 The domain example.org is banned", "MAIL", "rejected"},
		{"5.7.1", "550", "550 5.7.1 Sender verification failed", "MAIL", "rejected"},
		{"5.7.1", "554", "554 5.7.1 Relay not permitted", "RCPT", "norelaying"},
		{"5.1.1", "550", "550 5.1.1 The email address does not exist", "RCPT",
		 "userunknown"},
		{"5.7.1", "554", "554 5.7.1 The sender is in a black list rbl.baruwa.net", "RCPT",
		 "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 The sender is in a black list hostkarma.junkemailfilter.com", "RCPT",
		 "blocked"},
	};
	CHECK_CATEGORIES(cases);
}

static void test_deferrals_for_the_gateway(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The gateway's own trouble, not the sender's: Mimecast's server
		 * under its maximum load. */
		{"4.0.0", "421",
		 "421 Unable to process connection at this time - "
		 "https://community.mimecast.com/docs/DOC-1369#421",
		 NULL, "systemerror"},
		/* Trellix ETP106: its own internal service failed. */
		{"4.3.0", "451", "451 4.3.0 Requested action aborted: Try again later (ETP106)",
		 "RCPT", "systemerror"},
	};
	CHECK_CATEGORIES(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mimecast_codes),
		cmocka_unit_test(test_sophos_codes),
		cmocka_unit_test(test_cisco_esa_responses),
		cmocka_unit_test(test_trellix_etp_codes),
		cmocka_unit_test(test_proofpoint_barracuda_replies),
		cmocka_unit_test(test_baruwa_replies),
		cmocka_unit_test(test_deferrals_for_the_gateway),
	};
	return cmocka_run_group_tests_name("ref_gateways", tests, load_defaults, free_defaults);
}
