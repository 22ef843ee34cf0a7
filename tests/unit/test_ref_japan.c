/* test_ref_japan.c: the replies Japanese carriers, ISPs and hosting
 * providers list in their help pages on returned mail (WILLCOM's pdx.ne.jp,
 * @nifty, Energia's MEGA EGG, BBIQ, Hosting Ace, KAGOYA, SAKURA, GMO
 * Pepabo's Goope, ASAHI Net, Chupicom, hocoroco, So-net's rental servers,
 * the POP-before-SMTP providers), one case per reply, with the reason the
 * provider's stated cause calls for.  Replies other tests already hold
 * (docomo's "Unknown user" and "Line Too Long", qmail's databytes, rcpthosts
 * and looping replies, Postfix's size-limit and name-service wording) are
 * not repeated.  Left out as honestly ambiguous: Yahoo! JAPAN's "Message
 * expired ... Remote host said: 454 4.7.1 Relay access denied" (retries run
 * out on a relay refusal), a hosting provider's "Client host rejected:
 * Access denied" given for mail sent without SMTP AUTH, the bare "temporary
 * failure" that one provider says is mostly a full mailbox, sendmail's
 * "Can't create output" that NTT's hosting gives for a full mailbox, and
 * "Invalid recipient" where a cable ISP blames the recipient's domain
 * filter.  @nifty's "451 timeout (#4.4.2)" is left out too: relayed as a
 * failure it is a temporary code the sending MTA gave up on, which the
 * "gave up" convention (core/classify.c) calls expired.  Every diagnostic is written for the test in the form the
 * provider's server gives it. */
#include "testrules.h"

/* Mailbox full: the recipient's storage has no room for this message. */
static void test_mailbox_full(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* WILLCOM (now Y!mobile), pdx.ne.jp: the recipient's mailbox
		 * is over its local limit. */
		{NULL, "552",
		 "552 We failed to deliver mail because the volume of recipient's mailbox "
		 "exceeded the local limit. someone@pdx.ne.jp",
		 "DATA", "mailboxfull"},
		/* BBIQ: the recipient's inbox has no room left. */
		{NULL, "552", "552 5.2.2 Message size exceeds remaining quota", "DATA",
		 "mailboxfull"},
		/* Hosting Ace: the account's mail storage is used up. */
		{NULL, "452", "452 sorry, mailbox is full (#4.5.2)", "RCPT", "mailboxfull"},
		/* KAGOYA: the recipient's mailbox lacks free space. */
		{"5.2.2", NULL,
		 "maildir delivery failed: error writing message: Disk quota exceeded", NULL,
		 "mailboxfull"},
		{"4.2.2", NULL,
		 "maildir delivery failed: Sorry, the user's maildir has overdrawn his "
		 "diskspace quota, please try again later.",
		 NULL, "mailboxfull"},
		/* Goope (GMO Pepabo): the account is over its 5 GB storage. */
		{"5.2.2", "552",
		 "552 5.2.2 <someone@example.jp>: Recipient address rejected: "
		 "Mailbox is full",
		 "RCPT", "mailboxfull"},
		/* Chupicom: the recipient's mailbox has no free space. */
		{"4.2.2", "452", "452 4.2.2 <someone@example.jp>: temporarily over quota.", "RCPT",
		 "mailboxfull"},
		/* hocoroco: the recipient's mailbox is full. */
		{NULL, "552", "552 <someone@example.jp>... mail box is full", NULL, "mailboxfull"},
		/* Xserver-style hosting (xbit): "mailbox is full". */
		{NULL, "452", "452 4.2.2 <someone@example.jp>... mailbox is full", "RCPT",
		 "mailboxfull"},
	};
	CHECK(cases);
}

/* Message too large: over the size a receiving server accepts. */
static void test_message_too_large(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* MEGA EGG: the message is larger than the receiver allows. */
		{NULL, "552", "552 5.3.4 message size exceeds maximum message size", "DATA",
		 "mesgtoobig"},
		{NULL, "552", "552 Message is too large", "DATA", "mesgtoobig"},
		/* BBIQ: the message sent is too big. */
		{NULL, "552", "552 5.3.4 Message exceeds maximum fixed size", "DATA", "mesgtoobig"},
		/* KAGOYA: refused at MAIL FROM for its SIZE= parameter. */
		{"5.3.4", "552", "552 5.3.4 Message size exceeds fixed limit", "MAIL",
		 "mesgtoobig"},
		/* hocoroco: the message is larger than the server takes. */
		{NULL, "552", "552 <someone@example.jp>... message is too large", NULL,
		 "mesgtoobig"},
	};
	CHECK(cases);
}

/* The address does not exist: the local part or the domain. */
static void test_unknown_address(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* ASAHI Net: Postfix's local delivery found no such user. */
		{"5.1.1", NULL, "User unknown: \"someone@example.or.jp\"", NULL, "userunknown"},
		/* hocoroco: the part before "@" does not exist. */
		{NULL, "550", "550 <someone@example.jp>... user name is unknown", "RCPT",
		 "userunknown"},
		/* SAKURA: same cause as "User unknown" (a wrong local part). */
		{NULL, "550", "550 <someone@example.jp>: Invalid Address", "RCPT", "userunknown"},
		/* Yokohama cable (YCV): the part before "@" is wrong. */
		{NULL, "550", "550 5.1.1 <someone@example.jp>: recipient rejected", "RCPT",
		 "userunknown"},
		/* hocoroco: the part after "@" does not exist. */
		{NULL, "550", "550 <someone@example.jp>... host name is unknown", NULL,
		 "hostunknown"},
		/* MEGA EGG: "unknown host", "Host not found". */
		{"5.1.2", NULL, "<someone@example.jp>: unknown host", NULL, "hostunknown"},
		/* i-do: the domain part is wrong. */
		{NULL, "550", "550 <someone@example.jp> Host unknown", NULL, "hostunknown"},
	};
	CHECK(cases);
}

/* Relaying, session and DNS trouble. */
static void test_session_and_network(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* SAKURA: the name server did not answer in time. */
		{"4.4.3", "451", "451 <someone@example.jp>... example.jp: Name server timeout",
		 NULL, "networkerror"},
		/* POP-before-SMTP hosting (NETAGE, iClusta): relaying refused. */
		{NULL, "550", "550 5.7.1 <someone@example.com>... Relay operation rejected", "RCPT",
		 "norelaying"},
		{NULL, "550", "550 5.7.1 <someone@example.com>... Relaying denied", "RCPT",
		 "norelaying"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mailbox_full),
		cmocka_unit_test(test_message_too_large),
		cmocka_unit_test(test_unknown_address),
		cmocka_unit_test(test_session_and_network),
	};
	return cmocka_run_group_tests_name("ref_japan", tests, load_defaults, free_defaults);
}
