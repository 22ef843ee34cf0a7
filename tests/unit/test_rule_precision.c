/* test_rule_precision.c: the other side of the wording rules -- replies in
 * which a broad phrase of default.rules appears but the reason is another
 * one.  Each group names the rule (or reason) and the broad phrase it
 * guards: a recipient's address or domain that holds a rule's word, advice
 * text beside the verdict, a server's own failure that names the software
 * that failed, a refusal of one thing worded with the words of another.
 * The texts are written for the test after the way real servers phrase such
 * replies (Postfix, Sendmail, Exim, amavis, Gmail, Yahoo, Microsoft, GMX,
 * Orange and the other providers' published texts), with the reply and
 * status codes they carry and the SMTP stage they answer (NULL where that
 * is not fixed).  The expected reason follows from what the reply says
 * (DOMAIN.md's vocabulary), not from which rule happens to match.  Each
 * case is a reply relayed by the sender's MTA (verdict_with). */
#include "testrules.h"

/* blocked: "your (ip|server|network|host)", "\bbl\.", "bloquee", "refused
 * to talk", "client host rejected", "not allowed to relay", "blocklist".
 * Those words say that the sending host was refused only when the reply
 * is about the host; beside another verdict, in the recipient's domain or
 * in the framing of a greeting, they do not. */
static void test_blocked_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* A user unknown with advice about the sending host. */
		{"5.1.1", "550",
		 "550 5.1.1 <j.smith@example.com>: Recipient address rejected: User unknown in "
		 "virtual mailbox table; your host may be misconfigured",
		 "RCPT", "userunknown"},
		/* The recipient's domain is bl.uk: "bl." is not a DNS list. */
		{"5.1.1", "550",
		 "550 5.1.1 <j.smith@bl.uk>: Recipient address rejected: User unknown in local "
		 "recipient table",
		 "RCPT", "userunknown"},
		{NULL, "552", "552 <reader@bl.uk>... Mailbox full", "RCPT", "mailboxfull"},
		/* A French mailbox locked ("bloquee") is the mailbox, not the IP. */
		{"5.2.1", "550",
		 "550 5.2.1 <marie@example.fr>: Boite aux lettres du destinataire bloquee / "
		 "Recipient mailbox is locked",
		 "RCPT", "suspend"},
		/* "refused to talk to me" frames every refusal of the greeting:
		 * the reply after it says why. */
		{"4.3.2", "421",
		 "mx.example.com refused to talk to me: 421 4.3.2 System not accepting network "
		 "messages",
		 "CONN", "systemerror"},
		{"4.3.1", "452",
		 "mx.example.com refused to talk to me: 452 4.3.1 Insufficient system storage",
		 "CONN", "systemfull"},
		{"5.7.1", "554",
		 "mx.example.com refused to talk to me: 554 5.7.1 Service unavailable; Client host "
		 "[192.0.2.10] blocked using zen.spamhaus.org",
		 "CONN", "blocked"},
		/* Postfix's reject_unauth_pipelining names the client host but
		 * refuses a protocol violation. */
		{"5.5.0", "503",
		 "503 5.5.0 <unknown[192.0.2.10]>: Client host rejected: Improper use of SMTP "
		 "command pipelining",
		 "RCPT", "syntaxerror"},
		/* A refusal to relay is not a refusal of the client IP. */
		{"5.7.1", "550",
		 "550 5.7.1 Sorry, you are not allowed to relay mail through this server", "RCPT",
		 "norelaying"},
		{"5.7.1", "550",
		 "550-Please turn on SMTP Authentication in your mail client. host.example.net "
		 "[192.0.2.10]:51234 is not permitted to relay through this server without "
		 "authentication.",
		 "RCPT", "norelaying"},
		/* A user unknown whose postmaster URL names a block list page. */
		{"5.1.1", "550",
		 "550 5.1.1 <x@example.net>: Recipient address rejected: User unknown. Postmaster "
		 "information: https://postmaster.example.net/policy/blocklist.html",
		 "RCPT", "userunknown"},
		/* Mailbox full with advice about the sending server. */
		{"4.2.2", "452", "452 4.2.2 Mailbox full; please check your server's retry policy",
		 "RCPT", "mailboxfull"},
		/* What the blocked words are for, beside others' words. */
		{NULL, "554",
		 "554 Service unavailable; Client host [192.0.2.10] blocked using Barracuda "
		 "Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.10",
		 "RCPT", "blocked"},
		{NULL, "554",
		 "554-gmx.net (mxgmx017) Nemesis ESMTP Service not available 554-No SMTP service "
		 "554-IP address is block listed. 554 For explanation visit "
		 "https://postmaster.gmx.net/en/case?c=r0301&i=ip&v=192.0.2.10&r=1ABCDE-1FGHIJ",
		 "CONN", "blocked"},
		{"4.7.1", "450",
		 "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.10]", "RCPT",
		 "requireptr"},
		{"5.7.1", "554",
		 "554 5.7.1 <unknown[192.0.2.10]>: Client host rejected: Access denied", "RCPT",
		 "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Message rejected: sender IP 192.0.2.10 is listed at zen.spamhaus.org",
		 "RCPT", "blocked"},
	};
	CHECK(cases);
}

/* Words of a verdict that occur in a quoted address: the recipient's own
 * local part ("dmarc-reports@", "spam@") is no authentication failure and
 * no spam. */
static void test_words_in_addresses(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550 5.1.1 <dmarc-reports@example.com>: Recipient address rejected: User unknown "
		 "in virtual mailbox table",
		 "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 <spam@example.com>... User unknown", "RCPT",
		 "userunknown"},
		{"5.2.2", "552", "552 5.2.2 <spf-reports@example.org>: mailbox full", "RCPT",
		 "mailboxfull"},
		{NULL, "550", "550 <dkim@example.org>: No such user here", "RCPT", "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 <blacklist-removal@example.net>: Recipient address rejected: User "
		 "unknown in local recipient table",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* rejected: "sender not allowed", "envelope sender", "bad sender" (which
 * is also badreputation's), "temporarily deferred due to". */
static void test_sender_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Yahoo: the envelope sender's domain does not resolve. */
		{NULL, "451",
		 "451 Message temporarily deferred due to unresolvable RFC.5321 from domain", NULL,
		 "rejected"},
		/* A sender address refused for its syntax, without an enhanced
		 * code: not the sender's reputation. */
		{NULL, "553", "553 Bad sender address syntax", "MAIL", "rejected"},
		{"5.1.7", "553",
		 "553-5.1.7 The sender address <bob@example> is not a valid RFC 5321 address.",
		 "MAIL", "rejected"},
		{"5.1.3", "553",
		 "553-5.1.3 The recipient address <bob at example.com> is not a valid RFC 5321 "
		 "address.",
		 "RCPT", "userunknown"},
		/* Exim's sender callout quotes the user unknown it got back: the
		 * sender was refused. */
		{"5.0.0", "550",
		 "550-Verification failed for <bob@example.com> 550-Called: 192.0.2.20 550-Sent: "
		 "RCPT TO:<bob@example.com> 550-Response: 550 5.1.1 User unknown 550 Sender verify "
		 "failed",
		 "RCPT", "rejected"},
		{"5.7.1", "554",
		 "554 5.7.1 <bob@example.com>: Sender address rejected: Access denied", "RCPT",
		 "rejected"},
		/* Exim's SPF ACL in answer to MAIL FROM: authentication. */
		{"5.7.1", "550",
		 "550 [SPF] 192.0.2.10 is not allowed to send mail from example.com. Please see "
		 "http://www.open-spf.org/Why?scope=mfrom;identity=bob@example.com;ip=192.0.2.10",
		 "MAIL", "authfailure"},
	};
	CHECK(cases);
}

/* badreputation: "reputation", "temporarily deferred due to"; spamdetected:
 * "spam"; virusdetected: "virus", "clamav"; filtered: "content filter";
 * policyviolation: "prohibited", "policy"; contenterror: "content". */
static void test_content_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Gmail: the sending IP's reputation, whatever "spam" and
		 * "blocked" words follow. */
		{"4.7.0", "421",
		 "421-4.7.0 [192.0.2.10] Our system has detected that this message is suspicious "
		 "due to the very low reputation of the sending IP address. To best protect our "
		 "users from spam, the message has been blocked.",
		 "DATA", "badreputation"},
		/* amavis could not scan: its own trouble, not a virus found. */
		{"4.5.0", "451",
		 "451 4.5.0 Error in processing, id=12345-07, virus_scan FAILED: virus_scan: ALL "
		 "VIRUS SCANNERS FAILED",
		 "DATA", "systemerror"},
		/* A full mailbox whose advice names the spam folder. */
		{NULL, "552",
		 "552 Quota exceeded: please empty the Trash and Spam folders of this mailbox",
		 "RCPT", "mailboxfull"},
		/* A content filter that names what it found. */
		{"5.7.1", "554",
		 "554 5.7.1 Message rejected by content filter: virus found (Eicar-Test-Signature)",
		 "DATA", "virusdetected"},
		/* Content refused for its MIME form, not as spam. */
		{"5.6.0", "554", "554 5.6.0 Message content rejected: invalid MIME structure",
		 "DATA", "contenterror"},
		/* An attachment type refused, whatever "prohibited" suggests. */
		{"5.7.1", "550", "550 5.7.1 Prohibited attachment type (.exe): message rejected",
		 "DATA", "contenterror"},
		/* rspamd's symbols name SPF, DKIM and DMARC results that passed. */
		{"5.7.1", "554",
		 "554 5.7.1 Spam message rejected; symbols: BAYES_SPAM, DMARC_POLICY_ALLOW, "
		 "R_SPF_ALLOW, R_DKIM_ALLOW",
		 "DATA", "spamdetected"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.10] Our system has detected that this message is likely "
		 "unsolicited mail. To reduce the amount of spam sent to Gmail, this message has "
		 "been blocked.",
		 "DATA", "spamdetected"},
		/* Policy words that say what the policy is about. */
		{"5.7.9", "554",
		 "554 5.7.9 Message not accepted for policy reasons. See "
		 "https://senders.yahooinc.com/error-codes",
		 "DATA", "policyviolation"},
		{"5.7.520", "550",
		 "550 5.7.520 Access denied, Your organization does not allow external forwarding. "
		 "Please contact your administrator for further assistance. AS(7555)",
		 "RCPT", "policyviolation"},
		{NULL, "554",
		 "554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation "
		 "visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v=192.0.2.10&r=1ABCDE",
		 "DATA", "policyviolation"},
		{"5.7.1", "554", "554 5.7.1 Relay rejected for policy reasons.", "RCPT",
		 "norelaying"},
		{"5.7.1", "554", "554 5.7.1 Message could not be delivered for policy reasons",
		 "DATA", "policyviolation"},
		/* "Transaction failed" says nothing; the words after it do. */
		{NULL, "554", "554 Transaction failed: Duplicate header 'Subject'.", "DATA",
		 "notcompliantrfc"},
	};
	CHECK(cases);
}

/* mailboxfull: "quota", "exceeded ... quota"; mesgtoobig: "size limit",
 * "too large"; speeding: "relay quota", "too many messages"; toomanyconn:
 * "too many recipients".  A quota is the mailbox's only when the words say
 * so; a sender's sending quota is a rate. */
static void test_quota_and_size_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Gmail's daily sending quota of the sending account. */
		{"5.4.5", "550", "550 5.4.5 Daily user sending quota exceeded. - gsmtp", NULL,
		 "speeding"},
		/* Amazon SES's own sending quota. */
		{NULL, "454", "454 Throttling failure: Daily message quota exceeded.", NULL,
		 "speeding"},
		/* A submission service's quota of the sending account. */
		{"5.7.1", "554",
		 "554 5.7.1 <bob@example.com>: Recipient address rejected: You have exceeded your "
		 "Outmail quota.",
		 "RCPT", "speeding"},
		{NULL, "550", "550 You have exceeded your relay quota for today", "RCPT",
		 "speeding"},
		/* The mailbox's size limit is the mailbox's fill, not the
		 * message's size. */
		{NULL, "552", "552 Mailbox size limit exceeded", "RCPT", "mailboxfull"},
		{"5.2.2", "552", "552 5.2.2 Mailbox size limit exceeded", "RCPT", "mailboxfull"},
		{NULL, "552", "552 Message size exceeds maximum permitted", "DATA", "mesgtoobig"},
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
		 "DATA", "exceedlimit"},
		{NULL, "552", "552 Requested mail action aborted: exceeded storage allocation",
		 "RCPT", "mailboxfull"},
		{NULL, "452", "452 Requested action not taken: insufficient system storage", "RCPT",
		 "systemfull"},
		{NULL, "550", "550 Mailbox has too many messages; the owner must delete some",
		 "RCPT", "mailboxfull"},
		{"4.5.3", "452", "452 4.5.3 Too many recipients", "RCPT", "toomanyconn"},
	};
	CHECK(cases);
}

/* userunknown's broad phrases, which come late but catch much: "delivery
 * to the following recipient failed permanently" (Gmail's heading, whose
 * reason follows it), "bad destination" (the mailbox's, not the system's),
 * "not listed in". */
static void test_user_unknown_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.2", NULL,
		 "Delivery to the following recipient failed permanently: bob@example.invalid "
		 "Technical details of permanent failure: DNS Error: Domain name not found",
		 NULL, "hostunknown"},
		{NULL, NULL,
		 "Delivery to the following recipient failed permanently: bob@example.com "
		 "Technical details of permanent failure: The recipient server did not accept our "
		 "requests to connect. [mx.example.com. 192.0.2.20: timed out]",
		 NULL, "expired"},
		{"5.1.1", "550",
		 "Delivery to the following recipient failed permanently: bob@example.com "
		 "Technical details of permanent failure: 550 5.1.1 The email account that you "
		 "tried to reach does not exist.",
		 NULL, "userunknown"},
		/* RFC 3463's text for X.1.2 is the destination system. */
		{"5.1.2", "550", "550 5.1.2 Bad destination system address", "RCPT", "hostunknown"},
		{"5.1.1", "550", "550 5.1.1 Bad destination mailbox address", "RCPT",
		 "userunknown"},
		/* "not listed in" a sender's SPF record is no user unknown. */
		{"5.7.1", "550",
		 "550 5.7.1 Mail server 192.0.2.10 is not listed in the SPF record of example.com",
		 "MAIL", "authfailure"},
		{"5.1.1", "550",
		 "550 5.1.1 User jdoe (jdoe@example.com) not listed in Domino Directory", "RCPT",
		 "userunknown"},
		/* Mailbox unavailable with a code that says it is disabled. */
		{"5.2.1", "550", "550-5.2.1 The email account that you tried to reach is disabled.",
		 "RCPT", "suspend"},
		{"5.4.1", "550",
		 "550 5.4.1 Recipient address rejected: Access denied. For more information see "
		 "https://aka.ms/EXOSmtpErrors",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* expired's "could not be delivered for", "timeout"; filtered's "受信拒否"
 * in a Japanese notice's advice: the notice's own verdict decides. */
static void test_notice_advice(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.4.7", NULL,
		 "一定時間内に配信できませんでした。宛先のメールアドレスに誤りがないか、"
		 "受信拒否の設定がされていないかご確認ください。",
		 NULL, "expired"},
		{"5.2.2", NULL,
		 "相手先のメールボックスの容量がいっぱいのため配信できませんでした。"
		 "迷惑メール設定をご確認ください。",
		 NULL, "mailboxfull"},
		{"4.4.7", NULL, "retry timeout exceeded", NULL, "expired"},
		{NULL, "550",
		 "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* "try again later" and "sender not allowed": words that come with many
 * refusals; the reason is what the rest of the reply names. */
static void test_generic_refusal_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.2", "421", "421 4.3.2 System not accepting network messages, try again later",
		 "CONN", "systemerror"},
		{"4.7.0", "421",
		 "421 4.7.0 Too many concurrent SMTP connections; please try again later", "CONN",
		 "toomanyconn"},
		{"4.2.2", "452", "452 4.2.2 Mailbox full, try again later", "RCPT", "mailboxfull"},
		{"5.7.1", "550",
		 "550 5.7.1 <list@example.org>: sender not allowed to post to this list", "RCPT",
		 "rejected"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocked_words),
		cmocka_unit_test(test_words_in_addresses),
		cmocka_unit_test(test_sender_words),
		cmocka_unit_test(test_content_words),
		cmocka_unit_test(test_quota_and_size_words),
		cmocka_unit_test(test_user_unknown_words),
		cmocka_unit_test(test_notice_advice),
		cmocka_unit_test(test_generic_refusal_words),
	};
	return cmocka_run_group_tests_name("rule precision", tests, load_defaults, free_defaults);
}
