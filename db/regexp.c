/* regexp.c: REGEXP for SQLite through PCRE2 (see regexp.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regexp.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

/* The pointer type name SQLite checks when a compiled pattern is passed. */
#define REGEX_PTR "bd_regex"

struct bd_regex {
	pcre2_code *code;
	pcre2_match_data *md; /* reused: one match at a time per pattern */
};

bool bd_regex_new(const char *pattern, struct bd_regex **out, char *msg, size_t n)
{
	*out = NULL;
	int ec;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec,
					 &off, NULL);
	if (!code) {
		PCRE2_UCHAR text[256];
		pcre2_get_error_message(ec, text, sizeof(text));
		snprintf(msg, n, "bad pattern: %s at offset %zu", (const char *)text, (size_t)off);
		return false;
	}
	/* Without JIT (some platforms forbid it) the interpreter still works. */
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	struct bd_regex *re = calloc(1, sizeof(*re));
	pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern(code, NULL) : NULL;
	if (!md) {
		free(re);
		pcre2_code_free(code);
		snprintf(msg, n, "bad pattern: out of memory");
		return false;
	}
	re->code = code;
	re->md = md;
	*out = re;
	return true;
}

void bd_regex_free(struct bd_regex **re)
{
	if (!*re)
		return;
	pcre2_match_data_free((*re)->md);
	pcre2_code_free((*re)->code);
	free(*re);
	*re = NULL;
}

bool bd_regex_match(struct bd_regex *re, const char *text, size_t len)
{
	return pcre2_match(re->code, (PCRE2_SPTR)text, len, 0, 0, re->md, NULL) >= 0;
}

static void regex_destroy(void *p)
{
	struct bd_regex *re = p;
	bd_regex_free(&re);
}

static void regexp_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct bd_regex *re = sqlite3_value_pointer(argv[0], REGEX_PTR);
	if (!re)
		re = sqlite3_get_auxdata(ctx, 0);
	if (!re) {
		const char *pattern = (const char *)sqlite3_value_text(argv[0]);
		if (!pattern) {
			sqlite3_result_null(ctx);
			return;
		}
		char msg[320];
		if (!bd_regex_new(pattern, &re, msg, sizeof(msg))) {
			sqlite3_result_error(ctx, msg, -1);
			return;
		}
		/* Kept while the pattern argument stays the same: compiled once
		 * per statement run. */
		sqlite3_set_auxdata(ctx, 0, re, regex_destroy);
		if (!(re = sqlite3_get_auxdata(ctx, 0))) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	const char *text = (const char *)sqlite3_value_text(argv[1]);
	if (!text) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	sqlite3_result_int(ctx,
			   bd_regex_match(re, text, (size_t)sqlite3_value_bytes(argv[1])) ? 1 : 0);
}

#define IDSET_PTR "bd_idset"

static void inset_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct bd_idset *set = sqlite3_value_pointer(argv[0], IDSET_PTR);
	long long id = sqlite3_value_int64(argv[1]);
	sqlite3_result_int(ctx,
			   set && id >= 0 && id < set->n && (set->bits[id / 64] >> (id % 64) & 1));
}

int bd_regex_register(sqlite3 *db)
{
	int rc = sqlite3_create_function_v2(db, "regexp", 2,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					    NULL, regexp_fn, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "inset", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
						NULL, inset_fn, NULL, NULL, NULL);
	return rc;
}

int bd_idset_bind(sqlite3_stmt *q, int i, const struct bd_idset *set)
{
	return sqlite3_bind_pointer(q, i, (void *)set, IDSET_PTR, NULL);
}

int bd_regex_bind(sqlite3_stmt *q, int i, struct bd_regex *re)
{
	return sqlite3_bind_pointer(q, i, re, REGEX_PTR, NULL);
}
