/* detect.h: the table of bounce-format detectors and what they share.
 *
 * A detector recognises one MTA's or provider's bounce format and extracts
 * its recipients.  Each lives in core/detectors/NAME.c and is one row in
 * core/detectors/list.def.  The parser tries them in table order; the first
 * whose match() is true and whose extract() adds a recipient wins.  The
 * generic RFC 3464 reader and the plain-text fallback come last.
 *
 * A detector sets only what the message says: recipient, and where it has
 * them action, status, replycode, diagnostic, command, remote_mta.  The
 * parser fills the rest afterwards (codes found in the diagnostic, alias,
 * dates, de-duplication), so detectors stay small.
 */
#ifndef BD_DETECT_H
#define BD_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mime.h"
#include "report.h"

/* One parsed message, as the detectors see it. */
struct bd_msg {
	struct bd_mime *mime;
	struct bd_part *root;
	const struct bd_headers *hdr; /* the bounce's own headers */
	const char *from;             /* decoded From, or "" */
	const char *subject;          /* decoded Subject, or "" */
	const char *body;             /* the notification text, UTF-8, LF; "" if none */
	size_t body_len;
	struct bd_part *body_part;         /* the part body came from, or NULL */
	struct bd_part *dsn;               /* first message/delivery-status part, or NULL */
	struct bd_part *feedback;          /* message/feedback-report part, or NULL */
	struct bd_part *mdn;               /* message/disposition-notification part, or NULL */
	struct bd_part *orig;              /* the returned message (its own root part), or NULL */
	const struct bd_headers *orig_hdr; /* its headers, also when found inline in body */
	size_t orig_offset;                /* where the inline copy starts in body, or body_len */
	char *lbody; /* body[0..orig_offset) lower-cased (ASCII), for bd_msg_find; or NULL */
	/* The byte pairs lbody holds (BD_PAIR), so that a search for a phrase
	 * with a pair lbody lacks needs no scan; with lbody. */
	uint64_t *lpairs;
};

/* A byte pair's bucket among 4096: exact for two letters, digits or
 * spaces of the same case class, which is what phrases are made of. */
enum { BD_PAIR_BUCKETS = 4096 };
static inline unsigned bd_pair(unsigned char a, unsigned char b)
{
	return (unsigned)(a & 63) << 6 | (b & 63);
}

struct bd_detector {
	const char *name;
	/* Cheap test on headers and text: could this message be ours? */
	bool (*match)(const struct bd_msg *m);
	/* Adds recipients to r; returns how many.  May set r->kind. */
	int (*extract)(struct bd_msg *m, struct bd_report *r);
};

extern const struct bd_detector *const bd_detectors[];
extern const size_t bd_ndetectors;

/* ---- helpers for detectors ---- */

/* Case-insensitive search in the notification text (before the inline
 * copy of the original when there is one). */
const char *bd_msg_find(const struct bd_msg *m, const char *needle);
/* Does the notice text say first and, after it, then? */
bool bd_msg_find_in_order(const struct bd_msg *m, const char *first, const char *then);
/* Does the notice text (before the returned message), within its first
 * limit bytes, hold one of the NULL-terminated phrases (ASCII caseless)? */
bool bd_msg_head_has_any(const struct bd_msg *m, size_t limit, const char *const *phrases);
/* Case-insensitive test of a header of the bounce. */
bool bd_msg_header_has(const struct bd_msg *m, const char *name, const char *needle);

/* Reads every message/delivery-status part into r (RFC 3464): one recipient
 * per per-recipient block.  Returns how many were added. */
int bd_dsn_extract(struct bd_msg *m, struct bd_report *r);

/* Parses delivery-status fields text[0..len) into r. */
int bd_dsn_parse_text(struct bd_msg *m, struct bd_report *r, const char *text, size_t len);

/* Generic prose reader: in text[0..len), each line that names an address
 * starts a recipient; the following lines (up to a blank line or the next
 * address) are its diagnostic.  Skips addresses of the bounce's own
 * From/To.  Returns how many recipients were added. */
int bd_scan_prose(struct bd_msg *m, struct bd_report *r, const char *text, size_t len);

/* Finds an RFC 3463 code ("5.1.1") in s; writes it to out (16 bytes) and
 * returns true.  Ignores numbers that are parts of IP addresses/versions. */
bool bd_find_status(const char *s, char *out);
/* Finds an SMTP reply code (2xx-5xx at a word start, followed by space or
 * '-') in s; writes it to out (4 bytes). */
bool bd_find_replycode(const char *s, char *out);

/* The SMTP stage a command word in s[0..n) names, as rules scope it: RCPT,
 * MAIL, DATA, HELO (EHLO too) or CONN; the earliest word wins ("our final
 * DATA", "RCPT To:<a>", "end of data"), NULL when there is none. */
const char *bd_command_name(const char *s, size_t n);
/* The stage a diagnostic says the reply answered: "(in reply to RCPT TO
 * command)" (Postfix), "after end of data" (Exim), "for RCPT TO command"
 * (1&1 IONOS) and their kin, or NULL. */
const char *bd_command_in(const char *text);

/* Offset of the first of the markers (case-insensitive) in text, or len. */
size_t bd_text_cut(const char *text, size_t len, const char *const *markers);

/* Sets rc->diagnostic from lines text[0..len): unfolded, squeezed, trimmed. */
void bd_rcpt_set_diag(struct bd_report *r, struct bd_rcpt *rc, const char *text, size_t len);

/* First address in header name of h (h may be NULL), normalised, or NULL. */
const char *bd_header_addr(struct bd_report *r, const struct bd_headers *h, const char *name);
/* Message-ID of h without angle brackets, or NULL. */
const char *bd_msgid(struct bd_report *r, const struct bd_headers *h);
/* The registered recipient encoded in the VERP address the bounce was sent
 * to (or the returned message's Return-Path), or NULL. */
const char *bd_msg_verp(struct bd_report *r, const struct bd_msg *m);
/* Does a From field name a mail system (MAILER-DAEMON, postmaster, "Mail
 * Delivery ...")?  NULL is no. */
bool bd_from_mail_system(const char *from);
/* Does the message present itself as a delivery report (a DSN part, a
 * MAILER-DAEMON sender, a bounce subject)? */
bool bd_msg_bounce_like(const struct bd_msg *m);
/* Is the message a person's answer in a thread ("Re: ..." with
 * In-Reply-To or References), not a mail system's report? */
bool bd_msg_person_reply(const struct bd_msg *m);
/* Does the notification text refuse the message: failure wording, or a
 * server's reply code with its enhanced status? */
bool bd_msg_refusal_text(const struct bd_msg *m);
/* Does the line q[0..n) go on with the server reply whose code is code[0..3),
 * or is it the next step of a session transcript? */
bool bd_continues_reply(const char *q, size_t n, const char *code);
/* The first server reply in text[0..len): a reply code followed by an
 * enhanced status of its class ("550 5.1.1"), or NULL. */
const char *bd_find_server_reply(const char *text, size_t len);

#endif
