/* classify.h: reason, hard/soft and the deciding rule for one recipient.
 *
 * The order of evidence (bouncedesk-rules(5) documents it):
 *   1. the kind of message: auto-reply -> vacation, ARF -> feedback,
 *      success notice -> delivered;
 *   2. strong wording rules over the diagnostic (rules.h, priority >= 0),
 *      most specific first; a rule may ask whether the bounce shows the
 *      address itself was judged (address=, bd_address_judged), which is
 *      what tells "user unknown" (hard) from a filter's refusal (soft);
 *   3. a failure that carries a temporary (4xx) code: expired, since the
 *      sending MTA gave up retrying (not when it was reported within
 *      minutes of the DSN's Arrival-Date: nothing was retried);
 *   4. the enhanced status code (RFC 3463 subject and detail);
 *   5. the SMTP reply code;
 *   5b. weak wording rules (priority < 0): generic phrases that should not
 *      overrule a precise code;
 *   6. the action: delayed -> expired;
 *   7. onhold when there is a diagnostic, undefined when there is nothing.
 * Two answers are kept apart: hardbounce (is the address bad?) comes from
 * the reason, with the codes breaking ties; permanent (did the server call
 * the failure permanent?) comes from the codes alone.
 */
#ifndef BD_CLASSIFY_H
#define BD_CLASSIFY_H

#include <stdbool.h>

#include "reason.h"
#include "report.h"
#include "rules.h"

struct bd_verdict {
	const struct bd_reason *reason;   /* vocabulary reason */
	const struct bd_reason *category; /* finer category, or == reason */
	bool hardbounce;
	bool permanent;
	char rule[160]; /* "default.rules:212", "status:5.1.1", "reply:552", ... */
};

/* Classifies one recipient of r (rc NULL: a message without recipients).
 * cb, when given, sees every wording rule that matched (for "explain"). */
void bd_classify(struct bd_ruleset *rules, const struct bd_report *r, const struct bd_rcpt *rc,
		 struct bd_verdict *v, bd_rule_cb cb, void *ctx);

/* Does the bounce show that rc's address itself was judged, so that
 * user-unknown wording is an address verdict (see classify.c)? */
bool bd_address_judged(const struct bd_rcpt *rc);

/* Is the failure permanent by its codes (reason default when it has none)? */
bool bd_verdict_permanent(const char *status, const char *reply, const struct bd_reason *reason);

#endif
