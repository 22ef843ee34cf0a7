/* test_action.c: the action table, key names, the default bindings (no
 * key bound twice in one context, every action reachable where it
 * applies), lookup with the global fallback, rebinding and its errors,
 * the help listing, and bouncedesk.conf holding bind lines beside policy
 * lines. */
#include "testlib.h"

#include <sys/stat.h>
#include <unistd.h>

#include "../../core/action.h"
#include "../../core/conf.h"
#include "../../core/keymap.h"

static void test_every_action_has_a_config_name_and_help(void **state)
{
	(void)state;
	for (int a = BD_ACT_NONE + 1; a < BD_ACT_COUNT; a++) {
		const struct bd_action_info *i = bd_action_info((enum bd_action)a);
		assert_non_null(i);
		assert_int_equal(i->id, a);
		/* Config names: lower-case words joined by '-'. */
		assert_true(strlen(i->name) > 0);
		for (const char *p = i->name; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || *p == '-');
		/* A sentence without its full stop, starting with a capital. */
		assert_true(strlen(i->help) > 8);
		assert_true(i->help[0] >= 'A' && i->help[0] <= 'Z');
		assert_true(i->help[strlen(i->help) - 1] != '.');
		assert_true(i->contexts != 0);
		assert_int_equal(bd_action_by_name(i->name), a);
	}
	assert_null(bd_action_info(BD_ACT_NONE));
	assert_null(bd_action_info(BD_ACT_COUNT));
	assert_int_equal(bd_action_by_name("explode"), BD_ACT_NONE);
	assert_int_equal(bd_action_by_name("none"), BD_ACT_NONE);
}

static void test_the_actions_the_ui_needs_exist(void **state)
{
	(void)state;
	static const char *const names[] = {
		"move-up", "move-down",    "page-up",     "page-down",    "top",
		"bottom",  "open",         "back",        "quit",         "help",
		"refresh", "search",       "search-back", "search-next",  "search-prev",
		"filter",  "clear-filter", "sort",        "toggle-empty", "toggle-headers",
		"tag",     "tag-pattern",  "untag-all",   "stop",         "resume",
		"confirm", "clear",        "undo",        "domains",      "raw",
		"redraw",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (bd_action_by_name(names[i]) == BD_ACT_NONE)
			fail_msg("no action '%s'", names[i]);
	}
	assert_int_equal(bd_action_by_name("stop"), BD_ACT_STOP);
	assert_true(bd_action_applies(BD_ACT_STOP, BD_CTX_ADDRESSES));
	assert_false(bd_action_applies(BD_ACT_STOP, BD_CTX_CATEGORIES));
	assert_false(bd_action_applies(BD_ACT_QUIT, BD_CTX_PROMPT));
}

static void test_context_names_read_back(void **state)
{
	(void)state;
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		enum bd_context got;
		assert_true(bd_context_parse(bd_context_name((enum bd_context)c), &got));
		assert_int_equal(got, c);
	}
	enum bd_context got;
	assert_false(bd_context_parse("pager", &got));
}

static bd_key key(const char *name)
{
	bd_key k = 0;
	if (!bd_key_parse(name, &k))
		fail_msg("'%s' does not parse", name);
	return k;
}

static void test_key_names_parse(void **state)
{
	(void)state;
	assert_int_equal(key("j"), 'j');
	assert_int_equal(key("?"), '?');
	assert_int_equal(key("<"), '<');
	assert_int_equal(key("C-d"), 4);
	assert_int_equal(key("c-D"), 4);
	assert_int_equal(key("^D"), 4);
	assert_int_equal(key("<C-d>"), 4);
	assert_int_equal(key("<PgDn>"), BD_KEY_PGDN);
	assert_int_equal(key("<pagedown>"), BD_KEY_PGDN);
	assert_int_equal(key("<Enter>"), BD_KEY_ENTER);
	assert_int_equal(key("C-m"), BD_KEY_ENTER);
	assert_int_equal(key("<Esc>"), BD_KEY_ESC);
	assert_int_equal(key("C-["), BD_KEY_ESC);
	assert_int_equal(key("<Tab>"), BD_KEY_TAB);
	assert_int_equal(key("<Space>"), ' ');
	assert_int_equal(key("<Hash>"), '#');
	assert_int_equal(key("<F1>"), BD_KEY_F(1));
	assert_int_equal(key("<F12>"), BD_KEY_F(12));
	assert_int_equal(key("<Backspace>"), BD_KEY_BACKSPACE);
	assert_int_equal(key("é"), 0xE9);
	assert_int_equal(key("停"), 0x505C);
	static const char *const bad[] = {"",       "jj", "<>",   "<F13>", "<F0>", "C-", "C-dd",
					  "<Nope>", " ",  "\x01", "\xe9",  "<F1",  "C-1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		bd_key k;
		if (bd_key_parse(bad[i], &k))
			fail_msg("'%s' parsed as %u", bad[i], (unsigned)k);
	}
}

static void test_key_names_format_and_read_back(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(bd_key_format('j', buf, sizeof(buf)), "j");
	assert_string_equal(bd_key_format(BD_KEY_CTRL('d'), buf, sizeof(buf)), "C-d");
	assert_string_equal(bd_key_format(BD_KEY_PGDN, buf, sizeof(buf)), "<PgDn>");
	assert_string_equal(bd_key_format(BD_KEY_ENTER, buf, sizeof(buf)), "<Enter>");
	assert_string_equal(bd_key_format(' ', buf, sizeof(buf)), "<Space>");
	assert_string_equal(bd_key_format('#', buf, sizeof(buf)), "#");
	assert_string_equal(bd_key_format(BD_KEY_F(10), buf, sizeof(buf)), "<F10>");
	assert_string_equal(bd_key_format(0x505C, buf, sizeof(buf)), "停");
	/* Every key reads back from its name. */
	for (bd_key k = 1; k < 0x3100; k++) {
		bd_key back;
		if (k != '#' && bd_key_parse(bd_key_format(k, buf, sizeof(buf)), &back))
			assert_int_equal(back, k);
	}
	for (bd_key k = BD_KEY_UP; k <= BD_KEY_LAST; k++) {
		bd_key back;
		assert_true(bd_key_parse(bd_key_format(k, buf, sizeof(buf)), &back));
		assert_int_equal(back, k);
	}
}

static void test_no_key_is_bound_twice_in_one_context(void **state)
{
	(void)state;
	struct bd_keymap km;
	struct bd_error err;
	bd_keymap_defaults(&km);
	if (!bd_keymap_check(&km, &err))
		fail_msg("%s", err.msg);
	/* The default table fits (a full table would have dropped keys). */
	for (int c = 0; c < BD_CTX_COUNT; c++)
		assert_true(km.n[c] < BD_KEYMAP_MAX);
	/* And the check does catch a key listed twice. */
	km.v[BD_CTX_RAW][km.n[BD_CTX_RAW]++] = (struct bd_binding){'n', BD_ACT_SEARCH_PREV};
	assert_false(bd_keymap_check(&km, &err));
	assert_string_equal(err.msg, "raw: n is bound twice ('search-next' and 'search-prev')");
}

static void test_every_action_is_reachable_where_it_applies(void **state)
{
	(void)state;
	struct bd_keymap km;
	bd_keymap_defaults(&km);
	for (int c = BD_CTX_GLOBAL + 1; c < BD_CTX_COUNT; c++) {
		for (int a = BD_ACT_NONE + 1; a < BD_ACT_COUNT; a++) {
			if (!bd_action_applies((enum bd_action)a, (enum bd_context)c))
				continue;
			bool found = false;
			for (int g = 0; g < BD_CTX_COUNT && !found; g++) {
				for (int i = 0; i < km.n[g] && !found; i++)
					found = bd_keymap_lookup(&km, (enum bd_context)c,
								 km.v[g][i].key) ==
						(enum bd_action)a;
			}
			if (!found)
				fail_msg("no key reaches '%s' in %s",
					 bd_action_name((enum bd_action)a),
					 bd_context_name((enum bd_context)c));
		}
	}
}

static void test_default_keys_follow_mutt_tig_and_less(void **state)
{
	(void)state;
	struct bd_keymap km;
	bd_keymap_defaults(&km);
	static const struct {
		enum bd_context ctx;
		const char *key;
		enum bd_action want;
	} cases[] = {
		{BD_CTX_ADDRESSES, "j", BD_ACT_MOVE_DOWN},
		{BD_CTX_ADDRESSES, "<Down>", BD_ACT_MOVE_DOWN},
		{BD_CTX_CATEGORIES, "k", BD_ACT_MOVE_UP},
		{BD_CTX_RAW, "C-d", BD_ACT_HALF_PAGE_DOWN},
		{BD_CTX_RAW, "<Space>", BD_ACT_PAGE_DOWN},
		{BD_CTX_DOMAINS, "<PgUp>", BD_ACT_PAGE_UP},
		{BD_CTX_DETAIL, "g", BD_ACT_MOVE_TOP},
		{BD_CTX_DETAIL, "G", BD_ACT_MOVE_BOTTOM},
		{BD_CTX_ADDRESSES, "<Enter>", BD_ACT_OPEN},
		{BD_CTX_ADDRESSES, "q", BD_ACT_BACK},
		{BD_CTX_RAW, "<Esc>", BD_ACT_BACK},
		{BD_CTX_CATEGORIES, "Q", BD_ACT_QUIT},
		{BD_CTX_HELP, "?", BD_ACT_HELP},
		{BD_CTX_RAW, "/", BD_ACT_SEARCH_FORWARD},
		{BD_CTX_ADDRESSES, "/", BD_ACT_FILTER},
		{BD_CTX_RAW, "n", BD_ACT_SEARCH_NEXT},
		{BD_CTX_RAW, "N", BD_ACT_SEARCH_PREV},
		{BD_CTX_ADDRESSES, "s", BD_ACT_STOP},
		{BD_CTX_DETAIL, "r", BD_ACT_RESUME},
		{BD_CTX_ADDRESSES, "c", BD_ACT_CONFIRM},
		{BD_CTX_ADDRESSES, "x", BD_ACT_CLEAR_LOG},
		{BD_CTX_ADDRESSES, "t", BD_ACT_TAG},
		{BD_CTX_ADDRESSES, "T", BD_ACT_TAG_PATTERN},
		{BD_CTX_ADDRESSES, "u", BD_ACT_UNDO},
		{BD_CTX_CATEGORIES, "d", BD_ACT_SHOW_DOMAINS},
		{BD_CTX_CATEGORIES, "R", BD_ACT_REFRESH},
		{BD_CTX_DETAIL, "v", BD_ACT_SHOW_RAW},
		{BD_CTX_RAW, "h", BD_ACT_TOGGLE_HEADERS},
		{BD_CTX_CATEGORIES, "C-l", BD_ACT_REDRAW},
	};
	char kb[32];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum bd_action got = bd_keymap_lookup(&km, cases[i].ctx, key(cases[i].key));
		if (got != cases[i].want)
			fail_msg("%s %s: '%s', expected '%s'", bd_context_name(cases[i].ctx),
				 bd_key_format(key(cases[i].key), kb, sizeof(kb)),
				 bd_action_name(got), bd_action_name(cases[i].want));
	}
}

static void test_context_keys_shadow_global_ones(void **state)
{
	(void)state;
	struct bd_keymap km;
	bd_keymap_defaults(&km);
	/* <Left> goes back, except in the pagers where it scrolls. */
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, BD_KEY_LEFT), BD_ACT_BACK);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_RAW, BD_KEY_LEFT), BD_ACT_SCROLL_LEFT);
	/* A key bound nowhere. */
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'Z'), BD_ACT_NONE);
}

static void test_prompt_keys_do_not_fall_back_to_global(void **state)
{
	(void)state;
	struct bd_keymap km;
	bd_keymap_defaults(&km);
	/* Letters typed in a prompt are text, not "back" or "move-down". */
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_PROMPT, 'q'), BD_ACT_NONE);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_PROMPT, 'j'), BD_ACT_NONE);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_PROMPT, BD_KEY_ENTER), BD_ACT_ACCEPT);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_PROMPT, BD_KEY_ESC), BD_ACT_CANCEL);
}

/* Applies one config line to km; returns the error message or NULL. */
static const char *line(struct bd_keymap *km, const char *text, struct bd_error *err)
{
	char buf[256];
	char *w[8];
	int nw = 0;
	snprintf(buf, sizeof(buf), "%s", text);
	for (char *t = strtok(buf, " "); t && nw < 8; t = strtok(NULL, " "))
		w[nw++] = t;
	return bd_keymap_parse_words(km, "test.conf", 7, w, nw, err) ? NULL : err->msg;
}

static void test_bind_lines_rebind_keys(void **state)
{
	(void)state;
	struct bd_keymap km;
	struct bd_error err;
	bd_keymap_defaults(&km);
	assert_null(line(&km, "bind addresses S stop", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'S'), BD_ACT_STOP);
	/* Rebinding a key replaces its action; it is still bound once. */
	assert_null(line(&km, "bind addresses s resume", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 's'), BD_ACT_RESUME);
	assert_null(line(&km, "bind global <F10> quit", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_DETAIL, BD_KEY_F(10)), BD_ACT_QUIT);
	assert_null(line(&km, "bind raw <Hash> toggle-headers", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_RAW, '#'), BD_ACT_TOGGLE_HEADERS);
	/* unbind in a context uncovers the global binding. */
	assert_null(line(&km, "unbind raw <Left>", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_RAW, BD_KEY_LEFT), BD_ACT_BACK);
	assert_null(line(&km, "unbind global d", &err));
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_CATEGORIES, 'd'), BD_ACT_NONE);
	if (!bd_keymap_check(&km, &err))
		fail_msg("%s", err.msg);
}

static void test_bad_bind_lines_say_file_and_line(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"bind addresses", "test.conf:7: 'bind' needs a context, a key and an action"},
		{"bind addresses s stop now", "test.conf:7: 'bind' needs"},
		{"bind pager s stop", "test.conf:7: unknown context 'pager'"},
		{"bind addresses <PageDn> stop", "test.conf:7: '<PageDn>' is not a key"},
		{"bind addresses s explode", "test.conf:7: unknown action 'explode'"},
		{"bind categories s stop",
		 "test.conf:7: 'stop' does not apply in categories (only in addresses, detail)"},
		{"bind global s stop", "test.conf:7: 'stop' does not apply in global"},
		{"bind prompt q quit", "test.conf:7: 'quit' does not apply in prompt"},
		{"unbind addresses", "test.conf:7: 'unbind' needs a context and a key"},
		{"unbind addresses Z", "test.conf:7: Z is not bound in addresses"},
		{"unbind raw <Nope>", "test.conf:7: '<Nope>' is not a key"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct bd_keymap km;
		struct bd_error err;
		bd_keymap_defaults(&km);
		const char *msg = line(&km, bad[i].text, &err);
		if (!msg || !strstr(msg, bad[i].want))
			fail_msg("'%s' gave '%s'", bad[i].text, msg ? msg : "no error");
		assert_int_equal(err.code, BD_ERR_SYNTAX);
	}
}

static void test_a_full_context_is_an_error_not_an_overflow(void **state)
{
	(void)state;
	struct bd_keymap km;
	struct bd_error err;
	bd_keymap_init(&km);
	for (int i = 0; i < BD_KEYMAP_MAX; i++)
		assert_true(bd_keymap_bind(&km, BD_CTX_RAW, 0x4E00 + (bd_key)i, BD_ACT_MOVE_DOWN,
					   &err));
	assert_false(bd_keymap_bind(&km, BD_CTX_RAW, 'j', BD_ACT_MOVE_DOWN, &err));
	assert_int_equal(err.code, BD_ERR_LIMIT);
	/* Rebinding a bound key still works when full. */
	assert_true(bd_keymap_bind(&km, BD_CTX_RAW, 0x4E00, BD_ACT_MOVE_UP, &err));
}

static const struct bd_keyhelp *help_for(const struct bd_keyhelp *h, size_t n, enum bd_action a)
{
	for (size_t i = 0; i < n; i++) {
		if (h[i].action == a)
			return &h[i];
	}
	return NULL;
}

static void test_help_lists_the_live_keys_of_a_context(void **state)
{
	(void)state;
	struct bd_keymap km;
	struct bd_keyhelp h[BD_ACT_COUNT];
	struct bd_error err;
	bd_keymap_defaults(&km);
	size_t n = bd_keymap_help(&km, BD_CTX_ADDRESSES, h, BD_ACT_COUNT);
	/* Own keys and global ones, in the order of the action table. */
	const struct bd_keyhelp *stop = help_for(h, n, BD_ACT_STOP);
	assert_non_null(stop);
	assert_int_equal(stop->nkeys, 1);
	assert_int_equal(stop->keys[0], 's');
	const struct bd_keyhelp *down = help_for(h, n, BD_ACT_MOVE_DOWN);
	assert_non_null(down);
	assert_int_equal(down->nkeys, 3);
	assert_int_equal(down->keys[0], 'j');
	assert_true(help_for(h, n, BD_ACT_MOVE_UP) < help_for(h, n, BD_ACT_STOP));
	/* Actions of other screens are not listed. */
	assert_null(help_for(h, n, BD_ACT_TOGGLE_HEADERS));
	assert_null(help_for(h, n, BD_ACT_ACCEPT));
	/* A shadowed global key is not listed: <Left> scrolls in raw. */
	n = bd_keymap_help(&km, BD_CTX_RAW, h, BD_ACT_COUNT);
	const struct bd_keyhelp *back = help_for(h, n, BD_ACT_BACK);
	for (int i = 0; i < back->nkeys; i++)
		assert_int_not_equal(back->keys[i], BD_KEY_LEFT);
	/* After a rebinding, the help says the new key. */
	assert_true(bd_keymap_bind(&km, BD_CTX_ADDRESSES, 'S', BD_ACT_STOP, &err));
	assert_true(bd_keymap_unbind(&km, BD_CTX_ADDRESSES, 's'));
	n = bd_keymap_help(&km, BD_CTX_ADDRESSES, h, BD_ACT_COUNT);
	stop = help_for(h, n, BD_ACT_STOP);
	assert_int_equal(stop->nkeys, 1);
	assert_int_equal(stop->keys[0], 'S');
	/* An unbound action is listed without keys. */
	assert_true(bd_keymap_unbind(&km, BD_CTX_ADDRESSES, 'S'));
	n = bd_keymap_help(&km, BD_CTX_ADDRESSES, h, BD_ACT_COUNT);
	assert_int_equal(help_for(h, n, BD_ACT_STOP)->nkeys, 0);
	/* The prompt lists only its own actions. */
	n = bd_keymap_help(&km, BD_CTX_PROMPT, h, BD_ACT_COUNT);
	assert_null(help_for(h, n, BD_ACT_QUIT));
	assert_non_null(help_for(h, n, BD_ACT_ACCEPT));
	/* max is respected. */
	assert_int_equal(bd_keymap_help(&km, BD_CTX_ADDRESSES, h, 2), 2);
}

static bool keymaps_equal(const struct bd_keymap *a, const struct bd_keymap *b)
{
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		if (a->n[c] != b->n[c])
			return false;
		for (int i = 0; i < a->n[c]; i++) {
			if (bd_keymap_get(b, (enum bd_context)c, a->v[c][i].key) !=
			    a->v[c][i].action)
				return false;
		}
	}
	return true;
}

static void test_conf_file_holds_policy_and_bind_lines(void **state)
{
	(void)state;
	static const char text[] = "# ours\n"
				   "window 14d\n"
				   "bind addresses S stop      # capital S as well\n"
				   "policy group:sender ignore\n"
				   "unbind global d\n";
	struct bd_policy p;
	struct bd_keymap km;
	struct bd_error err;
	bd_policy_init(&p);
	assert_true(bd_policy_defaults(&p, &err));
	bd_keymap_defaults(&km);
	if (!bd_conf_parse(&p, &km, "test.conf", text, sizeof(text) - 1, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(p.window_days, 14);
	assert_int_equal(bd_policy_for(&p, bd_reason_get("blocked"))->action, BD_POL_IGNORE);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'S'), BD_ACT_STOP);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'd'), BD_ACT_NONE);
	/* The policy-only reader takes the same file and ignores its keys. */
	struct bd_policy q;
	bd_policy_init(&q);
	assert_true(bd_policy_defaults(&q, &err));
	if (!bd_policy_parse(&q, "test.conf", text, sizeof(text) - 1, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(q.window_days, 14);
	bd_policy_done(&q);
	bd_policy_done(&p);
}

static void test_a_bad_line_of_either_kind_refuses_the_whole_file(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"policy userunknown ignore\nbind addresses s explode\n",
		 "test.conf:2: unknown action 'explode'"},
		{"bind addresses S stop\npolicy nosuchreason stop\n",
		 "test.conf:2: 'nosuchreason' is not a reason"},
		{"bind addresses S stop\ncolour red\n", "test.conf:2: unknown setting 'colour'"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct bd_policy p;
		struct bd_keymap km, before;
		struct bd_error err;
		bd_policy_init(&p);
		assert_true(bd_policy_defaults(&p, &err));
		bd_keymap_defaults(&km);
		before = km;
		assert_false(bd_conf_parse(&p, &km, "test.conf", bad[i].text, strlen(bad[i].text),
					   &err));
		if (!strstr(err.msg, bad[i].want))
			fail_msg("'%s' gave '%s'", bad[i].text, err.msg);
		/* Neither the good line before nor anything else took effect. */
		assert_true(keymaps_equal(&km, &before));
		assert_int_equal(bd_policy_for(&p, bd_reason_get("userunknown"))->action,
				 BD_POL_STOP);
		/* The policy-only reader refuses the file too. */
		struct bd_policy q;
		bd_policy_init(&q);
		assert_false(
			bd_policy_parse(&q, "test.conf", bad[i].text, strlen(bad[i].text), &err));
		assert_non_null(strstr(err.msg, bad[i].want));
		bd_policy_done(&q);
		bd_policy_done(&p);
	}
}

static void test_dumped_bindings_read_back_as_config(void **state)
{
	(void)state;
	struct bd_keymap def, km;
	struct bd_buf b;
	struct bd_error err;
	bd_keymap_defaults(&def);
	bd_buf_init(&b);
	bd_keymap_dump(&def, &b);
	assert_non_null(strstr(b.data, "bind addresses s stop\n"));
	assert_non_null(strstr(b.data, "bind global C-d half-page-down\n"));
	assert_non_null(strstr(b.data, "bind global <Space> page-down\n"));
	bd_keymap_init(&km);
	if (!bd_conf_parse(NULL, &km, "dump", b.data, b.len, &err))
		fail_msg("%s", err.msg);
	assert_true(keymaps_equal(&def, &km));
	assert_true(keymaps_equal(&km, &def));
	bd_buf_done(&b);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_standard_files_apply_in_order(void **state)
{
	(void)state;
	char dir[] = "/tmp/bd-conf-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char sys[300], user[300], userdir[300], extra[300];
	snprintf(sys, sizeof(sys), "%s/bouncedesk.conf", dir);
	snprintf(userdir, sizeof(userdir), "%s/bouncedesk", dir);
	snprintf(user, sizeof(user), "%s/bouncedesk/bouncedesk.conf", dir);
	snprintf(extra, sizeof(extra), "%s/extra.conf", dir);
	assert_int_equal(mkdir(userdir, 0700), 0);
	write_file(sys, "bind addresses S stop\nunbind global d\n");
	write_file(user, "bind addresses S resume\nwindow 7d\n");
	write_file(extra, "bind global D domains\n");
	setenv("BOUNCEDESK_SYSCONFDIR", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	struct bd_policy p;
	struct bd_keymap km;
	struct bd_error err;
	bd_policy_init(&p);
	if (!bd_conf_load_standard(&p, &km, extra, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'S'), BD_ACT_RESUME);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'd'), BD_ACT_NONE);
	assert_int_equal(bd_keymap_lookup(&km, BD_CTX_ADDRESSES, 'D'), BD_ACT_SHOW_DOMAINS);
	assert_int_equal(p.window_days, 7);
	bd_policy_done(&p);
	/* The policy loader reads the same files; a bad bind line in one is
	 * reported with its file and line. */
	write_file(extra, "\nbind global D nowhere\n");
	bd_policy_init(&p);
	assert_false(bd_policy_load_standard(&p, extra, &err));
	char want[400];
	snprintf(want, sizeof(want), "%s:2: unknown action 'nowhere'", extra);
	assert_true(strncmp(err.msg, want, strlen(want)) == 0);
	bd_policy_done(&p);
	unsetenv("BOUNCEDESK_SYSCONFDIR");
	unsetenv("XDG_CONFIG_HOME");
	unlink(sys);
	unlink(user);
	unlink(extra);
	rmdir(userdir);
	rmdir(dir);
}

static void test_bind_examples_in_the_example_file_are_valid(void **state)
{
	(void)state;
	const char *dir = getenv("BD_FIXTURES");
	char path[1024];
	snprintf(path, sizeof(path), "%s/../../etc/bouncedesk.conf.example",
		 dir ? dir : "tests/fixtures");
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	/* The commented-out bind and unbind lines, uncommented. */
	struct bd_buf text;
	bd_buf_init(&text);
	char line[512];
	int n = 0;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "#bind ", 6) == 0 || strncmp(line, "#unbind ", 8) == 0) {
			bd_buf_adds(&text, line + 1);
			n++;
		}
	}
	fclose(f);
	assert_true(n >= 2);
	struct bd_keymap km;
	struct bd_error err;
	bd_keymap_defaults(&km);
	if (!bd_conf_parse(NULL, &km, path, text.data, text.len, &err))
		fail_msg("%s", err.msg);
	bd_buf_done(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action_has_a_config_name_and_help),
		cmocka_unit_test(test_the_actions_the_ui_needs_exist),
		cmocka_unit_test(test_context_names_read_back),
		cmocka_unit_test(test_key_names_parse),
		cmocka_unit_test(test_key_names_format_and_read_back),
		cmocka_unit_test(test_no_key_is_bound_twice_in_one_context),
		cmocka_unit_test(test_every_action_is_reachable_where_it_applies),
		cmocka_unit_test(test_default_keys_follow_mutt_tig_and_less),
		cmocka_unit_test(test_context_keys_shadow_global_ones),
		cmocka_unit_test(test_prompt_keys_do_not_fall_back_to_global),
		cmocka_unit_test(test_bind_lines_rebind_keys),
		cmocka_unit_test(test_bad_bind_lines_say_file_and_line),
		cmocka_unit_test(test_a_full_context_is_an_error_not_an_overflow),
		cmocka_unit_test(test_help_lists_the_live_keys_of_a_context),
		cmocka_unit_test(test_conf_file_holds_policy_and_bind_lines),
		cmocka_unit_test(test_a_bad_line_of_either_kind_refuses_the_whole_file),
		cmocka_unit_test(test_dumped_bindings_read_back_as_config),
		cmocka_unit_test(test_standard_files_apply_in_order),
		cmocka_unit_test(test_bind_examples_in_the_example_file_are_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
