/* fallback.c: a bounce in prose that no detector recognised.
 *
 * Reads addresses and the lines after them from the notification text.
 * When the text names nobody, the VERP address the bounce was sent to, or
 * the To of the returned message, identifies the recipient and the text
 * itself is the diagnostic. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool match(const struct bd_msg *m)
{
	return bd_msg_bounce_like(m);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_scan_prose(m, r, m->body, m->orig_offset);
	if (n > 0)
		return n;
	const char *who = bd_msg_verp(r, m);
	if (!who)
		who = bd_header_addr(r, m->orig_hdr, "To");
	if (!who)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	bd_rcpt_set_diag(r, rc, m->body, m->orig_offset);
	return 1;
}

const struct bd_detector bd_det_fallback = {"fallback", match, extract};
