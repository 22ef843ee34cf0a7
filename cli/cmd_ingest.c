/* cmd_ingest.c: "bouncedesk ingest": messages into the store.
 *
 * Messages are committed in batches; a Maildir message moves from new/ to
 * cur/ only after the batch holding it is committed, and a message already
 * stored (same SHA-256) is a duplicate that changes nothing.  So a run
 * killed at any moment loses nothing and a rerun stores nothing twice.
 * Reading one message from standard input (a mail server's pipe), exit 0
 * means it is committed and 75 (EX_TEMPFAIL) that the server should keep it
 * and retry.
 *
 * Two threads: a reader reads, hashes, parses and classifies messages into a
 * bounded queue while the main thread writes them to the store, so parsing
 * and SQLite overlap.  Only the main thread touches the store.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
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

enum { BATCH = 2000, QUEUE = 128 };
#define QUEUE_BYTES ((size_t)64 << 20) /* raw bytes waiting, at most (one bigger message passes) */

/* One message on its way from the reader to the store. */
struct item {
	char *name, *path, *error;
	bool maildir_new;
	char *raw;
	size_t len;
	struct bd_ingest_msg im;
	struct bd_report r;
	struct bd_verdict *v;
};

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct item *slot[QUEUE];
	size_t head, count, bytes;
	bool done;   /* the reader has queued its last item */
	bool cancel; /* the writer gave up: the reader stops */
};

struct ingest {
	struct bd_store *store;
	char **inputs;
	size_t ninputs;
	struct queue q;
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

static void item_free(struct item *it)
{
	if (!it)
		return;
	if (!it->error)
		bd_report_done(&it->r);
	free(it->name);
	free(it->path);
	free(it->error);
	free(it->raw);
	free(it->v);
	free(it);
}

/* Reader side: one input message, hashed, parsed and classified. */
static struct item *prepare(struct ingest *g, const struct bd_input_msg *m)
{
	struct item *it = bd_xcalloc(1, sizeof(*it));
	it->name = bd_xstrdup(m->name);
	if (m->error) {
		it->error = bd_xstrdup(m->error);
		return it;
	}
	it->path = m->path ? bd_xstrdup(m->path) : NULL;
	it->maildir_new = m->maildir_new;
	it->raw = bd_xmalloc(m->len + 1);
	memcpy(it->raw, m->data, m->len);
	it->len = m->len;
	it->im = (struct bd_ingest_msg){
		.raw = it->raw, .len = it->len, .source = it->name, .now = (int64_t)time(NULL)};
	bd_sha256(it->raw, it->len, it->im.sha);
	bd_report_init(&it->r);
	bd_parse(&g->parser, it->raw, it->len, &it->r);
	it->v = bd_xcalloc(it->r.n ? it->r.n : 1, sizeof(*it->v));
	for (size_t i = 0; i < it->r.n; i++)
		bd_classify(&g->rules, &it->r, &it->r.rcpt[i], &it->v[i], NULL, NULL);
	return it;
}

static void *reader(void *arg)
{
	struct ingest *g = arg;
	struct queue *q = &g->q;
	struct bd_input in;
	bd_input_init(&in, g->inputs, g->ninputs);
	struct bd_input_msg m;
	bool go = true;
	while (go && bd_input_next(&in, &m)) {
		struct item *it = prepare(g, &m);
		pthread_mutex_lock(&q->mu);
		while (!q->cancel &&
		       (q->count == QUEUE || (q->count > 0 && q->bytes + it->len > QUEUE_BYTES)))
			pthread_cond_wait(&q->changed, &q->mu);
		if (q->cancel) {
			go = false;
		} else {
			q->slot[(q->head + q->count) % QUEUE] = it;
			q->count++;
			q->bytes += it->len;
			it = NULL;
			pthread_cond_broadcast(&q->changed);
		}
		pthread_mutex_unlock(&q->mu);
		item_free(it);
	}
	bd_input_done(&in);
	pthread_mutex_lock(&q->mu);
	q->done = true;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Writer side: the next prepared message, or NULL at the end. */
static struct item *next_item(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == 0 && !q->done)
		pthread_cond_wait(&q->changed, &q->mu);
	struct item *it = NULL;
	if (q->count > 0) {
		it = q->slot[q->head];
		q->head = (q->head + 1) % QUEUE;
		q->count--;
		q->bytes -= it->len;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->mu);
	return it;
}

static void cancel_reader(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->cancel = true;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

static bool store_item(struct ingest *g, const struct item *it, struct bd_store_error *err)
{
	if (g->inbatch == 0 && !bd_store_begin(g->store, err))
		return false;
	g->inbatch++;
	g->messages++;
	struct bd_ingest_result res;
	if (!bd_store_add(g->store, &it->im, &it->r, it->v, &g->policy, &res, err))
		return false;
	if (res.duplicate) {
		g->duplicates++;
	} else {
		g->added++;
		g->unparsed += it->r.kind == BD_KIND_UNPARSED;
		g->events += res.events;
		g->stopped += res.stopped;
		g->held += res.held;
		g->flagged += res.flagged;
		g->incidents += res.incidents;
		for (size_t i = 0; i < it->r.n; i++) {
			size_t k = (size_t)(it->v[i].reason - bd_reasons);
			if (k < 64)
				g->reasons[k]++;
		}
	}
	if (it->path && it->maildir_new && !g->keep) {
		if (g->nmoves == g->capmoves) {
			g->capmoves = g->capmoves ? 2 * g->capmoves : 64;
			g->moves = bd_xrealloc(g->moves, g->capmoves * sizeof(*g->moves));
		}
		g->moves[g->nmoves++] = bd_xstrdup(it->path);
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
	g.inputs = argv + optind;
	g.ninputs = (size_t)(argc - optind);
	pthread_mutex_init(&g.q.mu, NULL);
	pthread_cond_init(&g.q.changed, NULL);
	pthread_t tid;
	if (pthread_create(&tid, NULL, reader, &g) != 0) {
		bd_warn("ingest: cannot start the reader thread");
		status = BD_EXIT_TEMPFAIL;
		goto out_store;
	}
	struct bd_store_error err;
	bool failed = false;
	struct item *it;
	while ((it = next_item(&g.q))) {
		if (it->error) {
			bd_warn("%s: %s", it->name, it->error);
			status = pipe_only ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
		} else if (!failed && !store_item(&g, it, &err)) {
			failed = true;
			cancel_reader(&g.q);
		}
		item_free(it);
	}
	pthread_join(tid, NULL);
	if (!failed && !commit(&g, &err))
		failed = true;
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
out_store:
	pthread_cond_destroy(&g.q.changed);
	pthread_mutex_destroy(&g.q.mu);
	bd_store_close(g.store);
out_rules:
	bd_ruleset_done(&g.rules);
out_policy:
	bd_policy_done(&g.policy);
out:
	bd_parser_done(&g.parser);
	free(extra);
	free(g.moves);
	if (fflush(stdout) != 0 && status == BD_EXIT_OK)
		status = BD_EXIT_FAIL;
	return status;
}
