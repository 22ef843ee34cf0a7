/* test_filter_texts.c: the refusal texts of anti-spam, anti-virus and
 * policy software that runs in front of or inside a receiving MTA --
 * Postfix's restrictions and postscreen, SPF, DKIM and DMARC milters and
 * policy servers, rspamd, SpamAssassin, amavis, ClamAV, MIMEDefang,
 * greylisting daemons, Exim's and Sendmail's ACLs, and the filtering
 * appliances and services.  Each text is written for the test in the form
 * the software's own source code or documentation gives it, with the reply
 * and status codes it pairs with it and the SMTP stage it answers (NULL
 * where that is not fixed).  The reason follows from what the text says
 * (DOMAIN.md's vocabulary): the sending IP refused is blocked, the
 * envelope sender refused is rejected, content judged spam is
 * spamdetected, and so on; greylisting is our finer category greylisted.
 * Each case is a reply relayed by the sender's MTA (verdict_with). */
#include "testrules.h"

/* Each case names its finer category (greylisted) where it has one. */
#undef CHECK
#define CHECK(cases) CHECK_CATEGORIES(cases)

/* Postfix's smtpd restrictions (smtpd_check.c), its anvil limits and
 * cleanup's size limit. */
static void test_postfix_restrictions(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* reject_rbl_client: the client IP is on a DNSBL. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
		 "zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10",
		 "RCPT", "blocked"},
		/* reject_rhsbl_sender: the envelope sender's domain is listed. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Sender address [spammer.example] blocked using "
		 "dbl.spamhaus.org; https://www.spamhaus.org/query/domain/spammer.example",
		 "RCPT", "rejected"},
		/* reject_rhsbl_helo: the HELO name is listed. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Helo command [bad.example] blocked using "
		 "dbl.spamhaus.org; https://www.spamhaus.org/query/domain/bad.example",
		 "RCPT", "blocked"},
		/* reject_unknown_reverse_client_hostname, reject_unknown_client_hostname. */
		{"4.7.1", "450",
		 "450 4.7.1 Client host rejected: cannot find your reverse hostname, "
		 "[192.0.2.10]",
		 "RCPT", "requireptr"},
		{"4.7.25", "450",
		 "450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.10]", "RCPT",
		 "requireptr"},
		{"4.7.1", "450",
		 "450 4.7.1 Client host rejected: cannot find your hostname, "
		 "[192.0.2.10]",
		 "RCPT", "requireptr"},
		/* The HELO name: not found, not fully qualified, invalid. */
		{"4.7.1", "450", "450 4.7.1 <mail.invalid>: Helo command rejected: Host not found",
		 "RCPT", "blocked"},
		{"5.5.2", "504",
		 "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
		 "RCPT", "blocked"},
		{"5.5.2", "501", "501 5.5.2 <bad_name>: Helo command rejected: Invalid name",
		 "RCPT", "blocked"},
		/* The envelope sender: not fully qualified, its domain unknown. */
		{"5.5.2", "504",
		 "504 5.5.2 <alice>: Sender address rejected: need fully-qualified address", "RCPT",
		 "rejected"},
		{"4.1.8", "450",
		 "450 4.1.8 <alice@nowhere.example>: Sender address rejected: Domain not found",
		 "RCPT", "rejected"},
		{"5.1.8", "550",
		 "550 5.1.8 <alice@nowhere.example>: Sender address rejected: Domain not found",
		 "RCPT", "rejected"},
		/* reject_unlisted_sender: "User unknown" about the sender. */
		{"5.1.0", "550",
		 "550 5.1.0 <alice@example.org>: Sender address rejected: User unknown in local "
		 "recipient table",
		 "RCPT", "rejected"},
		/* reject_unverified_sender: the probe's answer about the sender. */
		{"4.1.7", "450",
		 "450 4.1.7 <alice@example.org>: Sender address rejected: unverified address: "
		 "host mx.example.org[192.0.2.25] said: 550 5.1.1 <alice@example.org>: Recipient "
		 "address rejected: User unknown in local recipient table (in reply to RCPT TO "
		 "command)",
		 "RCPT", "rejected"},
		/* reject_sender_login_mismatch. */
		{"5.7.1", "553",
		 "553 5.7.1 <alice@example.org>: Sender address rejected: not owned by user bob",
		 "RCPT", "rejected"},
		{"5.7.1", "553",
		 "553 5.7.1 <alice@example.org>: Sender address rejected: not logged in", "RCPT",
		 "rejected"},
		/* check_sender_access and check_client_access REJECT. */
		{"5.7.1", "554",
		 "554 5.7.1 <alice@example.org>: Sender address rejected: Access denied", "RCPT",
		 "rejected"},
		{"5.7.1", "554",
		 "554 5.7.1 <unknown[192.0.2.10]>: Client host rejected: Access denied", "RCPT",
		 "blocked"},
		/* reject_unknown_recipient_domain. */
		{"4.1.2", "450",
		 "450 4.1.2 <bob@nowhere.example>: Recipient address rejected: Domain not found",
		 "RCPT", "hostunknown"},
		/* reject_unlisted_recipient. */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in "
		 "virtual mailbox table",
		 "RCPT", "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in relay "
		 "recipient table",
		 "RCPT", "userunknown"},
		/* reject_unverified_recipient. */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: undeliverable address: "
		 "host mx.example.com[192.0.2.25] said: 550 5.1.1 <bob@example.com>: Recipient "
		 "address rejected: User unknown in local recipient table (in reply to RCPT TO "
		 "command)",
		 "RCPT", "userunknown"},
		/* reject_unauth_destination. */
		{"5.7.1", "554", "554 5.7.1 <bob@example.net>: Relay access denied", "RCPT",
		 "norelaying"},
		/* message_size_limit, at MAIL FROM (SIZE=) and after DATA. */
		{"5.3.4", "552", "552 5.3.4 Message size exceeds fixed limit", "MAIL",
		 "mesgtoobig"},
		{"5.3.4", "552", "552 5.3.4 Error: message file too big", "DATA", "mesgtoobig"},
		/* smtpd_recipient_limit: too many recipients in one message. */
		{"4.5.3", "452", "452 4.5.3 Error: too many recipients", "RCPT", "toomanyconn"},
		/* anvil: connections, and message and recipient rates per client. */
		{"4.7.0", "421",
		 "421 4.7.0 mx.example.com Error: too many connections from "
		 "192.0.2.10",
		 NULL, "toomanyconn"},
		{"4.7.1", "450", "450 4.7.1 Error: too much mail from 192.0.2.10", "MAIL",
		 "speeding"},
		{"4.7.1", "450", "450 4.7.1 Error: too many recipients from 192.0.2.10", "RCPT",
		 "speeding"},
		/* smtpd_helo_required. */
		{"5.5.1", "503", "503 5.5.1 Error: send HELO/EHLO first", "MAIL", "syntaxerror"},
	};
	CHECK(cases);
	/* A DNSBL listing is not the address's fault; an unlisted recipient
	 * is. */
	assert_false(hard("5.7.1", "554",
			  "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
			  "zen.spamhaus.org",
			  "RCPT"));
	assert_true(hard("5.1.1", "550",
			 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown "
			 "in virtual mailbox table",
			 "RCPT"));
	assert_false(hard("4.1.1", "450",
			  "450 4.1.1 <bob@example.com>: Recipient address rejected: unverified "
			  "address: host mx.example.com[192.0.2.25] said: 550 5.1.1 "
			  "<bob@example.com>: Recipient address rejected: User unknown in local "
			  "recipient table (in reply to RCPT TO command)",
			  "RCPT"));
	assert_false(hard("5.1.0", "550",
			  "550 5.1.0 <alice@example.org>: Sender address rejected: User unknown "
			  "in local recipient table",
			  "RCPT"));
}

/* postscreen: its DNSBL verdict before the SMTP session starts. */
static void test_postscreen(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550",
		 "550 5.7.1 Service unavailable; client [192.0.2.10] blocked using "
		 "zen.spamhaus.org",
		 "CONN", "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Service unavailable; client [192.0.2.10] blocked using "
		 "b.barracudacentral.org",
		 NULL, "blocked"},
	};
	CHECK(cases);
}

/* SPF, DKIM and DMARC: pypolicyd-spf, OpenDKIM, OpenDMARC, and the same
 * checks in gateways. */
static void test_authentication(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* pypolicyd-spf, through check_policy_service. */
		{"5.7.23", "550",
		 "550 5.7.23 <bob@example.com>: Recipient address rejected: Message rejected due "
		 "to: SPF fail - not authorized. Please see "
		 "http://www.openspf.net/Why?s=mfrom;id=alice@example.org;ip=192.0.2.10;r=<UNKNOWN>",
		 "RCPT", "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 <bob@example.com>: Recipient address rejected: Message rejected due "
		 "to: SPF fail - not authorized.",
		 "RCPT", "authfailure"},
		{"5.7.24", "550",
		 "550 5.7.24 <bob@example.com>: Recipient address rejected: SPF Permanent Error: "
		 "Two or more type TXT spf records found.",
		 "RCPT", "authfailure"},
		/* OpenDKIM with On-BadSignature = reject. */
		{"5.7.0", "550", "550 5.7.0 bad DKIM signature data", "DATA", "authfailure"},
		/* OpenDMARC with RejectFailures. */
		{"5.7.1", "550", "550 5.7.1 rejected by DMARC policy for example.org", "DATA",
		 "authfailure"},
		/* Cisco AsyncOS's default SPF reject and defer texts. */
		{NULL, "550", "550 #5.7.1 SPF unauthorized mail is prohibited.", "MAIL",
		 "authfailure"},
		{NULL, "451", "451 #4.4.3 Temporary error occurred during SPF verification.",
		 "MAIL", "authfailure"},
	};
	CHECK(cases);
	assert_false(
		hard("5.7.1", "550", "550 5.7.1 rejected by DMARC policy for example.org", "DATA"));
}

/* Content scanners: rspamd, SpamAssassin through spamass-milter, amavis,
 * ClamAV through clamav-milter, MIMEDefang, Exim's content-scan ACLs. */
static void test_content_scanners(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* rspamd's proxy (milter) reject action. */
		{"5.7.1", "554", "554 5.7.1 Spam message rejected", "DATA", "spamdetected"},
		{NULL, "554", "554 Spam message rejected; If this is not spam contact abuse team",
		 "DATA", "spamdetected"},
		/* spamass-milter -r. */
		{"5.7.1", "550", "550 5.7.1 Blocked by SpamAssassin", "DATA", "spamdetected"},
		/* amavis: spam, a virus, a banned file type, a bad header. */
		{"5.7.0", "554", "554 5.7.0 Reject, id=23375-02 - SPAM", "DATA", "spamdetected"},
		{"5.7.0", "554", "554 5.7.0 Reject, id=23375-02 - INFECTED: Eicar-Test-Signature",
		 "DATA", "virusdetected"},
		{"5.7.0", "554",
		 "554 5.7.0 Reject, id=17352-01 - BANNED: application/x-ms-dos-executable,.exe,"
		 ".exe-ms,setup.exe",
		 "DATA", "contenterror"},
		{"5.6.0", "554",
		 "554 5.6.0 Reject, id=17352-01 - BAD_HEADER: Improper use of control character "
		 "(char 0D hex) in message header 'Subject'",
		 "DATA", "notcompliantrfc"},
		/* clamav-milter with a RejectMsg naming the virus, and the old
		 * clamav-milter's own text. */
		{"5.7.1", "550", "550 5.7.1 Infected with Win.Test.EICAR_HDB-1", "DATA",
		 "virusdetected"},
		{"5.7.1", "550", "550 5.7.1 Virus detected by ClamAV - http://www.clamav.net",
		 "DATA", "virusdetected"},
		/* MIMEDefang: action_bounce's default reply, and its example
		 * filter's refusal of message/partial parts. */
		{"5.7.1", "554", "554 5.7.1 Forbidden for policy reasons", "DATA",
		 "policyviolation"},
		{"5.7.1", "554", "554 5.7.1 MIME type message/partial not accepted here", "DATA",
		 "contenterror"},
		/* Exim's spam and malware ACL conditions, as its manual shows them. */
		{NULL, "550", "550 This message scored 14.2 spam points.", "DATA", "spamdetected"},
		{NULL, "550", "550 This message contains malware (Eicar-Test-Signature)", "DATA",
		 "virusdetected"},
	};
	CHECK(cases);
	assert_false(hard("5.7.1", "554", "554 5.7.1 Spam message rejected", "DATA"));
	assert_false(hard("5.7.0", "554",
			  "554 5.7.0 Reject, id=23375-02 - INFECTED: Eicar-Test-Signature",
			  "DATA"));
}

/* Greylisting: postgrey, milter-greylist, rspamd's greylist module text
 * where it names itself, and a greylisting service's bracketed code. */
static void test_greylisting(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.2.0", "450",
		 "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see "
		 "http://postgrey.schweikert.ch/help/example.com.html",
		 "RCPT", "greylisted"},
		/* Old postgrey versions checked at the client restriction. */
		{"4.7.1", "450",
		 "450 4.7.1 <host.example.org[192.0.2.10]>: Client host rejected: Greylisted, "
		 "see http://isg.ee.ethz.ch/tools/postgrey/help/example.com.html",
		 "RCPT", "greylisted"},
		/* postgrey --greylist-text. */
		{"4.2.0", "450",
		 "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted for 300 "
		 "seconds",
		 "RCPT", "greylisted"},
		/* milter-greylist, quiet and not. */
		{"4.7.1", "451", "451 4.7.1 Greylisting in action, please come back later", "RCPT",
		 "greylisted"},
		{"4.7.1", "451", "451 4.7.1 Greylisting in action, please come back in 00:05:00",
		 "RCPT", "greylisted"},
		/* Exim relaying the same deferral without the stage. */
		{NULL, "451", "451 4.7.1 Greylisting in action, please come back in 00:02:00", NULL,
		 "greylisted"},
	};
	CHECK(cases);
	assert_false(hard("4.2.0", "450",
			  "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, "
			  "see http://postgrey.schweikert.ch/help/example.com.html",
			  "RCPT"));
}

/* Exim's ACLs: DNS lists as its manual and the Debian configuration word
 * them, sender and recipient verification, header syntax, rate limits. */
static void test_exim_acl(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550",
		 "550 rejected because 192.0.2.10 is in a black list at zen.spamhaus.org", "RCPT",
		 "blocked"},
		{NULL, "550",
		 "550 192.0.2.10 is listed at dnsbl.sorbs.net (127.0.0.6: Currently Sending Spam "
		 "See: http://www.sorbs.net/lookup.shtml?192.0.2.10)",
		 "RCPT", "blocked"},
		/* verify = sender: the multi-line reply names the sender. */
		{NULL, "550",
		 "550-Verification failed for <alice@nowhere.example>\n"
		 "550-Unrouteable address\n550 Sender verify failed",
		 "RCPT", "rejected"},
		{NULL, "451", "451 Could not complete sender verify", "RCPT", "rejected"},
		/* verify = recipient. */
		{NULL, "550", "550 Unrouteable address", "RCPT", "userunknown"},
		{NULL, "550", "550 relay not permitted", "RCPT", "norelaying"},
		/* verify = header_syntax. */
		{NULL, "550",
		 "550 Message headers fail syntax check: domain missing or malformed: failing "
		 "address in \"From:\" header is: <alice>",
		 "DATA", "notcompliantrfc"},
		/* ratelimit, the manual's example message. */
		{NULL, "450", "450 Sender rate exceeds 100 messages per 1h", "RCPT", "speeding"},
		/* deny with no message of its own. */
		{NULL, "550", "550 Administrative prohibition", "RCPT", "policyviolation"},
	};
	CHECK(cases);
	assert_true(hard(NULL, "550", "550 Unrouteable address", "RCPT"));
	assert_false(hard(NULL, "550",
			  "550-Verification failed for <alice@nowhere.example>\n"
			  "550-Unrouteable address\n550 Sender verify failed",
			  "RCPT"));
}

/* Sendmail: the dnsbl and enhdnsbl features, the access database, relay
 * checks, require_rdns, ratecontrol and conncontrol, and the sender's
 * domain check. */
static void test_sendmail_checks(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 Rejected: 192.0.2.10 listed at zen.spamhaus.org",
		 "MAIL", "blocked"},
		{"5.7.1", "550", "550 5.7.1 Rejected: 192.0.2.10 listed at bl.spamcop.net", "RCPT",
		 "blocked"},
		{"5.7.1", "550", "550 5.7.1 <alice@spam.example>... Access denied", "MAIL",
		 "rejected"},
		{"5.7.1", "550", "550 5.7.1 <bob@example.net>... Relaying denied", "RCPT",
		 "norelaying"},
		{"5.7.1", "550",
		 "550 5.7.1 <bob@example.net>... Relaying denied. IP name lookup failed "
		 "[192.0.2.10]",
		 "RCPT", "norelaying"},
		{"5.7.1", "550", "550 5.7.1 Fix reverse DNS for 192.0.2.10", "MAIL", "requireptr"},
		{"5.1.8", "553",
		 "553 5.1.8 <alice@nowhere.example>... Domain of sender address "
		 "alice@nowhere.example does not exist",
		 "MAIL", "rejected"},
		{"4.1.8", "451",
		 "451 4.1.8 Domain of sender address alice@nowhere.example does not resolve",
		 "MAIL", "rejected"},
		{"4.3.2", "421", "421 4.3.2 Connection rate limit exceeded.", "CONN",
		 "toomanyconn"},
		{"4.3.2", "452", "452 4.3.2 Too many open connections.", "CONN", "toomanyconn"},
		/* A milter's refusal worded as policy. */
		{"5.7.1", "550", "550 5.7.1 Rejected by local policy", "DATA", "policyviolation"},
	};
	CHECK(cases);
}

/* DNS blocklists' own TXT answers as MTAs pass them on: Spamhaus (ZEN,
 * PBL, DBL, ZRD), SpamCop, SORBS, Barracuda Reputation. */
static void test_dnsbl_texts(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
		 "pbl.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10",
		 "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
		 "bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.10",
		 "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using "
		 "dnsbl.sorbs.net; Currently Sending Spam See: "
		 "http://www.sorbs.net/lookup.shtml?192.0.2.10",
		 "RCPT", "blocked"},
		{NULL, "554",
		 "554 Service unavailable; Client host [192.0.2.10] blocked using Barracuda "
		 "Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.10",
		 NULL, "blocked"},
		/* The Zero Reputation Domain list: the sender's domain is new. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Sender address [fresh.example] blocked using "
		 "abcdefghijklmnopqrstuvwxyz.zrd.dq.spamhaus.net",
		 "RCPT", "rejected"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "554",
			  "554 Service unavailable; Client host [192.0.2.10] blocked using "
			  "Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1",
			  NULL));
}

/* Filtering appliances and services, in the words their documentation
 * gives: Proofpoint, Mimecast, Cisco AsyncOS (IronPort), Trend Micro,
 * Symantec/Broadcom Email Security.cloud, Fortinet FortiMail. */
static void test_appliances(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Proofpoint's block of the sending IP. */
		{"5.7.0", "554",
		 "554 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.10", NULL,
		 "blocked"},
		/* Mimecast's SMTP error-code article. */
		{NULL, "550",
		 "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", "RCPT",
		 "userunknown"},
		{NULL, "554",
		 "554 Email rejected due to security policies - "
		 "https://community.mimecast.com/docs/DOC-1369#554",
		 "DATA", "policyviolation"},
		{NULL, "550",
		 "550 Rejected by header based Anti-Spoofing policy: alice@example.org - "
		 "https://community.mimecast.com/docs/DOC-1369#550",
		 "DATA", "policyviolation"},
		{NULL, "451",
		 "451 Internal resource temporarily unavailable - "
		 "https://community.mimecast.com/docs/DOC-1369#451",
		 "RCPT", "greylisted"},
		/* Cisco AsyncOS: the $BLOCKED policy's reject for a poor SenderBase
		 * score, the LDAP accept query's refusal, the $THROTTLED policy's
		 * recipients-per-hour limit. */
		{NULL, "554",
		 "554 Your access to this mail system has been rejected due to the sending MTA's "
		 "poor reputation. If you believe that this failure is in error, please contact "
		 "the intended recipient via alternate means.",
		 "CONN", "badreputation"},
		{NULL, "550", "550 #5.1.0 Address rejected bob@example.com", "RCPT", "userunknown"},
		{NULL, "452", "452 Too many recipients received this hour", "RCPT", "speeding"},
		/* Trend Micro's Email Reputation Services. */
		{"5.7.1", "550",
		 "550 5.7.1 Mail from 192.0.2.10 blocked using Trend Micro Email Reputation "
		 "database. Please see http://www.mail-abuse.com/cgi-bin/lookup?192.0.2.10",
		 NULL, "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Mail from 192.0.2.10 has been blocked by Trend Micro Email Reputation "
		 "Service.",
		 NULL, "blocked"},
		/* Symantec (MessageLabs) Email Security.cloud. */
		{NULL, "553",
		 "553-you are trying to use me [server-5.tower-123.messagelabs.com] as a relay, "
		 "but I have not been configured to let you [192.0.2.10, mail.example.org] do "
		 "this.",
		 "RCPT", "norelaying"},
		{NULL, "550", "550 Invalid recipient <bob@example.com> (#5.1.1)", "RCPT",
		 "userunknown"},
		{NULL, "553",
		 "553 Message filtered. Refer to the Troubleshooting page at "
		 "http://www.symanteccloud.com/troubleshooting for more information. (#5.7.1)",
		 "DATA", "filtered"},
		/* FortiMail's relay refusal. */
		{"5.7.1", "550", "550 5.7.1 Relay access denied", "RCPT", "norelaying"},
	};
	CHECK(cases);
	assert_true(hard(NULL, "550",
			 "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550",
			 "RCPT"));
	assert_false(hard(NULL, "554",
			  "554 Your access to this mail system has been rejected due to the "
			  "sending MTA's poor reputation.",
			  "CONN"));
}

/* MailChannels: its inbound filter's SMTP error page and the bracketed
 * codes of its outbound filter. */
static void test_mailchannels(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Inbound. [S09]: greylisted; [S10]: the connecting IP is blocked. */
		{NULL, "450", "450 [S09] Try Again Later", "RCPT", "greylisted"},
		{NULL, "550", "550 [S10] Blocked", "CONN", "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 [IB_FEB] Your message could not be delivered because it contained an "
		 "attachment type that is not allowed",
		 "DATA", "contenterror"},
		{"5.7.1", "550", "550 5.7.1 Email has been rejected due to the domain's SPF policy",
		 "RCPT", "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 Unauthenticated email is not accepted due to domain's DMARC policy",
		 "DATA", "authfailure"},
		/* Recipients with different policies: send them in another
		 * transaction. */
		{"4.5.3", "452", "452 4.5.3 Recipient policy mismatch", "RCPT", "toomanyconn"},
		/* Outbound. [RBL]: the sending IP is on a global blocklist; [BFD]:
		 * SPF fails. */
		{"5.7.1", "550", "550 5.7.1 [RBL] Sender blocked 192.0.2.10", "DATA", "blocked"},
		{"5.7.1", "550", "550 5.7.1 [BFD] Sender prohibited by SPF", "MAIL", "authfailure"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "450", "450 [S09] Try Again Later", "RCPT"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postfix_restrictions),
		cmocka_unit_test(test_postscreen),
		cmocka_unit_test(test_authentication),
		cmocka_unit_test(test_content_scanners),
		cmocka_unit_test(test_greylisting),
		cmocka_unit_test(test_exim_acl),
		cmocka_unit_test(test_sendmail_checks),
		cmocka_unit_test(test_dnsbl_texts),
		cmocka_unit_test(test_appliances),
		cmocka_unit_test(test_mailchannels),
	};
	return cmocka_run_group_tests_name("filter texts", tests, load_defaults, free_defaults);
}
