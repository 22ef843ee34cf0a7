/* test_hosting_texts.c: the SMTP replies and bounce texts of web-hosting
 * control panels' default mail set-ups (cPanel/WHM's Exim, Plesk,
 * DirectAdmin) and of hosting mail services (Rackspace Email, Fastmail,
 * STRATO, IONOS, GoDaddy and smaller hosts) and ISPs not tested elsewhere.
 * Each text is written for the test in the form the panel's or provider's
 * page gives it, with the reply and status codes it pairs with it and the
 * SMTP stage it answers (NULL where the page names none).  The reason
 * follows from the cause the page states, in DOMAIN.md's vocabulary.
 * Where only a third-party page (another host's help, a forum) quotes a
 * text, the comment says so.  Each case is a reply relayed by the sender's
 * MTA (verdict_with). */
#include "testrules.h"

/* cPanel/WHM: the replies of its Exim configuration and the notices its
 * send limits write into bounces (cPanel's forums and documentation, and
 * hosting companies' help pages that quote them). */
static void test_cpanel(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* A domain's default address set to fail ("No Such User Here"),
		 * the answer to RCPT TO: no such mailbox. */
		{NULL, "550", "550 No Such User Here", "RCPT", "userunknown"},
		/* The recipient's callout found no such address (cPanel's ACL). */
		{NULL, "550",
		 "550 The recipient cannot be verified.  Please check all recipients of this "
		 "message to verify they are valid.",
		 "RCPT", "userunknown"},
		/* Sender verification: the server called back the envelope
		 * sender's domain and found the sender address undeliverable; the
		 * lines between "Verification failed for <SENDER>" and "Sender
		 * verify failed" are what the callout found about the sender, not
		 * about our recipient. */
		{NULL, "550",
		 "550-Verification failed for <news@example.org>\n550-No Such User Here\n550 "
		 "Sender verify failed",
		 "RCPT", "rejected"},
		{NULL, "550",
		 "550-Verification failed for <news@example.org>\n550-The mail server could not "
		 "deliver mail to news@example.org.  The account or domain may not exist, they "
		 "may be blacklisted, or missing the proper dns entries.\n550 Sender verify "
		 "failed",
		 "RCPT", "rejected"},
		{NULL, "550",
		 "550-Verification failed for <news@example.org>\n550-Unrouteable address\n550 "
		 "Sender verify failed",
		 "RCPT", "rejected"},
		{"5.0.0", NULL,
		 "550-Verification failed for <apache@web1.example.org> 550-The mail server "
		 "could not deliver mail to apache@web1.example.org. The account or domain may "
		 "not exist, they may be blacklisted, or missing the proper dns entries. 550 "
		 "Sender verify failed",
		 "RCPT", "rejected"},
		/* The sending domain went over the hourly limit WHM sets on its
		 * outgoing mail, or over its limit of deferred and failed
		 * messages an hour: a rate, on the sender's own host. */
		{"5.0.0", NULL,
		 "Domain example.org has exceeded the max emails per hour (3/2 (150%)) allowed.  "
		 "Message discarded.",
		 NULL, "speeding"},
		{"5.0.0", NULL,
		 "Domain example.org has exceeded the max defers and failures per hour (10/10 "
		 "(100%)) allowed.  Message discarded.",
		 NULL, "speeding"},
		/* Its RBL option: the connecting host is on a DNS list. */
		{NULL, "550",
		 "550 JunkMail rejected - mail.example.net [192.0.2.10]:41234 is in an RBL: "
		 "Blocked on SpamCop",
		 "RCPT", "blocked"},
		{NULL, "550",
		 "550 JunkMail rejected - mail.example.net [192.0.2.10]:41234 is in an RBL on "
		 "zen.spamhaus.org, see https://www.spamhaus.org/query/ip/192.0.2.10",
		 "RCPT", "blocked"},
		/* A client that did not log in first may not relay. */
		{NULL, "550",
		 "550 mail.example.net [192.0.2.10] is currently not permitted to relay through "
		 "this server. Perhaps you have not logged into the pop/imap server in the last "
		 "30 minutes or do not have SMTP Authentication turned on in your email client.",
		 "RCPT", "norelaying"},
		/* Exim's appendfile quota, as cPanel's local delivery reports it. */
		{NULL, NULL,
		 "mailbox is full (MTA-imposed quota exceeded while writing to "
		 "/home/user/mail/example.org/jane/new/1700000000.H1P2.host)",
		 NULL, "mailboxfull"},
	};
	CHECK(cases);
	/* A sender verification failure says nothing against our recipient. */
	assert_false(hard(NULL, "550",
			  "550-Verification failed for <news@example.org>\n550-No Such User "
			  "Here\n550 Sender verify failed",
			  "RCPT"));
	assert_true(hard(NULL, "550", "550 No Such User Here", "RCPT"));
	assert_false(hard("5.0.0", NULL,
			  "Domain example.org has exceeded the max emails per hour (3/2 (150%)) "
			  "allowed.  Message discarded.",
			  NULL));
}

/* Plesk: its outgoing mail control (Plesk's knowledge base), the Postfix
 * and qmail replies of its mail server, and its full mailbox (Plesk's
 * forum). */
static void test_plesk(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The mailbox or domain went over its allowed number of
		 * outgoing messages an hour. */
		{"5.7.0", NULL,
		 "5.7.0 Your message could not be sent. The limit on the number of allowed "
		 "outgoing messages was exceeded. Try again later.",
		 "DATA", "speeding"},
		{"5.1.1", "550",
		 "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in "
		 "virtual mailbox table",
		 "RCPT", "userunknown"},
		{NULL, "550", "550 sorry, no mailbox here by that name. (#5.1.1)", "RCPT",
		 "userunknown"},
		/* Plesk's qmail answered a full mailbox with 5.7.1 for a while,
		 * then with a temporary code. */
		{"5.7.1", "571", "571 5.7.1 Mailbox full", "RCPT", "mailboxfull"},
		{"4.2.2", "450", "450 4.2.2 Mailbox full", "RCPT", "mailboxfull"},
	};
	CHECK(cases);
	assert_false(hard("5.7.1", "571", "571 5.7.1 Mailbox full", "RCPT"));
}

/* DirectAdmin: its daily send limit (quoted by a DirectAdmin host's help
 * page, weboke.nl). */
static void test_directadmin(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", NULL, "You (exampleuser) have reached your message limit", NULL,
		 "speeding"},
	};
	CHECK(cases);
}

/* Rackspace Email (emailsrvr.com): its postmaster page of response codes
 * and its help article on common bounces. */
static void test_rackspace(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* G2: too many concurrent connections from the client IP. */
		{NULL, "421", "421 Too many concurrent connections from this client (G2)", NULL,
		 "toomanyconn"},
		/* G1F: incoming IPs must have a PTR record. */
		{"4.7.1", "450", "450 4.7.1 Client host 192.0.2.10 has no PTR record (G1F)", NULL,
		 "requireptr"},
		/* G30: the mailbox got too much mail in a short time; the rate
		 * limit protects the platform, retrying later works. */
		{"4.2.1", "450",
		 "450 4.2.1 <jane@example.com>: Mailbox received too much email in a short period "
		 "of time (G30)",
		 "RCPT", "speeding"},
		/* G16: a mail loop. */
		{"4.4.6", "450", "450 4.4.6 Routing loop detected (G16)", NULL, "networkerror"},
		/* G1E: looking up the sender's DMARC policy failed for now: DNS
		 * trouble, not a failed authentication. */
		{"4.4.0", "450",
		 "450 4.4.0 <jane@example.com> Temporary DMARC DNS lookup failure (G1E)", NULL,
		 "networkerror"},
		/* G28: too much mail from a new IP that has not built up a
		 * sending history: warm it up and throttle. */
		{"4.7.1", "451",
		 "451 4.7.1 Received too many messages from a new or untrusted IP (G28)", NULL,
		 "speeding"},
		/* The sender's domain could not be found. */
		{"4.1.8", "450",
		 "450 4.1.8 <news@example.org>: Sender address rejected: Domain not found", "RCPT",
		 "rejected"},
	};
	CHECK(cases);
	assert_false(hard("4.2.1", "450",
			  "450 4.2.1 <jane@example.com>: Mailbox received too much email in a "
			  "short period of time (G30)",
			  "RCPT"));
}

/* Fastmail: its help articles "Why messages bounce back" and "Undelivered
 * email". */
static void test_fastmail(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550 5.1.1 <jane@fastmail.com>: Recipient address rejected: User unknown in "
		 "virtual mailbox table",
		 "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 Sorry, user address unknown", "RCPT", "userunknown"},
		/* The user sent from a header address they are not set up to
		 * send from: the sender is refused. */
		{"5.7.1", "551", "551 5.7.1 Not authorised to send from this header address",
		 "DATA", "rejected"},
		/* No authenticated SMTP: relaying refused. */
		{NULL, "554",
		 "554 <joe@example.net>: Recipient address rejected: Relay access denied", "RCPT",
		 "norelaying"},
		/* A DNSBL listing of the sending system. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
		 "xbl.spamhaus.org",
		 "RCPT", "blocked"},
	};
	CHECK(cases);
}

/* STRATO: its help articles on error messages and on mail refused as spam
 * by its outgoing filter. */
static void test_strato(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Content the filter judged spam. */
		{"5.7.1", "550", "550 5.7.1 Refused by local policy. No SPAM please!", "DATA",
		 "spamdetected"},
		{"5.7.1", "550",
		 "550 5.7.1 Refused by local policy. Sending of SPAM is not permitted!", "DATA",
		 "spamdetected"},
		/* An attachment whose type may not be sent (.exe, .com). */
		{"5.7.1", "550",
		 "550 5.7.1 Refused by local policy. Message contains a dangerous attachment!",
		 "DATA", "contenterror"},
		/* Too many messages sent too fast. */
		{"4.7.0", "450", "450 4.7.0 Transmit rate limit exceeded", NULL, "speeding"},
		{NULL, "550", "550 sorry, no mailbox here by that name", "RCPT", "userunknown"},
		{NULL, "552", "552 mailbox is overquota", "RCPT", "mailboxfull"},
	};
	CHECK(cases);
}

/* IONOS: its help page on error messages of mail it could not deliver. */
static void test_ionos(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 Unknown User", "RCPT", "userunknown"},
		{NULL, "550", "550 Quota Exceeded", "RCPT", "mailboxfull"},
	};
	CHECK(cases);
}

/* GoDaddy (Workspace Email, secureserver.net): its help article "Fix
 * rejected email with a bounce error". */
static void test_godaddy(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 Recipient not found", "RCPT", "userunknown"},
		/* The recipient forwards in a loop. */
		{"5.4.6", NULL,
		 "This message is looping: it already has my Delivered-To line. (#5.4.6)", NULL,
		 "networkerror"},
		/* The receiving server could not be reached for the whole queue
		 * lifetime. */
		{"4.4.1", "451",
		 "451 Sorry, I wasn't able to establish an SMTP connection. I'm not going to try "
		 "again; this message has been in the queue too long.",
		 NULL, "expired"},
	};
	CHECK(cases);
}

/* Smaller German and Swiss hosting companies' help pages (bytecamp,
 * mittwald, onesystems): the Postfix replies of their own servers. */
static void test_small_hosts(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* bytecamp: the account's storage is used up. */
		{"4.2.2", "422",
		 "422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)", "RCPT",
		 "mailboxfull"},
		/* bytecamp: the filter judged the message spam. */
		{"5.7.1", "571",
		 "571 5.7.1 message classified as spam (Nachricht als Spam eingestuft)", "DATA",
		 "spamdetected"},
		/* mittwald: a first delivery from an unknown server is held off:
		 * greylisting, our finer category of policyviolation (asserted
		 * below). */
		{"4.7.1", "450",
		 "450 4.7.1 Docking request denied, first time visit, you have been greylisted, "
		 "try again later",
		 "RCPT", "policyviolation"},
		/* onesystems: the recipient domain is not theirs. */
		{"5.7.1", "554", "554 5.7.1 <jane@example.com>: Relay access denied", "RCPT",
		 "norelaying"},
	};
	CHECK(cases);
	struct bd_verdict v = verdict_with(&defaults, "4.7.1", "450",
					   "450 4.7.1 Docking request denied, first time visit, "
					   "you have been greylisted, try again later",
					   "RCPT");
	assert_string_equal(v.category->id, "greylisted");
	assert_false(v.hardbounce);
}

/* Polish providers: Interia's help page "Dlaczego wiadomość nie została
 * dostarczona?". */
static void test_interia(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The account does not exist (or was blocked). */
		{"5.1.1", "550", "550 5.1.1 Account not found", "RCPT", "userunknown"},
		/* The recipient put the sender on their blocked list. */
		{"5.7.1", "550", "550 5.7.1 Recipient doesn't want your mail", "RCPT", "filtered"},
		/* The domain's SPF record does not allow the sending IP. */
		{"5.7.0", "550",
		 "550 5.7.0 [SPF] 192.0.2.10 is not allowed to send mail from example.org", "RCPT",
		 "authfailure"},
	};
	CHECK(cases);
}

/* A hosted mail service's daily submission limit (Polaris Mail's help page,
 * the service behind several hosts' private email). */
static void test_send_limits(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "462", "462 Daily send limit reached. Please try again tomorrow", "MAIL",
		 "speeding"},
	};
	CHECK(cases);
}

/* Telstra BigPond: its qmail relaying a DNSBL refusal of the sending IP
 * (quoted on a forum). */
static void test_bigpond(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "553", "553 192.0.2.10 Defined SPAM source: bl.spamcop.net", "MAIL",
		 "blocked"},
	};
	CHECK(cases);
}

/* EarthLink (filtering by Vade): its postmaster pages of inbound SMTP
 * error codes.  The reply's words are generic ("Connection refused",
 * "Connection deferred"); the ELNK_ code in it names the cause.  The page
 * gives the code but not where in the reply it sits: here it ends it. */
static void test_earthlink(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* _101, _102, _111: the sending IP is on Vade's, Validity's or a
		 * Spamhaus block list. */
		{"5.7.1", "550", "550 5.7.1 Connection refused ELNK_101", NULL, "blocked"},
		{"5.7.1", "550", "550 5.7.1 Sender blocked error ELNK_102", NULL, "blocked"},
		{"5.7.1", "550", "550 5.7.1 Sender blocked error ELNK_111", NULL, "blocked"},
		/* _103: the server is unavailable for now. */
		{"4.2.1", "421", "421 4.2.1 Connection deferred ELNK_103", NULL, "systemerror"},
		/* _105, _108: reverse DNS, forward-confirmed reverse DNS. */
		{"5.7.1", "550", "550 5.7.1 Connection refused ELNK_105", NULL, "requireptr"},
		{"5.7.1", "550", "550 5.7.1 Connection refused ELNK_108", NULL, "requireptr"},
		/* _110: the IP's concurrent connections; _139: too many
		 * connections received. */
		{"4.2.1", "421", "421 4.2.1 Connection deferred ELNK_110", NULL, "toomanyconn"},
		{"4.2.1", "421", "421 4.2.1 Connection deferred ELNK_139", NULL, "toomanyconn"},
		/* _130: the server is a source of unacceptable messages: the
		 * quality of its traffic. */
		{"4.2.1", "421", "421 4.2.1 Connection deferred ELNK_130", NULL, "badreputation"},
		/* _136: rate-limited for excessive volume. */
		{"4.2.1", "421", "421 4.2.1 Connection deferred ELNK_136", NULL, "speeding"},
	};
	CHECK(cases);
	assert_false(hard("5.7.1", "550", "550 5.7.1 Connection refused ELNK_101", NULL));
}

/* Facebook: its postmaster page of SMTP response codes.  The page gives the
 * codes and their meanings but not the reply's words: here the code follows
 * the enhanced status and a link to the page, nothing else. */
static void test_facebook(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* DNS-P1, DNS-P2: the MAIL FROM domain does not exist, has no MX. */
		{"5.1.8", "550", "550 5.1.8 DNS-P1 https://postmaster.example/codes#dns", "MAIL",
		 "rejected"},
		{"5.7.1", "550", "550 5.7.1 DNS-P2 https://postmaster.example/codes#dns", "MAIL",
		 "rejected"},
		/* DNS-P3, DNS-T2: no reverse DNS, or none that resolves now. */
		{"5.7.1", "550", "550 5.7.1 DNS-P3 https://postmaster.example/codes#dns", "MAIL",
		 "requireptr"},
		{"4.7.1", "450", "450 4.7.1 DNS-T2 https://postmaster.example/codes#dns", "MAIL",
		 "requireptr"},
		/* RCP-P1 and INT-P1/P3/P4: no such recipient or group. */
		{"5.1.1", "550", "550 5.1.1 RCP-P1 https://postmaster.example/codes#rcp", "RCPT",
		 "userunknown"},
		{"5.0.0", "550", "550 5.0.0 INT-P3 https://postmaster.example/codes#int", "RCPT",
		 "userunknown"},
		/* RCP-P2: the recipient's preferences refuse the message. */
		{"5.7.1", "550", "550 5.7.1 RCP-P2 https://postmaster.example/codes#rcp", "RCPT",
		 "filtered"},
		/* RCP-T1, INT-Tn: an internal issue, for now. */
		{"4.3.0", "451", "451 4.3.0 RCP-T1 https://postmaster.example/codes#rcp", "RCPT",
		 "systemerror"},
		{"4.3.0", "451", "451 4.3.0 INT-T4 https://postmaster.example/codes#int", "DATA",
		 "systemerror"},
		/* MSG-P1, INT-P2: over the size limit; MSG-P2: attachment type. */
		{"5.0.0", "552", "552 5.0.0 MSG-P1 https://postmaster.example/codes#msg", "DATA",
		 "mesgtoobig"},
		{"5.0.0", "554", "554 5.0.0 MSG-P2 https://postmaster.example/codes#msg", "DATA",
		 "contenterror"},
	};
	CHECK(cases);
	assert_true(hard("5.1.1", "550", "550 5.1.1 RCP-P1 https://postmaster.example/codes#rcp",
			 "RCPT"));
	assert_false(hard("5.7.1", "550", "550 5.7.1 RCP-P2 https://postmaster.example/codes#rcp",
			  "RCPT"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpanel),      cmocka_unit_test(test_plesk),
		cmocka_unit_test(test_directadmin), cmocka_unit_test(test_rackspace),
		cmocka_unit_test(test_fastmail),    cmocka_unit_test(test_strato),
		cmocka_unit_test(test_ionos),       cmocka_unit_test(test_godaddy),
		cmocka_unit_test(test_small_hosts), cmocka_unit_test(test_interia),
		cmocka_unit_test(test_send_limits), cmocka_unit_test(test_bigpond),
		cmocka_unit_test(test_earthlink),   cmocka_unit_test(test_facebook),
	};
	return cmocka_run_group_tests_name("hosting texts", tests, load_defaults, free_defaults);
}
