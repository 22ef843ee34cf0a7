/* str.h: byte-string helpers shared by the parser and the classifier.
 *
 * ASCII-only case folding (mail headers and SMTP words are ASCII; UTF-8
 * bytes above 0x7f pass unchanged), a growable buffer, and line iteration.
 */
#ifndef BD_STR_H
#define BD_STR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* A growable byte buffer; always NUL-terminated after the first append. */
struct bd_buf {
	char *data;
	size_t len, cap;
};

void bd_buf_init(struct bd_buf *b);
void bd_buf_done(struct bd_buf *b);
void bd_buf_reset(struct bd_buf *b);
void bd_buf_add(struct bd_buf *b, const void *p, size_t n);
void bd_buf_addc(struct bd_buf *b, char c);
void bd_buf_adds(struct bd_buf *b, const char *s);
void bd_buf_printf(struct bd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Moves the contents out; the buffer is empty afterwards.  Free with free(). */
char *bd_buf_take(struct bd_buf *b);

static inline char bd_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

bool bd_isspace(char c);
/* Case-insensitive (ASCII) search for needle in hay[0..hlen). */
const char *bd_memcasemem(const char *hay, size_t hlen, const char *needle, size_t nlen);
const char *bd_strcasestr(const char *hay, const char *needle);
bool bd_startswith_ci(const char *s, const char *prefix);
bool bd_streq_ci(const char *a, const char *b);
/* Lower-cases s in place (ASCII); returns s. */
char *bd_str_lower(char *s);
/* Folds s[0..len) to lower case in place, keeping its length: ASCII, and
 * the two-byte UTF-8 letters of Latin-1, Latin Extended-A, Greek and
 * Cyrillic, whose lower case is also two bytes.  Other bytes are left. */
void bd_fold_case(char *s, size_t len);
/* Trims leading and trailing white space in place; returns the new start. */
char *bd_str_trim(char *s);
/* Collapses runs of white space (including newlines) into one space, in place. */
char *bd_str_squeeze(char *s);

/* Iterates lines of text[0..len) separated by LF.  *line and *llen get each
 * line without its LF; returns false at the end.  *pos is the cursor. */
bool bd_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *llen);

#endif
