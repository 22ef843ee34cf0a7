/* test_status_find.c: finding an enhanced status code (RFC 3463) in a
 * server's words: the subjects RFC 3463 defines are 0 to 7, so a server's
 * own numbering of the same shape is no status code. */
#include "testlib.h"

#include "../../core/detect.h"

static void check(const char *text, const char *want)
{
	char code[16];
	bool found = bd_find_status(text, code);
	if (!want) {
		if (found)
			fprintf(stderr, "found %s in \"%s\"\n", code, text);
		assert_false(found);
		return;
	}
	assert_true(found);
	assert_string_equal(code, want);
}

static void test_defined_subjects(void **state)
{
	(void)state;
	check("550 5.1.1 <a@example.com>: user unknown", "5.1.1");
	check("451 4.7.0 try again", "4.7.0");
	check("554 delivery error (#5.7.1)", "5.7.1");
	check("550 5.7.515 Access denied", "5.7.515");
}

static void test_undefined_subjects(void **state)
{
	(void)state;
	/* Yahoo's own codes: "[#4.16.1]", "- 4.16.55.1". */
	check("451 Resources temporarily unavailable. Please try again later [#4.16.1].", NULL);
	check("421 4.7.0 [TSS04] Messages deferred - 4.16.55.1; see the error codes", "4.7.0");
	check("421 deferred [#4.16.1] then 4.4.2 timeout", "4.4.2");
	check("550 5.01.1 odd", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defined_subjects),
		cmocka_unit_test(test_undefined_subjects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
