/* rfc3464.c: any message carrying RFC 3464 delivery-status fields: a
 * message/delivery-status part, or the same fields inline in the text (a
 * forwarded or quoted bounce, or a report whose MIME headers were lost).
 *
 * Most MTAs that write DSNs need nothing more.  When the DSN lacks a
 * Diagnostic-Code, or gives only a delay notice's placeholder for one
 * ("400 4.4.7 Message delayed"), the human-readable part often says it: the
 * prose reader fills it in for the recipients it names. */
#include <string.h>

#include "../detect.h"
#include "../str.h"

/* Length of the quoting ("> ", ">>") at the start of a line. */
static size_t quote_len(const char *line, size_t n)
{
	size_t i = 0;
	while (i < n && (line[i] == '>' || (i > 0 && line[i] == ' ' && line[i - 1] == '>')))
		i++;
	return i;
}

static bool field_is(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);
	return n >= k && bd_startswith_ci(line, name);
}

/* A "Name: value" line whose name has no blanks. */
static bool field_line(const char *line, size_t n)
{
	const char *colon = memchr(line, ':', n);
	if (!colon || colon == line)
		return false;
	for (const char *p = line; p < colon; p++) {
		if (*p == ' ' || *p == '\t' || *p == '<' || *p == '>')
			return false;
	}
	return true;
}

/* Where a DSN written inline ends: a MIME boundary or header, or the
 * returned message's trace fields. */
static bool dsn_stop(const char *l, size_t n)
{
	return (n >= 2 && l[0] == '-' && l[1] == '-') || field_is(l, n, "Received:") ||
	       field_is(l, n, "Return-Path:") || field_is(l, n, "Content-");
}

/* Finds delivery-status fields written inline in the text: the run of field
 * lines around the first Final-Recipient.  Returns them, unquoted, as an
 * arena string in *out, or false. */
static bool inline_dsn(const struct bd_msg *m, struct bd_arena *a, char **out, size_t *outlen)
{
	const char *text = m->body;
	size_t len = m->body_len;
	size_t pos = 0, prev = 0;
	const char *line;
	size_t llen;
	size_t first = len;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t q = quote_len(line, llen);
		if (field_is(line + q, llen - q, "Final-Recipient:")) {
			first = prev;
			break;
		}
		prev = pos;
	}
	if (first == len)
		return false;
	/* Back up over the per-message fields (Reporting-MTA, Arrival-Date...) and
	 * fields some MTAs write before Final-Recipient. */
	size_t start = first;
	for (int back = 0; back < 16 && start > 0; back++) {
		size_t ls = start - 1;
		while (ls > 0 && text[ls - 1] != '\n')
			ls--;
		const char *l = text + ls;
		size_t n = start - 1 - ls;
		size_t q = quote_len(l, n);
		bool blank = true;
		for (size_t i = q; i < n; i++) {
			if (!bd_isspace(l[i]))
				blank = false;
		}
		bool cont = n > q && (l[q] == ' ' || l[q] == '\t');
		if (!blank && !cont && (!field_line(l + q, n - q) || dsn_stop(l + q, n - q)))
			break;
		start = ls;
	}
	struct bd_buf b;
	bd_buf_init(&b);
	pos = start;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t q = quote_len(line, llen);
		const char *l = line + q;
		size_t n = llen - q;
		/* The DSN ends where a boundary or the returned message starts. */
		if (dsn_stop(l, n))
			break;
		bool cont = n && (l[0] == ' ' || l[0] == '\t');
		bool blank = true;
		for (size_t i = 0; i < n; i++) {
			if (!bd_isspace(l[i]))
				blank = false;
		}
		if (!blank && !cont && !field_line(l, n))
			break;
		bd_buf_add(&b, l, n);
		bd_buf_addc(&b, '\n');
	}
	if (!b.len) {
		bd_buf_done(&b);
		return false;
	}
	*out = bd_arena_strndup(a, b.data, b.len);
	*outlen = b.len;
	bd_buf_done(&b);
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is the enhanced code at p that of another server's reply quoted after a
 * label ("550-Response: 550 5.1.1", Exim's sender verification callout;
 * "said: 550 5.1.1"), rather than of the reply that starts at reply? */
static bool quoted_reply(const char *diag, const char *reply, const char *p)
{
	if (p - diag < 6 || p - 4 <= reply || p[-1] != ' ' || !is_digit(p[-2]) ||
	    !is_digit(p[-3]) || !is_digit(p[-4]))
		return false;
	const char *b = p - 5;
	while (b > diag && *b == ' ')
		b--;
	return *b == ':';
}

/* The enhanced code the remote server gave in its reply inside diag, of the
 * class cls: the one right after a reply code ("550 5.7.26", "550-'5.2.2"),
 * else the first one after the reply code that is more than "X.0.0". */
static bool server_status(const char *diag, char cls, char *out)
{
	const char *reply = NULL;
	for (const char *p = diag; *p && !reply; p++) {
		if (*p == cls && is_digit(p[1]) && is_digit(p[2]) && (p[3] == ' ' || p[3] == '-') &&
		    (p == diag || !(is_digit(p[-1]) || p[-1] == '.')))
			reply = p;
	}
	if (!reply)
		return false;
	const char *q = reply + 3;
	while (*q == ' ' || *q == '-' || *q == '\'' || *q == '"')
		q++;
	char code[16];
	if (*q == cls && bd_find_status(q, code) && strncmp(q, code, strlen(code)) == 0 &&
	    strcmp(code + 1, ".0.0") != 0) {
		memcpy(out, code, sizeof(code));
		return true;
	}
	for (const char *p = reply + 3; *p; p++) {
		if (*p != cls || !bd_find_status(p, code) || strncmp(p, code, strlen(code)) != 0)
			continue;
		if (quoted_reply(diag, reply, p))
			continue;
		if (strcmp(code + 1, ".0.0") != 0) {
			memcpy(out, code, sizeof(code));
			return true;
		}
	}
	return false;
}

/* A Status of X.0.0 says only "failed"; the server's reply often says why. */
static void refine_status(struct bd_report *r, struct bd_rcpt *rc)
{
	char code[16];
	if (!rc->status || !rc->diagnostic || strcmp(rc->status + 1, ".0.0") != 0)
		return;
	if (server_status(rc->diagnostic, rc->status[0], code))
		rc->status = bd_arena_strdup(&r->arena, code);
}

/* Is diag only a delay notice's own placeholder, no server's reply
 * ("400 4.4.7 Message delayed", Exchange's Diagnostic-Code for every
 * delayed recipient)?  The text beside it quotes the last attempt's reply. */
static bool delay_placeholder(const char *diag)
{
	const char *p = diag;
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && p[3] == ' ')
		p += 4;
	while (*p == ' ')
		p++;
	if (is_digit(p[0]) && p[1] == '.') {
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			p++;
	}
	if (!bd_startswith_ci(p, "message delayed"))
		return false;
	for (p += 15; *p; p++) {
		if (*p != ' ' && *p != '.' && *p != '\n' && *p != '\r' && *p != '\t')
			return false;
	}
	return true;
}

static bool match(const struct bd_msg *m)
{
	if (m->dsn)
		return true;
	const char *hit = bd_memcasemem(m->body, m->body_len, "Final-Recipient:", 16);
	return hit != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_dsn_extract(m, r);
	if (n <= 0 && !m->dsn) {
		char *text;
		size_t len;
		if (inline_dsn(m, &r->arena, &text, &len))
			n = bd_dsn_parse_text(m, r, text, len);
	}
	if (n <= 0)
		return n;
	bool missing = false;
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rcpt[i].diagnostic || delay_placeholder(r->rcpt[i].diagnostic))
			missing = true;
	}
	if (missing && m->body_len) {
		struct bd_report prose;
		bd_report_init(&prose);
		bd_scan_prose(m, &prose, m->body, m->orig_offset);
		for (size_t i = 0; i < r->n; i++) {
			struct bd_rcpt *rc = &r->rcpt[i];
			struct bd_rcpt *p = bd_report_find(&prose, rc->recipient);
			if (!p && rc->alias)
				p = bd_report_find(&prose, rc->alias);
			if (!p && prose.n == 1 && r->n == 1)
				p = &prose.rcpt[0];
			if ((!rc->diagnostic || delay_placeholder(rc->diagnostic)) && p &&
			    p->diagnostic && !delay_placeholder(p->diagnostic))
				rc->diagnostic = bd_report_str(r, p->diagnostic);
		}
		/* A report on one recipient with no Diagnostic-Code, whose text
		 * names it with nothing beside: that text is what it says. */
		if (m->dsn && m->body_part && r->n == 1 && prose.n <= 1 && !r->rcpt[0].diagnostic)
			bd_rcpt_set_diag(r, &r->rcpt[0], m->body, m->orig_offset);
		bd_report_done(&prose);
	}
	for (size_t i = 0; i < r->n; i++)
		refine_status(r, &r->rcpt[i]);
	return n;
}

const struct bd_detector bd_det_rfc3464 = {"rfc3464", match, extract};
