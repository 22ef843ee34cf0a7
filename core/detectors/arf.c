/* arf.c: abuse/complaint feedback reports (RFC 5965, multipart/report;
 * report-type=feedback-report).  Not bounces: each complained-about
 * recipient is reported with its feedback type. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

/* The subject prefix a mail client gives a forward: "Fw:", "Fwd:", and
 * the localised ones (German "WG:", French "TR:", Spanish "RV:",
 * Portuguese "ENC:", Italian "I:", Dutch "Doorst:", Nordic "VB:"/"VS:"). */
static bool forward_subject(const char *subject)
{
	static const char *const prefixes[] = {
		"fw", "wg:", "tr:", "rv:", "enc:", "i:", "vb:", "vs:", "doorst:", NULL};
	for (size_t i = 0; prefixes[i]; i++) {
		if (bd_startswith_ci(subject, prefixes[i]))
			return true;
	}
	return false;
}

/* The To of a forwarded message; a forward inline in a localised client
 * names it in the reader's language (Outlook's "An:", "Para:", "Aan:"). */
static const char *forwarded_to(const struct bd_headers *h)
{
	static const char *const names[] = {"To", "An", "Para", "Aan", "Till", "Til", NULL};
	for (size_t i = 0; h && names[i]; i++) {
		const char *v = bd_headers_get(h, names[i]);
		if (v)
			return v;
	}
	return NULL;
}

/* A person who forwards the message they received back to the sender,
 * with words of complaint before it: a complaint, though no ARF report. */
static bool forwarded_complaint(const struct bd_msg *m)
{
	if (m->dsn || !m->orig_hdr || bd_msg_bounce_like(m))
		return false;
	/* A person's own mail: no automatic answer, and forwarded. */
	const char *as = bd_headers_get(m->hdr, "Auto-Submitted");
	if ((as && !bd_startswith_ci(as, "no")) || bd_headers_get(m->hdr, "Precedence"))
		return false;
	if (!m->orig && !forward_subject(m->subject) &&
	    !bd_memcasemem(m->body, m->body_len, "forwarded message", 17))
		return false;
	/* The person's own words, in the languages mail clients forward in. */
	static const char *const words[] = {"spam",
					    "unsolicited",
					    "stop sending",
					    "never signed up",
					    "unsubscribe",
					    "remove me",
					    "remove my address",
					    "take me off",
					    "opt me out",
					    "did not sign up",
					    "didn't sign up",
					    "never subscribed",
					    "nie angemeldet",
					    "nie abonniert",
					    "keine werbung",
					    "abmelden",
					    "jamais inscrit",
					    "ne plus recevoir",
					    "darme de baja",
					    "no deseo recibir",
					    NULL};
	bool said = false;
	for (size_t i = 0; words[i] && !said; i++) {
		said = bd_strcasestr(m->subject, words[i]) || bd_msg_find(m, words[i]);
	}
	if (!said)
		return false;
	/* The forwarded message was addressed to the person who complains. */
	const char *to = forwarded_to(m->orig_hdr);
	size_t tl = to ? strlen(to) : 0;
	if (!to && !m->orig && m->orig_offset < m->body_len) {
		/* A header name outside ASCII ends the parsed block (French
		 * Outlook's accented "Envoye :" and "A :"): read the forwarded
		 * header lines themselves. */
		to = m->body + m->orig_offset;
		tl = m->body_len - m->orig_offset;
		if (tl > 1024)
			tl = 1024;
	}
	const char *from = bd_headers_get(m->hdr, "From");
	if (!to || !from)
		return false;
	const char *lt = strchr(from, '<');
	const char *addr = lt ? lt + 1 : from;
	size_t n = strcspn(addr, ">");
	while (n && addr[n - 1] == ' ')
		n--;
	return n > 3 && memchr(addr, '@', n) && bd_memcasemem(to, tl, addr, n);
}

static bool match(const struct bd_msg *m)
{
	if (m->feedback)
		return true;
	/* A report attached whole (a person forwarded a complaint report or a
	 * bounce) is read as itself, not as the message complained about. */
	if (m->orig && strcmp(m->orig->type, "multipart/report") == 0)
		return false;
	if (forwarded_complaint(m))
		return true;
	/* Complaint loops older than RFC 5965 send the reported message as a
	 * plain attachment under a subject that says what it is. */
	static const char *const text[] = {"this is an email abuse report", NULL};
	return m->orig && !m->dsn &&
	       (bd_strcasestr(m->subject, "complaint about message from") ||
		bd_strcasestr(m->subject, "abuse report") || bd_msg_head_has_any(m, 1024, text));
}

/* The envelope recipient a receiving host wrote in its trace line
 * ("Received: ... for <a@b.example>; date"): the topmost that names one.
 * A host writes it only for a single recipient. */
static char *received_for(struct bd_report *r, const struct bd_headers *h)
{
	for (size_t i = 0; h && i < h->n; i++) {
		if (!bd_streq_ci(h->v[i].name, "Received"))
			continue;
		const char *v = h->v[i].value;
		const char *f = bd_strcasestr(v, "for ");
		while (f && f > v && f[-1] != ' ' && f[-1] != '\t' && f[-1] != '\n')
			f = bd_strcasestr(f + 4, "for ");
		if (!f || f == v)
			continue;
		f += 4;
		size_t n = strcspn(f, ";");
		char *a = bd_addr_first(&r->arena, bd_arena_strndup(&r->arena, f, n));
		if (a)
			return a;
	}
	return NULL;
}

static bool same_domain(const char *a, const char *b)
{
	const char *da = strrchr(a, '@'), *db = strrchr(b, '@');
	return da && db && bd_streq_ci(da, db);
}

/* The envelope recipient that the receiving side wrote into the reported
 * message: Postfix's X-Original-To, Yahoo's X-Apparently-To, Exim's
 * Envelope-To, and Delivered-To (the lowest, written first, where a
 * forward added more). */
static const char *receiver_noted(struct bd_report *r, const struct bd_headers *h)
{
	static const char *const names[] = {"X-Original-To", "X-Apparently-To", "Envelope-To",
					    NULL};
	for (size_t i = 0; h && names[i]; i++) {
		const char *a = bd_header_addr(r, h, names[i]);
		if (a)
			return a;
	}
	const char *last = NULL;
	for (size_t i = 0; h && i < h->n; i++) {
		if (bd_streq_ci(h->v[i].name, "Delivered-To"))
			last = h->v[i].value;
	}
	return last ? bd_addr_first(&r->arena, last) : NULL;
}

/* The To of a list's or a campaign's mail names the sender's own side (the
 * list: its domain is the Return-Path's or the From's, or its List-Id's),
 * not the person who received it. */
static bool names_sender_side(struct bd_report *r, const struct bd_headers *h, const char *to)
{
	static const char *const names[] = {"Return-Path", "From", NULL};
	for (size_t i = 0; names[i]; i++) {
		const char *a = bd_header_addr(r, h, names[i]);
		if (a && same_domain(a, to))
			return true;
	}
	const char *id = bd_headers_get(h, "List-Id");
	const char *at = strrchr(to, '@');
	return id && at && bd_strcasestr(id, at + 1);
}

static bool is_rcpt_field(const char *name)
{
	return bd_streq_ci(name, "Original-Rcpt-To") || bd_streq_ci(name, "Removal-Recipient");
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	r->kind = BD_KIND_FEEDBACK;
	size_t len = 0;
	const char *text = m->feedback ? bd_part_text(m->mime, m->feedback, &len) : "";
	struct bd_headers h;
	size_t used;
	bd_headers_parse(&r->arena, text, len, &h, &used);
	const char *type = bd_headers_get(&h, "Feedback-Type");
	int n = 0;
	const char *only = NULL;
	for (size_t i = 0; i < h.n; i++) {
		char *a =
			is_rcpt_field(h.v[i].name) ? bd_addr_first(&r->arena, h.v[i].value) : NULL;
		if (a) {
			only = a;
			n++;
		}
	}
	if (n > 1) {
		for (size_t i = 0; i < h.n; i++) {
			char *a = is_rcpt_field(h.v[i].name) ?
					  bd_addr_first(&r->arena, h.v[i].value) :
					  NULL;
			if (a)
				bd_report_rcpt(r, a)->feedback_type = bd_report_str(r, type);
		}
		return n;
	}
	const char *to = only;
	if (!to) {
		/* The receiving side's note of the true recipient, where the
		 * To of the reported message names a list or nobody; else the
		 * To, or the envelope recipient in its trace lines. */
		to = bd_header_addr(r, m->orig_hdr, "X-HmXmrOriginalRecipient");
		const char *fto = to ? NULL : forwarded_to(m->orig_hdr);
		const char *t = fto ? bd_addr_first(&r->arena, fto) : NULL;
		const char *noted = to ? NULL : receiver_noted(r, m->orig_hdr);
		if (!to)
			to = t && (!noted || !names_sender_side(r, m->orig_hdr, t)) ? t : noted;
		if (!to)
			to = received_for(r, m->orig_hdr);
		/* A complaint forwarded by the person: that person, whom the
		 * forwarded message was addressed to. */
		if (!to && !m->feedback)
			to = bd_header_addr(r, m->hdr, "From");
	}
	if (to) {
		/* A report that redacts the recipient (RFC 6590) or hashes its
		 * local part still carries the sender's VERP envelope sender,
		 * which names the address the sender mailed: the registered
		 * one, at the same domain. */
		const char *verp = bd_msg_verp(r, m);
		const char *omf = verp ? NULL : bd_header_addr(r, &h, "Original-Mail-From");
		if (omf)
			verp = bd_addr_verp_decode(&r->arena, omf);
		if (verp && !bd_streq_ci(verp, to) && same_domain(verp, to))
			to = verp;
	}
	/* No address at all still makes one row: the complaint is kept. */
	bd_report_rcpt(r, to)->feedback_type = bd_report_str(r, type);
	return 1;
}

const struct bd_detector bd_det_arf = {"arf", match, extract};
