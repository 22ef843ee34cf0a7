/* test_server_replies.c: the replies that mail-server products give at
 * connect and to MAIL FROM, RCPT TO and DATA -- the texts another MTA then
 * quotes in its bounce ("host X said: ...").  Each text is written for the
 * test in the form the product's own source code or documentation gives
 * it, with the reply code, the enhanced status the relaying MTA reports
 * (5.0.0 or 4.0.0 where the reply carries none, as Postfix reports it) and
 * the command it answers.  The reason follows from what the text says
 * (DOMAIN.md's vocabulary): the envelope sender refused is rejected, the
 * sending IP refused is blocked, a relay refused is norelaying, and so on.
 * Texts already in test_mta_texts.c, test_filter_texts.c, test_providers.c
 * and test_provider_docs.c are not repeated. */
#include "testrules.h"

/* Each case names its finer category (greylisted) where it has one. */
#undef CHECK
#define CHECK(cases) CHECK_CATEGORIES(cases)

/* Microsoft Exchange Server on-premises: its receive connector's and
 * transport's replies (the SmtpResponse fields of its transport API and
 * the NDR codes of on-premises Exchange). */
static void test_exchange_onprem(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* SendAsDenied: the authenticated client may not use this
		 * envelope sender; AnonymousSendAsDenied: an anonymous client
		 * may not send as a sender of the organisation. */
		{"5.7.1", "550",
		 "550 5.7.1 Client does not have permissions to send as this sender", "DATA",
		 "rejected"},
		{"5.7.1", "550",
		 "550 5.7.1 Anonymous client does not have permission to send as this sender",
		 "MAIL", "rejected"},
		/* The recipient accepts mail only from authenticated senders: a
		 * requirement the sender did not meet.  Or it does not accept
		 * this sender (delivery restrictions). */
		{"5.7.1", "550", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required",
		 NULL, "securityerror"},
		{"5.7.1", "550", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized", NULL,
		 "rejected"},
		/* Too many recipients in one message. */
		{"5.5.3", "550", "550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients", NULL,
		 "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Too many recipients", "RCPT", "toomanyconn"},
		{"5.7.1", "550", "550 5.7.1 Unable to relay", "RCPT", "norelaying"},
		{"5.7.1", "530", "530 5.7.1 Client was not authenticated", "MAIL", "securityerror"},
		{"5.3.4", "550",
		 "550 5.3.4 SMTPSEND.OverAdvertisedSize; message size exceeds fixed maximum size",
		 NULL, "mesgtoobig"},
		/* Back pressure: the server is short of disk or memory. */
		{"4.3.1", "452", "452 4.3.1 Insufficient system resources", "MAIL", "systemfull"},
		{"5.2.2", "550", "550 5.2.2 Submission quota exceeded", NULL, "speeding"},
		{"4.3.2", "421", "421 4.3.2 System not accepting network messages", "CONN",
		 "systemerror"},
		/* The recipient filter's recipient validation (after tarpitting);
		 * the sender filter; the connection filter's IP Block list. */
		{"5.1.1", "550", "550 5.1.1 User unknown", "RCPT", "userunknown"},
		{"5.1.0", "554", "554 5.1.0 Sender Denied", "MAIL", "rejected"},
		{"5.1.7", "501", "501 5.1.7 Invalid address", "MAIL", "rejected"},
		{"5.7.1", "550",
		 "550 5.7.1 External client with IP address 192.0.2.10 does not have permissions "
		 "to submit to this server.",
		 "RCPT", "blocked"},
	};
	CHECK(cases);
	assert_false(hard("5.7.1", "550",
			  "550 5.7.1 Client does not have permissions to send as "
			  "this sender",
			  "DATA"));
	assert_false(hard("4.3.1", "452", "452 4.3.1 Insufficient system resources", "MAIL"));
	assert_true(hard("5.1.1", "550", "550 5.1.1 User unknown", "RCPT"));
}

/* HCL Domino's SMTP task: its relay restriction. */
static void test_domino(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554", "554 5.7.1 Relay rejected for policy reasons.", "RCPT",
		 "norelaying"},
	};
	CHECK(cases);
}

/* Kerio Connect, SmarterMail, MDaemon, IceWarp: closed products, their texts
 * from their documentation and knowledge-base articles. */
static void test_windows_servers(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Kerio Connect: an unauthenticated client may not relay. */
		{"5.7.1", "550",
		 "550 5.7.1 Relaying to <bob@example.com> denied (authentication required)", "RCPT",
		 "norelaying"},
		/* SmarterMail: relaying needs SMTP authentication; the
		 * authenticated domain must match the sender's. */
		{"5.0.0", "550", "550 Authentication is required for relay", "RCPT", "norelaying"},
		{"5.0.0", "550", "550 From domain must match authenticated domain", "MAIL",
		 "rejected"},
		{"5.0.0", "554", "554 Sending address not accepted due to spam filter", "MAIL",
		 "rejected"},
		/* MDaemon: an account over its quota, with "sends 552 when
		 * account is over quota". */
		{"5.0.0", "552", "552 Requested mail action aborted: exceeded storage allocation",
		 "RCPT", "mailboxfull"},
		/* IceWarp's table of 5xx replies. */
		{"5.1.1", "550", "550 5.1.1 Unknown user; rejecting", "RCPT", "userunknown"},
		{"5.7.1", "501", "501 5.7.1 Message is too long", "DATA", "mesgtoobig"},
	};
	CHECK(cases);
}

/* hMailServer (SMTPConnection.cpp). */
static void test_hmailserver(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "550", "550 Unknown user", "RCPT", "userunknown"},
		{"5.0.0", "530", "530 SMTP authentication is required.", "RCPT", "securityerror"},
		{"5.0.0", "550", "550 Too many recipients.", "RCPT", "toomanyconn"},
		{"5.0.0", "550", "550 Sender address must be specified.", "MAIL", "rejected"},
		{"5.0.0", "552",
		 "552 Message size exceeds fixed maximum message size. Size: 30720 KB, Max size: "
		 "20480 KB",
		 "MAIL", "mesgtoobig"},
		{"5.0.0", "552",
		 "552 Message size exceeds the drop maximum message size. Size: 30720 KB, Max "
		 "size: 20480 KB - DROP!",
		 "DATA", "mesgtoobig"},
		{"5.0.0", "554",
		 "554 Your message was received but it could not be saved. Please retry later.",
		 "DATA", "systemerror"},
	};
	CHECK(cases);
}

/* Stalwart (smtp/inbound/rcpt.rs). */
static void test_stalwart(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.2", "550", "550 5.1.2 Mailbox does not exist.", "RCPT", "userunknown"},
		{"5.1.2", "550", "550 5.1.2 Relay not allowed.", "RCPT", "norelaying"},
		{"4.2.2", "452", "452 4.2.2 Greylisted, please try again in a few moments.", "RCPT",
		 "greylisted"},
		{"4.4.5", "452", "452 4.4.5 Rate limit exceeded, try again later.", "RCPT",
		 "speeding"},
		{"4.5.3", "455", "455 4.5.3 Too many recipients.", "RCPT", "toomanyconn"},
	};
	CHECK(cases);
	assert_true(hard("5.1.2", "550", "550 5.1.2 Mailbox does not exist.", "RCPT"));
	assert_false(hard("4.2.2", "452",
			  "452 4.2.2 Greylisted, please try again in a few "
			  "moments.",
			  "RCPT"));
}

/* Haraka: its core's default replies when a plugin gives no text, and
 * mail_from.is_resolvable. */
static void test_haraka(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* No rcpt hook accepted the recipient: "No plugin determined if
		 * relaying was allowed". */
		{"5.0.0", "550", "550 I cannot deliver mail for <bob@example.com>", "RCPT",
		 "norelaying"},
		{"5.0.0", "550", "550 sender <alice@example.org> denied", "MAIL", "rejected"},
		{"4.0.0", "450", "450 No MX for your FROM address", "MAIL", "rejected"},
	};
	CHECK(cases);
}

/* Apache James: its DNSRBL handler refuses a client on a DNS blocklist
 * unless it authenticates; its recipient validation. */
static void test_james(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554",
		 "554 5.7.1 Rejected: unauthenticated e-mail from 192.0.2.10 is restricted.  "
		 "Contact the postmaster for details.",
		 "RCPT", "blocked"},
		{"5.1.1", "550", "550 5.1.1 Unknown user: bob@example.com", "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* OpenSMTPD's smtpd (smtp_session.c, lka). */
static void test_opensmtpd_smtpd(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "550", "550 Invalid recipient: <bob@example.com>", "RCPT", "userunknown"},
		{"5.0.0", "530", "530 Sender rejected", "MAIL", "rejected"},
		{"5.1.0", "553", "553 5.1.0 Sender address syntax error", "MAIL", "rejected"},
		{"5.1.3", "501", "501 5.1.3 Recipient address syntax error", "RCPT", "userunknown"},
		{"5.5.1", "530", "530 5.5.1 Invalid command: Must issue a STARTTLS command first",
		 "MAIL", "securityerror"},
		{"5.5.1", "530", "530 5.5.1 Invalid command: Must issue an AUTH command first",
		 "MAIL", "securityerror"},
		{"4.5.3", "451", "451 4.5.3 Too many recipients: Too many recipients", "RCPT",
		 "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Too many recipients: Too many messages sent", "MAIL",
		 "toomanyconn"},
	};
	CHECK(cases);
}

/* qmail-smtpd and Courier's esmtpd. */
static void test_qmail_smtpd_courier(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "553",
		 "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", "RCPT",
		 "norelaying"},
		{"5.0.0", "552", "552 sorry, that message size exceeds my databytes limit (#5.3.4)",
		 "DATA", "mesgtoobig"},
		{"5.0.0", "553",
		 "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)", "MAIL",
		 "rejected"},
		{"5.0.0", "554", "554 too many hops, this message is looping (#5.4.6)", "DATA",
		 "networkerror"},
		{"4.0.0", "451", "451 qq out of memory (#4.3.0)", "DATA", "systemerror"},
		{"4.0.0", "421", "421 unable to read controls (#4.3.0)", "CONN", "systemerror"},
		/* Courier. */
		{"5.0.0", "513", "513 Relaying denied.", "RCPT", "norelaying"},
		{"5.0.0", "550", "550 User unknown.", "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* chkuser, the qmail-smtpd patch that checks recipients (and the sender's
 * domain, in answer to the first RCPT TO) against vpopmail. */
static void test_chkuser(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "511", "511 sorry, no mailbox here by that name (#5.1.1 - chkuser)",
		 "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 sorry, no mailbox here by that name (#5.1.1 - chkuser)",
		 "RCPT", "userunknown"},
		{"5.0.0", "522", "522 sorry, recipient mailbox is full (#5.2.2 - chkuser)", "RCPT",
		 "mailboxfull"},
		{"4.0.0", "430",
		 "430 system temporary unavailable, try again later (#4.3.0 - chkuser)", "RCPT",
		 "systemerror"},
		{"5.0.0", "571",
		 "571 sorry, reached maximum number of recipients for one session (#5.7.1 - "
		 "chkuser)",
		 "RCPT", "toomanyconn"},
		{"5.0.0", "571",
		 "571 sorry, you are violating our security policies (#5.1.1 - chkuser)", "RCPT",
		 "policyviolation"},
		{"5.0.0", "511",
		 "511 sorry, recipient address has invalid format (#5.1.1 - chkuser)", "RCPT",
		 "userunknown"},
		{"5.0.0", "511",
		 "511 sorry, can't find a valid MX for rcpt domain (#5.1.1 - chkuser)", "RCPT",
		 "hostunknown"},
		{"5.0.0", "511",
		 "511 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)", "RCPT",
		 "rejected"},
		{"5.0.0", "571", "571 sorry, sender address has invalid format (#5.7.1 - chkuser)",
		 "RCPT", "rejected"},
		{"5.0.0", "553",
		 "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)",
		 "RCPT", "norelaying"},
		/* A name server that failed for now: our finer category of
		 * networkerror. */
		{"4.0.0", "451", "451 DNS temporary failure (#4.5.1 - chkuser)", "RCPT",
		 "dnstimeout"},
	};
	CHECK(cases);
	assert_true(hard("5.0.0", "511",
			 "511 sorry, no mailbox here by that name (#5.1.1 - chkuser)", "RCPT"));
	assert_false(hard("5.0.0", "511",
			  "511 sorry, can't find a valid MX for sender domain (#5.1.1 - chkuser)",
			  "RCPT"));
}

/* spamdyke, the filter in front of qmail-smtpd (its rejection table:
 * permanent ones 554, temporary ones 421), and ucspi-tcp's rblsmtpd, which
 * answers RCPT TO with "451 " and the DNS list's TXT record. */
static void test_spamdyke_rblsmtpd(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "554",
		 "554 Refused. Your IP address is listed in the RBL at zen.spamhaus.org", "RCPT",
		 "blocked"},
		{"4.0.0", "421", "421 Refused. You have no reverse DNS entry.", "RCPT",
		 "requireptr"},
		{"4.0.0", "421", "421 Refused. Your reverse DNS entry does not resolve.", "RCPT",
		 "requireptr"},
		{"4.0.0", "421", "421 Your address has been graylisted. Try again later.", "RCPT",
		 "greylisted"},
		{"5.0.0", "554", "554 Refused. Your sender address has been blacklisted.", "RCPT",
		 "rejected"},
		{"4.0.0", "421",
		 "421 Refused. The domain of your sender address has no mail exchanger (MX).",
		 "RCPT", "rejected"},
		{"5.0.0", "554",
		 "554 Refused. Sending to remote addresses (relaying) is not allowed.", "RCPT",
		 "norelaying"},
		{"5.0.0", "554", "554 Refused. Authentication is required to send mail.", "RCPT",
		 "securityerror"},
		{"5.0.0", "554",
		 "554 Refused. Your sender address does not match your authentication username.",
		 "RCPT", "rejected"},
		{"5.0.0", "554", "554 Refused. The recipient address does not exist.", "RCPT",
		 "userunknown"},
		{"4.0.0", "421",
		 "421 Too many recipients. Try the remaining addresses again later.", "RCPT",
		 "toomanyconn"},
		/* rblsmtpd. */
		{"4.0.0", "451", "451 https://www.spamhaus.org/query/ip/192.0.2.10", "RCPT",
		 "blocked"},
		{"4.0.0", "451", "451 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.10",
		 "RCPT", "blocked"},
	};
	CHECK(cases);
	assert_false(
		hard("4.0.0", "451", "451 https://www.spamhaus.org/query/ip/192.0.2.10", "RCPT"));
}

/* Sendmail's smtpd replies not covered elsewhere (srvrsmtp.c, parseaddr.c). */
static void test_sendmail_smtpd(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.5.4", "553",
		 "553 5.5.4 <bob@example>... Domain name required for sender address bob@example",
		 "MAIL", "rejected"},
		{"5.7.1", "550",
		 "550 5.7.1 <bob@example.com>... Relaying denied. Proper authentication required.",
		 "RCPT", "norelaying"},
	};
	CHECK(cases);
}

/* Zimbra: its mailbox server's LMTP replies behind Postfix. */
static void test_zimbra_lmtp(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550", "550 5.1.1 No such user here", "RCPT", "userunknown"},
		{"5.2.2", "552", "552 5.2.2 Over quota", "DATA", "mailboxfull"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exchange_onprem),
		cmocka_unit_test(test_domino),
		cmocka_unit_test(test_windows_servers),
		cmocka_unit_test(test_hmailserver),
		cmocka_unit_test(test_stalwart),
		cmocka_unit_test(test_haraka),
		cmocka_unit_test(test_james),
		cmocka_unit_test(test_opensmtpd_smtpd),
		cmocka_unit_test(test_qmail_smtpd_courier),
		cmocka_unit_test(test_chkuser),
		cmocka_unit_test(test_spamdyke_rblsmtpd),
		cmocka_unit_test(test_sendmail_smtpd),
		cmocka_unit_test(test_zimbra_lmtp),
	};
	return cmocka_run_group_tests_name("server replies", tests, load_defaults, free_defaults);
}
