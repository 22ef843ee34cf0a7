/* sendmail.c: bounces from sendmail (8.x with a DSN part, and the older
 * 5.x prose-only ones).  The DSN names the recipients; the "Transcript of
 * session follows" section holds what the remote server actually replied
 * ("<<< 550 ..."), the command it replied to (">>> RCPT To:") and sendmail's
 * per-recipient outcome ("550 <addr>... User unknown"). */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

extern const struct bd_detector bd_det_rfc3464;

static const char *const marks[] = {
	"----- Transcript of session follows -----",
	"----- The following addresses had permanent fatal errors -----",
	"----- The following addresses had transient non-fatal errors -----",
	"----- The following addresses had delivery problems -----",
	NULL,
};

static const char *const ends[] = {
	"----- Unsent message follows -----",
	"----- Original message follows -----",
	"----- Message header follows -----",
	"\nReporting-MTA:",
	NULL,
};

static bool match(const struct bd_msg *m)
{
	for (size_t i = 0; marks[i]; i++) {
		if (bd_memcasemem(m->body, m->body_len, marks[i], strlen(marks[i])))
			return true;
	}
	return false;
}

/* What the transcript says about one recipient. */
struct outcome {
	const char *addr;
	const char *diag;    /* the remote reply, else sendmail's own line */
	const char *command; /* last ">>> " command before it */
	const char *host;    /* "... while talking to HOST.:" */
	const char *program; /* a local program's own words before its outcome */
	bool own;            /* sendmail's own verdict: no SMTP session before it */
};

struct transcript {
	struct outcome o[64];
	size_t n;
	const char *general;         /* an outcome line that names no address */
	const char *general_command; /* the command the server answered before it */
	const char *general_reply;   /* the server's reply before that line */
	const char *general_program; /* a local program's words before it */
	const char *general_host;    /* the host the general outcome came from */
	size_t hosts;                /* "while talking to" sessions read */
};

/* The lines a local program printed (kept in buf), without trailing
 * blanks; NULL when there are none. */
static const char *program_words(struct bd_report *r, const struct bd_buf *buf)
{
	size_t k = buf->len;
	while (k && bd_isspace(buf->data[k - 1]))
		k--;
	return k ? bd_report_strn(r, buf->data, k) : NULL;
}

/* Do the n bytes at s open with a program the prog mailer ran
 * ("\"|/usr/bin/procmail -t\"" or "|prog"), not a mailbox?  A quoted
 * local part ("\"john doe\"@example.com") is a mailbox. */
static bool names_program(const char *s, size_t n)
{
	return n && (s[0] == '|' || (n > 1 && s[0] == '"' && s[1] == '|'));
}

static bool is_program(const char *addr)
{
	return names_program(addr, strlen(addr));
}

static bool is_code(const char *s, size_t n)
{
	return n >= 4 && s[0] >= '2' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	       s[2] <= '9' && (s[3] == ' ' || s[3] == '-');
}

/* sendmail's outcome line: "[NNN [X.Y.Z ]]<addr>... text".  Returns the
 * address and sets *rest to the text after "... ". */
static char *outcome_line(struct bd_report *r, const char *l, size_t n, const char **rest)
{
	const char *dots = bd_memcasemem(l, n, "... ", 4);
	if (!dots && n >= 3 && memcmp(l + n - 3, "...", 3) == 0)
		dots = l + n - 3;
	if (!dots)
		return NULL;
	const char *a = l;
	if (is_code(l, n)) {
		a = l + 4;
		char st[16];
		const char *sp = memchr(a, ' ', (size_t)(dots - a));
		if (sp && bd_find_status(a, st) && strncmp(a, st, strlen(st)) == 0)
			a = sp + 1;
	}
	/* A program the prog mailer ran ("\"|/usr/bin/procmail -t\"... Deferred")
	 * is quoted, spaces and all. */
	bool prog = dots - a > 3 && a[0] == '"' && a[1] == '|' && dots[-1] == '"';
	if (a >= dots || (!prog && memchr(a, ' ', (size_t)(dots - a))))
		return NULL;
	*rest = dots + 3 < l + n ? dots + 4 : l + n;
	if (prog)
		return bd_arena_strndup(&r->arena, a, (size_t)(dots - a));
	return bd_addr_normalize(&r->arena, a, (size_t)(dots - a));
}

/* A reply to ">>> RCPT TO:<addr>" that no outcome line followed (some
 * transcripts end with the server's answer): the outcome for that address.
 * A reply to another command ends as the transcript's general outcome. */
static void unanswered(struct bd_report *r, struct transcript *t, struct bd_buf *reply,
		       const char *cmd, const char *cmd_addr, const char *host)
{
	if (!reply->len || !cmd)
		return;
	if (cmd_addr && strcmp(cmd, "RCPT") == 0) {
		if (t->n < sizeof(t->o) / sizeof(t->o[0])) {
			struct outcome *o = &t->o[t->n++];
			o->addr = cmd_addr;
			o->command = cmd;
			o->host = host;
			o->diag = bd_report_strn(r, reply->data, reply->len);
		}
	} else if (!t->general) {
		t->general = bd_report_strn(r, reply->data, reply->len);
		t->general_command = cmd;
		t->general_host = host;
	}
}

/* Does a reply refuse DATA because no recipient was accepted ("503 5.0.0
 * Need RCPT (recipient)", "554 5.5.1 Error: no valid recipients")? */
static bool no_recipient_reply(const char *s, size_t n)
{
	return is_code(s, n) && (s[0] == '5' || s[0] == '4') &&
	       (bd_memcasemem(s, n, "need rcpt", 9) ||
		bd_memcasemem(s, n, "no valid recipient", 18) ||
		bd_memcasemem(s, n, "rcpt first", 10) || bd_memcasemem(s, n, "no recipients", 13));
}

/* With PIPELINING sendmail writes MAIL, RCPT and DATA as one batch, so its
 * transcript shows ">>> DATA" and then every reply of the batch.  When the
 * server then refuses DATA for want of a recipient, the refusals read
 * before it since ">>> DATA" answered RCPT TO, not the message. */
static void pipelined_rcpt(struct transcript *t, size_t from)
{
	for (size_t k = from; k < t->n; k++) {
		if (t->o[k].command && strcmp(t->o[k].command, "DATA") == 0)
			t->o[k].command = "RCPT";
	}
	if (t->general_command && strcmp(t->general_command, "DATA") == 0)
		t->general_command = "RCPT";
}

static void read_transcript(struct bd_report *r, const char *text, size_t len, struct transcript *t)
{
	size_t data_from = 0; /* the first outcome read since ">>> DATA" */
	struct bd_buf reply, loose;
	bd_buf_init(&reply);
	bd_buf_init(&loose);
	const char *cmd = NULL, *host = NULL, *cmd_addr = NULL;
	size_t pos = 0;
	const char *line;
	size_t llen;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		while (llen && bd_isspace(line[llen - 1]))
			llen--;
		if (llen == 0)
			continue;
		const char *talk = bd_memcasemem(line, llen, "while talking to ", 17);
		if (talk) {
			const char *h = talk + 17;
			size_t k = (size_t)(line + llen - h);
			while (k && (h[k - 1] == ':' || h[k - 1] == '.'))
				k--;
			unanswered(r, t, &reply, cmd, cmd_addr, host);
			host = bd_report_strn(r, h, k);
			t->hosts++;
			bd_buf_reset(&reply);
			bd_buf_reset(&loose);
			continue;
		}
		if (llen > 4 && memcmp(line, ">>> ", 4) == 0) {
			unanswered(r, t, &reply, cmd, cmd_addr, host);
			cmd = bd_command_name(line + 4, llen - 4);
			data_from = t->n;
			size_t apos = 0, st, en;
			cmd_addr = bd_addr_next(&r->arena, line + 4, llen - 4, &apos, &st, &en);
			bd_buf_reset(&reply);
			continue;
		}
		if (llen > 4 && memcmp(line, "<<< ", 4) == 0) {
			if (cmd && strcmp(cmd, "DATA") == 0 && t->n > data_from &&
			    no_recipient_reply(line + 4, llen - 4)) {
				pipelined_rcpt(t, data_from);
				bd_buf_reset(&reply);
				continue;
			}
			if (reply.len)
				bd_buf_addc(&reply, ' ');
			bd_buf_add(&reply, line + 4, llen - 4);
			continue;
		}
		const char *rest = NULL;
		char *addr = outcome_line(r, line, llen, &rest);
		if (addr && t->n < sizeof(t->o) / sizeof(t->o[0])) {
			struct outcome *o = &t->o[t->n++];
			o->addr = addr;
			/* Without a reply since the last outcome, the failure was not
			 * the server's answer to the last command (e.g. no host found). */
			o->command = reply.len ? cmd : NULL;
			o->host = reply.len ? host : NULL;
			o->own = !reply.len && !host && !cmd;
			/* Lines a local program printed before sendmail's outcome for
			 * it ("mail.local: /var/mail/x: Disc quota exceeded", then
			 * "554 5.0.0 <x>... Service unavailable"): the sysexits code
			 * says less than the program did. */
			if (o->own)
				o->program = program_words(r, &loose);
			size_t restlen = (size_t)(line + llen - rest);
			if (reply.len) {
				o->diag = bd_report_strn(r, reply.data, reply.len);
			} else if (is_code(rest, restlen)) {
				o->diag = bd_report_strn(r, rest, restlen);
			} else {
				bd_buf_add(&loose, line, llen);
				o->diag = bd_report_strn(r, loose.data, loose.len);
			}
			bd_buf_reset(&reply);
			bd_buf_reset(&loose);
			cmd_addr = NULL;
			continue;
		}
		/* A code line naming no address: a mailer's or a host's outcome. */
		if (is_code(line, llen)) {
			if (!t->general && !reply.len && !host && !cmd)
				t->general_program = program_words(r, &loose);
			if (!t->general) {
				t->general = bd_report_strn(r, line, llen);
				t->general_command = reply.len ? cmd : NULL;
				t->general_host = reply.len ? host : NULL;
				if (reply.len)
					t->general_reply = bd_report_strn(r, reply.data, reply.len);
			}
			continue;
		}
		if (!is_code(line, llen) && line[0] != '<' && !bd_startswith_ci(line, "Message ")) {
			bd_buf_add(&loose, line, llen);
			bd_buf_addc(&loose, ' ');
		}
	}
	unanswered(r, t, &reply, cmd, cmd_addr, host);
	bd_buf_done(&reply);
	bd_buf_done(&loose);
}

/* Is diag the last line of the multi-line reply full ("550-first 550
 * last"), the only line of it that sendmail's DSN and its "reason:" keep? */
static bool last_line_of(const char *diag, const char *full)
{
	size_t dn = strlen(diag), fn = strlen(full);
	if (dn < 4 || fn <= dn || !is_code(full, fn) || full[3] != '-' ||
	    memcmp(full, diag, 3) != 0 || full[fn - dn - 1] != ' ')
		return false;
	return memcmp(full + fn - dn, diag, dn) == 0;
}

/* The server's own enhanced code in "550 5.7.1 text", or NULL. */
static bool reply_status(const char *diag, char *code)
{
	if (!diag || !is_code(diag, strlen(diag)))
		return false;
	return bd_find_status(diag + 4, code) && strncmp(diag + 4, code, strlen(code)) == 0;
}

/* The addresses listed under the "The following addresses had ..."
 * headings, one a line ("<addr>", or sendmail 8.6's "addr  (unrecoverable
 * error)"), up to the next "-----" heading: the recipients of a bounce with
 * neither a DSN nor outcome lines naming them (a transcript that speaks
 * only of the host, "host.tcp... Deferred: Connection timed out").  The
 * "(reason: ...)" lines under an address are skipped. */
static int listed_rcpts(const struct bd_msg *m, struct bd_report *r)
{
	int n = 0;
	for (size_t i = 1; marks[i]; i++) {
		const char *h = bd_memcasemem(m->body, m->body_len, marks[i], strlen(marks[i]));
		if (!h)
			continue;
		const char *text = h + strlen(marks[i]);
		size_t len = (size_t)(m->body + m->orig_offset - text), pos = 0, llen;
		if (text > m->body + m->orig_offset)
			continue;
		const char *line;
		bool prog = false;
		while (bd_next_line(text, len, &pos, &line, &llen)) {
			size_t k = bda_skip_ws(line, llen);
			const char *t = line + k;
			size_t tl = llen - k;
			if (tl >= 5 && memcmp(t, "-----", 5) == 0)
				break;
			/* A program listed ("\"|/usr/bin/prog args\"") names no
			 * address; the alias it was expanded from is the recipient. */
			if (names_program(t, tl)) {
				prog = true;
				continue;
			}
			if (prog && bd_startswith_ci(t, "(expanded from:")) {
				size_t apos = 0, st, en;
				char *addr =
					bd_addr_next(&r->arena, t + 15, tl - 15, &apos, &st, &en);
				if (addr && strchr(addr, '@')) {
					size_t before = r->n;
					bd_report_rcpt(r, addr);
					n += r->n > before;
				}
				prog = false;
				continue;
			}
			if (!tl || *t == '(')
				continue;
			size_t w = 0;
			while (w < tl && !bd_isspace(t[w]))
				w++;
			char *addr = bda_lone_address(r, t, w);
			if (addr && strchr(addr, '@')) {
				size_t before = r->n;
				bd_report_rcpt(r, addr);
				n += r->n > before;
			}
		}
	}
	return n;
}

/* Does the transcript's general outcome (a reply that named no address,
 * such as the refusal of MAIL FROM) answer for a recipient that has no
 * outcome line of its own?  For the only recipient; for all of them when
 * the transcript holds one session; else for those whose Remote-MTA is
 * the host that gave it. */
static bool general_is_theirs(const struct transcript *t, const struct bd_rcpt *rc, size_t n)
{
	if (n == 1)
		return true;
	if (!t->general_command || !t->general_host)
		return false;
	if (t->hosts == 1)
		return true;
	return rc->remote_mta && bd_streq_ci(rc->remote_mta, t->general_host);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = 0;
	if (bd_det_rfc3464.match(m))
		n = bd_det_rfc3464.extract(m, r);
	const char *t0 = bd_memcasemem(m->body, m->body_len, marks[0], strlen(marks[0]));
	struct transcript *t = bd_arena_alloc(&r->arena, sizeof(*t));
	memset(t, 0, sizeof(*t));
	if (t0) {
		size_t off = (size_t)(t0 - m->body) + strlen(marks[0]);
		size_t len = off + bd_text_cut(m->body + off, m->body_len - off, ends);
		read_transcript(r, m->body + off, len - off, t);
	}
	if (n <= 0) {
		/* No DSN: the transcript's outcome lines name the recipients. */
		for (size_t i = 0; i < t->n; i++) {
			if (is_program(t->o[i].addr))
				continue; /* a program, not an address */
			size_t before = r->n;
			bd_report_rcpt(r, t->o[i].addr);
			n += r->n > before;
		}
	}
	if (n <= 0)
		n = listed_rcpts(m, r);
	for (size_t i = 0; i < r->n; i++) {
		struct bd_rcpt *rc = &r->rcpt[i];
		struct outcome *o = NULL;
		for (size_t k = t->n; k-- > 0;) {
			if (strcmp(t->o[k].addr, rc->recipient ? rc->recipient : "") == 0 ||
			    (rc->alias && strcmp(t->o[k].addr, rc->alias) == 0)) {
				o = &t->o[k];
				break;
			}
		}
		if (!o && t->n == 1 && r->n == 1)
			o = &t->o[0];
		/* With no outcome line, sendmail's own summary ("554 5.0.0 Service
		 * unavailable") follows the server's reply, which says why. */
		const char *general = t->general_reply ? t->general_reply : t->general;
		const char *better = o ? o->diag : (r->n == 1 ? general : NULL);
		/* A DSN diagnostic that is no SMTP reply ("X-Unix; 255") says less
		 * than the transcript. */
		bool replaced = false;
		if (better &&
		    (!rc->diagnostic || !is_code(rc->diagnostic, strlen(rc->diagnostic)))) {
			rc->diagnostic = better;
			replaced = !o;
		}
		/* Of a multi-line reply the DSN keeps the last line ("550 For
		 * explanation visit URL"); the transcript has the lines before it,
		 * which say why. */
		const char *full = o ? o->diag : (r->n == 1 ? t->general_reply : NULL);
		if (full && rc->diagnostic && last_line_of(rc->diagnostic, full))
			rc->diagnostic = full;
		const char *program = o ? o->program : (r->n == 1 ? t->general_program : NULL);
		if (program && rc->diagnostic && !strstr(rc->diagnostic, program))
			rc->diagnostic =
				bd_arena_printf(&r->arena, "%s %s", rc->diagnostic, program);
		/* A program's outcome is the prog mailer's, a local delivery. */
		if (o && !rc->command && is_program(o->addr))
			rc->command = "LOCAL";
		if (o && !rc->command)
			rc->command = o->command;
		else if (!o && !rc->command && general_is_theirs(t, rc, r->n))
			rc->command = t->general_command;
		if (o && !rc->remote_mta)
			rc->remote_mta = o->host;
		/* An outcome line before any SMTP session ("550 <addr>... User
		 * unknown" with no "while talking to", no command, no reply) is
		 * sendmail's own verdict on the host that wrote the bounce (its
		 * local delivery or its aliases), so the address itself was
		 * judged there. */
		if (o && o->own && !rc->remote_mta && !rc->reporting_mta && !rc->command)
			rc->reporting_mta = bda_from_host(m, r);
		char code[16];
		/* sendmail's Status sums up (4.4.7 expired, X.0.0 unknown); the
		 * server's own code in its reply is the precise one. */
		if (!replaced && reply_status(rc->diagnostic, code) &&
		    strcmp(code + 1, ".0.0") != 0 && (!rc->status || strcmp(rc->status, code) != 0))
			rc->status = bd_arena_strdup(&r->arena, code);
		else if (!rc->status || strcmp(rc->status + 1, ".0.0") == 0) {
			char cls = rc->status ? rc->status[0] : 0;
			if (better && bd_find_status(better, code) && (!cls || code[0] == cls))
				rc->status = bd_arena_strdup(&r->arena, code);
		}
	}
	return n;
}

const struct bd_detector bd_det_sendmail = {"sendmail", match, extract};
