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

/* One diagnostic with its codes and stage, and the reason it must get. */
struct expect {
	const char *status, *reply, *diag, *command, *reason;
};

/* The verdict on one case as a plain relayed reply (verdict_with). */
static inline struct bd_verdict expect_verdict(const struct expect *c)
{
	return verdict_with(&defaults, c->status, c->reply, c->diag, c->command);
}

/* Tries every case with verdict(), names each one that gets another reason
 * (or, with category, another finer category: the reason itself where it
 * has none) and the rule that gave it, then fails once. */
static inline void check_expect_as(const struct expect *c, size_t n,
				   struct bd_verdict (*verdict)(const struct expect *),
				   bool category)
{
	size_t wrong = 0;
	for (size_t i = 0; i < n; i++) {
		struct bd_verdict v = verdict(&c[i]);
		const char *got = category ? v.category->id : v.reason->id;
		if (strcmp(got, c[i].reason) != 0) {
			print_message("WRONG \"%s\": %s (%s), not %s\n", c[i].diag, got, v.rule,
				      c[i].reason);
			wrong++;
		}
	}
	if (wrong)
		fail_msg("%zu of %zu cases got another reason", wrong, n);
}

static inline void check_expect(const struct expect *c, size_t n,
				struct bd_verdict (*verdict)(const struct expect *))
{
	check_expect_as(c, n, verdict, false);
}

#define CHECK_CATEGORIES(cases) \
	check_expect_as(cases, sizeof(cases) / sizeof(cases[0]), expect_verdict, true)
#define CHECK(cases) check_expect(cases, sizeof(cases) / sizeof(cases[0]), expect_verdict)

/* Is the verdict on this diagnostic a hard bounce? */
static inline bool hard(const char *status, const char *reply, const char *diag,
			const char *command)
{
	return verdict_with(&defaults, status, reply, diag, command).hardbounce;
}

#endif
