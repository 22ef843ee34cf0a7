/* test_ref_americas.c: the replies that hosting companies and access
 * providers in the Americas, India and Australia explain on their own help
 * pages (Bluehost's "What does my email bounce mean?", DreamHost's sender
 * domain policy and SMTP quota articles, SiteGround's article on SMTP error
 * 550, Ubiquity Hosting's and MacHighway's bounce pages, TOAST.net's and
 * WebNexus's notes on the mail they refuse, VentraIP's and DS Host's
 * support articles, IntoHost's list of common bounces), one case per reply,
 * with the reason the provider's stated cause calls for.  Replies other
 * tests already hold are not repeated.  Left out as honestly ambiguous:
 * Bluehost's "421 Server Temporarily Not Available" (a full queue, which the
 * words do not say), SiteGround's bare "550 Requested action not taken:
 * mailbox unavailable" (a wrong address or a full mailbox), Ubiquity's
 * "552 Requested action not taken: exceeded storage allocation" (given for a
 * message too large for the account), MacHighway's "451 This server is
 * currently unavailable, please try later" (its greylisting, in words that
 * say nothing of it), IntoHost's "421 4.2.0 Server busy" and a host's
 * "[CSR] unusual amount of unsolicited email originating from your address"
 * (a compromised sender account: reputation or spam).  Every diagnostic is
 * written for the test in the form the provider's server gives it. */

#include "testrules.h"

/* Bluehost: its table of bouncebacks, incoming and outgoing. */
static void test_bluehost(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Several messages sent at once: over the sending limit. */
		{NULL, "550", "550 <alice@example.org> max messages per session", "MAIL",
		 "speeding"},
		/* The recipient's account greylists: the retry gets through. */
		{NULL, "452",
		 "452 <bob@example.com> requested action aborted: try again later - GL/GL", "RCPT",
		 "greylisted"},
		/* The envelope sender is not a well-formed address. */
		{NULL, "550", "550 <alice> sender rejected", "MAIL", "rejected"},
		/* The recipient has put the sender on their own blacklist. */
		{NULL, "550", "550 <bob@example.com> recipient rejected GL/BL", "RCPT", "filtered"},
		/* The recipient's mailbox does not exist. */
		{NULL, "550", "550 <bob@example.com> recipient rejected", "RCPT", "userunknown"},
	};
	CHECK_CATEGORIES(cases);
}

/* DreamHost: the sender domain policy of its shared servers and the
 * hourly sending quota of an account. */
static void test_dreamhost(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The From address is not a domain whose mail DreamHost hosts:
		 * the sender is refused. */
		{"5.7.1", "550",
		 "550 5.7.1 Sender domain not allowed. Please read: https://dhurl.org/20b", "DATA",
		 "rejected"},
		/* The account sent more than its hourly quota. */
		{NULL, "554", "554 Policy Rejection- Quota Exceeded", "RCPT", "speeding"},
	};
	CHECK_CATEGORIES(cases);
}

/* Smaller US hosts and ISPs: SiteGround, Ubiquity Hosting, MacHighway,
 * TOAST.net, WebNexus. */
static void test_us_hosts(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* SiteGround: the account does not exist. */
		{"5.1.1", "550",
		 "550 5.1.1 The email account that you tried to reach does not exist", "RCPT",
		 "userunknown"},
		/* Ubiquity: the sending host is on a DNS block list. */
		{"5.7.1", "550", "550 5.7.1 Rejected: mail.example.org listed at relays.ordb.org",
		 "RCPT", "blocked"},
		/* Ubiquity: the recipient's mailbox is full. */
		{NULL, "551", "551 Requested action not taken: mailbox full", "RCPT",
		 "mailboxfull"},
		/* Ubiquity: the sending IP's reverse DNS. */
		{NULL, "553", "553 bad reverse dns", "CONN", "requireptr"},
		/* Ubiquity: the account is over its disk space. */
		{NULL, "554",
		 "554 delivery error: Sorry, your message to bob@example.com cannot be delivered. "
		 "This account is over quota.",
		 "DATA", "mailboxfull"},
		/* MacHighway: qmail's chkuser, no such address. */
		{"5.1.1", "511", "511 sorry, no mailbox here by that name (#5.1.1 - chkuser)",
		 "RCPT", "userunknown"},
		/* TOAST.net: the sender's domain does not resolve. */
		{NULL, "501", "501 Domain must resolve", "MAIL", "rejected"},
		/* WebNexus: the client host on SpamCop's and Spamhaus's lists. */
		{NULL, "554",
		 "554 Service unavailable; Client host [192.0.2.10] blocked using bl.spamcop.net; "
		 "Blocked - see http://www.spamcop.net/bl.shtml?192.0.2.10",
		 "RCPT", "blocked"},
		{NULL, "554",
		 "554 Service unavailable; Client host [192.0.2.10] blocked using "
		 "sbl-xbl.spamhaus.org; http://www.spamhaus.org/query/bl?ip=192.0.2.10",
		 "RCPT", "blocked"},
	};
	CHECK_CATEGORIES(cases);
}

/* India and Australia: IntoHost, DS Host, VentraIP. */
static void test_india_australia(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* IntoHost: the sending IP is blacklisted. */
		{"5.7.1", "550",
		 "550 5.7.1 This message has been blocked because the sender's IP address is "
		 "blacklisted",
		 NULL, "blocked"},
		/* IntoHost: the recipient's domain does not exist. */
		{"5.1.10", "550", "550 5.1.10 Recipient domain not found", "RCPT", "hostunknown"},
		/* DS Host: the sending server is not in the domain's SPF record. */
		{"4.3.0", "451", "451 SPF lookup failure (#4.3.0)", "MAIL", "authfailure"},
		/* DS Host: the sending IP on a real-time block list. */
		{NULL, "550", "550 Mail rejected due to RBL", "RCPT", "blocked"},
	};
	CHECK_CATEGORIES(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bluehost),
		cmocka_unit_test(test_dreamhost),
		cmocka_unit_test(test_us_hosts),
		cmocka_unit_test(test_india_australia),
	};
	return cmocka_run_group_tests_name("ref americas", tests, load_defaults, free_defaults);
}
