/* mailmarshal.c: non-delivery notices of MailMarshal (Trustwave, formerly
 * Marshal Software).
 *
 * "Could not be delivered because of" is followed by the reason (often the
 * remote server's reply) and "The following recipients were affected:" by
 * the addresses, one a line.  "Additional Information" closes the list and
 * names the Remote-MTA. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char because[] = "Could not be delivered because of";
static const char affected[] = "The following recipients were affected:";

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, because) && bd_msg_find(m, affected);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *end = m->body + m->orig_offset;
	const char *w = bd_msg_find(m, because);
	const char *a = bd_msg_find(m, affected);
	if (!w || !a || a < w)
		return 0;
	w += sizeof(because) - 1;
	const char *we = a;
	a += sizeof(affected) - 1;
	const char *ae = bd_memcasemem(a, (size_t)(end - a), "Additional Information", 22);
	if (!ae)
		ae = end;
	size_t first = r->n;
	int added = bda_rcpt_lines(r, a, (size_t)(ae - a), w, (size_t)(we - w));
	/* One Remote-MTA line names the host for every recipient listed. */
	const char *rmta = bd_memcasemem(a, (size_t)(end - a), "\nRemote-MTA:", 12);
	if (rmta) {
		const char *v = rmta + 12;
		const char *eol = memchr(v, '\n', (size_t)(end - v));
		size_t vl = eol ? (size_t)(eol - v) : (size_t)(end - v);
		char *h = bd_str_trim(bd_arena_strndup(&r->arena, v, vl));
		size_t hl = strlen(h);
		if (hl > 2 && h[0] == '<' && h[hl - 1] == '>') {
			h[hl - 1] = '\0';
			h++;
		}
		for (size_t i = first; *h && i < r->n; i++)
			r->rcpt[i].remote_mta = h;
	}
	return added;
}

const struct bd_detector bd_det_mailmarshal = {"mailmarshal", match, extract};
