/* test_policy.c: bouncedesk.conf parsing, which entry applies to a
 * reason, what a bounce does to an address, and the SHA-256 the store
 * recognises messages by. */
#include "testlib.h"

#include "../../core/policy.h"
#include "../../core/sha256.h"

static void load(struct bd_policy *p, const char *text)
{
	struct bd_error err;
	bd_policy_init(p);
	assert_true(bd_policy_defaults(p, &err));
	if (text && !bd_policy_parse(p, "test.conf", text, strlen(text), &err))
		fail_msg("%s", err.msg);
}

static const struct bd_policy_entry *for_reason(const struct bd_policy *p, const char *id)
{
	const struct bd_reason *r = bd_reason_get(id);
	assert_non_null(r);
	return bd_policy_for(p, r);
}

static void test_defaults_follow_the_operators_rules(void **state)
{
	(void)state;
	struct bd_policy p;
	load(&p, NULL);
	/* Stop at once: user unknown, host unknown. */
	assert_int_equal(for_reason(&p, "userunknown")->action, BD_POL_STOP);
	assert_int_equal(bd_policy_threshold(&p, for_reason(&p, "userunknown"), false), 1);
	assert_int_equal(for_reason(&p, "hostunknown")->action, BD_POL_STOP);
	/* Name-server and network trouble: after 3 sends; dnstimeout refines it. */
	assert_int_equal(bd_policy_threshold(&p, for_reason(&p, "networkerror"), false), 3);
	assert_string_equal(for_reason(&p, "dnstimeout")->key, "networkerror");
	/* Mailbox full: hold after 3. */
	assert_int_equal(for_reason(&p, "mailboxfull")->action, BD_POL_HOLD);
	assert_int_equal(for_reason(&p, "mailboxfull")->after, 3);
	/* Sender-side refusals never count against the address. */
	const char *sender[] = {"blocked",     "badreputation", "requireptr",  "speeding",
				"toomanyconn", "authfailure",   "spamdetected"};
	for (size_t i = 0; i < sizeof(sender) / sizeof(sender[0]); i++)
		assert_int_equal(for_reason(&p, sender[i])->action, BD_POL_INCIDENT);
	assert_int_equal(p.window_days, 30);
	bd_policy_done(&p);
}

static void test_user_file_overrides(void **state)
{
	(void)state;
	struct bd_policy p;
	load(&p, "# ours\n"
		 "window 14d\n"
		 "policy hostunknown stop after=2 within=7d   # give DNS a second chance\n"
		 "policy group:sender ignore\n");
	const struct bd_policy_entry *e = for_reason(&p, "hostunknown");
	assert_int_equal(e->after, 2);
	assert_int_equal(bd_policy_window(&p, e), 7);
	assert_string_equal(e->source, "test.conf:3");
	assert_int_equal(for_reason(&p, "blocked")->action, BD_POL_IGNORE);
	assert_int_equal(p.window_days, 14);
	char buf[200];
	bd_policy_describe(e, buf, sizeof(buf));
	assert_string_equal(buf, "hostunknown stop after=2 within=7d [test.conf:3]");
	bd_policy_done(&p);
}

static void test_bad_files_are_refused_whole(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"policy nosuchreason stop\n", "test.conf:1: 'nosuchreason' is not a reason"},
		{"policy userunknown explode\n", "test.conf:1: unknown action 'explode'"},
		{"\npolicy mailboxfull hold after=0\n", "test.conf:2: after= needs a count"},
		{"policy mailboxfull hold within=soon\n", "test.conf:1: within= needs"},
		{"window\n", "test.conf:1: window needs"},
		{"colour red\n", "test.conf:1: unknown setting 'colour'"},
		{"policy userunknown\n", "test.conf:1: 'policy' needs"},
		{"policy group:nowhere stop\n", "test.conf:1: 'group:nowhere'"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct bd_policy p;
		load(&p, NULL);
		/* A good line before the bad one must not take effect either. */
		char text[256];
		snprintf(text, sizeof(text), "%s", bad[i].text);
		struct bd_error err;
		assert_false(bd_policy_parse(&p, "test.conf", text, strlen(text), &err));
		if (!strstr(err.msg, bad[i].want))
			fail_msg("'%s' gave '%s'", bad[i].text, err.msg);
		bd_policy_done(&p);
	}
	struct bd_policy p;
	load(&p, NULL);
	static const char half[] = "policy userunknown ignore\npolicy x y\n";
	struct bd_error err;
	assert_false(bd_policy_parse(&p, "t", half, sizeof(half) - 1, &err));
	assert_int_equal(for_reason(&p, "userunknown")->action, BD_POL_STOP);
	bd_policy_done(&p);
}

static void test_example_file_is_the_defaults(void **state)
{
	(void)state;
	const char *dir = getenv("BD_FIXTURES");
	char path[1024];
	snprintf(path, sizeof(path), "%s/../../etc/bouncedesk.conf.example",
		 dir ? dir : "tests/fixtures");
	struct bd_policy def, ex;
	struct bd_error err;
	load(&def, NULL);
	bd_policy_init(&ex);
	if (!bd_policy_load_file(&ex, path, false, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(ex.n, def.n);
	assert_int_equal(ex.window_days, def.window_days);
	for (size_t i = 0; i < def.n; i++) {
		assert_string_equal(ex.v[i].key, def.v[i].key);
		assert_int_equal(ex.v[i].action, def.v[i].action);
		assert_int_equal(ex.v[i].after, def.v[i].after);
		assert_int_equal(ex.v[i].within_days, def.v[i].within_days);
	}
	bd_policy_done(&def);
	bd_policy_done(&ex);
}

static void test_decisions(void **state)
{
	(void)state;
	struct bd_policy p;
	load(&p, NULL);
	struct bd_decision d;
	const struct bd_policy_entry *uu = for_reason(&p, "userunknown");
	bd_policy_decide(&p, uu, false, BD_STATE_ACTIVE, 1, &d);
	assert_int_equal(d.state, BD_STATE_STOPPED);
	assert_true(d.changed && d.review);
	/* Already stopped: nothing changes, nothing to review. */
	bd_policy_decide(&p, uu, false, BD_STATE_STOPPED, 1, &d);
	assert_false(d.changed || d.review);
	/* A user unknown with a temporary code counts like a soft bounce. */
	bd_policy_decide(&p, uu, true, BD_STATE_ACTIVE, 2, &d);
	assert_false(d.changed);
	bd_policy_decide(&p, uu, true, BD_STATE_ACTIVE, 3, &d);
	assert_int_equal(d.state, BD_STATE_STOPPED);
	/* Hold only from active; a held address is stopped by a hard bounce. */
	const struct bd_policy_entry *mf = for_reason(&p, "mailboxfull");
	bd_policy_decide(&p, mf, false, BD_STATE_ACTIVE, 3, &d);
	assert_int_equal(d.state, BD_STATE_HOLD);
	bd_policy_decide(&p, uu, false, BD_STATE_HOLD, 1, &d);
	assert_int_equal(d.state, BD_STATE_STOPPED);
	/* Sender-side: an incident, the address untouched. */
	bd_policy_decide(&p, for_reason(&p, "blocked"), false, BD_STATE_ACTIVE, 9, &d);
	assert_true(d.incident);
	assert_int_equal(d.state, BD_STATE_ACTIVE);
	/* Nothing recognised: a human looks. */
	bd_policy_decide(&p, for_reason(&p, "onhold"), false, BD_STATE_ACTIVE, 1, &d);
	assert_true(d.review && !d.changed);
	bd_policy_done(&p);
}

static void test_sha256_vectors(void **state)
{
	(void)state;
	unsigned char d[32];
	char hex[65];
	bd_sha256("", 0, d);
	bd_sha256_hex(d, hex);
	assert_string_equal(hex,
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	bd_sha256("abc", 3, d);
	bd_sha256_hex(d, hex);
	assert_string_equal(hex,
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* Fed in uneven pieces across block boundaries: the same digest. */
	static const char m[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	struct bd_sha256 s;
	bd_sha256_init(&s);
	for (size_t i = 0; i < sizeof(m) - 1; i += 7)
		bd_sha256_add(&s, m + i, sizeof(m) - 1 - i < 7 ? sizeof(m) - 1 - i : 7);
	bd_sha256_end(&s, d);
	bd_sha256_hex(d, hex);
	assert_string_equal(hex,
			    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256_both_paths_agree(void **state)
{
	(void)state;
	/* Messages of every length around the block and padding edges, hashed
	 * by the portable code and (when the CPU has them) the SHA extensions. */
	unsigned char buf[300], a[32], b[32];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	for (size_t n = 0; n <= sizeof(buf); n++) {
		bd_sha256_accelerated(false);
		bd_sha256(buf, n, a);
		bd_sha256_accelerated(true);
		bd_sha256(buf, n, b);
		assert_memory_equal(a, b, 32);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_follow_the_operators_rules),
		cmocka_unit_test(test_user_file_overrides),
		cmocka_unit_test(test_bad_files_are_refused_whole),
		cmocka_unit_test(test_example_file_is_the_defaults),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_both_paths_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
