/* messagingserver.c: reports of Sun/Oracle (iPlanet) Messaging Server.
 *
 * The text part repeats the DSN in prose: after "Your message cannot be
 * delivered to the following recipients:" come blocks of "Recipient
 * address:", "Original address:", "Reason:", "Diagnostic code: smtp; ..."
 * and "Remote system:", one block for each recipient with a blank line
 * between them.  Its DSN Status is usually 5.0.0 while the server's
 * reply carries the precise code, so the reply's code is kept.  Some of
 * these reports arrive with the DSN fields pasted into the text part.
 * A delay report has the same blocks after "Your message has been delayed
 * and is still awaiting delivery to the following recipients:"; one
 * report may hold both sections. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char lead[] = "Your message cannot be delivered to the following recipients:";
static const char lead_delayed[] = "Your message has been delayed and is still awaiting delivery";

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, lead) != NULL || bd_msg_find(m, lead_delayed) != NULL;
}

static const char *field(const char *t, size_t tl, const char *name, size_t *vl)
{
	size_t k = strlen(name);
	if (tl < k || !bd_startswith_ci(t, name))
		return NULL;
	const char *v = t + k;
	while (v < t + tl && *v == ' ')
		v++;
	*vl = tl - (size_t)(v - t);
	return v;
}

/* Reads the recipient blocks that follow p (up to end) into r; each new
 * recipient gets `action` (NULL: left to the report's kind). */
static int read_blocks(struct bd_report *r, const char *p, const char *end, const char *action)
{
	size_t pos = 0, llen, len = (size_t)(end - p);
	const char *line;
	struct bd_rcpt *rc = NULL;
	int added = 0;
	bool gap = false;
	while (bd_next_line(p, len, &pos, &line, &llen)) {
		if (bda_blank(line, llen)) {
			gap = rc != NULL;
			continue;
		}
		const char *t = line + bda_skip_ws(line, llen);
		size_t tl = llen - (size_t)(t - line), vl;
		const char *v = field(t, tl, "Recipient address:", &vl);
		/* A blank line separates the blocks of the recipients; the
		 * prose ends at the first line after one that opens no block. */
		if (gap && !v)
			break;
		gap = false;
		if (v) {
			char *a = bd_addr_normalize(&r->arena, v, vl);
			if (!a)
				continue;
			size_t before = r->n;
			rc = bd_report_rcpt(r, a);
			added += r->n > before;
			if (action && r->n > before && !rc->action)
				rc->action = action;
		} else if (!rc) {
			continue;
		} else if ((v = field(t, tl, "Original address:", &vl)) != NULL) {
			char *a = bd_addr_normalize(&r->arena, v, vl);
			if (a && strcmp(a, rc->recipient ? rc->recipient : "") != 0)
				rc->alias = a;
		} else if ((v = field(t, tl, "Diagnostic code:", &vl)) != NULL) {
			const char *semi = memchr(v, ';', vl);
			if (semi && semi - v < 12) {
				vl -= (size_t)(semi + 1 - v);
				v = semi + 1;
			}
			bd_rcpt_set_diag(r, rc, v, vl);
		} else if ((v = field(t, tl, "Reason:", &vl)) != NULL) {
			if (!rc->diagnostic)
				bd_rcpt_set_diag(r, rc, v, vl);
		} else if ((v = field(t, tl, "Remote system:", &vl)) != NULL) {
			const char *semi = memchr(v, ';', vl);
			if (semi && semi - v < 12) {
				vl -= (size_t)(semi + 1 - v);
				v = semi + 1;
			}
			const char *sp = memchr(v + 1, ' ', vl - 1);
			if (!rc->remote_mta)
				rc->remote_mta = bd_report_strn(r, v, sp ? (size_t)(sp - v) : vl);
		}
	}
	return added;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *failed = bd_msg_find(m, lead);
	const char *delayed = bd_msg_find(m, lead_delayed);
	const char *end = m->body + m->orig_offset;
	if (!failed && !delayed)
		return 0;
	int n = m->dsn ? bd_dsn_extract(m, r) : 0;
	bool from_dsn = n > 0;
	int added = 0;
	if (failed && failed < end)
		added += read_blocks(r, failed + sizeof(lead) - 1, end, NULL);
	if (delayed && delayed < end) {
		added += read_blocks(r, delayed + sizeof(lead_delayed) - 1, end, "delayed");
		if (!from_dsn && !failed)
			r->kind = BD_KIND_DELAY;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct bd_rcpt *x = &r->rcpt[i];
		char code[16];
		if (x->diagnostic && bd_find_status(x->diagnostic, code) &&
		    (!x->status || strcmp(x->status + 1, ".0.0") == 0))
			x->status = bd_arena_strdup(&r->arena, code);
	}
	return from_dsn ? n : added;
}

const struct bd_detector bd_det_messagingserver = {"messagingserver", match, extract};
