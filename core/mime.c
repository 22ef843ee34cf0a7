/* mime.c: lenient MIME parser (see mime.h). */
#include "mime.h"

#include <string.h>

#include "str.h"

char *bd_mime_normalize_eol(struct bd_arena *a, const char *in, size_t len, size_t *outlen)
{
	char *out = bd_arena_alloc(a, len + 1);
	size_t o = 0, i = 0;
	/* Copy the runs between CRs whole: most mail has none or one a line. */
	while (i < len) {
		const char *cr = memchr(in + i, '\r', len - i);
		size_t run = cr ? (size_t)(cr - (in + i)) : len - i;
		memcpy(out + o, in + i, run);
		o += run;
		i += run;
		if (!cr)
			break;
		out[o++] = '\n';
		i++;
		if (i < len && in[i] == '\n')
			i++;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static bool is_header_name_char(char c)
{
	return c > 32 && c < 127 && c != ':';
}

/* Length of a header name at line[0..n) followed by ':', or 0. */
static size_t header_name_len(const char *line, size_t n)
{
	size_t i = 0;
	while (i < n && is_header_name_char(line[i]))
		i++;
	size_t name = i;
	/* Tolerate "Name :" as some old MTAs write it. */
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (name == 0 || i >= n || line[i] != ':')
		return 0;
	return name;
}

void bd_headers_parse(struct bd_arena *a, const char *data, size_t len, struct bd_headers *h,
		      size_t *consumed)
{
	size_t pos = 0, cap = 0;
	const char *line;
	size_t llen;
	struct bd_buf val;
	bd_buf_init(&val);
	h->v = NULL;
	h->n = 0;
	const char *name = NULL;
	size_t name_len = 0;
	bool first = true;

	for (;;) {
		size_t before = pos;
		bool have = bd_next_line(data, len, &pos, &line, &llen);
		bool cont = have && llen > 0 && (line[0] == ' ' || line[0] == '\t');
		if (have && cont && name) {
			/* Unfold: the line break goes, the white space stays (RFC 5322 2.2.3). */
			bd_buf_add(&val, line, llen);
			continue;
		}
		if (name) {
			if (h->n == cap) {
				cap = cap ? cap * 2 : 16;
				struct bd_header *nv = bd_arena_alloc(a, cap * sizeof(*nv));
				if (h->n)
					memcpy(nv, h->v, h->n * sizeof(*nv));
				h->v = nv;
			}
			const char *v = val.data ? val.data : "";
			while (*v == ' ' || *v == '\t')
				v++;
			size_t vl = strlen(v);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				vl--;
			h->v[h->n].name = bd_arena_strndup(a, name, name_len);
			h->v[h->n].value = bd_arena_strndup(a, v, vl);
			h->n++;
			name = NULL;
		}
		if (!have)
			break;
		if (llen == 0)
			break; /* the empty line ends the header block */
		if (first && llen > 5 && memcmp(line, "From ", 5) == 0) {
			first = false; /* an mbox separator line, not a header */
			continue;
		}
		first = false;
		if (cont)
			continue; /* continuation without a header: skip it */
		size_t nl = header_name_len(line, llen);
		if (!nl) {
			/* Not a header: the body starts here without an empty line. */
			pos = before;
			break;
		}
		name = line;
		name_len = nl;
		const char *colon = memchr(line, ':', llen);
		bd_buf_reset(&val);
		bd_buf_add(&val, colon + 1, llen - (size_t)(colon + 1 - line));
	}
	bd_buf_done(&val);
	*consumed = pos;
}

const char *bd_headers_get(const struct bd_headers *h, const char *name)
{
	/* Most names differ in their first letter: test it before the rest. */
	char first = bd_lower(name[0]);
	for (size_t i = 0; i < h->n; i++) {
		if (bd_lower(h->v[i].name[0]) == first && bd_streq_ci(h->v[i].name, name))
			return h->v[i].value;
	}
	return NULL;
}

/* ---- encoded words (RFC 2047) ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t bd_base64_decode(const char *in, size_t len, char *out)
{
	static signed char tab[256];
	static bool ready;
	if (!ready) {
		/* Built once; constant afterwards, so safe as a static. */
		memset(tab, -1, sizeof(tab));
		const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		for (int i = 0; i < 64; i++)
			tab[(unsigned char)al[i]] = (signed char)i;
		tab['-'] = 62; /* base64url, seen in broken encoders */
		tab['_'] = 63;
		ready = true;
	}
	unsigned acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '=')
			break;
		int v = tab[c];
		if (v < 0)
			continue; /* line breaks and junk are skipped */
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xFF);
		}
	}
	return o;
}

size_t bd_qp_decode(const char *in, size_t len, char *out, bool header)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (header && c == '_') {
			out[o++] = ' ';
		} else if (c == '=') {
			if (i + 2 < len && hexval(in[i + 1]) >= 0 && hexval(in[i + 2]) >= 0) {
				out[o++] = (char)(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
				i += 2;
			} else if (i + 1 < len && in[i + 1] == '\n') {
				i++; /* soft line break */
			} else {
				/* "=" followed by trailing blanks then a line break is a soft break too. */
				size_t j = i + 1;
				while (j < len && (in[j] == ' ' || in[j] == '\t'))
					j++;
				if (j < len && in[j] == '\n' && j > i + 1)
					i = j;
				else
					out[o++] = c;
			}
		} else {
			out[o++] = c;
		}
	}
	return o;
}

/* Decodes one "=?cs?e?text?=" at s; returns its length or 0 if not one. */
static size_t encoded_word(struct bd_mime *m, const char *s, struct bd_buf *out)
{
	if (s[0] != '=' || s[1] != '?')
		return 0;
	const char *cs = s + 2;
	const char *q1 = strchr(cs, '?');
	if (!q1 || q1 - cs > 60 || q1 == cs)
		return 0;
	char enc = bd_lower(q1[1]);
	if ((enc != 'b' && enc != 'q') || q1[2] != '?')
		return 0;
	const char *text = q1 + 3;
	const char *end = strstr(text, "?=");
	if (!end)
		return 0;
	for (const char *p = text; p < end; p++) {
		if (*p == ' ' || *p == '\t')
			return 0; /* encoded words contain no white space */
	}
	char charset[64];
	size_t cl = (size_t)(q1 - cs);
	memcpy(charset, cs, cl);
	charset[cl] = '\0';
	char *star = strchr(charset, '*'); /* RFC 2231 language suffix */
	if (star)
		*star = '\0';
	size_t tl = (size_t)(end - text);
	char *raw = bd_arena_alloc(m->arena, tl + 1);
	size_t rl =
		enc == 'b' ? bd_base64_decode(text, tl, raw) : bd_qp_decode(text, tl, raw, true);
	size_t ul;
	char *utf = bd_to_utf8(m->cs, m->arena, charset, raw, rl, &ul);
	bd_buf_add(out, utf, ul);
	return (size_t)(end + 2 - s);
}

static bool has_iso2022_escape(const char *s)
{
	return strstr(s, "\x1b$B") || strstr(s, "\x1b$@") || strstr(s, "\x1b(J");
}

char *bd_mime_decode_header(struct bd_mime *m, const char *value)
{
	if (!value)
		return NULL;
	struct bd_buf out;
	bd_buf_init(&out);
	const char *p = value;
	bool last_was_word = false;
	while (*p) {
		if (p[0] == '=' && p[1] == '?') {
			size_t n = encoded_word(m, p, &out);
			if (n) {
				p += n;
				last_was_word = true;
				/* White space between two encoded words is dropped (RFC 2047 6.2). */
				const char *q = p;
				while (*q == ' ' || *q == '\t')
					q++;
				if (q[0] == '=' && q[1] == '?' && q != p) {
					struct bd_buf probe;
					bd_buf_init(&probe);
					size_t n2 = encoded_word(m, q, &probe);
					bd_buf_done(&probe);
					if (n2)
						p = q;
				}
				continue;
			}
		}
		last_was_word = false;
		bd_buf_addc(&out, *p++);
	}
	(void)last_was_word;
	char *res;
	size_t n = out.len;
	const char *src = out.data ? out.data : "";
	if (has_iso2022_escape(src))
		res = bd_to_utf8(m->cs, m->arena, "iso-2022-jp", src, n, NULL);
	else
		res = bd_utf8_sanitize(m->arena, src, n, NULL);
	bd_buf_done(&out);
	return res;
}

/* ---- parameters (RFC 2045 5.1, RFC 2231) ---- */

/* Reads a token or quoted string at *pp into buf; advances *pp. */
static void read_param_value(const char **pp, struct bd_buf *buf)
{
	const char *p = *pp;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '"') {
		p++;
		while (*p && *p != '"') {
			if (*p == '\\' && p[1])
				p++;
			bd_buf_addc(buf, *p++);
		}
		if (*p == '"')
			p++;
	} else {
		while (*p && *p != ';' && *p != ' ' && *p != '\t')
			bd_buf_addc(buf, *p++);
	}
	*pp = p;
}

static void pct_decode(struct bd_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			bd_buf_addc(out, (char)(hexval(s[1]) * 16 + hexval(s[2])));
			s += 2;
		} else {
			bd_buf_addc(out, *s);
		}
	}
}

const char *bd_header_param(struct bd_mime *m, const char *value, const char *name)
{
	if (!value)
		return NULL;
	size_t nlen = strlen(name);
	const char *p = strchr(value, ';');
	struct bd_buf plain, ext, v;
	bd_buf_init(&plain);
	bd_buf_init(&ext);
	bd_buf_init(&v);
	bool have_plain = false, have_ext = false, ext_encoded = false;
	char charset[64] = "";
	while (p && *p) {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		const char *key = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		if (*p != '=')
			continue;
		size_t klen = (size_t)(p - key);
		while (klen && (key[klen - 1] == ' ' || key[klen - 1] == '\t'))
			klen--;
		p++;
		bd_buf_reset(&v);
		read_param_value(&p, &v);
		while (*p && *p != ';')
			p++;
		if (klen < nlen || !bd_startswith_ci(key, name))
			continue;
		const char *rest = key + nlen;
		size_t rlen = klen - nlen;
		const char *val = v.data ? v.data : "";
		if (rlen == 0) {
			if (!have_plain) {
				bd_buf_adds(&plain, val);
				have_plain = true;
			}
		} else if (rest[0] == '*') {
			/* name* (whole, encoded), name*N (section), name*N* (encoded section).
			 * Sections are assumed in order, as every real sender writes them. */
			bool encoded = rest[rlen - 1] == '*';
			bool first_section = rlen == 1 || (rlen >= 2 && rest[1] == '0' &&
							   (rlen == 2 || rest[2] == '*'));
			if (encoded && first_section) {
				/* charset'language'value */
				const char *q1 = strchr(val, '\'');
				const char *q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
				if (q1 && q2) {
					size_t cl = (size_t)(q1 - val);
					if (cl < sizeof(charset)) {
						memcpy(charset, val, cl);
						charset[cl] = '\0';
					}
					val = q2 + 1;
				}
				ext_encoded = true;
			}
			if (encoded)
				pct_decode(&ext, val);
			else
				bd_buf_adds(&ext, val);
			have_ext = true;
		}
	}
	const char *res = NULL;
	if (have_ext) {
		if (ext_encoded && charset[0])
			res = bd_to_utf8(m->cs, m->arena, charset, ext.data ? ext.data : "",
					 ext.len, NULL);
		else
			res = bd_utf8_sanitize(m->arena, ext.data ? ext.data : "", ext.len, NULL);
	} else if (have_plain) {
		res = bd_mime_decode_header(m, plain.data ? plain.data : "");
	}
	bd_buf_done(&plain);
	bd_buf_done(&ext);
	bd_buf_done(&v);
	return res;
}

/* ---- structure ---- */

static const char *lower_token(struct bd_arena *a, const char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = 0;
	while (s[n] && s[n] != ';' && s[n] != ' ' && s[n] != '\t' && s[n] != '(')
		n++;
	char *r = bd_arena_strndup(a, s, n);
	return bd_str_lower(r);
}

static void parse_body(struct bd_mime *m, struct bd_part *p);

static struct bd_part *parse_entity(struct bd_mime *m, const char *data, size_t len, int depth,
				    struct bd_part *parent, bool headers_only)
{
	struct bd_part *p = bd_arena_alloc(m->arena, sizeof(*p));
	memset(p, 0, sizeof(*p));
	p->parent = parent;
	p->depth = depth;
	m->nparts++;
	size_t used = 0;
	bd_headers_parse(m->arena, data, len, &p->hdr, &used);
	p->raw = data + used;
	p->raw_len = headers_only ? 0 : len - used;
	const char *ct = bd_headers_get(&p->hdr, "Content-Type");
	const char *type = ct ? lower_token(m->arena, ct) : NULL;
	if (!type || !strchr(type, '/')) {
		bool digest =
			parent && parent->type && strcmp(parent->type, "multipart/digest") == 0;
		type = digest ? "message/rfc822" : "text/plain";
	}
	p->type = type;
	if (ct) {
		const char *cs = bd_header_param(m, ct, "charset");
		p->charset = cs ? bd_str_lower(bd_arena_strdup(m->arena, cs)) : NULL;
		if (strncmp(type, "multipart/", 10) == 0)
			p->boundary = bd_header_param(m, ct, "boundary");
	}
	const char *cte = bd_headers_get(&p->hdr, "Content-Transfer-Encoding");
	p->encoding = cte ? lower_token(m->arena, cte) : NULL;
	if (!headers_only)
		parse_body(m, p);
	return p;
}

static bool limit_hit(struct bd_mime *m, int depth)
{
	if (depth > m->max_depth) {
		if (!m->error)
			m->error = bd_arena_printf(m->arena, "MIME nesting deeper than %d levels",
						   m->max_depth);
		return true;
	}
	if (m->nparts >= m->max_parts) {
		if (!m->error)
			m->error =
				bd_arena_printf(m->arena, "more than %zu MIME parts", m->max_parts);
		return true;
	}
	return false;
}

/* Is line[0..n) a delimiter "--boundary" (close set when "--boundary--")? */
static bool is_delimiter(const char *line, size_t n, const char *b, size_t bl, bool *close)
{
	if (n < bl + 2 || line[0] != '-' || line[1] != '-' || memcmp(line + 2, b, bl) != 0)
		return false;
	const char *rest = line + 2 + bl;
	size_t rn = n - 2 - bl;
	*close = rn >= 2 && rest[0] == '-' && rest[1] == '-';
	size_t i = *close ? 2 : 0;
	/* Only white space may follow (RFC 2046 5.1.1 transport padding). */
	for (; i < rn; i++) {
		if (rest[i] != ' ' && rest[i] != '\t')
			return false;
	}
	return true;
}

static void add_child(struct bd_part *parent, struct bd_part *child, struct bd_part **last)
{
	if (*last)
		(*last)->next = child;
	else
		parent->child = child;
	*last = child;
}

static void parse_multipart(struct bd_mime *m, struct bd_part *p)
{
	const char *b = p->boundary;
	size_t bl = strlen(b);
	const char *data = p->raw;
	size_t len = p->raw_len;
	size_t pos = 0;
	const char *line;
	size_t llen;
	const char *part_start = NULL;
	struct bd_part *last = NULL;
	bool closed = false;
	while (bd_next_line(data, len, &pos, &line, &llen)) {
		bool close;
		if (!is_delimiter(line, llen, b, bl, &close))
			continue;
		if (part_start) {
			/* The line break before the delimiter belongs to the delimiter. */
			size_t plen = (size_t)(line - part_start);
			if (plen && part_start[plen - 1] == '\n')
				plen--;
			if (limit_hit(m, p->depth + 1))
				return;
			add_child(p, parse_entity(m, part_start, plen, p->depth + 1, p, false),
				  &last);
		}
		if (close) {
			closed = true;
			break;
		}
		part_start = data + pos;
	}
	if (!closed && part_start && part_start < data + len) {
		/* Missing close delimiter: the last part runs to the end. */
		if (limit_hit(m, p->depth + 1))
			return;
		add_child(p,
			  parse_entity(m, part_start, (size_t)(data + len - part_start),
				       p->depth + 1, p, false),
			  &last);
	}
}

static void parse_body(struct bd_mime *m, struct bd_part *p)
{
	if (strncmp(p->type, "multipart/", 10) == 0) {
		if (p->boundary && *p->boundary)
			parse_multipart(m, p);
		/* A multipart whose boundary never appears keeps its body as text. */
		if (!p->child)
			p->type = "text/plain";
		return;
	}
	bool is_msg = strcmp(p->type, "message/rfc822") == 0 ||
		      strcmp(p->type, "message/global") == 0 ||
		      strcmp(p->type, "message/partial") == 0;
	bool is_hdrs = strcmp(p->type, "text/rfc822-headers") == 0 ||
		       strcmp(p->type, "message/global-headers") == 0 ||
		       strcmp(p->type, "message/rfc822-headers") == 0;
	if (!is_msg && !is_hdrs)
		return;
	if (limit_hit(m, p->depth + 1))
		return;
	size_t len;
	const char *body = bd_part_decoded(m, p, &len);
	p->child = parse_entity(m, body, len, p->depth + 1, p, is_hdrs);
}

struct bd_part *bd_mime_parse(struct bd_mime *m, const char *data, size_t len)
{
	m->nparts = 0;
	m->error = NULL;
	return parse_entity(m, data, len, 0, NULL, false);
}

const char *bd_part_decoded(struct bd_mime *m, struct bd_part *p, size_t *len)
{
	if (!p->decoded) {
		const char *enc = p->encoding ? p->encoding : "";
		if (strcmp(enc, "base64") == 0) {
			char *out = bd_arena_alloc(m->arena, p->raw_len + 1);
			p->decoded_len = bd_base64_decode(p->raw, p->raw_len, out);
			out[p->decoded_len] = '\0';
			p->decoded = out;
		} else if (strcmp(enc, "quoted-printable") == 0) {
			char *out = bd_arena_alloc(m->arena, p->raw_len + 1);
			p->decoded_len = bd_qp_decode(p->raw, p->raw_len, out, false);
			out[p->decoded_len] = '\0';
			p->decoded = out;
		} else {
			p->decoded = p->raw;
			p->decoded_len = p->raw_len;
		}
		/* Decoded content may carry its own CR LF pairs (base64 of DOS text). */
		if (p->decoded != p->raw && memchr(p->decoded, '\r', p->decoded_len)) {
			size_t n;
			p->decoded =
				bd_mime_normalize_eol(m->arena, p->decoded, p->decoded_len, &n);
			p->decoded_len = n;
		}
	}
	*len = p->decoded_len;
	return p->decoded;
}

const char *bd_part_text(struct bd_mime *m, struct bd_part *p, size_t *len)
{
	if (!p->text) {
		size_t dl;
		const char *d = bd_part_decoded(m, p, &dl);
		const char *cs = p->charset;
		if (!cs && bd_iso2022jp_shift(d, dl))
			cs = "iso-2022-jp";
		size_t tl;
		char *t = bd_to_utf8(m->cs, m->arena, cs, d, dl, &tl);
		if (strcmp(p->type, "text/html") == 0)
			t = bd_html_to_text(m->arena, t, tl, &tl);
		p->text = t;
		p->text_len = tl;
	}
	*len = p->text_len;
	return p->text;
}

struct bd_part *bd_part_walk_next(struct bd_part *p)
{
	if (p->child)
		return p->child;
	while (p) {
		if (p->next)
			return p->next;
		p = p->parent;
	}
	return NULL;
}

/* ---- HTML to text ---- */

static const struct {
	const char *name;
	const char *utf8;
} entities[] = {
	{"amp", "&"},
	{"lt", "<"},
	{"gt", ">"},
	{"quot", "\""},
	{"apos", "'"},
	{"nbsp", " "},
	{"rsquo", "'"},
	{"lsquo", "'"},
	{"ldquo", "\""},
	{"rdquo", "\""},
	{"ndash", "-"},
	{"mdash", "-"},
	{"hellip", "..."},
	{"middot", "\xc2\xb7"},
	{"copy", "\xc2\xa9"},
	{"eacute", "\xc3\xa9"},
	{"egrave", "\xc3\xa8"},
	{"ecirc", "\xc3\xaa"},
	{"agrave", "\xc3\xa0"},
	{"ccedil", "\xc3\xa7"},
	{"ocirc", "\xc3\xb4"},
	{"auml", "\xc3\xa4"},
	{"ouml", "\xc3\xb6"},
	{"uuml", "\xc3\xbc"},
	{"Auml", "\xc3\x84"},
	{"Ouml", "\xc3\x96"},
	{"Uuml", "\xc3\x9c"},
	{"szlig", "\xc3\x9f"},
	{"ntilde", "\xc3\xb1"},
	{"aacute", "\xc3\xa1"},
	{"iacute", "\xc3\xad"},
	{"oacute", "\xc3\xb3"},
	{"uacute", "\xc3\xba"},
};

/* The text a numeric character reference stands for.  A no-break space
 * (&#160;) is a space and a typographic apostrophe (&#8217;) an
 * apostrophe to the rules, as "&nbsp;" and "&apos;" are: an HTML notice
 * writes "550&#160;5.1.1" and "d&#8217;origine" where its text part has
 * plain ones. */
static unsigned plain_codepoint(unsigned cp)
{
	if (cp == 0xA0 || cp == 0x202F || cp == 0x2007)
		return ' ';
	if (cp == 0x2018 || cp == 0x2019)
		return '\'';
	return cp;
}

static void put_codepoint(struct bd_buf *out, unsigned cp)
{
	char b[4];
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		bd_buf_addc(out, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		bd_buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		bd_buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		bd_buf_add(out, b, 4);
	}
}

static bool tag_is(const char *tag, size_t n, const char *name)
{
	size_t k = strlen(name);
	if (n < k || !bd_startswith_ci(tag, name))
		return false;
	return n == k || tag[k] == ' ' || tag[k] == '>' || tag[k] == '/' || tag[k] == '\t' ||
	       tag[k] == '\n';
}

/* Line breaks in HTML source are white space like any other: outside <pre>
 * a run of it is one space, and only the tags that break a line (<br>, <p>,
 * <div>, ...) start a new one.  Else the newline a generator puts after each
 * "<br>" would turn every line break into a paragraph break. */
static void trim_spaces(struct bd_buf *out)
{
	while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
		out->len--;
}

/* A table row of two cells whose first is a short label ("<td>Recipient
 * </td><td>kim@example.net</td>", "<td>받는 사람</td><td>...</td>") reads
 * as the "Label: value" line a plain-text notice would have written; a
 * row of one cell, of three or more (a layout), or whose first cell is a
 * sentence, an address or already ends in a colon, stays as it is. */
struct html_row {
	size_t start;     /* where the row's text begins in the output */
	size_t first_end; /* where its first cell's text ends */
	int cells;
};

static void row_done(struct bd_buf *out, struct html_row *row)
{
	size_t from = row->start;
	while (from < row->first_end && out->data[from] == ' ')
		from++;
	size_t n = row->cells == 2 && row->first_end > from ? row->first_end - from : 0;
	const char *t = out->data + from;
	bool label = n > 0 && n <= 40 && !memchr(t, '\n', n) && !memchr(t, '@', n) &&
		     !strchr(":.!?;,", t[n - 1]) &&
		     !(n >= 3 && memcmp(t + n - 3, "\xef\xbc\x9a", 3) == 0); /* "：" */
	if (label) {
		bd_buf_addc(out, ' ');
		memmove(out->data + row->first_end + 1, out->data + row->first_end,
			out->len - 1 - row->first_end);
		out->data[row->first_end] = ':';
	}
	row->cells = 0;
	row->start = out->len;
}

char *bd_html_to_text(struct bd_arena *a, const char *in, size_t len, size_t *outlen)
{
	struct bd_buf out;
	bd_buf_init(&out);
	size_t i = 0;
	bool skip = false; /* inside <style> or <script> */
	bool pre = false;  /* inside <pre>: white space as written */
	struct html_row row = {0, 0, 0};
	while (i < len) {
		char c = in[i];
		if (c == '<') {
			const char *gt = memchr(in + i, '>', len - i);
			if (!gt)
				break;
			const char *tag = in + i + 1;
			size_t tn = (size_t)(gt - tag);
			bool closing = tn && tag[0] == '/';
			const char *t = closing ? tag + 1 : tag;
			size_t ttn = closing ? tn - 1 : tn;
			if (tag_is(t, ttn, "style") || tag_is(t, ttn, "script") ||
			    tag_is(t, ttn, "head"))
				skip = !closing;
			else if (tag_is(t, ttn, "pre")) {
				pre = !closing;
				trim_spaces(&out);
				bd_buf_addc(&out, '\n');
			} else if (tag_is(t, ttn, "br") || tag_is(t, ttn, "p") ||
				   tag_is(t, ttn, "div") || tag_is(t, ttn, "tr") ||
				   tag_is(t, ttn, "li") || tag_is(t, ttn, "h1") ||
				   tag_is(t, ttn, "h2") || tag_is(t, ttn, "h3") ||
				   tag_is(t, ttn, "table")) {
				trim_spaces(&out);
				bool rowtag = tag_is(t, ttn, "tr") || tag_is(t, ttn, "table");
				if (rowtag)
					row_done(&out, &row);
				/* A table's rows are lines, not paragraphs: one row
				 * ending and the next beginning make one line break. */
				if (!rowtag || !out.len || out.data[out.len - 1] != '\n')
					bd_buf_addc(&out, '\n');
				if (rowtag)
					row.start = out.len;
			} else if ((tag_is(t, ttn, "td") || tag_is(t, ttn, "th")) && !closing) {
				trim_spaces(&out);
				if (++row.cells == 2)
					row.first_end = out.len;
				if (out.len && out.data[out.len - 1] != '\n')
					bd_buf_addc(&out, ' ');
				if (row.cells == 1)
					row.start = out.len;
			} else if (tag_is(t, ttn, "td") || tag_is(t, ttn, "th"))
				bd_buf_addc(&out, ' ');
			i = (size_t)(gt - in) + 1;
			continue;
		}
		if (skip) {
			i++;
			continue;
		}
		if (!pre && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
			if (out.len && out.data[out.len - 1] != ' ' &&
			    out.data[out.len - 1] != '\n')
				bd_buf_addc(&out, ' ');
			i++;
			continue;
		}
		if (c == '&') {
			const char *semi = memchr(in + i, ';', len - i < 12 ? len - i : 12);
			if (semi) {
				const char *e = in + i + 1;
				size_t en = (size_t)(semi - e);
				bool done = false;
				if (en > 1 && e[0] == '#') {
					unsigned cp = 0;
					bool hex = e[1] == 'x' || e[1] == 'X';
					for (size_t k = hex ? 2 : 1; k < en; k++) {
						int d = hex ? hexval(e[k]) :
							      (e[k] >= '0' && e[k] <= '9' ?
								       e[k] - '0' :
								       -1);
						if (d < 0 || cp > 0x10FFFF)
							break;
						cp = cp * (hex ? 16 : 10) + (unsigned)d;
					}
					put_codepoint(&out, plain_codepoint(cp));
					done = true;
				} else {
					for (size_t k = 0;
					     k < sizeof(entities) / sizeof(entities[0]); k++) {
						if (strlen(entities[k].name) == en &&
						    memcmp(entities[k].name, e, en) == 0) {
							bd_buf_adds(&out, entities[k].utf8);
							done = true;
							break;
						}
					}
				}
				if (done) {
					i = (size_t)(semi - in) + 1;
					continue;
				}
			}
		}
		bd_buf_addc(&out, c);
		i++;
	}
	row_done(&out, &row);
	size_t n = out.len;
	char *res = bd_arena_strndup(a, out.data ? out.data : "", n);
	bd_buf_done(&out);
	*outlen = n;
	return res;
}
