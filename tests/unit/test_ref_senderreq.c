/* test_ref_senderreq.c: the refusals that enforce the large mailbox
 * providers' sender requirements of 2024-2026 (authentication, DMARC
 * record and alignment, message format, reverse DNS, sending rate), one
 * case per reply, with the reason the provider's own help or postmaster
 * page gives as the cause: Google's "Gmail SMTP errors and codes" and
 * email sender guidelines, Microsoft's help on NDR 550 5.7.515 for
 * Outlook.com and its Exchange Online IPv6 rules, Comcast's DMARC code
 * and GMX's postmaster error pages.  Replies other tests already hold are
 * not repeated.  Yahoo's bare "554 5.7.9 Message not accepted for policy
 * reasons" is left out: the probes read it as policyviolation.  Every
 * diagnostic is written for the test in the form the provider's server
 * gives it. */
#include "testrules.h"

/* Gmail: rate limits keyed to one sending identity, the DMARC record that
 * bulk senders must publish, and the RFC 5322 form it enforces. */
static void test_gmail_requirements(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* 4.7.28: an unusual rate from one identity, slowed for now. */
		{"4.7.28", "421",
		 "421-4.7.28 [example.org 15] Gmail has detected an unusual rate of unsolicited "
		 "mail originating from your DKIM domain. To protect our users from spam, mail "
		 "sent from your DKIM domain has been temporarily rate limited. For more "
		 "information, go to https://support.google.com/mail/?p=UnsolicitedRateLimitError "
		 "to review our Bulk Email Senders Guidelines. a1si1010101pgn.1 - gsmtp",
		 "DATA", "speeding"},
		{"4.7.28", "421",
		 "421-4.7.28 [example.org 15] Gmail has detected an unusual rate of unsolicited "
		 "mail originating from your SPF domain. To protect our users from spam, mail "
		 "sent from your SPF domain has been temporarily rate limited. "
		 "b2si2020202pgn.2 - gsmtp",
		 "DATA", "speeding"},
		{"4.7.28", "421",
		 "421-4.7.28 [192.0.2.30 15] Gmail has detected an unusual rate of unsolicited "
		 "mail originating from your IP Netblock. To protect our users from spam, mail "
		 "sent from your IP Netblock has been temporarily rate limited. "
		 "c3si3030303pgn.3 - gsmtp",
		 "DATA", "speeding"},
		/* 4.7.40 / 5.7.40: the sending domain publishes no DMARC policy,
		 * which Gmail requires of bulk senders. */
		{"4.7.40", "421",
		 "421-4.7.40 Your email has been rate limited because DMARC policy is not "
		 "present for the sending domain example.org. Gmail requires all bulk email "
		 "senders to publish a DMARC record. d4si4040404pgn.4 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.40", "550",
		 "550-5.7.40 Your email has been blocked because DMARC policy is not present "
		 "for the sending domain example.org. Gmail requires all bulk email senders to "
		 "publish a DMARC record. e5si5050505pgn.5 - gsmtp",
		 "DATA", "authfailure"},
		/* SPF hard fail of the MAIL FROM domain. */
		{"5.7.26", "550",
		 "550-5.7.26 The MAIL FROM domain [example.org] has an SPF record with a hard "
		 "fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.30]. "
		 "To best protect our users from spam and phishing, the message has been "
		 "blocked. f6si6060606pgn.6 - gsmtp",
		 "DATA", "authfailure"},
		/* Messages must follow RFC 5322. */
		{"5.7.1", "550",
		 "550-5.7.1 Messages missing a valid Message-ID header are not accepted. Please "
		 "review RFC 5322 specifications for more information. g7si7070707pgn.7 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected that this message is not RFC "
		 "5322 compliant: duplicate headers. To reduce the amount of spam sent to Gmail, "
		 "this message has been blocked. Please review RFC 5322 specifications for more "
		 "information. h8si8080808pgn.8 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected that this message is not RFC "
		 "5322 compliant: Multiple 'From' headers found. To reduce the amount of spam "
		 "sent to Gmail, this message has been blocked. Please visit "
		 "https://support.google.com/mail/?p=RfcMessageNonCompliant and review RFC 5322 "
		 "specifications for more information. i9si9090909pgn.9 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected that this message is not RFC "
		 "5322 compliant: 'From' header is missing. To reduce the amount of spam sent "
		 "to Gmail, this message has been blocked. j1si1111112pgn.10 - gsmtp",
		 "DATA", "notcompliantrfc"},
		/* The sending domain's reputation, deferred. */
		{"4.7.0", "421",
		 "421-4.7.0 [192.0.2.30 15] Our system has detected that this message is "
		 "suspicious due to the very low reputation of the sending domain. To best "
		 "protect our users from spam, the message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/188131 for more information. "
		 "k2si1212122pgn.11 - gsmtp",
		 "DATA", "badreputation"},
	};
	CHECK(cases);
}

/* Outlook.com's rules for high-volume senders (from May 2025) and Exchange
 * Online's rules for mail over IPv6. */
static void test_microsoft_requirements(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The From: domain does not meet the authentication level required
		 * of senders of 5,000 messages a day or more. */
		{NULL, "550",
		 "550; 5.7.515 Access denied, sending domain [example.org] does not meet the "
		 "required authentication level.",
		 "DATA", "authfailure"},
		{"5.7.515", "550",
		 "550 5.7.515 Access denied, sending domain example.org does not meet the "
		 "required authentication level. Spf=Fail, Dkim=None, DMARC=Missing "
		 "[SN1PEPF000252A1.namprd05.prod.outlook.com 2025-05-06T10:00:00.000Z]",
		 "DATA", "authfailure"},
		/* The sender's domain publishes DMARC reject and the message failed. */
		{"5.7.0", "550",
		 "550 5.7.0 (COL0-MC6-F31) Unfortunately, messages from (192.0.2.20) on behalf "
		 "of (example.org) could not be delivered due to domain owner policy "
		 "restrictions.",
		 "DATA", "authfailure"},
		/* Exchange Online: mail over IPv6 must be authenticated and come from
		 * an address with reverse DNS. */
		{"5.7.26", "550",
		 "550 5.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass "
		 "either SPF or DKIM validation, this message is not signed",
		 "DATA", "authfailure"},
		{"4.7.25", "451",
		 "451 4.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a "
		 "reverse DNS record",
		 NULL, "requireptr"},
	};
	CHECK(cases);
}

/* Comcast: DM000001, a message refused under the sending domain's DMARC
 * policy; its 5.2.0 says nothing about the recipient's mailbox. */
static void test_comcast_dmarc(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.0", "550",
		 "550 5.2.0 meQj1n01053u42A0HeQj3v Message rejected due to DMARC. Please see "
		 "http://postmaster.comcast.net/smtp-error-codes.php#DM000001",
		 "DATA", "authfailure"},
	};
	CHECK(cases);
}

/* GMX and WEB.DE: a sending IP without a valid PTR record; the case code
 * in the URL names the cause. */
static void test_gmx_requirements(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554",
		 "554-gmx.net (mxgmx117) Nemesis ESMTP Service not available\n554-No SMTP "
		 "service\n554-Bad DNS PTR resource record.\n554 For explanation visit "
		 "https://postmaster.gmx.net/en/case?c=rdns&i=ip&v=192.0.2.45&r=1MNcgj-1ue23t3pyV",
		 "CONN", "requireptr"},
		{NULL, "421",
		 "421-web.de (mxweb112) Nemesis ESMTP Service not available\n421-Service "
		 "unavailable\n421-Reject due to policy restrictions.\n421 For explanation "
		 "visit https://postmaster.web.de/en/case?c=rdns&i=ip&v=192.0.2.45&r=1MNcgj-1ue",
		 "CONN", "requireptr"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gmail_requirements),
		cmocka_unit_test(test_microsoft_requirements),
		cmocka_unit_test(test_comcast_dmarc),
		cmocka_unit_test(test_gmx_requirements),
	};
	return cmocka_run_group_tests_name("ref_senderreq", tests, load_defaults, free_defaults);
}
