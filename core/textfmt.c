/* textfmt.c: display widths, visible text, cutting and padding, styled
 * lines and column dates (see textfmt.h).  Pure functions of their
 * arguments: no locale, no time zone, no terminal. */
#include "textfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct bd_range {
	uint32_t lo, hi;
};

#include "textwidth.inc"

static bool in_table(const struct bd_range *t, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	if (n == 0 || cp < t[0].lo || cp > t[n - 1].hi)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

size_t bd_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char b = u[0];
	size_t need;
	uint32_t c;
	unsigned char lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
	if (b < 0x80) {
		*cp = b;
		return 1;
	} else if (b >= 0xc2 && b <= 0xdf) {
		need = 1;
		c = b & 0x1f;
	} else if (b >= 0xe0 && b <= 0xef) {
		need = 2;
		c = b & 0x0f;
		if (b == 0xe0)
			lo = 0xa0; /* overlong */
		else if (b == 0xed)
			hi = 0x9f; /* surrogates */
	} else if (b >= 0xf0 && b <= 0xf4) {
		need = 3;
		c = b & 0x07;
		if (b == 0xf0)
			lo = 0x90; /* overlong */
		else if (b == 0xf4)
			hi = 0x8f; /* beyond U+10FFFF */
	} else {
		*cp = 0xfffd;
		return 1;
	}
	size_t i;
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < (i == 1 ? lo : 0x80) || u[i] > (i == 1 ? hi : 0xbf)) {
			/* The maximal invalid prefix goes as one U+FFFD. */
			*cp = 0xfffd;
			return i;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	*cp = c;
	return need + 1;
}

size_t bd_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int bd_wcwidth(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return -1;
	if (cp < 0x300)
		return 1;
	if (in_table(zero_width, sizeof(zero_width) / sizeof(zero_width[0]), cp))
		return 0;
	if (in_table(double_width, sizeof(double_width) / sizeof(double_width[0]), cp))
		return 2;
	return 1;
}

/* Bidirectional embeddings, overrides and isolates reorder the text around
 * them on screen, so an address could be shown as another: made visible. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* One piece of visible text: what a source character becomes. */
struct piece {
	char b[16];
	size_t n;
	int width;
	bool control; /* a control character made visible */
};

/* Reads the character at s[0..len) (len > 0) shown at column col; returns
 * the source bytes it took. */
static size_t next_piece(const char *s, size_t len, int col, unsigned flags, struct piece *p)
{
	uint32_t cp;
	size_t used = bd_utf8_decode(s, len, &cp);
	p->control = false;
	if (cp == '\t' && (flags & BD_VIS_TABS)) {
		p->width = 8 - col % 8;
		memset(p->b, ' ', (size_t)p->width);
		p->n = (size_t)p->width;
		return used;
	}
	int w = bd_wcwidth(cp);
	if (w < 0 || is_bidi_control(cp)) {
		p->control = true;
		if (cp < 0x20)
			p->n = (size_t)snprintf(p->b, sizeof(p->b), "^%c", (char)(cp + 0x40));
		else if (cp == 0x7f)
			p->n = (size_t)snprintf(p->b, sizeof(p->b), "^?");
		else if (cp < 0xa0)
			p->n = (size_t)snprintf(p->b, sizeof(p->b), "\\x%02x", (unsigned)cp);
		else
			p->n = (size_t)snprintf(p->b, sizeof(p->b), "<U+%04X>", (unsigned)cp);
		p->width = (int)p->n;
		return used;
	}
	p->n = used;
	memcpy(p->b, s, used);
	if (cp == 0xfffd && !(used == 3 && memcmp(s, "\xef\xbf\xbd", 3) == 0))
		p->n = bd_utf8_encode(0xfffd, p->b);
	p->width = w;
	return used;
}

/* Where visible text goes: a plain buffer, or a line with a style. */
struct sink {
	struct bd_buf *buf;
	struct bd_line *line;
	enum bd_style style;
};

static void line_append(struct bd_line *l, enum bd_style st, const char *s, size_t n, int w)
{
	if (n == 0)
		return;
	struct bd_span *last = l->nspans ? &l->spans[l->nspans - 1] : NULL;
	if (last && last->style == st) {
		last->len += n;
		last->width += w;
	} else {
		if (l->nspans == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 8;
			l->spans = bd_xrealloc(l->spans, l->cap * sizeof(*l->spans));
		}
		l->spans[l->nspans++] = (struct bd_span){l->text.len, n, l->width, w, st};
	}
	bd_buf_add(&l->text, s, n);
	l->width += w;
}

static void sink_put(struct sink *k, const char *s, size_t n, int w, bool control)
{
	if (k->line)
		line_append(k->line, control ? BD_STYLE_CONTROL : k->style, s, n, w);
	else
		bd_buf_add(k->buf, s, n);
}

static size_t sink_len(const struct sink *k)
{
	return k->line ? k->line->text.len : k->buf->len;
}

/* Drops what was put after byte len (at column width of a line). */
static void sink_truncate(struct sink *k, size_t len, int width)
{
	struct bd_buf *b = k->line ? &k->line->text : k->buf;
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
	if (!k->line)
		return;
	struct bd_line *l = k->line;
	while (l->nspans && l->spans[l->nspans - 1].off >= len)
		l->nspans--;
	if (l->nspans) {
		struct bd_span *sp = &l->spans[l->nspans - 1];
		sp->len = len - sp->off;
		sp->width = width - sp->col;
	}
	l->width = width;
}

static void sink_spaces(struct sink *k, int n)
{
	static const char sp[] = "                ";
	while (n > 0) {
		int m = n < 16 ? n : 16;
		sink_put(k, sp, (size_t)m, m, false);
		n -= m;
	}
}

static int put_visible(struct sink *k, const char *s, size_t len, unsigned flags)
{
	int col = 0;
	size_t pos = 0;
	struct piece p;
	while (pos < len) {
		pos += next_piece(s + pos, len - pos, col, flags, &p);
		sink_put(k, p.b, p.n, p.width, p.control);
		col += p.width;
	}
	return col;
}

static int put_cut(struct sink *k, const char *s, size_t len, int skip, int width)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	int col = 0, outw = 0;
	size_t pos = 0;
	struct piece p;
	if (width <= 0)
		return 0;
	/* The columns left of skip are not shown; a wide character cut by
	 * that edge leaves spaces for its visible half. */
	while (pos < len && col < skip) {
		size_t used = next_piece(s + pos, len - pos, col, 0, &p);
		if (col + p.width > skip)
			break;
		col += p.width;
		pos += used;
	}
	int lead = 0;
	if (pos < len && col < skip) {
		pos += next_piece(s + pos, len - pos, col, 0, &p);
		lead = col + p.width - skip;
		col += p.width;
	}
	/* mark: the end of the text that leaves a column for the ellipsis. */
	size_t mark_len = sink_len(k);
	int mark_w = 0;
	if (lead > 0) {
		int m = lead < width ? lead : width;
		sink_spaces(k, m);
		outw = m;
		if (outw <= width - 1) {
			mark_len = sink_len(k);
			mark_w = outw;
		}
	}
	while (pos < len) {
		size_t used = next_piece(s + pos, len - pos, col, 0, &p);
		if (outw + p.width > width) {
			sink_truncate(k, mark_len, k->line ? k->line->width - (outw - mark_w) : 0);
			sink_put(k, ellipsis, 3, 1, false);
			return mark_w + 1;
		}
		sink_put(k, p.b, p.n, p.width, p.control);
		outw += p.width;
		col += p.width;
		pos += used;
		if (outw <= width - 1) {
			mark_len = sink_len(k);
			mark_w = outw;
		}
	}
	return outw;
}

int bd_text_visible(const char *s, size_t len, unsigned flags, struct bd_buf *out)
{
	struct sink k = {out, NULL, BD_STYLE_NORMAL};
	return put_visible(&k, s, len, flags);
}

int bd_text_width(const char *s, size_t len)
{
	int col = 0;
	size_t pos = 0;
	struct piece p;
	while (pos < len) {
		pos += next_piece(s + pos, len - pos, col, 0, &p);
		col += p.width;
	}
	return col;
}

int bd_text_clip(const char *s, size_t len, int skip, int width, struct bd_buf *out)
{
	struct sink k = {out, NULL, BD_STYLE_NORMAL};
	return put_cut(&k, s, len, skip, width);
}

void bd_text_pad(struct bd_buf *out, int n)
{
	for (; n > 0; n--)
		bd_buf_addc(out, ' ');
}

static int put_fit(struct sink *k, const char *s, size_t len, int width, enum bd_align align)
{
	if (width <= 0)
		return 0;
	int w = bd_text_width(s, len);
	if (align == BD_ALIGN_RIGHT && w < width) {
		sink_spaces(k, width - w);
		put_cut(k, s, len, 0, w);
		return width;
	}
	sink_spaces(k, width - put_cut(k, s, len, 0, width));
	return width;
}

int bd_text_fit(const char *s, size_t len, int width, enum bd_align align, struct bd_buf *out)
{
	struct sink k = {out, NULL, BD_STYLE_NORMAL};
	return put_fit(&k, s, len, width, align);
}

static const char *const style_names[] = {
#define BD_STYLE_NAME(id, name) name,
	BD_STYLES(BD_STYLE_NAME)
#undef BD_STYLE_NAME
};

const char *bd_style_name(enum bd_style st)
{
	return (unsigned)st < BD_STYLE_COUNT ? style_names[st] : "?";
}

bool bd_style_parse(const char *name, enum bd_style *out)
{
	for (int i = 0; i < BD_STYLE_COUNT; i++) {
		if (strcmp(style_names[i], name) == 0) {
			*out = (enum bd_style)i;
			return true;
		}
	}
	return false;
}

void bd_line_init(struct bd_line *l)
{
	memset(l, 0, sizeof(*l));
	bd_buf_init(&l->text);
}

void bd_line_done(struct bd_line *l)
{
	bd_buf_done(&l->text);
	free(l->spans);
	memset(l, 0, sizeof(*l));
}

void bd_line_reset(struct bd_line *l)
{
	bd_buf_reset(&l->text);
	l->nspans = 0;
	l->width = 0;
}

int bd_line_add(struct bd_line *l, enum bd_style st, const char *s, size_t len, unsigned flags)
{
	struct sink k = {NULL, l, st};
	return put_visible(&k, s, len, flags);
}

int bd_line_add_clip(struct bd_line *l, enum bd_style st, const char *s, size_t len, int skip,
		     int width)
{
	struct sink k = {NULL, l, st};
	return put_cut(&k, s, len, skip, width);
}

int bd_line_add_cell(struct bd_line *l, enum bd_style st, const char *s, size_t len, int width,
		     enum bd_align align)
{
	struct sink k = {NULL, l, st};
	return put_fit(&k, s, len, width, align);
}

void bd_line_pad_to(struct bd_line *l, enum bd_style st, int width)
{
	struct sink k = {NULL, l, st};
	sink_spaces(&k, width - l->width);
}

/* Splits the span holding byte off so that a span starts there. */
static void split_at(struct bd_line *l, size_t off)
{
	for (size_t i = 0; i < l->nspans; i++) {
		struct bd_span *sp = &l->spans[i];
		if (off <= sp->off || off >= sp->off + sp->len)
			continue;
		if (l->nspans == l->cap) {
			l->cap = 2 * l->cap;
			l->spans = bd_xrealloc(l->spans, l->cap * sizeof(*l->spans));
			sp = &l->spans[i];
		}
		memmove(sp + 2, sp + 1, (l->nspans - i - 1) * sizeof(*sp));
		l->nspans++;
		int w = bd_text_width(l->text.data + sp->off, off - sp->off);
		sp[1] = (struct bd_span){off, sp->off + sp->len - off, sp->col + w, sp->width - w,
					 sp->style};
		sp->len = off - sp->off;
		sp->width = w;
		return;
	}
}

/* Joins neighbours that ended up with the same style. */
static void merge_spans(struct bd_line *l)
{
	size_t j = 0;
	for (size_t i = 0; i < l->nspans; i++) {
		if (j > 0 && l->spans[j - 1].style == l->spans[i].style) {
			l->spans[j - 1].len += l->spans[i].len;
			l->spans[j - 1].width += l->spans[i].width;
		} else {
			l->spans[j++] = l->spans[i];
		}
	}
	l->nspans = j;
}

void bd_line_restyle(struct bd_line *l, size_t off, size_t len, enum bd_style st)
{
	size_t end = off + len;
	if (off >= l->text.len || len == 0)
		return;
	if (end > l->text.len || end < off)
		end = l->text.len;
	/* Whole characters only: never split a UTF-8 sequence. */
	while (off > 0 && ((unsigned char)l->text.data[off] & 0xc0) == 0x80)
		off--;
	while (end < l->text.len && ((unsigned char)l->text.data[end] & 0xc0) == 0x80)
		end++;
	split_at(l, off);
	split_at(l, end);
	for (size_t i = 0; i < l->nspans; i++) {
		if (l->spans[i].off >= off && l->spans[i].off < end)
			l->spans[i].style = st;
	}
	merge_spans(l);
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

struct civil {
	int64_t year, day_number;
	int month, day, hour, minute;
};

static void to_civil(int64_t t, struct civil *c)
{
	int64_t days = t / 86400, rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &c->year, &c->month, &c->day);
	c->day_number = days;
	c->hour = (int)(rem / 3600);
	c->minute = (int)(rem / 60 % 60);
}

static void relative(int64_t t, int64_t now, char *buf, size_t n)
{
	int64_t d = now - t;
	bool future = d < 0;
	if (future)
		d = -d;
	if (d < 60) {
		snprintf(buf, n, "now");
		return;
	}
	static const struct {
		int64_t secs, below; /* unit length; used while d < below */
		const char *name;
	} units[] = {
		{60, 3600, "m"},
		{3600, 86400, "h"},
		{86400, 14 * 86400, "d"},
		{7 * 86400, 61 * 86400, "w"},
		{30 * 86400, 365 * 86400, "mo"},
		{365 * 86400, INT64_MAX, "y"},
	};
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (d < units[i].below) {
			long long v = (long long)(d / units[i].secs);
			if (future)
				snprintf(buf, n, "in %lld%s", v, units[i].name);
			else
				snprintf(buf, n, "%lld%s ago", v, units[i].name);
			return;
		}
	}
}

const char *bd_text_date(int64_t t, int64_t now, int utc_offset, enum bd_datefmt f, char *buf,
			 size_t n)
{
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct civil c, today;
	if (f == BD_DATE_RELATIVE) {
		relative(t, now, buf, n);
		return buf;
	}
	to_civil(t + utc_offset, &c);
	if (f == BD_DATE_COMPACT) {
		to_civil(now + utc_offset, &today);
		if (c.day_number == today.day_number)
			snprintf(buf, n, "%02d:%02d", c.hour, c.minute);
		else if (c.year == today.year)
			snprintf(buf, n, "%s %02d", months[c.month - 1], c.day);
		else
			snprintf(buf, n, "%04lld-%02d-%02d", (long long)c.year, c.month, c.day);
		return buf;
	}
	snprintf(buf, n, "%04lld-%02d-%02d %02d:%02d", (long long)c.year, c.month, c.day, c.hour,
		 c.minute);
	return buf;
}
