/* amazonses.c: bounces from Amazon SES and Amazon WorkMail, and SES bounce
 * notifications delivered as JSON (Amazon SNS e-mail subscriptions).
 *
 * The DSN fields come in a delivery-status part or, in WorkMail's notices,
 * as text after "Technical report:".  SES's Diagnostic-Code often wraps the
 * remote reply in its own words: "5.1.0 - Unknown address error 550-'5.7.1
 * <x>... Access denied' (delivery attempts: 0)"; the quoted part is the
 * server's, and "Message expired: ...<421 4.4.2 ...>" ends with the last
 * reply heard.  Both give the status and reply code. */
#include <stdio.h>
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char lead[] =
	"An error occurred while trying to deliver the mail to the following recipients";

/* An SNS notification of an SES event: "notificationType" in the
 * notifications of an identity, "eventType" in those of a configuration
 * set's event publishing.  An "email" subscription sends the event's JSON
 * as the body; an "email-json" one sends SNS's own JSON envelope, whose
 * "Message" field holds the event's JSON as an escaped string. */
static bool json_event(const struct bd_msg *m)
{
	static const char *const keys[] = {"\"notificationType\":\"", "\"eventType\":\"",
					   "\\\"notificationType\\\":\\\"",
					   "\\\"eventType\\\":\\\"", NULL};
	for (size_t i = 0; keys[i]; i++) {
		const char *p = bd_msg_find(m, keys[i]);
		if (!p)
			continue;
		p += strlen(keys[i]);
		size_t n = (size_t)(m->body + m->orig_offset - p);
		static const char *const types[] = {"Bounce", "Complaint", "Delivery", NULL};
		for (size_t k = 0; types[k]; k++) {
			size_t tl = strlen(types[k]);
			if (n > tl && bd_startswith_ci(p, types[k]) &&
			    (p[tl] == '"' || p[tl] == '\\'))
				return true;
		}
	}
	return false;
}

/* The "Message" string of an SNS JSON envelope ("Message" : "{\"...\"}"),
 * unescaped, or NULL when the body is not one. */
static char *sns_message(struct bd_msg *m, struct bd_report *r, size_t *len)
{
	const char *end = m->body + m->body_len;
	const char *p = bd_msg_find(m, "\"Message\"");
	if (!p)
		return NULL;
	p += 9;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != ':')
		return NULL;
	p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '"')
		return NULL;
	p++;
	struct bd_buf b;
	bd_buf_init(&b);
	for (; p < end && *p != '"'; p++) {
		if (*p != '\\' || p + 1 >= end) {
			bd_buf_addc(&b, *p);
			continue;
		}
		p++;
		switch (*p) {
		case 'n':
			bd_buf_addc(&b, '\n');
			break;
		case 't':
			bd_buf_addc(&b, '\t');
			break;
		case 'r':
			break;
		default:
			bd_buf_addc(&b, *p);
		}
	}
	char *v = bd_arena_strndup(&r->arena, b.data ? b.data : "", b.len);
	*len = b.len;
	bd_buf_done(&b);
	return v;
}

static bool match(const struct bd_msg *m)
{
	/* Not X-SES-Outgoing alone: SES also relays other MTAs' reports and
	 * carries the bounces of its own inbound service, which differ. */
	return bd_msg_header_has(m, "X-Mailer", "Amazon WorkMail") ||
	       bd_headers_get(m->hdr, "X-AWS-Outgoing") || bd_msg_find(m, lead) || json_event(m);
}

/* "...550-'5.7.1 <x>... Access denied' (...)": the reply is the code plus the
 * quoted text. */
static void unwrap_quoted(struct bd_report *r, struct bd_rcpt *rc)
{
	const char *d = rc->diagnostic;
	size_t n = strlen(d);
	size_t at = bda_reply_at(d, n);
	if (at >= n || d[at + 3] != '-' || d[at + 4] != '\'')
		return;
	const char *q = d + at + 5;
	const char *qe = strrchr(q, '\'');
	if (!qe)
		return;
	char code[16];
	char *reply = bd_arena_printf(&r->arena, "%.3s %.*s", d + at, (int)(qe - q), q);
	if (bd_find_status(reply, code)) {
		rc->status = bd_arena_strdup(&r->arena, code);
	} else if (at > 0 && bd_find_status(d, code)) {
		/* SES's own code before the quote is the most precise given. */
		char head[16];
		snprintf(head, sizeof(head), "%.*s", (int)(at < 15 ? at : 15), d);
		if (bd_find_status(head, code))
			rc->status = bd_arena_strdup(&r->arena, code);
	}
	rc->replycode = bd_arena_strndup(&r->arena, d + at, 3);
	rc->diagnostic = bd_str_squeeze(reply);
}

/* "...<421 4.4.2 Connection timed out>" at the end: the last reply. */
static void last_reply(struct bd_report *r, struct bd_rcpt *rc)
{
	const char *d = rc->diagnostic;
	size_t n = strlen(d);
	if (n < 6 || d[n - 1] != '>')
		return;
	const char *lt = strrchr(d, '<');
	if (!lt || bda_reply_at(lt + 1, (size_t)(d + n - 1 - lt - 1)) != 0)
		return;
	char *inner = bd_arena_strndup(&r->arena, lt + 1, (size_t)(d + n - 1 - lt - 1));
	char code[16];
	rc->replycode = bd_arena_strndup(&r->arena, inner, 3);
	if (bd_find_status(inner, code))
		rc->status = bd_arena_strdup(&r->arena, code);
}

/* The string value of "key" in a JSON object text[0..n), unescaped. */
static char *json_str(struct bd_report *r, const char *text, size_t n, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	const char *p = bd_memcasemem(text, n, pat, strlen(pat));
	if (!p)
		return NULL;
	p += strlen(pat);
	struct bd_buf b;
	bd_buf_init(&b);
	for (; p < text + n && *p != '"'; p++) {
		if (*p == '\\' && p + 1 < text + n)
			p++;
		bd_buf_addc(&b, *p);
	}
	char *v = bd_arena_strndup(&r->arena, b.data ? b.data : "", b.len);
	bd_buf_done(&b);
	return v;
}

/* A Delivery notification: "recipients":["a@b",...] were delivered, the
 * receiving server answering "smtpResponse". */
static int json_delivery(struct bd_report *r, const char *text, size_t len)
{
	const char *end = text + len;
	static const char key[] = "\"recipients\":[";
	const char *p = bd_memcasemem(text, len, key, strlen(key));
	if (!p)
		return 0;
	p += strlen(key);
	const char *close = memchr(p, ']', (size_t)(end - p));
	if (!close)
		return 0;
	r->kind = BD_KIND_SUCCESS;
	char *resp = json_str(r, text, len, "smtpResponse");
	int added = 0;
	while (p < close) {
		const char *q = memchr(p, '"', (size_t)(close - p));
		if (!q)
			break;
		const char *qe = memchr(q + 1, '"', (size_t)(close - q - 1));
		if (!qe)
			break;
		char *addr = bd_addr_normalize(&r->arena, q + 1, (size_t)(qe - q - 1));
		if (addr) {
			size_t before = r->n;
			struct bd_rcpt *rc = bd_report_rcpt(r, addr);
			added += r->n > before;
			rc->action = "delivered";
			char code[16];
			if (resp && *resp) {
				bd_rcpt_set_diag(r, rc, resp, strlen(resp));
				if (bd_find_status(resp, code) && code[0] == '2')
					rc->status = bd_arena_strdup(&r->arena, code);
			}
		}
		p = qe + 1;
	}
	return added;
}

/* SNS notifications of SES events: "Bounce" (the bounced recipients and
 * SES's class of the bounce), "Complaint" (an ARF complaint the mailbox
 * provider passed on: a report, not a bounce) and "Delivery" (a success
 * notice). */
static int from_json(struct bd_report *r, const char *text, size_t len)
{
	const char *end = text + len;
	char *type = json_str(r, text, len, "notificationType");
	if (!type)
		type = json_str(r, text, len, "eventType");
	if (type && bd_streq_ci(type, "Delivery"))
		return json_delivery(r, text, len);
	bool complaint = type && bd_streq_ci(type, "Complaint");
	const char *key = complaint ? "\"complainedRecipients\":[" : "\"bouncedRecipients\":[";
	const char *p = bd_memcasemem(text, len, key, strlen(key));
	if (!p)
		return 0;
	p += strlen(key);
	if (complaint)
		r->kind = BD_KIND_FEEDBACK;
	/* Amazon SES's own class of the bounce, for all its recipients:
	 * "NoEmail", "MailboxFull", "MessageTooLarge", "ContentRejected",
	 * "AttachmentRejected", "Suppressed", "OnAccountSuppressionList"; "General"
	 * and "Undetermined" say nothing. */
	char *sub = json_str(r, text, len, "bounceSubType");
	if (sub && (!*sub || bd_streq_ci(sub, "general") || bd_streq_ci(sub, "undetermined")))
		sub = NULL;
	int added = 0;
	while (p < end && *p == '{') {
		const char *close = memchr(p, '}', (size_t)(end - p));
		if (!close)
			break;
		size_t n = (size_t)(close - p);
		char *who = json_str(r, p, n, "emailAddress");
		char *addr = who ? bd_addr_normalize(&r->arena, who, strlen(who)) : NULL;
		if (addr) {
			size_t before = r->n;
			struct bd_rcpt *rc = bd_report_rcpt(r, addr);
			added += r->n > before;
			const char *a = json_str(r, p, n, "action");
			rc->action = a && *a ? bd_str_lower(bd_arena_strdup(&r->arena, a)) : NULL;
			const char *s = json_str(r, p, n, "status");
			char code[16];
			if (s && bd_find_status(s, code))
				rc->status = bd_arena_strdup(&r->arena, code);
			const char *d = json_str(r, p, n, "diagnosticCode");
			if (d) {
				if (bd_startswith_ci(d, "smtp;"))
					d += 5;
				bd_rcpt_set_diag(r, rc, d, strlen(d));
			}
			if (sub)
				rc->mta_category = bd_str_lower(sub);
		}
		p = close + 1;
		while (p < end && (*p == ',' || bd_isspace(*p)))
			p++;
	}
	return added;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	int n = 0;
	if (m->dsn) {
		n = bd_dsn_extract(m, r);
	} else {
		const char *t = bd_msg_find(m, "Technical report:");
		if (t) {
			t += 17;
			n = bd_dsn_parse_text(m, r, t, (size_t)(m->body + m->orig_offset - t));
		}
	}
	if (n <= 0) {
		size_t len;
		const char *t = sns_message(m, r, &len);
		if (t)
			n = from_json(r, t, len);
		if (n <= 0)
			n = from_json(r, m->body, m->body_len);
	}
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rcpt[i].diagnostic)
			continue;
		unwrap_quoted(r, &r->rcpt[i]);
		last_reply(r, &r->rcpt[i]);
	}
	return n;
}

const struct bd_detector bd_det_amazonses = {"amazonses", match, extract};
