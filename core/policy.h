/* policy.h: the stop rules: what a bounce does to its address.
 *
 * A policy maps each reason (or finer category, or group of reasons) to an
 * action.  It comes from bouncedesk.conf (see bouncedesk.conf(5)):
 *
 *     window 30d                      soft bounces older than this stop counting
 *     policy userunknown stop         stop at the first hard bounce
 *     policy networkerror stop after=3 within=30d
 *     policy mailboxfull hold after=3
 *     policy group:sender incident    never counts against the address
 *     policy onhold review            flag for a human, change nothing
 *     policy vacation ignore
 *
 * Files: the built-in defaults (bd_policy_defaults), then
 * /etc/bouncedesk/bouncedesk.conf ($BOUNCEDESK_SYSCONFDIR), then
 * $XDG_CONFIG_HOME/bouncedesk/bouncedesk.conf, then any --config file; a
 * later line for the same key replaces an earlier one.
 *
 * A reason finds its entry by its own id, then the reason it refines, then
 * "group:NAME", then "default".  "after=N" counts distinct sends (distinct
 * original messages, so retries of one send count once) that bounced with a
 * reason of the same entry within the window, since the last success or
 * operator decision; this module decides, the store counts.
 */
#ifndef BD_POLICY_H
#define BD_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "reason.h"

enum bd_state {
	BD_STATE_ACTIVE,  /* may be mailed */
	BD_STATE_STOPPED, /* do not mail */
	BD_STATE_HOLD,    /* do not mail; reach the person another way (mailbox full) */
};

const char *bd_state_name(enum bd_state s);
/* Parses "active", "stopped", "hold"; false when unknown. */
bool bd_state_parse(const char *s, enum bd_state *out);

enum bd_policy_action {
	BD_POL_IGNORE,   /* record the bounce, nothing else */
	BD_POL_REVIEW,   /* flag the address for review, keep its state */
	BD_POL_STOP,     /* stop after N distinct sends (N=1: at once, if hard) */
	BD_POL_HOLD,     /* hold ("contact the person") after N distinct sends */
	BD_POL_INCIDENT, /* sender-side: count per receiving domain, not per address */
};

const char *bd_policy_action_name(enum bd_policy_action a);

struct bd_policy_entry {
	char key[40]; /* "userunknown", "group:sender", "default" */
	enum bd_policy_action action;
	int after;        /* distinct sends before acting; >= 1 */
	int within_days;  /* 0: the policy's window */
	char source[300]; /* "built-in:3", "/etc/bouncedesk/bouncedesk.conf:12" */
};

struct bd_policy {
	struct bd_policy_entry *v;
	size_t n, cap;
	int window_days; /* default window for counting (30) */
	int soft_after;  /* a "stop" entry meets a soft bounce: count to this (3) */
	char window_source[300];
};

void bd_policy_init(struct bd_policy *p);
void bd_policy_done(struct bd_policy *p);
/* Adds the built-in defaults (the provisional rules of the operator's
 * domain: stop user/host unknown at once, network trouble after 3 sends,
 * mailbox full -> hold after 3, sender-side refusals -> incidents). */
bool bd_policy_defaults(struct bd_policy *p, struct bd_error *err);
/* Reads one configuration text; name is used in messages as "name:LINE".
 * This and the two loaders below read whole bouncedesk.conf files through
 * conf.h, so `bind` lines are checked and otherwise ignored here. */
bool bd_policy_parse(struct bd_policy *p, const char *name, const char *text, size_t len,
		     struct bd_error *err);
/* Reads one file; a missing file is fine when optional. */
bool bd_policy_load_file(struct bd_policy *p, const char *path, bool optional,
			 struct bd_error *err);
/* Defaults, system file, user file, then extra (NULL for none). */
bool bd_policy_load_standard(struct bd_policy *p, const char *extra, struct bd_error *err);

/* One `window` or `policy` line split into words (conf.c splits the
 * file); errors read "name:lineno: ...". */
bool bd_policy_parse_words(struct bd_policy *p, const char *name, int lineno, char **w, int nw,
			   struct bd_error *err);
/* Makes dst (initialised) a copy of src. */
void bd_policy_copy(struct bd_policy *dst, const struct bd_policy *src);

/* The entry that applies to a reason or category.  Never NULL. */
const struct bd_policy_entry *bd_policy_for(const struct bd_policy *p,
					    const struct bd_reason *category);
/* Days counted back from a bounce for entry e. */
int bd_policy_window(const struct bd_policy *p, const struct bd_policy_entry *e);
/* How many distinct sends entry e needs before it acts on a bounce; 0 when
 * the entry never acts.  softened: the reason normally means a bad address
 * but this bounce carried a temporary code ("452 user unknown, try later"),
 * so a "stop" that would act at once counts to soft_after instead. */
int bd_policy_threshold(const struct bd_policy *p, const struct bd_policy_entry *e, bool softened);
/* Writes "userunknown stop [built-in:4]" (what fired) into buf. */
void bd_policy_describe(const struct bd_policy_entry *e, char *buf, size_t n);

struct bd_decision {
	enum bd_state state; /* the address's state after the bounce */
	bool changed;        /* state differs from before */
	bool review;         /* flag for the operator's review */
	bool incident;       /* count a sender-side incident for the domain */
};

/* What one bounce does.  cur: the address's state; run: distinct sends
 * that bounced under entry e within its window, this one included (only
 * read when bd_policy_threshold > 1). */
void bd_policy_decide(const struct bd_policy *p, const struct bd_policy_entry *e, bool softened,
		      enum bd_state cur, int run, struct bd_decision *d);

#endif
