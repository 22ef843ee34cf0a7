/* mime.h: RFC 5322 / MIME structure of one message, parsed leniently.
 *
 * Owns header unfolding, RFC 2047 encoded words, RFC 2231 parameters,
 * multipart splitting, transfer decoding (base64, quoted-printable) and the
 * conversion of text parts to UTF-8.  Everything is allocated in the caller's
 * arena.  Broken input is normal: a missing boundary ends a part at the end of
 * its parent, a missing header/body separator gives an empty body.  Limits
 * (depth, part count) produce an error string instead of a deeper parse.
 * Knows nothing of bounces.
 */
#ifndef BD_MIME_H
#define BD_MIME_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "charset.h"

struct bd_header {
	const char *name;  /* as written, without the colon */
	const char *value; /* unfolded (line breaks removed), not decoded */
};

struct bd_headers {
	struct bd_header *v;
	size_t n;
};

struct bd_part {
	struct bd_headers hdr;
	const char *type;     /* lower-case "type/subtype"; "text/plain" when absent */
	const char *charset;  /* lower-case, or NULL */
	const char *boundary; /* multipart only */
	const char *encoding; /* lower-case Content-Transfer-Encoding, or NULL */
	const char *raw;      /* body as in the message (LF line ends) */
	size_t raw_len;
	/* Caches filled by bd_part_decoded() and bd_part_text(). */
	const char *decoded;
	size_t decoded_len;
	const char *text;
	size_t text_len;
	struct bd_part *parent, *child, *next;
	int depth;
};

struct bd_mime {
	struct bd_arena *arena;
	struct bd_charset_cache *cs;
	int max_depth;     /* nesting of multiparts and message/rfc822 */
	size_t max_parts;  /* parts in one message */
	size_t nparts;     /* parts seen so far */
	const char *error; /* first limit hit, or NULL */
};

/* Converts CRLF and lone CR into LF.  Returns an arena copy. */
char *bd_mime_normalize_eol(struct bd_arena *a, const char *in, size_t len, size_t *outlen);

/* Parses a whole message (LF line ends) into a tree of parts.  Never fails:
 * on a limit it sets m->error and stops descending. */
struct bd_part *bd_mime_parse(struct bd_mime *m, const char *data, size_t len);

/* Parses a block of header lines data[0..len) (stops at the first empty line,
 * *consumed gets the bytes used including that line). */
void bd_headers_parse(struct bd_arena *a, const char *data, size_t len, struct bd_headers *h,
		      size_t *consumed);

/* First header of that name (case-insensitive), or NULL. */
const char *bd_headers_get(const struct bd_headers *h, const char *name);

/* Value of parameter name (case-insensitive) in a structured header such as
 * Content-Type, with RFC 2231 continuations and charsets decoded; NULL when
 * absent. */
const char *bd_header_param(struct bd_mime *m, const char *value, const char *name);

/* Decodes RFC 2047 encoded words and converts raw 8-bit to valid UTF-8. */
char *bd_mime_decode_header(struct bd_mime *m, const char *value);

/* The body with its transfer encoding undone. */
const char *bd_part_decoded(struct bd_mime *m, struct bd_part *p, size_t *len);
/* The body decoded and converted to UTF-8 (valid, NUL-free). */
const char *bd_part_text(struct bd_mime *m, struct bd_part *p, size_t *len);

/* Decoders, exposed for tests. */
size_t bd_base64_decode(const char *in, size_t len, char *out);
size_t bd_qp_decode(const char *in, size_t len, char *out, bool header);

/* Plain text from HTML: tags dropped, <br>/<p> become line breaks, common
 * entities decoded. */
char *bd_html_to_text(struct bd_arena *a, const char *in, size_t len, size_t *outlen);

/* Depth-first walk; returns the next part after p (NULL at the end). */
struct bd_part *bd_part_walk_next(struct bd_part *p);

#endif
