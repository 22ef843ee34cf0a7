/* app.c: the views' state and handlers, the prompt, and the jobs that
 * touch the store (see app.h).  Loading rows and laying out lines live in
 * load.c and render.c; nothing here draws.
 */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/help.h"
#include "appint.h"

void bd_app_status_set(struct bd_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	va_end(ap);
	app->status_error = error;
}

struct bd_view *bd_app_top(struct bd_app *app)
{
	return &app->views[app->nviews - 1];
}

struct bd_view *bd_app_push(struct bd_app *app, enum bd_view_kind kind)
{
	if (app->nviews == (int)(sizeof(app->views) / sizeof(app->views[0]))) {
		/* Deep stacks come from detail -> raw -> help chains; drop the
		 * oldest screen above the categories. */
		bd_view_done(&app->views[1]);
		memmove(&app->views[1], &app->views[2],
			(size_t)(app->nviews - 2) * sizeof(app->views[0]));
		app->nviews--;
	}
	struct bd_view *v = &app->views[app->nviews++];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	v->dirty = true;
	v->match = -1;
	bd_listview_init(&v->lv, app->rows > 4 ? app->rows - 3 : 1);
	return v;
}

static void pop(struct bd_app *app)
{
	bd_view_done(bd_app_top(app));
	app->nviews--;
}

void bd_app_init(struct bd_app *app, struct bd_store *store, const struct bd_policy *policy,
		 const struct bd_keymap *km, const char *actor, bool readonly)
{
	memset(app, 0, sizeof(*app));
	app->store = store;
	app->policy = policy;
	app->keymap = *km;
	app->actor = actor;
	app->readonly = readonly;
	app->lang = bd_help_lang();
	app->rows = 24;
	app->cols = 80;
	bd_buf_init(&app->input);
	bd_app_push(app, BD_VIEW_CATEGORIES);
	if (readonly)
		bd_app_status_set(app, false,
				  "read-only store: browsing only, decisions are not possible");
	/* The first poll compares against the store as it is now. */
	struct bd_store_error err;
	bool changed;
	bd_store_changed(store, &app->stamp, &changed, &err);
}

void bd_app_done(struct bd_app *app)
{
	while (app->nviews > 0)
		pop(app);
	for (size_t i = 0; i < app->ntags; i++)
		free(app->tags[i]);
	free(app->tags);
	free(app->pending_reason);
	free(app->job_text);
	bd_buf_done(&app->input);
}

const char *bd_app_status(const struct bd_app *app)
{
	return app->status;
}

enum bd_context bd_app_view_context(const struct bd_view *v)
{
	switch (v->kind) {
	case BD_VIEW_CATEGORIES:
		return BD_CTX_CATEGORIES;
	case BD_VIEW_ADDRESSES:
		return BD_CTX_ADDRESSES;
	case BD_VIEW_DETAIL:
		return BD_CTX_DETAIL;
	case BD_VIEW_RAW:
		return BD_CTX_RAW;
	case BD_VIEW_DOMAINS:
		return BD_CTX_DOMAINS;
	case BD_VIEW_HELP:
		return BD_CTX_HELP;
	case BD_VIEW_MESSAGES:
		return BD_CTX_MESSAGES;
	}
	return BD_CTX_GLOBAL;
}

enum bd_context bd_app_context(const struct bd_app *app)
{
	if (app->prompt != BD_PROMPT_NONE)
		return BD_CTX_PROMPT;
	return bd_app_view_context(&app->views[app->nviews - 1]);
}

/* ---- tags ---- */

static long tag_index(const struct bd_app *app, const char *addr)
{
	for (size_t i = 0; i < app->ntags; i++) {
		if (strcmp(app->tags[i], addr) == 0)
			return (long)i;
	}
	return -1;
}

bool bd_app_tagged(const struct bd_app *app, const char *addr)
{
	return tag_index(app, addr) >= 0;
}

void bd_app_tag_add(struct bd_app *app, const char *addr)
{
	if (tag_index(app, addr) >= 0)
		return;
	char **t = realloc(app->tags, (app->ntags + 1) * sizeof(*t));
	if (!t)
		abort();
	app->tags = t;
	app->tags[app->ntags++] = strdup(addr);
}

static void tag_toggle(struct bd_app *app, const char *addr)
{
	long i = tag_index(app, addr);
	if (i < 0) {
		bd_app_tag_add(app, addr);
		return;
	}
	free(app->tags[i]);
	app->tags[i] = app->tags[--app->ntags];
}

static void untag_all(struct bd_app *app)
{
	for (size_t i = 0; i < app->ntags; i++)
		free(app->tags[i]);
	app->ntags = 0;
}

/* ---- the address an action is about ---- */

/* The address under the cursor (addresses) or shown (detail); NULL when
 * the screen shows none. */
static const char *current_address(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	if (v->kind == BD_VIEW_DETAIL)
		return v->address;
	if (v->kind == BD_VIEW_ADDRESSES && v->lv.rows > 0) {
		long i = v->lv.cursor - v->lv.top;
		if (i >= 0 && (size_t)i < v->npage)
			return v->rows[i].address;
	}
	return NULL;
}

/* ---- prompt ---- */

static unsigned prompt_open(struct bd_app *app, enum bd_prompt_kind kind, const char *label,
			    const char *initial)
{
	app->prompt = kind;
	snprintf(app->prompt_label, sizeof(app->prompt_label), "%s", label);
	bd_buf_reset(&app->input);
	bd_buf_adds(&app->input, initial ? initial : "");
	app->input_cur = app->input.len;
	return BD_FX_REDRAW;
}

static void prompt_close(struct bd_app *app)
{
	app->prompt = BD_PROMPT_NONE;
}

static const char *pending_verb(enum bd_pending p)
{
	switch (p) {
	case BD_PEND_STOP:
		return "Stop";
	case BD_PEND_RESUME:
		return "Resume";
	case BD_PEND_CONFIRM:
		return "Confirm";
	case BD_PEND_CLEAR:
		return "Clear the log of";
	case BD_PEND_NONE:
		break;
	}
	return "?";
}

static unsigned ask_reason(struct bd_app *app)
{
	char label[400];
	if (app->pending_tagged)
		snprintf(label, sizeof(label),
			 "%s %zu tagged addresses; reason (optional): ", pending_verb(app->pending),
			 app->ntags);
	else
		snprintf(label, sizeof(label),
			 "%s %s; reason (optional): ", pending_verb(app->pending),
			 app->pending_addr);
	return prompt_open(app, BD_PROMPT_REASON, label, NULL);
}

/* stop, resume, confirm, clear: who it is about, then the prompts. */
static unsigned decide(struct bd_app *app, enum bd_pending what)
{
	bool tagged = app->tag_prefix;
	app->tag_prefix = false;
	if (app->readonly) {
		bd_app_status_set(app, true, "read-only store: decisions are not possible");
		return BD_FX_REDRAW;
	}
	app->pending = what;
	app->pending_tagged = tagged;
	if (tagged) {
		if (app->ntags == 0) {
			bd_app_status_set(app, true, "no address is tagged");
			return BD_FX_REDRAW;
		}
		if (what == BD_PEND_CLEAR) {
			app->job = BD_JOB_PREPARE_CLEAR;
			return BD_FX_JOB;
		}
		return ask_reason(app);
	}
	const char *addr = current_address(app);
	if (!addr) {
		bd_app_status_set(app, true, "no address under the cursor");
		return BD_FX_REDRAW;
	}
	snprintf(app->pending_addr, sizeof(app->pending_addr), "%s", addr);
	if (what == BD_PEND_CLEAR) {
		app->job = BD_JOB_PREPARE_CLEAR;
		return BD_FX_JOB;
	}
	return ask_reason(app);
}

void bd_app_ask_clear(struct bd_app *app, int64_t events)
{
	char label[400];
	app->pending_events = events;
	if (app->pending_tagged)
		snprintf(label, sizeof(label),
			 "Clear the logs of %zu tagged addresses: %lld event%s go%s. Sure? (y/n) ",
			 app->ntags, (long long)events, events == 1 ? "" : "s",
			 events == 1 ? "es" : "");
	else
		snprintf(label, sizeof(label),
			 "Clear the log of %s: %lld event%s go%s. Sure? (y/n) ", app->pending_addr,
			 (long long)events, events == 1 ? "" : "s", events == 1 ? "es" : "");
	prompt_open(app, BD_PROMPT_CONFIRM, label, NULL);
}

static void set_job_text(struct bd_app *app, const char *s)
{
	free(app->job_text);
	app->job_text = strdup(s);
}

static unsigned prompt_accept(struct bd_app *app)
{
	enum bd_prompt_kind kind = app->prompt;
	const char *text = app->input.data ? app->input.data : "";
	prompt_close(app);
	switch (kind) {
	case BD_PROMPT_REASON:
		free(app->pending_reason);
		app->pending_reason = strdup(text);
		app->job = app->pending == BD_PEND_CLEAR ? BD_JOB_CLEAR : BD_JOB_DECIDE;
		return BD_FX_JOB | BD_FX_REDRAW;
	case BD_PROMPT_FILTER:
		set_job_text(app, text);
		app->job = BD_JOB_FILTER;
		return BD_FX_JOB | BD_FX_REDRAW;
	case BD_PROMPT_TAG_PATTERN:
		if (!*text)
			return BD_FX_REDRAW;
		set_job_text(app, text);
		app->job = BD_JOB_TAG_PATTERN;
		return BD_FX_JOB | BD_FX_REDRAW;
	case BD_PROMPT_SEARCH:
	case BD_PROMPT_SEARCH_BACK: {
		struct bd_view *v = bd_app_top(app);
		if (*text) {
			free(v->search);
			v->search = strdup(text);
		}
		bd_app_search(app, v, kind == BD_PROMPT_SEARCH ? 1 : -1, false);
		return BD_FX_REDRAW;
	}
	case BD_PROMPT_CONFIRM:
	case BD_PROMPT_NONE:
		break;
	}
	return BD_FX_REDRAW;
}

static void input_insert(struct bd_app *app, bd_key k)
{
	char enc[4];
	size_t n = bd_utf8_encode(k, enc);
	struct bd_buf *b = &app->input;
	bd_buf_add(b, enc, n); /* grows the buffer; then move the tail */
	memmove(b->data + app->input_cur + n, b->data + app->input_cur,
		b->len - n - app->input_cur);
	memcpy(b->data + app->input_cur, enc, n);
	app->input_cur += n;
}

static size_t prev_char(const struct bd_buf *b, size_t at)
{
	while (at > 0) {
		at--;
		if (((unsigned char)b->data[at] & 0xc0) != 0x80)
			break;
	}
	return at;
}

static size_t next_char(const struct bd_buf *b, size_t at)
{
	if (at >= b->len)
		return b->len;
	at++;
	while (at < b->len && ((unsigned char)b->data[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static void input_delete(struct bd_app *app, size_t from, size_t to)
{
	struct bd_buf *b = &app->input;
	memmove(b->data + from, b->data + to, b->len - to + 1);
	b->len -= to - from;
	app->input_cur = from;
}

static unsigned prompt_key(struct bd_app *app, bd_key k)
{
	enum bd_action a = bd_keymap_lookup(&app->keymap, BD_CTX_PROMPT, k);
	if (app->prompt == BD_PROMPT_CONFIRM) {
		if (k == 'y' || k == 'Y') {
			prompt_close(app);
			return ask_reason(app);
		}
		if (a == BD_ACT_REDRAW)
			return BD_FX_REDRAW;
		prompt_close(app);
		app->pending = BD_PEND_NONE;
		bd_app_status_set(app, false, "nothing cleared");
		return BD_FX_REDRAW;
	}
	struct bd_buf *b = &app->input;
	if (!b->data)
		bd_buf_adds(b, "");
	switch (a) {
	case BD_ACT_ACCEPT:
		return prompt_accept(app);
	case BD_ACT_CANCEL:
		prompt_close(app);
		app->pending = BD_PEND_NONE;
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_BACKSPACE:
		if (app->input_cur > 0)
			input_delete(app, prev_char(b, app->input_cur), app->input_cur);
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_DELETE_WORD: {
		size_t at = app->input_cur;
		while (at > 0 && b->data[at - 1] == ' ')
			at--;
		while (at > 0 && b->data[at - 1] != ' ')
			at--;
		input_delete(app, at, app->input_cur);
		return BD_FX_REDRAW;
	}
	case BD_ACT_EDIT_KILL_LINE:
		input_delete(app, 0, b->len);
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_LEFT:
		app->input_cur = prev_char(b, app->input_cur);
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_RIGHT:
		app->input_cur = next_char(b, app->input_cur);
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_HOME:
		app->input_cur = 0;
		return BD_FX_REDRAW;
	case BD_ACT_EDIT_END:
		app->input_cur = b->len;
		return BD_FX_REDRAW;
	case BD_ACT_REDRAW:
		return BD_FX_REDRAW;
	default:
		break;
	}
	/* Text: printable characters only; a control key that is not bound
	 * does nothing rather than entering the answer. */
	if (k >= 0x20 && k != 0x7f && k < 0x110000 && bd_wcwidth(k) >= 0 && b->len < 1000)
		input_insert(app, k);
	return BD_FX_REDRAW;
}

unsigned bd_app_key(struct bd_app *app, bd_key k)
{
	/* A key that came before the idle work: the list's total first, so
	 * the key moves over the whole list. */
	if (bd_app_idle_pending(app))
		bd_app_idle(app);
	if (app->prompt != BD_PROMPT_NONE)
		return prompt_key(app, k);
	enum bd_action a = bd_keymap_lookup(&app->keymap, bd_app_context(app), k);
	if (a == BD_ACT_NONE) {
		char name[32];
		bd_app_status_set(app, false, "%s: no action on this screen (? lists the keys)",
				  bd_key_format(k, name, sizeof(name)));
		return BD_FX_REDRAW;
	}
	return bd_app_handle(app, a);
}

/* ---- movement ---- */

static unsigned move(struct bd_view *v, enum bd_action a)
{
	struct bd_listview *lv = &v->lv;
	bool pager = v->kind == BD_VIEW_DETAIL || v->kind == BD_VIEW_RAW || v->kind == BD_VIEW_HELP;
	if (pager) {
		/* A pager has no cursor: the keys scroll the text. */
		switch (a) {
		case BD_ACT_MOVE_UP:
			return bd_listview_scroll(lv, -1);
		case BD_ACT_MOVE_DOWN:
			return bd_listview_scroll(lv, 1);
		case BD_ACT_PAGE_UP:
			return bd_listview_scroll(lv, -lv->height);
		case BD_ACT_PAGE_DOWN:
			return bd_listview_scroll(lv, lv->height);
		case BD_ACT_HALF_PAGE_UP:
			return bd_listview_scroll(lv, -(lv->height + 1) / 2);
		case BD_ACT_HALF_PAGE_DOWN:
			return bd_listview_scroll(lv, (lv->height + 1) / 2);
		case BD_ACT_MOVE_TOP:
			return bd_listview_scroll(lv, -lv->rows);
		case BD_ACT_MOVE_BOTTOM:
			return bd_listview_scroll(lv, lv->rows);
		default:
			return 0;
		}
	}
	switch (a) {
	case BD_ACT_MOVE_UP:
		return bd_listview_up(lv);
	case BD_ACT_MOVE_DOWN:
		return bd_listview_down(lv);
	case BD_ACT_PAGE_UP:
		return bd_listview_page_up(lv);
	case BD_ACT_PAGE_DOWN:
		return bd_listview_page_down(lv);
	case BD_ACT_HALF_PAGE_UP:
		return bd_listview_half_up(lv);
	case BD_ACT_HALF_PAGE_DOWN:
		return bd_listview_half_down(lv);
	case BD_ACT_MOVE_TOP:
		return bd_listview_top(lv);
	case BD_ACT_MOVE_BOTTOM:
		return bd_listview_bottom(lv);
	default:
		return 0;
	}
}

/* ---- opening ---- */

static unsigned open_row(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	if (v->lv.rows == 0)
		return 0;
	if (v->kind == BD_VIEW_CATEGORIES) {
		const struct bd_catrow *c = &v->cats[v->shown[v->lv.cursor]];
		if (c->kind == BD_CAT_HEADING)
			return 0;
		if (c->kind == BD_CAT_UNPARSED) {
			struct bd_view *m = bd_app_push(app, BD_VIEW_MESSAGES);
			snprintf(m->title, sizeof(m->title), "Unparsed messages");
			return BD_FX_REDRAW;
		}
		char title[160];
		snprintf(title, sizeof(title), "%s", c->label);
		enum bd_store_group g = c->kind == BD_CAT_REASON ? BD_GROUP_REASON : c->group;
		char id[40];
		snprintf(id, sizeof(id), "%s", c->id);
		struct bd_view *a = bd_app_push(app, BD_VIEW_ADDRESSES);
		a->group = g;
		snprintf(a->reason, sizeof(a->reason), "%s", id);
		snprintf(a->title, sizeof(a->title), "%s", title);
		return BD_FX_REDRAW;
	}
	if (v->kind == BD_VIEW_ADDRESSES) {
		const char *addr = current_address(app);
		if (!addr)
			return 0;
		char copy[320];
		snprintf(copy, sizeof(copy), "%s", addr);
		struct bd_view *d = bd_app_push(app, BD_VIEW_DETAIL);
		snprintf(d->address, sizeof(d->address), "%s", copy);
		snprintf(d->title, sizeof(d->title), "%.150s", copy);
		return BD_FX_REDRAW;
	}
	if (v->kind == BD_VIEW_DOMAINS) {
		long i = v->lv.cursor - v->lv.top;
		if (i < 0 || (size_t)i >= v->npage || !v->doms[i].domain)
			return 0;
		char dom[256];
		snprintf(dom, sizeof(dom), "%s", v->doms[i].domain);
		struct bd_view *a = bd_app_push(app, BD_VIEW_ADDRESSES);
		a->group = BD_GROUP_DOMAIN;
		snprintf(a->domain, sizeof(a->domain), "%s", dom);
		snprintf(a->title, sizeof(a->title), "%.150s", dom);
		return BD_FX_REDRAW;
	}
	if (v->kind == BD_VIEW_MESSAGES)
		return bd_app_handle(app, BD_ACT_SHOW_RAW);
	return 0;
}

static unsigned show_raw(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	int64_t msg = 0;
	char title[160] = "";
	if (v->kind == BD_VIEW_MESSAGES) {
		long i = v->lv.cursor - v->lv.top;
		if (v->lv.rows == 0 || i < 0 || (size_t)i >= v->npage)
			return 0;
		msg = v->msgs[i].id;
	} else if (v->kind == BD_VIEW_DETAIL) {
		/* The bounce at the top of the screen, else the latest. */
		for (size_t i = (size_t)v->lv.top; i < v->nlines && !msg; i++)
			msg = v->lines[i].msg;
		for (size_t i = 0; i < v->nlines && !msg; i++)
			msg = v->lines[i].msg;
	} else if (v->kind == BD_VIEW_ADDRESSES) {
		const char *addr = current_address(app);
		if (!addr)
			return 0;
		msg = bd_app_latest_message(app, addr);
	}
	if (msg <= 0) {
		bd_app_status_set(app, true, "no stored message here");
		return BD_FX_REDRAW;
	}
	snprintf(title, sizeof(title), "Message %lld", (long long)msg);
	struct bd_view *r = bd_app_push(app, BD_VIEW_RAW);
	r->msg = msg;
	snprintf(r->title, sizeof(r->title), "%s", title);
	return BD_FX_REDRAW;
}

struct codepick {
	int64_t msg; /* the bounce's message; 0: the latest bounce */
	char codes[64];
	bool found;
};

static bool pick_codes(void *ctx, const struct bd_store_event *e)
{
	struct codepick *p = ctx;
	if (p->msg && e->message != p->msg)
		return true;
	p->found = true;
	const char *st = e->status ? e->status : "", *rc = e->replycode ? e->replycode : "";
	snprintf(p->codes, sizeof(p->codes), "%s%s%s", st, *st && *rc ? " " : "", rc);
	return false;
}

/* The codes of the bounce in view, explained in a help pager: in the
 * detail the bounce at the top of the screen, in a list the address's
 * latest. */
static unsigned show_explain(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	struct codepick p = {0};
	char addr[320];
	if (v->kind == BD_VIEW_DETAIL) {
		for (size_t i = (size_t)v->lv.top; i < v->nlines && !p.msg; i++)
			p.msg = v->lines[i].msg;
		snprintf(addr, sizeof(addr), "%s", v->address);
	} else {
		const char *a = current_address(app);
		if (!a)
			return 0;
		snprintf(addr, sizeof(addr), "%s", a);
	}
	struct bd_store_error err;
	if (!bd_store_events(app->store, addr, p.msg ? 0 : 1, pick_codes, &p, &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		return BD_FX_REDRAW;
	}
	const char *c = p.codes;
	if (!p.found || !*c) {
		bd_app_status_set(app, true, "no status or reply code in this bounce");
		return BD_FX_REDRAW;
	}
	struct bd_view *h = bd_app_push(app, BD_VIEW_HELP);
	h->help_ctx = BD_CTX_HELP;
	snprintf(h->explain, sizeof(h->explain), "%s", c);
	snprintf(h->title, sizeof(h->title), "%s", c);
	return BD_FX_REDRAW;
}

static unsigned show_help(struct bd_app *app)
{
	enum bd_context ctx = bd_app_context(app);
	if (ctx == BD_CTX_HELP)
		return 0;
	/* The category the operator is looking at, for its guide: the
	 * category under the cursor, or the one whose list is open below. */
	const char *reason = NULL;
	for (int i = app->nviews - 1; i >= 0 && !reason; i--) {
		const struct bd_view *v = &app->views[i];
		if (v->kind == BD_VIEW_ADDRESSES && v->group == BD_GROUP_REASON)
			reason = v->reason;
		else if (v->kind == BD_VIEW_CATEGORIES && i == app->nviews - 1 && v->lv.rows > 0 &&
			 v->shown) {
			const struct bd_catrow *r = &v->cats[v->shown[v->lv.cursor]];
			if (r->kind == BD_CAT_REASON)
				reason = r->id;
		}
	}
	struct bd_view *h = bd_app_push(app, BD_VIEW_HELP);
	h->help_ctx = ctx;
	snprintf(h->reason, sizeof(h->reason), "%s", reason ? reason : "");
	struct bd_buf t;
	bd_buf_init(&t);
	const char *names[] = {"screen"}, *values[] = {bd_context_name(ctx)};
	bd_help_subst(bd_help_label(app->lang, "help-title"), &t, names, values, 1);
	snprintf(h->title, sizeof(h->title), "%s", t.data ? t.data : "");
	bd_buf_done(&t);
	return BD_FX_REDRAW;
}

static const char *sort_name(enum bd_store_sort s)
{
	switch (s) {
	case BD_SORT_LAST:
		return "latest bounce";
	case BD_SORT_ADDRESS:
		return "address";
	case BD_SORT_DOMAIN:
		return "domain";
	case BD_SORT_BOUNCES:
		return "bounces";
	}
	return "?";
}

unsigned bd_app_handle(struct bd_app *app, enum bd_action a)
{
	struct bd_view *v = bd_app_top(app);
	if (a != BD_ACT_NONE && !bd_action_applies(a, bd_app_context(app)))
		return 0;
	if (a != BD_ACT_TAG_PREFIX && a != BD_ACT_STOP && a != BD_ACT_RESUME &&
	    a != BD_ACT_CONFIRM && a != BD_ACT_CLEAR_LOG)
		app->tag_prefix = false;
	app->status[0] = '\0';
	switch (a) {
	case BD_ACT_MOVE_UP:
	case BD_ACT_MOVE_DOWN:
	case BD_ACT_PAGE_UP:
	case BD_ACT_PAGE_DOWN:
	case BD_ACT_HALF_PAGE_UP:
	case BD_ACT_HALF_PAGE_DOWN:
	case BD_ACT_MOVE_TOP:
	case BD_ACT_MOVE_BOTTOM:
		move(v, a);
		return BD_FX_REDRAW;
	case BD_ACT_SCROLL_LEFT:
		v->hscroll = v->hscroll > 8 ? v->hscroll - 8 : 0;
		return BD_FX_REDRAW;
	case BD_ACT_SCROLL_RIGHT:
		v->hscroll += 8;
		return BD_FX_REDRAW;
	case BD_ACT_OPEN:
		return open_row(app);
	case BD_ACT_BACK:
		if (app->nviews == 1)
			return BD_FX_QUIT;
		pop(app);
		return BD_FX_REDRAW;
	case BD_ACT_QUIT:
		return BD_FX_QUIT;
	case BD_ACT_HELP:
		return show_help(app);
	case BD_ACT_REFRESH:
		app->job = BD_JOB_REFRESH;
		return BD_FX_JOB;
	case BD_ACT_REDRAW:
		return BD_FX_REDRAW;
	case BD_ACT_SEARCH_FORWARD:
		return prompt_open(app, BD_PROMPT_SEARCH, "/", NULL);
	case BD_ACT_SEARCH_BACKWARD:
		return prompt_open(app, BD_PROMPT_SEARCH_BACK, "?", NULL);
	case BD_ACT_SEARCH_NEXT:
		bd_app_search(app, v, 1, true);
		return BD_FX_REDRAW;
	case BD_ACT_SEARCH_PREV:
		bd_app_search(app, v, -1, true);
		return BD_FX_REDRAW;
	case BD_ACT_FILTER:
		return prompt_open(app, BD_PROMPT_FILTER, "Filter (PCRE2): ", v->pattern);
	case BD_ACT_CLEAR_FILTER:
		set_job_text(app, "");
		app->job = BD_JOB_FILTER;
		return BD_FX_JOB;
	case BD_ACT_SORT:
		v->sort = (enum bd_store_sort)((v->sort + 1) % 4);
		if (v->kind == BD_VIEW_ADDRESSES && v->pattern && !v->count_pending) {
			/* The same matches in another order: the count stands, and
			 * finding the cursor's address again would test every row
			 * once more, so the cursor goes to the first. */
			bd_listview_top(&v->lv);
		} else {
			v->dirty = true;
		}
		bd_app_status_set(app, false, "sorted by %s", sort_name(v->sort));
		return BD_FX_REDRAW;
	case BD_ACT_TOGGLE_EMPTY:
		app->hide_empty = !app->hide_empty;
		v->dirty = true;
		bd_app_status_set(app, false,
				  app->hide_empty ? "empty categories hidden" :
						    "empty categories shown");
		return BD_FX_REDRAW;
	case BD_ACT_TOGGLE_HEADERS:
		v->all_headers = !v->all_headers;
		v->dirty = true;
		return BD_FX_REDRAW;
	case BD_ACT_TOGGLE_MIME:
		/* Other lines: start at the top, the search pattern stays. */
		v->decoded = !v->decoded;
		v->dirty = true;
		v->match = -1;
		bd_listview_scroll(&v->lv, -v->lv.rows);
		snprintf(v->title, sizeof(v->title), "Message %lld%s", (long long)v->msg,
			 v->decoded ? " (decoded)" : "");
		bd_app_status_set(app, false, "%s",
				  v->decoded ?
					  "decoded: MIME parts, text in UTF-8 (m: as received)" :
					  "as received (m: decoded)");
		return BD_FX_REDRAW;
	case BD_ACT_TAG: {
		const char *addr = current_address(app);
		if (!addr)
			return 0;
		tag_toggle(app, addr);
		bd_listview_down(&v->lv);
		bd_app_status_set(app, false, "%zu tagged", app->ntags);
		return BD_FX_REDRAW;
	}
	case BD_ACT_TAG_PATTERN:
		return prompt_open(app, BD_PROMPT_TAG_PATTERN,
				   "Tag addresses matching (PCRE2): ", NULL);
	case BD_ACT_UNTAG_ALL:
		untag_all(app);
		bd_app_status_set(app, false, "no address tagged");
		return BD_FX_REDRAW;
	case BD_ACT_TAG_PREFIX:
		app->tag_prefix = true;
		bd_app_status_set(app, false, "next action applies to the %zu tagged addresses",
				  app->ntags);
		return BD_FX_REDRAW;
	case BD_ACT_STOP:
		return decide(app, BD_PEND_STOP);
	case BD_ACT_RESUME:
		return decide(app, BD_PEND_RESUME);
	case BD_ACT_CONFIRM:
		return decide(app, BD_PEND_CONFIRM);
	case BD_ACT_CLEAR_LOG:
		return decide(app, BD_PEND_CLEAR);
	case BD_ACT_UNDO:
		if (app->readonly) {
			bd_app_status_set(app, true, "read-only store: decisions are not possible");
			return BD_FX_REDRAW;
		}
		app->job = BD_JOB_UNDO;
		return BD_FX_JOB;
	case BD_ACT_SHOW_DOMAINS: {
		if (v->kind == BD_VIEW_DOMAINS)
			return 0;
		struct bd_view *d = bd_app_push(app, BD_VIEW_DOMAINS);
		snprintf(d->title, sizeof(d->title), "Domains");
		return BD_FX_REDRAW;
	}
	case BD_ACT_SHOW_RAW:
		return show_raw(app);
	case BD_ACT_EXPLAIN:
		return show_explain(app);
	default:
		break;
	}
	return 0;
}

unsigned bd_app_click(struct bd_app *app, int y, bool twice)
{
	if (app->prompt != BD_PROMPT_NONE)
		return 0;
	struct bd_view *v = bd_app_top(app);
	bool list = v->kind == BD_VIEW_CATEGORIES || v->kind == BD_VIEW_ADDRESSES ||
		    v->kind == BD_VIEW_DOMAINS || v->kind == BD_VIEW_MESSAGES;
	if (!list)
		return 0;
	/* Line 0 is the title, then a domain's reasons, then the headings. */
	long before = v->lv.cursor;
	unsigned r = bd_listview_click(&v->lv, y - 2 - bd_view_extra_lines(v));
	if (!(r & BD_LV_CURSOR) && v->lv.cursor == before && twice)
		return open_row(app);
	if (twice)
		return open_row(app);
	return BD_FX_REDRAW;
}

unsigned bd_app_wheel(struct bd_app *app, int dir)
{
	if (app->prompt != BD_PROMPT_NONE)
		return 0;
	bd_listview_scroll(&bd_app_top(app)->lv, dir * 3);
	return BD_FX_REDRAW;
}

/* ---- jobs ---- */

static void mark_all_dirty(struct bd_app *app)
{
	for (int i = 0; i < app->nviews; i++)
		app->views[i].dirty = true;
}

static enum bd_store_op pending_op(enum bd_pending p)
{
	return p == BD_PEND_STOP ? BD_OP_STOP : p == BD_PEND_RESUME ? BD_OP_RESUME : BD_OP_CONFIRM;
}

static unsigned run_decide(struct bd_app *app)
{
	struct bd_store_error err;
	const char *reason =
		app->pending_reason && *app->pending_reason ? app->pending_reason : NULL;
	enum bd_store_op op = pending_op(app->pending);
	if (app->pending_tagged) {
		size_t n = app->ntags;
		if (!bd_store_decide_many(app->store, (const char *const *)app->tags, n, op,
					  app->actor, reason, app->now, NULL, &err)) {
			bd_app_status_set(app, true, "%s", err.msg);
			return BD_FX_REDRAW;
		}
		untag_all(app);
		bd_app_status_set(app, false, "%s: %zu addresses (u undoes)", bd_store_op_name(op),
				  n);
	} else {
		struct bd_op_result res;
		if (!bd_store_decide(app->store, app->pending_addr, op, app->actor, reason,
				     app->now, &res, &err)) {
			bd_app_status_set(app, true, "%s", err.msg);
			return BD_FX_REDRAW;
		}
		bd_app_status_set(app, false, "%s %s: %s -> %s (u undoes)", bd_store_op_name(op),
				  app->pending_addr, bd_state_name(res.old_state),
				  bd_state_name(res.new_state));
	}
	app->pending = BD_PEND_NONE;
	mark_all_dirty(app);
	return BD_FX_REDRAW;
}

static unsigned run_clear(struct bd_app *app)
{
	struct bd_store_error err;
	struct bd_clear_result res;
	const char *reason =
		app->pending_reason && *app->pending_reason ? app->pending_reason : NULL;
	app->pending = BD_PEND_NONE;
	if (app->pending_tagged) {
		size_t n = app->ntags;
		if (!bd_store_clear_many(app->store, (const char *const *)app->tags, n, app->actor,
					 reason, app->now, &res, &err)) {
			bd_app_status_set(app, true, "%s", err.msg);
			return BD_FX_REDRAW;
		}
		untag_all(app);
		bd_app_status_set(app, false,
				  "cleared %zu addresses: %lld events deleted, now active", n,
				  (long long)res.events);
		mark_all_dirty(app);
		return BD_FX_REDRAW;
	}
	if (!bd_store_clear(app->store, app->pending_addr, app->actor, reason, app->now, &res,
			    &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		return BD_FX_REDRAW;
	}
	bd_app_status_set(app, false, "cleared %s: %lld events deleted, now active",
			  app->pending_addr, (long long)res.events);
	mark_all_dirty(app);
	return BD_FX_REDRAW;
}

static unsigned run_undo(struct bd_app *app)
{
	struct bd_store_error err;
	struct bd_undo_result res;
	if (!bd_store_undo(app->store, app->actor, app->now, &res, &err)) {
		bd_app_status_set(app, true, "%s",
				  err.code == BD_STORE_NOTFOUND ? "nothing to undo" : err.msg);
		return BD_FX_REDRAW;
	}
	bd_app_status_set(app, false, "undid %s of %zu address%s", res.action, res.addresses,
			  res.addresses == 1 ? "" : "es");
	mark_all_dirty(app);
	return BD_FX_REDRAW;
}

/* A new pattern: its first page only (which also checks the pattern), so
 * the list shows at once; the count of every match is left to
 * bd_app_idle unless that page holds them all.  Clearing the filter reloads
 * the list keeping the cursor on its address. */
static unsigned run_filter(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	const char *pat = app->job_text ? app->job_text : "";
	if (v->kind != BD_VIEW_ADDRESSES)
		return 0;
	if (!*pat) {
		free(v->pattern);
		v->pattern = NULL;
		v->count_pending = false;
		v->dirty = true;
		bd_app_status_set(app, false, "filter cleared");
		return BD_FX_REDRAW;
	}
	/* A window of rows from the top, more maybe: the page fills it. */
	struct bd_listview was = v->lv;
	bd_listview_set_rows(&v->lv, v->lv.height, true, -1);
	bd_listview_top(&v->lv);
	struct bd_store_error err;
	bool deferred;
	if (!bd_app_load_filtered(app, v, pat, &deferred, &err)) {
		/* The list stays as it was (its page loaded again). */
		v->lv = was;
		bd_app_status_set(app, true, "%s", err.msg);
		return BD_FX_REDRAW;
	}
	long n = (long)v->npage;
	free(v->pattern);
	v->pattern = strdup(pat);
	v->dirty = false;
	if (deferred) {
		/* Rare matches in a long list: no page yet.  The pass over
		 * every address waits until no key does (bd_app_idle), and
		 * shows the matches with their count. */
		v->count_pending = true;
		bd_listview_set_rows(&v->lv, 0, true, -1);
		bd_app_status_set(app, false, "filter /%s/: searching every address", pat);
		return BD_FX_REDRAW;
	}
	v->count_pending = n >= v->lv.height;
	bd_listview_set_rows(&v->lv, n, v->count_pending, -1);
	bd_listview_top(&v->lv);
	if (v->count_pending)
		bd_app_status_set(app, false, "filter /%s/: %ld+ addresses, counting", pat, n);
	else
		bd_app_status_set(app, false, "filter /%s/: %ld address%s", pat, n,
				  n == 1 ? "" : "es");
	return BD_FX_REDRAW;
}

bool bd_app_idle_pending(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	return v->kind == BD_VIEW_ADDRESSES && v->count_pending;
}

unsigned bd_app_idle(struct bd_app *app)
{
	if (!bd_app_idle_pending(app))
		return 0;
	struct bd_view *v = bd_app_top(app);
	v->count_pending = false;
	struct bd_store_query q = bd_view_query(v, v->pattern);
	int64_t total;
	struct bd_store_error err;
	if (!bd_store_page_count(app->store, &q, &total, &err)) {
		bd_app_status_set(app, true, "%s", err.msg);
		v->dirty = true;
		return BD_FX_REDRAW;
	}
	/* The same list, longer: the cursor stays on its row (a search that
	 * had no page yet starts at the top).  The page reloads when drawn. */
	bd_listview_set_rows(&v->lv, (long)total, false, v->lv.rows ? v->lv.cursor : 0);
	bd_app_status_set(app, false, "filter /%s/: %lld address%s", v->pattern ? v->pattern : "",
			  (long long)total, total == 1 ? "" : "es");
	return BD_FX_REDRAW;
}

struct tagctx {
	struct bd_app *app;
	size_t n;
};

static bool tag_row(void *ctx, const struct bd_store_row *r)
{
	struct tagctx *t = ctx;
	bd_app_tag_add(t->app, r->a.address);
	t->n++;
	return true;
}

static unsigned run_tag_pattern(struct bd_app *app)
{
	struct bd_view *v = bd_app_top(app);
	struct bd_store_query q = bd_view_query(v, app->job_text);
	struct tagctx t = {app, 0};
	struct bd_store_error err;
	for (int64_t off = 0;; off += 500) {
		size_t before = t.n;
		if (!bd_store_page(app->store, &q, off, 500, tag_row, &t, &err)) {
			bd_app_status_set(app, true, "%s", err.msg);
			return BD_FX_REDRAW;
		}
		if (t.n - before < 500)
			break;
	}
	bd_app_status_set(app, false, "%zu matched /%s/; %zu tagged", t.n, app->job_text,
			  app->ntags);
	return BD_FX_REDRAW;
}

unsigned bd_app_run(struct bd_app *app)
{
	enum bd_job_kind job = app->job;
	app->job = BD_JOB_NONE;
	switch (job) {
	case BD_JOB_DECIDE:
		return run_decide(app);
	case BD_JOB_PREPARE_CLEAR: {
		int64_t n = 0, one;
		bool ok = true;
		if (app->pending_tagged) {
			for (size_t i = 0; ok && i < app->ntags; i++) {
				ok = bd_app_count_events(app, app->tags[i], &one);
				n += one;
			}
		} else {
			ok = bd_app_count_events(app, app->pending_addr, &n);
		}
		if (ok)
			bd_app_ask_clear(app, n);
		return BD_FX_REDRAW;
	}
	case BD_JOB_CLEAR:
		return run_clear(app);
	case BD_JOB_UNDO:
		return run_undo(app);
	case BD_JOB_FILTER:
		return run_filter(app);
	case BD_JOB_TAG_PATTERN:
		return run_tag_pattern(app);
	case BD_JOB_REFRESH: {
		bool changed;
		struct bd_store_error err;
		bd_store_changed(app->store, &app->stamp, &changed, &err);
		mark_all_dirty(app);
		bd_app_status_set(app, false, "reloaded");
		return BD_FX_REDRAW;
	}
	case BD_JOB_NONE:
		break;
	}
	return 0;
}

unsigned bd_app_poll(struct bd_app *app)
{
	bool changed = false;
	struct bd_store_error err;
	if (!bd_store_changed(app->store, &app->stamp, &changed, &err) || !changed)
		return 0;
	mark_all_dirty(app);
	return BD_FX_REDRAW;
}
