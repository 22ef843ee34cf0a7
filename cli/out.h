/* out.h: tabular output of the command line, as TSV or JSON.
 *
 * Rows are arrays of strings matching the column names given at the start
 * (NULL prints as empty / null).  TSV escapes backslash, tab, newline and
 * every other control character, so a hostile bounce can neither break the
 * columns nor reach the terminal; JSON escapes per RFC 8259.
 */
#ifndef BD_OUT_H
#define BD_OUT_H

#include <stdbool.h>
#include <stdio.h>

enum bd_out_format { BD_OUT_TSV, BD_OUT_JSON, BD_OUT_CSV };

struct bd_out {
	FILE *fp;
	enum bd_out_format fmt;
	const char *const *cols;
	size_t ncols;
	size_t rows;
};

/* Parses "tsv", "json" or "csv" (RFC 4180); false for anything else. */
bool bd_out_parse_format(const char *s, enum bd_out_format *fmt);
void bd_out_begin(struct bd_out *o, FILE *fp, enum bd_out_format fmt, const char *const *cols,
		  size_t ncols);
void bd_out_row(struct bd_out *o, const char *const *vals);
void bd_out_end(struct bd_out *o);

/* Writes s with TSV escaping. */
void bd_out_tsv_field(FILE *fp, const char *s);
/* Writes s as an RFC 4180 field, quoted when it needs to be. */
void bd_out_csv_field(FILE *fp, const char *s);
/* Writes s as a JSON string literal (with quotes), or null for NULL. */
void bd_out_json_string(FILE *fp, const char *s);

#endif
