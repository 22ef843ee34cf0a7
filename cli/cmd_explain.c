/* cmd_explain.c: "bouncedesk explain CODE...": what an SMTP reply code or
 * enhanced status code means and what bouncedesk reads it as (the text is
 * built by core/explain.c, as in the terminal UI). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../core/explain.h"
#include "../core/help.h"
#include "../core/policy.h"
#include "cli.h"

/* The terminal's width when stdout is one, else 80. */
static int output_width(void)
{
	if (!isatty(STDOUT_FILENO))
		return 80;
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	int n = cols ? atoi(cols) : 0;
	return n > 0 ? n : 80;
}

/* Explains one well-formed code; false when it is not registered. */
static bool explain_one(const char *code, const char *lang, int width,
			const struct bd_policy *policy, int *printed)
{
	struct bd_buf out;
	bd_buf_init(&out);
	bool ok = bd_explain_code(&out, code, lang, width, policy);
	if (out.len) {
		if ((*printed)++)
			putchar('\n');
		fwrite(out.data, 1, out.len, stdout);
	}
	bd_buf_done(&out);
	if (!ok) {
		char norm[BD_CODE_MAX];
		bd_code_normalise(code, norm);
		bd_warn("explain: %s is not a registered code", norm);
	}
	return ok;
}

int bd_cmd_explain(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *lang = bd_help_lang(), *config = NULL;
	int c;
	optind = 1;
	/* "+": codes never start with '-', and stopping at the first one keeps
	 * a pasted "550-5.1.1 ..." whole. */
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (strcmp(optarg, "en") != 0 && strcmp(optarg, "ja") != 0) {
				bd_warn("explain: --lang is en or ja");
				return BD_EXIT_USAGE;
			}
			lang = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'h':
			bd_command_help(stdout, "explain");
			return BD_EXIT_OK;
		default:
			bd_command_help(stderr, "explain");
			return BD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bd_command_help(stderr, "explain");
		return BD_EXIT_USAGE;
	}
	struct bd_policy policy;
	struct bd_error err;
	bd_policy_init(&policy);
	if (!bd_policy_load_standard(&policy, config, &err)) {
		bd_warn("%s", err.msg);
		bd_policy_done(&policy);
		return BD_EXIT_FAIL;
	}
	int width = output_width(), status = BD_EXIT_OK, printed = 0;
	for (int i = optind; i < argc; i++) {
		char norm[BD_CODE_MAX];
		if (bd_code_normalise(argv[i], norm) != BD_CODE_NONE) {
			if (!explain_one(norm, lang, width, &policy, &printed))
				status = BD_EXIT_FAIL;
			continue;
		}
		/* A pasted diagnostic line: the codes in it, in order. */
		char found[8][BD_CODE_MAX];
		size_t n = bd_code_scan(argv[i], found, 8);
		if (n == 0) {
			bd_warn("explain: '%s' is not an SMTP reply code or enhanced status code",
				argv[i]);
			status = BD_EXIT_FAIL;
			continue;
		}
		for (size_t k = 0; k < n && k < 8; k++) {
			if (!explain_one(found[k], lang, width, &policy, &printed))
				status = BD_EXIT_FAIL;
		}
	}
	bd_policy_done(&policy);
	return status;
}
