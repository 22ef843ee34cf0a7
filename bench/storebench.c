/* storebench.c: builds a store of many events through the store API and
 * times the queries the category screen runs on it.
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
	return 0;
}
