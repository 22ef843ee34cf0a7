/* test_code_titles.c: a server that states its refusal in the standard's
 * own words gets the reason the standard gives them.  Postfix access maps
 * and many small servers answer RCPT TO with a short text of the admin's
 * choosing ("Recipient address rejected: Mailbox full"); the texts most
 * often chosen are RFC 3463's titles for the code beside them, or a few
 * plain words for the reason.  Every diagnostic here is built for the
 * test from the status table or written for it. */
#include "testrules.h"

#include "../../core/codes.h"

/* A title whose words say more than the table's reason for its code, and
 * the reason the words give.  Each is a deliberate reading:
 *   X.4.3 "Directory server failure": the receiving system's own lookup
 *         service failed, a system error rather than a network one;
 *   X.7.1 "Delivery not authorized, message refused": the sender was not
 *         authorized, a security refusal rather than a refused sender;
 *   X.7.10 "Encryption needed": the session had to be encrypted (TLS). */
static const struct {
	const char *code, *reason;
} title_exceptions[] = {
	{"X.4.3", "systemerror"},
	{"X.7.1", "securityerror"},
	{"X.7.10", "failedstarttls"},
};

static const char *title_reason(const struct bd_status_info *s)
{
	for (size_t i = 0; i < sizeof(title_exceptions) / sizeof(title_exceptions[0]); i++)
		if (strcmp(title_exceptions[i].code, s->code) == 0)
			return title_exceptions[i].reason;
	return s->reason;
}

/* Every code the table gives a reason, said with its own title in answer
 * to RCPT TO, gets that reason: the title's words never pull it elsewhere
 * (a sender's null MX is no recipient domain without mail, a conversion
 * that was required is no policy). */
static void test_titles_agree_with_their_codes(void **state)
{
	(void)state;
	size_t wrong = 0, n = 0;
	for (const struct bd_status_info *s = bd_status_table; s->code; s++) {
		if (!s->reason || strcmp(s->reason, "delivered") == 0)
			continue;
		char status[16], diag[256];
		snprintf(status, sizeof status, "5%s", s->code + 1);
		snprintf(diag, sizeof diag,
			 "550 %s <kim@example.net>: Recipient address rejected: %s", status,
			 s->meaning);
		struct bd_verdict v = verdict_with(&defaults, status, "550", diag, "RCPT");
		const char *want = title_reason(s);
		n++;
		if (strcmp(v.reason->id, want) != 0) {
			print_message("WRONG \"%s\": %s (%s), not %s\n", diag, v.reason->id, v.rule,
				      want);
			wrong++;
		}
	}
	assert_true(n > 50);
	if (wrong)
		fail_msg("%zu of %zu titles got another reason", wrong, n);
}

/* The same titles with no enhanced code at all: the words alone decide,
 * where they name one reason. */
static void test_titles_alone(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 <kim@example.net>: Recipient address rejected: Mailbox full",
		 "RCPT", "mailboxfull"},
		{NULL, "552",
		 "552 <kim@example.net>: Recipient address rejected: Message too big for system",
		 "RCPT", "mesgtoobig"},
		{NULL, "550",
		 "550 <kim@example.net>: Recipient address rejected: Bad destination system "
		 "address",
		 "RCPT", "hostunknown"},
		{NULL, "550",
		 "550 <kim@example.net>: Recipient address rejected: Destination mailbox has "
		 "moved, no forwarding address",
		 "RCPT", "hasmoved"},
		{NULL, "554",
		 "554 <kim@example.net>: Recipient address rejected: Conversion required and "
		 "prohibited",
		 "RCPT", "contenterror"},
		{NULL, "550",
		 "550 <kim@example.net>: Sender address rejected: Sender address has null MX",
		 "MAIL", "rejected"},
		{NULL, "550",
		 "550 <kim@example.net>: Recipient address rejected: Mail flood detected", "RCPT",
		 "speeding"},
	};
	CHECK(cases);
}

/* Plain words an administrator puts in an access map, one or two for
 * each reason, with no code but the bare 550. */
static void test_access_map_words(void **state)
{
	(void)state;
	static const struct {
		const char *words, *reason;
	} words[] = {
		{"User has moved", "hasmoved"},
		{"Host unknown", "hostunknown"},
		{"Unknown host", "hostunknown"},
		{"Domain not found", "hostunknown"},
		{"Domain does not accept mail", "notaccept"},
		{"Spam detected", "spamdetected"},
		{"Message classified as spam", "spamdetected"},
		{"Virus detected", "virusdetected"},
		{"Malware detected", "virusdetected"},
		{"Rate limit exceeded", "speeding"},
		{"Too many connections", "toomanyconn"},
		{"Poor sender reputation", "badreputation"},
		{"Client host blocked", "blocked"},
		{"Your IP address is blacklisted", "blocked"},
		{"Sender address rejected", "rejected"},
		{"Mail system full", "systemfull"},
		{"Reverse DNS lookup failed", "requireptr"},
		{"No PTR record", "requireptr"},
		{"SPF check failed", "authfailure"},
		{"DMARC policy rejection", "authfailure"},
		{"Syntax error", "syntaxerror"},
		{"Local delivery program failed", "mailererror"},
		{"Authentication required", "securityerror"},
		{"Not RFC compliant", "notcompliantrfc"},
		{"Policy violation", "policyviolation"},
		{"Rejected by the recipient's filter", "filtered"},
		{"Account suspended", "suspend"},
		{"Mailbox is inactive", "suspend"},
		{"Over quota", "mailboxfull"},
		{"Message too large", "mesgtoobig"},
		{"No such user", "userunknown"},
		{"Internal error", "systemerror"},
		{"Routing loop detected", "networkerror"},
	};
	size_t wrong = 0, n = sizeof(words) / sizeof(words[0]);
	for (size_t i = 0; i < n; i++) {
		char diag[256];
		snprintf(diag, sizeof diag, "550 <kim@example.net>: Recipient address rejected: %s",
			 words[i].words);
		struct bd_verdict v = verdict_with(&defaults, NULL, "550", diag, "RCPT");
		if (strcmp(v.reason->id, words[i].reason) != 0) {
			print_message("WRONG \"%s\": %s (%s), not %s\n", diag, v.reason->id, v.rule,
				      words[i].reason);
			wrong++;
		}
	}
	if (wrong)
		fail_msg("%zu of %zu access-map texts got another reason", wrong, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles_agree_with_their_codes),
		cmocka_unit_test(test_titles_alone),
		cmocka_unit_test(test_access_map_words),
	};
	return cmocka_run_group_tests(tests, load_defaults, free_defaults);
}
