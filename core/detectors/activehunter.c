/* activehunter.c: bounces of the Active!Hunter mail filter (X-AHMAILID).
 *
 * sendmail-like in look: "----- The following addresses had permanent
 * fatal errors -----" is followed by ">>> addr <addr>" lines, and "-----
 * Transcript of session follows -----" by the remote server's reply.  The
 * notice never says which SMTP command the reply answered. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

#define FATAL "The following addresses had permanent fatal errors"
#define TRANSCRIPT "Transcript of session follows"

static bool match(const struct bd_msg *m)
{
	const char *ct = bd_headers_get(m->hdr, "Content-Type");
	return (bd_headers_get(m->hdr, "X-AHMAILID") ||
		(ct && bd_strcasestr(ct, "Active!Hunter"))) &&
	       bd_msg_find(m, FATAL);
}

/* The lines after the heading line that holds marker, up to a blank line,
 * as [*start, *end); false when the heading is missing. */
static bool section(const struct bd_msg *m, const char *marker, const char **start,
		    const char **end)
{
	const char *h = bd_msg_find(m, marker);
	if (!h)
		return false;
	const char *stop = m->body + m->orig_offset;
	const char *p = memchr(h, '\n', (size_t)(stop - h));
	if (!p)
		return false;
	p++;
	while (p < stop && (*p == '\n' || *p == ' ' || *p == '\t'))
		p++;
	const char *e = p;
	while (e < stop) {
		const char *nl = memchr(e, '\n', (size_t)(stop - e));
		const char *le = nl ? nl : stop;
		if (bda_blank(e, (size_t)(le - e)) ||
		    bd_memcasemem(e, (size_t)(le - e), "-----", 5))
			break;
		e = nl ? nl + 1 : stop;
	}
	*start = p;
	*end = e;
	return e > p;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *fs, *fe;
	if (!section(m, FATAL, &fs, &fe))
		return 0;
	const char *ts = NULL, *te = NULL;
	bool have_reply = section(m, TRANSCRIPT, &ts, &te);
	size_t pos = 0, llen;
	const char *line;
	int n = 0;
	while (bd_next_line(fs, (size_t)(fe - fs), &pos, &line, &llen)) {
		size_t ws = bda_skip_ws(line, llen);
		if (llen - ws < 5 || memcmp(line + ws, ">>> ", 4) != 0)
			continue;
		size_t apos = 0, st, en;
		char *addr = bd_addr_next(&r->arena, line + ws + 4, llen - ws - 4, &apos, &st, &en);
		if (!addr)
			continue;
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		n += r->n > before;
		if (have_reply)
			bd_rcpt_set_diag(r, rc, ts, (size_t)(te - ts));
	}
	return n;
}

const struct bd_detector bd_det_activehunter = {"activehunter", match, extract};
