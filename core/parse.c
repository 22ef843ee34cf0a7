/* parse.c: message bytes -> report (see parse.h). */
#include "parse.h"

#include <ctype.h>
#include <string.h>

#include "addr.h"
#include "date.h"
#include "detect.h"
#include "mime.h"
#include "str.h"

void bd_limits_default(struct bd_limits *l)
{
	l->max_size = 64u * 1024 * 1024;
	l->max_depth = 32;
	l->max_parts = 10000;
	l->max_rcpt = 10000;
}

void bd_parser_init(struct bd_parser *p)
{
	bd_limits_default(&p->lim);
	bd_charset_cache_init(&p->cs);
}

void bd_parser_done(struct bd_parser *p)
{
	bd_charset_cache_done(&p->cs);
}

static bool inside(const struct bd_part *p, const struct bd_part *ancestor)
{
	for (; p; p = p->parent) {
		if (p == ancestor)
			return true;
	}
	return false;
}

/* A text part that is only a stand-in for its HTML alternative ("This is an
 * HTML message, please use an HTML capable mail program", "此邮件为HTML格式"):
 * short, no address in it, and an HTML sibling in the same
 * multipart/alternative that has one.  The notice is then the HTML. */
static bool placeholder_text(struct bd_mime *mime, struct bd_part *text, struct bd_part *html)
{
	if (!text->parent || text->parent != html->parent ||
	    strcmp(text->parent->type, "multipart/alternative") != 0)
		return false;
	size_t tl, hl;
	const char *t = bd_part_text(mime, text, &tl);
	if (tl > 400 || memchr(t, '@', tl))
		return false;
	const char *h = bd_part_text(mime, html, &hl);
	return memchr(h, '@', hl) != NULL;
}

/* Does text[0..len) hold RFC 3464 fields: it opens with one, and holds a
 * Final-Recipient (or Original-Recipient) line and an Action or Status
 * line, each at the start of a line? */
static bool dsn_fields_text(const char *text, size_t len)
{
	static const char *const firsts[] = {"reporting-mta:",
					     "original-envelope-id:",
					     "final-recipient:",
					     "original-recipient:",
					     "arrival-date:",
					     "received-from-mta:",
					     "x-postfix-queue-id:",
					     "dsn-gateway:",
					     "action:",
					     "status:",
					     "remote-mta:",
					     "diagnostic-code:",
					     NULL};
	size_t i = 0;
	while (i < len && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t'))
		i++;
	bool opens = false;
	for (size_t k = 0; firsts[k] && !opens; k++)
		opens = bd_startswith_ci(text + i, firsts[k]);
	if (!opens)
		return false;
	bool final = false, action = false;
	size_t pos = i, llen;
	const char *line;
	while (bd_next_line(text, len, &pos, &line, &llen) && !(final && action)) {
		final = final || (llen > 16 && (bd_startswith_ci(line, "final-recipient:") ||
						bd_startswith_ci(line, "original-recipient:")));
		action = action || (llen > 7 && (bd_startswith_ci(line, "action:") ||
						 bd_startswith_ci(line, "status:")));
	}
	return final && action;
}

/* A delivery-status part that came labelled text/plain (a gateway that
 * re-labelled it, an MTA that never labelled it): a plain-text part whose
 * text is RFC 3464 fields. */
static bool dsn_text_part(struct bd_mime *mime, struct bd_part *p)
{
	if (p->child || strcmp(p->type, "text/plain") != 0)
		return false;
	size_t len;
	const char *t = bd_part_text(mime, p, &len);
	return dsn_fields_text(t, len);
}

/* The first such part of the message, outside its returned message. */
static struct bd_part *dsn_as_text(struct bd_mime *mime, struct bd_part *root, struct bd_msg *m)
{
	for (struct bd_part *p = root; p; p = bd_part_walk_next(p)) {
		if (!inside(p, root))
			break;
		if (!(m->orig && inside(p, m->orig)) && dsn_text_part(mime, p))
			return p;
	}
	return NULL;
}

/* Header names that mark the start of a returned message's header block. */
static bool orig_header_name(const char *line, size_t n, bool *strong)
{
	static const struct {
		const char *name;
		bool strong;
	} names[] = {
		{"Received:", true},
		{"Return-Path:", true},
		{"Message-ID:", true},
		{"MIME-Version:", true},
		{"DKIM-Signature:", true},
		{"Content-Type:", false},
		{"From:", false},
		{"To:", false},
		{"Subject:", false},
		{"Date:", false},
		{"Reply-To:", false},
		{"Delivered-To:", false},
		{"X-Mailer:", false},
		{"Cc:", false},
		{"Content-Transfer-Encoding:", false},
		{"X-Original-To:", false},
		/* A forward inline from a localised client (German, Spanish
		 * and Portuguese, Dutch, French). */
		{"Von:", false},
		{"An:", false},
		{"Betreff:", false},
		{"Gesendet:", false},
		{"De:", false},
		{"Para:", false},
		{"Asunto:", false},
		{"Assunto:", false},
		{"Enviado:", false},
		{"Aan:", false},
		{"Onderwerp:", false},
		{"Verzonden:", false},
		/* French Outlook sets a space before the colon. */
		{"De :", false},
		{"Envoy\xc3\xa9 :", false},
		{"\xc3\x80 :", false},
		{"Objet :", false},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t k = strlen(names[i].name);
		if (n >= k && bd_startswith_ci(line, names[i].name)) {
			*strong = names[i].strong;
			return true;
		}
	}
	return false;
}

/* Finds a copy of the original message's headers inline in the text: a
 * run of header lines with at least three known names, or two with one of
 * Received/Return-Path/Message-ID/MIME-Version.  Returns its offset or len. */
static size_t find_inline_original(const char *text, size_t len)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	size_t run_start = len;
	int known = 0, strong = 0, lines = 0;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		bool st = false;
		bool cont = llen && (line[0] == ' ' || line[0] == '\t');
		if (lines > 0 && cont)
			continue;
		if (orig_header_name(line, llen, &st)) {
			if (lines == 0)
				run_start = (size_t)(line - text);
			lines++;
			known++;
			strong += st;
			if (known >= 3 || (known >= 2 && strong >= 1))
				return run_start;
			continue;
		}
		/* Other "Name: value" lines (X-headers) keep a run going. */
		const char *colon = llen ? memchr(line, ':', llen) : NULL;
		bool hdr = colon && colon > line && !memchr(line, ' ', (size_t)(colon - line));
		if (lines > 0 && hdr)
			continue;
		lines = known = strong = 0;
	}
	return len;
}

/* Separator lines MTAs put before the returned message. */
static const char *const orig_markers[] = {
	"--- Below this line is a copy of the message",
	"--- Below this line is the original bounce",
	"------ This is a copy of the message",
	"----- Original message -----",
	"-----Original Message-----",
	"--- Original message follows",
	"Original message follows",
	"------ Failed message:",
	"----- The following is a copy of the original",
	"----- Unsent message follows -----",
	"----- Transcript of session follows -----\n\n----- Original",
	"   ----- Original message headers",
	"--- The header of the original message is following",
	"Original message headers:",
	NULL,
};

static void build_msg(struct bd_mime *mime, struct bd_part *root, struct bd_msg *m,
		      struct bd_report *r)
{
	memset(m, 0, sizeof(*m));
	m->mime = mime;
	m->root = root;
	m->hdr = &root->hdr;
	const char *v = bd_headers_get(m->hdr, "From");
	m->from = v ? bd_mime_decode_header(mime, v) : "";
	v = bd_headers_get(m->hdr, "Subject");
	m->subject = v ? bd_mime_decode_header(mime, v) : "";

	/* The returned original: the first message/rfc822 or headers part. */
	for (struct bd_part *p = root->child; p; p = bd_part_walk_next(p)) {
		if (!inside(p, root))
			break;
		if (p->child && (strncmp(p->type, "message/", 8) == 0 ||
				 strcmp(p->type, "text/rfc822-headers") == 0)) {
			if (strcmp(p->type, "message/delivery-status") != 0) {
				m->orig = p->child;
				break;
			}
		}
	}
	struct bd_part *html = NULL;
	for (struct bd_part *p = root; p; p = bd_part_walk_next(p)) {
		if (m->orig && inside(p, m->orig))
			continue;
		if (!m->dsn && (strcmp(p->type, "message/delivery-status") == 0 ||
				strcmp(p->type, "message/global-delivery-status") == 0))
			m->dsn = p;
		if (!m->feedback && strcmp(p->type, "message/feedback-report") == 0)
			m->feedback = p;
		if (!m->mdn && strcmp(p->type, "message/disposition-notification") == 0)
			m->mdn = p;
		if (!m->body_part && strcmp(p->type, "text/plain") == 0 && !p->child)
			m->body_part = p;
		if (!html && strcmp(p->type, "text/html") == 0)
			html = p;
	}
	if (!m->body_part)
		m->body_part = html;
	else if (html && placeholder_text(mime, m->body_part, html))
		m->body_part = html;
	if (!m->dsn)
		m->dsn = dsn_as_text(mime, root, m);
	if (m->dsn && m->dsn == m->body_part) {
		/* The first plain-text part is the report's fields: the notice is
		 * the next plain-text part, or the HTML one. */
		struct bd_part *next = html;
		for (struct bd_part *p = bd_part_walk_next(m->dsn); p; p = bd_part_walk_next(p)) {
			if (!inside(p, root))
				break;
			if (!p->child && strcmp(p->type, "text/plain") == 0 &&
			    !(m->orig && inside(p, m->orig))) {
				next = p;
				break;
			}
		}
		if (next)
			m->body_part = next;
	}
	if (m->body_part) {
		m->body = bd_part_text(mime, m->body_part, &m->body_len);
	} else {
		m->body = "";
		m->body_len = 0;
	}
	m->orig_offset = m->body_len;
	if (m->orig) {
		m->orig_hdr = &m->orig->hdr;
		/* The text may copy the returned message's headers as well
		 * (Exchange's "Original message headers:"): the notice ends there. */
		m->orig_offset = bd_text_cut(m->body, m->body_len, orig_markers);
	} else {
		size_t cut = bd_text_cut(m->body, m->body_len, orig_markers);
		size_t hdrs = find_inline_original(m->body, m->body_len);
		if (hdrs < m->body_len) {
			struct bd_headers *h = bd_arena_alloc(&r->arena, sizeof(*h));
			size_t used;
			bd_headers_parse(&r->arena, m->body + hdrs, m->body_len - hdrs, h, &used);
			m->orig_hdr = h;
		}
		m->orig_offset = cut < hdrs ? cut : hdrs;
	}
	/* Detectors search the notice text many times over: lower-case it once. */
	m->lbody = bd_arena_alloc(&r->arena, m->orig_offset + 1);
	m->lpairs = bd_arena_alloc(&r->arena, BD_PAIR_BUCKETS / 8);
	memset(m->lpairs, 0, BD_PAIR_BUCKETS / 8);
	unsigned char prev = 0;
	for (size_t i = 0; i < m->orig_offset; i++) {
		unsigned char c = (unsigned char)bd_lower(m->body[i]);
		m->lbody[i] = (char)c;
		unsigned h = bd_pair(prev, c);
		m->lpairs[h / 64] |= (uint64_t)1 << (h % 64);
		prev = c;
	}
	m->lbody[m->orig_offset] = '\0';
}

/* Joins a multi-line SMTP reply: "550-5.7.1 first 550-5.7.1 second 550
 * 5.7.1 third" becomes "550-5.7.1 first second third", so wording split
 * across reply lines reads as one sentence.  Edits d in place. */
static void join_reply_lines(char *d)
{
	size_t n = strlen(d);
	if (n < 5 || d[0] < '2' || d[0] > '5' || !isdigit((unsigned char)d[1]) ||
	    !isdigit((unsigned char)d[2]) || (d[3] != '-' && d[3] != ' '))
		return;
	char code[16];
	size_t plen = 3;
	if (bd_find_status(d + 4, code) && strncmp(d + 4, code, strlen(code)) == 0)
		plen = 4 + strlen(code);
	char *w = d;
	for (const char *r = d; *r;) {
		/* " 550-5.7.1 " or " 550 5.7.1 " inside the text: drop it. */
		if (r != d && r[0] == ' ' && strncmp(r + 1, d, 3) == 0 &&
		    (r[4] == '-' || r[4] == ' ') && plen > 3 &&
		    strncmp(r + 5, d + 4, plen - 4) == 0 &&
		    (r[1 + plen] == ' ' || r[1 + plen] == '\0')) {
			r += 1 + plen;
			continue;
		}
		/* A reply whose lines carry no enhanced code ("550-The mailbox
		 * has been 550 disabled"): drop the code of each further line,
		 * so that a phrase broken over two lines reads whole.  Only in
		 * a reply of several lines, where " 550 " marks its last. */
		if (r != d && plen == 3 && d[3] == '-' && r[0] == ' ' &&
		    strncmp(r + 1, d, 3) == 0 && (r[4] == '-' || r[4] == ' ') && r[5] &&
		    r[5] != ' ') {
			r += 4;
			*w++ = ' ';
			r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* Does the reply report a verification callout about another address?
 * Exim's callout refusal ("550-Verification failed for <ADDR> 550-Called:
 * ... 550-Response: 550 5.1.1 <ADDR>: ... 550 Sender verify failed") quotes
 * what a third server answered about ADDR, usually the envelope sender: a
 * code in that answer says nothing about the recipient. */
static bool quotes_other_callout(const char *d, const char *rcpt)
{
	static const char lead[] = "verification failed for <";
	const char *p = bd_strcasestr(d, lead);
	if (!p || !rcpt)
		return false;
	p += sizeof(lead) - 1;
	const char *e = strchr(p, '>');
	if (!e)
		return false;
	size_t n = (size_t)(e - p);
	return strlen(rcpt) != n || !bd_startswith_ci(p, rcpt);
}

static void finish_rcpt(struct bd_report *r, const struct bd_msg *m, struct bd_rcpt *rc,
			const char *verp, const char *orig_rcpt)
{
	char code[16];
	if (rc->diagnostic) {
		char *d = bd_arena_strdup(&r->arena, rc->diagnostic);
		join_reply_lines(d);
		rc->diagnostic = d;
	}
	/* An auto-reply's text is a person's words, not a server's: a phone
	 * number or a date in it is no reply code. */
	bool server_words = rc->diagnostic && r->kind != BD_KIND_AUTOREPLY;
	if (server_words && !rc->status && bd_find_status(rc->diagnostic, code) &&
	    !quotes_other_callout(rc->diagnostic, rc->recipient))
		rc->status = bd_arena_strdup(&r->arena, code);
	if (server_words && !rc->replycode && bd_find_replycode(rc->diagnostic, code))
		rc->replycode = bd_arena_strdup(&r->arena, code);
	if (server_words && !rc->command)
		rc->command = bd_command_in(rc->diagnostic);
	if (!rc->action) {
		if (r->kind == BD_KIND_FEEDBACK || r->kind == BD_KIND_AUTOREPLY)
			rc->action = NULL;
		else if (rc->status && rc->status[0] == '2')
			rc->action = "delivered";
		else if (r->kind == BD_KIND_DELAY)
			rc->action = "delayed";
		else
			rc->action = "failed";
	}
	/* The VERP address names the registered recipient; when it names the
	 * failed one, the returned message's To (a mailing list's own address,
	 * for one) is no alias of it. */
	if (rc->recipient && !rc->alias) {
		const char *cand = verp ? verp : orig_rcpt;
		if (cand && strcmp(cand, rc->recipient) != 0)
			rc->alias = cand;
	}
	if (!rc->date)
		rc->date = r->date;
	(void)m;
}

/* dated: the headers whose Date dates the report (a forwarded notice's
 * own, not the forward's). */
static void finish(struct bd_report *r, struct bd_msg *m, const struct bd_headers *dated)
{
	r->from = bd_report_str(r, m->from);
	r->subject = bd_report_str(r, m->subject);
	int64_t t;
	const char *d = bd_headers_get(dated, "Date");
	if (d && bd_date_parse(d, &t)) {
		char buf[32];
		bd_date_iso(t, buf);
		r->date = bd_arena_strdup(&r->arena, buf);
	}
	r->message_id = bd_msgid(r, m->hdr);
	r->orig_message_id = bd_msgid(r, m->orig_hdr);
	r->orig_to = bd_header_addr(r, m->orig_hdr, "To");
	r->orig_from = bd_header_addr(r, m->orig_hdr, "From");
	const char *os = m->orig_hdr ? bd_headers_get(m->orig_hdr, "Subject") : NULL;
	r->orig_subject = os ? bd_report_str(r, bd_mime_decode_header(m->mime, os)) : NULL;

	const char *verp = bd_msg_verp(r, m);
	/* The returned message names who it was for: X-Original-To and
	 * Delivered-To are written by a forwarding host, To by the sender. */
	const char *orig_rcpt = NULL;
	if (r->n == 1) {
		orig_rcpt = bd_header_addr(r, m->orig_hdr, "X-Original-To");
		if (!orig_rcpt)
			orig_rcpt = r->orig_to;
	}
	bool any_failed = false, any_delayed = false, all_success = r->n > 0;
	for (size_t i = 0; i < r->n; i++) {
		struct bd_rcpt *rc = &r->rcpt[i];
		finish_rcpt(r, m, rc, r->n == 1 ? verp : NULL, orig_rcpt);
		const char *a = rc->action ? rc->action : "";
		bool ok = strcmp(a, "delivered") == 0 || strcmp(a, "relayed") == 0 ||
			  strcmp(a, "expanded") == 0;
		if (!ok)
			all_success = false;
		if (strcmp(a, "failed") == 0)
			any_failed = true;
		if (strcmp(a, "delayed") == 0)
			any_delayed = true;
	}
	if (r->kind == BD_KIND_BOUNCE && r->n > 0) {
		if (all_success)
			r->kind = BD_KIND_SUCCESS;
		else if (any_delayed && !any_failed)
			r->kind = BD_KIND_DELAY;
	}
}

/* Forgets the recipients a detector added (their strings stay in the arena). */
static void reset_rcpts(struct bd_report *r)
{
	r->n = 0;
	r->nslots = 0;
	r->slots = NULL;
	r->detector = NULL;
}

/* Does the text quote an earlier message the way a mail client does: a
 * separator line such as "-----Original Message-----", or lines marked
 * with ">"? */
static bool quotes_earlier(const struct bd_msg *m)
{
	const char *b = m->body, *end = m->body + m->orig_offset;
	int marked = 0;
	for (const char *l = b; l < end;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		const char *e = nl ? nl : end;
		size_t n = (size_t)(e - l);
		while (n && (l[n - 1] == '\r' || l[n - 1] == ' '))
			n--;
		if (n > 10 && strncmp(l, "-----", 5) == 0 && strncmp(l + n - 5, "-----", 5) == 0 &&
		    l[5] != '-')
			return true;
		if (n && l[0] == '>' && ++marked >= 2)
			return true;
		l = nl ? nl + 1 : end;
	}
	return false;
}

static void run_detectors(struct bd_msg *m, struct bd_report *r)
{
	/* A person's reply that quotes an earlier message and carries no
	 * report and no returned message is the person's own words, whatever
	 * notice they quote: it can be an automatic answer, but not a
	 * bounce. */
	bool words = !m->dsn && !m->orig && bd_msg_person_reply(m) && quotes_earlier(m);
	for (size_t i = 0; i < bd_ndetectors; i++) {
		const struct bd_detector *d = bd_detectors[i];
		if (!d->match(m))
			continue;
		enum bd_kind kind = r->kind;
		if (d->extract(m, r) > 0 && !(words && r->kind == BD_KIND_BOUNCE)) {
			r->detector = d->name;
			break;
		}
		/* A detector that found nothing must leave no trace. */
		reset_rcpts(r);
		r->kind = kind;
	}
}

/* Is part (a returned message's root) itself a delivery report? */
static bool is_report(struct bd_mime *mime, const struct bd_part *part)
{
	for (const struct bd_part *p = part; p; p = bd_part_walk_next((struct bd_part *)p)) {
		if (!inside(p, part))
			break;
		if (strcmp(p->type, "message/delivery-status") == 0 ||
		    dsn_text_part(mime, (struct bd_part *)p))
			return true;
	}
	return false;
}

/* Did a specific detector read the recipients, or does the notification
 * text at least name those the fallback guessed? */
static bool names_its_recipients(const struct bd_msg *m, const struct bd_report *r)
{
	if (r->n > 0 && strcmp(r->detector, "fallback") != 0)
		return true;
	for (size_t i = 0; i < r->n; i++) {
		const char *a = r->rcpt[i].recipient;
		if (a && bd_msg_find(m, a))
			return true;
	}
	return false;
}

/* A reading of the recipients put aside while another is tried. */
struct reading {
	struct bd_rcpt *rcpt;
	size_t n, cap, nslots;
	unsigned *slots;
	const char *detector;
	enum bd_kind kind;
};

static struct reading reading_of(const struct bd_report *r)
{
	return (struct reading){r->rcpt, r->n, r->cap, r->nslots, r->slots, r->detector, r->kind};
}

/* Puts r's reading aside in *k and leaves r with none. */
static void put_aside(struct bd_report *r, struct reading *k)
{
	*k = reading_of(r);
	reset_rcpts(r);
	r->rcpt = NULL;
	r->cap = 0;
}

static void take_back(struct bd_report *r, const struct reading *k)
{
	r->rcpt = k->rcpt;
	r->n = k->n;
	r->cap = k->cap;
	r->slots = k->slots;
	r->nslots = k->nslots;
	r->detector = k->detector;
	r->kind = k->kind;
}

/* A notice carried as a plain-text part of its own that begins with the
 * notice's header block (Mailman 1's bounce action notice attaches the
 * triggering bounce so: its headers and body as text/plain, not
 * message/rfc822): the part parsed as a message, when a mail system sent
 * it. */
static struct bd_part *text_part_message(struct bd_mime *mime, const struct bd_msg *cur)
{
	for (struct bd_part *p = cur->root->child; p; p = bd_part_walk_next(p)) {
		if (!inside(p, cur->root))
			break;
		if (p == cur->body_part || p->child || strcmp(p->type, "text/plain") != 0)
			continue;
		size_t len;
		const char *text = bd_part_text(mime, p, &len);
		size_t at = 0;
		while (text && at < len && text[at] == '\n')
			at++;
		if (!text || at == len || find_inline_original(text + at, len - at) != 0)
			continue;
		struct bd_part *inner = bd_mime_parse(mime, text + at, len - at);
		bool ok = !mime->error && inner->hdr.n > 0 &&
			  bd_from_mail_system(bd_headers_get(&inner->hdr, "From"));
		mime->error = NULL;
		if (ok)
			return inner;
	}
	return NULL;
}

/* Reads the message cur returns or quotes in place of cur's own reading
 * where that one is wanting; true (r now holds the returned message's
 * recipients, nm that message and *innerp its root part) when it does. */
static bool read_returned(struct bd_mime *mime, const struct bd_msg *cur, struct bd_report *r,
			  struct bd_msg *nm, struct bd_part **innerp)
{
	bool named = names_its_recipients(cur, r);
	bool guessed = r->n > 0 && strcmp(r->detector, "fallback") == 0;
	struct bd_part *inner = cur->orig;
	/* A notice a person forwarded inline ("-----Original Message-----",
	 * then "From: Mail Delivery System <MAILER-DAEMON@...>" and the
	 * notice's text): the quoted text from its header block on is read as
	 * that notice. */
	if (!inner && cur->orig_hdr && bd_from_mail_system(bd_headers_get(cur->orig_hdr, "From")) &&
	    !named) {
		size_t at = find_inline_original(cur->body, cur->body_len);
		if (at < cur->body_len) {
			inner = bd_mime_parse(mime, cur->body + at, cur->body_len - at);
			if (mime->error || inner->hdr.n == 0)
				inner = NULL;
			mime->error = NULL;
		}
	}
	/* The notification names nobody, but the message it returns is itself
	 * a delivery report, or a mail system's notice: that one says who
	 * failed.  Or only the prose reader could read the notification, which
	 * names a recipient of the report it carries (a mailing-list manager's
	 * notice to the list owner, "Member: x@y ... The triggering bounce
	 * notice is attached"): the report says why, and the notice's other
	 * addresses are no recipients -- a report in RFC 3464's form or a mail
	 * system's notice in prose (qmail's, Exim's without a DSN), which is
	 * what the list manager got.  A notice that names others (a bounce
	 * of a bounce in prose) keeps its own.  A message a person forwarded
	 * as an attachment names nobody in its own text either: the notice,
	 * the complaint or the auto-reply it carries is read as such. */
	if (!inner)
		inner = text_part_message(mime, cur);
	if (!inner)
		return false;
	bool carries_notice =
		is_report(mime, inner) || bd_from_mail_system(bd_headers_get(&inner->hdr, "From"));
	if (named && !(carries_notice && guessed))
		return false;
	struct reading before;
	put_aside(r, &before);
	build_msg(mime, inner, nm, r);
	run_detectors(nm, r);
	bool same = !named;
	for (size_t i = 0; !same && i < r->n; i++) {
		for (size_t j = 0; !same && j < before.n; j++) {
			same = r->rcpt[i].recipient && before.rcpt[j].recipient &&
			       strcmp(r->rcpt[i].recipient, before.rcpt[j].recipient) == 0;
		}
	}
	/* A specific detector's reading wins; the prose reader's only when the
	 * returned message is a notice (a report, or from a mail system or
	 * presenting itself as one) and cur is no person's reply that quotes
	 * it, never an ordinary message that happens to hold an address and
	 * error words.  What is not a notice (a complaint, an auto-reply) is
	 * read only when a person forwarded it, never when a mail system's
	 * report returns it. */
	bool specific = r->n > 0 && strcmp(r->detector, "fallback") != 0;
	bool notice = is_report(mime, inner) || bd_msg_bounce_like(nm);
	bool from_system = cur->dsn || bd_from_mail_system(cur->from);
	bool read = notice ? specific || (r->n > 0 && !named && !bd_msg_person_reply(cur)) :
			     specific && !named && !from_system;
	/* A message that names nobody itself but carries another in turn (a
	 * person's forward of a forward) passes the search on to that one. */
	bool passes =
		!named && nm->orig && (r->n == 0 || (!specific && !names_its_recipients(nm, r)));
	if ((read && same) || passes) {
		*innerp = inner;
		return true;
	}
	take_back(r, &before);
	return false;
}

void bd_parse(struct bd_parser *p, const char *data, size_t len, struct bd_report *r)
{
	r->max_rcpt = p->lim.max_rcpt;
	r->kind = BD_KIND_BOUNCE;
	if (len > p->lim.max_size) {
		r->kind = BD_KIND_UNPARSED;
		r->error = bd_arena_printf(&r->arena,
					   "message of %zu bytes is over the %zu-byte limit", len,
					   p->lim.max_size);
		return;
	}
	if (len == 0) {
		r->kind = BD_KIND_UNPARSED;
		r->error = "empty message";
		return;
	}
	size_t n;
	char *text = bd_mime_normalize_eol(&r->arena, data, len, &n);
	struct bd_mime mime = {
		.arena = &r->arena,
		.cs = &p->cs,
		.max_depth = p->lim.max_depth,
		.max_parts = p->lim.max_parts,
	};
	struct bd_part *root = bd_mime_parse(&mime, text, n);
	if (mime.error) {
		r->kind = BD_KIND_UNPARSED;
		r->error = mime.error;
		return;
	}
	if (root->hdr.n == 0) {
		r->kind = BD_KIND_UNPARSED;
		r->error = "no message headers";
		return;
	}
	struct bd_msg m;
	build_msg(&mime, root, &m, r);
	run_detectors(&m, r);
	const struct bd_headers *dated = m.hdr;
	/* The notice read may carry the one that says who failed, and that one
	 * a further one (a list owner's notice forwarded by a person): a few
	 * levels in. */
	struct bd_msg cur = m, nm;
	struct bd_part *inner;
	struct bd_part *orig = m.orig;
	const struct bd_headers *orig_hdr = m.orig_hdr;
	struct reading own = reading_of(r);
	for (int depth = 0; depth < 3 && read_returned(&mime, &cur, r, &nm, &inner); depth++) {
		m.orig = nm.orig;
		m.orig_hdr = nm.orig_hdr;
		if (bd_headers_get(&inner->hdr, "Date"))
			dated = &inner->hdr;
		cur = nm;
	}
	if (r->n == 0 && own.n > 0) {
		/* Passed on to a report that named nobody either. */
		take_back(r, &own);
		m.orig = orig;
		m.orig_hdr = orig_hdr;
		dated = m.hdr;
	}
	if (r->n == 0) {
		if (r->kind == BD_KIND_BOUNCE && !bd_msg_bounce_like(&m))
			r->kind = BD_KIND_NOTBOUNCE;
		if (!r->detector)
			r->detector = r->kind == BD_KIND_NOTBOUNCE ? NULL : "unknown";
	}
	finish(r, &m, dated);
	if (r->error && r->n >= r->max_rcpt && r->max_rcpt) {
		/* Over the recipient limit: keep what we have but say so. */
		r->kind = BD_KIND_UNPARSED;
	}
}
