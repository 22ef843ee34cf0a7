/* charset.c: iconv-based conversion to UTF-8 with replacement (see charset.h). */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "str.h"

static const char REPL[] = "\xEF\xBF\xBD"; /* U+FFFD */

void bd_charset_cache_init(struct bd_charset_cache *c)
{
	memset(c, 0, sizeof(*c));
}

void bd_charset_cache_done(struct bd_charset_cache *c)
{
	for (int i = 0; i < BD_CHARSET_CACHE_SIZE; i++) {
		if (c->slot[i].cd)
			iconv_close((iconv_t)c->slot[i].cd);
	}
	memset(c, 0, sizeof(*c));
}

size_t bd_utf8_seqlen(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return c ? 1 : 0;
	size_t n;
	unsigned min;
	unsigned cp;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* Eight bytes at a time: the low bit and the high bit of each byte. */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Does the word v hold a zero byte? */
static bool has_zero_byte(uint64_t v)
{
	return (v - ONES) & ~v & HIGHS;
}

char *bd_utf8_sanitize(struct bd_arena *a, const char *in, size_t len, size_t *outlen)
{
	/* Worst case every byte becomes a 3-byte replacement. */
	size_t i = 0;
	/* Fast path: valid already, copy once.  Runs of ASCII without NUL
	 * (most mail) are passed eight bytes at a time. */
	while (i < len) {
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, in + i, 8);
			if (!(w & HIGHS) && !has_zero_byte(w)) {
				i += 8;
				continue;
			}
		}
		size_t n = bd_utf8_seqlen((const unsigned char *)in + i, len - i);
		if (!n)
			break;
		i += n;
	}
	if (i == len) {
		if (outlen)
			*outlen = len;
		return bd_arena_strndup(a, in, len);
	}
	char *out = bd_arena_alloc(a, len * 3 + 1);
	memcpy(out, in, i);
	size_t o = i;
	while (i < len) {
		size_t n = bd_utf8_seqlen((const unsigned char *)in + i, len - i);
		if (n) {
			memcpy(out + o, in + i, n);
			o += n;
			i += n;
		} else {
			memcpy(out + o, REPL, 3);
			o += 3;
			i++;
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

const char *bd_charset_canonical(const char *declared, char *tmp, size_t tmpsize)
{
	if (!declared || !*declared)
		return NULL;
	size_t n = strlen(declared);
	if (n >= tmpsize)
		return NULL;
	/* Strip quotes and lower-case. */
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (declared[i] != '"' && declared[i] != '\'' && !bd_isspace(declared[i]))
			tmp[j++] = bd_lower(declared[i]);
	}
	tmp[j] = '\0';
	static const struct {
		const char *alias, *name;
	} map[] = {
		{"utf-8", NULL},
		{"utf8", NULL},
		{"us-ascii", NULL},
		{"ascii", NULL},
		{"ansi_x3.4-1968", NULL},
		{"us_ascii", NULL},
		{"7bit", NULL},
		{"8bit", NULL},
		{"unknown-8bit", NULL},
		{"x-unknown", NULL},
		{"unknown", NULL},
		{"default", NULL},
		/* Supersets that decode what senders really put under these labels. */
		{"iso-8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"},
		{"iso_8859-1", "WINDOWS-1252"},
		{"shift_jis", "CP932"},
		{"shift-jis", "CP932"},
		{"sjis", "CP932"},
		{"x-sjis", "CP932"},
		{"windows-31j", "CP932"},
		{"cp932", "CP932"},
		{"ms_kanji", "CP932"},
		{"euc-jp", "EUC-JP-MS"},
		{"x-euc-jp", "EUC-JP-MS"},
		{"eucjp", "EUC-JP-MS"},
		{"iso-2022-jp", "ISO-2022-JP-3"},
		{"csiso2022jp", "ISO-2022-JP-3"},
		{"iso-2022-jp-2", "ISO-2022-JP-2"},
		{"gb2312", "GBK"},
		{"x-gbk", "GBK"},
		{"ks_c_5601-1987", "CP949"},
		{"euc-kr", "CP949"},
		{"tis-620", "CP874"},
		{"iso-8859-9", "WINDOWS-1254"},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (strcmp(tmp, map[i].alias) == 0)
			return map[i].name;
	}
	return tmp;
}

static iconv_t cache_get(struct bd_charset_cache *c, const char *name)
{
	for (int i = 0; i < BD_CHARSET_CACHE_SIZE; i++) {
		if (c->slot[i].name[0] && strcmp(c->slot[i].name, name) == 0) {
			if (!c->slot[i].cd)
				return (iconv_t)-1;
			iconv((iconv_t)c->slot[i].cd, NULL, NULL, NULL, NULL); /* reset state */
			return (iconv_t)c->slot[i].cd;
		}
	}
	iconv_t cd = iconv_open("UTF-8", name);
	unsigned k = c->next++ % BD_CHARSET_CACHE_SIZE;
	if (c->slot[k].cd)
		iconv_close((iconv_t)c->slot[k].cd);
	snprintf(c->slot[k].name, sizeof(c->slot[k].name), "%s", name);
	c->slot[k].cd = cd == (iconv_t)-1 ? NULL : (void *)cd;
	return cd;
}

static bool all_ascii(const char *in, size_t len)
{
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, in + i, 8);
		if ((w & HIGHS) || has_zero_byte(w ^ (ONES * 0x1B))) /* 8-bit or ESC */
			return false;
	}
	for (; i < len; i++) {
		/* ESC marks ISO-2022 shifts, which must go through iconv. */
		if ((unsigned char)in[i] >= 0x80 || in[i] == 0x1B)
			return false;
	}
	return true;
}

/* Is in[0..len) 8-bit text that is valid UTF-8 throughout? */
static bool utf8_8bit(const char *in, size_t len)
{
	bool high = false;
	for (size_t i = 0; i < len;) {
		size_t n = bd_utf8_seqlen((const unsigned char *)in + i, len - i);
		if (n == 0)
			return false;
		high |= n > 1;
		i += n;
	}
	return high;
}

bool bd_iso2022jp_shift(const char *in, size_t len)
{
	for (const char *p = in; (p = memchr(p, 0x1B, len - (size_t)(p - in))) != NULL; p++) {
		if ((size_t)(p - in) + 2 < len && p[1] == '$' && (p[2] == 'B' || p[2] == '@'))
			return true;
	}
	return false;
}

/* The Japanese multibyte code that in[0..len), which is not UTF-8, is
 * written in: every 8-bit byte forms a valid EUC-JP (or Shift_JIS)
 * character, and some of them are kana, which Japanese prose always
 * holds and a Latin-1 text never spells as such pairs.  NULL when neither. */
static const char *japanese_8bit(const unsigned char *s, size_t len)
{
	size_t euc_kana = 0, sjis_kana = 0;
	bool euc = true, sjis = true;
	for (size_t i = 0; i < len && euc;) {
		unsigned char b = s[i];
		if (b < 0x80) {
			i++;
		} else if (b >= 0xA1 && b <= 0xFE && i + 1 < len && s[i + 1] >= 0xA1 &&
			   s[i + 1] <= 0xFE) {
			euc_kana += b == 0xA4 || b == 0xA5;
			i += 2;
		} else if (b == 0x8E && i + 1 < len && s[i + 1] >= 0xA1 && s[i + 1] <= 0xDF) {
			i += 2;
		} else if (b == 0x8F && i + 2 < len && s[i + 1] >= 0xA1 && s[i + 2] >= 0xA1) {
			i += 3;
		} else {
			euc = false;
		}
	}
	if (euc && euc_kana >= 2)
		return "EUC-JP-MS";
	for (size_t i = 0; i < len && sjis;) {
		unsigned char b = s[i];
		if (b < 0x80 || (b >= 0xA1 && b <= 0xDF)) {
			i++;
		} else if (((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC)) && i + 1 < len &&
			   s[i + 1] >= 0x40 && s[i + 1] <= 0xFC && s[i + 1] != 0x7F) {
			unsigned char t = s[i + 1];
			sjis_kana += (b == 0x82 && t >= 0x9F && t <= 0xF1) ||
				     (b == 0x83 && t >= 0x40 && t <= 0x96);
			i += 2;
		} else {
			sjis = false;
		}
	}
	if (sjis && sjis_kana >= 2)
		return "CP932";
	return NULL;
}

/* Windows-1252's characters for the bytes 0x80-0x9F (0: unassigned). */
static const unsigned short cp1252_c1[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Copies in[0..len) keeping its valid UTF-8 and reading every other byte
 * as Windows-1252: the Latin-1 text of a part labelled UTF-8 or US-ASCII,
 * or not labelled at all. */
static char *utf8_or_cp1252(struct bd_arena *a, const char *in, size_t len, size_t *outlen)
{
	char *out = bd_arena_alloc(a, len * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		const unsigned char *s = (const unsigned char *)in + i;
		size_t n = bd_utf8_seqlen(s, len - i);
		if (n) {
			memcpy(out + o, s, n);
			o += n;
			i += n;
			continue;
		}
		unsigned cp = s[0] >= 0xA0 ? s[0] : s[0] >= 0x80 ? cp1252_c1[s[0] - 0x80] : 0;
		i++;
		if (!cp) {
			memcpy(out + o, REPL, 3);
			o += 3;
		} else if (cp < 0x800) {
			out[o++] = (char)(0xC0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[o++] = (char)(0xE0 | cp >> 12);
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

char *bd_to_utf8(struct bd_charset_cache *c, struct bd_arena *a, const char *charset,
		 const char *in, size_t len, size_t *outlen)
{
	char tmp[40];
	const char *name = bd_charset_canonical(charset, tmp, sizeof(tmp));
	if (all_ascii(in, len))
		return bd_utf8_sanitize(a, in, len, outlen);
	/* No label, or one that promises ASCII or UTF-8 (US-ASCII is what a
	 * gateway writes when it knows nothing): the bytes say what they are.
	 * Escapes into JIS X 0208 are ISO-2022-JP; text that is not UTF-8 is
	 * Japanese EUC-JP or Shift_JIS when it spells kana so, else Latin-1. */
	if (!name) {
		bool high = false;
		for (size_t i = 0; i < len && !high; i++)
			high = (unsigned char)in[i] >= 0x80;
		if (!high && bd_iso2022jp_shift(in, len))
			name = "ISO-2022-JP-3";
		else if (!high || utf8_8bit(in, len))
			return bd_utf8_sanitize(a, in, len, outlen);
		else if (!(name = japanese_8bit((const unsigned char *)in, len)))
			return utf8_or_cp1252(a, in, len, outlen);
	}
	/* A Western single-byte label (a gateway's default) over text that
	 * spells kana in EUC-JP or Shift_JIS: the bytes are Japanese, since
	 * Latin text never pairs its bytes so throughout. */
	if (strcmp(name, "WINDOWS-1252") == 0 || strcmp(name, "iso-8859-15") == 0 ||
	    strcmp(name, "windows-1252") == 0) {
		const char *ja = japanese_8bit((const unsigned char *)in, len);
		if (ja)
			name = ja;
	}
	/* A Japanese multibyte label over bytes of the other Japanese code, or
	 * of UTF-8 (a template saved in one code and sent under the other's
	 * name): the bytes decide.  Shift_JIS prose is never valid UTF-8, nor
	 * valid EUC-JP (its kana trail bytes are below 0xA1); EUC-JP prose
	 * would read as Shift_JIS half-width kana, so it is tried first. */
	if (strcmp(name, "CP932") == 0 || strcmp(name, "EUC-JP-MS") == 0) {
		if (utf8_8bit(in, len))
			return bd_utf8_sanitize(a, in, len, outlen);
		const char *ja = japanese_8bit((const unsigned char *)in, len);
		if (ja)
			name = ja;
	}
	/* ISO-2022 is a 7-bit code: 8-bit text labelled so was converted on
	 * the way without its label, most often to UTF-8. */
	if (strncmp(name, "ISO-2022", 8) == 0 && utf8_8bit(in, len))
		return bd_utf8_sanitize(a, in, len, outlen);
	iconv_t cd = cache_get(c, name);
	if (cd == (iconv_t)-1)
		return bd_utf8_sanitize(a, in, len, outlen);

	struct bd_buf out;
	bd_buf_init(&out);
	char chunk[4096];
	char *ip = (char *)in;
	size_t ileft = len;
	while (ileft > 0) {
		char *op = chunk;
		size_t oleft = sizeof(chunk);
		size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
		bd_buf_add(&out, chunk, sizeof(chunk) - oleft);
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: mark the bad byte and resynchronise after it. */
		bd_buf_add(&out, REPL, 3);
		ip++;
		ileft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* Flush any shift state. */
	char *op = chunk;
	size_t oleft = sizeof(chunk);
	iconv(cd, NULL, NULL, &op, &oleft);
	bd_buf_add(&out, chunk, sizeof(chunk) - oleft);
	/* iconv output is UTF-8, but may carry NUL from the input: sanitize. */
	char *res = bd_utf8_sanitize(a, out.data ? out.data : "", out.len, outlen);
	bd_buf_done(&out);
	return res;
}
