/* mdn.c: message disposition notifications, read receipts (RFC 8098,
 * multipart/report; report-type=disposition-notification).  Not bounces:
 * the message reached the recipient's mailbox and was then displayed,
 * deleted or otherwise handled there, so the recipient is reported as
 * delivered, with the disposition as the diagnostic.
 *
 * Except the refusal of a delivery agent: Sieve's "reject" (RFC 5429 2.2.1)
 * and a delivery agent that rejects a message for its own reasons (Dovecot's
 * "Your message to <x> was automatically rejected: Quota exceeded") answer
 * with an MDN whose disposition is "automatic-action/...; deleted" and whose
 * text gives the reason.  That message never reached the mailbox: a
 * failure, with the text as the diagnostic. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool match(const struct bd_msg *m)
{
	return m->mdn && !m->dsn && !m->feedback;
}

/* The address of a field such as "Final-Recipient: rfc822; a@b"
 * (bd_addr_normalize drops the type). */
static char *field_addr(struct bd_report *r, const char *v)
{
	return v ? bd_addr_normalize(&r->arena, v, strlen(v)) : NULL;
}

/* A delivery agent's refusal: an automatic "deleted" disposition whose
 * text or Auto-Submitted field (RFC 3834: "auto-replied (rejected)") says
 * the message was rejected. */
static bool rejection(const struct bd_msg *m, const char *disp)
{
	if (!disp)
		return false;
	size_t n = strlen(disp);
	if (!bd_memcasemem(disp, n, "automatic-action", 16) ||
	    !bd_memcasemem(disp, n, "deleted", 7))
		return false;
	const char *as = bd_headers_get(m->hdr, "Auto-Submitted");
	if (as && bd_memcasemem(as, strlen(as), "rejected", 8))
		return true;
	return bd_memcasemem(m->body, m->orig_offset, "rejected", 8) != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t len = 0;
	const char *text = bd_part_text(m->mime, m->mdn, &len);
	struct bd_headers h;
	size_t used;
	bd_headers_parse(&r->arena, text, len, &h, &used);
	const char *who = field_addr(r, bd_headers_get(&h, "Final-Recipient"));
	if (!who)
		who = field_addr(r, bd_headers_get(&h, "Original-Recipient"));
	if (!who)
		who = bd_header_addr(r, m->hdr, "From");
	if (!who)
		return 0;
	const char *disp = bd_headers_get(&h, "Disposition");
	if (rejection(m, disp)) {
		struct bd_rcpt *rc = bd_report_rcpt(r, who);
		rc->action = "failed";
		const char *orig = field_addr(r, bd_headers_get(&h, "Original-Recipient"));
		if (orig && strcmp(orig, who) != 0)
			rc->alias = orig;
		bd_rcpt_set_diag(r, rc, m->body, m->orig_offset);
		return 1;
	}
	r->kind = BD_KIND_SUCCESS;
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	rc->action = "delivered";
	if (disp)
		bd_rcpt_set_diag(r, rc, disp, strlen(disp));
	return 1;
}

const struct bd_detector bd_det_mdn = {"mdn", match, extract};
