/* test_wording_common.c: more of the ways real servers word the common
 * failures: no such user, a full mailbox, no such domain, a disabled
 * mailbox, a refused sending IP, content judged to be spam and failed SPF
 * or DMARC checks.  Each text
 * is one a receiving server or provider gave, as quoted on a public help
 * page, forum or mailing-list thread, or in an MTA's own documentation
 * (named in the comment above each group); addresses, hosts and IPs are
 * replaced by example values.  The codes and the SMTP stage are those the
 * quote gives, or none where it gives none.  The reason follows from what
 * the text says (DOMAIN.md's vocabulary) and the conventions of
 * default.rules; each case is a reply relayed by the sender's MTA
 * (verdict_with). */
#include "testrules.h"

/* No such mailbox. */
static void test_userunknown(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Black Pearl Mail's help page on bounces: a Postfix relay
		 * recipient table and a gateway's 5.1.0 */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in relay recipient table",
		 "RCPT", "userunknown"},
		{"5.1.0", "550", "550 #5.1.0 Address rejected bob@example.com", "RCPT",
		 "userunknown"},
		/* pobox.com's help page on common bounces */
		{"5.1.1", "550", "550 5.1.1 <bob@example.com> is not a valid mailbox", "RCPT",
		 "userunknown"},
		/* Coremail's help pages on the bounce texts its users get */
		{NULL, NULL, "unavailable mail user", "RCPT", "userunknown"},
		{"5.1.1", NULL, "user not known", NULL, "userunknown"},
		{NULL, "550", "550 local server don't exists that user", "RCPT", "userunknown"},
		{NULL, NULL, "not user of this server", "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 recipient does not have an account", NULL,
		 "userunknown"},
	};
	CHECK(cases);
}

/* The mailbox is over its quota. */
static void test_mailboxfull(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* AOL's reply quoted on a web host's help page (chilipepperweb) */
		{NULL, "552", "552 bob@aol.com has a full mailbox", "RCPT", "mailboxfull"},
		/* pobox.com's help page: Yahoo's qmail and a procmail delivery */
		{NULL, NULL, "User is over the quota. You can try again later.", NULL,
		 "mailboxfull"},
		{NULL, NULL, "procmail: Mailbox limit exceeded while appending message", NULL,
		 "mailboxfull"},
	};
	CHECK(cases);
}

/* The recipient's domain does not exist. */
static void test_hostunknown(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* a smart host's reply in an Exchange NDR (markgossa.com) */
		{NULL, "550",
		 "550-The domain in the email address 'bob@example.co.ik' does not 550 exist. Sorry.",
		 NULL, "hostunknown"},
		/* Exchange's NDR text quoted on snmail.co.uk's help page */
		{"5.4.0", NULL,
		 "The destination server for this recipient could not be found in Domain Name Service (DNS). Please verify the email address and retry.",
		 NULL, "hostunknown"},
	};
	CHECK(cases);
}

/* The mailbox is disabled or suspended. */
static void test_suspend(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* 21cn's reply quoted on a hosting help page (szhot) */
		{NULL, "550", "550 bob@example.com is now disabled with SMTP service", "RCPT",
		 "suspend"},
		/* an inactivity reply discussed on suped.com */
		{NULL, "550",
		 "550 Due to extended inactivity new mail is not currently being accepted for this mailbox.",
		 "RCPT", "suspend"},
		/* Coremail's help pages */
		{NULL, NULL, "user disabled", "RCPT", "suspend"},
	};
	CHECK(cases);
}

/* The sending IP was refused. */
static void test_blocked(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* a reader's bounce on msoutlook.info */
		{NULL, "550",
		 "550 mail.example.net ESMTP Connection rejected. Your IP 192.0.2.1 is in RBL",
		 "CONN", "blocked"},
		/* sendmail access rules quoted by the UMD help desk */
		{NULL, "550", "550 Sorry, no access for this ip", "MAIL", "blocked"},
		/* Microsoft replies reported in MXroute's changelog (IP
		 * reputation) */
		{NULL, NULL,
		 "Your access to submit messages to this e-mail system has been rejected", NULL,
		 "blocked"},
		{NULL, NULL, "You are not allowed to connect", "CONN", "blocked"},
		/* Coremail's help pages */
		{NULL, NULL, "IP is rejected", "CONN", "blocked"},
		{NULL, "550", "550 Requested mail action not taken: Invalid IP", "CONN", "blocked"},
	};
	CHECK(cases);
}

/* The content was judged to be spam. */
static void test_spamdetected(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* a provider's reply quoted in a mailing tool's help */
		{"5.9.9", "551",
		 "551 5.9.9 Spam message discarded. If you feel we mistreat you, do contact us",
		 "DATA", "spamdetected"},
		/* verifyrhq.com on a reply to its probes */
		{"5.7.1", "554", "554 5.7.1 Content rejected - suspected spam", "RCPT",
		 "spamdetected"},
		/* MxToolbox's blog, example bounces */
		{"5.7.1", "550", "550 5.7.1 Message rejected as spam by Content Filtering", "DATA",
		 "spamdetected"},
		/* Exchange Online NDRs quoted by UW-Stout's help desk */
		{NULL, "550",
		 "Remote server returned message detected as spam -> 550 permanent failure for one or more recipients",
		 NULL, "spamdetected"},
		{NULL, "554",
		 "Remote server returned message detected as spam -> 554 rejected due to spam URL in content",
		 NULL, "spamdetected"},
		{NULL, NULL,
		 "Your message couldn't be delivered because the recipient's email server (outside Office 365) suspected that your message was spam.",
		 NULL, "spamdetected"},
	};
	CHECK(cases);
}

/* SPF, DKIM or DMARC failed. */
static void test_authfailure(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Websavers' help page on SPF bounces */
		{"5.7.23", "550", "550 5.7.23 SPF validation failed", "RCPT", "authfailure"},
		{NULL, "550",
		 "550 You're mail was rejected because you are not using a server that is authorized to send mail from your domain. This is a problem with your email configuration. Please contact your email provider to learn how to fix this problem.",
		 NULL, "authfailure"},
		/* an Exchange NDR quoted on hostmyservices.blogspot.com */
		{"5.0.0", "551",
		 "551 5.0.0 Rejected, look at http://www.openspf.org/why.html?sender=al@example.com&ip=192.0.2.1&receiver=mx.example.net",
		 NULL, "authfailure"},
		/* 3essentials' help page (an SPF check) */
		{NULL, "550", "550 Sender Authorization check failed", NULL, "authfailure"},
		/* DMARC rejections quoted by merula.io, dmarcit.io and mailtw.org */
		{"5.7.5", "554", "554 5.7.5 Permanent error evaluating DMARC policy", "DATA",
		 "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 Your message was rejected due to example.com's DMARC policy", "DATA",
		 "authfailure"},
		{"5.7.1", "550", "550 5.7.1 DMARC unauthenticated mail is prohibited", "DATA",
		 "authfailure"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_userunknown), cmocka_unit_test(test_mailboxfull),
		cmocka_unit_test(test_hostunknown), cmocka_unit_test(test_suspend),
		cmocka_unit_test(test_blocked),     cmocka_unit_test(test_spamdetected),
		cmocka_unit_test(test_authfailure),
	};
	return cmocka_run_group_tests_name("wording common", tests, load_defaults, free_defaults);
}
