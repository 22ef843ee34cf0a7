/* test_ref_webmail.c: the replies three large mailbox providers publish in
 * their reference tables (Yahoo and AOL's "SMTP Error Codes" on the sender
 * hub and Yahoo help articles, Google's "Gmail SMTP errors and codes",
 * Apple's postmaster page for iCloud Mail), one case per reply, with the
 * reason the provider's stated cause calls for.  Replies test_providers.c
 * and test_provider_docs.c already hold are not repeated; replies whose
 * cause the reference leaves open are left out.  Every diagnostic is
 * written for the test in the form the provider's server gives it. */
#include "testrules.h"

/* Yahoo and AOL share one receiving platform and one table of codes. */
static void test_yahoo_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* TS01/TSS04: deferred for user complaints about the sending IP. */
		{"4.7.0", "421",
		 "421 4.7.0 [TS01] Messages from 192.0.2.40 temporarily deferred due to user "
		 "complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
		 "MAIL", "badreputation"},
		{"4.7.0", "421",
		 "421 4.7.0 [TS02] Messages from 192.0.2.40 temporarily deferred due to user "
		 "complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
		 "MAIL", "badreputation"},
		{"4.7.0", "421",
		 "421 4.7.0 [TSS04] Messages from 192.0.2.40 temporarily deferred due to "
		 "unexpected volume or user complaints - 4.16.55.1; see "
		 "https://postmaster.yahooinc.com/error-codes",
		 "RCPT", "badreputation"},
		/* TSS09 / TS03: every message from the IP, for its traffic. */
		{"4.7.0", "421",
		 "421 4.7.0 [TSS09] All messages from 192.0.2.40 will be permanently deferred; "
		 "Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
		 "MAIL", "badreputation"},
		{"5.7.2", "553",
		 "553 5.7.2 [TSS09] All messages from 192.0.2.40 will be permanently deferred; "
		 "Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
		 "MAIL", "badreputation"},
		/* TSS11 / VS1: the sending server sends to many unknown addresses,
		 * what an open relay does: the sender's standing, not the
		 * recipient's address. */
		{"4.7.0", "421",
		 "421 4.7.0 [TSS11] Excessive unknown recipients - possible Open Relay; see "
		 "https://postmaster.yahooinc.com/error-codes",
		 "RCPT", "badreputation"},
		{NULL, "451",
		 "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)", "RCPT",
		 "badreputation"},
		/* The sending IP on a public blocklist. */
		{"5.7.1", "553",
		 "553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; "
		 "see https://postmaster.yahooinc.com/error-codes",
		 NULL, "blocked"},
		{"5.7.1", "553",
		 "553 5.7.1 [BL22] Connections not accepted from IP addresses on Spamhaus PBL; "
		 "see https://postmaster.yahooinc.com/error-codes",
		 NULL, "blocked"},
		{"5.7.1", "553",
		 "553 5.7.1 [BL02] Connections will not be accepted from 192.0.2.40, because the "
		 "ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
		 NULL, "blocked"},
		/* The message failed DKIM, SPF or DMARC. */
		{"5.7.9", "550",
		 "550 5.7.9 This mail has been blocked because the sender is unauthenticated. "
		 "Yahoo requires all senders to authenticate with either SPF or DKIM.",
		 "DATA", "authfailure"},
		{"5.7.9", "554",
		 "554 5.7.9 Message not accepted for policy reasons: DMARC policy of "
		 "example.org is reject; see https://postmaster.yahooinc.com/error-codes",
		 "DATA", "authfailure"},
		/* The MAIL FROM domain resolves to nothing. */
		{NULL, "451",
		 "451 Message temporarily deferred due to unresolvable RFC.5321 from domain; see "
		 "https://postmaster.yahooinc.com/error-codes",
		 "MAIL", "rejected"},
		/* The recipient's account. */
		{NULL, "552", "552 1 Requested mail action aborted, mailbox not found", "RCPT",
		 "userunknown"},
		{NULL, "554",
		 "554 delivery error: dd Not a valid recipient - atlas212.mail.ne1.yahoo.com",
		 "DATA", "userunknown"},
		{NULL, "554",
		 "554 30 Sorry, your message to someone@aol.com cannot be delivered. This "
		 "mailbox is disabled (554.30).",
		 "RCPT", "suspend"},
		/* Yahoo's own servers, busy or failing. */
		{"4.3.2", "451", "451 4.3.2 Internal server error", "DATA", "systemerror"},
	};
	CHECK(cases);
}

/* Replies in Google's table that the Gmail tests in test_providers.c do
 * not hold. */
static void test_gmail_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.0", "451",
		 "451 4.3.0 Mail server temporarily rejected message. a1si1111111pgn.1 - gsmtp",
		 "RCPT", "systemerror"},
		/* One transaction may only name recipients of one domain. */
		{"4.3.0", "451",
		 "451 4.3.0 Multiple destination domains per transaction is unsupported. Please "
		 "try again. b2si2222222pgn.2 - gsmtp",
		 "RCPT", "toomanyconn"},
		{"4.4.2", "451", "451 4.4.2 Timeout - closing connection. c3si3333333pgn.3 - gsmtp",
		 NULL, "networkerror"},
		/* The sender's own sending limit (Gmail's sending quota). */
		{"5.7.1", "550", "550 5.7.1 Email quota exceeded. e5si5555555pgn.5 - gsmtp", "MAIL",
		 "speeding"},
		{"5.7.1", "550",
		 "550 5.7.1 Invalid credentials for relay for one of the domains in: example.org "
		 "(as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP "
		 "address which isn't registered in your Workspace account. f6si6666666pgn.6 - gsmtp",
		 "MAIL", "norelaying"},
		{"5.2.1", "550",
		 "550-5.2.1 The email account that you tried to reach is inactive. For more "
		 "information, go to https://support.google.com/mail/?p=DisabledUser "
		 "i9si9999999pgn.9 - gsmtp",
		 "RCPT", "suspend"},
		{"5.1.1", "550",
		 "550-5.1.1 The email account that you tried to reach does not exist. Please try "
		 "double-checking the recipient's email address for typos or unnecessary spaces. "
		 "j1si1212121pgn.10 - gsmtp",
		 "RCPT", "userunknown"},
		{"4.2.1", "450",
		 "450-4.2.1 The user you are trying to contact is receiving mail too quickly. "
		 "k2si1313131pgn.11 - gsmtp",
		 "RCPT", "speeding"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Gmail has detected that this message is likely "
		 "unsolicited mail. To reduce the amount of spam sent to Gmail, this message "
		 "has been blocked. l3si1414141pgn.12 - gsmtp",
		 "DATA", "spamdetected"},
	};
	CHECK(cases);
}

/* Apple's postmaster page for iCloud Mail (icloud.com, me.com, mac.com). */
static void test_icloud_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550", "550 5.1.1 <someone@icloud.com>: user does not exist", "RCPT",
		 "userunknown"},
		{"5.2.2", "552", "552 5.2.2 <someone@icloud.com>: user is over quota", "RCPT",
		 "mailboxfull"},
		{"4.2.2", "452", "452 4.2.2 <someone@icloud.com>: user is over quota", "RCPT",
		 "mailboxfull"},
		/* The sending IP on the reputation list Apple's filter uses. */
		{"5.7.0", "550",
		 "550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip="
		 "192.0.2.50",
		 "CONN", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 [CS01] Message rejected due to local policy. Please visit "
		 "https://support.apple.com/en-us/HT204137",
		 "DATA", "policyviolation"},
		{"5.7.1", "550",
		 "550 5.7.1 Your message was rejected due to example.org's DMARC policy. See "
		 "https://support.apple.com/en-us/HT204137",
		 "DATA", "authfailure"},
		{"4.7.1", "451", "451 4.7.1 Service unavailable - try again later", NULL,
		 "systemerror"},
		{"4.7.1", "421",
		 "421 4.7.1 Messages to someone@me.com deferred due to excessive volume. Try again "
		 "later - https://support.apple.com/en-us/HT204137",
		 "RCPT", "speeding"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yahoo_reference),
		cmocka_unit_test(test_gmail_reference),
		cmocka_unit_test(test_icloud_reference),
	};
	return cmocka_run_group_tests_name("ref_webmail", tests, load_defaults, free_defaults);
}
