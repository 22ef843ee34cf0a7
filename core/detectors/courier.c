/* courier.c: delivery status notifications of the Courier mail server.
 *
 * The DSN part names the recipients; the text before it shows, under each
 * " <addr>:" line, the remote host ("     host [ip]:"), the command Courier
 * sent (" >>> DATA") and the server's answer (" <<< 550 ..."), so it says at
 * which SMTP stage the recipient failed.  Courier indents these lines by a
 * space (module.dsn's format), some copies of them by none.  A delay
 * warning lists the same accounts after "the following addresses only:";
 * its DSN part gives no Diagnostic-Code, so the text is all there is of
 * the server's answer.  A line under the host that is neither ">>> " nor
 * "<<< " is Courier's own word on the failure where no answer came
 * ("Connection unexpectedly closed by remote host.", "No such domain."). */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

extern const struct bd_detector bd_det_rfc3464;

#define INTRO "running the Courier mail server"
#define LIST "the following recipients cannot be delivered:"
#define DELAY_LIST "the following addresses only:"

static const char *list_lead(const struct bd_msg *m, size_t *len)
{
	const char *p = bd_msg_find(m, LIST);
	*len = strlen(LIST);
	if (!p) {
		p = bd_msg_find(m, DELAY_LIST);
		*len = strlen(DELAY_LIST);
	}
	return p;
}

static bool match(const struct bd_msg *m)
{
	size_t ll;
	return bd_msg_find(m, INTRO) && list_lead(m, &ll);
}

/* "<address>:" alone on a line. */
static char *rcpt_line(struct bd_report *r, const char *line, size_t n)
{
	while (n && bd_isspace(line[n - 1]))
		n--;
	if (n < 5 || line[0] != '<' || line[n - 1] != ':' || line[n - 2] != '>')
		return NULL;
	return bd_addr_normalize(&r->arena, line, n - 1);
}

/* What the text says about one recipient. */
struct block {
	struct bd_rcpt *rc;
	const char *command; /* stage of the last ">>> " line */
	const char *host;    /* "host [ip]:" line */
	struct bd_buf reply; /* "<<< " lines */
	struct bd_buf own;   /* Courier's own words, unmarked lines */
};

static void finish(struct bd_report *r, struct block *b)
{
	if (!b->rc)
		return;
	if (b->reply.len) {
		/* The generic reader may have taken the transcript line itself,
		 * marker and all, as the diagnostic: the reply replaces it. */
		const char *d = b->rc->diagnostic;
		if (!d || strncmp(d, "<<< ", 4) == 0 || strncmp(d, ">>> ", 4) == 0)
			bd_rcpt_set_diag(r, b->rc, b->reply.data, b->reply.len);
		/* Only a reply answers a command: without one the failure came
		 * before any (no such domain, no route). */
		if (!b->rc->command)
			b->rc->command = b->command;
	} else if (b->own.len) {
		bd_rcpt_set_diag(r, b->rc, b->own.data, b->own.len);
	}
	if (!b->rc->remote_mta && b->host)
		b->rc->remote_mta = b->host;
	b->rc = NULL;
	b->command = b->host = NULL;
	bd_buf_reset(&b->reply);
	bd_buf_reset(&b->own);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_det_rfc3464.match(m) ? bd_det_rfc3464.extract(m, r) : 0;
	size_t ll;
	const char *p = list_lead(m, &ll) + ll;
	size_t len = m->orig_offset - (size_t)(p - m->body), pos = 0, llen;
	const char *line;
	struct block b = {0};
	bd_buf_init(&b.reply);
	bd_buf_init(&b.own);
	while (bd_next_line(p, len, &pos, &line, &llen)) {
		while (llen && bd_isspace(line[llen - 1]))
			llen--;
		if (llen >= 5 && memcmp(line, "-----", 5) == 0)
			break;
		/* The line without Courier's one-space indent. */
		size_t ws = bda_skip_ws(line, llen);
		const char *t = line + ws;
		size_t tl = llen - ws;
		char *addr = rcpt_line(r, t, tl);
		if (addr) {
			finish(r, &b);
			b.rc = bd_report_find(r, addr);
			if (!b.rc) {
				b.rc = bd_report_rcpt(r, addr);
				n++;
			}
			continue;
		}
		if (!b.rc || llen == 0)
			continue;
		if (tl > 4 && memcmp(t, ">>> ", 4) == 0) {
			b.command = bd_command_name(t + 4, tl - 4);
			bd_buf_reset(&b.reply);
		} else if (tl > 4 && memcmp(t, "<<< ", 4) == 0) {
			if (b.reply.len)
				bd_buf_addc(&b.reply, ' ');
			bd_buf_add(&b.reply, t + 4, tl - 4);
		} else if (line[llen - 1] == ':' && ws > 0) {
			const char *sp = memchr(line + ws, ' ', llen - ws);
			size_t hl = sp ? (size_t)(sp - line) - ws : llen - 1 - ws;
			b.host = bd_report_strn(r, line + ws, hl);
		} else {
			if (b.own.len)
				bd_buf_addc(&b.own, ' ');
			bd_buf_add(&b.own, t, tl);
		}
	}
	finish(r, &b);
	bd_buf_done(&b.reply);
	bd_buf_done(&b.own);
	return n;
}

const struct bd_detector bd_det_courier = {"courier", match, extract};
