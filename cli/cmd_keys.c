/* cmd_keys.c: `bouncedesk keys [--config=FILE] [--defaults]`: the live key
 * bindings of the terminal UI, context by context, as the help screen
 * lists them: the context's own keys, then the global keys it does not
 * shadow.  The bindings come from the same loader as `bouncedesk ui`. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/conf.h"
#include "../core/keymap.h"
#include "cli.h"

/* One context: "[NAME]", then "KEYS<TAB>ACTION<TAB>help" for every action
 * some key reaches there, in the order of actions.def. */
static void print_context(const struct bd_keymap *km, enum bd_context ctx)
{
	struct bd_keyhelp kh[BD_ACT_COUNT];
	size_t n = bd_keymap_help(km, ctx, kh, BD_ACT_COUNT);
	printf("[%s]\n", bd_context_name(ctx));
	for (size_t i = 0; i < n; i++) {
		if (kh[i].nkeys == 0)
			continue;
		for (int k = 0; k < kh[i].nkeys; k++) {
			char name[32];
			printf("%s%s", k ? ", " : "",
			       bd_key_format(kh[i].keys[k], name, sizeof(name)));
		}
		const struct bd_action_info *ai = bd_action_info(kh[i].action);
		printf("\t%s\t%s\n", ai->name, ai->help);
	}
}

int bd_cmd_keys(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"defaults", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *config = NULL;
	bool defaults = false;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'D':
			defaults = true;
			break;
		case 'h':
			bd_command_help(stdout, "keys");
			return BD_EXIT_OK;
		default:
			bd_command_help(stderr, "keys");
			return BD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		bd_warn("keys: unexpected argument '%s'", argv[optind]);
		bd_command_help(stderr, "keys");
		return BD_EXIT_USAGE;
	}

	struct bd_keymap km;
	struct bd_error err;
	bool ok;
	if (defaults) {
		/* The built-in bindings, changed only by a file given here. */
		bd_keymap_defaults(&km);
		ok = !config || bd_conf_load_file(NULL, &km, config, false, &err);
	} else {
		/* Exactly what `bouncedesk ui` binds (cmd_ui.c). */
		struct bd_policy pol;
		bd_policy_init(&pol);
		ok = bd_conf_load_standard(&pol, &km, config, &err);
		bd_policy_done(&pol);
	}
	if (!ok) {
		bd_warn("%s", err.msg);
		return BD_EXIT_FAIL;
	}
	for (int ctx = 0; ctx < BD_CTX_COUNT; ctx++) {
		if (ctx)
			putchar('\n');
		print_context(&km, (enum bd_context)ctx);
	}
	if (fflush(stdout) != 0) {
		bd_warn("keys: write error");
		return BD_EXIT_FAIL;
	}
	return BD_EXIT_OK;
}
