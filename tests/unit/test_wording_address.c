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

/* No such mailbox: said in answer to RCPT TO, or with an address status. */
static void test_userunknown(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550 5.1.1 <bob@example.com>: Email address could not be found, or was misspelled (G8)",
		 "RCPT", "userunknown"},
		{NULL, "550", "550 Invalid mailbox: bob@example.com", "RCPT", "userunknown"},
		{NULL, "550", "550 5.1.1 recipient is not exist", "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 user is not exist in this domain", NULL, "userunknown"},
		{NULL, "550", "550 Sorry, this address is not valid", "RCPT", "userunknown"},
		{NULL, "550", "550 unknown user account", "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 User does not exist - <bob@example.com>", "RCPT",
		 "userunknown"},
		{"5.1.3", "553",
		 "553-5.1.3 The recipient address <bob at example.com> is not a valid RFC-5321 address.",
		 "RCPT", "userunknown"},
		{NULL, "550", "550 This mailbox does not exist here", "RCPT", "userunknown"},
		{NULL, "550", "550 Recipient does not exist here", "RCPT", "userunknown"},
		{NULL, "550", "550 <bob@example.com>: user not found", "RCPT", "userunknown"},
		{"5.1.1", "550", "550 5.1.1 That recipient is not known here", NULL, "userunknown"},
		{NULL, "550", "550 No mailbox by that name is currently available", "RCPT",
		 "userunknown"},
		{NULL, "550", "550 User has no mailbox on this server", "RCPT", "userunknown"},
		{NULL, "552", "552 1 Requested mail action aborted, mailbox not found", "RCPT",
		 "userunknown"},
		{"5.1.1", "550", "550 5.1.1 <bob@example.com> User doesn't exist: bob@example.com",
		 NULL, "userunknown"},
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox. Local mailbox bob@example.com is unavailable: user not found",
		 "RCPT", "userunknown"},
		{NULL, "550", "550 User not found: bob@example.com", "RCPT", "userunknown"},
		{"5.1.1", NULL, "unknown user: \"bob\"", "LOCAL", "userunknown"},
		{NULL, "550",
		 "550 Requested action not taken: mailbox unavailable (3205760022:3214)", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
	assert_true(hard("5.1.1", "550", "550 5.1.1 Mailbox not found", NULL));
}

/* The recipient's domain or host does not exist. */
static void test_hostunknown(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.4.4", NULL,
		 "Host or domain name not found. Name service error for name=example.invalid type=AAAA: Host not found",
		 NULL, "hostunknown"},
		{"5.1.2", "550",
		 "550 5.1.2 <bob@example.invalid>... Host unknown (Name server: example.invalid: host not found)",
		 NULL, "hostunknown"},
		{"5.1.2", NULL,
		 "DNS Error: Address resolution of example.invalid. failed: Domain name not found",
		 NULL, "hostunknown"},
		{"5.4.4", "554", "554 5.4.4 [internal] Domain Lookup Failed", NULL, "hostunknown"},
		{"5.1.2", NULL, "Unrouteable mail domain \"example.invalid\"", NULL, "hostunknown"},
		{"5.4.4", NULL, "R=dnslookup: domain not found", NULL, "hostunknown"},
		{"5.1.2", NULL,
		 "DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN",
		 NULL, "hostunknown"},
		{"5.1.2", "550", "550 5.1.2 Hostname could not be resolved", NULL, "hostunknown"},
		{"5.4.4", NULL, "5.4.4 Unable to route: domain example.invalid does not exist",
		 NULL, "hostunknown"},
		{"5.1.2", NULL, "The domain example.invalid could not be found", NULL,
		 "hostunknown"},
		{"5.1.2", NULL, "Recipient domain has no DNS records", NULL, "hostunknown"},
		{"5.1.2", "550", "550 5.1.2 Unknown host example.invalid", NULL, "hostunknown"},
		{"5.4.4", NULL, "No DNS records exist for the domain example.invalid", NULL,
		 "hostunknown"},
		{"5.1.2", NULL, "getaddrinfo: nodename nor servname provided, or not known", NULL,
		 "hostunknown"},
		{"5.1.2", NULL, "Name server: example.invalid.: host not found", NULL,
		 "hostunknown"},
		{"5.4.4", NULL,
		 "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found",
		 NULL, "hostunknown"},
		{"5.1.2", "550", "550 5.1.2 Domain example.invalid not found", NULL, "hostunknown"},
		{"5.1.2", NULL, "The domain you attempted to contact does not exist", NULL,
		 "hostunknown"},
	};
	CHECK(cases);
	assert_true(hard("5.1.2", "550", "550 5.1.2 Bad destination system address", NULL));
}

/* The domain takes no mail at all: a null MX (RFC 7505), 521 or 556. */
static void test_notaccept(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.10", NULL, "Domain example.com does not accept mail (nullMX)", NULL,
		 "notaccept"},
		{NULL, "521", "521 Server does not accept mail", "CONN", "notaccept"},
		{NULL, "554", "554 No SMTP service here", "CONN", "notaccept"},
		{"5.1.10", "550",
		 "550 5.1.10 <bob@example.com>: Recipient address rejected: Domain example.com has null MX",
		 "RCPT", "notaccept"},
		{NULL, "521", "521 mail.example.com does not receive mail", "CONN", "notaccept"},
		{"5.1.10", NULL,
		 "The domain example.com publishes a null MX record and accepts no email", NULL,
		 "notaccept"},
		{NULL, "556", "556 5.1.10 Domain example.com does not receive email", "RCPT",
		 "notaccept"},
		{"5.1.10", NULL, "Domain example.com has a null MX: it does not accept mail", NULL,
		 "notaccept"},
		{NULL, "521", "521 5.3.2 This host does not accept email", "CONN", "notaccept"},
		{"5.1.10", NULL, "MX lookup for example.com returned a null MX (RFC 7505)", NULL,
		 "notaccept"},
		{NULL, "521", "521 This server accepts no mail", "CONN", "notaccept"},
		{"5.1.10", NULL, "DNS Error: Domain example.com does not accept email", NULL,
		 "notaccept"},
		{NULL, "521", "521 Machine does not accept mail", "CONN", "notaccept"},
		{"5.1.10", NULL, "Recipient domain example.com has a null MX record", NULL,
		 "notaccept"},
		{NULL, "556", "556 5.1.10 This domain does not receive mail (null MX)", "RCPT",
		 "notaccept"},
		{"5.1.10", "550", "550 5.1.10 Domain example.com does not accept email", "RCPT",
		 "notaccept"},
		{NULL, "521", "521 5.3.2 example.com accepts no mail", "CONN", "notaccept"},
		{"5.1.10", NULL,
		 "Domain example.com publishes a null MX: no mail is accepted for it", NULL,
		 "notaccept"},
	};
	CHECK(cases);
}

/* The mailbox is over its quota. */
static void test_mailboxfull(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.2", "552",
		 "552 5.2.2 <bob@example.com> Quota exceeded (mailbox for user is full)", NULL,
		 "mailboxfull"},
		{"5.2.2", NULL, "Recipient's mailbox is full, message returned to sender. (#5.2.2)",
		 NULL, "mailboxfull"},
		{NULL, "552", "552 Mail quota exceeded.", "RCPT", "mailboxfull"},
		{NULL, "552", "552 Mailbox has exceeded the limit", "RCPT", "mailboxfull"},
		{"5.2.2", "552", "552 5.2.2 Storage quota exceeded", NULL, "mailboxfull"},
		{NULL, NULL, "The recipient's inbox is full and can't accept messages now.", NULL,
		 "mailboxfull"},
		{"4.2.2", "452", "452 4.2.2 Insufficient space in mailbox", "RCPT", "mailboxfull"},
		{NULL, "552", "552 Message would exceed mailbox quota", "DATA", "mailboxfull"},
		{"4.2.2", "452", "452 4.2.2 Not enough free space in mailbox", NULL, "mailboxfull"},
		{NULL, "552",
		 "552 The user's mailbox has insufficient space to receive this message", "RCPT",
		 "mailboxfull"},
		{"5.2.2", NULL,
		 "cannot update mailbox /var/mail/bob for user bob. error writing message: Disk quota exceeded",
		 NULL, "mailboxfull"},
		{"4.2.2", "452", "452 4.2.2 User's mailbox is over the allowed size", NULL,
		 "mailboxfull"},
		{NULL, "552", "552 Recipient has reached their storage limit", "RCPT",
		 "mailboxfull"},
		{"5.2.2", "552", "552 5.2.2 The recipient's mailbox has run out of space", NULL,
		 "mailboxfull"},
		{NULL, "452", "452 Mailbox over quota, try again later", "RCPT", "mailboxfull"},
		{"5.2.2", NULL,
		 "mailbox is full (MTA-imposed quota exceeded while writing to file /var/mail/bob)",
		 NULL, "mailboxfull"},
		{"5.2.2", NULL, "cannot append message to file /var/mail/bob: File too large",
		 "LOCAL", "mailboxfull"},
		{"5.2.2", NULL, "maildir delivery failed: Disk quota exceeded", NULL,
		 "mailboxfull"},
		{NULL, "552", "552 Message was not accepted -- mailbox is full", "RCPT",
		 "mailboxfull"},
		{"4.2.2", "452", "452 4.2.2 Recipient mailbox is full, try again later", NULL,
		 "mailboxfull"},
	};
	CHECK(cases);
	assert_false(hard("5.2.2", "550", "550 5.2.2 Over quota", NULL));
}

/* Over a size limit set for the mailbox (RFC 3463 X.2.3). */
static void test_exceedlimit(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.RecipSizeLimit_10MB; message length exceeds the maximum size allowed for this recipient",
		 NULL, "exceedlimit"},
		{"5.2.3", NULL, "The message exceeds the size limit set for this mailbox", NULL,
		 "exceedlimit"},
		{NULL, "552", "552 Message exceeds the recipient's size limit", "DATA",
		 "exceedlimit"},
		{"5.2.3", "552", "552 5.2.3 Message exceeds maximum size allowed for recipient",
		 NULL, "exceedlimit"},
		{NULL, "552", "552 The message is larger than the recipient's mailbox size limit",
		 "DATA", "exceedlimit"},
		{"5.2.3", NULL, "The recipient's mailbox does not accept messages of this size",
		 NULL, "exceedlimit"},
		{"4.2.3", "452", "452 4.2.3 Per-mailbox message length limit exceeded", NULL,
		 "exceedlimit"},
		{NULL, "552", "552 Message size exceeds the limit set by the recipient", "DATA",
		 "exceedlimit"},
		{"5.2.3", NULL, "Message too large for this recipient's mailbox", NULL,
		 "exceedlimit"},
		{"5.2.3", "550",
		 "550 5.2.3 Message exceeds the maximum message size this recipient accepts", NULL,
		 "exceedlimit"},
		{"5.2.3", NULL, "Message too large. Recipient cannot receive messages this big",
		 NULL, "exceedlimit"},
		{NULL, "552", "552 Message size exceeds the limit for this mailbox", "DATA",
		 "exceedlimit"},
		{"5.2.3", "552", "552 5.2.3 Message exceeds the recipient's maximum receive size",
		 NULL, "exceedlimit"},
	};
	CHECK(cases);
}

/* The message is larger than the server accepts. */
static void test_mesgtoobig(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.3.4", NULL,
		 "message size 31457280 exceeds size limit 20971520 of server mx.example.com[192.0.2.1]",
		 NULL, "mesgtoobig"},
		{"5.3.4", "554", "554 5.3.4 Message too big for system", NULL, "mesgtoobig"},
		{NULL, "552", "552 The size of the message exceeds the maximum allowed", "DATA",
		 "mesgtoobig"},
		{NULL, "552", "552 Transaction failed: message larger than allowed", "DATA",
		 "mesgtoobig"},
		{NULL, "534", "534 Message too big", "DATA", "mesgtoobig"},
		{NULL, "552", "552 Message rejected: email size exceeds the limit", "DATA",
		 "mesgtoobig"},
		{"5.3.4", "552", "552 5.3.4 Message exceeds the maximum size", NULL, "mesgtoobig"},
		{NULL, "552", "552 Message is bigger than the 25 MB this server accepts", "DATA",
		 "mesgtoobig"},
		{NULL, "552",
		 "552 SIZE=52428800 exceeds the maximum message size of 26214400 bytes", "MAIL",
		 "mesgtoobig"},
		{"5.3.4", NULL, "Message body too large", NULL, "mesgtoobig"},
		{NULL, "552", "552 Mail data too big", "DATA", "mesgtoobig"},
		{NULL, "552", "552 Requested mail action aborted: exceeded mailsize limit", "DATA",
		 "mesgtoobig"},
		{"5.3.4", "552", "552 5.3.4 Message too large; maximum size is 20 MB", "DATA",
		 "mesgtoobig"},
		{NULL, "552", "552 Message exceeds the size limit of this server", "DATA",
		 "mesgtoobig"},
		{"5.3.4", NULL, "The message is too large for the remote mail server", NULL,
		 "mesgtoobig"},
		{NULL, "552", "552 5.3.4 Maximum message size exceeded", "DATA", "mesgtoobig"},
		{NULL, "523", "523 5.3.4 Message length exceeds the server limit", "DATA",
		 "mesgtoobig"},
		{"5.3.4", "552",
		 "552 5.3.4 Message size of 31457280 bytes exceeds the 26214400 byte limit", NULL,
		 "mesgtoobig"},
		{NULL, "552", "552 Message body exceeds the maximum allowed size", "DATA",
		 "mesgtoobig"},
		{NULL, "552",
		 "552 Attachment too large: the message exceeds the server's maximum message size",
		 "DATA", "mesgtoobig"},
	};
	CHECK(cases);
}

/* The recipient moved (RFC 5321 551). */
static void test_hasmoved(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "551", "551 User not local; please try <bob@new.example>", "RCPT",
		 "hasmoved"},
		{"5.1.6", "551",
		 "551 5.1.6 Recipient address has moved; please try <bob@new.example>", "RCPT",
		 "hasmoved"},
		{NULL, "551", "551 User has moved; please try <bob@new.example>", "RCPT",
		 "hasmoved"},
		{NULL, "550", "550 The user has moved to a new address: bob@new.example", "RCPT",
		 "hasmoved"},
		{"5.1.6", "550", "550 5.1.6 Recipient addresses in this domain have moved", NULL,
		 "hasmoved"},
		{NULL, "551", "551 This user is no longer at this address", "RCPT", "hasmoved"},
		{NULL, "551", "551 The recipient has moved to a new email address", "RCPT",
		 "hasmoved"},
		{NULL, "550", "550 Address changed to bob@new.example", "RCPT", "hasmoved"},
		{"5.1.6", NULL, "Destination mailbox has moved, no forwarding address", NULL,
		 "hasmoved"},
		{NULL, "551", "551 User not local, please try bob@new.example", "RCPT", "hasmoved"},
		{NULL, "551", "551 Requested action not taken: mailbox not local", "RCPT",
		 "hasmoved"},
		{NULL, "550", "550 Mailbox has been relocated to another server", "RCPT",
		 "hasmoved"},
		{NULL, "551", "551 The person you are writing to has a new e-mail address", "RCPT",
		 "hasmoved"},
		{NULL, "551", "551 5.1.6 The user has relocated; please try bob@new.example",
		 "RCPT", "hasmoved"},
		{"5.1.6", NULL,
		 "This address is no longer in use; mail for bob now goes to bob@new.example", NULL,
		 "hasmoved"},
		{NULL, "551", "551 User not local", "RCPT", "hasmoved"},
		{NULL, "550", "550 Recipient moved to bob@new.example", "RCPT", "hasmoved"},
		{"5.1.6", "551", "551 5.1.6 Mailbox has moved to bob@new.example", NULL,
		 "hasmoved"},
		{NULL, "551", "551 This mailbox has moved; the new address is bob@new.example",
		 "RCPT", "hasmoved"},
		{NULL, "550", "550 User bob has a new address: bob@new.example", "RCPT",
		 "hasmoved"},
	};
	CHECK(cases);
}

/* The mailbox is disabled or suspended. */
static void test_suspend(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.1", "550", "550 5.2.1 Mailbox disabled, not accepting messages", NULL,
		 "suspend"},
		{"5.2.1", "550", "550 5.2.1 Mailbox not enabled for receiving", "RCPT", "suspend"},
		{NULL, "554", "554 delivery error: dd This account has been temporarily suspended",
		 "RCPT", "suspend"},
		{"5.2.1", "550",
		 "550 5.2.1 <bob@example.com>... Mailbox disabled for this recipient", NULL,
		 "suspend"},
		{"5.2.1", "550", "550 5.2.1 This mailbox has been blocked due to inactivity", NULL,
		 "suspend"},
		{"5.2.1", "550", "550 5.2.1 Account inactive", NULL, "suspend"},
		{NULL, "550", "550 Mailbox is inactive", "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 The account has been locked", NULL, "suspend"},
		{"5.2.1", "550",
		 "550 5.2.1 <bob@example.com>: Recipient address rejected: Account disabled",
		 "RCPT", "suspend"},
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox. Local mailbox bob@example.com is unavailable: account is disabled",
		 "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 User account expired", NULL, "suspend"},
		{NULL, "550", "550 This account has been deactivated", "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 This user's account is on hold", NULL, "suspend"},
		{"5.2.1", "550", "550 5.2.1 Recipient has been deactivated due to inactivity", NULL,
		 "suspend"},
		{NULL, "550", "550 Mailbox temporarily disabled", "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 Mailbox unavailable: account locked", NULL, "suspend"},
		{NULL, "550", "550 The mailbox is not active", "RCPT", "suspend"},
		{NULL, "550", "550 User account has been suspended for non-payment", "RCPT",
		 "suspend"},
		{"5.2.1", NULL, "The recipient's mailbox is disabled and cannot receive messages",
		 NULL, "suspend"},
		{NULL, "554",
		 "554 30 Sorry, your message to bob@example.com cannot be delivered. This mailbox is disabled (554.30).",
		 "RCPT", "suspend"},
		{"5.2.1", "550", "550 5.2.1 Mailbox cannot be accessed", NULL, "suspend"},
		{"5.2.1", "550", "550 5.2.1 The user you are trying to contact is inactive", NULL,
		 "suspend"},
	};
	CHECK(cases);
	assert_false(hard("5.2.1", "550", "550 5.2.1 Account inactive", NULL));
}

/* A filter on the recipient's side refused the message: "unknown" words
 * in answer to DATA or relayed with no stage and a non-address status,
 * and the recipient's own refusal of the sender. */
static void test_filtered(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554", "554 5.7.1 Message rejected by recipient's mail filter rules", "DATA",
		 "filtered"},
		{NULL, "550", "550 Mail to this user is blocked by their filter settings", "RCPT",
		 "filtered"},
		{NULL, "550", "550 5.7.1 The recipient has blocked the sender", "RCPT", "filtered"},
		{NULL, "550", "550 Sender is on the recipient's blocked senders list", "RCPT",
		 "filtered"},
		{NULL, "550", "550 This recipient has chosen not to receive messages from you",
		 "RCPT", "filtered"},
		{NULL, "550", "550 The message was rejected by the recipient's mailbox rules",
		 "DATA", "filtered"},
		{NULL, "550", "550 5.7.1 Message rejected due to recipient's content filtering",
		 "DATA", "filtered"},
		{NULL, "550", "550 Recipient is only accepting mail from specific email addresses",
		 "RCPT", "filtered"},
		{"5.7.1", "550", "550 5.7.1 Unknown user; message rejected by filter", NULL,
		 "filtered"},
		{NULL, "550", "550 Your message was rejected by a Sieve filter of the recipient",
		 "DATA", "filtered"},
		{"5.7.1", NULL, "The recipient's email filter refused this message", NULL,
		 "filtered"},
		{NULL, "550", "550 Message discarded by the recipient's filter", "DATA",
		 "filtered"},
		{NULL, "550", "550 Recipient has blocked your address", "RCPT", "filtered"},
		{"5.7.1", "554",
		 "554-5.7.1 The subscriber has blocked messages sent from email addresses.", "DATA",
		 "filtered"},
		{"5.7.1", "550", "550 5.7.1 Mail refused by the recipient's personal filter", NULL,
		 "filtered"},
		{NULL, "550", "550 The recipient has chosen to block your messages", "RCPT",
		 "filtered"},
		{NULL, "550", "550 Message blocked by the recipient's mail rules", "DATA",
		 "filtered"},
		{"5.7.1", NULL,
		 "Delivery refused: the recipient only accepts mail from their contacts", NULL,
		 "filtered"},
	};
	CHECK(cases);
	assert_false(hard("5.0.0", "550", "550 User unknown", NULL));
}

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
		cmocka_unit_test(test_userunknown), cmocka_unit_test(test_hostunknown),
		cmocka_unit_test(test_notaccept),   cmocka_unit_test(test_mailboxfull),
		cmocka_unit_test(test_exceedlimit), cmocka_unit_test(test_mesgtoobig),
		cmocka_unit_test(test_hasmoved),    cmocka_unit_test(test_suspend),
		cmocka_unit_test(test_filtered),    cmocka_unit_test(test_systemerror),
		cmocka_unit_test(test_systemfull),  cmocka_unit_test(test_mailererror),
		cmocka_unit_test(test_syntaxerror), cmocka_unit_test(test_networkerror),
		cmocka_unit_test(test_expired),
	};
	return cmocka_run_group_tests_name("wording: address", tests, load_defaults, free_defaults);
}
