/* render.c: the screen as styled lines (textfmt's bd_line): the title,
 * each view's columns cut to the width, the status line or the prompt.
 * Pure: reads the state bd_app_sync loaded, touches neither the store nor
 * the terminal.
 */
#include <stdio.h>
#include <string.h>

#include "appint.h"

static void cell(struct bd_line *l, enum bd_style st, const char *s, int w, enum bd_align al)
{
	if (w <= 0)
		return;
	bd_line_add_cell(l, st, s ? s : "", s ? strlen(s) : 0, w, al);
}

static void gap(struct bd_line *l, enum bd_style st)
{
	bd_line_add(l, st, " ", 1, 0);
}

static void num(char *buf, size_t n, int64_t v)
{
	if (v < 0)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%lld", (long long)v);
}

static void title_line(struct bd_app *app, struct bd_line *l, int cols)
{
	struct bd_buf b;
	bd_buf_init(&b);
	bd_buf_adds(&b, " bouncedesk");
	for (int i = 1; i < app->nviews; i++)
		bd_buf_printf(&b, " > %s", app->views[i].title);
	if (app->nviews == 1)
		bd_buf_adds(&b, " > Categories");
	if (app->readonly)
		bd_buf_adds(&b, "  [read-only]");
	struct bd_view *v = bd_app_top(app);
	bool list = v->kind == BD_VIEW_CATEGORIES || v->kind == BD_VIEW_ADDRESSES ||
		    v->kind == BD_VIEW_DOMAINS || v->kind == BD_VIEW_MESSAGES;
	char right[64];
	if (list && v->lv.rows > 0)
		snprintf(right, sizeof(right), "%ld/%ld ", v->lv.cursor + 1, v->lv.rows);
	else if (!list && v->lv.rows > 0)
		snprintf(right, sizeof(right), "%ld-%ld/%ld ", v->lv.top + 1,
			 v->lv.top + bd_listview_visible(&v->lv), v->lv.rows);
	else
		snprintf(right, sizeof(right), "%s", "");
	int rw = (int)strlen(right);
	bd_line_add_clip(l, BD_STYLE_TITLE, b.data, b.len, 0, cols - rw - 1);
	bd_line_pad_to(l, BD_STYLE_TITLE, cols - rw);
	bd_line_add(l, BD_STYLE_TITLE, right, (size_t)rw, 0);
	bd_buf_done(&b);
}

/* ---- categories ---- */

static void cat_head(struct bd_line *l, int cols)
{
	int w = cols - 30;
	cell(l, BD_STYLE_HEADER, "  Category", w, BD_ALIGN_LEFT);
	cell(l, BD_STYLE_HEADER, "Addresses", 10, BD_ALIGN_RIGHT);
	cell(l, BD_STYLE_HEADER, "Events", 10, BD_ALIGN_RIGHT);
	cell(l, BD_STYLE_HEADER, "Review", 9, BD_ALIGN_RIGHT);
	bd_line_pad_to(l, BD_STYLE_HEADER, cols);
}

static void cat_row(struct bd_line *l, const struct bd_catrow *r, bool sel, int cols)
{
	bool empty = r->kind != BD_CAT_HEADING && r->addresses <= 0 && r->events <= 0;
	enum bd_style st = r->kind == BD_CAT_HEADING ? BD_STYLE_HEADER :
			   empty                     ? BD_STYLE_DIM :
						       BD_STYLE_NORMAL;
	if (sel)
		st = BD_STYLE_SELECTED;
	char label[128], a[24], e[24], rv[24];
	if (r->kind == BD_CAT_HEADING)
		snprintf(label, sizeof(label), "%s", r->label);
	else if (r->kind == BD_CAT_REASON)
		snprintf(label, sizeof(label), "  %s (%s)", r->label, r->id);
	else
		snprintf(label, sizeof(label), "  %s", r->label);
	if (r->kind == BD_CAT_HEADING) {
		a[0] = e[0] = rv[0] = '\0';
	} else {
		num(a, sizeof(a), r->addresses);
		num(e, sizeof(e), r->events);
		num(rv, sizeof(rv), r->review);
		if (r->review == 0)
			snprintf(rv, sizeof(rv), "%s", "");
	}
	cell(l, st, label, cols - 30, BD_ALIGN_LEFT);
	cell(l, st, a, 10, BD_ALIGN_RIGHT);
	cell(l, st, e, 10, BD_ALIGN_RIGHT);
	cell(l, !sel && r->review > 0 ? BD_STYLE_REVIEW : st, rv, 9, BD_ALIGN_RIGHT);
	bd_line_pad_to(l, st, cols);
}

/* ---- addresses ---- */

/* Column widths at cols: the address takes what the others leave. */
struct addrcols {
	int addr, fwd, domain, bounces, last, status, state;
};

static struct addrcols addr_cols(int cols)
{
	struct addrcols c = {0, 0, 16, 5, 16, 6, 7};
	if (cols < 90)
		c.last = 10;
	if (cols >= 120)
		c.fwd = 28;
	/* tag and review marks (2), a space after them, one between columns */
	int fixed = 3 + c.domain + c.bounces + c.last + c.status + c.state + 6 +
		    (c.fwd ? c.fwd + 1 : 0);
	c.addr = cols - fixed;
	if (c.addr < 12) {
		c.domain = 0;
		c.addr += 17;
	}
	return c;
}

static void addr_head(struct bd_line *l, int cols)
{
	struct addrcols c = addr_cols(cols);
	enum bd_style h = BD_STYLE_HEADER;
	cell(l, h, "   Address", c.addr + 3, BD_ALIGN_LEFT);
	if (c.fwd) {
		gap(l, h);
		cell(l, h, "Delivered to", c.fwd, BD_ALIGN_LEFT);
	}
	if (c.domain) {
		gap(l, h);
		cell(l, h, "Domain", c.domain, BD_ALIGN_LEFT);
	}
	gap(l, h);
	cell(l, h, "Count", c.bounces, BD_ALIGN_RIGHT);
	gap(l, h);
	cell(l, h, c.last >= 16 ? "Last bounce" : "Last", c.last, BD_ALIGN_LEFT);
	gap(l, h);
	cell(l, h, "Status", c.status, BD_ALIGN_LEFT);
	gap(l, h);
	cell(l, h, "State", c.state, BD_ALIGN_LEFT);
	bd_line_pad_to(l, h, cols);
}

static enum bd_style state_style(enum bd_state s)
{
	return s == BD_STATE_ACTIVE  ? BD_STYLE_ACTIVE :
	       s == BD_STATE_STOPPED ? BD_STYLE_STOPPED :
				       BD_STYLE_HOLD;
}

static void addr_row(struct bd_app *app, struct bd_line *l, const struct bd_addrrow *r, bool sel,
		     int cols)
{
	struct addrcols c = addr_cols(cols);
	bool tagged = bd_app_tagged(app, r->address);
	enum bd_style st = sel ? BD_STYLE_SELECTED : tagged ? BD_STYLE_TAGGED : BD_STYLE_NORMAL;
	cell(l, st, tagged ? "*" : " ", 1, BD_ALIGN_LEFT);
	cell(l, sel ? st : BD_STYLE_REVIEW, r->review ? "R" : " ", 1, BD_ALIGN_LEFT);
	gap(l, st);
	char addr[700];
	if (r->forward && !c.fwd)
		snprintf(addr, sizeof(addr), "%s > %s", r->address, r->forward);
	else
		snprintf(addr, sizeof(addr), "%s", r->address);
	cell(l, st, addr, c.addr, BD_ALIGN_LEFT);
	if (c.fwd) {
		gap(l, st);
		cell(l, st, r->forward ? r->forward : "", c.fwd, BD_ALIGN_LEFT);
	}
	if (c.domain) {
		gap(l, st);
		cell(l, st, r->domain, c.domain, BD_ALIGN_LEFT);
	}
	char n[24], d[32];
	num(n, sizeof(n), r->bounces);
	gap(l, st);
	cell(l, st, n, c.bounces, BD_ALIGN_RIGHT);
	gap(l, st);
	if (r->last_at)
		bd_text_date(r->last_at, app->now, app->utc_offset,
			     c.last >= 16 ? BD_DATE_ABSOLUTE : BD_DATE_COMPACT, d, sizeof(d));
	else
		snprintf(d, sizeof(d), "%s", "-");
	cell(l, st, d, c.last, BD_ALIGN_LEFT);
	gap(l, st);
	cell(l, st, r->status ? r->status : "-", c.status, BD_ALIGN_LEFT);
	gap(l, st);
	cell(l, sel ? st : state_style(r->state), bd_state_name(r->state), c.state, BD_ALIGN_LEFT);
	bd_line_pad_to(l, st, cols);
}

/* ---- domains and messages ---- */

static void dom_head(struct bd_line *l, int cols)
{
	enum bd_style h = BD_STYLE_HEADER;
	cell(l, h, "  Domain", cols - 48, BD_ALIGN_LEFT);
	cell(l, h, "Incidents", 10, BD_ALIGN_RIGHT);
	cell(l, h, "Addresses", 10, BD_ALIGN_RIGHT);
	cell(l, h, "Bounces", 8, BD_ALIGN_RIGHT);
	cell(l, h, "Stopped", 8, BD_ALIGN_RIGHT);
	cell(l, h, "Hold", 6, BD_ALIGN_RIGHT);
	cell(l, h, "Rev", 6, BD_ALIGN_RIGHT);
	bd_line_pad_to(l, h, cols);
}

static void dom_row(struct bd_line *l, const struct bd_domrow *r, bool sel, int cols)
{
	enum bd_style st = sel ? BD_STYLE_SELECTED : BD_STYLE_NORMAL;
	char name[400], v[6][24];
	snprintf(name, sizeof(name), "  %s", r->domain ? r->domain : "-");
	num(v[0], 24, r->d.incidents);
	num(v[1], 24, r->d.addresses);
	num(v[2], 24, r->d.bounces);
	num(v[3], 24, r->d.stopped);
	num(v[4], 24, r->d.hold);
	num(v[5], 24, r->d.review);
	cell(l, st, name, cols - 48, BD_ALIGN_LEFT);
	cell(l, !sel && r->d.incidents > 0 ? BD_STYLE_ERROR : st, v[0], 10, BD_ALIGN_RIGHT);
	cell(l, st, v[1], 10, BD_ALIGN_RIGHT);
	cell(l, st, v[2], 8, BD_ALIGN_RIGHT);
	cell(l, st, v[3], 8, BD_ALIGN_RIGHT);
	cell(l, st, v[4], 6, BD_ALIGN_RIGHT);
	cell(l, st, v[5], 6, BD_ALIGN_RIGHT);
	bd_line_pad_to(l, st, cols);
}

static void msg_head(struct bd_line *l, int cols)
{
	enum bd_style h = BD_STYLE_HEADER;
	cell(l, h, "      Id", 8, BD_ALIGN_LEFT);
	gap(l, h);
	cell(l, h, "Stored", 16, BD_ALIGN_LEFT);
	gap(l, h);
	cell(l, h, "Why it could not be read", cols - 26, BD_ALIGN_LEFT);
	bd_line_pad_to(l, h, cols);
}

static void msg_row(struct bd_app *app, struct bd_line *l, const struct bd_msgrow *r, bool sel,
		    int cols)
{
	enum bd_style st = sel ? BD_STYLE_SELECTED : BD_STYLE_NORMAL;
	char id[24], d[32];
	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	bd_text_date(r->date, app->now, app->utc_offset, BD_DATE_ABSOLUTE, d, sizeof(d));
	cell(l, st, id, 8, BD_ALIGN_RIGHT);
	gap(l, st);
	cell(l, st, d, 16, BD_ALIGN_LEFT);
	gap(l, st);
	cell(l, st, r->error ? r->error : "-", cols - 26, BD_ALIGN_LEFT);
	bd_line_pad_to(l, st, cols);
}

/* ---- pagers ---- */

static void pager_line(struct bd_view *v, struct bd_line *l, const struct bd_textline *t, int cols)
{
	bd_line_add_clip(l, t->style, t->text, strlen(t->text), v->hscroll, cols);
	if (v->search && *v->search && v->hscroll == 0) {
		/* Highlight the first match on the line when it is in view. */
		const char *m = bd_strcasestr(l->text.data ? l->text.data : "", v->search);
		if (m)
			bd_line_restyle(l, (size_t)(m - l->text.data), strlen(v->search),
					BD_STYLE_MATCH);
	}
	bd_line_pad_to(l, t->style == BD_STYLE_TITLE ? BD_STYLE_HEADER : BD_STYLE_NORMAL, cols);
}

static void status_line(struct bd_app *app, struct bd_line *l, int cols, int *cursor_col)
{
	*cursor_col = -1;
	if (app->prompt != BD_PROMPT_NONE) {
		int w = bd_line_add_clip(l, BD_STYLE_STATUS, app->prompt_label,
					 strlen(app->prompt_label), 0, cols - 12);
		const char *in = app->input.data ? app->input.data : "";
		int before = bd_text_width(in, app->input_cur);
		int room = cols - w - 1;
		int skip = before > room ? before - room : 0;
		bd_line_add_clip(l, BD_STYLE_NORMAL, in, app->input.len, skip, room);
		*cursor_col = w + before - skip;
		bd_line_pad_to(l, BD_STYLE_NORMAL, cols);
		return;
	}
	const char *s = app->status;
	char hint[160];
	if (!*s) {
		if (app->tag_prefix)
			snprintf(hint, sizeof(hint), "; (apply to %zu tagged)", app->ntags);
		else
			snprintf(hint, sizeof(hint), "%s",
				 "? help  q back  Q quit  Enter open  d domains  u undo");
		s = hint;
	}
	enum bd_style st = app->status_error ? BD_STYLE_ERROR : BD_STYLE_STATUS;
	bd_line_add_clip(l, st, s, strlen(s), 0, cols);
	bd_line_pad_to(l, st, cols);
}

void bd_app_render(struct bd_app *app, struct bd_line *lines, int rows, int cols, int *cursor_col)
{
	for (int i = 0; i < rows; i++)
		bd_line_reset(&lines[i]);
	*cursor_col = -1;
	if (rows < 3 || cols < 20) {
		bd_line_add(&lines[0], BD_STYLE_ERROR, "window too small", 16, 0);
		return;
	}
	struct bd_view *v = bd_app_top(app);
	title_line(app, &lines[0], cols);
	int y = 1;
	int h = bd_listview_visible(&v->lv);
	switch (v->kind) {
	case BD_VIEW_CATEGORIES:
		cat_head(&lines[y++], cols);
		for (int i = 0; i < h; i++) {
			long row = v->lv.top + i;
			cat_row(&lines[y++], &v->cats[v->shown[row]], row == v->lv.cursor, cols);
		}
		break;
	case BD_VIEW_ADDRESSES:
		if (bd_view_extra_lines(v)) {
			const char *s = v->reasons ? v->reasons : "";
			bd_line_add(&lines[y], BD_STYLE_DIM, " Reasons: ", 10, 0);
			bd_line_add_clip(&lines[y], BD_STYLE_NORMAL, s, strlen(s), 0, cols - 10);
			y++;
		}
		addr_head(&lines[y++], cols);
		for (int i = 0; i < h && (size_t)i < v->npage; i++)
			addr_row(app, &lines[y++], &v->rows[i], v->lv.top + i == v->lv.cursor,
				 cols);
		if (v->lv.rows == 0) {
			const char *s =
				v->count_pending ? "  searching every address..." :
				v->pattern       ? "  no address matches the filter (L clears it)" :
						   "  no address in this category";
			bd_line_add(&lines[y++], BD_STYLE_DIM, s, strlen(s), 0);
		}
		break;
	case BD_VIEW_DOMAINS:
		dom_head(&lines[y++], cols);
		for (int i = 0; i < h && (size_t)i < v->npage; i++)
			dom_row(&lines[y++], &v->doms[i], v->lv.top + i == v->lv.cursor, cols);
		break;
	case BD_VIEW_MESSAGES:
		msg_head(&lines[y++], cols);
		for (int i = 0; i < h && (size_t)i < v->npage; i++)
			msg_row(app, &lines[y++], &v->msgs[i], v->lv.top + i == v->lv.cursor, cols);
		break;
	case BD_VIEW_DETAIL:
	case BD_VIEW_RAW:
	case BD_VIEW_HELP:
		for (int i = 0; i < h; i++)
			pager_line(v, &lines[y++], &v->lines[v->lv.top + i], cols);
		break;
	}
	status_line(app, &lines[rows - 1], cols, cursor_col);
}
