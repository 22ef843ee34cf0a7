/* cmd_show.c: reading the store from the command line: show, check,
 * export, stats, unparsed and raw. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/arena.h"
#include "cli.h"
#include "out.h"
#include "storecli.h"

/* Parses --db (and, when fmt is not NULL, --format, and when states is not
 * NULL, --state) for the reading commands.  Returns -1 to go on. */
static int read_getopt(int argc, char **argv, const char **db, enum bd_out_format *fmt,
		       bool *postfix, unsigned *states, int min_args, int max_args)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"state", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			*db = optarg;
			break;
		case 'f':
			if (fmt && postfix && strcmp(optarg, "txt") == 0) {
				*fmt = BD_OUT_TSV;
				*postfix = false;
			} else if (fmt && postfix && strcmp(optarg, "postfix") == 0) {
				*postfix = true;
			} else if (!fmt || !bd_out_parse_format(optarg, fmt) ||
				   (postfix && *fmt == BD_OUT_TSV)) {
				bd_warn("%s: unknown format '%s'", argv[0], optarg);
				return BD_EXIT_USAGE;
			}
			break;
		case 's':
			if (!states || !bd_cli_state_mask(optarg, states)) {
				bd_warn("%s: --state takes a list of active, stopped, hold",
					argv[0]);
				return BD_EXIT_USAGE;
			}
			break;
		case 'h':
			bd_command_help(stdout, argv[0]);
			return BD_EXIT_OK;
		default:
			bd_command_help(stderr, argv[0]);
			return BD_EXIT_USAGE;
		}
	}
	int n = argc - optind;
	if (n < min_args || n > max_args) {
		bd_command_help(stderr, argv[0]);
		return BD_EXIT_USAGE;
	}
	return -1;
}

/* ---- show ---- */

static bool show_addr(void *ctx, const struct bd_store_addr *a)
{
	(void)ctx;
	printf("address:  %s\n", a->address);
	printf("domain:   %s\n", a->domain);
	printf("state:    %s%s\n", bd_state_name(a->state), a->review ? " (awaiting review)" : "");
	if (a->state_at) {
		printf("  since %s by %s", bd_cli_time(a->state_at, 0),
		       a->state_actor ? a->state_actor : "-");
		if (a->state_reason) {
			fputs(": ", stdout);
			bd_cli_put(stdout, a->state_reason);
		}
		if (a->state_rule)
			printf(" -- %s", a->state_rule);
		putchar('\n');
	}
	printf("bounces:  %lld (first %s, last %s)\n", (long long)a->bounces,
	       bd_cli_time(a->first_at, 0), bd_cli_time(a->last_at, 1));
	return true;
}

static bool show_event(void *ctx, const struct bd_store_event *e)
{
	int *n = ctx;
	if ((*n)++ == 0)
		puts("\nbounces (newest first):");
	printf("  %s  %-14s %-7s %-4s %s%s\n", bd_cli_time(e->date, 0), e->reason,
	       e->status ? e->status : "-", e->replycode ? e->replycode : "-",
	       e->hardbounce ? "hard" : "soft", e->permanent ? ", permanent" : "");
	if (e->alias) {
		fputs("    forwarded: registered ", stdout);
		bd_cli_put(stdout, e->alias);
		fputs(" -> failed at ", stdout);
		bd_cli_put(stdout, e->recipient);
		putchar('\n');
	}
	fputs("    ", stdout);
	bd_cli_put(stdout, e->diagnostic);
	printf("\n    rule %s%s%s; message %lld (", e->rule ? e->rule : "-",
	       e->policy ? ", policy " : "", e->policy ? e->policy : "", (long long)e->message);
	bd_cli_put(stdout, e->source);
	puts(")");
	return true;
}

static bool show_journal(void *ctx, const struct bd_store_jrow *j)
{
	int *n = ctx;
	if ((*n)++ == 0)
		puts("\njournal:");
	printf("  %s  %-8s %-8s %s -> %s", bd_cli_time(j->at, 0), j->actor, j->action,
	       j->old_state ? j->old_state : "-", j->new_state ? j->new_state : "-");
	if (j->reason) {
		fputs(": ", stdout);
		bd_cli_put(stdout, j->reason);
	}
	if (j->rule)
		printf(" -- %s", j->rule);
	putchar('\n');
	return true;
}

int bd_cmd_show(int argc, char **argv)
{
	const char *db = NULL;
	int st = read_getopt(argc, argv, &db, NULL, NULL, NULL, 1, 1);
	if (st >= 0)
		return st;
	struct bd_store *s = bd_cli_open_store(db, BD_STORE_READONLY, false, &st);
	if (!s)
		return st;
	struct bd_arena a;
	bd_arena_init(&a);
	const char *addr = bd_cli_addr(&a, argv[optind]);
	struct bd_store_error err;
	bool found;
	int nev = 0, nj = 0;
	if (!bd_store_address(s, addr, show_addr, NULL, &found, &err) ||
	    (found && !bd_store_events(s, addr, 0, show_event, &nev, &err)) ||
	    !bd_store_journal(s, addr, show_journal, &nj, &err)) {
		st = bd_cli_store_fail(&err, false);
	} else if (!found && nj == 0) {
		bd_warn("%s is not in the store", addr);
		st = BD_EXIT_FAIL;
	}
	bd_arena_done(&a);
	bd_store_close(s);
	return st;
}

/* ---- check: for sending scripts ---- */

static bool get_state(void *ctx, const struct bd_store_addr *a)
{
	*(enum bd_state *)ctx = a->state;
	return true;
}

int bd_cmd_check(int argc, char **argv)
{
	const char *db = NULL;
	int st = read_getopt(argc, argv, &db, NULL, NULL, NULL, 1, 1);
	if (st >= 0)
		return st == BD_EXIT_USAGE ? 2 : st;
	struct bd_store_error err;
	char def[4096];
	if (!db && bd_store_default_path(def, sizeof(def)))
		db = def;
	if (!db) {
		bd_warn("no store path: use --db PATH");
		return 2;
	}
	struct bd_store *s;
	if (!bd_store_open(db, BD_STORE_READONLY, bd_cli_busy_ms(), &s, &err)) {
		if (err.code == BD_STORE_NOTFOUND || (access(db, F_OK) != 0 && errno == ENOENT)) {
			/* No store yet: nothing has bounced, so it may be mailed. */
			printf("%s: active (no store yet)\n", argv[optind]);
			return 0;
		}
		bd_warn("%s", err.msg);
		return 2;
	}
	struct bd_arena a;
	bd_arena_init(&a);
	const char *addr = bd_cli_addr(&a, argv[optind]);
	enum bd_state state = BD_STATE_ACTIVE;
	bool found;
	if (!bd_store_address(s, addr, get_state, &state, &found, &err)) {
		bd_warn("%s", err.msg);
		st = 2;
	} else {
		printf("%s: %s%s\n", addr, bd_state_name(state),
		       found ? "" : " (not in the store)");
		st = state == BD_STATE_ACTIVE ? 0 : 1;
	}
	bd_arena_done(&a);
	bd_store_close(s);
	return st;
}

/* ---- export ---- */

struct export_ctx {
	struct bd_out out;
	bool postfix;
	bool txt;
};

static bool export_addr(void *ctx, const struct bd_store_addr *a)
{
	struct export_ctx *x = ctx;
	if (x->txt) {
		puts(a->address);
	} else if (x->postfix) {
		/* access(5): "address REJECT text"; the text is one line of
		 * printable characters. */
		char why[128];
		snprintf(why, sizeof(why), "%s", a->state_reason ? a->state_reason : "");
		for (char *p = why; *p; p++) {
			if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
				*p = '?';
		}
		printf("%s REJECT bouncedesk: %s%s%s\n", a->address, bd_state_name(a->state),
		       why[0] ? ": " : "", why);
	} else {
		const char *v[] = {a->address,
				   bd_state_name(a->state),
				   a->review ? "1" : "0",
				   a->state_reason,
				   a->state_rule,
				   a->state_actor,
				   bd_cli_time(a->state_at, 0),
				   a->last_reason,
				   bd_cli_time(a->last_at, 1)};
		bd_out_row(&x->out, v);
	}
	return true;
}

int bd_cmd_export(int argc, char **argv)
{
	const char *db = NULL;
	enum bd_out_format fmt = BD_OUT_TSV;
	struct export_ctx x = {.txt = true};
	unsigned states = 1u << BD_STATE_STOPPED | 1u << BD_STATE_HOLD;
	int st = read_getopt(argc, argv, &db, &fmt, &x.postfix, &states, 0, 0);
	if (st >= 0)
		return st;
	x.txt = fmt == BD_OUT_TSV && !x.postfix;
	struct bd_store *s = bd_cli_open_store(db, BD_STORE_READONLY, false, &st);
	if (!s)
		return st;
	static const char *const cols[] = {"address",     "state",       "review",
					   "reason",      "rule",        "actor",
					   "state_since", "last_reason", "last_bounce"};
	if (!x.txt && !x.postfix)
		bd_out_begin(&x.out, stdout, fmt, cols, sizeof(cols) / sizeof(cols[0]));
	struct bd_store_error err;
	if (!bd_store_addresses_in(s, states, export_addr, &x, &err))
		st = bd_cli_store_fail(&err, false);
	if (!x.txt && !x.postfix)
		bd_out_end(&x.out);
	bd_store_close(s);
	if (fflush(stdout) != 0) {
		bd_warn("export: write error");
		st = BD_EXIT_FAIL;
	}
	return st;
}

/* ---- stats ---- */

static bool print_reason(void *ctx, const char *key, int64_t events, int64_t addrs, int64_t rev)
{
	int *n = ctx;
	if ((*n)++ == 0)
		printf("\n%-16s %9s %9s %9s\n", "reason", "events", "addresses", "review");
	printf("%-16s %9lld %9lld %9lld\n", key, (long long)events, (long long)addrs,
	       (long long)rev);
	return true;
}

static bool print_state(void *ctx, const char *key, int64_t n, int64_t review, int64_t unused)
{
	(void)unused;
	int *k = ctx;
	if ((*k)++ == 0)
		printf("\n%-16s %9s %9s\n", "state", "addresses", "review");
	printf("%-16s %9lld %9lld\n", key, (long long)n, (long long)review);
	return true;
}

static bool print_domain(void *ctx, const char *key, int64_t addrs, int64_t bounces,
			 int64_t stopped)
{
	int *k = ctx;
	if ((*k)++ == 0)
		printf("\n%-32s %9s %9s %9s\n", "domain", "addresses", "bounces", "stopped");
	printf("%-32s %9lld %9lld %9lld\n", key[0] ? key : "-", (long long)addrs,
	       (long long)bounces, (long long)stopped);
	return true;
}

static bool print_incident(void *ctx, const struct bd_store_incident *i)
{
	int *k = ctx;
	if ((*k)++ == 0)
		puts("\nsender-side refusals (the address is fine; the sender is refused):");
	printf("  %s: %lld %s since %s (last %s)\n", i->domain, (long long)i->events, i->reason,
	       bd_cli_time(i->first_at, 0), bd_cli_time(i->last_at, 1));
	return true;
}

int bd_cmd_stats(int argc, char **argv)
{
	const char *db = NULL;
	int st = read_getopt(argc, argv, &db, NULL, NULL, NULL, 0, 0);
	if (st >= 0)
		return st;
	struct bd_store *s = bd_cli_open_store(db, BD_STORE_READONLY, false, &st);
	if (!s)
		return st;
	struct bd_store_error err;
	int64_t t[4];
	int a = 0, b = 0, c = 0, d = 0;
	if (!bd_store_totals(s, t, &err) ||
	    (printf("store %s: %lld messages (%lld unparsed), %lld events, %lld addresses\n",
		    bd_store_path(s), (long long)t[0], (long long)t[1], (long long)t[2],
		    (long long)t[3]),
	     !bd_store_reason_counts(s, print_reason, &a, &err)) ||
	    !bd_store_state_counts(s, print_state, &b, &err) ||
	    !bd_store_domain_counts(s, 20, print_domain, &c, &err) ||
	    !bd_store_incidents(s, print_incident, &d, &err))
		st = bd_cli_store_fail(&err, false);
	bd_store_close(s);
	return st;
}

/* ---- unparsed and raw ---- */

static bool print_unparsed(void *ctx, const struct bd_store_msg *m)
{
	struct bd_out *o = ctx;
	char id[24], size[24];
	snprintf(id, sizeof(id), "%lld", (long long)m->id);
	snprintf(size, sizeof(size), "%lld", (long long)m->size);
	const char *v[] = {
		id, bd_cli_time(m->ingested_at, 0), size, m->source, m->error, m->from, m->subject};
	bd_out_row(o, v);
	return true;
}

int bd_cmd_unparsed(int argc, char **argv)
{
	const char *db = NULL;
	enum bd_out_format fmt = BD_OUT_TSV;
	int st = read_getopt(argc, argv, &db, &fmt, NULL, NULL, 0, 0);
	if (st >= 0)
		return st;
	struct bd_store *s = bd_cli_open_store(db, BD_STORE_READONLY, false, &st);
	if (!s)
		return st;
	static const char *const cols[] = {"id",    "ingested", "size",   "source",
					   "error", "from",     "subject"};
	struct bd_out o;
	bd_out_begin(&o, stdout, fmt, cols, sizeof(cols) / sizeof(cols[0]));
	struct bd_store_error err;
	if (!bd_store_unparsed(s, print_unparsed, &o, &err))
		st = bd_cli_store_fail(&err, false);
	bd_out_end(&o);
	bd_store_close(s);
	return st;
}

static void write_raw(void *ctx, const void *data, size_t len)
{
	bool tty = *(bool *)ctx;
	if (!tty) {
		fwrite(data, 1, len, stdout);
		return;
	}
	/* On a terminal, control characters are shown, never obeyed. */
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\n' || p[i] == '\t' || (p[i] >= 0x20 && p[i] != 0x7f))
			putchar(p[i]);
		else if (p[i] != '\r')
			printf("^%c", p[i] == 0x7f ? '?' : p[i] + 64);
	}
}

int bd_cmd_raw(int argc, char **argv)
{
	const char *db = NULL;
	int st = read_getopt(argc, argv, &db, NULL, NULL, NULL, 1, 1);
	if (st >= 0)
		return st;
	char *end;
	long long id = strtoll(argv[optind], &end, 10);
	if (*end || id <= 0) {
		bd_warn("raw: '%s' is not a message number", argv[optind]);
		return BD_EXIT_USAGE;
	}
	struct bd_store *s = bd_cli_open_store(db, BD_STORE_READONLY, false, &st);
	if (!s)
		return st;
	bool tty = isatty(STDOUT_FILENO);
	struct bd_store_error err;
	if (!bd_store_raw(s, id, write_raw, &tty, &err))
		st = bd_cli_store_fail(&err, false);
	bd_store_close(s);
	return st;
}
