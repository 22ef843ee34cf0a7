/* test_rules.c: rule files, their order of evidence, the code tables, and
 * hard/permanent answers, including the wording the operator's source
 * documents list (English and Japanese). */
#include "testrules.h"

#include "../../core/codes.h"

static const char *reason_of(const char *status, const char *reply, const char *diag)
{
	return verdict_with(&defaults, status, reply, diag, NULL).reason->id;
}

static void test_domain_wording_is_covered(void **state)
{
	(void)state;
	assert_str(reason_of(NULL, NULL, "Host or domain name not found. Name service error"),
		   "hostunknown");
	assert_str(verdict_with(&defaults, NULL, NULL, "Name server timeout", NULL).category->id,
		   "dnstimeout");
	assert_str(reason_of(NULL, "550", "Part of their network is on our block list"), "blocked");
	assert_str(reason_of(NULL, "554",
			     "Our system has detected an unusual rate of unsolicited "
			     "mail originating from your IP address. To protect our "
			     "users from spam, mail sent from your IP address has been "
			     "temporarily blocked."),
		   "speeding");
	assert_str(reason_of("5.1.1", "550", "<a@example.com>... User unknown"), "userunknown");
	assert_str(verdict_with(&defaults, NULL, "550", "user unknown", "RCPT").reason->id,
		   "userunknown");
	assert_str(reason_of(NULL, NULL, "Sorry, no mailbox here by that name. (#5.1.1)"),
		   "userunknown");
	assert_str(reason_of(NULL, NULL, "maildir over quota"), "mailboxfull");
	assert_str(reason_of("4.2.2", "452",
			     "452-4.2.2 The email account that you tried to reach "
			     "is over quota"),
		   "mailboxfull");
}

static void test_japanese_wording_is_covered(void **state)
{
	(void)state;
	assert_str(reason_of(NULL, NULL, "このメールアドレスは存在しません"), "userunknown");
	assert_str(reason_of(NULL, NULL, "宛先のドメインが見つかりません"), "hostunknown");
	assert_str(reason_of(NULL, NULL, "相手先のメールボックスの容量がいっぱいです"),
		   "mailboxfull");
	assert_str(reason_of(NULL, NULL, "受信拒否設定により配信できませんでした"), "filtered");
}

static void test_status_code_decides_when_words_say_nothing(void **state)
{
	(void)state;
	struct bd_verdict v = verdict_with(&defaults, "5.1.2", "550", "see our web page", NULL);
	assert_str(v.reason->id, "hostunknown");
	assert_str(v.rule, "status:5.1.2");
	v = verdict_with(&defaults, "5.7.23", NULL, NULL, NULL);
	assert_str(v.reason->id, "authfailure");
	v = verdict_with(&defaults, NULL, "552", "see our web page", NULL);
	assert_str(v.reason->id, "mailboxfull");
	assert_str(v.rule, "reply:552");
}

static void test_temporary_code_on_a_failure_means_expired(void **state)
{
	(void)state;
	struct bd_verdict v = verdict_with(&defaults, "4.4.1", NULL,
					   "connect to mx.example.com: refused twice", NULL);
	assert_str(v.reason->id, "expired");
	assert_false(v.permanent);
}

static void test_nothing_at_all_is_undefined_and_words_alone_onhold(void **state)
{
	(void)state;
	assert_str(reason_of(NULL, NULL, NULL), "undefined");
	assert_str(reason_of(NULL, NULL, "the moon is in the wrong phase"), "onhold");
}

static void test_user_unknown_after_data_is_filtered(void **state)
{
	(void)state;
	struct bd_verdict v = verdict_with(&defaults, "5.2.0", "550", "550 User unknown", "DATA");
	assert_str(v.reason->id, "filtered");
	v = verdict_with(&defaults, "5.1.1", "550", "550 5.1.1 User unknown", "DATA");
	assert_str(v.reason->id, "userunknown");
	v = verdict_with(&defaults, "5.2.0", "550", "550 User unknown", "RCPT");
	assert_str(v.reason->id, "userunknown");
}

/* A recipient with the given codes, stage and hosts, for the evidence that
 * its address was judged. */
static struct bd_verdict judged_with(const char *status, const char *command, const char *reporting,
				     const char *remote, const char *diag)
{
	return verdict_of_rcpt(&defaults, (struct bd_rcpt){.status = status,
							   .replycode = "550",
							   .command = command,
							   .reporting_mta = reporting,
							   .remote_mta = remote,
							   .diagnostic = diag});
}

static void test_user_unknown_needs_the_address_judged(void **state)
{
	(void)state;
	const char *words = "550 <a@example.com>... User unknown";
	/* Relayed by a gateway that names no stage: a filter's refusal, soft. */
	struct bd_verdict v = judged_with(NULL, NULL, NULL, NULL, words);
	assert_str(v.reason->id, "filtered");
	assert_false(v.hardbounce);
	v = judged_with("5.0.0", NULL, "mx.example.net", "mx.example.com", words);
	assert_str(v.reason->id, "filtered");
	v = judged_with("5.2.1", NULL, NULL, "mx.example.com", words);
	assert_str(v.reason->id, "filtered");
	v = judged_with("5.7.1", NULL, NULL, NULL, "550 5.7.1 550 User Unknown: a@example.com");
	assert_str(v.reason->id, "filtered");
	/* The answer to RCPT TO judged the address, whatever the status. */
	v = judged_with("5.2.1", "RCPT", NULL, "mx.example.com", words);
	assert_str(v.reason->id, "userunknown");
	assert_true(v.hardbounce);
	/* An address status says so at any stage. */
	v = judged_with("5.1.1", NULL, NULL, "mx.example.com", words);
	assert_str(v.reason->id, "userunknown");
	/* The reporting host's own delivery: a DSN naming no Remote-MTA. */
	v = judged_with("5.5.0", NULL, "mx.example.net", NULL,
			"550 Requested action not taken: mailbox unavailable");
	assert_str(v.reason->id, "userunknown");
	assert_true(bd_address_judged(&(struct bd_rcpt){.command = "LOCAL"}));
	assert_false(bd_address_judged(&(struct bd_rcpt){.command = "DATA", .status = "5.2.0"}));
	assert_false(bd_address_judged(NULL));
	v = judged_with(NULL, NULL, NULL, NULL, "550 Mailbox does not exist");
	assert_str(v.reason->id, "filtered");
	v = judged_with("5.1.1", NULL, NULL, NULL, "550 5.1.1 Mailbox does not exist");
	assert_str(v.reason->id, "userunknown");
	/* The condition leaves the rule in its place: wording about the sender,
	 * a full mailbox or a suspension is still read before it. */
	v = judged_with(NULL, NULL, NULL, NULL, "553 Sender address unknown");
	assert_str(v.reason->id, "rejected");
	v = judged_with(NULL, NULL, NULL, NULL, "552 Recipient address rejected: mailbox full");
	assert_str(v.reason->id, "mailboxfull");
	/* Wording that only a directory lookup writes needs no stage. */
	v = judged_with(NULL, NULL, NULL, NULL, "The recipient name is not recognized");
	assert_str(v.reason->id, "userunknown");
	/* A provider saying it has no such account speaks of its own accounts,
	 * at whatever stage it says so. */
	v = judged_with("5.0.0", NULL, "out.example.net", "mx.example.com",
			"554 delivery error: dd This user doesn't have a example.com account "
			"(someone@example.com) [0] - mta1.example.com");
	assert_str(v.reason->id, "userunknown");
	assert_true(v.hardbounce);
}

static void test_address_key_scopes_a_rule(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	const char *text = "suspend address=judged /closed/\n"
			   "filtered address=unjudged /closed/\n";
	bd_ruleset_init(&rs);
	assert_true(bd_ruleset_add_text(&rs, "t.rules", text, strlen(text), &err));
	bd_ruleset_finish(&rs);
	assert_str(verdict_with(&rs, NULL, NULL, "closed", NULL).reason->id, "filtered");
	assert_str(verdict_with(&rs, NULL, NULL, "closed", "RCPT").reason->id, "suspend");
	assert_str(verdict_with(&rs, "5.1.0", NULL, "closed", NULL).reason->id, "suspend");
	bd_ruleset_done(&rs);
	bd_ruleset_init(&rs);
	text = "filtered address=maybe /x/\n";
	assert_false(bd_ruleset_add_text(&rs, "t.rules", text, strlen(text), &err));
	assert_non_null(strstr(err.msg, "address"));
	bd_ruleset_done(&rs);
}

static void test_mta_category_key_scopes_a_rule(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	const char *text = "mailboxfull priority=-1 mta-category=Quota-Issues\n";
	bd_ruleset_init(&rs);
	assert_true(bd_ruleset_add_text(&rs, "t.rules", text, strlen(text), &err));
	bd_ruleset_finish(&rs);
	struct bd_rcpt f = {.diagnostic = "550 Box ZX-7 cannot take more"};
	assert_str(verdict_of_rcpt(&rs, f).reason->id, "onhold");
	f.mta_category = "quota-issues";
	struct bd_verdict v = verdict_of_rcpt(&rs, f);
	assert_str(v.reason->id, "mailboxfull");
	assert_str(v.rule, "t.rules:1");
	/* Weak: a precise status code still decides first. */
	f.status = "5.1.1";
	assert_str(verdict_of_rcpt(&rs, f).reason->id, "userunknown");
	bd_ruleset_done(&rs);
	bd_ruleset_init(&rs);
	text = "mailboxfull mta-category=\n";
	assert_false(bd_ruleset_add_text(&rs, "t.rules", text, strlen(text), &err));
	assert_non_null(strstr(err.msg, "mta-category"));
	bd_ruleset_done(&rs);
}

static void test_hardbounce_and_permanent_are_separate_answers(void **state)
{
	(void)state;
	/* A blocklisting: permanent refusal, but the address is fine. */
	struct bd_verdict v = verdict_with(&defaults, "5.7.1", "554",
					   "554 5.7.1 Service unavailable; client blocked using "
					   "zen.spamhaus.org",
					   NULL);
	assert_str(v.reason->id, "blocked");
	assert_true(v.permanent);
	assert_false(v.hardbounce);
	/* Unknown user: both. */
	v = verdict_with(&defaults, "5.1.1", "550", "User unknown", NULL);
	assert_true(v.hardbounce);
	assert_true(v.permanent);
	/* Mailbox full with 5.2.2: the seed table's soft exception. */
	v = verdict_with(&defaults, "5.2.2", "552", "Mailbox full", NULL);
	assert_false(v.permanent);
	assert_false(v.hardbounce);
	/* An address reason under a temporary code is not (yet) a bad address. */
	v = verdict_with(&defaults, "4.1.1", "450", "User unknown (lookup deferred)", NULL);
	assert_false(v.hardbounce);
}

static void test_status_table_and_soft_exceptions(void **state)
{
	(void)state;
	assert_str(bd_status_lookup("5.1.1")->reason, "userunknown");
	assert_str(bd_status_lookup("4.2.2")->reason, "mailboxfull");
	assert_str(bd_status_lookup("5.7.25")->reason, "requireptr");
	assert_str(bd_status_lookup("5.1.10")->reason, "notaccept");
	assert_null(bd_status_lookup("5.9.99"));
	assert_null(bd_status_lookup("five"));
	assert_true(bd_status_permanent("5.1.1"));
	assert_true(bd_status_permanent("5.7.1"));
	static const char *const soft[] = {"5.2.0", "5.2.1", "5.2.2", "5.3.1", "5.4.5", "5.5.3"};
	for (size_t i = 0; i < sizeof(soft) / sizeof(soft[0]); i++)
		assert_false(bd_status_permanent(soft[i]));
	assert_false(bd_status_permanent("4.4.1"));
	assert_str(bd_reply_lookup(556)->reason, "notaccept");
	assert_str(bd_status_class_meaning('4'), "Persistent transient failure");
}

static void test_every_category_names_a_vocabulary_reason(void **state)
{
	(void)state;
	for (size_t i = 0; i < bd_nreasons; i++) {
		const struct bd_reason *r = &bd_reasons[i];
		const struct bd_reason *b = bd_reason_base(r);
		assert_non_null(b);
		assert_null(b->refines);
		if (r->refines)
			assert_ptr_not_equal(r, b);
	}
	assert_str(bd_reason_base(bd_reason_get("dnstimeout"))->id, "networkerror");
	assert_null(bd_reason_get("nonsense"));
}

static bool load(struct bd_ruleset *rs, const char *text, struct bd_error *err)
{
	bd_ruleset_init(rs);
	bool ok = bd_ruleset_add_text(rs, "test.rules", text, strlen(text), err);
	if (ok)
		bd_ruleset_finish(rs);
	return ok;
}

static void test_bad_rule_files_say_file_line_and_why(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	assert_false(load(&rs, "# fine\nuserunknown /ok/\nnosuchreason /x/\n", &err));
	assert_non_null(strstr(err.msg, "test.rules:3"));
	assert_non_null(strstr(err.msg, "unknown category 'nosuchreason'"));
	bd_ruleset_done(&rs);

	assert_false(load(&rs, "blocked /unclosed (group/\n", &err));
	assert_int_equal(err.code, BD_ERR_REGEX);
	assert_non_null(strstr(err.msg, "test.rules:1: bad pattern at offset"));
	assert_non_null(strstr(err.msg, "missing closing parenthesis"));
	bd_ruleset_done(&rs);

	assert_false(load(&rs, "blocked colour=red /x/\n", &err));
	assert_non_null(strstr(err.msg, "unknown key 'colour'"));
	bd_ruleset_done(&rs);

	assert_false(load(&rs, "blocked status=9.9.9 /x/\n", &err));
	assert_non_null(strstr(err.msg, "bad value for status"));
	bd_ruleset_done(&rs);

	assert_false(load(&rs, "blocked\n", &err));
	assert_non_null(strstr(err.msg, "needs a /pattern/"));
	bd_ruleset_done(&rs);

	assert_false(load(&rs, "disable nothere\n", &err));
	assert_non_null(strstr(err.msg, "no earlier rule with id 'nothere'"));
	bd_ruleset_done(&rs);
}

static const char *match_id(struct bd_ruleset *rs, const char *text, const char *status)
{
	struct bd_verdict v = verdict_with(rs, status, NULL, text, NULL);
	return v.category->id;
}

static void test_precedence_priority_scope_then_later_file(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	const char *a = "blocked /refused/\nspamdetected status=5.7.1 /refused/\n"
			"systemerror id=sys /refused/\n";
	const char *b = "suspend /refused/\n";
	assert_true(bd_ruleset_add_text(&rs, "a.rules", a, strlen(a), &err));
	assert_true(bd_ruleset_add_text(&rs, "b.rules", b, strlen(b), &err));
	bd_ruleset_finish(&rs);
	/* Narrower scope wins over file order. */
	assert_str(match_id(&rs, "refused", "5.7.1"), "spamdetected");
	/* Same scope: the later file wins. */
	assert_str(match_id(&rs, "refused", "5.0.0"), "suspend");
	bd_ruleset_done(&rs);

	bd_ruleset_init(&rs);
	const char *c = "blocked /refused/\nsuspend priority=5 /refused/\n";
	assert_true(bd_ruleset_add_text(&rs, "c.rules", c, strlen(c), &err));
	bd_ruleset_finish(&rs);
	assert_str(match_id(&rs, "refused", "5.7.1"), "suspend");
	bd_ruleset_done(&rs);
}

/* The pre-filter finds all rules' literals in one pass over the text: a
 * literal shared by rules, literals sharing their first bytes, a literal at
 * either end of the text, one longer than the text, and rules added after
 * a first match. */
static void test_prefilter_index_finds_every_literal(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	const char *a = "suspend /recipient suspended/\n"
			"mailboxfull /recipient (mailbox )?full/\n"
			"userunknown /recipient unknown|unknown recipient/\n"
			"hostunknown /^nxdomain/\n";
	assert_true(bd_ruleset_add_text(&rs, "a.rules", a, strlen(a), &err));
	bd_ruleset_finish(&rs);
	assert_str(match_id(&rs, "Recipient Suspended", NULL), "suspend");
	assert_str(match_id(&rs, "550 recipient mailbox full", NULL), "mailboxfull");
	assert_str(match_id(&rs, "recipient unknown", NULL), "userunknown");
	assert_str(match_id(&rs, "550 unknown recipient", NULL), "userunknown");
	assert_str(match_id(&rs, "NXDOMAIN", NULL), "hostunknown");
	assert_str(match_id(&rs, "recipient", NULL), "onhold");
	assert_str(match_id(&rs, "rec", NULL), "onhold");
	/* A later file's rule with a literal no earlier rule has. */
	const char *b = "blocked /spamtrap hit/\nmailboxfull /recipient overdrawn/\n";
	assert_true(bd_ruleset_add_text(&rs, "b.rules", b, strlen(b), &err));
	bd_ruleset_finish(&rs);
	assert_str(match_id(&rs, "550 spamtrap hit", NULL), "blocked");
	assert_str(match_id(&rs, "552 Recipient overdrawn", NULL), "mailboxfull");
	assert_str(match_id(&rs, "Recipient Suspended", NULL), "suspend");
	bd_ruleset_done(&rs);
	/* An alternative that proves two things ("return", and one of the
	 * group's words) is tried only when the text holds both. */
	assert_true(load(&rs,
			 "rejected /return[- ]path (domain )?(unknown|refused)|"
			 "(bad|invalid) sender (domain|address)/\n",
			 &err));
	assert_int_equal(rs.v[0].nalts, 2);
	assert_true(rs.v[0].alts[0].nsecond > 0);
	assert_true(rs.v[0].alts[1].nsecond > 0);
	assert_str(match_id(&rs, "553 Return-Path unknown", NULL), "rejected");
	assert_str(match_id(&rs, "550 return path domain REFUSED", NULL), "rejected");
	assert_str(match_id(&rs, "550 Invalid sender address", NULL), "rejected");
	assert_str(match_id(&rs, "550 bad sender domain", NULL), "rejected");
	assert_str(match_id(&rs, "550 recipient unknown, return to sender", NULL), "onhold");
	assert_str(match_id(&rs, "550 sender address bad", NULL), "onhold");
	bd_ruleset_done(&rs);
	/* Characters given by number are no literal text of their digits. */
	assert_true(load(&rs,
			 "blocked /\\x41BC listed|\\101bc banned|\\cAxyz banned|"
			 "\\x{41}bc blocked/\n",
			 &err));
	assert_str(match_id(&rs, "ABC listed", NULL), "blocked");
	assert_str(match_id(&rs, "Abc banned", NULL), "blocked");
	assert_str(match_id(&rs, "\001xyz banned", NULL), "blocked");
	assert_str(match_id(&rs, "abc blocked", NULL), "blocked");
	bd_ruleset_done(&rs);
}

static void test_disable_drops_a_rule_by_id(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	const char *a = "blocked id=blk /refused/\nsystemerror /refused/\n";
	const char *b = "disable blk\n";
	assert_true(bd_ruleset_add_text(&rs, "a.rules", a, strlen(a), &err));
	assert_true(bd_ruleset_add_text(&rs, "b.rules", b, strlen(b), &err));
	bd_ruleset_finish(&rs);
	assert_str(match_id(&rs, "refused", NULL), "systemerror");
	bd_ruleset_done(&rs);
}

static void test_prefilter_never_hides_a_real_match(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	assert_true(load(&rs,
			 "mailboxfull /colou?r (is )?full|box+ full|[a-z]+ quota x{0,2}y/\n"
			 "userunknown /case\\.sensitive/c\n",
			 &err));
	assert_str(match_id(&rs, "COLOR full", NULL), "mailboxfull");
	assert_str(match_id(&rs, "colour is full", NULL), "mailboxfull");
	assert_str(match_id(&rs, "boxxx full", NULL), "mailboxfull");
	assert_str(match_id(&rs, "mail quota y", NULL), "mailboxfull");
	assert_str(match_id(&rs, "case.sensitive", NULL), "userunknown");
	assert_str(match_id(&rs, "CASE.SENSITIVE", NULL), "onhold");
	bd_ruleset_done(&rs);
	/* Literals proven by a group that must match, and letters with case
	 * beyond ASCII, keep a pre-filter that still finds every match. */
	assert_true(load(&rs,
			 "suspend /(account|mailbox) (is )?(closed|frozen)/\n"
			 "userunknown /empfänger unbekannt|ящик не найден|usu[aá]rio inexistente/\n"
			 "blocked /\\[(CS|HM)\\d\\d\\]/\n",
			 &err));
	for (size_t i = 0; i < rs.n; i++) {
		if (strcmp(rs.v[i].category->id, "blocked") != 0)
			assert_true(rs.v[i].nlits > 0);
	}
	assert_str(match_id(&rs, "550 MAILBOX IS FROZEN", NULL), "suspend");
	assert_str(match_id(&rs, "550 Account closed", NULL), "suspend");
	assert_str(match_id(&rs, "550 mailbox open", NULL), "onhold");
	assert_str(match_id(&rs, "550 EMPFÄNGER UNBEKANNT", NULL), "userunknown");
	assert_str(match_id(&rs, "550 ЯЩИК НЕ НАЙДЕН", NULL), "userunknown");
	assert_str(match_id(&rs, "550 Usuário inexistente", NULL), "userunknown");
	/* Two letters prove too little: that rule runs on every text. */
	assert_str(match_id(&rs, "550 5.7.1 [HM08] refused", NULL), "blocked");
	bd_ruleset_done(&rs);
	/* A literal longer than the pre-filter keeps is cut, not dropped: the
	 * rule still finds its text, and only its text. */
	assert_true(load(&rs,
			 "suspend /this mailbox has been closed by the administrator of the "
			 "receiving organisation for good/\n",
			 &err));
	assert_true(rs.v[0].nlits > 0);
	assert_str(match_id(&rs,
			    "550 This mailbox has been closed by the administrator of the "
			    "receiving organisation for good",
			    NULL),
		   "suspend");
	assert_str(match_id(&rs,
			    "550 This mailbox has been closed by the administrator of the "
			    "receiving organisation for now",
			    NULL),
		   "onhold");
	bd_ruleset_done(&rs);
}

/* The built-in rules are compiled on first use, so start-up only reads
 * them: every one of them must compile, which rules check also proves. */
static void test_default_rules_compile(void **state)
{
	(void)state;
	assert_true(defaults.n > 50);
	for (size_t i = 0; i < defaults.n; i++)
		assert_non_null(defaults.v[i].category);
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	assert_true(bd_ruleset_add_default(&rs, &err));
	bd_ruleset_finish(&rs);
	size_t deferred = 0;
	for (size_t i = 0; i < rs.n; i++)
		deferred += rs.v[i].pattern && !rs.v[i].re;
	assert_true(deferred > 50);
	if (!bd_ruleset_compile_all(&rs, &err))
		fail_msg("%s", err.msg);
	for (size_t i = 0; i < rs.n; i++)
		assert_true(!rs.v[i].pattern || rs.v[i].re);
	bd_ruleset_done(&rs);
}

/* A trusted text's bad pattern is found when it is first needed: it never
 * matches, the rules after it still do, and compile_all names it with
 * PCRE2's words. */
static void test_trusted_bad_pattern_is_found_late_not_fatal(void **state)
{
	(void)state;
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	const char *text = "blocked /listed (here|/\nmailboxfull /listed here and full/\n";
	assert_true(bd_ruleset_add_trusted(&rs, "built.rules", text, strlen(text), &err));
	bd_ruleset_finish(&rs);
	assert_str(match_id(&rs, "550 listed here and full", NULL), "mailboxfull");
	assert_false(bd_ruleset_compile_all(&rs, &err));
	assert_non_null(strstr(err.msg, "built.rules:1: bad pattern at offset"));
	bd_ruleset_done(&rs);
	/* The same text from a user's file stops the load at once. */
	bd_ruleset_init(&rs);
	assert_false(bd_ruleset_add_text(&rs, "user.rules", text, strlen(text), &err));
	assert_non_null(strstr(err.msg, "user.rules:1: bad pattern at offset"));
	bd_ruleset_done(&rs);
}

static void test_status_patterns(void **state)
{
	(void)state;
	assert_true(bd_status_match("5.7.*", "5.7.26"));
	assert_true(bd_status_match("5", "5.1.1"));
	assert_true(bd_status_match("*.2.2", "4.2.2"));
	assert_false(bd_status_match("5.7.*", "5.1.1"));
	assert_false(bd_status_match("5.1.1", "5.1.10"));
	assert_false(bd_status_match("5.1", NULL));
}

static void test_non_bounces_get_their_own_reasons(void **state)
{
	(void)state;
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_AUTOREPLY;
	struct bd_verdict v;
	bd_classify(&defaults, &r, bd_report_rcpt(&r, "away@example.org"), &v, NULL, NULL);
	assert_str(v.reason->id, "vacation");
	assert_false(v.hardbounce);
	r.kind = BD_KIND_FEEDBACK;
	bd_classify(&defaults, &r, &r.rcpt[0], &v, NULL, NULL);
	assert_str(v.reason->id, "feedback");
	r.kind = BD_KIND_SUCCESS;
	bd_classify(&defaults, &r, &r.rcpt[0], &v, NULL, NULL);
	assert_str(v.reason->id, "delivered");
	bd_report_done(&r);
}

static void test_address_rejected_with_its_own_reason(void **state)
{
	(void)state;
	/* A bare refusal of the address: the address is the trouble. */
	assert_str(verdict_with(&defaults, "5.0.0", "550",
				"550 5.0.0 <a@example.com>: Recipient address rejected", "RCPT")
			   .reason->id,
		   "userunknown");
	/* The text after the colon is the reason; unknown wording stays on hold. */
	assert_str(verdict_with(&defaults, "5.0.0", "550",
				"550 5.0.0 <a@example.com>: Recipient address rejected: "
				"Parked by the site administrator",
				"RCPT")
			   .reason->id,
		   "onhold");
	/* So also when the stage is unknown: a relayed greylisting deferral is
	 * greylisting, not a filter's refusal dressed as user unknown. */
	assert_str(verdict_with(&defaults, "4.2.0", "450",
				"450 4.2.0 <a@example.com>: Recipient address rejected: "
				"Greylisted, see https://postgrey.example.com/",
				NULL)
			   .category->id,
		   "greylisted");
	assert_str(verdict_with(&defaults, "5.0.0", "550",
				"550 5.0.0 <a@example.com>: Recipient address rejected", NULL)
			   .reason->id,
		   "filtered");
	/* A gateway that only asks to check the address thinks it is wrong. */
	assert_str(reason_of(NULL, NULL,
			     "Could not deliver to <a@example.com>. Please check that the "
			     "address is correct."),
		   "userunknown");
}

static void test_delivery_not_authorized_is_a_security_refusal(void **state)
{
	(void)state;
	/* RFC 3463 X.7.1 in words: the sender is not authorised to send there. */
	struct bd_verdict v = verdict_with(&defaults, "5.7.1", "551",
					   "551 5.7.1 <a@example.com>: Delivery not authorized, "
					   "message refused",
					   "RCPT");
	assert_str(v.reason->id, "securityerror");
	assert_false(v.hardbounce);
}

static void test_access_denied_to_mail_from_refuses_the_sender(void **state)
{
	(void)state;
	const char *diag = "550 5.7.1 <sender@example.org>... Access denied";
	assert_str(verdict_with(&defaults, "5.7.1", "550", diag, "MAIL").reason->id, "rejected");
	/* Without the stage it stays a security refusal. */
	assert_str(verdict_with(&defaults, "5.7.1", "550", diag, NULL).reason->id, "securityerror");
}

static void test_unverified_identity_at_a_sending_service_is_no_relaying(void **state)
{
	(void)state;
	assert_str(verdict_with(&defaults, "5.0.0", "554",
				"554 Message rejected: Email address is not verified. The "
				"following identities failed the check in region EU-WEST-1: "
				"sender@example.org",
				"DATA")
			   .reason->id,
		   "norelaying");
	/* A receiving server's sender verification stays a refused sender. */
	assert_str(reason_of(NULL, "550", "550 Sender verify failed"), "rejected");
	/* qmail's refusal to relay, in both of its spellings, over 5.7.1. */
	assert_str(verdict_with(&defaults, "5.7.1", "553",
				"553 sorry, that domain isn't in my list of allowed rcpthosts "
				"(#5.7.1)",
				"RCPT")
			   .reason->id,
		   "norelaying");
	assert_str(reason_of("5.7.1", "553",
			     "553 sorry, that domain is not in my list of allowed rcpthosts"),
		   "norelaying");
}

static void test_not_listed_is_not_a_blocklisting(void **state)
{
	(void)state;
	assert_str(reason_of(NULL, NULL, "Recipient not listed in the company directory"),
		   "userunknown");
	assert_str(reason_of(NULL, "554", "554 Your IP is listed in a DNS blocklist"), "blocked");
}

static void test_temporary_failure_reported_at_once_is_not_expired(void **state)
{
	(void)state;
	struct bd_report r;
	bd_report_init(&r);
	r.kind = BD_KIND_BOUNCE;
	r.date = "2021-05-20T10:00:03Z";
	struct bd_rcpt *rc = bd_report_rcpt(&r, "someone@example.com");
	rc->action = "failed";
	rc->status = "4.0.0";
	rc->replycode = "450";
	rc->diagnostic = "450 4.0.0 Try later";
	/* Reported three seconds after it arrived: nothing was retried. */
	rc->arrival = "2021-05-20T10:00:00Z";
	struct bd_verdict v;
	bd_classify(&defaults, &r, rc, &v, NULL, NULL);
	assert_str(v.reason->id, "onhold");
	/* Reported two days later: the retry window ran out. */
	rc->arrival = "2021-05-18T10:00:00Z";
	bd_classify(&defaults, &r, rc, &v, NULL, NULL);
	assert_str(v.reason->id, "expired");
	/* No arrival date: a failure with a temporary code is still an expiry. */
	rc->arrival = NULL;
	bd_classify(&defaults, &r, rc, &v, NULL, NULL);
	assert_str(v.reason->id, "expired");
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_wording_is_covered),
		cmocka_unit_test(test_japanese_wording_is_covered),
		cmocka_unit_test(test_status_code_decides_when_words_say_nothing),
		cmocka_unit_test(test_temporary_code_on_a_failure_means_expired),
		cmocka_unit_test(test_temporary_failure_reported_at_once_is_not_expired),
		cmocka_unit_test(test_nothing_at_all_is_undefined_and_words_alone_onhold),
		cmocka_unit_test(test_user_unknown_after_data_is_filtered),
		cmocka_unit_test(test_user_unknown_needs_the_address_judged),
		cmocka_unit_test(test_address_key_scopes_a_rule),
		cmocka_unit_test(test_mta_category_key_scopes_a_rule),
		cmocka_unit_test(test_hardbounce_and_permanent_are_separate_answers),
		cmocka_unit_test(test_status_table_and_soft_exceptions),
		cmocka_unit_test(test_every_category_names_a_vocabulary_reason),
		cmocka_unit_test(test_bad_rule_files_say_file_line_and_why),
		cmocka_unit_test(test_precedence_priority_scope_then_later_file),
		cmocka_unit_test(test_disable_drops_a_rule_by_id),
		cmocka_unit_test(test_prefilter_never_hides_a_real_match),
		cmocka_unit_test(test_prefilter_index_finds_every_literal),
		cmocka_unit_test(test_default_rules_compile),
		cmocka_unit_test(test_trusted_bad_pattern_is_found_late_not_fatal),
		cmocka_unit_test(test_status_patterns),
		cmocka_unit_test(test_non_bounces_get_their_own_reasons),
		cmocka_unit_test(test_address_rejected_with_its_own_reason),
		cmocka_unit_test(test_delivery_not_authorized_is_a_security_refusal),
		cmocka_unit_test(test_access_denied_to_mail_from_refuses_the_sender),
		cmocka_unit_test(test_unverified_identity_at_a_sending_service_is_no_relaying),
		cmocka_unit_test(test_not_listed_is_not_a_blocklisting),
	};
	return cmocka_run_group_tests_name("rules", tests, load_defaults, free_defaults);
}
