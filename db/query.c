/* query.c: what the operator's screens read from the store (see store.h,
 * "the operator's screens"): group counts, address pages with their counts
 * and positions, domains, the forwarding chain, what the next bounce would
 * do, and the change stamp.
 *
 * An address page is built from one source (a reason's addr_reason rows,
 * or a group's addresses), one sort order and an optional filter.  Each
 * source and order has an index whose order is the page's; unfiltered pages
 * first pick the page's ids from that index alone, then read only those
 * rows, so a deep offset skips index entries, not joined rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../core/arena.h"
#include "../core/reason.h"
#include "regexp.h"
#include "storeint.h"

/* ---- fixed statements of the screens ---- */

enum fixed {
	F_GROUPS,
	F_UNPARSED_PAGE,
	F_DOMAIN_PAGE,
	F_DOMAIN_TOTAL,
	F_DOMAIN_REASONS,
	F_FORWARDS,
	F_NEXT_ADDR,
	F_NEXT_RUN,
	F_STAMP,
	F_ADDR_MAX,
	NFIXED
};
#define FIXED_BASE (6 * 4 * 4 * 7)
_Static_assert(FIXED_BASE + NFIXED <= BD_ST_NQUERY, "raise BD_ST_NQUERY in storeint.h");

static const char *const fixed_sql[NFIXED] = {
	[F_GROUPS] = "SELECT grp, n FROM group_stats",
	[F_UNPARSED_PAGE] = "SELECT id, size, ingested_at, date, hex(sha256), source, kind, "
			    "detector, error, from_addr, subject, raw_kept FROM messages "
			    "WHERE kind = 'unparsed' ORDER BY id DESC LIMIT ?2 OFFSET ?1",
	[F_DOMAIN_PAGE] = "SELECT domain, addresses, bounces, stopped, hold, review, incidents "
			  "FROM domain_stats ORDER BY incidents DESC, bounces DESC, domain "
			  "LIMIT ?2 OFFSET ?1",
	[F_DOMAIN_TOTAL] = "SELECT count(*) FROM domain_stats",
	[F_DOMAIN_REASONS] =
		"SELECT reason, sum(addresses), sum(events), sum(incidents) FROM ("
		"SELECT reason, addresses, events, 0 AS incidents FROM domain_reason "
		"WHERE domain = ?1 AND (addresses > 0 OR events > 0) "
		"UNION ALL SELECT reason, 0, 0, events FROM incidents WHERE domain = ?1) "
		"GROUP BY reason ORDER BY sum(incidents) DESC, sum(events) DESC, reason",
	[F_FORWARDS] = "SELECT target, events, first_at, last_at FROM forwards "
		       "WHERE address = (SELECT id FROM addresses WHERE address = ?1) "
		       "ORDER BY last_at DESC, target",
	[F_NEXT_ADDR] = "SELECT a.id, a.state, a.run_since, e.category FROM addresses a "
			"LEFT JOIN events e ON e.id = a.last_event WHERE a.address = ?1",
	[F_NEXT_RUN] = "SELECT count(DISTINCT send_key) FROM events WHERE address = ?1 "
		       "AND policy = ?2 AND date > ?3 AND date <= ?4",
	[F_ADDR_MAX] = "SELECT max(id) FROM addresses",
	[F_STAMP] = "SELECT (SELECT max(id) FROM messages), (SELECT max(id) FROM journal)",
};

static sqlite3_stmt *fixed(struct bd_store *s, enum fixed f, struct bd_store_error *err)
{
	sqlite3_stmt **st = &s->qst[FIXED_BASE + f];
	if (!*st && sqlite3_prepare_v3(s->db, fixed_sql[f], -1, SQLITE_PREPARE_PERSISTENT, st,
				       NULL) != SQLITE_OK) {
		bd_st_dbfail(s, err, "preparing a query");
		return NULL;
	}
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	return *st;
}

/* Parameters of every page statement, by number. */
enum {
	P_REASON = 1, /* the reason, or the domain of BD_GROUP_DOMAIN */
	P_OFFSET = 2,
	P_LIMIT = 3,
	P_REGEX = 4,
	P_KEY = 5, /* the sort key of the row whose position is asked */
	P_TIE = 6,
	P_ADDR = 7, /* an address (K_KEY) or an address id (K_ONE) */
};

/* One sort order of a source: key column, descending?, tie-breaker (NULL
 * when the key is unique). */
struct order {
	const char *key;
	bool desc;
	const char *tie;
};

struct source {
	const char *id;        /* the address id in keys_from */
	const char *keys_from; /* the table whose index orders the page */
	const char *where;     /* membership */
	const char *join;      /* from the page's ids (k.id) to a and its source row */
	const char *from;      /* a and its source row, led by the source's index */
	const char *scan_from; /* the same led by a scan of every address */
	const char *count;     /* the unfiltered count, from counters */
	const char *bounces, *last_at;
	const char *filter;    /* the pattern over address, domain and last diagnostic */
	struct order order[4]; /* by enum bd_store_sort */
};

#define ADDR_FILTER "(a.address REGEXP ?4 OR a.domain REGEXP ?4 OR a.last_diagnostic REGEXP ?4)"

#define GROUP_SOURCE(cond, grp)                                                                \
	{                                                                                      \
		"a.id", "addresses a", cond, "JOIN addresses a ON a.id = k.id", "addresses a", \
			"addresses a NOT INDEXED",                                             \
			"SELECT n FROM group_stats WHERE grp = '" grp "'", "a.bounces",        \
			"a.last_at", ADDR_FILTER,                                              \
		{                                                                              \
			{"a.last_at", true, "a.id"}, {"a.address", false, NULL},               \
				{"a.domain", false, "a.address"}, {"a.bounces", true, "a.id"}, \
		}                                                                              \
	}

static const struct source sources[] = {
	[BD_GROUP_REASON] =
		{"r.address",
		 "addr_reason r",
		 "r.reason = ?1",
		 "JOIN addr_reason r ON r.reason = ?1 AND r.address = k.id "
		 "JOIN addresses a ON a.id = k.id",
		 "addr_reason r JOIN addresses a ON a.id = r.address",
		 "addresses a NOT INDEXED CROSS JOIN addr_reason r "
		 "ON r.reason = ?1 AND r.address = a.id",
		 "SELECT coalesce((SELECT addresses FROM reason_stats WHERE reason = ?1), 0)",
		 "r.events",
		 "r.last_at",
		 /* The index's copies first: the address row only when
			      * they do not match. */
		 "(r.addr REGEXP ?4 OR r.domain REGEXP ?4 OR a.last_diagnostic REGEXP ?4)",
		 {
			 {"r.last_at", true, "r.address"},
			 {"r.addr", false, NULL},
			 {"r.domain", false, "r.addr"},
			 {"r.events", true, "r.address"},
		 }},
	[BD_GROUP_REVIEW] = GROUP_SOURCE("a.review = 1", "review"),
	[BD_GROUP_FORWARDED] = GROUP_SOURCE("a.forwards > 0", "forwarded"),
	[BD_GROUP_HOLD] = GROUP_SOURCE("a.state = 'hold'", "hold"),
	[BD_GROUP_STOPPED] = GROUP_SOURCE("a.state = 'stopped'", "stopped"),
	/* ?1 is the domain; each order reads an addresses_domain_* index. */
	[BD_GROUP_DOMAIN] =
		{"a.id",
		 "addresses a",
		 "a.domain = ?1",
		 "JOIN addresses a ON a.id = k.id",
		 "addresses a",
		 "addresses a NOT INDEXED",
		 "SELECT coalesce((SELECT addresses FROM domain_stats WHERE domain = ?1), 0)",
		 "a.bounces",
		 "a.last_at",
		 ADDR_FILTER,
		 {
			 {"a.last_at", true, "a.id"},
			 {"a.address", false, NULL},
			 {"a.domain", false, "a.address"},
			 {"a.bounces", true, "a.id"},
		 }},
};
#define NSOURCE ((int)(sizeof(sources) / sizeof(sources[0])))

/* The columns of a page row: an address row (bd_st_read_addr), then the
 * last event's recipient and alias, then the source's bounces and last_at. */
#define ROW_COLS                                                                            \
	"a.id, a.address, a.domain, a.state, a.review, a.state_reason, a.state_rule, "      \
	"a.state_actor, a.state_at, a.bounces, a.first_at, a.last_at, e.reason, e.status, " \
	"e.diagnostic, e.recipient, e.alias, "
#define LAST_EVENT " LEFT JOIN events e ON e.id = a.last_event "

/* How a statement reads its source.  A filter must test rows one by one;
 * it can follow the page's index (each row then costs a lookup of its
 * address, cheap when matches are frequent or the list is short), or scan
 * every address in table order (a fixed cost, a few times cheaper per row,
 * then a sort): see filter_plan.  Once a pass over the whole list has found
 * its matches, their ids (the store's matches, ?4 a struct bd_idset) stand
 * for the pattern: the page's index alone then orders and counts them. */
enum plan { PLAN_PLAIN, PLAN_ORDERED, PLAN_SCAN, PLAN_SET, NPLAN };

enum kind {
	K_ROWS,   /* a page of rows */
	K_IDS,    /* a page of address ids */
	K_ONE,    /* one row by address id (?7) */
	K_COUNT,  /* rows in the list */
	K_KEY,    /* the sort key of one address (?7) */
	K_BEFORE, /* rows before a sort key */
	K_MATCH,  /* the ids of every row, in no order */
	NKIND
};

static int slot(int src, int sort, enum plan p, enum kind k)
{
	return ((src * 4 + sort) * NPLAN + (int)p) * NKIND + (int)k;
}
#define NPAGE_SLOTS (6 * 4 * NPLAN * NKIND)
_Static_assert(NPAGE_SLOTS == FIXED_BASE, "page statements come before the fixed ones");

static void order_by(char *buf, size_t n, const struct order *o)
{
	snprintf(buf, n, "%s%s%s%s", o->key, o->desc ? " DESC" : "", o->tie ? ", " : "",
		 o->tie ? o->tie : "");
}

/* The SQL of one statement; every value is a bound parameter. */
static void build_sql(char *buf, size_t n, const struct source *src, const struct order *o,
		      enum plan p, enum kind k)
{
	char ob[160];
	order_by(ob, sizeof(ob), o);
	char filter[200] = "";
	if (p == PLAN_SET)
		snprintf(filter, sizeof(filter), " AND inset(?4, %s)", src->id);
	else if (p != PLAN_PLAIN)
		snprintf(filter, sizeof(filter), " AND %s",
			 p == PLAN_SCAN ? ADDR_FILTER : src->filter);
	/* The matches' ids need no row of addresses: the index alone. */
	const char *keys_filter = p == PLAN_SET ? filter : "";
	const char *from = p == PLAN_SCAN ? src->scan_from : src->from;
	/* Rows before the one whose key is ?5 (tie ?6): the order's
	 * comparison; NULL keys (never-bounced addresses) sort last. */
	char before[600];
	const char *cmp = o->desc ? ">" : "<";
	if (o->tie)
		snprintf(before, sizeof(before),
			 "(%s %s ?5 OR (%s IS ?5 AND %s < ?6) OR (?5 IS NULL AND %s IS NOT NULL))",
			 o->key, cmp, o->key, o->tie, o->key);
	else
		snprintf(before, sizeof(before), "(%s %s ?5)", o->key, cmp);
	switch (k) {
	case K_ROWS:
		if (p != PLAN_PLAIN && p != PLAN_SET)
			snprintf(buf, n,
				 "SELECT " ROW_COLS "%s, %s FROM %s" LAST_EVENT
				 "WHERE %s%s ORDER BY %s LIMIT ?3 OFFSET ?2",
				 src->bounces, src->last_at, from, src->where, filter, ob);
		else
			/* The page's ids from the index alone, then their rows. */
			snprintf(buf, n,
				 "SELECT " ROW_COLS
				 "%s, %s FROM (SELECT %s AS id FROM %s WHERE %s%s "
				 "ORDER BY %s LIMIT ?3 OFFSET ?2) k %s" LAST_EVENT "ORDER BY %s",
				 src->bounces, src->last_at, src->id, src->keys_from, src->where,
				 keys_filter, ob, src->join, ob);
		break;
	case K_IDS:
		snprintf(buf, n, "SELECT a.id FROM %s WHERE %s%s ORDER BY %s LIMIT ?3 OFFSET ?2",
			 from, src->where, filter, ob);
		break;
	case K_MATCH:
		snprintf(buf, n, "SELECT a.id FROM %s WHERE %s%s", from, src->where, filter);
		break;
	case K_ONE:
		snprintf(buf, n, "SELECT " ROW_COLS "%s, %s FROM (SELECT ?7 AS id) k %s" LAST_EVENT,
			 src->bounces, src->last_at, src->join);
		break;
	case K_COUNT:
		if (p == PLAN_SET)
			snprintf(buf, n, "SELECT count(*) FROM %s WHERE %s%s", src->keys_from,
				 src->where, filter);
		else if (p != PLAN_PLAIN)
			snprintf(buf, n, "SELECT count(*) FROM %s WHERE %s%s", from, src->where,
				 filter);
		else
			snprintf(buf, n, "%s", src->count);
		break;
	case K_KEY:
		snprintf(buf, n, "SELECT %s, %s FROM %s WHERE a.address = ?7 AND %s%s", o->key,
			 o->tie ? o->tie : "NULL", src->from, src->where, filter);
		break;
	case K_BEFORE:
		if (p == PLAN_SET)
			snprintf(buf, n, "SELECT count(*) FROM %s WHERE %s%s AND %s",
				 src->keys_from, src->where, filter, before);
		else if (p != PLAN_PLAIN)
			snprintf(buf, n, "SELECT count(*) FROM %s WHERE %s%s AND %s", from,
				 src->where, filter, before);
		else if (o->tie)
			/* Separate counts, each one range of the order's index. */
			snprintf(buf, n,
				 "SELECT (SELECT count(*) FROM %s WHERE %s AND %s %s ?5)"
				 " + (SELECT count(*) FROM %s WHERE %s AND %s IS ?5 AND %s < ?6)"
				 " + (SELECT CASE WHEN ?5 IS NULL THEN (SELECT count(*) FROM %s"
				 " WHERE %s AND %s IS NOT NULL) ELSE 0 END)",
				 src->keys_from, src->where, o->key, cmp, src->keys_from,
				 src->where, o->key, o->tie, src->keys_from, src->where, o->key);
		else
			snprintf(buf, n, "SELECT count(*) FROM %s WHERE %s AND %s", src->keys_from,
				 src->where, before);
		break;
	case NKIND:
		buf[0] = 0;
		break;
	}
}

static void matches_drop(struct bd_store *s)
{
	free(s->matches.list);
	free(s->matches.pattern);
	free(s->matches.set.bits);
	memset(&s->matches, 0, sizeof(s->matches));
}

void bd_st_query_done(struct bd_store *s)
{
	for (int i = 0; i < BD_ST_NQUERY; i++) {
		sqlite3_finalize(s->qst[i]);
		s->qst[i] = NULL;
	}
	matches_drop(s);
}

static bool check_query(struct bd_store *s, const struct bd_store_query *q,
			struct bd_store_error *err)
{
	if ((int)q->group < 0 || (int)q->group >= NSOURCE || (int)q->sort < 0 || q->sort > 3)
		return bd_st_fail(err, BD_STORE_INVALID, "%s: no such list (group %d, order %d)",
				  s->path, (int)q->group, (int)q->sort);
	if (q->group == BD_GROUP_REASON && !q->reason)
		return bd_st_fail(err, BD_STORE_INVALID, "%s: a reason's list needs the reason",
				  s->path);
	if (q->group == BD_GROUP_DOMAIN && !q->domain)
		return bd_st_fail(err, BD_STORE_INVALID, "%s: a domain's list needs the domain",
				  s->path);
	return true;
}

static bool filtered(const struct bd_store_query *q)
{
	return q->pattern && *q->pattern;
}

/* The statement of one plan and kind for q, prepared on first use, with
 * the reason and the filter re bound. */
static sqlite3_stmt *page_stmt(struct bd_store *s, const struct bd_store_query *q, enum plan p,
			       enum kind k, struct bd_regex *re, struct bd_store_error *err)
{
	int i = slot((int)q->group, (int)q->sort, p, k);
	if (!s->qst[i]) {
		char sql[2048];
		build_sql(sql, sizeof(sql), &sources[q->group], &sources[q->group].order[q->sort],
			  p, k);
		if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->qst[i],
				       NULL) != SQLITE_OK) {
			bd_st_dbfail(s, err, "preparing a query");
			return NULL;
		}
	}
	sqlite3_stmt *st = s->qst[i];
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	/* Only the parameters a statement uses are bound: SQLite numbers them
	 * up to the largest one used, and ?1 only appears in a reason's. */
	int np = sqlite3_bind_parameter_count(st);
	if (q->group == BD_GROUP_REASON && np >= P_REASON)
		bd_st_bind_text(st, P_REASON, q->reason);
	else if (q->group == BD_GROUP_DOMAIN && np >= P_REASON)
		bd_st_bind_text(st, P_REASON, q->domain);
	if (re && np >= P_REGEX)
		bd_regex_bind(st, P_REGEX, re);
	return st;
}

/* Steps st for one integer, then resets it. */
static bool one_int(struct bd_store *s, sqlite3_stmt *st, int64_t *out, struct bd_store_error *err)
{
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
}

static bool read_stamp(struct bd_store *s, struct bd_store_stamp *out, struct bd_store_error *err)
{
	sqlite3_stmt *st = fixed(s, F_STAMP, err);
	if (!st)
		return false;
	int rc = sqlite3_step(st);
	out->message = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	out->journal = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? true : bd_st_dbfail(s, err, "cannot read");
}

/* The list of q, without its order: the reason or the domain. */
static const char *list_of(const struct bd_store_query *q)
{
	return q->group == BD_GROUP_REASON ? q->reason :
	       q->group == BD_GROUP_DOMAIN ? q->domain :
					     "";
}

/* Are the store's matches those of q's list and pattern, and the store
 * unchanged since they were found?  (A change may add, drop or change
 * addresses of the list: they are found again.) */
static bool matches_hold(struct bd_store *s, const struct bd_store_query *q, bool *hold,
			 struct bd_store_error *err)
{
	*hold = false;
	if (!s->matches.valid || s->matches.group != (int)q->group ||
	    strcmp(s->matches.list, list_of(q)) != 0 || strcmp(s->matches.pattern, q->pattern) != 0)
		return true;
	struct bd_store_stamp now;
	if (!read_stamp(s, &now, err))
		return false;
	*hold = now.message == s->matches.stamp.message && now.journal == s->matches.stamp.journal;
	if (!*hold)
		matches_drop(s);
	return true;
}

/* One pass of re over q's list along plan p: the ids of its matches become
 * the store's matches. */
static bool matches_find(struct bd_store *s, const struct bd_store_query *q, struct bd_regex *re,
			 enum plan p, struct bd_store_error *err)
{
	matches_drop(s);
	struct bd_store_stamp stamp;
	int64_t maxid;
	sqlite3_stmt *st;
	if (!read_stamp(s, &stamp, err) || !(st = fixed(s, F_ADDR_MAX, err)) ||
	    !one_int(s, st, &maxid, err))
		return false;
	struct bd_idset set = {NULL, maxid + 1};
	set.bits = calloc((size_t)(set.n + 63) / 64, sizeof(*set.bits));
	if (!set.bits)
		return bd_st_fail(err, BD_STORE_UNAVAIL, "%s: out of memory", s->path);
	int64_t count = 0;
	if (!(st = page_stmt(s, q, p, K_MATCH, re, err))) {
		free(set.bits);
		return false;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id < 0 || id >= set.n)
			continue; /* added since maxid: the next stamp differs */
		if (!(set.bits[id / 64] >> (id % 64) & 1))
			count++;
		set.bits[id / 64] |= 1ULL << (id % 64);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		free(set.bits);
		return bd_st_dbfail(s, err, "cannot read");
	}
	s->matches.list = strdup(list_of(q));
	s->matches.pattern = strdup(q->pattern);
	if (!s->matches.list || !s->matches.pattern) {
		free(set.bits);
		matches_drop(s);
		return bd_st_fail(err, BD_STORE_UNAVAIL, "%s: out of memory", s->path);
	}
	s->matches.valid = true;
	s->matches.group = (int)q->group;
	s->matches.stamp = stamp;
	s->matches.set = set;
	s->matches.count = count;
	return true;
}

/* A statement of q's list over the store's matches. */
static sqlite3_stmt *set_stmt(struct bd_store *s, const struct bd_store_query *q, enum kind k,
			      struct bd_store_error *err)
{
	sqlite3_stmt *st = page_stmt(s, q, PLAN_SET, k, NULL, err);
	if (st)
		bd_idset_bind(st, P_REGEX, &s->matches.set);
	return st;
}

/* Compiles q's filter (NULL *re when there is none). */
static bool filter_new(struct bd_store *s, const struct bd_store_query *q, struct bd_regex **re,
		       struct bd_store_error *err)
{
	*re = NULL;
	if (!check_query(s, q, err))
		return false;
	char msg[400];
	if (filtered(q) && !bd_regex_new(q->pattern, re, msg, sizeof(msg)))
		return bd_st_fail(err, BD_STORE_INVALID, "%s", msg);
	return true;
}

/* Which plan a filter over q's list takes for a count or a whole-list
 * pass: following the list costs a random lookup per row, scanning every
 * address a sequential read per address, measured a few times (about 6)
 * cheaper.  The list's size is a counter; the number of addresses is
 * bounded by the largest id (addresses are never deleted). */
static bool filter_plan(struct bd_store *s, const struct bd_store_query *q, enum plan *p,
			struct bd_store_error *err)
{
	*p = PLAN_ORDERED;
	int64_t size, addresses;
	sqlite3_stmt *st = page_stmt(s, q, PLAN_PLAIN, K_COUNT, NULL, err);
	if (!st || !one_int(s, st, &size, err))
		return false;
	if (!(st = fixed(s, F_ADDR_MAX, err)) || !one_int(s, st, &addresses, err))
		return false;
	if (size * 6 > addresses)
		*p = PLAN_SCAN;
	return true;
}

static bool row_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_row r;
	bd_st_read_addr(q, &r.a);
	const char *rcpt = bd_st_col_text(q, 15), *alias = bd_st_col_text(q, 16);
	r.forward = rcpt && alias && strcasecmp(rcpt, alias) != 0 ? rcpt : NULL;
	r.bounces = sqlite3_column_int64(q, 17);
	r.last_at = sqlite3_column_int64(q, 18);
	return ((bd_store_row_fn)c->fn)(c->ctx, &r);
}

void bd_store_set_filter_budget(struct bd_store *s, int ms)
{
	s->filter_budget_ms = ms < 0 ? 0 : ms;
}

struct budget {
	double deadline;
	bool expired;
};

static double clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int budget_check(void *p)
{
	struct budget *b = p;
	if (clock_ms() < b->deadline)
		return 0;
	b->expired = true;
	return 1;
}

/* A filtered page along the list's index, given the time budget: the ids
 * first (a row is only read once the page is known), then each row.
 * *expired when the budget ran out first (nothing was handed to fn). */
static bool page_ordered(struct bd_store *s, const struct bd_store_query *q, struct bd_regex *re,
			 int64_t offset, int limit, int budget_ms, bd_store_row_fn fn, void *ctx,
			 bool *expired, struct bd_store_error *err)
{
	*expired = false;
	sqlite3_stmt *st = page_stmt(s, q, PLAN_ORDERED, K_IDS, re, err);
	if (!st)
		return false;
	sqlite3_bind_int64(st, P_OFFSET, offset);
	sqlite3_bind_int(st, P_LIMIT, limit);
	struct budget b = {clock_ms() + budget_ms, false};
	if (budget_ms > 0)
		sqlite3_progress_handler(s->db, 1000, budget_check, &b);
	/* Grown as rows come: limit may be far larger than the list. */
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ids = bd_xrealloc(ids, cap * sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
	bool ok = true;
	if (b.expired)
		*expired = true;
	else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		ok = bd_st_dbfail(s, err, "cannot read");
	struct cb c = {(void *)fn, ctx};
	for (size_t i = 0; ok && !*expired && i < n; i++) {
		if (!(st = page_stmt(s, q, PLAN_ORDERED, K_ONE, NULL, err))) {
			ok = false;
			break;
		}
		sqlite3_bind_int64(st, P_ADDR, ids[i]);
		bool more = true;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			more = row_cb(st, &c);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			ok = bd_st_dbfail(s, err, "cannot read");
		if (!more)
			break;
	}
	free(ids);
	return ok;
}

/* A page; with deferred non-NULL, a page that would need a pass over
 * every address is not read: *deferred is set instead. */
static bool page(struct bd_store *s, const struct bd_store_query *q, int64_t offset, int limit,
		 bd_store_row_fn fn, void *ctx, bool *deferred, struct bd_store_error *err)
{
	struct bd_regex *re;
	if (!filter_new(s, q, &re, err))
		return false;
	offset = offset > 0 ? offset : 0;
	limit = limit > 0 ? limit : 0;
	bool ok = true, set = false;
	if (re && !(ok = matches_hold(s, q, &set, err))) {
		bd_regex_free(&re);
		return false;
	}
	if (re && !set) {
		/* Along the list while that is quick (frequent matches, or a
		 * short list), else one pass over every address (its
		 * matches are kept by the count, bd_store_page_count). */
		enum plan whole;
		ok = filter_plan(s, q, &whole, err);
		if (ok && (whole == PLAN_ORDERED || s->filter_budget_ms > 0)) {
			bool expired;
			ok = page_ordered(s, q, re, offset, limit,
					  whole == PLAN_ORDERED ? 0 : s->filter_budget_ms, fn, ctx,
					  &expired, err);
			if (ok && !expired) {
				bd_regex_free(&re);
				return true;
			}
		}
		if (ok && deferred) {
			/* Only a pass over every address is left. */
			*deferred = true;
			bd_regex_free(&re);
			return true;
		}
	}
	sqlite3_stmt *st = !ok ? NULL :
			   set ? set_stmt(s, q, K_ROWS, err) :
				 page_stmt(s, q, re ? PLAN_SCAN : PLAN_PLAIN, K_ROWS, re, err);
	if (st) {
		sqlite3_bind_int64(st, P_OFFSET, offset);
		sqlite3_bind_int(st, P_LIMIT, limit);
		struct cb c = {(void *)fn, ctx};
		ok = bd_st_each_row(s, st, row_cb, &c, err);
		sqlite3_clear_bindings(st);
	} else {
		ok = false;
	}
	bd_regex_free(&re);
	return ok;
}

bool bd_store_page(struct bd_store *s, const struct bd_store_query *q, int64_t offset, int limit,
		   bd_store_row_fn fn, void *ctx, struct bd_store_error *err)
{
	return page(s, q, offset, limit, fn, ctx, NULL, err);
}

bool bd_store_page_try(struct bd_store *s, const struct bd_store_query *q, int64_t offset,
		       int limit, bd_store_row_fn fn, void *ctx, bool *deferred,
		       struct bd_store_error *err)
{
	*deferred = false;
	return page(s, q, offset, limit, fn, ctx, deferred, err);
}

bool bd_store_page_count(struct bd_store *s, const struct bd_store_query *q, int64_t *total,
			 struct bd_store_error *err)
{
	*total = 0;
	struct bd_regex *re;
	if (!filter_new(s, q, &re, err))
		return false;
	if (re) {
		/* One pass, whose matches are kept for the pages. */
		bool hold;
		enum plan p;
		bool ok = matches_hold(s, q, &hold, err) &&
			  (hold || (filter_plan(s, q, &p, err) && matches_find(s, q, re, p, err)));
		if (ok)
			*total = s->matches.count;
		bd_regex_free(&re);
		return ok;
	}
	sqlite3_stmt *st = page_stmt(s, q, PLAN_PLAIN, K_COUNT, NULL, err);
	return st && one_int(s, st, total, err);
}

bool bd_store_page_position(struct bd_store *s, const struct bd_store_query *q, const char *addr,
			    int64_t *pos, bool *found, struct bd_store_error *err)
{
	*pos = 0;
	*found = false;
	struct bd_regex *re;
	if (!filter_new(s, q, &re, err))
		return false;
	bool set = false;
	if (re && !matches_hold(s, q, &set, err)) {
		bd_regex_free(&re);
		return false;
	}
	enum plan p = set ? PLAN_SET : re ? PLAN_ORDERED : PLAN_PLAIN;
	sqlite3_stmt *st = set ? set_stmt(s, q, K_KEY, err) : page_stmt(s, q, p, K_KEY, re, err);
	if (!st) {
		bd_regex_free(&re);
		return false;
	}
	bd_st_bind_text(st, P_ADDR, addr);
	int rc = sqlite3_step(st);
	/* Copied: the statement is reset before the count runs. */
	sqlite3_value *key = NULL, *tie = NULL;
	if (rc == SQLITE_ROW) {
		key = sqlite3_value_dup(sqlite3_column_value(st, 0));
		tie = sqlite3_value_dup(sqlite3_column_value(st, 1));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bool ok = false;
	if (rc != SQLITE_ROW) {
		ok = rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
		goto done;
	}
	if (!key || !tie) {
		bd_st_fail(err, BD_STORE_UNAVAIL, "%s: out of memory", s->path);
		goto done;
	}
	if (re && !set && !filter_plan(s, q, &p, err))
		goto done;
	if (!(st = set ? set_stmt(s, q, K_BEFORE, err) : page_stmt(s, q, p, K_BEFORE, re, err)))
		goto done;
	sqlite3_bind_value(st, P_KEY, key);
	if (sqlite3_bind_parameter_count(st) >= P_TIE)
		sqlite3_bind_value(st, P_TIE, tie);
	ok = one_int(s, st, pos, err);
	sqlite3_clear_bindings(st);
	*found = ok;
done:
	sqlite3_value_free(key);
	sqlite3_value_free(tie);
	bd_regex_free(&re);
	return ok;
}

static bool group_cb(sqlite3_stmt *q, void *p)
{
	struct bd_store_groups *g = p;
	const char *k = bd_st_col_text(q, 0);
	int64_t n = sqlite3_column_int64(q, 1);
	if (!k)
		return true;
	if (strcmp(k, "review") == 0)
		g->review = n;
	else if (strcmp(k, "forwarded") == 0)
		g->forwarded = n;
	else if (strcmp(k, "hold") == 0)
		g->hold = n;
	else if (strcmp(k, "stopped") == 0)
		g->stopped = n;
	else if (strcmp(k, "unparsed") == 0)
		g->unparsed = n;
	return true;
}

bool bd_store_group_counts(struct bd_store *s, struct bd_store_groups *out,
			   struct bd_store_error *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *q = fixed(s, F_GROUPS, err);
	return q && bd_st_each_row(s, q, group_cb, out, err);
}

bool bd_store_unparsed_page(struct bd_store *s, int64_t offset, int limit, bd_store_msg_fn fn,
			    void *ctx, struct bd_store_error *err)
{
	sqlite3_stmt *q = fixed(s, F_UNPARSED_PAGE, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, offset > 0 ? offset : 0);
	sqlite3_bind_int(q, 2, limit > 0 ? limit : 0);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, bd_st_msg_cb, &c, err);
}

static bool domain_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_domain d = {
		.domain = bd_st_col_text(q, 0),
		.addresses = sqlite3_column_int64(q, 1),
		.bounces = sqlite3_column_int64(q, 2),
		.stopped = sqlite3_column_int64(q, 3),
		.hold = sqlite3_column_int64(q, 4),
		.review = sqlite3_column_int64(q, 5),
		.incidents = sqlite3_column_int64(q, 6),
	};
	return ((bd_store_domain_fn)c->fn)(c->ctx, &d);
}

bool bd_store_domain_page(struct bd_store *s, int64_t offset, int limit, bd_store_domain_fn fn,
			  void *ctx, struct bd_store_error *err)
{
	sqlite3_stmt *q = fixed(s, F_DOMAIN_PAGE, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, offset > 0 ? offset : 0);
	sqlite3_bind_int(q, 2, limit > 0 ? limit : 0);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, domain_cb, &c, err);
}

bool bd_store_domain_total(struct bd_store *s, int64_t *total, struct bd_store_error *err)
{
	sqlite3_stmt *q = fixed(s, F_DOMAIN_TOTAL, err);
	if (!q)
		return false;
	bool ok = one_int(s, q, total, err);
	sqlite3_reset(q);
	return ok;
}

bool bd_store_domain_reasons(struct bd_store *s, const char *domain, bd_store_count_fn fn,
			     void *ctx, struct bd_store_error *err)
{
	sqlite3_stmt *q = fixed(s, F_DOMAIN_REASONS, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, domain);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, bd_st_count_cb, &c, err);
}

static bool forward_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_forward f = {
		.target = bd_st_col_text(q, 0),
		.events = sqlite3_column_int64(q, 1),
		.first_at = sqlite3_column_int64(q, 2),
		.last_at = sqlite3_column_int64(q, 3),
	};
	return ((bd_store_forward_fn)c->fn)(c->ctx, &f);
}

bool bd_store_forwards(struct bd_store *s, const char *addr, bd_store_forward_fn fn, void *ctx,
		       struct bd_store_error *err)
{
	sqlite3_stmt *q = fixed(s, F_FORWARDS, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, addr);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, forward_cb, &c, err);
}

bool bd_store_next_bounce(struct bd_store *s, const char *addr, const char *reason,
			  const struct bd_policy *pol, int64_t now, struct bd_store_next *out,
			  bool *found, struct bd_store_error *err)
{
	memset(out, 0, sizeof(*out));
	*found = false;
	sqlite3_stmt *q = fixed(s, F_NEXT_ADDR, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, addr);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(q);
		return rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
	}
	int64_t id = sqlite3_column_int64(q, 0);
	enum bd_state state;
	if (!bd_state_parse(bd_st_col_text(q, 1), &state))
		state = BD_STATE_ACTIVE;
	int64_t run_since = sqlite3_column_int64(q, 2);
	const char *last = bd_st_col_text(q, 3);
	const struct bd_reason *cat = bd_reason_get(reason ? reason : last ? last : "");
	sqlite3_reset(q);
	if (!cat) {
		if (reason)
			return bd_st_fail(err, BD_STORE_INVALID, "'%s' is not a reason", reason);
		return true;
	}
	*found = true;
	const struct bd_policy_entry *pe = bd_policy_for(pol, cat);
	snprintf(out->reason, sizeof(out->reason), "%s", cat->id);
	snprintf(out->key, sizeof(out->key), "%s", pe->key);
	bd_policy_describe(pe, out->rule, sizeof(out->rule));
	out->action = pe->action;
	out->need = bd_policy_threshold(pol, pe, false);
	out->window_days = bd_policy_window(pol, pe);
	/* Counted as ingest counts: distinct sends under the same entry since
	 * the later of the window's start and the last reset. */
	int64_t start = now - (int64_t)out->window_days * 86400;
	if (start < run_since)
		start = run_since;
	if (!(q = fixed(s, F_NEXT_RUN, err)))
		return false;
	sqlite3_bind_int64(q, 1, id);
	bd_st_bind_text(q, 2, pe->key);
	sqlite3_bind_int64(q, 3, start);
	sqlite3_bind_int64(q, 4, now);
	int64_t run;
	bool ok = one_int(s, q, &run, err);
	sqlite3_reset(q);
	if (!ok)
		return false;
	out->run = (int)run;
	bd_policy_decide(pol, pe, false, state, out->run + 1, &out->decision);
	return true;
}

bool bd_store_changed(struct bd_store *s, struct bd_store_stamp *stamp, bool *changed,
		      struct bd_store_error *err)
{
	*changed = false;
	sqlite3_stmt *q = fixed(s, F_STAMP, err);
	if (!q)
		return false;
	int rc = sqlite3_step(q);
	struct bd_store_stamp now = {0, 0};
	if (rc == SQLITE_ROW) {
		now.message = sqlite3_column_int64(q, 0);
		now.journal = sqlite3_column_int64(q, 1);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return bd_st_dbfail(s, err, "cannot read");
	*changed = now.message != stamp->message || now.journal != stamp->journal;
	*stamp = now;
	return true;
}
