/* mailfoundry.c: bounces of the MailFoundry gateway.
 *
 * Each recipient is "Unable to deliver message to: <addr>", then
 * "Delivery failed for the following reason:" and the reason, which for a
 * remote refusal reads "Server HOST[IP] failed with: <reply>".  The stage
 * that reply answered is not given. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

#define TO "Unable to deliver message to:"
#define WHY "Delivery failed for the following reason:"
#define SERVER "Server "
#define FAILED " failed with: "

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, TO) && bd_msg_find(m, WHY);
}

/* Sets rc's diagnostic (and remote host) from the reason why[0..n). */
static void reason(struct bd_report *r, struct bd_rcpt *rc, const char *why, size_t n)
{
	const char *end = why + n;
	const char *f = bd_startswith_ci(why, SERVER) ?
				bd_memcasemem(why, n, FAILED, strlen(FAILED)) :
				NULL;
	if (f) {
		const char *h = why + strlen(SERVER);
		size_t hl = (size_t)(f - h);
		const char *br = memchr(h, '[', hl);
		rc->remote_mta = bd_report_strn(r, h, br ? (size_t)(br - h) : hl);
		why = f + strlen(FAILED);
	}
	bd_rcpt_set_diag(r, rc, why, (size_t)(end - why));
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t pos = 0, llen, len = m->orig_offset;
	const char *line;
	struct bd_rcpt *rc = NULL;
	const char *ws = NULL, *we = NULL;
	bool in_why = false;
	int n = 0;
	for (;;) {
		bool more = bd_next_line(m->body, len, &pos, &line, &llen);
		size_t sk = more ? bda_skip_ws(line, llen) : 0;
		bool to = more && bd_startswith_ci(line + sk, TO);
		if (!more || to || (in_why && bda_blank(line, llen))) {
			if (rc && ws)
				reason(r, rc, ws, (size_t)(we - ws));
			ws = we = NULL;
			in_why = false;
			if (!more)
				break;
		}
		if (to) {
			const char *a = line + sk + strlen(TO);
			char *addr = bd_addr_normalize(&r->arena, a, (size_t)(line + llen - a));
			rc = NULL;
			if (addr && bd_addr_valid(addr)) {
				size_t before = r->n;
				rc = bd_report_rcpt(r, addr);
				n += r->n > before;
			}
			continue;
		}
		if (rc && bd_startswith_ci(line + sk, WHY)) {
			in_why = true;
			continue;
		}
		if (in_why && !bda_blank(line, llen)) {
			if (!ws)
				ws = line + sk;
			we = line + llen;
		}
	}
	return n;
}

const struct bd_detector bd_det_mailfoundry = {"mailfoundry", match, extract};
