/* postfix.c: Postfix's bounce, delay and delivery reports, with or without
 * their DSN part, and the "Postfix SMTP server: errors from" notices that
 * carry an SMTP session transcript ("In: RCPT TO:<a>" / "Out: 451 ...").
 * The prose names each recipient as "<addr>: host H said: REPLY (in reply
 * to CMD command)"; the transcript's first failing reply is the diagnostic. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

extern const struct bd_detector bd_det_rfc3464;

static const char *const intros[] = {
	"This is the mail system at host",
	"This is the Postfix program at host",
	NULL,
};

#define TRANSCRIPT "Transcript of session follows."

static bool is_transcript(const struct bd_msg *m)
{
	return bd_startswith_ci(m->subject, "Postfix SMTP server: errors from") &&
	       bd_msg_find(m, TRANSCRIPT);
}

/* A site may rewrite the notice's text (bounce.cf, bounce(5)), but bounce(8)
 * of Postfix 2.3 and later still writes its own fields into the DSN part:
 * the queue ID and the sender. */
static const char *const dsn_fields[] = {
	"\nX-Postfix-Queue-ID: ",
	"\nX-Postfix-Sender: rfc822;",
	NULL,
};

static bool match(const struct bd_msg *m)
{
	size_t head = m->body_len < 2048 ? m->body_len : 2048;
	for (size_t i = 0; intros[i]; i++) {
		if (bd_memcasemem(m->body, head, intros[i], strlen(intros[i])))
			return true;
	}
	for (size_t i = 0; m->dsn && dsn_fields[i]; i++) {
		if (bd_memcasemem(m->dsn->raw, m->dsn->raw_len, dsn_fields[i],
				  strlen(dsn_fields[i])))
			return true;
	}
	return is_transcript(m);
}

static bool is_blank(const char *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!bd_isspace(l[i]))
			return false;
	}
	return true;
}

/* "<addr>: text" or "<addr> (expanded from <alias>): text" at a line start.
 * Returns the address and sets *alias and *rest (the text after ": "). */
static char *block_head(struct bd_report *r, const char *l, size_t n, char **alias,
			const char **rest)
{
	if (n < 5 || l[0] != '<')
		return NULL;
	const char *gt = NULL;
	for (size_t i = 1; i < n; i++) {
		if (l[i] == '>') {
			gt = l + i;
			break;
		}
	}
	if (!gt)
		return NULL;
	const char *p = gt + 1;
	const char *end = l + n;
	*alias = NULL;
	if ((size_t)(end - p) > 16 && bd_startswith_ci(p, " (expanded from <")) {
		const char *a = p + 17;
		const char *agt = memchr(a, '>', (size_t)(end - a));
		if (!agt || agt + 1 >= end || agt[1] != ')')
			return NULL;
		*alias = bd_addr_normalize(&r->arena, a, (size_t)(agt - a));
		p = agt + 2;
	}
	if (p >= end || *p != ':')
		return NULL;
	p++;
	while (p < end && *p == ' ')
		p++;
	*rest = p;
	return bd_addr_normalize(&r->arena, l + 1, (size_t)(gt - l - 1));
}

/* Is the account Postfix's own verdict on the host that wrote the notice:
 * no server's reply, no remote host, no delivery command's output ("unknown
 * user: \"name\"" of local(8), "User unknown in virtual alias table")? */
static bool own_verdict(const char *text)
{
	char code[16];
	return !bd_find_replycode(text, code) && !bd_strcasestr(text, "host ") &&
	       !bd_strcasestr(text, "connect to ") && !bd_strcasestr(text, "command");
}

/* Applies one recipient's account ("host H said: REPLY (in reply to ...)").
 * own_host, when not NULL, is the host that wrote a notice without a DSN
 * part: the reporting MTA of Postfix's own verdicts. */
static void apply_block(struct bd_report *r, struct bd_rcpt *rc, char *text, const char *own_host)
{
	bd_str_squeeze(text);
	text = bd_str_trim(text);
	if (!rc->command)
		rc->command = bd_command_in(text);
	/* "host H said: REPLY", or "host H refused to talk to me: GREETING". */
	const char *mark = " said: ";
	char *said = (char *)bd_strcasestr(text, mark);
	if (!said) {
		mark = " refused to talk to me: ";
		said = (char *)bd_strcasestr(text, mark);
		if (said && !rc->command)
			rc->command = "CONN";
	}
	char *words = text;
	if (said) {
		if (!rc->remote_mta && bd_startswith_ci(text, "host ")) {
			const char *h = text + 5;
			size_t k = strcspn(h, "[ ");
			if (k)
				rc->remote_mta = bd_report_strn(r, h, k);
		}
		words = said + strlen(mark);
		char *tail = (char *)bd_strcasestr(words, "(in reply to ");
		if (tail)
			*tail = '\0';
	} else if (own_host && !rc->remote_mta && !rc->reporting_mta && own_verdict(text)) {
		rc->reporting_mta = own_host;
	}
	/* The DSN's Diagnostic-Code stays; a diagnostic taken from this same
	 * prose (when the DSN had none) gives way to the server's own words. */
	if (!rc->diagnostic || strncmp(rc->diagnostic, text, 24) == 0)
		bd_rcpt_set_diag(r, rc, words, strlen(words));
}

/* Reads the "<addr>: ..." blocks of the notification text.  Adds recipients
 * only when add is true (no DSN part named them). */
static int read_blocks(struct bd_msg *m, struct bd_report *r, bool add)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	struct bd_buf b, head;
	bd_buf_init(&b);
	bd_buf_init(&head);
	struct bd_rcpt *cur = NULL;
	bool paired = false;
	const char *own_host = add ? bda_from_host(m, r) : NULL;
	int n = 0;
	for (;;) {
		bool more = bd_next_line(m->body, m->orig_offset, &pos, &line, &llen);
		char *alias = NULL;
		const char *rest = NULL;
		char *addr = more ? block_head(r, line, llen, &alias, &rest) : NULL;
		/* Postfix wraps its lines at 80 columns: after a long address
		 * the rest of the head ("(expanded from <alias>): ...", or the
		 * colon) goes on the indented lines that follow. */
		if (more && !addr && llen > 2 && line[0] == '<' && memchr(line, '>', llen)) {
			size_t look = pos, n2;
			const char *l2;
			bd_buf_reset(&head);
			bd_buf_add(&head, line, llen);
			for (int k = 0;
			     k < 3 && bd_next_line(m->body, m->orig_offset, &look, &l2, &n2); k++) {
				if (!n2 || (l2[0] != ' ' && l2[0] != '\t') || is_blank(l2, n2))
					break;
				size_t ws = 0;
				while (ws < n2 && bd_isspace(l2[ws]))
					ws++;
				bd_buf_addc(&head, ' ');
				bd_buf_add(&head, l2 + ws, n2 - ws);
				addr = block_head(r, head.data, head.len, &alias, &rest);
				if (addr) {
					pos = look;
					line = head.data;
					llen = head.len;
					break;
				}
			}
		}
		bool cont = more && !addr && llen && (line[0] == ' ' || line[0] == '\t') &&
			    !is_blank(line, llen);
		if (cur && !cont) {
			apply_block(r, cur,
				    bd_arena_strndup(&r->arena, b.data ? b.data : "", b.len),
				    own_host);
			cur = NULL;
		}
		if (!more)
			break;
		if (cont && cur) {
			bd_buf_addc(&b, ' ');
			bd_buf_add(&b, line, llen);
			continue;
		}
		if (!addr)
			continue;
		struct bd_rcpt *rc = bd_report_find(r, addr);
		if (!rc && alias)
			rc = bd_report_find(r, alias);
		/* One recipient in the DSN and another spelling in the prose. */
		if (!rc && !add && r->n == 1 && !paired)
			rc = &r->rcpt[0];
		if (!rc && add) {
			size_t before = r->n;
			rc = bd_report_rcpt(r, addr);
			n += r->n > before;
		}
		if (!rc)
			continue;
		paired = true;
		if (alias && !rc->alias && strcmp(alias, rc->recipient) != 0)
			rc->alias = alias;
		cur = rc;
		bd_buf_reset(&b);
		bd_buf_add(&b, rest, (size_t)(line + llen - rest));
	}
	bd_buf_done(&b);
	bd_buf_done(&head);
	return n;
}

/* "Out: 451 4.3.0 ..." / "In:  RCPT TO:<a>" lines: the recipients named in
 * RCPT TO, the first 4xx/5xx reply and the command it answered. */
static int read_transcript(struct bd_msg *m, struct bd_report *r)
{
	const char *t = bd_msg_find(m, TRANSCRIPT);
	size_t off = (size_t)(t - m->body);
	const char *text = m->body + off;
	size_t len = m->orig_offset - off;
	size_t pos = 0;
	const char *line;
	size_t llen;
	const char *cmd = NULL, *fail_cmd = NULL;
	const char *fail = NULL;
	size_t fail_len = 0;
	char *rcpts[32];
	size_t nr = 0;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		while (llen && bd_isspace(*line))
			line++, llen--;
		if (llen > 3 && bd_startswith_ci(line, "In:")) {
			const char *c = line + 3;
			size_t k = llen - 3;
			while (k && *c == ' ')
				c++, k--;
			static const char *const words[] = {"RCPT", "MAIL", "DATA", "HELO",
							    "EHLO", "BDAT", NULL};
			for (size_t i = 0; words[i]; i++) {
				if (k >= 4 && bd_startswith_ci(c, words[i]))
					cmd = i == 4 ? "HELO" : (i == 5 ? "DATA" : words[i]);
			}
			const char *lt = memchr(c, '<', k);
			if (lt && k >= 8 && bd_startswith_ci(c, "RCPT TO:") &&
			    nr < sizeof(rcpts) / sizeof(rcpts[0])) {
				const char *gt = memchr(lt, '>', k - (size_t)(lt - c));
				char *a = gt ? bd_addr_normalize(&r->arena, lt,
								 (size_t)(gt - lt + 1)) :
					       NULL;
				if (a)
					rcpts[nr++] = a;
			}
			continue;
		}
		if (!fail && llen > 8 && bd_startswith_ci(line, "Out:")) {
			const char *c = line + 4;
			size_t k = llen - 4;
			while (k && *c == ' ')
				c++, k--;
			if (k >= 4 && (c[0] == '4' || c[0] == '5') && c[1] >= '0' && c[1] <= '9' &&
			    c[2] >= '0' && c[2] <= '9' && (c[3] == ' ' || c[3] == '-')) {
				fail = c;
				fail_len = k;
				fail_cmd = cmd;
			}
		}
	}
	if (!fail)
		return 0;
	int n = 0;
	for (size_t i = 0; i < nr; i++) {
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, rcpts[i]);
		n += r->n > before;
		bd_rcpt_set_diag(r, rc, fail, fail_len);
		rc->command = fail_cmd;
	}
	return n;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	if (is_transcript(m))
		return read_transcript(m, r);
	int n = 0;
	if (bd_det_rfc3464.match(m))
		n = bd_det_rfc3464.extract(m, r);
	if (n > 0) {
		read_blocks(m, r, false);
		return n;
	}
	n = read_blocks(m, r, true);
	if (n > 0 && bd_msg_find(m, "THIS IS A WARNING ONLY"))
		r->kind = BD_KIND_DELAY;
	if (n == 0 && bd_msg_find(m, "--- Delivery report unavailable ---")) {
		/* Postfix lost the account of the failure: the returned message
		 * names the recipient, and nothing says why it failed. */
		const char *who = bd_msg_verp(r, m);
		if (!who)
			who = bd_header_addr(r, m->orig_hdr, "To");
		if (who) {
			struct bd_rcpt *rc = bd_report_rcpt(r, who);
			rc->action = "failed";
			n = 1;
		}
	}
	return n;
}

const struct bd_detector bd_det_postfix = {"postfix", match, extract};
