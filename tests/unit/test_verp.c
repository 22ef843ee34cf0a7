/* test_verp.c: the recipient encoded in the return path a bounce is sent
 * to, as list managers and senders write it: Postfix and Mailman
 * ("list-bounces+local=domain"), ezmlm's distribution, warning and probe
 * paths, mlmmj's ("list+bounces-local=domain-NUMBER" and its "-probe"),
 * a '-' separator; and the forwarders' SRS addresses, which encode
 * the original sender and no recipient. */
#include "testlib.h"

#include "../../core/addr.h"
#include "../../core/arena.h"

static void check(const char *path, const char *want)
{
	struct bd_arena a;
	bd_arena_init(&a);
	const char *got = bd_addr_verp_decode(&a, path);
	if (want == NULL) {
		if (got)
			fprintf(stderr, "%s -> %s, want nothing\n", path, got);
		assert_null(got);
	} else {
		if (!got || strcmp(got, want) != 0)
			fprintf(stderr, "%s -> %s, want %s\n", path, got ? got : "(null)", want);
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	bd_arena_done(&a);
}

static void test_plus_separator(void **state)
{
	(void)state;
	check("newsletter+ruth.adler=example.net@mail.example.com", "ruth.adler@example.net");
	/* Mailman 2 and 3: the list's bounce address holds a '-' before the '+'. */
	check("announce-bounces+petra.lind=example.net@lists.example.org",
	      "petra.lind@example.net");
	check("my-team-bounces+jean-luc.roy=example.fr@lists.example.org",
	      "jean-luc.roy@example.fr");
	check("Bounces+Upper.Case=Example.COM@mail.example.com", "upper.case@example.com");
}

static void test_ezmlm(void **state)
{
	(void)state;
	check("announce-return-482-tomas.berg=example.net@lists.example.org",
	      "tomas.berg@example.net");
	check("announce-return-warn-1763586655.ojfkmlhgnbiaabcpdoeh-lotta.nyberg=example.se@"
	      "lists.example.org",
	      "lotta.nyberg@example.se");
	check("announce-return-probe-1763586655.ojfkmlhgnbiaabcpdoeh-ann-kristin.dahl=example.no@"
	      "lists.example.org",
	      "ann-kristin.dahl@example.no");
	/* The pre-VERP path names no address. */
	check("announce-return-482-@lists.example.org", NULL);
}

static void test_mlmmj(void **state)
{
	(void)state;
	/* mlmmj: "bounces-", the address with '=' for '@', then '-' and the
	 * number of the message that bounced, or "probe" for its probe. */
	check("climbing+bounces-lea.k=example.org-317@lists.example.com", "lea.k@example.org");
	check("climbing+bounces-jean-luc.roy=example.fr-12@lists.example.com",
	      "jean-luc.roy@example.fr");
	check("climbing+bounces-lea.k=example.org-probe@lists.example.com", "lea.k@example.org");
	check("my-list+bounces-ann+news=mail.example.net-9@lists.example.com",
	      "ann+news@mail.example.net");
}

static void test_dash_separator(void **state)
{
	(void)state;
	check("bounce-ruth.adler=example.net@bounce.example.com", "ruth.adler@example.net");
	check("bounce-jean-luc.roy=example.fr@bounce.example.com", "jean-luc.roy@example.fr");
}

/* A '-' before the '+': read either way, the notice decides (scan.c). */
static void test_both_separators(void **state)
{
	(void)state;
	struct bd_arena a;
	bd_arena_init(&a);
	assert_string_equal(
		bd_addr_verp_decode_dash(&a, "bounce-john+news=example.com@b.example.org"),
		"john+news@example.com");
	assert_string_equal(bd_addr_verp_decode(&a, "bounce-john+news=example.com@b.example.org"),
			    "news@example.com");
	assert_null(bd_addr_verp_decode_dash(&a, "newsletter+ruth=example.net@mail.example.com"));
	assert_null(bd_addr_verp_decode_dash(&a, "bounce-ruth=example.net@mail.example.com"));
	bd_arena_done(&a);
	/* The notice names john+news@example.com: that is the registered
	 * address, not news@example.com. */
	struct bd_report r;
	test_parse_str("From: MAILER-DAEMON@mx.example.org\n"
		       "To: bounce-john+news=example.com@b.example.org\n"
		       "Subject: Undelivered Mail Returned to Sender\n\n"
		       "I'm sorry to have to inform you that your message could not\n"
		       "be delivered to one or more recipients.\n\n"
		       "<john+news@example.com>: host mx.example.com[192.0.2.9] said: 550 5.1.1\n"
		       "    unknown user (in reply to RCPT TO command)\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.rcpt[0].recipient, "john+news@example.com");
	assert_true(!r.rcpt[0].alias || strcmp(r.rcpt[0].alias, "john+news@example.com") == 0);
	bd_report_done(&r);
	/* Mailman's path, the notice naming the member: the '+' reading. */
	test_parse_str("From: MAILER-DAEMON@mx.example.org\n"
		       "To: my-team-bounces+petra.lind=example.net@lists.example.org\n"
		       "Subject: Undelivered Mail Returned to Sender\n\n"
		       "<petra.lind@example.net>: host mx.example.net[192.0.2.9] said: 550 5.1.1\n"
		       "    unknown user (in reply to RCPT TO command)\n",
		       &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.rcpt[0].recipient, "petra.lind@example.net");
	assert_true(!r.rcpt[0].alias || strcmp(r.rcpt[0].alias, "petra.lind@example.net") == 0);
	bd_report_done(&r);
}

static void test_no_recipient(void **state)
{
	(void)state;
	check("SRS0=k+9Q=ZT=example.com=news.letter@fwd.example.org", NULL);
	check("SRS1=Hq+3=fwd2.example=Zr/x=TU=example.com=sales.team@fwd1.example.net", NULL);
	check("srs0=AbCd=ZT=example.com=info@fwd.example.org", NULL);
	check("plain.address@example.com", NULL);
	check("mylist-bounces@lists.example.org", NULL);
	check("a=b@example.com", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plus_separator),  cmocka_unit_test(test_ezmlm),
		cmocka_unit_test(test_mlmmj),           cmocka_unit_test(test_dash_separator),
		cmocka_unit_test(test_both_separators), cmocka_unit_test(test_no_recipient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
