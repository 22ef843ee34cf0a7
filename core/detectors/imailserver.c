/* imailserver.c: bounces of Ipswitch IMail Server (X-Mailer: <SMTP32 vN>).
 *
 * Before "Original message follows." each failure is one line "REASON:
 * addr" ("Unknown user: x@y", "Delivery failed 20 attempts: x@y"), or
 * "undeliverable to addr" followed by "Body of message generated
 * response:" and the server's reply lines. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static bool match(const struct bd_msg *m)
{
	return bd_msg_header_has(m, "X-Mailer", "<SMTP32 v") ||
	       (bd_msg_find(m, "Body of message generated response:") &&
		bd_msg_find(m, "undeliverable to "));
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *text = m->body;
	/* Not orig_offset: the notice quotes To/Date/Subject lines of its own,
	 * which look like the start of the returned headers. */
	const char *stop = bd_memcasemem(text, m->body_len, "Original message follows.", 25);
	size_t len = stop ? (size_t)(stop - text) : m->body_len, pos = 0, llen;
	const char *line;
	struct bd_rcpt *rc = NULL;
	const char *resp = NULL, *resp_end = NULL;
	int added = 0;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		const char *t = line + bda_skip_ws(line, llen);
		size_t tl = llen - (size_t)(t - line);
		while (tl && bd_isspace(t[tl - 1]))
			tl--;
		if (bd_startswith_ci(t, "undeliverable to ")) {
			char *a = bd_addr_normalize(&r->arena, t + 17, tl - 17);
			if (a && bd_addr_valid(a)) {
				size_t before = r->n;
				rc = bd_report_rcpt(r, a);
				added += r->n > before;
			}
			continue;
		}
		if (rc && bd_startswith_ci(t, "Body of message generated response:")) {
			resp = line + llen;
			continue;
		}
		if (resp) {
			if (tl == 0)
				break;
			resp_end = line + llen;
			continue;
		}
		/* "REASON: addr" with the address ending the line. */
		const char *colon = NULL;
		for (size_t i = 0; i + 1 < tl; i++) {
			if (t[i] == ':' && t[i + 1] == ' ')
				colon = t + i;
		}
		/* A reason is words; "To: x@y" is a quoted header. */
		if (!colon || colon == t || !memchr(t, ' ', (size_t)(colon - t)))
			continue;
		const char *as = colon + 2;
		if (memchr(as, ' ', tl - (size_t)(as - t)))
			continue;
		char *a = bd_addr_normalize(&r->arena, as, tl - (size_t)(as - t));
		if (!a || !bd_addr_valid(a))
			continue;
		size_t before = r->n;
		struct bd_rcpt *x = bd_report_rcpt(r, a);
		added += r->n > before;
		bd_rcpt_set_diag(r, x, t, (size_t)(colon - t));
	}
	if (rc && resp && resp_end > resp)
		bd_rcpt_set_diag(r, rc, resp, (size_t)(resp_end - resp));
	return added;
}

const struct bd_detector bd_det_imailserver = {"imailserver", match, extract};
