/* cmd_classify.c: "bouncedesk classify": parse plus reason, category,
 * hardbounce, permanent and the deciding rule for every recipient. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../core/classify.h"
#include "../core/rules.h"
#include "cli.h"
#include "rows.h"

static const char *const class_cols[] = {"reason", "category", "hardbounce", "permanent", "rule"};

struct fill_ctx {
	struct bd_ruleset *rules;
	struct bd_verdict v;
};

static void fill(void *ctx, const struct bd_report *r, const struct bd_rcpt *rc, const char **vals)
{
	struct fill_ctx *c = ctx;
	bd_classify(c->rules, r, rc, &c->v, NULL, NULL);
	vals[0] = c->v.reason->id;
	vals[1] = c->v.category->id;
	vals[2] = c->v.hardbounce ? "1" : "0";
	vals[3] = c->v.permanent ? "1" : "0";
	vals[4] = c->v.rule;
}

bool bd_cli_load_rules(struct bd_ruleset *rules, char *const *extra, size_t nextra)
{
	struct bd_error err;
	bd_ruleset_init(rules);
	if (!bd_ruleset_load_standard(rules, extra, nextra, &err)) {
		bd_warn("%s", err.msg);
		bd_ruleset_done(rules);
		return false;
	}
	return true;
}

int bd_cmd_classify(int argc, char **argv)
{
	struct bd_rows_opts opts;
	int rc = bd_rows_getopt(argc, argv, "classify", &opts);
	if (rc >= 0)
		return rc;
	struct bd_ruleset rules;
	if (!bd_cli_load_rules(&rules, opts.rules, opts.nrules)) {
		bd_rows_opts_done(&opts);
		return BD_EXIT_FAIL;
	}
	struct fill_ctx ctx = {.rules = &rules};
	struct bd_rows_ext ext = {class_cols, sizeof(class_cols) / sizeof(class_cols[0]), &ctx,
				  fill};
	rc = bd_rows_run(&opts, &ext);
	bd_ruleset_done(&rules);
	bd_rows_opts_done(&opts);
	return rc;
}
