/* testdetect.h: what the detector test runners share: parse a fixture in
 * one MTA's format, find a recipient, and ask the default rules for their
 * verdict. */
#ifndef BD_TESTDETECT_H
#define BD_TESTDETECT_H

#include "testlib.h"

#include "../../core/classify.h"
#include "../../core/rules.h"

/* Parses detectors/NAME.eml and checks the detector and recipient count;
 * the report is left for the caller's assertions. */
static inline void parse(struct bd_report *r, const char *name, const char *detector, size_t n)
{
	char path[256];
	snprintf(path, sizeof(path), "detectors/%s.eml", name);
	test_parse_fixture(path, r);
	assert_str(r->detector, detector);
	assert_int_equal(r->n, n);
}

static inline const struct bd_rcpt *rcpt(const struct bd_report *r, const char *addr)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->rcpt[i].recipient && strcmp(r->rcpt[i].recipient, addr) == 0)
			return &r->rcpt[i];
	}
	fail_msg("no recipient %s", addr);
	return NULL;
}

static inline void assert_diag_has(const struct bd_rcpt *rc, const char *words)
{
	assert_non_null(rc->diagnostic);
	if (!strstr(rc->diagnostic, words))
		fail_msg("diagnostic \"%s\" lacks \"%s\"", rc->diagnostic, words);
}

/* The default rules' verdict on one recipient of a parsed message. */
static inline struct bd_verdict verdict(const struct bd_report *r, const struct bd_rcpt *rc)
{
	struct bd_ruleset rs;
	struct bd_error err;
	bd_ruleset_init(&rs);
	assert_true(bd_ruleset_add_default(&rs, &err));
	bd_ruleset_finish(&rs);
	struct bd_verdict v;
	bd_classify(&rs, r, rc, &v, NULL, NULL);
	bd_ruleset_done(&rs);
	return v;
}

static inline void assert_verdict(const struct bd_report *r, const struct bd_rcpt *rc,
				  const char *reason, bool hard)
{
	struct bd_verdict v = verdict(r, rc);
	assert_str(v.reason->id, reason);
	assert_int_equal(v.hardbounce, hard);
}

#endif
