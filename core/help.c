/* help.c: the built-in help text (see help.h). */
#include "help.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reason.h"
#include "textfmt.h"

static struct bd_help_entry *entries;
static size_t nentries;
static struct bd_buf problems; /* what the parse found wrong, for bd_help_check */
static int nproblems;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		abort();
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void problem(const char *file, int line, const char *what)
{
	bd_buf_printf(&problems, "%s:%d: %s\n", file, line, what);
	nproblems++;
}

static size_t rtrim(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n;
}

static struct bd_help_entry *new_entry(const struct bd_help_file *f, const char *file,
				       const char *line, size_t len, int lineno)
{
	static size_t cap;
	if (nentries == cap) {
		cap = cap ? cap * 2 : 256;
		entries = realloc(entries, cap * sizeof *entries);
		if (!entries)
			abort();
	}
	struct bd_help_entry *e = &entries[nentries++];
	memset(e, 0, sizeof *e);
	e->lang = f->lang;
	e->file = file;
	e->line = lineno;
	e->body = "";
	/* "@KIND ID" */
	const char *p = line + 1, *end = line + len;
	const char *k = p;
	while (p < end && *p != ' ' && *p != '\t')
		p++;
	e->kind = dupn(k, (size_t)(p - k));
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	e->id = dupn(p, (size_t)(end - p));
	if (!*e->kind || !*e->id || strchr(e->id, ' '))
		problem(file, lineno, "an entry starts '@KIND ID'");
	else if (strcmp(e->kind, "topic") != 0 && strcmp(e->kind, "category") != 0 &&
		 strcmp(e->kind, "code") != 0 && strcmp(e->kind, "action") != 0 &&
		 strcmp(e->kind, "label") != 0)
		problem(file, lineno, "KIND is topic, category, code, action or label");
	return e;
}

static void add_field(struct bd_help_entry *e, const char *line, size_t len, int lineno)
{
	const char *colon = memchr(line, ':', len);
	if (!colon || colon == line || memchr(line, ' ', (size_t)(colon - line))) {
		problem(e->file, lineno, "a field is 'name: value' (a blank line ends the fields)");
		return;
	}
	const char *v = colon + 1, *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	e->fields = realloc(e->fields, (e->nfields + 1) * sizeof *e->fields);
	if (!e->fields)
		abort();
	e->fields[e->nfields].name = dupn(line, (size_t)(colon - line));
	e->fields[e->nfields].value = dupn(v, (size_t)(end - v));
	e->nfields++;
}

static void finish_body(struct bd_help_entry *e, struct bd_buf *body)
{
	if (!e)
		return;
	/* Blank lines at the end are not part of the text. */
	while (body->len > 0 && body->data[body->len - 1] == '\n')
		body->len--;
	e->body = dupn(body->len ? body->data : "", body->len);
	bd_buf_reset(body);
}

static void parse_file(const struct bd_help_file *f)
{
	char name[64];
	snprintf(name, sizeof name, "%s/%s.txt", f->lang, f->name);
	const char *file = dupn(name, strlen(name));
	struct bd_help_entry *e = NULL;
	bool in_fields = false;
	struct bd_buf body;
	bd_buf_init(&body);
	size_t pos = 0;
	const char *line;
	size_t len;
	int lineno = 0;
	while (bd_next_line(f->text, f->len, &pos, &line, &len)) {
		lineno++;
		len = rtrim(line, len);
		if (len > 0 && line[0] == '#')
			continue;
		if (len > 0 && line[0] == '@') {
			finish_body(e, &body);
			e = new_entry(f, file, line, len, lineno);
			in_fields = true;
			continue;
		}
		if (!e) {
			if (len > 0)
				problem(file, lineno, "text before the first '@KIND ID' line");
			continue;
		}
		if (in_fields) {
			if (len == 0)
				in_fields = false;
			else
				add_field(e, line, len, lineno);
			continue;
		}
		if (len == 0 && body.len == 0)
			continue; /* blank lines before the body */
		bd_buf_add(&body, line, len);
		bd_buf_addc(&body, '\n');
	}
	finish_body(e, &body);
	bd_buf_done(&body);
}

static void parse_all(void)
{
	bd_buf_init(&problems);
	for (const struct bd_help_file *f = bd_help_files; f->lang; f++)
		parse_file(f);
	/* No KIND ID twice in one language. */
	for (size_t i = 0; i < nentries; i++) {
		for (size_t j = i + 1; j < nentries; j++) {
			const struct bd_help_entry *a = &entries[i], *b = &entries[j];
			if (strcmp(a->lang, b->lang) == 0 && strcmp(a->kind, b->kind) == 0 &&
			    strcmp(a->id, b->id) == 0) {
				char what[200];
				snprintf(what, sizeof what, "@%s %s again (first at %s:%d)",
					 b->kind, b->id, a->file, a->line);
				problem(b->file, b->line, what);
			}
		}
	}
}

static void load(void)
{
	pthread_once(&once, parse_all);
}

const char *bd_help_lang_of(const char *locale)
{
	if (locale && strncmp(locale, "ja", 2) == 0 &&
	    (locale[2] == '\0' || locale[2] == '_' || locale[2] == '.' || locale[2] == '@'))
		return "ja";
	return "en";
}

const char *bd_help_lang(void)
{
	static const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return bd_help_lang_of(v);
	}
	return "en";
}

static const struct bd_help_entry *find_in(const char *lang, const char *kind, const char *id)
{
	for (size_t i = 0; i < nentries; i++) {
		const struct bd_help_entry *e = &entries[i];
		if (strcmp(e->lang, lang) == 0 && strcmp(e->kind, kind) == 0 &&
		    strcmp(e->id, id) == 0)
			return e;
	}
	return NULL;
}

const struct bd_help_entry *bd_help_find(const char *lang, const char *kind, const char *id)
{
	load();
	const struct bd_help_entry *e = lang ? find_in(lang, kind, id) : NULL;
	return e ? e : find_in("en", kind, id);
}

size_t bd_help_list(const char *lang, const char *kind, const struct bd_help_entry **out,
		    size_t max)
{
	load();
	size_t n = 0;
	if (!lang)
		lang = "en";
	for (size_t i = 0; i < nentries; i++) {
		if (strcmp(entries[i].lang, lang) == 0 && strcmp(entries[i].kind, kind) == 0) {
			if (n < max)
				out[n] = &entries[i];
			n++;
		}
	}
	if (strcmp(lang, "en") != 0) {
		for (size_t i = 0; i < nentries; i++) {
			const struct bd_help_entry *e = &entries[i];
			if (strcmp(e->lang, "en") == 0 && strcmp(e->kind, kind) == 0 &&
			    !find_in(lang, kind, e->id)) {
				if (n < max)
					out[n] = e;
				n++;
			}
		}
	}
	return n;
}

const char *bd_help_field(const struct bd_help_entry *e, const char *name)
{
	const char *v = NULL;
	bd_help_fields(e, name, &v, 1);
	return v;
}

size_t bd_help_fields(const struct bd_help_entry *e, const char *name, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; e && i < e->nfields; i++) {
		if (strcmp(e->fields[i].name, name) == 0) {
			if (n < max)
				out[n] = e->fields[i].value;
			n++;
		}
	}
	return n;
}

const char *bd_help_label(const char *lang, const char *id)
{
	const char *t = bd_help_field(bd_help_find(lang, "label", id), "text");
	return t ? t : id;
}

const char *bd_help_group(const char *lang, enum bd_group g)
{
	char id[40];
	snprintf(id, sizeof id, "group-%s", bd_group_name(g));
	const char *t = bd_help_field(bd_help_find(lang, "label", id), "text");
	return t ? t : bd_group_label(g);
}

void bd_help_subst(const char *tmpl, struct bd_buf *out, const char *const *names,
		   const char *const *values, size_t n)
{
	for (const char *p = tmpl; *p;) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			size_t i = 0;
			for (; end && i < n; i++) {
				size_t k = strlen(names[i]);
				if ((size_t)(end - p - 1) == k && strncmp(p + 1, names[i], k) == 0)
					break;
			}
			if (end && i < n) {
				bd_buf_adds(out, values[i]);
				p = end + 1;
				continue;
			}
		}
		bd_buf_addc(out, *p++);
	}
}

int bd_help_check(struct bd_buf *err)
{
	load();
	if (problems.len)
		bd_buf_add(err, problems.data, problems.len);
	return nproblems;
}

/* ---- wrapping ---- */

struct wrap {
	struct bd_buf line;
	int width, indent, col; /* col: display width of line past the indent */
	size_t last_at;         /* where the last character added one by one starts */
	int last_w;             /* and its width; 0: none on this line */
	void (*emit)(void *, const char *, size_t);
	void *ctx;
};

/* Japanese closing punctuation, which a line may not start with. */
static bool no_line_start(uint32_t cp)
{
	static const uint32_t v[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D, 0x300F, 0x3011,
				     0x3015, 0xFF01, 0xFF1F, 0x30FC, 0x30FB, 0xFF1A, 0xFF1B};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i] == cp)
			return true;
	return false;
}

static void wrap_flush(struct wrap *w)
{
	w->emit(w->ctx, w->line.data ? w->line.data : "", w->line.len);
	bd_buf_reset(&w->line);
	w->col = 0;
	w->last_w = 0;
}

static void wrap_start(struct wrap *w)
{
	if (w->line.len == 0)
		for (int i = 0; i < w->indent; i++)
			bd_buf_addc(&w->line, ' ');
}

/* Adds one word (no spaces in it); wide characters may be broken between. */
static bool is_wide_at(const char *s, size_t n)
{
	uint32_t cp;
	return bd_utf8_decode(s, n, &cp) > 0 && bd_wcwidth(cp) == 2;
}

static bool ends_wide(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	return i > 0 && is_wide_at(s + i - 1, n - i + 1);
}

/* Adds one word (no spaces in it); glue: no space before it (text in wide
 * characters continued from the previous line of the file). */
static void wrap_word(struct wrap *w, const char *s, size_t n, bool glue)
{
	int avail = w->width - w->indent;
	if (avail < 8)
		avail = 8;
	int ww = bd_text_width(s, n);
	bool space = w->col > 0 && !glue;
	if (w->col + (space ? 1 : 0) + ww <= avail) {
		wrap_start(w);
		if (space)
			bd_buf_addc(&w->line, ' ');
		bd_buf_add(&w->line, s, n);
		w->col += (space ? 1 : 0) + ww;
		w->last_w = 0;
		return;
	}
	/* Too wide for what is left: a word of narrow characters goes to the
	 * next line whole (broken only when wider than a line); text in wide
	 * characters fills the line and carries on. */
	bool wide = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = bd_utf8_decode(s + i, n - i, &cp);
		if (bd_wcwidth(cp) == 2)
			wide = true;
		i += k ? k : 1;
	}
	if (!wide && w->col > 0) {
		wrap_flush(w);
		if (ww <= avail) {
			wrap_word(w, s, n, true);
			return;
		}
	}
	if (space && w->col + 1 < avail) {
		wrap_start(w);
		bd_buf_addc(&w->line, ' ');
		w->col++;
		w->last_w = 0;
	}
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = bd_utf8_decode(s + i, n - i, &cp);
		if (!k)
			k = 1;
		int cw = bd_wcwidth(cp);
		if (cw < 0)
			cw = 1;
		if (w->col + cw > avail && w->col > 0) {
			/* Closing punctuation never starts a line: the character
			 * before it goes down with it. */
			if (no_line_start(cp) && w->last_w > 0 && w->col > w->last_w) {
				size_t keep = w->last_at, moved = w->line.len - keep;
				char carry[8];
				memcpy(carry, w->line.data + keep, moved);
				int carry_w = w->last_w;
				w->line.len = keep;
				wrap_flush(w);
				wrap_start(w);
				bd_buf_add(&w->line, carry, moved);
				w->col = carry_w;
			} else {
				wrap_flush(w);
			}
		}
		wrap_start(w);
		w->last_at = w->line.len;
		w->last_w = cw;
		bd_buf_add(&w->line, s + i, k);
		w->col += cw;
		i += k;
	}
}

void bd_help_wrap(const char *text, int width, int indent,
		  void (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
	struct wrap w = {.width = width, .indent = indent, .emit = emit, .ctx = ctx};
	bd_buf_init(&w.line);
	size_t pos = 0, tlen = strlen(text);
	const char *line;
	size_t len;
	bool blank_pending = false, any = false, last_wide = false;
	while (bd_next_line(text, tlen, &pos, &line, &len)) {
		len = rtrim(line, len);
		if (len == 0) {
			if (w.col > 0)
				wrap_flush(&w);
			blank_pending = any;
			continue;
		}
		if (blank_pending) {
			emit(ctx, "", 0);
			blank_pending = false;
		}
		any = true;
		if (len >= 2 && line[0] == ' ' && line[1] == ' ') {
			/* kept as it is */
			if (w.col > 0)
				wrap_flush(&w);
			wrap_start(&w);
			bd_buf_add(&w.line, line, len);
			wrap_flush(&w);
			continue;
		}
		size_t i = 0;
		bool first = true;
		while (i < len) {
			while (i < len && (line[i] == ' ' || line[i] == '\t'))
				i++;
			size_t j = i;
			while (j < len && line[j] != ' ' && line[j] != '\t')
				j++;
			if (j > i) {
				bool glue = first && last_wide && is_wide_at(line + i, j - i);
				wrap_word(&w, line + i, j - i, glue);
				first = false;
			}
			i = j;
		}
		last_wide = ends_wide(line, len);
	}
	if (w.col > 0)
		wrap_flush(&w);
	bd_buf_done(&w.line);
}
