/* testrules.h: what the rule tests share: the default rule set, loaded once
 * per group, and the verdict on one failed recipient with given codes,
 * words and stage. */
#ifndef BD_TESTRULES_H
#define BD_TESTRULES_H

#include "testlib.h"

#include "../../core/classify.h"
#include "../../core/reason.h"
#include "../../core/rules.h"

static struct bd_ruleset defaults;

static int load_defaults(void **state)
{
	(void)state;
	struct bd_error err;
	bd_ruleset_init(&defaults);
	if (!bd_ruleset_add_default(&defaults, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	bd_ruleset_finish(&defaults);
	return 0;
}

static int free_defaults(void **state)
{
	(void)state;
	bd_ruleset_done(&defaults);
	return 0;
}

/* Classifies one failed recipient whose fields are those of f (its action
 * "failed" unless f says otherwise). */
static inline struct bd_verdict verdict_of_rcpt(struct bd_ruleset *rs, struct bd_rcpt f)
{
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_BOUNCE;
	struct bd_rcpt *rc = bd_report_rcpt(&r, "someone@example.com");
	f.recipient = rc->recipient;
	if (!f.action)
		f.action = "failed";
	*rc = f;
	struct bd_verdict v;
	bd_classify(rs, &r, rc, &v, NULL, NULL);
	bd_report_done(&r);
	return v;
}

/* Classifies one failed recipient with the given codes, words and stage. */
static inline struct bd_verdict verdict_with(struct bd_ruleset *rs, const char *status,
					     const char *reply, const char *diag,
					     const char *command)
{
	return verdict_of_rcpt(rs, (struct bd_rcpt){.status = status,
						    .replycode = reply,
						    .diagnostic = diag,
						    .command = command});
}

#endif
