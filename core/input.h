/* input.h: messages from files, mboxes, Maildirs and standard input.
 *
 * A streaming iterator: one message in memory at a time, so an mbox of any
 * size reads in constant memory.  Names: a plain file is its path; the
 * messages of an mbox holding more than one are "PATH#N" (N from 1); Maildir
 * messages are their file paths (new/ first, then cur/, each sorted); a
 * directory that is not a Maildir gives its regular files, sorted; "-" is
 * standard input (named "-", or "-#N" when it is an mbox).
 */
#ifndef BD_INPUT_H
#define BD_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "str.h"

struct bd_input_msg {
	const char *name; /* for reports: "PATH", or "PATH#N" for message N of an mbox */
	const char *file; /* the file (or "-") it was read from */
	int msgno;        /* N of an mbox holding more than one message, else 0 */
	const char *path; /* file holding just this message (Maildir/file), or NULL */
	bool maildir_new; /* path is in a Maildir's new/ */
	const char *data; /* raw bytes as read */
	size_t len;
	const char *error; /* set instead of data when the source cannot be read */
};

struct bd_input {
	char **paths;
	size_t npaths, ipath;
	/* Files queued from the current directory argument. */
	char **queue;
	size_t nqueue, iqueue;
	bool queue_is_maildir;
	size_t queue_new; /* entries [0, queue_new) come from new/ */
	/* The open stream (file, mbox or stdin). */
	FILE *fp;
	bool fp_close;
	char *fp_name;
	bool mbox;
	int mbox_n;
	char *line; /* getline buffer */
	size_t line_cap;
	ssize_t line_len; /* the pending separator line, or -1 */
	struct bd_buf msg;
	char *name;
	char errbuf[512];
};

void bd_input_init(struct bd_input *in, char **paths, size_t npaths);
void bd_input_done(struct bd_input *in);
/* Fills *out with the next message (valid until the next call) and returns
 * true, or returns false at the end.  A source that cannot be read yields
 * one item with error set and the iteration goes on. */
bool bd_input_next(struct bd_input *in, struct bd_input_msg *out);

#endif
