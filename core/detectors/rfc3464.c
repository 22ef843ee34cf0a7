/* rfc3464.c: any message carrying a message/delivery-status part.
 *
 * Most MTAs that write DSNs need nothing more.  When the DSN lacks a
 * Diagnostic-Code, the human-readable part often says it: the prose reader
 * fills it in for the recipients it names. */
#include <string.h>

#include "../detect.h"

static bool match(const struct bd_msg *m)
{
	return m->dsn != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_dsn_extract(m, r);
	if (n <= 0)
		return n;
	bool missing = false;
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rcpt[i].diagnostic)
			missing = true;
	}
	if (missing && m->body_len) {
		struct bd_report prose;
		bd_report_init(&prose);
		bd_scan_prose(m, &prose, m->body, m->orig_offset);
		for (size_t i = 0; i < r->n; i++) {
			struct bd_rcpt *rc = &r->rcpt[i];
			struct bd_rcpt *p = bd_report_find(&prose, rc->recipient);
			if (!p && rc->alias)
				p = bd_report_find(&prose, rc->alias);
			if (!p && prose.n == 1 && r->n == 1)
				p = &prose.rcpt[0];
			if (!rc->diagnostic && p && p->diagnostic)
				rc->diagnostic = bd_report_str(r, p->diagnostic);
		}
		bd_report_done(&prose);
	}
	return n;
}

const struct bd_detector bd_det_rfc3464 = {"rfc3464", match, extract};
