/* parse.h: one message's bytes in, one bd_report out.
 *
 * The entry point of the reading half: normalises line ends, parses MIME,
 * runs the detector table (detect.h), then completes every recipient the
 * same way whatever detector found it (codes from the diagnostic, alias
 * from ORCPT / VERP / the returned message, dates).  Never fails: what it
 * cannot read becomes kind "unparsed" with the reason in report->error.
 */
#ifndef BD_PARSE_H
#define BD_PARSE_H

#include <stddef.h>

#include "charset.h"
#include "report.h"

struct bd_limits {
	size_t max_size;  /* bytes of one message */
	int max_depth;    /* MIME nesting */
	size_t max_parts; /* MIME parts of one message */
	size_t max_rcpt;  /* recipients of one message */
};

/* Defaults: 64 MiB, depth 32, 10,000 parts, 10,000 recipients. */
void bd_limits_default(struct bd_limits *l);

struct bd_parser {
	struct bd_limits lim;
	struct bd_charset_cache cs;
};

void bd_parser_init(struct bd_parser *p);
void bd_parser_done(struct bd_parser *p);

/* Parses data[0..len) into r (which the caller has bd_report_init()ed and
 * later bd_report_done()s). */
void bd_parse(struct bd_parser *p, const char *data, size_t len, struct bd_report *r);

#endif
