/* load.c: what each view shows, read from the store: category counts,
 * one page of addresses, domains or messages at a time (never a whole
 * table), and the text of the detail, raw and help pagers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/explain.h"
#include "../core/help.h"
#include "../core/mimeview.h"
#include "../core/reason.h"
#include "appint.h"

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void free_page(struct bd_view *v)
{
	for (size_t i = 0; i < v->npage; i++) {
		if (v->rows) {
			free(v->rows[i].address);
			free(v->rows[i].forward);
			free(v->rows[i].domain);
			free(v->rows[i].status);
		}
		if (v->doms)
			free(v->doms[i].domain);
		if (v->msgs) {
			free(v->msgs[i].error);
			free(v->msgs[i].from);
			free(v->msgs[i].subject);
		}
	}
	free(v->rows);
	free(v->doms);
	free(v->msgs);
	v->rows = NULL;
	v->doms = NULL;
	v->msgs = NULL;
	v->npage = 0;
}

static void free_lines(struct bd_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	free(v->lines);
	v->lines = NULL;
	v->nlines = v->capl = 0;
}

void bd_view_done(struct bd_view *v)
{
	free_page(v);
	free_lines(v);
	free(v->cats);
	free(v->shown);
	free(v->pattern);
	free(v->reasons);
	free(v->cursor_addr);
	free(v->search);
	memset(v, 0, sizeof(*v));
}

/* ---- pager text ---- */

static void add_line(struct bd_view *v, enum bd_style st, int64_t msg, const char *s, size_t len)
{
	if (v->nlines == v->capl) {
		v->capl = v->capl ? v->capl * 2 : 64;
		v->lines = realloc(v->lines, v->capl * sizeof(*v->lines));
		if (!v->lines)
			abort();
	}
	struct bd_buf b;
	bd_buf_init(&b);
	bd_text_visible(s, len, BD_VIS_TABS, &b);
	if (!b.data)
		bd_buf_adds(&b, "");
	v->lines[v->nlines++] = (struct bd_textline){bd_buf_take(&b), st, msg};
}

static void addf(struct bd_view *v, enum bd_style st, int64_t msg, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void addf(struct bd_view *v, enum bd_style st, int64_t msg, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	add_line(v, st, msg, buf, (size_t)n);
}

static const char *date(struct bd_app *app, int64_t t, char *buf, size_t n)
{
	if (t == 0)
		return "-";
	return bd_text_date(t, app->now, app->utc_offset, BD_DATE_ABSOLUTE, buf, n);
}

static const char *nz(const char *s)
{
	return s && *s ? s : "-";
}

/* ---- categories ---- */

struct catload {
	struct bd_view *v;
	size_t cap;
};

static struct bd_catrow *cat_add(struct catload *c)
{
	struct bd_view *v = c->v;
	if (v->ncats == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		v->cats = realloc(v->cats, c->cap * sizeof(*v->cats));
		if (!v->cats)
			abort();
	}
	struct bd_catrow *r = &v->cats[v->ncats++];
	memset(r, 0, sizeof(*r));
	return r;
}

static bool reason_count(void *ctx, const char *key, int64_t events, int64_t addresses,
			 int64_t review)
{
	struct bd_view *v = ctx;
	for (size_t i = 0; i < v->ncats; i++) {
		if (v->cats[i].kind == BD_CAT_REASON && strcmp(v->cats[i].id, key) == 0) {
			v->cats[i].events = events;
			v->cats[i].addresses = addresses;
			v->cats[i].review = review;
		}
	}
	return true;
}

static void load_categories(struct bd_app *app, struct bd_view *v)
{
	char keep[40] = "";
	if (v->ncats && v->lv.rows > 0)
		snprintf(keep, sizeof(keep), "%s", v->cats[v->shown[v->lv.cursor]].id);
	free(v->cats);
	free(v->shown);
	v->cats = NULL;
	v->shown = NULL;
	v->ncats = 0;
	struct catload c = {v, 0};
	static const enum bd_group order[] = {BD_GROUP_ADDRESS, BD_GROUP_SENDER, BD_GROUP_TEMPORARY,
					      BD_GROUP_NOTBOUNCE};
	for (size_t g = 0; g < 4; g++) {
		struct bd_catrow *h = cat_add(&c);
		h->kind = BD_CAT_HEADING;
		snprintf(h->id, sizeof(h->id), "group:%s", bd_group_name(order[g]));
		snprintf(h->label, sizeof(h->label), "%s", bd_group_label(order[g]));
		for (size_t i = 0; i < bd_nreasons; i++) {
			if (bd_reasons[i].group != order[g])
				continue;
			struct bd_catrow *r = cat_add(&c);
			r->kind = BD_CAT_REASON;
			snprintf(r->id, sizeof(r->id), "%s", bd_reasons[i].id);
			snprintf(r->label, sizeof(r->label), "%s", bd_reasons[i].label);
		}
	}
	struct bd_store_error err;
	if (!bd_store_reason_counts(app->store, reason_count, v, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	struct bd_store_groups gr = {0};
	if (!bd_store_group_counts(app->store, &gr, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	struct bd_catrow *h = cat_add(&c);
	h->kind = BD_CAT_HEADING;
	snprintf(h->id, sizeof(h->id), "across");
	snprintf(h->label, sizeof(h->label), "Across categories");
	static const struct {
		enum bd_store_group g;
		const char *id, *label;
	} groups[] = {
		{BD_GROUP_REVIEW, "review", "Awaiting review"},
		{BD_GROUP_FORWARDED, "forwarded", "Forwarding failures"},
		{BD_GROUP_HOLD, "hold", "On hold (contact the person)"},
		{BD_GROUP_STOPPED, "stopped", "Stopped"},
	};
	const int64_t sizes[] = {gr.review, gr.forwarded, gr.hold, gr.stopped};
	for (size_t i = 0; i < 4; i++) {
		struct bd_catrow *r = cat_add(&c);
		r->kind = BD_CAT_GROUP;
		r->group = groups[i].g;
		snprintf(r->id, sizeof(r->id), "%s", groups[i].id);
		snprintf(r->label, sizeof(r->label), "%s", groups[i].label);
		r->addresses = sizes[i];
		r->review = groups[i].g == BD_GROUP_REVIEW ? gr.review : -1;
		r->events = -1;
	}
	struct bd_catrow *u = cat_add(&c);
	u->kind = BD_CAT_UNPARSED;
	snprintf(u->id, sizeof(u->id), "unparsed");
	snprintf(u->label, sizeof(u->label), "Unparsed messages");
	u->events = gr.unparsed;
	u->addresses = -1;
	u->review = -1;

	v->shown = calloc(v->ncats ? v->ncats : 1, sizeof(*v->shown));
	if (!v->shown)
		abort();
	size_t n = 0;
	long cursor = -1;
	for (size_t i = 0; i < v->ncats; i++) {
		const struct bd_catrow *r = &v->cats[i];
		bool empty = r->kind != BD_CAT_HEADING && r->addresses <= 0 && r->events <= 0;
		if (app->hide_empty && empty)
			continue;
		if (keep[0] && strcmp(r->id, keep) == 0)
			cursor = (long)n;
		v->shown[n++] = i;
	}
	bool first = v->lv.rows == 0 && !keep[0];
	bd_listview_set_rows(&v->lv, (long)n, false, cursor);
	if (first) {
		/* Start on the first category that has something. */
		for (size_t i = 0; i < n; i++) {
			const struct bd_catrow *r = &v->cats[v->shown[i]];
			if (r->kind != BD_CAT_HEADING && (r->addresses > 0 || r->events > 0)) {
				bd_listview_to(&v->lv, (long)i);
				break;
			}
		}
	}
}

/* ---- addresses ---- */

struct pageload {
	struct bd_view *v;
	size_t cap;
};

static bool addr_row(void *ctx, const struct bd_store_row *r)
{
	struct pageload *p = ctx;
	struct bd_view *v = p->v;
	if (v->npage == p->cap)
		return false;
	struct bd_addrrow *a = &v->rows[v->npage++];
	a->address = dup0(r->a.address);
	a->forward = dup0(r->forward);
	a->domain = dup0(r->a.domain);
	a->status = dup0(r->a.last_status);
	a->bounces = r->bounces;
	a->last_at = r->last_at;
	a->state = r->a.state;
	a->review = r->a.review;
	return true;
}

struct bd_store_query bd_view_query(const struct bd_view *v, const char *pattern)
{
	struct bd_store_query q = {v->group, v->reason, v->sort, pattern,
				   v->group == BD_GROUP_DOMAIN ? v->domain : NULL};
	return q;
}

int bd_view_extra_lines(const struct bd_view *v)
{
	return v->kind == BD_VIEW_ADDRESSES && v->group == BD_GROUP_DOMAIN ? 1 : 0;
}

/* "userunknown 3 (5 bounces)  blocked: 2 incidents" */
static bool domain_reason(void *ctx, const char *key, int64_t addresses, int64_t bounces,
			  int64_t incidents)
{
	struct bd_buf *b = ctx;
	if (b->len)
		bd_buf_adds(b, "  ");
	bd_buf_adds(b, key ? key : "-");
	if (addresses > 0)
		bd_buf_printf(b, " %lld (%lld bounce%s)", (long long)addresses, (long long)bounces,
			      bounces == 1 ? "" : "s");
	if (incidents > 0)
		bd_buf_printf(b, "%s %lld incident%s", addresses > 0 ? "," : ":",
			      (long long)incidents, incidents == 1 ? "" : "s");
	return true;
}

static void load_domain_reasons(struct bd_app *app, struct bd_view *v)
{
	struct bd_buf b;
	bd_buf_init(&b);
	struct bd_store_error err;
	if (!bd_store_domain_reasons(app->store, v->domain, domain_reason, &b, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	free(v->reasons);
	v->reasons = b.len ? bd_buf_take(&b) : strdup("no bounces");
	bd_buf_done(&b);
}

/* The rows the window shows, from lv.top. */
/* The page of rows at the cursor's window; with deferred non-NULL, a
 * filtered page that needs a pass over every address is left for later
 * (bd_store_page_try). */
static bool load_page_try(struct bd_app *app, struct bd_view *v, const struct bd_store_query *q,
			  bool *deferred, struct bd_store_error *err)
{
	free_page(v);
	int n = bd_listview_visible(&v->lv);
	if (n <= 0)
		return true;
	v->rows = calloc((size_t)n, sizeof(*v->rows));
	if (!v->rows)
		abort();
	struct pageload p = {v, (size_t)n};
	if (deferred)
		return bd_store_page_try(app->store, q, v->lv.top, n, addr_row, &p, deferred, err);
	return bd_store_page(app->store, q, v->lv.top, n, addr_row, &p, err);
}

static bool load_page(struct bd_app *app, struct bd_view *v, const struct bd_store_query *q,
		      struct bd_store_error *err)
{
	return load_page_try(app, v, q, NULL, err);
}

static void load_addresses(struct bd_app *app, struct bd_view *v, bool counts)
{
	if (counts && v->group == BD_GROUP_DOMAIN)
		load_domain_reasons(app, v);
	struct bd_store_query q = bd_view_query(v, v->pattern);
	struct bd_store_error err;
	if (counts) {
		int64_t total = 0;
		v->count_pending = false;
		if (!bd_store_page_count(app->store, &q, &total, &err)) {
			bd_app_status_set(app, true, "%s", err.msg);
			return;
		}
		long pos = -1;
		if (v->cursor_addr) {
			int64_t p;
			bool found;
			if (bd_store_page_position(app->store, &q, v->cursor_addr, &p, &found,
						   &err) &&
			    found)
				pos = (long)p;
		}
		bd_listview_set_rows(&v->lv, (long)total, false, pos);
	}
	bool fresh = v->page_fresh;
	v->page_fresh = false;
	if (fresh && !counts && v->lv.top == 0 && (int)v->npage == bd_listview_visible(&v->lv))
		return;
	if (!load_page(app, v, &q, &err))
		bd_app_status_set(app, true, "%s", err.msg);
}

bool bd_app_load_filtered(struct bd_app *app, struct bd_view *v, const char *pattern,
			  bool *deferred, struct bd_store_error *err)
{
	struct bd_store_query q = bd_view_query(v, pattern);
	bool ok = load_page_try(app, v, &q, deferred, err);
	v->page_fresh = ok && !*deferred;
	return ok;
}

/* ---- domains and messages ---- */

static bool dom_row(void *ctx, const struct bd_store_domain *d)
{
	struct pageload *p = ctx;
	struct bd_view *v = p->v;
	if (v->npage == p->cap)
		return false;
	struct bd_domrow *r = &v->doms[v->npage++];
	r->d = *d;
	r->domain = dup0(d->domain);
	r->d.domain = r->domain;
	return true;
}

static void load_domains(struct bd_app *app, struct bd_view *v, bool counts)
{
	struct bd_store_error err;
	if (counts) {
		int64_t total = 0;
		if (!bd_store_domain_total(app->store, &total, &err))
			bd_app_status_set(app, true, "%s", err.msg);
		bd_listview_set_rows(&v->lv, (long)total, false, -1);
	}
	free_page(v);
	int n = bd_listview_visible(&v->lv);
	if (n <= 0)
		return;
	v->doms = calloc((size_t)n, sizeof(*v->doms));
	if (!v->doms)
		abort();
	struct pageload p = {v, (size_t)n};
	if (!bd_store_domain_page(app->store, v->lv.top, n, dom_row, &p, &err))
		bd_app_status_set(app, true, "%s", err.msg);
}

static bool msg_row(void *ctx, const struct bd_store_msg *m)
{
	struct pageload *p = ctx;
	struct bd_view *v = p->v;
	if (v->npage == p->cap)
		return false;
	struct bd_msgrow *r = &v->msgs[v->npage++];
	r->id = m->id;
	r->date = m->ingested_at;
	r->error = dup0(m->error);
	r->from = dup0(m->from);
	r->subject = dup0(m->subject);
	return true;
}

static void load_messages(struct bd_app *app, struct bd_view *v, bool counts)
{
	struct bd_store_error err;
	if (counts) {
		struct bd_store_groups gr = {0};
		if (!bd_store_group_counts(app->store, &gr, &err))
			bd_app_status_set(app, true, "%s", err.msg);
		bd_listview_set_rows(&v->lv, (long)gr.unparsed, false, -1);
	}
	free_page(v);
	int n = bd_listview_visible(&v->lv);
	if (n <= 0)
		return;
	v->msgs = calloc((size_t)n, sizeof(*v->msgs));
	if (!v->msgs)
		abort();
	struct pageload p = {v, (size_t)n};
	if (!bd_store_unparsed_page(app->store, v->lv.top, n, msg_row, &p, &err))
		bd_app_status_set(app, true, "%s", err.msg);
}

/* ---- detail ---- */

struct detailctx {
	struct bd_app *app;
	struct bd_view *v;
	bool found;
	struct bd_store_addr a;
	char reason[64], rule[300], actor[64], last_reason[64];
	int n;
};

static bool detail_addr(void *ctx, const struct bd_store_addr *a)
{
	struct detailctx *d = ctx;
	d->found = true;
	d->a = *a;
	snprintf(d->reason, sizeof(d->reason), "%s", nz(a->state_reason));
	snprintf(d->rule, sizeof(d->rule), "%s", nz(a->state_rule));
	snprintf(d->actor, sizeof(d->actor), "%s", nz(a->state_actor));
	snprintf(d->last_reason, sizeof(d->last_reason), "%s", nz(a->last_reason));
	return true;
}

static bool detail_event(void *ctx, const struct bd_store_event *e)
{
	struct detailctx *d = ctx;
	struct bd_view *v = d->v;
	char t[32];
	d->n++;
	addf(v, BD_STYLE_HEADER, e->message, "%s  %s  %s  %s", date(d->app, e->date, t, sizeof(t)),
	     nz(e->status), nz(e->reason), e->hardbounce ? "hard" : "soft");
	addf(v, BD_STYLE_NORMAL, e->message, "    recipient   %s", nz(e->recipient));
	if (e->alias && *e->alias && e->recipient && strcmp(e->alias, e->recipient) != 0)
		addf(v, BD_STYLE_NORMAL, e->message, "    registered  %s", e->alias);
	addf(v, BD_STYLE_NORMAL, e->message, "    action      %s   reply code %s   command %s",
	     nz(e->action), nz(e->replycode), nz(e->command));
	addf(v, BD_STYLE_NORMAL, e->message, "    diagnostic  %s", nz(e->diagnostic));
	addf(v, BD_STYLE_NORMAL, e->message, "    remote MTA  %s   reporting MTA %s",
	     nz(e->remote_mta), nz(e->reporting_mta));
	addf(v, BD_STYLE_NORMAL, e->message, "    classified  %s (%s) by rule %s; policy %s",
	     nz(e->category), nz(e->reason), nz(e->rule), nz(e->policy));
	addf(v, BD_STYLE_DIM, e->message, "    message #%lld  detector %s  subject %s",
	     (long long)e->message, nz(e->detector), nz(e->subject));
	return true;
}

static bool detail_forward(void *ctx, const struct bd_store_forward *f)
{
	struct detailctx *d = ctx;
	char t[32];
	addf(d->v, BD_STYLE_NORMAL, 0, "  -> %s  %lld failure%s, last %s", nz(f->target),
	     (long long)f->events, f->events == 1 ? "" : "s",
	     date(d->app, f->last_at, t, sizeof(t)));
	return true;
}

static bool detail_journal(void *ctx, const struct bd_store_jrow *j)
{
	struct detailctx *d = ctx;
	char t[32];
	addf(d->v, j->undoes ? BD_STYLE_DIM : BD_STYLE_NORMAL, 0,
	     "  %s  %-8s %-8s %s -> %s  %s%s%s", date(d->app, j->at, t, sizeof(t)), nz(j->actor),
	     nz(j->action), nz(j->old_state), nz(j->new_state), j->reason && *j->reason ? "\"" : "",
	     j->reason ? j->reason : "", j->reason && *j->reason ? "\"" : "");
	return true;
}

static const char *next_words(enum bd_policy_action a)
{
	switch (a) {
	case BD_POL_IGNORE:
		return "is recorded and changes nothing";
	case BD_POL_REVIEW:
		return "marks the address for review";
	case BD_POL_STOP:
		return "counts toward a stop";
	case BD_POL_HOLD:
		return "counts toward a hold";
	case BD_POL_INCIDENT:
		return "counts as an incident of the domain, not against the address";
	}
	return "?";
}

static void load_detail(struct bd_app *app, struct bd_view *v)
{
	free_lines(v);
	struct detailctx d = {.app = app, .v = v};
	struct bd_store_error err;
	if (!bd_store_address(app->store, v->address, detail_addr, &d, &d.found, &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		return;
	}
	if (!d.found) {
		addf(v, BD_STYLE_NORMAL, 0, "%s is not in the store (cleared or never seen).",
		     v->address);
		bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
		return;
	}
	char t[32], t2[32];
	enum bd_style st = d.a.state == BD_STATE_ACTIVE  ? BD_STYLE_ACTIVE :
			   d.a.state == BD_STATE_STOPPED ? BD_STYLE_STOPPED :
							   BD_STYLE_HOLD;
	addf(v, BD_STYLE_HEADER, 0, "Address     %s", v->address);
	addf(v, st, 0, "State       %s%s", bd_state_name(d.a.state),
	     d.a.review ? "  (awaiting review)" : "");
	addf(v, BD_STYLE_NORMAL, 0, "Why         %s, by %s on %s", d.reason, d.actor,
	     date(app, d.a.state_at, t, sizeof(t)));
	addf(v, BD_STYLE_NORMAL, 0, "Rule        %s", d.rule);
	addf(v, BD_STYLE_NORMAL, 0, "Bounces     %lld, first %s, last %s", (long long)d.a.bounces,
	     date(app, d.a.first_at, t, sizeof(t)), date(app, d.a.last_at, t2, sizeof(t2)));
	struct bd_store_next nx;
	bool found = false;
	if (app->policy &&
	    bd_store_next_bounce(app->store, v->address, NULL, app->policy, app->now, &nx, &found,
				 &err) &&
	    found) {
		const char *then = nx.decision.changed ? bd_state_name(nx.decision.state) :
							 "no change of state";
		addf(v, BD_STYLE_NORMAL, 0, "Next        another %s bounce %s: %s%s", nx.reason,
		     next_words(nx.action), then, nx.decision.review ? ", marked for review" : "");
		if (nx.need > 0)
			addf(v, BD_STYLE_NORMAL, 0,
			     "            %d of %d sends counted within %d days; policy %s", nx.run,
			     nx.need, nx.window_days, nx.rule);
		else
			addf(v, BD_STYLE_NORMAL, 0, "            policy %s", nx.rule);
	}
	size_t fwd_at = v->nlines;
	addf(v, BD_STYLE_TITLE, 0, "Forwarding");
	size_t before = v->nlines;
	if (!bd_store_forwards(app->store, v->address, detail_forward, &d, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	if (v->nlines == before) {
		/* Never forwarded: no section. */
		free(v->lines[fwd_at].text);
		v->nlines = fwd_at;
	}
	addf(v, BD_STYLE_TITLE, 0, "Bounces");
	if (!bd_store_events(app->store, v->address, 0, detail_event, &d, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	if (d.n == 0)
		addf(v, BD_STYLE_DIM, 0, "  none stored");
	addf(v, BD_STYLE_TITLE, 0, "Journal");
	before = v->nlines;
	if (!bd_store_journal(app->store, v->address, detail_journal, &d, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	if (v->nlines == before)
		addf(v, BD_STYLE_DIM, 0, "  no decisions yet");
	bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
}

/* ---- raw ---- */

struct rawctx {
	struct bd_buf b;
};

static void raw_data(void *ctx, const void *data, size_t len)
{
	struct rawctx *r = ctx;
	bd_buf_add(&r->b, data, len);
}

static bool main_header(const char *line, size_t len)
{
	static const char *const names[] = {
		"from:", "to:", "cc:", "date:", "subject:", "message-id:", NULL};
	for (int i = 0; names[i]; i++) {
		size_t n = strlen(names[i]);
		if (len >= n && strncasecmp(line, names[i], n) == 0)
			return true;
	}
	return false;
}

static void decoded_line(void *ctx, const struct bd_mv_line *l)
{
	struct bd_view *v = ctx;
	enum bd_style st = l->kind == BD_MV_PART   ? BD_STYLE_TITLE :
			   l->kind == BD_MV_HEADER ? BD_STYLE_HEADER :
			   l->kind == BD_MV_NOTE   ? BD_STYLE_DIM :
						     BD_STYLE_NORMAL;
	/* add_line shows control characters and escapes visibly. */
	add_line(v, st, v->msg, l->text, l->len);
}

static void load_raw(struct bd_app *app, struct bd_view *v)
{
	free_lines(v);
	struct rawctx r;
	bd_buf_init(&r.b);
	struct bd_store_error err;
	if (!bd_store_raw(app->store, v->msg, raw_data, &r, &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		bd_buf_done(&r.b);
		bd_listview_set_rows(&v->lv, 0, false, -1);
		return;
	}
	if (v->decoded) {
		bd_mime_view(r.b.data, r.b.len, v->all_headers, decoded_line, v);
		bd_buf_done(&r.b);
		bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
		return;
	}
	size_t pos = 0, hidden = 0;
	const char *line;
	size_t len;
	bool in_headers = true, keep = false;
	while (bd_next_line(r.b.data ? r.b.data : "", r.b.len, &pos, &line, &len)) {
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (in_headers && len == 0) {
			in_headers = false;
			if (hidden)
				addf(v, BD_STYLE_DIM, v->msg,
				     "(%zu more header lines: h shows them)", hidden);
		}
		if (in_headers) {
			bool cont = len > 0 && (line[0] == ' ' || line[0] == '\t');
			if (!cont)
				keep = main_header(line, len);
			if (!v->all_headers && !keep) {
				hidden++;
				continue;
			}
			add_line(v, cont ? BD_STYLE_NORMAL : BD_STYLE_HEADER, v->msg, line, len);
			continue;
		}
		add_line(v, BD_STYLE_NORMAL, v->msg, line, len);
	}
	bd_buf_done(&r.b);
	bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
}

/* ---- help ---- */

struct wrapctx {
	struct bd_view *v;
	enum bd_style st;
};

static void wrapped_line(void *ctx, const char *line, size_t len)
{
	struct wrapctx *w = ctx;
	add_line(w->v, w->st, 0, line, len);
}

/* text wrapped to the screen, indented. */
static void add_wrapped(struct bd_app *app, struct bd_view *v, enum bd_style st, int indent,
			const char *text)
{
	struct wrapctx w = {v, st};
	bd_help_wrap(text, app->cols > 20 ? app->cols - 1 : 20, indent, wrapped_line, &w);
}

/* A label with its {names} filled in, as a line. */
static void add_label(struct bd_view *v, enum bd_style st, const char *lang, const char *id,
		      const char *const *names, const char *const *values, size_t n)
{
	struct bd_buf b;
	bd_buf_init(&b);
	bd_help_subst(bd_help_label(lang, id), &b, names, values, n);
	add_line(v, st, 0, b.data ? b.data : "", b.len);
	bd_buf_done(&b);
}

/* What the stop rule in force does, in words: written into out. */
static void policy_sentence(const struct bd_policy *pol, const struct bd_policy_entry *e,
			    const char *lang, struct bd_buf *out)
{
	char n[16], days[16], soft[16];
	snprintf(n, sizeof(n), "%d", e->after);
	snprintf(days, sizeof(days), "%d", bd_policy_window(pol, e));
	snprintf(soft, sizeof(soft), "%d", pol->soft_after);
	const char *names[] = {"n", "days", "soft"}, *values[] = {n, days, soft};
	const char *id = "policy-ignore";
	switch (e->action) {
	case BD_POL_STOP:
		id = e->after <= 1 ? "policy-stop-now" : "policy-stop-after";
		break;
	case BD_POL_HOLD:
		id = "policy-hold-after";
		break;
	case BD_POL_INCIDENT:
		id = "policy-incident";
		break;
	case BD_POL_REVIEW:
		id = "policy-review";
		break;
	case BD_POL_IGNORE:
		break;
	}
	bd_help_subst(bd_help_label(lang, id), out, names, values, 3);
}

/* The guide to one category: what it means, the wording that leads to it,
 * what to do, and the stop rule in force now. */
static void add_guide(struct bd_app *app, struct bd_view *v, const char *lang,
		      const struct bd_reason *r, bool heading)
{
	const struct bd_help_entry *e = bd_help_find(lang, "category", r->id);
	const char *title = e ? bd_help_field(e, "title") : NULL;
	if (!title)
		title = r->label;
	if (heading) {
		const char *names[] = {"title"}, *values[] = {title};
		add_label(v, BD_STYLE_TITLE, lang, "category-heading", names, values, 1);
	} else {
		addf(v, BD_STYLE_HEADER, 0, "%s (%s)", title, r->id);
	}
	const char *summary = e ? bd_help_field(e, "summary") : NULL;
	add_wrapped(app, v, BD_STYLE_NORMAL, 2, summary ? summary : r->meaning);
	const char *wording[8];
	size_t nw = bd_help_fields(e, "wording", wording, 8);
	if (nw > 8)
		nw = 8;
	if (nw) {
		add_line(v, BD_STYLE_DIM, 0, "", 0);
		add_label(v, BD_STYLE_DIM, lang, "wording-heading", NULL, NULL, 0);
		for (size_t i = 0; i < nw; i++)
			addf(v, BD_STYLE_NORMAL, 0, "    %s", wording[i]);
	}
	if (e && *e->body) {
		add_line(v, BD_STYLE_DIM, 0, "", 0);
		add_label(v, BD_STYLE_DIM, lang, "todo-heading", NULL, NULL, 0);
		add_wrapped(app, v, BD_STYLE_NORMAL, 4, e->body);
	}
	const struct bd_policy_entry *pe = bd_policy_for(app->policy, r);
	char rule[400];
	bd_policy_describe(pe, rule, sizeof(rule));
	const char *names[] = {"rule"}, *values[] = {rule};
	add_line(v, BD_STYLE_DIM, 0, "", 0);
	add_label(v, BD_STYLE_DIM, lang, "policy-heading", names, values, 1);
	struct bd_buf b;
	bd_buf_init(&b);
	policy_sentence(app->policy, pe, lang, &b);
	add_wrapped(app, v, BD_STYLE_NORMAL, 4, b.data ? b.data : "");
	bd_buf_done(&b);
}

struct keyline {
	struct bd_view *v;
	int n;
	char prefix[128];
};

static void key_line(void *ctx, const char *line, size_t len)
{
	struct keyline *k = ctx;
	if (k->n++ == 0 && len >= 36) /* the first line: keys and name instead of the indent */
		addf(k->v, BD_STYLE_NORMAL, 0, "%s%.*s", k->prefix, (int)(len - 36), line + 36);
	else
		add_line(k->v, BD_STYLE_NORMAL, 0, line, len);
}

/* One line per action bound in ctx: its keys, name and what it does (in
 * the help's language when there is a translation). */
static void add_keys(struct bd_app *app, struct bd_view *v, const char *lang, enum bd_context ctx,
		     bool all_keys)
{
	struct bd_keyhelp kh[BD_ACT_COUNT];
	size_t n = bd_keymap_help(&app->keymap, ctx, kh, BD_ACT_COUNT);
	for (size_t i = 0; i < n; i++) {
		if (kh[i].nkeys == 0)
			continue;
		char keys[96] = "";
		size_t kl = 0;
		for (int k = 0; k < (all_keys ? kh[i].nkeys : 1); k++) {
			char name[32];
			bd_key_format(kh[i].keys[k], name, sizeof(name));
			kl += (size_t)snprintf(keys + kl, sizeof(keys) - kl, "%s%s", k ? " " : "",
					       name);
			if (kl >= sizeof(keys))
				kl = sizeof(keys) - 1;
		}
		const struct bd_action_info *ai = bd_action_info(kh[i].action);
		const char *text = bd_help_field(bd_help_find(lang, "action", ai->name), "text");
		/* The sentence wraps under itself, past the two columns. */
		struct keyline kl2 = {.v = v};
		snprintf(kl2.prefix, sizeof(kl2.prefix), "  %-18s %-14s ", keys, ai->name);
		bd_help_wrap(text ? text : ai->help, app->cols > 60 ? app->cols - 1 : 59, 36,
			     key_line, &kl2);
	}
}

/* The code reference for each code of v->explain. */
static void load_explain(struct bd_app *app, struct bd_view *v, const char *lang)
{
	char codes[sizeof(v->explain)];
	snprintf(codes, sizeof(codes), "%s", v->explain);
	struct bd_buf b;
	bd_buf_init(&b);
	char *save = NULL;
	for (char *c = strtok_r(codes, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
		if (b.len)
			bd_buf_addc(&b, '\n');
		bd_explain_code(&b, c, lang, app->cols > 20 ? app->cols - 1 : 20, app->policy);
	}
	size_t pos = 0;
	const char *line;
	size_t len;
	while (bd_next_line(b.data ? b.data : "", b.len, &pos, &line, &len))
		add_line(v, len && line[0] != ' ' ? BD_STYLE_HEADER : BD_STYLE_NORMAL, 0, line,
			 len);
	bd_buf_done(&b);
	bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
}

static void load_help(struct bd_app *app, struct bd_view *v)
{
	free_lines(v);
	v->wrap_cols = app->cols;
	const char *lang = app->lang ? app->lang : "en";
	if (v->explain[0]) {
		load_explain(app, v, lang);
		return;
	}
	const char *screen = bd_context_name(v->help_ctx);
	const char *names[] = {"screen"}, *values[] = {screen};
	add_label(v, BD_STYLE_TITLE, lang, "keys-heading", names, values, 1);
	add_keys(app, v, lang, v->help_ctx, true);
	if (v->help_ctx != BD_CTX_PROMPT) {
		add_line(v, BD_STYLE_NORMAL, 0, "", 0);
		add_label(v, BD_STYLE_TITLE, lang, "prompt-heading", NULL, NULL, 0);
		add_keys(app, v, lang, BD_CTX_PROMPT, false);
	}
	const struct bd_reason *here = bd_reason_get(v->reason);
	if (here) {
		add_line(v, BD_STYLE_NORMAL, 0, "", 0);
		add_guide(app, v, lang, here, true);
	}
	const struct bd_help_entry *topics[32];
	size_t nt = bd_help_list(lang, "topic", topics, 32);
	if (nt > 32)
		nt = 32;
	if (nt) {
		add_line(v, BD_STYLE_NORMAL, 0, "", 0);
		add_label(v, BD_STYLE_TITLE, lang, "topics-heading", NULL, NULL, 0);
	}
	for (size_t i = 0; i < nt; i++) {
		const char *title = bd_help_field(topics[i], "title");
		add_line(v, BD_STYLE_NORMAL, 0, "", 0);
		addf(v, BD_STYLE_HEADER, 0, "%s", title ? title : topics[i]->id);
		add_wrapped(app, v, BD_STYLE_NORMAL, 2, topics[i]->body);
	}
	add_line(v, BD_STYLE_NORMAL, 0, "", 0);
	add_label(v, BD_STYLE_TITLE, lang, "guide-heading", NULL, NULL, 0);
	int group = -1;
	for (size_t i = 0; i < bd_nreasons; i++) {
		const struct bd_reason *r = &bd_reasons[i];
		if ((int)r->group != group) {
			group = (int)r->group;
			add_line(v, BD_STYLE_NORMAL, 0, "", 0);
			addf(v, BD_STYLE_TITLE, 0, "%s", bd_help_group(lang, r->group));
		}
		add_line(v, BD_STYLE_NORMAL, 0, "", 0);
		add_guide(app, v, lang, r, false);
	}
	bd_listview_set_rows(&v->lv, (long)v->nlines, false, -1);
}

/* ---- search in pagers ---- */

void bd_app_search(struct bd_app *app, struct bd_view *v, int dir, bool again)
{
	if (!v->search || !*v->search) {
		bd_app_status_set(app, true, "no search pattern (/ sets one)");
		return;
	}
	long n = (long)v->nlines;
	long from = v->match >= 0 && again ? v->match + dir : v->lv.top;
	if (!again && v->match >= 0)
		from = v->lv.top;
	for (long k = 0; k < n; k++) {
		long i = ((from + dir * k) % n + n) % n;
		if (bd_strcasestr(v->lines[i].text, v->search)) {
			v->match = i;
			/* The match goes to the top of the screen, as in less. */
			bd_listview_scroll(&v->lv, i - v->lv.top);
			if ((dir > 0 && i < from) || (dir < 0 && i > from))
				bd_app_status_set(app, false, "search wrapped");
			return;
		}
	}
	v->match = -1;
	bd_app_status_set(app, true, "not found: %s", v->search);
}

/* ---- helpers for app.c ---- */

static bool latest_event(void *ctx, const struct bd_store_event *e)
{
	*(int64_t *)ctx = e->message;
	return false;
}

int64_t bd_app_latest_message(struct bd_app *app, const char *addr)
{
	int64_t msg = 0;
	struct bd_store_error err;
	if (!bd_store_events(app->store, addr, 1, latest_event, &msg, &err))
		bd_app_status_set(app, true, "%s", err.msg);
	return msg;
}

static bool count_event(void *ctx, const struct bd_store_event *e)
{
	(void)e;
	(*(int64_t *)ctx)++;
	return true;
}

bool bd_app_count_events(struct bd_app *app, const char *addr, int64_t *n)
{
	*n = 0;
	struct bd_store_error err;
	if (!bd_store_events(app->store, addr, 0, count_event, n, &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		return false;
	}
	return true;
}

/* ---- sync ---- */

void bd_app_sync(struct bd_app *app, int rows, int cols)
{
	app->rows = rows;
	app->cols = cols;
	struct bd_view *v = bd_app_top(app);
	bool list = v->kind == BD_VIEW_CATEGORIES || v->kind == BD_VIEW_ADDRESSES ||
		    v->kind == BD_VIEW_DOMAINS || v->kind == BD_VIEW_MESSAGES;
	/* Title and status lines; lists also have a line of headings. */
	int h = rows - 2 - (list ? 1 : 0) - bd_view_extra_lines(v);
	bd_listview_resize(&v->lv, h > 0 ? h : 1);
	bool dirty = v->dirty;
	v->dirty = false;
	switch (v->kind) {
	case BD_VIEW_CATEGORIES:
		if (dirty)
			load_categories(app, v);
		break;
	case BD_VIEW_ADDRESSES:
		load_addresses(app, v, dirty);
		free(v->cursor_addr);
		v->cursor_addr = NULL;
		if (v->lv.rows > 0 && (size_t)(v->lv.cursor - v->lv.top) < v->npage)
			v->cursor_addr = strdup(v->rows[v->lv.cursor - v->lv.top].address);
		break;
	case BD_VIEW_DOMAINS:
		load_domains(app, v, dirty);
		break;
	case BD_VIEW_MESSAGES:
		load_messages(app, v, dirty);
		break;
	case BD_VIEW_DETAIL:
		if (dirty) {
			long top = v->lv.top;
			load_detail(app, v);
			bd_listview_scroll(&v->lv, top - v->lv.top);
		}
		break;
	case BD_VIEW_RAW:
		if (dirty) {
			long top = v->lv.top;
			load_raw(app, v);
			bd_listview_scroll(&v->lv, top - v->lv.top);
		}
		break;
	case BD_VIEW_HELP:
		/* Its text is wrapped to the screen: a resize wraps it again. */
		if (dirty || v->wrap_cols != cols) {
			long top = v->lv.top;
			load_help(app, v);
			bd_listview_scroll(&v->lv, top - v->lv.top);
		}
		break;
	}
}
