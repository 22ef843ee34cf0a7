/* policy.c: stop rules from bouncedesk.conf (see policy.h). */
#include "policy.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conf.h"

/* The provisional rules of DOMAIN: address problems stop at once, trouble
 * that may clear by itself stops only when it persists across sends,
 * sender-side refusals never count against the address. */
static const char default_conf[] = "window 30d\n"
				   "policy default review\n"
				   "policy group:address stop\n"
				   "policy suspend stop after=3\n"
				   "policy filtered stop after=3\n"
				   "policy group:sender incident\n"
				   "policy group:temporary stop after=3\n"
				   "policy networkerror stop after=3\n"
				   "policy mailboxfull hold after=3\n"
				   "policy greylisted ignore\n"
				   "policy onhold review\n"
				   "policy undefined review\n"
				   "policy feedback stop\n"
				   "policy vacation ignore\n"
				   "policy delivered ignore\n";

static const char *const state_names[] = {"active", "stopped", "hold"};
static const char *const action_names[] = {"ignore", "review", "stop", "hold", "incident"};

const char *bd_state_name(enum bd_state s)
{
	return (unsigned)s < 3 ? state_names[s] : "?";
}

bool bd_state_parse(const char *s, enum bd_state *out)
{
	for (int i = 0; i < 3; i++) {
		if (s && strcmp(s, state_names[i]) == 0) {
			*out = (enum bd_state)i;
			return true;
		}
	}
	return false;
}

const char *bd_policy_action_name(enum bd_policy_action a)
{
	return (unsigned)a < 5 ? action_names[a] : "?";
}

void bd_policy_init(struct bd_policy *p)
{
	memset(p, 0, sizeof(*p));
	p->window_days = 30;
	p->soft_after = 3;
	snprintf(p->window_source, sizeof(p->window_source), "built-in");
}

void bd_policy_done(struct bd_policy *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static struct bd_policy_entry *entry_for_key(struct bd_policy *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].key, key) == 0)
			return &p->v[i];
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->v = bd_xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	struct bd_policy_entry *e = &p->v[p->n++];
	memset(e, 0, sizeof(*e));
	snprintf(e->key, sizeof(e->key), "%s", key);
	return e;
}

/* "30d", "30" (days), "2w": a positive number of days, or -1. */
static int parse_days(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || errno || v <= 0 || v > 36500)
		return -1;
	if (*end == '\0' || strcmp(end, "d") == 0)
		return (int)v;
	if (strcmp(end, "w") == 0 && v <= 5200)
		return (int)v * 7;
	return -1;
}

static bool valid_key(const char *k)
{
	if (strcmp(k, "default") == 0)
		return true;
	if (strncmp(k, "group:", 6) == 0) {
		for (int g = BD_GROUP_ADDRESS; g <= BD_GROUP_NOTBOUNCE; g++) {
			if (strcmp(k + 6, bd_group_name((enum bd_group)g)) == 0)
				return true;
		}
		return false;
	}
	return bd_reason_get(k) != NULL;
}

bool bd_policy_parse_words(struct bd_policy *p, const char *name, int lineno, char **w, int nw,
			   struct bd_error *err)
{
	if (strcmp(w[0], "window") == 0) {
		int d = nw == 2 ? parse_days(w[1]) : -1;
		if (d < 0)
			return bd_error_set(
				err, BD_ERR_SYNTAX,
				"%s:%d: window needs a number of days, e.g. 'window 30d'", name,
				lineno);
		p->window_days = d;
		snprintf(p->window_source, sizeof(p->window_source), "%s:%d", name, lineno);
		return true;
	}
	if (strcmp(w[0], "policy") != 0)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: unknown setting '%s' (expected 'policy' or 'window')",
				    name, lineno, w[0]);
	if (nw < 3)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: 'policy' needs a reason and an action, e.g. "
				    "'policy userunknown stop'",
				    name, lineno);
	if (!valid_key(w[1]))
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: '%s' is not a reason, 'group:NAME' (address, sender, "
				    "temporary, notbounce) or 'default'",
				    name, lineno, w[1]);
	int action = -1;
	for (int i = 0; i < 5; i++) {
		if (strcmp(w[2], action_names[i]) == 0)
			action = i;
	}
	if (action < 0)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: unknown action '%s' (stop, hold, incident, review or "
				    "ignore)",
				    name, lineno, w[2]);
	int after = action == BD_POL_HOLD ? 3 : 1, within = 0;
	for (int i = 3; i < nw; i++) {
		char *end;
		if (strncmp(w[i], "after=", 6) == 0 &&
		    (action == BD_POL_STOP || action == BD_POL_HOLD)) {
			errno = 0;
			long v = strtol(w[i] + 6, &end, 10);
			if (*end || errno || v < 1 || v > 1000)
				return bd_error_set(err, BD_ERR_SYNTAX,
						    "%s:%d: after= needs a count from 1 to 1000",
						    name, lineno);
			after = (int)v;
		} else if (strncmp(w[i], "within=", 7) == 0 &&
			   (action == BD_POL_STOP || action == BD_POL_HOLD)) {
			within = parse_days(w[i] + 7);
			if (within < 0)
				return bd_error_set(err, BD_ERR_SYNTAX,
						    "%s:%d: within= needs a number of days, e.g. "
						    "within=30d",
						    name, lineno);
		} else {
			return bd_error_set(err, BD_ERR_SYNTAX,
					    "%s:%d: unexpected '%s' (stop and hold take after=N "
					    "and within=Dd)",
					    name, lineno, w[i]);
		}
	}
	struct bd_policy_entry *e = entry_for_key(p, w[1]);
	e->action = (enum bd_policy_action)action;
	e->after = after;
	e->within_days = within;
	snprintf(e->source, sizeof(e->source), "%s:%d", name, lineno);
	return true;
}

void bd_policy_copy(struct bd_policy *dst, const struct bd_policy *src)
{
	bd_policy_done(dst);
	*dst = *src;
	dst->v = NULL;
	if (src->cap) {
		dst->v = bd_xmalloc(src->cap * sizeof(*src->v));
		if (src->n)
			memcpy(dst->v, src->v, src->n * sizeof(*src->v));
	}
}

/* Whole texts go through conf.c, which reads the file's other settings
 * (bind lines) too: a file one command accepts, every command accepts. */
bool bd_policy_parse(struct bd_policy *p, const char *name, const char *text, size_t len,
		     struct bd_error *err)
{
	return bd_conf_parse(p, NULL, name, text, len, err);
}

bool bd_policy_defaults(struct bd_policy *p, struct bd_error *err)
{
	return bd_conf_parse(p, NULL, "built-in", default_conf, sizeof(default_conf) - 1, err);
}

bool bd_policy_load_file(struct bd_policy *p, const char *path, bool optional, struct bd_error *err)
{
	return bd_conf_load_file(p, NULL, path, optional, err);
}

bool bd_policy_load_standard(struct bd_policy *p, const char *extra, struct bd_error *err)
{
	return bd_conf_load_standard(p, NULL, extra, err);
}

static const struct bd_policy_entry *find(const struct bd_policy *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].key, key) == 0)
			return &p->v[i];
	}
	return NULL;
}

const struct bd_policy_entry *bd_policy_for(const struct bd_policy *p,
					    const struct bd_reason *category)
{
	static const struct bd_policy_entry fallback = {"default", BD_POL_REVIEW, 1, 0, "built-in"};
	const struct bd_policy_entry *e = NULL;
	if (category) {
		const struct bd_reason *base = bd_reason_base(category);
		char key[40];
		snprintf(key, sizeof(key), "group:%s", bd_group_name(category->group));
		if (!(e = find(p, category->id)) && !(e = find(p, base->id)))
			e = find(p, key);
	}
	if (!e)
		e = find(p, "default");
	return e ? e : &fallback;
}

int bd_policy_window(const struct bd_policy *p, const struct bd_policy_entry *e)
{
	return e->within_days > 0 ? e->within_days : p->window_days;
}

int bd_policy_threshold(const struct bd_policy *p, const struct bd_policy_entry *e, bool softened)
{
	switch (e->action) {
	case BD_POL_STOP:
		return e->after == 1 && softened ? p->soft_after : e->after;
	case BD_POL_HOLD:
		return e->after;
	default:
		return 0;
	}
}

void bd_policy_describe(const struct bd_policy_entry *e, char *buf, size_t n)
{
	char after[32] = "", within[32] = "";
	if ((e->action == BD_POL_STOP || e->action == BD_POL_HOLD) && e->after > 1)
		snprintf(after, sizeof(after), " after=%d", e->after);
	if (e->within_days > 0)
		snprintf(within, sizeof(within), " within=%dd", e->within_days);
	snprintf(buf, n, "%s %s%s%s [%s]", e->key, bd_policy_action_name(e->action), after, within,
		 e->source);
}

void bd_policy_decide(const struct bd_policy *p, const struct bd_policy_entry *e, bool softened,
		      enum bd_state cur, int run, struct bd_decision *d)
{
	memset(d, 0, sizeof(*d));
	d->state = cur;
	int need = bd_policy_threshold(p, e, softened);
	switch (e->action) {
	case BD_POL_IGNORE:
		break;
	case BD_POL_REVIEW:
		d->review = true;
		break;
	case BD_POL_INCIDENT:
		d->incident = true;
		break;
	case BD_POL_STOP:
		if (cur != BD_STATE_STOPPED && (need <= 1 || run >= need))
			d->state = BD_STATE_STOPPED;
		break;
	case BD_POL_HOLD:
		if (cur == BD_STATE_ACTIVE && run >= need)
			d->state = BD_STATE_HOLD;
		break;
	}
	d->changed = d->state != cur;
	if (d->changed)
		d->review = true;
}
