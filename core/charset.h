/* charset.h: converts text in any charset a bounce declares into valid UTF-8.
 *
 * Output is always valid UTF-8 without NUL bytes: invalid or unconvertible
 * input becomes U+FFFD, never passes through.  Unknown charsets are read as
 * UTF-8 (with the same replacement).  iconv descriptors are cached per
 * charset in a caller-owned cache, so a run over many messages opens each
 * converter once.
 */
#ifndef BD_CHARSET_H
#define BD_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum { BD_CHARSET_CACHE_SIZE = 16 };

struct bd_charset_cache {
	struct {
		char name[40];
		void *cd; /* iconv_t, or NULL when iconv does not know the name */
	} slot[BD_CHARSET_CACHE_SIZE];
	unsigned next; /* round-robin replacement */
};

void bd_charset_cache_init(struct bd_charset_cache *c);
void bd_charset_cache_done(struct bd_charset_cache *c);

/* Converts in[0..len) from charset (may be NULL or empty: UTF-8 assumed) to
 * UTF-8 in the arena.  *outlen (optional) gets the length.  Never fails. */
char *bd_to_utf8(struct bd_charset_cache *c, struct bd_arena *a, const char *charset,
		 const char *in, size_t len, size_t *outlen);

/* Copies in[0..len) replacing invalid UTF-8 and NUL with U+FFFD. */
/* Does in[0..len) hold an ISO-2022-JP shift into JIS X 0208 (ESC $ B or
 * ESC $ @), as Japanese text sent without a charset label does? */
bool bd_iso2022jp_shift(const char *in, size_t len);
char *bd_utf8_sanitize(struct bd_arena *a, const char *in, size_t len, size_t *outlen);

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
size_t bd_utf8_seqlen(const unsigned char *s, size_t avail);

/* The iconv name we use for a declared charset (aliases resolved), or NULL
 * when the text should be taken as UTF-8. */
const char *bd_charset_canonical(const char *declared, char *tmp, size_t tmpsize);

#endif
