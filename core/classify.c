/* classify.c: the order of evidence (see classify.h). */
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "codes.h"
#include "date.h"
#include "str.h"

bool bd_verdict_permanent(const char *status, const char *reply, const struct bd_reason *reason)
{
	if (status && (status[0] == '4' || status[0] == '5' || status[0] == '2'))
		return bd_status_permanent(status);
	if (reply && reply[0] >= '2' && reply[0] <= '5')
		return reply[0] == '5';
	return reason ? reason->permanent : false;
}

static void set(struct bd_verdict *v, const char *id, const char *fmt, const char *arg)
{
	const struct bd_reason *c = bd_reason_get(id);
	v->category = c;
	v->reason = bd_reason_base(c);
	snprintf(v->rule, sizeof(v->rule), fmt, arg);
}

static void apply_rule(struct bd_verdict *v, const struct bd_rule *m)
{
	if (!m)
		return;
	v->category = m->category;
	v->reason = bd_reason_base(m->category);
	snprintf(v->rule, sizeof(v->rule), "%s:%d", m->file, m->line);
}

/* Whose verdict is "user unknown"?
 *
 * The words "user unknown", "no such user", "mailbox unavailable" prove
 * that the address is bad (userunknown, a hard bounce) only when the bounce
 * shows that the address itself was judged:
 *   - the server said them in answer to RCPT TO, before it had seen any
 *     content (command RCPT);
 *   - the enhanced status is an address status, X.1.x (RFC 3463 3.2: the
 *     address is bad), whatever the stage;
 *   - the host that wrote the report decided itself, in its own delivery:
 *     a local delivery program (command LOCAL), or an RFC 3464 report that
 *     names its Reporting-MTA and no Remote-MTA (RFC 3464 2.3.5: a failed
 *     relay over SMTP must name the remote MTA, so there was none).
 * The same words in answer to DATA, or relayed from a further hop by a
 * gateway that does not say at which stage they came, with a status that
 * is not about the address (X.0.0, X.2.x mailbox, X.7.x policy) or none,
 * are a filter's refusal of the message: a content filter or a mailbox
 * rule on the recipient's side that answers with "unknown" words.  Those
 * are classified filtered (soft: the address may well exist).
 *
 * Rules read this through the "address=judged|unjudged" key (rules.h);
 * default.rules turns unjudged user-unknown wording into filtered.  A
 * format whose own text is the mail store's directory verdict (the
 * detector knows it) says so with a detector= rule, which outranks it. */
bool bd_address_judged(const struct bd_rcpt *rc)
{
	if (!rc)
		return false;
	if (rc->command && (strcmp(rc->command, "RCPT") == 0 || strcmp(rc->command, "LOCAL") == 0))
		return true;
	int cls, subject, detail;
	if (bd_status_split(rc->status, &cls, &subject, &detail) && subject == 1)
		return true;
	return rc->reporting_mta && !rc->remote_mta;
}

/* A temporary code (4xx) on an address reason means "may come back". */
static bool temporary_code(const char *status, const char *reply)
{
	if (status && (status[0] == '4' || status[0] == '2'))
		return true;
	if (!status && reply && reply[0] == '4')
		return true;
	return false;
}

/* Did the report come out minutes after the message arrived?  Then no
 * retry window can have run out, whatever code it carries. */
static bool reported_at_once(const struct bd_report *r, const struct bd_rcpt *rc)
{
	int64_t arrived, reported;
	if (!rc->arrival || !r->date || !bd_date_parse(rc->arrival, &arrived) ||
	    !bd_date_parse(r->date, &reported))
		return false;
	return reported >= arrived && reported - arrived < 10 * 60;
}

void bd_classify(struct bd_ruleset *rules, const struct bd_report *r, const struct bd_rcpt *rc,
		 struct bd_verdict *v, bd_rule_cb cb, void *ctx)
{
	memset(v, 0, sizeof(*v));
	const char *status = rc ? rc->status : NULL;
	const char *reply = rc ? rc->replycode : NULL;
	const char *diag = rc ? rc->diagnostic : NULL;

	if (r->kind == BD_KIND_AUTOREPLY) {
		set(v, "vacation", "kind:%s", "autoreply");
	} else if (r->kind == BD_KIND_FEEDBACK) {
		set(v, "feedback", "kind:%s", "feedback");
	} else if (r->kind == BD_KIND_SUCCESS ||
		   (rc && rc->action &&
		    (strcmp(rc->action, "delivered") == 0 || strcmp(rc->action, "relayed") == 0 ||
		     strcmp(rc->action, "expanded") == 0))) {
		set(v, "delivered", "action:%s", rc && rc->action ? rc->action : "delivered");
	}
	struct bd_rule_input in = {0};
	char *lower = NULL;
	bool use_rules = !v->reason && rules && (diag || status || reply || r->detector);
	if (use_rules) {
		if (diag) {
			in.text = diag;
			in.len = strlen(diag);
			lower = bd_xstrndup(diag, in.len);
			bd_fold_case(lower, in.len);
			in.lower = lower;
		}
		in.status = status;
		in.reply = reply;
		in.detector = r->detector;
		in.command = rc ? rc->command : NULL;
		in.mta_category = rc ? rc->mta_category : NULL;
		in.address_judged = bd_address_judged(rc);
		if (cb) {
			in.pass = BD_RULES_ALL;
			bd_ruleset_match(rules, &in, cb, ctx);
		}
		in.pass = BD_RULES_STRONG;
		apply_rule(v, bd_ruleset_match(rules, &in, NULL, NULL));
	}
	/* A failure report carrying a temporary code: the sender's MTA gave up
	 * retrying, so the retry window ran out whatever the last error was.
	 * Not when the failure was reported as soon as the message arrived: a
	 * receiving system that turns a temporary error into a failure has
	 * retried nothing. */
	if (!v->reason && rc && rc->action &&
	    ((strcmp(rc->action, "failed") == 0 && !reported_at_once(r, rc)) ||
	     strcmp(rc->action, "delayed") == 0) &&
	    temporary_code(status, reply) && (status || reply))
		set(v, "expired", "gaveup:%s", status ? status : reply);
	/* A delay report that gives no code at all is temporary by its
	 * action: only strong wording outweighs the retries still running,
	 * as when it gives a temporary code. */
	if (!v->reason && rc && rc->action && strcmp(rc->action, "delayed") == 0 && !status &&
	    !reply && diag)
		set(v, "expired", "action:%s", "delayed");
	if (!v->reason && status) {
		const struct bd_status_info *si = bd_status_lookup(status);
		if (si && si->reason)
			set(v, si->reason, "status:%s", status);
	}
	if (!v->reason && reply) {
		const struct bd_reply_info *ri = bd_reply_lookup(atoi(reply));
		if (ri && ri->reason)
			set(v, ri->reason, "reply:%s", reply);
	}
	if (!v->reason && use_rules) {
		in.pass = BD_RULES_WEAK;
		apply_rule(v, bd_ruleset_match(rules, &in, NULL, NULL));
	}
	free(lower);
	if (!v->reason &&
	    (r->kind == BD_KIND_DELAY || (rc && rc->action && strcmp(rc->action, "delayed") == 0)))
		set(v, "expired", "action:%s", "delayed");
	if (!v->reason) {
		if (diag)
			set(v, "onhold", "%s", "none");
		else
			set(v, "undefined", "%s", "none");
	}
	v->permanent = bd_verdict_permanent(status, reply, v->reason);
	v->hardbounce = v->reason->hard && !temporary_code(status, reply);
}
