/* test_view.c: the UI's views without a terminal: keys pressed against a
 * store of a few bounces, state and rendered lines asserted. */
#include "store_fixture.h"

#include "../../app/app.h"

static struct fx *five(void)
{
	struct fx *f = fx_new();
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a2@x>", 1, BD_KIND_BOUNCE);
	bounce(f, "b@alpha.example", NULL, "userunknown", "5.1.1", "<b1@x>", 4, BD_KIND_BOUNCE);
	bounce(f, "c@alpha.example", NULL, "userunknown", "5.1.1", "<c1@x>", 2, BD_KIND_BOUNCE);
	bounce(f, "d@gamma.example", NULL, "userunknown", "5.1.1", "<d1@x>", 5, BD_KIND_BOUNCE);
	bounce_diag(f, "e@beta.example", NULL, "userunknown", "5.1.1", "<e1@x>", 3, BD_KIND_BOUNCE,
		    "550 Mailbox DISABLED");
	return f;
}

struct ui {
	struct fx *f;
	struct bd_app app;
	struct bd_keymap km;
	struct bd_line lines[24];
};

static struct ui *ui_new(void)
{
	struct ui *u = calloc(1, sizeof(*u));
	u->f = five();
	bd_keymap_defaults(&u->km);
	bd_app_init(&u->app, u->f->s, &u->f->pol, &u->km, "tester", false);
	u->app.now = T0;
	for (int i = 0; i < 24; i++)
		bd_line_init(&u->lines[i]);
	bd_app_sync(&u->app, 24, 80);
	return u;
}

static void ui_free(struct ui *u)
{
	for (int i = 0; i < 24; i++)
		bd_line_done(&u->lines[i]);
	bd_app_done(&u->app);
	fx_free(u->f);
	free(u);
}

/* Presses keys named in a space-separated list ("j", "<Enter>"); runs the
 * jobs and syncs as the loop does.  Returns the last effects. */
static unsigned press(struct ui *u, const char *keys)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", keys);
	unsigned fx = 0;
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		bd_key k;
		assert_true(bd_key_parse(w, &k));
		fx = bd_app_key(&u->app, k);
		while (fx & BD_FX_JOB)
			fx = (fx & ~(unsigned)BD_FX_JOB) | bd_app_run(&u->app);
		bd_app_sync(&u->app, 24, 80);
	}
	return fx;
}

static void type(struct ui *u, const char *text)
{
	for (const char *p = text; *p; p++)
		bd_app_key(&u->app, (bd_key)(unsigned char)*p);
}

static const char *line(struct ui *u, int y)
{
	int cur;
	bd_app_render(&u->app, u->lines, 24, 80, &cur);
	return u->lines[y].text.data ? u->lines[y].text.data : "";
}

static void test_categories_start_on_the_first_category_with_bounces(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_CATEGORIES);
	assert_non_null(strstr(line(u, 2 + (int)v->lv.cursor - (int)v->lv.top), "userunknown"));
	ui_free(u);
}

static void test_open_lists_the_category_latest_first_and_moves_clamp(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter>");
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_ADDRESSES);
	assert_int_equal(v->lv.rows, 5);
	assert_string_equal(v->rows[0].address, "d@gamma.example");
	press(u, "k");
	assert_int_equal(v->lv.cursor, 0);
	press(u, "G j j");
	assert_int_equal(v->lv.cursor, 4);
	assert_true(bd_listview_valid(&v->lv));
	ui_free(u);
}

static void test_stop_with_a_reason_is_journalled_under_the_actor(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter> s");
	assert_int_equal(bd_app_context(&u->app), BD_CTX_PROMPT);
	type(u, "asked by phone");
	press(u, "<Enter>");
	assert_non_null(strstr(bd_app_status(&u->app), "stop d@gamma.example"));
	struct addr_copy a = addr(u->f, "d@gamma.example", &(bool){false});
	assert_int_equal(a.state, BD_STATE_STOPPED);
	assert_false(a.review);
	ui_free(u);
}

static void test_a_bad_filter_shows_pcre2s_message_and_keeps_the_list(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter> /");
	type(u, "alpha(");
	press(u, "<Enter>");
	struct bd_view *v = bd_app_top(&u->app);
	assert_true(u->app.status_error);
	assert_non_null(strstr(bd_app_status(&u->app), "missing closing parenthesis"));
	assert_int_equal(v->lv.rows, 5);
	press(u, "/ C-u");
	type(u, "alpha");
	press(u, "<Enter>");
	assert_int_equal(v->lv.rows, 2);
	press(u, "L");
	assert_int_equal(v->lv.rows, 5);
	ui_free(u);
}

/* Keys on a screen of 6 lines: a list window of 3 rows. */
static void press_small(struct ui *u, const char *keys)
{
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", keys);
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		bd_key k;
		assert_true(bd_key_parse(w, &k));
		unsigned fx = bd_app_key(&u->app, k);
		while (fx & BD_FX_JOB)
			fx = (fx & ~(unsigned)BD_FX_JOB) | bd_app_run(&u->app);
		bd_app_sync(&u->app, 6, 80);
	}
}

static void test_a_filter_shows_its_first_page_and_counts_when_idle(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	bd_app_sync(&u->app, 6, 80);
	press_small(u, "<Enter> /");
	type(u, "example");
	press_small(u, "<Enter>");
	struct bd_view *v = bd_app_top(&u->app);
	/* The page the window shows, and more to come: not counted yet. */
	assert_true(bd_app_idle_pending(&u->app));
	assert_int_equal(v->lv.rows, 3);
	assert_true(v->lv.more);
	assert_int_equal(v->npage, 3);
	assert_string_equal(v->rows[0].address, "d@gamma.example");
	assert_non_null(strstr(bd_app_status(&u->app), "3+ addresses, counting"));
	assert_true(bd_app_idle(&u->app) & BD_FX_REDRAW);
	assert_false(bd_app_idle_pending(&u->app));
	assert_int_equal(v->lv.rows, 5);
	assert_false(v->lv.more);
	assert_int_equal(v->lv.cursor, 0);
	assert_non_null(strstr(bd_app_status(&u->app), "filter /example/: 5 addresses"));
	assert_int_equal(bd_app_idle(&u->app), 0);
	assert_true(bd_listview_valid(&v->lv));
	ui_free(u);
}

static void test_a_key_before_the_count_moves_over_the_whole_list(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	bd_app_sync(&u->app, 6, 80);
	press_small(u, "<Enter> /");
	type(u, "example");
	press_small(u, "<Enter>");
	assert_true(bd_app_idle_pending(&u->app));
	press_small(u, "G");
	struct bd_view *v = bd_app_top(&u->app);
	assert_false(bd_app_idle_pending(&u->app));
	assert_int_equal(v->lv.rows, 5);
	assert_int_equal(v->lv.cursor, 4);
	assert_int_equal(v->npage, 3);
	/* A filter its first page holds whole is counted at once. */
	press_small(u, "/ C-u");
	type(u, "beta");
	press_small(u, "<Enter>");
	assert_false(bd_app_idle_pending(&u->app));
	assert_int_equal(v->lv.rows, 2);
	assert_non_null(strstr(bd_app_status(&u->app), "filter /beta/: 2 addresses"));
	press_small(u, "L");
	assert_int_equal(v->lv.rows, 5);
	ui_free(u);
}

/* A filter whose first page needs a pass over every address answers the
 * key at once with no rows and "searching"; the pass runs when no key
 * waits and brings the rows and their count. */
static void test_a_rare_filter_searches_when_no_key_waits(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	bd_store_set_filter_budget(u->f->s, 0); /* every filtered page needs the pass */
	press(u, "<Enter> /");
	type(u, "gamma");
	press(u, "<Enter>");
	struct bd_view *v = bd_app_top(&u->app);
	assert_true(bd_app_idle_pending(&u->app));
	assert_int_equal(v->npage, 0);
	assert_non_null(strstr(bd_app_status(&u->app), "filter /gamma/: searching every address"));
	assert_non_null(strstr(line(u, 2), "searching every address..."));
	assert_true(bd_app_idle(&u->app) & BD_FX_REDRAW);
	bd_app_sync(&u->app, 24, 80);
	assert_false(bd_app_idle_pending(&u->app));
	assert_int_equal(v->lv.rows, 1);
	assert_int_equal(v->npage, 1);
	assert_string_equal(v->rows[0].address, "d@gamma.example");
	assert_non_null(strstr(bd_app_status(&u->app), "filter /gamma/: 1 address"));
	/* A bad pattern is still refused at once, the list kept. */
	press(u, "/ C-u");
	type(u, "gam(");
	press(u, "<Enter>");
	assert_non_null(strstr(bd_app_status(&u->app), "bad pattern"));
	assert_int_equal(v->lv.rows, 1);
	ui_free(u);
}

static void test_sorting_a_filtered_list_keeps_its_count_and_goes_to_the_top(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter> /");
	type(u, "example");
	press(u, "<Enter> j j o");
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->sort, BD_SORT_ADDRESS);
	assert_int_equal(v->lv.rows, 5);
	assert_int_equal(v->lv.cursor, 0);
	assert_string_equal(v->rows[0].address, "a@beta.example");
	assert_string_equal(v->rows[4].address, "e@beta.example");
	/* Unfiltered, the cursor stays on its address. */
	press(u, "L j j");
	assert_string_equal(v->rows[v->lv.cursor].address, "c@alpha.example");
	press(u, "o");
	assert_int_equal(v->sort, BD_SORT_DOMAIN);
	assert_string_equal(v->rows[v->lv.cursor].address, "c@alpha.example");
	ui_free(u);
}

static void test_clear_asks_with_the_number_of_events(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter> G x");
	assert_int_equal(u->app.prompt, BD_PROMPT_CONFIRM);
	assert_non_null(strstr(line(u, 23), "a@beta.example: 2 events go"));
	press(u, "n");
	assert_int_equal(u->app.prompt, BD_PROMPT_NONE);
	bool found = false;
	addr(u->f, "a@beta.example", &found);
	assert_true(found);
	ui_free(u);
}

/* Clear on the tagged addresses: one question with the events of all of
 * them, then every log goes in one batch, each journalled. */
static void test_clear_on_tagged_addresses_asks_once_for_all(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	/* Latest first: d (5), b (4), e (3)...; t tags and moves down. */
	press(u, "<Enter> t t");
	assert_int_equal(u->app.ntags, 2);
	press(u, "; x");
	assert_int_equal(u->app.prompt, BD_PROMPT_CONFIRM);
	assert_non_null(strstr(line(u, 23), "Clear the logs of 2 tagged addresses: 2 events go"));
	press(u, "y");
	assert_int_equal(u->app.prompt, BD_PROMPT_REASON);
	type(u, "fixed");
	press(u, "<Enter>");
	assert_non_null(strstr(bd_app_status(&u->app), "cleared 2 addresses: 2 events deleted"));
	assert_int_equal(u->app.ntags, 0);
	bool found;
	struct addr_copy a = addr(u->f, "d@gamma.example", &found);
	assert_true(found);
	assert_int_equal(a.bounces, 0);
	a = addr(u->f, "b@alpha.example", &found);
	assert_int_equal(a.bounces, 0);
	a = addr(u->f, "a@beta.example", &found);
	assert_int_equal(a.bounces, 2); /* untagged: kept */
	/* Saying no clears nothing. */
	press(u, "t ; x n");
	assert_non_null(strstr(bd_app_status(&u->app), "nothing cleared"));
	ui_free(u);
}

/* Domains: the busiest first; Enter lists that domain's addresses with
 * its counts per reason, and decisions work there as in a category. */
static void test_domains_open_into_their_addresses(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "d");
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_DOMAINS);
	assert_int_equal(v->lv.rows, 3);
	assert_string_equal(v->doms[0].domain, "beta.example"); /* 3 bounces */
	press(u, "<Enter>");
	v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_ADDRESSES);
	assert_int_equal(v->group, BD_GROUP_DOMAIN);
	assert_int_equal(v->lv.rows, 2);
	assert_string_equal(v->rows[0].address, "e@beta.example");
	assert_string_equal(v->rows[1].address, "a@beta.example");
	assert_non_null(v->reasons);
	assert_non_null(strstr(v->reasons, "userunknown"));
	assert_int_equal(state_of(u->f, "e@beta.example"), BD_STATE_STOPPED); /* automatic */
	press(u, "r");
	type(u, "checked");
	press(u, "<Enter>");
	assert_int_equal(state_of(u->f, "e@beta.example"), BD_STATE_ACTIVE);
	press(u, "q");
	assert_int_equal(bd_app_top(&u->app)->kind, BD_VIEW_DOMAINS);
	ui_free(u);
}

static void test_help_lists_the_live_keys_of_the_screen_below(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	press(u, "<Enter> ?");
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_HELP);
	bool stop = false;
	for (size_t i = 0; i < v->nlines; i++)
		stop |= strstr(v->lines[i].text, " s ") && strstr(v->lines[i].text, "stop");
	assert_true(stop);
	press(u, "q");
	assert_int_equal(bd_app_top(&u->app)->kind, BD_VIEW_ADDRESSES);
	ui_free(u);
}

/* Is text in the help, on one line or wrapped over several? */
static bool help_has(struct ui *u, const char *text)
{
	struct bd_view *v = bd_app_top(&u->app);
	struct bd_buf all;
	bd_buf_init(&all);
	for (size_t i = 0; i < v->nlines; i++) {
		const char *p = v->lines[i].text;
		while (*p == ' ')
			p++;
		bd_buf_adds(&all, p);
		bd_buf_addc(&all, ' ');
	}
	bool found = strstr(all.data, text) != NULL;
	bd_buf_done(&all);
	return found;
}

/* The help of a category's list: its guide and the stop rule in force, in
 * words, as the configuration says now. */
static void test_help_shows_the_category_guide_and_the_rule_in_force(void **state)
{
	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	struct ui *u = ui_new();
	press(u, "<Enter> ?");
	assert_string_equal(bd_app_top(&u->app)->title, "Help: the addresses screen");
	assert_true(help_has(u, "About this category: User unknown"));
	assert_true(help_has(u, "Stops the address at the first bounce"));
	assert_true(help_has(u, "Category guide"));
	press(u, "q");
	struct bd_error err;
	const char *conf = "policy userunknown hold after=4 within=10d\n";
	assert_true(bd_policy_parse(&u->f->pol, "test.conf", conf, strlen(conf), &err));
	press(u, "?");
	assert_true(
		help_has(u, "Stop rule now (userunknown hold after=4 within=10d [test.conf:1])"));
	assert_true(help_has(u, "on hold (do not mail, reach the person another way) after 4"));
	assert_true(help_has(u, "within 10 days"));
	ui_free(u);
}

/* LANG=ja_JP.UTF-8: the keys' sentences, the headings and the guide in
 * Japanese; key names and action names stay as bind lines write them. */
static void test_help_in_japanese_with_a_japanese_locale(void **state)
{
	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "ja_JP.UTF-8", 1);
	struct ui *u = ui_new();
	press(u, "<Enter> ?");
	assert_string_equal(bd_app_top(&u->app)->title, "ヘルプ: addresses 画面");
	assert_true(help_has(u, "move-up        カーソルを 1 行上へ"));
	assert_true(help_has(u, "このカテゴリについて: 宛先不明"));
	assert_true(help_has(u, "最初のバウンスで配信を停止します"));
	assert_false(help_has(u, "Move the cursor up one row"));
	setenv("LANG", "C.UTF-8", 1);
	ui_free(u);
}

/* e explains the codes of the bounce in view: the latest of the address
 * under the cursor, or in the detail the bounce at the top of the screen,
 * with the stop rule in force. */
static void test_explain_the_code_of_the_bounce_in_view(void **state)
{
	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	struct ui *u = ui_new();
	press(u, "<Enter> e");
	struct bd_view *v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_HELP);
	assert_string_equal(v->explain, "5.1.1");
	assert_true(help_has(u, "5.1.1 Bad destination mailbox address"));
	assert_true(help_has(u, "Reason: userunknown"));
	assert_true(help_has(u, "Stop rule: group:address stop"));
	press(u, "q <Enter> e");
	v = bd_app_top(&u->app);
	assert_int_equal(v->kind, BD_VIEW_HELP);
	assert_true(help_has(u, "Permanent failure: yes"));
	press(u, "q q");
	assert_int_equal(bd_app_top(&u->app)->kind, BD_VIEW_ADDRESSES);
	ui_free(u);
}

static void test_back_from_the_first_screen_quits(void **state)
{
	(void)state;
	struct ui *u = ui_new();
	assert_true(press(u, "q") & BD_FX_QUIT);
	ui_free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_categories_start_on_the_first_category_with_bounces),
		cmocka_unit_test(test_open_lists_the_category_latest_first_and_moves_clamp),
		cmocka_unit_test(test_stop_with_a_reason_is_journalled_under_the_actor),
		cmocka_unit_test(test_a_bad_filter_shows_pcre2s_message_and_keeps_the_list),
		cmocka_unit_test(test_a_filter_shows_its_first_page_and_counts_when_idle),
		cmocka_unit_test(test_a_key_before_the_count_moves_over_the_whole_list),
		cmocka_unit_test(test_a_rare_filter_searches_when_no_key_waits),
		cmocka_unit_test(test_sorting_a_filtered_list_keeps_its_count_and_goes_to_the_top),
		cmocka_unit_test(test_clear_asks_with_the_number_of_events),
		cmocka_unit_test(test_clear_on_tagged_addresses_asks_once_for_all),
		cmocka_unit_test(test_domains_open_into_their_addresses),
		cmocka_unit_test(test_help_lists_the_live_keys_of_the_screen_below),
		cmocka_unit_test(test_help_shows_the_category_guide_and_the_rule_in_force),
		cmocka_unit_test(test_help_in_japanese_with_a_japanese_locale),
		cmocka_unit_test(test_explain_the_code_of_the_bounce_in_view),
		cmocka_unit_test(test_back_from_the_first_screen_quits),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
