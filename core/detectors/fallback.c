/* fallback.c: a bounce in prose that no detector recognised.
 *
 * Reads addresses and the lines after them from the notification text.
 * When the text names nobody, the VERP address the bounce was sent to, or
 * the To of the returned message, identifies the recipient and the text
 * itself is the diagnostic. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static bool match(const struct bd_msg *m)
{
	return bd_msg_bounce_like(m);
}

/* The value of the first "LABEL: value" line of text[0..len) whose label
 * (before an ASCII or a full-width colon within the line's first 40
 * bytes, trailing blanks left out) label_ok accepts. */
static bool labelled_line(const char *text, size_t len, bool (*label_ok)(const char *, size_t),
			  const char **out, size_t *outlen)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t c = 0, clen = 0;
		for (size_t i = 0; i < llen && i <= 40 && !clen; i++) {
			if (line[i] == ':') {
				c = i;
				clen = 1;
			} else if (i + 3 <= llen && memcmp(line + i, "\xef\xbc\x9a", 3) == 0) {
				c = i;
				clen = 3;
			}
		}
		if (!clen)
			continue;
		size_t e = c;
		while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '\t'))
			e--;
		const char *v = line + c + clen;
		while (v < line + llen && bd_isspace(*v))
			v++;
		if (v < line + llen && label_ok(line, e)) {
			*out = v;
			*outlen = (size_t)(line + llen - v);
			return true;
		}
		/* A label on a line of its own, underlined or not ("Reason:",
		 * "---------------", a blank line): the value is the next line. */
		if (v == line + llen && e > 0 && label_ok(line, e)) {
			size_t p2 = pos;
			const char *nl;
			size_t nlen;
			for (int k = 0; k < 3 && bd_next_line(text, len, &p2, &nl, &nlen); k++) {
				while (nlen && bd_isspace(nl[nlen - 1]))
					nlen--;
				size_t lead = 0;
				while (lead < nlen && bd_isspace(nl[lead]))
					lead++;
				size_t rule = lead;
				while (rule < nlen &&
				       (nl[rule] == '-' || nl[rule] == '=' || nl[rule] == '_'))
					rule++;
				if (rule == nlen)
					continue;
				*out = nl + lead;
				*outlen = nlen - lead;
				return true;
			}
		}
	}
	return false;
}

/* "reject reason", "Reason": a label of a few English words ending in
 * "reason", also as the English half of a bilingual label ("Důvod /
 * Reason"). */
static bool english_reason(const char *l, size_t n)
{
	const char *slash = n <= 48 ? memchr(l, '/', n) : NULL;
	if (slash && !memchr(slash + 1, '/', (size_t)(l + n - slash - 1))) {
		n -= (size_t)(slash + 1 - l);
		l = slash + 1;
		while (n && (*l == ' ' || *l == '\t')) {
			l++;
			n--;
		}
	}
	if (n < 6 || n > 32 || !bd_memcasemem(l + n - 6, 6, "reason", 6))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z') || l[i] == ' ' ||
		      l[i] == '-' || l[i] == '\t'))
			return false;
	}
	return true;
}

/* Labels that providers' own notices in Chinese, Korean and Russian put
 * before the cause ("退信原因：", "失败原因：", "실패 사유 :", "Причина:"). */
static bool localized_reason(const char *l, size_t n)
{
	static const char *const ends[] = {"原因", "理由", "사유", "причина", "Причина", NULL};
	for (size_t k = 0; ends[k]; k++) {
		size_t kl = strlen(ends[k]);
		if (n >= kl && memcmp(l + n - kl, ends[k], kl) == 0)
			return true;
	}
	return false;
}

/* The first line of text[0..len) that holds addr, from *pos on; *pos is
 * left after it. */
static bool next_line_with(const char *text, size_t len, const char *addr, size_t *pos,
			   const char **line, size_t *llen)
{
	size_t alen = addr ? strlen(addr) : 0;
	while (addr && bd_next_line(text, len, pos, line, llen)) {
		if (bd_memcasemem(*line, *llen, addr, alen))
			return true;
	}
	return false;
}

/* The first line of text[0..len) that holds addr, after any "label:". */
static bool line_with(const char *text, size_t len, const char *addr, const char **out,
		      size_t *outlen)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	if (next_line_with(text, len, addr, &pos, &line, &llen)) {
		const char *colon = memchr(line, ':', llen);
		const char *at = memchr(line, '@', llen);
		if (colon && at && colon < at && colon - line <= 32 &&
		    !memchr(line, '<', (size_t)(colon - line))) {
			llen -= (size_t)(colon + 1 - line);
			line = colon + 1;
		}
		*out = line;
		*outlen = llen;
		return true;
	}
	return false;
}

/* Does the reply at p[0..n) say anything besides its codes ("Status code:
 * 550 5.7.708" says nothing more)? */
static bool reply_has_words(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == ' ' ||
			 p[i] == '-' || p[i] == '#'))
		i++;
	for (; i < n && p[i] != '\n'; i++) {
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		    (unsigned char)p[i] >= 0x80)
			return true;
	}
	return false;
}

/* The value of a "Reason:" line that follows the line holding addr in
 * text[0..len), blank lines between them allowed, before any other line
 * ("a@b", a blank line, "Reason: 550 5.7.1 ...", then the next address). */
static bool reason_below(const char *text, size_t len, const char *addr, const char **out,
			 size_t *outlen)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	if (!next_line_with(text, len, addr, &pos, &line, &llen))
		return false;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t lead = 0;
		while (lead < llen && bd_isspace(line[lead]))
			lead++;
		if (lead < llen)
			return labelled_line(line + lead, llen - lead, english_reason, out, outlen);
	}
	return false;
}

/* The paragraph of text[0..len) from the line that holds the first server
 * reply to the next blank line, or to the end of that reply when the
 * paragraph is a session transcript.  A reply of bare codes under a label
 * gives way to a later one that holds the same reply in words ("Status
 * code: 550 5.7.708", then "Error: 550 5.7.708 Access denied, ..."). */
static bool reply_paragraph(const char *text, size_t len, const char **out, size_t *outlen)
{
	const char *from = text;
	bool found = false;
	while (from < text + len) {
		const char *p = bd_find_server_reply(from, (size_t)(text + len - from));
		if (!p)
			break;
		const char *s = p;
		while (s > text && s[-1] != '\n')
			s--;
		const char *e = p;
		const char *end = text + len;
		while (e < end) {
			const char *nl = memchr(e, '\n', (size_t)(end - e));
			if (!nl) {
				e = end;
				break;
			}
			const char *q = nl + 1;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			e = nl;
			if (q >= end || *q == '\n' || !bd_continues_reply(q, (size_t)(end - q), p))
				break;
			e = q;
		}
		if (!found) {
			*out = s;
			*outlen = (size_t)(e - s);
			found = true;
		}
		if (reply_has_words(p, (size_t)(e - p))) {
			*out = s;
			*outlen = (size_t)(e - s);
			return true;
		}
		from = e > p ? e : p + 1;
	}
	return found;
}

/* A recipient's account that gives the reason under a label ("To: a@b /
 * Subject: ... / Reason: Host unknown", "Reason: Remote SMTP Server
 * Returned: 554 ..."): the words after the label are the diagnostic, the
 * lines before it (the subject, a module's name) are not, unless they
 * hold the server's reply or name the SMTP stage ("SMTP error from remote
 * server for RCPT TO command, host: ... reason: 550 ..."). */
static void after_reason_label(struct bd_report *r, struct bd_rcpt *rc)
{
	const char *d = rc->diagnostic;
	if (!d)
		return;
	for (const char *p = d; (p = bd_strcasestr(p, "reason:")) != NULL; p += 7) {
		if (p > d && p[-1] != ' ')
			continue;
		char code[16];
		size_t before = (size_t)(p - d);
		char *head = bd_arena_strndup(&r->arena, d, before);
		if (before && (bd_find_status(head, code) || bd_find_replycode(head, code) ||
			       bd_command_in(head)))
			return;
		const char *v = p + 7;
		while (*v == ' ')
			v++;
		if (*v)
			bd_rcpt_set_diag(r, rc, v, strlen(v));
		return;
	}
}

static int extract_rcpts(struct bd_msg *m, struct bd_report *r)
{
	int n = bd_scan_prose(m, r, m->body, m->orig_offset);
	for (size_t i = 0; i < r->n; i++) {
		after_reason_label(r, &r->rcpt[i]);
		/* Exim's own line under a site's translated template. */
		const char *d = r->rcpt[i].diagnostic;
		if (d && bd_strcasestr(d, "SMTP error from remote mail server after "))
			bda_smtp_error_reason(r, &r->rcpt[i], d);
	}
	const char *why;
	size_t whylen;
	/* Addresses listed each with its cause under a "Reason:" label of its
	 * own below it (Symantec Email Security.cloud's "I was unable to deliver
	 * your message to the following addresses:"): that cause says why. */
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rcpt[i].diagnostic &&
		    reason_below(m->body, m->orig_offset, r->rcpt[i].recipient, &why, &whylen))
			bd_rcpt_set_diag(r, &r->rcpt[i], why, whylen);
	}
	/* Text after the address that opens with a remark in parentheses ("<a@b>
	 * (and other recipients in the same domain).") ends a sentence that began
	 * before the address: the whole line says why. */
	if (n == 1 && r->rcpt[0].diagnostic && r->rcpt[0].diagnostic[0] == '(' &&
	    line_with(m->body, m->orig_offset, r->rcpt[0].recipient, &why, &whylen))
		bd_rcpt_set_diag(r, &r->rcpt[0], why, whylen);
	/* One recipient, and nothing beside it, or words that hold no code
	 * ("from 2025/11/10 could not be delivered."), while the notice gives
	 * the cause under a "Reason:" label: that cause says why. */
	char rcode[16];
	const char *d1 = n == 1 ? r->rcpt[0].diagnostic : NULL;
	if (n == 1 &&
	    (!d1 || d1[0] == '(' ||
	     (!bd_find_status(d1, rcode) && !bd_find_replycode(d1, rcode))) &&
	    labelled_line(m->body, m->orig_offset, english_reason, &why, &whylen))
		bd_rcpt_set_diag(r, &r->rcpt[0], why, whylen);
	/* One recipient and nothing said beside it ("宛先不明：　a@b" and a
	 * blank line): the notice's text is the diagnostic, as when it names
	 * nobody. */
	if (n == 1 && !r->rcpt[0].diagnostic)
		bd_rcpt_set_diag(r, &r->rcpt[0], m->body, m->orig_offset);
	/* Several recipients listed with nothing said of any of them, the
	 * cause in a paragraph of its own ("以下の宛先へのメールは配送できませんで
	 * した" and the addresses one a line): the notice's text says why for
	 * each. */
	bool none_said = n > 1;
	for (size_t i = 0; none_said && i < r->n; i++)
		none_said = !r->rcpt[i].diagnostic;
	for (size_t i = 0; none_said && i < r->n; i++)
		bd_rcpt_set_diag(r, &r->rcpt[i], m->body, m->orig_offset);
	/* One recipient, and words beside it that hold no code ("couldn't be
	 * delivered."), while the server's reply stands in a paragraph of its
	 * own: that paragraph says why. */
	char code[16];
	const char *d = n == 1 ? r->rcpt[0].diagnostic : NULL;
	if (d && !bd_find_status(d, code) && !bd_find_replycode(d, code) &&
	    reply_paragraph(m->body, m->orig_offset, &why, &whylen))
		bd_rcpt_set_diag(r, &r->rcpt[0], why, whylen);
	/* One recipient, and the lines beside it (the time, the subject, the
	 * server's bare reply) do not give the cause the notice states under a
	 * label of its own ("退信原因：收件人邮箱空间已满"): that cause leads. */
	if (n == 1 && r->rcpt[0].diagnostic &&
	    labelled_line(m->body, m->orig_offset, localized_reason, &why, &whylen) &&
	    !strstr(r->rcpt[0].diagnostic, bd_arena_strndup(&r->arena, why, whylen))) {
		const char *d0 = r->rcpt[0].diagnostic;
		char *both = bd_arena_printf(&r->arena, "%.*s\n%s", (int)whylen, why, d0);
		bd_rcpt_set_diag(r, &r->rcpt[0], both, strlen(both));
	}
	if (n > 0)
		return n;
	/* Exim names the failed addresses in X-Failed-Recipients. */
	const char *xf = bd_headers_get(m->hdr, "X-Failed-Recipients");
	if (xf) {
		size_t pos = 0, st, en;
		char *a;
		while ((a = bd_addr_next(&r->arena, xf, strlen(xf), &pos, &st, &en)) != NULL) {
			struct bd_rcpt *rc = bd_report_rcpt(r, a);
			bd_rcpt_set_diag(r, rc, m->body, m->orig_offset);
			n++;
		}
		if (n > 0)
			return n;
	}
	const char *who = bd_msg_verp(r, m);
	if (!who)
		who = bd_header_addr(r, m->orig_hdr, "To");
	if (!who)
		who = bd_header_addr(r, m->orig_hdr, "Cc");
	/* "Undeliverable: <subject> to a@b": the subject names it (not the
	 * address the bounce was sent to). */
	if (!who) {
		const char *to = bd_header_addr(r, m->hdr, "To");
		size_t sp = 0, st, en;
		const char *a;
		while (!who &&
		       (a = bd_addr_next(&r->arena, m->subject, strlen(m->subject), &sp, &st, &en)))
			who = to && strcmp(a, to) == 0 ? NULL : a;
	}
	if (!who)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	bd_rcpt_set_diag(r, rc, m->body, m->orig_offset);
	return 1;
}

/* Words of a warning that the mail is still being retried or not delivered
 * yet, in the languages that MTAs' translated delay templates and providers'
 * notices use: such a notice reports a delay, not a failure. */
static const char *const delay_words[] = {"warning only",
					  "do not need to resend",
					  "no need to resend",
					  "still being retried",
					  "will be retried",
					  "will retry",
					  "will keep trying",
					  "will continue to try",
					  "will continue trying",
					  "not delivered yet",
					  "nur eine warnung",
					  "nicht erneut senden",
					  "nicht erneut zu senden",
					  "seulement un avertissement",
					  "inutile de renvoyer",
					  "pas besoin de renvoyer",
					  "solo un aviso",
					  "sólo un aviso",
					  "no es necesario volver a enviar",
					  "no es necesario reenviar",
					  "solo un avviso",
					  "non è necessario reinviare",
					  "non è necessario inviare di nuovo",
					  "apenas um aviso",
					  "não é necessário reenviar",
					  "alleen een waarschuwing",
					  "niet opnieuw te verzenden",
					  "警告のみ",
					  "再送する必要はありません",
					  "再送信する必要はありません",
					  "再送の必要はありません",
					  "再送信の必要はありません",
					  "无需重新发送",
					  "無需重新發送",
					  "不需要重新发送",
					  "不需要重新發送",
					  "다시 보낼 필요가 없",
					  "재전송할 필요가 없",
					  "только предупреждение",
					  "повторно отправлять не нужно",
					  "wird weiterhin versucht",
					  "versuchen weiterhin",
					  "bisher nicht zugestellt",
					  "noch nicht zugestellt",
					  "not yet been delivered",
					  "n'a pas encore été distribué",
					  "n'a pas encore été remis",
					  "todavía no ha sido entregado",
					  "aún no ha sido entregado",
					  "non è ancora stato recapitato",
					  "non è ancora stato consegnato",
					  "nog niet afgeleverd",
					  "nog niet bezorgd",
					  "jeszcze nie została dostarczona",
					  "zatím nebyla doručena",
					  "zatiaľ nebola doručená",
					  "ainda não foi entregue",
					  "har ännu inte levererats",
					  "er endnu ikke leveret",
					  "er ennå ikke levert",
					  "ei ole vielä toimitettu",
					  "wird weiter versucht",
					  "sera retentée",
					  "sera retenté",
					  "nouvelles tentatives seront",
					  "se seguirá intentando",
					  "seguiremos intentando",
					  "se volverá a intentar",
					  "continuerà a tentare",
					  "continueremo a tentare",
					  "verrà ritentat",
					  "continuará tentando",
					  "continuaremos tentando",
					  "continuará a tentar",
					  "novas tentativas serão",
					  "wordt opnieuw geprobeerd",
					  "zal opnieuw worden geprobeerd",
					  "ponowimy próbę",
					  "będziemy próbować",
					  "pokusy o doručení budou pokračovat",
					  "budeme to zkoušet",
					  "újra megpróbáljuk",
					  "vom încerca din nou",
					  "se va reîncerca",
					  "kommer att försöka igen",
					  "fortsätter att försöka",
					  "vil blive forsøgt igen",
					  "vil bli forsøkt igjen",
					  "yritetään uudelleen",
					  "yritämme uudelleen",
					  "θα γίνει νέα προσπάθεια",
					  "θα επαναληφθεί",
					  "tekrar denenecek",
					  "yeniden denenecek",
					  "sẽ tiếp tục thử",
					  "sẽ thử lại",
					  "akan dicoba lagi",
					  "akan terus mencoba",
					  "จะพยายามส่งอีกครั้ง",
					  "引き続き配送を試み",
					  "引き続き配信を試み",
					  "引き続き送信を試み",
					  "将继续尝试",
					  "將繼續嘗試",
					  "会继续尝试",
					  "會繼續嘗試",
					  "계속 재시도",
					  "다시 시도할 예정",
					  "будут продолжены",
					  "попытки продолжаются",
					  "буде продовжено",
					  NULL};

/* Words that call the failure permanent: a notice that says so is no
 * delay, even when it also carries a template's "you do not need to
 * resend" (MDaemon's and others' permanent-failure notices do). */
static const char *const permanent_words[] = {"permanent fatal",    "permanent delivery fail",
					      "permanent failure",  "failed permanently",
					      "permanently failed", NULL};

static bool says_permanent(const struct bd_msg *m)
{
	for (size_t i = 0; permanent_words[i]; i++) {
		if (bd_strcasestr(m->subject, permanent_words[i]))
			return true;
	}
	return bd_msg_head_has_any(m, 4096, permanent_words) &&
	       !bd_msg_find(m, "not a permanent") && !bd_msg_find(m, "not permanent");
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t first = r->n;
	int n = extract_rcpts(m, r);
	if (n > 0 && bd_msg_head_has_any(m, 4096, delay_words) && !says_permanent(m)) {
		for (size_t i = first; i < r->n; i++) {
			if (!r->rcpt[i].action)
				r->rcpt[i].action = "delayed";
		}
	}
	return n;
}

const struct bd_detector bd_det_fallback = {"fallback", match, extract};
