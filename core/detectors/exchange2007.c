/* exchange2007.c: non-delivery reports of Microsoft Exchange 2007 and
 * later and of Exchange Online, read from their text when they carry no
 * delivery-status part (with one, the RFC 3464 reader has the same facts,
 * field by field).
 *
 * "Delivery has failed to these recipients or groups:" names the
 * recipients by display name; the addresses and the server's words come
 * after "Diagnostic information for administrators:" and "Generating
 * server: HOST", one account each: the address alone on a line, then
 *   "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##" (the generating
 *       server's own verdict),
 *   "mx.example.com #550 5.1.1 ... ##" (Exchange 2007/2010: the verdict of
 *       the server named first),
 *   "Remote Server returned '550 5.1.10 ...'" (a further server's reply),
 *       sometimes under a line naming that server alone, or
 *   "Server at HOST (IP) returned '451 ...'" (a delay notice).
 * "Original message headers:" ends the accounts.  A delay notice ("Delivery
 * is delayed to these recipients or groups:") repeats a reply after the
 * time of the attempt; it is said once.
 *
 * Exchange writes these headings in the sender's language, so they are a
 * table of phrases per language.  The wrapper around a further server's
 * reply is translated too, with the verb before or after the quotes ("Le
 * serveur distant a retourné '...'", "Remoteserver hat '...'
 * zurückgegeben", "원격 서버가 '...'을(를) 반환했습니다."): it is not
 * looked up, the reply is the text in quotes that starts with a reply
 * code. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

/* The headings of the administrators' part, as Exchange words them in
 * each language (a language with two wordings has two rows). */
struct headings {
	const char *diag;       /* "Diagnostic information for administrators" */
	const char *generating; /* "Generating server" */
	const char *headers;    /* "Original message headers" */
	const char *delayed;    /* "Delivery is delayed to these recipients or
	                         * groups" (a delay notice), or NULL */
};

static const struct headings headings[] = {
	/* English */
	{"Diagnostic information for administrators", "Generating server",
	 "Original message headers", "Delivery is delayed to these recipients or groups"},
	/* German */
	{"Diagnoseinformationen f\u00fcr Administratoren", "Generierender Server",
	 "Urspr\u00fcngliche Nachrichtenkopfzeilen", NULL},
	/* French (the apostrophe may be typographic: the phrase stops before it) */
	{"Informations de diagnostic pour les administrateurs", "Serveur de g\u00e9n\u00e9ration",
	 "En-t\u00eates de message d", NULL},
	/* Spanish */
	{"Informaci\u00f3n de diagn\u00f3stico para administradores", "Servidor de generaci\u00f3n",
	 "Encabezados del mensaje original", NULL},
	/* Italian */
	{"Informazioni di diagnostica per gli amministratori", "Server di generazione",
	 "Intestazioni originali del messaggio",
	 "Recapito ritardato per i destinatari o i gruppi seguenti"},
	{"Informazioni di diagnostica per gli amministratori", "Server di generazione",
	 "Intestazioni del messaggio originale",
	 "Recapito ritardato per i destinatari o i gruppi seguenti"},
	/* Brazilian Portuguese */
	{"Informa\u00e7\u00f5es de diagn\u00f3stico para administradores",
	 "Servidor de gera\u00e7\u00e3o", "Cabe\u00e7alhos da mensagem original", NULL},
	/* Dutch */
	{"Diagnostische gegevens voor beheerders", "Server voor genereren",
	 "Oorspronkelijke berichtkoppen", "Levering aan deze ontvangers of groepen is vertraagd"},
	{"Diagnostische informatie voor beheerders", "Server waarop rapport is gegenereerd",
	 "Oorspronkelijke berichtkoppen", "Levering aan deze ontvangers of groepen is vertraagd"},
	/* Swedish */
	{"Diagnostisk information f\u00f6r administrat\u00f6rer", "Genererande server",
	 "Ursprungliga meddelandehuvuden",
	 "Leveransen till f\u00f6ljande mottagare eller grupper \u00e4r f\u00f6rdr\u00f6jd"},
	/* Polish */
	{"Informacje diagnostyczne dla administrator\u00f3w", "Serwer generuj\u0105cy",
	 "Oryginalne nag\u0142\u00f3wki wiadomo\u015bci",
	 "Dostarczenie do tych adresat\u00f3w lub grup jest op\u00f3\u017anione"},
	/* Russian */
	{"\u0414\u0438\u0430\u0433\u043d\u043e\u0441\u0442\u0438\u0447\u0435\u0441\u043a\u0438\u0435 "
	 "\u0441\u0432\u0435\u0434\u0435\u043d\u0438\u044f \u0434\u043b\u044f "
	 "\u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u0442\u043e\u0440\u043e\u0432",
	 "\u0421\u043e\u0437\u0434\u0430\u044e\u0449\u0438\u0439 \u0441\u0435\u0440\u0432\u0435\u0440",
	 "\u0418\u0441\u0445\u043e\u0434\u043d\u044b\u0435 \u0437\u0430\u0433\u043e\u043b\u043e\u0432\u043a\u0438 "
	 "\u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u044f",
	 NULL},
	/* Simplified Chinese: 管理员的诊断信息, 生成服务器, 原始邮件头 */
	{"\u7ba1\u7406\u5458\u7684\u8bca\u65ad\u4fe1\u606f", "\u751f\u6210\u670d\u52a1\u5668",
	 "\u539f\u59cb\u90ae\u4ef6\u5934", NULL},
	/* Traditional Chinese: 系統管理員的診斷資訊, 產生伺服器, 原始郵件標頭 */
	{"\u7cfb\u7d71\u7ba1\u7406\u54e1\u7684\u8a3a\u65b7\u8cc7\u8a0a",
	 "\u7522\u751f\u4f3a\u670d\u5668", "\u539f\u59cb\u90f5\u4ef6\u6a19\u982d", NULL},
	/* Japanese: 診断情報 (管理者用), 生成サーバー / 生成元サーバー, 元のメッセージ ヘッダー;
	 * Microsoft's own pages name the part 管理者向けの診断情報 */
	{"\u8a3a\u65ad\u60c5\u5831 (\u7ba1\u7406\u8005\u7528)",
	 "\u751f\u6210\u30b5\u30fc\u30d0\u30fc",
	 "\u5143\u306e\u30e1\u30c3\u30bb\u30fc\u30b8 \u30d8\u30c3\u30c0\u30fc",
	 /* メッセージの配信が遅れています */
	 "\u30e1\u30c3\u30bb\u30fc\u30b8\u306e\u914d\u4fe1\u304c\u9045\u308c\u3066\u3044\u307e\u3059"},
	{"\u7ba1\u7406\u8005\u5411\u3051\u306e\u8a3a\u65ad\u60c5\u5831",
	 "\u751f\u6210\u5143\u30b5\u30fc\u30d0\u30fc",
	 "\u5143\u306e\u30e1\u30c3\u30bb\u30fc\u30b8 \u30d8\u30c3\u30c0\u30fc",
	 /* メッセージの配信が遅れています */
	 "\u30e1\u30c3\u30bb\u30fc\u30b8\u306e\u914d\u4fe1\u304c\u9045\u308c\u3066\u3044\u307e\u3059"},
	/* Korean: 관리자용 진단 정보, 생성 서버, 원본 메시지 헤더 */
	{"\uad00\ub9ac\uc790\uc6a9 \uc9c4\ub2e8 \uc815\ubcf4", "\uc0dd\uc131 \uc11c\ubc84",
	 "\uc6d0\ubcf8 \uba54\uc2dc\uc9c0 \ud5e4\ub354", NULL},
};

#define NHEADINGS (sizeof(headings) / sizeof(headings[0]))

static bool has_diag_heading(const struct bd_msg *m)
{
	for (size_t i = 0; i < NHEADINGS; i++) {
		if ((i == 0 || strcmp(headings[i].diag, headings[i - 1].diag) != 0) &&
		    bd_msg_find(m, headings[i].diag))
			return true;
	}
	return false;
}

/* The earliest "Generating server" heading of any language, or NULL. */
static const char *generating_heading(const struct bd_msg *m)
{
	const char *best = NULL;
	for (size_t i = 0; i < NHEADINGS; i++) {
		const char *p = bd_msg_find(m, headings[i].generating);
		if (p && (!best || p < best))
			best = p;
	}
	return best;
}

/* The earliest "Original message headers" heading in p[0..n), or p + n. */
static const char *headers_heading(const char *p, size_t n)
{
	const char *end = p + n;
	for (size_t i = 0; i < NHEADINGS; i++) {
		const char *h = headings[i].headers;
		const char *q = bd_memcasemem(p, (size_t)(end - p), h, strlen(h));
		if (q)
			end = q;
	}
	return end;
}

/* Does the notice open with a delay heading of any language? */
static bool is_delay(const struct bd_msg *m)
{
	for (size_t i = 0; i < NHEADINGS; i++) {
		if (headings[i].delayed && bd_msg_find(m, headings[i].delayed))
			return true;
	}
	return false;
}

static bool match(const struct bd_msg *m)
{
	return !m->dsn && has_diag_heading(m) && generating_heading(m);
}

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Is s[0..n) a host name: labels of letters, digits and '-' joined by
 * dots, at least two, with a letter somewhere? */
static bool is_host(const char *s, size_t n)
{
	if (n < 3 || s[0] == '.' || s[n - 1] == '.')
		return false;
	bool dot = false, letter = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '.') {
			if (s[i + 1] == '.')
				return false;
			dot = true;
		} else if (!is_alnum(c) && c != '-' && c != '_') {
			return false;
		} else if (!(c >= '0' && c <= '9') && c != '-' && c != '_') {
			letter = true;
		}
	}
	return dot && letter;
}

/* The first word of s[0..n) that is a host name, or NULL (its length in
 * *hl). */
static const char *host_word(const char *s, size_t n, size_t *hl)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && bd_isspace(s[i]))
			i++;
		size_t st = i;
		while (i < n && !bd_isspace(s[i]))
			i++;
		if (i > st && is_host(s + st, i - st)) {
			*hl = i - st;
			return s + st;
		}
	}
	return NULL;
}

/* The quote in s[0..n) that opens a server's reply (a reply code right
 * after it), or NULL. */
static const char *reply_quote(const char *s, size_t n)
{
	for (const char *q = memchr(s, '\'', n); q;
	     q = memchr(q + 1, '\'', (size_t)(s + n - q - 1))) {
		size_t rest = (size_t)(s + n - q - 1);
		if (rest >= 3 && bda_reply_at(q + 1, rest) == 0)
			return q;
	}
	return NULL;
}

/* The quote that closes a quoted reply in s[0..n): the last one not
 * followed by a letter or digit (so not the apostrophe of "domain's"), or
 * NULL. */
static const char *closing_quote(const char *s, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		if (s[i] == '\'' && (i + 1 == n || !is_alnum(s[i + 1])))
			return s + i;
	}
	return NULL;
}

struct account {
	struct bd_report *r;
	struct bd_rcpt *rc; /* whose account the last line was */
	const char *gen;    /* the generating server's name */
	size_t genlen;
	bool quoted; /* inside a reply whose closing quote is on a later line */
};

/* The words t[0..n), trailing blanks left out, as the account's next;
 * false when none are left. */
static bool words(const char **tp, size_t *np, const char *t, size_t n)
{
	while (n && bd_isspace(t[n - 1]))
		n--;
	*tp = t;
	*np = n;
	return n > 0;
}

static void set_remote(struct account *a, const char *h, size_t hl)
{
	if (a->rc->remote_mta || (hl == a->genlen && bd_memcasemem(h, hl, a->gen, hl) == h))
		return;
	a->rc->remote_mta = bd_report_strn(a->r, h, hl);
}

/* One line *tp[0..*np) of rc's account, trimmed at the start: the words it
 * adds to the diagnostic (so_far), if any (a bda_words_fn). */
static bool account_words(void *ctx, struct bd_rcpt *rc, const struct bd_buf *so_far,
			  const char **tp, size_t *np)
{
	struct account *a = ctx;
	if (rc != a->rc) {
		a->rc = rc;
		a->quoted = false;
	}
	const char *t = *tp, *e = t + *np;
	size_t n = *np;
	if (a->quoted) {
		const char *c = closing_quote(t, n);
		a->quoted = !c;
		return words(tp, np, t, c ? (size_t)(c - t) : n);
	}
	if (*t == '#') {
		/* "#550 5.1.1 ... ##" */
		t++;
		while (e > t && (e[-1] == '#' || bd_isspace(e[-1])))
			e--;
		return words(tp, np, t, (size_t)(e - t));
	}
	const char *hash = memchr(t, '#', n);
	size_t hl = 0;
	if (hash && hash > t && hash[-1] == ' ' && n >= 2 && e[-1] == '#' && e[-2] == '#') {
		/* "HOST #550 5.1.1 ... ##" */
		const char *h = host_word(t, (size_t)(hash - t), &hl);
		if (h && h == t && hl + 1 == (size_t)(hash - t)) {
			set_remote(a, h, hl);
			const char *s = hash + 1;
			while (e > s && (e[-1] == '#' || bd_isspace(e[-1])))
				e--;
			return words(tp, np, s, (size_t)(e - s));
		}
	}
	const char *q = reply_quote(t, n);
	if (q) {
		/* "WRAPPER '550 ...' [WRAPPER]", the wrapper naming the server
		 * ("Server at HOST (IP) returned") or not */
		const char *h = host_word(t, (size_t)(q - t), &hl);
		if (h)
			set_remote(a, h, hl);
		const char *s = q + 1;
		const char *c = closing_quote(s, (size_t)(e - s));
		size_t rl = (size_t)((c ? c : e) - s);
		/* a delay notice repeats the reply after the attempt's time */
		if (c && so_far->len && bd_memcasemem(so_far->data, so_far->len, s, rl))
			return false;
		a->quoted = !c;
		return words(tp, np, s, rl);
	}
	if (!so_far->len && host_word(t, n, &hl) == t && hl == n) {
		/* the replying server's name alone, above its reply */
		set_remote(a, t, hl);
		return false;
	}
	return words(tp, np, t, n);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *p = generating_heading(m);
	const char *end = m->body + m->orig_offset;
	if (!p || p >= end)
		return 0;
	end = headers_heading(p, (size_t)(end - p));
	size_t pos = 0, llen, len = (size_t)(end - p);
	const char *line;
	if (!bd_next_line(p, len, &pos, &line, &llen)) /* "Generating server: HOST" */
		return 0;
	struct account a = {.r = r};
	size_t gl = llen;
	while (gl && bd_isspace(line[gl - 1]))
		gl--;
	size_t gs = gl;
	while (gs && !bd_isspace(line[gs - 1]) && line[gs - 1] != ':')
		gs--;
	a.gen = line + gs;
	a.genlen = gl - gs;
	int added = bda_accounts(r, p, len, pos, bda_lone_address, account_words, &a);
	if (added && is_delay(m)) {
		r->kind = BD_KIND_DELAY;
		for (size_t i = 0; i < r->n; i++)
			r->rcpt[i].action = "delayed";
	}
	return added;
}

const struct bd_detector bd_det_exchange2007 = {"exchange2007", match, extract};
