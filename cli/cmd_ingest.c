/* cmd_ingest.c: "bouncedesk ingest": messages into the store.
 *
 * Messages are committed in batches; a Maildir message moves from new/ to
 * cur/ only after the batch holding it is committed, and a message already
 * stored (same SHA-256) is a duplicate that changes nothing.  So a run
 * killed at any moment loses nothing and a rerun stores nothing twice.
 * Reading one message from standard input (a mail server's pipe), exit 0
 * means it is committed and 75 (EX_TEMPFAIL) that the server should keep it
 * and retry.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../core/classify.h"
#include "../core/input.h"
#include "../core/parse.h"
#include "../core/policy.h"
#include "../core/rules.h"
#include "../core/sha256.h"
#include "cli.h"
#include "storecli.h"

enum { BATCH = 500 };

struct ingest {
	struct bd_store *store;
	struct bd_ruleset rules;
	struct bd_policy policy;
	struct bd_parser parser;
	bool keep, quiet, progress;
	/* Maildir files of the open batch, to move to cur/ after its commit. */
	char **moves;
	size_t nmoves, capmoves;
	size_t inbatch;
	/* Totals. */
	size_t messages, added, duplicates, unparsed, events, stopped, held, flagged, incidents;
	size_t reasons[64];
	struct bd_verdict *v;
	size_t vcap;
	time_t last_progress;
};

/* new/NAME -> cur/NAME:2,S (the Maildir "seen" flag). */
static void move_to_cur(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash - path < 3 || strncmp(slash - 3, "new", 3) != 0)
		return;
	size_t dirlen = (size_t)(slash - path) - 3;
	const char *name = slash + 1;
	size_t n = strlen(path) + 8;
	char *to = bd_xmalloc(n);
	snprintf(to, n, "%.*scur/%s%s", (int)dirlen, path, name, strchr(name, ':') ? "" : ":2,S");
	if (rename(path, to) != 0)
		bd_warn("%s: cannot move to cur/: %s", path, strerror(errno));
	free(to);
}

static void flush_moves(struct ingest *g)
{
	for (size_t i = 0; i < g->nmoves; i++) {
		move_to_cur(g->moves[i]);
		free(g->moves[i]);
	}
	g->nmoves = 0;
}

static void drop_moves(struct ingest *g)
{
	for (size_t i = 0; i < g->nmoves; i++)
		free(g->moves[i]);
	g->nmoves = 0;
}

static bool commit(struct ingest *g, struct bd_store_error *err)
{
	if (g->inbatch == 0)
		return true;
	if (!bd_store_commit(g->store, err))
		return false;
	g->inbatch = 0;
	flush_moves(g);
	return true;
}

static void progress(struct ingest *g, bool last)
{
	if (!g->progress)
		return;
	time_t now = time(NULL);
	if (!last && now == g->last_progress)
		return;
	g->last_progress = now;
	if (last)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\ringest: %zu messages, %zu new, %zu duplicates...", g->messages,
			g->added, g->duplicates);
	fflush(stderr);
}

static bool one(struct ingest *g, const struct bd_input_msg *m, struct bd_store_error *err)
{
	struct bd_ingest_msg im = {
		.raw = m->data, .len = m->len, .source = m->name, .now = (int64_t)time(NULL)};
	bd_sha256(m->data, m->len, im.sha);
	bool found;
	if (g->inbatch == 0 && !bd_store_begin(g->store, err))
		return false;
	g->inbatch++;
	if (!bd_store_has_message(g->store, im.sha, &found, err))
		return false;
	g->messages++;
	if (found) {
		g->duplicates++;
	} else {
		struct bd_report r;
		bd_report_init(&r);
		bd_parse(&g->parser, m->data, m->len, &r);
		if (r.n > g->vcap) {
			g->vcap = r.n;
			g->v = bd_xrealloc(g->v, g->vcap * sizeof(*g->v));
		}
		for (size_t i = 0; i < r.n; i++)
			bd_classify(&g->rules, &r, &r.rcpt[i], &g->v[i], NULL, NULL);
		struct bd_ingest_result res;
		bool ok = bd_store_add(g->store, &im, &r, g->v, &g->policy, &res, err);
		if (ok && !res.duplicate) {
			g->added++;
			g->unparsed += r.kind == BD_KIND_UNPARSED;
			g->events += res.events;
			g->stopped += res.stopped;
			g->held += res.held;
			g->flagged += res.flagged;
			g->incidents += res.incidents;
			for (size_t i = 0; i < r.n; i++) {
				size_t k = (size_t)(g->v[i].reason - bd_reasons);
				if (k < 64)
					g->reasons[k]++;
			}
		}
		bd_report_done(&r);
		if (!ok)
			return false;
	}
	if (m->path && m->maildir_new && !g->keep) {
		if (g->nmoves == g->capmoves) {
			g->capmoves = g->capmoves ? 2 * g->capmoves : 64;
			g->moves = bd_xrealloc(g->moves, g->capmoves * sizeof(*g->moves));
		}
		g->moves[g->nmoves++] = bd_xstrdup(m->path);
	}
	if (g->inbatch >= BATCH && !commit(g, err))
		return false;
	progress(g, false);
	return true;
}

static void summary(const struct ingest *g)
{
	printf("ingest: %zu messages: %zu new, %zu duplicates, %zu unparsed; %zu recipients\n",
	       g->messages, g->added, g->duplicates, g->unparsed, g->events);
	printf("  stopped %zu, held %zu, marked for review %zu, sender-side refusals %zu\n",
	       g->stopped, g->held, g->flagged, g->incidents);
	bool any = false;
	for (size_t k = 0; k < bd_nreasons && k < 64; k++) {
		if (!g->reasons[k])
			continue;
		printf("%s%s %zu", any ? ", " : "  per reason: ", bd_reasons[k].id, g->reasons[k]);
		any = true;
	}
	if (any)
		putchar('\n');
}

int bd_cmd_ingest(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"keep", no_argument, NULL, 'k'},
		{"quiet", no_argument, NULL, 'q'},
		{"rules", required_argument, NULL, 'r'},
		{"config", required_argument, NULL, 'c'},
		{"max-size", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = NULL, *config = NULL;
	char **extra = NULL;
	size_t nextra = 0;
	struct ingest g;
	memset(&g, 0, sizeof(g));
	bd_parser_init(&g.parser);
	int c, status = BD_EXIT_OK;
	optind = 1;
	while ((c = getopt_long(argc, argv, "kqh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'k':
			g.keep = true;
			break;
		case 'q':
			g.quiet = true;
			break;
		case 'r':
			extra = bd_xrealloc(extra, (nextra + 1) * sizeof(*extra));
			extra[nextra++] = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 's': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || v == 0) {
				bd_warn("ingest: --max-size needs a number of bytes");
				status = BD_EXIT_USAGE;
				goto out;
			}
			g.parser.lim.max_size = (size_t)v;
			break;
		}
		case 'h':
			bd_command_help(stdout, "ingest");
			goto out;
		default:
			bd_command_help(stderr, "ingest");
			status = BD_EXIT_USAGE;
			goto out;
		}
	}
	if (optind >= argc) {
		bd_command_help(stderr, "ingest");
		status = BD_EXIT_USAGE;
		goto out;
	}
	/* A pipe from the mail server: only "-", and nobody watching. */
	bool pipe_only = argc - optind == 1 && strcmp(argv[optind], "-") == 0;
	if (pipe_only && !isatty(STDOUT_FILENO))
		g.quiet = true;
	g.progress = !g.quiet && isatty(STDERR_FILENO);
	struct bd_error cerr;
	bd_policy_init(&g.policy);
	if (!bd_policy_load_standard(&g.policy, config, &cerr)) {
		bd_warn("%s", cerr.msg);
		status = pipe_only ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
		goto out_policy;
	}
	if (!bd_cli_load_rules(&g.rules, extra, nextra)) {
		status = pipe_only ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
		goto out_policy;
	}
	if (!(g.store = bd_cli_open_store(db, 0, true, &status))) {
		/* Any store failure keeps the mail with the server. */
		status = BD_EXIT_TEMPFAIL;
		goto out_rules;
	}
	struct bd_input in;
	bd_input_init(&in, argv + optind, (size_t)(argc - optind));
	struct bd_input_msg m;
	struct bd_store_error err;
	bool failed = false;
	while (bd_input_next(&in, &m)) {
		if (m.error) {
			bd_warn("%s: %s", m.name, m.error);
			status = pipe_only ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
			continue;
		}
		if (!one(&g, &m, &err)) {
			failed = true;
			break;
		}
	}
	if (!failed && !commit(&g, &err))
		failed = true;
	bd_input_done(&in);
	progress(&g, true);
	if (failed) {
		bd_store_rollback(g.store);
		drop_moves(&g);
		bd_warn("%s", err.msg);
		bd_warn("ingest: stopped; messages not committed stay where they are for the next "
			"run");
		status = BD_EXIT_TEMPFAIL;
	}
	if (!g.quiet)
		summary(&g);
	bd_store_close(g.store);
out_rules:
	bd_ruleset_done(&g.rules);
out_policy:
	bd_policy_done(&g.policy);
out:
	bd_parser_done(&g.parser);
	free(extra);
	free(g.moves);
	free(g.v);
	if (fflush(stdout) != 0 && status == BD_EXIT_OK)
		status = BD_EXIT_FAIL;
	return status;
}
