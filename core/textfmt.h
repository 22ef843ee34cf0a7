/* textfmt.h: text as the screen shows it, without curses.  Display widths
 * of UTF-8 (wide CJK characters count 2, combining marks 0, from Unicode
 * tables, not the locale), bounce text made harmless (control characters
 * and escape sequences shown visibly, invalid UTF-8 as U+FFFD), cutting and
 * padding to a width, lines of text with spans of named styles, and dates
 * for columns.
 */
#ifndef BD_TEXTFMT_H
#define BD_TEXTFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "str.h"

/* Decodes one code point from s[0..len) (len > 0) into *cp and returns the
 * bytes it took.  Invalid UTF-8 (a stray byte, an overlong form, a
 * surrogate, a truncated sequence) gives U+FFFD for the longest invalid
 * prefix, at least one byte. */
size_t bd_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp (U+FFFD when not a scalar value) into out; returns 1..4. */
size_t bd_utf8_encode(uint32_t cp, char out[4]);

/* Columns cp takes: -1 for a control character (C0, DEL, C1), 0 for a
 * combining mark or an invisible format character, 2 for East Asian Wide
 * and Fullwidth characters, else 1. */
int bd_wcwidth(uint32_t cp);

/* Flags for bd_text_visible. */
enum {
	BD_VIS_TABS = 1, /* expand tabs to the next multiple of 8 columns, not ^I */
};

/* Appends the visible form of s[0..len) to out: text a terminal displays
 * as it is, with nothing it would interpret.  C0 controls and DEL become
 * ^@..^_ and ^? (ESC is ^[, so "ESC [31m" shows as "^[[31m"), C1 controls
 * \x80..\x9f, bidirectional overrides <U+202E>, invalid UTF-8 U+FFFD.
 * Returns the width in columns of what was appended. */
int bd_text_visible(const char *s, size_t len, unsigned flags, struct bd_buf *out);
/* Columns of the visible form of s[0..len) (tabs as ^I). */
int bd_text_width(const char *s, size_t len);
/* Appends the visible form of s[0..len) from column skip on (scrolled
 * right), at most width columns; when text remains beyond, the last column
 * is an ellipsis (U+2026, one column).  A wide character cut by the left
 * edge becomes a space; one that does not fit before the ellipsis is left
 * out, so the result may be a column short of width, never over it.
 * Returns the columns appended. */
int bd_text_clip(const char *s, size_t len, int skip, int width, struct bd_buf *out);

enum bd_align {
	BD_ALIGN_LEFT,
	BD_ALIGN_RIGHT,
};

/* Appends s cut to width and padded with spaces to exactly width columns
 * (numbers are right-aligned).  Returns width (0 when width < 0). */
int bd_text_fit(const char *s, size_t len, int width, enum bd_align align, struct bd_buf *out);
/* Appends n spaces (none when n <= 0). */
void bd_text_pad(struct bd_buf *out, int n);

/* Named styles: the theme maps each to colours and attributes. */
#define BD_STYLES(X)                                                             \
	X(NORMAL, "normal")     /* ordinary text */                              \
	X(TITLE, "title")       /* the title bar */                              \
	X(HEADER, "header")     /* column headings, header names in a message */ \
	X(SELECTED, "selected") /* the row under the cursor */                   \
	X(TAGGED, "tagged")     /* a tagged row */                               \
	X(DIM, "dim")           /* empty categories, secondary text */           \
	X(ACTIVE, "active")     /* an address that may be mailed */              \
	X(STOPPED, "stopped")   /* a stopped address */                          \
	X(HOLD, "hold")         /* an address on hold */                         \
	X(REVIEW, "review")     /* awaiting review */                            \
	X(ERROR, "error")       /* an error in the status line */                \
	X(STATUS, "status")     /* the status line */                            \
	X(MATCH, "match")       /* a search or filter match */                   \
	X(CONTROL, "control")   /* a control character made visible */

/* Unformatted: clang-format takes the macro and the count for one line. */
/* clang-format off */
enum bd_style {
#define BD_STYLE_ENUM(id, name) BD_STYLE_##id,
	BD_STYLES(BD_STYLE_ENUM)
#undef BD_STYLE_ENUM
	BD_STYLE_COUNT,
};
/* clang-format on */

const char *bd_style_name(enum bd_style st);
/* Parses a style name; false when unknown. */
bool bd_style_parse(const char *name, enum bd_style *out);

/* A run of a line's text in one style: bytes text[off, off+len), columns
 * [col, col+width). */
struct bd_span {
	size_t off, len;
	int col, width;
	enum bd_style style;
};

/* One screen line before it is drawn.
 * Invariant: text holds visible text only (no control characters); the
 * spans are in order, non-empty and contiguous, and together cover text
 * exactly: spans[0] starts at byte 0 and column 0, each next span starts
 * where the one before ends, the last ends at text.len and column width;
 * two neighbours never share a style. */
struct bd_line {
	struct bd_buf text;
	struct bd_span *spans;
	size_t nspans, cap;
	int width; /* display columns of text */
};

void bd_line_init(struct bd_line *l);
void bd_line_done(struct bd_line *l);
/* Empties the line, keeping its memory. */
void bd_line_reset(struct bd_line *l);
/* Appends the visible form of s[0..len) (bd_text_visible) in style st;
 * returns the columns added. */
int bd_line_add(struct bd_line *l, enum bd_style st, const char *s, size_t len, unsigned flags);
/* Appends s cut to at most width columns (bd_text_clip from column skip). */
int bd_line_add_clip(struct bd_line *l, enum bd_style st, const char *s, size_t len, int skip,
		     int width);
/* Appends s fitted to exactly width columns (bd_text_fit). */
int bd_line_add_cell(struct bd_line *l, enum bd_style st, const char *s, size_t len, int width,
		     enum bd_align align);
/* Appends spaces in style st until the line is width columns wide. */
void bd_line_pad_to(struct bd_line *l, enum bd_style st, int width);
/* Gives bytes [off, off+len) of the text style st, splitting spans (a
 * search match inside a row).  The range is clipped to the text and
 * widened to whole characters. */
void bd_line_restyle(struct bd_line *l, size_t off, size_t len, enum bd_style st);

enum bd_datefmt {
	BD_DATE_RELATIVE, /* "now", "5m ago", "3h ago", "3d ago", "2w ago", "4mo ago", "2y ago" */
	BD_DATE_ABSOLUTE, /* "2024-03-05 14:22" */
	BD_DATE_COMPACT,  /* "14:22" today, "Mar 05" this year, "2023-11-02" before */
};

/* Writes t (seconds since the epoch, UTC) into buf as f; now is the
 * current time for relative and compact forms, utc_offset the seconds east
 * of UTC to show local times in (the UI reads it from the machine; core
 * does not).  At most 16 columns.  Returns buf. */
const char *bd_text_date(int64_t t, int64_t now, int utc_offset, enum bd_datefmt f, char *buf,
			 size_t n);

#endif
