/* cmd_decide.c: the operator's decisions from the command line: stop,
 * resume, confirm and clear.  Each is one transaction, journalled under
 * the login name with the --reason text. */
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "../core/arena.h"
#include "cli.h"
#include "storecli.h"

struct decide_opts {
	const char *db, *reason;
	int first; /* index of the first address */
};

/* Options shared by the four commands; returns -1 to go on. */
static int decide_getopt(int argc, char **argv, struct decide_opts *o)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"reason", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "m:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'm':
			o->reason = *optarg ? optarg : NULL;
			break;
		case 'h':
			bd_command_help(stdout, argv[0]);
			return BD_EXIT_OK;
		default:
			bd_command_help(stderr, argv[0]);
			return BD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bd_command_help(stderr, argv[0]);
		return BD_EXIT_USAGE;
	}
	o->first = optind;
	return -1;
}

/* One decision on one address; prints its outcome.  False with err set. */
typedef bool (*decide_fn)(struct bd_store *s, const char *addr, const struct decide_opts *o, int op,
			  struct bd_store_error *err);

/* The loop the four commands share: options, the store, each address. */
static int each_addr(int argc, char **argv, decide_fn fn, int op)
{
	struct decide_opts o;
	int st = decide_getopt(argc, argv, &o);
	if (st >= 0)
		return st;
	struct bd_store *s = bd_cli_open_store(o.db, 0, false, &st);
	if (!s)
		return st;
	struct bd_arena a;
	bd_arena_init(&a);
	for (int i = o.first; i < argc; i++) {
		struct bd_store_error err;
		if (!fn(s, bd_cli_addr(&a, argv[i]), &o, op, &err))
			st = bd_cli_store_fail(&err, false);
	}
	bd_arena_done(&a);
	bd_store_close(s);
	return st;
}

static bool decide(struct bd_store *s, const char *addr, const struct decide_opts *o, int op,
		   struct bd_store_error *err)
{
	struct bd_op_result res;
	if (!bd_store_decide(s, addr, (enum bd_store_op)op, bd_cli_actor(), o->reason,
			     (int64_t)time(NULL), &res, err))
		return false;
	printf("%s: %s -> %s%s\n", addr, bd_state_name(res.old_state), bd_state_name(res.new_state),
	       op == BD_OP_CONFIRM ?
		       (res.was_review ? " (review mark cleared)" : " (was not awaiting review)") :
		       "");
	return true;
}

static bool clear(struct bd_store *s, const char *addr, const struct decide_opts *o, int op,
		  struct bd_store_error *err)
{
	(void)op;
	struct bd_clear_result res;
	if (!bd_store_clear(s, addr, bd_cli_actor(), o->reason, (int64_t)time(NULL), &res, err))
		return false;
	printf("%s: cleared %lld events (%lld raw messages deleted); %s -> active\n", addr,
	       (long long)res.events, (long long)res.messages, bd_state_name(res.old_state));
	return true;
}

int bd_cmd_stop(int argc, char **argv)
{
	return each_addr(argc, argv, decide, BD_OP_STOP);
}

int bd_cmd_resume(int argc, char **argv)
{
	return each_addr(argc, argv, decide, BD_OP_RESUME);
}

int bd_cmd_confirm(int argc, char **argv)
{
	return each_addr(argc, argv, decide, BD_OP_CONFIRM);
}

int bd_cmd_clear(int argc, char **argv)
{
	return each_addr(argc, argv, clear, 0);
}
