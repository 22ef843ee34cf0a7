/* kddi.c: error notices of KDDI's au one net mail system (dion.ne.jp).
 *
 * "Your mail sent on: DATE" then, indented, "Could not be delivered to:
 * <addr>" and the reason on the next line ("As their mailbox is full.").
 * A Japanese preamble may come first; it is Japanese prose, not the
 * reason. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char lead[] = "Could not be delivered to:";

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, lead) && bd_msg_find(m, "Your mail sent on:");
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *end = m->body + m->orig_offset;
	const char *p = m->body;
	int added = 0;
	while ((p = bd_memcasemem(p, (size_t)(end - p), lead, sizeof(lead) - 1)) != NULL) {
		p += sizeof(lead) - 1;
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		char *addr = bd_addr_normalize(&r->arena, p, (size_t)(eol - p));
		p = eol;
		if (!addr || !bd_addr_valid(addr))
			continue;
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		added += r->n > before;
		/* The reason: the indented lines that follow, up to a blank line. */
		const char *s = eol < end ? eol + 1 : end;
		const char *e = s;
		while (e < end) {
			const char *nl = memchr(e, '\n', (size_t)(end - e));
			const char *le = nl ? nl : end;
			if (bda_blank(e, (size_t)(le - e)) ||
			    bd_memcasemem(e, (size_t)(le - e), lead, sizeof(lead) - 1))
				break;
			e = nl ? nl + 1 : end;
		}
		bd_rcpt_set_diag(r, rc, s, (size_t)(e - s));
	}
	return added;
}

const struct bd_detector bd_det_kddi = {"kddi", match, extract};
