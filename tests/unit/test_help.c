/* test_help.c: the built-in help text: well formed, complete for every
 * category and topic in both languages, the language chosen by the locale,
 * and text wrapped to the screen with Japanese kept whole. */
#include "testlib.h"

#include "../../core/action.h"
#include "../../core/help.h"
#include "../../core/reason.h"
#include "../../core/textfmt.h"

struct lines {
	char text[64][200];
	int n;
};

static void collect(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;
	assert_true(l->n < 64);
	assert_true(len < sizeof l->text[0]);
	memcpy(l->text[l->n], line, len);
	l->text[l->n][len] = '\0';
	l->n++;
}

static void test_builtin_help_is_well_formed(void **state)
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

static void test_language_follows_the_locale(void **state)
{
	(void)state;
	assert_string_equal(bd_help_lang_of("ja_JP.UTF-8"), "ja");
	assert_string_equal(bd_help_lang_of("ja"), "ja");
	assert_string_equal(bd_help_lang_of("ja_JP.eucJP"), "ja");
	assert_string_equal(bd_help_lang_of("en_US.UTF-8"), "en");
	assert_string_equal(bd_help_lang_of("C.UTF-8"), "en");
	assert_string_equal(bd_help_lang_of("jam"), "en");
	assert_string_equal(bd_help_lang_of("de_DE.UTF-8"), "en"); /* no German: English */
	assert_string_equal(bd_help_lang_of(NULL), "en");
	/* LC_ALL wins over LANG, as in setlocale. */
	setenv("LANG", "en_US.UTF-8", 1);
	setenv("LC_ALL", "ja_JP.UTF-8", 1);
	assert_string_equal(bd_help_lang(), "ja");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	assert_string_equal(bd_help_lang(), "en");
	setenv("LANG", "ja_JP.UTF-8", 1);
	assert_string_equal(bd_help_lang(), "ja");
	unsetenv("LANG");
	assert_string_equal(bd_help_lang(), "en");
}

/* Every phrase of the program's own and every action has its Japanese
 * text, so a Japanese screen never mixes in English words. */
static void test_every_label_and_action_is_in_japanese(void **state)
{
	(void)state;
	const struct bd_help_entry *labels[256];
	size_t n = bd_help_list("en", "label", labels, 256);
	assert_true(n > 20 && n <= 256);
	for (size_t i = 0; i < n; i++) {
		const struct bd_help_entry *ja = bd_help_find("ja", "label", labels[i]->id);
		if (!ja || strcmp(ja->lang, "ja") != 0 || !bd_help_field(ja, "text"))
			fail_msg("no Japanese text for label %s", labels[i]->id);
	}
	for (int a = 1; a < BD_ACT_COUNT; a++) {
		const char *name = bd_action_name((enum bd_action)a);
		const struct bd_help_entry *ja = bd_help_find("ja", "action", name);
		if (!ja || !bd_help_field(ja, "text"))
			fail_msg("no Japanese text for action %s", name);
	}
}

static void test_japanese_falls_back_to_english_per_entry(void **state)
{
	(void)state;
	const struct bd_help_entry *e = bd_help_find("ja", "category", "userunknown");
	assert_non_null(e);
	assert_string_equal(e->lang, "ja");
	assert_string_equal(bd_help_field(e, "title"), "宛先不明");
	e = bd_help_find("de", "category", "userunknown");
	assert_non_null(e);
	assert_string_equal(e->lang, "en");
	assert_null(bd_help_find("en", "category", "no-such-category"));
	const char *w[8];
	e = bd_help_find("en", "category", "userunknown");
	assert_true(bd_help_fields(e, "wording", w, 8) >= 2);
}

/* Every reason has a guide of its own in both languages (not the English
 * fallback): a title, a summary, typical wording and what to do. */
static void test_every_category_has_a_guide_in_both_languages(void **state)
{
	(void)state;
	const char *langs[] = {"en", "ja"};
	for (size_t l = 0; l < 2; l++) {
		for (size_t i = 0; i < bd_nreasons; i++) {
			const char *id = bd_reasons[i].id;
			const struct bd_help_entry *e = bd_help_find(langs[l], "category", id);
			if (!e || strcmp(e->lang, langs[l]) != 0)
				fail_msg("no %s guide for category %s", langs[l], id);
			const char *title = bd_help_field(e, "title");
			const char *summary = bd_help_field(e, "summary");
			if (!title || !*title || !summary || !*summary)
				fail_msg("%s guide for %s lacks a title or summary", langs[l], id);
			const char *w[8];
			if (bd_help_fields(e, "wording", w, 8) < 2)
				fail_msg("%s guide for %s has fewer than 2 wording lines", langs[l],
					 id);
			/* what to do: a few sentences, not a stub */
			if (strlen(e->body) < 150)
				fail_msg("%s guide for %s has a body of %zu bytes", langs[l], id,
					 strlen(e->body));
		}
	}
	/* The English titles are the labels of the reason table. */
	for (size_t i = 0; i < bd_nreasons; i++) {
		const struct bd_help_entry *e = bd_help_find("en", "category", bd_reasons[i].id);
		assert_string_equal(bd_help_field(e, "title"), bd_reasons[i].label);
	}
}

/* The help topics the screens point to exist in both languages. */
static void test_every_topic_exists_in_both_languages(void **state)
{
	(void)state;
	const char *langs[] = {"en", "ja"};
	const char *topics[] = {"overview", "states", "groups", "domains", "codes"};
	for (size_t l = 0; l < 2; l++) {
		for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++) {
			const struct bd_help_entry *e = bd_help_find(langs[l], "topic", topics[i]);
			if (!e || strcmp(e->lang, langs[l]) != 0)
				fail_msg("no %s help topic %s", langs[l], topics[i]);
			const char *title = bd_help_field(e, "title");
			if (!title || !*title)
				fail_msg("%s help topic %s has no title", langs[l], topics[i]);
			if (strlen(e->body) < 300)
				fail_msg("%s help topic %s has a body of %zu bytes", langs[l],
					 topics[i], strlen(e->body));
		}
	}
}

static void test_wrap_breaks_at_spaces_within_the_width(void **state)
{
	(void)state;
	struct lines l = {0};
	bd_help_wrap("The address is wrong or was closed:\nretrying will not help.\n\n"
		     "  550 5.1.1 kept as it is, however long the line may be\n"
		     "Stop sending.",
		     24, 2, collect, &l);
	assert_string_equal(l.text[0], "  The address is wrong");
	assert_string_equal(l.text[1], "  or was closed:");
	assert_string_equal(l.text[2], "  retrying will not");
	assert_string_equal(l.text[3], "  help.");
	assert_string_equal(l.text[4], "");
	assert_string_equal(l.text[5], "    550 5.1.1 kept as it is, however long the line may be");
	assert_string_equal(l.text[6], "  Stop sending.");
	assert_int_equal(l.n, 7);
	/* A word wider than the line is cut, never lost. */
	l.n = 0;
	bd_help_wrap("averyveryverylongwordwithoutspaces", 12, 0, collect, &l);
	assert_string_equal(l.text[0], "averyveryver");
	assert_string_equal(l.text[1], "ylongwordwit");
	assert_string_equal(l.text[2], "houtspaces");
	assert_int_equal(l.n, 3);
}

static void test_wrap_japanese_by_columns_without_spaces(void **state)
{
	(void)state;
	struct lines l = {0};
	/* Two source lines of Japanese are joined without a space, and broken
	 * between characters at 10 columns (5 wide characters). */
	bd_help_wrap("配信を停止して\nください。再開は確認後。", 10, 0, collect, &l);
	assert_string_equal(l.text[0], "配信を停止");
	assert_string_equal(l.text[1], "してくださ");
	assert_string_equal(l.text[2], "い。再開は");
	assert_string_equal(l.text[3], "確認後。");
	for (int i = 0; i < l.n; i++)
		assert_true(bd_text_width(l.text[i], strlen(l.text[i])) <= 10);
	/* A full stop never starts a line: the character before it moves
	 * down with it. */
	l.n = 0;
	bd_help_wrap("配信を停止。再開は確認後。", 10, 0, collect, &l);
	assert_string_equal(l.text[0], "配信を停");
	assert_string_equal(l.text[1], "止。再開は");
	assert_string_equal(l.text[2], "確認後。");
	l.n = 0;
	bd_help_wrap("配信を停止する。再開は後。", 10, 0, collect, &l);
	assert_string_equal(l.text[0], "配信を停止");
	assert_string_equal(l.text[1], "する。再開");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_help_is_well_formed),
		cmocka_unit_test(test_language_follows_the_locale),
		cmocka_unit_test(test_every_label_and_action_is_in_japanese),
		cmocka_unit_test(test_japanese_falls_back_to_english_per_entry),
		cmocka_unit_test(test_every_category_has_a_guide_in_both_languages),
		cmocka_unit_test(test_every_topic_exists_in_both_languages),
		cmocka_unit_test(test_wrap_breaks_at_spaces_within_the_width),
		cmocka_unit_test(test_wrap_japanese_by_columns_without_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
