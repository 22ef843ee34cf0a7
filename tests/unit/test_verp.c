/* test_verp.c: the recipient encoded in the return path a bounce is sent
 * to, as list managers and senders write it: Postfix and Mailman
 * ("list-bounces+local=domain"), ezmlm's distribution, warning and probe
 * paths, a '-' separator; and the forwarders' SRS addresses, which encode
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

static void test_dash_separator(void **state)
{
	(void)state;
	check("bounce-ruth.adler=example.net@bounce.example.com", "ruth.adler@example.net");
	check("bounce-jean-luc.roy=example.fr@bounce.example.com", "jean-luc.roy@example.fr");
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
		cmocka_unit_test(test_plus_separator),
		cmocka_unit_test(test_ezmlm),
		cmocka_unit_test(test_dash_separator),
		cmocka_unit_test(test_no_recipient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
