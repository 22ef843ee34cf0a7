/* mimeview.c: the decoded view of one message (see mimeview.h). */
#include "mimeview.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "charset.h"
#include "mime.h"
#include "str.h"

struct mv {
	struct bd_mime m;
	bool all;
	bd_mv_fn fn;
	void *ctx;
	struct bd_buf line;
};

static void emit(struct mv *v, enum bd_mv_kind kind, int depth, const char *s, size_t len)
{
	bd_buf_reset(&v->line);
	for (int i = 0; i < depth; i++)
		bd_buf_adds(&v->line, "  ");
	bd_buf_add(&v->line, s, len);
	struct bd_mv_line l = {kind, depth, v->line.data ? v->line.data : "", v->line.len};
	v->fn(v->ctx, &l);
}

static void emits(struct mv *v, enum bd_mv_kind kind, int depth, const char *s)
{
	emit(v, kind, depth, s, strlen(s));
}

static bool main_header(const char *name)
{
	static const char *const names[] = {"from",    "to",         "cc", "date",
					    "subject", "message-id", NULL};
	for (int i = 0; names[i]; i++) {
		if (bd_streq_ci(name, names[i]))
			return true;
	}
	return false;
}

/* The headers of a message (main ones unless every: say how many are left
 * out), decoded. */
static void headers(struct mv *v, const struct bd_headers *h, int depth, bool every)
{
	size_t hidden = 0;
	for (size_t i = 0; i < h->n; i++) {
		if (!every && !main_header(h->v[i].name)) {
			hidden++;
			continue;
		}
		char *val = bd_mime_decode_header(&v->m, h->v[i].value ? h->v[i].value : "");
		char *s = bd_arena_printf(v->m.arena, "%s: %s", h->v[i].name, val);
		emits(v, BD_MV_HEADER, depth, s);
	}
	if (hidden)
		emits(v, BD_MV_NOTE, depth,
		      bd_arena_printf(v->m.arena, "(%zu more header%s)", hidden,
				      hidden == 1 ? "" : "s"));
}

static bool is_multipart(const struct bd_part *p)
{
	return strncmp(p->type, "multipart/", 10) == 0 && p->child;
}

/* An attached message or a block of headers: its only child is the
 * entity inside. */
static bool is_container(const struct bd_part *p)
{
	return !is_multipart(p) && p->child;
}

static bool is_text(const struct bd_part *p)
{
	return strncmp(p->type, "text/", 5) == 0 || strncmp(p->type, "message/", 8) == 0 ||
	       p->charset != NULL;
}

/* "; charset=x; base64; file NAME; N bytes" of a leaf part. */
static void describe(struct mv *v, struct bd_part *p, struct bd_buf *b)
{
	if (is_multipart(p)) {
		size_t n = 0;
		for (struct bd_part *c = p->child; c; c = c->next)
			n++;
		bd_buf_printf(b, "; %zu part%s", n, n == 1 ? "" : "s");
		return;
	}
	if (p->charset)
		bd_buf_printf(b, "; charset=%s", p->charset);
	if (p->encoding)
		bd_buf_printf(b, "; %s", p->encoding);
	const char *cd = bd_headers_get(&p->hdr, "Content-Disposition");
	const char *ct = bd_headers_get(&p->hdr, "Content-Type");
	const char *file = cd ? bd_header_param(&v->m, cd, "filename") : NULL;
	if (!file && ct)
		file = bd_header_param(&v->m, ct, "name");
	if (file)
		bd_buf_printf(b, "; file %s", bd_mime_decode_header(&v->m, file));
	size_t len;
	bd_part_decoded(&v->m, p, &len);
	bd_buf_printf(b, "; %zu byte%s", len, len == 1 ? "" : "s");
}

static void body(struct mv *v, struct bd_part *p, int depth)
{
	size_t len;
	if (!is_text(p)) {
		bd_part_decoded(&v->m, p, &len);
		emits(v, BD_MV_NOTE, depth,
		      bd_arena_printf(v->m.arena, "(binary %s, %zu bytes, not shown)", p->type,
				      len));
		return;
	}
	const char *t = bd_part_text(&v->m, p, &len);
	/* Trailing blank lines say nothing. */
	while (len > 0 && (t[len - 1] == '\n' || t[len - 1] == ' ' || t[len - 1] == '\t'))
		len--;
	if (len == 0) {
		emits(v, BD_MV_NOTE, depth, "(empty)");
		return;
	}
	size_t pos = 0;
	const char *line;
	size_t ll;
	while (bd_next_line(t, len, &pos, &line, &ll))
		emit(v, BD_MV_BODY, depth, line, ll);
}

static void part(struct mv *v, struct bd_part *p, const char *label, int depth);

static void children(struct mv *v, struct bd_part *p, const char *label, int depth)
{
	int i = 1;
	for (struct bd_part *c = p->child; c; c = c->next, i++) {
		char *l = *label ? bd_arena_printf(v->m.arena, "%s.%d", label, i) :
				   bd_arena_printf(v->m.arena, "%d", i);
		part(v, c, l, depth);
	}
}

/* One part: its summary line at depth, then what it holds one deeper. */
static void part(struct mv *v, struct bd_part *p, const char *label, int depth)
{
	struct bd_buf b;
	bd_buf_init(&b);
	bd_buf_printf(&b, "[%s] %s", *label ? label : "message", p->type);
	struct bd_part *inner = is_container(p) ? p->child : NULL;
	bool only_headers = strstr(p->type, "headers") != NULL;
	if (inner && !only_headers) {
		bd_buf_printf(&b, ", attached message: %s", inner->type);
		describe(v, inner, &b);
	} else if (!inner) {
		describe(v, p, &b);
	}
	emits(v, BD_MV_PART, depth, b.data);
	bd_buf_done(&b);
	if (inner) {
		headers(v, &inner->hdr, depth + 1, v->all || only_headers);
		if (only_headers)
			return;
		if (is_multipart(inner))
			children(v, inner, label, depth + 1);
		else if (is_container(inner))
			part(v, inner, *label ? bd_arena_printf(v->m.arena, "%s.1", label) : "1",
			     depth + 1);
		else
			body(v, inner, depth + 1);
		return;
	}
	if (v->all && p->parent)
		headers(v, &p->hdr, depth + 1, true);
	if (is_multipart(p))
		children(v, p, label, depth + 1);
	else
		body(v, p, depth + 1);
}

void bd_mime_view(const char *data, size_t len, bool all_headers, bd_mv_fn fn, void *ctx)
{
	struct bd_arena a;
	struct bd_charset_cache cs;
	bd_arena_init(&a);
	bd_charset_cache_init(&cs);
	struct mv v = {.all = all_headers, .fn = fn, .ctx = ctx};
	v.m.arena = &a;
	v.m.cs = &cs;
	v.m.max_depth = 32;
	v.m.max_parts = 1000;
	bd_buf_init(&v.line);
	size_t n;
	const char *msg = bd_mime_normalize_eol(&a, data ? data : "", data ? len : 0, &n);
	struct bd_part *root = bd_mime_parse(&v.m, msg, n);
	headers(&v, &root->hdr, 0, all_headers);
	emits(&v, BD_MV_BODY, 0, "");
	part(&v, root, "", 0);
	if (v.m.error)
		emits(&v, BD_MV_NOTE, 0, bd_arena_printf(&a, "(MIME: %s)", v.m.error));
	bd_buf_done(&v.line);
	bd_charset_cache_done(&cs);
	bd_arena_done(&a);
}
