/* qmail.c: bounces written by qmail-send and by the qmail-derived mailers
 * that say "Unable to deliver message to the following address(es)" or
 * "Sorry, we were unable to deliver your message to the following address"
 * (Yahoo).  Each
 * recipient is an "<address>:" line followed by qmail's account of the
 * attempt; the remote server's own reply comes after "Remote host said:". */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static const char *const intros[] = {
	"This is the qmail-send program",
	"I wasn't able to deliver your message to the following addresses",
	"Unable to deliver message to the following address(es)",
	"unable to deliver your message to the following address",
	NULL,
};

/* Where qmail starts the copy of the returned message (of the bounce
 * that bounced, in a double bounce to the postmaster). */
static const char *const ends[] = {
	"--- Below this line is a copy of the message",
	"--- Below this line is the original bounce",
	"--- Enclosed is a copy of the message",
	"--- Original message follows",
	NULL,
};

/* qmail's sentence about the attempt names the SMTP step that failed. */
static const struct {
	const char *words;
	const char *command;
} steps[] = {
	{"does not like recipient", "RCPT"},
	{"failed after I sent the message", "DATA"},
	{"but sender was rejected", "MAIL"},
	{"but my name was rejected", "HELO"},
	{"but greeting failed", "CONN"},
	{"wasn't able to establish an SMTP connection", "CONN"},
	{"unable to connect to remote server", "CONN"},
};

static bool match(const struct bd_msg *m)
{
	size_t head = m->body_len < 1024 ? m->body_len : 1024;
	for (size_t i = 0; intros[i]; i++) {
		if (bd_memcasemem(m->body, head, intros[i], strlen(intros[i])))
			return true;
	}
	return false;
}

/* "<address>:" alone on a line (qmail puts nothing else there). */
static char *rcpt_line(struct bd_report *r, const char *line, size_t n)
{
	while (n && bd_isspace(line[n - 1]))
		n--;
	size_t i = 0;
	while (i < n && bd_isspace(line[i]))
		i++;
	if (n - i < 5 || line[i] != '<' || line[n - 1] != ':' || line[n - 2] != '>')
		return NULL;
	return bd_addr_normalize(&r->arena, line + i, n - 1 - i);
}

/* qmail's own status notation: "(#5.1.1)" or "[#4.1.9]". */
static const char *hash_status(struct bd_report *r, const char *s)
{
	for (const char *p = strstr(s, "#"); p; p = strstr(p + 1, "#")) {
		char code[16];
		if (p[1] >= '2' && p[1] <= '5' && p[2] == '.' && bd_find_status(p + 1, code) &&
		    strncmp(code, p + 1, strlen(code)) == 0)
			return bd_arena_strdup(&r->arena, code);
	}
	return NULL;
}

/* Yahoo ends the remote reply with the SMTP step in brackets: "...
 * Mailbox Full [RCPT_TO]", "Sender address rejected [MAIL_FROM]". */
static const char *step_tag(const char *diag)
{
	size_t n = strlen(diag);
	while (n && bd_isspace(diag[n - 1]))
		n--;
	if (n < 4 || diag[n - 1] != ']')
		return NULL;
	size_t open = n - 1;
	while (open > 0 && diag[open - 1] != '[' && n - open < 16)
		open--;
	if (open == 0 || diag[open - 1] != '[')
		return NULL;
	char word[16];
	size_t k = 0;
	for (size_t i = open; i < n - 1; i++) {
		char c = diag[i];
		if (!((c >= 'A' && c <= 'Z') || c == '_'))
			return NULL;
		word[k++] = c == '_' ? ' ' : c;
	}
	word[k] = '\0';
	/* The whole tag must be a command's name, not a word that holds one. */
	static const char *const names[] = {"RCPT TO", "MAIL FROM", "DATA", "HELO", "EHLO", NULL};
	for (size_t i = 0; names[i]; i++) {
		if (strcmp(word, names[i]) == 0)
			return bd_command_name(word, k);
	}
	return NULL;
}

static void fill(struct bd_report *r, struct bd_rcpt *rc, const char *block, size_t len)
{
	char *t = bd_arena_strndup(&r->arena, block, len);
	bd_str_squeeze(t);
	t = bd_str_trim(t);
	/* indimail prefixes the account with the envelope: "From: <a> RCPT: <b> ...". */
	if (bd_startswith_ci(t, "From: ")) {
		char *rcpt = strstr(t, " RCPT: ");
		char *gt = rcpt ? strchr(rcpt, '>') : NULL;
		if (gt)
			t = bd_str_trim(gt + 1);
	}
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (bd_strcasestr(t, steps[i].words)) {
			rc->command = steps[i].command;
			break;
		}
	}
	rc->status = hash_status(r, t);
	char *diag = t;
	char *said = (char *)bd_strcasestr(t, "Remote host said:");
	if (said) {
		*said = '\0';
		/* "Connected to HOST but ..." or "HOST does not like recipient." */
		char *host = bd_startswith_ci(t, "Connected to ") ? t + 13 : t;
		char *sp = strchr(host, ' ');
		if (sp && sp > host)
			rc->remote_mta = bd_report_strn(r, host, (size_t)(sp - host));
		diag = said + strlen("Remote host said:");
	}
	static const char *const tails[] = {"Giving up on ", "I'm not going to try again", NULL};
	size_t cut = bd_text_cut(diag, strlen(diag), tails);
	while (cut > 0 && (bd_isspace(diag[cut - 1]) || diag[cut - 1] == '/'))
		cut--;
	if (cut == 0)
		cut = strlen(diag);
	bd_rcpt_set_diag(r, rc, diag, cut);
	if (!rc->command && rc->diagnostic)
		rc->command = step_tag(rc->diagnostic);
	/* Yahoo writes the reply code with a colon: "550: <addr>: User unknown". */
	const char *d = rc->diagnostic;
	if (d && d[0] >= '2' && d[0] <= '5' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' &&
	    d[2] <= '9' && d[3] == ':')
		rc->replycode = bd_report_strn(r, d, 3);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t len = bd_text_cut(m->body, m->body_len, ends);
	size_t pos = 0;
	const char *line;
	size_t llen;
	struct bd_rcpt *cur = NULL;
	const char *bstart = NULL, *bend = NULL;
	int n = 0;
	for (;;) {
		bool more = bd_next_line(m->body, len, &pos, &line, &llen);
		char *addr = more ? rcpt_line(r, line, llen) : NULL;
		bool blank = more;
		for (size_t i = 0; more && i < llen; i++) {
			if (!bd_isspace(line[i]))
				blank = false;
		}
		if (cur && (!more || addr || blank)) {
			if (bstart)
				fill(r, cur, bstart, (size_t)(bend - bstart));
			cur = NULL;
		}
		if (!more)
			break;
		if (addr) {
			size_t before = r->n;
			cur = bd_report_rcpt(r, addr);
			n += r->n > before;
			bstart = bend = NULL;
			continue;
		}
		if (cur && !blank) {
			if (!bstart)
				bstart = line;
			bend = line + llen;
		}
	}
	return n;
}

const struct bd_detector bd_det_qmail = {"qmail", match, extract};
