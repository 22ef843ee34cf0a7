/* out.c: TSV and JSON row output (see out.h). */
#include "out.h"

#include <string.h>

bool bd_out_parse_format(const char *s, enum bd_out_format *fmt)
{
	if (strcmp(s, "tsv") == 0)
		*fmt = BD_OUT_TSV;
	else if (strcmp(s, "json") == 0)
		*fmt = BD_OUT_JSON;
	else if (strcmp(s, "csv") == 0)
		*fmt = BD_OUT_CSV;
	else
		return false;
	return true;
}

/* Bytes written as they are in a TSV field: everything but the backslash,
 * C0 controls, DEL and the lead byte of a C1 control. */
static bool tsv_plain(const unsigned char *p)
{
	return *p >= 0x20 && *p != '\\' && *p != 0x7f &&
	       !(*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F);
}

void bd_out_tsv_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		const unsigned char *run = p;
		while (*p && tsv_plain(p))
			p++;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), fp);
		if (!*p)
			break;
		switch (*p) {
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p == 0xC2) {
				/* C1 controls (U+0080..U+009F): some terminals obey them. */
				fprintf(fp, "\\u%04x", p[1]);
				p++;
			} else {
				fprintf(fp, "\\x%02x", *p);
			}
		}
		p++;
	}
}

void bd_out_json_string(FILE *fp, const char *s)
{
	if (!s) {
		fputs("null", fp);
		return;
	}
	putc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

void bd_out_csv_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

void bd_out_begin(struct bd_out *o, FILE *fp, enum bd_out_format fmt, const char *const *cols,
		  size_t ncols)
{
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	o->rows = 0;
	if (fmt == BD_OUT_TSV || fmt == BD_OUT_CSV) {
		for (size_t i = 0; i < ncols; i++) {
			if (i)
				putc(fmt == BD_OUT_CSV ? ',' : '\t', fp);
			fputs(cols[i], fp);
		}
		fputs(fmt == BD_OUT_CSV ? "\r\n" : "\n", fp);
	} else {
		fputs("[", fp);
	}
}

void bd_out_row(struct bd_out *o, const char *const *vals)
{
	if (o->fmt == BD_OUT_TSV) {
		for (size_t i = 0; i < o->ncols; i++) {
			if (i)
				putc('\t', o->fp);
			bd_out_tsv_field(o->fp, vals[i]);
		}
		putc('\n', o->fp);
	} else if (o->fmt == BD_OUT_CSV) {
		for (size_t i = 0; i < o->ncols; i++) {
			if (i)
				putc(',', o->fp);
			bd_out_csv_field(o->fp, vals[i]);
		}
		fputs("\r\n", o->fp);
	} else {
		fputs(o->rows ? ",\n{" : "\n{", o->fp);
		for (size_t i = 0; i < o->ncols; i++) {
			if (i)
				putc(',', o->fp);
			bd_out_json_string(o->fp, o->cols[i]);
			putc(':', o->fp);
			bd_out_json_string(o->fp, vals[i]);
		}
		putc('}', o->fp);
	}
	o->rows++;
}

void bd_out_end(struct bd_out *o)
{
	if (o->fmt == BD_OUT_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->fp);
	fflush(o->fp);
}
