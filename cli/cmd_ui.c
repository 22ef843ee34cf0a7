/* cmd_ui.c: `bouncedesk [ui] [--db PATH] [--config FILE] [--read-only]`:
 * opens the store in the terminal UI (tui/), read-only when asked or when
 * the file cannot be written; --keys/--dump/--size drive it from a key
 * script for tests, --timings FILE times each key of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/conf.h"
#include "../tui/tui.h"
#include "cli.h"
#include "storecli.h"

static const char *arg_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int bd_cmd_ui(int argc, char **argv)
{
	double started = bd_tui_clock_ms();
	const char *db = NULL, *config = NULL, *keys = NULL, *dump = NULL, *size = NULL,
		   *timings = NULL;
	bool want_readonly = false;
	for (int i = 1; i < argc; i++) {
		const char *v;
		if ((v = arg_value(argc, argv, &i, "--db")))
			db = v;
		else if ((v = arg_value(argc, argv, &i, "--config")))
			config = v;
		else if ((v = arg_value(argc, argv, &i, "--keys")))
			keys = v;
		else if ((v = arg_value(argc, argv, &i, "--dump")))
			dump = v;
		else if ((v = arg_value(argc, argv, &i, "--size")))
			size = v;
		else if ((v = arg_value(argc, argv, &i, "--timings")))
			timings = v;
		else if (strcmp(argv[i], "--read-only") == 0)
			want_readonly = true;
		else if (strcmp(argv[i], "--help") == 0) {
			bd_command_help(stdout, "ui");
			return BD_EXIT_OK;
		} else {
			bd_warn("ui: unknown argument '%s'", argv[i]);
			bd_command_help(stderr, "ui");
			return BD_EXIT_USAGE;
		}
	}
	int rows = 24, cols = 80;
	if (size && sscanf(size, "%dx%d", &cols, &rows) != 2) {
		bd_warn("ui: --size wants COLSxROWS, e.g. 80x24");
		return BD_EXIT_USAGE;
	}
	if (timings && !keys) {
		bd_warn("ui: --timings needs --keys");
		return BD_EXIT_USAGE;
	}
	if (!keys && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		bd_warn("the UI needs a terminal (see 'bouncedesk --help' for the commands)");
		return BD_EXIT_USAGE;
	}

	struct bd_policy pol;
	struct bd_keymap km;
	struct bd_error cerr;
	bd_policy_init(&pol);
	if (!bd_conf_load_standard(&pol, &km, config, &cerr)) {
		bd_warn("%s", cerr.msg);
		bd_policy_done(&pol);
		return BD_EXIT_FAIL;
	}

	char def[4096];
	if (!db) {
		if (!bd_store_default_path(def, sizeof(def))) {
			bd_warn("no store path: set HOME, XDG_DATA_HOME or BOUNCEDESK_DB, or use "
				"--db PATH");
			bd_policy_done(&pol);
			return BD_EXIT_FAIL;
		}
		db = def;
	}
	struct stat st;
	if (stat(db, &st) != 0) {
		bd_warn("no store at %s yet: store bounces first with 'bouncedesk ingest --db %s "
			"MAILDIR' (see README.md)",
			db, db);
		bd_policy_done(&pol);
		return BD_EXIT_FAIL;
	}
	bool readonly = want_readonly || access(db, W_OK) != 0;
	struct bd_store *s;
	struct bd_store_error err;
	if (!bd_store_open(db, readonly ? BD_STORE_READONLY : 0, bd_cli_busy_ms(), &s, &err)) {
		if (err.code == BD_STORE_BUSY)
			bd_warn("%s (another bouncedesk is writing it; try again in a moment)",
				err.msg);
		else
			bd_warn("%s", err.msg);
		bd_policy_done(&pol);
		return BD_EXIT_FAIL;
	}

	struct bd_tui_opts o = {
		.store = s,
		.policy = &pol,
		.keymap = &km,
		.actor = bd_cli_actor(),
		.readonly = readonly,
		.keys = keys,
		.dump = dump,
		.timings = timings,
		.started_ms = started,
		.rows = rows,
		.cols = cols,
	};
	char msg[512];
	int rc = bd_tui_run(&o, msg, sizeof(msg));
	bd_store_close(s);
	bd_policy_done(&pol);
	if (msg[0])
		bd_warn("%s", msg);
	return rc;
}
