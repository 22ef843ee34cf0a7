/* main.c: bouncedesk's entry point: dispatches to a subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef BD_VERSION
#define BD_VERSION "0.1"
#endif

const struct bd_command bd_commands[] = {
	{"parse", bd_cmd_parse, "print what each bounce says about each failed recipient",
	 "[--format=tsv|csv|json] [--max-size=BYTES] INPUT...", NULL},
	{"classify", bd_cmd_classify,
	 "like parse, plus the reason, hard/soft and the rule that decided",
	 "[--format=tsv|csv|json] [--rules=FILE]... [--max-size=BYTES] INPUT...", NULL},
	{"rules", bd_cmd_rules, "check rule files, list categories, explain a classification",
	 "check [FILE...] | list | explain [--rules=FILE]... INPUT...", NULL},
	{"ingest", bd_cmd_ingest, "store bounces, classify them and apply the stop rules",
	 "[--db=PATH] [--keep] [--quiet] [--config=FILE] [--rules=FILE]... INPUT...",
	 "  --db=PATH       the store (default $BOUNCEDESK_DB, else\n"
	 "                  $XDG_DATA_HOME/bouncedesk/bouncedesk.db)\n"
	 "  --keep          leave Maildir messages in new/ (else they move to cur/\n"
	 "                  once committed)\n"
	 "  --quiet         no summary (the default when reading only - into a pipe)\n"
	 "  --config=FILE   stop rules read after bouncedesk.conf in /etc/bouncedesk and\n"
	 "                  ~/.config/bouncedesk\n"
	 "  --rules=FILE    extra classification rules\n"
	 "  --max-size=N    bytes; a larger message is stored as unparsed\n"
	 "Exit status: 0 all committed; 1 an input could not be read or a file is bad;\n"
	 "75 the store is locked, full or unavailable: nothing uncommitted is lost,\n"
	 "run again (a mail server retries by itself).\n"},
	{"stop", bd_cmd_stop, "stop sending to addresses", "[--db=PATH] [--reason=TEXT] ADDR...",
	 "  --reason=TEXT   why, for the journal (with your login name and the time)\n"
	 "  --db=PATH       the store (default $BOUNCEDESK_DB, else\n"
	 "                  $XDG_DATA_HOME/bouncedesk/bouncedesk.db)\n"},
	{"resume", bd_cmd_resume, "allow sending to addresses again",
	 "[--db=PATH] [--reason=TEXT] ADDR...",
	 "  --reason=TEXT   why, for the journal (with your login name and the time)\n"
	 "  --db=PATH       the store (default $BOUNCEDESK_DB, else\n"
	 "                  $XDG_DATA_HOME/bouncedesk/bouncedesk.db)\n"},
	{"confirm", bd_cmd_confirm, "accept the automatic decision on addresses",
	 "[--db=PATH] [--reason=TEXT] ADDR...",
	 "  --reason=TEXT   why, for the journal (with your login name and the time)\n"
	 "  --db=PATH       the store (default $BOUNCEDESK_DB, else\n"
	 "                  $XDG_DATA_HOME/bouncedesk/bouncedesk.db)\n"},
	{"clear", bd_cmd_clear, "delete addresses' bounce logs once the problem is fixed",
	 "[--db=PATH] [--reason=TEXT] ADDR...",
	 "  --reason=TEXT   why, for the journal (with your login name and the time)\n"
	 "  --db=PATH       the store (default $BOUNCEDESK_DB, else\n"
	 "                  $XDG_DATA_HOME/bouncedesk/bouncedesk.db)\n"},
	{"show", bd_cmd_show, "an address's state, bounces and journal", "[--db=PATH] ADDR", NULL},
	{"check", bd_cmd_check, "may this address be mailed? (exit 0 yes, 1 no, 2 error)",
	 "[--db=PATH] ADDR",
	 "Exit status: 0 may be mailed (active, or never bounced, or no store yet);\n"
	 "1 stopped or on hold; 2 an error.\n"},
	{"export", bd_cmd_export, "the addresses not to mail",
	 "[--db=PATH] [--format=txt|csv|json|postfix] [--state=stopped,hold,active]",
	 "  --format=F      txt: one address a line (default); csv, json: with state,\n"
	 "                  reason, rule, actor and dates; postfix: an access(5) map,\n"
	 "                  'ADDRESS REJECT bouncedesk: STATE: REASON'\n"
	 "  --state=LIST    which states (default stopped,hold)\n"},
	{"stats", bd_cmd_stats, "counts per reason, state and domain; sender-side incidents",
	 "[--db=PATH]", NULL},
	{"unparsed", bd_cmd_unparsed, "stored messages that could not be read, with the reason",
	 "[--db=PATH] [--format=tsv|csv|json]", NULL},
	{"ui", bd_cmd_ui, "review bounces in the terminal UI (the default without a command)",
	 "[--db=PATH] [--config=FILE] [--read-only]",
	 "  --read-only     browse only: decisions are refused and the store is not\n"
	 "                  written (the default when the file cannot be written)\n"},
	{"raw", bd_cmd_raw, "print a stored message as it was received", "[--db=PATH] ID", NULL},
	{"keys", bd_cmd_keys, "list the key bindings of the terminal UI, screen by screen",
	 "[--config=FILE] [--defaults]",
	 "  --config=FILE   bindings read after bouncedesk.conf in /etc/bouncedesk and\n"
	 "                  ~/.config/bouncedesk, as 'bouncedesk ui --config' reads them\n"
	 "  --defaults      the built-in bindings: read neither of those files (a\n"
	 "                  --config FILE still applies on top)\n"
	 "Prints, per context, '[CONTEXT]' and then one line per action a key reaches:\n"
	 "KEYS<TAB>ACTION<TAB>help, keys joined by ', '; the screen's own keys first,\n"
	 "then the global keys it does not shadow, as the help screen shows them.\n"
	 "Exit status: 0 listed; 1 a configuration file is bad (FILE:LINE); 2 usage.\n"},
	{"explain", bd_cmd_explain, "what an SMTP reply or enhanced status code means",
	 "[--lang=en|ja] [--config=FILE] CODE...",
	 "CODE is a reply code (550), an enhanced status code (5.1.1, also #5.1.1 or\n"
	 "5.1.1:), a class-free one (X.1.1), or a pasted diagnostic line in quotes\n"
	 "(\"550 5.1.1 <a@example.com>: User unknown\": each code in it).  Prints the\n"
	 "official meaning, the class and subject, what servers mean by it, and what\n"
	 "bouncedesk reads it as: reason, hard or soft, permanent, and the stop rule.\n"
	 "  --lang=en|ja    language (default from LC_ALL, LC_MESSAGES, LANG)\n"
	 "  --config=FILE   stop rules read after bouncedesk.conf in /etc/bouncedesk and\n"
	 "                  ~/.config/bouncedesk\n"
	 "Exit status: 0 every code explained; 1 a code is unknown or malformed (the\n"
	 "others are still explained); 2 wrong usage.\n"},
	{NULL, NULL, NULL, NULL, NULL},
};

void bd_warn(const char *fmt, ...)
{
	va_list ap;
	fputs("bouncedesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void bd_command_help(FILE *fp, const char *name)
{
	for (const struct bd_command *c = bd_commands; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			fprintf(fp, "usage: bouncedesk %s %s\n%s.\n", c->name, c->usage,
				c->summary);
			if (fp == stdout && c->details)
				fprintf(fp, "\n%s", c->details);
		}
	}
}

static void usage(FILE *fp)
{
	fputs("usage: bouncedesk [--version] [--help] [--db PATH] [COMMAND [ARGS]]\n\n"
	      "Without a command, opens the store in the terminal UI.\n"
	      "Reads bounced mail and reports, for every failed recipient, why it failed.\n\n"
	      "Commands:\n",
	      fp);
	for (const struct bd_command *c = bd_commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fputs("\nINPUT is a message file, an mbox, a Maildir, a directory of message files,\n"
	      "or - for standard input.  'bouncedesk COMMAND --help' describes a command.\n"
	      "See bouncedesk(1).\n",
	      fp);
}

int main(int argc, char **argv)
{
	/* No command, or only --db: the terminal UI. */
	if (argc < 2 || strncmp(argv[1], "--db", 4) == 0)
		return bd_cmd_ui(argc, argv);
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return BD_EXIT_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("bouncedesk %s\n", BD_VERSION);
		return BD_EXIT_OK;
	}
	for (const struct bd_command *c = bd_commands; c->name; c++) {
		if (strcmp(c->name, cmd) == 0)
			return c->run(argc - 1, argv + 1);
	}
	bd_warn("unknown command '%s' (see 'bouncedesk --help')", cmd);
	return BD_EXIT_USAGE;
}
