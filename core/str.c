/* str.c: byte-string helpers (see str.h). */
#include "str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bd_buf_init(struct bd_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void bd_buf_done(struct bd_buf *b)
{
	free(b->data);
	bd_buf_init(b);
}

void bd_buf_reset(struct bd_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void buf_reserve(struct bd_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = bd_xrealloc(b->data, cap);
	b->cap = cap;
}

void bd_buf_add(struct bd_buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void bd_buf_addc(struct bd_buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void bd_buf_adds(struct bd_buf *b, const char *s)
{
	bd_buf_add(b, s, strlen(s));
}

void bd_buf_printf(struct bd_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *bd_buf_take(struct bd_buf *b)
{
	char *p = b->data ? b->data : bd_xstrdup("");
	bd_buf_init(b);
	return p;
}

bool bd_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Rough frequency of a byte in notice text, per mille, letters counting
 * both cases (ruled lines make dashes and '=' common); 0 for the rare
 * rest (digits, most punctuation, bytes of other scripts). */
/* clang-format off */
static const unsigned char byte_weight[256] = {
	['a'] = 65, ['A'] = 65,
	['b'] = 12, ['B'] = 12,
	['c'] = 25, ['C'] = 25,
	['d'] = 30, ['D'] = 30,
	['e'] = 100, ['E'] = 100,
	['f'] = 20, ['F'] = 20,
	['g'] = 16, ['G'] = 16,
	['h'] = 40, ['H'] = 40,
	['i'] = 60, ['I'] = 60,
	['j'] = 2, ['J'] = 2,
	['k'] = 6, ['K'] = 6,
	['l'] = 35, ['L'] = 35,
	['m'] = 20, ['M'] = 20,
	['n'] = 60, ['N'] = 60,
	['o'] = 60, ['O'] = 60,
	['p'] = 17, ['P'] = 17,
	['q'] = 1, ['Q'] = 1,
	['r'] = 50, ['R'] = 50,
	['s'] = 55, ['S'] = 55,
	['t'] = 70, ['T'] = 70,
	['u'] = 25, ['U'] = 25,
	['v'] = 9, ['V'] = 9,
	['w'] = 15, ['W'] = 15,
	['x'] = 2, ['X'] = 2,
	['y'] = 14, ['Y'] = 14,
	['z'] = 1, ['Z'] = 1,
	[' '] = 180, ['-'] = 30, ['='] = 30, ['\n'] = 30, ['.'] = 12, ['*'] = 12,
	['_'] = 12, ['\t'] = 12,
};
/* clang-format on */

/* The rarest of the needle's first bytes: the one memchr looks for. */
static size_t anchor_of(const char *needle, size_t nlen)
{
	size_t k = 0, n = nlen < 24 ? nlen : 24;
	int best = 256;
	for (size_t i = 0; i < n && best; i++) {
		int w = byte_weight[(unsigned char)needle[i]];
		if (w < best) {
			best = w;
			k = i;
		}
	}
	return k;
}

const char *bd_memcasemem(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0)
		return hay;
	if (nlen > hlen)
		return NULL;
	/* Candidates are found with memchr (vectorised in libc) for each case
	 * of one byte of the needle: this runs on every message for every
	 * detector, so the byte is the needle's rarest in mail text (a letter
	 * costs two scans, one per case).  Markers such as "--- Below this
	 * line" would otherwise stop at every dash of a notice's ruled lines. */
	size_t k = anchor_of(needle, nlen);
	char lc = bd_lower(needle[k]);
	char uc = (lc >= 'a' && lc <= 'z') ? (char)(lc - 32) : lc;
	const char *start = hay + k;
	const char *end = hay + hlen - nlen + 1 + k;
	const char *pl = memchr(start, lc, (size_t)(end - start));
	const char *pu = uc != lc ? memchr(start, uc, (size_t)(end - start)) : NULL;
	while (pl || pu) {
		const char *p = (!pu || (pl && pl < pu)) ? pl : pu;
		const char *s = p - k;
		size_t i = 0;
		while (i < nlen && bd_lower(s[i]) == bd_lower(needle[i]))
			i++;
		if (i == nlen)
			return s;
		if (p == pl)
			pl = memchr(p + 1, lc, (size_t)(end - p - 1));
		else
			pu = memchr(p + 1, uc, (size_t)(end - p - 1));
	}
	return NULL;
}

const char *bd_strcasestr(const char *hay, const char *needle)
{
	return bd_memcasemem(hay, strlen(hay), needle, strlen(needle));
}

bool bd_startswith_ci(const char *s, const char *prefix)
{
	while (*prefix) {
		if (bd_lower(*s) != bd_lower(*prefix))
			return false;
		s++;
		prefix++;
	}
	return true;
}

bool bd_streq_ci(const char *a, const char *b)
{
	while (*a && *b) {
		if (bd_lower(*a) != bd_lower(*b))
			return false;
		a++;
		b++;
	}
	return *a == *b;
}

char *bd_str_lower(char *s)
{
	for (char *p = s; *p; p++)
		*p = bd_lower(*p);
	return s;
}

/* The lower case of a code point written in two UTF-8 bytes, or cp. */
static unsigned fold2(unsigned cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp & 1 ? cp + 1 : cp;
	if (cp == 0x178)
		return 0xFF;
	return cp;
}

void bd_fold_case(char *s, size_t len)
{
	unsigned char *u = (unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0x80) {
			s[i] = bd_lower(s[i]);
		} else if (u[i] >= 0xC2 && u[i] < 0xE0 && i + 1 < len &&
			   (u[i + 1] & 0xC0) == 0x80) {
			unsigned cp = fold2(((unsigned)(u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F));
			u[i] = (unsigned char)(0xC0 | cp >> 6);
			u[i + 1] = (unsigned char)(0x80 | (cp & 0x3F));
			i++;
		}
	}
}

char *bd_str_trim(char *s)
{
	while (bd_isspace(*s))
		s++;
	size_t n = strlen(s);
	while (n && bd_isspace(s[n - 1]))
		s[--n] = '\0';
	return s;
}

char *bd_str_squeeze(char *s)
{
	char *w = s;
	bool space = false;
	for (const char *r = s; *r; r++) {
		if (bd_isspace(*r)) {
			space = true;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

bool bd_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *llen)
{
	if (*pos >= len)
		return false;
	const char *start = text + *pos;
	const char *nl = memchr(start, '\n', len - *pos);
	size_t n = nl ? (size_t)(nl - start) : len - *pos;
	*line = start;
	*llen = n;
	*pos += n + (nl ? 1 : 0);
	return true;
}
