/* test_date.c: the dates bounces carry, as MTAs really write them, read to
 * UTC; and the ISO form the program shows and exports. */
#include "testlib.h"

#include "../../core/date.h"

static void check_date(const char *text, const char *iso)
{
	int64_t t = 0;
	bool ok = bd_date_parse(text, &t);
	if (!ok)
		fprintf(stderr, "unreadable: %s\n", text);
	assert_true(ok);
	char buf[32];
	bd_date_iso(t, buf);
	if (strcmp(buf, iso) != 0)
		fprintf(stderr, "%s -> %s, want %s\n", text, buf, iso);
	assert_string_equal(buf, iso);
}

static void test_rfc5322_dates(void **state)
{
	(void)state;
	check_date("Tue, 11 May 2021 08:00:00 +0000", "2021-05-11T08:00:00Z");
	check_date("Thu, 29 Apr 2013 23:45:32 +0900 (JST)", "2013-04-29T14:45:32Z");
	check_date("Mon, 1 Jan 2024 00:30:00 -0500", "2024-01-01T05:30:00Z");
	/* A zone that moves the date over a year's end and a leap day. */
	check_date("Thu, 31 Dec 2020 23:00:00 -0200", "2021-01-01T01:00:00Z");
	check_date("Thu, 29 Feb 2024 23:59:59 +0000", "2024-02-29T23:59:59Z");
	/* No seconds, no weekday, a zone name, a two-digit year. */
	check_date("11 May 2021 08:00 GMT", "2021-05-11T08:00:00Z");
	check_date("Wed, 3 Feb 99 10:00:00 EST", "1999-02-03T15:00:00Z");
	check_date("Fri, 5 Mar 21 10:00:00 PDT", "2021-03-05T17:00:00Z");
	/* asctime() form, as some local mailers write. */
	check_date("Tue May 11 08:00:00 2021", "2021-05-11T08:00:00Z");
}

static void test_iso_dates(void **state)
{
	(void)state;
	check_date("2013-04-29T23:45:32Z", "2013-04-29T23:45:32Z");
	check_date("2013-04-29 23:45:32", "2013-04-29T23:45:32Z");
	check_date("2013-04-29", "2013-04-29T00:00:00Z");
}

static void test_unreadable_dates(void **state)
{
	(void)state;
	const char *bad[] = {"", "yesterday", "32 May 2021 08:00:00 +0000", "11 Foo 2021 08:00:00",
			     "11 May 2021 25:00:00 +0000", "2013-13-01T00:00:00Z", "2013-04-00",
			     /* A year of many digits (mangled in transit): read as no
			      * year, without overflowing. */
			     "Mon, 23 Nov 20261234567890123 10:00:00 +0000",
			     "Mon, 23 Nov 99999999999999999999999 10:00:00 +0000", NULL};
	for (size_t i = 0; bad[i]; i++) {
		int64_t t;
		if (bd_date_parse(bad[i], &t))
			fprintf(stderr, "read as a date: %s\n", bad[i]);
		assert_false(bd_date_parse(bad[i], &t));
	}
	int64_t t;
	assert_false(bd_date_parse(NULL, &t));
}

static void test_iso_output(void **state)
{
	(void)state;
	char buf[32];
	bd_date_iso(0, buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	bd_date_iso(-1, buf);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	bd_date_iso(951782400, buf);
	assert_string_equal(buf, "2000-02-29T00:00:00Z");
	bd_date_iso(253402300799, buf);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc5322_dates),
		cmocka_unit_test(test_iso_dates),
		cmocka_unit_test(test_unreadable_dates),
		cmocka_unit_test(test_iso_output),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
