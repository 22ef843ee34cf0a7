/* store.h: the bouncedesk store, one SQLite file.
 *
 * Only db/ includes sqlite3.h; everything else goes through this API.
 * Contracts common to every function:
 *   - Functions that can fail return false and fill *err (never NULL is
 *     required; pass a struct) with a sentence naming the store's path;
 *     err->code tells whether the failure is temporary (bd_store_temporary:
 *     locked, full, unavailable), which a mail server pipe maps to exit 75.
 *   - Strings handed to callbacks are valid only during the callback.
 *   - Times are seconds since the epoch, UTC.
 *   - Writers take the write lock at bd_store_begin (BEGIN IMMEDIATE) and
 *     wait up to the busy timeout for it; readers never block writers (WAL).
 */
#ifndef BD_STORE_H
#define BD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/classify.h"
#include "../core/policy.h"
#include "../core/report.h"

struct bd_store;

/* The schema version this program creates and migrates to. */
#define BD_STORE_SCHEMA 4

enum bd_store_errcode {
	BD_STORE_OK = 0,
	BD_STORE_BUSY,     /* locked by another process past the busy timeout */
	BD_STORE_FULL,     /* disk or database full */
	BD_STORE_UNAVAIL,  /* cannot be opened, I/O error, read-only, out of memory */
	BD_STORE_NEWER,    /* made by a newer bouncedesk */
	BD_STORE_CORRUPT,  /* not a bouncedesk store, or damaged */
	BD_STORE_NOTFOUND, /* the address or message is not in the store */
	BD_STORE_INVALID,  /* a bad argument (e.g. not an address) */
};

struct bd_store_error {
	enum bd_store_errcode code;
	char msg[768];
};

/* Locked, full or unavailable: worth retrying later. */
bool bd_store_temporary(const struct bd_store_error *err);

/* The default path: $BOUNCEDESK_DB, else $XDG_DATA_HOME/bouncedesk/bouncedesk.db
 * (~/.local/share/...).  False when neither HOME nor those are set. */
bool bd_store_default_path(char *buf, size_t n);

enum {
	BD_STORE_READONLY = 1, /* open for reading only; never creates or migrates */
};

/* Opens (creating the file and its directory when missing, unless
 * read-only) and migrates the schema forward.  A store from a newer
 * program is refused with BD_STORE_NEWER.  busy_ms: how long to wait for a
 * lock (0: the default, 10 s). */
bool bd_store_open(const char *path, unsigned flags, int busy_ms, struct bd_store **out,
		   struct bd_store_error *err);
void bd_store_close(struct bd_store *s);
const char *bd_store_path(const struct bd_store *s);
int bd_store_version(const struct bd_store *s);

/* Transactions for ingest batches.  Operator actions take their own. */
bool bd_store_begin(struct bd_store *s, struct bd_store_error *err);
bool bd_store_commit(struct bd_store *s, struct bd_store_error *err);
void bd_store_rollback(struct bd_store *s);

/* ---- ingest ---- */

/* Is a message with this SHA-256 already stored? */
bool bd_store_has_message(struct bd_store *s, const unsigned char sha[32], bool *found,
			  struct bd_store_error *err);

struct bd_ingest_msg {
	const char *raw; /* the message as received */
	size_t len;
	unsigned char sha[32];
	const char *source; /* where it was read from, for the operator */
	int64_t now;        /* ingest time */
};

struct bd_ingest_result {
	bool duplicate; /* already stored: nothing was written */
	int64_t message_id;
	size_t events;    /* recipients recorded */
	size_t stopped;   /* addresses stopped by this message */
	size_t held;      /* addresses put on hold */
	size_t flagged;   /* addresses newly marked for review without a change */
	size_t incidents; /* sender-side refusals counted per domain */
};

/* Stores one message inside the current transaction: the raw bytes, one
 * event per recipient of r with its verdict (v[i] for r->rcpt[i]), and the
 * policy's decisions on the registered addresses (alias when forwarded),
 * journalled under actor "auto".  A success notice resets the address's
 * run of bounces.  An unparsed report is stored with its error and no
 * events. */
bool bd_store_add(struct bd_store *s, const struct bd_ingest_msg *m, const struct bd_report *r,
		  const struct bd_verdict *v, const struct bd_policy *pol,
		  struct bd_ingest_result *res, struct bd_store_error *err);

/* ---- operator decisions (each in its own transaction, journalled) ---- */

enum bd_store_op {
	BD_OP_STOP,    /* stop sending; an unknown address is added */
	BD_OP_RESUME,  /* may send again; restarts the count of bounces */
	BD_OP_CONFIRM, /* accept the automatic decision: clears the review mark */
};

const char *bd_store_op_name(enum bd_store_op op);

struct bd_op_result {
	enum bd_state old_state, new_state;
	bool was_review;
	bool changed; /* anything changed (a no-op is still journalled) */
};

bool bd_store_decide(struct bd_store *s, const char *addr, enum bd_store_op op, const char *actor,
		     const char *reason, int64_t now, struct bd_op_result *res,
		     struct bd_store_error *err);

struct bd_clear_result {
	enum bd_state old_state;
	int64_t events;   /* bounce events deleted */
	int64_t messages; /* raw messages deleted (no other recipient used them) */
};

/* Deletes the address's bounce log, resets its counters and state to
 * active; raw messages other recipients still use are kept; a cleared
 * message stays known by its hash so ingesting it again is still a
 * duplicate. */
bool bd_store_clear(struct bd_store *s, const char *addr, const char *actor, const char *reason,
		    int64_t now, struct bd_clear_result *res, struct bd_store_error *err);
/* bd_store_clear on each of n addresses in one transaction, each
 * journalled.  All or nothing: an invalid address or one not stored fails
 * the call naming it and deletes nothing.  total: the events and messages
 * deleted over all of them (old_state is not set). */
bool bd_store_clear_many(struct bd_store *s, const char *const *addrs, size_t n, const char *actor,
			 const char *reason, int64_t now, struct bd_clear_result *total,
			 struct bd_store_error *err);

/* ---- reading ---- */

struct bd_store_addr {
	int64_t id;
	const char *address, *domain;
	enum bd_state state;
	bool review;
	const char *state_reason; /* category that changed it, or the operator's text */
	const char *state_rule;   /* policy line, or "operator" */
	const char *state_actor;
	int64_t state_at;
	int64_t bounces; /* failures recorded against it */
	int64_t first_at, last_at;
	const char *last_reason, *last_status, *last_diagnostic;
};

struct bd_store_event {
	int64_t id, message;
	const char *recipient, *alias, *action, *status, *replycode, *diagnostic, *command;
	const char *remote_mta, *reporting_mta, *detector, *subject, *source;
	int64_t date;
	const char *reason, *category, *rule, *policy, *send_key;
	bool hardbounce, permanent;
};

struct bd_store_jrow {
	int64_t id, at;
	const char *actor, *action, *address, *old_state, *new_state, *reason, *rule;
	int64_t undoes; /* an "undo" entry: the entry it reversed; else 0 */
};

typedef bool (*bd_store_addr_fn)(void *ctx, const struct bd_store_addr *a);
typedef bool (*bd_store_event_fn)(void *ctx, const struct bd_store_event *e);
typedef bool (*bd_store_journal_fn)(void *ctx, const struct bd_store_jrow *j);
/* Callbacks return false to stop the iteration early (not an error). */

/* One address; *found false when it is not in the store. */
bool bd_store_address(struct bd_store *s, const char *addr, bd_store_addr_fn fn, void *ctx,
		      bool *found, struct bd_store_error *err);
/* Events of an address, newest first (limit 0: all). */
bool bd_store_events(struct bd_store *s, const char *addr, int limit, bd_store_event_fn fn,
		     void *ctx, struct bd_store_error *err);
/* Journal rows, oldest first; addr NULL for the whole journal. */
bool bd_store_journal(struct bd_store *s, const char *addr, bd_store_journal_fn fn, void *ctx,
		      struct bd_store_error *err);
/* Addresses in the given states (bit 1 << state), by address. */
bool bd_store_addresses_in(struct bd_store *s, unsigned state_mask, bd_store_addr_fn fn, void *ctx,
			   struct bd_store_error *err);
/* One page of the addresses with bounces of a reason, latest bounce first,
 * starting at offset: what the category list shows. */
bool bd_store_reason_page(struct bd_store *s, const char *reason, int64_t offset, int limit,
			  bd_store_addr_fn fn, void *ctx, struct bd_store_error *err);

/* Per reason: events, distinct addresses, addresses awaiting review whose
 * state that reason set.  Reads maintained counters: constant time in the
 * number of events. */
typedef bool (*bd_store_count_fn)(void *ctx, const char *key, int64_t a, int64_t b, int64_t c);
bool bd_store_reason_counts(struct bd_store *s, bd_store_count_fn fn, void *ctx,
			    struct bd_store_error *err);
/* Per state: addresses, of them awaiting review. */
bool bd_store_state_counts(struct bd_store *s, bd_store_count_fn fn, void *ctx,
			   struct bd_store_error *err);
/* Per receiving domain (most bounces first, at most limit): addresses,
 * bounces, stopped or held addresses. */
bool bd_store_domain_counts(struct bd_store *s, int limit, bd_store_count_fn fn, void *ctx,
			    struct bd_store_error *err);

struct bd_store_incident {
	const char *domain, *reason;
	int64_t events, first_at, last_at;
};
typedef bool (*bd_store_incident_fn)(void *ctx, const struct bd_store_incident *i);
/* Sender-side refusals per receiving domain and reason, most first. */
bool bd_store_incidents(struct bd_store *s, bd_store_incident_fn fn, void *ctx,
			struct bd_store_error *err);

struct bd_store_msg {
	int64_t id, size, ingested_at, date;
	const char *sha, *source, *kind, *detector, *error, *from, *subject;
	bool raw_kept;
};
typedef bool (*bd_store_msg_fn)(void *ctx, const struct bd_store_msg *m);
/* Messages that could not be parsed, oldest first. */
bool bd_store_unparsed(struct bd_store *s, bd_store_msg_fn fn, void *ctx,
		       struct bd_store_error *err);
/* Totals: messages, unparsed messages, events, addresses. */
bool bd_store_totals(struct bd_store *s, int64_t out[4], struct bd_store_error *err);
/* The raw bytes of message id, to fn (data valid during the call). */
bool bd_store_raw(struct bd_store *s, int64_t id,
		  void (*fn)(void *ctx, const void *data, size_t len), void *ctx,
		  struct bd_store_error *err);

/* ---- the operator's screens ----
 *
 * Lists are paged from SQL: every page, count and position below reads an
 * index that matches its order, never a whole table.  Unfiltered counts
 * read counters kept by triggers (constant time); a filter must test every
 * row of its category, so a filtered count, and a filtered page whose rows
 * are rare, take time in proportion to the category's size. */

/* Cross-cutting groups of addresses, beside the reasons. */
enum bd_store_group {
	BD_GROUP_REASON,    /* addresses with bounces of one reason (query.reason) */
	BD_GROUP_REVIEW,    /* awaiting review, whatever the reason */
	BD_GROUP_FORWARDED, /* a failure came through a forward (recipient != alias) */
	BD_GROUP_HOLD,      /* on hold */
	BD_GROUP_STOPPED,   /* stopped */
	BD_GROUP_DOMAIN,    /* addresses of one domain (query.domain) */
};

struct bd_store_groups {
	int64_t review, forwarded, hold, stopped; /* addresses */
	int64_t unparsed;                         /* messages */
};

/* The groups' sizes, from counters: constant time. */
bool bd_store_group_counts(struct bd_store *s, struct bd_store_groups *out,
			   struct bd_store_error *err);

enum bd_store_sort {
	BD_SORT_LAST,    /* latest bounce first (the default) */
	BD_SORT_ADDRESS, /* by address */
	BD_SORT_DOMAIN,  /* by domain, then address */
	BD_SORT_BOUNCES, /* most bounces first */
};

struct bd_store_query {
	enum bd_store_group group;
	const char *reason; /* BD_GROUP_REASON: the reason's id */
	enum bd_store_sort sort;
	/* NULL or "": every address of the group.  Else a PCRE2 pattern,
	 * caseless, that must match somewhere in the address, its domain or
	 * its last bounce's diagnostic.  A bad pattern fails the call with
	 * BD_STORE_INVALID and PCRE2's message and offset. */
	const char *pattern;
	const char *domain; /* BD_GROUP_DOMAIN: the addresses' domain */
};

struct bd_store_row {
	struct bd_store_addr a; /* the (registered) address and its last bounce */
	/* Where the last bounce was delivered when it came through a forward
	 * (its recipient differs from the registered address); else NULL. */
	const char *forward;
	/* What the sort orders use.  In a reason: the address's bounces of
	 * that reason and the latest of them; in a group: a.bounces and
	 * a.last_at (0 when the address never bounced). */
	int64_t bounces, last_at;
};
typedef bool (*bd_store_row_fn)(void *ctx, const struct bd_store_row *r);

/* Rows offset .. offset+limit-1 of the query, in its order; ties (same
 * last bounce or bounces) go by the order addresses were first stored, so
 * pages neither overlap nor skip while the store is unchanged. */
bool bd_store_page(struct bd_store *s, const struct bd_store_query *q, int64_t offset, int limit,
		   bd_store_row_fn fn, void *ctx, struct bd_store_error *err);
/* How many rows the query has (for the scroll position). */
bool bd_store_page_count(struct bd_store *s, const struct bd_store_query *q, int64_t *total,
			 struct bd_store_error *err);
/* The index of addr's row in the query's order (its page starts at
 * pos - pos % limit): to keep the cursor on it after a refresh.  *found
 * false when addr is not among the rows. */
bool bd_store_page_position(struct bd_store *s, const struct bd_store_query *q, const char *addr,
			    int64_t *pos, bool *found, struct bd_store_error *err);

/* A filtered page over a long list first follows the list's order, which
 * is quick when matches are frequent; after ms milliseconds without a full
 * page it reads every address once instead (bounded: about 60 ms per
 * 200,000 addresses, plus sorting the matches).  The default is 15; 0
 * always reads every address.  The rows are the same either way. */
void bd_store_set_filter_budget(struct bd_store *s, int ms);
/* bd_store_page, except that a filtered page which the budget shows must
 * read every address is not read: nothing is handed to fn and *deferred is
 * set.  bd_store_page_count then makes that one pass and keeps the matches,
 * after which the page is quick.  A bad pattern still fails the call. */
bool bd_store_page_try(struct bd_store *s, const struct bd_store_query *q, int64_t offset,
		       int limit, bd_store_row_fn fn, void *ctx, bool *deferred,
		       struct bd_store_error *err);

/* Messages that could not be parsed, newest first, one page. */
bool bd_store_unparsed_page(struct bd_store *s, int64_t offset, int limit, bd_store_msg_fn fn,
			    void *ctx, struct bd_store_error *err);

struct bd_store_domain {
	const char *domain; /* the addresses' domain */
	int64_t addresses, bounces, stopped, hold, review;
	int64_t incidents; /* sender-side refusals by the domain's servers */
};
typedef bool (*bd_store_domain_fn)(void *ctx, const struct bd_store_domain *d);
/* One page of the domains: those with sender-side incidents first (most
 * first), then by bounces, most first.  Counters: each page reads an index. */
bool bd_store_domain_page(struct bd_store *s, int64_t offset, int limit, bd_store_domain_fn fn,
			  void *ctx, struct bd_store_error *err);
/* How many domains (index-only; grows with domains, not events). */
bool bd_store_domain_total(struct bd_store *s, int64_t *total, struct bd_store_error *err);
/* Per reason for one domain: key reason, a addresses, b bounces, c
 * sender-side incidents; most bounces first. */
bool bd_store_domain_reasons(struct bd_store *s, const char *domain, bd_store_count_fn fn,
			     void *ctx, struct bd_store_error *err);

/* ---- detail of one address ---- */

struct bd_store_forward {
	const char *target; /* where mail for the registered address went */
	int64_t events, first_at, last_at;
};
typedef bool (*bd_store_forward_fn)(void *ctx, const struct bd_store_forward *f);
/* The forward targets of a registered address whose failures came back,
 * latest first (none when it was never forwarded). */
bool bd_store_forwards(struct bd_store *s, const char *addr, bd_store_forward_fn fn, void *ctx,
		       struct bd_store_error *err);

struct bd_store_next {
	char reason[40]; /* the category the next bounce is supposed to have */
	char key[40];    /* the policy entry it falls under */
	char rule[400];  /* bd_policy_describe of that entry */
	enum bd_policy_action action;
	int need; /* distinct sends the entry needs before acting (0: never) */
	int run;  /* distinct sends counted now within its window */
	int window_days;
	struct bd_decision decision; /* what one more such bounce would do now */
};
/* What the next bounce of category reason (NULL: the category of the
 * address's last bounce) would do to addr at time now, under pol.  *found
 * false when addr is not stored or (reason NULL) never bounced. */
bool bd_store_next_bounce(struct bd_store *s, const char *addr, const char *reason,
			  const struct bd_policy *pol, int64_t now, struct bd_store_next *out,
			  bool *found, struct bd_store_error *err);

/* ---- decisions for the UI ---- */

/* bd_store_decide on each of n addresses in one transaction, each
 * journalled, all under one batch that bd_store_undo reverses together.
 * All or nothing: an invalid address, or one not stored (for resume and
 * confirm), fails the call naming it and changes nothing.  res: n results,
 * or NULL. */
bool bd_store_decide_many(struct bd_store *s, const char *const *addrs, size_t n,
			  enum bd_store_op op, const char *actor, const char *reason, int64_t now,
			  struct bd_op_result *res, struct bd_store_error *err);

struct bd_undo_result {
	int64_t entry;    /* the journal entry undone (the first of its batch) */
	char action[16];  /* what it was: "stop", "resume", "confirm" */
	size_t addresses; /* addresses put back */
};
/* Reverses actor's latest decision that is not undone yet (every address
 * of its batch): state, review mark, why and when are put back as they
 * were, journalled as "undo" entries; a later undo reaches further back.
 * Fails with BD_STORE_NOTFOUND when there is nothing to undo, and with
 * BD_STORE_INVALID, changing nothing, when that decision was a clear (its
 * bounces are gone: a clear cannot be undone), was recorded before schema
 * 3, or an address changed after it (the journal shows a later entry). */
bool bd_store_undo(struct bd_store *s, const char *actor, int64_t now, struct bd_undo_result *res,
		   struct bd_store_error *err);

/* ---- change detection ---- */

/* Every change to the store adds a message or a journal entry: the largest
 * ids of both tell whether anything changed. */
struct bd_store_stamp {
	int64_t message, journal;
};
/* Reads the current stamp into *stamp; *changed tells whether it differs
 * from what *stamp held (a zeroed stamp: changed unless the store is
 * empty).  Two index lookups: cheap enough for a refresh timer. */
bool bd_store_changed(struct bd_store *s, struct bd_store_stamp *stamp, bool *changed,
		      struct bd_store_error *err);

#endif
