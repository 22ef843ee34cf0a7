/* exchange2007.c: non-delivery reports of Microsoft Exchange 2007 and
 * later, read from their text when they carry no delivery-status part
 * (with one, the RFC 3464 reader has the same facts, field by field).
 *
 * "Delivery has failed to these recipients or groups:" names the
 * recipients by display name; the addresses and the server's words come
 * after "Diagnostic information for administrators:" and "Generating
 * server: HOST", one account each: the address alone on a line, then
 * "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##" (the generating
 * server's own verdict) or "Remote Server returned '550 5.1.10 ...'" (a
 * further server's reply).  "Original message headers:" ends the accounts. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

#define DIAG_INFO "Diagnostic information for administrators:"
#define GENERATING "Generating server:"
#define HEADERS "Original message headers:"
#define REMOTE "Remote Server returned"

static bool match(const struct bd_msg *m)
{
	return !m->dsn && bd_msg_find(m, DIAG_INFO) && bd_msg_find(m, GENERATING);
}

/* The server's words in t[0..n): inside the quotes of "Remote Server
 * returned '...'", between "#" and "##" of the local form, else all. */
static bool account_words(void *ctx, const char **t, size_t *n)
{
	(void)ctx;
	const char *s = *t, *e = *t + *n;
	if (bd_startswith_ci(s, REMOTE)) {
		const char *q = memchr(s, '\'', (size_t)(e - s));
		if (q) {
			s = q + 1;
			if (e > s && e[-1] == '\'')
				e--;
		}
	} else if (*s == '#') {
		s++;
		while (e > s && (e[-1] == '#' || bd_isspace(e[-1])))
			e--;
	}
	*t = s;
	*n = (size_t)(e - s);
	return true;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *p = bd_msg_find(m, GENERATING);
	const char *end = m->body + m->orig_offset;
	if (!p || p >= end)
		return 0;
	const char *hdrs = bd_memcasemem(p, (size_t)(end - p), HEADERS, strlen(HEADERS));
	if (hdrs)
		end = hdrs;
	size_t pos = 0, llen, len = (size_t)(end - p);
	const char *line;
	bd_next_line(p, len, &pos, &line, &llen); /* "Generating server: HOST" */
	return bda_accounts(r, p, len, pos, bda_lone_address, account_words, NULL);
}

const struct bd_detector bd_det_exchange2007 = {"exchange2007", match, extract};
