/* dsn.c: RFC 3464 delivery-status fields, and finding codes in prose.
 *
 * Reads message/delivery-status (and RFC 6533 message/global-delivery-status)
 * bodies into recipients.  Lenient: blocks may be separated by several blank
 * lines, fields may be folded, the type prefix ("rfc822;", "smtp;") may be
 * missing, and some MTAs put everything in one block.
 */
#include <stdio.h>
#include <string.h>

#include "addr.h"
#include "charset.h"
#include "date.h"
#include "detect.h"
#include "str.h"
#include "textfmt.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool bd_find_status(const char *s, char *out)
{
	if (!s)
		return false;
	for (const char *p = s; *p; p++) {
		if ((*p != '2' && *p != '4' && *p != '5') || p[1] != '.')
			continue;
		/* "#5.1.1" (qmail's "(#5.1.1)", "550 #5.1.0") is a code too. */
		if (p > s && (is_digit(p[-1]) || p[-1] == '.' ||
			      ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'))))
			continue;
		const char *q = p + 2;
		int d1 = 0;
		while (is_digit(q[d1]))
			d1++;
		if (d1 < 1 || d1 > 3 || q[d1] != '.')
			continue;
		const char *r = q + d1 + 1;
		int d2 = 0;
		while (is_digit(r[d2]))
			d2++;
		if (d2 < 1 || d2 > 3)
			continue;
		/* 1.2.3.4 is an IP address, 5.0.0.1 a version: reject a fourth group. */
		if (r[d2] == '.' && is_digit(r[d2 + 1]))
			continue;
		if (is_digit(r[d2]))
			continue;
		/* RFC 3463 defines the subjects 0 to 7; a server's own numbering in
		 * the same shape (Yahoo's "[#4.16.1]") is no status code. */
		if (d1 > 1 || *q > '7')
			continue;
		snprintf(out, 16, "%c.%.*s.%.*s", *p, d1, q, d2, r);
		return true;
	}
	return false;
}

/* Does s (just after a number) name what the number counts ("attempts",
 * "bytes", "seconds", ...)? */
static bool counts_something(const char *s)
{
	static const char *const units[] = {" attempts", " retries", " times", " bytes", " seconds",
					    " minutes",  " hours",   " days",  NULL};
	for (size_t i = 0; units[i]; i++) {
		if (bd_startswith_ci(s, units[i]))
			return true;
	}
	return false;
}

bool bd_find_replycode(const char *s, char *out)
{
	if (!s)
		return false;
	for (const char *p = s; *p; p++) {
		if ((*p < '2' || *p > '5') || !is_digit(p[1]) || !is_digit(p[2]))
			continue;
		/* A colon right after the word "reply" ("the mta server of X
		 * reply:550 ...", Alibaba Mail's notices) introduces the reply. */
		bool after_reply = p - s >= 6 && p[-1] == ':' && bd_startswith_ci(p - 6, "reply") &&
				   (p - s == 6 || !((p[-7] >= 'a' && p[-7] <= 'z') ||
						    (p[-7] >= 'A' && p[-7] <= 'Z')));
		/* Exchange writes "#550 5.1.1 ...". */
		if (p > s && !after_reply &&
		    (is_digit(p[-1]) || p[-1] == '.' || p[-1] == '-' || p[-1] == ':' ||
		     p[-1] == '/' || p[-1] == '+' || (p[-1] >= 'a' && p[-1] <= 'z') ||
		     (p[-1] >= 'A' && p[-1] <= 'Z')))
			continue;
		char next = p[3];
		/* "550: 5.1.1" is a reply code when an enhanced code of its class follows. */
		bool colon = next == ':' && p[4] == ' ' && p[5] == p[0] && p[6] == '.';
		if (next != ' ' && next != '-' && next != '\0' && next != '\t' && next != '\n' &&
		    next != ']' && next != ')' && next != ',' && !colon)
			continue;
		/* "port 443" is a TCP port; "after 552 attempts", "250 bytes" count
		 * something. */
		if ((p - s >= 5 && bd_startswith_ci(p - 5, "port ")) || counts_something(p + 3))
			continue;
		/* Second digit of a reply code is 0-5 (RFC 5321 4.2.1). */
		if (p[1] > '5')
			continue;
		snprintf(out, 4, "%.3s", p);
		return true;
	}
	return false;
}

size_t bd_text_cut(const char *text, size_t len, const char *const *markers)
{
	size_t best = len;
	for (size_t i = 0; markers[i]; i++) {
		const char *hit = bd_memcasemem(text, best, markers[i], strlen(markers[i]));
		if (hit)
			best = (size_t)(hit - text);
	}
	return best;
}

void bd_rcpt_set_diag(struct bd_report *r, struct bd_rcpt *rc, const char *text, size_t len)
{
	/* A cut inside a UTF-8 sequence drops the partial character. */
	size_t back = 0;
	while (back < len && back < 4 && ((unsigned char)text[len - 1 - back] & 0xC0) == 0x80)
		back++;
	if (back < len && (unsigned char)text[len - 1 - back] >= 0xC0) {
		size_t need =
			bd_utf8_seqlen((const unsigned char *)text + len - 1 - back, back + 1);
		if (!need)
			len -= back + 1;
	}
	char *d = bd_arena_strndup(&r->arena, text, len);
	bd_str_squeeze(d);
	rc->diagnostic = *d ? d : NULL;
}

/* "type; value" -> value (the type is optional). */
static const char *typed_value(const char *v)
{
	if (!v)
		return NULL;
	const char *semi = strchr(v, ';');
	if (semi && semi - v < 24) {
		bool word = true;
		for (const char *p = v; p < semi; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-' ||
			      *p == ' ' || is_digit(*p)))
				word = false;
		}
		if (word)
			v = semi + 1;
	}
	while (*v == ' ' || *v == '\t')
		v++;
	return v;
}

/* An MTA named by its host name ("dns; NAME"): without the comment a sender
 * may add after it (Gmail's "mx.example.net. (192.0.2.1, the server for the
 * domain example.net.)", an RFC 5322 comment) and without the root's
 * trailing dot.  Other types ("X-Unix; ...") are kept as they are. */
static const char *mta_name(struct bd_report *r, const char *v)
{
	const char *val = typed_value(v);
	if (!val)
		return NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	if (val == v || !bd_startswith_ci(v, "dns") || (v[3] != ';' && v[3] != ' '))
		return bd_report_str(r, val);
	size_t n = strcspn(val, "(");
	while (n > 1 && (val[n - 1] == ' ' || val[n - 1] == '\t' || val[n - 1] == '.'))
		n--;
	return n ? bd_report_strn(r, val, n) : bd_report_str(r, val);
}

static const char *iso_date(struct bd_report *r, const char *v)
{
	int64_t t;
	if (!bd_date_parse(v, &t))
		return NULL;
	char buf[32];
	bd_date_iso(t, buf);
	return bd_arena_strdup(&r->arena, buf);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* The address of a recipient field ("rfc822; a@b", "utf-8; ..."),
 * normalised.  RFC 6533 3 writes a UTF-8 address in ASCII as
 * utf-8-addr-xtext, each non-ASCII character as "\x{HEXPOINT}"
 * ("utf-8; j\x{F6}rg@example.de"): those become the characters again. */
static char *field_addr(struct bd_report *r, const char *v)
{
	const char *val = typed_value(v);
	if (!val)
		return NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	if (val != v && bd_startswith_ci(v, "utf-8") && strstr(val, "\\x{")) {
		size_t n = strlen(val);
		char *d = bd_arena_alloc(&r->arena, n + 1), *w = d;
		for (const char *p = val; *p;) {
			unsigned long cp = 0;
			const char *q = p;
			if (p[0] == '\\' && p[1] == 'x' && p[2] == '{') {
				q = p + 3;
				for (int v16; q - p < 11 && (v16 = hex_digit(*q)) >= 0; q++)
					cp = cp * 16 + (unsigned long)v16;
			}
			if (q > p + 3 && *q == '}' && cp >= 0x80 && cp <= 0x10FFFF &&
			    (cp < 0xD800 || cp > 0xDFFF)) {
				char buf[4];
				size_t k = bd_utf8_encode((uint32_t)cp, buf);
				memcpy(w, buf, k);
				w += k;
				p = q + 1;
			} else {
				*w++ = *p++;
			}
		}
		*w = '\0';
		return bd_addr_normalize(&r->arena, d, (size_t)(w - d));
	}
	return bd_addr_normalize(&r->arena, val, strlen(val));
}

/* Applies one per-recipient block's headers to the report. */
static int apply_block(struct bd_msg *m, struct bd_report *r, const struct bd_headers *h,
		       const char *reporting_mta, const char *arrival)
{
	(void)m;
	const char *final = bd_headers_get(h, "Final-Recipient");
	const char *orig = bd_headers_get(h, "Original-Recipient");
	const char *actual = bd_headers_get(h, "X-Actual-Recipient");
	const char *who = final ? final : (orig ? orig : actual);
	if (!who)
		return 0;
	char *addr = field_addr(r, who);
	if (!addr) {
		/* "Final-Recipient: rfc822; <>" and similar: try the others. */
		const char *alt = orig ? orig : actual;
		if (alt && alt != who)
			addr = field_addr(r, alt);
	}
	if (!addr)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, addr);
	if (orig) {
		char *o = field_addr(r, orig);
		if (o && strcmp(o, addr) != 0)
			rc->alias = o;
	}
	if (!rc->alias && actual && final) {
		char *o = field_addr(r, actual);
		if (o && strcmp(o, addr) != 0)
			rc->alias = o;
	}
	const char *action = bd_headers_get(h, "Action");
	if (action) {
		char *a = bd_arena_strdup(&r->arena, action);
		char *sp = strpbrk(a, " \t(;");
		if (sp)
			*sp = '\0';
		rc->action = *a ? bd_str_lower(a) : NULL;
		/* Address verification reports (Postfix "sendmail -bv") say
		 * "deliverable"/"undeliverable", which RFC 3464 does not define. */
		if (rc->action && strcmp(rc->action, "deliverable") == 0)
			rc->action = "delivered";
		else if (rc->action && strcmp(rc->action, "undeliverable") == 0)
			rc->action = "failed";
	}
	const char *status = bd_headers_get(h, "Status");
	char code[16];
	if (status && bd_find_status(status, code))
		rc->status = bd_arena_strdup(&r->arena, code);
	const char *diag = bd_headers_get(h, "Diagnostic-Code");
	/* "X-Unix;" diagnostics come from a local delivery program, not SMTP. */
	if (diag && bd_startswith_ci(diag, "x-unix") && !rc->command)
		rc->command = "LOCAL";
	if (diag) {
		char *d = bd_mime_decode_header(m->mime, typed_value(diag));
		bd_str_squeeze(d);
		if (*d)
			rc->diagnostic = bd_arena_strdup(&r->arena, d);
	}
	/* PowerMTA's own verdict on the failure, one of its documented bounce
	 * categories ("bad-mailbox", "quota-issues", "spam-related"...). */
	const char *cat = bd_headers_get(h, "X-PowerMTA-BounceCategory");
	if (cat && *cat)
		rc->mta_category = bd_str_lower(bd_arena_strdup(&r->arena, cat));
	const char *rmta = bd_headers_get(h, "Remote-MTA");
	if (rmta)
		rc->remote_mta = mta_name(r, rmta);
	if (reporting_mta)
		rc->reporting_mta = mta_name(r, reporting_mta);
	const char *last = bd_headers_get(h, "Last-Attempt-Date");
	rc->date = iso_date(r, last ? last : arrival);
	if (arrival)
		rc->arrival = iso_date(r, arrival);
	return 1;
}

int bd_dsn_parse_text(struct bd_msg *m, struct bd_report *r, const char *text, size_t len)
{
	const char *reporting_mta = NULL, *arrival = NULL;
	size_t pos = 0;
	int added = 0;
	bool first = true;
	while (pos < len) {
		/* Skip blank lines between blocks. */
		while (pos < len && (text[pos] == '\n' || text[pos] == ' ' || text[pos] == '\t')) {
			if (text[pos] != '\n') {
				size_t q = pos;
				while (q < len && (text[q] == ' ' || text[q] == '\t'))
					q++;
				if (q < len && text[q] != '\n')
					break;
				pos = q;
				continue;
			}
			pos++;
		}
		if (pos >= len)
			break;
		struct bd_headers h;
		size_t used = 0;
		bd_headers_parse(&r->arena, text + pos, len - pos, &h, &used);
		if (used == 0) {
			/* A line that is no field: skip it. */
			const char *nl = memchr(text + pos, '\n', len - pos);
			pos = nl ? (size_t)(nl - text) + 1 : len;
			continue;
		}
		pos += used;
		if (first || bd_headers_get(&h, "Reporting-MTA")) {
			const char *rm = bd_headers_get(&h, "Reporting-MTA");
			if (rm)
				reporting_mta = rm;
			const char *ad = bd_headers_get(&h, "Arrival-Date");
			if (ad)
				arrival = ad;
		}
		first = false;
		/* A block that runs several recipients' fields together, with no
		 * blank line between them (RFC 3464 2.1 asks for one): a second
		 * Final-Recipient starts the next recipient, with the
		 * Original-Recipient just before it.  (An Original-Recipient after
		 * its Final-Recipient, as some MTAs write it, stays with it.) */
		size_t start = 0, finals = 0;
		for (size_t i = 0; i <= h.n; i++) {
			bool fin = i < h.n && bd_streq_ci(h.v[i].name, "Final-Recipient");
			if (i == h.n || (fin && finals)) {
				size_t cut = i;
				if (i < h.n && cut > start + 1 &&
				    bd_streq_ci(h.v[cut - 1].name, "Original-Recipient"))
					cut--;
				struct bd_headers g = {h.v + start, cut - start};
				added += apply_block(m, r, &g, reporting_mta, arrival);
				start = cut;
				finals = 0;
			}
			finals += fin;
		}
	}
	return added;
}

int bd_dsn_extract(struct bd_msg *m, struct bd_report *r)
{
	int added = 0;
	for (struct bd_part *p = m->root; p; p = bd_part_walk_next(p)) {
		if (strcmp(p->type, "message/delivery-status") != 0 &&
		    strcmp(p->type, "message/global-delivery-status") != 0 && p != m->dsn)
			continue;
		/* Skip delivery reports inside a returned original message. */
		bool inside = false;
		for (struct bd_part *q = p->parent; q; q = q->parent) {
			if (q == m->orig)
				inside = true;
		}
		if (inside)
			continue;
		size_t len;
		const char *text = bd_part_text(m->mime, p, &len);
		added += bd_dsn_parse_text(m, r, text, len);
	}
	return added;
}
