/* test_codes.c: the code reference: every SMTP reply code, enhanced status
 * code, class and subject the program knows has an entry with a title in
 * English and in Japanese. */
#include "testlib.h"

#include "../../core/codes.h"
#include "../../core/help.h"

static const char *const reply_groups[] = {"2yz", "3yz", "4yz", "5yz", "x0z",
					   "x1z", "x2z", "x3z", "x4z", "x5z"};
static const char *const status_groups[] = {"2.X.X", "4.X.X", "5.X.X", "X.0.X", "X.1.X", "X.2.X",
					    "X.3.X", "X.4.X", "X.5.X", "X.6.X", "X.7.X"};

/* The entry for id exists in lang itself (not by the English fallback) and
 * has a non-empty title and body. */
static void check_entry(const char *lang, const char *id)
{
	const struct bd_help_entry *e = bd_help_find(lang, "code", id);
	if (!e || strcmp(e->lang, lang) != 0)
		fprintf(stderr, "no %s entry for code %s\n", lang, id);
	assert_non_null(e);
	assert_string_equal(e->lang, lang);
	const char *title = bd_help_field(e, "title");
	if (!title || !*title)
		fprintf(stderr, "%s:%d: code %s has no title\n", e->file, e->line, id);
	assert_non_null(title);
	assert_true(*title != '\0');
	assert_true(*e->body != '\0');
}

static void check_all(const char *lang)
{
	char id[16];
	for (const struct bd_reply_info *r = bd_reply_table; r->code; r++) {
		snprintf(id, sizeof id, "%d", r->code);
		check_entry(lang, id);
	}
	for (const struct bd_status_info *s = bd_status_table; s->code; s++)
		check_entry(lang, s->code);
	for (size_t i = 0; i < sizeof reply_groups / sizeof reply_groups[0]; i++)
		check_entry(lang, reply_groups[i]);
	for (size_t i = 0; i < sizeof status_groups / sizeof status_groups[0]; i++)
		check_entry(lang, status_groups[i]);
}

static void test_every_code_has_an_english_entry(void **state)
{
	(void)state;
	check_all("en");
}

static void test_every_code_has_a_japanese_entry(void **state)
{
	(void)state;
	check_all("ja");
	/* A Japanese title is Japanese, not the English one copied. */
	const struct bd_help_entry *e = bd_help_find("ja", "code", "X.2.2");
	assert_string_equal(bd_help_field(e, "title"), "メールボックス容量超過");
}

static void test_code_reference_is_well_formed(void **state)
{
	(void)state;
	struct bd_buf err;
	bd_buf_init(&err);
	int n = bd_help_check(&err);
	if (n)
		fprintf(stderr, "%s", err.data);
	assert_int_equal(n, 0);
	bd_buf_done(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_has_an_english_entry),
		cmocka_unit_test(test_every_code_has_a_japanese_entry),
		cmocka_unit_test(test_code_reference_is_well_formed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
