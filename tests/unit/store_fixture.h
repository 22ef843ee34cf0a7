/* store_fixture.h: a store in a temporary directory and builders of
 * bounces for the store's test runners (header-only, like testlib.h). */
#ifndef BD_STORE_FIXTURE_H
#define BD_STORE_FIXTURE_H

#include "testlib.h"

#include <unistd.h>

#include "../../core/classify.h"
#include "../../core/date.h"
#include "../../core/policy.h"
#include "../../core/sha256.h"
#include "../../db/store.h"

#define DAY INT64_C(86400)
#define T0 INT64_C(1700000000) /* a fixed "now" */

static char dir[256];
static int serial;

static inline const char *tmp_db(void)
{
	static char path[300];
	snprintf(path, sizeof(path), "%s/s%d.db", dir, ++serial);
	return path;
}

static inline int setup_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/bdstoreXXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static inline int remove_dir(void **state)
{
	(void)state;
	char cmd[320];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

struct fx {
	struct bd_store *s;
	struct bd_policy pol;
	int seq;
};

static inline struct fx *fx_new(void)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct bd_store_error err;
	assert_true(bd_store_open(tmp_db(), 0, 0, &f->s, &err));
	struct bd_error perr;
	bd_policy_init(&f->pol);
	assert_true(bd_policy_defaults(&f->pol, &perr));
	return f;
}

static inline void fx_free(struct fx *f)
{
	bd_store_close(f->s);
	bd_policy_done(&f->pol);
	free(f);
}

/* One bounce: recipient rcpt (alias when forwarded), reason id, status,
 * the original send's Message-ID, days after T0.  Returns the result. */
static inline struct bd_ingest_result bounce_diag(struct fx *f, const char *rcpt, const char *alias,
						  const char *reason, const char *status,
						  const char *orig, int day, enum bd_kind kind,
						  const char *diagnostic)
{
	struct bd_report r;
	bd_report_init(&r);
	r.kind = kind;
	r.detector = "test";
	char date[32];
	bd_date_iso(T0 + (int64_t)day * DAY, date);
	r.date = bd_report_str(&r, date);
	r.orig_message_id = orig ? bd_report_str(&r, orig) : NULL;
	struct bd_rcpt *rc = bd_report_rcpt(&r, bd_report_str(&r, rcpt));
	rc->alias = alias ? bd_report_str(&r, alias) : NULL;
	rc->status = status ? bd_report_str(&r, status) : NULL;
	rc->action = kind == BD_KIND_SUCCESS ? "delivered" : "failed";
	rc->diagnostic = diagnostic ? bd_report_str(&r, diagnostic) : NULL;
	struct bd_verdict v = {0};
	v.reason = v.category = bd_reason_get(reason);
	assert_non_null(v.reason);
	v.hardbounce = v.reason->hard && !(status && status[0] == '4');
	v.permanent = status && status[0] == '5';
	snprintf(v.rule, sizeof(v.rule), "test");
	char raw[200];
	int seq = ++f->seq;
	int n = snprintf(raw, sizeof(raw), "Subject: bounce %d\n\nbody\n", seq);
	struct bd_ingest_msg m = {.raw = raw, .len = (size_t)n, .source = "test", .now = T0};
	bd_sha256(raw, (size_t)n, m.sha);
	struct bd_ingest_result res;
	struct bd_store_error err;
	assert_true(bd_store_begin(f->s, &err));
	if (!bd_store_add(f->s, &m, &r, &v, &f->pol, &res, &err))
		fail_msg("%s", err.msg);
	assert_true(bd_store_commit(f->s, &err));
	bd_report_done(&r);
	return res;
}

static inline struct bd_ingest_result bounce(struct fx *f, const char *rcpt, const char *alias,
					     const char *reason, const char *status,
					     const char *orig, int day, enum bd_kind kind)
{
	return bounce_diag(f, rcpt, alias, reason, status, orig, day, kind, "test diagnostic");
}

struct addr_copy {
	enum bd_state state;
	bool review;
	int64_t bounces;
	char reason[64];
};

static inline bool copy_addr(void *ctx, const struct bd_store_addr *a)
{
	struct addr_copy *c = ctx;
	c->state = a->state;
	c->review = a->review;
	c->bounces = a->bounces;
	snprintf(c->reason, sizeof(c->reason), "%s", a->state_reason ? a->state_reason : "");
	return true;
}

static inline struct addr_copy addr(struct fx *f, const char *a, bool *found)
{
	struct addr_copy c = {0};
	struct bd_store_error err;
	assert_true(bd_store_address(f->s, a, copy_addr, &c, found, &err));
	return c;
}

static inline enum bd_state state_of(struct fx *f, const char *a)
{
	bool found;
	struct addr_copy c = addr(f, a, &found);
	assert_true(found);
	return c.state;
}

static inline bool count_j(void *ctx, const struct bd_store_jrow *j)
{
	(void)j;
	(*(int *)ctx)++;
	return true;
}

static inline int journal_rows(struct fx *f, const char *a)
{
	int n = 0;
	struct bd_store_error err;
	assert_true(bd_store_journal(f->s, a, count_j, &n, &err));
	return n;
}

#endif
