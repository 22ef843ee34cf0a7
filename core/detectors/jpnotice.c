/* jpnotice.c: notices of Japanese mail gateways and DLP services (InterScan's
 * Japanese templates, m-FILTER, HENNGE Email DLP and their kin) that tell
 * the sender in Japanese that a message was blocked, refused, held or not
 * delivered, with no delivery-status part and no SMTP reply.
 *
 * The recipients stand after a label, "受信者 : addr, addr", "宛先: addr" or
 * "受取人: <addr>", or on the indented lines under a bare "受信者:".  The
 * paragraph before the first label says what happened; it is each
 * recipient's diagnostic. */
#include <stdlib.h>
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static const char *const labels[] = {"受信者", "宛先", "受取人", NULL};

/* Does line[0..n) start (after blanks) with a label and a colon?  Returns
 * the text after the colon, or NULL. */
static const char *label_rest(const char *line, size_t n)
{
	const char *p = line, *end = line + n;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (size_t i = 0; labels[i]; i++) {
		size_t k = strlen(labels[i]);
		if ((size_t)(end - p) < k || memcmp(p, labels[i], k) != 0)
			continue;
		const char *q = p + k;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == ':')
			return q + 1;
		if ((size_t)(end - q) >= 3 &&
		    memcmp(q, "\xef\xbc\x9a", 3) == 0) /* full-width colon */
			return q + 3;
	}
	return NULL;
}

/* Adds every address in s[0..n) to r with the diagnostic; returns how many. */
static int add_addrs(struct bd_report *r, const char *s, size_t n, const char *diag, size_t dlen)
{
	int count = 0;
	const char *p = s, *end = s + n;
	while (p < end) {
		while (p < end && strchr(" \t,;<>", *p))
			p++;
		const char *t = p;
		while (p < end && !strchr(" \t,;<>", *p))
			p++;
		if (p > t && memchr(t, '@', (size_t)(p - t))) {
			char *addr = bd_addr_normalize(&r->arena, t, (size_t)(p - t));
			if (addr) {
				struct bd_rcpt *rc = bd_report_rcpt(r, addr);
				if (!rc->diagnostic && dlen)
					bd_rcpt_set_diag(r, rc, diag, dlen);
				count++;
			}
		}
	}
	return count;
}

static bool has_label_line(const struct bd_msg *m)
{
	size_t pos = 0, llen;
	const char *line;
	while (bd_next_line(m->body, m->orig_offset, &pos, &line, &llen)) {
		if (label_rest(line, llen))
			return true;
	}
	return false;
}

/* Does the notice quote a server's answer (an RFC 3463 code)?  Then it is
 * an MTA's notice, which its own reader takes with the reply and code. */
static bool quotes_server(const struct bd_msg *m)
{
	size_t n = m->orig_offset < m->body_len ? m->orig_offset : m->body_len;
	char *text = malloc(n + 1);
	if (!text)
		return false;
	memcpy(text, m->body, n);
	text[n] = '\0';
	char code[16];
	bool found = bd_find_status(text, code);
	free(text);
	return found;
}

static bool match(const struct bd_msg *m)
{
	static const char *const said[] = {
		"配信されませんでした", "配信されていません", "送信されていません", "送信を中止",
		"送信できませんでした", "却下されました",     "届きません",         NULL};
	if (m->dsn || m->feedback || m->mdn || !m->body_len)
		return false;
	bool any = false;
	for (size_t i = 0; said[i] && !any; i++)
		any = bd_msg_find(m, said[i]) != NULL;
	/* A message held for an approver ("保留されました ... 承認されるまで
	 * ... 届きません") has not failed: like a list's "awaits moderator
	 * approval" it is an automatic answer, unless it says the approver
	 * turned it down. */
	if (bd_msg_find(m, "保留") && !bd_msg_find(m, "却下") && !bd_msg_find(m, "拒否"))
		return false;
	/* What a gateway acts on, which a carrier's or an ISP's own notice of
	 * a failed delivery does not name. */
	static const char *const gateway[] = {"ポリシー", "ルール",       "承認", "ウイルス",
					      "ウィルス", "添付ファイル", NULL};
	bool gw = false;
	for (size_t i = 0; gateway[i] && !gw; i++)
		gw = bd_msg_find(m, gateway[i]) != NULL;
	return any && gw && has_label_line(m) && !quotes_server(m);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t pos = 0, llen;
	const char *line;
	bool seen = false, under = false;
	int n = 0;
	const char *diag = m->body;
	size_t dlen = 0;
	while (bd_next_line(m->body, m->orig_offset, &pos, &line, &llen)) {
		const char *rest = label_rest(line, llen);
		if (rest) {
			if (!seen) {
				seen = true;
				dlen = (size_t)(line - m->body);
			}
			size_t k = (size_t)(line + llen - rest);
			int got = add_addrs(r, rest, k, diag, dlen);
			n += got;
			under = got == 0;
			continue;
		}
		if (under) {
			if (llen == 0 || (line[0] != ' ' && line[0] != '\t')) {
				under = false;
				continue;
			}
			n += add_addrs(r, line, llen, diag, dlen);
		}
	}
	return n;
}

const struct bd_detector bd_det_jpnotice = {"jpnotice", match, extract};
