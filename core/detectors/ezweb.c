/* ezweb.c: error notices of au's EZweb mobile mail (ezweb.ne.jp).
 *
 * Either "Each of the following recipients was rejected by a remote mail
 * server." followed by "Recipient: <addr>", the command sent (">>> RCPT
 * TO:<addr>") and the server's reply ("<<< 550 ...", a line for each line
 * of a multi-line reply), or only the reply after "Reason:" ("Reason:
 * <addr>... User unknown"), or a one-line reason
 * ("The user(s) account is disabled.") followed by <addr> lines.  The same
 * InterMail notice of a message that stayed queued too long puts a heading
 * ("The following recipients did not receive this message:") before the
 * <addr> lines and its cause in the paragraph above the heading ("Your
 * message was not delivered within 5 days: Server ... is not responding."). */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static bool match(const struct bd_msg *m)
{
	if (bd_msg_find(m, "Each of the following recipients was rejected by a remote"))
		return true;
	/* The short form has its subject, its sender and its opening line to
	 * go by: the same notice relayed through another domain keeps the
	 * subject and the opening line. */
	return bd_strcasestr(m->subject, "Mail System Error - Returned Mail") &&
	       (bd_strcasestr(m->from, "ezweb.ne.jp") ||
		bd_msg_find(m, "This Message was undeliverable due to the following reason"));
}

/* The only address on a line made of "<addr>" (after blanks), or NULL. */
static char *bare_address(struct bd_report *r, const char *line, size_t n)
{
	size_t i = bda_skip_ws(line, n);
	while (n > i && bd_isspace(line[n - 1]))
		n--;
	if (n - i < 3 || line[i] != '<' || line[n - 1] != '>')
		return NULL;
	char *a = bd_addr_normalize(&r->arena, line + i, n - i);
	return a && bd_addr_valid(a) ? a : NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *text = m->body;
	size_t len = m->orig_offset, pos = 0, llen;
	const char *line;
	struct bd_rcpt *rc = NULL;
	const char *reason = NULL; /* the one-line reason of the short form */
	size_t reason_len = 0;
	const char *prev = NULL;
	size_t prev_len = 0;
	/* The paragraph being read and the two completed before it. */
	const char *para = NULL, *para_end = NULL;
	const char *done[2] = {NULL, NULL}, *done_end[2] = {NULL, NULL};
	int added = 0;
	struct bd_buf reply; /* the "<<< " lines of the reply being read */
	bd_buf_init(&reply);
	bool recipients_rejected =
		bd_msg_find(m, "Each of the following recipients was rejected by a remote") != NULL;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		const char *t = line + bda_skip_ws(line, llen);
		size_t tl = llen - (size_t)(t - line);
		char *addr = NULL;
		if (bd_startswith_ci(t, "Recipient:"))
			addr = bd_addr_normalize(&r->arena, t + 10, tl - 10);
		else
			addr = bare_address(r, line, llen);
		if (addr && bd_addr_valid(addr)) {
			bd_buf_reset(&reply);
			size_t before = r->n;
			rc = bd_report_rcpt(r, addr);
			added += r->n > before;
			if (!bd_startswith_ci(t, "Recipient:")) {
				if (!reason && prev) {
					reason = prev;
					reason_len = prev_len;
					/* A heading that introduces the list: the cause
					 * is the paragraph above it. */
					if (reason_len && reason[reason_len - 1] == ':' &&
					    done[0] && done[0] <= prev && prev < done_end[0] &&
					    done[1]) {
						reason = done[1];
						reason_len = (size_t)(done_end[1] - done[1]);
					}
				}
				if (reason)
					bd_rcpt_set_diag(r, rc, reason, reason_len);
			}
			continue;
		}
		if (!bda_blank(line, llen)) {
			prev = t;
			prev_len = tl;
			if (!para)
				para = line;
			para_end = line + llen;
		} else if (para) {
			done[1] = done[0];
			done_end[1] = done_end[0];
			done[0] = para;
			done_end[0] = para_end;
			para = NULL;
		}
		if (!rc)
			continue;
		if (bd_startswith_ci(t, ">>> ")) {
			rc->command = bd_command_name(t + 4, tl - 4);
			bd_buf_reset(&reply);
		} else if (bd_startswith_ci(t, "<<< ")) {
			/* The lines of a multi-line reply make one answer. */
			if (reply.len)
				bd_buf_addc(&reply, ' ');
			bd_buf_add(&reply, t + 4, tl - 4);
			bd_rcpt_set_diag(r, rc, reply.data, reply.len);
		} else if (bd_startswith_ci(t, "Reason:") && !rc->diagnostic) {
			/* The server's answer without the transcript: "Reason: <addr>...
			 * User unknown".  The notice says the recipient itself was
			 * refused ("rejected by a remote mail server"). */
			size_t k = 7 + bda_skip_ws(t + 7, tl - 7);
			bd_rcpt_set_diag(r, rc, t + k, tl - k);
			if (!rc->command && recipients_rejected)
				rc->command = "RCPT";
		}
	}
	bd_buf_done(&reply);
	return added;
}

const struct bd_detector bd_det_ezweb = {"ezweb", match, extract};
