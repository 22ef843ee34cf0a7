/* mimeview.h: one message as a reader wants it, for the raw pager's decoded
 * view: the MIME tree part by part, each part's type, charset, transfer
 * encoding, file name and size on one line, then its body with the
 * transfer encoding undone and the text in UTF-8 (HTML as plain text);
 * attached messages (message/rfc822) nested one level deeper with their
 * own headers; binary parts summarised, never dumped.  The lines are text
 * as decoded: control characters and escape sequences are left for the
 * caller to make visible (textfmt.h, bd_text_visible).  Knows nothing of
 * bounces, the store or the terminal.
 */
#ifndef BD_MIMEVIEW_H
#define BD_MIMEVIEW_H

#include <stdbool.h>
#include <stddef.h>

enum bd_mv_kind {
	BD_MV_PART,   /* a part's summary line: "[2] text/plain; charset=..." */
	BD_MV_HEADER, /* a header of the message or of an attached message */
	BD_MV_BODY,   /* a line of a part's decoded text */
	BD_MV_NOTE,   /* something left out: a binary part, hidden headers, a limit */
};

/* One line; text[0..len) holds no newline and is indented two spaces per
 * level of nesting (depth). */
struct bd_mv_line {
	enum bd_mv_kind kind;
	int depth;
	const char *text;
	size_t len;
};
typedef void (*bd_mv_fn)(void *ctx, const struct bd_mv_line *l);

/* Calls fn for every line of the decoded view of the message data[0..len)
 * (any line ends).  all_headers: every header of the message and of its
 * parts, else the main ones (From, To, Cc, Date, Subject, Message-Id) of
 * the message and of each attached message.  Never fails: broken MIME
 * shows as far as it parses. */
void bd_mime_view(const char *data, size_t len, bool all_headers, bd_mv_fn fn, void *ctx);

#endif
