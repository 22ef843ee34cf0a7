/* store.c: the SQLite store (see store.h).  The only file that includes
 * sqlite3.h. */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/addr.h"
#include "../core/arena.h"
#include "../core/date.h"
#include "../core/paths.h"
#include "../core/sha256.h"
#include "regexp.h"
#include "schema.h"
#include "storeint.h"

/* Every statement the store runs, prepared once on first use. */
enum stmt {
	S_HAS,
	S_MSG_INS,
	S_RAW_INS,
	S_ADDR_GET,
	S_ADDR_INS,
	S_EV_INS,
	S_RUN,
	S_ADDR_BOUNCE,
	S_ADDR_SUCCESS,
	S_ADDR_STATE,
	S_ADDR_FLAG,
	S_JOURNAL,
	S_INCIDENT,
	S_ADDR_ROW,
	S_EVENTS,
	S_JOURNAL_ADDR,
	S_JOURNAL_ALL,
	S_ADDR_IN,
	S_REASON_PAGE,
	S_REASON_COUNTS,
	S_STATE_COUNTS,
	S_DOMAIN_COUNTS,
	S_INCIDENTS,
	S_UNPARSED,
	S_TOTALS,
	S_RAW,
	S_CLEAR_MSGS,
	S_CLEAR_EVENTS,
	S_CLEAR_RAW,
	S_CLEAR_ADDR,
	S_ADDR_CONFIRM,
	S_MSG_DROPPED,
	S_JOURNAL_OP,
	S_JOURNAL_NEXT,
	S_UNDO_LAST,
	S_UNDO_BATCH,
	S_UNDO_JOURNAL,
	S_UNDO_ADDR,
	NSTMT
};
_Static_assert(NSTMT <= BD_ST_NSTMT, "raise BD_ST_NSTMT in storeint.h");

/* The columns of an address row, shared by every query that lists addresses. */
#define ADDR_COLS                                                                           \
	"a.id, a.address, a.domain, a.state, a.review, a.state_reason, a.state_rule, "      \
	"a.state_actor, a.state_at, a.bounces, a.first_at, a.last_at, e.reason, e.status, " \
	"e.diagnostic "
#define ADDR_FROM " FROM addresses a LEFT JOIN events e ON e.id = a.last_event "

/* A journal entry l whose change still stands: neither an undo nor undone. */
#define LIVE_ENTRY                               \
	"AND l.action <> 'undo' AND NOT EXISTS " \
	"(SELECT 1 FROM journal u WHERE u.undoes = l.id)"

static const char *const sql[NSTMT] = {
	[S_HAS] = "SELECT 1 FROM messages WHERE sha256 = ?",
	[S_MSG_INS] = "INSERT INTO messages(sha256, size, ingested_at, source, kind, detector, "
		      "error, from_addr, subject, date, message_id, orig_message_id) "
		      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
	[S_RAW_INS] = "INSERT INTO raw(message, data) VALUES (?, ?)",
	[S_ADDR_GET] = "SELECT id, state, review, run_since FROM addresses WHERE address = ?",
	[S_ADDR_INS] = "INSERT INTO addresses(address, domain) VALUES (?, ?)",
	[S_EV_INS] = "INSERT INTO events(message, idx, address, recipient, alias, domain, action, "
		     "status, replycode, diagnostic, command, remote_mta, reporting_mta, date, "
		     "reason, category, hardbounce, permanent, rule, policy, send_key) "
		     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[S_RUN] = "SELECT count(DISTINCT send_key) FROM events WHERE address = ?1 AND policy = ?2 "
		  "AND date > ?3 AND date <= ?4",
	[S_ADDR_BOUNCE] = "UPDATE addresses SET bounces = bounces + 1, "
			  "first_at = min(coalesce(first_at, ?2), ?2), "
			  "last_event = CASE WHEN ?2 >= coalesce(last_at, 0) THEN ?3 "
			  "ELSE last_event END, "
			  "last_diagnostic = CASE WHEN ?2 >= coalesce(last_at, 0) THEN ?4 "
			  "ELSE last_diagnostic END, last_at = max(coalesce(last_at, 0), ?2) "
			  "WHERE id = ?1",
	[S_ADDR_SUCCESS] = "UPDATE addresses SET run_since = max(run_since, ?2) WHERE id = ?1",
	[S_ADDR_STATE] = "UPDATE addresses SET state = ?2, review = ?3, state_reason = ?4, "
			 "state_rule = ?5, state_actor = ?6, state_at = ?7, "
			 "run_since = CASE WHEN ?8 THEN max(run_since, ?7) ELSE run_since END "
			 "WHERE id = ?1",
	[S_ADDR_FLAG] = "UPDATE addresses SET review = 1, state_reason = ?2, state_rule = ?3, "
			"state_actor = 'auto', state_at = ?4 WHERE id = ?1",
	[S_JOURNAL] = "INSERT INTO journal(at, actor, action, address, old_state, new_state, "
		      "reason, rule, event) VALUES (?,?,?,?,?,?,?,?,?)",
	[S_INCIDENT] = "INSERT INTO incidents(domain, reason, events, first_at, last_at) "
		       "VALUES (?1, ?2, 1, ?3, ?3) ON CONFLICT (domain, reason) DO UPDATE SET "
		       "events = events + 1, first_at = min(first_at, excluded.first_at), "
		       "last_at = max(last_at, excluded.last_at)",
	[S_ADDR_ROW] = "SELECT " ADDR_COLS ADDR_FROM "WHERE a.address = ?",
	[S_EVENTS] = "SELECT e.id, e.message, e.recipient, e.alias, e.action, e.status, "
		     "e.replycode, e.diagnostic, e.command, e.remote_mta, e.reporting_mta, "
		     "m.detector, m.subject, m.source, e.date, e.reason, e.category, e.rule, "
		     "e.policy, e.send_key, e.hardbounce, e.permanent "
		     "FROM events e JOIN messages m ON m.id = e.message "
		     "WHERE e.address = (SELECT id FROM addresses WHERE address = ?1) "
		     "ORDER BY e.date DESC, e.id DESC LIMIT ?2",
	[S_JOURNAL_ADDR] = "SELECT id, at, actor, action, address, old_state, new_state, reason, "
			   "rule, undoes FROM journal WHERE address = ? ORDER BY id",
	[S_JOURNAL_ALL] = "SELECT id, at, actor, action, address, old_state, new_state, reason, "
			  "rule, undoes FROM journal ORDER BY id",
	[S_ADDR_IN] = "SELECT " ADDR_COLS ADDR_FROM "WHERE a.state = ? ORDER BY a.address",
	[S_REASON_PAGE] = "SELECT " ADDR_COLS "FROM addr_reason r "
			  "JOIN addresses a ON a.id = r.address "
			  "LEFT JOIN events e ON e.id = a.last_event "
			  "WHERE r.reason = ?1 ORDER BY r.last_at DESC, r.address "
			  "LIMIT ?3 OFFSET ?2",
	[S_REASON_COUNTS] = "SELECT reason, events, addresses, review FROM reason_stats "
			    "WHERE events > 0 OR review > 0 ORDER BY events DESC, reason",
	[S_STATE_COUNTS] = "SELECT state, count(*), sum(review) FROM addresses GROUP BY state "
			   "ORDER BY state",
	[S_DOMAIN_COUNTS] = "SELECT domain, count(*), sum(bounces), sum(state <> 'active') "
			    "FROM addresses GROUP BY domain "
			    "ORDER BY sum(bounces) DESC, domain LIMIT ?",
	[S_INCIDENTS] = "SELECT domain, reason, events, first_at, last_at FROM incidents "
			"ORDER BY events DESC, domain",
	[S_UNPARSED] = "SELECT id, size, ingested_at, date, hex(sha256), source, kind, detector, "
		       "error, from_addr, subject, raw_kept FROM messages "
		       "WHERE kind = 'unparsed' ORDER BY id",
	[S_TOTALS] = "SELECT (SELECT count(*) FROM messages), "
		     "(SELECT count(*) FROM messages WHERE kind = 'unparsed'), "
		     "(SELECT coalesce(sum(events), 0) FROM reason_stats), "
		     "(SELECT count(*) FROM addresses)",
	[S_RAW] = "SELECT data FROM raw WHERE message = ?",
	[S_CLEAR_MSGS] = "SELECT DISTINCT message FROM events WHERE address = ?",
	[S_CLEAR_EVENTS] = "DELETE FROM events WHERE address = ?",
	[S_CLEAR_RAW] = "DELETE FROM raw WHERE message = ?1 AND NOT EXISTS "
			"(SELECT 1 FROM events WHERE message = ?1)",
	[S_CLEAR_ADDR] = "UPDATE addresses SET state = 'active', review = 0, state_reason = ?2, "
			 "state_rule = 'operator', state_actor = ?3, state_at = ?4, "
			 "run_since = ?4, bounces = 0, first_at = NULL, last_at = NULL, "
			 "last_event = NULL, last_diagnostic = NULL WHERE id = ?1",
	[S_ADDR_CONFIRM] = "UPDATE addresses SET review = 0 WHERE id = ?",
	[S_MSG_DROPPED] = "UPDATE messages SET raw_kept = 0 WHERE id = ?",
	/* An operator decision's entry keeps what it replaces, for undo;
	 * written before the change. */
	[S_JOURNAL_OP] =
		"INSERT INTO journal(at, actor, action, address, old_state, new_state, "
		"reason, rule, batch, old_review, old_reason, old_rule, old_actor, old_at, "
		"old_run_since) SELECT ?2, ?3, ?4, ?5, a.state, ?6, ?7, 'operator', ?8, "
		"a.review, a.state_reason, a.state_rule, a.state_actor, a.state_at, "
		"a.run_since FROM addresses a WHERE a.id = ?1",
	/* The id the next entry gets (the write lock is held): a batch's name. */
	[S_JOURNAL_NEXT] = "SELECT coalesce(max(id), 0) + 1 FROM journal",
	[S_UNDO_LAST] = "SELECT id, action, coalesce(batch, id) FROM journal j "
			"WHERE actor = ?1 AND rule = 'operator' "
			"AND action IN ('stop', 'resume', 'confirm', 'clear') "
			"AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.id) "
			"ORDER BY id DESC LIMIT 1",
	[S_UNDO_BATCH] =
		"SELECT j.id, j.address, j.old_review IS NULL, "
		"(SELECT max(l.id) FROM journal l WHERE l.address = j.address " LIVE_ENTRY "), "
		"(SELECT l.actor || ' ' || l.action FROM journal l "
		"WHERE l.address = j.address " LIVE_ENTRY " ORDER BY l.id DESC LIMIT 1) "
		"FROM journal j WHERE (j.batch = ?1 OR j.id = ?1) AND j.actor = ?2 "
		"AND j.rule = 'operator' ORDER BY j.id",
	[S_UNDO_JOURNAL] =
		"INSERT INTO journal(at, actor, action, address, old_state, new_state, "
		"reason, rule, batch, undoes, old_review, old_reason, old_rule, "
		"old_actor, old_at, old_run_since) SELECT ?2, ?3, 'undo', j.address, "
		"a.state, j.old_state, 'undoes #' || j.id || ' (' || j.action || ')', "
		"'operator', ?4, j.id, a.review, a.state_reason, a.state_rule, "
		"a.state_actor, a.state_at, a.run_since "
		"FROM journal j JOIN addresses a ON a.address = j.address WHERE j.id = ?1",
	[S_UNDO_ADDR] = "UPDATE addresses SET state = j.old_state, review = j.old_review, "
			"state_reason = j.old_reason, state_rule = j.old_rule, "
			"state_actor = j.old_actor, state_at = j.old_at, "
			"run_since = j.old_run_since FROM journal j "
			"WHERE j.id = ?1 AND addresses.address = j.address",
};

bool bd_store_temporary(const struct bd_store_error *err)
{
	return err->code == BD_STORE_BUSY || err->code == BD_STORE_FULL ||
	       err->code == BD_STORE_UNAVAIL;
}

bool bd_st_fail(struct bd_store_error *err, enum bd_store_errcode code, const char *fmt, ...)
{
	err->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

static enum bd_store_errcode classify_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return BD_STORE_BUSY;
	case SQLITE_FULL:
		return BD_STORE_FULL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
	case SQLITE_SCHEMA:
		return BD_STORE_CORRUPT;
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_RANGE:
		return BD_STORE_INVALID;
	default:
		return BD_STORE_UNAVAIL;
	}
}

/* The error of the last call on s->db, as a sentence about the store. */
bool bd_st_dbfail(struct bd_store *s, struct bd_store_error *err, const char *what)
{
	int rc = sqlite3_extended_errcode(s->db);
	enum bd_store_errcode code = classify_rc(rc);
	const char *hint = code == BD_STORE_BUSY ?
				   " (another bouncedesk holds the lock; try again)" :
			   code == BD_STORE_FULL ? " (the disk is full)" :
						   "";
	return bd_st_fail(err, code, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(s->db), hint);
}

bool bd_store_default_path(char *buf, size_t n)
{
	const char *env = getenv("BOUNCEDESK_DB");
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return true;
	}
	return bd_path_data(buf, n, "bouncedesk.db") != NULL;
}

static bool exec(struct bd_store *s, const char *q, struct bd_store_error *err, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, q, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	sqlite3_free(msg);
	return bd_st_dbfail(s, err, what);
}

static sqlite3_stmt *stmt(struct bd_store *s, enum stmt i, struct bd_store_error *err)
{
	if (!s->st[i] && sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i],
					    NULL) != SQLITE_OK) {
		bd_st_dbfail(s, err, "preparing a query");
		return NULL;
	}
	sqlite3_reset(s->st[i]);
	sqlite3_clear_bindings(s->st[i]);
	return s->st[i];
}

static int user_version(struct bd_store *s)
{
	sqlite3_stmt *q;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* Has the file any tables at all (a new, empty store)? */
static int count_tables(struct bd_store *s)
{
	sqlite3_stmt *q;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", -1,
			       &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return n;
}

static bool migrate(struct bd_store *s, struct bd_store_error *err)
{
	if (!exec(s, "BEGIN IMMEDIATE", err, "locking to upgrade the schema"))
		return false;
	int v = user_version(s);
	if (v == 0 && count_tables(s) > 0) {
		bd_store_rollback(s);
		return bd_st_fail(err, BD_STORE_CORRUPT,
				  "%s: this file holds other data and is not a bouncedesk store",
				  s->path);
	}
	for (; v >= 0 && v < bd_schema_nmigrations; v++) {
		char pragma[64];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
		if (!exec(s, bd_schema_migrations[v], err, "upgrading the schema") ||
		    !exec(s, pragma, err, "upgrading the schema")) {
			bd_store_rollback(s);
			return false;
		}
	}
	if (!exec(s, "COMMIT", err, "upgrading the schema")) {
		bd_store_rollback(s);
		return false;
	}
	s->version = user_version(s);
	return true;
}

/* Once, before SQLite starts: no global allocation statistics, which
 * take a process-wide mutex around every one of SQLite's allocations
 * (hundreds per stored message) and which nothing here reads. */
static void sqlite_config(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void sqlite_setup(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sqlite_config);
}

bool bd_store_open(const char *path, unsigned flags, int busy_ms, struct bd_store **out,
		   struct bd_store_error *err)
{
	sqlite_setup();
	*out = NULL;
	memset(err, 0, sizeof(*err));
	bool ro = flags & BD_STORE_READONLY;
	if (!ro) {
		int e = bd_path_mkparents(path);
		if (e)
			return bd_st_fail(err, BD_STORE_UNAVAIL,
					  "%s: cannot create its directory: %s", path, strerror(e));
	}
	struct bd_store *s = bd_xcalloc(1, sizeof(*s));
	s->path = bd_xstrdup(path);
	s->readonly = ro;
	s->filter_budget_ms = 15;
	int oflags = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
		     SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		if (!s->db) {
			free(s->path);
			free(s);
			return bd_st_fail(err, BD_STORE_UNAVAIL, "%s: cannot open: out of memory",
					  path);
		}
		bd_st_fail(err, BD_STORE_UNAVAIL, "%s: cannot open: %s", path,
			   sqlite3_errmsg(s->db));
		bd_store_close(s);
		return false;
	}
	sqlite3_extended_result_codes(s->db, 1);
	bd_regex_register(s->db);
	sqlite3_busy_timeout(s->db, busy_ms > 0 ? busy_ms : 10000);
	/* Not a database at all shows up on the first read. */
	int v = user_version(s);
	if (v < 0) {
		bd_st_dbfail(s, err, "cannot read");
		if (err->code == BD_STORE_UNAVAIL && sqlite3_errcode(s->db) == SQLITE_NOTADB)
			err->code = BD_STORE_CORRUPT;
		bd_store_close(s);
		return false;
	}
	if (v > BD_STORE_SCHEMA) {
		bd_st_fail(
			err, BD_STORE_NEWER,
			"%s: the store has schema version %d, newer than this bouncedesk knows (%d); "
			"use a newer bouncedesk",
			path, v, BD_STORE_SCHEMA);
		bd_store_close(s);
		return false;
	}
	/* The cache settings serve readers too: the UI may browse read-only. */
	bool ok = exec(s,
		       "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; "
		       "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456",
		       err, "setting up");
	if (ok && !ro)
		ok = exec(s,
			  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
			  "PRAGMA wal_autocheckpoint = 8192",
			  err, "setting up");
	if (ok && v < BD_STORE_SCHEMA) {
		if (ro) {
			if (v == 0 && count_tables(s) == 0)
				ok = bd_st_fail(
					err, BD_STORE_NOTFOUND,
					"%s: no bouncedesk store here (ingest some bounces first)",
					path);
			else
				ok = bd_st_fail(
					err, BD_STORE_UNAVAIL,
					"%s: the store has schema version %d and needs an upgrade "
					"to %d; open it once without read-only",
					path, v, BD_STORE_SCHEMA);
		} else {
			ok = migrate(s, err);
		}
	} else {
		s->version = v;
	}
	if (!ok) {
		bd_store_close(s);
		return false;
	}
	*out = s;
	return true;
}

void bd_store_close(struct bd_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < NSTMT; i++)
		sqlite3_finalize(s->st[i]);
	bd_st_query_done(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *bd_store_path(const struct bd_store *s)
{
	return s->path;
}

int bd_store_version(const struct bd_store *s)
{
	return s->version;
}

bool bd_store_begin(struct bd_store *s, struct bd_store_error *err)
{
	return exec(s, "BEGIN IMMEDIATE", err, "cannot lock for writing");
}

bool bd_store_commit(struct bd_store *s, struct bd_store_error *err)
{
	return exec(s, "COMMIT", err, "cannot commit");
}

void bd_store_rollback(struct bd_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- binding helpers ---- */

void bd_st_bind_text(sqlite3_stmt *q, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, i);
}

static void bind_time(sqlite3_stmt *q, int i, int64_t t)
{
	if (t)
		sqlite3_bind_int64(q, i, t);
	else
		sqlite3_bind_null(q, i);
}

const char *bd_st_col_text(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

/* Runs a statement that returns no rows. */
static bool run(struct bd_store *s, sqlite3_stmt *q, struct bd_store_error *err, const char *what)
{
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return true;
	return bd_st_dbfail(s, err, what);
}

bool bd_store_has_message(struct bd_store *s, const unsigned char sha[32], bool *found,
			  struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_HAS, err);
	if (!q)
		return false;
	sqlite3_bind_blob(q, 1, sha, 32, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
}

static int64_t parse_time(const char *iso, int64_t fallback)
{
	int64_t t;
	return iso && bd_date_parse(iso, &t) ? t : fallback;
}

struct addr_row {
	int64_t id;
	enum bd_state state;
	bool review;
	int64_t run_since;
};

/* The address's row, created when missing. */
static bool address_get(struct bd_store *s, const char *addr, bool create, struct addr_row *a,
			bool *found, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_ADDR_GET, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, addr);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(q, 0);
		if (!bd_state_parse(bd_st_col_text(q, 1), &a->state))
			a->state = BD_STATE_ACTIVE;
		a->review = sqlite3_column_int(q, 2);
		a->run_since = sqlite3_column_int64(q, 3);
		sqlite3_reset(q);
		*found = true;
		return true;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return bd_st_dbfail(s, err, "cannot read an address");
	*found = false;
	if (!create)
		return true;
	const char *dom = bd_addr_domain(addr);
	if (!(q = stmt(s, S_ADDR_INS, err)))
		return false;
	bd_st_bind_text(q, 1, addr);
	bd_st_bind_text(q, 2, dom ? dom : "");
	if (!run(s, q, err, "cannot add an address"))
		return false;
	a->id = sqlite3_last_insert_rowid(s->db);
	a->state = BD_STATE_ACTIVE;
	a->review = false;
	a->run_since = 0;
	return true;
}

static bool journal(struct bd_store *s, int64_t at, const char *actor, const char *action,
		    const char *addr, const char *old_state, const char *new_state,
		    const char *reason, const char *rule, int64_t event, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_JOURNAL, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, at);
	bd_st_bind_text(q, 2, actor);
	bd_st_bind_text(q, 3, action);
	bd_st_bind_text(q, 4, addr);
	bd_st_bind_text(q, 5, old_state);
	bd_st_bind_text(q, 6, new_state);
	bd_st_bind_text(q, 7, reason);
	bd_st_bind_text(q, 8, rule);
	if (event)
		sqlite3_bind_int64(q, 9, event);
	return run(s, q, err, "cannot write the journal");
}

/* Distinct sends that bounced under policy key for address since the
 * later of run_since and the window's start, up to date. */
static bool run_count(struct bd_store *s, int64_t addr, const char *key, int64_t since,
		      int64_t date, int *out, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_RUN, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, addr);
	bd_st_bind_text(q, 2, key);
	sqlite3_bind_int64(q, 3, since);
	sqlite3_bind_int64(q, 4, date);
	int rc = sqlite3_step(q);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? true : bd_st_dbfail(s, err, "cannot count bounces");
}

/* Applies the policy to one stored event of address a. */
static bool apply_policy(struct bd_store *s, const char *addr, struct addr_row *a, int64_t event,
			 int64_t date, const char *domain, const struct bd_verdict *v,
			 const struct bd_rcpt *rc, const struct bd_policy_entry *pe,
			 const struct bd_policy *pol, int64_t now, struct bd_ingest_result *res,
			 struct bd_store_error *err)
{
	bool softened = v->reason->hard && !v->hardbounce;
	int need = bd_policy_threshold(pol, pe, softened);
	int nrun = 1;
	/* Count only when the count can change something. */
	bool can_act = (pe->action == BD_POL_STOP && a->state != BD_STATE_STOPPED) ||
		       (pe->action == BD_POL_HOLD && a->state == BD_STATE_ACTIVE);
	if (need > 1 && can_act) {
		int64_t start = date - (int64_t)bd_policy_window(pol, pe) * 86400;
		if (!run_count(s, a->id, pe->key, start > a->run_since ? start : a->run_since, date,
			       &nrun, err))
			return false;
	}
	struct bd_decision d;
	bd_policy_decide(pol, pe, softened, a->state, nrun, &d);
	/* What fired and why, for the journal: written only when something
	 * is journalled, which most bounces are not. */
	char rule[400] = "", why[512] = "";
	if (d.changed || (d.review && !a->review)) {
		bd_policy_describe(pe, rule, sizeof(rule));
		snprintf(why, sizeof(why), "%s%s%s (%s)", v->category->id, rc->status ? " " : "",
			 rc->status ? rc->status : "", v->rule);
		if (need > 1 && d.changed) {
			size_t l = strlen(why);
			snprintf(why + l, sizeof(why) - l, "; %d sends within %d days", nrun,
				 bd_policy_window(pol, pe));
		}
	}
	if (d.incident && domain) {
		sqlite3_stmt *q = stmt(s, S_INCIDENT, err);
		if (!q)
			return false;
		bd_st_bind_text(q, 1, domain);
		bd_st_bind_text(q, 2, v->reason->id);
		sqlite3_bind_int64(q, 3, date);
		if (!run(s, q, err, "cannot count an incident"))
			return false;
		res->incidents++;
	}
	if (d.changed) {
		sqlite3_stmt *q = stmt(s, S_ADDR_STATE, err);
		if (!q)
			return false;
		sqlite3_bind_int64(q, 1, a->id);
		bd_st_bind_text(q, 2, bd_state_name(d.state));
		sqlite3_bind_int(q, 3, 1);
		bd_st_bind_text(q, 4, v->reason->id);
		bd_st_bind_text(q, 5, rule);
		bd_st_bind_text(q, 6, "auto");
		sqlite3_bind_int64(q, 7, now);
		sqlite3_bind_int(q, 8, 0);
		if (!run(s, q, err, "cannot change an address's state") ||
		    !journal(s, now, "auto", d.state == BD_STATE_HOLD ? "hold" : "stop", addr,
			     bd_state_name(a->state), bd_state_name(d.state), why, rule, event,
			     err))
			return false;
		if (d.state == BD_STATE_HOLD)
			res->held++;
		else
			res->stopped++;
		a->state = d.state;
		a->review = true;
	} else if (d.review && !a->review) {
		sqlite3_stmt *q = stmt(s, S_ADDR_FLAG, err);
		if (!q)
			return false;
		sqlite3_bind_int64(q, 1, a->id);
		bd_st_bind_text(q, 2, v->reason->id);
		bd_st_bind_text(q, 3, rule);
		sqlite3_bind_int64(q, 4, now);
		if (!run(s, q, err, "cannot mark an address for review") ||
		    !journal(s, now, "auto", "flag", addr, bd_state_name(a->state),
			     bd_state_name(a->state), why, rule, event, err))
			return false;
		a->review = true;
		res->flagged++;
	}
	return true;
}

static bool add_event(struct bd_store *s, int64_t msg, size_t idx, const struct bd_report *r,
		      const struct bd_rcpt *rc, const struct bd_verdict *v,
		      const struct bd_policy *pol, const char *send_key, int64_t now,
		      struct bd_ingest_result *res, struct bd_store_error *err)
{
	const char *addr = rc->alias ? rc->alias : rc->recipient;
	const char *domain = rc->recipient ? bd_addr_domain(rc->recipient) : NULL;
	int64_t date = parse_time(rc->date, parse_time(r->date, now));
	struct addr_row a = {0};
	bool found = false;
	if (addr && !address_get(s, addr, true, &a, &found, err))
		return false;
	bool failure = r->kind == BD_KIND_BOUNCE || r->kind == BD_KIND_FEEDBACK ||
		       r->kind == BD_KIND_AUTOREPLY;
	bool delayed =
		r->kind == BD_KIND_DELAY || (rc->action && strcmp(rc->action, "delayed") == 0);
	const struct bd_policy_entry *pe =
		failure && !delayed ? bd_policy_for(pol, v->category) : NULL;
	sqlite3_stmt *q = stmt(s, S_EV_INS, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, msg);
	sqlite3_bind_int64(q, 2, (int64_t)idx);
	if (addr)
		sqlite3_bind_int64(q, 3, a.id);
	bd_st_bind_text(q, 4, rc->recipient);
	bd_st_bind_text(q, 5, rc->alias);
	bd_st_bind_text(q, 6, domain);
	bd_st_bind_text(q, 7, rc->action);
	bd_st_bind_text(q, 8, rc->status);
	bd_st_bind_text(q, 9, rc->replycode);
	bd_st_bind_text(q, 10, rc->diagnostic);
	bd_st_bind_text(q, 11, rc->command);
	bd_st_bind_text(q, 12, rc->remote_mta);
	bd_st_bind_text(q, 13, rc->reporting_mta);
	sqlite3_bind_int64(q, 14, date);
	bd_st_bind_text(q, 15, v->reason->id);
	bd_st_bind_text(q, 16, v->category->id);
	sqlite3_bind_int(q, 17, v->hardbounce);
	sqlite3_bind_int(q, 18, v->permanent);
	bd_st_bind_text(q, 19, v->rule);
	bd_st_bind_text(q, 20, pe ? pe->key : NULL);
	bd_st_bind_text(q, 21, send_key);
	if (!run(s, q, err, "cannot store an event"))
		return false;
	int64_t event = sqlite3_last_insert_rowid(s->db);
	res->events++;
	if (!addr)
		return true;
	if (r->kind == BD_KIND_SUCCESS) {
		if (!(q = stmt(s, S_ADDR_SUCCESS, err)))
			return false;
		sqlite3_bind_int64(q, 1, a.id);
		sqlite3_bind_int64(q, 2, date);
		return run(s, q, err, "cannot record a delivery");
	}
	if (r->kind == BD_KIND_BOUNCE && !delayed) {
		if (!(q = stmt(s, S_ADDR_BOUNCE, err)))
			return false;
		sqlite3_bind_int64(q, 1, a.id);
		sqlite3_bind_int64(q, 2, date);
		sqlite3_bind_int64(q, 3, event);
		bd_st_bind_text(q, 4, rc->diagnostic);
		if (!run(s, q, err, "cannot count a bounce"))
			return false;
	}
	if (!pe)
		return true;
	return apply_policy(s, addr, &a, event, date, domain, v, rc, pe, pol, now, res, err);
}

bool bd_store_add(struct bd_store *s, const struct bd_ingest_msg *m, const struct bd_report *r,
		  const struct bd_verdict *v, const struct bd_policy *pol,
		  struct bd_ingest_result *res, struct bd_store_error *err)
{
	memset(res, 0, sizeof(*res));
	bool found;
	if (!bd_store_has_message(s, m->sha, &found, err))
		return false;
	if (found) {
		res->duplicate = true;
		return true;
	}
	sqlite3_stmt *q = stmt(s, S_MSG_INS, err);
	if (!q)
		return false;
	sqlite3_bind_blob(q, 1, m->sha, 32, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (int64_t)m->len);
	sqlite3_bind_int64(q, 3, m->now);
	bd_st_bind_text(q, 4, m->source);
	bd_st_bind_text(q, 5, bd_kind_name(r->kind));
	bd_st_bind_text(q, 6, r->detector);
	bd_st_bind_text(q, 7, r->error);
	bd_st_bind_text(q, 8, r->from);
	bd_st_bind_text(q, 9, r->subject);
	bind_time(q, 10, parse_time(r->date, 0));
	bd_st_bind_text(q, 11, r->message_id);
	bd_st_bind_text(q, 12, r->orig_message_id);
	if (!run(s, q, err, "cannot store a message"))
		return false;
	res->message_id = sqlite3_last_insert_rowid(s->db);
	if (!(q = stmt(s, S_RAW_INS, err)))
		return false;
	sqlite3_bind_int64(q, 1, res->message_id);
	sqlite3_bind_blob64(q, 2, m->raw ? m->raw : "", m->len, SQLITE_STATIC);
	if (!run(s, q, err, "cannot store a message"))
		return false;
	/* Retries of one send share the original's Message-ID; without one,
	 * each bounce is its own send. */
	char key[64];
	const char *send_key = r->orig_message_id;
	if (!send_key) {
		snprintf(key, sizeof(key), "message:%lld", (long long)res->message_id);
		send_key = key;
	}
	if (r->kind == BD_KIND_UNPARSED || r->kind == BD_KIND_NOTBOUNCE)
		return true;
	for (size_t i = 0; i < r->n; i++) {
		if (!add_event(s, res->message_id, i, r, &r->rcpt[i], &v[i], pol, send_key, m->now,
			       res, err))
			return false;
	}
	return true;
}

/* ---- operator decisions ---- */

const char *bd_store_op_name(enum bd_store_op op)
{
	switch (op) {
	case BD_OP_STOP:
		return "stop";
	case BD_OP_RESUME:
		return "resume";
	case BD_OP_CONFIRM:
		return "confirm";
	}
	return "?";
}

/* An address as the store keeps it: local@domain, no spaces or controls. */
static bool valid_addr(const char *addr, struct bd_store_error *err)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	bool ok = at && at != addr && at[1] && strlen(addr) <= 320;
	for (const unsigned char *p = (const unsigned char *)addr; ok && *p; p++)
		ok = *p > ' ' && *p != 0x7f;
	if (ok)
		return true;
	return bd_st_fail(err, BD_STORE_INVALID, "'%s' is not a mail address", addr ? addr : "");
}

/* The id the journal's next entry will get. */
static bool journal_next(struct bd_store *s, int64_t *id, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_JOURNAL_NEXT, err);
	if (!q)
		return false;
	int rc = sqlite3_step(q);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? true : bd_st_dbfail(s, err, "cannot read the journal");
}

/* One operator decision inside the caller's transaction, journalled under
 * batch. */
static bool decide_one(struct bd_store *s, const char *addr, enum bd_store_op op, const char *actor,
		       const char *reason, int64_t now, int64_t batch, struct bd_op_result *res,
		       struct bd_store_error *err)
{
	memset(res, 0, sizeof(*res));
	if (!valid_addr(addr, err))
		return false;
	struct addr_row a;
	bool found;
	if (!address_get(s, addr, op == BD_OP_STOP, &a, &found, err))
		return false;
	if (!found && op != BD_OP_STOP)
		return bd_st_fail(err, BD_STORE_NOTFOUND,
				  "%s is not in the store (it may be mailed)", addr);
	res->old_state = a.state;
	res->was_review = a.review;
	enum bd_state to = op == BD_OP_STOP   ? BD_STATE_STOPPED :
			   op == BD_OP_RESUME ? BD_STATE_ACTIVE :
						a.state;
	res->new_state = to;
	res->changed = to != a.state || a.review;
	sqlite3_stmt *q = stmt(s, S_JOURNAL_OP, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, a.id);
	sqlite3_bind_int64(q, 2, now);
	bd_st_bind_text(q, 3, actor);
	bd_st_bind_text(q, 4, bd_store_op_name(op));
	bd_st_bind_text(q, 5, addr);
	bd_st_bind_text(q, 6, bd_state_name(to));
	bd_st_bind_text(q, 7, reason);
	sqlite3_bind_int64(q, 8, batch);
	if (!run(s, q, err, "cannot write the journal"))
		return false;
	if (op == BD_OP_CONFIRM) {
		/* Confirming keeps the state and who set it; only the mark goes. */
		if (!(q = stmt(s, S_ADDR_CONFIRM, err)))
			return false;
		sqlite3_bind_int64(q, 1, a.id);
		return run(s, q, err, "cannot confirm");
	}
	if (!(q = stmt(s, S_ADDR_STATE, err)))
		return false;
	sqlite3_bind_int64(q, 1, a.id);
	bd_st_bind_text(q, 2, bd_state_name(to));
	sqlite3_bind_int(q, 3, 0);
	bd_st_bind_text(q, 4, reason);
	bd_st_bind_text(q, 5, "operator");
	bd_st_bind_text(q, 6, actor);
	sqlite3_bind_int64(q, 7, now);
	/* Resuming restarts the count: older bounces do not stop it again. */
	sqlite3_bind_int(q, 8, op == BD_OP_RESUME);
	return run(s, q, err, "cannot change the state");
}

bool bd_store_decide(struct bd_store *s, const char *addr, enum bd_store_op op, const char *actor,
		     const char *reason, int64_t now, struct bd_op_result *res,
		     struct bd_store_error *err)
{
	return bd_store_decide_many(s, &addr, 1, op, actor, reason, now, res, err);
}

bool bd_store_decide_many(struct bd_store *s, const char *const *addrs, size_t n,
			  enum bd_store_op op, const char *actor, const char *reason, int64_t now,
			  struct bd_op_result *res, struct bd_store_error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (!valid_addr(addrs[i], err))
			return false;
	}
	if (!bd_store_begin(s, err))
		return false;
	int64_t batch;
	if (!journal_next(s, &batch, err))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		struct bd_op_result one;
		if (!decide_one(s, addrs[i], op, actor, reason, now, batch, res ? &res[i] : &one,
				err))
			goto fail;
	}
	if (!bd_store_commit(s, err))
		goto fail;
	return true;
fail:
	bd_store_rollback(s);
	return false;
}

struct undo_row {
	int64_t id;
	char addr[330];
};

bool bd_store_undo(struct bd_store *s, const char *actor, int64_t now, struct bd_undo_result *res,
		   struct bd_store_error *err)
{
	memset(res, 0, sizeof(*res));
	if (!bd_store_begin(s, err))
		return false;
	struct undo_row *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *q = stmt(s, S_UNDO_LAST, err);
	if (!q)
		goto fail;
	bd_st_bind_text(q, 1, actor);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			bd_st_fail(err, BD_STORE_NOTFOUND, "%s: no decision by %s left to undo",
				   s->path, actor ? actor : "");
		else
			bd_st_dbfail(s, err, "cannot read the journal");
		sqlite3_reset(q);
		goto fail;
	}
	res->entry = sqlite3_column_int64(q, 0);
	snprintf(res->action, sizeof(res->action), "%s", bd_st_col_text(q, 1));
	int64_t batch = sqlite3_column_int64(q, 2);
	sqlite3_reset(q);
	if (strcmp(res->action, "clear") == 0) {
		bd_st_fail(err, BD_STORE_INVALID,
			   "%s: the last decision by %s (journal #%lld) cleared a bounce log; a "
			   "clear cannot be undone: its bounces are deleted",
			   s->path, actor, (long long)res->entry);
		goto fail;
	}
	if (!(q = stmt(s, S_UNDO_BATCH, err)))
		goto fail;
	sqlite3_bind_int64(q, 1, batch);
	bd_st_bind_text(q, 2, actor);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(q, 0);
		const char *addr = bd_st_col_text(q, 1);
		if (sqlite3_column_int(q, 2)) {
			bd_st_fail(err, BD_STORE_INVALID,
				   "%s: journal #%lld was written by an older bouncedesk that did "
				   "not record what it replaced; it cannot be undone",
				   s->path, (long long)id);
			sqlite3_reset(q);
			goto fail;
		}
		if (sqlite3_column_int64(q, 3) > id) {
			bd_st_fail(err, BD_STORE_INVALID,
				   "%s: %s changed after journal #%lld (%s); nothing undone",
				   s->path, addr ? addr : "", (long long)id,
				   bd_st_col_text(q, 4) ? bd_st_col_text(q, 4) : "");
			sqlite3_reset(q);
			goto fail;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			rows = bd_xrealloc(rows, cap * sizeof(*rows));
		}
		rows[n].id = id;
		snprintf(rows[n].addr, sizeof(rows[n].addr), "%s", addr ? addr : "");
		n++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		bd_st_dbfail(s, err, "cannot read the journal");
		goto fail;
	}
	int64_t undo_batch;
	if (!journal_next(s, &undo_batch, err))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (!(q = stmt(s, S_UNDO_JOURNAL, err)))
			goto fail;
		sqlite3_bind_int64(q, 1, rows[i].id);
		sqlite3_bind_int64(q, 2, now);
		bd_st_bind_text(q, 3, actor);
		sqlite3_bind_int64(q, 4, undo_batch);
		if (!run(s, q, err, "cannot write the journal"))
			goto fail;
		if (!(q = stmt(s, S_UNDO_ADDR, err)))
			goto fail;
		sqlite3_bind_int64(q, 1, rows[i].id);
		if (!run(s, q, err, "cannot restore an address"))
			goto fail;
	}
	if (!bd_store_commit(s, err))
		goto fail;
	res->addresses = n;
	free(rows);
	return true;
fail:
	free(rows);
	bd_store_rollback(s);
	return false;
}

/* One address's clear inside the caller's transaction. */
static bool clear_one(struct bd_store *s, const char *addr, const char *actor, const char *reason,
		      int64_t now, struct bd_clear_result *res, struct bd_store_error *err)
{
	memset(res, 0, sizeof(*res));
	if (!valid_addr(addr, err))
		return false;
	struct addr_row a;
	bool found;
	int64_t *msgs = NULL;
	size_t nmsgs = 0, cap = 0;
	if (!address_get(s, addr, false, &a, &found, err))
		goto fail;
	if (!found)
		return bd_st_fail(err, BD_STORE_NOTFOUND, "%s is not in the store", addr);
	res->old_state = a.state;
	sqlite3_stmt *q = stmt(s, S_CLEAR_MSGS, err);
	if (!q)
		goto fail;
	sqlite3_bind_int64(q, 1, a.id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (nmsgs == cap) {
			cap = cap ? 2 * cap : 16;
			msgs = bd_xrealloc(msgs, cap * sizeof(*msgs));
		}
		msgs[nmsgs++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		bd_st_dbfail(s, err, "cannot read the bounce log");
		goto fail;
	}
	if (!(q = stmt(s, S_CLEAR_EVENTS, err)))
		goto fail;
	sqlite3_bind_int64(q, 1, a.id);
	if (!run(s, q, err, "cannot delete the bounce log"))
		goto fail;
	res->events = sqlite3_changes64(s->db);
	for (size_t i = 0; i < nmsgs; i++) {
		if (!(q = stmt(s, S_CLEAR_RAW, err)))
			goto fail;
		sqlite3_bind_int64(q, 1, msgs[i]);
		if (!run(s, q, err, "cannot delete a message"))
			goto fail;
		if (sqlite3_changes64(s->db) > 0) {
			res->messages++;
			if (!(q = stmt(s, S_MSG_DROPPED, err)))
				goto fail;
			sqlite3_bind_int64(q, 1, msgs[i]);
			if (!run(s, q, err, "cannot delete a message"))
				goto fail;
		}
	}
	if (!(q = stmt(s, S_CLEAR_ADDR, err)))
		goto fail;
	sqlite3_bind_int64(q, 1, a.id);
	bd_st_bind_text(q, 2, reason);
	bd_st_bind_text(q, 3, actor);
	sqlite3_bind_int64(q, 4, now);
	if (!run(s, q, err, "cannot reset the address"))
		goto fail;
	char what[600];
	snprintf(what, sizeof(what), "%lld events and %lld raw messages deleted%s%s",
		 (long long)res->events, (long long)res->messages, reason ? ": " : "",
		 reason ? reason : "");
	if (!journal(s, now, actor, "clear", addr, bd_state_name(a.state), "active", what,
		     "operator", 0, err))
		goto fail;
	free(msgs);
	return true;
fail:
	free(msgs);
	return false;
}

bool bd_store_clear(struct bd_store *s, const char *addr, const char *actor, const char *reason,
		    int64_t now, struct bd_clear_result *res, struct bd_store_error *err)
{
	memset(res, 0, sizeof(*res));
	if (!valid_addr(addr, err) || !bd_store_begin(s, err))
		return false;
	if (!clear_one(s, addr, actor, reason, now, res, err) || !bd_store_commit(s, err)) {
		bd_store_rollback(s);
		return false;
	}
	return true;
}

bool bd_store_clear_many(struct bd_store *s, const char *const *addrs, size_t n, const char *actor,
			 const char *reason, int64_t now, struct bd_clear_result *total,
			 struct bd_store_error *err)
{
	memset(total, 0, sizeof(*total));
	if (!bd_store_begin(s, err))
		return false;
	for (size_t i = 0; i < n; i++) {
		struct bd_clear_result one;
		if (!clear_one(s, addrs[i], actor, reason, now, &one, err)) {
			bd_store_rollback(s);
			memset(total, 0, sizeof(*total));
			return false;
		}
		total->events += one.events;
		total->messages += one.messages;
	}
	if (!bd_store_commit(s, err)) {
		bd_store_rollback(s);
		memset(total, 0, sizeof(*total));
		return false;
	}
	return true;
}

/* ---- reading ---- */

void bd_st_read_addr(sqlite3_stmt *q, struct bd_store_addr *a)
{
	a->id = sqlite3_column_int64(q, 0);
	a->address = bd_st_col_text(q, 1);
	a->domain = bd_st_col_text(q, 2);
	if (!bd_state_parse(bd_st_col_text(q, 3), &a->state))
		a->state = BD_STATE_ACTIVE;
	a->review = sqlite3_column_int(q, 4);
	a->state_reason = bd_st_col_text(q, 5);
	a->state_rule = bd_st_col_text(q, 6);
	a->state_actor = bd_st_col_text(q, 7);
	a->state_at = sqlite3_column_int64(q, 8);
	a->bounces = sqlite3_column_int64(q, 9);
	a->first_at = sqlite3_column_int64(q, 10);
	a->last_at = sqlite3_column_int64(q, 11);
	a->last_reason = bd_st_col_text(q, 12);
	a->last_status = bd_st_col_text(q, 13);
	a->last_diagnostic = bd_st_col_text(q, 14);
}

/* Steps q to the end, handing each row to each(); false on a database error. */
bool bd_st_each_row(struct bd_store *s, sqlite3_stmt *q, bool (*each)(sqlite3_stmt *, void *),
		    void *ctx, struct bd_store_error *err)
{
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!each(q, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
}

bool bd_st_addr_row_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_addr a;
	bd_st_read_addr(q, &a);
	return ((bd_store_addr_fn)c->fn)(c->ctx, &a);
}

bool bd_store_address(struct bd_store *s, const char *addr, bd_store_addr_fn fn, void *ctx,
		      bool *found, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_ADDR_ROW, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, addr);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	if (*found) {
		struct bd_store_addr a;
		bd_st_read_addr(q, &a);
		fn(ctx, &a);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : bd_st_dbfail(s, err, "cannot read");
}

static bool event_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_event e = {
		.id = sqlite3_column_int64(q, 0),
		.message = sqlite3_column_int64(q, 1),
		.recipient = bd_st_col_text(q, 2),
		.alias = bd_st_col_text(q, 3),
		.action = bd_st_col_text(q, 4),
		.status = bd_st_col_text(q, 5),
		.replycode = bd_st_col_text(q, 6),
		.diagnostic = bd_st_col_text(q, 7),
		.command = bd_st_col_text(q, 8),
		.remote_mta = bd_st_col_text(q, 9),
		.reporting_mta = bd_st_col_text(q, 10),
		.detector = bd_st_col_text(q, 11),
		.subject = bd_st_col_text(q, 12),
		.source = bd_st_col_text(q, 13),
		.date = sqlite3_column_int64(q, 14),
		.reason = bd_st_col_text(q, 15),
		.category = bd_st_col_text(q, 16),
		.rule = bd_st_col_text(q, 17),
		.policy = bd_st_col_text(q, 18),
		.send_key = bd_st_col_text(q, 19),
		.hardbounce = sqlite3_column_int(q, 20),
		.permanent = sqlite3_column_int(q, 21),
	};
	return ((bd_store_event_fn)c->fn)(c->ctx, &e);
}

bool bd_store_events(struct bd_store *s, const char *addr, int limit, bd_store_event_fn fn,
		     void *ctx, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_EVENTS, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, addr);
	sqlite3_bind_int(q, 2, limit > 0 ? limit : -1);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, event_cb, &c, err);
}

static bool journal_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_jrow j = {
		.id = sqlite3_column_int64(q, 0),
		.at = sqlite3_column_int64(q, 1),
		.actor = bd_st_col_text(q, 2),
		.action = bd_st_col_text(q, 3),
		.address = bd_st_col_text(q, 4),
		.old_state = bd_st_col_text(q, 5),
		.new_state = bd_st_col_text(q, 6),
		.reason = bd_st_col_text(q, 7),
		.rule = bd_st_col_text(q, 8),
		.undoes = sqlite3_column_int64(q, 9),
	};
	return ((bd_store_journal_fn)c->fn)(c->ctx, &j);
}

bool bd_store_journal(struct bd_store *s, const char *addr, bd_store_journal_fn fn, void *ctx,
		      struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, addr ? S_JOURNAL_ADDR : S_JOURNAL_ALL, err);
	if (!q)
		return false;
	if (addr)
		bd_st_bind_text(q, 1, addr);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, journal_cb, &c, err);
}

bool bd_store_addresses_in(struct bd_store *s, unsigned state_mask, bd_store_addr_fn fn, void *ctx,
			   struct bd_store_error *err)
{
	struct cb c = {(void *)fn, ctx};
	for (int st = BD_STATE_ACTIVE; st <= BD_STATE_HOLD; st++) {
		if (!(state_mask & (1u << st)))
			continue;
		sqlite3_stmt *q = stmt(s, S_ADDR_IN, err);
		if (!q)
			return false;
		bd_st_bind_text(q, 1, bd_state_name((enum bd_state)st));
		if (!bd_st_each_row(s, q, bd_st_addr_row_cb, &c, err))
			return false;
	}
	return true;
}

bool bd_store_reason_page(struct bd_store *s, const char *reason, int64_t offset, int limit,
			  bd_store_addr_fn fn, void *ctx, struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_REASON_PAGE, err);
	if (!q)
		return false;
	bd_st_bind_text(q, 1, reason);
	sqlite3_bind_int64(q, 2, offset);
	sqlite3_bind_int(q, 3, limit);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, bd_st_addr_row_cb, &c, err);
}

bool bd_st_count_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	return ((bd_store_count_fn)c->fn)(c->ctx, bd_st_col_text(q, 0), sqlite3_column_int64(q, 1),
					  sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3));
}

static bool counts(struct bd_store *s, enum stmt i, int limit, bd_store_count_fn fn, void *ctx,
		   struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, i, err);
	if (!q)
		return false;
	if (limit)
		sqlite3_bind_int(q, 1, limit);
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, bd_st_count_cb, &c, err);
}

bool bd_store_reason_counts(struct bd_store *s, bd_store_count_fn fn, void *ctx,
			    struct bd_store_error *err)
{
	return counts(s, S_REASON_COUNTS, 0, fn, ctx, err);
}

bool bd_store_state_counts(struct bd_store *s, bd_store_count_fn fn, void *ctx,
			   struct bd_store_error *err)
{
	return counts(s, S_STATE_COUNTS, 0, fn, ctx, err);
}

bool bd_store_domain_counts(struct bd_store *s, int limit, bd_store_count_fn fn, void *ctx,
			    struct bd_store_error *err)
{
	return counts(s, S_DOMAIN_COUNTS, limit > 0 ? limit : -1, fn, ctx, err);
}

static bool incident_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_incident i = {
		.domain = bd_st_col_text(q, 0),
		.reason = bd_st_col_text(q, 1),
		.events = sqlite3_column_int64(q, 2),
		.first_at = sqlite3_column_int64(q, 3),
		.last_at = sqlite3_column_int64(q, 4),
	};
	return ((bd_store_incident_fn)c->fn)(c->ctx, &i);
}

bool bd_store_incidents(struct bd_store *s, bd_store_incident_fn fn, void *ctx,
			struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_INCIDENTS, err);
	if (!q)
		return false;
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, incident_cb, &c, err);
}

bool bd_st_msg_cb(sqlite3_stmt *q, void *p)
{
	struct cb *c = p;
	struct bd_store_msg m = {
		.id = sqlite3_column_int64(q, 0),
		.size = sqlite3_column_int64(q, 1),
		.ingested_at = sqlite3_column_int64(q, 2),
		.date = sqlite3_column_int64(q, 3),
		.sha = bd_st_col_text(q, 4),
		.source = bd_st_col_text(q, 5),
		.kind = bd_st_col_text(q, 6),
		.detector = bd_st_col_text(q, 7),
		.error = bd_st_col_text(q, 8),
		.from = bd_st_col_text(q, 9),
		.subject = bd_st_col_text(q, 10),
		.raw_kept = sqlite3_column_int(q, 11),
	};
	return ((bd_store_msg_fn)c->fn)(c->ctx, &m);
}

bool bd_store_unparsed(struct bd_store *s, bd_store_msg_fn fn, void *ctx,
		       struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_UNPARSED, err);
	if (!q)
		return false;
	struct cb c = {(void *)fn, ctx};
	return bd_st_each_row(s, q, bd_st_msg_cb, &c, err);
}

bool bd_store_totals(struct bd_store *s, int64_t out[4], struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_TOTALS, err);
	if (!q)
		return false;
	int rc = sqlite3_step(q);
	for (int i = 0; i < 4; i++)
		out[i] = rc == SQLITE_ROW ? sqlite3_column_int64(q, i) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? true : bd_st_dbfail(s, err, "cannot read");
}

bool bd_store_raw(struct bd_store *s, int64_t id,
		  void (*fn)(void *ctx, const void *data, size_t len), void *ctx,
		  struct bd_store_error *err)
{
	sqlite3_stmt *q = stmt(s, S_RAW, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		fn(ctx, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0));
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return bd_st_fail(err, BD_STORE_NOTFOUND,
				  "%s: message %lld is not stored (or was cleared)", s->path,
				  (long long)id);
	return rc == SQLITE_ROW ? true : bd_st_dbfail(s, err, "cannot read");
}
