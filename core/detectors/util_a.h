/* util_a.h: small readers shared by the MTA detectors:
 * finding where a server's reply starts inside a line of prose, and joining
 * wrapped lines. */
#ifndef BD_DETECTORS_UTIL_A_H
#define BD_DETECTORS_UTIL_A_H

#include <stdbool.h>
#include <stddef.h>

#include "../report.h"
#include "../str.h"

/* Offset of the first SMTP reply code ("550 ", "550-", "550" at the end) at
 * a word start in s[0..n), or n. */
size_t bda_reply_at(const char *s, size_t n);

/* text[0..len) as one line: runs of white space become one space, trimmed.
 * An arena string of r. */
char *bda_join(struct bd_report *r, const char *text, size_t len);

/* Adds the first address of each line of text[0..len) as a recipient
 * whose diagnostic is diag[0..dlen) (the notices that list the failed
 * addresses one a line under one reason).  Returns how many were new. */
int bda_rcpt_lines(struct bd_report *r, const char *text, size_t len, const char *diag,
		   size_t dlen);

/* Reads text[pos..len) as accounts: a line for which addr_of gives an
 * address starts the account of that recipient, and the lines after it,
 * each trimmed and passed through words (which may shorten it, or return
 * false to leave it out; it is given the recipient and the words joined so
 * far), are joined into its diagnostic.  Blank lines and lines before the
 * first address are skipped.  Returns how many recipients were new. */
typedef char *(*bda_addr_fn)(struct bd_report *r, const char *line, size_t n);
typedef bool (*bda_words_fn)(void *ctx, struct bd_rcpt *rc, const struct bd_buf *so_far,
			     const char **t, size_t *n);
int bda_accounts(struct bd_report *r, const char *text, size_t len, size_t pos, bda_addr_fn addr_of,
		 bda_words_fn words, void *ctx);

/* The address when line[0..n) holds one address and nothing else (white
 * space and angle brackets allowed), else NULL. */
char *bda_lone_address(struct bd_report *r, const char *line, size_t n);

/* Is line[0..n) empty or white space only? */
bool bda_blank(const char *line, size_t n);

/* Leading spaces (a tab counts as 8) of line[0..n). */
size_t bda_indent(const char *line, size_t n);

/* Bytes of leading white space of line[0..n). */
size_t bda_skip_ws(const char *line, size_t n);

struct bd_msg;

/* The host that wrote the bounce as its From names it (the domain of
 * Mailer-Daemon@HOST), an arena string of r, or NULL. */
const char *bda_from_host(const struct bd_msg *m, struct bd_report *r);

/* Exim's account of a remote failure, "host NAME [IP] SMTP error from
 * remote mail server after CMD: REPLY" (also in a site's translated
 * template, where the line itself stays English): sets rc's command and
 * remote MTA, and the diagnostic to the reply. */
void bda_smtp_error_reason(struct bd_report *r, struct bd_rcpt *rc, const char *d);

#endif
