/* test_wording_address.c: the many ways receiving servers and the
 * sender's own MTA word the failures that concern the recipient's address,
 * mailbox and domain, the receiving system, the route and the retry
 * window: no such user, no such domain, a domain that takes no mail, a full
 * mailbox, a size limit, a disabled or moved mailbox, a recipient's filter,
 * the receiving system's trouble or lack of space, a local delivery program
 * that failed, an SMTP command refused, DNS or routing trouble and retries
 * that ran out.  Each text is written for the test in the form an MTA's
 * source, a provider's help page or a bounce quoted on a help forum gives
 * it, or in a close variant of that wording, with the codes it pairs with
 * and the SMTP stage it answers (NULL where the report does not say).  The
 * reason follows from what the text says (DOMAIN.md's vocabulary) and from
 * the conventions of default.rules and classify.c: words of an unknown user
 * in answer to DATA, or relayed with no stage and a status that is not
 * about the address, are a filter's (filtered); a failed report with a
 * temporary code whose words say nothing precise is expired.  Each case is
 * a reply relayed by the sender's MTA (verdict_with). */
#include "testrules.h"

/* Each case names its finer category (dnstimeout) where it has one. */
#undef CHECK
#define CHECK(cases) CHECK_CATEGORIES(cases)

/* The receiving system failed. */
static void test_systemerror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.0", "451", "451 4.3.0 Temporary system failure. Please try again later.",
		 NULL, "systemerror"},
		{NULL, "451", "451 Requested action aborted: local error in processing", "DATA",
		 "systemerror"},
		{"4.4.0", "451", "451 4.4.0 Temporary server error. Please try again later. PRX4",
		 NULL, "systemerror"},
		{"4.3.0", "451", "451 4.3.0 Mail server temporarily rejected message.", NULL,
		 "systemerror"},
		{NULL, "451", "451 Temporary local problem - please try later", "RCPT",
		 "systemerror"},
		{"4.3.5", "451", "451 4.3.5 Server configuration problem", NULL, "systemerror"},
		{"4.3.0", "451", "451 4.3.0 <bob@example.com>: Temporary lookup failure", "RCPT",
		 "systemerror"},
		{NULL, "421", "421 Too much load; please try again later", "CONN", "systemerror"},
		{"4.3.0", "451", "451 4.3.0 Temporary internal failure", NULL, "systemerror"},
		{"5.3.0", "550", "550 5.3.0 Internal error", NULL, "systemerror"},
		{"5.3.0", "554", "554 5.3.0 Mail system configuration error", NULL, "systemerror"},
		{NULL, "451",
		 "451 Internal error occurred. Refer to server log for more information.", "DATA",
		 "systemerror"},
		{"4.3.0", "451", "451 4.3.0 Database error", NULL, "systemerror"},
		{NULL, "421", "421 Server is busy, please retry later", "CONN", "systemerror"},
		{NULL, "451", "451 Temporary failure in processing; please try again", "DATA",
		 "systemerror"},
		{"4.3.0", "451", "451 4.3.0 Mail server temporarily unavailable", NULL,
		 "systemerror"},
		{NULL, "421", "421 System load too high, try again later", "CONN", "systemerror"},
		{"4.3.0", "451", "451 4.3.0 Backend mailbox server not responding", NULL,
		 "systemerror"},
		{"4.3.0", NULL, "Remote server returned an internal error", NULL, "systemerror"},
		{"4.3.0", NULL, "Resource limitations, please try later", NULL, "systemerror"},
		{NULL, "458", "458 Unable to queue message", "DATA", "systemerror"},
		{"4.3.0", "451", "451 4.3.0 <bob@example.com> Temporary internal error", NULL,
		 "systemerror"},
	};
	CHECK(cases);
	assert_false(hard("5.3.0", "550", "550 5.3.0 Internal error", NULL));
}

/* The receiving system is out of space. */
static void test_systemfull(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.1", "452", "452 4.3.1 The mail system is out of storage", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Temporary failure: disk full", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Server storage is full", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Not enough system resources", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Mail queue is full", NULL, "systemfull"},
		{NULL, "452", "452 Spool full, try again later", "MAIL", "systemfull"},
		{"4.3.1", "421", "421 4.3.1 Server is out of disk space", NULL, "systemfull"},
		{"4.3.1", NULL, "Filesystem full", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Insufficient storage", NULL, "systemfull"},
		{NULL, "432", "432 Mail system full, try again later", "MAIL", "systemfull"},
		{"5.3.1", "552", "552 5.3.1 Mail system full", NULL, "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Out of queue space; try again later", NULL,
		 "systemfull"},
		{NULL, "452", "452 Disk is full, message not accepted", "DATA", "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Storage on this server is exhausted", NULL,
		 "systemfull"},
		{NULL, "452", "452 The server has run out of disk space", "DATA", "systemfull"},
		{"4.3.1", "452",
		 "452 4.3.1 <bob@example.com> Temporary internal error: Not enough disk space",
		 NULL, "systemfull"},
		{"4.3.0", NULL,
		 "maildir delivery failed: error writing message: No space left on device", NULL,
		 "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Server is low on disk space, try again later", NULL,
		 "systemfull"},
		{NULL, "452", "452 Queue directory is full", "MAIL", "systemfull"},
		{"4.3.1", NULL, "The mail server's storage is full", NULL, "systemfull"},
	};
	CHECK(cases);
}

/* A local delivery program failed. */
static void test_mailererror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.3.0", NULL, "Command died with signal 9: \"/usr/bin/procmail\"", NULL,
		 "mailererror"},
		{"5.3.0", NULL,
		 "service unavailable. Command output: lda: Failed to open configuration file",
		 NULL, "mailererror"},
		{"5.0.0", NULL,
		 "Child process of address_pipe transport returned 127 (could mean unable to exec or command does not exist) from command: /usr/local/bin/handler",
		 NULL, "mailererror"},
		{"5.3.0", "554", "554 5.3.0 unknown mailer error 1", NULL, "mailererror"},
		{"5.3.0", "554",
		 "sh: /usr/local/bin/handler: not found 554 5.3.0 unknown mailer error 127", NULL,
		 "mailererror"},
		{"4.3.0", NULL, "Unable to run qmail-local. (#4.3.0)", NULL, "mailererror"},
		{"5.3.0", NULL, "mailer program exited with status 1", NULL, "mailererror"},
		{"5.3.0", NULL, "Mailer local died with signal 6", NULL, "mailererror"},
		{"5.3.0", NULL, "The local delivery agent returned an error", NULL, "mailererror"},
		{"5.3.0", NULL, "The delivery agent returned exit code 75", NULL, "mailererror"},
		{"4.3.0", NULL, "Child process of local_delivery transport returned 75", NULL,
		 "mailererror"},
		{"5.3.0", NULL, "Local delivery program failed", NULL, "mailererror"},
		{"5.3.0", NULL, "user's .forward pipe command failed", NULL, "mailererror"},
		{"5.3.0", NULL, "spawn: execvp /usr/bin/filter: No such file or directory", NULL,
		 "mailererror"},
		{"5.3.0", NULL, "Process exited with error 75", NULL, "mailererror"},
		{"5.3.0", NULL, "Delivery agent error: could not execute the filter program", NULL,
		 "mailererror"},
		{"5.3.0", NULL,
		 "pipe to |/usr/local/bin/autoresponder\n  generated by bob@example.com", NULL,
		 "mailererror"},
		{"4.3.0", NULL, "Command time limit exceeded: \"/usr/local/bin/filter\"", NULL,
		 "mailererror"},
		{"5.3.0", NULL, "Command died with status 1: \"/usr/lib/dovecot/deliver\"", "LOCAL",
		 "mailererror"},
	};
	CHECK(cases);
}

/* An SMTP command or its syntax was refused. */
static void test_syntaxerror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.5.1", "500", "500 5.5.1 Command unrecognized: \"XCLIENT NAME=x\"", NULL,
		 "syntaxerror"},
		{"5.5.4", "501", "501 5.5.4 Syntax: MAIL FROM:<address>", NULL, "syntaxerror"},
		{"5.5.1", "503", "503 5.5.1 Error: need MAIL command", "RCPT", "syntaxerror"},
		{"5.5.1", "503", "503 5.5.1 Error: need RCPT command", "DATA", "syntaxerror"},
		{NULL, "500", "500 5.5.1 Unknown command", NULL, "syntaxerror"},
		{NULL, "503", "503 5.0.0 Need MAIL before RCPT", "RCPT", "syntaxerror"},
		{NULL, "503", "503 sender not yet given", "RCPT", "syntaxerror"},
		{NULL, "503", "503 valid RCPT command must precede DATA", "DATA", "syntaxerror"},
		{NULL, "503", "503 5.5.2 Need mail command", "RCPT", "syntaxerror"},
		{NULL, "502", "502 unimplemented (#5.5.1)", NULL, "syntaxerror"},
		{NULL, "503", "503 MAIL first (#5.5.1)", "RCPT", "syntaxerror"},
		{NULL, "503", "503 RCPT first (#5.5.1)", "DATA", "syntaxerror"},
		{NULL, "555", "555 syntax error (#5.5.4)", "MAIL", "syntaxerror"},
		{NULL, "501", "501 Syntax error in parameters or arguments", "MAIL", "syntaxerror"},
		{"5.5.2", "502", "502 5.5.2 Error: command not recognized", NULL, "syntaxerror"},
		{NULL, "500", "500 Command not understood", NULL, "syntaxerror"},
		{NULL, "501", "501 5.5.4 Invalid argument", "MAIL", "syntaxerror"},
		{NULL, "504", "504 5.5.4 Unrecognized parameter", "MAIL", "syntaxerror"},
		{NULL, "503", "503 5.5.1 DATA without RCPT TO", "DATA", "syntaxerror"},
		{NULL, "503", "503 RCPT TO without MAIL FROM", "RCPT", "syntaxerror"},
		{"5.5.1", "501", "501 5.5.1 MAIL FROM already established", "MAIL", "syntaxerror"},
		{"5.5.2", "501", "501 5.5.2 RCPT TO syntax error", "RCPT", "syntaxerror"},
	};
	CHECK(cases);
}

/* DNS or routing trouble on the way (finer: a name server that did not
 * answer in time). */
static void test_networkerror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.3", NULL,
		 "Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again",
		 NULL, "dnstimeout"},
		{"4.4.3", NULL,
		 "DNS Error: DNS type 'mx' lookup of example.com responded with code SERVFAIL",
		 NULL, "dnstimeout"},
		{"4.4.3", NULL, "DNS lookup timed out for example.com", NULL, "dnstimeout"},
		{"4.4.3", NULL, "Temporary DNS error: no response from name server", NULL,
		 "dnstimeout"},
		{"4.4.3", NULL, "DNS resolution of example.com timed out", NULL, "dnstimeout"},
		{"4.4.3", NULL,
		 "Unable to resolve MX for example.com: the DNS server did not respond", NULL,
		 "dnstimeout"},
		{"5.4.6", NULL, "mail for example.com loops back to myself", NULL, "networkerror"},
		{"4.4.0", "451",
		 "451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.MxLoopback; DNS records for the target domain are configured in a loop",
		 NULL, "networkerror"},
		{"4.4.1", NULL, "connect to mx.example.com[192.0.2.1]:25: No route to host", NULL,
		 "networkerror"},
		{"4.4.1", NULL, "connect to mx.example.com[192.0.2.1]:25: Network is unreachable",
		 NULL, "networkerror"},
		{"4.4.2", NULL,
		 "lost connection with mx.example.com[192.0.2.1] while sending RCPT TO", NULL,
		 "networkerror"},
		{"4.4.0", "451",
		 "451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
		 NULL, "networkerror"},
		{"5.4.6", NULL, "Mail forwarding loop for bob@example.com", NULL, "networkerror"},
		{"4.4.3", NULL, "Name server: example.com.: host name lookup failure", NULL,
		 "dnstimeout"},
		{"4.4.0", "451",
		 "451 4.4.0 DNS query failed. The error was: DNS query failed with error ErrorRetry",
		 NULL, "networkerror"},
		{"4.4.3", NULL, "Temporary DNS failure looking up MX for example.com", NULL,
		 "dnstimeout"},
		{"5.4.4", "554",
		 "554 5.4.4 SMTPSEND.DNS.MxLoopback; DNS records for the target domain are configured in a loop",
		 NULL, "networkerror"},
		{"5.4.6", "554", "554 5.4.6 Too many hops 31 (25 max)", NULL, "networkerror"},
		{"4.4.3", NULL, "4.4.3 Routing server failure", NULL, "networkerror"},
		{"4.4.4", NULL, "4.4.4 Unable to route: no route to the destination network", NULL,
		 "networkerror"},
	};
	CHECK(cases);
}

/* The sender's MTA gave up: the retry window ran out. */
static void test_expired(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.1", NULL, "connect to mx.example.com[192.0.2.1]:25: Connection timed out",
		 NULL, "expired"},
		{"4.4.7", NULL,
		 "Could not deliver the message in the time limit specified. Please retry or contact your administrator.",
		 NULL, "expired"},
		{"5.4.7", NULL,
		 "The server has tried to deliver this message, without success, and has stopped trying.",
		 NULL, "expired"},
		{"5.4.7", NULL, "Delivery time expired", NULL, "expired"},
		{"4.4.7", NULL, "Message has been in the queue for too long", NULL, "expired"},
		{"4.4.7", NULL, "Message expired after 5 days", NULL, "expired"},
		{"4.4.7", NULL, "Retry limit reached", NULL, "expired"},
		{"4.4.7", NULL, "Maximum delivery attempts exceeded", NULL, "expired"},
		{"4.4.7", NULL, "Unable to deliver message after multiple retries", NULL,
		 "expired"},
		{"4.4.7", NULL, "The message could not be delivered within 48 hours", NULL,
		 "expired"},
		{"4.4.7", "450", "450 4.4.7 Message expired after 12 delivery attempts", NULL,
		 "expired"},
		{"4.4.7", NULL, "Message timed out", NULL, "expired"},
		{"4.4.7", NULL, "Delivery failed after 3 days of retries", NULL, "expired"},
		{"4.4.7", NULL, "Too many retries, delivery abandoned", NULL, "expired"},
		{"4.4.7", NULL, "Message expired: could not be delivered within the retry period",
		 NULL, "expired"},
		{"5.4.7", NULL, "Delivery attempts will stop: the message has expired", NULL,
		 "expired"},
		{"4.4.7", NULL, "Deferred: Connection timed out with mx.example.com", NULL,
		 "expired"},
		{"4.4.7", NULL, "The message was not delivered because the retry period expired",
		 NULL, "expired"},
		{"4.4.7", NULL, "Message expired in queue after 72 hours", NULL, "expired"},
		{"4.4.7", NULL, "Message delivery abandoned after 5 days", NULL, "expired"},
		{"4.4.7", NULL, "Expired after retrying for 4 days", NULL, "expired"},
	};
	CHECK(cases);
	assert_false(hard("4.4.7", NULL, "Retry limit reached", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_systemerror),  cmocka_unit_test(test_systemfull),
		cmocka_unit_test(test_mailererror),  cmocka_unit_test(test_syntaxerror),
		cmocka_unit_test(test_networkerror), cmocka_unit_test(test_expired),
	};
	return cmocka_run_group_tests_name("wording: address", tests, load_defaults, free_defaults);
}
