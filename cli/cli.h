/* cli.h: the command-line front end's shared pieces.
 *
 * Every subcommand is a function taking its own argv (argv[0] is the
 * subcommand name) and returning the process exit status.  Only the front
 * end prints to the terminal or exits.
 */
#ifndef BD_CLI_H
#define BD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses (sysexits-style where a mail server reads them). */
enum {
	BD_EXIT_OK = 0,
	BD_EXIT_FAIL = 1,  /* the command ran but something failed (see stderr) */
	BD_EXIT_USAGE = 2, /* bad arguments */
	BD_EXIT_TEMPFAIL = 75,
};

struct bd_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage;   /* the synopsis after "bouncedesk NAME " */
	const char *details; /* options and exit statuses for --help, or NULL */
};

extern const struct bd_command bd_commands[];

/* Prints "bouncedesk: " + message to stderr. */
void bd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The shared "--help" text of a command, to fp. */
void bd_command_help(FILE *fp, const char *name);

int bd_cmd_parse(int argc, char **argv);
int bd_cmd_classify(int argc, char **argv);
int bd_cmd_rules(int argc, char **argv);
int bd_cmd_ingest(int argc, char **argv);
int bd_cmd_stop(int argc, char **argv);
int bd_cmd_resume(int argc, char **argv);
int bd_cmd_confirm(int argc, char **argv);
int bd_cmd_clear(int argc, char **argv);
int bd_cmd_show(int argc, char **argv);
int bd_cmd_check(int argc, char **argv);
int bd_cmd_export(int argc, char **argv);
int bd_cmd_stats(int argc, char **argv);
int bd_cmd_unparsed(int argc, char **argv);
int bd_cmd_raw(int argc, char **argv);
int bd_cmd_ui(int argc, char **argv);
int bd_cmd_keys(int argc, char **argv);
int bd_cmd_explain(int argc, char **argv);

struct bd_ruleset;
/* Loads the standard rule set plus extra files; prints the error and
 * returns false when any file is bad (the program must not go on with half
 * a rule set). */
bool bd_cli_load_rules(struct bd_ruleset *rules, char *const *extra, size_t nextra);

#endif
