/* surfcontrol.c: bounces of the SurfControl E-mail Filter (X-Mailer:
 * SurfControl E-mail Filter).
 *
 * A delivery-status part names the recipient and the remote reply; the
 * text part, "a transcript of the attempts", adds the host that gave it:
 * "addr: [192.0.2.5], 550 ...".  The stage the reply answered is not
 * given. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

extern const struct bd_detector bd_det_rfc3464;

static bool match(const struct bd_msg *m)
{
	return bd_msg_header_has(m, "X-Mailer", "SurfControl") && bd_det_rfc3464.match(m);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_det_rfc3464.extract(m, r);
	size_t pos = 0, llen;
	const char *line;
	while (bd_next_line(m->body, m->orig_offset, &pos, &line, &llen)) {
		/* "addr: [host], reply" */
		const char *sep = bd_memcasemem(line, llen, ": [", 3);
		if (!sep)
			continue;
		char *addr = bd_addr_normalize(&r->arena, line, (size_t)(sep - line));
		struct bd_rcpt *rc = addr ? bd_report_find(r, addr) : NULL;
		const char *h = sep + 3, *end = line + llen;
		const char *close = memchr(h, ']', (size_t)(end - h));
		if (!rc || !close || close == h)
			continue;
		if (!rc->remote_mta)
			rc->remote_mta = bd_report_strn(r, h, (size_t)(close - h));
		if (!rc->diagnostic && close + 2 < end && close[1] == ',')
			bd_rcpt_set_diag(r, rc, close + 2, (size_t)(end - close - 2));
	}
	return n;
}

const struct bd_detector bd_det_surfcontrol = {"surfcontrol", match, extract};
