/* test_ref_europe2.c: the replies that more European access providers and
 * hosts list in their help pages on returned mail, one case per reply, with
 * the reason the provider's stated cause calls for: STRATO's Dutch page of
 * error messages, Aruba's (hosting, Aruba Business) and Forpsi's (the same
 * group's Polish brand) pages of common errors, Register.it's "Spam
 * Rejected", Proximus's blacklist page, BT's page on error 550, RU-CENTER's
 * mail diagnostics, and the FAQ pages of smaller hosts (bytecamp, Cubewerk's
 * securePostfach, kreativmedia, luchs.at, KEI, weboke, vdx, Hoasted,
 * Andrews & Arnold).  Replies other tests already hold (Free's "550 spam
 * detected", Virgilio's "550 Relay Disabled", Interia's table, BT's "sender
 * IP reputation") are not repeated.  Left out as the reference leaves the
 * cause open: BT's "550 Recipient Not Authorised [recipient rejected due to
 * no authorised destination groups]" (a sender address misspelt or not yet
 * active, refused as a relay), RU-CENTER's "451 Please try another server"
 * (another MX, or the sender's reverse DNS), weboke's "550 5.1.0 Recipient
 * rejected" ("mostly" an address that does not exist), and STRATO's bare
 * "Refused by local policy. No SPAM please" for a server or a sender that is
 * blocked.  Two are left out for a convention the rules already keep:
 * STRATO's "Suspected phishing attempt" (phishing is virusdetected's in the
 * rules, weighed with malware) and weboke's "Unrouteable address" for a
 * domain that does not exist (Exim's verify gives it for an address it
 * cannot route, userunknown in test_filter_texts.c).  Every diagnostic is written for the test in the form the
 * provider's server gives it. */
#include "testrules.h"

/* STRATO (its Dutch help page "Waarom krijg ik foutmeldingen bij het werken
 * met e-mail?"): the mailbox full, and the outgoing filter's tags for what
 * it found suspect in the message. */
static void test_strato_nl(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient's mailbox is full. */
		{NULL, "552", "552 mailbox full", "RCPT", "mailboxfull"},
		{NULL, "552", "552 quota exceeded", "RCPT", "mailboxfull"},
		{NULL, "552", "552 User has exhausted allowed storage space", "RCPT",
		 "mailboxfull"},
		/* A suspect URL, suspect text, a spam score: content judged spam. */
		{"5.7.1", "550", "550 5.7.1 Refused by local policy. No SPAM please! (B-URL)",
		 "DATA", "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Refused by local policy. No SPAM please! (B-TEXT)",
		 "DATA", "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Refused by local policy. No SPAM please! (B-SCORE)",
		 "DATA", "spamdetected"},
		/* An attachment that may not be sent: the content refused, as
		 * test_hosting_texts.c has STRATO's "dangerous attachment". */
		{"5.7.1", "550", "550 5.7.1 Refused by local policy. No SPAM please! (B-ATTACH)",
		 "DATA", "contenterror"},
		/* Sent from a server the sender domain's SPF does not allow. */
		{"5.7.1", "550", "550 5.7.1 SPF failed for example.org from 192.0.2.60", "RCPT",
		 "authfailure"},
	};
	CHECK(cases);
}

/* Aruba (hosting and Aruba Business) and Forpsi: the errors of their
 * outgoing and incoming servers. */
static void test_aruba_forpsi(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient's mailbox has used up its space. */
		{NULL, "552", "552 user is over quota", "RCPT", "mailboxfull"},
		/* Recipient addresses with characters a command may not carry. */
		{"5.5.2", "501", "501 5.5.2 bad chars in command", "RCPT", "syntaxerror"},
		/* The outgoing server refuses mail that many recipients reported
		 * as spam. */
		{"5.2.0", "552", "552 5.2.0 igxL1p00E1WDM2s01gxMXG spam detected", "DATA",
		 "spamdetected"},
		{"5.1.0", "550", "550 5.1.0 piWs1j0010jifNx01iWsdh spam detected", "DATA",
		 "spamdetected"},
		/* Too many messages for the sending limits (per minute, per hour),
		 * or too many of them undeliverable within the hour. */
		{"5.1.0", "550", "550 5.1.0 iemL1p01Z0hMcT901emQ77 policy violation", "MAIL",
		 "speeding"},
		{"5.1.0", "550",
		 "550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see "
		 "https://support.forpsi.com/kb/a4081",
		 "MAIL", "speeding"},
		/* The envelope sender's domain is not the one the account logged
		 * in with. */
		{"5.1.0", "550", "550 5.1.0 <john.smith@example.com> sender rejected", "MAIL",
		 "rejected"},
	};
	CHECK(cases);
}

/* Register.it, Proximus, BT and RU-CENTER. */
static void test_isp_pages(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Register.it: the message carries what other messages reported
		 * as spam carried, or recipients marked it as spam. */
		{"5.2.0", "550", "550 5.2.0 mxAbCdEf0123456 Spam Rejected", "DATA", "spamdetected"},
		/* Proximus: the sending IP is on its blacklist for the spam it
		 * sent. */
		{NULL, "554",
		 "554 Access denied - Under investigation for spam abuse. Contact your email "
		 "provider for more info",
		 "CONN", "blocked"},
		/* BT: the btinternet.com address does not exist. */
		{NULL, "550", "550 unknown local user", "RCPT", "userunknown"},
		/* RU-CENTER: the disk space allotted to the recipient's domain is
		 * used up. */
		{NULL, "451", "451 example.ru prohibited. Disk quota exceeded", "RCPT",
		 "mailboxfull"},
	};
	CHECK(cases);
}

/* Smaller hosts' FAQ pages on refused mail. */
static void test_small_hosts(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* bytecamp: the sending server has no reverse DNS entry. */
		{"4.7.1", "450",
		 "450 4.7.1 Client host rejected: cannot find your reverse hostname", "RCPT",
		 "requireptr"},
		/* bytecamp: more connections than allowed. */
		{"4.7.0", "421", "421 4.7.0 Error: too many connections from 192.0.2.60", "CONN",
		 "toomanyconn"},
		/* bytecamp: the account's storage is used up. */
		{"4.2.2", "422",
		 "422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)", "RCPT",
		 "mailboxfull"},
		/* bytecamp: the message classified as spam. */
		{"5.7.1", "571",
		 "571 5.7.1 message classified as spam (Nachricht als Spam eingestuft)", "DATA",
		 "spamdetected"},
		/* Cubewerk's securePostfach: a user unknown, an attachment type the
		 * recipient does not accept, a virus found. */
		{NULL, "550", "550 Empfaenger unbekannt. User unknown. (cwERR504)", "RCPT",
		 "userunknown"},
		{NULL, "550",
		 "550 Anhang blockiert. Nur PDF-Dateien akzeptiert. Attachment blocked. Only PDF is "
		 "allowed. (cwERR502)",
		 "DATA", "contenterror"},
		{NULL, "550", "550 Virus erkannt. Virus detected. (cwERR501)", "DATA",
		 "virusdetected"},
		/* kreativmedia: the IP on a DNS block list. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.60] blocked using "
		 "zen.spamhaus.org",
		 "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.60] blocked using "
		 "dnsbl.sorbs.net",
		 "RCPT", "blocked"},
		/* luchs.at: the sending server is on a block list. */
		{NULL, "550", "550 Rejected: listed at bl.spamcop.net", "RCPT", "blocked"},
		/* Andrews & Arnold: the IP is blocked from sending for the spam it
		 * sent. */
		{NULL, "550",
		 "550 Error CA2 see: http://wiki.aa.org.uk/Sending_Email_Errors 192.0.2.60 is "
		 "blocked from sending. Probably due to sending spam messages.",
		 "RCPT", "blocked"},
		/* KEI: the mailbox is over its quota; the account does not exist. */
		{NULL, NULL, "maildrop: maildir over quota.", NULL, "mailboxfull"},
		{NULL, "500", "500 No such user", "RCPT", "userunknown"},
		{NULL, "550", "550 No Such User Here", "RCPT", "userunknown"},
		/* weboke: the domain has no usable mail server; retries gave up. */
		{NULL, NULL, "all relevant MX records point to non-existent hosts", NULL,
		 "hostunknown"},
		{NULL, NULL, "retry timeout exceeded", NULL, "expired"},
		/* weboke: the domain's listed server does not take mail for it. */
		{NULL, "554", "554 No relaying allowed - psmtp", "RCPT", "norelaying"},
		/* vdx: a subject with non-ASCII characters not encoded as the RFCs
		 * require. */
		{NULL, "550", "550 Subject contains invalid characters", "DATA", "notcompliantrfc"},
		/* Hoasted: relaying through the server without logging in. */
		{NULL, "550", "550-550 relay through this server without authentication.", "RCPT",
		 "norelaying"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strato_nl),
		cmocka_unit_test(test_aruba_forpsi),
		cmocka_unit_test(test_isp_pages),
		cmocka_unit_test(test_small_hosts),
	};
	return cmocka_run_group_tests_name("ref_europe2", tests, load_defaults, free_defaults);
}
