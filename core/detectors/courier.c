/* courier.c: delivery status notifications of the Courier mail server.
 *
 * The DSN part names the recipients; the text before it shows, under each
 * "<addr>:" line, the remote host ("    host [ip]:"), the command Courier
 * sent (">>> DATA") and the server's answer ("<<< 550 ..."), so it says at
 * which SMTP stage the recipient failed. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

extern const struct bd_detector bd_det_rfc3464;

#define INTRO "running the Courier mail server"
#define LIST "the following recipients cannot be delivered:"

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, INTRO) && bd_msg_find(m, LIST);
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
};

static void finish(struct bd_report *r, struct block *b)
{
	if (!b->rc)
		return;
	if (b->reply.len) {
		if (!b->rc->diagnostic)
			bd_rcpt_set_diag(r, b->rc, b->reply.data, b->reply.len);
		/* Only a reply answers a command: without one the failure came
		 * before any (no such domain, no route). */
		if (!b->rc->command)
			b->rc->command = b->command;
	}
	if (!b->rc->remote_mta && b->host)
		b->rc->remote_mta = b->host;
	b->rc = NULL;
	b->command = b->host = NULL;
	bd_buf_reset(&b->reply);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_det_rfc3464.match(m) ? bd_det_rfc3464.extract(m, r) : 0;
	const char *p = bd_msg_find(m, LIST) + strlen(LIST);
	size_t len = m->orig_offset - (size_t)(p - m->body), pos = 0, llen;
	const char *line;
	struct block b = {0};
	bd_buf_init(&b.reply);
	while (bd_next_line(p, len, &pos, &line, &llen)) {
		while (llen && bd_isspace(line[llen - 1]))
			llen--;
		if (llen >= 5 && memcmp(line, "-----", 5) == 0)
			break;
		char *addr = rcpt_line(r, line, llen);
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
		if (llen > 4 && memcmp(line, ">>> ", 4) == 0) {
			b.command = bd_command_name(line + 4, llen - 4);
			bd_buf_reset(&b.reply);
		} else if (llen > 4 && memcmp(line, "<<< ", 4) == 0) {
			if (b.reply.len)
				bd_buf_addc(&b.reply, ' ');
			bd_buf_add(&b.reply, line + 4, llen - 4);
		} else if (line[llen - 1] == ':' && bda_indent(line, llen) > 0) {
			size_t ws = bda_skip_ws(line, llen);
			const char *sp = memchr(line + ws, ' ', llen - ws);
			size_t hl = sp ? (size_t)(sp - line) - ws : llen - 1 - ws;
			b.host = bd_report_strn(r, line + ws, hl);
		}
	}
	finish(r, &b);
	bd_buf_done(&b.reply);
	return n;
}

const struct bd_detector bd_det_courier = {"courier", match, extract};
