/* help.h: the help text, as data.
 *
 * The files help/LANG/NAME.txt are built into the program (see
 * scripts/embed-help.sh).  Each holds entries:
 *
 *   # a comment line
 *   @KIND ID
 *   field: value            one line each; a field may repeat
 *   field: value
 *                           a blank line ends the fields
 *   Body text, in paragraphs separated by blank lines.  Lines of a
 *   paragraph are joined and wrapped to the screen when shown; a line
 *   that starts with two spaces is kept as it is (examples, wording).
 *
 * The entry ends at the next line starting with '@'.  KIND is `topic`,
 * `category` (a reason or finer category id, as in reason.h), `code` (an
 * SMTP reply code "550", a reply class "5yz" or digit "x5z", an enhanced
 * status code "X.1.1", its class "5.X.X" or subject "X.1.X"), `action` (a
 * UI action by its bind name, `text:` its help sentence where it is not
 * English) or `label` (a phrase of the program's own, `text:`, which may
 * hold {names} that bd_help_subst fills in).
 *
 * The language comes from the locale's environment (LC_ALL, LC_MESSAGES,
 * LANG: "ja..." is Japanese); an entry missing in that language is taken
 * from English.  Knows nothing of curses or of the store.
 */
#ifndef BD_HELP_H
#define BD_HELP_H

#include <stdbool.h>
#include <stddef.h>

#include "reason.h"
#include "str.h"

/* One file built into the program (generated: build/gen/help_data.c). */
struct bd_help_file {
	const char *lang; /* "en", "ja" */
	const char *name; /* "categories" */
	const char *text;
	unsigned long len;
};
extern const struct bd_help_file bd_help_files[]; /* ends with lang NULL */

struct bd_help_field {
	const char *name, *value;
};

struct bd_help_entry {
	const char *kind, *id, *lang;
	struct bd_help_field *fields;
	size_t nfields;
	const char *body; /* "" when none; paragraphs separated by "\n\n" */
	const char *file; /* "en/categories.txt" */
	int line;         /* of the '@' line */
};

/* "ja" or "en", from LC_ALL, LC_MESSAGES, then LANG (the first set and
 * non-empty wins, as setlocale reads them). */
const char *bd_help_lang(void);
/* Picks the language from a locale name ("ja_JP.UTF-8" -> "ja"); "en" for
 * NULL, "", "C", "POSIX" and languages without help text. */
const char *bd_help_lang_of(const char *locale);

/* The entry KIND ID in lang, else in English; NULL when neither has it.
 * Entries are parsed once, on first use, and live until exit. */
const struct bd_help_entry *bd_help_find(const char *lang, const char *kind, const char *id);
/* Every entry of one kind in lang, in file order (English entries the
 * language lacks follow); returns the count, writes at most max. */
size_t bd_help_list(const char *lang, const char *kind, const struct bd_help_entry **out,
		    size_t max);
/* The first value of field name, or NULL. */
const char *bd_help_field(const struct bd_help_entry *e, const char *name);
/* The values of field name in order; returns the count, writes at most max. */
size_t bd_help_fields(const struct bd_help_entry *e, const char *name, const char **out,
		      size_t max);

/* The text of label id in lang (else English); id itself when none. */
const char *bd_help_label(const char *lang, const char *id);
/* The name of a group of categories in lang ("Address problems"). */
const char *bd_help_group(const char *lang, enum bd_group g);
/* Appends tmpl to out with each "{name}" of names replaced by its value;
 * other braces are copied. */
void bd_help_subst(const char *tmpl, struct bd_buf *out, const char *const *names,
		   const char *const *values, size_t n);

/* Checks the built-in files: every entry well formed, no KIND ID twice in
 * one language.  Returns the number of problems, each written to err as
 * "en/codes.txt:12: ..." lines. */
int bd_help_check(struct bd_buf *err);

/* Wraps text to width display columns: paragraphs joined and broken at
 * spaces (or between wide characters, which have none), each output line
 * prefixed by indent spaces; lines starting with two spaces are kept as
 * they are.  Calls emit for each line (without newline); a blank line
 * separates paragraphs. */
void bd_help_wrap(const char *text, int width, int indent,
		  void (*emit)(void *ctx, const char *line, size_t len), void *ctx);

#endif
