/* explain.h: what an SMTP reply code or enhanced status code means, and
 * what bouncedesk reads it as, in words for the operator.
 *
 * The text comes from the code reference (help/LANG/codes.txt), the code
 * tables (codes.h), the reason vocabulary (reason.h) and, when given, the
 * stop rules (policy.h).  Used by `bouncedesk explain` and by the terminal
 * UI for the code under the cursor.  Knows nothing of curses or the store.
 */
#ifndef BD_EXPLAIN_H
#define BD_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "policy.h"
#include "str.h"

/* The longest normalised code: "X.999.999" or "550". */
#define BD_CODE_MAX 16

enum bd_code_kind {
	BD_CODE_NONE,     /* not a code */
	BD_CODE_REPLY,    /* "550" */
	BD_CODE_STATUS,   /* "5.1.1" */
	BD_CODE_CLASSLESS /* "X.1.1" */
};

/* Normalises one code as a user pastes it: "#5.1.1", "5.1.1:", "(550)",
 * "x.1.1" -> "5.1.1", "550", "X.1.1".  Returns the kind; BD_CODE_NONE when
 * s is not a well-formed code (a reply code is [2-5][0-5][0-9], an
 * enhanced code CLASS.SUBJECT.DETAIL with CLASS 2, 4, 5 or X and numbers
 * of at most three digits). */
enum bd_code_kind bd_code_normalise(const char *s, char out[BD_CODE_MAX]);

/* Picks the codes out of a pasted diagnostic line ("550 5.1.1 <a@b>: User
 * unknown" -> "550", "5.1.1"), in order, without repeats; returns the
 * count, writes at most max. */
size_t bd_code_scan(const char *text, char (*out)[BD_CODE_MAX], size_t max);

/* Appends the explanation of code (any form bd_code_normalise takes) to
 * out as lines of at most width columns, in lang ("en", "ja"; entries
 * missing in lang are taken from English).  policy may be NULL (no stop
 * rule line).  Returns false when the code is malformed (nothing is
 * appended) or well formed but not registered (explained by its class
 * and subject or digit, with a line saying so). */
bool bd_explain_code(struct bd_buf *out, const char *code, const char *lang, int width,
		     const struct bd_policy *policy);

#endif
