/* test_store_ui.c: what the operator's screens read and do, against real
 * SQLite files: group counts, address pages (edges, sort orders, filters,
 * positions), domains, the forwarding chain, the next bounce, decisions on
 * many addresses, undo, and change detection. */
#include "store_fixture.h"

#include <limits.h>
#include <sqlite3.h>

#include "../../db/regexp.h"
#include "../../db/schema.h"
#include "../../db/storeint.h"

/* ---- helpers ---- */

/* Rows of a page as "address " strings. */
static bool list_row(void *ctx, const struct bd_store_row *r)
{
	char *buf = ctx;
	strcat(buf, r->a.address);
	strcat(buf, " ");
	return true;
}

static char *page(struct fx *f, const struct bd_store_query *q, int64_t offset, int limit)
{
	static char buf[4096];
	buf[0] = '\0';
	struct bd_store_error err;
	if (!bd_store_page(f->s, q, offset, limit, list_row, buf, &err))
		fail_msg("%s", err.msg);
	return buf;
}

static int64_t count(struct fx *f, const struct bd_store_query *q)
{
	int64_t n;
	struct bd_store_error err;
	if (!bd_store_page_count(f->s, q, &n, &err))
		fail_msg("%s", err.msg);
	return n;
}

static int64_t position(struct fx *f, const struct bd_store_query *q, const char *a)
{
	int64_t pos;
	bool found;
	struct bd_store_error err;
	if (!bd_store_page_position(f->s, q, a, &pos, &found, &err))
		fail_msg("%s", err.msg);
	return found ? pos : -1;
}

static struct bd_store_groups groups(struct fx *f)
{
	struct bd_store_groups g;
	struct bd_store_error err;
	assert_true(bd_store_group_counts(f->s, &g, &err));
	return g;
}

static void unparsed(struct fx *f)
{
	bounce(f, "x@example.org", NULL, "undefined", NULL, NULL, 0, BD_KIND_UNPARSED);
}

/* Five addresses in userunknown:
 *   a@beta.example   day 1, 3 bounces
 *   b@alpha.example  day 4, 1 bounce
 *   c@alpha.example  day 2, 2 bounces
 *   d@gamma.example  day 5, 1 bounce
 *   e@beta.example   day 3, 1 bounce, diagnostic "550 Mailbox DISABLED" */
static struct fx *five(void)
{
	struct fx *f = fx_new();
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a2@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a3@x>", 1, BD_KIND_BOUNCE);
	bounce(f, "b@alpha.example", NULL, "userunknown", "5.1.1", "<b1@x>", 4, BD_KIND_BOUNCE);
	bounce(f, "c@alpha.example", NULL, "userunknown", "5.1.1", "<c1@x>", 1, BD_KIND_BOUNCE);
	bounce(f, "c@alpha.example", NULL, "userunknown", "5.1.1", "<c2@x>", 2, BD_KIND_BOUNCE);
	bounce(f, "d@gamma.example", NULL, "userunknown", "5.1.1", "<d1@x>", 5, BD_KIND_BOUNCE);
	bounce_diag(f, "e@beta.example", NULL, "userunknown", "5.1.1", "<e1@x>", 3, BD_KIND_BOUNCE,
		    "550 Mailbox DISABLED");
	return f;
}

static const struct bd_store_query uu = {BD_GROUP_REASON, "userunknown", BD_SORT_LAST, NULL, NULL};

/* ---- group counts ---- */

static void test_group_counts_follow_ingest_and_decisions(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "gone@example.jp", NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	for (int i = 0; i < 3; i++) {
		char orig[24];
		snprintf(orig, sizeof(orig), "<f%d@x>", i);
		bounce(f, "full@example.jp", NULL, "mailboxfull", "4.2.2", orig, i, BD_KIND_BOUNCE);
	}
	bounce(f, "target@forward.example", "member@shop.example", "userunknown", "5.1.1", "<2@x>",
	       0, BD_KIND_BOUNCE);
	unparsed(f);
	struct bd_store_groups g = groups(f);
	assert_int_equal(g.review, 3);
	assert_int_equal(g.stopped, 2);
	assert_int_equal(g.hold, 1);
	assert_int_equal(g.forwarded, 1);
	assert_int_equal(g.unparsed, 1);

	struct bd_op_result r;
	struct bd_clear_result cr;
	struct bd_store_error err;
	assert_true(bd_store_decide(f->s, "gone@example.jp", BD_OP_CONFIRM, "alice", NULL, T0, &r,
				    &err));
	assert_true(bd_store_decide(f->s, "full@example.jp", BD_OP_RESUME, "alice", NULL, T0, &r,
				    &err));
	assert_true(bd_store_clear(f->s, "member@shop.example", "alice", NULL, T0, &cr, &err));
	g = groups(f);
	assert_int_equal(g.review, 0);
	assert_int_equal(g.stopped, 1);
	assert_int_equal(g.hold, 0);
	assert_int_equal(g.forwarded, 0);
	/* Each group's count is the number of rows its page lists. */
	for (int grp = BD_GROUP_REVIEW; grp <= BD_GROUP_STOPPED; grp++) {
		struct bd_store_query q = {(enum bd_store_group)grp, NULL, BD_SORT_LAST, NULL,
					   NULL};
		int64_t n = 0;
		const char *p = page(f, &q, 0, 100);
		for (; *p; p++)
			n += *p == ' ';
		assert_int_equal(count(f, &q), n);
	}
	fx_free(f);
}

/* ---- pages ---- */

static void test_page_sort_orders(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_query q = uu;
	assert_string_equal(page(f, &q, 0, 10),
			    "d@gamma.example b@alpha.example e@beta.example c@alpha.example "
			    "a@beta.example ");
	q.sort = BD_SORT_ADDRESS;
	assert_string_equal(page(f, &q, 0, 10),
			    "a@beta.example b@alpha.example c@alpha.example d@gamma.example "
			    "e@beta.example ");
	q.sort = BD_SORT_DOMAIN;
	assert_string_equal(page(f, &q, 0, 10),
			    "b@alpha.example c@alpha.example a@beta.example e@beta.example "
			    "d@gamma.example ");
	/* Most bounces first; equal counts in the order addresses came. */
	q.sort = BD_SORT_BOUNCES;
	assert_string_equal(page(f, &q, 0, 10),
			    "a@beta.example c@alpha.example b@alpha.example d@gamma.example "
			    "e@beta.example ");
	fx_free(f);
}

static void test_page_edges(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_query q = uu;
	q.sort = BD_SORT_ADDRESS;
	assert_int_equal(count(f, &q), 5);
	assert_string_equal(page(f, &q, 0, 2), "a@beta.example b@alpha.example ");
	assert_string_equal(page(f, &q, 2, 2), "c@alpha.example d@gamma.example ");
	assert_string_equal(page(f, &q, 4, 2), "e@beta.example ");
	assert_string_equal(page(f, &q, 5, 2), "");
	assert_string_equal(page(f, &q, 500, 2), "");
	assert_string_equal(page(f, &q, 0, 0), "");
	assert_string_equal(page(f, &q, -3, 1), "a@beta.example ");
	/* A limit past the list's end, filtered or not, is the whole list. */
	assert_string_equal(page(f, &q, 3, INT_MAX), "d@gamma.example e@beta.example ");
	q.pattern = "example";
	assert_string_equal(page(f, &q, 3, INT_MAX), "d@gamma.example e@beta.example ");
	q.pattern = NULL;
	/* An empty category and an unknown reason are empty lists. */
	struct bd_store_query none = {BD_GROUP_REASON, "mailboxfull", BD_SORT_LAST, NULL, NULL};
	assert_int_equal(count(f, &none), 0);
	assert_string_equal(page(f, &none, 0, 10), "");
	none.reason = "no-such-reason";
	assert_int_equal(count(f, &none), 0);
	/* A list without its reason, or an order that does not exist, is an
	 * error rather than a guess. */
	struct bd_store_query bad = {BD_GROUP_REASON, NULL, BD_SORT_LAST, NULL, NULL};
	struct bd_store_error err;
	int64_t n;
	assert_false(bd_store_page_count(f->s, &bad, &n, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	bad = uu;
	bad.sort = (enum bd_store_sort)7;
	assert_false(bd_store_page_count(f->s, &bad, &n, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	fx_free(f);
}

struct row_copy {
	char address[64], forward[64], last_status[16], last_reason[32];
	int64_t bounces, last_at, all_bounces;
	enum bd_state state;
	bool review;
};

static bool copy_row(void *ctx, const struct bd_store_row *r)
{
	struct row_copy *c = ctx;
	snprintf(c->address, sizeof(c->address), "%s", r->a.address);
	snprintf(c->forward, sizeof(c->forward), "%s", r->forward ? r->forward : "");
	snprintf(c->last_status, sizeof(c->last_status), "%s",
		 r->a.last_status ? r->a.last_status : "");
	snprintf(c->last_reason, sizeof(c->last_reason), "%s",
		 r->a.last_reason ? r->a.last_reason : "");
	c->bounces = r->bounces;
	c->last_at = r->last_at;
	c->all_bounces = r->a.bounces;
	c->state = r->a.state;
	c->review = r->a.review;
	return false; /* the first row only */
}

static void test_page_row_fields(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "target@forward.example", "member@shop.example", "networkerror", "4.4.1", "<1@x>",
	       0, BD_KIND_BOUNCE);
	bounce(f, "target@forward.example", "member@shop.example", "userunknown", "5.1.1", "<2@x>",
	       2, BD_KIND_BOUNCE);
	struct bd_store_query q = {BD_GROUP_REASON, "networkerror", BD_SORT_LAST, NULL, NULL};
	struct row_copy c = {0};
	struct bd_store_error err;
	assert_true(bd_store_page(f->s, &q, 0, 10, copy_row, &c, &err));
	assert_string_equal(c.address, "member@shop.example");
	assert_string_equal(c.forward, "target@forward.example");
	assert_string_equal(c.last_status, "5.1.1");
	assert_string_equal(c.last_reason, "userunknown");
	/* In a reason: that reason's bounces and time; the address's own too. */
	assert_int_equal(c.bounces, 1);
	assert_int_equal(c.last_at, T0);
	assert_int_equal(c.all_bounces, 2);
	assert_int_equal(c.state, BD_STATE_STOPPED);
	assert_true(c.review);
	q = (struct bd_store_query){BD_GROUP_FORWARDED, NULL, BD_SORT_LAST, NULL, NULL};
	memset(&c, 0, sizeof(c));
	assert_true(bd_store_page(f->s, &q, 0, 10, copy_row, &c, &err));
	assert_string_equal(c.address, "member@shop.example");
	assert_int_equal(c.bounces, 2);
	assert_int_equal(c.last_at, T0 + 2 * DAY);
	fx_free(f);
}

static void test_group_pages_and_never_bounced(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_op_result r;
	struct bd_store_error err;
	/* Stopped by hand without a bounce: no last bounce, listed last. */
	assert_true(bd_store_decide(f->s, "asked@alpha.example", BD_OP_STOP, "bob", NULL, T0, &r,
				    &err));
	assert_true(
		bd_store_decide(f->s, "c@alpha.example", BD_OP_RESUME, "bob", NULL, T0, &r, &err));
	struct bd_store_query q = {BD_GROUP_STOPPED, NULL, BD_SORT_LAST, NULL, NULL};
	assert_int_equal(count(f, &q), 5);
	assert_string_equal(page(f, &q, 0, 10), "d@gamma.example b@alpha.example e@beta.example "
						"a@beta.example asked@alpha.example ");
	q.sort = BD_SORT_DOMAIN;
	assert_string_equal(page(f, &q, 0, 10), "asked@alpha.example b@alpha.example "
						"a@beta.example e@beta.example d@gamma.example ");
	q.sort = BD_SORT_BOUNCES;
	assert_string_equal(page(f, &q, 0, 10), "a@beta.example b@alpha.example d@gamma.example "
						"e@beta.example asked@alpha.example ");
	q.sort = BD_SORT_ADDRESS;
	assert_string_equal(page(f, &q, 1, 2), "asked@alpha.example b@alpha.example ");
	/* Awaiting review: the automatic stops not yet confirmed or overridden. */
	q = (struct bd_store_query){BD_GROUP_REVIEW, NULL, BD_SORT_ADDRESS, NULL, NULL};
	assert_string_equal(page(f, &q, 0, 10),
			    "a@beta.example b@alpha.example d@gamma.example e@beta.example ");
	fx_free(f);
}

/* Every address's position is its index in the full listing, in every
 * group, order and filter. */
static void check_positions(struct fx *f, struct bd_store_query q)
{
	for (int sort = 0; sort < 4; sort++) {
		q.sort = (enum bd_store_sort)sort;
		char all[4096];
		snprintf(all, sizeof(all), "%s", page(f, &q, 0, 100));
		int64_t i = 0;
		for (char *save, *a = strtok_r(all, " ", &save); a; a = strtok_r(NULL, " ", &save))
			assert_int_equal(position(f, &q, a), i++);
		assert_int_equal(count(f, &q), i);
		assert_int_equal(position(f, &q, "nobody@nowhere.example"), -1);
	}
}

static void test_positions(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_op_result r;
	struct bd_store_error err;
	assert_true(bd_store_decide(f->s, "asked@alpha.example", BD_OP_STOP, "bob", NULL, T0, &r,
				    &err));
	check_positions(f, uu);
	check_positions(f, (struct bd_store_query){BD_GROUP_STOPPED, NULL, 0, NULL, NULL});
	check_positions(f, (struct bd_store_query){BD_GROUP_REVIEW, NULL, 0, NULL, NULL});
	check_positions(f,
			(struct bd_store_query){BD_GROUP_REASON, "userunknown", 0, "beta", NULL});
	check_positions(f, (struct bd_store_query){BD_GROUP_STOPPED, NULL, 0, "alpha", NULL});
	/* Not in the category: not found. */
	struct bd_store_query hold = {BD_GROUP_HOLD, NULL, BD_SORT_LAST, NULL, NULL};
	assert_int_equal(position(f, &hold, "a@beta.example"), -1);
	fx_free(f);
}

/* ---- filters ---- */

static void test_filter_address_domain_diagnostic(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_query q = uu;
	q.sort = BD_SORT_ADDRESS;
	q.pattern = "^[ab]@";
	assert_string_equal(page(f, &q, 0, 10), "a@beta.example b@alpha.example ");
	assert_int_equal(count(f, &q), 2);
	q.pattern = "ALPHA"; /* caseless, over the domain */
	assert_string_equal(page(f, &q, 0, 10), "b@alpha.example c@alpha.example ");
	q.pattern = "mailbox disabled"; /* the last diagnostic */
	assert_string_equal(page(f, &q, 0, 10), "e@beta.example ");
	assert_int_equal(count(f, &q), 1);
	q.pattern = "nothing matches this";
	assert_string_equal(page(f, &q, 0, 10), "");
	assert_int_equal(count(f, &q), 0);
	q.pattern = "example";
	assert_string_equal(page(f, &q, 3, 10), "d@gamma.example e@beta.example ");
	q.pattern = ""; /* empty: no filter */
	assert_int_equal(count(f, &q), 5);
	fx_free(f);
}

/* Following the list's index and scanning every address give the same
 * rows, whatever the list's size decides. */
static void test_filter_plans_agree(void **state)
{
	(void)state;
	struct fx *f = five();
	/* Many addresses outside userunknown, so that it is a short list. */
	for (int i = 0; i < 40; i++) {
		char a[64], orig[32];
		snprintf(a, sizeof(a), "n%02d@delta.example", i);
		snprintf(orig, sizeof(orig), "<n%d@x>", i);
		bounce(f, a, NULL, "networkerror", "4.4.1", orig, i % 7, BD_KIND_BOUNCE);
	}
	const struct bd_store_query lists[] = {
		{BD_GROUP_REASON, "userunknown", 0, "beta|gamma", NULL}, /* short: 5 of 45 */
		{BD_GROUP_REASON, "networkerror", 0, "n1|n3", NULL},     /* long: 40 of 45 */
		{BD_GROUP_REVIEW, NULL, 0, "a", NULL},
	};
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
		for (int sort = 0; sort < 4; sort++) {
			struct bd_store_query q = lists[l];
			q.sort = (enum bd_store_sort)sort;
			char want[4096];
			bd_store_set_filter_budget(f->s, 10000);
			snprintf(want, sizeof(want), "%s", page(f, &q, 0, 100));
			assert_true(strlen(want) > 0);
			bd_store_set_filter_budget(f->s, 0);
			assert_string_equal(page(f, &q, 0, 100), want);
			char *second = strchr(want, ' ') + 1;
			assert_string_equal(page(f, &q, 1, 100), second);
			bd_store_set_filter_budget(f->s, 10000);
			assert_string_equal(page(f, &q, 1, 100), second);
		}
	}
	check_positions(f, lists[1]);
	fx_free(f);
}

/* A pass over the whole list keeps its matches: the pages, counts and
 * positions that follow read them, in every order, and a change of the
 * store makes the next query look again. */
static void test_filter_matches_kept(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_query q = uu;
	q.pattern = "beta|gamma";
	char want[4][4096];
	bd_store_set_filter_budget(f->s, 10000);
	for (int sort = 0; sort < 4; sort++) {
		q.sort = (enum bd_store_sort)sort;
		snprintf(want[sort], sizeof(want[sort]), "%s", page(f, &q, 0, 100));
	}
	/* No time for the index: the pass, then the kept matches. */
	bd_store_set_filter_budget(f->s, 0);
	q.sort = 0;
	assert_int_equal(count(f, &q), 3);
	for (int sort = 0; sort < 4; sort++) {
		q.sort = (enum bd_store_sort)sort;
		assert_string_equal(page(f, &q, 0, 100), want[sort]);
		assert_string_equal(page(f, &q, 1, 100), strchr(want[sort], ' ') + 1);
		assert_int_equal(count(f, &q), 3);
	}
	check_positions(f, q);
	/* Another list, another pattern: their own matches. */
	struct bd_store_query r = {BD_GROUP_REVIEW, NULL, 0, "a", NULL};
	assert_int_equal(count(f, &r),
			 count(f, &(struct bd_store_query){BD_GROUP_REVIEW, NULL, 0, "a", NULL}));
	q.pattern = "alpha";
	q.sort = BD_SORT_ADDRESS;
	assert_string_equal(page(f, &q, 0, 100), "b@alpha.example c@alpha.example ");
	/* A new matching address: found by the next count and page. */
	q.pattern = "beta|gamma";
	assert_int_equal(count(f, &q), 3);
	bounce(f, "z@gamma.example", NULL, "userunknown", "5.1.1", "<z@x>", 1, BD_KIND_BOUNCE);
	assert_int_equal(count(f, &q), 4);
	assert_non_null(strstr(page(f, &q, 0, 100), "z@gamma.example"));
	fx_free(f);
}

/* The UI's first page of a new filter: a long list whose page needs a
 * pass over every address is left for later, the pass made by the count,
 * and then the page is there at once.  A short list, an unfiltered page
 * and a bad pattern are answered as bd_store_page answers them. */
static void test_filter_page_deferred_to_the_count(void **state)
{
	(void)state;
	struct fx *f = five();
	for (int i = 0; i < 40; i++) {
		char a[64], orig[32];
		snprintf(a, sizeof(a), "n%02d@delta.example", i);
		snprintf(orig, sizeof(orig), "<n%d@x>", i);
		bounce(f, a, NULL, "networkerror", "4.4.1", orig, i % 7, BD_KIND_BOUNCE);
	}
	struct bd_store_query q = {BD_GROUP_REASON, "networkerror", BD_SORT_ADDRESS, "n1[0-3]",
				   NULL};
	char want[4096];
	snprintf(want, sizeof(want), "%s", page(f, &q, 0, 100));
	assert_string_equal(want, "n10@delta.example n11@delta.example n12@delta.example "
				  "n13@delta.example ");
	struct bd_store_query other = q;
	other.pattern = "n2[0-3]"; /* not kept by the page above */
	bd_store_set_filter_budget(f->s, 0);
	char buf[4096] = "";
	bool deferred;
	struct bd_store_error err;
	assert_true(bd_store_page_try(f->s, &other, 0, 100, list_row, buf, &deferred, &err));
	assert_true(deferred);
	assert_string_equal(buf, "");
	/* The count makes the pass; the page follows without one. */
	assert_int_equal(count(f, &other), 4);
	assert_true(bd_store_page_try(f->s, &other, 0, 100, list_row, buf, &deferred, &err));
	assert_false(deferred);
	assert_string_equal(buf, "n20@delta.example n21@delta.example n22@delta.example "
				 "n23@delta.example ");
	/* A short list follows its index whatever the budget. */
	struct bd_store_query shortq = {BD_GROUP_REASON, "userunknown", BD_SORT_ADDRESS, "beta",
					NULL};
	buf[0] = '\0';
	assert_true(bd_store_page_try(f->s, &shortq, 0, 100, list_row, buf, &deferred, &err));
	assert_false(deferred);
	assert_string_equal(buf, "a@beta.example e@beta.example ");
	/* No filter: never deferred. */
	struct bd_store_query plain = q;
	plain.pattern = NULL;
	buf[0] = '\0';
	assert_true(bd_store_page_try(f->s, &plain, 0, 2, list_row, buf, &deferred, &err));
	assert_false(deferred);
	assert_string_equal(buf, "n00@delta.example n01@delta.example ");
	/* A bad pattern fails before anything is deferred. */
	other.pattern = "n(";
	assert_false(bd_store_page_try(f->s, &other, 0, 100, list_row, buf, &deferred, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	fx_free(f);
}

static void test_bad_pattern_is_an_error(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_query q = uu;
	q.pattern = "user(unknown";
	struct bd_store_error err;
	char buf[256] = "";
	assert_false(bd_store_page(f->s, &q, 0, 10, list_row, buf, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	assert_non_null(strstr(err.msg, "missing closing parenthesis"));
	assert_non_null(strstr(err.msg, "offset 12"));
	assert_string_equal(buf, "");
	int64_t n;
	assert_false(bd_store_page_count(f->s, &q, &n, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	bool found;
	assert_false(bd_store_page_position(f->s, &q, "a@beta.example", &n, &found, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	/* Even on an empty list the pattern is checked. */
	struct bd_store_query empty = {BD_GROUP_HOLD, NULL, BD_SORT_LAST, "[", NULL};
	assert_false(bd_store_page(f->s, &empty, 0, 10, list_row, buf, &err));
	assert_non_null(strstr(err.msg, "offset 1"));
	/* The store keeps working. */
	assert_int_equal(count(f, &uu), 5);
	fx_free(f);
}

static void test_regexp_sql_function(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(bd_regex_register(db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT 'User@Example.JP' REGEXP 'user@example\\.jp$', "
					    "'abc' REGEXP 'x', NULL REGEXP 'a', "
					    "x'ff61' REGEXP 'a', '日本語' REGEXP '本'",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	assert_int_equal(sqlite3_column_int(q, 1), 0);
	assert_int_equal(sqlite3_column_int(q, 2), 0);
	assert_int_equal(sqlite3_column_int(q, 3), 1); /* invalid UTF-8 around a match */
	assert_int_equal(sqlite3_column_int(q, 4), 1);
	sqlite3_finalize(q);
	char *msg = NULL;
	assert_int_not_equal(sqlite3_exec(db, "SELECT 'a' REGEXP '('", NULL, NULL, &msg),
			     SQLITE_OK);
	assert_non_null(strstr(msg, "bad pattern"));
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* ---- domains, detail ---- */

static bool domain_row(void *ctx, const struct bd_store_domain *d)
{
	char *buf = ctx;
	char line[200];
	snprintf(line, sizeof(line), "%s:%lld/%lld/%lld/%lld/%lld/%lld ", d->domain,
		 (long long)d->addresses, (long long)d->bounces, (long long)d->stopped,
		 (long long)d->hold, (long long)d->review, (long long)d->incidents);
	strcat(buf, line);
	return true;
}

static bool reason_line(void *ctx, const char *key, int64_t a, int64_t b, int64_t c)
{
	char *buf = ctx;
	char line[120];
	snprintf(line, sizeof(line), "%s:%lld/%lld/%lld ", key, (long long)a, (long long)b,
		 (long long)c);
	strcat(buf, line);
	return true;
}

static void test_domains_incidents_first(void **state)
{
	(void)state;
	struct fx *f = five();
	bounce(f, "x@big.example", NULL, "blocked", "5.7.1", "<k1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "y@big.example", NULL, "blocked", "5.7.1", "<k2@x>", 0, BD_KIND_BOUNCE);
	char buf[1024] = "";
	struct bd_store_error err;
	assert_true(bd_store_domain_page(f->s, 0, 2, domain_row, buf, &err));
	/* big.example: refusals of our mail, first despite fewer bounces. */
	assert_string_equal(buf, "big.example:2/2/0/0/0/2 beta.example:2/4/2/0/2/0 ");
	buf[0] = '\0';
	assert_true(bd_store_domain_page(f->s, 2, 10, domain_row, buf, &err));
	assert_string_equal(buf, "alpha.example:2/3/2/0/2/0 gamma.example:1/1/1/0/1/0 ");
	int64_t n;
	assert_true(bd_store_domain_total(f->s, &n, &err));
	assert_int_equal(n, 4);
	buf[0] = '\0';
	assert_true(bd_store_domain_reasons(f->s, "big.example", reason_line, buf, &err));
	assert_string_equal(buf, "blocked:2/2/2 ");
	buf[0] = '\0';
	assert_true(bd_store_domain_reasons(f->s, "beta.example", reason_line, buf, &err));
	assert_string_equal(buf, "userunknown:2/4/0 ");
	fx_free(f);
}

/* ---- one domain's addresses ---- */

/* Does SQLite read sql through index and without sorting? */
static void assert_plan(struct fx *f, const char *sql, const char *index)
{
	sqlite3_stmt *st;
	char q[1024];
	snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_prepare_v2(f->s->db, q, -1, &st, NULL), SQLITE_OK);
	char plan[2048] = "";
	while (sqlite3_step(st) == SQLITE_ROW) {
		strncat(plan, (const char *)sqlite3_column_text(st, 3), 500);
		strcat(plan, "; ");
	}
	sqlite3_finalize(st);
	if (!strstr(plan, index) || strstr(plan, "TEMP B-TREE"))
		fail_msg("%s: plan %s, want %s", sql, plan, index);
}

static void test_domain_page(void **state)
{
	(void)state;
	struct fx *f = five();
	bounce(f, "z@beta.example", NULL, "blocked", "5.7.1", "<z1@x>", 6, BD_KIND_BOUNCE);
	struct bd_store_query q = {BD_GROUP_DOMAIN, NULL, BD_SORT_LAST, NULL, "beta.example"};
	/* Every reason of the domain, in each order. */
	assert_string_equal(page(f, &q, 0, 10), "z@beta.example e@beta.example a@beta.example ");
	assert_int_equal(count(f, &q), 3);
	q.sort = BD_SORT_ADDRESS;
	assert_string_equal(page(f, &q, 0, 10), "a@beta.example e@beta.example z@beta.example ");
	assert_string_equal(page(f, &q, 1, 1), "e@beta.example ");
	q.sort = BD_SORT_DOMAIN;
	assert_string_equal(page(f, &q, 0, 10), "a@beta.example e@beta.example z@beta.example ");
	q.sort = BD_SORT_BOUNCES;
	assert_string_equal(page(f, &q, 0, 10), "a@beta.example e@beta.example z@beta.example ");
	/* Filters and positions as in any list. */
	q.pattern = "disabled";
	assert_string_equal(page(f, &q, 0, 10), "e@beta.example ");
	assert_int_equal(count(f, &q), 1);
	check_positions(f, q);
	q.pattern = NULL;
	check_positions(f, q);
	assert_int_equal(position(f, &q, "b@alpha.example"), -1);
	/* A domain with no address; a query without its domain. */
	q.domain = "none.example";
	assert_string_equal(page(f, &q, 0, 10), "");
	assert_int_equal(count(f, &q), 0);
	q.domain = NULL;
	struct bd_store_error err;
	int64_t n;
	assert_false(bd_store_page_count(f->s, &q, &n, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	/* Each order pages along an index of its own, no sorting. */
	assert_plan(f,
		    "SELECT id FROM addresses a WHERE a.domain = 'x' ORDER BY a.last_at DESC, a.id "
		    "LIMIT 10",
		    "addresses_domain_last");
	assert_plan(f,
		    "SELECT id FROM addresses a WHERE a.domain = 'x' ORDER BY a.address LIMIT 10",
		    "addresses_domain_addr");
	assert_plan(f,
		    "SELECT id FROM addresses a WHERE a.domain = 'x' ORDER BY a.bounces DESC, a.id "
		    "LIMIT 10",
		    "addresses_domain_bounces");
	fx_free(f);
}

static bool forward_line(void *ctx, const struct bd_store_forward *fw)
{
	char *buf = ctx;
	char line[200];
	snprintf(line, sizeof(line), "%s:%lld ", fw->target, (long long)fw->events);
	strcat(buf, line);
	return true;
}

static void test_forwarding_chain(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "old@forward.example", "member@shop.example", "mailboxfull", "4.2.2", "<1@x>", 0,
	       BD_KIND_BOUNCE);
	bounce(f, "old@forward.example", "member@shop.example", "mailboxfull", "4.2.2", "<2@x>", 1,
	       BD_KIND_BOUNCE);
	bounce(f, "new@forward.example", "member@shop.example", "mailboxfull", "4.2.2", "<3@x>", 2,
	       BD_KIND_BOUNCE);
	/* The registered address itself is not a forward. */
	bounce(f, "member@shop.example", "member@shop.example", "mailboxfull", "4.2.2", "<4@x>", 3,
	       BD_KIND_BOUNCE);
	char buf[512] = "";
	struct bd_store_error err;
	assert_true(bd_store_forwards(f->s, "member@shop.example", forward_line, buf, &err));
	assert_string_equal(buf, "new@forward.example:1 old@forward.example:2 ");
	buf[0] = '\0';
	assert_true(bd_store_forwards(f->s, "nobody@shop.example", forward_line, buf, &err));
	assert_string_equal(buf, "");
	assert_int_equal(groups(f).forwarded, 1);
	fx_free(f);
}

static void test_next_bounce(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "net@example.net";
	bounce(f, a, NULL, "networkerror", NULL, "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, a, NULL, "networkerror", NULL, "<1@x>", 0, BD_KIND_BOUNCE); /* a retry */
	bounce(f, a, NULL, "networkerror", NULL, "<2@x>", 1, BD_KIND_BOUNCE);
	struct bd_store_next nx;
	bool found;
	struct bd_store_error err;
	assert_true(bd_store_next_bounce(f->s, a, NULL, &f->pol, T0 + 2 * DAY, &nx, &found, &err));
	assert_true(found);
	assert_string_equal(nx.reason, "networkerror");
	assert_int_equal(nx.action, BD_POL_STOP);
	assert_int_equal(nx.need, 3);
	assert_int_equal(nx.run, 2); /* distinct sends */
	assert_true(nx.decision.changed);
	assert_int_equal(nx.decision.state, BD_STATE_STOPPED);
	/* Past the window the old sends no longer count. */
	assert_true(bd_store_next_bounce(f->s, a, NULL, &f->pol, T0 + 40 * DAY, &nx, &found, &err));
	assert_int_equal(nx.run, 0);
	assert_false(nx.decision.changed);
	/* Another reason, asked for by name. */
	assert_true(bd_store_next_bounce(f->s, a, "userunknown", &f->pol, T0 + 2 * DAY, &nx, &found,
					 &err));
	assert_true(nx.decision.changed);
	assert_false(
		bd_store_next_bounce(f->s, a, "no-such-reason", &f->pol, T0, &nx, &found, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	assert_true(bd_store_next_bounce(f->s, "none@example.net", NULL, &f->pol, T0, &nx, &found,
					 &err));
	assert_false(found);
	fx_free(f);
}

/* ---- decisions and undo ---- */

static void test_decide_many_in_one_batch(void **state)
{
	(void)state;
	struct fx *f = five();
	const char *addrs[] = {"a@beta.example", "b@alpha.example", "new@alpha.example"};
	struct bd_op_result res[3];
	struct bd_store_error err;
	assert_true(bd_store_decide_many(f->s, addrs, 2, BD_OP_RESUME, "alice", "phoned", T0, res,
					 &err));
	assert_int_equal(res[0].old_state, BD_STATE_STOPPED);
	assert_int_equal(res[1].new_state, BD_STATE_ACTIVE);
	assert_int_equal(state_of(f, "a@beta.example"), BD_STATE_ACTIVE);
	assert_int_equal(state_of(f, "b@alpha.example"), BD_STATE_ACTIVE);
	assert_int_equal(journal_rows(f, "a@beta.example"), 2); /* auto stop, resume */
	assert_int_equal(groups(f).stopped, 3);
	/* All or nothing: one address not stored fails the whole resume. */
	assert_false(
		bd_store_decide_many(f->s, addrs, 3, BD_OP_RESUME, "alice", NULL, T0, res, &err));
	assert_int_equal(err.code, BD_STORE_NOTFOUND);
	assert_non_null(strstr(err.msg, "new@alpha.example"));
	const char *bad[] = {"c@alpha.example", "not an address"};
	assert_false(bd_store_decide_many(f->s, bad, 2, BD_OP_STOP, "alice", NULL, T0, NULL, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	assert_int_equal(journal_rows(f, "c@alpha.example"), 1);
	/* Stop adds an unknown address. */
	assert_true(
		bd_store_decide_many(f->s, addrs, 3, BD_OP_STOP, "alice", NULL, T0, NULL, &err));
	assert_int_equal(state_of(f, "new@alpha.example"), BD_STATE_STOPPED);
	assert_int_equal(groups(f).stopped, 6);
	fx_free(f);
}

static bool last_jrow(void *ctx, const struct bd_store_jrow *j)
{
	struct bd_store_jrow *out = ctx;
	*out = *j;
	out->action = out->actor = out->address = out->old_state = out->new_state = NULL;
	out->reason = out->rule = NULL;
	return true;
}

static void test_undo_restores_a_batch(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_error err;
	struct bd_op_result r;
	assert_true(bd_store_decide(f->s, "c@alpha.example", BD_OP_CONFIRM, "alice", NULL, T0, &r,
				    &err));
	const char *addrs[] = {"a@beta.example", "b@alpha.example", "c@alpha.example"};
	assert_true(bd_store_decide_many(f->s, addrs, 3, BD_OP_RESUME, "alice", NULL, T0 + 10 * DAY,
					 NULL, &err));
	/* Another operator's later decision on other addresses is not undone. */
	assert_true(
		bd_store_decide(f->s, "d@gamma.example", BD_OP_CONFIRM, "bob", NULL, T0, &r, &err));
	struct bd_store_groups g = groups(f);
	assert_int_equal(g.stopped, 2);
	assert_int_equal(g.review, 1);

	struct bd_undo_result u;
	assert_true(bd_store_undo(f->s, "alice", T0 + 11 * DAY, &u, &err));
	assert_string_equal(u.action, "resume");
	assert_int_equal(u.addresses, 3);
	bool found;
	struct addr_copy a = addr(f, "a@beta.example", &found);
	assert_int_equal(a.state, BD_STATE_STOPPED);
	assert_true(a.review);
	assert_string_equal(a.reason, "userunknown");
	struct addr_copy c = addr(f, "c@alpha.example", &found);
	assert_int_equal(c.state, BD_STATE_STOPPED);
	assert_false(c.review); /* as the confirm left it */
	g = groups(f);
	assert_int_equal(g.stopped, 5);
	assert_int_equal(g.review, 3); /* a, b and e */
	struct bd_store_jrow j;
	assert_true(bd_store_journal(f->s, "a@beta.example", last_jrow, &j, &err));
	assert_true(j.undoes > 0);
	/* Undo again: alice's confirm before that. */
	assert_true(bd_store_undo(f->s, "alice", T0 + 11 * DAY, &u, &err));
	assert_string_equal(u.action, "confirm");
	assert_true(addr(f, "c@alpha.example", &found).review);
	assert_false(bd_store_undo(f->s, "alice", T0, &u, &err));
	assert_int_equal(err.code, BD_STORE_NOTFOUND);
	/* bob's confirm is still there, and still his to undo. */
	assert_false(addr(f, "d@gamma.example", &found).review);
	assert_true(bd_store_undo(f->s, "bob", T0, &u, &err));
	assert_true(addr(f, "d@gamma.example", &found).review);
	fx_free(f);
}

static void test_undo_refuses_a_clear(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_error err;
	struct bd_op_result r;
	assert_true(
		bd_store_decide(f->s, "a@beta.example", BD_OP_RESUME, "alice", NULL, T0, &r, &err));
	struct bd_clear_result cr;
	assert_true(bd_store_clear(f->s, "b@alpha.example", "alice", NULL, T0, &cr, &err));
	int before = journal_rows(f, NULL);
	struct bd_undo_result u;
	assert_false(bd_store_undo(f->s, "alice", T0, &u, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	assert_non_null(strstr(err.msg, "cannot be undone"));
	assert_int_equal(journal_rows(f, NULL), before);
	/* The resume before it stays: undo does not reach past a clear. */
	assert_int_equal(state_of(f, "a@beta.example"), BD_STATE_ACTIVE);
	assert_false(bd_store_undo(f->s, "alice", T0, &u, &err));
	fx_free(f);
}

static void test_undo_refuses_after_a_later_change(void **state)
{
	(void)state;
	struct fx *f = five();
	struct bd_store_error err;
	struct bd_op_result r;
	assert_true(
		bd_store_decide(f->s, "a@beta.example", BD_OP_RESUME, "alice", NULL, T0, &r, &err));
	/* A new hard bounce stops it again. */
	bounce(f, "a@beta.example", NULL, "userunknown", "5.1.1", "<a9@x>", 20, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, "a@beta.example"), BD_STATE_STOPPED);
	struct bd_undo_result u;
	assert_false(bd_store_undo(f->s, "alice", T0, &u, &err));
	assert_int_equal(err.code, BD_STORE_INVALID);
	assert_non_null(strstr(err.msg, "changed after"));
	assert_non_null(strstr(err.msg, "auto stop"));
	assert_int_equal(state_of(f, "a@beta.example"), BD_STATE_STOPPED);
	fx_free(f);
}

/* ---- change detection, unparsed ---- */

static void test_change_stamp(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	struct bd_store_stamp st = {0, 0};
	bool changed;
	struct bd_store_error err;
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_false(changed); /* empty */
	bounce(f, "a@example.jp", NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_true(changed);
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_false(changed);
	struct bd_op_result r;
	assert_true(
		bd_store_decide(f->s, "a@example.jp", BD_OP_CONFIRM, "alice", NULL, T0, &r, &err));
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_true(changed);
	/* Another connection's write is seen too. */
	struct bd_store *other;
	assert_true(bd_store_open(bd_store_path(f->s), 0, 0, &other, &err));
	assert_true(bd_store_decide(other, "b@example.jp", BD_OP_STOP, "bob", NULL, T0, &r, &err));
	bd_store_close(other);
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_true(changed);
	/* A failed decision changes nothing. */
	assert_false(bd_store_decide(f->s, "none@example.jp", BD_OP_RESUME, "alice", NULL, T0, &r,
				     &err));
	assert_true(bd_store_changed(f->s, &st, &changed, &err));
	assert_false(changed);
	fx_free(f);
}

static bool msg_line(void *ctx, const struct bd_store_msg *m)
{
	char *buf = ctx;
	char line[40];
	snprintf(line, sizeof(line), "%lld ", (long long)m->id);
	strcat(buf, line);
	return true;
}

static void test_unparsed_page_newest_first(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	unparsed(f);
	bounce(f, "a@example.jp", NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	unparsed(f);
	unparsed(f);
	char buf[256] = "";
	struct bd_store_error err;
	assert_true(bd_store_unparsed_page(f->s, 0, 2, msg_line, buf, &err));
	assert_string_equal(buf, "4 3 ");
	buf[0] = '\0';
	assert_true(bd_store_unparsed_page(f->s, 2, 2, msg_line, buf, &err));
	assert_string_equal(buf, "1 ");
	assert_int_equal(groups(f).unparsed, 3);
	fx_free(f);
}

/* ---- migration ---- */

static void test_migration_fills_the_counters(void **state)
{
	(void)state;
	/* A version-2 store as an older bouncedesk left it: a forwarded
	 * failure, a delivery through a forward (not a failure), an incident. */
	const char *p = tmp_db();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	for (int i = 0; i < 2; i++)
		assert_int_equal(sqlite3_exec(db, bd_schema_migrations[i], NULL, NULL, NULL),
				 SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(
			db,
			"PRAGMA user_version = 2;"
			"INSERT INTO messages(id, sha256, size, ingested_at, kind) VALUES"
			" (1, x'01', 10, 1, 'bounce'), (2, x'02', 10, 1, 'unparsed');"
			"INSERT INTO addresses(id, address, domain, state, review, bounces, last_at,"
			" last_event) VALUES (1, 'm@shop.example', 'shop.example', 'stopped', 1, 1,"
			" 5, 1), (2, 'h@shop.example', 'shop.example', 'hold', 0, 1, 6, 3);"
			"INSERT INTO events(id, message, idx, address, recipient, alias, action, date,"
			" diagnostic, reason, category, hardbounce, permanent, send_key) VALUES"
			" (1, 1, 0, 1, 't@fwd.example', 'm@shop.example', 'failed', 5, 'no such',"
			" 'userunknown', 'userunknown', 1, 1, 'k1'),"
			" (2, 1, 1, 1, 't@fwd.example', 'm@shop.example', 'delivered', 5, NULL,"
			" 'undefined', 'undefined', 0, 0, 'k1'),"
			" (3, 1, 2, 2, 'h@shop.example', NULL, 'failed', 6, 'full', 'mailboxfull',"
			" 'mailboxfull', 0, 0, 'k1');"
			"INSERT INTO incidents VALUES ('shop.example', 'blocked', 4, 1, 2);",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	struct fx f = {0};
	struct bd_store_error err;
	assert_true(bd_store_open(p, 0, 0, &f.s, &err));
	struct bd_store_groups g = groups(&f);
	assert_int_equal(g.review, 1);
	assert_int_equal(g.stopped, 1);
	assert_int_equal(g.hold, 1);
	assert_int_equal(g.forwarded, 1);
	assert_int_equal(g.unparsed, 1);
	struct bd_store_query q = {BD_GROUP_REASON, "userunknown", BD_SORT_DOMAIN, "no such", NULL};
	assert_string_equal(page(&f, &q, 0, 10), "m@shop.example ");
	char buf[256] = "";
	assert_true(bd_store_domain_page(f.s, 0, 10, domain_row, buf, &err));
	assert_string_equal(buf, "shop.example:2/2/1/1/1/4 ");
	buf[0] = '\0';
	assert_true(bd_store_forwards(f.s, "m@shop.example", forward_line, buf, &err));
	assert_string_equal(buf, "t@fwd.example:1 ");
	bd_store_close(f.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_counts_follow_ingest_and_decisions),
		cmocka_unit_test(test_page_sort_orders),
		cmocka_unit_test(test_page_edges),
		cmocka_unit_test(test_page_row_fields),
		cmocka_unit_test(test_group_pages_and_never_bounced),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_filter_address_domain_diagnostic),
		cmocka_unit_test(test_filter_plans_agree),
		cmocka_unit_test(test_filter_matches_kept),
		cmocka_unit_test(test_filter_page_deferred_to_the_count),
		cmocka_unit_test(test_bad_pattern_is_an_error),
		cmocka_unit_test(test_regexp_sql_function),
		cmocka_unit_test(test_domains_incidents_first),
		cmocka_unit_test(test_domain_page),
		cmocka_unit_test(test_forwarding_chain),
		cmocka_unit_test(test_next_bounce),
		cmocka_unit_test(test_decide_many_in_one_batch),
		cmocka_unit_test(test_undo_restores_a_batch),
		cmocka_unit_test(test_undo_refuses_a_clear),
		cmocka_unit_test(test_undo_refuses_after_a_later_change),
		cmocka_unit_test(test_change_stamp),
		cmocka_unit_test(test_unparsed_page_newest_first),
		cmocka_unit_test(test_migration_fills_the_counters),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
