/* scan.c: helpers detectors share for reading prose bounces (see detect.h). */
#include <string.h>

#include "addr.h"
#include "detect.h"
#include "str.h"

/* needle in body[0..len), len at most orig_offset, case-insensitive (ASCII):
 * searched in the lower-cased copy when the message has one, unless that
 * lacks one of the needle's byte pairs. */
static const char *find_in_body(const struct bd_msg *m, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	char low[256];
	if (!m->lbody || n >= sizeof(low))
		return bd_memcasemem(m->body, len, needle, n);
	for (size_t i = 0; i < n; i++) {
		low[i] = bd_lower(needle[i]);
		unsigned h = i ? bd_pair((unsigned char)low[i - 1], (unsigned char)low[i]) : 0;
		if (i && !((m->lpairs[h / 64] >> (h % 64)) & 1))
			return NULL;
	}
	const char *p = memmem(m->lbody, len, low, n);
	return p ? m->body + (p - m->lbody) : NULL;
}

const char *bd_msg_find(const struct bd_msg *m, const char *needle)
{
	return find_in_body(m, m->orig_offset, needle);
}

bool bd_msg_find_in_order(const struct bd_msg *m, const char *first, const char *then)
{
	const char *a = bd_msg_find(m, first), *b = a ? bd_msg_find(m, then) : NULL;
	return b && a < b;
}

bool bd_msg_header_has(const struct bd_msg *m, const char *name, const char *needle)
{
	const char *v = bd_headers_get(m->hdr, name);
	return v && bd_strcasestr(v, needle);
}

/* Addresses that are never the failed recipient: the bounce's own parties. */
static bool is_own_party(struct bd_msg *m, struct bd_report *r, const char *addr)
{
	static const char *const locals[] = {"mailer-daemon@", "postmaster@", "mail-daemon@",
					     "maildaemon@", NULL};
	for (size_t i = 0; locals[i]; i++) {
		if (bd_startswith_ci(addr, locals[i]))
			return true;
	}
	const char *heads[] = {"From", "To", "Return-Path", "Reply-To", NULL};
	for (size_t i = 0; heads[i]; i++) {
		const char *v = bd_headers_get(m->hdr, heads[i]);
		char *a = v ? bd_addr_first(&r->arena, v) : NULL;
		if (a && strcmp(a, addr) == 0)
			return true;
	}
	if (m->orig_hdr) {
		const char *v = bd_headers_get(m->orig_hdr, "From");
		char *a = v ? bd_addr_first(&r->arena, v) : NULL;
		if (a && strcmp(a, addr) == 0)
			return true;
	}
	return false;
}

/* Does the address start the line (after blanks, quotes, brackets, bullets)? */
static bool starts_line(const char *line, size_t start)
{
	size_t i = 0;
	while (i < start && (line[i] == ' ' || line[i] == '\t'))
		i++;
	/* A display name in quotes before "<a@b>": "Lee, Dana" <a@b>. */
	if (i < start && line[i] == '"' && line[start] == '<') {
		const char *q = memchr(line + i + 1, '"', start - i - 1);
		if (q)
			i = (size_t)(q - line) + 1;
	}
	for (; i < start; i++) {
		char c = line[i];
		if (!(c == ' ' || c == '\t' || c == '<' || c == '"' || c == '\'' || c == '*' ||
		      c == '-' || c == '(' || c == '['))
			return false;
	}
	return true;
}

/* Is the line a person's name and the address alone, "Anna Berg
 * (anna@example.com)" or "Anna Berg <anna@example.com>" (Exchange lists
 * the recipients so)?  The name is a few words with no colon: not a
 * header's "From: Name <a@b>", not prose. */
static bool name_and_address(const char *line, size_t llen, size_t start, size_t end)
{
	/* The span of "<a@b>" holds its brackets; "(a@b)" is outside it. */
	if (start == 0 || start >= llen)
		return false;
	size_t open = line[start] == '<' ? start : start - 1;
	char close = line[open] == '<' ? '>' : line[open] == '(' ? ')' : '\0';
	size_t e = end;
	if (!close || !(line[e - 1] == close || (e < llen && line[e++] == close)))
		return false;
	while (e < llen && bd_isspace(line[e]))
		e++;
	if (e != llen)
		return false;
	size_t words = 0, letters = 0;
	bool in_word = false;
	for (size_t i = 0; i < open; i++) {
		unsigned char c = (unsigned char)line[i];
		if (bd_isspace((char)c)) {
			in_word = false;
			continue;
		}
		if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
		      c == ',' || c == '\'' || c == '-'))
			return false;
		letters++;
		if (!in_word)
			words++;
		in_word = true;
	}
	return letters >= 2 && words <= 6;
}

static bool names_recipient(const char *line, size_t start)
{
	/* The last lead is Vietnamese "recipient:" ("người nhận:"), two words
	 * in Latin letters with diacritics. */
	static const char *const lead[] = {"RCPT TO:",
					   "recipient:",
					   "recipient ",
					   "to <",
					   "to '<",
					   "to: ",
					   "address:",
					   "for <",
					   "delivery to ",
					   "user ",
					   "mailbox ",
					   "addressee: ",
					   "delivered to ",
					   "your message to ",
					   "ng\xc6\xb0\xe1\xbb\x9di nh\xe1\xba\xadn:",
					   NULL};
	size_t from = start > 40 ? start - 40 : 0;
	/* start is at the address's '<' when it has one: "to <" includes it. */
	size_t upto = line[start] == '<' ? start + 1 : start;
	for (size_t i = 0; lead[i]; i++) {
		if (bd_memcasemem(line + from, upto - from, lead[i], strlen(lead[i])))
			return true;
	}
	/* A label of one word in any language before it, ending in a colon
	 * ("宛先：　a@b", "Destinatário: a@b"), or in a script other than
	 * Latin without one (a table's "宛先 | a@b"); not prose such as
	 * "from a@b". */
	size_t b = 0, e = start;
	bool colon = false;
	while (b < e && bd_isspace(line[b]))
		b++;
	for (;;) {
		while (e > b &&
		       (bd_isspace(line[e - 1]) || line[e - 1] == ':' || line[e - 1] == '<')) {
			colon |= line[e - 1] == ':';
			e--;
		}
		/* U+3000 ideographic space, U+FF1A full-width colon. */
		if (e >= b + 3 && memcmp(line + e - 3, "\xE3\x80\x80", 3) == 0) {
			e -= 3;
		} else if (e >= b + 3 && memcmp(line + e - 3, "\xEF\xBC\x9A", 3) == 0) {
			e -= 3;
			colon = true;
		} else {
			break;
		}
	}
	if (e == b || e - b > 30)
		return false;
	/* A label of a few words in a script other than Latin, with its colon
	 * ("받는 사람: a@b"): a label too, as Latin prose of a few words
	 * ("Original sender: a@b") is not. */
	bool latin = false, words = false;
	for (size_t i = b; i < e; i++) {
		if (line[i] == '@' || line[i] == '<' || line[i] == ':')
			return false;
		if (bd_isspace(line[i]))
			words = true;
		else
			latin |= (unsigned char)line[i] < 0x80;
	}
	if (words)
		return colon && !latin;
	return colon || !latin;
}

/* A line drawn with one punctuation character ("-----", "=====", "#####"),
 * or a heading framed in dashes between bars. */
static bool rule_line(const char *line, size_t n)
{
	while (n && bd_isspace(line[n - 1]))
		n--;
	size_t i = 0;
	while (i < n && bd_isspace(line[i]))
		i++;
	/* A heading framed in a rule, "|------ Message text follows: ------|"
	 * (T-Online), is a rule too: five of the rule's characters open it. */
	if (i < n && line[i] == '|' && n - i > 6 && line[n - 1] == '|') {
		i++;
		size_t k = i;
		while (k < n && k - i < 5 && line[k] == '-')
			k++;
		return k - i == 5;
	}
	if (n - i < 5 || !strchr("-=#*_~", line[i]))
		return false;
	for (size_t k = i; k < n; k++) {
		if (line[k] != line[i])
			return false;
	}
	return true;
}

/* Does line[0..n), the words before an address, say something of it
 * ("User's mailbox is full:"), rather than only introduce it ("Recipient
 * address:", "Unable to deliver message to:", an indented "宛先：")?  The
 * line's indent separates no words. */
static bool words_before(const char *line, size_t n)
{
	static const char *const intro[] = {"to",      "for",       "recipient", "recipients",
					    "address", "addresses", "addressee", "user",
					    "mailbox", NULL};
	for (;;) {
		if (n && (bd_isspace(line[n - 1]) || line[n - 1] == ':' || line[n - 1] == '<' ||
			  line[n - 1] == '\'' || line[n - 1] == '"'))
			n--;
		else if (n >= 3 && memcmp(line + n - 3, "\xef\xbc\x9a", 3) == 0) /* "：" */
			n -= 3;
		else
			break;
	}
	while (n && bd_isspace(*line)) {
		line++;
		n--;
	}
	size_t w = n;
	while (w && !bd_isspace(line[w - 1]))
		w--;
	for (size_t i = 0; intro[i]; i++) {
		if (n - w == strlen(intro[i]) && bd_memcasemem(line + w, n - w, intro[i], n - w))
			return false;
	}
	size_t letters = 0, spaces = 0;
	for (size_t i = 0; i < n; i++) {
		if (line[i] == ' ')
			spaces++;
		else if (!bd_isspace(line[i]))
			letters++;
	}
	return letters >= 8 && spaces >= 2;
}

const char *bd_command_name(const char *s, size_t n)
{
	static const struct {
		const char *words, *stage;
	} names[] = {
		{"RCPT TO", "RCPT"},
		{"RCPT", "RCPT"},
		{"MAIL FROM", "MAIL"},
		{"MAIL", "MAIL"},
		{"end of data", "DATA"},
		{"DATA", "DATA"},
		{"initial connection", "CONN"},
		{"initial greeting", "CONN"},
		{"connect to", "CONN"},
		{"CONN", "CONN"},
		{"EHLO", "HELO"},
		{"HELO", "HELO"},
	};
	const char *best = NULL, *stage = NULL;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *hit = bd_memcasemem(s, n, names[i].words, strlen(names[i].words));
		if (hit && (!best || hit < best)) {
			best = hit;
			stage = names[i].stage;
		}
	}
	return stage;
}

const char *bd_command_in(const char *text)
{
	/* "for" names a stage only when the command word and "command" follow
	 * ("SMTP error from remote server for RCPT TO command"); "for mail"
	 * alone does not. */
	static const struct {
		const char *lead;
		bool needs_command;
	} leads[] = {{"in reply to ", false}, {"after ", false}, {"for ", true}};
	for (size_t i = 0; i < sizeof(leads) / sizeof(leads[0]); i++) {
		size_t ll = strlen(leads[i].lead);
		for (const char *p = text; (p = bd_strcasestr(p, leads[i].lead)) != NULL; p += ll) {
			if (p > text && p[-1] != ' ' && p[-1] != '(')
				continue;
			/* The command follows at once: look at a few words only. */
			const char *w = p + ll;
			size_t n = strnlen(w, 24);
			if (leads[i].needs_command) {
				const char *c = bd_memcasemem(w, n, " command", 8);
				if (!c || c - w > 9)
					continue;
				n = (size_t)(c - w);
			}
			const char *stage = bd_command_name(w, n);
			if (stage)
				return stage;
		}
	}
	return NULL;
}

/* Does the line q[0..n) go on with the reply whose code is code[0..3)?  Not
 * when it is the next step of a session transcript: a client command
 * ("QUIT", "RSET"), a reply with another code ("221 2.0.0 Bye"), or a
 * rule that closes the transcript ("--- End of session transcript ---"). */
bool bd_continues_reply(const char *q, size_t n, const char *code)
{
	static const char *const commands[] = {"QUIT", "RSET", "DATA", "MAIL FROM", "RCPT TO",
					       "EHLO", "HELO", "NOOP", NULL};
	for (size_t i = 0; commands[i]; i++) {
		size_t cl = strlen(commands[i]);
		/* "DATA command)" is a wrapped "(in reply to end of DATA
		 * command)", not the client's command. */
		if (n >= cl && memcmp(q, commands[i], cl) == 0 &&
		    (n == cl || q[cl] == ' ' || q[cl] == ':' || q[cl] == '\r' || q[cl] == '\n') &&
		    !bd_memcasemem(q + cl, n - cl < 10 ? n - cl : 10, "command", 7))
			return false;
	}
	if (n >= 3 && memcmp(q, "---", 3) == 0)
		return false;
	if (n >= 4 && q[0] >= '2' && q[0] <= '5' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' &&
	    q[2] <= '9' && (q[3] == ' ' || q[3] == '-') && memcmp(q, code, 3) != 0)
		return false;
	return true;
}

/* Is line[0..n) a session transcript's line that reports a server reply of
 * success or of the next step ("<-- 250 2.1.5 Ok", "<<< 354 Go ahead"),
 * after any time stamp?  Such a reply is not why the recipient failed: the
 * account starts again after it. */
static bool positive_transcript_reply(const char *line, size_t n)
{
	static const char *const marks[] = {"<-- ", "<<< ", NULL};
	for (size_t i = 0; marks[i]; i++) {
		const char *p = bd_memcasemem(line, n, marks[i], 4);
		if (!p)
			continue;
		p += 4;
		size_t rest = n - (size_t)(p - line);
		if (rest >= 4 && (p[0] == '2' || p[0] == '3') && p[1] >= '0' && p[1] <= '9' &&
		    p[2] >= '0' && p[2] <= '9' && (p[3] == ' ' || p[3] == '-'))
			return true;
	}
	return false;
}

/* Does the line open (after blanks) with addr's local part as a word of
 * its own ("nils.ek wasn't found")? */
static bool opens_with_local_part(const char *line, size_t llen, const char *addr)
{
	const char *at = strrchr(addr, '@');
	size_t n = at ? (size_t)(at - addr) : 0;
	size_t k = 0;
	while (k < llen && bd_isspace(line[k]))
		k++;
	return n >= 2 && llen - k > n && bd_memcasemem(line + k, n, addr, n) == line + k &&
	       line[k + n] == ' ';
}

int bd_scan_prose(struct bd_msg *m, struct bd_report *r, const char *text, size_t len)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	struct bd_rcpt *cur = NULL;
	const char *diag_start = NULL;
	const char *diag_end = NULL;
	int added = 0, diag_lines = 0;
	bool cur_colon = false;        /* the address line ends "<a@b>:" */
	bool after_blank = false;      /* a blank line followed the bare address */
	const char *reply_code = NULL; /* a server reply that opens a line of the account */
	struct bd_rcpt *closed = NULL; /* the account a blank line just closed */
	const char *closed_start = NULL;

	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t apos = 0, st = 0, en = 0;
		char *addr = bd_addr_next(&r->arena, line, llen, &apos, &st, &en);
		bool is_rcpt = false, named = false;
		if (addr && !is_own_party(m, r, addr)) {
			named = name_and_address(line, llen, st, en);
			is_rcpt = named || starts_line(line, st) || names_recipient(line, st);
		}
		/* The server's reply quoted in an account that has begun, and
		 * naming the same address again ("Error: refused by the
		 * recipient's setting" then "Reply: 550 Unknown user a@b"),
		 * goes on with that account. */
		if (is_rcpt && cur && diag_start && strcmp(addr, cur->recipient) == 0) {
			char code[16];
			if (bd_find_replycode(bd_arena_strndup(&r->arena, line, st), code))
				is_rcpt = false;
		}
		if (is_rcpt) {
			if (cur && diag_start)
				bd_rcpt_set_diag(r, cur, diag_start,
						 (size_t)(diag_end - diag_start));
			size_t before = r->n;
			cur = bd_report_rcpt(r, addr);
			added += r->n > before;
			/* The rest of the line after the address is diagnostic text. */
			const char *rest = line + en;
			const char *lend = line + llen;
			while (rest < lend &&
			       (*rest == ':' || *rest == ' ' || *rest == '>' || *rest == '.' ||
				*rest == ',' || *rest == '\'' || *rest == ']' || *rest == ')'))
				rest++;
			diag_start = rest < lend ? rest : NULL;
			diag_end = rest < lend ? lend : NULL;
			/* "User's mailbox is full: <a@b>": the words before an address
			 * that ends its line are its account. */
			if (!diag_start && !named && words_before(line, st)) {
				diag_start = line;
				diag_end = lend;
			}
			diag_lines = 0;
			reply_code = NULL;
			cur_colon = false;
			after_blank = false;
			for (const char *q = line + en; q < lend && !cur_colon; q++)
				cur_colon = *q == ':';
			continue;
		}
		/* The paragraph after an account that names the recipient by
		 * its local part ("Your message to nils@example.se couldn't be
		 * delivered." then "nils wasn't found at example.se.", Exchange
		 * Online's notice) says why: it joins the account. */
		if (!cur && closed) {
			struct bd_rcpt *c = closed;
			closed = NULL;
			if (opens_with_local_part(line, llen, c->recipient)) {
				bd_rcpt_set_diag(r, c, closed_start,
						 (size_t)(line + llen - closed_start));
				continue;
			}
		}
		if (!cur)
			continue;
		size_t k = 0; /* the line's indent */
		while (k < llen && bd_isspace(line[k]))
			k++;
		bool blank = k == llen;
		/* A rule of dashes, equals signs or hashes closes the account. */
		if (rule_line(line, llen)) {
			if (diag_start)
				bd_rcpt_set_diag(r, cur, diag_start,
						 (size_t)(diag_end - diag_start));
			cur = NULL;
			continue;
		}
		if (blank) {
			if (diag_start) {
				bd_rcpt_set_diag(r, cur, diag_start,
						 (size_t)(diag_end - diag_start));
				closed = cur;
				closed_start = diag_start;
				cur = NULL;
			} else if (!cur_colon) {
				/* The address stood in its paragraph with nothing said
				 * of it; the next paragraph is about something else
				 * (a closing remark, a signature) unless it opens as a
				 * section of its own ("-----server message").  Only
				 * "<a@b>:" leads on to its account past a blank line. */
				after_blank = true;
			}
			continue;
		}
		if (after_blank) {
			after_blank = false;
			size_t d = k;
			while (d < llen && strchr("-=#*_~", line[d]) && line[d] == line[k])
				d++;
			if (d - k < 5) {
				cur = NULL;
				continue;
			}
		}
		/* In a session transcript the account ends with the server's
		 * reply: the client's next command is not part of it. */
		if (reply_code) {
			if (!bd_continues_reply(line + k, llen - k, reply_code)) {
				bd_rcpt_set_diag(r, cur, diag_start,
						 (size_t)(diag_end - diag_start));
				cur = NULL;
				continue;
			}
		}
		if (!reply_code && positive_transcript_reply(line + k, llen - k)) {
			diag_start = NULL;
			diag_lines = 0;
			continue;
		}
		if (diag_lines++ >= 12) {
			continue;
		}
		if (!diag_start)
			diag_start = line;
		diag_end = line + llen;
		if (!reply_code) {
			if (bd_find_server_reply(line + k, llen - k) == line + k)
				reply_code = line + k;
		}
	}
	if (cur && diag_start)
		bd_rcpt_set_diag(r, cur, diag_start, (size_t)(diag_end - diag_start));
	return added;
}

const char *bd_header_addr(struct bd_report *r, const struct bd_headers *h, const char *name)
{
	const char *v = h ? bd_headers_get(h, name) : NULL;
	return v ? bd_addr_first(&r->arena, v) : NULL;
}

const char *bd_msgid(struct bd_report *r, const struct bd_headers *h)
{
	const char *v = h ? bd_headers_get(h, "Message-ID") : NULL;
	if (!v)
		return NULL;
	const char *lt = strchr(v, '<');
	const char *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt)
		return bd_report_strn(r, lt + 1, (size_t)(gt - lt - 1));
	return bd_report_str(r, v);
}

/* The recipient encoded in the VERP address a, or NULL.  When a could be
 * read with either separator ("bounce-john+news=example.com"), the '-'
 * reading when the notice names it (john+news@example.com; the '+'
 * reading, news@example.com, is part of that and proves nothing), else the
 * '+' one. */
static const char *verp_of(struct bd_report *r, const struct bd_msg *m, const char *a)
{
	char *d = a ? bd_addr_verp_decode(&r->arena, a) : NULL;
	char *alt = a ? bd_addr_verp_decode_dash(&r->arena, a) : NULL;
	if (alt && (!d || bd_msg_find(m, alt)))
		return alt;
	return d;
}

/* The registered recipient encoded in a VERP address the bounce was sent to. */
const char *bd_msg_verp(struct bd_report *r, const struct bd_msg *m)
{
	static const char *const heads[] = {"X-Original-To", "Delivered-To",  "To",
					    "Envelope-To",   "X-Envelope-To", NULL};
	for (size_t i = 0; heads[i]; i++) {
		const char *d = verp_of(r, m, bd_header_addr(r, m->hdr, heads[i]));
		if (d)
			return d;
	}
	/* The returned message's Return-Path is the VERP envelope sender too. */
	return verp_of(r, m, bd_header_addr(r, m->orig_hdr, "Return-Path"));
}

bool bd_from_mail_system(const char *from)
{
	static const char *const words[] = {
		"mailer-daemon", "postmaster",  "post_master", "post-master",
		"mail delivery", "mail-daemon", "maildaemon",  NULL};
	for (size_t i = 0; from && words[i]; i++) {
		if (bd_strcasestr(from, words[i]))
			return true;
	}
	return false;
}

/* A person's answer in a thread: the subject opens with a reply prefix
 * ("Re:", "AW:", "SV:", "Antw:", "回复:") and it refers to an earlier
 * message (In-Reply-To or References).  A mail system's report answers
 * no thread under its own subject; a person who replies to a bounce
 * ("Re: Undelivered Mail Returned to Sender") and quotes it has written
 * a letter about a failure, not a report of one. */
bool bd_msg_person_reply(const struct bd_msg *m)
{
	static const char *const prefixes[] = {"re:",  "aw:", "sv:",   "vs:",   "antw:", "odp:",
					       "ynt:", "r:",  "回复:", "答复:", "返信:", NULL};
	/* Outlook names the conversation (Thread-Topic, Thread-Index) even
	 * where it sets no In-Reply-To. */
	if (!bd_headers_get(m->hdr, "In-Reply-To") && !bd_headers_get(m->hdr, "References") &&
	    !bd_headers_get(m->hdr, "Thread-Topic") && !bd_headers_get(m->hdr, "Thread-Index"))
		return false;
	if (bd_from_mail_system(m->from))
		return false;
	const char *s = m->subject;
	while (*s == ' ' || *s == '\t')
		s++;
	for (size_t i = 0; prefixes[i]; i++) {
		if (bd_startswith_ci(s, prefixes[i]))
			return true;
	}
	return false;
}

/* Does the message present itself as a delivery report? */
bool bd_msg_bounce_like(const struct bd_msg *m)
{
	static const char *const subj_words[] = {"undeliver",
						 "undelivered",
						 "delivery status",
						 "delivery failure",
						 "delivery failed",
						 "failure notice",
						 "returned mail",
						 "could not be delivered",
						 "mail delivery",
						 "non-delivery",
						 "nondeliverable",
						 "rejected",
						 "bounce",
						 "delivery notification",
						 "returned to sender",
						 "not delivered",
						 "failed delivery",
						 "配信",
						 "不達",
						 "エラー",
						 NULL};
	if (m->dsn)
		return true;
	if (bd_msg_person_reply(m))
		return false;
	if (bd_from_mail_system(m->from))
		return true;
	for (size_t i = 0; subj_words[i]; i++) {
		if (bd_strcasestr(m->subject, subj_words[i]))
			return true;
	}
	return bd_msg_refusal_text(m);
}

/* A server's reply in the text: a reply code and, after it, an enhanced
 * status of the same class ("550 5.1.1", "452-4.2.2"). */
const char *bd_find_server_reply(const char *text, size_t len)
{
	for (size_t i = 0; i + 9 <= len; i++) {
		const char *p = text + i;
		if ((p[0] != '4' && p[0] != '5') || p[1] < '0' || p[1] > '5' || p[2] < '0' ||
		    p[2] > '9' || (p[3] != ' ' && p[3] != '-') || p[4] != p[0] || p[5] != '.' ||
		    p[6] < '0' || p[6] > '9')
			continue;
		if (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '.'))
			continue;
		char code[16];
		if (bd_find_status(p + 4, code) && strncmp(p + 4, code, strlen(code)) == 0)
			return p;
	}
	return NULL;
}

bool bd_msg_refusal_text(const struct bd_msg *m)
{
	/* Words of a notice that refuses the message, whoever sends it (a mail
	 * system under its own name, a mailing-list manager). */
	static const char *const words[] = {"could not be delivered", "couldn't be delivered",
					    "was not delivered",      "was not accepted",
					    "has been rejected",      "was rejected",
					    "not allowed to post",    "not allowed to send",
					    "not authorized to post", NULL};
	if (bd_msg_head_has_any(m, 4096, words))
		return true;
	return bd_find_server_reply(m->body, m->orig_offset < 4096 ? m->orig_offset : 4096) != NULL;
}

bool bd_msg_head_has_any(const struct bd_msg *m, size_t limit, const char *const *phrases)
{
	size_t len = m->orig_offset < limit ? m->orig_offset : limit;
	for (size_t i = 0; phrases[i]; i++) {
		if (find_in_body(m, len, phrases[i]))
			return true;
	}
	return false;
}
