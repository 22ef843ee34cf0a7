/* test_rule_precision2.c: more replies in which a broad word of
 * default.rules ("not found", "user unknown", "quota", "limit", "blocked",
 * "spam", "expired", "timeout", "disabled", "locked", "invalid", "denied",
 * "relay", "policy", "too many") stands for another cause than the one it
 * usually names.  The texts are those MTAs write in their source (Postfix's
 * smtpd and smtp client, Exim, Sendmail, qmail) or that providers give on
 * their published pages (Microsoft's Exchange Online NDR tables, Google's
 * SMTP error reference, Amazon SES, Zoho, Mail.ru) and RFC 7505, with
 * addresses and hosts replaced by example ones.  The expected reason
 * follows from DOMAIN.md's meanings and the conventions that the comments
 * of default.rules state, not from which rule happens to match.  Each case
 * is a reply relayed by the sender's MTA (verdict_with). */
#include "testrules.h"

/* "not found", "does not exist", "non-existent", "unknown": a domain, not a
 * mailbox, and the sender's domain, not the recipient's. */
static void test_domain_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Postfix reject_unknown_sender_domain: the envelope sender's
		 * domain has no DNS records. */
		{"4.1.8", "450",
		 "450 4.1.8 <bob@nonexistent.example>: Sender address rejected: Domain not found",
		 "RCPT", "rejected"},
		{NULL, "450",
		 "450 <bob@nonexistent.example>: Sender address rejected: Domain not found", NULL,
		 "rejected"},
		/* Postfix reject_unknown_recipient_domain. */
		{"5.1.2", "550",
		 "550 5.1.2 <bob@nonexistent.example>: Recipient address rejected: Domain not found",
		 "RCPT", "hostunknown"},
		/* Postfix reject_unknown_helo_hostname: the name the client
		 * gave in HELO (the rules' convention: a refused client). */
		{"5.7.1", "550",
		 "550 5.7.1 <mail.example.internal>: Helo command rejected: Host not found", "RCPT",
		 "blocked"},
		/* Exim's dnslookup router (routers/dnslookup.c). */
		{"5.0.0", NULL, "all relevant MX records point to non-existent hosts", NULL,
		 "hostunknown"},
		/* Sendmail's check_mail ruleset: the sender's domain. */
		{NULL, "553",
		 "553 5.1.8 <bob@nonexistent.example>... Domain of sender address "
		 "bob@nonexistent.example does not exist",
		 NULL, "rejected"},
		{NULL, "451", "451 4.1.8 Domain of sender address bob@example.net does not resolve",
		 NULL, "rejected"},
		/* Exchange Online's NDR table: 5.4.310 and 5.4.4. */
		{"5.4.310", "550",
		 "550 5.4.310 DNS domain example.org does not exist "
		 "[Message=InfoDomainNonexistent] [LastAttemptedServerName=example.org]",
		 NULL, "hostunknown"},
		{"5.4.4", "554", "554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
		 NULL, "hostunknown"},
		/* Google's SMTP error reference: 553 5.1.2. */
		{"5.1.2", "553",
		 "553-5.1.2 We weren't able to find the recipient domain. Please check for any "
		 "spelling errors, and make sure you didn't enter any spaces, periods, or other "
		 "punctuation after the recipient's email address.",
		 "RCPT", "hostunknown"},
		/* RFC 7505: the sender's domain publishes a null MX. */
		{"5.7.27", "550", "550 5.7.27 Sender address has null MX", "MAIL", "rejected"},
		{NULL, "550", "550 5.7.27 Sender address has null MX", NULL, "rejected"},
	};
	CHECK(cases);
}

/* "user unknown", "unrouteable address", "invalid mailbox", "invalid
 * address": inside a verification of the sender, beside the account's
 * state, or about the form of an address. */
static void test_address_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Postfix reject_unlisted_sender: the sender's own address is
		 * not in the local tables. */
		{"5.1.0", "550",
		 "550 5.1.0 <bob@example.com>: Sender address rejected: User unknown in local "
		 "recipient table",
		 "RCPT", "rejected"},
		/* Postfix reject_unverified_sender quotes the probe's answer. */
		{"4.1.7", "450",
		 "450 4.1.7 <bob@example.com>: Sender address rejected: unverified address: host "
		 "mx.example.com[192.0.2.20] said: 550 5.1.1 <bob@example.com>: Recipient address "
		 "rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
		 "RCPT", "rejected"},
		{NULL, "450",
		 "450 <bob@example.com>: Sender address rejected: unverified address: host "
		 "mx.example.com[192.0.2.20] said: 550 5.1.1 <bob@example.com>: Recipient address "
		 "rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
		 NULL, "rejected"},
		/* Exim's sender callout for an address its router cannot route. */
		{NULL, "550",
		 "550-Verification failed for <bob@example.com> 550-Unrouteable address 550 Sender "
		 "verify failed",
		 "RCPT", "rejected"},
		/* Postfix reject_sender_login_mismatch and reject_non_fqdn_sender. */
		{"5.7.1", "553",
		 "553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user "
		 "bob@example.com",
		 "RCPT", "rejected"},
		{"5.5.2", "504",
		 "504 5.5.2 <bob>: Sender address rejected: need fully-qualified address", "RCPT",
		 "rejected"},
		/* Mail.ru: the mailbox exists and is disabled, or does not exist,
		 * under the same "invalid mailbox" heading. */
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox.  Local mailbox bob@mail.example is "
		 "unavailable: account is disabled",
		 "RCPT", "suspend"},
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox.  Local mailbox bob@mail.example is "
		 "unavailable: user not found",
		 "RCPT", "userunknown"},
		/* Exchange: "Invalid address" answers MAIL FROM (5.1.7) or RCPT TO
		 * (5.1.3, the destination's syntax). */
		{"5.1.7", "501", "501 5.1.7 Invalid address", NULL, "rejected"},
		{"5.1.3", "501", "501 5.1.3 Invalid address", "RCPT", "userunknown"},
		/* Exim refusing the form of the recipient's address at RCPT (the
		 * rules' convention: a bad address, not a bad command). */
		{NULL, "501",
		 "501 <bob smith@example.com>: malformed address: smith@example.com may not follow "
		 "bob",
		 "RCPT", "userunknown"},
		{NULL, "501", "501 <bob@>: domain missing or malformed", "MAIL", "rejected"},
		/* Exchange Online 5.7.124: a delivery restriction refuses this
		 * sender. */
		{"5.7.124", "550",
		 "550 5.7.124 RESOLVER.RST.SenderNotAllowed; sender not in allowed-senders list",
		 NULL, "rejected"},
	};
	CHECK(cases);
}

/* "quota", "limit", "too many", "rate", "relay": the sender's allowance, the
 * number of recipients in one message, and the mailbox's storage. */
static void test_limit_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Google: more recipients than one message may have, whatever
		 * "sending limits" the pointer names. */
		{"4.5.3", "452",
		 "452-4.5.3 Your message has too many recipients. For more information regarding "
		 "Google's sending limits, visit https://support.google.com/mail/?p=TooManyRecipientsError",
		 "RCPT", "toomanyconn"},
		/* Google Workspace's SMTP relay service: a daily count. */
		{"5.4.5", "550", "550 5.4.5 Daily SMTP relay limit exceeded for customer.", NULL,
		 "speeding"},
		/* Exchange Online: recipients per message (5.5.3), recipients per
		 * day (5.1.90, 5.7.232). */
		{"5.5.3", "550", "550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients", NULL,
		 "toomanyconn"},
		{"5.1.90", "550",
		 "550 5.1.90 Your message can't be sent because you've reached your daily limit for "
		 "message recipients",
		 NULL, "speeding"},
		{"5.7.232", "550",
		 "550 5.7.232 Your message can't be sent because your trial tenant has exceeded its "
		 "daily limit for sending email to external recipients (tenant recipient rate limit)",
		 NULL, "speeding"},
		/* Exim gave up on a recipient the server kept deferring as one too
		 * many: the last error names the cause. */
		{"5.0.0", "452",
		 "SMTP error from remote mail server after RCPT TO:<bob@example.com>: host "
		 "mx.example.com [192.0.2.20]: 452 too many recipients: retry timeout exceeded",
		 "RCPT", "toomanyconn"},
		/* Postfix anvil: connections and messages per client. */
		{"4.7.0", "421",
		 "421 4.7.0 mx.example.com Error: too many connections from 192.0.2.10", "CONN",
		 "toomanyconn"},
		{"4.7.0", "421",
		 "421 4.7.0 mx.example.com Error: too many messages from 192.0.2.10", "MAIL",
		 "speeding"},
		/* Amazon SES: the account's sending rate. */
		{NULL, "454", "454 Throttling failure: Maximum sending rate exceeded.", NULL,
		 "speeding"},
		/* qmail-smtpd's databytes: the server's size limit. */
		{NULL, "552", "552 sorry, that message size exceeds my databytes limit (#5.3.4)",
		 "DATA", "mesgtoobig"},
		/* Sendmail and Exchange out of disk or resources: the system's
		 * storage, not a mailbox's. */
		{"4.4.5", "452", "452 4.4.5 Insufficient disk space; try again later", "MAIL",
		 "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Insufficient system resources", "RCPT", "systemfull"},
	};
	CHECK(cases);
}

/* "blocked", "banned", "spam", "locked", "disabled", "policy": whose block,
 * whose account, which policy. */
static void test_block_and_account_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Exchange Online 5.1.8 and 5.7.501: the sending account is
		 * restricted for the spam it sent. */
		{"5.1.8", "550", "550 5.1.8 Access denied, bad outbound sender", NULL, "rejected"},
		{"5.7.501", "550", "550 5.7.501 Access denied, spam abuse detected", NULL,
		 "rejected"},
		/* Zoho Mail: the sending account may not send for now. */
		{"5.1.8", "554", "554 5.1.8 Email Outgoing Blocked.", "MAIL", "rejected"},
		/* Exchange Online 5.7.703: the sender's own organisation blocks
		 * this recipient in its allow/block list. */
		{"5.7.703", "550",
		 "550 5.7.703 Your message can't be delivered because messages to bob@example.com are "
		 "blocked by your organization using Tenant Allow Block List.",
		 NULL, "policyviolation"},
		/* Outlook.com: the recipient's organisation blocks the sending IP. */
		{"5.7.1", "550",
		 "550 5.7.1 Service unavailable, Client host [192.0.2.10] blocked using Customer Block "
		 "list (AS16012607)",
		 "RCPT", "blocked"},
		/* Exchange Online 535 5.7.139: the submission login refused
		 * because SMTP AUTH is turned off or security defaults apply. */
		{"5.7.139", "535",
		 "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for "
		 "the Tenant.",
		 "AUTH", "securityerror"},
		{"5.7.139", "535",
		 "535 5.7.139 Authentication unsuccessful, user is locked by your organization's "
		 "security defaults policy.",
		 "AUTH", "securityerror"},
		/* Google: the content and links, though "blocked". */
		{"4.7.0", "421",
		 "421-4.7.0 This message is suspicious due to the nature of the content or the links "
		 "within. To best protect our users from spam, the message has been blocked.",
		 "DATA", "spamdetected"},
		/* Google: an IP that should relay through its provider. */
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.10] The IP you're using to send mail is not authorized to send "
		 "email directly to our servers. Please use the SMTP relay at your service provider "
		 "instead.",
		 "MAIL", "blocked"},
		/* Google: the recipient's or sender's domain policy. */
		{"5.7.1", "550",
		 "550-5.7.1 The user or domain that you are sending to (or from) has a policy that "
		 "prohibited the mail that you sent. Please contact your domain administrator for "
		 "further details.",
		 "DATA", "policyviolation"},
		{"5.7.26", "550",
		 "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's "
		 "DMARC policy. Please contact the administrator of example.com domain.",
		 "DATA", "authfailure"},
	};
	CHECK(cases);
}

/* "expired", "timeout", "refused", "TLS", "syntax", "bounce": the session,
 * the certificate, the command, the null sender. */
static void test_session_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Postfix smtp client: TLS required by the sender's policy and not
		 * offered; a certificate that has expired. */
		{"4.7.4", NULL,
		 "TLS is required, but was not offered by host mx.example.com[192.0.2.20]", NULL,
		 "failedstarttls"},
		{"4.7.5", NULL,
		 "Server certificate not verified: certificate verification failed for "
		 "mx.example.com[192.0.2.20]:25: certificate has expired",
		 NULL, "failedstarttls"},
		/* Exim's smtp transport: the same two. */
		{"4.0.0", NULL,
		 "a TLS session is required, but the server did not offer TLS support", NULL,
		 "failedstarttls"},
		{"4.0.0", NULL,
		 "TLS session: (SSL_connect): error:0A000086:SSL routines::certificate verify failed",
		 NULL, "failedstarttls"},
		/* Postfix smtpd's syntax replies. */
		{"5.5.4", "501", "501 5.5.4 Syntax: MAIL FROM:<address>", "MAIL", "syntaxerror"},
		{"5.5.4", "555", "555 5.5.4 Unsupported option: SIZE=big", "MAIL", "syntaxerror"},
		{"5.5.2", "501", "501 5.5.2 Syntax error in parameters scanning \"from\"", "MAIL",
		 "syntaxerror"},
		/* Postfix reject_multi_recipient_bounce: the null sender refused
		 * for more than one recipient. */
		{"5.5.3", "550", "550 5.5.3 <DATA>: Data command rejected: Multi-recipient bounce",
		 "DATA", "rejected"},
		/* Exchange's transport: bare line feeds in the message. */
		{"5.6.11", "550",
		 "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which "
		 "cannot be sent via DATA",
		 "DATA", "notcompliantrfc"},
		/* Google: a loop, though the message "exceeded" something. */
		{"5.6.0", "554",
		 "554-5.6.0 Message exceeded 50 hops, this may indicate a mail loop.", "DATA",
		 "networkerror"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_words),
		cmocka_unit_test(test_address_words),
		cmocka_unit_test(test_limit_words),
		cmocka_unit_test(test_block_and_account_words),
		cmocka_unit_test(test_session_words),
	};
	return cmocka_run_group_tests_name("rule precision 2", tests, load_defaults, free_defaults);
}
