/* pec.c: receipts of Italian certified mail (PEC, Posta Elettronica
 * Certificata; DPR 68/2005 and its technical rules).
 *
 * A PEC provider (gestore) reports on a message with a signed receipt whose
 * X-Ricevuta header names its kind: "errore-consegna" (not delivered: the
 * "avviso di mancata consegna"), "preavviso-errore-consegna" (not delivered
 * within the first twelve hours, still being tried), "non-accettazione"
 * (refused by the sender's own provider), "rilevazione-virus" and
 * "avvenuta-consegna" (delivered).  The receipt carries daticert.xml, whose
 * <postacert tipo=... errore=...> names the provider's class of the failure
 * (no-dest: no such recipient, no-dominio: no such domain, virus, altro),
 * <consegna> the recipient it is about and <errore-esteso> the error as the
 * provider gives it ("5.1.1 - ... - indirizzo non valido").  The text part
 * says the same in prose: 'ed indirizzato a "ADDR" è stato rilevato un
 * errore ...'. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../mime.h"
#include "../str.h"
#include "util_a.h"

static const char *receipt_kind(const struct bd_msg *m)
{
	return bd_headers_get(m->hdr, "X-Ricevuta");
}

static bool match(const struct bd_msg *m)
{
	const char *k = receipt_kind(m);
	if (!k)
		return false;
	while (*k == ' ' || *k == '\t')
		k++;
	return bd_startswith_ci(k, "errore-consegna") ||
	       bd_startswith_ci(k, "preavviso-errore-consegna") ||
	       bd_startswith_ci(k, "non-accettazione") ||
	       bd_startswith_ci(k, "rilevazione-virus") || bd_startswith_ci(k, "avvenuta-consegna");
}

/* The decoded body of the daticert.xml part, or NULL. */
static const char *daticert(struct bd_msg *m, struct bd_part *p, size_t *len, int depth)
{
	for (; p && depth < 8; p = p->next) {
		if (p->child) {
			const char *t = daticert(m, p->child, len, depth + 1);
			if (t)
				return t;
			continue;
		}
		const char *ct = bd_headers_get(&p->hdr, "Content-Type");
		const char *cd = bd_headers_get(&p->hdr, "Content-Disposition");
		bool named = (ct && bd_strcasestr(ct, "daticert.xml")) ||
			     (cd && bd_strcasestr(cd, "daticert.xml"));
		if (!named && strcmp(p->type, "application/xml") != 0 &&
		    strcmp(p->type, "text/xml") != 0)
			continue;
		const char *t = bd_part_decoded(m->mime, p, len);
		if (t && bd_memcasemem(t, *len, "<postacert", 10))
			return t;
	}
	return NULL;
}

/* The text of element <name> in xml[0..n), entities undone, trimmed; an
 * arena string, or NULL. */
static char *element(struct bd_report *r, const char *xml, size_t n, const char *name)
{
	char open[48];
	size_t nl = strlen(name);
	if (nl + 3 > sizeof(open))
		return NULL;
	open[0] = '<';
	memcpy(open + 1, name, nl);
	open[nl + 1] = '>';
	open[nl + 2] = '\0';
	const char *s = bd_memcasemem(xml, n, open, nl + 2);
	if (!s)
		return NULL;
	s += nl + 2;
	const char *e = bd_memcasemem(s, (size_t)(xml + n - s), "</", 2);
	if (!e)
		return NULL;
	struct bd_buf b;
	bd_buf_init(&b);
	for (const char *q = s; q < e; q++) {
		static const struct {
			const char *ent;
			char c;
		} ents[] = {{"&lt;", '<'},
			    {"&gt;", '>'},
			    {"&amp;", '&'},
			    {"&quot;", '"'},
			    {"&apos;", '\''}};
		bool done = false;
		for (size_t i = 0; i < sizeof(ents) / sizeof(ents[0]) && *q == '&'; i++) {
			size_t el = strlen(ents[i].ent);
			if ((size_t)(e - q) >= el && memcmp(q, ents[i].ent, el) == 0) {
				bd_buf_addc(&b, ents[i].c);
				q += el - 1;
				done = true;
				break;
			}
		}
		if (!done)
			bd_buf_addc(&b, *q);
	}
	char *out = bda_join(r, b.data ? b.data : "", b.len);
	bd_buf_done(&b);
	return out && *out ? out : NULL;
}

/* The value of attribute name of the <postacert> tag, or NULL. */
static char *attribute(struct bd_report *r, const char *xml, size_t n, const char *name)
{
	const char *tag = bd_memcasemem(xml, n, "<postacert", 10);
	if (!tag)
		return NULL;
	const char *end = memchr(tag, '>', (size_t)(xml + n - tag));
	if (!end)
		return NULL;
	size_t nl = strlen(name);
	for (const char *q = tag; q + nl + 2 < end; q++) {
		if ((q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n') && bd_startswith_ci(q, name) &&
		    q[nl] == '=' && (q[nl + 1] == '"' || q[nl + 1] == '\'')) {
			const char *v = q + nl + 2;
			const char *ve = memchr(v, q[nl + 1], (size_t)(end - v));
			return ve ? bd_arena_strndup(&r->arena, v, (size_t)(ve - v)) : NULL;
		}
	}
	return NULL;
}

/* The provider's class of the failure as the sending MTA's own category
 * (rules' mta-category=). */
static const char *category(const char *errore)
{
	if (!errore)
		return NULL;
	if (strcmp(errore, "no-dest") == 0)
		return "bad-mailbox";
	if (strcmp(errore, "no-dominio") == 0)
		return "bad-domain";
	if (strcmp(errore, "virus") == 0)
		return "virus-related";
	return NULL;
}

/* In the prose: the address after "indirizzato a" and the sentence after
 * "rilevato un errore" (or the line after the address). */
static const char *prose_rcpt(struct bd_msg *m, struct bd_report *r, const char **why,
			      size_t *whylen)
{
	const char *end = m->body + m->orig_offset;
	const char *p = bd_msg_find(m, "indirizzato a");
	if (!p)
		return NULL;
	size_t pos = 0, st, en;
	const char *addr = bd_addr_next(&r->arena, p, (size_t)(end - p), &pos, &st, &en);
	if (!addr)
		return NULL;
	const char *w = p + en;
	while (w < end && (*w == '"' || *w == '>' || *w == ' ' || *w == '\n'))
		w++;
	const char *we = bd_memcasemem(w, (size_t)(end - w), "\n\n", 2);
	*why = w;
	*whylen = (size_t)((we ? we : end) - w);
	return addr;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *kind = receipt_kind(m);
	while (*kind == ' ' || *kind == '\t')
		kind++;
	const char *action = "failed";
	if (bd_startswith_ci(kind, "preavviso"))
		action = "delayed";
	else if (bd_startswith_ci(kind, "avvenuta"))
		action = "delivered";

	size_t xlen = 0;
	const char *xml = daticert(m, m->root, &xlen, 0);
	const char *why = NULL;
	size_t whylen = 0;
	const char *prose = prose_rcpt(m, r, &why, &whylen);
	const char *addr = NULL, *errest = NULL, *errore = NULL;
	if (xml) {
		errore = attribute(r, xml, xlen, "errore");
		errest = element(r, xml, xlen, "errore-esteso");
		char *c = element(r, xml, xlen, "consegna");
		if (!c)
			c = element(r, xml, xlen, "destinatari");
		if (c)
			addr = bd_addr_first(&r->arena, c);
	}
	if (!addr)
		addr = prose;
	if (!addr)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, addr);
	rc->action = action;
	if (strcmp(action, "delivered") == 0)
		return 1;
	if (errest)
		bd_rcpt_set_diag(r, rc, errest, strlen(errest));
	else if (why)
		bd_rcpt_set_diag(r, rc, why, whylen);
	char st[16];
	if (errest && bd_find_status(errest, st))
		rc->status = bd_arena_strdup(&r->arena, st);
	rc->mta_category = category(errore);
	const char *host = bda_from_host(m, r);
	if (host)
		rc->reporting_mta = host;
	return 1;
}

const struct bd_detector bd_det_pec = {"pec", match, extract};
