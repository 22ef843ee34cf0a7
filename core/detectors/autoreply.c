/* autoreply.c: vacation and other automatic replies (RFC 3834).  Not
 * bounces: the person who is away is the recipient, and nothing counts
 * against the address.  The same holds for other automatic answers that
 * arrive at a bounce address: a challenge to prove the sender is a person,
 * a ticket system's acknowledgement, a mailing list's notice that a post
 * waits for its moderator. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool match(const struct bd_msg *m)
{
	if (m->dsn || m->feedback || bd_msg_bounce_like(m))
		return false;
	const char *as = bd_headers_get(m->hdr, "Auto-Submitted");
	if (as && !bd_startswith_ci(as, "no"))
		return true;
	if (bd_headers_get(m->hdr, "X-Autoreply") || bd_headers_get(m->hdr, "X-Autorespond") ||
	    bd_headers_get(m->hdr, "X-Autoresponder") ||
	    bd_headers_get(m->hdr, "X-MS-Exchange-Organization-AutoResponseKind"))
		return true;
	const char *prec = bd_headers_get(m->hdr, "Precedence");
	if (prec && bd_strcasestr(prec, "auto_reply"))
		return true;
	static const char *const subj[] = {"auto reply",
					   "auto-reply",
					   "autoreply",
					   "automatic reply",
					   "auto:",
					   "out of office",
					   "out of the office",
					   "away from",
					   "vacation",
					   "automatische antwort",
					   "respuesta automática",
					   "risposta automatica",
					   "resposta automática",
					   "automatisch antwoord",
					   "autosvar",
					   "réponse automatique",
					   "automatiskt svar",
					   "automatisk svar",
					   "automaattinen vastaus",
					   "odpowiedź automatyczna",
					   "automatická odpověď",
					   "automatikus válasz",
					   "otomatik yanıt",
					   "Автоматический ответ",
					   "автоматический ответ",
					   "Αυτόματη απάντηση",
					   "αυτόματη απάντηση",
					   "fuori ufficio",
					   "fuori sede",
					   "poza biurem",
					   "awaits moderator approval",
					   "awaiting moderation",
					   "confirmation is needed to join",
					   "requires verification",
					   "[ticket#",
					   "ticket received",
					   "自動応答",
					   "自動返信",
					   "不在",
					   "自动回复",
					   "自動回覆",
					   "自動回復",
					   "자동 응답",
					   "자동응답",
					   NULL};
	for (size_t i = 0; subj[i]; i++) {
		if (bd_strcasestr(m->subject, subj[i]))
			return true;
	}
	/* Phrases an automatic answer opens with, in its first lines. */
	static const char *const text[] = {
		"this is an automated response", "this is an automatic response",
		"this is an automated reply", "this is an automatic reply",
		"verify that you are a real", "is being held until the list moderator",
		"forwarded to the moderator", "awaiting moderation",
		/* a person away: said in the text only, under a plain "Re:" */
		"out of the office", "out of office",
		/* a challenge: the sender is not yet on the person's list */
		"not on the recipient's whitelist", "without changing the subject",
		"that you are a person", "that you are a human", "not yet on her guest list",
		"not yet on his guest list", "not yet on my guest list",
		/* a list manager's request to confirm a subscription */
		"subscription confirmation", "registration confirmation",
		"confirm that you want to be added",
		/* a ticket system's receipt */
		"has been received and is being", "we have received your request",
		"received your request and", "trouble ticket", "eingangsbestätigung",
		"ist bei uns eingegangen", NULL};
	return bd_msg_head_has_any(m, 1024, text);
}

/* Is addr the address base with an extension ("user-confirm-123@dom" of
 * "user@dom"): a challenge sent from a tagged copy of the address? */
static bool extension_of(const char *addr, const char *base)
{
	const char *at = strchr(base, '@');
	const char *aat = strchr(addr, '@');
	if (!at || !aat || strcmp(at, aat) != 0)
		return false;
	size_t k = (size_t)(at - base);
	return (size_t)(aat - addr) > k + 1 && strncmp(addr, base, k) == 0 &&
	       (addr[k] == '-' || addr[k] == '+');
}

/* A mailing-list manager's own address: LIST-owner, LIST-request,
 * LIST-bounces, or the manager's name. */
static bool list_manager(const char *addr, size_t *base)
{
	static const char *const suffixes[] = {"-owner@",   "-request@", "-bounces@",
					       "-confirm@", "-confirm+", NULL};
	for (size_t i = 0; suffixes[i]; i++) {
		const char *s = strstr(addr, suffixes[i]);
		if (s && s > addr) {
			*base = (size_t)(s - addr);
			return true;
		}
	}
	static const char *const names[] = {"sympa@", "mailman@", "listserv@", "majordomo@", NULL};
	*base = 0;
	for (size_t i = 0; names[i]; i++) {
		if (bd_startswith_ci(addr, names[i]))
			return true;
	}
	return false;
}

/* The list a list manager's notice is about: its List-Post or X-BeenThere
 * header, the LIST of LIST-owner@, or the first other address of the
 * manager's domain that the notice names. */
static const char *list_address(struct bd_msg *m, struct bd_report *r, const char *from)
{
	size_t base;
	if (!list_manager(from, &base))
		return NULL;
	const char *v = bd_header_addr(r, m->hdr, "List-Post");
	if (!v)
		v = bd_header_addr(r, m->hdr, "X-BeenThere");
	if (v)
		return v;
	const char *at = strchr(from, '@');
	if (base)
		return bd_arena_printf(&r->arena, "%.*s%s", (int)base, from, at);
	size_t pos = 0, st, en;
	char *a;
	while ((a = bd_addr_next(&r->arena, m->body, m->orig_offset, &pos, &st, &en)) != NULL) {
		const char *aat = strchr(a, '@');
		size_t b;
		if (aat && strcmp(aat, at) == 0 && strcmp(a, from) != 0 && !list_manager(a, &b))
			return a;
	}
	return NULL;
}

/* A service's own sending address (a no-reply or notification box), which
 * answers on behalf of someone else. */
static bool service_address(const char *addr)
{
	static const char *const names[] = {
		"noreply",      "no-reply", "donotreply", "do-not-reply",
		"notification", "notify",   NULL};
	for (size_t i = 0; names[i]; i++) {
		if (bd_startswith_ci(addr, names[i]))
			return true;
	}
	return false;
}

/* Whom a service's notice speaks for: the first other address of the
 * service's domain that the text names (a group), or else the recipient of
 * the returned message (a person whose mailbox the service guards). */
static const char *served_address(struct bd_msg *m, struct bd_report *r, const char *from,
				  const char *to)
{
	const char *at = strchr(from, '@');
	size_t pos = 0, st, en;
	char *a;
	while (at &&
	       (a = bd_addr_next(&r->arena, m->body, m->orig_offset, &pos, &st, &en)) != NULL) {
		const char *aat = strchr(a, '@');
		if (aat && bd_streq_ci(aat, at) && !bd_streq_ci(a, from) && !service_address(a))
			return a;
	}
	return to;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	r->kind = BD_KIND_AUTOREPLY;
	const char *who = bd_header_addr(r, m->hdr, "From");
	if (!who)
		who = bd_header_addr(r, m->hdr, "Reply-To");
	const char *to = bd_header_addr(r, m->orig_hdr, "To");
	if (who && to && extension_of(who, to))
		who = to;
	else if (who && service_address(who)) {
		const char *served = served_address(m, r, who, to);
		if (served)
			who = served;
	} else if (who) {
		const char *list = list_address(m, r, who);
		if (list)
			who = list;
	}
	struct bd_rcpt *rc = bd_report_rcpt(r, who);
	bd_rcpt_set_diag(r, rc, m->body, m->body_len < 400 ? m->body_len : 400);
	return 1;
}

const struct bd_detector bd_det_autoreply = {"autoreply", match, extract};
