/* rules.h: classification rules as data.
 *
 * A rule file holds one rule per line (see bouncedesk-rules(5)):
 *
 *     CATEGORY [status=5.7.*] [reply=550|5xx] [command=RCPT] [detector=NAME]
 *              [mta-category=NAME] [address=judged|unjudged] [priority=N]
 *              [id=NAME]
 *              [/PCRE2 pattern/flags]
 *     disable ID
 *
 * CATEGORY is a reason or finer category from reason.h.  Patterns match
 * the diagnostic text, caseless unless flag "c".  Rules from later files
 * win over earlier ones of equal priority and scope, and "disable" drops an
 * earlier rule by id, so user files add to or override the defaults.
 *
 * Patterns are compiled when loaded (so a bad one is reported at once,
 * with file, line, PCRE2's message and offset) and JIT-compiled the first
 * time their literal pre-filter lets a text through, which keeps start-up
 * fast with hundreds of rules.
 */
#ifndef BD_RULES_H
#define BD_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "reason.h"

struct bd_rule {
	const struct bd_reason *category;
	char *file; /* base name of the file, e.g. "default.rules" */
	int line;
	char *id;               /* from id=, or NULL */
	char *status;           /* status pattern "5.7.*", or NULL */
	int reply_lo, reply_hi; /* reply code range; 0 when unscoped */
	char *detector;         /* detector scope, or NULL */
	char *command;          /* stage scope: CONN, HELO, MAIL, RCPT, DATA, LOCAL; or NULL */
	char *mta_category;     /* the sending MTA's own category (bd_rcpt), or NULL */
	int address;            /* address=: 1 judged, -1 unjudged, 0 either (see classify.c) */
	int priority;
	char *pattern; /* PCRE2 source, or NULL */
	bool caseless;
	void *re;    /* pcre2_code_8; NULL until first use for a trusted set */
	bool broken; /* a trusted pattern that failed to compile: never matches */
	bool jit_tried;
	unsigned runs; /* times the pattern has run, until it is JIT-compiled */
	char **lits;   /* pre-filter: one of these (lower-case) must occur */
	size_t nlits;
	unsigned *lit_ids; /* each literal's number in the set's literal index */
	/* The pattern's top-level alternatives: a match of alternative k holds
	 * one of lits[first..first+nfirst) and, when nsecond > 0, also one of
	 * lits[second..second+nsecond). */
	struct bd_lit_alt {
		unsigned short first, nfirst, second, nsecond;
	} * alts;
	size_t nalts;
	int order; /* load order, for ties */
	bool disabled;
};

struct bd_ruleset {
	struct bd_rule *v;
	size_t n, cap;
	void *md; /* shared pcre2_match_data_8 */
	int nfiles;
	bool trusted; /* while adding a trusted text: compile its patterns on first use */
	/* The pre-filter literals of all rules, found in a text by one pass
	 * (rules.c); built on first use, dropped when rules are added. */
	struct bd_litindex *idx;
	unsigned long gen; /* counts the texts searched with idx */
};

/* What a rule is matched against. */
struct bd_rule_input {
	const char *text; /* diagnostic, UTF-8; may be NULL */
	size_t len;
	const char *lower;  /* text lower-cased (ASCII), same length */
	const char *status; /* "5.1.1" or NULL */
	const char *reply;  /* "550" or NULL */
	const char *detector;
	const char *command;      /* "RCPT", "DATA"... or NULL */
	const char *mta_category; /* "bad-mailbox"... or NULL */
	/* Does the bounce show that the recipient's address itself was judged
	 * (bd_address_judged() in classify.h)?  Read by address= rules. */
	bool address_judged;
	/* Which rules to try: BD_RULES_ALL, or only strong rules (priority >= 0,
	 * tried before the status codes) or only weak ones (priority < 0, tried
	 * after the codes said nothing specific). */
	enum { BD_RULES_ALL, BD_RULES_STRONG, BD_RULES_WEAK } pass;
	/* Which rules' literals lower holds is found once per text and kept in
	 * the rule set; gen says for which text (0: none yet).  Set it to 0, as
	 * a zeroed input has it, whenever text changes. */
	unsigned long gen;
};

void bd_ruleset_init(struct bd_ruleset *s);
void bd_ruleset_done(struct bd_ruleset *s);

/* Adds the rules in text[0..len) read from a file called name (used in
 * messages and rule ids).  On error, err says FILE:LINE: why, and the set
 * must not be used. */
bool bd_ruleset_add_text(struct bd_ruleset *s, const char *name, const char *text, size_t len,
			 struct bd_error *err);
bool bd_ruleset_add_file(struct bd_ruleset *s, const char *path, struct bd_error *err);
/* Adds every "*.rules" file of dir in name order; a missing dir is fine. */
bool bd_ruleset_add_dir(struct bd_ruleset *s, const char *dir, struct bd_error *err);
/* Like bd_ruleset_add_text, for a text whose patterns were all compiled
 * when the program was built and tested (the built-in rules): each pattern
 * is compiled on its first use, after the pre-filter lets a text through,
 * so start-up pays only for reading the rules.  A pattern that fails then
 * (a PCRE2 library without a feature it uses) never matches; call
 * bd_ruleset_compile_all to find it. */
bool bd_ruleset_add_trusted(struct bd_ruleset *s, const char *name, const char *text, size_t len,
			    struct bd_error *err);
/* The built-in default rules (a trusted text). */
bool bd_ruleset_add_default(struct bd_ruleset *s, struct bd_error *err);
/* Compiles every pattern not compiled yet; on the first that fails, err
 * says FILE:LINE: bad pattern at offset N: PCRE2's message. */
bool bd_ruleset_compile_all(struct bd_ruleset *s, struct bd_error *err);
/* Call once after adding: sorts into evaluation order. */
void bd_ruleset_finish(struct bd_ruleset *s);

/* The standard set: default rules, then /etc/bouncedesk/rules.d, then
 * $XDG_CONFIG_HOME/bouncedesk/rules.d (BOUNCEDESK_SYSCONFDIR replaces /etc/bouncedesk
 * for tests and packaging), then the extra files given. */
bool bd_ruleset_load_standard(struct bd_ruleset *s, char *const *extra, size_t nextra,
			      struct bd_error *err);

/* Calls cb for every rule that matches in evaluation order (cb returns
 * false to stop); returns the first match or NULL. */
typedef bool (*bd_rule_cb)(void *ctx, const struct bd_rule *rule);
const struct bd_rule *bd_ruleset_match(struct bd_ruleset *s, struct bd_rule_input *in,
				       bd_rule_cb cb, void *ctx);

/* Does status (e.g. "5.7.1") match a pattern such as "5.7.*"? */
bool bd_status_match(const char *pattern, const char *status);

/* The built-in default rule text. */
extern const char bd_default_rules[];
extern const unsigned long bd_default_rules_len;

#endif
