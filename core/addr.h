/* addr.h: finding and normalising mail addresses in headers and prose.
 *
 * A normalised address is lower-case, without angle brackets, quotes,
 * "rfc822;" type prefixes or trailing punctuation.  Also decodes VERP return
 * paths (bounces+user=example.com@sender.example -> user@example.com).
 */
#ifndef BD_ADDR_H
#define BD_ADDR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Normalises one address given as s[0..n) (may carry <>, quotes, a type
 * prefix such as "rfc822;").  Returns an arena string, or NULL when what is
 * left does not look like local@domain. */
char *bd_addr_normalize(struct bd_arena *a, const char *s, size_t n);

/* Finds the next address in text[*pos..len).  On success returns a
 * normalised arena copy, sets *start and *end to the matched span (including
 * angle brackets when present) and advances *pos past it. */
char *bd_addr_next(struct bd_arena *a, const char *text, size_t len, size_t *pos, size_t *start,
		   size_t *end);

/* The first address in s (NUL-terminated), normalised, or NULL. */
char *bd_addr_first(struct bd_arena *a, const char *s);

/* Does the string look like local@domain.tld (after normalisation)? */
bool bd_addr_valid(const char *addr);

/* Decodes a VERP return path: "prefix+local=domain@host" (also '-' as the
 * separator) gives "local@domain".  NULL when addr carries no such
 * encoding. */
char *bd_addr_verp_decode(struct bd_arena *a, const char *addr);
/* The other reading of a return path with a '-' before its '+': the
 * encoded address after the '-' ("bounce-john+news=example.com" is
 * john+news@example.com, where bd_addr_verp_decode reads the '+' as the
 * separator, as Postfix and Mailman write it); NULL when there is no such
 * ambiguity. */
char *bd_addr_verp_decode_dash(struct bd_arena *a, const char *addr);

/* The domain part (after the last '@'), or "" */
const char *bd_addr_domain(const char *addr);

#endif
