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

/* virusdetected: "\bworm\b", "\bviral\b" and "virus ... found": a word of
 * the recipient's address or of a host name, and a scanner's stamp that
 * found nothing, are no virus found. */
static void test_virus_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* "worm" is the recipient's local part. */
		{"5.1.1", "550",
		 "550 5.1.1 <worm@example.edu>: Recipient address rejected: User unknown in local "
		 "recipient table",
		 "RCPT", "userunknown"},
		/* "viral" is a label of the recipient's domain. */
		{"5.2.2", "552", "552 5.2.2 <news@viral.example.com>: Mailbox full", "RCPT",
		 "mailboxfull"},
		/* "worm" is the name of the host that answers. */
		{"4.3.2", "421",
		 "421 4.3.2 worm.cs.example.edu System not accepting network messages", "CONN",
		 "systemerror"},
		/* A scanner's stamp beside another verdict: nothing was found. */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>... User unknown. No virus found in this message.",
		 "RCPT", "userunknown"},
		{"5.2.2", "552",
		 "552 5.2.2 Mailbox full (virus scanner found no threats; message not stored)",
		 "DATA", "mailboxfull"},
	};
	CHECK(cases);
}

/* spamdetected: "bulk e-?mail", "junk e-?mail": Yahoo's Bulk Mail and
 * Outlook's Junk Email are folders; a sending limit's advice names bulk
 * email services. */
static void test_bulk_and_junk_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.2.2", "452",
		 "452 4.2.2 Mailbox quota exceeded; the user can free space by emptying the Bulk "
		 "Mail and Trash",
		 "RCPT", "mailboxfull"},
		{"5.2.2", "552",
		 "552 5.2.2 Mailbox full: delete items from Deleted Items and Junk Email", "RCPT",
		 "mailboxfull"},
		{"5.4.5", "550",
		 "550 5.4.5 Daily user sending limit exceeded. For bulk email, use a bulk email "
		 "service.",
		 NULL, "speeding"},
	};
	CHECK(cases);
}

/* speeding: "\bratelimit" names a table or a plugin as often as a limit
 * reached; a lookup in it that failed is the server's own trouble. */
static void test_ratelimit_word(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.0", "451", "451 4.3.0 Temporary lookup failure in ratelimit database", "RCPT",
		 "systemerror"},
		{"5.1.1", "550",
		 "550 5.1.1 <ratelimit-alerts@example.net>: Recipient address rejected: User "
		 "unknown in virtual mailbox table",
		 "RCPT", "userunknown"},
		/* What the word is for. */
		{"4.7.1", "450", "450 4.7.1 Ratelimit exceeded for sender, try again later", "RCPT",
		 "speeding"},
		/* A volume limit refuses the service for the sender's volume, not a
		 * blocked IP; a mailbox's or a disk's volume limit is their storage. */
		{"4.7.1", "450",
		 "450 4.7.1 SFR_IN_105 Service refused due to bad behavior - Volume limit exceeded",
		 NULL, "speeding"},
		{"5.2.2", "552", "552 5.2.2 <a@example.net>: mailbox volume limit exceeded", "RCPT",
		 "mailboxfull"},
	};
	CHECK(cases);
}

/* suspend: "(account|mailbox) is not active", "(user|address) ... blocked",
 * "blocked by administrator" (also policyviolation's); hasmoved:
 * "relocated", "has a new address", "forwarding address".  A mailbox
 * blocked is the mailbox's, the sender's blocked address is the sender's,
 * a missing forwarding address is no move. */
static void test_account_state_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The account that failed to log in is the sender's. */
		{"5.7.8", "535", "535 5.7.8 Authentication failed: account is not active", "AUTH",
		 "securityerror"},
		/* The mailbox blocked by its administrator is suspended, not a
		 * policy of the message. */
		{"5.2.1", "550", "550 5.2.1 <bob@example.com>: Account blocked by administrator",
		 "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 Mailbox blocked by admin", "RCPT", "suspend"},
		/* No such user, and no forwarding address either. */
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: no such user here and no forwarding address on file",
		 "RCPT", "userunknown"},
		/* The mail server's own new address beside a refusal to relay. */
		{"5.7.1", "554",
		 "554 5.7.1 <bob@example.net>: Relay access denied; this mail server has a new "
		 "address, use smtp.example.com",
		 "RCPT", "norelaying"},
		/* What the words are for. */
		{"5.1.6", "550", "550 5.1.6 Mailbox has been relocated", "RCPT", "hasmoved"},
		{"5.2.1", "550", "550 5.2.1 The account is not active", "RCPT", "suspend"},
	};
	CHECK(cases);
}

/* policyviolation: "(denied|rejected|refused|blocked) by ... policy",
 * "by (the )?administrator", "acceptable use policy": the reply that says
 * what the policy refused (a relay, a size, the sending IP) or that names
 * the policy only in its advice has that reason. */
static void test_by_policy_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554", "554 5.7.1 <bob@example.net>: Relay access denied by policy",
		 "RCPT", "norelaying"},
		{"5.3.4", "552",
		 "552 5.3.4 Message size exceeds fixed limit; rejected by size policy", "DATA",
		 "mesgtoobig"},
		{"5.2.2", "552",
		 "552 5.2.2 <bob@example.net>: Mailbox full. See our acceptable use policy at "
		 "https://www.example.net/aup",
		 "RCPT", "mailboxfull"},
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.net>: User unknown. Acceptable use policy: "
		 "https://www.example.net/aup",
		 "RCPT", "userunknown"},
		{NULL, "554",
		 "554 Your IP 192.0.2.10 has been blocked by the administrator; it is listed at "
		 "zen.spamhaus.org",
		 "CONN", "blocked"},
		{"5.7.0", "530", "530 5.7.0 Authentication required by policy", "MAIL",
		 "securityerror"},
		/* What the words are for. */
		{"5.7.1", "550", "550 5.7.1 Message rejected by policy", "DATA", "policyviolation"},
		{"5.7.1", "550", "550 5.7.1 Message refused by administrator", "DATA",
		 "policyviolation"},
	};
	CHECK(cases);
}

/* filtered: "(recipient|user)'?s? ... (filters?|rules)", "blocked senders?
 * list", "(recipient|user) (is )?only accept(s|ing) mail": a loop that
 * the user's rules made, the server's own list of refused senders' IPs,
 * a recipient that takes mail only over TLS. */
static void test_recipient_rule_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.4.14", "554",
		 "554 5.4.14 Hop count exceeded - possible mail loop caused by the user's mailbox "
		 "rules",
		 "DATA", "networkerror"},
		{"5.7.1", "550",
		 "550 5.7.1 Connection refused: the IP address 192.0.2.10 is on this server's "
		 "blocked senders list",
		 "CONN", "blocked"},
		{"5.7.10", "530",
		 "530 5.7.10 This recipient only accepts mail over an encrypted connection; TLS is "
		 "required for this domain",
		 "RCPT", "securityerror"},
		/* What the words are for. */
		{"5.7.1", "550", "550 5.7.1 Message rejected by the recipient's mailbox rules",
		 "DATA", "filtered"},
		{"5.7.1", "550", "550 5.7.1 Recipient has blocked your address", "RCPT",
		 "filtered"},
	};
	CHECK(cases);
}

/* blocked: "(?<!not )listed (at|in|on|by)"; spamdetected: "links? listed
 * (in|on)": a recipient no longer (or "isn't") listed in the directory is
 * unknown, an address or a link listed in the text of the reply is no
 * listing of the sender. */
static void test_listed_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550", "550 5.1.1 <bob@example.com>: User isn't listed in the directory",
		 "RCPT", "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 Recipient <bob@example.com> is no longer listed in our directory",
		 "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 The address listed in RCPT TO does not exist", "RCPT",
		 "userunknown"},
		{"5.1.1", "550",
		 "550 5.1.1 Unknown user; to reach our staff use the addresses listed on "
		 "https://www.example.org/contact",
		 "RCPT", "userunknown"},
		{"5.2.2", "552",
		 "552 5.2.2 Mailbox full. For help, see the links listed on "
		 "https://support.example.com/mail",
		 "RCPT", "mailboxfull"},
		/* What the word is for. */
		{"5.7.1", "554", "554 5.7.1 Your IP 192.0.2.10 is listed in SpamCop", "CONN",
		 "blocked"},
	};
	CHECK(cases);
}

/* authfailure: "\bspf\b", "domainkeys?\b": a DNS lookup that failed for
 * now while the server checked SPF or a DomainKeys record is DNS trouble
 * (networkerror, the name server's timeout); a host named after the record
 * is no verdict. */
static void test_auth_record_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.4.3", "451", "451 4.4.3 Temporary DNS error while checking SPF record", "MAIL",
		 "networkerror"},
		{"4.4.3", "451",
		 "451 4.4.3 Temporary DNS error: selector1._domainkey.example.com did not answer",
		 "DATA", "networkerror"},
		{"5.1.1", "550", "550 5.1.1 <bob@example.com>... User unknown (spf.mx.example.com)",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* requireptr: "no matching host ?name"; userunknown: "(?<!sender )address
 * is not valid": a certificate without the host's name is a failed TLS
 * verification; a From address not valid in answer to MAIL is the
 * sender's. */
static void test_name_and_address_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.5", "454",
		 "454 4.7.5 TLS certificate verification failed: no matching hostname in "
		 "certificate for mx.example.com",
		 NULL, "failedstarttls"},
		{"5.1.7", "553", "553 5.1.7 The From address is not valid", "MAIL", "rejected"},
	};
	CHECK(cases);
}

/* systemerror: "local problem", "server (is )?not responding"; the other
 * verdict beside them decides. */
static void test_local_problem_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.2.2", "452",
		 "452 4.2.2 Mailbox full; if you think this is a local problem, contact the "
		 "postmaster",
		 "RCPT", "mailboxfull"},
		{"4.4.3", "451", "451 4.4.3 DNS server not responding", NULL, "networkerror"},
		{"4.3.0", "451", "451 4.3.0 Temporary local problem - please try later", "RCPT",
		 "systemerror"},
	};
	CHECK(cases);
}

/* Words of other languages that are also ordinary words: Portuguese
 * "contato" (contact) holds "conta" (account); a quota of the sender's
 * sending ("quota d'envoi", "cuota de envío") is no mailbox's. */
/* "Does not accept mail" names a domain that takes no mail at all
 * (notaccept) only when nothing narrows it: a server that does not accept
 * mail FROM the sender or its IP refuses the sender. */
static void test_accepts_no_mail_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.10", "556",
		 "556 5.1.10 Recipient address rejected: Domain example.org does not accept mail "
		 "(nullMX)",
		 "RCPT", "notaccept"},
		{NULL, "550", "550 This domain does not accept mail", "RCPT", "notaccept"},
		{"5.7.1", "550", "550 5.7.1 This server does not accept mail from your IP address",
		 "CONN", "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 We are not accepting mail from 192.0.2.7 (listed at a DNSBL)", "CONN",
		 "blocked"},
		{"5.7.1", "554", "554 5.7.1 example.org doesn't accept mail from your address",
		 "MAIL", "rejected"},
	};
	CHECK(cases);
}

static void test_foreign_ordinary_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550",
		 "550 5.7.1 Entre em contato: mensagem bloqueada como lixo eletrônico", "DATA",
		 "spamdetected"},
		{"5.7.28", "550", "550 5.7.28 Quota d'envoi de l'expéditeur dépassé", NULL,
		 "speeding"},
		{"5.7.28", "550", "550 5.7.28 Cuota de envío del remitente superada", NULL,
		 "speeding"},
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
		cmocka_unit_test(test_virus_words),
		cmocka_unit_test(test_bulk_and_junk_words),
		cmocka_unit_test(test_ratelimit_word),
		cmocka_unit_test(test_account_state_words),
		cmocka_unit_test(test_by_policy_words),
		cmocka_unit_test(test_recipient_rule_words),
		cmocka_unit_test(test_listed_words),
		cmocka_unit_test(test_auth_record_words),
		cmocka_unit_test(test_name_and_address_words),
		cmocka_unit_test(test_local_problem_words),
		cmocka_unit_test(test_foreign_ordinary_words),
		cmocka_unit_test(test_accepts_no_mail_words),
	};
	return cmocka_run_group_tests_name("rule precision", tests, load_defaults, free_defaults);
}
