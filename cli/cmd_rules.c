/* cmd_rules.c: "bouncedesk rules": check rule files, list the categories,
 * and explain which rules matched each recipient of a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/classify.h"
#include "../core/input.h"
#include "../core/parse.h"
#include "../core/reason.h"
#include "../core/rules.h"
#include "cli.h"
#include "rows.h"

static int rules_check(int argc, char **argv)
{
	struct bd_ruleset rules;
	if (argc == 0) {
		/* No files: the rule set this machine would use. */
		if (!bd_cli_load_rules(&rules, NULL, 0))
			return BD_EXIT_FAIL;
		/* The built-in patterns are compiled on first use elsewhere;
		 * a check compiles them all. */
		struct bd_error err;
		if (!bd_ruleset_compile_all(&rules, &err)) {
			bd_warn("%s", err.msg);
			bd_ruleset_done(&rules);
			return BD_EXIT_FAIL;
		}
		printf("rules: ok, %zu rules\n", rules.n);
		bd_ruleset_done(&rules);
		return BD_EXIT_OK;
	}
	int status = BD_EXIT_OK;
	for (int i = 0; i < argc; i++) {
		struct bd_error err;
		bd_ruleset_init(&rules);
		if (bd_ruleset_add_file(&rules, argv[i], &err)) {
			printf("%s: ok, %zu rules\n", argv[i], rules.n);
		} else {
			bd_warn("%s", err.msg);
			status = BD_EXIT_FAIL;
		}
		bd_ruleset_done(&rules);
	}
	return status;
}

static int rules_list(void)
{
	printf("%-16s %-16s %-10s %-4s %s\n", "category", "reason", "group", "hard", "meaning");
	for (size_t i = 0; i < bd_nreasons; i++) {
		const struct bd_reason *r = &bd_reasons[i];
		printf("%-16s %-16s %-10s %-4s %s\n", r->id, bd_reason_base(r)->id,
		       bd_group_name(r->group), r->hard ? "yes" : "no", r->meaning);
	}
	return BD_EXIT_OK;
}

struct explain_ctx {
	int n;
};

static bool explain_cb(void *ctx, const struct bd_rule *rule)
{
	struct explain_ctx *c = ctx;
	printf("    %s %s:%d  %s%s%s%s%s%s%s%s%s%s%s%s\n", c->n == 0 ? "*" : " ", rule->file,
	       rule->line, rule->category->id, rule->detector ? " detector=" : "",
	       rule->detector ? rule->detector : "", rule->mta_category ? " mta-category=" : "",
	       rule->mta_category ? rule->mta_category : "", rule->command ? " command=" : "",
	       rule->command ? rule->command : "", rule->status ? " status=" : "",
	       rule->status ? rule->status : "",
	       rule->address ? (rule->address > 0 ? " address=judged" : " address=unjudged") : "",
	       rule->pattern ? " /" : "", rule->pattern ? rule->pattern : "");
	c->n++;
	return true;
}

static void print_field(const char *name, const char *v)
{
	if (!v)
		return;
	printf("  %-12s ", name);
	/* The diagnostic is hostile text: show control characters visibly. */
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			printf("^%c", *p == 0x7f ? '?' : *p + 64);
		else
			putchar(*p);
	}
	putchar('\n');
}

/* Prints, for each recipient of one message, its fields, every wording rule
 * that matched and the decision. */
static void explain_report(void *arg, const struct bd_input_msg *m, const struct bd_report *r)
{
	struct bd_ruleset *rules = arg;
	printf("%s: %s, detector %s\n", m->name, bd_kind_name(r->kind),
	       r->detector ? r->detector : "none");
	if (r->error)
		print_field("error", r->error);
	size_t n = r->n ? r->n : 1;
	for (size_t k = 0; k < n; k++) {
		const struct bd_rcpt *rc = r->n ? &r->rcpt[k] : NULL;
		printf("recipient %s\n", rc && rc->recipient ? rc->recipient : "(none)");
		if (rc) {
			print_field("status", rc->status);
			print_field("replycode", rc->replycode);
			print_field("command", rc->command);
			print_field("mta-category", rc->mta_category);
			/* The evidence address= rules read (classify.c). */
			print_field("address", bd_address_judged(rc) ? "judged" : "unjudged");
			print_field("diagnostic", rc->diagnostic);
		}
		printf("  matching wording rules, in order (* = first):\n");
		struct explain_ctx ctx = {0};
		struct bd_verdict v;
		bd_classify(rules, r, rc, &v, explain_cb, &ctx);
		if (ctx.n == 0)
			printf("    (none)\n");
		printf("  decided      %s (category %s) by %s; hardbounce %d, permanent %d\n",
		       v.reason->id, v.category->id, v.rule, v.hardbounce, v.permanent);
	}
}

static int rules_explain(int argc, char **argv)
{
	char **extra = NULL;
	size_t nextra = 0;
	int i = 0;
	for (; i < argc; i++) {
		if (strncmp(argv[i], "--rules=", 8) == 0) {
			extra = bd_xrealloc(extra, (nextra + 1) * sizeof(*extra));
			extra[nextra++] = argv[i] + 8;
		} else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
			extra = bd_xrealloc(extra, (nextra + 1) * sizeof(*extra));
			extra[nextra++] = argv[++i];
		} else {
			break;
		}
	}
	if (i >= argc) {
		free(extra);
		bd_command_help(stderr, "rules");
		return BD_EXIT_USAGE;
	}
	struct bd_ruleset rules;
	if (!bd_cli_load_rules(&rules, extra, nextra)) {
		free(extra);
		return BD_EXIT_FAIL;
	}
	free(extra);
	int status = bd_each_report(argv + i, (size_t)(argc - i), NULL, explain_report, &rules);
	bd_ruleset_done(&rules);
	return status;
}

int bd_cmd_rules(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		bd_command_help(argc < 2 ? stderr : stdout, "rules");
		return argc < 2 ? BD_EXIT_USAGE : BD_EXIT_OK;
	}
	if (strcmp(argv[1], "check") == 0)
		return rules_check(argc - 2, argv + 2);
	if (strcmp(argv[1], "list") == 0)
		return rules_list();
	if (strcmp(argv[1], "explain") == 0)
		return rules_explain(argc - 2, argv + 2);
	bd_warn("rules: unknown subcommand '%s' (check, list, explain)", argv[1]);
	return BD_EXIT_USAGE;
}
