/* test_ref_microsoft.c: Microsoft's published reply-code references, table
 * by table: "Email non-delivery reports and SMTP errors in Exchange Online"
 * (with the per-code pages it links to) and the codes Outlook.com's
 * postmaster pages explain.  Each reason follows the cause Microsoft states
 * for the code, decided from the reason meanings; every diagnostic is
 * written for the test in the form the server gives it.  Codes whose
 * stated cause fits more than one reason are left out: 4.5.3 (too many
 * envelope recipients), 5.3.190 (journaling to a tenant without Journaling
 * Archive), 5.7.1 "Delivery not authorized" (a group's restriction on its
 * senders), 5.7.510 (no mail over IPv6), 4.7.500-699 "Access denied, please
 * try again later" (an unnamed party restricted), and Outlook.com's OU-001
 * and OU-002 (content or reputation).  Two are left out for conventions
 * documented elsewhere: 4.4.316 "Connection refused" is a temporary code,
 * which on a failure says the retries ran out (expired); 5.0.350 "x-dg-ref
 * header is too long" is a header too long, counted as notcompliantrfc. */
#include "testrules.h"

/* The recipient's address: not in the directory, or refused as invalid. */
static void test_exo_recipient(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550 5.1.1 <someone@example.com>: Bad destination mailbox address "
		 "[AM7EUR03FT012.eop-EUR03.prod.protection.outlook.com]",
		 "RCPT", "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found "
		 "[DB8PR04MB6523.eurprd04.prod.outlook.com]",
		 NULL, "userunknown"},
		{"5.1.10", "550",
		 "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
		 "address lookup",
		 NULL, "userunknown"},
		/* Directory-Based Edge Blocking under its own code. */
		{"5.7.504", "550",
		 "550 5.7.504 <someone@example.com>: Recipient address rejected: Access "
		 "denied",
		 "RCPT", "userunknown"},
		/* "The recipient that you're attempting to contact isn't valid." */
		{"5.7.505", "550", "550 5.7.505 Access denied, banned recipient", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* Rate limits on the sender, its tenant or the recipient. */
static void test_exo_limits(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.232", "550",
		 "550 5.7.232 Your message can't be sent because your trial tenant has "
		 "exceeded its daily limit for sending email to external recipients "
		 "(tenant external recipient rate limit).",
		 NULL, "speeding"},
		{"5.7.233", "550",
		 "550 5.7.233 Your message can't be sent because your tenant exceeded its "
		 "daily limit for sending email to external recipients (tenant external "
		 "recipient rate limit).",
		 NULL, "speeding"},
		{"5.2.0", "554",
		 "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; "
		 "Failed to process message due to a permanent exception with message The "
		 "message can't be submitted because the sender's submission quota was "
		 "exceeded.",
		 NULL, "speeding"},
		{"5.2.121", "550",
		 "550 5.2.121 Recipient's per hour message receive limit from specific sender "
		 "exceeded.",
		 "RCPT", "speeding"},
		{"5.2.122", "550",
		 "550 5.2.122 Recipient's per hour message receive limit exceeded.", "RCPT",
		 "speeding"},
	};
	CHECK(cases);
}

/* The route: an expired message, whatever the last attempt met. */
static void test_exo_route(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.7", "550",
		 "550 4.4.7 QUEUE.Expired; message expired [Message=SocketError] "
		 "[LastAttemptedServerName=mx.example.net]",
		 NULL, "expired"},
	};
	CHECK(cases);
}

/* Exchange Online's outbound TLS: STARTTLS and DANE failures, 4.x while it
 * retries and 5.x when it gives up. */
static void test_exo_tls(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.321", "550",
		 "550 5.7.321 starttls-not-supported: Destination mail server must support "
		 "TLS to receive mail.",
		 NULL, "failedstarttls"},
		{"4.7.322", "451",
		 "451 4.7.322 certificate-expired: Destination mail server's certificate is "
		 "expired.",
		 NULL, "failedstarttls"},
		{"5.7.322", "550",
		 "550 5.7.322 certificate-expired: Destination mail server's certificate is "
		 "expired.",
		 NULL, "failedstarttls"},
		{"4.7.323", "451", "451 4.7.323 tlsa-invalid: The domain failed DANE validation.",
		 NULL, "failedstarttls"},
		{"5.7.323", "550", "550 5.7.323 tlsa-invalid: The domain failed DANE validation.",
		 NULL, "failedstarttls"},
		{"4.7.324", "451",
		 "451 4.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC "
		 "records",
		 NULL, "failedstarttls"},
		{"5.7.324", "550",
		 "550 5.7.324 dnssec-invalid: Destination domain returned invalid DNSSEC "
		 "records",
		 NULL, "failedstarttls"},
		{"4.7.325", "451",
		 "451 4.7.325 certificate-host-mismatch: Remote certificate MUST have a "
		 "common name or subject alternative name matching the hostname (DANE)",
		 NULL, "failedstarttls"},
		{"5.7.325", "550",
		 "550 5.7.325 certificate-host-mismatch: Remote certificate MUST have a "
		 "common name or subject alternative name matching the hostname (DANE)",
		 NULL, "failedstarttls"},
	};
	CHECK(cases);
}

/* A recipient that takes mail only from inside its organisation, a server
 * that wants an authenticated client, and relaying. */
static void test_exo_authentication_and_relay(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.12", "550", "550 5.7.12 Sender was not authenticated by organization", NULL,
		 "securityerror"},
		{"5.7.134", "550",
		 "550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; Sender was not "
		 "authenticated for mailbox",
		 NULL, "securityerror"},
		{"5.7.135", "550",
		 "550 5.7.135 RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; Sender was "
		 "not authenticated for public folder",
		 NULL, "securityerror"},
		{"5.7.136", "550", "550 5.7.136 Sender was not authenticated", NULL,
		 "securityerror"},
		{"5.7.1", "530", "530 5.7.1 Client was not authenticated", "MAIL", "securityerror"},
		{"5.7.139", "535",
		 "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is "
		 "disabled for the Tenant.",
		 "AUTH", "securityerror"},
		{"5.7.1", "550", "550 5.7.1 Unable to relay for someone@example.net", "RCPT",
		 "norelaying"},
	};
	CHECK(cases);
}

/* The sending account, the sending IP, or the sender's own organisation's
 * policy. */
static void test_exo_sender(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The same words as 5.7.511, but 5.7.502 and 5.7.503 ban the sending
		 * account for its spam, not an IP. */
		{"5.7.502", "550", "550 5.7.502 Access denied, banned sender", "MAIL", "rejected"},
		{"5.7.503", "550", "550 5.7.503 Access denied, banned sender", "MAIL", "rejected"},
		{"5.7.507", "550", "550 5.7.507 Access denied, rejected by recipient", NULL,
		 "blocked"},
		{"4.7.850", "451", "451 4.7.850 Access denied, please try again later. (AS850)",
		 NULL, "blocked"},
		{"5.7.620", "550",
		 "550 5.7.620 Access denied, banned sending IP [192.0.2.20]. To request "
		 "removal from this list please visit https://sender.office.com/ and follow "
		 "the directions.",
		 "MAIL", "blocked"},
		{"5.7.700", "550",
		 "550 5.7.700 Access denied, tenant has exceeded threshold. For more "
		 "information please go to https://go.microsoft.com/fwlink/?LinkId=526653",
		 NULL, "blocked"},
		{"5.7.703", "550",
		 "550 5.7.703 Your message can't be delivered because one or more recipients "
		 "are blocked by your organization's tenant recipient block policy.",
		 NULL, "policyviolation"},
	};
	CHECK(cases);
}

/* 5.0.350 is a catch-all; one of its texts says what happened. */
static void test_exo_generic(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Nested attachments refused by policy. */
		{"5.0.350", "550",
		 "550 5.0.350 Remote server returned an error -> 550 Requested action not "
		 "taken: policy violation detected (AS345)",
		 "DATA", "policyviolation"},
	};
	CHECK(cases);
}

/* Outlook.com's postmaster codes. */
static void test_outlook_com(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "421",
		 "421 RP-002 (COL004-MC1F20) The mail server IP connecting to Outlook.com "
		 "server has exceeded the rate limit allowed on this connection. Reason for "
		 "rate limitation is related to IP/domain reputation problems.",
		 "MAIL", "speeding"},
		{NULL, "421",
		 "421 RP-003 (BAY004-MC4F9) The mail server IP connecting to Outlook.com "
		 "server has exceeded the connection limit allowed. Reason for limitation is "
		 "related to IP/domain reputation problems.",
		 "CONN", "toomanyconn"},
		{"4.7.651", "451",
		 "451 4.7.651 The mail server [192.0.2.20] has been temporarily rate limited "
		 "due to IP reputation. For e-mail delivery information, see "
		 "https://postmaster.live.com (S3114) "
		 "[CO1NAM11FT045.eop-nam11.prod.protection.outlook.com]",
		 "MAIL", "badreputation"},
		{"5.7.1", "550",
		 "550 5.7.1 Unfortunately, messages from [192.0.2.20] weren't sent. Please "
		 "contact your Internet service provider since part of their network is on our "
		 "block list (S3150). You can also refer your provider to "
		 "http://mail.live.com/mail/troubleshooting.aspx#errors. "
		 "[DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]",
		 "MAIL", "blocked"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exo_recipient),
		cmocka_unit_test(test_exo_limits),
		cmocka_unit_test(test_exo_route),
		cmocka_unit_test(test_exo_tls),
		cmocka_unit_test(test_exo_authentication_and_relay),
		cmocka_unit_test(test_exo_sender),
		cmocka_unit_test(test_exo_generic),
		cmocka_unit_test(test_outlook_com),
	};
	return cmocka_run_group_tests_name("ref_microsoft", tests, load_defaults, free_defaults);
}
