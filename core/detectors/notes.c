/* notes.c: the bounce of Lotus Notes / Domino SMTP gateways: a "Failure
 * Reasons" section where each account is the reason on its own line(s)
 * followed by the recipient alone on a line, then "Returned Message" with
 * the copy of the original. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

#define REASONS "------- Failure Reasons"
#define RETURNED "------- Returned Message"

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, REASONS) != NULL;
}

/* Is line[0..n) one address and nothing else (angle brackets allowed)? */
static char *lone_address(struct bd_report *r, const char *line, size_t n)
{
	while (n && bd_isspace(line[n - 1]))
		n--;
	while (n && bd_isspace(*line))
		line++, n--;
	size_t pos = 0, st = 0, en = 0;
	char *addr = bd_addr_next(&r->arena, line, n, &pos, &st, &en);
	return addr && st == 0 && en == n ? addr : NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *start = bd_msg_find(m, REASONS);
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
		char *addr = lone_address(r, line, llen);
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
