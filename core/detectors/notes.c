/* notes.c: the bounce of Lotus Notes / Domino SMTP gateways: a "Failure
 * Reasons" section where each account is the reason on its own line(s)
 * followed by the recipient alone on a line, then "Returned Message" with
 * the copy of the original.
 *
 * Later Domino servers (Lotus, IBM, HCL) write "Your message ... was not
 * delivered to: ADDR because: REASON", one block per account; when such a
 * report also carries a delivery-status part, the RFC 3464 reader has the
 * same facts with the status. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

#define REASONS "------- Failure Reasons"
#define RETURNED "------- Returned Message"

#define NOT_DELIVERED "was not delivered to:"
#define BECAUSE "because:"

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, REASONS) != NULL ||
	       (!m->dsn && bd_msg_find(m, NOT_DELIVERED) && bd_msg_find(m, BECAUSE));
}

/* "was not delivered to:" ADDR lines "because:" REASON lines, per block. */
static int extract_blocks(struct bd_msg *m, struct bd_report *r)
{
	const char *text = m->body;
	size_t len = m->orig_offset, pos = 0, llen;
	const char *line;
	enum { OUTSIDE, ADDRESSES, REASON } state = OUTSIDE;
	size_t first = r->n; /* the accounts of the current block */
	const char *why = NULL, *why_end = NULL;
	int n = 0;
	for (;;) {
		bool more = bd_next_line(text, len, &pos, &line, &llen);
		const char *t = line;
		size_t tl = more ? llen : 0;
		while (tl && bd_isspace(*t))
			t++, tl--;
		bool opens = more && bd_memcasemem(t, tl, NOT_DELIVERED, strlen(NOT_DELIVERED));
		bool ends_reason = !more || opens || (why && bda_blank(line, llen));
		if (state == REASON && ends_reason) {
			for (size_t i = first; why && i < r->n; i++)
				bd_rcpt_set_diag(r, &r->rcpt[i], why, (size_t)(why_end - why));
			why = why_end = NULL;
			state = OUTSIDE;
		}
		if (!more)
			break;
		if (opens) {
			state = ADDRESSES;
			first = r->n;
			continue;
		}
		if (state == ADDRESSES) {
			if (bd_startswith_ci(t, BECAUSE)) {
				state = REASON;
				continue;
			}
			char *addr = bda_lone_address(r, line, llen);
			if (addr) {
				size_t before = r->n;
				bd_report_rcpt(r, addr);
				n += r->n > before;
			}
		} else if (state == REASON && !bda_blank(line, llen)) {
			if (!why)
				why = line;
			why_end = line + llen;
		}
	}
	return n;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *start = bd_msg_find(m, REASONS);
	if (!start)
		return extract_blocks(m, r);
	const char *end = m->body + m->orig_offset;
	const char *ret = bd_memcasemem(start, (size_t)(end - start), RETURNED, strlen(RETURNED));
	if (ret)
		end = ret;
	size_t pos = 0;
	const char *line;
	size_t llen;
	bd_next_line(start, (size_t)(end - start), &pos, &line, &llen); /* the heading */
	const char *why = NULL, *why_end = NULL;
	int n = 0;
	while (bd_next_line(start, (size_t)(end - start), &pos, &line, &llen)) {
		char *addr = bda_lone_address(r, line, llen);
		if (addr) {
			size_t before = r->n;
			struct bd_rcpt *rc = bd_report_rcpt(r, addr);
			n += r->n > before;
			if (why)
				bd_rcpt_set_diag(r, rc, why, (size_t)(why_end - why));
			why = why_end = NULL;
			continue;
		}
		bool blank = true;
		for (size_t i = 0; i < llen; i++) {
			if (!bd_isspace(line[i]))
				blank = false;
		}
		if (blank)
			continue;
		if (!why)
			why = line;
		why_end = line + llen;
	}
	return n;
}

const struct bd_detector bd_det_notes = {"notes", match, extract};
