/* smtpdetails.c: the "automatically generated Delivery Status Notification"
 * that lists the recipients under "Delivery to the following recipients
 * failed permanently:" and gives the remote reply under "Technical details:"
 * as "SMTP:RCPT host H: 553 5.3.0 text". */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

#define LIST "Delivery to the following recipient"
#define DETAILS "Technical details:"

static bool match(const struct bd_msg *m)
{
	return bd_msg_find_in_order(m, LIST, DETAILS);
}

/* "SMTP:CMD host H: reply" -> command, host and reply. */
static void read_details(struct bd_report *r, struct bd_rcpt *rc, const char *l, size_t n)
{
	const char *p = l + 5;
	const char *end = l + n;
	if (end - p >= 4)
		rc->command = bd_command_name(p, 4);
	const char *host = bd_memcasemem(p, (size_t)(end - p), " host ", 6);
	const char *words = p;
	if (host) {
		const char *h = host + 6;
		const char *colon = memchr(h, ':', (size_t)(end - h));
		if (colon) {
			rc->remote_mta = bd_report_strn(r, h, (size_t)(colon - h));
			words = colon + 1;
		}
	} else {
		while (words < end && *words != ' ')
			words++;
	}
	bd_rcpt_set_diag(r, rc, words, (size_t)(end - words));
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *l = bd_msg_find(m, LIST);
	const char *d = bd_msg_find(m, DETAILS);
	const char *end = m->body + m->orig_offset;
	size_t pos = 0;
	const char *line;
	size_t llen;
	int n = 0;
	while (bd_next_line(l, (size_t)(d - l), &pos, &line, &llen)) {
		if (pos <= strlen(LIST))
			continue;
		size_t apos = 0, st, en;
		char *addr = bd_addr_next(&r->arena, line, llen, &apos, &st, &en);
		if (!addr)
			continue;
		size_t before = r->n;
		bd_report_rcpt(r, addr);
		n += r->n > before;
	}
	if (n == 0)
		return 0;
	if (bd_memcasemem(l, (size_t)(d - l), "temporarily", 11))
		r->kind = BD_KIND_DELAY;
	pos = 0;
	d += strlen(DETAILS);
	while (bd_next_line(d, (size_t)(end - d), &pos, &line, &llen)) {
		while (llen && bd_isspace(*line))
			line++, llen--;
		if (llen < 6 || !bd_startswith_ci(line, "SMTP:"))
			continue;
		/* The reply names its recipient when there are several. */
		for (size_t i = 0; i < r->n; i++) {
			struct bd_rcpt *rc = &r->rcpt[i];
			if (r->n == 1 ||
			    bd_memcasemem(line, llen, rc->recipient, strlen(rc->recipient)))
				read_details(r, rc, line, llen);
		}
	}
	/* Details in prose, not as "SMTP:CMD host H: reply" (an HTML notice):
	 * the paragraph under the heading says it, for its one recipient. */
	if (r->n == 1 && !r->rcpt[0].diagnostic) {
		const char *s = NULL, *e = NULL;
		pos = 0;
		while (bd_next_line(d, (size_t)(end - d), &pos, &line, &llen)) {
			while (llen && bd_isspace(*line))
				line++, llen--;
			if (!llen) {
				if (s)
					break;
				continue;
			}
			if (!s)
				s = line;
			e = line + llen;
		}
		if (s)
			bd_rcpt_set_diag(r, &r->rcpt[0], s, (size_t)(e - s));
	}
	return n;
}

const struct bd_detector bd_det_smtpdetails = {"smtpdetails", match, extract};
