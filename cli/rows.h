/* rows.h: the read-every-input-and-print-a-row-per-recipient loop shared by
 * "parse" and "classify".  classify adds columns through a bd_rows_ext. */
#ifndef BD_ROWS_H
#define BD_ROWS_H

#include "../core/parse.h"
#include "../core/report.h"
#include "out.h"

struct bd_rows_opts {
	enum bd_out_format fmt;
	struct bd_limits lim;
	char **inputs;
	int ninputs;
	char **rules; /* extra rule files (--rules FILE, classify only) */
	size_t nrules;
};

struct bd_rows_ext {
	const char *const *cols;
	size_t ncols;
	void *ctx;
	/* Fills vals[0..ncols) for one recipient (rc is NULL for a message
	 * without recipients).  Strings must live until the next call. */
	void (*fill)(void *ctx, const struct bd_report *r, const struct bd_rcpt *rc,
		     const char **vals);
};

/* Parses the options common to parse and classify.  Returns -1 when the
 * command should go on, else the exit status to return (help, usage). */
int bd_rows_getopt(int argc, char **argv, const char *cmd, struct bd_rows_opts *o);
void bd_rows_opts_done(struct bd_rows_opts *o);

struct bd_input_msg;
/* Reads every message of inputs[0..n) and calls fn with where it came from
 * and its report (both valid during the call); an unreadable input is
 * reported on stderr.  lim NULL means the default limits.  Returns 0, or 1
 * when an input could not be read. */
typedef void (*bd_report_fn)(void *ctx, const struct bd_input_msg *m, const struct bd_report *r);
int bd_each_report(char **inputs, size_t n, const struct bd_limits *lim, bd_report_fn fn,
		   void *ctx);
/* Runs the loop; returns the exit status (1 when an input was unreadable). */
int bd_rows_run(const struct bd_rows_opts *o, const struct bd_rows_ext *ext);

#endif
