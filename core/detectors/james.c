/* james.c: the bounce of Apache James and of the carriers that run it: an
 * "Error message below:" section holding the remote reply, then "Message
 * details:" listing the envelope, where "RCPT TO:" names the recipients.
 *
 * James's RemoteDelivery mailet writes its own notice instead: "Hi. This is
 * the James mail server at HOST." and "I'm afraid I wasn't able to deliver
 * your message to the following addresses.", then, after a blank line, the
 * recipients one a line and the reason under them ("Remote mail server told
 * me: REPLY", "There are no DNS entries for the hostname ...") up to the
 * next blank line. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

#define ERRMSG "Error message below:"
#define DETAILS "Message details:"
#define INTRO "This is the James mail server at"
#define LEAD "wasn't able to deliver your message to the following addresses."

static bool remote_delivery(const struct bd_msg *m)
{
	return bd_msg_find_in_order(m, INTRO, LEAD);
}

static bool match(const struct bd_msg *m)
{
	return bd_msg_find_in_order(m, ERRMSG, DETAILS) || remote_delivery(m);
}

/* RemoteDelivery's notice: the recipients after the first blank line, then
 * the reason up to the next blank line. */
static int extract_remote_delivery(struct bd_msg *m, struct bd_report *r)
{
	const char *l = bd_msg_find(m, LEAD);
	const char *end = m->body + m->orig_offset;
	size_t pos = 0;
	const char *line;
	size_t llen;
	const char *why = NULL, *why_end = NULL;
	size_t first = r->n;
	int n = 0;
	bool blank_seen = false;
	while (bd_next_line(l, (size_t)(end - l), &pos, &line, &llen)) {
		while (llen && bd_isspace(*line))
			line++, llen--;
		while (llen && bd_isspace(line[llen - 1]))
			llen--;
		if (!blank_seen) {
			blank_seen = llen == 0;
			continue;
		}
		if (llen == 0) {
			if (why)
				break;
			continue;
		}
		char *a = why ? NULL : bda_lone_address(r, line, llen);
		if (a) {
			size_t before = r->n;
			bd_report_rcpt(r, a);
			n += r->n > before;
			continue;
		}
		if (n == 0)
			break;
		if (!why)
			why = line;
		why_end = line + llen;
	}
	for (size_t i = first; why && i < r->n; i++)
		bd_rcpt_set_diag(r, &r->rcpt[i], why, (size_t)(why_end - why));
	return n;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	if (!bd_msg_find_in_order(m, ERRMSG, DETAILS))
		return extract_remote_delivery(m, r);
	const char *e = bd_msg_find(m, ERRMSG) + strlen(ERRMSG);
	const char *d = bd_msg_find(m, DETAILS);
	const char *end = m->body + m->orig_offset;
	size_t pos = 0;
	const char *line;
	size_t llen;
	int n = 0;
	while (bd_next_line(d, (size_t)(end - d), &pos, &line, &llen)) {
		while (llen && bd_isspace(*line))
			line++, llen--;
		if (llen == 0 && n > 0)
			break;
		if (llen < 9 || !bd_startswith_ci(line, "RCPT TO:"))
			continue;
		/* "RCPT TO: a@b" or "RCPT TO: a@b, c@d". */
		size_t apos = 0, st, en;
		char *addr;
		while ((addr = bd_addr_next(&r->arena, line + 8, llen - 8, &apos, &st, &en))) {
			size_t before = r->n;
			struct bd_rcpt *rc = bd_report_rcpt(r, addr);
			n += r->n > before;
			bd_rcpt_set_diag(r, rc, e, (size_t)(d - e));
		}
	}
	return n;
}

const struct bd_detector bd_det_james = {"james", match, extract};
