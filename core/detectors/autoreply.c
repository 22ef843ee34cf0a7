/* autoreply.c: vacation and other automatic replies (RFC 3834).  Not
 * bounces: the person who is away is the recipient, and nothing counts
 * against the address. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool match(const struct bd_msg *m)
{
	if (m->dsn || m->feedback || bd_msg_bounce_like(m))
		return false;
	const char *as = bd_headers_get(m->hdr, "Auto-Submitted");
	if (as && !bd_startswith_ci(as, "no"))
		return true;
	if (bd_headers_get(m->hdr, "X-Autoreply") || bd_headers_get(m->hdr, "X-Autorespond") ||
	    bd_headers_get(m->hdr, "X-Autoresponder"))
		return true;
	const char *prec = bd_headers_get(m->hdr, "Precedence");
	if (prec && bd_strcasestr(prec, "auto_reply"))
		return true;
	static const char *const subj[] = {"auto reply",        "auto-reply", "autoreply",
					   "automatic reply",   "auto:",      "out of office",
					   "out of the office", "away from",  "vacation",
					   "自動応答",          "不在",       NULL};
	for (size_t i = 0; subj[i]; i++) {
		if (bd_strcasestr(m->subject, subj[i]))
			return true;
	}
	return false;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	r->kind = BD_KIND_AUTOREPLY;
	const char *who = bd_header_addr(r, m->hdr, "From");
	if (!who)
		who = bd_header_addr(r, m->hdr, "Reply-To");
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	bd_rcpt_set_diag(r, rc, m->body, m->body_len < 400 ? m->body_len : 400);
	return 1;
}

const struct bd_detector bd_det_autoreply = {"autoreply", match, extract};
