/* gmail.c: Gmail's plain-text bounces and delay warnings (before Gmail wrote
 * RFC 3464 reports).
 *
 * "Delivery to the following recipient(s) failed permanently:" (or "has
 * been delayed:") is followed by the indented addresses, then "Technical
 * details of permanent (temporary) failure:" and Google's explanation; when
 * the remote server answered, its reply follows "The error that the other
 * server returned was:". */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char *const leads[] = {
	"Delivery to the following recipient failed permanently:",
	"Delivery to the following recipients failed permanently:",
	"Delivery to the following recipient has been delayed:",
	"Delivery to the following recipients have been delayed:",
	"Delivery to the following recipients has been delayed:",
	NULL,
};

static const char *find_lead(const struct bd_msg *m, bool *delay)
{
	for (size_t i = 0; leads[i]; i++) {
		const char *p = bd_msg_find(m, leads[i]);
		if (p) {
			*delay = i >= 2;
			return p + strlen(leads[i]);
		}
	}
	return NULL;
}

/* A report that carries a delivery-status part says per recipient what the
 * prose says for all: it is left to the RFC 3464 reader, whatever its words. */
static bool match(const struct bd_msg *m)
{
	bool delay;
	return !m->dsn && find_lead(m, &delay) != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	bool delay = false;
	const char *p = find_lead(m, &delay);
	const char *end = m->body + m->orig_offset;
	if (!p || p >= end)
		return 0;
	const char *tech = bd_memcasemem(p, (size_t)(end - p), "Technical details of ", 21);
	const char *alist_end = tech ? tech : end;

	/* The reason: everything after the "...failure:" line, or only the remote
	 * server's reply when Google quotes it. */
	const char *diag = NULL;
	size_t dlen = 0;
	if (tech) {
		const char *colon = memchr(tech, ':', (size_t)(end - tech));
		const char *s = colon ? colon + 1 : tech;
		static const char said_words[] = "The error that the other server returned was:";
		const char *said = bd_memcasemem(s, (size_t)(end - s), said_words, 45);
		if (said)
			s = said + 45;
		diag = s;
		dlen = (size_t)(end - s);
	}

	size_t pos = 0, llen, len = (size_t)(alist_end - p);
	const char *line;
	int added = 0;
	while (bd_next_line(p, len, &pos, &line, &llen)) {
		size_t st, en, apos = 0;
		size_t ind = bda_skip_ws(line, llen);
		if (ind == 0)
			continue;
		char *addr = bd_addr_next(&r->arena, line, llen, &apos, &st, &en);
		if (!addr || st != ind)
			continue;
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		added += r->n > before;
		if (delay)
			rc->action = "delayed";
		if (diag)
			bd_rcpt_set_diag(r, rc, diag, dlen);
	}
	if (added && delay)
		r->kind = BD_KIND_DELAY;
	return added;
}

const struct bd_detector bd_det_gmail = {"gmail", match, extract};
