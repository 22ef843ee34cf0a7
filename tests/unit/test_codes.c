/* test_codes.c: the code reference: every SMTP reply code, enhanced status
 * code, class and subject the program knows has an entry with a title in
 * English and in Japanese; and the explanation built from it. */
#include "testlib.h"

#include "../../core/codes.h"
#include "../../core/explain.h"
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

static void test_codes_are_normalised_as_pasted(void **state)
{
	(void)state;
	char c[BD_CODE_MAX];
	assert_int_equal(bd_code_normalise("550", c), BD_CODE_REPLY);
	assert_string_equal(c, "550");
	assert_int_equal(bd_code_normalise("#5.1.1", c), BD_CODE_STATUS);
	assert_string_equal(c, "5.1.1");
	assert_int_equal(bd_code_normalise("5.1.1:", c), BD_CODE_STATUS);
	assert_string_equal(c, "5.1.1");
	assert_int_equal(bd_code_normalise("(4.7.26)", c), BD_CODE_STATUS);
	assert_string_equal(c, "4.7.26");
	assert_int_equal(bd_code_normalise("x.1.10", c), BD_CODE_CLASSLESS);
	assert_string_equal(c, "X.1.10");
	assert_int_equal(bd_code_normalise("599", c), BD_CODE_REPLY);
	assert_int_equal(bd_code_normalise("5.9.9", c), BD_CODE_STATUS);
	const char *bad[] = {"",        "55",   "5500",  "650",      "150",    "6.1.1", "5.1",
			     "5.1.1.1", "5..1", "5.1.x", "5.1234.1", "5.01.1", "abc",   "5.1.1a"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (bd_code_normalise(bad[i], c) != BD_CODE_NONE)
			fprintf(stderr, "'%s' taken as a code\n", bad[i]);
		assert_int_equal(bd_code_normalise(bad[i], c), BD_CODE_NONE);
	}
}

static void test_codes_are_picked_out_of_a_diagnostic_line(void **state)
{
	(void)state;
	char found[4][BD_CODE_MAX];
	size_t n =
		bd_code_scan("550-5.1.1 <a@example.com>: User unknown; 550 5.1.1 again", found, 4);
	assert_int_equal(n, 2);
	assert_string_equal(found[0], "550");
	assert_string_equal(found[1], "5.1.1");
	assert_int_equal(bd_code_scan("Host or domain name not found", found, 4), 0);
	/* More codes than room: counted, only max written. */
	assert_int_equal(bd_code_scan("421 450 451 452 550", found, 2), 5);
}

static void test_every_code_is_explained(void **state)
{
	(void)state;
	struct bd_policy pol;
	struct bd_error err;
	bd_policy_init(&pol);
	assert_true(bd_policy_defaults(&pol, &err));
	char code[BD_CODE_MAX + 4];
	const char *langs[] = {"en", "ja"};
	for (size_t l = 0; l < 2; l++) {
		for (const struct bd_reply_info *r = bd_reply_table; r->code; r++) {
			struct bd_buf out;
			bd_buf_init(&out);
			snprintf(code, sizeof code, "%d", r->code);
			assert_true(bd_explain_code(&out, code, langs[l], 60, &pol));
			assert_non_null(strstr(out.data, code));
			bd_buf_done(&out);
		}
		for (const struct bd_status_info *s = bd_status_table; s->code; s++) {
			for (const char *c = "245X"; *c; c++) {
				struct bd_buf out;
				bd_buf_init(&out);
				snprintf(code, sizeof code, "%c%s", *c, s->code + 1);
				assert_true(bd_explain_code(&out, code, langs[l], 60, &pol));
				bd_buf_done(&out);
			}
		}
	}
	bd_policy_done(&pol);
}

static void test_explanation_reads_the_code_and_the_policy(void **state)
{
	(void)state;
	struct bd_policy pol;
	struct bd_error err;
	bd_policy_init(&pol);
	assert_true(bd_policy_defaults(&pol, &err));
	struct bd_buf out;
	bd_buf_init(&out);
	assert_true(bd_explain_code(&out, "5.2.2", "en", 72, &pol));
	assert_non_null(strstr(out.data, "5.2.2 Mailbox full\n"));
	assert_non_null(strstr(out.data, "Class 5.X.X: Permanent Failure\n"));
	assert_non_null(strstr(out.data, "Subject X.2.X: Mailbox Status\n"));
	assert_non_null(strstr(out.data, "  Reason: mailboxfull"));
	/* The seed table: 5.2.2 is not permanent; a full mailbox is soft. */
	assert_non_null(strstr(out.data, "  Permanent failure: no\n"));
	assert_non_null(strstr(out.data, "  Hard or soft: soft"));
	assert_non_null(strstr(out.data, "  Stop rule: mailboxfull hold after=3"));
	/* Every line fits the width. */
	for (char *p = out.data; *p;) {
		char *nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true(nl - p <= 72);
		p = nl + 1;
	}
	bd_buf_reset(&out);
	/* A temporary user-unknown counts like a soft bounce. */
	assert_true(bd_explain_code(&out, "4.1.1", "en", 72, &pol));
	assert_non_null(strstr(out.data, "acts only after 3 distinct sends"));
	bd_buf_reset(&out);
	/* Japanese: the entry and the program's own words. */
	assert_true(bd_explain_code(&out, "550", "ja", 72, NULL));
	assert_non_null(strstr(out.data, "応答の種別 5yz: 永続的否定完了応答"));
	assert_null(strstr(out.data, "停止ルール"));
	bd_buf_reset(&out);
	/* Well formed but unregistered: explained by class, and false. */
	assert_false(bd_explain_code(&out, "5.9.9", "en", 72, &pol));
	assert_non_null(strstr(out.data, "5.9.9 is not a registered code."));
	assert_non_null(strstr(out.data, "Class 5.X.X: Permanent Failure"));
	bd_buf_reset(&out);
	/* Malformed: nothing at all. */
	assert_false(bd_explain_code(&out, "5.1", "en", 72, &pol));
	assert_int_equal(out.len, 0);
	bd_buf_done(&out);
	bd_policy_done(&pol);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_has_an_english_entry),
		cmocka_unit_test(test_every_code_has_a_japanese_entry),
		cmocka_unit_test(test_codes_are_normalised_as_pasted),
		cmocka_unit_test(test_codes_are_picked_out_of_a_diagnostic_line),
		cmocka_unit_test(test_every_code_is_explained),
		cmocka_unit_test(test_explanation_reads_the_code_and_the_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
