/* gmx.c: bounces from GMX and mail.com's mail servers.
 *
 * After "The following address failed:" each recipient is a line holding
 * only "addr": or <addr>, followed by "SMTP error from remote server after
 * COMMAND command:", "host: NAME" and the server's reply, or by "Reason:"
 * and the local reason.  The returned headers follow "--- The header of the
 * original message is following. ---". */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char lead[] = "The following address\nfailed:";

static const char *find_lead(const struct bd_msg *m)
{
	const char *p = bd_msg_find(m, lead);
	if (p)
		return p + sizeof(lead) - 1;
	p = bd_msg_find(m, "The following address failed:");
	return p ? p + 29 : NULL;
}

static bool match(const struct bd_msg *m)
{
	return find_lead(m) &&
	       bd_msg_find(m, "This message was created automatically by mail delivery software");
}

/* Is the whole line one address ("addr": or <addr>)? */
static char *address_line(struct bd_report *r, const char *line, size_t n)
{
	size_t pos = 0, st, en;
	char *a = bd_addr_next(&r->arena, line, n, &pos, &st, &en);
	if (!a)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i >= st && i < en)
			continue;
		if (!strchr(" \t\"<>:", line[i]))
			return NULL;
	}
	return a;
}

static void finish_one(struct bd_report *r, struct bd_rcpt *rc, const char *s, const char *e)
{
	if (!rc || !s)
		return;
	bd_rcpt_set_diag(r, rc, s, (size_t)(e - s));
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *p = find_lead(m);
	const char *end = m->body + m->orig_offset;
	if (!p || p >= end)
		return 0;
	size_t pos = 0, llen, len = (size_t)(end - p);
	const char *line;
	struct bd_rcpt *rc = NULL;
	const char *ds = NULL, *de = NULL;
	int added = 0;
	while (bd_next_line(p, len, &pos, &line, &llen)) {
		char *addr = address_line(r, line, llen);
		if (addr) {
			finish_one(r, rc, ds, de);
			size_t before = r->n;
			rc = bd_report_rcpt(r, addr);
			added += r->n > before;
			ds = de = NULL;
			continue;
		}
		if (!rc || bda_blank(line, llen))
			continue;
		const char *t = line + bda_skip_ws(line, llen);
		size_t tl = llen - (size_t)(t - line);
		if (bd_startswith_ci(t, "SMTP error from remote server after ")) {
			/* "after RCPT command:": the word names the command. */
			const char *w = t + 36;
			const char *sp = memchr(w, ' ', tl - 36);
			if (sp && sp > w && sp - w < 8) {
				char *c = bd_arena_strndup(&r->arena, w, (size_t)(sp - w));
				for (char *q = c; *q; q++)
					*q = (char)(*q >= 'a' && *q <= 'z' ? *q - 32 : *q);
				rc->command = c;
			}
			continue;
		}
		if (bd_startswith_ci(t, "host:")) {
			rc->remote_mta = bd_report_strn(r, t + 5, tl - 5);
			continue;
		}
		if (bd_startswith_ci(t, "Reason:") && tl <= 8)
			continue;
		if (bd_startswith_ci(t, "--- The header of the original message"))
			break;
		if (!ds)
			ds = line;
		de = line + llen;
	}
	finish_one(r, rc, ds, de);
	return added;
}

const struct bd_detector bd_det_gmx = {"gmx", match, extract};
