/* storebench.c: builds a store of many events through the store API and
 * times the queries the operator's screens run on it: the category list,
 * pages of the largest category in each order (first and last), its row
 * count and a row's position, filtered pages and counts (a frequent and a
 * rare match), the stopped group in each order, and the domains.
 *
 *   storebench PATH EVENTS   build PATH (if it does not hold EVENTS yet),
 *                            then print one line per query timing
 *
 * Events come ten recipients to a message, over 20 % as many addresses,
 * with a skewed mix of reasons so one category is much larger than the
 * rest (the worst case for "first page of the largest category"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/classify.h"
#include "../core/date.h"
#include "../core/policy.h"
#include "../core/sha256.h"
#include "../db/store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static const char *const mix[] = {
	"userunknown",  "userunknown", "userunknown", "userunknown", "mailboxfull",
	"mailboxfull",  "blocked",     "expired",     "hostunknown", "networkerror",
	"spamdetected", "suspend",     "rejected",    "onhold",      "policyviolation",
	"userunknown",  "userunknown", "mailboxfull", "authfailure", "systemerror",
};

static bool count_events(void *ctx, const char *key, int64_t ev, int64_t ad, int64_t rev)
{
	(void)key, (void)ad, (void)rev;
	*(int64_t *)ctx += ev;
	return true;
}

struct largest {
	char reason[64];
	int64_t events;
	int rows;
};

static bool find_largest(void *ctx, const char *key, int64_t ev, int64_t ad, int64_t rev)
{
	(void)ad, (void)rev;
	struct largest *l = ctx;
	if (ev > l->events) {
		l->events = ev;
		snprintf(l->reason, sizeof(l->reason), "%s", key);
	}
	return true;
}

static bool count_row(void *ctx, const struct bd_store_addr *a)
{
	(void)a;
	((struct largest *)ctx)->rows++;
	return true;
}

static int build(struct bd_store *s, long events)
{
	struct bd_policy pol;
	struct bd_error perr;
	bd_policy_init(&pol);
	if (!bd_policy_defaults(&pol, &perr))
		return 1;
	struct bd_store_error err;
	long nmsg = events / 10, naddr = events / 5;
	double t0 = now_ms();
	srand(12345);
	for (long m = 0; m < nmsg; m++) {
		if (m % 2000 == 0 && !bd_store_begin(s, &err))
			goto fail;
		struct bd_report r;
		bd_report_init(&r);
		r.kind = BD_KIND_BOUNCE;
		char date[32];
		bd_date_iso(1600000000 + m * 60, date);
		r.date = bd_report_str(&r, date);
		r.orig_message_id = bd_arena_printf(&r.arena, "<send-%ld@shop.example>", m);
		struct bd_verdict v[10];
		for (int i = 0; i < 10; i++) {
			long a = (m * 7919 + i * 104729) % naddr;
			struct bd_rcpt *rc = bd_report_rcpt(
				&r,
				bd_arena_printf(&r.arena, "user%ld@example%ld.com", a, a % 997));
			const char *reason = mix[(unsigned)rand() % (sizeof(mix) / sizeof(mix[0]))];
			rc->status = "5.0.0";
			rc->action = "failed";
			rc->diagnostic = "550 bench";
			memset(&v[i], 0, sizeof(v[i]));
			v[i].reason = v[i].category = bd_reason_get(reason);
			v[i].hardbounce = v[i].reason->hard;
			v[i].permanent = true;
			snprintf(v[i].rule, sizeof(v[i].rule), "bench");
		}
		char raw[96];
		int n = snprintf(raw, sizeof(raw), "Subject: bench %ld\n\nx\n", m);
		struct bd_ingest_msg im = {
			.raw = raw, .len = (size_t)n, .source = "bench", .now = 1700000000};
		bd_sha256(raw, (size_t)n, im.sha);
		struct bd_ingest_result res;
		bool ok = bd_store_add(s, &im, &r, v, &pol, &res, &err);
		bd_report_done(&r);
		if (!ok)
			goto fail;
		if ((m + 1) % 2000 == 0 && !bd_store_commit(s, &err))
			goto fail;
	}
	if (nmsg % 2000 != 0 && !bd_store_commit(s, &err))
		goto fail;
	printf("storebench: built %ld events (%ld messages, %ld addresses) in %.1f s\n", nmsg * 10,
	       nmsg, naddr, (now_ms() - t0) / 1e3);
	bd_policy_done(&pol);
	return 0;
fail:
	fprintf(stderr, "storebench: %s\n", err.msg);
	bd_policy_done(&pol);
	return 1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* ---- the queries of the operator's screens ---- */

struct timing {
	struct bd_store *s;
	struct bd_store_query q;
	int64_t offset, n;
	const char *addr;
	bool ok;
};

typedef void (*timed_fn)(struct timing *t);

static bool count_page_row(void *ctx, const struct bd_store_row *r)
{
	(void)r;
	((struct timing *)ctx)->n++;
	return true;
}

static void run_page(struct timing *t)
{
	struct bd_store_error err;
	t->n = 0;
	t->ok = bd_store_page(t->s, &t->q, t->offset, 50, count_page_row, t, &err);
	if (!t->ok)
		fprintf(stderr, "storebench: %s\n", err.msg);
}

static void run_count(struct timing *t)
{
	struct bd_store_error err;
	t->ok = bd_store_page_count(t->s, &t->q, &t->n, &err);
}

static void run_position(struct timing *t)
{
	struct bd_store_error err;
	bool found;
	t->ok = bd_store_page_position(t->s, &t->q, t->addr, &t->n, &found, &err) && found;
}

static bool count_reason(void *ctx, const char *key, int64_t ev, int64_t ad, int64_t rev)
{
	(void)key, (void)ev, (void)ad, (void)rev;
	(*(int64_t *)ctx)++;
	return true;
}

static void run_categories(struct timing *t)
{
	struct bd_store_error err;
	struct bd_store_groups g;
	t->n = 0;
	t->ok = bd_store_reason_counts(t->s, count_reason, &t->n, &err) &&
		bd_store_group_counts(t->s, &g, &err);
	t->n += 5;
}

static bool count_domain(void *ctx, const struct bd_store_domain *d)
{
	(void)d;
	((struct timing *)ctx)->n++;
	return true;
}

static void run_domains(struct timing *t)
{
	struct bd_store_error err;
	t->n = 0;
	t->ok = bd_store_domain_page(t->s, 0, 50, count_domain, t, &err);
}

/* Median of runs timings of fn on one open store (statements prepared by
 * a first, untimed run, as a UI that stays open has them). */
static double timed(struct timing *t, timed_fn fn, int runs)
{
	double ms[21];
	fn(t);
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		fn(t);
		ms[i] = now_ms() - t0;
	}
	qsort(ms, (size_t)runs, sizeof(double), cmp_double);
	return ms[runs / 2];
}

static const char *const sort_names[] = {"last bounce", "address", "domain", "bounces"};

static bool ui_queries(const char *path, const char *reason, int64_t events)
{
	struct timing t = {0};
	struct bd_store_error err;
	if (!bd_store_open(path, BD_STORE_READONLY, 0, &t.s, &err)) {
		fprintf(stderr, "storebench: %s\n", err.msg);
		return false;
	}
	bool all_ok = true, fast = true;
	double ms = timed(&t, run_categories, 21);
	fast &= ms < 10;
	printf("storebench: category list (%lld reasons and groups) %.2f ms\n", (long long)t.n, ms);
	t.q = (struct bd_store_query){BD_GROUP_REASON, reason, BD_SORT_LAST, NULL, NULL};
	timed(&t, run_count, 1);
	int64_t rows = t.n;
	for (int sort = 0; sort < 4; sort++) {
		t.q.sort = (enum bd_store_sort)sort;
		t.offset = 0;
		double first = timed(&t, run_page, 21);
		all_ok &= t.ok && t.n == 50;
		t.offset = rows - 50;
		double last = timed(&t, run_page, 11);
		all_ok &= t.ok;
		fast &= first < 10;
		printf("storebench: '%s' (%lld addresses, %lld events) by %s: first page %.2f ms, "
		       "last page %.2f ms\n",
		       reason, (long long)rows, (long long)events, sort_names[sort], first, last);
	}
	t.q.sort = BD_SORT_LAST;
	ms = timed(&t, run_count, 21);
	fast &= ms < 10;
	t.addr = "user123456@example825.com";
	double pos = timed(&t, run_position, 11);
	all_ok &= t.ok;
	printf("storebench: '%s' row count %.2f ms; position of an address (row %lld) %.2f ms\n",
	       reason, ms, (long long)t.n, pos);
	static const char *const patterns[] = {"example1[0-9]\\.com", "user12345@"};
	for (int i = 0; i < 2; i++) {
		t.q.pattern = patterns[i];
		t.offset = 0;
		double first = timed(&t, run_page, 5);
		int64_t got = t.n;
		double cnt = timed(&t, run_count, 3);
		all_ok &= t.ok;
		printf("storebench: '%s' filtered /%s/: first page (%lld rows) %.2f ms; count "
		       "(%lld) %.2f ms\n",
		       reason, patterns[i], (long long)got, first, (long long)t.n, cnt);
	}
	t.q = (struct bd_store_query){BD_GROUP_STOPPED, NULL, BD_SORT_LAST, NULL, NULL};
	for (int sort = 0; sort < 4; sort++) {
		t.q.sort = (enum bd_store_sort)sort;
		t.offset = 0;
		double first = timed(&t, run_page, 21);
		fast &= first < 10;
		printf("storebench: stopped addresses by %s: first page %.2f ms\n",
		       sort_names[sort], first);
	}
	ms = timed(&t, run_domains, 21);
	printf("storebench: domains, first page (%lld rows) %.2f ms\n", (long long)t.n, ms);
	bd_store_close(t.s);
	printf("storebench: UI queries (counts, unfiltered first pages) target 10 ms: %s\n",
	       all_ok && fast ? "ok" : "MISSED");
	return all_ok;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: storebench PATH EVENTS\n");
		return 2;
	}
	long events = atol(argv[2]);
	struct bd_store *s;
	struct bd_store_error err;
	if (!bd_store_open(argv[1], 0, 0, &s, &err)) {
		fprintf(stderr, "storebench: %s\n", err.msg);
		return 1;
	}
	int64_t have = 0;
	if (!bd_store_reason_counts(s, count_events, &have, &err)) {
		fprintf(stderr, "storebench: %s\n", err.msg);
		return 1;
	}
	if (have < events && build(s, events) != 0)
		return 1;
	bd_store_close(s);
	/* Time the queries on a freshly opened store, as the UI would. */
	enum { RUNS = 21 };
	double counts_ms[RUNS], page_ms[RUNS], open_ms[RUNS];
	struct largest l = {{0}, 0, 0};
	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms();
		if (!bd_store_open(argv[1], BD_STORE_READONLY, 0, &s, &err)) {
			fprintf(stderr, "storebench: %s\n", err.msg);
			return 1;
		}
		double t1 = now_ms();
		l.events = 0;
		if (!bd_store_reason_counts(s, find_largest, &l, &err))
			return 1;
		double t2 = now_ms();
		l.rows = 0;
		if (!bd_store_reason_page(s, l.reason, 0, 50, count_row, &l, &err))
			return 1;
		double t3 = now_ms();
		bd_store_close(s);
		open_ms[i] = t1 - t0;
		counts_ms[i] = t2 - t1;
		page_ms[i] = t3 - t2;
	}
	qsort(open_ms, RUNS, sizeof(double), cmp_double);
	qsort(counts_ms, RUNS, sizeof(double), cmp_double);
	qsort(page_ms, RUNS, sizeof(double), cmp_double);
	printf("storebench: open %.2f ms; per-reason counts %.2f ms (max %.2f); first page (50 "
	       "rows) of the largest category '%s', %lld events: %.2f ms (max %.2f); median of "
	       "%d\n",
	       open_ms[RUNS / 2], counts_ms[RUNS / 2], counts_ms[RUNS - 1], l.reason,
	       (long long)l.events, page_ms[RUNS / 2], page_ms[RUNS - 1], RUNS);
	printf("storebench: target 10 ms each: %s\n",
	       counts_ms[RUNS / 2] < 10 && page_ms[RUNS / 2] < 10 && l.rows == 50 ? "ok" :
										    "MISSED");
	return ui_queries(argv[1], l.reason, l.events) ? 0 : 1;
}
