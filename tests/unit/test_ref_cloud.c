/* test_ref_cloud.c: the replies and notices cloud mail services publish for
 * their own systems: Amazon SES (the reply table of its SMTP interface, the
 * suppression-list notice, the bounce templates of its receiving rules),
 * Google Workspace (the rows of "Gmail SMTP errors and codes" that
 * test_providers.c and test_ref_webmail.c do not hold yet), ZeptoMail's
 * SMTP error table and Fastmail's "Why messages bounce back".  One case
 * per reply, with the reason the provider's stated cause calls for;
 * replies whose cause the reference leaves open are left out.  Every
 * diagnostic is written for the test in the form the service gives it. */
#include "testrules.h"

/* The SMTP interface of Amazon SES ("SMTP response codes returned by
 * Amazon SES"), as a relay that hands mail to it reports them. */
static void test_ses_smtp_interface(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The service itself failed to take the message. */
		{NULL, "451", "451 Temporary service failure", "DATA", "systemerror"},
		{NULL, "454", "454 Temporary service failure", "DATA", "systemerror"},
		/* SES waited in vain for the client's data: the connection. */
		{NULL, "451", "451 Timeout waiting for data from client.", "DATA", "networkerror"},
		/* The account's per-second sending rate. */
		{NULL, "454", "454 Throttling failure: Maximum sending rate exceeded.", "DATA",
		 "speeding"},
		/* Too many connections open to the endpoint at once. */
		{NULL, "421", "421 Too many concurrent SMTP connections", "CONN", "toomanyconn"},
		/* Commands the interface did not accept. */
		{NULL, "500", "500 Unrecognized command", NULL, "syntaxerror"},
		{NULL, "501", "501 Invalid argument", "MAIL", "syntaxerror"},
		{NULL, "503", "503 Bad sequence of commands", "RCPT", "syntaxerror"},
		/* A line over the RFC 5321 length in the data. */
		{NULL, "500", "500 Line too long.", "DATA", "notcompliantrfc"},
		/* SMTP authentication: a security requirement not met. */
		{NULL, "504", "504 Unrecognized authentication type", "AUTH", "securityerror"},
		{NULL, "530", "530 Authentication required", "MAIL", "securityerror"},
		/* Over the message size SES accepts. */
		{NULL, "552", "552 Message length exceeds 41943040 bytes.", "DATA", "mesgtoobig"},
	};
	CHECK(cases);
}

/* Notices SES itself writes: its suppression list, and the bounce
 * templates a receiving rule answers inbound mail with. */
static void test_ses_notices(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The global suppression list holds addresses that recently
		 * bounced as invalid. */
		{"5.1.1", NULL,
		 "Amazon SES has suppressed sending to this address because it has a recent "
		 "history of bouncing as an invalid address. For more information about how to "
		 "remove an address from the suppression list, see the Amazon SES Developer "
		 "Guide: http://docs.aws.amazon.com/ses/latest/DeveloperGuide/"
		 "remove-from-suppressionlist.html",
		 NULL, "userunknown"},
		/* Receiving-rule templates: "Mailbox Does Not Exist",
		 * "Message Too Large", "Mailbox Full", "Message Content
		 * Rejected". */
		{"5.1.1", "550", "550 5.1.1 Mailbox does not exist", "RCPT", "userunknown"},
		{"5.3.4", "552", "552 5.3.4 Message too large", "DATA", "mesgtoobig"},
		{"5.2.2", "552", "552 5.2.2 Mailbox full", "RCPT", "mailboxfull"},
		{"5.6.1", "500", "500 5.6.1 Message content rejected", "DATA", "contenterror"},
	};
	CHECK(cases);
}

/* Google Workspace: rows of Google's table not tested elsewhere. */
static void test_workspace_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Commands pipelined after STARTTLS break RFC 3207. */
		{"4.5.0", "454",
		 "454 4.5.0 SMTP protocol violation, no commands allowed to pipeline after "
		 "STARTTLS, see RFC 3207 - gsmtp",
		 "CONN", "syntaxerror"},
		/* The sending IP may not send to Google directly (dynamic or
		 * residential range): the IP is refused. */
		{"5.7.1", "550",
		 "550 5.7.1 [192.0.2.40] The IP you're using to send mail is not authorized to "
		 "send email directly to our servers. Please use the SMTP relay at your service "
		 "provider instead. For more information, go to "
		 "https://support.google.com/mail/?p=NotAuthorizedError - gsmtp",
		 "MAIL", "blocked"},
		/* An administrator's rule for the recipient's (or sender's)
		 * domain. */
		{"5.7.1", "550",
		 "550 5.7.1 The user or domain that you are sending to (or from) has a policy that "
		 "prohibited the mail that you sent. Please contact your domain administrator for "
		 "further details. For more information, go to "
		 "https://support.google.com/a/answer/172179 - gcdp - gsmtp",
		 "DATA", "policyviolation"},
		/* The message is not well-formed. */
		{"5.6.0", "554",
		 "554 5.6.0 Mail message is malformed. Not accepted. For more information, go to "
		 "https://support.google.com/mail/?p=RfcMessageNonCompliant - gsmtp",
		 "DATA", "notcompliantrfc"},
		/* An attachment type Gmail does not accept. */
		{"5.7.0", "552",
		 "552 5.7.0 Our system detected an illegal attachment on your message. Please "
		 "visit https://support.google.com/mail/?p=BlockedMessage to review our attachment "
		 "guidelines. - gsmtp",
		 "DATA", "contenterror"},
		/* The Workspace user's own daily sending limit. */
		{"5.4.5", "550",
		 "550 5.4.5 Daily user sending quota exceeded. For more information, go to "
		 "https://support.google.com/a/answer/166852 - gsmtp",
		 "DATA", "speeding"},
		/* The recipient's domain publishes a null MX (RFC 7505). */
		{"5.1.10", "556",
		 "556 5.1.10 Recipient address has null MX. For more information, go to "
		 "https://support.google.com/mail/?p=NullMX - gsmtp",
		 "RCPT", "notaccept"},
	};
	CHECK(cases);
}

/* ZeptoMail's SMTP error codes and Fastmail's bounce help. */
static void test_zeptomail_fastmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* ZeptoMail: a From address on a domain the account may not
		 * send for: the sender is refused. */
		{NULL, "553", "553 Relaying disallowed as sender@example.org", "MAIL", "rejected"},
		/* ZeptoMail: over the size its policy allows. */
		{"5.2.0", NULL, "5.2.0 Email size exceeded the policy.", "DATA", "mesgtoobig"},
		/* Fastmail: SMTP authentication failed. */
		{"5.7.8", "535", "535 5.7.8 Error: authentication failed: authentication failure",
		 "AUTH", "securityerror"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ses_smtp_interface),
		cmocka_unit_test(test_ses_notices),
		cmocka_unit_test(test_workspace_reference),
		cmocka_unit_test(test_zeptomail_fastmail),
	};
	return cmocka_run_group_tests_name("ref_cloud", tests, load_defaults, free_defaults);
}
