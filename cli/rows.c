/* rows.c: the per-recipient row loop of parse and classify (see rows.h). */
#include "rows.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../core/input.h"
#include "cli.h"

static const char *const base_cols[] = {
	"file",    "msgno",      "recipient",       "alias",      "action",
	"status",  "replycode",  "diagnostic",      "remote_mta", "reporting_mta",
	"date",    "command",    "detector",        "kind",       "from",
	"subject", "message_id", "orig_message_id", "error",
};
enum { NBASE = sizeof(base_cols) / sizeof(base_cols[0]) };

int bd_rows_getopt(int argc, char **argv, const char *cmd, struct bd_rows_opts *o)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"max-size", required_argument, NULL, 's'},
		{"rules", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	o->fmt = BD_OUT_TSV;
	bd_limits_default(&o->lim);
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!bd_out_parse_format(optarg, &o->fmt)) {
				bd_warn("%s: unknown format '%s' (tsv, csv or json)", cmd, optarg);
				return BD_EXIT_USAGE;
			}
			break;
		case 's': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || v == 0) {
				bd_warn("%s: --max-size needs a number of bytes", cmd);
				return BD_EXIT_USAGE;
			}
			o->lim.max_size = (size_t)v;
			break;
		}
		case 'r':
			if (strcmp(cmd, "parse") == 0) {
				bd_command_help(stderr, cmd);
				return BD_EXIT_USAGE;
			}
			o->rules = bd_xrealloc(o->rules, (o->nrules + 1) * sizeof(*o->rules));
			o->rules[o->nrules++] = optarg;
			break;
		case 'h':
			bd_command_help(stdout, cmd);
			return BD_EXIT_OK;
		default:
			bd_command_help(stderr, cmd);
			return BD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bd_command_help(stderr, cmd);
		return BD_EXIT_USAGE;
	}
	o->inputs = argv + optind;
	o->ninputs = argc - optind;
	return -1;
}

static void emit(struct bd_out *out, const struct bd_input_msg *m, const struct bd_report *r,
		 const struct bd_rcpt *rc, const struct bd_rows_ext *ext, const char **vals)
{
	char msgno[16] = "";
	if (m->msgno)
		snprintf(msgno, sizeof(msgno), "%d", m->msgno);
	const char *v[NBASE] = {
		m->file ? m->file : m->name,
		msgno[0] ? msgno : NULL,
		rc ? rc->recipient : NULL,
		rc ? rc->alias : NULL,
		rc ? rc->action : NULL,
		rc ? rc->status : NULL,
		rc ? rc->replycode : NULL,
		rc ? rc->diagnostic : NULL,
		rc ? rc->remote_mta : NULL,
		rc ? rc->reporting_mta : NULL,
		rc && rc->date ? rc->date : r->date,
		rc ? rc->command : NULL,
		r->detector,
		bd_kind_name(r->kind),
		r->from,
		r->subject,
		r->message_id,
		r->orig_message_id,
		r->error,
	};
	memcpy(vals, v, sizeof(v));
	if (ext)
		ext->fill(ext->ctx, r, rc, vals + NBASE);
	bd_out_row(out, vals);
}

void bd_rows_opts_done(struct bd_rows_opts *o)
{
	free(o->rules);
	o->rules = NULL;
	o->nrules = 0;
}

int bd_each_report(char **inputs, size_t n, const struct bd_limits *lim, bd_report_fn fn, void *ctx)
{
	struct bd_parser parser;
	bd_parser_init(&parser);
	if (lim)
		parser.lim = *lim;
	struct bd_input in;
	bd_input_init(&in, inputs, n);
	struct bd_input_msg msg;
	int status = BD_EXIT_OK;
	while (bd_input_next(&in, &msg)) {
		if (msg.error) {
			bd_warn("%s: %s", msg.name, msg.error);
			status = BD_EXIT_FAIL;
			continue;
		}
		struct bd_report r;
		bd_report_init(&r);
		bd_parse(&parser, msg.data, msg.len, &r);
		fn(ctx, &msg, &r);
		bd_report_done(&r);
	}
	bd_input_done(&in);
	bd_parser_done(&parser);
	return status;
}

struct emit_ctx {
	struct bd_out *out;
	const struct bd_rows_ext *ext;
	const char **vals;
};

static void emit_report(void *ctx, const struct bd_input_msg *m, const struct bd_report *r)
{
	struct emit_ctx *c = ctx;
	if (r->n == 0)
		emit(c->out, m, r, NULL, c->ext, c->vals);
	for (size_t i = 0; i < r->n; i++)
		emit(c->out, m, r, &r->rcpt[i], c->ext, c->vals);
}

int bd_rows_run(const struct bd_rows_opts *o, const struct bd_rows_ext *ext)
{
	size_t ncols = NBASE + (ext ? ext->ncols : 0);
	const char **cols = bd_xcalloc(ncols, sizeof(*cols));
	const char **vals = bd_xcalloc(ncols, sizeof(*vals));
	memcpy(cols, base_cols, sizeof(base_cols));
	if (ext)
		memcpy(cols + NBASE, ext->cols, ext->ncols * sizeof(*cols));
	struct bd_out out;
	bd_out_begin(&out, stdout, o->fmt, cols, ncols);
	struct emit_ctx ctx = {&out, ext, vals};
	int status = bd_each_report(o->inputs, (size_t)o->ninputs, &o->lim, emit_report, &ctx);
	bd_out_end(&out);
	free(cols);
	free(vals);
	if (ferror(stdout)) {
		bd_warn("write error on standard output");
		status = BD_EXIT_FAIL;
	}
	return status;
}
