/* report.h: what one message says about its failed recipients.
 *
 * A report is the parser's whole output for one message: message-level
 * facts (kind, detector, subject, ids) and one bd_rcpt per recipient.  All
 * strings live in the report's arena; an empty field is NULL, never "".
 * Knows nothing of classification or storage.
 */
#ifndef BD_REPORT_H
#define BD_REPORT_H

#include <stddef.h>

#include "arena.h"

enum bd_kind {
	BD_KIND_BOUNCE,    /* a delivery failure */
	BD_KIND_DELAY,     /* a delay notice: still trying */
	BD_KIND_SUCCESS,   /* a delivered/relayed/expanded notice */
	BD_KIND_FEEDBACK,  /* an ARF complaint (RFC 5965) */
	BD_KIND_AUTOREPLY, /* vacation or other auto-reply (RFC 3834) */
	BD_KIND_NOTBOUNCE, /* ordinary mail */
	BD_KIND_UNPARSED,  /* could not be read: see error */
};

const char *bd_kind_name(enum bd_kind k);

struct bd_rcpt {
	const char *recipient;  /* lower-case address that failed */
	const char *alias;      /* the address the sender used, when different */
	const char *action;     /* failed, delayed, delivered, relayed, expanded */
	const char *status;     /* RFC 3463 code as given ("5.1.1"), or NULL */
	const char *replycode;  /* SMTP reply code ("550"), or NULL */
	const char *diagnostic; /* server's words: unfolded, decoded, trimmed */
	const char *command;    /* stage that failed: CONN, HELO, MAIL, RCPT, DATA (the
	                            * SMTP command answered), or LOCAL (a local delivery
	                            * program); NULL when the bounce does not say */
	const char *remote_mta;
	const char *reporting_mta;
	const char *date;          /* ISO 8601 UTC */
	const char *arrival;       /* ISO 8601 UTC: when the reporting MTA took the
	                            * message (DSN Arrival-Date), or NULL */
	const char *feedback_type; /* ARF: abuse, fraud...; otherwise NULL */
	const char *mta_category;  /* the sending MTA's own category of the failure,
	                            * lower-case: PowerMTA's X-PowerMTA-BounceCategory
	                            * ("bad-mailbox"), Amazon SES's bounceSubType
	                            * ("noemail"); NULL when it gives none */
};

struct bd_report {
	struct bd_arena arena;
	enum bd_kind kind;
	const char *detector;        /* name of the detector that read it */
	const char *error;           /* why it is unparsed, or NULL */
	const char *from;            /* decoded From of the bounce */
	const char *subject;         /* decoded Subject */
	const char *date;            /* ISO 8601 UTC of the bounce's Date */
	const char *message_id;      /* Message-ID of the bounce, without <> */
	const char *orig_message_id; /* Message-ID of the returned original */
	const char *orig_to;         /* To of the returned original (first address) */
	const char *orig_from;       /* From of the returned original */
	const char *orig_subject;    /* Subject of the returned original */
	struct bd_rcpt *rcpt;
	size_t n, cap;
	size_t max_rcpt; /* 0: no limit; past it recipients are dropped and error set */
	/* Open-addressing index of recipient -> position + 1, so adding and
	 * finding stay O(1) for messages with 100,000 recipients. */
	unsigned *slots;
	size_t nslots;
	struct bd_rcpt overflow; /* handed out past max_rcpt; never reported */
};

void bd_report_init(struct bd_report *r);
void bd_report_done(struct bd_report *r);
/* The recipient with address addr (an arena string, normalised as by
 * bd_addr_normalize, or NULL for an unknown address): the existing one, or a
 * new zeroed one appended.  Pointers are valid until the next call.  Past
 * max_rcpt it sets r->error and returns a scratch record that is not kept,
 * so callers never need to check. */
struct bd_rcpt *bd_report_rcpt(struct bd_report *r, const char *addr);
/* The recipient with that address, or NULL. */
struct bd_rcpt *bd_report_find(struct bd_report *r, const char *addr);
/* Arena copy of s with surrounding white space trimmed; NULL for NULL or "". */
const char *bd_report_str(struct bd_report *r, const char *s);
const char *bd_report_strn(struct bd_report *r, const char *s, size_t n);

#endif
