/* addr.c: address extraction and normalisation (see addr.h). */
#include "addr.h"

#include <string.h>

#include "str.h"

static bool local_char(unsigned char c)
{
	/* RFC 5322 atext plus '.', and any UTF-8 byte (RFC 6531). */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("!#$%&'*+-/=?^_`{|}~.", c) != NULL || c >= 0x80;
}

static bool domain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '[' || c == ']' || c == ':' || c >= 0x80;
}

const char *bd_addr_domain(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	return at ? at + 1 : "";
}

bool bd_addr_valid(const char *addr)
{
	if (!addr)
		return false;
	const char *at = strrchr(addr, '@');
	if (!at || at == addr || !at[1])
		return false;
	/* A quoted local part (RFC 5321 4.1.2) may hold any printable
	 * character, '@' among them: "billing@dept"@example.com. */
	bool quoted = addr[0] == '"' && at - addr >= 2 && at[-1] == '"';
	for (const char *p = addr; p < at; p++) {
		bool bad = quoted ? ((unsigned char)*p < ' ' || *p == 0x7f) :
				    (!local_char((unsigned char)*p) && *p != '"' && *p != ' ');
		if (bad)
			return false;
	}
	const char *d = at + 1;
	if (d[0] == '[')
		return strchr(d, ']') != NULL;
	if (!strchr(d, '.') && !bd_streq_ci(d, "localhost"))
		return false;
	for (const char *p = d; *p; p++) {
		if (!domain_char((unsigned char)*p) || *p == '[' || *p == ']')
			return false;
	}
	return d[strlen(d) - 1] != '.' && d[0] != '.';
}

/* Does s[0..n) start with a quoted local part: '"..."@'? */
static bool quoted_local(const char *s, size_t n)
{
	if (n < 4 || s[0] != '"')
		return false;
	const char *q = memchr(s + 1, '"', n - 1);
	return q && q + 1 < s + n && q[1] == '@';
}

/* Is s[0..n) a dot-atom: atext runs joined by single dots? */
static bool dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!local_char((unsigned char)s[i]) || (s[i] == '.' && s[i + 1] == '.'))
			return false;
	}
	return true;
}

/* Does s[0..n) end with the ']' of an address literal, "@[192.0.2.1]" or
 * "@[IPv6:2001:db8::1]" (RFC 5321 4.1.3)? */
static bool literal_end(const char *s, size_t n)
{
	if (n < 4 || s[n - 1] != ']')
		return false;
	for (size_t i = n - 1; i-- > 1;) {
		if (s[i] == '[')
			return s[i - 1] == '@';
		if (s[i] == ']' || !domain_char((unsigned char)s[i]))
			return false;
	}
	return false;
}

char *bd_addr_normalize(struct bd_arena *a, const char *s, size_t n)
{
	while (n && (bd_isspace(*s) || *s == '<' || *s == '(' || *s == '[' || *s == '\'' ||
		     (*s == '"' && !quoted_local(s, n)) || *s == ':'))
		s++, n--;
	/* Drop "rfc822;" and similar address-type prefixes. */
	const char *semi = memchr(s, ';', n);
	if (semi && (size_t)(semi - s) < 16 && !memchr(s, '@', (size_t)(semi - s))) {
		n -= (size_t)(semi + 1 - s);
		s = semi + 1;
		while (n && (bd_isspace(*s) || *s == '<' || *s == '"'))
			s++, n--;
	}
	if (n > 7 && bd_startswith_ci(s, "mailto:")) {
		s += 7;
		n -= 7;
	}
	while (n && (bd_isspace(s[n - 1]) || strchr(">)]'\".,;:", s[n - 1]))) {
		if (s[n - 1] == ']' && literal_end(s, n))
			break;
		n--;
	}
	/* "<a@b>" inside a longer span: keep what the brackets hold. */
	const char *lt = memchr(s, '<', n);
	if (lt) {
		const char *gt = memchr(lt, '>', n - (size_t)(lt - s));
		size_t k = gt ? (size_t)(gt - lt - 1) : n - (size_t)(lt - s) - 1;
		s = lt + 1;
		n = k;
	}
	if (n == 0 || n > 320)
		return NULL;
	if (n > 2 && s[0] == '"' && quoted_local(s, n)) {
		/* A quoted local part keeps its quotes when what they hold is no
		 * dot-atom (RFC 5322 3.4.1): "a..b"@x stays as it is. */
		const char *q = memchr(s + 1, '"', n - 1);
		if (!dot_atom(s + 1, (size_t)(q - s - 1))) {
			char *r = bd_arena_strndup(a, s, n);
			bd_str_lower(r);
			return bd_addr_valid(r) ? r : NULL;
		}
	}
	char *r = bd_arena_strndup(a, s, n);
	/* Other quotes go: "john"@x -> john@x. */
	size_t w = 0;
	for (size_t i = 0; r[i]; i++) {
		if (r[i] != '"')
			r[w++] = bd_lower(r[i]);
	}
	r[w] = '\0';
	return bd_addr_valid(r) ? r : NULL;
}

/* Is the code point cp a space or a mark of punctuation, of the kind that
 * sits between words in prose (U+00A0, U+2000-U+206F general punctuation,
 * U+3000-U+303F CJK symbols and punctuation, the full-width ASCII
 * punctuation of U+FF00-U+FF65)?  RFC 6531 lets a local part hold any
 * UTF-8, but a Japanese notice writes "宛先：　user@example.jp" with a
 * full-width colon and an ideographic space before the address. */
static bool prose_cp(unsigned cp)
{
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))
		return true;
	if (cp >= 0xFF00 && cp <= 0xFF65)
		return !((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
			 (cp >= 0xFF41 && cp <= 0xFF5A));
	return false;
}

/* The length of the UTF-8 sequence at s[0..n) when it encodes a prose
 * space or punctuation mark, else 0. */
static size_t prose_utf8(const unsigned char *s, size_t n)
{
	unsigned cp;
	size_t k;
	if (n >= 2 && (s[0] & 0xE0) == 0xC0)
		cp = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F), k = 2;
	else if (n >= 3 && (s[0] & 0xF0) == 0xE0)
		cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F),
		k = 3;
	else
		return 0;
	for (size_t j = 1; j < k; j++) {
		if ((s[j] & 0xC0) != 0x80)
			return 0;
	}
	return prose_cp(cp) ? k : 0;
}

/* Korean, Japanese and Chinese prose writes its particles straight after an
 * address ("user@example.kr에게", "user@example.jpへ"): a Hangul, kana or
 * Han character right after a label of ASCII letters and digits that
 * follows a dot (a top-level domain, "example.kr") is the prose's, as no
 * registry mixes those scripts in one top-level label. */
static bool cjk_utf8(const unsigned char *s, size_t n)
{
	if (n < 3 || (s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return false;
	unsigned cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool prose_after_label(const char *text, size_t at, size_t e, size_t len)
{
	if (!cjk_utf8((const unsigned char *)text + e, len - e))
		return false;
	size_t l = e;
	while (l > at + 1 && ((text[l - 1] >= 'a' && text[l - 1] <= 'z') ||
			      (text[l - 1] >= 'A' && text[l - 1] <= 'Z') ||
			      (text[l - 1] >= '0' && text[l - 1] <= '9') || text[l - 1] == '-'))
		l--;
	return l < e && l > at + 1 && text[l - 1] == '.';
}

/* Does a prose space or punctuation mark end just before text[b]? */
static bool prose_before(const char *text, size_t b)
{
	for (size_t k = 2; k <= 3 && k <= b; k++) {
		if (prose_utf8((const unsigned char *)text + b - k, k) == k)
			return true;
	}
	return false;
}

char *bd_addr_next(struct bd_arena *a, const char *text, size_t len, size_t *pos, size_t *start,
		   size_t *end)
{
	size_t i = *pos;
	while (i < len) {
		const char *at = memchr(text + i, '@', len - i);
		if (!at)
			break;
		size_t ai = (size_t)(at - text);
		size_t b = ai;
		while (b > 0 && local_char((unsigned char)text[b - 1]) && !prose_before(text, b))
			b--;
		size_t e = ai + 1;
		while (e < len && domain_char((unsigned char)text[e]) &&
		       !prose_utf8((const unsigned char *)text + e, len - e) &&
		       !prose_after_label(text, ai, e, len))
			e++;
		/* An address literal ends at its ']'. */
		if (e > ai + 1 && text[ai + 1] == '[') {
			const char *rb = memchr(text + ai + 1, ']', e - ai - 1);
			if (rb)
				e = (size_t)(rb - text) + 1;
		}
		/* Trailing dots and colons belong to the prose, not the domain. */
		while (e > ai + 1 && (text[e - 1] == '.' || text[e - 1] == ':' ||
				      (text[e - 1] == ']' && text[ai + 1] != '[')))
			e--;
		/* A quoted local part: back to its opening quote. */
		if (b == ai && ai > 1 && text[ai - 1] == '"') {
			size_t q = ai - 1;
			while (q > 0 && text[q - 1] != '"' && text[q - 1] != '<' &&
			       text[q - 1] != '\n')
				q--;
			if (q > 0 && text[q - 1] == '"')
				b = q - 1;
		}
		/* Leading dots are prose too. */
		while (b < ai && text[b] == '.')
			b++;
		if (b < ai && e > ai + 1) {
			char *addr = bd_addr_normalize(a, text + b, e - b);
			if (addr) {
				size_t s0 = b, e0 = e;
				if (s0 > 0 && text[s0 - 1] == '<')
					s0--;
				if (e0 < len && text[e0] == '>')
					e0++;
				*start = s0;
				*end = e0;
				*pos = e0;
				return addr;
			}
		}
		i = ai + 1;
	}
	*pos = len;
	return NULL;
}

char *bd_addr_first(struct bd_arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t pos = 0, st, en;
	return bd_addr_next(a, s, strlen(s), &pos, &st, &en);
}

/* ezmlm's return paths (ezmlm-return(1)): "LIST-return-MSG-box=domain" for
 * a distribution bounce, "LIST-return-warn-COOKIE-box=domain" and
 * "LIST-return-probe-COOKIE-box=domain" for its warnings and probes.  The
 * encoded address follows the message number or the cookie; returns where
 * it starts, or NULL when the local part [p, end) is no such path. */
static const char *ezmlm_box(const char *p, const char *end)
{
	static const char tag[] = "-return-";
	size_t n = sizeof(tag) - 1;
	for (; p + n < end; p++) {
		if (!bd_startswith_ci(p, tag))
			continue;
		const char *q = p + n;
		if (bd_startswith_ci(q, "warn-") || bd_startswith_ci(q, "probe-")) {
			q = memchr(q, '-', (size_t)(end - q));
			q = q ? memchr(q + 1, '-', (size_t)(end - q - 1)) : NULL;
			return q ? q + 1 : NULL;
		}
		const char *d = q;
		while (d < end && *d >= '0' && *d <= '9')
			d++;
		if (d > q && d < end && *d == '-')
			return d + 1;
	}
	return NULL;
}

/* mlmmj's return paths (its bouncemail()): "LIST+bounces-box=domain-NUM"
 * for a distribution bounce, NUM the message's number, or "-probe" for its
 * probe.  p is where the encoded part starts after the '+', eq its '=' for
 * the '@', *dend the end of the local part; returns where the box starts
 * and moves *dend back to the end of the domain, or returns p unchanged. */
static const char *mlmmj_box(const char *p, const char *eq, const char **dend)
{
	static const char tag[] = "bounces-";
	size_t n = sizeof(tag) - 1;
	if ((size_t)(eq - p) <= n || !bd_startswith_ci(p, tag))
		return p;
	const char *dash = NULL;
	for (const char *q = *dend; q > eq + 1; q--) {
		if (q[-1] == '-') {
			dash = q - 1;
			break;
		}
	}
	if (!dash || dash + 1 >= *dend || dash <= eq + 1)
		return p;
	bool num = true;
	for (const char *q = dash + 1; q < *dend; q++)
		num = num && *q >= '0' && *q <= '9';
	if (!num && !((size_t)(*dend - dash - 1) == 5 && bd_startswith_ci(dash + 1, "probe")))
		return p;
	*dend = dash;
	return p + n;
}

static char *verp_decode(struct bd_arena *a, const char *addr, bool dash_first)
{
	if (!addr)
		return NULL;
	const char *at = strrchr(addr, '@');
	if (!at)
		return NULL;
	/* Sender Rewriting Scheme addresses ("SRS0=HASH=TT=domain=local@fwd",
	 * "SRS1=...") encode the original envelope sender for a forwarder,
	 * not a recipient. */
	if (bd_startswith_ci(addr, "SRS0=") || bd_startswith_ci(addr, "SRS1=") ||
	    bd_startswith_ci(addr, "SRS0+") || bd_startswith_ci(addr, "SRS0-") ||
	    bd_startswith_ci(addr, "SRS1+") || bd_startswith_ci(addr, "SRS1-"))
		return NULL;
	/* The encoded part has exactly one '=' standing for the recipient's
	 * '@' (the last one), and follows the separator: the first '+' of the
	 * local part (Postfix, Mailman: "list-bounces+local=domain"), else an
	 * ezmlm return path, else the first '-' ("bounce-local=domain"). */
	const char *eq = NULL;
	for (const char *p = at - 1; p > addr; p--) {
		if (*p == '=') {
			eq = p;
			break;
		}
	}
	if (!eq)
		return NULL;
	const char *start = NULL;
	const char *plus = memchr(addr, '+', (size_t)(eq - addr));
	const char *dash = memchr(addr, '-', (size_t)(eq - addr));
	if (plus && !(dash_first && dash && dash < plus))
		start = plus + 1;
	if (!start)
		start = ezmlm_box(addr, eq);
	if (!start)
		start = dash ? dash + 1 : NULL;
	if (!start || eq <= start || eq + 1 >= at)
		return NULL;
	const char *dend = at;
	if (start == plus + 1)
		start = mlmmj_box(start, eq, &dend);
	char *r = bd_arena_printf(a, "%.*s@%.*s", (int)(eq - start), start, (int)(dend - eq - 1),
				  eq + 1);
	bd_str_lower(r);
	return bd_addr_valid(r) ? r : NULL;
}
char *bd_addr_verp_decode(struct bd_arena *a, const char *addr)
{
	return verp_decode(a, addr, false);
}

char *bd_addr_verp_decode_dash(struct bd_arena *a, const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	const char *plus = at ? memchr(addr, '+', (size_t)(at - addr)) : NULL;
	const char *dash = plus ? memchr(addr, '-', (size_t)(plus - addr)) : NULL;
	return dash ? verp_decode(a, addr, true) : NULL;
}
