/* fallback.c: a bounce in prose that no detector recognised.
 *
 * Reads addresses and the lines after them from the notification text.
 * When the text names nobody, the VERP address the bounce was sent to, or
 * the To of the returned message, identifies the recipient and the text
 * itself is the diagnostic. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool match(const struct bd_msg *m)
{
	return bd_msg_bounce_like(m);
}

/* A "reason: ..." line ("reject reason: Mailbox full", "Reason: ..."): a
 * label of a few words ending in "reason", then the text. */
static bool reason_line(const char *text, size_t len, const char **out, size_t *outlen)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		const char *colon = memchr(line, ':', llen);
		if (!colon || colon - line < 6 || colon - line > 32)
			continue;
		if (!bd_memcasemem(colon - 6, 6, "reason", 6))
			continue;
		bool words = true;
		for (const char *p = line; p < colon; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == ' ' ||
			      *p == '-' || *p == '\t'))
				words = false;
		}
		const char *v = colon + 1;
		while (v < line + llen && bd_isspace(*v))
			v++;
		if (words && v < line + llen) {
			*out = v;
			*outlen = (size_t)(line + llen - v);
			return true;
		}
	}
	return false;
}

/* The first line of text[0..len) that holds addr, after any "label:". */
static bool line_with(const char *text, size_t len, const char *addr, const char **out,
		      size_t *outlen)
{
	if (!addr)
		return false;
	size_t pos = 0, alen = strlen(addr);
	const char *line;
	size_t llen;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		if (!bd_memcasemem(line, llen, addr, alen))
			continue;
		const char *colon = memchr(line, ':', llen);
		const char *at = memchr(line, '@', llen);
		if (colon && at && colon < at && colon - line <= 32 &&
		    !memchr(line, '<', (size_t)(colon - line))) {
			llen -= (size_t)(colon + 1 - line);
			line = colon + 1;
		}
		*out = line;
		*outlen = llen;
		return true;
	}
	return false;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_scan_prose(m, r, m->body, m->orig_offset);
	const char *why;
	size_t whylen;
	/* Text after the address that opens with a remark in parentheses ("<a@b>
	 * (and other recipients in the same domain).") ends a sentence that began
	 * before the address: the whole line says why. */
	if (n == 1 && r->rcpt[0].diagnostic && r->rcpt[0].diagnostic[0] == '(' &&
	    line_with(m->body, m->orig_offset, r->rcpt[0].recipient, &why, &whylen))
		bd_rcpt_set_diag(r, &r->rcpt[0], why, whylen);
	if (n == 1 && (!r->rcpt[0].diagnostic || r->rcpt[0].diagnostic[0] == '(') &&
	    reason_line(m->body, m->orig_offset, &why, &whylen))
		bd_rcpt_set_diag(r, &r->rcpt[0], why, whylen);
	/* One recipient and nothing said beside it ("宛先不明：　a@b" and a
	 * blank line): the notice's text is the diagnostic, as when it names
	 * nobody. */
	if (n == 1 && !r->rcpt[0].diagnostic)
		bd_rcpt_set_diag(r, &r->rcpt[0], m->body, m->orig_offset);
	if (n > 0)
		return n;
	const char *who = bd_msg_verp(r, m);
	if (!who)
		who = bd_header_addr(r, m->orig_hdr, "To");
	if (!who)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	bd_rcpt_set_diag(r, rc, m->body, m->orig_offset);
	return 1;
}

const struct bd_detector bd_det_fallback = {"fallback", match, extract};
