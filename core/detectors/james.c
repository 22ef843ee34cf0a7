/* james.c: the bounce of Apache James and of the carriers that run it: an
 * "Error message below:" section holding the remote reply, then "Message
 * details:" listing the envelope, where "RCPT TO:" names the recipients. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

#define ERRMSG "Error message below:"
#define DETAILS "Message details:"

static bool match(const struct bd_msg *m)
{
	const char *e = bd_msg_find(m, ERRMSG);
	const char *d = bd_msg_find(m, DETAILS);
	return e && d && e < d;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
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
