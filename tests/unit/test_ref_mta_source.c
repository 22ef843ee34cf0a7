/* test_ref_mta_source.c: the replies and failure texts that MTAs' own
 * source code writes -- Postfix (smtpd_check.c, smtpd.c, cleanup, smtp),
 * Exim (smtp_in.c, the default ACLs, transports), Sendmail (srvrsmtp.c,
 * proto.m4, deliver.c), qmail (qmail-smtpd.c, qmail-remote.c) and Stalwart
 * (smtp/inbound) -- in the form the program prints them, with the reply
 * code, the enhanced status the relaying MTA reports (5.0.0 or 4.0.0 where
 * the reply carries none, as Postfix reports it) and the command they
 * answer.  Texts already in test_mta_texts.c, test_server_replies.c and
 * test_filter_texts.c are not repeated.  The reason follows from the cause
 * the source gives for the reply (DOMAIN.md's vocabulary).  An MTA's own
 * connection failures under a temporary status ("connect to ...: Connection
 * refused", Sendmail's "Deferred: ...") are not here: in a failure report
 * they are the retry window that ran out (expired), whatever the last
 * error was. */
#include "testrules.h"

/* Postfix smtpd: restrictions of smtpd_check.c and replies of smtpd.c,
 * cleanup(8) and postscreen(8). */
static void test_postfix_smtpd(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* defer_unauth_destination. */
		{"4.7.1", "454", "454 4.7.1 <bob@example.net>: Relay access denied", "RCPT",
		 "norelaying"},
		/* reject_non_fqdn_recipient and reject_unknown_recipient_domain. */
		{"5.5.2", "504",
		 "504 5.5.2 <bob>: Recipient address rejected: need fully-qualified address",
		 "RCPT", "userunknown"},
		{"5.1.2", "550",
		 "550 5.1.2 <bob@nowhere.example>: Recipient address rejected: Domain not found",
		 "RCPT", "hostunknown"},
		/* The recipient domain publishes a null MX (RFC 7505). */
		{"5.1.10", "556",
		 "556 5.1.10 <bob@example.com>: Recipient address rejected: Domain example.com does not "
		 "accept mail (nullMX)",
		 "RCPT", "notaccept"},
		/* The sender domain publishes a null MX: the sender is refused. */
		{"5.7.27", "550",
		 "550 5.7.27 <alice@example.org>: Sender address rejected: Domain example.org does not "
		 "accept mail (nullMX)",
		 "RCPT", "rejected"},
		/* reject_unlisted_recipient for virtual alias and mailbox domains. */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual alias "
		 "table",
		 "RCPT", "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual "
		 "mailbox table",
		 "RCPT", "userunknown"},
		/* reject_unlisted_sender. */
		{"5.1.0", "550",
		 "550 5.1.0 <alice@example.org>: Sender address rejected: User unknown in virtual "
		 "mailbox table",
		 "RCPT", "rejected"},
		/* reject_unverified_sender: the probe of the sender found it
		 * undeliverable; the quoted answer is about the sender. */
		{"5.1.7", "550",
		 "550 5.1.7 <alice@example.org>: Sender address rejected: undeliverable address: host "
		 "mx.example.org[192.0.2.25] said: 550 5.1.1 <alice@example.org>: Recipient address "
		 "rejected: User unknown in local recipient table (in reply to RCPT TO command)",
		 "RCPT", "rejected"},
		/* A table lookup or the server's configuration failed. */
		{"4.3.0", "451", "451 4.3.0 <bob@example.com>: Temporary lookup failure", "RCPT",
		 "systemerror"},
		{"4.3.5", "451", "451 4.3.5 Server configuration error", "RCPT", "systemerror"},
		{"4.3.5", "451", "451 4.3.5 Server configuration problem", "DATA", "systemerror"},
		/* reject_rhsbl_reverse_client: the client's name is listed. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Unverified Client host [mail.example.org] blocked using "
		 "dbl.example.net",
		 "RCPT", "blocked"},
		/* smtpd_client_new_tls_session_rate_limit (anvil). */
		{"4.7.0", "421",
		 "421 4.7.0 mx.example.com Error: too many new TLS sessions from 192.0.2.10",
		 "CONN", "speeding"},
		/* smtpd's own command syntax checks. */
		{"5.5.4", "501", "501 5.5.4 Syntax: MAIL FROM:<address>", "MAIL", "syntaxerror"},
		{"5.5.4", "501", "501 5.5.4 Syntax: RCPT TO:<address>", "RCPT", "syntaxerror"},
		{"5.1.7", "501", "501 5.1.7 Bad sender address syntax", "MAIL", "rejected"},
		{"5.1.3", "501", "501 5.1.3 Bad recipient address syntax", "RCPT", "userunknown"},
		{"5.5.2", "500", "500 5.5.2 Error: bad syntax", "RCPT", "syntaxerror"},
		/* smtpd_tls_security_level = encrypt. */
		{"5.7.0", "530", "530 5.7.0 Must issue a STARTTLS command first", "MAIL",
		 "securityerror"},
		/* cleanup(8): hop count and queue file. */
		{"5.4.0", "554", "554 5.4.0 Error: too many hops", "DATA", "networkerror"},
		{"4.3.0", "451", "451 4.3.0 Error: queue file write error", "DATA", "systemerror"},
		/* postscreen's pregreet, bare newline and non-SMTP command tests. */
		{"5.5.1", "550", "550 5.5.1 Protocol error", "CONN", "syntaxerror"},
	};
	CHECK(cases);
}

/* The Postfix SMTP client's own texts about the remote host, written into
 * its bounce with no reply of the host beside them. */
static void test_postfix_smtp(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.2", NULL,
		 "lost connection with mx.example.org[192.0.2.25] while receiving the initial server "
		 "greeting",
		 NULL, "networkerror"},
		/* trivial-rewrite found the address malformed. */
		{"5.1.3", NULL, "bad address syntax", NULL, "userunknown"},
	};
	CHECK(cases);
}

/* Exim: smtp_in.c's own replies, the ACL texts of its default
 * configuration and of its specification, and its transports. */
static void test_exim(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* message_size_limit, at MAIL (SIZE=) or after DATA. */
		{"5.0.0", "552", "552 Message size exceeds maximum permitted", "MAIL",
		 "mesgtoobig"},
		/* The smtp transport gave up: the hosts had failed for longer
		 * than the retry rules allow. */
		{"5.0.0", NULL,
		 "all hosts have been failing for a long time and were last tried after this message "
		 "arrived",
		 NULL, "expired"},
		{"4.0.0", "451", "451 Temporary local problem - please try later", "RCPT",
		 "systemerror"},
		/* recipients_max. */
		{"4.0.0", "452", "452 too many recipients", "RCPT", "toomanyconn"},
		/* smtp_enforce_sync: the client sent ahead of the replies. */
		{"5.0.0", "554", "554 SMTP synchronization error", "DATA", "syntaxerror"},
		/* verify = recipient/callout: the next hop said the user is
		 * unknown. */
		{"5.0.0", "550",
		 "550-Callout verification failed:\n550 550 5.1.1 <bob@example.com>: Recipient address "
		 "rejected: User unknown in local recipient table",
		 "RCPT", "userunknown"},
		/* The malware condition of the specification's DATA ACL. */
		{"5.0.0", "550", "550 This message contains a virus (Eicar-Test-Signature).",
		 "DATA", "virusdetected"},
		/* smtp_accept_max and smtp_accept_max_per_host. */
		{"4.0.0", "421",
		 "421 mx.example.com Too many concurrent SMTP connections; please try again later.",
		 "CONN", "toomanyconn"},
		{"4.0.0", "421",
		 "421 Too many concurrent SMTP connections from this IP address; please try again later.",
		 "CONN", "toomanyconn"},
		/* smtp_load_reserve and check_spool_space. */
		{"4.0.0", "421", "421 mx.example.com Too much load; please try again later.",
		 "CONN", "systemerror"},
		{"4.0.0", "452", "452 Space shortage, please try later", "MAIL", "systemfull"},
		/* Every RCPT refused, then DATA: the refusal repeated. */
		{"5.0.0", "503",
		 "503-All RCPT commands were rejected with this error:\n503-relay not permitted\n503 "
		 "Valid RCPT command must precede DATA",
		 "DATA", "norelaying"},
	};
	CHECK(cases);
}

/* Sendmail: srvrsmtp.c, collect.c, the access rules of proto.m4 and
 * deliver.c's own texts in its bounces. */
static void test_sendmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* MaxRecipientsPerMessage. */
		{"4.5.3", "452", "452 4.5.3 Too many recipients", "RCPT", "toomanyconn"},
		/* An unqualified sender address. */
		{"5.5.4", "553",
		 "553 5.5.4 <alice@example>... Real domain name required for sender address",
		 "MAIL", "rejected"},
		{"5.7.1", "550",
		 "550 5.7.1 <bob@example.net>... Relaying denied. IP name possibly forged "
		 "[192.0.2.10]",
		 "RCPT", "norelaying"},
		/* AUTH required before MAIL. */
		{"5.7.0", "530", "530 5.7.0 Authentication required", "MAIL", "securityerror"},
		/* A mailer (local delivery program) exited with an unknown code. */
		{"5.3.0", "554", "554 5.3.0 unknown mailer error 1", NULL, "mailererror"},
	};
	CHECK(cases);
}

/* qmail: qmail-smtpd's replies and qmail-remote's reports, with the stage
 * the qmail detector reads from them ("does not like recipient": RCPT). */
static void test_qmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.0.0", "451", "451 qq trouble creating files in queue (#4.3.0)", "DATA",
		 "systemerror"},
		{"5.0.0", "503", "503 MAIL first (#5.5.1)", "RCPT", "syntaxerror"},
		{"5.0.0", NULL,
		 "Connected to 192.0.2.25 but sender was rejected. Remote host said: 553 sorry, your "
		 "envelope sender is in my badmailfrom list (#5.7.1)",
		 "MAIL", "rejected"},
		{"5.0.0", NULL,
		 "192.0.2.25 does not like recipient. Remote host said: 550 5.1.1 <bob@example.com>... "
		 "User unknown Giving up on 192.0.2.25.",
		 "RCPT", "userunknown"},
		{"5.0.0", NULL,
		 "192.0.2.25 failed after I sent the message. Remote host said: 552 5.3.4 Message size "
		 "exceeds fixed limit",
		 "DATA", "mesgtoobig"},
	};
	CHECK(cases);
}

/* Stalwart (smtp/inbound/ehlo.rs, mail.rs, data.rs): its strict
 * authentication checks. */
static void test_stalwart(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.25", "550", "550 5.7.25 Reverse DNS validation failed.", "MAIL",
		 "requireptr"},
		{"5.7.23", "550", "550 5.7.23 SPF validation failed, status: fail.", "MAIL",
		 "authfailure"},
		{"4.7.24", "451", "451 4.7.24 Temporary SPF validation error.", "MAIL",
		 "authfailure"},
		{"5.7.20", "550", "550 5.7.20 No passing DKIM signatures found.", "DATA",
		 "authfailure"},
		{"5.7.29", "550", "550 5.7.29 ARC validation failed.", "DATA", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Email rejected per DMARC policy.", "DATA",
		 "authfailure"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix_smtpd), cmocka_unit_test(test_postfix_smtp),
		cmocka_unit_test(test_exim),          cmocka_unit_test(test_sendmail),
		cmocka_unit_test(test_qmail),         cmocka_unit_test(test_stalwart),
	};
	return cmocka_run_group_tests_name("ref_mta_source", tests, load_defaults, free_defaults);
}
