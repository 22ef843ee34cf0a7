/* test_mta_texts.c: the failure texts that mail transfer agents and local
 * delivery programs write themselves -- about their own local delivery,
 * routing, DNS lookups, connections, loops, limits and TLS -- not a remote
 * server's reply that they relay.  Each text is written for the test in the
 * form the MTA's source code gives it, with the status (and reply) the MTA
 * pairs with it.  The reason follows from what the text says (DOMAIN.md's
 * vocabulary), not from what the program happened to answer. */
#include "testrules.h"

/* The verdict on one text as its MTA reports it.  A NULL command is the
 * MTA's own verdict in its own delivery or routing: its report names itself
 * as Reporting-MTA and no Remote-MTA.  "LOCAL" is a local delivery
 * program's output (an X-Unix diagnostic); "RCPT" and "DATA" are an LMTP
 * server's answer, which the MTA in front relays. */
static struct bd_verdict verdict_of(const struct expect *c)
{
	bool relayed =
		c->command && (strcmp(c->command, "RCPT") == 0 || strcmp(c->command, "DATA") == 0);
	return verdict_of_rcpt(&defaults,
			       (struct bd_rcpt){.status = c->status,
						.replycode = c->reply,
						.diagnostic = c->diag,
						.command = c->command,
						.reporting_mta = "mail.example.org",
						.remote_mta = relayed ? "lmtp.example.org" : NULL});
}

#undef CHECK
#define CHECK(cases) check_expect(cases, sizeof(cases) / sizeof(cases[0]), verdict_of)

static void test_postfix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* local(8) finds its own Delivered-To line: a loop, not a bad
		 * address. */
		{"5.4.6", NULL, "mail forwarding loop for alice@example.org", NULL, "networkerror"},
		{"5.4.6", NULL, "mail for example.org loops back to myself", NULL, "networkerror"},
		{"5.1.1", NULL, "unknown user: \"alice\"", NULL, "userunknown"},
		{"5.4.4", NULL,
		 "Host or domain name not found. Name service error for name=example.invalid "
		 "type=MX: Host not found",
		 NULL, "hostunknown"},
		/* The resolver's TRY_AGAIN: no answer yet, not "no such name". */
		{"4.4.3", NULL,
		 "Host or domain name not found. Name service error for name=example.org "
		 "type=MX: Host not found, try again",
		 NULL, "networkerror"},
		{"4.4.3", NULL,
		 "delivery temporarily suspended: Host or domain name not found. Name service "
		 "error for name=example.org type=MX: Host not found, try again",
		 NULL, "networkerror"},
		{"4.4.3", NULL,
		 "Name service error for name=example.org type=MX: Malformed or unexpected name "
		 "server reply",
		 NULL, "networkerror"},
		{"5.1.0", NULL, "Domain example.org does not accept mail (nullMX)", NULL,
		 "notaccept"},
		/* The native resolver (getaddrinfo) says the same in its words. */
		{"5.4.4", NULL, "unable to look up host mx.example.org: Name or service not known",
		 NULL, "hostunknown"},
		{"4.4.4", NULL,
		 "unable to look up host mx.example.org: Temporary failure in name resolution",
		 NULL, "networkerror"},
		{"5.4.4", NULL, "mx.example.org: host not found", NULL, "hostunknown"},
		{"4.4.2", NULL,
		 "lost connection with mx.example.org[192.0.2.25] while sending end of data -- "
		 "message may be sent more than once",
		 NULL, "networkerror"},
		/* smtp_tls_security_level requires TLS the server did not give. */
		{"4.7.4", NULL,
		 "TLS is required, but was not offered by host mx.example.org[192.0.2.25]", NULL,
		 "failedstarttls"},
		{"4.7.5", NULL, "Server certificate not verified", NULL, "failedstarttls"},
		{"4.7.5", NULL, "Server certificate not trusted", NULL, "failedstarttls"},
		{"4.7.5", NULL, "Cannot start TLS: handshake failure", NULL, "failedstarttls"},
		{"5.3.4", NULL,
		 "message size 31457280 exceeds size limit 10240000 of server "
		 "mx.example.org[192.0.2.25]",
		 NULL, "mesgtoobig"},
		/* mailbox_size_limit (EFBIG) and the file system's quota (EDQUOT)
		 * are both "mailbox full" (5.2.2); a full disk (ENOSPC) is the
		 * system's. */
		{"5.2.2", NULL,
		 "cannot update mailbox /var/mail/alice for user alice. error writing message: "
		 "File too large",
		 NULL, "mailboxfull"},
		{"5.2.2", NULL,
		 "cannot update mailbox /var/mail/alice for user alice. error writing message: "
		 "Disk quota exceeded",
		 NULL, "mailboxfull"},
		{"5.2.2", NULL,
		 "maildir delivery failed: create maildir file "
		 "/home/alice/Maildir/tmp/1700000000.P4711.mail.example.org: Disk quota exceeded",
		 NULL, "mailboxfull"},
		{"4.3.0", NULL,
		 "maildir delivery failed: create maildir file "
		 "/home/alice/Maildir/tmp/1700000000.P4711.mail.example.org: No space left on "
		 "device",
		 NULL, "systemfull"},
		/* pipe(8) and local(8) running a command. */
		{"5.3.0", NULL, "Command died with status 1: \"/usr/local/bin/mailfilter\"",
		 "LOCAL", "mailererror"},
		{"4.3.0", NULL, "Command time limit exceeded: \"/usr/local/bin/mailfilter\"",
		 "LOCAL", "mailererror"},
		/* dovecot-lda that could not use the user's settings: the program
		 * failed, the user exists. */
		{"5.3.0", NULL,
		 "lda(mia)<41277><>: Fatal: Invalid user settings. Refer to server log for more "
		 "information.",
		 "LOCAL", "mailererror"},
	};
	CHECK(cases);
}

static void test_postfix_hardness(void **state)
{
	(void)state;
	/* A forwarding loop is the mail system's fault: the address is fine. */
	struct expect loop = {"5.4.6", NULL, "mail forwarding loop for alice@example.org", NULL,
			      "networkerror"};
	struct expect user = {"5.1.1", NULL, "unknown user: \"alice\"", NULL, "userunknown"};
	struct expect quota = {"5.2.2", NULL,
			       "cannot update mailbox /var/mail/alice for user alice. error "
			       "writing message: Disk quota exceeded",
			       NULL, "mailboxfull"};
	struct bd_verdict v = verdict_of(&loop);
	assert_str(v.reason->id, "networkerror");
	assert_false(v.hardbounce);
	v = verdict_of(&user);
	assert_str(v.reason->id, "userunknown");
	assert_true(v.hardbounce);
	v = verdict_of(&quota);
	assert_str(v.reason->id, "mailboxfull");
	assert_false(v.hardbounce);
}

static void test_exim(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", NULL, "retry timeout exceeded", NULL, "expired"},
		{"5.0.0", NULL, "retry time not reached for any host after a long failure period",
		 NULL, "expired"},
		{"5.0.0", NULL, "all relevant MX records point to non-existent hosts", NULL,
		 "hostunknown"},
		{"5.0.0", NULL, "all host address lookups failed permanently", NULL, "hostunknown"},
		{"5.0.0", NULL, "an MX or SRV record indicated no SMTP service", NULL, "notaccept"},
		{"4.0.0", NULL, "host lookup did not complete", NULL, "networkerror"},
		/* appendfile's quota= and the file system's quota. */
		{"5.0.0", NULL,
		 "mailbox is full (MTA-imposed quota exceeded while writing to /var/mail/alice)",
		 NULL, "mailboxfull"},
		{"5.0.0", NULL, "mailbox is full: retry timeout exceeded", NULL, "mailboxfull"},
		{"5.0.0", NULL,
		 "probably user's quota exceeded while writing to mailbox /var/mail/alice", NULL,
		 "mailboxfull"},
		/* received_headers_max: a loop, not the content. */
		{"5.0.0", NULL, "Too many \"Received\" headers - suspected mail loop", NULL,
		 "networkerror"},
		{"5.0.0", NULL, "lowest numbered MX record points to local host", NULL,
		 "networkerror"},
		{"5.0.0", NULL, "remote host address is the local host", NULL, "networkerror"},
		{"5.0.0", NULL, "message is too big (transport limit = 10485760)", NULL,
		 "mesgtoobig"},
		/* message_linelength_limit: lines longer than RFC 5322 allows. */
		{"5.0.0", NULL, "message has lines too long for transport", NULL,
		 "notcompliantrfc"},
		/* hosts_require_tls. */
		{"5.0.0", NULL,
		 "a TLS session is required, but the server did not offer TLS support", NULL,
		 "failedstarttls"},
		{"5.0.0", NULL, "a TLS session is required, but an attempt to start TLS failed",
		 NULL, "failedstarttls"},
		{"5.0.0", NULL,
		 "Child process of address_pipe transport returned 1 from command: "
		 "/usr/local/bin/mailfilter",
		 "LOCAL", "mailererror"},
	};
	CHECK(cases);
}

static void test_sendmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.2", "550",
		 "550 5.1.2 <alice@example.invalid>... Host unknown (Name server: "
		 "example.invalid: host not found)",
		 NULL, "hostunknown"},
		{"5.1.1", "550", "550 5.1.1 <alice@example.org>... User unknown", NULL,
		 "userunknown"},
		{"5.1.3", "553", "553 5.1.3 <alice@>... User address required", NULL,
		 "userunknown"},
		{"4.4.7", NULL, "Cannot send message for 5 days", NULL, "expired"},
		{"4.4.7", NULL, "Message could not be delivered for 5 days", NULL, "expired"},
		{"5.3.4", "552", "552 5.3.4 Message is too large; 10485760 bytes max", NULL,
		 "mesgtoobig"},
		{"5.4.6", "554",
		 "554 5.4.6 Too many hops 26 (25 max): from <bob@example.net> via "
		 "mail.example.org, to <alice@example.org>",
		 NULL, "networkerror"},
		{"5.3.5", "553",
		 "553 5.3.5 mail.example.org. config error: mail loops back to me (MX problem?)",
		 NULL, "networkerror"},
		{"4.4.3", NULL, "Deferred: Name server: example.org.: host name lookup failure",
		 NULL, "networkerror"},
		{"5.6.3", "554", "554 5.6.3 Cannot send 8-bit data to 7-bit destination", NULL,
		 "contenterror"},
		{"4.4.5", "452", "452 4.4.5 Insufficient disk space; try again later", NULL,
		 "systemfull"},
	};
	CHECK(cases);
}

static void test_qmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", NULL, "Sorry, no mailbox here by that name. (#5.1.1)", NULL,
		 "userunknown"},
		{"5.4.6", NULL,
		 "This message is looping: it already has my Delivered-To line. (#5.4.6)", NULL,
		 "networkerror"},
		/* qmail-remote says "couldn't find any host by that name" for a
		 * temporary DNS failure too; its code tells them apart. */
		{"4.1.2", NULL, "Sorry, I couldn't find any host by that name. (#4.1.2)", NULL,
		 "networkerror"},
		{"5.1.2", NULL, "Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
		 NULL, "hostunknown"},
		{"5.4.4", NULL, "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)",
		 NULL, "hostunknown"},
		{"4.4.3", NULL, "CNAME lookup failed temporarily. (#4.4.3)", NULL, "networkerror"},
		{"5.4.6", NULL,
		 "Sorry. Although I'm listed as a best-preference MX or A for that host, it isn't "
		 "in my control/locals file, so I don't treat it as local. (#5.4.6)",
		 NULL, "networkerror"},
		{NULL, NULL,
		 "I'm not going to try again; this message has been in the queue too long.", NULL,
		 "expired"},
		{"4.4.1", NULL, "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
		 NULL, "expired"},
		{"4.3.0", NULL, "Unable to write /var/mail/alice: disk quota exceeded. (#4.3.0)",
		 NULL, "mailboxfull"},
		/* qmail-ldap's own quota check. */
		{NULL, NULL, "The users mailfolder is over the allowed quota (size).", NULL,
		 "mailboxfull"},
	};
	CHECK(cases);
}

static void test_qmail_hardness(void **state)
{
	(void)state;
	struct expect loop = {"5.4.6", NULL,
			      "This message is looping: it already has my Delivered-To line. "
			      "(#5.4.6)",
			      NULL, "networkerror"};
	struct expect user = {"5.1.1", NULL, "Sorry, no mailbox here by that name. (#5.1.1)", NULL,
			      "userunknown"};
	assert_false(verdict_of(&loop).hardbounce);
	assert_true(verdict_of(&user).hardbounce);
}

static void test_opensmtpd(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", NULL, "Domain does not exist", NULL, "hostunknown"},
		{"5.0.0", NULL, "Invalid domain name", NULL, "hostunknown"},
		{"4.0.0", NULL, "Temporary failure in MX lookup", NULL, "networkerror"},
		{"5.0.0", NULL, "Loop detected", NULL, "networkerror"},
		{"4.0.0", NULL, "Network error on destination MXs", NULL, "networkerror"},
		{"4.0.0", NULL, "No valid route to remote MX", NULL, "networkerror"},
	};
	CHECK(cases);
}

static void test_dovecot(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550 5.1.1 <alice@example.org> User doesn't exist: alice@example.org", "RCPT",
		 "userunknown"},
		{"4.2.2", "452",
		 "452 4.2.2 <alice@example.org> Quota exceeded (mailbox for user is full)", "RCPT",
		 "mailboxfull"},
		{"5.2.2", "552",
		 "552 5.2.2 <alice@example.org> Quota exceeded (mailbox for user is full)", "DATA",
		 "mailboxfull"},
		/* dovecot-lda run by the MTA; its output follows. */
		{"5.2.2", NULL,
		 "Command died with status 77: \"/usr/lib/dovecot/dovecot-lda\". Command output: "
		 "Quota exceeded (mailbox for user is full)",
		 "LOCAL", "mailboxfull"},
		{"4.3.0", NULL,
		 "Command died with status 75: \"/usr/lib/dovecot/dovecot-lda\". Command output: "
		 "Not enough disk space",
		 "LOCAL", "systemfull"},
	};
	CHECK(cases);
}

static void test_cyrus(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550-Mailbox unknown. Either there is no mailbox associated with this name or you "
		 "do not have authorization to see it. 550 5.1.1 User unknown",
		 "RCPT", "userunknown"},
		{"4.2.2", "452", "452 4.2.2 Over quota", "DATA", "mailboxfull"},
		{"4.3.1", "451", "451 4.3.1 cannot create file: out of space", "DATA",
		 "systemfull"},
		{"5.6.0", "554", "554 5.6.0 Message contains bare newlines", "DATA",
		 "notcompliantrfc"},
		/* Postfix 3.9's smtpd_forbid_bare_newline, under a syntax status. */
		{"5.5.2", "550", "550 5.5.2 mx.example.net Error: bare <LF> received", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Message contains NUL characters", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Message contains invalid header", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Message contains non-ASCII characters in headers",
		 "DATA", "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Message has no header/body separator", "DATA",
		 "notcompliantrfc"},
	};
	CHECK(cases);
}

static void test_exchange(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.4.14", "550",
		 "550 5.4.14 Hop count exceeded - possible mail loop ATTR34 "
		 "[BN8NAM12FT003.eop-nam12.prod.protection.outlook.com]",
		 NULL, "networkerror"},
		{"5.4.316", "550",
		 "550 5.4.316 Message expired, connection refused(Socket error code "
		 "10061)",
		 NULL, "expired"},
		{"5.4.300", "550", "550 5.4.300 Message expired", NULL, "expired"},
		{"4.4.7", "550", "550 4.4.7 QUEUE.Expired; message expired", NULL, "expired"},
		{"5.4.310", "550",
		 "550 5.4.310 DNS domain example.invalid does not exist "
		 "[Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid]",
		 NULL, "hostunknown"},
		{"5.4.4", "554", "554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
		 NULL, "hostunknown"},
		{"4.4.0", "451",
		 "451 4.4.0 DNS query failed. The error was: DNS query failed with error: "
		 "ErrorRetry",
		 NULL, "networkerror"},
		{"5.1.10", "550",
		 "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient alice@example.org not found "
		 "by SMTP address lookup",
		 NULL, "userunknown"},
		{"5.2.2", "554",
		 "554 5.2.2 mailbox full; "
		 "STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded",
		 NULL, "mailboxfull"},
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this "
		 "recipient",
		 NULL, "exceedlimit"},
		{"5.3.4", "550",
		 "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route",
		 NULL, "mesgtoobig"},
		{"5.6.11", "550",
		 "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, "
		 "which cannot be sent via DATA",
		 NULL, "notcompliantrfc"},
	};
	CHECK(cases);
}

/* The Domino router's own failure reasons, with no code beside them. */
static void test_domino(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* No connection or domain document leads to the domain: routing. */
		{NULL, NULL,
		 "No route found to domain APAC from server MAIL01/Example. Check Server, "
		 "Connection and Domain documents in Name & Address Book.",
		 NULL, "networkerror"},
		{NULL, NULL, "Maximum hop count exceeded.  Message probably in a routing loop.",
		 NULL, "networkerror"},
		{NULL, NULL, "Delivery time expired", NULL, "expired"},
	};
	CHECK(cases);
}

static void test_local_delivery_programs(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL,
		 "Command died with status 77: \"/usr/bin/maildrop\". Command output: maildrop: "
		 "maildir over quota.",
		 "LOCAL", "mailboxfull"},
		/* maildrop exits EX_NOUSER (67) for a user it does not know. */
		{NULL, NULL,
		 "Command died with status 67: \"/usr/bin/maildrop\". Command output: Invalid user "
		 "specified.",
		 "LOCAL", "userunknown"},
		{NULL, NULL, "maildrop: Unable to create a dot-lock at /var/mail/alice.lock.",
		 "LOCAL", "mailererror"},
		{NULL, NULL, "procmail: Quota exceeded while writing \"/var/mail/alice\"", "LOCAL",
		 "mailboxfull"},
		{NULL, NULL, "procmail: Error while writing to \"/var/mail/alice\"", "LOCAL",
		 "mailererror"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix),   cmocka_unit_test(test_postfix_hardness),
		cmocka_unit_test(test_exim),      cmocka_unit_test(test_sendmail),
		cmocka_unit_test(test_qmail),     cmocka_unit_test(test_qmail_hardness),
		cmocka_unit_test(test_opensmtpd), cmocka_unit_test(test_dovecot),
		cmocka_unit_test(test_cyrus),     cmocka_unit_test(test_exchange),
		cmocka_unit_test(test_domino),    cmocka_unit_test(test_local_delivery_programs),
	};
	return cmocka_run_group_tests_name("mta_texts", tests, load_defaults, free_defaults);
}
