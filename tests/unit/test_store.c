/* test_store.c: the store against real SQLite files in a temporary
 * directory: schema creation and migration, dedup, each stop policy,
 * forwarding, clear and the journal. */
#include "testlib.h"

#include <sqlite3.h>
#include <unistd.h>

#include "../../core/classify.h"
#include "../../core/date.h"
#include "../../core/sha256.h"
#include "../../core/policy.h"
#include "../../db/schema.h"
#include "../../db/store.h"
#include "store_fixture.h"

/* ---- schema ---- */

static void test_create_and_reopen(void **state)
{
	(void)state;
	const char *p = tmp_db();
	struct bd_store *s;
	struct bd_store_error err;
	assert_true(bd_store_open(p, 0, 0, &s, &err));
	assert_int_equal(bd_store_version(s), BD_STORE_SCHEMA);
	bd_store_close(s);
	assert_true(bd_store_open(p, BD_STORE_READONLY, 0, &s, &err));
	assert_int_equal(bd_store_version(s), BD_STORE_SCHEMA);
	bd_store_close(s);
}

static void test_newer_store_refused(void **state)
{
	(void)state;
	const char *p = tmp_db();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	char q[64];
	snprintf(q, sizeof(q), "PRAGMA user_version = %d", BD_STORE_SCHEMA + 1);
	assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct bd_store *s;
	struct bd_store_error err;
	assert_false(bd_store_open(p, 0, 0, &s, &err));
	assert_int_equal(err.code, BD_STORE_NEWER);
	assert_non_null(strstr(err.msg, "newer"));
}

static void test_foreign_file_refused(void **state)
{
	(void)state;
	const char *p = tmp_db();
	FILE *fp = fopen(p, "w");
	fputs("this is not a database, just text that happens to be here\n", fp);
	fclose(fp);
	struct bd_store *s;
	struct bd_store_error err;
	assert_false(bd_store_open(p, 0, 0, &s, &err));
	assert_int_equal(err.code, BD_STORE_CORRUPT);
	/* Another program's SQLite file is not taken over either. */
	p = tmp_db();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_false(bd_store_open(p, 0, 0, &s, &err));
	assert_int_equal(err.code, BD_STORE_CORRUPT);
}

static bool reason_row(void *ctx, const char *key, int64_t ev, int64_t ad, int64_t rev)
{
	if (strcmp(key, "userunknown") == 0) {
		((int64_t *)ctx)[0] = ev;
		((int64_t *)ctx)[1] = ad;
		((int64_t *)ctx)[2] = rev;
	}
	return true;
}

static void test_migrate_from_v1(void **state)
{
	(void)state;
	/* A version-1 store with events, as an older bouncedesk left it. */
	const char *p = tmp_db();
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, bd_schema_migrations[0], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(
			db,
			"PRAGMA user_version = 1;"
			"INSERT INTO messages(id, sha256, size, ingested_at, kind) VALUES"
			" (1, x'01', 10, 1, 'bounce'), (2, x'02', 10, 1, 'bounce');"
			"INSERT INTO addresses(id, address, domain) VALUES (1, 'a@x.example', "
			"'x.example'), (2, 'b@x.example', 'x.example');"
			"INSERT INTO events(message, idx, address, date, reason, category, hardbounce,"
			" permanent, send_key) VALUES (1, 0, 1, 5, 'userunknown', 'userunknown', 1, 1, "
			"'k1'), (2, 0, 1, 6, 'userunknown', 'userunknown', 1, 1, 'k2'), (2, 1, 2, 6, "
			"'userunknown', 'userunknown', 1, 1, 'k2');",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	struct bd_store *s;
	struct bd_store_error err;
	/* Read-only cannot upgrade, and says so. */
	assert_false(bd_store_open(p, BD_STORE_READONLY, 0, &s, &err));
	assert_non_null(strstr(err.msg, "upgrade"));
	assert_true(bd_store_open(p, 0, 0, &s, &err));
	assert_int_equal(bd_store_version(s), BD_STORE_SCHEMA);
	int64_t c[3] = {0, 0, 0};
	assert_true(bd_store_reason_counts(s, reason_row, c, &err));
	assert_int_equal(c[0], 3); /* events */
	assert_int_equal(c[1], 2); /* addresses */
	bd_store_close(s);
}

/* ---- ingest ---- */

static void test_dedup(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_UNPARSED;
	r.error = "no headers";
	static const char raw[] = "\x01\x02 binary junk";
	struct bd_ingest_msg m = {.raw = raw, .len = sizeof(raw) - 1, .source = "x", .now = T0};
	bd_sha256(raw, m.len, m.sha);
	struct bd_ingest_result res;
	struct bd_store_error err;
	assert_true(bd_store_begin(f->s, &err));
	assert_true(bd_store_add(f->s, &m, &r, NULL, &f->pol, &res, &err));
	assert_false(res.duplicate);
	assert_true(bd_store_add(f->s, &m, &r, NULL, &f->pol, &res, &err));
	assert_true(res.duplicate);
	assert_true(bd_store_commit(f->s, &err));
	int64_t t[4];
	assert_true(bd_store_totals(f->s, t, &err));
	assert_int_equal(t[0], 1); /* one message */
	assert_int_equal(t[1], 1); /* unparsed, kept */
	bd_report_done(&r);
	fx_free(f);
}

static void test_userunknown_stops_at_once(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	struct bd_ingest_result res = bounce(f, "gone@example.jp", NULL, "userunknown", "5.1.1",
					     "<s1@x>", 0, BD_KIND_BOUNCE);
	assert_int_equal(res.stopped, 1);
	bool found;
	struct addr_copy c = addr(f, "gone@example.jp", &found);
	assert_int_equal(c.state, BD_STATE_STOPPED);
	assert_true(c.review); /* automatic stops wait for the operator */
	assert_string_equal(c.reason, "userunknown");
	assert_int_equal(journal_rows(f, "gone@example.jp"), 1);
	fx_free(f);
}

static void test_temporary_user_unknown_counts(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	/* "452 4.2.1 user unknown, try later": soft, so it needs three sends. */
	bounce(f, "maybe@example.jp", NULL, "userunknown", "4.2.1", "<a@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "maybe@example.jp", NULL, "userunknown", "4.2.1", "<b@x>", 1, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, "maybe@example.jp"), BD_STATE_ACTIVE);
	bounce(f, "maybe@example.jp", NULL, "userunknown", "4.2.1", "<c@x>", 2, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, "maybe@example.jp"), BD_STATE_STOPPED);
	fx_free(f);
}

static void test_network_needs_distinct_sends(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "slow@example.net";
	/* Retries of one send count once. */
	for (int i = 0; i < 5; i++)
		bounce(f, a, NULL, "networkerror", "4.4.1", "<same@x>", i, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	bounce(f, a, NULL, "dnstimeout", "4.4.3", "<two@x>", 6, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	bounce(f, a, NULL, "networkerror", "4.4.1", "<three@x>", 7, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_STOPPED);
	fx_free(f);
}

static void test_old_soft_bounces_stop_counting(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "rare@example.net";
	bounce(f, a, NULL, "networkerror", NULL, "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, a, NULL, "networkerror", NULL, "<2@x>", 10, BD_KIND_BOUNCE);
	/* 45 days later: the first two are outside the 30-day window. */
	bounce(f, a, NULL, "networkerror", NULL, "<3@x>", 55, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	fx_free(f);
}

static void test_success_resets_the_run(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "flaky@example.net";
	bounce(f, a, NULL, "networkerror", NULL, "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, a, NULL, "networkerror", NULL, "<2@x>", 1, BD_KIND_BOUNCE);
	bounce(f, a, NULL, "delivered", "2.0.0", "<3@x>", 2, BD_KIND_SUCCESS);
	bounce(f, a, NULL, "networkerror", NULL, "<4@x>", 3, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	fx_free(f);
}

static void test_delay_notices_do_not_count(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "slowbox@example.jp";
	for (int i = 0; i < 4; i++) {
		char orig[16];
		snprintf(orig, sizeof(orig), "<%d@x>", i);
		bounce(f, a, NULL, "expired", "4.4.7", orig, i, BD_KIND_DELAY);
	}
	bool found;
	struct addr_copy c = addr(f, a, &found);
	assert_true(found);
	assert_int_equal(c.state, BD_STATE_ACTIVE); /* still trying: not a failure */
	assert_int_equal(c.bounces, 0);
	fx_free(f);
}

static void test_mailboxfull_holds(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "full@example.jp";
	bounce(f, a, NULL, "mailboxfull", "4.2.2", "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, a, NULL, "mailboxfull", "4.2.2", "<2@x>", 1, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	struct bd_ingest_result r =
		bounce(f, a, NULL, "mailboxfull", "5.2.2", "<3@x>", 2, BD_KIND_BOUNCE);
	assert_int_equal(r.held, 1);
	bool found;
	struct addr_copy c = addr(f, a, &found);
	assert_int_equal(c.state, BD_STATE_HOLD);
	assert_true(c.review);
	fx_free(f);
}

static bool first_incident(void *ctx, const struct bd_store_incident *i)
{
	char *buf = ctx;
	snprintf(buf, 128, "%s %s %lld", i->domain, i->reason, (long long)i->events);
	return false;
}

static void test_sender_side_is_an_incident(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	for (int i = 0; i < 5; i++) {
		char rc[64], orig[32];
		snprintf(rc, sizeof(rc), "user%d@outlook.example", i);
		snprintf(orig, sizeof(orig), "<%d@x>", i);
		struct bd_ingest_result r =
			bounce(f, rc, NULL, "blocked", "5.7.1", orig, i, BD_KIND_BOUNCE);
		assert_int_equal(r.incidents, 1);
		assert_int_equal(state_of(f, rc), BD_STATE_ACTIVE);
	}
	char buf[128] = "";
	struct bd_store_error err;
	assert_true(bd_store_incidents(f->s, first_incident, buf, &err));
	assert_string_equal(buf, "outlook.example blocked 5");
	fx_free(f);
}

static void test_forwarding_acts_on_registered_address(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "target@forward.example", "member@shop.example", "userunknown", "5.1.1", "<1@x>",
	       0, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, "member@shop.example"), BD_STATE_STOPPED);
	bool found;
	addr(f, "target@forward.example", &found);
	assert_false(found);
	fx_free(f);
}

/* ---- operator ---- */

static void test_review_counts_follow_decisions(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "a@example.jp", NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "b@example.jp", NULL, "userunknown", "5.1.1", "<2@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "b@example.jp", NULL, "userunknown", "5.1.1", "<3@x>", 1, BD_KIND_BOUNCE);
	int64_t c[3] = {0, 0, 0};
	struct bd_store_error err;
	assert_true(bd_store_reason_counts(f->s, reason_row, c, &err));
	assert_int_equal(c[0], 3); /* events */
	assert_int_equal(c[1], 2); /* addresses */
	assert_int_equal(c[2], 2); /* awaiting review */
	struct bd_op_result r;
	assert_true(
		bd_store_decide(f->s, "a@example.jp", BD_OP_CONFIRM, "alice", NULL, T0, &r, &err));
	assert_true(bd_store_reason_counts(f->s, reason_row, c, &err));
	assert_int_equal(c[2], 1);
	struct bd_clear_result cr;
	assert_true(bd_store_clear(f->s, "b@example.jp", "alice", NULL, T0, &cr, &err));
	assert_true(bd_store_reason_counts(f->s, reason_row, c, &err));
	assert_int_equal(c[0], 1);
	assert_int_equal(c[1], 1);
	assert_int_equal(c[2], 0);
	fx_free(f);
}

static void test_operator_decisions_journalled(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "gone@example.jp";
	bounce(f, a, NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	struct bd_op_result r;
	struct bd_store_error err;
	assert_true(bd_store_decide(f->s, a, BD_OP_CONFIRM, "alice", NULL, T0, &r, &err));
	assert_true(r.was_review);
	bool found;
	struct addr_copy c = addr(f, a, &found);
	assert_int_equal(c.state, BD_STATE_STOPPED);
	assert_false(c.review);
	assert_true(
		bd_store_decide(f->s, a, BD_OP_RESUME, "alice", "fixed by phone", T0, &r, &err));
	assert_int_equal(r.old_state, BD_STATE_STOPPED);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	/* Stopping an address the store has never seen adds it. */
	assert_true(
		bd_store_decide(f->s, "new@example.jp", BD_OP_STOP, "bob", "asked", T0, &r, &err));
	assert_int_equal(state_of(f, "new@example.jp"), BD_STATE_STOPPED);
	/* Resuming an unknown one is an error, not a silent success. */
	assert_false(
		bd_store_decide(f->s, "none@example.jp", BD_OP_RESUME, "bob", NULL, T0, &r, &err));
	assert_int_equal(err.code, BD_STORE_NOTFOUND);
	assert_int_equal(journal_rows(f, a), 3); /* auto stop, confirm, resume */
	fx_free(f);
}

static void test_resume_restarts_the_count(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	const char *a = "net@example.net";
	for (int i = 0; i < 3; i++) {
		char orig[16];
		snprintf(orig, sizeof(orig), "<%d@x>", i);
		bounce(f, a, NULL, "networkerror", NULL, orig, i, BD_KIND_BOUNCE);
	}
	assert_int_equal(state_of(f, a), BD_STATE_STOPPED);
	struct bd_op_result r;
	struct bd_store_error err;
	/* Resumed on day 10; a bounce on day 11 is within 30 days of the first
	 * three, but they came before the resume and no longer count. */
	assert_true(bd_store_decide(f->s, a, BD_OP_RESUME, "alice", NULL, T0 + 10 * DAY, &r, &err));
	bounce(f, a, NULL, "networkerror", NULL, "<9@x>", 11, BD_KIND_BOUNCE);
	assert_int_equal(state_of(f, a), BD_STATE_ACTIVE);
	fx_free(f);
}

static void raw_found(void *ctx, const void *data, size_t len)
{
	(void)data;
	*(size_t *)ctx = len;
}

static void test_clear(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	/* One message about two recipients, one message about one. */
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_BOUNCE;
	r.orig_message_id = "<shared@x>";
	struct bd_rcpt *x = bd_report_rcpt(&r, "full@example.jp");
	x->status = "5.2.2";
	struct bd_rcpt *y = bd_report_rcpt(&r, "other@example.jp");
	y->status = "5.2.2";
	struct bd_verdict v[2] = {{0}, {0}};
	v[0].reason = v[0].category = v[1].reason = v[1].category = bd_reason_get("mailboxfull");
	static const char raw[] = "Subject: shared\n\nx\n";
	struct bd_ingest_msg m = {.raw = raw, .len = sizeof(raw) - 1, .source = "t", .now = T0};
	bd_sha256(raw, m.len, m.sha);
	struct bd_ingest_result res;
	struct bd_store_error err;
	assert_true(bd_store_begin(f->s, &err));
	assert_true(bd_store_add(f->s, &m, &r, v, &f->pol, &res, &err));
	assert_true(bd_store_commit(f->s, &err));
	int64_t shared_id = res.message_id;
	struct bd_ingest_result own = bounce(f, "full@example.jp", NULL, "mailboxfull", "5.2.2",
					     "<own@x>", 1, BD_KIND_BOUNCE);
	struct bd_clear_result cr;
	assert_true(
		bd_store_clear(f->s, "full@example.jp", "alice", "mailbox emptied", T0, &cr, &err));
	assert_int_equal(cr.events, 2);
	assert_int_equal(cr.messages, 1); /* the shared one stays for other@ */
	size_t len = 0;
	assert_true(bd_store_raw(f->s, shared_id, raw_found, &len, &err));
	assert_int_equal(len, sizeof(raw) - 1);
	assert_false(bd_store_raw(f->s, own.message_id, raw_found, &len, &err));
	bool found;
	struct addr_copy c = addr(f, "full@example.jp", &found);
	assert_true(found); /* the address is kept, its log is gone */
	assert_int_equal(c.bounces, 0);
	assert_int_equal(c.state, BD_STATE_ACTIVE);
	/* Ingesting the cleared message again is still a duplicate. */
	assert_true(bd_store_begin(f->s, &err));
	assert_true(bd_store_add(f->s, &m, &r, v, &f->pol, &res, &err));
	assert_true(res.duplicate);
	assert_true(bd_store_commit(f->s, &err));
	assert_int_equal(journal_rows(f, "full@example.jp"), 1);
	bd_report_done(&r);
	fx_free(f);
}

/* Clearing several addresses is one transaction: a shared message goes
 * only when no recipient is left, each address is journalled, and an
 * unknown address among them changes nothing. */
static void test_clear_many_all_or_nothing(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "a@example.jp", NULL, "mailboxfull", "5.2.2", "<a1@x>", 1, BD_KIND_BOUNCE);
	bounce(f, "a@example.jp", NULL, "mailboxfull", "5.2.2", "<a2@x>", 2, BD_KIND_BOUNCE);
	bounce(f, "b@example.jp", NULL, "userunknown", "5.1.1", "<b1@x>", 3, BD_KIND_BOUNCE);
	bounce(f, "c@example.jp", NULL, "userunknown", "5.1.1", "<c1@x>", 4, BD_KIND_BOUNCE);
	struct bd_clear_result total;
	struct bd_store_error err;
	const char *bad[] = {"a@example.jp", "nobody@example.jp"};
	assert_false(bd_store_clear_many(f->s, bad, 2, "alice", NULL, T0, &total, &err));
	assert_int_equal(err.code, BD_STORE_NOTFOUND);
	assert_non_null(strstr(err.msg, "nobody@example.jp"));
	bool found;
	assert_int_equal(addr(f, "a@example.jp", &found).bounces, 2); /* untouched */
	assert_int_equal(journal_rows(f, "a@example.jp"), 0);
	const char *two[] = {"a@example.jp", "b@example.jp"};
	assert_true(bd_store_clear_many(f->s, two, 2, "alice", "fixed", T0, &total, &err));
	assert_int_equal(total.events, 3);
	assert_int_equal(total.messages, 3);
	assert_int_equal(addr(f, "a@example.jp", &found).bounces, 0);
	assert_int_equal(addr(f, "b@example.jp", &found).state, BD_STATE_ACTIVE);
	assert_int_equal(addr(f, "c@example.jp", &found).bounces, 1);
	assert_int_equal(journal_rows(f, "a@example.jp"), 1);
	assert_int_equal(journal_rows(f, "b@example.jp"),
			 2); /* its automatic stop, then the clear */
	fx_free(f);
}

static void test_journal_is_append_only(void **state)
{
	(void)state;
	const char *p = tmp_db();
	struct bd_store *s;
	struct bd_store_error err;
	assert_true(bd_store_open(p, 0, 0, &s, &err));
	struct bd_op_result r;
	assert_true(bd_store_decide(s, "a@example.jp", BD_OP_STOP, "alice", NULL, T0, &r, &err));
	bd_store_close(s);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_not_equal(
		sqlite3_exec(db, "UPDATE journal SET actor = 'mallory'", NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM journal", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static bool page_row(void *ctx, const struct bd_store_addr *a)
{
	char *buf = ctx;
	strcat(buf, a->address);
	strcat(buf, " ");
	return true;
}

static void test_reason_page_latest_first(void **state)
{
	(void)state;
	struct fx *f = fx_new();
	bounce(f, "old@example.jp", NULL, "userunknown", "5.1.1", "<1@x>", 0, BD_KIND_BOUNCE);
	bounce(f, "new@example.jp", NULL, "userunknown", "5.1.1", "<2@x>", 5, BD_KIND_BOUNCE);
	bounce(f, "mid@example.jp", NULL, "userunknown", "5.1.1", "<3@x>", 3, BD_KIND_BOUNCE);
	char buf[256] = "";
	struct bd_store_error err;
	assert_true(bd_store_reason_page(f->s, "userunknown", 0, 2, page_row, buf, &err));
	assert_string_equal(buf, "new@example.jp mid@example.jp ");
	buf[0] = '\0';
	assert_true(bd_store_reason_page(f->s, "userunknown", 2, 2, page_row, buf, &err));
	assert_string_equal(buf, "old@example.jp ");
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_and_reopen),
		cmocka_unit_test(test_newer_store_refused),
		cmocka_unit_test(test_foreign_file_refused),
		cmocka_unit_test(test_migrate_from_v1),
		cmocka_unit_test(test_dedup),
		cmocka_unit_test(test_userunknown_stops_at_once),
		cmocka_unit_test(test_temporary_user_unknown_counts),
		cmocka_unit_test(test_network_needs_distinct_sends),
		cmocka_unit_test(test_old_soft_bounces_stop_counting),
		cmocka_unit_test(test_success_resets_the_run),
		cmocka_unit_test(test_delay_notices_do_not_count),
		cmocka_unit_test(test_mailboxfull_holds),
		cmocka_unit_test(test_sender_side_is_an_incident),
		cmocka_unit_test(test_forwarding_acts_on_registered_address),
		cmocka_unit_test(test_review_counts_follow_decisions),
		cmocka_unit_test(test_operator_decisions_journalled),
		cmocka_unit_test(test_resume_restarts_the_count),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_clear_many_all_or_nothing),
		cmocka_unit_test(test_journal_is_append_only),
		cmocka_unit_test(test_reason_page_latest_first),
	};
	return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
